"""The operations the UI and the command line call.

Every public function is one transaction on the store: it either completes or leaves
nothing behind. Invalid input raises DomainError with a Dutch message for the user.
Functions named ``*_in`` work inside a caller's session, so larger operations (the
meeting-file import, copying a meeting) can compose them in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from taskforce_desktop.core.lock import ensure_unlocked_in
from taskforce_desktop.core.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaKind,
    Attendance,
    Committee,
    Decision,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Person,
    Presence,
    Purpose,
    Role,
    utcnow,
)
from taskforce_desktop.core.records import (
    ActionRecord,
    AgendaItemRecord,
    AttendeeRecord,
    CommitteeRecord,
    DecisionRecord,
    MeetingRecord,
    MeetingSummary,
    PersonRecord,
    meeting_summary,
)
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    ENUM_LABELS,
    DomainError,
    check_times,
    clean_text,
    parse_bool,
    parse_date,
    parse_enum,
    parse_optional_date,
    parse_optional_time,
    parse_planned_minutes,
    required_text,
)

__all__ = [  # the validation names, here since before they had a module of their own
    "ENUM_LABELS",
    "DomainError",
    "clean_text",
    "meeting_summary",
    "parse_date",
    "parse_enum",
    "parse_optional_date",
    "parse_optional_time",
    "parse_planned_minutes",
    "required_text",
]


M = TypeVar("M")


def _get(session: Session, model: type[M], object_id: int, label: str) -> M:
    row = session.get(model, object_id)
    if row is None:
        raise DomainError(f"{label} {object_id} bestaat niet (meer).")
    return row


def _apply(row: Any, changes: dict[str, Any], parsers: dict[str, Any]) -> None:
    for name, value in changes.items():
        parser = parsers.get(name)
        if parser is None:
            raise DomainError(f"Onbekend veld '{name}'.")
        setattr(row, name, parser(value))


# --- reading -------------------------------------------------------------------------


def _person_record(person: Person) -> PersonRecord:
    return PersonRecord(person.id, person.name, person.organisation, person.function, person.email)


def _committee_record(committee: Committee) -> CommitteeRecord:
    return CommitteeRecord(committee.id, committee.name, committee.contact)


def agenda_numbers(items: Iterable[AgendaItem]) -> list[str]:
    """Numbers follow the order; a number set by hand is kept as typed."""
    return [item.manual_number or str(index) for index, item in enumerate(items, start=1)]


def stable_prefix(meeting_date: dt.date) -> str:
    return meeting_date.strftime("%Y-%m")


def stable_numbers(meeting: Meeting) -> tuple[dict[int, str], dict[int, str]]:
    """The numbers ("2022-09/3") of a meeting's decisions and of its actions, by id.

    Counted in agenda order within the meeting, so a decision or action keeps its number
    wherever it is listed later (Besluitenlijst, Actielijst of a later meeting).
    """
    prefix = stable_prefix(meeting.date)
    decisions = [decision for item in meeting.agenda_items for decision in item.decisions]
    actions = [action for item in meeting.agenda_items for action in item.actions]
    return (
        {decision.id: f"{prefix}/{n}" for n, decision in enumerate(decisions, start=1)},
        {action.id: f"{prefix}/{n}" for n, action in enumerate(actions, start=1)},
    )


def action_record(action: Action, number: str) -> ActionRecord:
    return ActionRecord(
        action.id,
        action.description,
        action.owner,
        action.due,
        action.status,
        number,
        action.closed_in_meeting_id,
        action.owner_person_id,
    )


def _meeting_record(meeting: Meeting) -> MeetingRecord:
    decision_numbers, action_numbers = stable_numbers(meeting)
    agenda = []
    for item, number in zip(
        meeting.agenda_items, agenda_numbers(meeting.agenda_items), strict=True
    ):
        decisions = [
            DecisionRecord(decision.id, decision.text, decision_numbers[decision.id])
            for decision in item.decisions
        ]
        actions = [action_record(action, action_numbers[action.id]) for action in item.actions]
        agenda.append(
            AgendaItemRecord(
                id=item.id,
                number=number,
                manual_number=item.manual_number,
                title=item.title,
                presenter=item.presenter,
                purpose=item.purpose,
                introduction=item.introduction,
                notes=item.notes,
                conclusion=item.conclusion,
                confidential=item.confidential,
                planned_minutes=item.planned_minutes,
                standing=item.standing,
                kind=item.kind,
                started_at=item.started_at,
                ended_at=item.ended_at,
                decisions=tuple(decisions),
                actions=tuple(actions),
            )
        )
    attendees = tuple(
        AttendeeRecord(
            a.id,
            _person_record(a.person),
            a.role,
            a.presence,
            a.note,
            a.arrived_at,
            a.departed_at,
        )
        for a in meeting.attendances
    )
    return MeetingRecord(
        id=meeting.id,
        committee=_committee_record(meeting.committee),
        title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        location=meeting.location,
        mode=meeting.mode,
        status=meeting.status,
        approved_on=meeting.approved_on,
        corrections=meeting.corrections,
        introduction=meeting.introduction,
        closing=meeting.closing,
        attendees=attendees,
        agenda=tuple(agenda),
        updated_at=meeting.updated_at,
    )


def load_meeting_in(session: Session, meeting_id: int) -> MeetingRecord:
    meeting = session.execute(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.committee),
            selectinload(Meeting.attendances).selectinload(Attendance.person),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.decisions),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.actions),
        )
    ).scalar_one_or_none()
    if meeting is None:
        raise DomainError(f"Vergadering {meeting_id} bestaat niet (meer).")
    return _meeting_record(meeting)


def load_meeting(store: Store, meeting_id: int) -> MeetingRecord:
    with store.read() as session:
        return load_meeting_in(session, meeting_id)


def list_meetings(store: Store) -> list[MeetingSummary]:
    """All meetings, newest first."""
    with store.read() as session:
        rows = session.execute(
            select(
                Meeting.id,
                Meeting.committee_id,
                Committee.name,
                Meeting.title,
                Meeting.date,
                Meeting.status,
            )
            .join(Committee)
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        ).all()
    return [MeetingSummary(*row) for row in rows]


def list_committees(store: Store) -> list[CommitteeRecord]:
    with store.read() as session:
        rows = session.scalars(select(Committee).order_by(Committee.name)).all()
        return [_committee_record(c) for c in rows]


def list_people(store: Store) -> list[PersonRecord]:
    with store.read() as session:
        rows = session.scalars(select(Person).order_by(Person.name, Person.organisation)).all()
        return [_person_record(p) for p in rows]


# --- committees and meetings ---------------------------------------------------------


def find_or_create_committee_in(session: Session, name: Any, contact: Any = None) -> Committee:
    name = required_text(name, field="Naam van het overleg")
    committee = session.scalar(select(Committee).where(Committee.name == name))
    if committee is None:
        committee = Committee(name=name, contact=clean_text(contact, field="Contact"))
        session.add(committee)
        session.flush()
    elif contact is not None:
        committee.contact = clean_text(contact, field="Contact")
    return committee


def create_committee(store: Store, name: str, contact: str = "") -> CommitteeRecord:
    with store.session() as session:
        if session.scalar(select(Committee.id).where(Committee.name == name.strip())):
            raise DomainError(f"Er is al een overleg met de naam '{name.strip()}'.")
        return _committee_record(find_or_create_committee_in(session, name, contact))


_MEETING_PARSERS = {
    "title": lambda v: clean_text(v, field="Titel", multiline=False),
    "date": lambda v: parse_date(v, field="Datum"),
    "start_time": lambda v: parse_optional_time(v, field="Begintijd"),
    "end_time": lambda v: parse_optional_time(v, field="Eindtijd"),
    "location": lambda v: clean_text(v, field="Locatie", multiline=False),
    "mode": lambda v: parse_enum(MeetingMode, v),
    "status": lambda v: parse_enum(MeetingStatus, v),
    "approved_on": lambda v: parse_optional_date(v, field="Vastgesteld op"),
    "corrections": lambda v: clean_text(v, field="Correcties"),
    "introduction": lambda v: clean_text(v, field="Inleiding"),
    "closing": lambda v: clean_text(v, field="Afsluiting"),
}


def create_meeting_in(session: Session, committee: Committee, **fields: Any) -> Meeting:
    if "date" not in fields:
        raise DomainError("Een vergadering heeft een datum.")
    meeting = Meeting(committee=committee)
    _apply(meeting, fields, _MEETING_PARSERS)
    check_times(meeting.start_time, meeting.end_time)
    session.add(meeting)
    session.flush()
    return meeting


def create_meeting(store: Store, committee_id: int, **fields: Any) -> int:
    with store.session() as session:
        committee = _get(session, Committee, committee_id, "Overleg")
        return create_meeting_in(session, committee, **fields).id


# Changed only through core.approval, which keeps "vastgesteld in" and "ontgrendeld op" in
# step with them: a second way in left an approved meeting that could still be edited.
_STATUS_FIELDS = frozenset({"status", "approved_on"})


def update_meeting(store: Store, meeting_id: int, **changes: Any) -> None:
    if _STATUS_FIELDS & changes.keys():
        raise DomainError(
            "De status van een verslag verandert alleen via definitief maken, vaststellen "
            "of ontgrendelen."
        )
    with store.session() as session:
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
        _apply(meeting, changes, _MEETING_PARSERS)
        check_times(meeting.start_time, meeting.end_time)
        meeting.updated_at = utcnow()


def delete_meeting(store: Store, meeting_id: int) -> None:
    with store.session() as session:
        session.delete(_get(session, Meeting, meeting_id, "Vergadering"))


def previous_meeting_in(
    session: Session, committee_id: int, before: dt.date | None = None
) -> Meeting | None:
    query = select(Meeting).where(Meeting.committee_id == committee_id)
    if before is not None:
        query = query.where(Meeting.date < before)
    return session.scalar(query.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(1))


def create_meeting_from_previous(
    store: Store, committee_id: int, date: Any, title: str | None = None
) -> int:
    """A new meeting with the attendees (presence reset) and standing points of the last one."""
    date = parse_date(date, field="Datum")
    with store.session() as session:
        committee = _get(session, Committee, committee_id, "Overleg")
        previous = previous_meeting_in(session, committee_id, before=date)
        fields: dict[str, Any] = {"date": date}
        if title is not None:
            fields["title"] = title
        if previous is not None:
            fields.update(
                title=title if title is not None else previous.title,
                start_time=previous.start_time,
                end_time=previous.end_time,
                location=previous.location,
                mode=previous.mode,
                closing=previous.closing,
            )
        meeting = create_meeting_in(session, committee, **fields)
        if previous is not None:
            for position, attendance in enumerate(previous.attendances):
                session.add(
                    Attendance(
                        meeting=meeting,
                        person_id=attendance.person_id,
                        position=position,
                        role=attendance.role,
                        presence=Presence.PRESENT,
                    )
                )
            standing = [item for item in previous.agenda_items if item.standing]
            for position, item in enumerate(standing):
                session.add(
                    AgendaItem(
                        meeting=meeting,
                        position=position,
                        title=item.title,
                        presenter=item.presenter,
                        purpose=item.purpose,
                        introduction=item.introduction,
                        planned_minutes=item.planned_minutes,
                        standing=True,
                        kind=item.kind,
                        confidential=item.confidential,
                    )
                )
            _add_review_points_in(meeting)
        session.flush()
        return meeting.id


REVIEW_POINTS = {
    AgendaKind.PREVIOUS_MINUTES: ("Verslag vorige vergadering", Purpose.DECISION),
    AgendaKind.ACTION_REVIEW: ("Actielijst", Purpose.NOTING),
}


def _add_review_points_in(meeting: Meeting) -> None:
    """A meeting that follows another approves its verslag and reviews the open actions."""
    present = {item.kind for item in meeting.agenda_items}
    # After the opening, where a Dutch agenda has them, when the agenda starts with one.
    index = min(1, len(meeting.agenda_items))
    for kind, (title, purpose) in REVIEW_POINTS.items():
        if kind not in present:
            point = AgendaItem(title=title, kind=kind, purpose=purpose, standing=True)
            _insert(meeting.agenda_items, point, index)
            index += 1


def duplicate_meeting(store: Store, meeting_id: int) -> int:
    """A full copy (same date, title marked as a copy) to start a variant from."""
    with store.session() as session:
        source = _get(session, Meeting, meeting_id, "Vergadering")
        copy = create_meeting_in(
            session,
            source.committee,
            **{
                name: getattr(source, name)
                for name in _MEETING_PARSERS
                if name not in ("status", "approved_on")
            },
        )
        copy.title = f"{source.title} (kopie)".strip()
        for attendance in source.attendances:
            session.add(
                Attendance(
                    meeting=copy,
                    person_id=attendance.person_id,
                    position=attendance.position,
                    role=attendance.role,
                    presence=attendance.presence,
                    note=attendance.note,
                )
            )
        for item in source.agenda_items:
            copy.agenda_items.append(
                AgendaItem(
                    **{column: getattr(item, column) for column in _AGENDA_COPY_COLUMNS},
                    decisions=[Decision(position=d.position, text=d.text) for d in item.decisions],
                    actions=[
                        Action(
                            position=a.position,
                            description=a.description,
                            owner=a.owner,
                            owner_person_id=a.owner_person_id,
                            due=a.due,
                            status=a.status,
                        )
                        for a in item.actions
                    ],
                )
            )
        session.flush()
        return copy.id


# --- people and attendees ------------------------------------------------------------


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
    _apply(attendance, fields, _ATTENDANCE_PARSERS)
    _insert(meeting.attendances, attendance, index)
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
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
        person = find_or_create_person_in(session, name, organisation, function, email)
        return add_attendee_in(session, meeting, person, index, **fields).id


def add_known_attendee(store: Store, meeting_id: int, person_id: int, **fields: Any) -> int:
    with store.session() as session:
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
        person = _get(session, Person, person_id, "Persoon")
        return add_attendee_in(session, meeting, person, **fields).id


def update_attendee(store: Store, attendance_id: int, **changes: Any) -> None:
    """Role, presence, note and times belong to this meeting; name etc. to the person."""
    person_changes = {k: v for k, v in changes.items() if k in _PERSON_PARSERS}
    own_changes = {k: v for k, v in changes.items() if k not in _PERSON_PARSERS}
    with store.session() as session:
        attendance = _get(session, Attendance, attendance_id, "Deelnemer")
        _apply(attendance, own_changes, _ATTENDANCE_PARSERS)
        _apply(attendance.person, person_changes, _PERSON_PARSERS)


def remove_attendee(store: Store, attendance_id: int) -> None:
    with store.session() as session:
        remove_attendance_in(_get(session, Attendance, attendance_id, "Deelnemer"))


def remove_attendance_in(attendance: Attendance) -> None:
    meeting = attendance.meeting
    meeting.attendances.remove(attendance)
    _renumber(meeting.attendances)


def move_attendee(store: Store, attendance_id: int, new_index: int) -> None:
    with store.session() as session:
        attendance = _get(session, Attendance, attendance_id, "Deelnemer")
        _move(attendance.meeting.attendances, attendance, new_index)


# --- ordering helpers ----------------------------------------------------------------

Positioned = Attendance | AgendaItem | Decision | Action
P = TypeVar("P", Attendance, AgendaItem, Decision, Action)


def _renumber(rows: Sequence[Positioned]) -> None:
    # Only where it changed: setting a position, even to its own value, makes the row part
    # of every later flush of the transaction (an import would then grow with the square).
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def _insert(rows: list[P], row: P, index: int | None) -> None:
    if index is None or index > len(rows):
        index = len(rows)
    rows.insert(max(index, 0), row)
    _renumber(rows)


def _move(rows: list[P], row: P, new_index: int) -> None:
    new_index = max(0, min(new_index, len(rows) - 1))
    rows.remove(row)
    rows.insert(new_index, row)
    _renumber(rows)


# --- agenda points -------------------------------------------------------------------

_AGENDA_PARSERS = {
    "title": lambda v: required_text(v, field="Titel van het agendapunt"),
    "manual_number": lambda v: clean_text(v, field="Nummer", multiline=False),
    "presenter": lambda v: clean_text(v, field="Inbreng", multiline=False),
    "purpose": lambda v: parse_enum(Purpose, v),
    "introduction": lambda v: clean_text(v, field="Toelichting"),
    "notes": lambda v: clean_text(v, field="Impressie"),
    "conclusion": lambda v: clean_text(v, field="Conclusie"),
    "confidential": lambda v: parse_bool(v, field="Vertrouwelijk"),
    "planned_minutes": parse_planned_minutes,
    "standing": lambda v: parse_bool(v, field="Vast agendapunt"),
    "kind": lambda v: parse_enum(AgendaKind, v),
    "started_at": lambda v: v,
    "ended_at": lambda v: v,
}
_AGENDA_COPY_COLUMNS = tuple(name for name in _AGENDA_PARSERS) + ("position",)


def add_agenda_item_in(
    session: Session, meeting: Meeting, index: int | None = None, **fields: Any
) -> AgendaItem:
    if "title" not in fields:
        raise DomainError("Titel van het agendapunt mag niet leeg zijn.")
    item = AgendaItem()
    _apply(item, fields, _AGENDA_PARSERS)
    _insert(meeting.agenda_items, item, index)
    session.flush()
    return item


def add_agenda_item(
    store: Store, meeting_id: int, title: str, index: int | None = None, **fields: Any
) -> int:
    with store.session() as session:
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
        return add_agenda_item_in(session, meeting, index, title=title, **fields).id


def update_agenda_item(store: Store, item_id: int, **changes: Any) -> None:
    with store.session() as session:
        _apply(_get(session, AgendaItem, item_id, "Agendapunt"), changes, _AGENDA_PARSERS)


def remove_agenda_item(store: Store, item_id: int) -> None:
    with store.session() as session:
        item = _get(session, AgendaItem, item_id, "Agendapunt")
        meeting = item.meeting
        meeting.agenda_items.remove(item)
        _renumber(meeting.agenda_items)


def move_agenda_item(store: Store, item_id: int, new_index: int) -> None:
    with store.session() as session:
        item = _get(session, AgendaItem, item_id, "Agendapunt")
        _move(item.meeting.agenda_items, item, new_index)


def restore_agenda_item(store: Store, meeting_id: int, record: AgendaItemRecord, index: int) -> int:
    """Put a removed agenda point back (undo), with its decisions and actions."""
    with store.session() as session:
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
        fields = {name: getattr(record, name) for name in _AGENDA_PARSERS}
        item = add_agenda_item_in(session, meeting, index, **fields)
        for decision in record.decisions:
            add_decision_in(session, item, decision.text)
        for action in record.actions:
            restore_action_in(session, item, action)
        return item.id


def restore_attendee(store: Store, meeting_id: int, record: AttendeeRecord, index: int) -> int:
    """Put a removed attendee back (undo) at their old place."""
    with store.session() as session:
        meeting = _get(session, Meeting, meeting_id, "Vergadering")
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


# --- decisions and actions -----------------------------------------------------------


def add_decision_in(
    session: Session, item: AgendaItem, text: Any, index: int | None = None
) -> Decision:
    decision = Decision(text=clean_text(text, field="Besluit"))
    _insert(item.decisions, decision, index)
    session.flush()
    return decision


def add_decision(store: Store, item_id: int, text: str = "", index: int | None = None) -> int:
    with store.session() as session:
        item = _get(session, AgendaItem, item_id, "Agendapunt")
        return add_decision_in(session, item, text, index).id


def update_decision(store: Store, decision_id: int, text: str) -> None:
    with store.session() as session:
        _get(session, Decision, decision_id, "Besluit").text = clean_text(text, field="Besluit")


def remove_decision(store: Store, decision_id: int) -> None:
    with store.session() as session:
        decision = _get(session, Decision, decision_id, "Besluit")
        item = decision.agenda_item
        item.decisions.remove(decision)
        _renumber(item.decisions)


_ACTION_PARSERS = {
    "description": lambda v: required_text(v, field="Omschrijving van het actiepunt"),
    "owner": lambda v: clean_text(v, field="Wie", multiline=False),
    "owner_person_id": lambda v: v,
    "due": lambda v: parse_optional_date(v, field="Wanneer"),
    "status": lambda v: parse_enum(ActionStatus, v),
    "closed_in_meeting_id": lambda v: v,
}


def add_action_in(
    session: Session, item: AgendaItem, index: int | None = None, **fields: Any
) -> Action:
    if "description" not in fields:
        raise DomainError("Omschrijving van het actiepunt mag niet leeg zijn.")
    action = Action()
    _apply(action, fields, _ACTION_PARSERS)
    _check_action_references(session, action)
    _insert(item.actions, action, index)
    session.flush()
    return action


def _check_action_references(session: Session, action: Action) -> None:
    """Ids from outside are checked here: a wrong one would surface as a database error."""
    with session.no_autoflush:  # the unchecked change must not reach the database first
        if action.owner_person_id is not None:
            _get(session, Person, action.owner_person_id, "Persoon")
        if action.closed_in_meeting_id is not None:
            ensure_unlocked_in(_get(session, Meeting, action.closed_in_meeting_id, "Vergadering"))


def add_action(
    store: Store, item_id: int, description: str, index: int | None = None, **fields: Any
) -> int:
    with store.session() as session:
        item = _get(session, AgendaItem, item_id, "Agendapunt")
        return add_action_in(session, item, index, description=description, **fields).id


def update_action(store: Store, action_id: int, **changes: Any) -> None:
    with store.session() as session:
        action = _get(session, Action, action_id, "Actiepunt")
        _apply(action, changes, _ACTION_PARSERS)
        _check_action_references(session, action)


def restore_action_in(
    session: Session, item: AgendaItem, record: ActionRecord, index: int | None = None
) -> Action:
    """Put a removed action back (undo) as it was, with its owner and the meeting that closed it.

    A person or meeting deleted since is left out: the undo itself must not fail on it.
    """

    def still_there(model: type, object_id: int | None) -> int | None:
        return object_id if object_id is not None and session.get(model, object_id) else None

    return add_action_in(
        session,
        item,
        index,
        description=record.description,
        owner=record.owner,
        owner_person_id=still_there(Person, record.owner_person_id),
        due=record.due,
        status=record.status,
        closed_in_meeting_id=still_there(Meeting, record.closed_in_meeting_id),
    )


def restore_action(store: Store, item_id: int, record: ActionRecord, index: int) -> int:
    with store.session() as session:
        item = _get(session, AgendaItem, item_id, "Agendapunt")
        return restore_action_in(session, item, record, index).id


def remove_action(store: Store, action_id: int) -> None:
    with store.session() as session:
        action = _get(session, Action, action_id, "Actiepunt")
        item = action.agenda_item
        item.actions.remove(action)
        _renumber(item.actions)
