"""Deelnemers: who is invited and who is there; presence changes with one key (Spatie)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QMainWindow, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.core.models import Presence
from taskforce_desktop.core.records import AttendeeRecord, MeetingRecord, PersonRecord
from taskforce_desktop.ui.display import label
from taskforce_desktop.ui.models.tables import AttendeesModel
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.undo_commands import RemoveAttendee
from taskforce_desktop.ui.widgets.record_list_page import RecordListPage
from taskforce_desktop.ui.widgets.record_table_view import add_shortcut


def person_choice(person: PersonRecord) -> str:
    """How a known person appears in the completion list: name, then what tells them apart."""
    details = ", ".join(part for part in (person.organisation, person.email) if part)
    return f"{person.name} ({details})" if details else person.name


class AttendeesTab(RecordListPage):
    kind = "attendee"
    model: AttendeesModel

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            AttendeesModel(),
            table_name=self.tr("Deelnemers"),
            add_label=self.tr("&Nieuwe deelnemer:"),
            add_placeholder=self.tr(
                "Naam; kies een bekende persoon uit de lijst of typ een nieuwe"
            ),
            add_button=self.tr("Toevoegen"),
            parent=parent,
        )
        self._people: dict[str, PersonRecord] = {}
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_field.setCompleter(completer)
        for column, width in enumerate((160, 170, 140, 180, 100, 100)):
            self.table.setColumnWidth(column, width)
        self.presence_action = add_shortcut(
            self.table, self.tr("Aanwezigheid wisselen"), "Space", self.cycle_presence
        )

    def records_of(self, meeting: MeetingRecord) -> tuple[AttendeeRecord, ...]:
        return meeting.attendees

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        super().show_meeting(meeting)
        self.refresh_people()

    def refresh_people(self) -> None:
        people = services.list_people(self.session.store)
        self._people = {person_choice(person): person for person in people}
        self._completions.setStringList(list(self._people))

    def add(self, text: str) -> int | None:
        meeting_id = self.session.meeting_id
        known = self._people.get(text) or self._only_person_named(text)
        if known is not None:
            return self.session.run(services.add_known_attendee, meeting_id, known.id)
        return self.session.run(services.add_attendee, meeting_id, text)

    def _only_person_named(self, text: str) -> PersonRecord | None:
        # Typing a known name in full (without picking it from the list) means that person,
        # not a second one with the same name and no organisation or e-mail.
        wanted = text.strip().casefold()
        matches = [person for person in self._people.values() if person.name.casefold() == wanted]
        return matches[0] if len(matches) == 1 else None

    def remove_command(self, record: AttendeeRecord, index: int) -> RemoveAttendee:
        return RemoveAttendee(self.session, record, index)

    def describe(self, records: tuple[AttendeeRecord, ...]) -> str:
        present = sum(1 for record in records if record.presence is Presence.PRESENT)
        attendees = counted(len(records), self.tr("1 deelnemer"), self.tr("{0} deelnemers"))
        return self.tr("{0}, {1} aanwezig").format(attendees, present)

    def cycle_presence(self) -> None:
        row = self.table.current_row()
        if row < 0:
            return
        presence = self.model.cycle_presence(row)
        name = self.model.record(row).person.name
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"{name}: {label(presence).lower()}", 4000)
