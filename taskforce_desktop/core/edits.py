"""One edit of one field, and how it changes the open meeting as the window holds it.

The window keeps a single state per open meeting: the record read from the store with every
edit applied the moment it is made. The store makes that state durable; a write confirms it
and never replaces it with an older copy. ``apply_edit`` is the only place that knows how an
edit lands in a record, so every view that reads the state sees the same text.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from taskforce_desktop.core.records import (
    ActionRecord,
    AgendaItemRecord,
    AttendeeRecord,
    DecisionRecord,
    MeetingRecord,
    PersonRecord,
)


class Target(str, enum.Enum):
    """The kind of object an edit changes; each maps to one update service."""

    MEETING = "meeting"
    ATTENDEE = "attendee"
    AGENDA_ITEM = "agenda_item"
    DECISION = "decision"
    ACTION = "action"


@dataclass(frozen=True)
class Edit:
    """One field of one object set to a value the matching ``services.update_*`` accepts."""

    meeting_id: int
    target: Target
    object_id: int
    field: str
    value: Any

    @property
    def key(self) -> tuple[Target, int, str]:
        return (self.target, self.object_id, self.field)


def _field_names(record_type: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(record_type))


_MEETING_FIELDS = _field_names(MeetingRecord) - {"id", "committee", "attendees", "agenda"}
_ATTENDEE_FIELDS = _field_names(AttendeeRecord) - {"id", "person"}
_PERSON_FIELDS = _field_names(PersonRecord) - {"id"}
_AGENDA_FIELDS = _field_names(AgendaItemRecord) - {"id", "number", "decisions", "actions"}
_ACTION_FIELDS = _field_names(ActionRecord) - {"id", "number"}


def apply_edit(meeting: MeetingRecord, edit: Edit) -> MeetingRecord:
    """The meeting with one edit applied; an edit of another meeting changes nothing.

    Fields a record does not show (such as an action's linked person) leave it as it is.
    """
    if edit.meeting_id != meeting.id:
        return meeting
    if edit.target is Target.MEETING:
        return _apply_to_meeting(meeting, edit.field, edit.value)
    if edit.target is Target.ATTENDEE:
        return dataclasses.replace(
            meeting,
            attendees=tuple(
                _apply_to_attendee(a, edit.field, edit.value) if a.id == edit.object_id else a
                for a in meeting.attendees
            ),
        )
    if edit.target is Target.AGENDA_ITEM:
        agenda = tuple(
            _replace_if(item, edit.field, edit.value, _AGENDA_FIELDS)
            if item.id == edit.object_id
            else item
            for item in meeting.agenda
        )
        if edit.field == "manual_number":
            agenda = _renumbered(agenda)
        return dataclasses.replace(meeting, agenda=agenda)
    return dataclasses.replace(
        meeting, agenda=tuple(_apply_to_rows_of(item, edit) for item in meeting.agenda)
    )


if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


def _replace_if(record: R, field: str, value: Any, allowed: frozenset[str]) -> R:
    return dataclasses.replace(record, **{field: value}) if field in allowed else record


def _apply_to_meeting(meeting: MeetingRecord, field: str, value: Any) -> MeetingRecord:
    # A new date leaves the decision and action numbers as given (core/services/actions.py).
    return _replace_if(meeting, field, value, _MEETING_FIELDS)


def _apply_to_attendee(attendee: AttendeeRecord, field: str, value: Any) -> AttendeeRecord:
    if field in _PERSON_FIELDS:
        return dataclasses.replace(
            attendee, person=dataclasses.replace(attendee.person, **{field: value})
        )
    return _replace_if(attendee, field, value, _ATTENDEE_FIELDS)


def _apply_to_rows_of(item: AgendaItemRecord, edit: Edit) -> AgendaItemRecord:
    if edit.target is Target.DECISION:
        if not any(d.id == edit.object_id for d in item.decisions):
            return item
        decisions: tuple[DecisionRecord, ...] = tuple(
            _replace_if(d, edit.field, edit.value, frozenset({"text"}))
            if d.id == edit.object_id
            else d
            for d in item.decisions
        )
        return dataclasses.replace(item, decisions=decisions)
    if not any(a.id == edit.object_id for a in item.actions):
        return item
    actions: tuple[ActionRecord, ...] = tuple(
        _replace_if(a, edit.field, edit.value, _ACTION_FIELDS) if a.id == edit.object_id else a
        for a in item.actions
    )
    return dataclasses.replace(item, actions=actions)


def _renumbered(agenda: tuple[AgendaItemRecord, ...]) -> tuple[AgendaItemRecord, ...]:
    # The same rule as the store's: a number typed by hand is kept, the others count.
    return tuple(
        dataclasses.replace(item, number=item.manual_number or str(index))
        for index, item in enumerate(agenda, start=1)
    )
