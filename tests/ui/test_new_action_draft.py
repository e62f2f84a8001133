"""A new action half typed on the Impressies tab belongs to the point she typed it at.

Before, the "Nieuw actiepunt" fields kept their text when she moved to another point, so
Enter there added the action to the wrong point, and a quit threw the text away.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def meeting_id(store):
    committee = services.create_committee(store, "Adviesraad Sociaal Domein")
    meeting = services.create_meeting(store, committee.id, date="2031-12-02", title="December")
    for title in ("Opening", "Huisvesting", "Rondvraag"):
        services.add_agenda_item(store, meeting, title)
    return meeting


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def actions_per_point(window):
    meeting = services.load_meeting(window.store, window.session.meeting_id)
    return [[action.description for action in item.actions] for item in meeting.agenda]


def start_at_second_point(qtbot, make_window, meeting_id):
    window = make_window()
    window.open_meeting(meeting_id)
    press(qtbot, window, Qt.Key.Key_4, CTRL)  # the Impressies tab
    if window.notes_tab.heading.text() != "2. Huisvesting":  # after a restart she is there
        press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: window.notes_tab.heading.text() == "2. Huisvesting")
    return window


def test_a_half_typed_action_stays_with_its_point_and_is_added_there(
    qtbot, make_window, meeting_id
):
    window = start_at_second_point(qtbot, make_window, meeting_id)
    notes = window.notes_tab
    press(qtbot, window, Qt.Key.Key_A, ALT)  # Nieuw &actiepunt
    assert QApplication.focusWidget() is notes.action_description
    qtbot.keyClicks(notes.action_description, "Zaal reserveren")
    press(qtbot, window, Qt.Key.Key_W, ALT)
    qtbot.keyClicks(notes.action_owner, "Anna Jansen")

    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # on to the Rondvraag
    assert notes.action_description.text() == "" and notes.action_owner.text() == ""
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)
    assert (notes.action_description.text(), notes.action_owner.text()) == (
        "Zaal reserveren",
        "Anna Jansen",
    )
    notes.action_description.setFocus()
    press(qtbot, window, Qt.Key.Key_Return)
    assert actions_per_point(window) == [[], ["Zaal reserveren"], []]
    assert notes.action_description.text() == ""


def test_a_half_typed_action_is_there_again_after_a_quit(qtbot, make_window, meeting_id):
    window = start_at_second_point(qtbot, make_window, meeting_id)
    notes = window.notes_tab
    press(qtbot, window, Qt.Key.Key_A, ALT)
    qtbot.keyClicks(notes.action_description, "Offerte opvragen")
    press(qtbot, window, Qt.Key.Key_N, ALT)  # Wa&nneer
    qtbot.keyClicks(notes.action_due, "16-12-2031")
    window.close()
    assert actions_per_point(window) == [[], [], []]

    again = start_at_second_point(qtbot, make_window, meeting_id)
    fields = again.notes_tab
    assert (fields.action_description.text(), fields.action_due.text()) == (
        "Offerte opvragen",
        "16-12-2031",
    )
    fields.action_description.setFocus()
    press(qtbot, again, Qt.Key.Key_Return)
    meeting = services.load_meeting(again.store, meeting_id)
    (action,) = meeting.agenda[1].actions
    assert (action.description, action.due.isoformat()) == ("Offerte opvragen", "2031-12-16")
    again.close()
    third = start_at_second_point(qtbot, make_window, meeting_id)
    assert third.notes_tab.action_description.text() == "", "added: nothing kept any more"
