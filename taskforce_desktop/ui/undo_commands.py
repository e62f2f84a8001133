"""The window-wide undoable list operations, and the Bewerken → Ongedaan maken actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMenuBar, QTextEdit, QWidget

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


TextField = QLineEdit | QTextEdit


class UndoActions(QObject):
    """Ongedaan maken and Opnieuw of the window, in the Bewerken menu and on the toolbar.

    One Ctrl+Z, as in Word: while the text field she is in has typing to take back, the
    actions (their keys, their click, what they say) take it back there; otherwise they take
    the window's last step (a deleted point, a moved row). Qt's own undo actions only knew
    the window's steps: greyed while she typed, and a click undid a delete instead of her
    typing.
    """

    def __init__(self, window: QWidget, stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        self._field: TextField | None = None
        self.undo = StepAction(window, stack, undo=True)
        self.redo = StepAction(window, stack, undo=False)

    def follow_focus(self, widget: QWidget | None) -> None:
        """The focus went to ``widget``; a menu or dialog opened over the window keeps the
        field she was in, so Bewerken → Ongedaan maken takes back her typing."""
        # The menu bar takes the focus while Alt+E opens Bewerken: the field stays hers.
        if widget is None or widget.window() is not self._window or isinstance(widget, QMenuBar):
            return
        field = widget if isinstance(widget, TextField) and not widget.isReadOnly() else None
        if field is self._field:
            return
        if self._field is not None:
            self._watch(self._field, connect=False)
        if field is not None:
            self._watch(field, connect=True)
        self._follow(field)

    def _watch(self, field: TextField, *, connect: bool) -> None:
        signals = (
            [field.undoAvailable, field.redoAvailable]
            if isinstance(field, QTextEdit)
            else [field.textChanged]
        )
        for signal in signals:
            if connect:
                signal.connect(self._field_changed)
            else:
                signal.disconnect(self._field_changed)
        if connect:
            field.destroyed.connect(self._field_destroyed)
        else:
            field.destroyed.disconnect(self._field_destroyed)

    def _field_changed(self) -> None:
        self._follow(self._field)

    def _field_destroyed(self) -> None:
        self._follow(None)

    def _follow(self, field: TextField | None) -> None:
        self._field = field
        self.undo.follow_field(field)
        self.redo.follow_field(field)


def mid_sentence(step: str) -> str:
    """A step's name starts with a capital ("Agendapunt … verwijderen"); after a colon or in
    a sentence it continues in lower case."""
    return step[:1].lower() + step[1:]


def _text_field_can(field: TextField, *, undo: bool) -> bool:
    if isinstance(field, QTextEdit):
        document = field.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return field.isUndoAvailable() if undo else field.isRedoAvailable()


class StepAction(QAction):
    """One of the two: the menu and the tooltip say what a click takes back ("Ongedaan maken:
    agendapunt Rondvraag verwijderen", "Ongedaan maken: typen"); the toolbar button keeps its
    short name, so a long title does not push the rest of the toolbar aside.

    It keeps what the stack last said rather than asking it: the stack still signals while
    the window takes it down.
    """

    def __init__(self, parent: QObject, stack: QUndoStack, *, undo: bool) -> None:
        if undo:
            name, naming, keys = _tr("Ongedaan maken"), _tr("Ongedaan maken: {0}"), ["Ctrl+Z"]
        else:
            name, naming, keys = _tr("Opnieuw"), _tr("Opnieuw: {0}"), ["Ctrl+Y", "Ctrl+Shift+Z"]
        super().__init__(name, parent)
        self._undo = undo
        self._name = name
        self._naming = naming
        self._stack_step = stack.undo if undo else stack.redo
        self._field: TextField | None = None
        self.setShortcuts([QKeySequence(key) for key in keys])
        self.triggered.connect(self._take_step)
        if undo:
            self._stack_can, self._stack_text = stack.canUndo(), stack.undoText()
            stack.canUndoChanged.connect(self._stack_can_changed)
            stack.undoTextChanged.connect(self._stack_text_changed)
        else:
            self._stack_can, self._stack_text = stack.canRedo(), stack.redoText()
            stack.canRedoChanged.connect(self._stack_can_changed)
            stack.redoTextChanged.connect(self._stack_text_changed)
        self._show()

    def _stack_can_changed(self, can: bool) -> None:
        self._stack_can = can
        self._show()

    def _stack_text_changed(self, text: str) -> None:
        self._stack_text = text
        self._show()

    def follow_field(self, field: TextField | None) -> None:
        self._field = field
        self._show()

    def _typing_field(self) -> TextField | None:
        field = self._field
        return field if field is not None and _text_field_can(field, undo=self._undo) else None

    def _take_step(self) -> None:
        field = self._typing_field()
        if field is None:
            self._stack_step()
        elif self._undo:
            field.undo()
        else:
            field.redo()

    def _show(self) -> None:
        typing = self._typing_field() is not None
        what = _tr("typen") if typing else self._stack_text
        text = self._naming.format(mid_sentence(what)) if what else self._name
        self.setText(text)
        self.setToolTip(text)
        self.setIconText(self._name)
        self.setEnabled(typing or self._stack_can)
