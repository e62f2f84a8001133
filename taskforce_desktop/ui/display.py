"""How the window shows dates, times and the domain's enum values: the one place for each.

Dates are Dutch in both window languages (a date field reads what she types as a Dutch
date). The long forms are the verslag's own, from core, so the window and the document
write a date the same way. Enum labels are translated at the moment they are shown.
"""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from taskforce_desktop.core.integrity import dutch_datetime
from taskforce_desktop.core.models import (
    ActionStatus,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)
from taskforce_desktop.core.verslag import dutch_date, dutch_short_date

_DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

# --- dates and times ---------------------------------------------------------------------


def long_date(day: dt.date) -> str:
    """'vrijdag 16 september 2022'."""
    return dutch_date(day)


def date_text(day: dt.date | None) -> str:
    """'16 september 2022', or nothing for no date."""
    return dutch_short_date(day) if day else ""


def short_date(day: dt.date | None) -> str:
    """'16 sep 2022', or nothing for no date: for table columns."""
    return _DUTCH.toString(qdate(day), "d MMM yyyy") if day else ""


def numeric_date(day: dt.date) -> str:
    """'16-09-2022'."""
    return f"{day:%d-%m-%Y}"


def qdate(day: dt.date) -> QDate:
    """The day for Qt (PySide converts a date itself, but its type stubs do not know it)."""
    return QDate(day.year, day.month, day.day)


def python_date(date: QDate) -> dt.date | None:
    """The day of a QDate, or None for the invalid QDate by which Qt says "no date"."""
    return dt.date(date.year(), date.month(), date.day()) if date.isValid() else None


def moment_text(moment: dt.datetime) -> str:
    """'vrijdag 16 september 2022 14:05' in the user's time zone."""
    return dutch_datetime(moment)


def clock_text(moment: dt.time | dt.datetime) -> str:
    """'14:05'."""
    return f"{moment:%H:%M}"


# --- enum labels -------------------------------------------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# PySide's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
_LABELS: dict[enum.Enum, object] = {
    MeetingMode.PHYSICAL: QT_TRANSLATE_NOOP("Labels", "Fysiek"),
    MeetingMode.ONLINE: QT_TRANSLATE_NOOP("Labels", "Online"),
    MeetingMode.HYBRID: QT_TRANSLATE_NOOP("Labels", "Hybride"),
    MeetingStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Concept"),
    MeetingStatus.FINAL: QT_TRANSLATE_NOOP("Labels", "Definitief"),
    MeetingStatus.APPROVED: QT_TRANSLATE_NOOP("Labels", "Vastgesteld"),
    Role.CHAIR: QT_TRANSLATE_NOOP("Labels", "Voorzitter"),
    Role.MEMBER: QT_TRANSLATE_NOOP("Labels", "Lid"),
    Role.ADVISOR: QT_TRANSLATE_NOOP("Labels", "Adviseur"),
    Role.GUEST: QT_TRANSLATE_NOOP("Labels", "Gast"),
    Role.STAFF: QT_TRANSLATE_NOOP("Labels", "Ondersteuning"),
    Role.SECRETARY: QT_TRANSLATE_NOOP("Labels", "Secretaris"),
    Presence.PRESENT: QT_TRANSLATE_NOOP("Labels", "Aanwezig"),
    Presence.EXCUSED: QT_TRANSLATE_NOOP("Labels", "Afgemeld"),
    Presence.ABSENT: QT_TRANSLATE_NOOP("Labels", "Afwezig"),
    Purpose.NOTING: QT_TRANSLATE_NOOP("Labels", "Kennisname"),
    Purpose.INFORMING: QT_TRANSLATE_NOOP("Labels", "Beeldvorming"),
    Purpose.OPINION: QT_TRANSLATE_NOOP("Labels", "Oordeelsvorming"),
    Purpose.DECISION: QT_TRANSLATE_NOOP("Labels", "Besluitvorming"),
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Afgerond"),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP("Labels", "Vervallen"),
}


def label(value: enum.Enum) -> str:
    return _tr(str(_LABELS[value]))


def choices(enum_cls: type[enum.Enum]) -> list[tuple[enum.Enum, str]]:
    """Every value of an enum with its label, in declaration order (the order of a combo box)."""
    return [(member, label(member)) for member in enum_cls]
