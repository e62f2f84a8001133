"""The next meeting made from the previous one (issue 16): review points once, no one-off guests."""

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
