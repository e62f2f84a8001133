"""The stukken of an agenda point in the window: added, listed, opened, saved, deleted, moved."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import approval, services
from taskforce_desktop.ui import documents_panel
from taskforce_desktop.ui.documents_panel import DocumentFileDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PDF = b"%PDF-1.7 agenda"
DOCX = b"PK\x03\x04 notitie"


@pytest.fixture
def panel(window):
    window.show_tab(2)
    return window.agenda_tab.documents


@pytest.fixture
def item_id(window):
    return window.session.meeting.agenda[0].id


@pytest.fixture
def two_files(tmp_path):
    first, second = tmp_path / "agenda.pdf", tmp_path / "notitie.docx"
    first.write_bytes(PDF)
    second.write_bytes(DOCX)
    return [first, second]


@pytest.fixture
def attached(window, item_id):
    """Two stukken already in the store, shown in the window."""
    services.attach_document(window.store, item_id, "agenda.pdf", PDF)
    services.attach_document(window.store, item_id, "notitie.docx", DOCX)
    window.session.reload()
    return item_id


@pytest.fixture
def opened_urls(monkeypatch):
    """What would go to the system's viewer: opening a real one is outside the app."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def choose_files(monkeypatch, files):
    monkeypatch.setattr(DocumentFileDialog, "ask_open", classmethod(lambda cls, *_: list(files)))


def stored(window, item_id):
    return [
        (record.file_name, content)
        for record, content in services.documents_of_item(window.store, item_id)
    ]


def shown_names(panel):
    return [panel.view.topLevelItem(row).text(0) for row in range(panel.view.topLevelItemCount())]


def test_two_chosen_files_are_listed_stored_and_named_on_the_impressies_tab(
    qtbot, window, panel, item_id, two_files, monkeypatch
):
    choose_files(monkeypatch, two_files)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.view.topLevelItemCount() == 2)
    assert shown_names(panel) == ["agenda.pdf", "notitie.docx"]
    assert [panel.view.topLevelItem(0).text(column) for column in (1, 2)] == ["PDF", "1 kB"]
    assert stored(window, item_id) == [("agenda.pdf", PDF), ("notitie.docx", DOCX)]
    assert documents_panel.last_folder() == two_files[0].parent  # the next dialog starts there

    window.show_tab(3)
    line = window.notes_tab.documents_line
    assert line.isVisible()
    assert "Stukken:" in line.text() and "agenda.pdf" in line.text()
    assert "notitie.docx" in line.text()


def test_a_point_without_stukken_shows_no_stukken_line(window, item_id):
    window.show_tab(3)
    assert window.notes_tab.item_id == item_id
    assert not window.notes_tab.documents_line.isVisible()


def test_the_files_are_read_while_she_goes_on_typing(
    qtbot, window, panel, item_id, two_files, monkeypatch
):
    release = threading.Event()
    real_read = services.read_document_file

    def slow_read(path):
        release.wait(10)  # a network drive
        return real_read(path)

    monkeypatch.setattr(services, "read_document_file", slow_read)
    choose_files(monkeypatch, two_files)
    panel.add_button.click()
    assert window.statusBar().currentMessage() == "Stukken worden ingelezen…"
    window.agenda_tab.add_field.setFocus()
    qtbot.keyClicks(window.agenda_tab.add_field, "Rondvraag")
    assert window.agenda_tab.add_field.text() == "Rondvraag"
    release.set()
    qtbot.waitUntil(lambda: len(stored(window, item_id)) == 2)
    qtbot.waitUntil(lambda: panel.view.topLevelItemCount() == 2)


def test_files_dropped_from_the_file_manager_are_attached(qtbot, window, panel, item_id, two_files):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in two_files])
    centre = panel.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(panel, drop)
    qtbot.waitUntil(lambda: panel.view.topLevelItemCount() == 2)
    assert stored(window, item_id) == [("agenda.pdf", PDF), ("notitie.docx", DOCX)]


def test_a_too_large_or_wrong_file_is_told_in_the_bar_and_nothing_is_stored(
    qtbot, window, panel, item_id, tmp_path, monkeypatch
):
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as file:
        file.truncate(services.MAX_DOCUMENT_BYTES + 1)  # sparse: no 25 MB written
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    choose_files(monkeypatch, [huge, program])
    panel.add_button.click()
    qtbot.waitUntil(lambda: "Niet toegevoegd" in window.message_bar.text())
    message = window.message_bar.text()
    assert "scan.pdf" in message and "ten hoogste 25 MB" in message
    assert "'.exe'" in message
    # The status bar shows the first line alone: it names the first file, not only a heading.
    assert window.statusBar().currentMessage().startswith("Niet toegevoegd: Het bestand")
    assert "scan.pdf" in window.statusBar().currentMessage()
    assert not QApplication.activeModalWidget()  # she goes on typing
    assert stored(window, item_id) == []
    assert panel.view.topLevelItemCount() == 0


