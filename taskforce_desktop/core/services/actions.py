"""Decisions and actions of an agenda point, and the numbers they are cited by.

A decision or action gets its number ("2022-09/4") when it is made: the month of its
meeting and the next sequence of that month in the whole committee, decisions and actions
counted apart. The number is stored and never changes after: moving or reordering points,
removing another row or changing the meeting's date leaves it as it was, so a number cited
in a sent verslag or Actielijst keeps meaning the same row. A meeting moved to another month
keeps the numbers it has; what is added to it afterwards counts in the new month.
Only a number freed by removing the newest one of its month can be given again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from taskforce_desktop.core.lock import ensure_unlocked_in
from taskforce_desktop.core.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    Person,
)
from taskforce_desktop.core.records import (
    ActionRecord,
)
from taskforce_desktop.core.services.rows import apply_changes, get_row, insert_at, renumber
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import (
    DomainError,
    clean_text,
    parse_enum,
    parse_optional_date,
    required_text,
)


def number_prefix(meeting_date: dt.date) -> str:
    return meeting_date.strftime("%Y-%m")


Numbered = type[Decision] | type[Action]


def next_number(session: Session, meeting: Meeting, model: Numbered) -> str:
    """The committee's next free number of the meeting's month: "2022-09/4" after "/3"."""
    prefix = f"{number_prefix(meeting.date)}/"
    highest = session.scalar(
        select(func.max(cast(func.substr(model.number, len(prefix) + 1), Integer)))
        .join(AgendaItem, model.agenda_item_id == AgendaItem.id)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(Meeting.committee_id == meeting.committee_id, model.number.startswith(prefix))
    )
    return f"{prefix}{(highest or 0) + 1}"


def kept_or_next_number(
    session: Session, meeting: Meeting, model: Numbered, wanted: str | None
) -> str:
    """A row put back (undo) keeps its number unless another row of the committee has it."""
    if wanted:
        holder = session.scalar(
            select(model.id)
            .join(AgendaItem, model.agenda_item_id == AgendaItem.id)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(Meeting.committee_id == meeting.committee_id, model.number == wanted)
            .limit(1)
        )
        if holder is None:
            return wanted
    return next_number(session, meeting, model)


def add_decision_in(
    session: Session,
    item: AgendaItem,
    text: Any,
    index: int | None = None,
    number: str | None = None,
) -> Decision:
    decision = Decision(
        text=clean_text(text, field="Besluit"),
        number=kept_or_next_number(session, item.meeting, Decision, number),
    )
    insert_at(item.decisions, decision, index)
    session.flush()
    return decision


def add_decision(
    store: Store,
    item_id: int,
    text: str = "",
    index: int | None = None,
    number: str | None = None,
) -> int:
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        return add_decision_in(session, item, text, index, number).id


def update_decision(store: Store, decision_id: int, text: str) -> None:
    with store.session() as session:
        get_row(session, Decision, decision_id, "Besluit").text = clean_text(text, field="Besluit")


def remove_decision(store: Store, decision_id: int) -> None:
    with store.session() as session:
        decision = get_row(session, Decision, decision_id, "Besluit")
        item = decision.agenda_item
        item.decisions.remove(decision)
        renumber(item.decisions)


_ACTION_PARSERS = {
    "description": lambda v: required_text(v, field="Omschrijving van het actiepunt"),
    "owner": lambda v: clean_text(v, field="Wie", multiline=False),
    "owner_person_id": lambda v: v,
    "due": lambda v: parse_optional_date(v, field="Wanneer"),
    "status": lambda v: parse_enum(ActionStatus, v),
    "closed_in_meeting_id": lambda v: v,
}


def add_action_in(
    session: Session,
    item: AgendaItem,
    index: int | None = None,
    number: str | None = None,
    **fields: Any,
) -> Action:
    if "description" not in fields:
        raise DomainError("Omschrijving van het actiepunt mag niet leeg zijn.")
    action = Action()
    apply_changes(action, fields, _ACTION_PARSERS)
    _check_action_references(session, action)
    action.number = kept_or_next_number(session, item.meeting, Action, number)
    insert_at(item.actions, action, index)
    session.flush()
    return action


def _check_action_references(session: Session, action: Action) -> None:
    """Ids from outside are checked here: a wrong one would surface as a database error."""
    with session.no_autoflush:  # the unchecked change must not reach the database first
        if action.owner_person_id is not None:
            get_row(session, Person, action.owner_person_id, "Persoon")
        if action.closed_in_meeting_id is not None:
            ensure_unlocked_in(
                get_row(session, Meeting, action.closed_in_meeting_id, "Vergadering")
            )


def add_action(
    store: Store, item_id: int, description: str, index: int | None = None, **fields: Any
) -> int:
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        return add_action_in(session, item, index, description=description, **fields).id


def update_action(store: Store, action_id: int, **changes: Any) -> None:
    with store.session() as session:
        action = get_row(session, Action, action_id, "Actiepunt")
        apply_changes(action, changes, _ACTION_PARSERS)
        _check_action_references(session, action)


def restore_action_in(
    session: Session, item: AgendaItem, record: ActionRecord, index: int | None = None
) -> Action:
    """Put a removed action back (undo) as it was: its number, owner and the meeting that closed it.

    A person or meeting deleted since is left out: the undo itself must not fail on it.
    """

    def still_there(model: type, object_id: int | None) -> int | None:
        return object_id if object_id is not None and session.get(model, object_id) else None

    return add_action_in(
        session,
        item,
        index,
        record.number,
        description=record.description,
        owner=record.owner,
        owner_person_id=still_there(Person, record.owner_person_id),
        due=record.due,
        status=record.status,
        closed_in_meeting_id=still_there(Meeting, record.closed_in_meeting_id),
    )


def restore_action(store: Store, item_id: int, record: ActionRecord, index: int) -> int:
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        return restore_action_in(session, item, record, index).id


def remove_action(store: Store, action_id: int) -> None:
    with store.session() as session:
        action = get_row(session, Action, action_id, "Actiepunt")
        item = action.agenda_item
        item.actions.remove(action)
        renumber(item.actions)
