"""Reading: a meeting as the frozen records the UI, the exporters and the CLI use."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from taskforce_desktop.core.models import (
    Action,
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Meeting,
    Person,
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
)
from taskforce_desktop.core.services.documents import document_record
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    DomainError,
)


def person_record(person: Person) -> PersonRecord:
    return PersonRecord(person.id, person.name, person.organisation, person.function, person.email)


def committee_record(committee: Committee) -> CommitteeRecord:
    return CommitteeRecord(committee.id, committee.name, committee.contact)


def agenda_numbers(items: Iterable[AgendaItem]) -> list[str]:
    """Numbers follow the order; a number set by hand is kept as typed."""
    return [item.manual_number or str(index) for index, item in enumerate(items, start=1)]


def decision_record(decision: Decision) -> DecisionRecord:
    return DecisionRecord(decision.id, decision.text, decision.number)


def action_record(action: Action) -> ActionRecord:
    return ActionRecord(
        action.id,
        action.description,
        action.owner,
        action.due,
        action.status,
        action.number,
        action.closed_in_meeting_id,
        action.owner_person_id,
    )


def _meeting_record(meeting: Meeting) -> MeetingRecord:
    agenda = []
    for item, number in zip(
        meeting.agenda_items, agenda_numbers(meeting.agenda_items), strict=True
    ):
        decisions = [decision_record(decision) for decision in item.decisions]
        actions = [action_record(action) for action in item.actions]
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
                documents=tuple(document_record(document) for document in item.documents),
            )
        )
    attendees = tuple(
        AttendeeRecord(
            a.id,
            person_record(a.person),
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
        committee=committee_record(meeting.committee),
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
            # The names only: AgendaDocument.content is deferred.
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.documents),
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
        return [committee_record(c) for c in rows]


def list_people(store: Store) -> list[PersonRecord]:
    with store.read() as session:
        rows = session.scalars(select(Person).order_by(Person.name, Person.organisation)).all()
        return [person_record(p) for p in rows]
