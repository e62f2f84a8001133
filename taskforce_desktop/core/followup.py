"""Actions and decisions across the meetings of a committee.

An action is born in an agenda point and lives on until it is marked done or dropped, which
is recorded with the meeting in which that happened. Every meeting after its birth reviews
it under the standing point "Actielijst" while it is open. Numbers ("2022-09/3") are the
ones the services stored when the row was made, so they never change later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased, defer, selectinload

from taskforce_desktop.core import search
from taskforce_desktop.core.approval import ensure_unlocked_in, meeting_order
from taskforce_desktop.core.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Meeting,
)
from taskforce_desktop.core.records import ActionRecord, DecisionRecord, MeetingSummary
from taskforce_desktop.core.services import (
    DomainError,
    action_record,
    decision_record,
    meeting_summary,
    parse_enum,
)
from taskforce_desktop.core.store import Store


@dataclass(frozen=True)
class FollowUpAction:
    """An action with where it was born and where it was closed."""

    action: ActionRecord
    meeting: MeetingSummary  # born here
    agenda_item_id: int
    agenda_item_title: str
    closed_in: MeetingSummary | None
    overdue: bool

    @property
    def id(self) -> int:
        return self.action.id

    @property
    def number(self) -> str:
        return self.action.number


@dataclass(frozen=True)
class FollowUpDecision:
    decision: DecisionRecord
    meeting: MeetingSummary
    agenda_item_id: int
    agenda_item_title: str

    @property
    def number(self) -> str:
        return self.decision.number


def _committee_meetings(
    session: Session, committee_id: int, *conditions: ColumnElement[bool]
) -> list[Meeting]:
    """All meetings of a committee (that meet the conditions) in the order they were held,
    with their contents.

    The long texts (notes, introductions) are left in the database: the lists built from
    this never show them, and on a ten-year archive reading them made every export wait.
    """
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.committee_id == committee_id, *conditions)
        .options(
            defer(Meeting.introduction),
            defer(Meeting.closing),
            defer(Meeting.corrections),
            selectinload(Meeting.committee),
            selectinload(Meeting.agenda_items).options(
                defer(AgendaItem.introduction),
                defer(AgendaItem.notes),
                defer(AgendaItem.conclusion),
                selectinload(AgendaItem.decisions),
                selectinload(AgendaItem.actions),
            ),
        )
    ).all()
    return sorted(meetings, key=meeting_order)


def _actions_with_origin(
    meetings: list[Meeting],
) -> Iterator[tuple[Meeting, AgendaItem, Action]]:
    for meeting in meetings:
        for item in meeting.agenda_items:
            for action in item.actions:
                yield meeting, item, action


def _is_overdue(record: ActionRecord, today: dt.date) -> bool:
    return record.status is ActionStatus.OPEN and record.due is not None and record.due < today


def _follow_up(
    meeting: Meeting,
    item: AgendaItem,
    record: ActionRecord,
    by_id: dict[int, Meeting],
    today: dt.date,
) -> FollowUpAction:
    closed_in = by_id.get(record.closed_in_meeting_id) if record.closed_in_meeting_id else None
    return FollowUpAction(
        action=record,
        meeting=meeting_summary(meeting),
        agenda_item_id=item.id,
        agenda_item_title=item.title,
        closed_in=meeting_summary(closed_in) if closed_in is not None else None,
        overdue=_is_overdue(record, today),
    )


def committee_actions(
    store: Store,
    committee_id: int,
    status: ActionStatus | str | None = None,
    owner: str | None = None,
    *,
    today: dt.date | None = None,
) -> list[FollowUpAction]:
    """The committee's Actielijst, oldest first; owner matches part of the name, any case."""
    status = parse_enum(ActionStatus, status) if status else None
    owner_part = (owner or "").strip().casefold()
    today = today or dt.date.today()
    with store.read() as session:
        meetings = _committee_meetings(session, committee_id)
        by_id = {meeting.id: meeting for meeting in meetings}
        result = []
        for meeting, item, action in _actions_with_origin(meetings):
            if status is not None and action.status is not status:
                continue
            if owner_part and owner_part not in action.owner.casefold():
                continue
            record = action_record(action)
            result.append(_follow_up(meeting, item, record, by_id, today))
        return result


