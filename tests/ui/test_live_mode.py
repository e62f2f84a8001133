"""Live mode with a fake clock: timing colours, start and end times, attendance, capture."""

from __future__ import annotations

import datetime as dt

import pytest
from live_support import START, FakeClock, open_the_next_meeting
from PySide6.QtCore import Qt

from taskforce_desktop.core import approval, services
from taskforce_desktop.core.models import Presence
from taskforce_desktop.ui.live import timing_state


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def live(window, clock):
    services.update_meeting(
        window.store, window.session.meeting_id, start_time="10:00", end_time="12:00"
    )
    window.session.reload()
    live = window.live.view
    live.clock = clock
    window.live.action.trigger()
    assert window.pages.currentWidget() is live
    return live


def _stored_items(window):
    return services.load_meeting(window.store, window.session.meeting_id).agenda


def test_timing_turns_amber_then_red(qtbot, live, clock):
    # "Opening" is planned for 5 minutes.
    assert live.item_label.text() == "1. Opening"
    assert live.timing == "normal"
    clock.advance(minutes=3, seconds=59)
    live.tick()
    assert live.timing == "normal"
    clock.advance(seconds=1)  # 4 of 5 minutes: 80 %
    live.tick()
    assert live.timing == "amber"
    assert live.timing_label.text() == "4 van 5 min"
    clock.advance(minutes=1, seconds=1)
    live.tick()
    assert live.timing == "red"
    assert live.remaining_label.text() == "Nog 114 min"
    assert live.clock_label.text() == "10:05"


def test_moving_on_records_started_and_ended(qtbot, window, live, clock):
    clock.advance(minutes=7)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert live.item_label.text() == "2. Dienstverlening"
    clock.advance(minutes=20)
    live.tick()
    assert live.timing == "normal"  # no planned minutes: never coloured
    assert live.timing_label.text() == "20 min"

    qtbot.keyClick(live.editor, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.tabs
    opening, service = _stored_items(window)
    assert (opening.started_at, opening.ended_at) == (START, START + dt.timedelta(minutes=7))
    assert service.started_at == START + dt.timedelta(minutes=7)
    assert service.ended_at is None


def test_notes_typed_in_live_mode_are_saved_on_leaving(qtbot, window, live):
    qtbot.keyClicks(live.editor, "De voorzitter heet iedereen welkom.")
    window.live.action.trigger()  # F11 again
    assert _stored_items(window)[0].notes == "De voorzitter heet iedereen welkom."
    assert window.menuBar().isVisible()


def test_one_keystroke_marks_arrival_and_departure(qtbot, window, live, clock):
    services.update_attendee(
        window.store, window.session.meeting.attendees[1].id, presence="absent"
    )
    window.session.reload()
    clock.advance(minutes=12)
    qtbot.keyClick(live.editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert live.attendance.buttons[1].isChecked()
    clock.advance(minutes=60)
    qtbot.keyClick(live.editor, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not live.attendance.buttons[0].isChecked()
    live.leave()
    anna, bram = services.load_meeting(window.store, window.session.meeting_id).attendees
    assert (bram.presence, bram.arrived_at) == (Presence.PRESENT, dt.time(10, 12))
    assert anna.departed_at == dt.time(11, 12)


def test_quick_capture_of_an_action_with_a_dutch_due_date(qtbot, window, live):
    qtbot.keyClick(
        live.editor,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    capture = live.capture
    assert capture.isVisible() and capture.owner.isVisible()
    qtbot.keyClicks(capture.text, "Notitie over wachttijden")
    capture.owner.setText("Anna de Vries")
    assert capture.owner.completer().model().stringList() == ["Anna de Vries", "Bram Jansen"]
    qtbot.keyClicks(capture.due, "vrijdag")
    assert capture.due_hint.text() == "vrijdag 19 september 2031"  # 12 Sept 2031 is a Friday
    qtbot.keyClick(capture.due, Qt.Key.Key_Return)
    assert not capture.isVisible()
    assert window.pages.currentWidget() is live  # the reload after adding keeps live mode
    (action,) = _stored_items(window)[0].actions
    assert (action.description, action.owner, action.due) == (
        "Notitie over wachttijden",
        "Anna de Vries",
        dt.date(2031, 9, 19),
    )


def test_an_unknown_due_date_is_not_saved_silently(qtbot, window, live):
    live.open_capture("action")
    live.capture.text.setText("Iets regelen")
    live.capture.due.setText("ooit eens")
    assert live.capture.due_hint.text() == "onbekende datum"
    live.capture.save()
    assert live.capture.isVisible()
    assert _stored_items(window)[0].actions == ()


def test_quick_capture_of_a_decision(qtbot, window, live):
    qtbot.keyClick(
        live.editor,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not live.capture.owner.isVisible()
    qtbot.keyClicks(live.capture.text, "De agenda wordt vastgesteld.")
    qtbot.keyClick(live.capture.text, Qt.Key.Key_Return)
    assert [d.text for d in _stored_items(window)[0].decisions] == ["De agenda wordt vastgesteld."]
    assert live.editor.hasFocus() or not live.capture.isVisible()


def test_an_approved_meeting_cannot_go_live(qtbot, window, clock):
    approval.approve_meeting(window.store, window.session.meeting_id, dt.date(2031, 11, 1))
    window.session.reload()
    window.live.view.clock = clock
    window.live.action.trigger()
    assert window.pages.currentWidget() is window.tabs
    assert window.menuBar().isVisible()


@pytest.mark.parametrize(
    ("minutes", "planned", "state"),
    [
        (0, 10, "normal"),
        (7.9, 10, "normal"),
        (8, 10, "amber"),
        (10, 10, "amber"),
        (10.1, 10, "red"),
        (99, None, "normal"),
    ],
)
def test_timing_state(minutes, planned, state):
    assert timing_state(dt.timedelta(minutes=minutes), planned) == state


def test_the_next_meeting_reviews_open_actions_and_approves_the_previous(
    qtbot, window, clock, monkeypatch
):
    from taskforce_desktop.core import followup
    from taskforce_desktop.core.models import ActionStatus, AgendaKind, MeetingStatus
    from taskforce_desktop.ui.followup import common

    store = window.store
    first = window.session.meeting_id
    point = window.session.meeting.agenda[1].id
    action = services.add_action(store, point, "Wachttijden uitzoeken", owner="Anna de Vries")
    committee = window.session.meeting.committee.id
    second = open_the_next_meeting(window, clock)
    live = window.live.view
    window.live.action.trigger()

    kinds = [item.kind for item in window.session.meeting.agenda]
    assert kinds == [AgendaKind.PREVIOUS_MINUTES, AgendaKind.ACTION_REVIEW]
    assert live.approve_button.isVisible() and not live.review_list.isVisible()
    monkeypatch.setattr(common.TextQuestion, "ask", classmethod(lambda cls, *args, **kwargs: ""))
    live.approve_button.click()
    assert approval.approval_state(store, first).status is MeetingStatus.APPROVED
    assert window.pages.currentWidget() is live

    live.step(1)
    assert live.review_list.isVisible()
    (entry,) = [live.review_list.item(i) for i in range(live.review_list.count())]
    assert entry.text() == "2031-09/1 Wachttijden uitzoeken — Anna de Vries"
    entry.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: followup.committee_actions(store, committee)[0].action.status is ActionStatus.DONE
    )
    closed = followup.committee_actions(store, committee)[0]
    assert (closed.id, closed.closed_in.id) == (action, second)
    qtbot.waitUntil(lambda: live.review_list.item(0).checkState() == Qt.CheckState.Checked)
