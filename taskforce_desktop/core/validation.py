"""What the domain accepts as input: DomainError and the parsers of every field.

The bottom of the domain layer (it knows only the enums of ``models``), so the approval
lock, the services and the meeting file can all check input the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, TypeVar

from taskforce_desktop.core import models


class DomainError(ValueError):
    """Input that the domain does not accept; the message is Dutch and shown to the user."""


E = TypeVar("E", bound=enum.Enum)

# C0 controls other than tab/newline/carriage return cannot be stored in XML (Word) and
# have no meaning in a name or a note.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ENUM_LABELS: dict[type[enum.Enum], str] = {
    models.MeetingMode: "vergadervorm",
    models.MeetingStatus: "status",
    models.Role: "rol",
    models.Presence: "aanwezigheid",
    models.Purpose: "doel",
    models.ActionStatus: "status van het actiepunt",
    models.AgendaKind: "soort agendapunt",
}


def clean_text(value: Any, *, field: str, multiline: bool = True) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DomainError(f"{field}: tekst verwacht.")
    cleaned = _CONTROL_CHARS.sub("", value)
    return cleaned if multiline else " ".join(cleaned.split())


def required_text(value: Any, *, field: str) -> str:
    text = clean_text(value, field=field, multiline=False)
    if not text:
        raise DomainError(f"{field} mag niet leeg zijn.")
    return text


def parse_enum(enum_cls: type[E], value: Any) -> E:
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_cls)
        label = ENUM_LABELS.get(enum_cls, enum_cls.__name__)
        raise DomainError(
            f"Onbekende waarde voor {label}: '{value}' (kies uit: {allowed})."
        ) from None


def parse_date(value: Any, *, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DomainError(f"{field}: '{value}' is geen geldige datum.")


def parse_optional_date(value: Any, *, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    return parse_date(value, field=field)


def parse_optional_time(value: Any, *, field: str) -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value):
        hours, minutes = (int(part) for part in value.split(":"))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    raise DomainError(f"{field}: '{value}' is geen geldige tijd (UU:MM).")


# A week: far above the 600 the agenda table offers, far below what SQLite cannot hold
# (2^63 and up overflow its integers). The meeting file has the same cap.
MAX_PLANNED_MINUTES = 7 * 24 * 60


def parse_planned_minutes(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DomainError("Geplande minuten: een heel getal van 0 of meer.")
    if value > MAX_PLANNED_MINUTES:
        raise DomainError(f"Geplande minuten: ten hoogste {MAX_PLANNED_MINUTES} (een week).")
    return value


def parse_bool(value: Any, *, field: str) -> bool:
    if not isinstance(value, bool):
        raise DomainError(f"{field}: ja of nee verwacht.")
    return value


def check_times(start: dt.time | None, end: dt.time | None) -> None:
    if start and end and end < start:
        raise DomainError("De eindtijd ligt voor de begintijd.")
