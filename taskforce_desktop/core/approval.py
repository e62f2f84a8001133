"""The status of a verslag: concept → definitief → vastgesteld, and what "vastgesteld" locks.

A vastgesteld (approved) meeting is read-only. The rule is enforced for every write path at
once: services registers ``refuse_writes_to_locked_meetings`` to run before each flush, so
no function can change an approved meeting's content by forgetting a check. Unlocking is
explicit and noted in the meeting's corrections; approving again locks it again.

What stays possible on an approved meeting: its approval bookkeeping (date, corrections),
and following up its actions (marking them done or dropped in a later meeting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.orm import Session, object_session

from taskforce_desktop.core.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
)
from taskforce_desktop.core.records import MeetingSummary
from taskforce_desktop.core.services import DomainError, clean_text, meeting_summary
from taskforce_desktop.core.store import Store

# Set in a session's info by operations that must reach approved meetings too (erasing a
# person under the AVG, merging two entries of one person).
LOCK_BYPASS = "writes_to_approved_meetings_allowed"
# Meetings inserted by this session: an import fills an approved meeting in one transaction.
_CREATED_HERE = "meetings_created_in_this_session"

_APPROVAL_COLUMNS = frozenset(
    {"approved_on", "approved_in_meeting_id", "corrections", "unlocked_at", "updated_at"}
)
_FOLLOW_UP_COLUMNS = frozenset({"status", "closed_in_meeting_id", "updated_at"})


@dataclass(frozen=True)
class ApprovalState:
    meeting_id: int
    status: MeetingStatus
    approved_on: dt.date | None
    approved_in: MeetingSummary | None
    corrections: str
    unlocked_at: dt.datetime | None
    previous: MeetingSummary | None  # the meeting this one's "Verslag vorige vergadering" is about

    @property
    def locked(self) -> bool:
        return self.status is MeetingStatus.APPROVED and self.unlocked_at is None


# --- the lock ------------------------------------------------------------------------


def _committed(obj: Any, name: str) -> Any:
    """An attribute's value as it is in the database, before this flush's changes."""
    history = inspect(obj).attrs[name].history
    if history.deleted:
        return history.deleted[0]
    if history.added and not history.unchanged:
        return None  # it had no loaded value, so it was set for the first time
    return getattr(obj, name)


def _was_locked(session: Session, meeting: Meeting | None) -> bool:
    if meeting is None or not inspect(meeting).persistent:
        return False
    if meeting in session.info.get(_CREATED_HERE, ()):
        return False
    return _committed(meeting, "status") is MeetingStatus.APPROVED and (
        _committed(meeting, "unlocked_at") is None
    )


def _changed_attributes(obj: Any) -> set[str]:
    """Columns and relationships (removing an agenda point only changes a collection)."""
    return {attr.key for attr in inspect(obj).attrs if attr.history.has_changes()}


def _owning_meeting(session: Session, obj: Any) -> Meeting | None:
    if isinstance(obj, Meeting):
        return obj
    if isinstance(obj, Attendance | AgendaItem):
        return obj.meeting or session.get(Meeting, obj.meeting_id)
    if isinstance(obj, Decision | Action):
        item = obj.agenda_item or session.get(AgendaItem, obj.agenda_item_id)
        return _owning_meeting(session, item) if item is not None else None
    return None


def _allowed_on_locked(obj: Any, is_deleted: bool) -> bool:
    if is_deleted or not inspect(obj).persistent:
        return False
    allowed = _APPROVAL_COLUMNS if isinstance(obj, Meeting) else None
    if isinstance(obj, Action):
        allowed = _FOLLOW_UP_COLUMNS
    return allowed is not None and _changed_attributes(obj) <= allowed


def refuse_writes_to_locked_meetings(session: Session) -> None:
    """Raise DomainError when this flush would change an approved, locked meeting."""
    if session.info.get(LOCK_BYPASS):
        return
    session.info.setdefault(_CREATED_HERE, set()).update(
        obj for obj in session.new if isinstance(obj, Meeting)
    )
    deleted = set(session.deleted)
    with session.no_autoflush:
        for obj in [*session.new, *session.dirty, *deleted]:
            is_deleted = obj in deleted
            if not is_deleted and obj in session.dirty and not _changed_attributes(obj):
                continue  # touched, but set to the values it had
            meeting = _owning_meeting(session, obj)
            if _was_locked(session, meeting) and not _allowed_on_locked(obj, is_deleted):
                raise DomainError(
                    f"De vergadering van {meeting.date:%d-%m-%Y} is vastgesteld en kan niet "
                    "meer worden gewijzigd. Ontgrendel het verslag eerst als er toch iets "
                    "moet worden aangepast."
                )


# --- reading ---------------------------------------------------------------------------


def _summary(meeting: Meeting | None) -> MeetingSummary | None:
    return meeting_summary(meeting) if meeting is not None else None


def _get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise DomainError(f"Vergadering {meeting_id} bestaat niet (meer).")
    return meeting


def meeting_order(meeting: Meeting) -> tuple[dt.date, int]:
    """Meetings of one committee in the order they were held (same day: as created)."""
    return (meeting.date, meeting.id)


def meeting_before_in(meeting: Meeting) -> Meeting | None:
    """The committee's meeting held just before this one (in meeting_order).

    Asked of the database: loading all of a committee's meetings to pick one made opening
    a meeting of a ten-year archive noticeably slower.
    """
    return object_session(meeting).scalar(
        select(Meeting)
        .where(
            Meeting.committee_id == meeting.committee_id,
            or_(
                Meeting.date < meeting.date,
                and_(Meeting.date == meeting.date, Meeting.id < meeting.id),
            ),
        )
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )


def approval_state(store: Store, meeting_id: int) -> ApprovalState:
    with store.read() as session:
        meeting = _get_meeting(session, meeting_id)
        approved_in = (
            session.get(Meeting, meeting.approved_in_meeting_id)
            if meeting.approved_in_meeting_id
            else None
        )
        return ApprovalState(
            meeting_id=meeting.id,
            status=meeting.status,
            approved_on=meeting.approved_on,
            approved_in=_summary(approved_in),
            corrections=meeting.corrections,
            unlocked_at=meeting.unlocked_at,
            previous=_summary(meeting_before_in(meeting)),
        )


def is_locked(store: Store, meeting_id: int) -> bool:
    return approval_state(store, meeting_id).locked


# --- changing the status ---------------------------------------------------------------


def _append_line(text: str, line: str) -> str:
    return f"{text.rstrip()}\n\n{line}" if text.strip() else line


def _change(store: Store, meeting_id: int, change: Callable[[Session, Meeting], None]) -> None:
    with store.session() as session:
        change(session, _get_meeting(session, meeting_id))


def set_unapproved_status(store: Store, meeting_id: int, status: MeetingStatus) -> None:
    """Concept or definitief (sent, waiting for approval); an approved one must be unlocked."""
    if status is MeetingStatus.APPROVED:
        raise DomainError("Een verslag wordt vastgesteld in een vergadering of met een datum.")

    def change(_session: Session, meeting: Meeting) -> None:
        meeting.status = status
        meeting.approved_on = meeting.approved_in_meeting_id = meeting.unlocked_at = None

    _change(store, meeting_id, change)


def approve_in(
    session: Session,
    meeting: Meeting,
    *,
    approved_on: dt.date,
    in_meeting: Meeting | None = None,
    corrections: str = "",
) -> None:
    corrections = clean_text(corrections, field="Correcties").strip()
    meeting.status = MeetingStatus.APPROVED
    meeting.approved_on = approved_on
    meeting.approved_in_meeting_id = in_meeting.id if in_meeting is not None else None
    meeting.unlocked_at = None
    # Compared per entry: approving twice adds nothing, but a correction that merely
    # occurs inside an earlier one is still a correction of its own.
    if corrections and corrections not in meeting.corrections.split("\n\n"):
        meeting.corrections = _append_line(meeting.corrections, corrections)


def approve_meeting(
    store: Store, meeting_id: int, approved_on: dt.date, corrections: str = ""
) -> None:
    """Vastgesteld outside a recorded meeting (e.g. by e-mail), on the given date."""
    _change(
        store,
        meeting_id,
        lambda session, meeting: approve_in(
            session, meeting, approved_on=approved_on, corrections=corrections
        ),
    )


def approve_previous(store: Store, meeting_id: int, corrections: str = "") -> int:
    """This meeting approves the verslag of the one before it; returns that meeting's id."""
    with store.session() as session:
        meeting = _get_meeting(session, meeting_id)
        previous = meeting_before_in(meeting)
        if previous is None:
            raise DomainError("Er is geen vorige vergadering van dit overleg om vast te stellen.")
        if previous.status is MeetingStatus.APPROVED and previous.approved_in_meeting_id not in (
            None,
            meeting.id,
        ):
            raise DomainError(
                f"Het verslag van {previous.date:%d-%m-%Y} is al in een andere vergadering "
                "vastgesteld."
            )
        approve_in(
            session, previous, approved_on=meeting.date, in_meeting=meeting, corrections=corrections
        )
        return previous.id


