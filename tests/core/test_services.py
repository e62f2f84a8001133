"""The operations the window and the command line call: one transaction each, clear errors."""

import datetime as dt

import pytest

from taskforce_desktop.core import followup, people, services
from taskforce_desktop.core.models import AgendaKind, MeetingStatus, Presence, Role
from taskforce_desktop.core.services import DomainError


@pytest.fixture
def meeting(store):
    committee = services.create_committee(store, "Regio-overleg Dienstverlening", "Mail ons.")
    meeting_id = services.create_meeting(
        store, committee.id, date="2031-03-07", title="Maart", start_time="10:00", end_time="12:00"
    )
    services.add_attendee(store, meeting_id, "Ilse Kramer", "Gemeente Oost", role="chair")
    services.add_attendee(store, meeting_id, "Daan Mulder", "Gemeente West", presence="excused")
    for title, standing in (("Opening", True), ("Jaarplan", False), ("Rondvraag", True)):
        services.add_agenda_item(store, meeting_id, title, standing=standing)
    return meeting_id


def titles(store, meeting_id):
    return [(item.number, item.title) for item in services.load_meeting(store, meeting_id).agenda]


def test_agenda_numbers_follow_the_order_unless_set_by_hand(store, meeting):
    jaarplan = services.load_meeting(store, meeting).agenda[1].id
    services.move_agenda_item(store, jaarplan, 0)
    assert titles(store, meeting) == [("1", "Jaarplan"), ("2", "Opening"), ("3", "Rondvraag")]
    services.update_agenda_item(store, jaarplan, manual_number="0a")
    assert titles(store, meeting)[0] == ("0a", "Jaarplan")
    services.remove_agenda_item(store, services.load_meeting(store, meeting).agenda[1].id)
    assert titles(store, meeting) == [("0a", "Jaarplan"), ("2", "Rondvraag")]


def test_meeting_from_the_previous_one_copies_people_and_standing_points(store, meeting):
    previous = services.load_meeting(store, meeting)
    services.update_attendee(store, previous.attendees[1].id, presence="absent")
    new_id = services.create_meeting_from_previous(store, previous.committee.id, "2031-05-02")
    new = services.load_meeting(store, new_id)
    assert new.date == dt.date(2031, 5, 2) and new.title == "Maart"
    assert [(a.person.name, a.role, a.presence) for a in new.attendees] == [
        ("Ilse Kramer", Role.CHAIR, Presence.PRESENT),
        ("Daan Mulder", Role.MEMBER, Presence.PRESENT),
    ]
    kinds = {item.title: item.kind for item in new.agenda}
    assert "Jaarplan" not in kinds
    assert {"Opening", "Rondvraag"} <= set(kinds)
    assert kinds["Actielijst"] is AgendaKind.ACTION_REVIEW
    assert new.start_time == dt.time(10, 0) and new.status is MeetingStatus.DRAFT


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end_time": "09:00"}, "eindtijd ligt voor de begintijd"),
        ({"mode": "per post"}, "Onbekende waarde voor vergadervorm"),
        ({"date": "2031-02-30"}, "geen geldige datum"),
        ({"start_time": "25:00"}, "geen geldige tijd"),
    ],
)
def test_invalid_meeting_values_are_refused_and_nothing_changes(store, meeting, change, message):
    before = services.load_meeting(store, meeting)
    with pytest.raises(DomainError, match=message):
        services.update_meeting(store, meeting, title="Gewijzigd", **change)
    assert services.load_meeting(store, meeting) == before


def test_an_empty_title_or_unknown_purpose_adds_no_agenda_point(store, meeting):
    before = titles(store, meeting)
    with pytest.raises(DomainError, match="mag niet leeg zijn"):
        services.add_agenda_item(store, meeting, "   ")
    with pytest.raises(DomainError, match="Onbekende waarde voor doel"):
        services.add_agenda_item(store, meeting, "Begroting", purpose="stemmen")
    assert titles(store, meeting) == before


def test_an_action_with_a_bad_due_date_leaves_no_row(store, meeting):
    item = services.load_meeting(store, meeting).agenda[1].id
    with pytest.raises(DomainError, match="geen geldige datum"):
        services.add_action(store, item, "Notitie schrijven", due="morgen-ish")
    assert services.load_meeting(store, meeting).agenda[1].actions == ()


def test_the_same_person_twice_in_one_meeting_is_refused(store, meeting):
    with pytest.raises(DomainError, match="staat al op de deelnemerslijst"):
        services.add_attendee(store, meeting, "Ilse Kramer", "Gemeente Oost")
    assert len(services.load_meeting(store, meeting).attendees) == 2


def test_same_email_is_the_same_person_even_under_another_name(store, meeting):
    services.add_attendee(store, meeting, "E. de Boer", "Provincie", email="e.deboer@example.org")
    other = services.create_meeting(
        store, services.list_committees(store)[0].id, date="2031-04-04", title="April"
    )
    services.add_attendee(store, other, "Eva de Boer", "Provincie", email="E.DeBoer@example.org")
    people = [p for p in services.list_people(store) if "Boer" in p.name]
    assert [p.name for p in people] == ["Eva de Boer"]


