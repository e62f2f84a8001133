"""Plain, immutable read models handed from core.services to the UI, the exporters and the CLI.

They carry no session, so they can cross threads and outlive the transaction that read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from taskforce_desktop.core.models import (
    ActionStatus,
    AgendaKind,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)


@dataclass(frozen=True)
class CommitteeRecord:
    id: int
    name: str
    contact: str


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    organisation: str
    function: str
    email: str


@dataclass(frozen=True)
class AttendeeRecord:
    id: int
    person: PersonRecord
    role: Role
    presence: Presence
    note: str
    arrived_at: dt.time | None
    departed_at: dt.time | None


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    text: str
    number: str  # stable across meetings, e.g. "2022-09/3"


@dataclass(frozen=True)
class ActionRecord:
    id: int
    description: str
    owner: str
    due: dt.date | None
    status: ActionStatus
    number: str  # stable across meetings, e.g. "2022-09/3"
    closed_in_meeting_id: int | None
    owner_person_id: int | None = None  # the known person behind ``owner``, if any


@dataclass(frozen=True)
class AgendaDocumentRecord:
    """A stuk as the window and the listings see it: its content is read only when needed."""

    id: int
    file_name: str
    media_type: str
    size: int


@dataclass(frozen=True)
class AgendaItemRecord:
    id: int
    number: str
    manual_number: str
    title: str
    presenter: str
    purpose: Purpose
    introduction: str
    notes: str
    conclusion: str
    confidential: bool
    planned_minutes: int | None
    standing: bool
    kind: AgendaKind
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    decisions: tuple[DecisionRecord, ...]
    actions: tuple[ActionRecord, ...]
    documents: tuple[AgendaDocumentRecord, ...] = ()


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    committee_id: int
    committee_name: str
    title: str
    date: dt.date
    status: MeetingStatus


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    committee: CommitteeRecord
    title: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    location: str
    mode: MeetingMode
    status: MeetingStatus
    approved_on: dt.date | None
    corrections: str
    introduction: str
    closing: str
    attendees: tuple[AttendeeRecord, ...]
    agenda: tuple[AgendaItemRecord, ...]
    updated_at: dt.datetime

    def summary(self) -> MeetingSummary:
        return MeetingSummary(
            self.id, self.committee.id, self.committee.name, self.title, self.date, self.status
        )


def meeting_summary(meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        meeting.id,
        meeting.committee_id,
        meeting.committee.name,
        meeting.title,
        meeting.date,
        meeting.status,
    )
