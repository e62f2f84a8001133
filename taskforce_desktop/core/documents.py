"""The meeting's documents besides the verslag: the agenda, the Actielijst, the Besluitenlijst.

Each is the same neutral tree as the verslag (core.verslag), so every writer (Word in the
house style or her template, PDF, HTML, the e-mail draft) renders it without knowing which
document it is. The texts and their order live here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from taskforce_desktop.core import markdown
from taskforce_desktop.core.models import MeetingMode
from taskforce_desktop.core.records import ActionRecord, AgendaItemRecord, MeetingRecord
from taskforce_desktop.core.verslag import (
    CONFIDENTIAL_MARK,
    PURPOSE_LABELS,
    Block,
    Column,
    Heading,
    Label,
    Paragraph,
    Run,
    Table,
    Verslag,
    build_verslag,
    default_author,
    documents_label,
    dutch_date,
    dutch_short_date,
    dutch_times,
    meeting_subtitle,
    one_line,
    text_blocks,
    text_cell,
)

VERSLAG = "verslag"
AGENDA = "agenda"
ACTION_LIST = "actielijst"
DECISION_LIST = "besluitenlijst"
DOCUMENTS = (VERSLAG, AGENDA, ACTION_LIST, DECISION_LIST)

NO_OWNER = "Nog niet toegewezen"
CLOSED_AGENDA_POINT = "Besloten"  # the public agenda keeps a confidential point's number only


@dataclass(frozen=True)
class ListedAction:
    """An open action of the committee with the date of the meeting it was born in."""

    action: ActionRecord
    meeting_date: dt.date


@dataclass(frozen=True)
class ListedDecision:
    number: str
    text: str
    meeting_date: dt.date
    agenda_item_title: str


def _document(
    meeting: MeetingRecord,
    kind: str,
    meta: str,
    blocks: Iterable[Block],
    *,
    public: bool,
    author: str,
) -> Verslag:
    committee = one_line(meeting.committee.name)
    return Verslag(
        committee=committee,
        title=f"{kind.capitalize()} {committee}",
        meta=meta,
        subtitle=meeting_subtitle(meeting),
        date=meeting.date,
        date_text=dutch_date(meeting.date),
        draft=False,  # only a verslag is approved by the meeting
        public=public,
        author=one_line(author) or default_author(meeting),
        blocks=tuple(blocks),
        kind=kind,
    )


def _contact(meeting: MeetingRecord) -> list[Block]:
    """The secretariat's contact lines, quiet at the end as under the verslag."""
    return [
        Label(markdown.plain(block.runs)) if isinstance(block, Paragraph) else block
        for block in text_blocks(meeting.committee.contact)
    ]


# --- the agenda (convocatie) ----------------------------------------------------------------


def _place(meeting: MeetingRecord) -> str:
    """Where to be: the room, the link, or both; the link is typed in the location field."""
    location = one_line(meeting.location)
    if meeting.mode is MeetingMode.ONLINE:
        return f"Online: {location}" if location else "Online"
    if meeting.mode is MeetingMode.HYBRID:
        return f"{location} en online" if location else "Fysiek en online"
    return location


def planned_starts(meeting: MeetingRecord) -> list[dt.time | None]:
    """Each point's planned start: the meeting's start plus the minutes planned before it.

    After a point without planned minutes the time is unknown, so it is left out rather
    than guessed.
    """
    if meeting.start_time is None:
        return [None] * len(meeting.agenda)
    clock: dt.datetime | None = dt.datetime.combine(meeting.date, meeting.start_time)
    starts: list[dt.time | None] = []
    for item in meeting.agenda:
        starts.append(clock.time() if clock is not None else None)
        if clock is not None and item.planned_minutes is not None:
            clock += dt.timedelta(minutes=item.planned_minutes)
        else:
            clock = None
    return starts


def _agenda_point_cell(item: AgendaItemRecord, include_introductions: bool) -> tuple[Block, ...]:
    """The title, the introduction, the confidential mark, and last the point's stukken."""
    blocks: list[Block] = [Paragraph((Run(one_line(item.title), bold=True),))]
    if include_introductions:
        blocks.extend(text_blocks(item.introduction))
    if item.confidential:
        blocks.append(Label(CONFIDENTIAL_MARK))
    stukken = documents_label(item)
    if stukken is not None:
        blocks.append(stukken)
    return tuple(blocks)


