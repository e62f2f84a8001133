"""The next meeting made from the previous one (issue 16): review points once, no one-off guests."""

import datetime as dt

import pytest

from taskforce_desktop.core import services
from taskforce_desktop.core.models import AgendaKind, Role


@pytest.fixture
def previous(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    meeting = services.create_meeting(store, committee, date="2031-09-12", title="September")
    for title in ("Opening", "Verslag vorige vergadering", "Actielijst", "Rondvraag"):
        services.add_agenda_item(store, meeting, title, standing=True)
    services.add_attendee(store, meeting, "Ilse Kramer", role=Role.CHAIR)
    services.add_attendee(store, meeting, "Ellen Vos", role=Role.ADVISOR)
    services.add_attendee(store, meeting, "Tom Hendriks", role=Role.GUEST)
    return services.load_meeting(store, meeting)


def _next(store, previous, **options):
    return services.load_meeting(
        store,
        services.create_meeting_from_previous(
            store, previous.committee.id, "2031-11-14", **options
        ),
    )


def test_review_points_typed_as_standing_points_are_there_once(store, previous):
    new = _next(store, previous)
    titles = [item.title for item in new.agenda]
    assert titles == ["Opening", "Verslag vorige vergadering", "Actielijst", "Rondvraag"]
    kinds = {item.title: item.kind for item in new.agenda}
    assert kinds["Verslag vorige vergadering"] is AgendaKind.PREVIOUS_MINUTES
    assert kinds["Actielijst"] is AgendaKind.ACTION_REVIEW
    # and the meeting after that still has each once
    after = services.load_meeting(
        store, services.create_meeting_from_previous(store, previous.committee.id, "2032-01-16")
    )
    assert [item.title for item in after.agenda] == titles


def test_guests_stay_behind_unless_she_asks_for_them(store, previous):
    assert [a.person.name for a in _next(store, previous).attendees] == [
        "Ilse Kramer",
        "Ellen Vos",
    ]
    asked = _next(store, previous, with_guests=True)
    assert [a.person.name for a in asked.attendees] == ["Ilse Kramer", "Ellen Vos", "Tom Hendriks"]
    assert asked.attendees[2].role is Role.GUEST


# --- the date of the next meeting, in the committee's rhythm ---------------------------


def _dates(*texts):
    return [dt.date.fromisoformat(text) for text in texts]


def test_the_next_meeting_keeps_the_gap_of_the_last_two():
    proposal = services.next_in_rhythm(_dates("2031-11-14", "2031-09-12"), dt.date(2031, 11, 20))
    assert proposal.day == dt.date(2032, 1, 16)  # 9 weeks on, a Friday again
    assert (proposal.interval.days, proposal.last) == (63, dt.date(2031, 11, 14))


def test_a_day_in_the_rhythm_already_past_gives_the_next_one_not_before_today():
    proposal = services.next_in_rhythm(_dates("2026-09-03", "2026-10-01"), dt.date(2026, 12, 2))
    assert proposal.day == dt.date(2026, 12, 24)
    same_day = services.next_in_rhythm(_dates("2026-09-03", "2026-10-01"), dt.date(2026, 10, 29))
    assert same_day.day == dt.date(2026, 10, 29)


def test_no_rhythm_from_one_meeting_or_gaps_of_days_or_half_a_year():
    today = dt.date(2031, 1, 1)
    assert services.next_in_rhythm(_dates("2030-12-01"), today) is None
    assert services.next_in_rhythm(_dates("2030-12-01", "2030-12-03"), today) is None
    assert services.next_in_rhythm(_dates("2030-06-01", "2030-12-01"), today) is None


def test_each_committee_has_its_own_rhythm(store):
    taskforce = services.create_committee(store, "Taskforce").id
    werkgroep = services.create_committee(store, "Werkgroep").id
    for day in ("2031-09-12", "2031-10-10"):
        services.create_meeting(store, taskforce, date=day)
    services.create_meeting(store, werkgroep, date="2031-10-01")
    found = services.next_meetings_in_rhythm(store, dt.date(2031, 10, 20))
    assert set(found) == {taskforce}
    assert found[taskforce].day == dt.date(2031, 11, 7)
