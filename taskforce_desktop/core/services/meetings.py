"""Committees and meetings: making, changing, copying and deleting them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskforce_desktop.core.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    AgendaKind,
    Attendance,
    Committee,
    Decision,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
    utcnow,
)
from taskforce_desktop.core.records import (
    CommitteeRecord,
)
from taskforce_desktop.core.services.actions import next_number
from taskforce_desktop.core.services.agenda import AGENDA_COPY_COLUMNS
from taskforce_desktop.core.services.reading import committee_record
from taskforce_desktop.core.services.rows import apply_changes, get_row, insert_at
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    DomainError,
    check_times,
    clean_text,
    parse_date,
    parse_enum,
    parse_optional_date,
    parse_optional_time,
    required_text,
)


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
        return committee_record(find_or_create_committee_in(session, name, contact))


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
    apply_changes(meeting, fields, _MEETING_PARSERS)
    check_times(meeting.start_time, meeting.end_time)
    session.add(meeting)
    session.flush()
    return meeting


def create_meeting(store: Store, committee_id: int, **fields: Any) -> int:
    with store.session() as session:
        committee = get_row(session, Committee, committee_id, "Overleg")
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
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        apply_changes(meeting, changes, _MEETING_PARSERS)
        check_times(meeting.start_time, meeting.end_time)
        meeting.updated_at = utcnow()


def delete_meeting(store: Store, meeting_id: int) -> None:
    with store.session() as session:
        session.delete(get_row(session, Meeting, meeting_id, "Vergadering"))


# A rhythm is read from the last two meetings when they lie a week to a quarter apart;
# closer or further apart is no rhythm, but a meeting put in between or a long pause.
RHYTHM_DAYS = range(7, 93)


@dataclass(frozen=True)
class NextInRhythm:
    """The next meeting of a committee in its rhythm: ``interval`` after the last, or a
    whole number of intervals when that day is already past."""

    day: dt.date
    interval: dt.timedelta
    last: dt.date


def next_in_rhythm(dates: list[dt.date], today: dt.date) -> NextInRhythm | None:
    """The day the next meeting falls on when it keeps the gap of the last two, not before
    today; None when there is no rhythm to keep."""
    if len(dates) < 2:
        return None
    before_last, last = sorted(dates)[-2:]
    interval = last - before_last
    if interval.days not in RHYTHM_DAYS:
        return None
    day = last + interval
    while day < today:
        day += interval
    return NextInRhythm(day, interval, last)


def next_meetings_in_rhythm(store: Store, today: dt.date) -> dict[int, NextInRhythm]:
    """Per committee id, where its next meeting falls in its rhythm (committees with one)."""
    with store.session() as session:
        rows = session.execute(select(Meeting.committee_id, Meeting.date)).all()
    dates: dict[int, list[dt.date]] = {}
    for committee_id, day in rows:
        dates.setdefault(committee_id, []).append(day)
    found = {committee_id: next_in_rhythm(days, today) for committee_id, days in dates.items()}
    return {committee_id: next_day for committee_id, next_day in found.items() if next_day}


def previous_meeting_in(
    session: Session, committee_id: int, before: dt.date | None = None
) -> Meeting | None:
    query = select(Meeting).where(Meeting.committee_id == committee_id)
    if before is not None:
        query = query.where(Meeting.date < before)
    return session.scalar(query.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(1))


# One-off by their role: a guest comes for a point, an advisor stays on the invite list.
_ONE_OFF_ROLES = frozenset({Role.GUEST})


def create_meeting_from_previous(
    store: Store,
    committee_id: int,
    date: Any,
    title: str | None = None,
    *,
    with_guests: bool = False,
) -> int:
    """A new meeting with the attendees (presence reset) and standing points of the last one.

    Guests of the last meeting come along only when asked; each review point (the previous
    verslag, the Actielijst) is there once, also when the last meeting had it typed by hand.
    """
    date = parse_date(date, field="Datum")
    with store.session() as session:
        committee = get_row(session, Committee, committee_id, "Overleg")
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
            invited = [
                attendance
                for attendance in previous.attendances
                if with_guests or attendance.role not in _ONE_OFF_ROLES
            ]
            for position, attendance in enumerate(invited):
                session.add(
                    Attendance(
                        meeting=meeting,
                        person_id=attendance.person_id,
                        position=position,
                        role=attendance.role,
                        presence=Presence.PRESENT,
                    )
                )
            for position, (item, kind) in enumerate(_standing_points(previous)):
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
                        kind=kind,
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


def _review_kind(item: AgendaItem) -> AgendaKind:
    """A point typed as "Verslag vorige vergadering" or "Actielijst" is the review point."""
    if item.kind is AgendaKind.REGULAR:
        title = " ".join(item.title.split()).casefold()
        for kind, (review_title, _purpose) in REVIEW_POINTS.items():
            if title == review_title.casefold():
                return kind
    return item.kind


def _standing_points(previous: Meeting) -> list[tuple[AgendaItem, AgendaKind]]:
    """The standing points to copy with their kind, each review point only once."""
    copied: list[tuple[AgendaItem, AgendaKind]] = []
    kinds: set[AgendaKind] = set()
    for item in previous.agenda_items:
        if not item.standing:
            continue
        kind = _review_kind(item)
        if kind is not AgendaKind.REGULAR and kind in kinds:
            continue
        kinds.add(kind)
        copied.append((item, kind))
    return copied


def _add_review_points_in(meeting: Meeting) -> None:
    """A meeting that follows another approves its verslag and reviews the open actions."""
    present = {item.kind for item in meeting.agenda_items}
    # After the opening, where a Dutch agenda has them, when the agenda starts with one.
    index = min(1, len(meeting.agenda_items))
    for kind, (title, purpose) in REVIEW_POINTS.items():
        if kind not in present:
            point = AgendaItem(title=title, kind=kind, purpose=purpose, standing=True)
            insert_at(meeting.agenda_items, point, index)
            index += 1


def _copied_document(document: AgendaDocument) -> AgendaDocument:
    return AgendaDocument(
        position=document.position,
        file_name=document.file_name,
        media_type=document.media_type,
        size=document.size,
        sha256=document.sha256,
        content=document.content,
    )


def duplicate_meeting(store: Store, meeting_id: int) -> int:
    """A full copy (same date, title marked as a copy) to start a variant from, stukken too.

    The next meeting (``create_meeting_from_previous``) takes no stukken: they belong to
    the meeting they were sent for, even on a standing point.
    """
    with store.session() as session:
        source = get_row(session, Meeting, meeting_id, "Vergadering")
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
                    **{column: getattr(item, column) for column in AGENDA_COPY_COLUMNS},
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
                    documents=[_copied_document(document) for document in item.documents],
                )
            )
        session.flush()
        # A variant cites its own rows: the copies take the committee's next numbers.
        for item in copy.agenda_items:
            for decision in item.decisions:
                decision.number = next_number(session, copy, Decision)
            for action in item.actions:
                action.number = next_number(session, copy, Action)
        return copy.id
