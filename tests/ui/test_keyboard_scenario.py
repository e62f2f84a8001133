"""The issue's scenario, keyboard only: prepare a meeting, take notes, close, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from taskforce_desktop.core import services

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def type_line(qtbot, text):
    widget = QApplication.focusWidget()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def key(qtbot, keys, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), keys, modifiers)


def fill_new_meeting_dialog(qtbot):
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog) or not dialog.isActiveWindow():
        QTimer.singleShot(10, lambda: fill_new_meeting_dialog(qtbot))  # not shown yet
        return
    qtbot.keyClicks(QApplication.focusWidget(), "Taskforce Samen Organiseren")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Novemberoverleg")
    key(qtbot, Qt.Key.Key_Return)  # the date: today is fine


@pytest.mark.modal_dialogs  # the new-meeting dialog is filled in with the keyboard
def test_prepare_and_minute_a_meeting_with_the_keyboard_only(qtbot, make_window):
    window = make_window(fast=False)  # the real autosave timing: closing must flush
    assert window.pages.currentWidget() is window.welcome

    QTimer.singleShot(0, lambda: fill_new_meeting_dialog(qtbot))
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert window.session.meeting is not None
    # A window manager gives the window back its focus when the dialog closes; offscreen not.
    window.activateWindow()
    qtbot.waitUntil(window.meeting_tab.title.hasFocus)

    key(qtbot, Qt.Key.Key_D, CTRL_SHIFT)  # Nieuwe deelnemer
    for name in ("Anna de Vries", "Bram Jansen", "Carla Smit"):
        type_line(qtbot, name)
    key(qtbot, Qt.Key.Key_P, CTRL_SHIFT)  # Nieuw agendapunt
    for title in ("Opening en mededelingen", "Dienstverlening in de wijk", "Rondvraag"):
        type_line(qtbot, title)

    key(qtbot, Qt.Key.Key_E, CTRL)  # the notes of the point added last …
    assert window.notes_tab.heading.text() == "3. Rondvraag"
    key(qtbot, Qt.Key.Key_PageUp, CTRL)  # … back to the first
    key(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert window.notes_tab.heading.text() == "1. Opening en mededelingen"
    type_line(qtbot, "De voorzitter heet iedereen welkom.")
    qtbot.keyClicks(QApplication.focusWidget(), "- ")
    type_line(qtbot, "nieuwe leden stellen zich voor")
    qtbot.keyClicks(QApplication.focusWidget(), "de agenda is ")
    key(qtbot, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "akkoord")
    key(qtbot, Qt.Key.Key_B, CTRL)

    key(qtbot, Qt.Key.Key_B, CTRL_SHIFT)  # Nieuw besluit
    qtbot.keyClicks(QApplication.focusWidget(), "De agenda wordt vastgesteld.")
    key(qtbot, Qt.Key.Key_A, CTRL_SHIFT)  # Nieuw actiepunt
    qtbot.keyClicks(QApplication.focusWidget(), "Presentatie rondsturen")
    key(qtbot, Qt.Key.Key_Tab)
    type_line(qtbot, "Secretariaat")

    key(qtbot, Qt.Key.Key_PageDown, CTRL)  # Volgend agendapunt
    assert window.notes_tab.heading.text() == "2. Dienstverlening in de wijk"
    key(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Drie wijken doen mee.")

    key(qtbot, Qt.Key.Key_Q, CTRL)  # Afsluiten
    assert not window.isVisible()

    reopened = make_window()
    meeting = reopened.session.meeting
    assert (meeting.committee.name, meeting.title) == (
        "Taskforce Samen Organiseren",
        "Novemberoverleg",
    )
    assert [a.person.name for a in meeting.attendees] == [
        "Anna de Vries",
        "Bram Jansen",
        "Carla Smit",
    ]
    assert [(i.number, i.title) for i in meeting.agenda] == [
        ("1", "Opening en mededelingen"),
        ("2", "Dienstverlening in de wijk"),
        ("3", "Rondvraag"),
    ]
    first, second = meeting.agenda[0], meeting.agenda[1]
    assert first.notes == (
        "De voorzitter heet iedereen welkom.\n\n"
        "- nieuwe leden stellen zich voor\n"
        "- de agenda is **akkoord**"
    )
    assert [d.text for d in first.decisions] == ["De agenda wordt vastgesteld."]
    assert [(a.description, a.owner) for a in first.actions] == [
        ("Presentatie rondsturen", "Secretariaat")
    ]
    assert second.notes == "Drie wijken doen mee."
    # And the window shows it formatted again: a bullet list with a bold run.
    reopened.focus_notes()
    reopened.session.select_agenda_item(first.id)
    editor = reopened.notes_tab.notes
    assert editor.markdown() == first.notes
    assert editor.document().findBlockByNumber(1).textList() is not None
    assert services.list_meetings(reopened.store)[0].title == "Novemberoverleg"
