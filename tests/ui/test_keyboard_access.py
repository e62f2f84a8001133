"""Reaching and confirming everything by keyboard: dialogs, mnemonics, the shortcut list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import approval, services
from taskforce_desktop.ui.dialogs.simple import MultilineQuestion


@pytest.mark.modal_dialogs
def test_approving_the_previous_verslag_is_confirmed_by_keyboard(qtbot, window):
    committee = window.session.meeting.committee.id
    first = window.session.meeting_id
    second = services.create_meeting_from_previous(window.store, committee, "2031-11-14")
    window.refresh_meetings()
    window.open_meeting(second)
    typed = []

    def answer_by_keyboard():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer_by_keyboard)
            return
        if not isinstance(dialog, MultilineQuestion):
            dialog.reject()  # a dialog this test cannot answer: the assertions say so
            return
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.field.hasFocus)
            qtbot.keyClicks(dialog.field, "Spelling van een naam.")
            qtbot.keyClick(dialog.field, Qt.Key.Key_Tab)
            typed.append((dialog.field.toPlainText(), dialog.ok_button.hasFocus()))
            qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer_by_keyboard)
    window.approval_controls.act_approve_previous.trigger()
    assert typed == [("Spelling van een naam.", True)]
    assert approval.approval_state(window.store, first).corrections == "Spelling van een naam."
