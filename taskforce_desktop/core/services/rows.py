"""What every subject of the services needs: a row by id, parsed changes, positions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from taskforce_desktop.core.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    Attendance,
    Decision,
)
from taskforce_desktop.core.validation import (
    DomainError,
)

M = TypeVar("M")


def get_row(session: Session, model: type[M], object_id: int, label: str) -> M:
    row = session.get(model, object_id)
    if row is None:
        raise DomainError(f"{label} {object_id} bestaat niet (meer).")
    return row


def apply_changes(row: Any, changes: dict[str, Any], parsers: dict[str, Any]) -> None:
    for name, value in changes.items():
        parser = parsers.get(name)
        if parser is None:
            raise DomainError(f"Onbekend veld '{name}'.")
        setattr(row, name, parser(value))


Positioned = Attendance | AgendaItem | Decision | Action | AgendaDocument
P = TypeVar("P", Attendance, AgendaItem, Decision, Action, AgendaDocument)


def renumber(rows: Sequence[Positioned]) -> None:
    # Only where it changed: setting a position, even to its own value, makes the row part
    # of every later flush of the transaction (an import would then grow with the square).
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def insert_at(rows: list[P], row: P, index: int | None) -> None:
    if index is None or index > len(rows):
        index = len(rows)
    rows.insert(max(index, 0), row)
    renumber(rows)


def move_to(rows: list[P], row: P, new_index: int) -> None:
    new_index = max(0, min(new_index, len(rows) - 1))
    rows.remove(row)
    rows.insert(new_index, row)
    renumber(rows)
