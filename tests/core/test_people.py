"""People across meetings: the overview, merging duplicates and erasure (AVG)."""

import pytest

from taskforce_desktop.core import approval, people, search, services
from taskforce_desktop.core.models import Presence
from taskforce_desktop.core.services import DomainError

NAME = "Wilhelmina Zonneveld-Oskam"
EMAIL = "w.zonneveld@voorbeeldgemeente.nl"


@pytest.fixture
def committee(store):
    return services.create_committee(store, "Taskforce Samen Organiseren").id


def _attendee_names(store, meeting_id):
    return [(a.person.name, a.presence) for a in services.load_meeting(store, meeting_id).attendees]


def test_overview_counts_meetings_attended(store, committee):
    first = services.create_meeting(store, committee, date="2031-01-17")
    second = services.create_meeting(store, committee, date="2031-03-14")
    services.add_attendee(store, first, "Anna de Wit", "Gemeente Zeist", "secretaris", "a@ex.nl")
    services.add_attendee(store, second, "Anna de Wit", email="a@ex.nl", presence="excused")
    services.add_attendee(store, second, "bram Keizer")

    overview = people.people_overview(store)

    assert [(p.person.name, p.meetings_attended, p.meetings_listed) for p in overview] == [
        ("Anna de Wit", 1, 2),
        ("bram Keizer", 1, 1),
    ]
    assert overview[0].person.organisation == "Gemeente Zeist"
    assert overview[0].person.function == "secretaris"


def test_merging_moves_attendances_and_actions(store, committee):
    first = services.create_meeting(store, committee, date="2031-01-17")
    second = services.create_meeting(store, committee, date="2031-03-14")
    services.add_attendee(store, first, "Jan Jansen", "Gemeente Utrecht", presence="excused")
    services.add_attendee(store, first, "J. Jansen", email="jan@utrecht.example", note="nieuw lid")
    services.add_attendee(store, second, "J. Jansen", email="jan@utrecht.example")
    point = services.add_agenda_item(store, first, "Werkplan", presenter="J. Jansen")
    action = services.add_action(store, point, "Werkplan rondsturen", owner="J. Jansen")
    # The first meeting is approved already: merging is no change to what it says.
    approval.approve_meeting(store, first, approved_on=services.load_meeting(store, second).date)
    by_name = {p.name: p.id for p in services.list_people(store)}

    people.merge_people(store, by_name["Jan Jansen"], by_name["J. Jansen"])

    (person,) = services.list_people(store)
    assert (person.name, person.organisation, person.email) == (
        "Jan Jansen",
        "Gemeente Utrecht",
        "jan@utrecht.example",
    )
    first_record = services.load_meeting(store, first)
    (attendee,) = first_record.attendees
    assert (attendee.person.name, attendee.presence, attendee.note) == (
        "Jan Jansen",
        Presence.PRESENT,
        "nieuw lid",
    )
    assert _attendee_names(store, second) == [("Jan Jansen", Presence.PRESENT)]
    assert first_record.agenda[0].presenter == "Jan Jansen"
    assert first_record.agenda[0].actions[0].owner == "Jan Jansen"
    assert first_record.agenda[0].actions[0].id == action
    assert people.people_overview(store)[0].meetings_listed == 2
    assert [h.kind for h in search.search(store, '"J"')] == []


def test_merging_a_person_with_themself_is_refused(store, committee):
    meeting = services.create_meeting(store, committee, date="2031-01-17")
    services.add_attendee(store, meeting, "Anna de Wit")
    person = services.list_people(store)[0].id
    with pytest.raises(DomainError):
        people.merge_people(store, person, person)


