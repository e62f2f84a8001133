"""Live mode in and out during the meeting: one text, whichever view she types it in."""

from __future__ import annotations

from journey_driver import CTRL, Secretary
from PySide6.QtCore import Qt


def test_typing_in_and_out_of_live_mode_keeps_one_text(qtbot, window):
    """Defect 1: Live mode (F11) opened on the stale text and its typing was overwritten."""
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("Voor de vergadering voorbereid.")
    she.check()
    she.press(Qt.Key.Key_F11)
    qtbot.waitUntil(she.live)
    she.check()  # live mode shows what was typed on the Impressies tab
    she.type_notes(" Live getypt.")
    she.type_notes("Akkoord.", "conclusion")
    she.check()
    she.press(Qt.Key.Key_PageDown, CTRL)
    she.type_notes("Het tweede punt.")
    she.check()
    she.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not she.live())
    she.check()  # back on the Impressies tab: everything typed live is there
    she.previous_point()
    she.type_notes(" Na afloop aangevuld.")
    she.check()
    she.press(Qt.Key.Key_F11)
    qtbot.waitUntil(she.live)
    she.check()
