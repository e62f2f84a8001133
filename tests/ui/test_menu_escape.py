"""Esc on an open menu puts her back in the text at once, as a tester expected: Qt left the
menu bar holding the keyboard until a second Esc, and her next letters went nowhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def stored_notes(qtbot, window):
    qtbot.waitUntil(lambda: not window.writer.has_pending())
    return services.load_meeting(window.store, window.session.meeting_id).agenda[0].notes


def test_after_esc_on_a_menu_her_next_letters_go_into_the_notes(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # Naar de impressie
    notes = window.notes_tab.notes
    assert QApplication.focusWidget() is notes
    qtbot.keyClicks(notes, "Eerste zin.")

    qtbot.keyClick(notes, Qt.Key.Key_E, ALT)  # B&ewerken
    qtbot.waitUntil(window.menu_edit.isVisible)
    # The menu opened from the text still offers to take back her typing.
    assert window.act_undo.text() == "Ongedaan maken: typen" and window.act_undo.isEnabled()
    qtbot.keyClick(window.menu_edit, Qt.Key.Key_Escape)
    # Offscreen, the closed menu stays the active window; on a desktop the window is.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    qtbot.keyClicks(QApplication.focusWidget(), " Tweede.")

    assert notes.toPlainText().endswith("Eerste zin. Tweede.")
    assert stored_notes(qtbot, window).endswith("Eerste zin. Tweede.")
