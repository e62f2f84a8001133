"""What "vastgesteld" locks: the check before every flush of a store's sessions.

A vastgesteld (approved) meeting is read-only. The rule is enforced for every write path at
once: the store attaches ``refuse_writes_to_locked_meetings`` to its own session factory
(``guard_sessions``), so no function can change an approved meeting's content by
forgetting a check. What stays possible on an approved meeting: its approval bookkeeping
(date, corrections), and following up its actions (marking them done or dropped in a
later meeting).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from taskforce_desktop.core.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
)
from taskforce_desktop.core.validation import DomainError

# Set in a session's info by operations that must reach approved meetings too (erasing a
# person under the AVG, merging two entries of one person).
LOCK_BYPASS = "writes_to_approved_meetings_allowed"
# Meetings inserted by this session: an import fills an approved meeting in one transaction.
_CREATED_HERE = "meetings_created_in_this_session"

_APPROVAL_COLUMNS = frozenset(
    {"approved_on", "approved_in_meeting_id", "corrections", "unlocked_at", "updated_at"}
)
_FOLLOW_UP_COLUMNS = frozenset({"status", "closed_in_meeting_id", "updated_at"})


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
    if isinstance(obj, Decision | Action | AgendaDocument):
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
    # Read once: session.dirty is computed afresh on every access, and an import's flushes
    # each asked it once per pending row (the time grew with the square of the agenda).
    dirty, deleted = session.dirty, session.deleted
    with session.no_autoflush:
        for obj in [*session.new, *dirty, *deleted]:
            meeting = _owning_meeting(session, obj)
            # The cheap question first: a row's changes matter only in a locked meeting.
            if meeting is None or not _was_locked(session, meeting):
                continue
            is_deleted = obj in deleted
            if not is_deleted and obj in dirty and not _changed_attributes(obj):
                continue  # touched, but set to the values it had
            if not _allowed_on_locked(obj, is_deleted):
                raise DomainError(
                    f"De vergadering van {meeting.date:%d-%m-%Y} is vastgesteld en kan "
                    "niet meer worden gewijzigd. Ontgrendel het verslag eerst als er toch "
                    "iets moet worden aangepast."
                )


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    refuse_writes_to_locked_meetings(session)


def guard_sessions(sessions: sessionmaker[Session]) -> None:
    """Run the lock before every flush of the sessions this factory makes (and only those)."""
    event.listen(sessions, "before_flush", _before_flush)


def ensure_unlocked_in(meeting: Meeting) -> None:
    """For operations that write to a meeting only indirectly (closing an action in it)."""
    if meeting.status is MeetingStatus.APPROVED and meeting.unlocked_at is None:
        raise DomainError(
            f"De vergadering van {meeting.date:%d-%m-%Y} is vastgesteld; ontgrendel het "
            "verslag eerst."
        )
