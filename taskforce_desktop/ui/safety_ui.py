"""Data safety in the window: restore from a backup, periodic backups, the log, emergency copy.

``install_safety_ui(window)`` adds File → "Herstellen uit reservekopie…" and "Reservekopie
maken", Help → "Logbestand openen", backs up every 30 minutes of editing (off the UI
thread), and keeps an emergency copy of unsaved texts outside the data dir while the store
cannot be written. ``show_startup_report`` tells the secretary what the integrity check
found; ``ask_for_data_dir`` lets her choose another place when hers cannot be written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from taskforce_desktop import logging_setup
from taskforce_desktop.core import backup
from taskforce_desktop.core.integrity import (
    DataDirUnwritable,
    StartupReport,
    ensure_writable,
    open_store_safely,
)
from taskforce_desktop.core.store import Store, StoreError
from taskforce_desktop.ui.autosave import AutosaveWriter, Edit, Target
from taskforce_desktop.ui.dialogs.restore_dialog import RestoreDialog, dutch_moment
from taskforce_desktop.ui.single_instance import (
    RAISE,
    InstanceUnreachable,
    SingleInstance,
    import_request,
)

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 60_000
PRESENCE_CHECK_MS = 3_000
# Long enough for the window to be drawn and idle before the start backup reads the store.
START_BACKUP_DELAY_MS = 2_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Safety", text)


# ---------------------------------------------------------------------------- emergency copy


def emergency_file_for(data_dir: Path, directory: Path | None = None, suffix=".json") -> Path:
    """Outside the data dir (whose disk is the one failing), named for that data dir."""
    key = os.path.normcase(str(Path(data_dir).resolve())).encode("utf-8", "surrogatepass")
    name = f"taskforce-noodkopie-{hashlib.sha256(key).hexdigest()[:16]}{suffix}"
    return (directory or Path(tempfile.gettempdir())) / name


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _edit_to_json(edit: Edit) -> dict:
    return {
        "meeting_id": edit.meeting_id,
        "target": edit.target.value,
        "object_id": edit.object_id,
        "field": edit.field,
        "value": edit.value
        if isinstance(edit.value, (str, int, float, bool, type(None)))
        else str(edit.value),
    }


def read_emergency_copy(path: Path) -> list[Edit]:
    """The edits an earlier session could not save; empty when there is no readable copy."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            Edit(e["meeting_id"], Target(e["target"]), e["object_id"], e["field"], e["value"])
            for e in data["edits"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


class EmergencyCopy(QObject):
    """While saving fails, every unsaved text also goes to a file on another path.

    Written after each failed attempt (the writer retries every few seconds) and removed
    once the store has everything again.
    """

    written_to = Signal(str)

    def __init__(self, writer: AutosaveWriter, data_dir: Path, directory: Path | None = None):
        super().__init__(writer)
        self.writer = writer
        self.data_dir = Path(data_dir)
        self.path = emergency_file_for(self.data_dir, directory)
        writer.failed.connect(self.write)
        writer.saved.connect(self._discard_when_all_saved)
        writer.recovered.connect(self._discard_when_all_saved)

    def write(self, *_failure) -> None:
        edits = self.writer.pending_edits()
        if not edits:
            return
        content = {
            "data_dir": str(self.data_dir),
            "written_at": dt.datetime.now().isoformat(timespec="seconds"),
            "edits": [_edit_to_json(edit) for edit in edits],
        }
        partial = self.path.with_name(self.path.name + ".partial")
        try:
            with open(partial, "w", encoding="utf-8") as handle:
                json.dump(content, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.path)
        except OSError as exc:
            log.error("emergency copy could not be written to %s: %s", self.path.parent, exc)
            return
        log.warning("emergency copy of %d unsaved edit(s) written", len(edits))
        self.written_to.emit(str(self.path))

    def _discard_when_all_saved(self, *_args) -> None:
        if not self.writer.has_pending() and self.writer.failure is None and self.path.exists():
            try:
                self.path.unlink()
            except OSError as exc:
                log.warning("emergency copy could not be removed: %s", exc)

    def recover(self) -> int:
        """Queue what an earlier session could not save; returns how many edits."""
        edits = read_emergency_copy(self.path)
        for edit in edits:
            self.writer.queue(edit)
        if edits:
            log.warning("recovered %d unsaved edit(s) from the emergency copy", len(edits))
            self.writer.flush_now()
        return len(edits)


# ---------------------------------------------------------------------------- the window


class SafetyUi(QObject):
    backup_finished = Signal(object)  # Path | None, or the StoreError

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = Path(window.store.data_dir)
        self.emergency = EmergencyCopy(window.writer, self.data_dir)
        self.emergency.written_to.connect(self._on_emergency_copy)
        self._backup_running = threading.Lock()

        self.act_restore = QAction(_tr("&Herstellen uit reservekopie…"), window)
        self.act_restore.triggered.connect(self.restore_from_backup)
        self.act_backup = QAction(_tr("&Reservekopie maken"), window)
        self.act_backup.triggered.connect(self.backup_now)
        self.act_open_log = QAction(_tr("&Logbestand openen"), window)
        self.act_open_log.triggered.connect(self.open_log)
        window.menu_file.insertActions(
            window.act_quit, [self.act_backup, self.act_restore, window.menu_file.addSeparator()]
        )
        window.menu_help.addSeparator()
        window.menu_help.addAction(self.act_open_log)

        self.backup_finished.connect(self._on_backup_finished)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.backup_in_background)
        self.timer.start()

        # A deleted or unmounted data dir does not make writes fail: SQLite goes on writing
        # into files that no longer have a name. Notice it, and rescue a copy elsewhere.
        self._store_identity = file_identity(window.store.path)
        self.store_missing = False
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_CHECK_MS)
        self.presence_timer.timeout.connect(self.check_store_present)
        self.presence_timer.start()

        recovered = self.emergency.recover()
        if recovered:
            window.show_problem(
                _tr(
                    "Teksten die de vorige keer niet konden worden opgeslagen, zijn "
                    "teruggezet ({0} wijziging(en))."
                ).format(recovered)
            )

    # ---------------------------------------------------------------- backups

    def backup_in_background(self, reason: backup.Reason | None = None) -> None:
        """backup_if_due (or a backup for reason) on a worker thread: typing never waits."""
        if not self._backup_running.acquire(blocking=False):
            return
        store = self.window.store

        def work() -> None:
            try:
                if reason is None:
                    result = backup.backup_if_due(store, dt.datetime.now(dt.timezone.utc))
                elif reason is backup.Reason.START:
                    result = backup.backup_if_changed(store, reason)
                else:
                    result = backup.make_backup(store, reason)
            except StoreError as exc:
                result = exc
            finally:
                self._backup_running.release()
            self.backup_finished.emit(result)

        threading.Thread(target=work, name="backup", daemon=True).start()

    def backup_now(self) -> None:
        self.window.writer.flush_blocking()
        self.window.statusBar().showMessage(_tr("Reservekopie wordt gemaakt…"))
        self.backup_in_background(backup.Reason.MANUAL)

    def _on_backup_finished(self, result) -> None:
        if isinstance(result, StoreError):
            self.window.show_problem(str(result))
        elif result is not None:
            self.window.statusBar().showMessage(
                _tr("Reservekopie gemaakt: {0}").format(Path(result).name), 8000
            )

    def check_store_present(self) -> None:
        if file_identity(self.window.store.path) == self._store_identity:
            return
        rescue = emergency_file_for(self.data_dir, suffix=".sqlite3")
        try:
            self.window.writer.flush_blocking()
            self.window.store.backup_to(rescue)
        except (OSError, StoreError, sqlite3.Error) as exc:
            log.error("rescue copy of a vanished store failed: %s", exc)
            rescue = None
        self.window.save_state.setStyleSheet("color: #b00020; font-weight: bold")
        self.window.save_state.setText(_tr("Gegevensmap verdwenen"))
        if self.store_missing:
            return
        self.store_missing = True
        log.error("the store file vanished from %s", self.data_dir)
        message = _tr(
            "De gegevensmap {0} is verdwenen of is vervangen (bijvoorbeeld een USB-stick die "
            "is uitgetrokken, of een synchronisatieprogramma)."
        ).format(self.data_dir)
        if rescue is not None:
            message += "\n\n" + _tr(
                "Alles wat u hebt getypt, wordt bewaard in {0}. Sluit het programma niet "
                "voordat u dat bestand veilig hebt gesteld; u kunt het later terugzetten via "
                "Bestand → Herstellen uit reservekopie → Ander bestand."
            ).format(rescue)
        self.window.show_problem(message)

    # ---------------------------------------------------------------- restore

    def restore_from_backup(self) -> bool:
        chosen = RestoreDialog.ask(self.window, self.data_dir)
        return chosen is not None and self.restore(chosen)

    def restore(self, chosen: Path) -> bool:
        window = self.window
        if not window.writer.flush_blocking():
            window.show_problem(
                _tr("Herstellen kan pas als de laatste wijzigingen zijn opgeslagen:\n{0}").format(
                    window.writer.failure or ""
                )
            )
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = backup.restore(self.data_dir, chosen)
            window.store.migrate()  # a backup from an older version gets today's schema
        except StoreError as exc:
            window.show_problem(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._store_identity = file_identity(window.store.path)
        meeting_id = window.session.meeting_id
        window.session.undo_stack.clear()
        window.refresh_meetings()
        if not window.session.open(meeting_id):
            window.session.open(0)
        aside = result.set_aside.name if result.set_aside else ""
        window.statusBar().showMessage(
            _tr("Reservekopie hersteld. De vorige gegevens zijn bewaard als {0}.").format(aside),
            15000,
        )
        return True

    # ---------------------------------------------------------------- log and messages

    def open_log(self) -> None:
        path = logging_setup.current_log_file()
        if path is None or not path.exists():
            self.window.show_problem(_tr("Er is (nog) geen logbestand."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_emergency_copy(self, path: str) -> None:
        self.window.save_state.setToolTip(
            _tr("{0}\n\nNoodkopie van de niet-opgeslagen tekst: {1}").format(
                self.window.writer.failure or "", path
            )
        )


def install_safety_ui(window) -> SafetyUi:
    window.safety = SafetyUi(window)
    return window.safety


def show_startup_report(window, report: StartupReport) -> None:
    """Tell the secretary what the integrity check did; offer the newest good backup."""
    for warning in report.warnings:
        window.show_problem(warning)
    message = report.message
    if not message:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Taskforce Verslag"), message, parent=window)
    restore_button = None
    if report.newest_backup is not None:
        restore_button = box.addButton(
            _tr("Reservekopie van {0} herstellen").format(
                dutch_moment(report.newest_backup.created)
            ),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore_button is not None and box.clickedButton() is restore_button:
        window.safety.restore(report.newest_backup.path)


def ask_for_data_dir(parent: QWidget | None, problem: str) -> Path | None:
    """The data dir cannot be written: explain, and let the secretary pick another folder."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, _tr("Gegevensmap niet beschrijfbaar"), problem, parent=parent
    )
    choose = box.addButton(_tr("Andere map kiezen…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Afsluiten"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not choose:
        return None
    name = QFileDialog.getExistingDirectory(parent, _tr("Map voor uw gegevens kiezen"))
    return Path(name) if name else None


# ---------------------------------------------------------------------------- start


@dataclass
class GuiStart:
    """What the GUI starts with, or the exit code when it should not start."""

    exit_code: int | None = None
    store: Store | None = None
    report: StartupReport | None = None
    instance: SingleInstance | None = None


def prepare_start(data_dir: Path, import_file: Path | None) -> GuiStart:
    """Find a writable data dir, claim it (or hand over to the running instance), open it."""
    while True:
        try:
            ensure_writable(data_dir)
            break
        except DataDirUnwritable as exc:
            log.error("data dir not writable: %s", data_dir)
            chosen = ask_for_data_dir(None, str(exc))
            if chosen is None:
                return GuiStart(exit_code=1)
            data_dir = chosen
    instance = SingleInstance(data_dir, QApplication.instance())
    request = import_request(import_file) if import_file else RAISE
    try:
        if not instance.claim(request):
            return GuiStart(exit_code=0)
        # The start backup reads the whole store: it runs after the window is up (finish_start).
        store, report = open_store_safely(data_dir, start_backup=False)
    except (InstanceUnreachable, StoreError) as exc:
        log.error("cannot start on %s: %s", data_dir, exc)
        QMessageBox.critical(None, _tr("Taskforce Verslag kan niet starten"), str(exc))
        return GuiStart(exit_code=1)
    return GuiStart(store=store, report=report, instance=instance)


def finish_start(window, start: GuiStart) -> None:
    """After the window exists: safety menus, requests from later starts, the start report."""
    safety = install_safety_ui(window)
    if not start.report.created_new:
        QTimer.singleShot(
            START_BACKUP_DELAY_MS, lambda: safety.backup_in_background(backup.Reason.START)
        )
    start.instance.request_received.connect(lambda request: handle_request(window, request))
    show_startup_report(window, start.report)


def handle_request(window, request: dict) -> None:
    """A later start asked to come forward (and perhaps to import a file)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if request.get("action") == "import" and request.get("file"):
        window.import_meeting_file(Path(request["file"]))
