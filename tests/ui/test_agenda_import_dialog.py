"""Agenda overnemen uit Word: pick the chair's .docx, correct what was read, add it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QLabel
from word_agendas import write_word_agenda

from taskforce_desktop.core import services
from taskforce_desktop.core.models import Purpose
from taskforce_desktop.ui.dialogs import agenda_import
from taskforce_desktop.ui.dialogs.agenda_import import AgendaImportDialog
from taskforce_desktop.ui.documents_panel import DocumentFileDialog


@pytest.fixture
def chair_agenda(tmp_path):
    return write_word_agenda(
        tmp_path / "agenda voorzitter.docx",
        [
            "Datum: 12 september 2031",
            "Graag vooraf aanmelden bij het secretariaat.",
            "1. Woonvisie 2030 (ter bespreking)",
            "Inbreng: wethouder Bakker",
            "De visie gaat in november naar de raad.",
            "2. Begrotng 2032 (ter kennisname, 20 min)",
            "3. Evaluatie pilot",
        ],
        title="Agenda Taskforce Samen Organiseren",
    )


def choose(monkeypatch, path):
    monkeypatch.setattr(agenda_import, "ask_word_agenda", lambda parent: path)


def opened_dialog(qtbot, window) -> AgendaImportDialog:
    qtbot.waitUntil(lambda: window.agenda_tab.findChild(AgendaImportDialog) is not None)
    dialog = window.agenda_tab.findChild(AgendaImportDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def agenda_table(window):
    model = window.agenda_tab.model
    return [
        (model.record(row).title, model.record(row).purpose, model.record(row).planned_minutes)
        for row in range(model.rowCount())
    ]


def test_the_corrected_points_reach_the_store_and_the_agenda_table(
    qtbot, window, meeting_id, chair_agenda, monkeypatch
):
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)

    assert [dialog.table.item(row, 2).text() for row in range(3)] == [
        "Woonvisie 2030",
        "Begrotng 2032",
        "Evaluatie pilot",
    ]
    assert dialog.table.item(0, 4).text() == "wethouder Bakker"
    assert dialog.introduction.toPlainText() == "De visie gaat in november naar de raad."
    assert [dialog.not_understood.item(0).text()] == [
        "Graag vooraf aanmelden bij het secretariaat."
    ]
    # She corrects the typo and the purpose of point 2, and leaves point 3 out.
    dialog.table.item(1, 2).setText("Begroting 2032")
    dialog.purpose_box(1).setCurrentIndex(dialog.purpose_box(1).findData(Purpose.DECISION))
    dialog.table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.add_button.click()

    expected = [
        ("Opening", Purpose.NOTING, 5),
        ("Dienstverlening", Purpose.NOTING, None),
        ("Woonvisie 2030", Purpose.OPINION, None),
        ("Begroting 2032", Purpose.DECISION, 20),
    ]
    stored = services.load_meeting(window.store, meeting_id).agenda
    assert [(item.title, item.purpose, item.planned_minutes) for item in stored] == expected
    assert stored[2].presenter == "wethouder Bakker"
    assert stored[2].introduction == "De visie gaat in november naar de raad."
    assert agenda_table(window) == expected
    assert window.session.current_item_id == stored[2].id  # the first new point

    # One step on the undo stack takes both points out again.
    window.session.undo_stack.undo()
    assert [item.title for item in services.load_meeting(window.store, meeting_id).agenda] == [
        "Opening",
        "Dienstverlening",
    ]
    assert len(agenda_table(window)) == 2
    window.session.undo_stack.redo()
    assert agenda_table(window) == expected
    window.session.undo_stack.undo()
    assert len(agenda_table(window)) == 2


def test_cancelling_adds_nothing(qtbot, window, meeting_id, chair_agenda, monkeypatch):
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    opened_dialog(qtbot, window).reject()
    assert len(services.load_meeting(window.store, meeting_id).agenda) == 2
    assert window.session.undo_stack.count() == 0


def test_the_dialog_counts_the_points_it_recognised(qtbot, window, tmp_path, monkeypatch):
    choose(monkeypatch, write_word_agenda(tmp_path / "kort.docx", ["1. Woonvisie 2030"]))
    window.agenda_tab.word_button.click()
    said = [label.text() for label in opened_dialog(qtbot, window).findChildren(QLabel)]
    assert any("Herkend in 'kort.docx': 1 agendapunt." in text for text in said)


def test_a_row_without_title_is_said_in_the_dialog(qtbot, window, chair_agenda, monkeypatch):
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)
    dialog.table.item(0, 2).setText("  ")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "Punt 1 heeft geen titel."


def test_a_pdf_is_explained_in_the_message_bar(qtbot, window, meeting_id, tmp_path, monkeypatch):
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    choose(monkeypatch, path)
    window.agenda_tab.word_button.click()
    qtbot.waitUntil(lambda: "agenda.pdf" in window.message_bar.text())
    assert window.message_bar.text() == (
        "'agenda.pdf' is een PDF, geen Word-document (.docx). Open het in Word of "
        "LibreOffice, sla het op als .docx en kies dat bestand."
    )
    assert window.agenda_tab.findChild(AgendaImportDialog) is None
    assert len(services.load_meeting(window.store, meeting_id).agenda) == 2


def test_a_document_without_points_says_how_to_write_them(qtbot, window, tmp_path, monkeypatch):
    path = write_word_agenda(tmp_path / "leeg.docx", ["Agenda volgt."])
    choose(monkeypatch, path)
    window.agenda_tab.word_button.click()
    qtbot.waitUntil(lambda: "leeg.docx" in window.message_bar.text())
    assert "geen agendapunt herkend" in window.message_bar.text()


def test_points_the_meeting_has_already_are_left_out_unless_she_ticks_them(
    qtbot, window, meeting_id, tmp_path, monkeypatch
):
    path = write_word_agenda(
        tmp_path / "agenda.docx", ["1. Opening en vaststellen agenda", "2. Woonvisie 2030"]
    )
    choose(monkeypatch, path)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)
    assert [dialog.table.item(row, 0).checkState() for row in range(2)] == [
        Qt.CheckState.Unchecked,
        Qt.CheckState.Checked,
    ]
    dialog.add_button.click()
    assert [item.title for item in services.load_meeting(window.store, meeting_id).agenda] == [
        "Opening",
        "Dienstverlening",
        "Woonvisie 2030",
    ]


def active(qtbot, dialog: AgendaImportDialog) -> AgendaImportDialog:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_alt_t_adds_the_points(qtbot, window, meeting_id, chair_agenda, monkeypatch):
    # "Punten &toevoegen" shared its Alt+T with the caption of the Toelichting: the key
    # went to the text field, and the points were not added.
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = active(qtbot, opened_dialog(qtbot, window))
    qtbot.keyClick(dialog.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.agenda_tab.model.rowCount() == 5)
    titles = [item.title for item in services.load_meeting(window.store, meeting_id).agenda]
    assert titles[2:] == ["Woonvisie 2030", "Begrotng 2032", "Evaluatie pilot"]


def test_up_and_down_in_the_purpose_column_go_to_other_points(
    qtbot, window, chair_agenda, monkeypatch
):
    # On a Doel cell the arrows changed the purpose: going down the column changed each
    # purpose she passed. They move, as in the other columns; a letter chooses.
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = active(qtbot, opened_dialog(qtbot, window))
    purposes = [dialog.purpose_box(row).currentData() for row in range(3)]
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)  # from the title to its purpose
    qtbot.waitUntil(dialog.purpose_box(0).hasFocus)
    for _ in range(3):  # the third is past the last point: it stays there
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.purpose_box(2).hasFocus() and dialog.table.currentRow() == 2
    qtbot.keyClick(dialog.purpose_box(2), Qt.Key.Key_Up)
    assert dialog.purpose_box(1).hasFocus()
    assert [dialog.purpose_box(row).currentData() for row in range(3)] == purposes
    qtbot.keyClicks(dialog.purpose_box(1), "Bes")
    assert dialog.purpose_box(1).currentData() == Purpose.DECISION


def test_the_dialog_fits_a_small_screen(qtbot, window, chair_agenda, monkeypatch):
    # At 200 % text on a 1366 × 768 laptop its 900 × 620 was taller than the screen: the
    # buttons to add or cancel were below its edge. (The test screen is 800 × 800.)
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)
    free = dialog.screen().availableGeometry()
    assert dialog.width() < free.width() and dialog.height() < free.height()
    assert free.contains(dialog.add_button.mapToGlobal(dialog.add_button.rect().bottomRight()))


def test_a_redo_brings_the_points_back_with_the_stuk_she_attached(
    qtbot, window, meeting_id, chair_agenda, tmp_path, monkeypatch
):
    # Attaching a stuk is no step of its own: Ctrl+Z right after it takes the imported
    # points away, and the redo made them anew from the Word file, without the stuk.
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    opened_dialog(qtbot, window).add_button.click()
    qtbot.waitUntil(lambda: window.agenda_tab.model.rowCount() == 5)
    woonvisie = services.load_meeting(window.store, meeting_id).agenda[2]
    window.session.select_agenda_item(woonvisie.id)
    stuk = tmp_path / "woonvisie.pdf"
    stuk.write_bytes(b"%PDF-1.7 woonvisie")
    monkeypatch.setattr(DocumentFileDialog, "ask_open", classmethod(lambda cls, *_: [stuk]))
    panel = window.agenda_tab.documents
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.view.topLevelItemCount() == 1, timeout=5000)

    window.session.undo_stack.undo()
    assert len(services.load_meeting(window.store, meeting_id).agenda) == 2
    window.session.undo_stack.redo()

    agenda = services.load_meeting(window.store, meeting_id).agenda
    assert [item.title for item in agenda][2:] == [
        "Woonvisie 2030",
        "Begrotng 2032",
        "Evaluatie pilot",
    ]
    assert agenda[2].presenter == "wethouder Bakker"
    documents = services.documents_of_item(window.store, agenda[2].id)
    assert [(record.file_name, content) for record, content in documents] == [
        ("woonvisie.pdf", b"%PDF-1.7 woonvisie")
    ]
    window.session.select_agenda_item(agenda[2].id)
    assert [panel.view.topLevelItem(0).text(0)] == ["woonvisie.pdf"]


def test_the_file_question_starts_in_her_documents_then_where_she_was(
    qtbot, window, tmp_path, monkeypatch
):
    # It opened in the folder the app was started from (here the checkout, on Windows the
    # program's own folder).
    asked: list[str] = []

    def answer(parent, title, directory, filters):
        asked.append(directory)
        return str(tmp_path / "agenda.docx"), ""

    monkeypatch.setattr(agenda_import.QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(AgendaImportDialog, "last_folder", "")
    agenda_import.ask_word_agenda(window)
    agenda_import.ask_word_agenda(window)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked == [documents, str(tmp_path)]


def test_tab_goes_from_the_table_to_the_toelichting_and_the_buttons(
    qtbot, window, chair_agenda, monkeypatch
):
    # Tab went from cell to cell round the table for ever: the Toelichting, the lines not
    # understood and the buttons could not be reached with it.
    choose(monkeypatch, chair_agenda)
    window.agenda_tab.word_button.click()
    dialog = active(qtbot, opened_dialog(qtbot, window))
    qtbot.waitUntil(dialog.table.hasFocus)
    reached = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[:4] == [
        dialog.introduction,
        dialog.not_understood,
        dialog.add_button,
        dialog.buttons.buttons()[1],
    ]
    assert reached[4] is dialog.table  # round again, past the Doel boxes


def test_the_date_time_and_place_of_the_agendas_heading_are_offered_and_taken_in_one_step(
    qtbot, window, meeting_id, tmp_path, monkeypatch
):
    agenda = write_word_agenda(
        tmp_path / "agenda 19 september.docx",
        [
            "Datum: vrijdag 19 september 2031",
            "Tijd: 10.00 - 12.00 uur",
            "Locatie: Stadhuis Noordstad",
            "1. Woonvisie 2030",
        ],
        title="Agenda Taskforce Samen Organiseren",
    )
    choose(monkeypatch, agenda)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)
    boxes = [box.text() for box, _changes in dialog.heading_boxes]
    assert boxes == [
        "&Datum overnemen: vrijdag 19 september 2031 (nu vrijdag 12 september 2031)",
        "T&ijd overnemen: 10:00 – 12:00 uur (nu geen tijd)",
        "L&ocatie overnemen: Stadhuis Noordstad (nu leeg)",
    ]
    assert all(box.isChecked() and box.isVisible() for box, _changes in dialog.heading_boxes)
    dialog.heading_boxes[2][0].setChecked(False)  # she knows the room has moved
    dialog.add_button.click()

    stored = services.load_meeting(window.store, meeting_id)
    assert (stored.date, stored.start_time, stored.end_time, stored.location) == (
        dt.date(2031, 9, 19),
        dt.time(10, 0),
        dt.time(12, 0),
        "",
    )
    assert [item.title for item in stored.agenda][-1] == "Woonvisie 2030"
    tab = window.meeting_tab
    assert (tab.start_time.text(), tab.end_time.text(), tab.location.text()) == ("10:00", "12:00", "")
    assert "19 september 2031" in tab.date.text()
    assert "19 sep 2031" in _meeting_list_text(window, meeting_id)

    # One Ctrl+Z: the points go and the meeting is on its own date and time again.
    window.session.undo_stack.undo()
    stored = services.load_meeting(window.store, meeting_id)
    assert (stored.date, stored.start_time, stored.end_time) == (dt.date(2031, 9, 12), None, None)
    assert [item.title for item in stored.agenda] == ["Opening", "Dienstverlening"]
    assert tab.start_time.text() == ""
    assert "12 september 2031" in tab.date.text()
    assert "12 sep 2031" in _meeting_list_text(window, meeting_id)
    window.session.undo_stack.redo()
    assert services.load_meeting(window.store, meeting_id).date == dt.date(2031, 9, 19)


def _meeting_list_text(window, meeting_id):
    return window.meeting_list_model.index_of_meeting(meeting_id).data()


def test_a_heading_date_whose_weekday_does_not_fit_is_said_and_changes_nothing(
    qtbot, window, meeting_id, tmp_path, monkeypatch
):
    agenda = write_word_agenda(
        tmp_path / "agenda.docx",
        ["Datum: donderdag 19 september 2031", "1. Woonvisie 2030"],  # the 19th is a Friday
        title="Agenda",
    )
    choose(monkeypatch, agenda)
    window.agenda_tab.word_button.click()
    dialog = opened_dialog(qtbot, window)
    assert dialog.heading_boxes == []
    said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("donderdag 19 september 2031" in text and "passen niet" in text for text in said)
    dialog.add_button.click()
    assert services.load_meeting(window.store, meeting_id).date == dt.date(2031, 9, 12)