def test_delete_and_ctrl_z_bring_the_stuk_back_with_its_content_in_its_place(
    qtbot, window, panel, attached
):
    panel.view.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert stored(window, attached) == [("notitie.docx", DOCX)]
    assert shown_names(panel) == ["notitie.docx"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert stored(window, attached) == [("agenda.pdf", PDF), ("notitie.docx", DOCX)]
    assert shown_names(panel) == ["agenda.pdf", "notitie.docx"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Y, CTRL)  # and again, the re-created one
    assert stored(window, attached) == [("notitie.docx", DOCX)]


def test_alt_down_moves_a_stuk_and_ctrl_z_moves_it_back(qtbot, window, panel, attached):
    panel.view.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
    assert [name for name, _ in stored(window, attached)] == ["notitie.docx", "agenda.pdf"]
    assert panel.current_document().file_name == "agenda.pdf"  # the moved one stays chosen
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert [name for name, _ in stored(window, attached)] == ["agenda.pdf", "notitie.docx"]


def test_enter_opens_a_private_copy_of_the_stuk(qtbot, window, panel, attached, opened_urls):
    panel.view.setFocus()
    panel.select_row(1)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert len(opened_urls) == 1 and opened_urls[0].isLocalFile()
    copy = Path(opened_urls[0].toLocalFile())
    assert copy.name == "notitie.docx"
    assert copy.read_bytes() == DOCX
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.parent.stat().st_mode) == 0o700


def test_a_name_on_the_impressies_tab_opens_that_stuk(window, attached, opened_urls):
    window.show_tab(3)
    line = window.notes_tab.documents_line
    first = window.session.agenda_item(attached).documents[0]
    assert f'href="{first.id}"' in line.text()
    line.linkActivated.emit(str(first.id))
    assert [Path(url.toLocalFile()).read_bytes() for url in opened_urls] == [PDF]


def test_save_as_writes_the_stuk_where_she_chose(window, panel, attached, tmp_path, monkeypatch):
    target = tmp_path / "bewaard" / "agenda-kopie.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(DocumentFileDialog, "ask_save", classmethod(lambda cls, *_: target))
    panel.select_row(0)
    panel.save_button.click()
    assert target.read_bytes() == PDF
    assert "agenda-kopie.pdf" in window.statusBar().currentMessage()


def test_an_approved_meeting_shows_its_stukken_read_only(
    qtbot, window, panel, attached, two_files, opened_urls
):
    meeting_id = window.session.meeting_id
    committee_id = window.session.meeting.committee.id
    next_meeting = services.create_meeting_from_previous(window.store, committee_id, "2031-10-10")
    approval.approve_previous(window.store, next_meeting)  # vastgesteld in the next meeting
    window.session.reload()
    assert shown_names(panel) == ["agenda.pdf", "notitie.docx"]
    assert "vastgesteld" in panel.hint.text()
    buttons = (panel.add_button, panel.save_button, panel.delete_button, panel.up_button)
    assert not any(button.isEnabled() for button in buttons)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(two_files[0]))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
    panel.view.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(stored(window, attached)) == 2
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # reading it stays possible
    assert len(opened_urls) == 1

    window.session.run(approval.unlock_meeting, meeting_id, "bijlage vergeten")
    assert all(button.isEnabled() for button in buttons)
    assert "vastgesteld" not in panel.hint.text()


def test_tab_reaches_each_name_on_the_stukken_line_and_goes_on(
    qtbot, window, attached, opened_urls
):
    window.show_tab(3)
    notes = window.notes_tab
    notes.agenda_list.setFocus()
    qtbot.keyClick(notes.agenda_list, Qt.Key.Key_Tab)
    qtbot.keyClick(notes.documents_line, Qt.Key.Key_Tab)  # on the first name
    qtbot.keyClick(notes.documents_line, Qt.Key.Key_Return)
    assert [Path(url.toLocalFile()).name for url in opened_urls] == ["agenda.pdf"]
    qtbot.keyClick(notes.documents_line, Qt.Key.Key_Tab)  # the second name
    qtbot.keyClick(notes.documents_line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notes.introduction_toggle


def test_ctrl_z_after_deleting_a_point_brings_back_its_stukken(qtbot, window, attached):
    agenda = window.agenda_tab
    window.show_tab(2)
    agenda.table.setFocus()
    agenda.table.select_record(attached)
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    assert [item.title for item in window.session.meeting.agenda] == ["Dienstverlening"]
    qtbot.keyClick(agenda.table, Qt.Key.Key_Z, CTRL)
    restored = window.session.meeting.agenda[0]
    assert restored.title == "Opening"
    assert stored(window, restored.id) == [("agenda.pdf", PDF), ("notitie.docx", DOCX)]
    agenda.table.select_record(restored.id)
    assert shown_names(agenda.documents) == ["agenda.pdf", "notitie.docx"]
