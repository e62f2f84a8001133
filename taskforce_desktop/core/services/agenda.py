"""Agenda points."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from taskforce_desktop.core.models import (
    AgendaItem,
    AgendaKind,
    Meeting,
    Purpose,
)
from taskforce_desktop.core.records import (
    AgendaDocumentRecord,
    AgendaItemRecord,
)
from taskforce_desktop.core.services.actions import add_decision_in, restore_action_in
from taskforce_desktop.core.services.documents import restore_documents_in
from taskforce_desktop.core.services.rows import (
    apply_changes,
    get_row,
    insert_at,
    move_to,
    renumber,
)
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    DomainError,
    clean_text,
    parse_bool,
    parse_enum,
    parse_planned_minutes,
    required_text,
)

_AGENDA_PARSERS = {
    "title": lambda v: required_text(v, field="Titel van het agendapunt"),
    "manual_number": lambda v: clean_text(v, field="Nummer", multiline=False),
    "presenter": lambda v: clean_text(v, field="Inbreng", multiline=False),
    "purpose": lambda v: parse_enum(Purpose, v),
    "introduction": lambda v: clean_text(v, field="Toelichting"),
    "notes": lambda v: clean_text(v, field="Impressie"),
    "conclusion": lambda v: clean_text(v, field="Conclusie"),
    "confidential": lambda v: parse_bool(v, field="Vertrouwelijk"),
    "planned_minutes": parse_planned_minutes,
    "standing": lambda v: parse_bool(v, field="Vast agendapunt"),
    "kind": lambda v: parse_enum(AgendaKind, v),
    "started_at": lambda v: v,
    "ended_at": lambda v: v,
}
AGENDA_COPY_COLUMNS = tuple(name for name in _AGENDA_PARSERS) + ("position",)


def add_agenda_item_in(
    session: Session, meeting: Meeting, index: int | None = None, **fields: Any
) -> AgendaItem:
    if "title" not in fields:
        raise DomainError("Titel van het agendapunt mag niet leeg zijn.")
    item = AgendaItem()
    apply_changes(item, fields, _AGENDA_PARSERS)
    insert_at(meeting.agenda_items, item, index)
    session.flush()
    return item


def add_agenda_item(
    store: Store, meeting_id: int, title: str, index: int | None = None, **fields: Any
) -> int:
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        return add_agenda_item_in(session, meeting, index, title=title, **fields).id


def update_agenda_item(store: Store, item_id: int, **changes: Any) -> None:
    with store.session() as session:
        apply_changes(get_row(session, AgendaItem, item_id, "Agendapunt"), changes, _AGENDA_PARSERS)


def remove_agenda_item(store: Store, item_id: int) -> None:
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        meeting = item.meeting
        meeting.agenda_items.remove(item)
        renumber(meeting.agenda_items)


def move_agenda_item(store: Store, item_id: int, new_index: int) -> None:
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        move_to(item.meeting.agenda_items, item, new_index)


def restore_agenda_item(
    store: Store,
    meeting_id: int,
    record: AgendaItemRecord,
    index: int,
    documents: Sequence[tuple[AgendaDocumentRecord, bytes]] = (),
) -> int:
    """Put a removed agenda point back (undo), with its decisions, actions and stukken.

    The record holds no file contents: ``documents`` (from ``documents_of_item``, read
    before the point was removed) brings them back.
    """
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        fields = {name: getattr(record, name) for name in _AGENDA_PARSERS}
        item = add_agenda_item_in(session, meeting, index, **fields)
        for decision in record.decisions:
            add_decision_in(session, item, decision.text, number=decision.number)
        for action in record.actions:
            restore_action_in(session, item, action)
        restore_documents_in(session, item, documents)
        return item.id


@dataclass(frozen=True)
class DraftPoint:
    """An agenda point read from elsewhere (the chair's Word agenda), not in the store yet."""

    number: str
    title: str
    purpose: Purpose = Purpose.NOTING
    presenter: str = ""
    introduction: str = ""
    planned_minutes: int | None = None
    standing: bool = False  # Opening, Rondvraag and the like: carried to the next meeting


# The points that end a Dutch agenda: new points go before them, so they stay last.
CLOSING_TITLES = frozenset(
    {"rondvraag", "wat verder ter tafel komt", "w.v.t.t.k.", "sluiting", "afsluiting"}
)


def is_closing_point(title: str) -> bool:
    words = " ".join(title.casefold().split()).rstrip(".:")
    return words in CLOSING_TITLES or words.startswith(("sluiting ", "rondvraag "))


_SUB_NUMBER = re.compile(r"(\d+)([.]?)(\w+)")


def _manual_number(number: str, shown: dict[str, str]) -> str:
    """A plain number follows the order. A sub-number ('2a', '2.1') under a point added
    with it follows that point's number in the meeting ('7a'); another is kept as typed."""
    number = number.strip()
    if number.isdigit():
        return ""
    sub = _SUB_NUMBER.fullmatch(number)
    if sub is not None and sub.group(1) in shown:
        return shown[sub.group(1)] + sub.group(2) + sub.group(3)
    return number


def _index_before_closing(meeting: Meeting) -> int:
    index = len(meeting.agenda_items)
    while index > 0 and is_closing_point(meeting.agenda_items[index - 1].title):
        index -= 1
    return index


def add_new_agenda_item(store: Store, meeting_id: int, title: str) -> int:
    """A point she adds by its title: after the existing ones, before a closing Rondvraag
    and Sluiting, as the points of the chair's Word agenda go; a closing point comes last."""
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        index = None if is_closing_point(title) else _index_before_closing(meeting)
        return add_agenda_item_in(session, meeting, index, title=title).id


def add_agenda_points(store: Store, meeting_id: int, points: Sequence[DraftPoint]) -> list[int]:
    """Add the points after the existing ones, before a closing Rondvraag and Sluiting."""
    with store.session() as session:
        meeting = get_row(session, Meeting, meeting_id, "Vergadering")
        index = _index_before_closing(meeting)
        added = []
        shown: dict[str, str] = {}  # a plain number of the points -> its number now
        for offset, point in enumerate(points):
            manual_number = _manual_number(point.number, shown)
            if point.number.strip().isdigit():
                shown[point.number.strip()] = str(index + offset + 1)
            item = add_agenda_item_in(
                session,
                meeting,
                index + offset,
                title=point.title,
                manual_number=manual_number,
                purpose=point.purpose,
                presenter=point.presenter,
                introduction=point.introduction,
                planned_minutes=point.planned_minutes,
                standing=point.standing,
            )
            added.append(item)
        return [item.id for item in added]