def _carried_over_in(
    session: Session, meeting_id: int, today: dt.date | None
) -> list[FollowUpAction]:
    """Actions born before this meeting that were still open when it began.

    Their status is the one they had in this meeting: an action closed in a later meeting
    is shown as open here, so the verslag of this meeting reads the same when exported again.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise DomainError(f"Vergadering {meeting_id} bestaat niet (meer).")
    # Only meetings that can add to the list are loaded with their contents: those with an
    # action still open or closed here or later. Loading ten years of meetings made each
    # export of a long-standing committee wait (README, Performance).
    closing = aliased(Meeting)
    from_here = _held_from(Meeting, meeting)
    with_candidates = (
        select(AgendaItem.meeting_id)
        .join(Action, Action.agenda_item_id == AgendaItem.id)
        .outerjoin(closing, closing.id == Action.closed_in_meeting_id)
        .where(or_(Action.status == ActionStatus.OPEN, _held_from(closing, meeting)))
    )
    meetings = _committee_meetings(
        session, meeting.committee_id, Meeting.id.in_(with_candidates), ~from_here
    )
    later = session.scalars(
        select(Meeting).where(Meeting.committee_id == meeting.committee_id, from_here)
    ).all()
    by_id = {other.id: other for other in [*meetings, *later]}
    here = meeting_order(meeting)
    carried = []
    for origin, item, action in _actions_with_origin(meetings):
        if meeting_order(origin) >= here:
            continue
        record = action_record(action)
        if action.status is not ActionStatus.OPEN:
            closed_in = by_id.get(action.closed_in_meeting_id or 0)
            if closed_in is None or meeting_order(closed_in) < here:
                continue
            if closed_in.id != meeting.id:
                record = replace(record, status=ActionStatus.OPEN, closed_in_meeting_id=None)
        carried.append(_follow_up(origin, item, record, by_id, today or meeting.date))
    return carried


def _held_from(table: type[Meeting], meeting: Meeting) -> ColumnElement[bool]:
    """``table``'s meeting is this one or held after it (meeting_order, in SQL)."""
    return or_(table.date > meeting.date, and_(table.date == meeting.date, table.id >= meeting.id))


def review_actions(
    store: Store, meeting_id: int, *, today: dt.date | None = None
) -> list[FollowUpAction]:
    """The review list with the actions closed in this meeting still on it (to see, undo)."""
    with store.read() as session:
        return _carried_over_in(session, meeting_id, today)


def carried_over_actions(store: Store, meeting_id: int) -> list[ActionRecord]:
    """For the verslag's Actielijst, besides this meeting's own actions."""
    return [follow_up.action for follow_up in review_actions(store, meeting_id)]


def close_action(
    store: Store,
    action_id: int,
    status: ActionStatus | str,
    in_meeting_id: int | None,
) -> None:
    """Mark an action done or dropped in a meeting, or open again (status "open")."""
    status = parse_enum(ActionStatus, status)
    with store.session() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise DomainError(f"Actiepunt {action_id} bestaat niet (meer).")
        # Any change takes the action out of the verslag of the meeting that closed it.
        closed_in = session.get(Meeting, action.closed_in_meeting_id or 0)
        if closed_in is not None:
            ensure_unlocked_in(closed_in)
        if status is ActionStatus.OPEN:
            closing = closed_in
        else:
            closing = _closing_meeting(session, action.agenda_item.meeting, in_meeting_id)
        if closing is not None:
            ensure_unlocked_in(closing)
        action.status = status
        action.closed_in_meeting_id = (
            closing.id if closing is not None and status is not ActionStatus.OPEN else None
        )


def _closing_meeting(
    session: Session, origin: Meeting, in_meeting_id: int | None
) -> Meeting | None:
    if in_meeting_id is None:
        return None
    meeting = session.get(Meeting, in_meeting_id)
    if meeting is None:
        raise DomainError(f"Vergadering {in_meeting_id} bestaat niet (meer).")
    if meeting.committee_id != origin.committee_id:
        raise DomainError("Een actiepunt wordt afgehandeld in een vergadering van zijn overleg.")
    if meeting_order(meeting) < meeting_order(origin):
        raise DomainError(
            "Een actiepunt kan niet worden afgehandeld in een vergadering van vóór zijn ontstaan."
        )
    return meeting


def latest_meeting_id(store: Store, committee_id: int) -> int | None:
    """Where an action marked done from the Actielijst view (outside a meeting) is recorded."""
    with store.read() as session:
        meetings = session.scalars(select(Meeting).where(Meeting.committee_id == committee_id))
        latest = max(meetings, key=meeting_order, default=None)
        return latest.id if latest is not None else None


def committee_decisions(
    store: Store, committee_id: int, query: str | None = None
) -> list[FollowUpDecision]:
    """The committee's Besluitenlijst, oldest first; the query searches like the archive."""
    wanted = (
        search.matching_source_ids(store, query, search.SearchKind.DECISION)
        if query and query.strip()
        else None
    )
    with store.read() as session:
        result = []
        for meeting in _committee_meetings(session, committee_id):
            for item in meeting.agenda_items:
                for decision in item.decisions:
                    if wanted is not None and decision.id not in wanted:
                        continue
                    result.append(
                        FollowUpDecision(
                            decision_record(decision), meeting_summary(meeting), item.id, item.title
                        )
                    )
        return result
