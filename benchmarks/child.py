"""The timed processes of the benchmark; each prints one result line and exits.

``python -m benchmarks.child SCENARIO JSON-ARGS``, started by the benchmark:

- ``floor``, ``app``: start to a shown, exposed and idle window, then peak memory. The
  floor is a bare PySide6 window with four tabs; ``app`` is the real command line entry
  (``taskforce_desktop.cli.main``) on a data dir.
- ``floor-key``, ``app-key``: start until a key sent to the window's focus, the Impressie
  editor, is seen in its document: at the first turn of the event loop that finds the
  window exposed, before the work the app leaves for later.
- ``floor-session``, ``app-session``: the same starts, then switching (tabs in the floor,
  meetings in the app) and typing through the UI while a 5 ms timer measures its own
  lateness; in the app the autosave writer's store calls are timed.
- ``core``: search, export and import, without a window.

The start time is measured by the parent from before it spawned the process to the
``time.monotonic()`` printed here (a system-wide clock on Linux, Windows and macOS).
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from benchmarks import launch

RESULT_PREFIX = "BENCH-RESULT "
TICK_MS = 5
STALL_OF_NOTE_MS = 20
TYPING_CHUNK = 2  # characters sent per typing tick
TYPING_TICK_MS = 10
OPEN_REPEATS = 6
STORE_WRITES = 20


def peak_rss_mb() -> float | None:
    """This process's peak resident memory (VmHWM on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        return _windows_peak_working_set_mb()
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _windows_peak_working_set_mb() -> float | None:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        return None
    return counters.PeakWorkingSetSize / (1024 * 1024)


def emit(result: dict) -> None:
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def typing_text(length: int) -> str:
    """Sentences of the archive's kind, in plain ASCII so every character is one key."""
    import random

    from benchmarks import dutch_text

    rng = random.Random(length)
    text = ""
    while len(text) < length:
        sentence = unicodedata.normalize("NFKD", dutch_text.sentence(rng))
        text += sentence.encode("ascii", "ignore").decode() + " "
    return text[:length]


# --- the Qt side ------------------------------------------------------------------------


class LatenessProbe:
    """A 5 ms timer that records how late each of its ticks comes: the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.worst_ms = 0.0
        self.stalls_over_50ms = 0
        self.stalls: list[tuple[float, float]] = []  # (start, end) of ticks over 20 ms late
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        lateness = (now - self._last) * 1000 - TICK_MS
        self._last = now
        self.worst_ms = max(self.worst_ms, lateness)
        if lateness > STALL_OF_NOTE_MS:
            self.stalls.append((now - lateness / 1000, now))
        if lateness > 50:
            self.stalls_over_50ms += 1


def type_into(editor, text: str, then) -> None:
    """Send ``text`` as key presses in small chunks on a timer, so the event loop runs."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    probe = LatenessProbe()
    timer = QTimer()
    timer.setInterval(TYPING_TICK_MS)
    position = [0]

    def tick() -> None:
        if position[0] >= len(text):
            timer.stop()
            probe.stop()
            then(probe)
            return
        QTest.keyClicks(editor, text[position[0] : position[0] + TYPING_CHUNK])
        position[0] += TYPING_CHUNK

    timer.timeout.connect(tick)
    type_into.keep = (timer, probe)  # alive until the callback ran
    probe.start()
    timer.start()


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    launch.settle()
    return (time.perf_counter() - started) * 1000


def _place_cursor_at_end(editor) -> None:
    from PySide6.QtGui import QTextCursor

    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)


def _build_floor_window():
    from PySide6.QtWidgets import QMainWindow, QTabWidget, QTextEdit, QWidget

    window = QMainWindow()
    window.setWindowTitle("Floor")
    tabs = QTabWidget(window)
    for title in ("Vergadering", "Deelnemers", "Agenda"):
        tabs.addTab(QWidget(), title)
    editor = QTextEdit()
    tabs.addTab(editor, "Impressies")
    window.setCentralWidget(tabs)
    window.resize(1280, 820)
    window.editor = editor
    window.tab_widget = tabs
    return window


class KeyNotAccepted(RuntimeError):
    """The window's focus was not the Impressie, or the key did not reach its document."""


