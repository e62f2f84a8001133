"""What every tab shares: the store, the autosave writer, the undo stack and the open meeting.

The open meeting is one state (``meeting``): the record read from the store with every edit
applied the moment it is made. Every view reads it; none keeps a copy of its own. Typing goes
through ``edit()``/``edit_text()``: the state takes the new value at once and the autosave
writer makes it durable later, so a write only confirms what the state already holds. A
rich text enters the state when the writer reads it from its editor (at most half a second
after typing, and before anything else looks at the state). ``state_changed`` tells the
other views; the view an edit came from is named, so it is not written back to while she
types. Operations that change the shape of a meeting (add, delete, move) go through
``run()`` or ``perform()``: they first write pending edits, run one service call and reload
the state from the store with whatever is still pending applied on top.

Undo and redo run in the order she asked for them. A slow step (re-importing a deleted
meeting) runs on the window's background helper with the window locked; an undo or redo asked
for meanwhile waits its turn behind it, because QUndoStack has already moved its index and the
step must see the store the earlier one leaves behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from taskforce_desktop.core import services
from taskforce_desktop.core.edits import Edit, Target, apply_edit
from taskforce_desktop.core.records import AgendaItemRecord, MeetingRecord
from taskforce_desktop.core.services import DomainError
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.autosave import AutosaveWriter, describe_failure
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.models.record_table import RecordTableModel

log = logging.getLogger(__name__)

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingSession", text)


class MeetingSession(QObject):
    meeting_loaded = Signal(object)  # MeetingRecord | None
    meetings_changed = Signal()  # the list of meetings (titles, dates, added, removed)
    agenda_item_selected = Signal(int)  # id of the point the secretary works on, 0 for none
    problem = Signal(str)  # a Dutch message for the user
    structure_changed = Signal(int)  # a meeting's rows were added, removed or moved
    performed = Signal(str)  # the name of an undoable step she just took ("Besluit verwijderen")
    # A field of the open meeting changed: the Edit, and the widget it came from (or None).
    state_changed = Signal(object, object)

    def __init__(self, store: Store, writer: AutosaveWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer = writer
        self.undo_stack = QUndoStack(self)
        # Undo (True) and redo (False) steps asked for and not yet done; the first is running.
        self._steps: list[tuple[StoreCommand, bool]] = []
        self._announced_when_done: StoreCommand | None = None  # a slow step she just took
        self._background: BackgroundOperations | None = None
        self._locked_while_slow: tuple[QWidget, ...] = ()
        self._meeting: MeetingRecord | None = None
        self.current_item_id = 0
        # Undo re-creates deleted rows under new ids; commands find them through this map.
        self._renamed_ids: dict[tuple[str, int], int] = {}
        # The editor each pending rich text is read from, so it is not written back to.
        self._text_sources: dict[tuple[Target, int, str], Any] = {}
        self._queuing_from_view = False
        self._typing_source: Any = None
        self._views_stale = False
        writer.queued.connect(self._on_queued)
        writer.texts_read.connect(self._on_texts_read)
        writer.rejected.connect(lambda _edit, _message: self.reload())

    # --- the open meeting -----------------------------------------------------------

    @property
    def meeting(self) -> MeetingRecord | None:
        """The open meeting as the secretary last left it, typed text included."""
        self.writer.read_texts()  # a text still only in its editor joins the state first
        return self._meeting

    def meeting_day(self) -> dt.date:
        """What a due date counts from: a due date said in a meeting counts from that meeting,
        also when she writes the minutes up later or prepares them before. Read without
        ``meeting``: the date needs no typed text, and a due field asks at every paint."""
        return self._meeting.date if self._meeting else dt.date.today()

    @property
    def meeting_id(self) -> int:
        return self._meeting.id if self._meeting else 0

    def open(self, meeting_id: int) -> bool:
        try:
            record = services.load_meeting(self.store, meeting_id) if meeting_id else None
        except DomainError:
            record = None
        self._show(record)
        return record is not None or not meeting_id

    def reload(self) -> None:
        self.open(self.meeting_id)

    def _show(self, record: MeetingRecord | None) -> None:
        # What the store does not have yet stays in the state: a failed save, a write
        # still on its way, a text recovered from the emergency copy.
        if record is not None:
            for edit in self.writer.pending_edits():
                record = apply_edit(record, edit)
        self._meeting = record
        self.refresh_views()

    def refresh_views(self) -> None:
        """Every view shows the state again (after a change no view made itself)."""
        self._views_stale = False
        record = self.meeting
        ids = [item.id for item in record.agenda] if record else []
        if self.current_item_id not in ids:
            self.current_item_id = ids[0] if ids else 0
        self.meeting_loaded.emit(record)
        self.agenda_item_selected.emit(self.current_item_id)

    def _on_queued(self, edit: Edit) -> None:
        self._take(edit, self._typing_source)
        if not self._queuing_from_view and not self._views_stale:
            # Queued by no view (recovery of unsaved text, a test): show it once all of it
            # is in, rather than once per field.
            self._views_stale = True
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._views_stale:
            self.refresh_views()

    def _on_texts_read(self, edits: list[Edit]) -> None:
        for edit in edits:
            self._take(edit, self._text_sources.pop(edit.key, None))

    def _take(self, edit: Edit, source: Any) -> None:
        if self._meeting is None or edit.meeting_id != self._meeting.id:
            return
        self._meeting = apply_edit(self._meeting, edit)
        self.state_changed.emit(edit, source)

    def agenda_item(self, item_id: int | None = None) -> AgendaItemRecord | None:
        item_id = self.current_item_id if item_id is None else item_id
        if self.meeting is None:
            return None
        return next((item for item in self.meeting.agenda if item.id == item_id), None)

    def select_agenda_item(self, item_id: int) -> None:
        if item_id != self.current_item_id:
            self.writer.read_texts()
            self.current_item_id = item_id
            self.agenda_item_selected.emit(item_id)

    def step_agenda_item(self, step: int) -> None:
        if self.meeting is None or not self.meeting.agenda:
            return
        ids = [item.id for item in self.meeting.agenda]
        current = ids.index(self.current_item_id) if self.current_item_id in ids else 0
        self.select_agenda_item(ids[max(0, min(len(ids) - 1, current + step))])

    # --- typing ---------------------------------------------------------------------

    def edit(
        self, target: Target, object_id: int, field: str, value: Any, source: Any = None
    ) -> None:
        """A field set by a view; ``source``, the widget that shows it, is not updated.

        A table cell's change is one step of Ctrl+Z: a stray click and a word typed over an
        action's text replaced it for good. A text field has its own undo while she types.
        """
        if self._meeting is None:
            return
        edit = Edit(self._meeting.id, target, object_id, field, value)
        if isinstance(source, RecordTableModel):
            header = source.column(source.column_of(field)).header
            old = _value_in(self._meeting, edit)
            # Pushed before it is queued: the state still holds the old value to go back to.
            self.undo_stack.push(EditCell(self, edit, old, _tr("Cel {0} wijzigen").format(header)))
        else:
            self._forget_undone()
        self._queue(edit, source)

    def put_back(self, edit: Edit) -> None:
        """A field set by an undo or redo step: every view shows it, and it is stored at
        once, as every step's change is (the status bar says so)."""
        self._queue(edit, None)
        self.writer.flush_blocking()

    def _queue(self, edit: Edit, source: Any) -> None:
        self._queuing_from_view, self._typing_source = True, source
        try:
            self.writer.queue(edit)
        finally:
            self._queuing_from_view, self._typing_source = False, None

    def edit_text(self, target: Target, object_id: int, field: str, editor: Any) -> None:
        """A rich-text editor changed: its stored form is read when autosave writes it."""
        if self._meeting is None:
            return
        self._forget_undone()
        self._text_sources[(target, object_id, field)] = editor
        self.writer.queue_text(self._meeting.id, target, object_id, field, editor.markdown)

    # --- operations -----------------------------------------------------------------

    def run_slow_steps_on(self, background: BackgroundOperations, locks: Sequence[QWidget]) -> None:
        """Slow undo and redo steps and ``run_slowly`` run on ``background``; ``locks`` are
        disabled during a slow step."""
        self._background = background
        self._locked_while_slow = tuple(locks)

    def _forget_undone(self) -> None:
        """A new change of hers: what she undid before it can no longer be redone, as in Word.

        Every typed field, added row and undoable command passes here (or through a push),
        so Ctrl+Y never brings back a delete from before notes typed since.
        """
        stack = self.undo_stack
        # While a step runs, its command may be in the redo tail: deleting it would pull the
        # step from under the background helper. The window is locked then anyway.
        if self._steps or not stack.canRedo():
            return
        stack.push(_ForgetUndone())
        # A push that ends obsolete sends none of the stack's signals: without these, the
        # Opnieuw action would go on offering the step that is gone.
        stack.setIndex(stack.index())

    def is_stepping(self) -> bool:
        """An undo or redo is still under way (or waiting behind a slow one)."""
        return bool(self._steps)

    def _refused_while_stepping(self) -> bool:
        if self._steps:
            self.problem.emit(
                _tr("Even geduld: het ongedaan maken is nog bezig. Probeer het zo opnieuw.")
            )
        return bool(self._steps)

    def run(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """One store operation that is not undone by Ctrl+Z (adding is undone by deleting)."""
        if self._refused_while_stepping():
            return None
        self._forget_undone()
        self.writer.flush_blocking()
        try:
            result = operation(self.store, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - reported to the user, nothing half-done
            self.report(exc)
            return None
        self._after_run()
        return result

    def run_slowly(
        self,
        operation: Callable[..., T],
        *args: Any,
        label: str,
        then: Callable[[T], None] | None = None,
    ) -> None:
        """``run`` on the background helper, for an operation that takes long (large stukken):
        the views follow and ``then`` gets the result once it is in the store."""
        if self._background is None:
            raise RuntimeError("run_slow_steps_on gives the session its background helper first")
        if self._refused_while_stepping():
            return
        self._forget_undone()

        def done(result: T) -> None:
            self._after_run()
            if then is not None:
                then(result)

        self._background.run(lambda: operation(self.store, *args), done, self.report, label=label)

    def _after_run(self) -> None:
        self.reload()
        self.meetings_changed.emit()
        if self.meeting_id:
            self.structure_changed.emit(self.meeting_id)

    def perform(self, command: StoreCommand) -> bool:
        """Run an undoable command and put it on the undo stack if it succeeded.

        A slow command (one with a background label) goes on the stack at once and runs on
        the background helper, so a Ctrl+Z pressed meanwhile waits behind it as after a redo.
        """
        if self._refused_while_stepping():
            return False
        if self._background is not None and command.background_label(undoing=False):
            command.already_applied = True  # the stack's push must not run it a second time
            self.undo_stack.push(command)
            # Said when it is done: until then the status bar says it is under way.
            self._announced_when_done = command
            self.step(command, undoing=False)
            return True
        self.writer.flush_blocking()
        try:
            command.apply()
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return False
        command.already_applied = True
        self.undo_stack.push(command)
        self.after_command(command)
        self.performed.emit(command.text())
        return True

    def after_command(self, command: StoreCommand) -> None:
        meeting_id = self.resolve("meeting", command.meeting_id)
        if meeting_id != self.meeting_id or command.changes_meeting_list:
            self.meetings_changed.emit()
        if not self.open(meeting_id):  # the command deleted it: the newest comes in front
            newest = services.list_meetings(self.store)
            self.open(newest[0].id if newest else 0)
        self.structure_changed.emit(meeting_id)

    def step(self, command: StoreCommand, *, undoing: bool) -> None:
        """An undo or redo the stack asked for: done now, or after the ones still running."""
        self._steps.append((command, undoing))
        if len(self._steps) == 1:
            self._next_step()

    def _next_step(self) -> None:
        while self._steps:
            command, undoing = self._steps[0]
            step = command.revert if undoing else command.apply
            label = command.background_label(undoing=undoing)
            if label is not None and self._background is not None:
                self._background.run(
                    step,
                    lambda _nothing: self._step_done(None),
                    self._step_done,
                    label=label,
                    locks=self._locked_while_slow,
                )
                return
            self.writer.flush_blocking()
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - reported; the command leaves the stack
                self.report(exc)
                command.setObsolete(True)
            self._steps.pop(0)
            self.after_command(command)

    def _step_done(self, error: Exception | None) -> None:
        command, _undoing = self._steps.pop(0)
        if error is not None:
            self.report(error)
        self.after_command(command)
        if command is self._announced_when_done:
            self._announced_when_done = None
            if error is None:
                self.performed.emit(command.text())
        if error is not None:
            # Too late to take the command off the stack (it has moved on, and steps may be
            # waiting behind it): a history that no longer matches the store goes, as after
            # a restore from a backup.
            self._steps.clear()
            self.undo_stack.clear()
        self._next_step()

    def report(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            message = str(exc)
        else:
            log.warning("operation failed", exc_info=exc)
            message = describe_failure(exc)
        self.problem.emit(message)

    # --- ids of re-created rows -----------------------------------------------------

    def renamed(self, kind: str, old_id: int, new_id: int) -> None:
        self._renamed_ids[(kind, old_id)] = new_id

    def resolve(self, kind: str, object_id: int) -> int:
        seen = set()
        while (kind, object_id) in self._renamed_ids and object_id not in seen:
            seen.add(object_id)
            object_id = self._renamed_ids[(kind, object_id)]
        return object_id


class StoreCommand(QUndoCommand):
    """An undoable operation on the store. ``apply`` does it, ``revert`` takes it back.

    Both may raise; a failing undo or redo is reported and the command leaves the stack
    (Qt deletes a command that marks itself obsolete), so the stack never lies.
    """

    changes_meeting_list = False

    def __init__(self, session: MeetingSession, meeting_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.meeting_id = meeting_id
        self.already_applied = False

    @property
    def store(self) -> Store:
        return self.session.store

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def background_label(self, *, undoing: bool) -> str | None:
        """What the status bar says while a slow step runs off the UI thread; None: a quick
        step, done on the UI thread."""
        return None

    def redo(self) -> None:
        if self.already_applied:
            self.already_applied = False
            return
        self.session.step(self, undoing=False)

    def undo(self) -> None:
        self.session.step(self, undoing=True)


class EditCell(StoreCommand):
    """One table cell changed: undo puts the value it had back, redo the one she gave."""

    def __init__(self, session: MeetingSession, edit: Edit, old: Any, text: str) -> None:
        super().__init__(session, edit.meeting_id, text)
        self.already_applied = True  # she made the change; the stack only takes note of it
        self.edit = edit
        self.old = old

    def _put(self, value: Any) -> None:
        edit = self.edit
        self.session.put_back(
            dataclasses.replace(
                edit,
                meeting_id=self.session.resolve("meeting", edit.meeting_id),
                object_id=self.session.resolve(edit.target.value, edit.object_id),
                value=value,
            )
        )

    def apply(self) -> None:
        self._put(self.edit.value)

    def revert(self) -> None:
        self._put(self.old)


def _value_in(meeting: MeetingRecord, edit: Edit) -> Any:
    """The value the state holds for the field of a table row (attendee, point, action)
    that ``edit`` sets."""
    rows: Sequence[Any]
    if edit.target is Target.ATTENDEE:
        rows = meeting.attendees
    elif edit.target is Target.AGENDA_ITEM:
        rows = meeting.agenda
    else:
        rows = [action for item in meeting.agenda for action in item.actions]
    row: Any = next(row for row in rows if row.id == edit.object_id)
    if edit.target is Target.ATTENDEE and not hasattr(row, edit.field):
        row = row.person  # name, organisation …: the person's, shown on the attendance
    return getattr(row, edit.field)


class _ForgetUndone(QUndoCommand):
    """Drops the undone commands: QUndoStack.push deletes them before it looks at the
    pushed command, and deletes a command that is obsolete after its redo() unadded."""

    def redo(self) -> None:
        self.setObsolete(True)
