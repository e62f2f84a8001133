"""Autosave: every edit lives in memory until one background writer has put it in the store.

The UI thread only ever calls ``AutosaveWriter.queue(edit)``, which is a dictionary write:
typing never waits for the disk. A single worker thread writes the pending edits at most
``pause_ms`` after typing pauses and at least every ``max_delay_ms`` while typing goes on.
An edit leaves memory only once the store has it (or the domain refused it for good, for
example because its agenda point was deleted). A failed write (disk full, read-only file,
database locked) keeps every edit pending, reports the failure once per episode and retries
every ``retry_ms`` until it succeeds.

API for code built on top (emergency file, crash tests):
- ``pending_edits()``: a snapshot of what is not in the store yet, oldest first;
- ``queue(edit)`` / ``queue_text(...)``: what the UI calls while the secretary types;
- ``flush_now()``: write soon on the worker (Ctrl+S);
- ``flush_blocking()``: write everything now in the calling thread (closing the window, or
  before an operation that must see the latest text); returns whether nothing is pending;
- signals ``saved``, ``failed``, ``recovered``, ``rejected``, ``meeting_written``.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from sqlalchemy.exc import DBAPIError

from taskforce_desktop.core import services
from taskforce_desktop.core.edits import Edit, Target
from taskforce_desktop.core.services import DomainError
from taskforce_desktop.core.store import Store, StoreError

log = logging.getLogger(__name__)

# Crash durability (issue 6): at most 1 s of typing may be lost to a kill, so a write
# starts within half a second even while typing goes on (measured by scripts/soak.py).
PAUSE_MS = 300
MAX_DELAY_MS = 500
RETRY_MS = 3000
BLOCKING_TIMEOUT_S = 10.0


# Looked up at call time (not bound at import) so tests can make a service fail.
_UPDATERS: dict[Target, Callable[[Store, int, dict[str, Any]], None]] = {
    Target.MEETING: lambda store, oid, changes: services.update_meeting(store, oid, **changes),
    Target.ATTENDEE: lambda store, oid, changes: services.update_attendee(store, oid, **changes),
    Target.AGENDA_ITEM: lambda store, oid, changes: services.update_agenda_item(
        store, oid, **changes
    ),
    Target.DECISION: lambda store, oid, changes: services.update_decision(
        store, oid, changes["text"]
    ),
    Target.ACTION: lambda store, oid, changes: services.update_action(store, oid, **changes),
}


@dataclass
class BatchResult:
    batch_id: int
    written: list[Edit] = field(default_factory=list)
    rejected: list[tuple[Edit, str]] = field(default_factory=list)
    failure: str | None = None


def describe_failure(exc: BaseException) -> str:
    """A Dutch sentence for a write that failed for a reason outside the secretary's text."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    detail = str(original).lower()
    if isinstance(original, StoreError):
        return str(original)
    if "locked" in detail or "busy" in detail:
        reason = _tr("de database is in gebruik door een ander programma")
    elif "full" in detail or getattr(original, "errno", None) == 28:
        reason = _tr("de schijf is vol")
    elif "readonly" in detail or "read-only" in detail or "permission" in detail:
        reason = _tr("het bestand is alleen-lezen of de map is niet beschrijfbaar")
    elif isinstance(original, (sqlite3.Error, OSError)):
        reason = _tr("de database kan niet worden geschreven ({0})").format(original)
    else:
        reason = str(original) or type(original).__name__
    return _tr(
        "Opslaan mislukt: {0}. De wijzigingen blijven bewaard en worden opnieuw geprobeerd."
    ).format(reason)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


def write_edits(store: Store, edits: Sequence[Edit], batch_id: int = 0) -> BatchResult:
    """Write edits, one transaction per object; stops at the first failure of the store."""
    result = BatchResult(batch_id)
    groups: dict[tuple[Target, int], list[Edit]] = {}
    for edit in edits:
        groups.setdefault((edit.target, edit.object_id), []).append(edit)
    for (target, object_id), group in groups.items():
        try:
            _write_group(store, target, object_id, group, result)
        except Exception as exc:
            log.warning("autosave write failed", exc_info=True)
            result.failure = describe_failure(exc)
            break
    return result