def send_first_key(window, editor, result: dict) -> None:
    """One key to where the secretary's key would go; ``key_seen_at`` once the editor has it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if window.focusWidget() is not editor or not editor.isVisible():
        raise KeyNotAccepted(f"the focus is on {window.focusWidget()!r}, not the Impressie")
    before = editor.document().characterCount()
    QTest.keyClick(editor, Qt.Key.Key_X)
    if editor.document().characterCount() != before + 1:
        raise KeyNotAccepted("the key did not reach the Impressie's document")
    result["key_seen_at"] = time.monotonic()
    # What the start cost the processor, apart from waiting for it on a busy machine.
    result["cpu_s"] = time.process_time()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)  # the scratch archive keeps its notes


def is_floor_window(widget) -> bool:
    from PySide6.QtWidgets import QMainWindow

    return isinstance(widget, QMainWindow)


def run_floor(args: dict) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    window = _build_floor_window()
    if args.get("key"):
        window.tab_widget.setCurrentWidget(window.editor)
        window.editor.setFocus()
    window.show()
    result: dict = {}

    def idle(shown) -> None:
        result["idle_at"] = time.monotonic()
        if args.get("session"):
            _floor_session(shown, args, result, app.quit)
        elif not args.get("stay"):  # staying, it is watched from outside (x_window)
            app.quit()

    def shown(window) -> None:
        send_first_key(window, window.editor, result)
        app.quit()

    if args.get("key"):
        launch.when_shown(is_floor_window, shown)
    else:
        launch.when_idle(is_floor_window, idle)
    app.exec()
    result["peak_rss_mb"] = peak_rss_mb()
    emit(result)
    return 0


def _floor_session(window, args: dict, result: dict, done) -> None:
    tabs = window.tab_widget
    result["open_ms"] = [
        _timed(lambda i=i: tabs.setCurrentIndex(3 - i % 2)) for i in range(OPEN_REPEATS)
    ]
    tabs.setCurrentIndex(3)
    _place_cursor_at_end(window.editor)

    def typed(probe) -> None:
        result["stall_ms"] = probe.worst_ms
        result["stalls_over_50ms"] = probe.stalls_over_50ms
        result["stalls_over_20ms"] = len(probe.stalls)
        result["typed_characters"] = len(window.editor.toPlainText())
        done()

    type_into(window.editor, typing_text(args["characters"]), typed)


def _start_app(args: dict, then, wait=launch.when_idle) -> int:
    """The real entry point on ``args['data_dir']``, with ``then(window)`` once it is idle
    (or as ``wait`` says)."""
    from PySide6.QtCore import QSettings

    # The window's settings go to a scratch dir, never the user's own.
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, args["settings_dir"])
    return launch.run_app(["--data-dir", args["data_dir"]], then, wait=wait)


def run_app(args: dict) -> int:
    result: dict = {}

    def idle(window) -> None:
        result["idle_at"] = time.monotonic()
        result["meeting_shown"] = window.session.meeting_id
        result["peak_rss_mb"] = peak_rss_mb()
        window.close()

    status = _start_app(args, idle)
    emit(result)
    return status


def run_app_first_key(args: dict) -> int:
    result: dict = {}

    def shown(window) -> None:
        send_first_key(window, window.notes_tab.notes, result)
        result["meeting_shown"] = window.session.meeting_id
        window.close()

    status = _start_app(args, shown, wait=launch.when_shown)
    emit(result)
    return status


class CommitTimer:
    """Times the autosave writer's store calls without changing what they do."""

    def __init__(self) -> None:
        from taskforce_desktop.ui import autosave

        self.durations_ms: list[float] = []
        self.spans: list[tuple[float, float]] = []
        self.threads: set[str] = set()
        original = autosave.write_edits

        def timed_write_edits(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                ended = time.perf_counter()
                self.durations_ms.append((ended - started) * 1000)
                self.spans.append((started, ended))
                self.threads.add(threading.current_thread().name)

        # The worker looks the function up in its module at every write.
        autosave.write_edits = timed_write_edits


def run_app_session(args: dict) -> int:
    commits = CommitTimer()
    result: dict = {}

    def idle(window) -> None:
        result["idle_at"] = time.monotonic()
        _switch_meetings(window, args, result)
        _type_notes(window, args, result, commits)

    status = _start_app(args, idle)
    emit(result)
    return status


def _select_meeting(window, meeting_id: int) -> None:
    source = window.meeting_list_model.index_of_meeting(meeting_id)
    window.meeting_tree.setCurrentIndex(window.meeting_filter.mapFromSource(source))


def _switch_meetings(window, args: dict, result: dict) -> None:
    window.tabs.setCurrentWidget(window.notes_tab)
    targets = [args["regular_meeting_id"], args["other_regular_meeting_id"]]
    samples = []
    for repeat in range(OPEN_REPEATS):
        target = targets[repeat % 2]
        samples.append(_timed(lambda t=target: _select_meeting(window, t)))
        if window.session.meeting_id != target:
            raise RuntimeError(f"meeting {target} was not opened")
    result["open_ms"] = samples


def _type_notes(window, args: dict, result: dict, commits: CommitTimer) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from taskforce_desktop.core import services

    _select_meeting(window, args["draft_meeting_id"])
    launch.settle()
    editor = window.notes_tab.notes
    item_id = window.notes_tab.item_id
    _place_cursor_at_end(editor)
    _load_spelling(window)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    marker = f"bench{os.getpid()}end"
    text = typing_text(args["characters"] - len(marker) - 1) + " " + marker
    commits.durations_ms.clear()
    commits.spans.clear()
    writer = window.writer

    def wait_for_writer() -> None:
        if writer.has_pending():
            writer.flush_now()
            QTimer.singleShot(20, wait_for_writer)
            return
        stored = services.load_meeting(window.store, args["draft_meeting_id"])
        notes = next(item.notes for item in stored.agenda if item.id == item_id)
        result["typed_text_stored"] = notes.rstrip().endswith(marker)
        result["commit_ms"] = list(commits.durations_ms)
        result["commit_threads"] = sorted(commits.threads)
        result["spelling_marks"] = _spelling_marks(editor)
        result["peak_rss_mb"] = peak_rss_mb()
        window.close()

    def typed(probe) -> None:
        result["stall_ms"] = probe.worst_ms
        result["stalls_over_50ms"] = probe.stalls_over_50ms
        result["commits_while_typing"] = len(commits.durations_ms)
        result["stalls_over_20ms"] = len(probe.stalls)
        # A stall that overlaps a commit points at the writer thread holding the GIL.
        result["stalls_over_20ms_during_commit"] = sum(
            any(
                start < commit_end and commit_start < end
                for commit_start, commit_end in commits.spans
            )
            for start, end in probe.stalls
        )
        wait_for_writer()

    type_into(editor, text, typed)


def _load_spelling(window) -> None:
    """She types with the spell check judging every word (issue 17), not before it loaded."""
    spelling = window.writing_help.spelling
    spelling.start()
    deadline = time.monotonic() + 60
    while spelling.checker is None:
        if time.monotonic() > deadline:
            raise RuntimeError("the spell check's dictionary did not load")
        launch.settle()
        time.sleep(0.05)


def _spelling_marks(editor) -> int:
    """How many words of the notes carry the red line: proof that the check ran."""
    from PySide6.QtGui import QTextCharFormat

    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    block = editor.document().firstBlock()
    marks = 0
    while block.isValid():
        ranges = block.layout().formats()
        marks += sum(1 for r in ranges if r.format.underlineStyle() == wavy)
        block = block.next()
    return marks


# --- without a window ---------------------------------------------------------------------


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def run_core(args: dict) -> int:
    from taskforce_desktop.core import search
    from taskforce_desktop.core.store import Store

    result: dict = {}
    store = Store(Path(args["data_dir"]))
    try:
        for name in ("common_word", "rare_word"):
            started = time.perf_counter()
            hits = search.search(store, args[name])
            result[f"search_{name}_ms"] = _ms_since(started)
            result[f"search_{name}_hits"] = len(hits)
        _store_writes(store, args, result)
        _exports(store, args, result)
        _import(store, args, result)
    finally:
        store.close()
    result["peak_rss_mb"] = peak_rss_mb()
    emit(result)
    return 0


def _store_writes(store, args: dict, result: dict) -> None:
    """The autosave writer's store call for a note, with nothing else running."""
    from taskforce_desktop.core import services

    item = services.load_meeting(store, args["draft_meeting_id"]).agenda[0]
    samples = []
    for number in range(STORE_WRITES):
        started = time.perf_counter()
        services.update_agenda_item(store, item.id, notes=f"{item.notes}\n\nAanvulling {number}")
        samples.append(_ms_since(started))
    services.update_agenda_item(store, item.id, notes=item.notes)
    result["store_write_ms"] = samples


def _exports(store, args: dict, result: dict) -> None:
    from taskforce_desktop.core.export import write_export
    from taskforce_desktop.ui import pdf_writer  # noqa: F401 - registers "pdf", as the CLI does

    with tempfile.TemporaryDirectory(prefix="taskforce-bench-export-") as folder:

        def export(meeting_id: int, fmt: str) -> float:
            started = time.perf_counter()
            write_export(store, meeting_id, fmt, Path(folder) / f"{meeting_id}.{fmt}")
            return _ms_since(started)

        # The first export of a session also loads python-docx: measured on its own.
        result["export_first_docx_ms"] = export(args["regular_meeting_id"], "docx")
        for size, meeting_id in (
            ("regular", args["regular_meeting_id"]),
            ("large", args["large_meeting_id"]),
        ):
            for fmt in ("docx", "pdf", "html"):
                result[f"export_{size}_{fmt}_ms"] = export(meeting_id, fmt)


def _import(store, args: dict, result: dict) -> None:
    from taskforce_desktop.core import meeting_file
    from taskforce_desktop.core.store import Store

    content = json.loads(meeting_file.export_meeting_file(store, args["large_meeting_id"]))
    # A new title per run, so each run imports a new meeting into the same scratch copy.
    content["meeting"]["title"] += f" (bench {os.getpid()})"
    target = Store(Path(args["import_dir"]))
    try:
        with tempfile.TemporaryDirectory(prefix="taskforce-bench-import-") as folder:
            path = Path(folder) / "grootste.verslag.json"
            path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
            started = time.perf_counter()
            meeting_file.import_meeting_file(target, path)
            result["import_large_ms"] = _ms_since(started)
    finally:
        target.close()


SCENARIOS = {
    "floor": run_floor,
    "floor-session": lambda args: run_floor({**args, "session": True}),
    "floor-key": lambda args: run_floor({**args, "key": True}),
    "app": run_app,
    "app-key": run_app_first_key,
    "app-session": run_app_session,
    "core": run_core,
}


if __name__ == "__main__":
    sys.excepthook = launch.fail_fast
    # A crash in Qt's code names the Python lines that led to it, in the report's tail.
    faulthandler.enable()
    sys.exit(SCENARIOS[sys.argv[1]](json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}))
