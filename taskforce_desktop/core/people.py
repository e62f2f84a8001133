"""Everyone the secretary has written down: an overview, merging duplicates, and erasure.

Erasure is the AVG (GDPR) right to be forgotten: the person leaves every meeting, every
action's owner and the search index, and no copy of their name or e-mail stays readable in
the database file. SQLite keeps deleted bytes in free pages and in the write-ahead log, so
erasure deletes with ``secure_delete`` on, rewrites the file (VACUUM) and truncates the log.
Backups made earlier are separate files and are not touched here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from taskforce_desktop.core import search
from taskforce_desktop.core.approval import LOCK_BYPASS, meeting_order
from taskforce_desktop.core.models import (
    Action,
    AgendaItem,
    Attendance,
    Person,
    Presence,
)
from taskforce_desktop.core.records import MeetingSummary, PersonRecord
from taskforce_desktop.core.services import (
    DomainError,
    meeting_summary,
    remove_attendance_in,
)
from taskforce_desktop.core.store import Store

log = logging.getLogger(__name__)

# Where two attendances of one person in one meeting disagree, the more present one wins.
_PRESENCE_RANK = {Presence.PRESENT: 2, Presence.EXCUSED: 1, Presence.ABSENT: 0}


@dataclass(frozen=True)
class PersonOverview:
    person: PersonRecord
    meetings_attended: int  # present
    meetings_listed: int  # on the list at all (also excused or absent)

    @property
    def id(self) -> int:
        return self.person.id


@dataclass(frozen=True)
class OwnedAction:
    action_id: int
    number: str
    description: str
    meeting: MeetingSummary


@dataclass(frozen=True)
class Appearances:
    """Where a person occurs: what the erasure confirmation has to name."""

    person: PersonRecord
    meetings: tuple[MeetingSummary, ...]  # on the attendance list
    actions: tuple[OwnedAction, ...]  # owner of
    presented: tuple[tuple[str, MeetingSummary], ...]  # agenda point titles (inbreng)
    # Text that mentions the name (notes, decisions …): erasure leaves it to the secretary.
    mentions: tuple[search.SearchHit, ...]


def _person_record(person: Person) -> PersonRecord:
    return PersonRecord(person.id, person.name, person.organisation, person.function, person.email)


def _get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError(f"Persoon {person_id} bestaat niet (meer).")
    return person


def people_overview(store: Store) -> list[PersonOverview]:
    """Everyone known, by name, with how many meetings they attended."""
    attended = func.count(Attendance.id).filter(Attendance.presence == Presence.PRESENT)
    with store.read() as session:
        rows = session.execute(
            select(Person, attended, func.count(Attendance.id))
            .outerjoin(Attendance, Attendance.person_id == Person.id)
            .group_by(Person.id)
            .order_by(func.lower(Person.name), Person.organisation, Person.id)
        ).all()
        return [PersonOverview(_person_record(p), present, listed) for p, present, listed in rows]


def _same_name(text: str, person: Person) -> bool:
    return text.strip().casefold() == person.name.strip().casefold()


def _owned_actions(session: Session, person: Person) -> list[Action]:
    # Compared in Python: SQLite's lower() folds ASCII letters only ("Özdemir").
    candidates = session.scalars(
        select(Action).where((Action.owner_person_id == person.id) | (Action.owner != ""))
    )
    # The name alone counts only where no person is linked: a namesake keeps their actions.
    return [
        a
        for a in candidates
        if a.owner_person_id == person.id
        or (a.owner_person_id is None and _same_name(a.owner, person))
    ]


def _presented_items(session: Session, person: Person) -> list[AgendaItem]:
    candidates = session.scalars(select(AgendaItem).where(AgendaItem.presenter != ""))
    return [item for item in candidates if _same_name(item.presenter, person)]


def where_person_appears(store: Store, person_id: int) -> Appearances:
    with store.read() as session:
        person = _get_person(session, person_id)
        meetings = sorted(
            (attendance.meeting for attendance in _attendances(session, person)),
            key=meeting_order,
        )
        owned = []
        for action in _owned_actions(session, person):
            meeting = action.agenda_item.meeting
            owned.append(
                OwnedAction(action.id, action.number, action.description, meeting_summary(meeting))
            )
        presented_items = _presented_items(session, person)
        presented = tuple((item.title, meeting_summary(item.meeting)) for item in presented_items)
        record = _person_record(person)
        meeting_summaries = tuple(meeting_summary(m) for m in meetings)
    # Rows already named above (their owner or presenter field holds the name) are left out.
    listed = {(search.SearchKind.ACTION, a.action_id) for a in owned}
    listed |= {(search.SearchKind.AGENDA_ITEM, item.id) for item in presented_items}
    mentions = tuple(
        hit
        for hit in search.search(store, f'"{record.name}"')
        if hit.kind is not search.SearchKind.ATTENDANCE and (hit.kind, hit.source_id) not in listed
    )
    return Appearances(
        person=record,
        meetings=meeting_summaries,
        actions=tuple(owned),
        presented=presented,
        mentions=mentions,
    )


def _attendances(session: Session, person: Person) -> list[Attendance]:
    return list(session.scalars(select(Attendance).where(Attendance.person_id == person.id)))


def _combine(keep: Attendance, merged: Attendance) -> None:
    """One attendance from two of the same person in one meeting."""
    if _PRESENCE_RANK[merged.presence] > _PRESENCE_RANK[keep.presence]:
        keep.presence = merged.presence
    keep.note = keep.note or merged.note
    if merged.arrived_at and (keep.arrived_at is None or merged.arrived_at < keep.arrived_at):
        keep.arrived_at = merged.arrived_at
    if merged.departed_at and (keep.departed_at is None or merged.departed_at > keep.departed_at):
        keep.departed_at = merged.departed_at


def merge_people(store: Store, keep_id: int, merge_id: int) -> None:
    """Two entries of one person become the first; the second's details fill its gaps."""
    if keep_id == merge_id:
        raise DomainError("Kies twee verschillende personen om samen te voegen.")
    with store.session() as session:
        # The same person under one name is no change to what an approved verslag says.
        session.info[LOCK_BYPASS] = True
        keep = _get_person(session, keep_id)
        merged = _get_person(session, merge_id)
        kept_by_meeting = {a.meeting_id: a for a in _attendances(session, keep)}
        for attendance in _attendances(session, merged):
            existing = kept_by_meeting.get(attendance.meeting_id)
            if existing is None:
                attendance.person = keep
            else:
                _combine(existing, attendance)
                remove_attendance_in(attendance)
        for action in _owned_actions(session, merged):
            action.owner_person_id = keep.id
            if _same_name(action.owner, merged):
                action.owner = keep.name
        for item in _presented_items(session, merged):
            item.presenter = keep.name
        for field in ("organisation", "function", "email"):
            if not getattr(keep, field):
                setattr(keep, field, getattr(merged, field))
        session.flush()
        session.delete(merged)


def erase_person(store: Store, person_id: int) -> None:
    """Remove every trace of a person (AVG): attendances, action owner, presenter, index.

    Free text that mentions them (notes, decisions) stays as written: where_person_appears
    lists it, so the secretary can rewrite it first.
    """
    with store.session() as session:
        session.info[LOCK_BYPASS] = True
        connection = session.connection()
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
        person = _get_person(session, person_id)
        for attendance in _attendances(session, person):
            remove_attendance_in(attendance)
        for action in _owned_actions(session, person):
            action.owner_person_id = None
            if _same_name(action.owner, person):
                action.owner = ""
        for item in _presented_items(session, person):
            item.presenter = ""
        session.flush()
        session.delete(person)
        session.flush()
        # Deleted words stay in older index segments until they are merged.
        search.compact_index_in(session)
    _rewrite_database_file(store)


def _rewrite_database_file(store: Store) -> None:
    """Leave no deleted bytes in free pages, the file's tail or the write-ahead log."""
    with store.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
        connection.exec_driver_sql("VACUUM")
        busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        connection.exec_driver_sql("PRAGMA secure_delete=OFF")
    if busy:
        log.warning("write-ahead log not truncated after erasure: another reader is active")