def test_decisions_and_actions_are_numbered_in_the_order_they_are_made(store, meeting):
    # The number is given once, when the row is made: typing under point 3 first gives /1.
    agenda = services.load_meeting(store, meeting).agenda
    services.add_decision(store, agenda[2].id, "Derde punt besloten")
    services.add_decision(store, agenda[0].id, "Eerste punt besloten")
    services.add_action(store, agenda[1].id, "Plan maken", owner="Ilse Kramer", due="2031-04-01")
    reloaded = services.load_meeting(store, meeting).agenda
    assert reloaded[2].decisions[0].number == "2031-03/1"
    assert reloaded[0].decisions[0].number == "2031-03/2"
    assert reloaded[1].actions[0].number == "2031-03/1"


@pytest.mark.parametrize(
    "changes", [{"status": "approved"}, {"status": "draft"}, {"approved_on": dt.date(2031, 5, 2)}]
)
def test_the_status_and_its_date_change_only_through_approval(store, meeting, changes):
    with pytest.raises(DomainError, match="status van een verslag verandert alleen via"):
        services.update_meeting(store, meeting, title="Nieuw", **changes)
    record = services.load_meeting(store, meeting)
    assert (record.title, record.status, record.approved_on) == ("Maart", MeetingStatus.DRAFT, None)


def test_control_characters_never_reach_the_store(store, meeting):
    services.update_meeting(store, meeting, title="Maart\x00\x07 overleg", location="Zaal\x1b 2")
    record = services.load_meeting(store, meeting)
    assert (record.title, record.location) == ("Maart overleg", "Zaal 2")


def test_duplicate_copies_everything_under_a_marked_title(store, meeting):
    item = services.load_meeting(store, meeting).agenda[1].id
    services.update_agenda_item(store, item, notes="- eerste punt\n- tweede punt")
    services.add_decision(store, item, "Akkoord")
    copy = services.load_meeting(store, services.duplicate_meeting(store, meeting))
    assert copy.title == "Maart (kopie)"
    assert copy.agenda[1].notes == "- eerste punt\n- tweede punt"
    assert [d.text for d in copy.agenda[1].decisions] == ["Akkoord"]
    assert len(copy.attendees) == 2


def test_an_older_meeting_entered_later_copies_from_the_one_before_it(store, meeting):
    committee = services.list_committees(store)[0].id
    services.create_meeting(store, committee, date="2031-01-10", title="Januari")
    older = services.load_meeting(
        store, services.create_meeting_from_previous(store, committee, "2031-02-07")
    )
    assert older.title == "Januari"
    earliest = services.load_meeting(
        store, services.create_meeting_from_previous(store, committee, "2030-12-01", "December")
    )
    assert earliest.attendees == () and earliest.agenda == ()


@pytest.mark.parametrize("field", ["owner_person_id", "closed_in_meeting_id"])
def test_an_unknown_id_in_an_action_is_a_clear_error(store, meeting, field):
    item = services.load_meeting(store, meeting).agenda[1].id
    action = services.add_action(store, item, "Notitie schrijven")
    with pytest.raises(DomainError, match="bestaat niet"):
        services.update_action(store, action, **{field: 999})
    with pytest.raises(DomainError, match="bestaat niet"):
        services.add_action(store, item, "Tweede notitie", **{field: 999})
    assert [a.description for a in services.load_meeting(store, meeting).agenda[1].actions] == [
        "Notitie schrijven"
    ]


def _point_with_a_closed_action_of_a_known_person(store, meeting):
    """An action owned by a known person (under a short name) and closed in a later meeting."""
    person = services.list_people(store)[0]  # Daan Mulder or Ilse Kramer
    point = services.load_meeting(store, meeting).agenda[1]
    action = services.add_action(
        store, point.id, "Begroting nalopen", owner="D.M.", owner_person_id=person.id
    )
    later = services.create_meeting_from_previous(
        store, _committee_of(store, meeting), "2031-04-04"
    )
    followup.close_action(store, action, "done", later)
    return person, services.load_meeting(store, meeting).agenda[1], later


def _committee_of(store, meeting):
    return services.load_meeting(store, meeting).committee.id


def _owned_by(store, person):
    return [a.description for a in people.where_person_appears(store, person.id).actions]


def test_undoing_an_agenda_point_delete_keeps_its_actions_owner_and_closing(store, meeting):
    person, point, later = _point_with_a_closed_action_of_a_known_person(store, meeting)
    services.remove_agenda_item(store, point.id)
    restored = services.restore_agenda_item(store, meeting, point, 1)

    (action,) = services.load_meeting(store, meeting).agenda[1].actions
    assert services.load_meeting(store, meeting).agenda[1].id == restored
    assert (action.status.value, action.closed_in_meeting_id) == ("done", later)
    assert _owned_by(store, person) == ["Begroting nalopen"]


def test_undoing_an_action_delete_keeps_its_owner_and_closing(store, meeting):
    person, point, later = _point_with_a_closed_action_of_a_known_person(store, meeting)
    (record,) = point.actions
    services.remove_action(store, record.id)
    services.restore_action(store, point.id, record, 0)

    (action,) = services.load_meeting(store, meeting).agenda[1].actions
    assert (action.description, action.closed_in_meeting_id) == ("Begroting nalopen", later)
    assert _owned_by(store, person) == ["Begroting nalopen"]
