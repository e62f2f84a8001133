"""In Live view (F11), too, a point she comes back to opens where she left its texts.

Its ``_show_item`` gave each point its text with the cursor at the start: back at point 1
with Ctrl+PgUp, what she typed on landed in front of her first sentence.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SECOND_NOTES = "Het verslag is vastgesteld."


@pytest.fixture
def live(qtbot, make_window, store):
    committee = services.create_committee(store, "Adviesraad Sociaal Domein")
    meeting = services.create_meeting(store, committee.id, date="2031-12-02", title="December")
    services.add_agenda_item(store, meeting, "Opening en mededelingen")
    services.add_agenda_item(store, meeting, "Verslag vorige vergadering", notes=SECOND_NOTES)
    window = make_window()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.live.view.isVisible)
    assert QApplication.focusWidget() is window.live.view.editor
    return window


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def stored(qtbot, window, index: int, field: str = "notes") -> str:
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    return getattr(
        services.load_meeting(window.store, window.session.meeting_id).agenda[index], field
    )


def test_live_back_at_point_one_her_words_follow_what_she_wrote(qtbot, live):
    notes = live.live.view.editor
    qtbot.keyClicks(notes, "De voorzitter opent.")
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), " Geen opmerkingen.")
    assert notes.markdown() == SECOND_NOTES + " Geen opmerkingen."  # unvisited: at the end
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), " Aanvulling na punt 2.")
    assert notes.markdown() == "De voorzitter opent. Aanvulling na punt 2."
    assert stored(qtbot, live, 0) == "De voorzitter opent. Aanvulling na punt 2."
    assert stored(qtbot, live, 1) == SECOND_NOTES + " Geen opmerkingen."


def test_live_conclusion_keeps_its_cursor_per_point(qtbot, live):
    conclusion = live.live.view.conclusion
    press(qtbot, Qt.Key.Key_C, ALT)  # the &Conclusie caption
    assert QApplication.focusWidget() is conclusion
    qtbot.keyClicks(conclusion, "Eerste. Derde.")
    for _ in range(2):  # over "." and "Derde"
        press(qtbot, Qt.Key.Key_Left, CTRL)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClicks(conclusion, "Tweede. ")
    assert conclusion.markdown() == "Eerste. Tweede. Derde."
    assert stored(qtbot, live, 0, "conclusion") == "Eerste. Tweede. Derde."
