"""Actions live on across meetings until done or dropped; decisions keep their numbers."""

import datetime as dt

import pytest

from taskforce_desktop.core import followup, services
from taskforce_desktop.core.models import ActionStatus, AgendaKind
from taskforce_desktop.core.services import DomainError


@pytest.fixture
def committee(store):
    return services.create_committee(store, "Taskforce Samen Organiseren").id


def _first_meeting(store, committee):
    meeting = services.create_meeting(store, committee, date="2031-01-17", title="Overleg")
    opening = services.add_agenda_item(store, meeting, "Opening", standing=True)
    point = services.add_agenda_item(store, meeting, "Regionale samenwerking")
    return meeting, opening, point


def _titles_and_kinds(store, meeting_id):
    return [(item.title, item.kind) for item in services.load_meeting(store, meeting_id).agenda]


def test_a_meeting_made_from_the_previous_gets_the_review_points_once(store, committee):
    first, _, _ = _first_meeting(store, committee)
    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    third = services.create_meeting_from_previous(store, committee, "2031-05-16")

    expected = [
        ("Opening", AgendaKind.REGULAR),
        ("Verslag vorige vergadering", AgendaKind.PREVIOUS_MINUTES),
        ("Actielijst", AgendaKind.ACTION_REVIEW),
    ]
    assert _titles_and_kinds(store, second) == expected
    assert _titles_and_kinds(store, third) == expected
    assert _titles_and_kinds(store, first) == [
        ("Opening", AgendaKind.REGULAR),
        ("Regionale samenwerking", AgendaKind.REGULAR),
    ]


def _open_for_review(store, meeting_id):
    """What the standing point "Actielijst" of this meeting still has to go through."""
    return [
        follow_up
        for follow_up in followup.review_actions(store, meeting_id)
        if follow_up.action.status is ActionStatus.OPEN
    ]


def test_open_actions_are_carried_over_across_three_meetings(store, committee):
    first, _, point = _first_meeting(store, committee)
    report = services.add_action(store, point, "Notitie over de regiodeal", owner="Petra")
    survey = services.add_action(store, point, "Enquête uitzetten", owner="Ahmed")
    visit = services.add_action(store, point, "Werkbezoek plannen", owner="Petra")

    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    review = _open_for_review(store, second)
    assert [a.id for a in review] == [report, survey, visit]
    assert [a.number for a in review] == ["2031-01/1", "2031-01/2", "2031-01/3"]
    assert {a.meeting.id for a in review} == {first}

    followup.close_action(store, report, ActionStatus.DONE, second)
    followup.close_action(store, visit, ActionStatus.DROPPED, second)
    new_point = services.add_agenda_item(store, second, "Woonvisie")
    housing = services.add_action(store, new_point, "Cijfers woningbouw delen", owner="Ahmed")

    assert [a.id for a in _open_for_review(store, second)] == [survey]
    # The verslag of the second meeting shows the carried-over ones, closed ones included.
    carried = {a.id: a for a in followup.carried_over_actions(store, second)}
    assert set(carried) == {report, survey, visit}
    assert carried[report].status is ActionStatus.DONE
    assert carried[report].closed_in_meeting_id == second
    assert carried[visit].status is ActionStatus.DROPPED

    third = services.create_meeting_from_previous(store, committee, "2031-05-16")
    assert [a.id for a in _open_for_review(store, third)] == [survey, housing]
    housing_entry = _open_for_review(store, third)[1]
    assert housing_entry.number == "2031-03/1"
    assert housing_entry.meeting.id == second

    followup.close_action(store, survey, ActionStatus.DONE, third)
    assert [a.id for a in _open_for_review(store, third)] == [housing]
    # Exported again later, the second meeting's verslag still shows the survey as open.
    again = {a.id: a for a in followup.carried_over_actions(store, second)}
    assert again[survey].status is ActionStatus.OPEN
    # … and the first meeting had nothing to carry over.
    assert followup.carried_over_actions(store, first) == []


def test_actielijst_filters_and_marks_overdue(store, committee):
    first, _, point = _first_meeting(store, committee)
    late = services.add_action(
        store, point, "Advies opstellen", owner="Petra de Vries", due="2031-02-01"
    )
    later = services.add_action(store, point, "Brief sturen", owner="Ahmed", due="2031-06-01")
    done = services.add_action(store, point, "Zaal reserveren", owner="petra", due="2031-01-20")
    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    followup.close_action(store, done, "done", second)

    today = dt.date(2031, 3, 1)
    everything = followup.committee_actions(store, committee, today=today)
    assert [(a.id, a.overdue) for a in everything] == [(late, True), (later, False), (done, False)]
    assert everything[2].closed_in.id == second

    open_ones = followup.committee_actions(store, committee, status="open", today=today)
    assert [a.id for a in open_ones] == [late, later]
    petra = followup.committee_actions(store, committee, owner="PETRA", today=today)
    assert [a.id for a in petra] == [late, done]
    with pytest.raises(DomainError):
        followup.committee_actions(store, committee, status="klaar")


def test_numbers_in_the_actielijst_are_the_verslag_numbers(store, committee):
    first, opening, point = _first_meeting(store, committee)
    services.add_action(store, point, "Tweede", owner="B")
    services.add_action(store, opening, "Eerste", owner="A")
    in_verslag = {
        action.id: action.number
        for item in services.load_meeting(store, first).agenda
        for action in item.actions
    }
    in_list = {a.id: a.number for a in followup.committee_actions(store, committee)}
    assert in_list == in_verslag
    assert sorted(in_list.values()) == ["2031-01/1", "2031-01/2"]


def test_an_action_is_closed_only_in_a_later_meeting_of_its_committee(store, committee):
    first, _, point = _first_meeting(store, committee)
    action = services.add_action(store, point, "Notitie schrijven")
    other = services.create_committee(store, "College voor Dienstverleningszaken").id
    elsewhere = services.create_meeting(store, other, date="2031-03-01")
    earlier = services.create_meeting(store, committee, date="2030-11-01")

    with pytest.raises(DomainError, match="overleg"):
        followup.close_action(store, action, "done", elsewhere)
    with pytest.raises(DomainError, match="vóór"):
        followup.close_action(store, action, "done", earlier)
    assert followup.committee_actions(store, committee)[0].action.status is ActionStatus.OPEN

    followup.close_action(store, action, "done", first)
    followup.close_action(store, action, "open", None)
    reopened = followup.committee_actions(store, committee)[0].action
    assert (reopened.status, reopened.closed_in_meeting_id) == (ActionStatus.OPEN, None)
    assert followup.latest_meeting_id(store, committee) == first


def test_besluitenlijst_is_numbered_and_searchable(store, committee):
    first, _, point = _first_meeting(store, committee)
    services.add_decision(store, point, "De taskforce omarmt de **nieuwe ideeën** voor de regio.")
    services.add_decision(store, point, "Het werkplan 2031 wordt vastgesteld.")
    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    later_point = services.load_meeting(store, second).agenda[0].id
    services.add_decision(store, later_point, "Een werkgroep begeleidt de ideeën.")

    all_decisions = followup.committee_decisions(store, committee)
    assert [d.number for d in all_decisions] == ["2031-01/1", "2031-01/2", "2031-03/1"]
    assert all_decisions[0].agenda_item_title == "Regionale samenwerking"

    found = followup.committee_decisions(store, committee, query="ideeen")
    assert [d.number for d in found] == ["2031-01/1", "2031-03/1"]
    assert [d.number for d in followup.committee_decisions(store, committee, "werkpl")] == [
        "2031-01/2"
    ]
    assert followup.committee_decisions(store, committee, query='"(*') == []