def _agenda_row(
    item: AgendaItemRecord, start: dt.time | None, *, public: bool, include_introductions: bool
) -> tuple[tuple[Block, ...], ...]:
    time_cell = text_cell(f"{start:%H:%M}" if start else "")
    if public and item.confidential:
        return (time_cell, text_cell(item.number), text_cell(CLOSED_AGENDA_POINT), (), ())
    return (
        time_cell,
        text_cell(item.number),
        _agenda_point_cell(item, include_introductions),
        text_cell(PURPOSE_LABELS[item.purpose]),
        text_cell(item.presenter),
    )


def build_agenda(
    meeting: MeetingRecord,
    *,
    public: bool = False,
    include_introductions: bool = True,
    author: str = "",
) -> Verslag:
    """The convocatie: when and where, then every point with its time, purpose and presenter."""
    when = ", ".join(
        part
        for part in (dutch_date(meeting.date), dutch_times(meeting.start_time, meeting.end_time))
        if part
    )
    blocks: list[Block] = []
    place = _place(meeting)
    if place:
        blocks.append(Paragraph((Run("Plaats: ", bold=True), Run(place))))
    rows = tuple(
        _agenda_row(item, start, public=public, include_introductions=include_introductions)
        for item, start in zip(meeting.agenda, planned_starts(meeting), strict=True)
    )
    if rows:
        columns = (
            Column("Tijd", 0.09, single_line=True),
            Column("Nr", 0.06, single_line=True),
            Column("Agendapunt", 0.46),
            Column("Doel", 0.19, single_line=True),  # "Oordeelsvorming"
            Column("Inbreng", 0.20),
        )
        blocks.append(Table(columns, rows))
    blocks.extend(_contact(meeting))
    return _document(meeting, AGENDA, when, blocks, public=public, author=author)


# --- the Actielijst and the Besluitenlijst --------------------------------------------------


def _due_order(listed: ListedAction) -> tuple[bool, dt.date, str]:
    due = listed.action.due
    return (due is None, due or dt.date.max, listed.action.number)


def build_action_list(
    meeting: MeetingRecord,
    open_actions: Sequence[ListedAction],
    *,
    public: bool = False,
    author: str = "",
) -> Verslag:
    """The committee's open actions per owner, the soonest due first."""
    by_owner: dict[str, list[ListedAction]] = {}
    for listed in open_actions:
        if one_line(listed.action.description):
            owner = one_line(listed.action.owner) or NO_OWNER
            by_owner.setdefault(owner, []).append(listed)
    columns = (
        Column("Nr", 0.13, single_line=True),
        Column("Actie", 0.49),
        Column("Wanneer", 0.19, single_line=True),
        Column("Sinds", 0.19, single_line=True),
    )
    blocks: list[Block] = []
    for owner in sorted(by_owner, key=lambda name: (name == NO_OWNER, name.casefold())):
        rows = tuple(
            (
                text_cell(listed.action.number),
                text_cell(listed.action.description),
                text_cell(dutch_short_date(listed.action.due) if listed.action.due else ""),
                text_cell(dutch_short_date(listed.meeting_date)),
            )
            for listed in sorted(by_owner[owner], key=_due_order)
        )
        blocks.extend((Heading(owner, 1), Table(columns, rows)))
    if not blocks:
        blocks.append(Paragraph((Run("Er staan geen acties open."),)))
    meta = f"Open acties op {dutch_date(meeting.date)}"
    return _document(meeting, ACTION_LIST, meta, blocks, public=public, author=author)


def build_decision_list(
    meeting: MeetingRecord,
    decisions: Sequence[ListedDecision],
    *,
    public: bool = False,
    author: str = "",
) -> Verslag:
    """Every decision of the committee up to this meeting, with the meeting it was taken in."""
    rows = tuple(
        (
            text_cell(decision.number),
            text_cell(dutch_short_date(decision.meeting_date)),
            text_cell(decision.agenda_item_title),
            content,
        )
        for decision in decisions
        if (content := text_blocks(decision.text))
    )
    blocks: list[Block]
    if rows:
        columns = (
            Column("Nr", 0.12, single_line=True),
            Column("Vergadering", 0.19, single_line=True),
            Column("Agendapunt", 0.24),
            Column("Besluit", 0.45),
        )
        blocks = [Table(columns, rows)]
    else:
        blocks = [Paragraph((Run("Er zijn nog geen besluiten genomen."),))]
    meta = f"Besluiten tot en met {dutch_date(meeting.date)}"
    return _document(meeting, DECISION_LIST, meta, blocks, public=public, author=author)


def named_document(meeting: MeetingRecord, kind: str, *, public: bool = False) -> Verslag:
    """The document without its contents: enough for its file name, subject and cover letter."""
    if kind == VERSLAG:
        return dataclasses.replace(build_verslag(meeting, public=public), blocks=())
    return _document(meeting, kind, "", (), public=public, author="")
