"""The status of a verslag: concept → definitief → vastgesteld, and what "vastgesteld" locks.

A vastgesteld (approved) meeting is read-only; ``lock`` enforces that on every flush.
Every change of status goes through this module, so "vastgesteld in", the date and
"ontgrendeld op" always agree with the status. Unlocking is explicit and noted in the
meeting's corrections; approving again locks it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, object_session

from taskforce_desktop.core.lock import (
    LOCK_BYPASS,
    ensure_unlocked_in,
    refuse_writes_to_locked_meetings,
)
from taskforce_desktop.core.models import Meeting, MeetingStatus
from taskforce_desktop.core.records import MeetingSummary, meeting_summary
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import DomainError, clean_text

__all__ = [  # the lock's names, here since before it had a module of its own
    "LOCK_BYPASS",
    "ApprovalState",
    "approval_state",
    "approve_in",
    "approve_meeting",
    "approve_previous",
    "change_approval_date",
    "ensure_unlocked_in",
    "is_locked",
    "lock_meeting",
    "meeting_before_in",
    "meeting_order",
    "refuse_writes_to_locked_meetings",
    "set_unapproved_status",
    "unlock_meeting",
]


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
    session = object_session(meeting)
    assert session is not None, "a meeting read in a session"
    return session.scalar(
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


def change_approval_date(store: Store, meeting_id: int, approved_on: dt.date) -> None:
    """Correct the date a verslag was vastgesteld on; its lock stays as it is."""

    def change(_session: Session, meeting: Meeting) -> None:
        if meeting.status is not MeetingStatus.APPROVED:
            raise DomainError("Alleen een vastgesteld verslag heeft een datum van vaststelling.")
        meeting.approved_on = approved_on

    _change(store, meeting_id, change)


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
