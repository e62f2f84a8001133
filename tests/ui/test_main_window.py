"""The window around the tabs: welcome, meeting list, menus, import/export, memory, names."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.ui.dialogs import new_meeting
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog, NewMeetingRequest
from taskforce_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from taskforce_desktop.ui.dialogs.simple import Confirm, MeetingFileDialog
from taskforce_desktop.ui.widgets.message_bar import Level


def answer(monkeypatch, cls, name, value):
    monkeypatch.setattr(cls, name, classmethod(lambda _cls, *args, **kwargs: value))


def meeting_titles(window):
    return [m.title for m in services.list_meetings(window.store)]


def test_empty_store_welcomes_and_opens_the_sample(qtbot, make_window):
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    assert not window.act_delete.isEnabled()
    window.welcome.sample_button.click()
    qtbot.waitUntil(window.background.is_idle)  # the import runs off the UI thread
    assert window.pages.currentWidget() is window.tabs
    meeting = window.session.meeting
    assert meeting is not None and len(meeting.agenda) >= 5 and len(meeting.attendees) >= 8
    assert window.meeting_tree.currentIndex().data().endswith(meeting.title)
    assert window.act_delete.isEnabled()


def test_welcome_new_meeting_creates_committee_and_meeting(qtbot, make_window, monkeypatch):
    window = make_window()
    import datetime as dt

    request = NewMeetingRequest("Nieuw overleg", None, dt.date(2031, 2, 3), "Kick-off", False)
    answer(monkeypatch, NewMeetingDialog, "ask", request)
    window.welcome.new_button.click()
    meeting = window.session.meeting
    assert (meeting.committee.name, meeting.title, meeting.date) == (
        "Nieuw overleg",
        "Kick-off",
        dt.date(2031, 2, 3),
    )
    assert window.meeting_tab.title.hasFocus()


def test_new_meeting_from_the_previous_one(qtbot, window, monkeypatch):
    import datetime as dt

    previous = window.session.meeting
    request = NewMeetingRequest(
        previous.committee.name, previous.committee.id, dt.date(2031, 11, 14), "", True
    )
    answer(monkeypatch, NewMeetingDialog, "ask", request)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    meeting = window.session.meeting
    assert meeting.id != previous.id and meeting.date == dt.date(2031, 11, 14)
    assert meeting.title == "Septemberoverleg"
    assert [a.person.name for a in meeting.attendees] == ["Anna de Vries", "Bram Jansen"]


def test_new_meeting_dialog_returns_plain_data(qtbot, store):
    committees = [services.create_committee(store, "Taskforce Samen Organiseren")]
    dialog = NewMeetingDialog(committees, committees[0].id, None, {committees[0].id})
    qtbot.addWidget(dialog)
    dialog.title.setText(" Novemberoverleg ")
    request = dialog.request()
    assert request.committee_id == committees[0].id and request.title == "Novemberoverleg"
    assert request.from_previous
    dialog.committee.setEditText("Ander overleg")
    assert dialog.request().committee_id is None and not dialog.request().from_previous
    assert new_meeting.NewMeetingRequest is NewMeetingRequest


def test_duplicate_delete_and_undo_delete(qtbot, window, monkeypatch):
    window.act_duplicate.trigger()
    assert sorted(meeting_titles(window)) == ["Septemberoverleg", "Septemberoverleg (kopie)"]
    copy = window.session.meeting
    assert copy.title == "Septemberoverleg (kopie)" and len(copy.agenda) == 2

    asked = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: asked.append(args) or True))
    window.act_delete.trigger()
    assert "Septemberoverleg (kopie)" in asked[0][2] and "Ctrl+Z" in asked[0][2]
    qtbot.waitUntil(window.background.is_idle)  # the delete too runs off the UI thread
    assert meeting_titles(window) == ["Septemberoverleg"]
    assert window.session.meeting.title == "Septemberoverleg"

    window.act_undo.trigger()  # the meeting file is imported again, off the UI thread
    qtbot.waitUntil(window.background.is_idle)
    assert sorted(meeting_titles(window)) == ["Septemberoverleg", "Septemberoverleg (kopie)"]
    restored = window.session.meeting
    assert restored.title == "Septemberoverleg (kopie)"
    assert [a.person.name for a in restored.attendees] == ["Anna de Vries", "Bram Jansen"]
    window.act_redo.trigger()
    qtbot.waitUntil(window.background.is_idle)
    assert meeting_titles(window) == ["Septemberoverleg"]


def test_delete_is_not_done_without_confirmation(qtbot, window, monkeypatch):
    answer(monkeypatch, Confirm, "ask", False)
    window.act_delete.trigger()
    assert meeting_titles(window) == ["Septemberoverleg"]
    assert not window.act_undo.isEnabled()


def test_export_then_import_as_replacement(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "uit" / "september"
    target.parent.mkdir()
    answer(monkeypatch, MeetingFileDialog, "ask_save", target.with_name("september.verslag.json"))
    window.act_export.trigger()
    qtbot.waitUntil(window.background.is_idle)
    exported = json.loads((tmp_path / "uit" / "september.verslag.json").read_text("utf-8"))
    assert exported["meeting"]["title"] == "Septemberoverleg"
    assert [a["name"] for a in exported["attendees"]] == ["Anna de Vries", "Bram Jansen"]

    answer(monkeypatch, MeetingFileDialog, "ask_open", tmp_path / "uit" / "september.verslag.json")
    answer(monkeypatch, Confirm, "ask", True)  # "replace the meeting that is already there?"
    window.act_import.trigger()
    qtbot.waitUntil(window.background.is_idle)
    assert meeting_titles(window) == ["Septemberoverleg"]
    assert window.session.meeting.id != exported.get("id")


def import_a_broken_file(qtbot, window, monkeypatch, tmp_path):
    broken = tmp_path / "kapot.verslag.json"
    broken.write_text('{"format": "taskforce-verslag/meeting"', "utf-8")
    answer(monkeypatch, MeetingFileDialog, "ask_open", broken)
    window.act_import.trigger()
    qtbot.waitUntil(window.background.is_idle)


def test_a_broken_meeting_file_gets_a_dutch_message(qtbot, window, monkeypatch, tmp_path):
    import_a_broken_file(qtbot, window, monkeypatch, tmp_path)
    # In the window's message bar, not in a box that would take the keyboard.
    assert "kan niet worden ingelezen" in window.message_bar.text()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert meeting_titles(window) == ["Septemberoverleg"]


def test_meeting_list_filter_and_open(qtbot, window, store):
    committee = window.session.meeting.committee.id
    other = services.create_meeting(window.store, committee, date="2031-03-06", title="Maart")
    window.refresh_meetings()
    window.act_focus_list.trigger()
    qtbot.keyClicks(window.filter_field, "maart")
    tree = window.meeting_tree
    model = tree.model()
    assert model.rowCount(model.index(0, 0)) == 1
    tree.setCurrentIndex(model.index(0, 0, model.index(0, 0)))
    assert window.session.meeting_id == other
    assert window.windowTitle().startswith("Taskforce Samen Organiseren · Maart")


def test_window_remembers_size_splitters_tab_and_last_meeting(qtbot, make_window, meeting_id):
    window = make_window()
    committee = window.session.meeting.committee.id
    older = services.create_meeting(window.store, committee, date="2030-01-01", title="Oud")
    window.refresh_meetings()
    window.open_meeting(older)
    window.resize(711, 577)
    window.splitter.setSizes([333, 700])
    window.show_tab(2)
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= window.pages.minimumSizeHint().width())
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert again.session.meeting_id == older
    assert again.tabs.currentIndex() == 2
    assert again.size().width() == 711
    assert again.splitter.sizes() == sizes


def test_after_a_crash_the_window_comes_back_at_the_point_being_minuted(
    qtbot, make_window, sample_meeting_id
):
    window = make_window()
    third = window.session.meeting.agenda[2].id
    window.session.select_agenda_item(third)
    window.settings.sync()  # what Qt's event loop does on its own; no close, as after a kill
    again = make_window()
    assert again.session.meeting_id == sample_meeting_id
    assert again.session.current_item_id == third


def test_adding_an_agenda_point_says_it_was_saved(qtbot, window):
    window.save_state.setText("")
    window.show_tab(2)
    qtbot.keyClicks(window.agenda_tab.add_field, "Rondvraag")
    qtbot.keyClick(window.agenda_tab.add_field, Qt.Key.Key_Return)
    assert window.save_state.text().startswith("Opgeslagen om ")


def test_help_lists_the_shortcuts(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    rows = {
        (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    }
    for expected in [
        ("Nieuw besluit", "Ctrl+Shift+B"),
        ("Nieuw actiepunt", "Ctrl+Shift+A"),
        ("Volgend agendapunt", "Ctrl+PgDown"),
        ("Vorig agendapunt", "Ctrl+PgUp"),
        ("Naar de impressie", "Ctrl+E"),
        ("Impressies", "Ctrl+4"),
        ("Aanwezigheid wisselen", native("Space")),
        ("Omhoog verplaatsen", native("Alt+Up")),
        ("Nu opslaan", "Ctrl+S"),
        ("Vet", "Ctrl+B"),
    ]:
        assert expected in rows
    # Every description is read whole, however long: a row is as high as its text.
    qtbot.waitExposed(dialog)
    table = dialog.table
    for row in range(table.rowCount()):
        item = table.item(row, 1)
        needed = table.fontMetrics().boundingRect(
            table.visualItemRect(item).adjusted(4, 0, -4, 0),
            int(Qt.TextFlag.TextWordWrap),
            item.text(),
        )
        assert needed.height() <= table.rowHeight(row), item.text()
    dialog.close()


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def nameless_focusable_widgets(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.focusProxy() is not None:
            continue  # focus goes to the proxy (a date field's inner line edit)
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


@pytest.mark.parametrize("tab", range(4))
def test_every_focusable_widget_has_an_accessible_name(qtbot, window, tab):
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "Besluit")
    services.add_action(window.store, item_id, "Actie")
    window.session.reload()
    window.notes_tab.introduction_toggle.setChecked(True)
    window.show_tab(tab)
    assert nameless_focusable_widgets(window) == []


def test_the_welcome_page_has_accessible_names(qtbot, make_window):
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    assert nameless_focusable_widgets(window) == []


def test_the_first_window_fits_a_laptop_screen_with_a_taskbar(make_window, meeting_id, monkeypatch):
    from PySide6.QtCore import QRect

    from taskforce_desktop.ui.main_window import UNKNOWN_FRAME, MainWindow

    class Laptop:
        """1366x768, of which a 40 px taskbar leaves 728 px for windows."""

        def availableGeometry(self):
            return QRect(0, 0, 1366, 728)

    monkeypatch.setattr(MainWindow, "screen", lambda self: Laptop())
    window = make_window()
    # The window with its title bar and borders fits above the taskbar ...
    assert window.y() >= 0
    assert window.y() + window.height() + UNKNOWN_FRAME.height() <= 728
    assert window.x() + window.width() + UNKNOWN_FRAME.width() <= 1366
    # ... and the status bar with the save state is inside the window.
    status = window.statusBar()
    assert status.isVisible()
    assert status.geometry().bottom() < window.height()
    assert window.save_state.isVisibleTo(window)


def test_a_warning_about_one_meeting_goes_when_she_opens_another(
    qtbot, window, monkeypatch, tmp_path
):
    import_a_broken_file(qtbot, window, monkeypatch, tmp_path)
    assert "kan niet worden ingelezen" in window.message_bar.text()
    committee = window.session.meeting.committee.id
    other = services.create_meeting(window.store, committee, date="2031-03-06", title="Maart")
    window.refresh_meetings()
    first = window.session.meeting_id
    click_meeting_in_list(window, "Maart")
    assert window.session.meeting_id == other
    assert window.message_bar.text() == ""
    # A failure to save is not about one meeting: it stays until saving works again.
    window.show_problem("Opslaan mislukt: de schijf is vol.", Level.ERROR)
    click_meeting_in_list(window, "Septemberoverleg")
    assert window.session.meeting_id == first
    assert "schijf is vol" in window.message_bar.text()


def click_meeting_in_list(window, title):
    tree = window.meeting_tree
    model = tree.model()
    committee = model.index(0, 0)
    rows = [model.index(row, 0, committee) for row in range(model.rowCount(committee))]
    (row,) = [index for index in rows if index.data().endswith(title)]
    tree.scrollTo(row)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(row).center())
