"""The verslag as one neutral document, built once from a meeting and rendered by every writer.

Word, the HTML preview, the PDF and the e-mail body are all renderers of the tree built
here (docs/architecture.md), so the content, its order and its Dutch labels live in this
module only.
Text in the tree is already cleaned of characters that XML 1.0 cannot hold, so no writer
can crash on a control character typed or pasted into the app.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from taskforce_desktop.core import markdown
from taskforce_desktop.core.models import (
    ActionStatus,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)
from taskforce_desktop.core.records import (
    ActionRecord,
    AgendaItemRecord,
    AttendeeRecord,
    MeetingRecord,
)

Run = markdown.Run

DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

PURPOSE_LABELS = {
    Purpose.NOTING: "Ter kennisname",
    Purpose.INFORMING: "Ter beeldvorming",
    Purpose.OPINION: "Ter oordeelsvorming",
    Purpose.DECISION: "Ter besluitvorming",
}

CONFIDENTIAL_MARK = "Vertrouwelijk"
PUBLIC_EDITION = "Openbare versie"
DRAFT_NOTICE = "CONCEPT – nog niet vastgesteld"
CLOSED_POINT = "Besloten behandeld"  # in the public version, in place of a confidential point

ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.DONE: "Afgerond",
    ActionStatus.DROPPED: "Vervallen",
}

# XML 1.0 cannot hold C0 controls (except tab, LF, CR), lone surrogates or U+FFFE/U+FFFF.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029\t]+")


def xml_safe(text: str) -> str:
    return _XML_INCOMPATIBLE.sub("", text)


def one_line(text: str) -> str:
    """A name or a title on a single line, whatever was pasted into it."""
    return " ".join(_LINE_BREAKS.sub(" ", xml_safe(text)).split())


# --- Dutch dates, without Qt ----------------------------------------------------------


def dutch_date(day: dt.date) -> str:
    """'vrijdag 16 september 2022'."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def dutch_short_date(day: dt.date) -> str:
    """'16 september 2022'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def dutch_times(start: dt.time | None, end: dt.time | None) -> str:
    """'10:00 – 13:00 uur', 'vanaf 10:00 uur', 'tot 13:00 uur' or ''."""
    if start and end:
        return f"{start:%H:%M} – {end:%H:%M} uur"
    if start:
        return f"vanaf {start:%H:%M} uur"
    if end:
        return f"tot {end:%H:%M} uur"
    return ""


# --- the document tree ------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 = a section or agenda point, 2 = a part inside it
    mark: str = ""  # shown beside the text, set apart: "Vertrouwelijk"

    @property
    def full_text(self) -> str:
        return f"{self.text} – {self.mark}" if self.mark else self.text


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Label:
    """A small, quiet line: the purpose and presenter of a point, the contact at the end."""

    text: str


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    children: BulletList | None = None


@dataclass(frozen=True)
class BulletList:
    ordered: bool
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the text width; the shares of a table add up to 1
    single_line: bool = False  # short values ("2022-09/1", "Afgerond") never break over lines


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[tuple[Block, ...], ...], ...]  # row -> cell -> blocks


Block = Heading | Paragraph | Label | BulletList | Table


@dataclass(frozen=True)
class Verslag:
    committee: str
    title: str  # "Verslag Taskforce Samen Organiseren"
    meta: str  # "vrijdag 16 september 2022, 10:00 – 13:00 uur, Stadskantoor"
    date: dt.date
    date_text: str  # "vrijdag 16 september 2022"
    draft: bool
    public: bool
    author: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    subtitle: str = ""  # the meeting's own title, "Taskforce november"
    # Which document of the meeting this is (core.documents): its name starts the file name.
    kind: str = "verslag"

    @property
    def header_text(self) -> str:
        return f"{self.title} – {dutch_short_date(self.date)}"

    @property
    def edition(self) -> str:
        """Which version this is, on the page under the title: only the public one says so."""
        return PUBLIC_EDITION if self.public else ""

    @property
    def draft_notice(self) -> str:
        """A line on page 1 that no reader can miss while the verslag is a draft."""
        return DRAFT_NOTICE if self.draft else ""

    @property
    def file_stem(self) -> str:
        """The default file name without its suffix; the two versions never share one."""
        stem = f"{self.kind.capitalize()} {self.committee} {self.date.isoformat()}"
        return f"{stem} ({PUBLIC_EDITION.lower()})" if self.public else stem

    def all_text(self) -> str:
        """Every word of the document, for checks such as 'nothing confidential leaks'."""
        parts = [self.title, self.subtitle, self.edition, self.meta]
        parts.extend(_block_texts(self.blocks))
        return "\n".join(parts)


def _block_texts(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Heading):
            yield block.full_text
        elif isinstance(block, Label):
            yield block.text
        elif isinstance(block, Paragraph):
            yield markdown.plain(block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                yield markdown.plain(item.runs)
                if item.children:
                    yield from _block_texts((item.children,))
        else:
            yield from (column.title for column in block.columns)
            for row in block.rows:
                for cell in row:
                    yield from _block_texts(cell)


# --- from Markdown ----------------------------------------------------------------------


def _safe_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    return markdown.normalise_runs(Run(xml_safe(r.text), r.bold, r.italic) for r in runs)


def _list_from_markdown(block: markdown.ListBlock) -> BulletList | None:
    items = []
    for item in block.items:
        children = _list_from_markdown(item.children) if item.children else None
        runs = _safe_runs(item.runs)
        if runs or children:
            items.append(ListItem(runs, children))
    return BulletList(block.ordered, tuple(items)) if items else None


def text_blocks(text: str) -> tuple[Block, ...]:
    """The secretary's Markdown as document blocks."""
    blocks: list[Block] = []
    for block in markdown.parse(text):
        if isinstance(block, markdown.Paragraph):
            runs = _safe_runs(block.runs)
            if runs:
                blocks.append(Paragraph(runs))
        else:
            converted = _list_from_markdown(block)
            if converted:
                blocks.append(converted)
    return tuple(blocks)


