"""A decision removed and brought back with Ctrl+Z is cited by the number it had."""

from __future__ import annotations

from PySide6.QtCore import Qt

from taskforce_desktop.core import services

CTRL = Qt.KeyboardModifier.ControlModifier


def test_undoing_a_removed_decision_gives_its_number_back(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "De agenda wordt vastgesteld.")
    services.add_decision(window.store, item_id, "Het verslag wordt vastgesteld.")
    window.session.reload()
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    month = window.session.meeting.date.strftime("%Y-%m")

    notes.decision_rows[0].delete_button.click()
    window.act_undo.trigger()

    decisions = services.load_meeting(window.store, window.session.meeting_id).agenda[0].decisions
    assert [(d.text, d.number) for d in decisions] == [
        ("De agenda wordt vastgesteld.", f"{month}/1"),
        ("Het verslag wordt vastgesteld.", f"{month}/2"),
    ]
    assert [row.decision.number for row in notes.decision_rows] == [f"{month}/1", f"{month}/2"]
