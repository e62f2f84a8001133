"""Dutch names for the domain's enum values, translated at the moment they are shown."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from taskforce_desktop.core.models import (
    ActionStatus,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


_LABELS: dict[enum.Enum, str] = {
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
    return _tr(_LABELS[value])


def choices(enum_cls: type[enum.Enum]) -> list[tuple[enum.Enum, str]]:
    """Every value of an enum with its label, in declaration order (the order of a combo box)."""
    return [(member, label(member)) for member in enum_cls]