def _write_group(
    store: Store, target: Target, object_id: int, group: list[Edit], result: BatchResult
) -> None:
    update = _UPDATERS[target]
    if len(group) > 1:
        try:
            update(store, object_id, {edit.field: edit.value for edit in group})
        except DomainError:
            pass  # one field was refused: write them one by one so only that one is dropped
        else:
            result.written.extend(group)
            return
    for edit in group:
        try:
            update(store, object_id, {edit.field: edit.value})
        except DomainError as exc:
            result.rejected.append((edit, str(exc)))
        else:
            result.written.append(edit)


class _Worker(QObject):
    finished = Signal(object)

    def __init__(
        self, store: Store, lock: threading.Lock, superseded: Callable[[int], bool]
    ) -> None:
        super().__init__()
        self._store = store
        self._lock = lock
        self._superseded = superseded

    @Slot(int, object)
    def write(self, batch_id: int, edits: list[Edit]) -> None:
        with self._lock:
            # A blocking flush may have written newer values of these edits while this
            # batch waited for the thread; writing it now would put older text back.
            if self._superseded(batch_id):
                result = BatchResult(batch_id)
            else:
                result = write_edits(self._store, edits, batch_id)
        self.finished.emit(result)


# Qt aborts the interpreter when a QThread object is destroyed while running; a writer whose
# window was never closed (a crash path, a test) must not turn exit into that abort.
_started_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


@atexit.register
def _stop_writer_threads() -> None:
    for thread in list(_started_threads):
        try:
            thread.quit()
            thread.wait(2000)
        except RuntimeError:
            pass  # its window deleted it already, after stopping it


