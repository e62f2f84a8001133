"""Journeys across a close and a new start: the notes are there and so is the cursor."""

from __future__ import annotations

from journey_driver import Secretary
from PySide6.QtWidgets import QApplication


def test_after_a_restart_the_cursor_is_at_the_end_of_the_text_she_was_writing(
    qtbot, make_window, meeting_id
):
    """Defect 6: after a restart the focus was in the meeting filter, so notes landed there."""
    window = make_window()
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.next_point()
    she.type_notes("Anna licht de plannen toe.", "conclusion")
    she.check()
    window.close()

    window = make_window()
    she.window = window
    assert window.tabs.currentWidget() is window.notes_tab
    assert window.notes_tab.heading.text() == "2. Dienstverlening"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.notes_tab.conclusion)
    she.type(" Akkoord.")
    she.typed[(she.point_on_screen(), "conclusion")] += " Akkoord."
    she.check()