def unlock_meeting(
    store: Store, meeting_id: int, reason: str, now: dt.datetime | None = None
) -> None:
    """Open an approved verslag for editing again; the reason is noted in its corrections."""
    reason = clean_text(reason, field="Reden", multiline=False).strip()
    if not reason:
        raise DomainError("Geef een reden op: die wordt bij de correcties vastgelegd.")
    now = (now or dt.datetime.now()).replace(second=0, microsecond=0)

    def change(_session: Session, meeting: Meeting) -> None:
        if meeting.status is not MeetingStatus.APPROVED:
            raise DomainError("Alleen een vastgesteld verslag kan worden ontgrendeld.")
        if meeting.unlocked_at is not None:
            return
        meeting.unlocked_at = now
        meeting.corrections = _append_line(
            meeting.corrections, f"Ontgrendeld op {now:%d-%m-%Y %H:%M}: {reason}"
        )

    _change(store, meeting_id, change)


def lock_meeting(store: Store, meeting_id: int) -> None:
    """Close an unlocked, approved verslag again."""

    def change(_session: Session, meeting: Meeting) -> None:
        if meeting.status is not MeetingStatus.APPROVED:
            raise DomainError("Alleen een vastgesteld verslag kan worden vergrendeld.")
        meeting.unlocked_at = None

    _change(store, meeting_id, change)


def ensure_unlocked_in(meeting: Meeting) -> None:
    """For operations that write to a meeting only indirectly (closing an action in it)."""
    if meeting.status is MeetingStatus.APPROVED and meeting.unlocked_at is None:
        raise DomainError(
            f"De vergadering van {meeting.date:%d-%m-%Y} is vastgesteld; ontgrendel het "
            "verslag eerst."
        )
