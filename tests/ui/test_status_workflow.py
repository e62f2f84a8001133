"""The verslag's status changes in one place (core.approval), whichever control is used.

The Vergadering tab's status combo once wrote the status as a plain field: after unlocking,
concept kept "vastgesteld in" and "ontgrendeld op", and vastgesteld again left the meeting
editable.
"""

from __future__ import annotations

import datetime as dt

import pytest

from taskforce_desktop.core import approval, services
from taskforce_desktop.core.edits import Target
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.services import DomainError


@pytest.fixture
def approved_then_unlocked(store, meeting_id):
    """The meeting, vastgesteld in the committee's next meeting and then unlocked."""
    next_meeting = services.create_meeting_from_previous(store, _committee(store), "2031-10-10")
    approval.approve_previous(store, next_meeting)
    approval.unlock_meeting(store, meeting_id, "naam gespeld")
    return meeting_id


def _committee(store):
    return services.list_committees(store)[0].id


def open_at(make_window, meeting_id):
    window = make_window()
    window.session.open(meeting_id)
    return window


def choose_status(qtbot, window, status: MeetingStatus) -> None:
    tab = window.meeting_tab
    tab.status.setCurrentIndex(tab.status.findData(status.value))
    tab.status.activated.emit(tab.status.currentIndex())
    settle(qtbot, window)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.writer.has_pending())


def test_concept_in_the_combo_after_unlocking_leaves_no_approval_behind(
    qtbot, make_window, approved_then_unlocked
):
    window = open_at(make_window, approved_then_unlocked)
    choose_status(qtbot, window, MeetingStatus.DRAFT)
    state = approval.approval_state(window.store, approved_then_unlocked)
    assert state.status is MeetingStatus.DRAFT
    assert (state.approved_on, state.approved_in, state.unlocked_at) == (None, None, None)
    assert window.meeting_tab.approved_on.value() is None


def test_vastgesteld_again_in_the_combo_locks_the_meeting(
    qtbot, make_window, approved_then_unlocked
):
    window = open_at(make_window, approved_then_unlocked)
    tab = window.meeting_tab
    choose_status(qtbot, window, MeetingStatus.DRAFT)
    choose_status(qtbot, window, MeetingStatus.APPROVED)
    assert approval.is_locked(window.store, approved_then_unlocked)
    assert services.load_meeting(window.store, approved_then_unlocked).approved_on == (
        dt.date.today()
    )
    with pytest.raises(DomainError, match="vastgesteld"):
        services.update_meeting(window.store, approved_then_unlocked, title="Toch gewijzigd")
    assert tab.title.isReadOnly()


def test_a_new_approval_date_keeps_an_unlocked_meeting_open(
    qtbot, make_window, approved_then_unlocked
):
    window = open_at(make_window, approved_then_unlocked)
    window.meeting_tab.approved_on.set_value(dt.date(2031, 10, 17))
    settle(qtbot, window)
    state = approval.approval_state(window.store, approved_then_unlocked)
    assert state.approved_on == dt.date(2031, 10, 17)
    assert state.status is MeetingStatus.APPROVED and not state.locked


def test_a_status_sent_as_a_plain_field_is_refused(qtbot, make_window, approved_then_unlocked):
    window = open_at(make_window, approved_then_unlocked)
    window.session.edit(Target.MEETING, approved_then_unlocked, "status", MeetingStatus.DRAFT)
    window.session.edit(Target.MEETING, approved_then_unlocked, "title", "Oktober")
    settle(qtbot, window)
    meeting = services.load_meeting(window.store, approved_then_unlocked)
    assert (meeting.title, meeting.status) == ("Oktober", MeetingStatus.APPROVED)
    assert approval.approval_state(window.store, approved_then_unlocked).unlocked_at is not None
