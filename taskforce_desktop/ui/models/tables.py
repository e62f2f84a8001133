"""The three record tables of a meeting: attendees, agenda points and actions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from taskforce_desktop.core.edits import Target
from taskforce_desktop.core.models import ActionStatus, Presence, Purpose, Role
from taskforce_desktop.core.records import AgendaItemRecord, AttendeeRecord
from taskforce_desktop.ui.models.record_table import Column, Kind, RecordTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tables", text)


def _person_column(header: str, field: str, *, required: bool = False) -> Column:
    """A column of the person behind an attendance (name, organisation ...)."""
    return Column(
        header,
        field,
        required=required,
        read=lambda record: getattr(record.person, field),
        write=lambda record, value: dataclasses.replace(
            record, person=dataclasses.replace(record.person, **{field: value})
        ),
    )


class AttendeesModel(RecordTableModel):
    target = Target.ATTENDEE
    PRESENCE_ORDER = (Presence.PRESENT, Presence.EXCUSED, Presence.ABSENT)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _person_column(_tr("Naam"), "name", required=True),
                _person_column(_tr("Organisatie"), "organisation"),
                _person_column(_tr("Functie"), "function"),
                _person_column(_tr("E-mail"), "email"),
                Column(_tr("Rol"), "role", Kind.CHOICE, Role),
                Column(_tr("Aanwezigheid"), "presence", Kind.CHOICE, Presence),
                Column(_tr("Opmerking"), "note"),
            ],
            parent,
            movable=True,
        )

    def cycle_presence(self, row: int) -> Presence:
        """Present → afgemeld → afwezig → present: one key per change during the meeting."""
        record: AttendeeRecord = self.record(row)
        order = self.PRESENCE_ORDER
        new_presence = order[(order.index(record.presence) + 1) % len(order)]
        self.setData(self.index(row, self.column_of("presence")), new_presence.value)
        return new_presence


def _with_manual_number(record: AgendaItemRecord, value: str) -> AgendaItemRecord:
    return dataclasses.replace(record, manual_number=value, number=value or record.number)


class AgendaModel(RecordTableModel):
    target = Target.AGENDA_ITEM

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    _tr("Nr."),
                    "manual_number",
                    read=lambda record: record.number,
                    write=_with_manual_number,
                ),
                Column(_tr("Titel"), "title", required=True),
                Column(_tr("Doel"), "purpose", Kind.CHOICE, Purpose),
                Column(_tr("Inbreng"), "presenter"),
                Column(_tr("Minuten"), "planned_minutes", Kind.MINUTES),
                Column(_tr("Vertrouwelijk"), "confidential", Kind.BOOL),
                Column(_tr("Vast punt"), "standing", Kind.BOOL),
                Column(
                    _tr("Agendapunt"),
                    "heading",
                    editable=False,
                    read=lambda record: f"{record.number}. {record.title}",
                ),
            ],
            parent,
            movable=True,
        )

    @property
    def heading_column(self) -> int:
        return self.column_of("heading")


class ActionsModel(RecordTableModel):
    """``meeting_day()`` is what a due date typed as "vrijdag" counts from."""

    target = Target.ACTION

    def __init__(
        self,
        meeting_day: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        self.meeting_day = meeting_day
        super().__init__(
            [
                Column(_tr("Nr."), "number", editable=False),
                Column(_tr("Omschrijving"), "description", required=True),
                Column(_tr("Wie"), "owner"),
                Column(_tr("Wanneer"), "due", Kind.DATE),
                Column(_tr("Status"), "status", Kind.CHOICE, ActionStatus),
            ],
            parent,
        )