class AutosaveWriter(QObject):
    saved = Signal(object)  # datetime.datetime of the write, local time
    failed = Signal(str, bool)  # message, first failure of this episode
    recovered = Signal()
    rejected = Signal(object, str)  # Edit, the domain's Dutch message
    meeting_written = Signal(int)
    written = Signal(object)  # the list of edits that reached the store
    # Every edit as it becomes pending, on the UI thread: the open meeting's state takes it.
    queued = Signal(object)  # Edit, from queue()
    texts_read = Signal(object)  # list of Edit, rich texts read by read_texts()
    _submit = Signal(int, object)

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        pause_ms: int = PAUSE_MS,
        max_delay_ms: int = MAX_DELAY_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._pending: dict[tuple[Target, int, str], tuple[int, Edit]] = {}
        # Rich texts are converted to their stored form only when written (see queue_text).
        self._unread: dict[tuple[Target, int, str], tuple[int, int, Callable[[], Any]]] = {}
        self._sequence = 0
        self._batch_counter = 0
        self._newest_settled_batch = 0
        self._in_flight: dict[tuple[Target, int, str], int] | None = None
        self._flush_when_done = False
        self.failure: str | None = None
        self._write_lock = threading.Lock()

        self._pause_timer = self._timer(pause_ms)
        self._max_delay_timer = self._timer(max_delay_ms)
        self._retry_timer = self._timer(retry_ms)

        self._thread = QThread(self)
        self._thread.setObjectName("autosave-writer")
        # Batches up to this id were overtaken by a blocking flush (read under _write_lock).
        self._superseded_up_to = 0
        self._worker = _Worker(
            store, self._write_lock, lambda batch_id: batch_id <= self._superseded_up_to
        )
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.write)
        self._worker.finished.connect(self._on_finished)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        _started_threads.add(self._thread)

    def _timer(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self._flush)
        return timer

    # --- what the UI calls ----------------------------------------------------------

    def queue(self, edit: Edit) -> None:
        self._sequence += 1
        self._unread.pop(edit.key, None)
        self._pending[edit.key] = (self._sequence, edit)
        self._start_timers()
        self.queued.emit(edit)

    def queue_text(
        self,
        meeting_id: int,
        target: Target,
        object_id: int,
        field_name: str,
        read: Callable[[], Any],
    ) -> None:
        """An edit whose value ``read()`` gives later, on this thread, when it is written.

        Converting a long rich-text document costs tens of milliseconds, too much for every
        keystroke. Call ``read_texts()`` before the source of ``read`` shows something else.
        """
        self._sequence += 1
        self._unread[(target, object_id, field_name)] = (self._sequence, meeting_id, read)
        self._start_timers()

    def read_texts(self) -> None:
        """Turn the edits queued with ``queue_text`` into plain edits, reading them now."""
        unread, self._unread = self._unread, {}
        edits = []
        for (target, object_id, field_name), (sequence, meeting_id, read) in unread.items():
            edit = Edit(meeting_id, target, object_id, field_name, read())
            self._pending[edit.key] = (sequence, edit)
            edits.append(edit)
        if edits:
            self.texts_read.emit(edits)

    def _start_timers(self) -> None:
        if self.failure is None:
            self._pause_timer.start()
            if not self._max_delay_timer.isActive():
                self._max_delay_timer.start()

    def set_intervals(self, *, pause_ms: int, max_delay_ms: int, retry_ms: int) -> None:
        self._pause_timer.setInterval(pause_ms)
        self._max_delay_timer.setInterval(max_delay_ms)
        self._retry_timer.setInterval(retry_ms)

    def has_pending(self) -> bool:
        return bool(self._pending or self._unread)

    def pending_edits(self) -> list[Edit]:
        self.read_texts()
        return [edit for _, edit in sorted(self._pending.values(), key=lambda pair: pair[0])]

    def flush_now(self) -> None:
        self._flush()

    def flush_blocking(self, timeout_s: float = BLOCKING_TIMEOUT_S) -> bool:
        """Write all pending edits in this thread; True when the store has everything."""
        self._stop_timers()
        self.read_texts()
        if not self._pending:
            return True
        if not self._write_lock.acquire(timeout=timeout_s):
            return False
        try:
            self._batch_counter += 1
            self._superseded_up_to = self._batch_counter
            result = write_edits(self._store, self.pending_edits(), self._batch_counter)
        finally:
            self._write_lock.release()
        snapshot = {edit.key: sequence for sequence, edit in self._pending.values()}
        self._settle(result, snapshot)
        return not self.has_pending()

    def shutdown(self) -> None:
        self._stop_timers()
        self._thread.quit()
        self._thread.wait()

    # --- internals ------------------------------------------------------------------

    def _stop_timers(self) -> None:
        for timer in (self._pause_timer, self._max_delay_timer, self._retry_timer):
            timer.stop()

    @Slot()
    def _flush(self) -> None:
        self._stop_timers()
        self.read_texts()
        if not self._pending:
            return
        if self._in_flight is not None:
            self._flush_when_done = True
            return
        self._batch_counter += 1
        self._in_flight = {edit.key: sequence for sequence, edit in self._pending.values()}
        self._submit.emit(self._batch_counter, self.pending_edits())

    @Slot(object)
    def _on_finished(self, result: BatchResult) -> None:
        snapshot = self._in_flight or {}
        self._in_flight = None
        self._settle(result, snapshot)
        if self._flush_when_done and self.failure is None:
            self._flush_when_done = False
            self._flush()

    def _settle(self, result: BatchResult, snapshot: dict) -> None:
        for edit in result.written:
            self._forget_if_unchanged(edit, snapshot)
        for edit, message in result.rejected:
            self._forget_if_unchanged(edit, snapshot)
            self.rejected.emit(edit, message)
        if result.batch_id < self._newest_settled_batch:
            return  # a blocking flush already reported a newer state of the store
        self._newest_settled_batch = result.batch_id
        if result.failure is not None:
            first_of_episode = self.failure is None
            self.failure = result.failure
            self.failed.emit(result.failure, first_of_episode)
            self._retry_timer.start()
            return
        if self.failure is not None:
            self.failure = None
            self.recovered.emit()
        if result.written or result.rejected:
            self.saved.emit(dt.datetime.now())
        if result.written:
            self.written.emit(list(result.written))
        for meeting_id in sorted({edit.meeting_id for edit in result.written}):
            self.meeting_written.emit(meeting_id)
        if self.has_pending() and not self._pause_timer.isActive():
            self._pause_timer.start()

    def _forget_if_unchanged(self, edit: Edit, snapshot: dict) -> None:
        pending = self._pending.get(edit.key)
        if pending and pending[0] == snapshot.get(edit.key):
            del self._pending[edit.key]