def _labelled(label: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """'Besluit 2022-09/1: …' in bold before the first paragraph, or on its own line."""
    lead = Run(f"{label}: ", bold=True)
    if blocks and isinstance(blocks[0], Paragraph):
        return (Paragraph(markdown.normalise_runs((lead, *blocks[0].runs))), *blocks[1:])
    return (Paragraph((Run(label, bold=True),)), *blocks)


# --- participants -----------------------------------------------------------------------


def _person_text(attendee: AttendeeRecord, *details: str) -> str:
    details = tuple(one_line(d) for d in details if d and one_line(d))
    times = []
    if attendee.arrived_at:
        times.append(f"vanaf {attendee.arrived_at:%H:%M}")
    if attendee.departed_at:
        times.append(f"tot {attendee.departed_at:%H:%M}")
    extra = [*details, *([" ".join(times)] if times else []), one_line(attendee.note)]
    extra = [e for e in extra if e]
    name = one_line(attendee.person.name)
    return f"{name} ({', '.join(extra)})" if extra else name


def _line(label: str, names: Sequence[str]) -> Paragraph | None:
    if not names:
        return None
    return Paragraph((Run(f"{label}: ", bold=True), Run(", ".join(names))))


def participant_blocks(attendees: Sequence[AttendeeRecord]) -> tuple[Block, ...]:
    present = [a for a in attendees if a.presence is Presence.PRESENT]
    excused = [a for a in attendees if a.presence is Presence.EXCUSED]

    members = [
        _person_text(a, a.person.organisation, "voorzitter" if a.role is Role.CHAIR else "")
        for a in sorted(
            (a for a in present if a.role in (Role.CHAIR, Role.MEMBER)),
            key=lambda a: a.role is not Role.CHAIR,
        )
    ]
    advisors, guests = (
        [
            _person_text(a, a.person.function, a.person.organisation)
            for a in present
            if a.role is role
        ]
        for role in (Role.ADVISOR, Role.GUEST)
    )
    secretaries = [_person_text(a) for a in present if a.role is Role.SECRETARY]
    staff_by_organisation: dict[str, list[str]] = {}
    for attendee in present:
        if attendee.role is Role.STAFF:
            organisation = one_line(attendee.person.organisation) or "Ondersteuning"
            staff_by_organisation.setdefault(organisation, []).append(_person_text(attendee))

    lines = [
        _line("Leden", members),
        _line("Adviseurs", advisors),
        *(_line(org, names) for org, names in staff_by_organisation.items()),
        _line("Gasten", guests),
        _line("Verslag", secretaries),
        _line(
            "Afwezig met kennisgeving",
            [_person_text(a, a.person.organisation) for a in excused],
        ),
    ]
    shown = [line for line in lines if line is not None]
    return (Heading("Deelnemers", 1), *shown) if shown else ()


# --- agenda, decisions and actions --------------------------------------------------------


def point_heading(item: AgendaItemRecord) -> str:
    title = one_line(item.title)
    number = one_line(item.number)
    return f"{number}. {title}" if number else title


def documents_label(item: AgendaItemRecord) -> Label | None:
    """The files of a point on one quiet line ("Stukken: notitie.pdf, advies.docx")."""
    names = [name for document in item.documents if (name := one_line(document.file_name))]
    return Label(f"Stukken: {', '.join(names)}") if names else None


def _action_detail(action: ActionRecord) -> str:
    details = []
    if one_line(action.owner):
        details.append(f"wie: {one_line(action.owner)}")
    if action.due:
        details.append(f"wanneer: {dutch_short_date(action.due)}")
    if action.status is not ActionStatus.OPEN:
        details.append(ACTION_STATUS_LABELS[action.status].lower())
    return f" ({'; '.join(details)})" if details else ""


def _agenda_item_blocks(item: AgendaItemRecord, include_introductions: bool) -> list[Block]:
    mark = CONFIDENTIAL_MARK if item.confidential else ""
    blocks: list[Block] = [Heading(point_heading(item), 1, mark)]
    label = PURPOSE_LABELS[item.purpose]
    if one_line(item.presenter):
        label += f" · Inbreng: {one_line(item.presenter)}"
    blocks.append(Label(label))
    stukken = documents_label(item)
    if stukken is not None:
        blocks.append(stukken)
    if include_introductions:
        blocks.extend(text_blocks(item.introduction))
    for title, text in (("Impressie", item.notes), ("Conclusie", item.conclusion)):
        content = text_blocks(text)
        if content:
            blocks.append(Heading(title, 2))
            blocks.extend(content)
    for decision in item.decisions:
        content = text_blocks(decision.text)
        if content:
            blocks.extend(_labelled(f"Besluit {decision.number}", content))
    for action in item.actions:
        if one_line(action.description):
            text = one_line(action.description) + _action_detail(action)
            blocks.append(Paragraph((Run(f"Actie {action.number}: ", bold=True), Run(text))))
    return blocks


def closed_point_heading(item: AgendaItemRecord) -> Heading:
    """The public version keeps a confidential point's number, and only its number."""
    number = one_line(item.number)
    return Heading(f"{number}. {CLOSED_POINT}" if number else CLOSED_POINT, 1)


def _agenda_blocks(
    agenda: Sequence[AgendaItemRecord], public: bool, include_introductions: bool
) -> list[Block]:
    blocks: list[Block] = []
    for item in agenda:
        if public and item.confidential:
            blocks.append(closed_point_heading(item))
        else:
            blocks.extend(_agenda_item_blocks(item, include_introductions))
    return blocks


def text_cell(text: str) -> tuple[Block, ...]:
    text = one_line(text)
    return (Paragraph((Run(text),)),) if text else ()


def decision_table(items: Sequence[AgendaItemRecord]) -> Table | None:
    rows = []
    for item in items:
        for decision in item.decisions:
            content = text_blocks(decision.text)
            if content:
                point = point_heading(item)
                if item.confidential and CONFIDENTIAL_MARK.lower() not in point.lower():
                    point += f" ({CONFIDENTIAL_MARK.lower()})"
                rows.append((text_cell(decision.number), text_cell(point), content))
    if not rows:
        return None
    columns = (
        Column("Nr", 0.12, single_line=True),
        Column("Agendapunt", 0.30),
        Column("Besluit", 0.58),
    )
    return Table(columns, tuple(rows))


def action_table(actions: Sequence[ActionRecord]) -> Table | None:
    rows = tuple(
        (
            text_cell(a.number),
            text_cell(a.description),
            text_cell(a.owner),
            text_cell(dutch_short_date(a.due) if a.due else ""),
            text_cell(ACTION_STATUS_LABELS[a.status]),
        )
        for a in actions
        if one_line(a.description)
    )
    if not rows:
        return None
    columns = (
        Column("Nr", 0.12, single_line=True),
        Column("Actie", 0.40),
        Column("Wie", 0.18),
        Column("Wanneer", 0.19, single_line=True),  # "19 december 2031"
        Column("Status", 0.11, single_line=True),
    )
    return Table(columns, rows)


# --- the whole verslag ------------------------------------------------------------------------


def meta_line(meeting: MeetingRecord) -> str:
    parts = [dutch_date(meeting.date)]
    times = dutch_times(meeting.start_time, meeting.end_time)
    if times:
        parts.append(times)
    location = one_line(meeting.location)
    if meeting.mode is MeetingMode.ONLINE:
        parts.append("online")
    elif meeting.mode is MeetingMode.HYBRID:
        parts.append(f"{location} en online" if location else "hybride (fysiek en online)")
    elif location:
        parts.append(location)
    return ", ".join(parts)


# approval.unlock_meeting keeps why a verslag was reopened among its corrections: the
# app's own record, not a correction the meeting approved.
_UNLOCK_NOTE = re.compile(r"Ontgrendeld op \d")


def approval_blocks(meeting: MeetingRecord) -> tuple[Block, ...]:
    """'Vastgesteld op …', with the corrections it was approved with."""
    if meeting.approved_on is None:
        return ()
    approved = Paragraph(
        (Run(f"Vastgesteld op {dutch_short_date(meeting.approved_on)}", bold=True),)
    )
    corrections = [
        one_line(entry)
        for entry in meeting.corrections.split("\n\n")
        if one_line(entry) and not _UNLOCK_NOTE.match(one_line(entry))
    ]
    if not corrections:
        return (approved,)
    return (
        approved,
        Paragraph((Run("Het verslag is vastgesteld met de volgende correcties:"),)),
        BulletList(False, tuple(ListItem((Run(entry),)) for entry in corrections)),
    )


def meeting_subtitle(meeting: MeetingRecord) -> str:
    """The meeting's own title, unless it only repeats the committee's name."""
    title = one_line(meeting.title)
    return "" if title.casefold() == one_line(meeting.committee.name).casefold() else title


def secretary_name(meeting: MeetingRecord) -> str:
    """The name of the meeting's secretary, "" when the attendees list none."""
    for attendee in meeting.attendees:
        if attendee.role is Role.SECRETARY and one_line(attendee.person.name):
            return one_line(attendee.person.name)
    return ""


def default_author(meeting: MeetingRecord) -> str:
    """The secretary who wrote the verslag, else the committee."""
    return secretary_name(meeting) or one_line(meeting.committee.name)


def build_verslag(
    meeting: MeetingRecord,
    *,
    public: bool = False,
    include_introductions: bool = True,
    carried_over_actions: Sequence[ActionRecord] = (),
    author: str = "",
) -> Verslag:
    committee = one_line(meeting.committee.name)
    items = [item for item in meeting.agenda if not (public and item.confidential)]

    blocks: list[Block] = []
    if meeting.status is MeetingStatus.APPROVED and meeting.approved_on:
        blocks.extend(approval_blocks(meeting))
    # The introduction opens the verslag, before the list of who was there.
    blocks.extend(text_blocks(meeting.introduction))
    blocks.extend(participant_blocks(meeting.attendees))
    blocks.extend(_agenda_blocks(meeting.agenda, public, include_introductions))

    decisions = decision_table(items)
    if decisions:
        blocks.extend((Heading("Besluitenlijst", 1), decisions))
    own_actions = [action for item in items for action in item.actions]
    own_ids = {action.id for action in own_actions}
    carried = [action for action in carried_over_actions if action.id not in own_ids]
    actions = action_table([*carried, *own_actions])
    if actions:
        blocks.extend((Heading("Actielijst", 1), actions))

    closing = text_blocks(meeting.closing)
    # A closing copied from an earlier meeting often already holds the contact line.
    said = set(_block_texts(closing))
    contact = [
        b for b in text_blocks(meeting.committee.contact) if not set(_block_texts((b,))) <= said
    ]
    if closing or contact:
        blocks.append(Heading("Tot slot", 1))
        blocks.extend(closing)
        blocks.extend(
            Label(markdown.plain(b.runs)) if isinstance(b, Paragraph) else b for b in contact
        )

    return Verslag(
        committee=committee,
        title=f"Verslag {committee}",
        meta=meta_line(meeting),
        subtitle=meeting_subtitle(meeting),
        date=meeting.date,
        date_text=dutch_date(meeting.date),
        draft=meeting.status is MeetingStatus.DRAFT,
        public=public,
        author=one_line(author) or default_author(meeting),
        blocks=tuple(blocks),
    )
