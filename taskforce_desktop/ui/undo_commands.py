"""The window-wide undoable list operations (Bewerken → Ongedaan maken)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from taskforce_desktop.core import meeting_file, services
from taskforce_desktop.core.records import (
    ActionRecord,
    AgendaDocumentRecord,
    AgendaItemRecord,
    AttendeeRecord,
    DecisionRecord,
)
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.session import MeetingSession, StoreCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoCommands", text)


class RemoveAttendee(StoreCommand):
    def __init__(self, session: MeetingSession, record: AttendeeRecord, index: int) -> None:
        super().__init__(
            session, session.meeting_id, _tr("Deelnemer {0} verwijderen").format(record.person.name)
        )
        self.record = record
        self.index = index

    def apply(self) -> None:
        services.remove_attendee(self.store, self.session.resolve("attendee", self.record.id))

    def revert(self) -> None:
        new_id = services.restore_attendee(
            self.store, self.session.resolve("meeting", self.meeting_id), self.record, self.index
        )
        self.session.renamed("attendee", self.session.resolve("attendee", self.record.id), new_id)


class RemoveAgendaItem(StoreCommand):
    def __init__(self, session: MeetingSession, record: AgendaItemRecord, index: int) -> None:
        super().__init__(
            session, session.meeting_id, _tr("Agendapunt {0} verwijderen").format(record.title)
        )
        self.record = record
        self.index = index
        self.documents: list[tuple[AgendaDocumentRecord, bytes]] = []

    def apply(self) -> None:
        item_id = self.session.resolve("agenda_item", self.record.id)
        self.documents = services.documents_of_item(self.store, item_id)  # the record has no bytes
        services.remove_agenda_item(self.store, item_id)

    def revert(self) -> None:
        new_id = services.restore_agenda_item(
            self.store,
            self.session.resolve("meeting", self.meeting_id),
            self.record,
            self.index,
            self.documents,
        )
        self.session.renamed(
            "agenda_item", self.session.resolve("agenda_item", self.record.id), new_id
        )
        self.session.current_item_id = new_id


class MoveRow(StoreCommand):
    """Moves an attendee or an agenda point; numbers follow the new order."""

    MOVERS: dict[str, Callable[[Store, int, int], None]] = {
        "attendee": lambda store, oid, index: services.move_attendee(store, oid, index),
        "agenda_item": lambda store, oid, index: services.move_agenda_item(store, oid, index),
    }

    def __init__(
        self, session: MeetingSession, kind: str, object_id: int, old_index: int, new_index: int
    ) -> None:
        text = (
            _tr("Agendapunt verplaatsen") if kind == "agenda_item" else _tr("Deelnemer verplaatsen")
        )
        super().__init__(session, session.meeting_id, text)
        self.kind = kind
        self.object_id = object_id
        self.old_index = old_index
        self.new_index = new_index

    def _move_to(self, index: int) -> None:
        self.MOVERS[self.kind](self.store, self.session.resolve(self.kind, self.object_id), index)

    def apply(self) -> None:
        self._move_to(self.new_index)

    def revert(self) -> None:
        self._move_to(self.old_index)


class RemoveDecision(StoreCommand):
    def __init__(
        self,
        session: MeetingSession,
        item_id: int,
        decision: DecisionRecord,
        text: str,
        index: int,
    ) -> None:
        super().__init__(session, session.meeting_id, _tr("Besluit verwijderen"))
        self.item_id = item_id
        self.decision_id = decision.id
        self.number = decision.number
        # Not "text": that would hide QUndoCommand.text(), the entry's name in the menu.
        self.decision_text = text
        self.index = index

    def apply(self) -> None:
        services.remove_decision(self.store, self.session.resolve("decision", self.decision_id))

    def revert(self) -> None:
        new_id = services.add_decision(
            self.store,
            self.session.resolve("agenda_item", self.item_id),
            self.decision_text,
            self.index,
            self.number,
        )
        self.session.renamed("decision", self.session.resolve("decision", self.decision_id), new_id)


class RemoveAction(StoreCommand):
    def __init__(
        self, session: MeetingSession, item_id: int, record: ActionRecord, index: int
    ) -> None:
        super().__init__(
            session, session.meeting_id, _tr("Actiepunt {0} verwijderen").format(record.number)
        )
        self.item_id = item_id
        self.record = record
        self.index = index

    def apply(self) -> None:
        services.remove_action(self.store, self.session.resolve("action", self.record.id))

    def revert(self) -> None:
        new_id = services.restore_action(
            self.store, self.session.resolve("agenda_item", self.item_id), self.record, self.index
        )
        self.session.renamed("action", self.session.resolve("action", self.record.id), new_id)


class DeleteMeeting(StoreCommand):
    """Undo re-imports the meeting file written just before the delete: the whole meeting.

    A 100-point meeting takes a second or more to import, so its undo and redo run on the
    background helper.
    """

    changes_meeting_list = True

    def __init__(self, session: MeetingSession, meeting_id: int, title: str) -> None:
        super().__init__(session, meeting_id, _tr("Vergadering {0} verwijderen").format(title))
        self.title = title
        self.snapshot = ""

    def background_label(self, *, undoing: bool) -> str | None:
        text = (
            _tr("Vergadering {0} wordt teruggezet…")
            if undoing
            else _tr("Vergadering {0} wordt verwijderd…")
        )
        return text.format(self.title)

    def apply(self) -> None:
        meeting_id = self.session.resolve("meeting", self.meeting_id)
        self.snapshot = meeting_file.export_meeting_file(self.store, meeting_id)
        services.delete_meeting(self.store, meeting_id)

    def revert(self) -> None:
        result = meeting_file.import_meeting_file(self.store, self.snapshot)
        self.session.renamed(
            "meeting", self.session.resolve("meeting", self.meeting_id), result.meeting_id
        )
