"""concept → definitief → vastgesteld; a vastgesteld verslag is read-only until unlocked."""

import datetime as dt
import subprocess
import sys

import pytest

from taskforce_desktop.core import approval, followup, services
from taskforce_desktop.core.models import ActionStatus, Meeting, MeetingStatus
from taskforce_desktop.core.services import DomainError


@pytest.fixture
def meetings(store):
    """A held meeting with content, and the next one made from it."""
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    first = services.create_meeting(store, committee, date="2031-01-17", title="Overleg")
    attendee = services.add_attendee(store, first, "Marieke Smit", "Gemeente Houten")
    point = services.add_agenda_item(store, first, "Regionale samenwerking", notes="Eerste ronde.")
    decision = services.add_decision(store, point, "De taskforce stemt in.")
    action = services.add_action(store, point, "Notitie schrijven", owner="Marieke Smit")
    approval.set_unapproved_status(store, first, MeetingStatus.FINAL)
    second = services.create_meeting_from_previous(store, committee, "2031-03-14")
    return {
        "first": first,
        "second": second,
        "attendee": attendee,
        "point": point,
        "decision": decision,
        "action": action,
    }


def test_the_next_meeting_approves_the_previous_verslag(store, meetings):
    state = approval.approval_state(store, meetings["second"])
    assert state.previous.id == meetings["first"]
    assert approval.approval_state(store, meetings["first"]).status is MeetingStatus.FINAL

    approved = approval.approve_previous(
        store, meetings["second"], "Naam van de wethouder hersteld."
    )

    assert approved == meetings["first"]
    state = approval.approval_state(store, meetings["first"])
    assert state.status is MeetingStatus.APPROVED
    assert state.approved_on == dt.date(2031, 3, 14)
    assert state.approved_in.id == meetings["second"]
    assert state.corrections == "Naam van de wethouder hersteld."
    assert state.locked
    record = services.load_meeting(store, meetings["first"])
    assert (record.status, record.approved_on) == (MeetingStatus.APPROVED, dt.date(2031, 3, 14))


def test_the_first_meeting_has_no_previous_verslag(store, meetings):
    with pytest.raises(DomainError, match="geen vorige"):
        approval.approve_previous(store, meetings["first"])


@pytest.mark.parametrize(
    "write",
    [
        lambda store, m: services.update_meeting(store, m["first"], title="Anders"),
        lambda store, m: services.add_agenda_item(store, m["first"], "Nagekomen punt"),
        lambda store, m: services.update_agenda_item(store, m["point"], notes="Herschreven."),
        lambda store, m: services.remove_agenda_item(store, m["point"]),
        lambda store, m: services.add_decision(store, m["point"], "Nog een besluit"),
        lambda store, m: services.update_decision(store, m["decision"], "Ander besluit"),
        lambda store, m: services.update_action(store, m["action"], description="Anders"),
        lambda store, m: services.remove_attendee(store, m["attendee"]),
        lambda store, m: services.update_attendee(store, m["attendee"], presence="absent"),
        lambda store, m: services.delete_meeting(store, m["first"]),
        lambda store, m: approval.set_unapproved_status(store, m["first"], MeetingStatus.DRAFT),
    ],
    ids=[
        "meeting",
        "add-point",
        "notes",
        "remove-point",
        "add-decision",
        "decision",
        "action",
        "remove-attendee",
        "attendee",
        "delete",
        "status",
    ],
)
def test_an_approved_meeting_is_read_only(store, meetings, write):
    approval.approve_previous(store, meetings["second"])
    before = services.load_meeting(store, meetings["first"])

    with pytest.raises(DomainError, match="vastgesteld"):
        write(store, meetings)

    assert services.load_meeting(store, meetings["first"]) == before


def test_actions_of_an_approved_meeting_are_still_followed_up(store, meetings):
    approval.approve_previous(store, meetings["second"])
    followup.close_action(store, meetings["action"], ActionStatus.DONE, meetings["second"])
    action = followup.committee_actions(store, services.list_committees(store)[0].id)[0]
    assert action.action.status is ActionStatus.DONE
    assert action.closed_in.id == meetings["second"]


def test_closing_an_action_in_an_approved_meeting_is_refused(store, meetings):
    approval.approve_meeting(store, meetings["second"], dt.date(2031, 5, 1))
    with pytest.raises(DomainError, match="vastgesteld"):
        followup.close_action(store, meetings["action"], ActionStatus.DONE, meetings["second"])