def _erasure_setup(store, committee):
    first = services.create_meeting(store, committee, date="2031-01-17", title="Overleg")
    services.add_attendee(store, first, NAME, "Gemeente Zeist", "wethouder", EMAIL)
    services.add_attendee(store, first, "Karel Bos")
    point = services.add_agenda_item(store, first, "Dienstverlening", presenter=NAME)
    owned = services.add_action(store, point, "Advies schrijven", owner=NAME.upper())
    other = services.add_action(store, point, "Zaal regelen", owner="Karel Bos")
    services.add_decision(store, point, f"Op voorstel van {NAME} wordt gestart.")
    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    approval.approve_previous(store, second)
    person = next(p.id for p in services.list_people(store) if p.name == NAME)
    return first, second, person, owned, other


def test_where_a_person_appears_names_meetings_actions_and_mentions(store, committee):
    first, second, person, owned, _ = _erasure_setup(store, committee)

    appearances = people.where_person_appears(store, person)

    assert [m.id for m in appearances.meetings] == [first, second]
    assert [(a.action_id, a.number) for a in appearances.actions] == [(owned, "2031-01/1")]
    assert [title for title, _ in appearances.presented] == ["Dienstverlening"]
    assert [hit.kind for hit in appearances.mentions] == [search.SearchKind.DECISION]


def test_erasure_removes_the_person_everywhere(store, committee):
    first, second, person, owned, other = _erasure_setup(store, committee)

    people.erase_person(store, person)

    assert [p.name for p in services.list_people(store)] == ["Karel Bos"]
    for meeting in (first, second):
        assert [name for name, _ in _attendee_names(store, meeting)] == ["Karel Bos"]
    point = services.load_meeting(store, first).agenda[0]
    assert point.presenter == ""
    assert {a.id: a.owner for a in point.actions} == {owned: "", other: "Karel Bos"}
    # Only the decision that mentions the name in its text is still found.
    assert [hit.kind for hit in search.search(store, "zonneveld")] == [search.SearchKind.DECISION]
    # The approved meeting is still approved and locked.
    assert approval.is_locked(store, first)


def test_erasure_leaves_no_bytes_of_the_name_or_email_in_the_database_file(store, committee):
    first, second, person, _, _ = _erasure_setup(store, committee)
    # Earlier versions of the row sit in free pages unless the file is rewritten.
    (attendance,) = [
        a.id for a in services.load_meeting(store, second).attendees if a.person.id == person
    ]
    services.update_attendee(store, attendance, function="gedeputeerde")
    # The decision text mentions the name; the secretary rewrites it before erasing.
    decision = services.load_meeting(store, first).agenda[0].decisions[0].id
    approval.unlock_meeting(store, first, "Naam uit besluit verwijderd (AVG)")
    services.update_decision(store, decision, "Op voorstel van de wethouder wordt gestart.")

    people.erase_person(store, person)

    wal = store.path.with_name(store.path.name + "-wal")
    contents = store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for trace in (NAME, EMAIL, "zonneveld", "oskam", "voorbeeldgemeente"):
        assert trace.lower().encode() not in contents.lower(), trace
    assert b"Karel Bos" in contents  # the scan does read the data


def test_erasing_an_unknown_person_says_so(store):
    with pytest.raises(DomainError, match="bestaat niet"):
        people.erase_person(store, 999)


def test_erasure_leaves_a_namesakes_linked_actions_alone(store, committee):
    meeting = services.create_meeting(store, committee, date="2031-05-09")
    services.add_attendee(store, meeting, "Jan de Vries", "Gemeente Noord", email="jan@noord.ex")
    services.add_attendee(store, meeting, "Jan de Vries", "Gemeente Zuid", email="jan@zuid.ex")
    north, south = (a.person.id for a in services.load_meeting(store, meeting).attendees)
    point = services.add_agenda_item(store, meeting, "Inkoop")
    services.add_action(store, point, "Offerte vragen", owner="Jan de Vries", owner_person_id=south)
    people.erase_person(store, north)
    (action,) = services.load_meeting(store, meeting).agenda[0].actions
    assert action.owner == "Jan de Vries"
