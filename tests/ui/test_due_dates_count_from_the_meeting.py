"""A due date said in a meeting counts from that meeting, wherever she types it.

Found by a tester in a real window: on a meeting of Wednesday 13 January 2027, typed up on
2 December 2026, "vrijdag" became 4 December 2026 and "over 2 weken" 16 December: before the
meeting itself, with no word of it, and so in the exported Actielijst. And the Impressies
tab refused "vrijdag", which Live took.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip
from test_date_fields import open_due_date_cell

from taskforce_desktop.core import services

MEETING_DAY = dt.date(2027, 1, 13)  # a Wednesday
TYPED_ON = dt.datetime(2026, 12, 2, 20, 0)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return
SAID_AT_THE_MEETING = [
    ("vrijdag", dt.date(2027, 1, 15), "vrijdag 15 januari 2027"),
    ("over 2 weken", dt.date(2027, 1, 27), "woensdag 27 januari 2027"),
    ("morgen", dt.date(2027, 1, 14), "donderdag 14 januari 2027"),
    ("14 okt", dt.date(2027, 10, 14), "donderdag 14 oktober 2027"),
]
BEFORE_THE_MEETING = "1-12-2026"
WARNING = "dinsdag 1 december 2026, let op: vóór de vergadering van 13 januari 2027"


@pytest.fixture
def window(make_window, store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting = services.create_meeting(
        store, committee.id, date=MEETING_DAY.isoformat(), title="Januarioverleg"
    )
    services.add_attendee(store, meeting, "Anna de Vries")
    services.add_agenda_item(store, meeting, "Huisvesting", planned_minutes=10)
    window = make_window()
    window.open_meeting(meeting)
    window.live.view.clock = lambda: TYPED_ON
    return window


def _focused():
    return QApplication.focusWidget()


def _stored_dues(window):
    meeting = services.load_meeting(window.store, window.session.meeting_id)
    return [action.due for action in meeting.agenda[0].actions]


def _settled(qtbot, window):
    qtbot.waitUntil(lambda: not window.writer.has_pending())


def _tab_to_wanneer(qtbot, due):
    """The action's text, Tab, no owner, Tab: in "Wanneer", as she goes there."""
    qtbot.keyClicks(_focused(), "Zaal reserveren")
    qtbot.keyClick(_focused(), TAB)
    qtbot.keyClick(_focused(), TAB)
    assert _focused() is due


def _live_wanneer(qtbot, window):
    window.live.action.trigger()
    live = window.live.view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is live)
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    _tab_to_wanneer(qtbot, live.capture.due)
    return live.capture.due, live.capture.due_hint


def _impressies_wanneer(qtbot, window):
    window.focus_notes()
    notes = window.notes_tab
    notes.action_description.setFocus()
    _tab_to_wanneer(qtbot, notes.action_due)
    return notes.action_due, notes.action_due_remark


WHERE_SHE_TYPES_IT = pytest.mark.parametrize(
    "wanneer", [_live_wanneer, _impressies_wanneer], ids=["Live", "Impressies"]
)


@WHERE_SHE_TYPES_IT
@pytest.mark.parametrize(("typed", "due", "shown"), SAID_AT_THE_MEETING)
def test_a_due_date_counts_from_the_meeting_and_says_the_date_it_will_be(
    qtbot, window, wanneer, typed, due, shown
):
    field, recognised = wanneer(qtbot, window)
    qtbot.keyClicks(field, typed)
    assert recognised.isVisible() and recognised.text() == shown
    assert field.accessibleDescription() == shown

    qtbot.keyClick(field, ENTER)
    assert _stored_dues(window) == [due]
    assert field.text() == "" and recognised.text() == ""


@WHERE_SHE_TYPES_IT
def test_a_due_date_before_the_meeting_is_said_gently_and_taken(qtbot, window, wanneer):
    field, recognised = wanneer(qtbot, window)
    qtbot.keyClicks(field, BEFORE_THE_MEETING)
    assert recognised.text() == WARNING
    assert QApplication.activeModalWidget() is None and field.hasFocus()

    qtbot.keyClick(field, ENTER)
    assert _stored_dues(window) == [dt.date(2026, 12, 1)]


def test_the_impressies_wanneer_explains_the_words_it_takes_when_refused(qtbot, window):
    field, recognised = _impressies_wanneer(qtbot, window)
    qtbot.keyClicks(field, "ooit")
    qtbot.keyClick(field, ENTER)

    assert _stored_dues(window) == []
    assert field.text() == "ooit" and recognised.text() == ""
    assert QToolTip.isVisible() and "vrijdag, over 2 weken" in QToolTip.text()


@pytest.mark.parametrize(
    ("typed", "shown", "due"),
    [
        ("vrijdag", "vrijdag 15 januari 2027", dt.date(2027, 1, 15)),
        (BEFORE_THE_MEETING, WARNING, dt.date(2026, 12, 1)),
    ],
)
def test_a_due_date_cell_counts_from_the_meeting_and_says_the_date_below_it(
    qtbot, window, typed, shown, due
):
    table, cell = open_due_date_cell(qtbot, window)
    qtbot.keyClicks(cell, typed)
    assert QToolTip.isVisible() and QToolTip.text() == shown

    qtbot.keyClick(cell, ENTER)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    _settled(qtbot, window)
    assert _stored_dues(window) == [due]
