"""People and the attendance list of a meeting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from taskforce_desktop.core.models import (
    Attendance,
    Meeting,
    Person,
    Presence,
    Role,
)
from taskforce_desktop.core.records import (
    AttendeeRecord,
)
from taskforce_desktop.core.services.rows import (
    apply_changes,
    get_row,
    insert_at,
    move_to,
    renumber,
)
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    DomainError,
    clean_text,
    parse_enum,
    parse_optional_time,
    required_text,
)


def find_or_create_person_in(
    session: Session,
    name: Any,
    organisation: Any = "",
    function: Any = "",
    email: Any = "",
) -> Person:
    """The same e-mail, or else the same name and organisation, is the same person."""
    name = required_text(name, field="Naam")
    organisation = clean_text(organisation, field="Organisatie", multiline=False)
    function = clean_text(function, field="Functie", multiline=False)
    email = clean_text(email, field="E-mail", multiline=False)
    person = None
    if email:
        person = session.scalar(
            select(Person).where(func.lower(Person.email) == email.lower()).limit(1)
        )
    if person is None:
        person = session.scalar(
            select(Person).where(Person.name == name, Person.organisation == organisation).limit(1)
        )
        if person is not None and email and person.email and person.email.lower() != email.lower():
            person = None  # same name, different e-mail: another person
    if person is None:
        person = Person(name=name, organisation=organisation, function=function, email=email)
        session.add(person)
        session.flush()
        return person
    person.name = name
    if organisation:
        person.organisation = organisation
    if function:
        person.function = function
    if email:
        person.email = email
    return person


_ATTENDANCE_PARSERS = {
    "role": lambda v: parse_enum(Role, v),
    "presence": lambda v: parse_enum(Presence, v),
    "note": lambda v: clean_text(v, field="Opmerking", multiline=False),
    "arrived_at": lambda v: parse_optional_time(v, field="Aankomst"),
    "departed_at": lambda v: parse_optional_time(v, field="Vertrek"),
}
_PERSON_PARSERS = {
    "name": lambda v: required_text(v, field="Naam"),
    "organisation": lambda v: clean_text(v, field="Organisatie", multiline=False),
    "function": lambda v: clean_text(v, field="Functie", multiline=False),
    "email": lambda v: clean_text(v, field="E-mail", multiline=False),
}


def add_attendee_in(
    session: Session,
    meeting: Meeting,
    person: Person,
    index: int | None = None,
    **fields: Any,
) -> Attendance:
    if any(a.person_id == person.id for a in meeting.attendances):
        raise DomainError(f"{person.name} staat al op de deelnemerslijst.")
    attendance = Attendance(person=person)
    apply_changes(attendance, fields, _ATTENDANCE_PARSERS)
    insert_at(meeting.attendances, attendance, index)
    session.flush()
    return attendance


def add_attendee(
    store: Store,
    meeting_id: int,
    name: str,
    organisation: str = "",
    function: str = "",
    email: str = "",
    index: int | None = None,
    **fields: Any,
) -> int:
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        person = find_or_create_person_in(session, name, organisation, function, email)
        return add_attendee_in(session, meeting, person, index, **fields).id


def add_known_attendee(store: Store, meeting_id: int, person_id: int, **fields: Any) -> int:
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        person = get_row(session, Person, person_id, "Persoon")
        return add_attendee_in(session, meeting, person, **fields).id


def update_attendee(store: Store, attendance_id: int, **changes: Any) -> None:
    """Role, presence, note and times belong to this meeting; name etc. to the person."""
    person_changes = {k: v for k, v in changes.items() if k in _PERSON_PARSERS}
    own_changes = {k: v for k, v in changes.items() if k not in _PERSON_PARSERS}
    with store.session() as session:
        attendance = get_row(session, Attendance, attendance_id, "Deelnemer")
        apply_changes(attendance, own_changes, _ATTENDANCE_PARSERS)
        apply_changes(attendance.person, person_changes, _PERSON_PARSERS)


def remove_attendee(store: Store, attendance_id: int) -> None:
    with store.session() as session:
        remove_attendance_in(get_row(session, Attendance, attendance_id, "Deelnemer"))


def remove_attendance_in(attendance: Attendance) -> None:
    meeting = attendance.meeting
    meeting.attendances.remove(attendance)
    renumber(meeting.attendances)


def move_attendee(store: Store, attendance_id: int, new_index: int) -> None:
    with store.session() as session:
        attendance = get_row(session, Attendance, attendance_id, "Deelnemer")
        move_to(attendance.meeting.attendances, attendance, new_index)


def restore_attendee(store: Store, meeting_id: int, record: AttendeeRecord, index: int) -> int:
    """Put a removed attendee back (undo) at their old place."""
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        person = session.get(Person, record.person.id) or find_or_create_person_in(
            session,
            record.person.name,
            record.person.organisation,
            record.person.function,
            record.person.email,
        )
        return add_attendee_in(
            session,
            meeting,
            person,
            index,
            role=record.role,
            presence=record.presence,
            note=record.note,
            arrived_at=record.arrived_at,
            departed_at=record.departed_at,
        ).id
