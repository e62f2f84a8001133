"""Undo in the window as she uses it: one wrong sentence taken back, the good notes kept."""

from __future__ import annotations

from journey_driver import CTRL, Secretary
from PySide6.QtCore import Qt


def test_ctrl_z_takes_back_the_wrong_words_only_in_the_editor_the_state_and_the_store(
    qtbot, window
):
    """Defect 8: one Ctrl+Z undid about 300 characters of good notes with the wrong sentence."""
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    good = "De voorzitter opent de vergadering en heet iedereen welkom. " * 5
    she.type_notes(good + "Foute zin")
    she.check()
    she.press(Qt.Key.Key_Z, CTRL)
    she.press(Qt.Key.Key_Z, CTRL)
    she.typed[(she.point_on_screen(), "notes")] = good
    she.check()  # the good notes are on screen, in the state and in the store
    she.press(Qt.Key.Key_Y, CTRL)  # redo brings back the first word undone
    she.typed[(she.point_on_screen(), "notes")] = good + "Foute"
    she.check()
    she.next_point()
    she.previous_point()
    she.check()
