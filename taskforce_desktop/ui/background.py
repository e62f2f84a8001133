"""One way to run slow work off the UI thread, in the habit of Anki's CollectionOp/QueryOp.

``window.background.run(work, on_success, on_failure, label=...)`` first flushes the
autosave (so the work reads everything she typed), then runs ``work`` in the thread pool;
afterwards exactly one of the callbacks runs on the UI thread, with the result or the
exception. While any operation runs, the status bar shows a busy bar and the label; nothing
is modal, so typing goes on. An operation that replaces what the window shows can name the
widgets that must not be edited meanwhile (``locks``): they are disabled until the work is done,
so no keystroke goes to a row that the work is about to delete.

Work she need not wait for, which reads only what is already stored (the preview, the
periodic backup), goes through ``run_quietly``: no flush, no busy bar, no locks, in the
habit of Anki's QueryOp. A quit waits for quiet work too, so the store is never closed
under it, and takes no new work after that: a timer that fires while the window goes away
(the preview's, the periodic backup's) would otherwise start work on a closed store.

``work`` must not touch widgets; it talks to the store, which every thread may use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar, QWidget

log = logging.getLogger(__name__)

Result = TypeVar("Result")
# An import or restore takes seconds; a quit waits for it rather than cut it off halfway.
SHUTDOWN_WAIT_S = 60.0


class _Outcome(QObject):
    # Emitted from the worker thread; received by a QObject of the UI thread, so queued.
    finished = Signal(object, object)  # the result, or None; the exception, or None


class _Job(QRunnable, Generic[Result]):
    def __init__(
        self, work: Callable[[], Result], outcome: _Outcome, done: threading.Event
    ) -> None:
        super().__init__()
        self.work = work
        self.done = done
        # Held here as well as by the operation: without a Qt parent it lives as long as
        # either does, so the worker never emits on an outcome the window took down with it.
        self.outcome = outcome

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to on_failure on the UI thread
            self.outcome.finished.emit(None, error)
        else:
            self.outcome.finished.emit(result, None)
        finally:
            self.done.set()


class _Operation(QObject, Generic[Result]):
    """One run: its callbacks and the widgets it keeps from being edited."""

    def __init__(
        self,
        owner: BackgroundOperations,
        on_success: Callable[[Result], None],
        on_failure: Callable[[Exception], None],
        locks: Sequence[QWidget],
        label: str | None,
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.on_success = on_success
        self.on_failure = on_failure
        self.locks = tuple(locks)
        self.label = label  # None: quiet work, without the busy bar
        self.work_done = threading.Event()
        self.outcome = _Outcome()
        self.outcome.finished.connect(self.finish)

    def finish(self, result: Result, error: Exception | None) -> None:
        self.owner._forget(self)
        if error is None:
            self.on_success(result)
        else:
            self.on_failure(error)


class BackgroundOperations(QObject):
    """The window's runner of slow work, with its busy bar in the status bar."""

    def __init__(
        self,
        status_bar: QStatusBar,
        flush: Callable[[], object],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.flush = flush
        self.pool = pool or QThreadPool.globalInstance()
        self._running: list[_Operation[Any]] = []
        self._closed = False
        self.busy = QProgressBar(status_bar)
        self.busy.setRange(0, 0)  # indeterminate: an import or restore has no steps to count
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        status_bar.addPermanentWidget(self.busy)

    def run(
        self,
        work: Callable[[], Result],
        on_success: Callable[[Result], None],
        on_failure: Callable[[Exception], None],
        *,
        label: str,
        locks: Sequence[QWidget] = (),
    ) -> None:
        if self._after_quit():
            return
        self.flush()
        for widget in locks:
            widget.setEnabled(False)
        self.busy.setAccessibleName(label)
        self.busy.show()
        self.status_bar.showMessage(label)
        self._start(work, _Operation(self, on_success, on_failure, locks, label))

    def run_quietly(
        self,
        work: Callable[[], Result],
        on_success: Callable[[Result], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        """Work on what is already stored that she does not wait for: nothing on screen."""
        if self._after_quit():
            return
        self._start(work, _Operation(self, on_success, on_failure, (), None))

    def _after_quit(self) -> bool:
        if self._closed:
            log.info("background work after quit left undone")
        return self._closed

    def _start(self, work: Callable[[], Result], operation: _Operation[Result]) -> None:
        self._running.append(operation)
        self.pool.start(_Job(work, operation.outcome, operation.work_done))

    def is_idle(self) -> bool:
        return not self._running

    def is_busy(self) -> bool:
        """Work she was told about (the busy bar shows) is still running."""
        return any(operation.label is not None for operation in self._running)

    def close(self, timeout_s: float = SHUTDOWN_WAIT_S) -> None:
        """At quit: the store is closed after this, so work still writing to it ends first
        and no new work starts."""
        self._closed = True
        for operation in list(self._running):
            if not operation.work_done.wait(timeout_s):
                log.error("background work still running at quit")

    def _forget(self, operation: _Operation[Any]) -> None:
        self._running.remove(operation)
        operation.deleteLater()
        still_locked = {id(widget) for other in self._running for widget in other.locks}
        for widget in operation.locks:
            if id(widget) not in still_locked:
                widget.setEnabled(True)
        # Quiet work leaves the status bar alone: its message may be one she is reading.
        if operation.label is not None and not self.is_busy():
            self.busy.hide()
            self.status_bar.clearMessage()