def test_unlocking_is_explicit_and_noted(store, meetings):
    approval.approve_previous(store, meetings["second"], "Typefout hersteld.")
    with pytest.raises(DomainError, match="reden"):
        approval.unlock_meeting(store, meetings["first"], "  ")

    approval.unlock_meeting(
        store, meetings["first"], "Besluit 2 onvolledig", now=dt.datetime(2031, 3, 20, 9, 30)
    )

    state = approval.approval_state(store, meetings["first"])
    assert state.status is MeetingStatus.APPROVED and not state.locked
    assert state.corrections == (
        "Typefout hersteld.\n\nOntgrendeld op 20-03-2031 09:30: Besluit 2 onvolledig"
    )
    services.update_agenda_item(store, meetings["point"], notes="Aangevuld.")
    assert services.load_meeting(store, meetings["first"]).agenda[0].notes == "Aangevuld."

    approval.lock_meeting(store, meetings["first"])
    assert approval.is_locked(store, meetings["first"])
    with pytest.raises(DomainError):
        services.update_agenda_item(store, meetings["point"], notes="Nog eens.")


def test_approving_again_locks_again(store, meetings):
    approval.approve_previous(store, meetings["second"])
    approval.unlock_meeting(store, meetings["first"], "Correctie")
    approval.set_unapproved_status(store, meetings["first"], MeetingStatus.FINAL)
    assert not approval.is_locked(store, meetings["first"])
    approval.approve_previous(store, meetings["second"])
    assert approval.is_locked(store, meetings["first"])


def test_only_approved_verslagen_are_unlocked(store, meetings):
    with pytest.raises(DomainError, match="Alleen een vastgesteld"):
        approval.unlock_meeting(store, meetings["first"], "Waarom niet")
    with pytest.raises(DomainError):
        approval.set_unapproved_status(store, meetings["first"], MeetingStatus.APPROVED)


def test_an_approved_meeting_can_be_created_with_its_content_in_one_go(store):
    """A meeting file of an approved meeting is imported in one transaction."""
    with store.session() as session:
        committee = services.find_or_create_committee_in(session, "Archief")
        meeting = services.create_meeting_in(
            session, committee, date="2020-02-02", status="approved", approved_on="2020-04-04"
        )
        services.add_agenda_item_in(session, meeting, title="Opening", notes="Welkom.")
        meeting_id = meeting.id
    assert approval.is_locked(store, meeting_id)
    assert services.load_meeting(store, meeting_id).agenda[0].notes == "Welkom."


def test_person_details_stay_editable(store, meetings):
    approval.approve_previous(store, meetings["second"])
    attendance = services.load_meeting(store, meetings["second"]).attendees[0].id
    services.update_attendee(store, attendance, email="m.smit@example.nl")
    with store.read() as session:
        assert session.get(Meeting, meetings["first"]).status is MeetingStatus.APPROVED
    assert services.list_people(store)[0].email == "m.smit@example.nl"


def test_an_action_closed_in_an_approved_meeting_cannot_be_moved_or_reopened(store, meetings):
    action = meetings["action"]
    followup.close_action(store, action, ActionStatus.DONE, meetings["second"])
    approval.approve_meeting(store, meetings["second"], dt.date(2031, 5, 9))
    third = services.create_meeting_from_previous(
        store, services.load_meeting(store, meetings["second"]).committee.id, "2031-05-09"
    )
    for status, in_meeting in ((ActionStatus.DROPPED, third), (ActionStatus.OPEN, None)):
        with pytest.raises(DomainError, match="vastgesteld"):
            followup.close_action(store, action, status, in_meeting)
    closed = services.load_meeting(store, meetings["first"]).agenda[0].actions[0]
    assert (closed.status, closed.closed_in_meeting_id) == (ActionStatus.DONE, meetings["second"])


def test_a_correction_inside_an_earlier_one_is_still_recorded(store, meetings):
    first = meetings["first"]
    approval.approve_meeting(store, first, dt.date(2031, 3, 14), "naam Jansen in punt 2")
    approval.unlock_meeting(store, first, "spelling")
    approval.approve_meeting(store, first, dt.date(2031, 3, 15), "naam Jansen")
    approval.approve_meeting(store, first, dt.date(2031, 3, 15), "naam Jansen")
    entries = services.load_meeting(store, first).corrections.split("\n\n")
    assert entries.count("naam Jansen") == 1
    assert "naam Jansen in punt 2" in entries


def test_the_lock_comes_with_the_store_not_with_importing_services(tmp_path):
    # The lock used to be registered on SQLAlchemy's global Session class as a side effect
    # of importing services: a program that wrote through the store alone had no lock.
    script = f"""
import datetime as dt, sys
from taskforce_desktop.core.models import Committee, Meeting, MeetingStatus
from taskforce_desktop.core.store import Store
store = Store({str(tmp_path)!r})
with store.session() as session:
    meeting = Meeting(committee=Committee(name="Overleg"), date=dt.date(2031, 1, 17),
                      status=MeetingStatus.APPROVED, approved_on=dt.date(2031, 2, 1))
    session.add(meeting)
try:
    with store.session() as session:
        session.get(Meeting, meeting.id).title = "Achteraf gewijzigd"
except ValueError as exc:
    print(type(exc).__name__, "taskforce_desktop.core.services" in sys.modules)
"""
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["DomainError", "False"]
