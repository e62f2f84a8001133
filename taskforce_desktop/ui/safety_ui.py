"""Data safety in the window: restore from a backup, periodic backups, the log, emergency copy.

``SafetyUi``, one of the window's features, adds File → "Herstellen uit reservekopie…" and
"Reservekopie maken", Help → "Logbestand openen", backs up every 30 minutes of editing (off
the UI thread), and keeps a private emergency copy of unsaved texts outside the data dir
while the store cannot be written, or a rescue copy of the whole store while its folder is
gone; its ``show_startup_report`` tells the secretary what the integrity check found.
The start sequence is here too: ``prepare_start`` before the window exists (with
``ask_for_data_dir`` to choose another place when hers cannot be written), ``finish_start``
after.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from taskforce_desktop import logging_setup
from taskforce_desktop.core import backup
from taskforce_desktop.core.integrity import (
    DataDirUnwritable,
    StartupReport,
    ensure_writable,
    inspect_data_dir,
    open_store_safely,
)
from taskforce_desktop.core.private_files import FolderNotPrivate
from taskforce_desktop.core.store import Store, StoreError
from taskforce_desktop.ui.dialogs.restore_dialog import RestoreDialog
from taskforce_desktop.ui.dialogs.simple import Confirm
from taskforce_desktop.ui.display import moment_text
from taskforce_desktop.ui.emergency_copy import (
    EmergencyCopy,
    Recovery,
    apply_emergency_copy,
    existing_rescue_copy,
    remove_leftovers,
    remove_private_file,
    rescue_file_name,
    rescue_store,
)
from taskforce_desktop.ui.single_instance import (
    RAISE,
    InstanceUnreachable,
    SingleInstance,
    import_request,
)
from taskforce_desktop.ui.widgets.message_bar import Level
from taskforce_desktop.ui.window_parts import Button, WindowParts

if TYPE_CHECKING:  # the start sequence hands the window over; no feature takes it
    from taskforce_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 60_000
PRESENCE_CHECK_MS = 3_000
# Long enough for the window to be drawn and idle before the start backup reads the store.
START_BACKUP_DELAY_MS = 2_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Safety", text)


# ---------------------------------------------------------------------------- the data dir


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


# ---------------------------------------------------------------------------- the window


class SafetyUi(QObject):
    """``recovery``: what the start took back from the emergency copy before the window read
    the store; without it (a window made outside the start) the copy is taken back here."""

    def __init__(self, parts: WindowParts, recovery: Recovery | None = None) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self.data_dir = Path(parts.store.data_dir)
        self.emergency = EmergencyCopy(parts.writer, self.data_dir)
        self.emergency.written_to.connect(self._on_emergency_copy)
        self._backup_running = False  # one backup at a time; set and read on the UI thread

        add = parts.commands.add
        self.act_restore = add(_tr("&Herstellen uit reservekopie…"), self.restore_from_backup)
        self.act_backup = add(_tr("&Reservekopie maken"), self.backup_now)
        self.act_open_log = add(_tr("&Logbestand openen"), self.open_log)
        self.act_take_rescue = add(_tr("Noodkopie &terugzetten…"), self.take_rescue_copy)
        file_menu = parts.menus.file
        file_menu.insertActions(
            parts.menus.quit,
            [self.act_backup, self.act_restore, self.act_take_rescue, file_menu.addSeparator()],
        )
        parts.menus.help.addSeparator()
        parts.menus.help.addAction(self.act_open_log)

        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.backup_in_background)
        self.timer.start()

        # A deleted or unmounted data dir does not make writes fail: SQLite goes on writing
        # into files that no longer have a name. Notice it, and rescue a copy elsewhere.
        self._present = self._data_dir_identity()
        self._last_seen = self._present
        self.store_missing = False
        self.rescue: Path | None = None
        self._rescue_due = False
        parts.writer.saved.connect(self._on_saved)
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_CHECK_MS)
        self.presence_timer.timeout.connect(self.check_store_present)
        self.presence_timer.start()

        self._take_back(
            recovery if recovery is not None else apply_emergency_copy(parts.store, parts.window)
        )
        self.offer_rescue_copy()
        # Leftovers of a backup or a copy killed halfway (only the app's own names).
        backup.remove_partial_backups(self.data_dir)
        remove_leftovers(self.data_dir)

    def _take_back(self, recovery: Recovery) -> None:
        """Show the texts an earlier session could not save; queue them if still unsaved."""
        if recovery.failure is not None:
            for edit in recovery.applied:
                self._parts.writer.queue(edit)
        if recovery.applied:
            self._parts.session.reload()
        message = recovery.message()
        if message:
            level = Level.INFO if recovery.failure is None else Level.ERROR
            self._parts.show_problem(message, level)

    # ---------------------------------------------------------------- backups

    def backup_in_background(self, reason: backup.Reason | None = None) -> None:
        """backup_if_due (or a backup for reason) on the window's background helper: typing
        never waits, a quit waits for the backup before it closes the store, and only the one
        she asked for shows the busy bar."""
        if self._backup_running:
            return
        self._backup_running = True
        store = self._parts.store

        def work() -> Path | None:
            if reason is None:
                return backup.backup_if_due(store, dt.datetime.now(dt.timezone.utc))
            if reason is backup.Reason.START:
                return backup.backup_if_changed(store, reason)
            return backup.make_backup(store, reason)

        if reason is backup.Reason.MANUAL:
            # She asked for it: the busy bar shows, and what she typed is in it.
            self._parts.background.run(
                work,
                self._on_backup_finished,
                self._on_backup_failed,
                label=_tr("Reservekopie wordt gemaakt…"),
            )
        else:
            self._parts.background.run_quietly(
                work, self._on_backup_finished, self._on_backup_failed
            )

    def backup_now(self) -> None:
        self.backup_in_background(backup.Reason.MANUAL)

    def _on_backup_finished(self, result: Path | None) -> None:
        self._backup_running = False
        if result is not None:
            self._parts.window.statusBar().showMessage(
                _tr("Reservekopie gemaakt: {0}").format(Path(result).name), 8000
            )

    def _on_backup_failed(self, error: Exception) -> None:
        self._backup_running = False
        if isinstance(error, StoreError):
            self._parts.show_problem(str(error))
        else:
            log.error("backup failed", exc_info=error)

    def _data_dir_identity(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        return (file_identity(self.data_dir), file_identity(self._parts.store.path))

    def check_store_present(self) -> None:
        """Say so each time the data dir vanishes or is replaced; keep a rescue copy current."""
        seen = self._data_dir_identity()
        if seen == self._present:
            return
        if self.store_missing and seen == self._last_seen:
            if self._rescue_due:
                self.rescue_now()
            self._mark_missing()
            return
        self._last_seen = seen
        self.store_missing = True
        log.error("the store file vanished from %s or was replaced", self.data_dir)
        rescue = self.rescue_now()
        self._mark_missing()
        message = _tr(
            "De gegevensmap {0} is verdwenen of is vervangen (bijvoorbeeld een USB-stick die "
            "is uitgetrokken, of een synchronisatieprogramma)."
        ).format(self.data_dir)
        if rescue is not None:
            message += " " + _tr(
                "Alles wat u typt, blijft bewaard: in het venster en in de noodkopie {0}. "
                "Bij de volgende start biedt het programma aan die terug te zetten."
            ).format(rescue)
        else:
            message += " " + _tr(
                "Er kon geen noodkopie worden gemaakt; sluit het programma niet af en zorg dat "
                "de map terugkomt."
            )
        self._parts.show_problem(message, Level.ERROR)

    def rescue_now(self) -> Path | None:
        """Everything typed, written into the store's nameless file and copied out of it."""
        self._rescue_due = False
        try:
            self._parts.writer.flush_blocking()
            self.rescue = rescue_store(self._parts.store)
        except (OSError, FolderNotPrivate, StoreError, sqlite3.Error) as exc:
            log.error("rescue copy of a vanished store failed: %s", exc)
            return None
        return self.rescue

    def _on_saved(self, _when: dt.datetime) -> None:
        if self.store_missing:
            self._rescue_due = True  # copied at the next check: not on every pause in typing
            self._mark_missing()

    def _mark_missing(self) -> None:
        self._parts.show_save_problem(_tr("Gegevensmap verdwenen"))

    def confirm_quit_without_data_dir(self) -> bool:
        """She asked to quit while the data dir is gone: say where her text is, then ask."""
        rescue = self.rescue_now()
        if rescue is not None:
            question = _tr(
                "De gegevensmap {0} is verdwenen. Alles wat u hebt getypt, staat in de "
                "noodkopie {1}. Bij de volgende start biedt het programma aan die terug te "
                "zetten.\n\nNu afsluiten?"
            ).format(self.data_dir, rescue)
        else:
            question = _tr(
                "De gegevensmap {0} is verdwenen en er kon geen noodkopie worden gemaakt. "
                "Als u nu afsluit, gaat verloren wat u sinds het verdwijnen hebt getypt."
                "\n\nToch afsluiten?"
            ).format(self.data_dir)
        return Confirm.ask(
            self._parts.window, _tr("Gegevensmap verdwenen"), question, _tr("Afsluiten")
        )

    def secure_before_exit(self) -> None:
        """The last chance to keep what the store did not take (at quit, logoff, SIGTERM)."""
        if self.store_missing:
            self.rescue_now()
        elif self._parts.writer.failure is not None:
            self.emergency.write()

    # ---------------------------------------------------------------- the rescue copy

    def offer_rescue_copy(self, also_said: Sequence[str] = ()) -> bool:
        """Point to the rescue copy of a vanished data dir, after what else must be said."""
        rescue = existing_rescue_copy(self.data_dir)
        self.act_take_rescue.setEnabled(rescue is not None)
        if rescue is None:
            return False
        offer = _tr(
            "De vorige keer was de gegevensmap verdwenen. Wat u toen typte, is bewaard in "
            "de noodkopie {0} van {1}. Zet die terug om verder te gaan waar u was."
        ).format(rescue, moment_text(_modified(rescue)))
        self._parts.offer(
            "\n\n".join([*also_said, offer]),
            Level.WARNING,
            (_tr("Noodkopie terugzetten…"), self.take_rescue_copy),
        )
        return True

    def take_rescue_copy(self) -> bool:
        rescue = existing_rescue_copy(self.data_dir)
        if rescue is None:
            return False
        question = _tr(
            "De gegevens worden vervangen door de noodkopie van {0}. De huidige gegevens "
            "worden eerst als reservekopie bewaard."
        ).format(moment_text(_modified(rescue)))
        if not Confirm.ask(
            self._parts.window, _tr("Noodkopie terugzetten"), question, _tr("Terugzetten")
        ):
            return False
        return self.restore(rescue, after=self._rescue_copy_taken)

    def _rescue_copy_taken(self) -> None:
        remove_private_file(rescue_file_name(self.data_dir))
        self.act_take_rescue.setEnabled(False)
        self._parts.dismiss_message()

    # ---------------------------------------------------------------- restore

    def restore_from_backup(self) -> bool:
        chosen = RestoreDialog.ask(self._parts.window, self.data_dir)
        return chosen is not None and self.restore(chosen)

    def restore(self, chosen: Path, after: Callable[[], None] = lambda: None) -> bool:
        """Start restoring off the UI thread (False when it cannot start); the window shows
        the restored store, and ``after`` runs, once it is in."""
        parts = self._parts
        if not parts.background.is_idle():
            # A backup, an export or the preview may be reading the store the restore replaces.
            parts.show_problem(
                _tr(
                    "Herstellen kan pas als het werk dat nu loopt klaar is. Probeer het zo opnieuw."
                )
            )
            return False
        if not parts.writer.flush_blocking():
            parts.show_problem(
                _tr("Herstellen kan pas als de laatste wijzigingen zijn opgeslagen:\n{0}").format(
                    parts.writer.failure or ""
                )
            )
            return False

        def work() -> backup.RestoreResult:
            result = backup.restore(self.data_dir, chosen)
            parts.store.migrate()  # a backup from an older version gets today's schema
            return result

        def failed(error: Exception) -> None:
            if isinstance(error, StoreError):
                parts.show_problem(str(error))  # nothing was replaced
            else:
                parts.session.report(error)

        def restored(result: backup.RestoreResult) -> None:
            self._show_restored(result)
            after()

        content = parts.window.centralWidget()  # the message bar, the meeting list, the tabs
        parts.background.run(
            work,
            restored,
            failed,
            label=_tr("Reservekopie wordt hersteld…"),
            # The whole store is replaced: nothing is typed or opened meanwhile.
            locks=[content] if content is not None else [],
        )
        return True

    def _show_restored(self, result: backup.RestoreResult) -> None:
        self._present = self._last_seen = self._data_dir_identity()
        self.store_missing = False
        self._parts.session.undo_stack.clear()
        # The open meeting again, or none when the backup does not have it; the list again.
        self._parts.reload()
        aside = result.set_aside.name if result.set_aside else ""
        self._parts.window.statusBar().showMessage(
            _tr("Reservekopie hersteld. De vorige gegevens zijn bewaard als {0}.").format(aside),
            15000,
        )

    # ---------------------------------------------------------------- log and messages

    def open_log(self) -> None:
        path = logging_setup.current_log_file()
        if path is None or not path.exists():
            self._parts.show_problem(_tr("Er is (nog) geen logbestand."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_emergency_copy(self, path: str) -> None:
        self._parts.explain_save_state(
            _tr("{0}\n\nNoodkopie van de niet-opgeslagen tekst: {1}").format(
                self._parts.writer.failure or "", path
            )
        )

    def show_startup_report(self, report: StartupReport) -> None:
        """Tell the secretary what the integrity check did, in the window's bar, and offer the
        rescue copy of a vanished data dir or else the newest good backup."""
        said = [*report.warnings, *([report.message] if report.message else [])]
        if not said or self.offer_rescue_copy(said):
            return
        if not report.message:
            self._parts.show_problem("\n\n".join(said))
            return
        restore: Button | None = None
        if report.newest_backup is not None:
            newest = report.newest_backup
            restore = (
                _tr("Reservekopie van {0} herstellen").format(moment_text(newest.created)),
                lambda: self.restore(newest.path),
            )
        self._parts.window.statusBar().showMessage(report.message.splitlines()[0], 10000)
        self._parts.offer("\n\n".join(said), Level.ERROR, restore)


def _modified(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)


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
    recovery: Recovery | None = None


def inspect_in_background(data_dir: Path) -> Future:
    """The integrity check of the store, on a thread of its own: SQLite lets go of Python's
    lock while it reads the file, so the UI thread goes on importing the window meanwhile."""
    inspection: Future = Future()

    def work() -> None:
        try:
            inspection.set_result(inspect_data_dir(data_dir))
        except BaseException as exc:  # noqa: BLE001 - open_store_safely raises it where it waits
            inspection.set_exception(exc)

    threading.Thread(target=work, name="integrity-check", daemon=True).start()
    return inspection


def prepare_start(
    data_dir: Path, import_file: Path | None, while_checking: Callable[[], object] = lambda: None
) -> GuiStart:
    """Find a writable data dir, claim it (or hand over to the running instance), open it.

    ``while_checking`` runs once the data dir is claimed, while the store's integrity is
    checked on another thread; the store is opened only after the check.
    """
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
        # Claimed first: no other instance writes to the store while it is checked.
        inspection = inspect_in_background(data_dir)
        while_checking()
        # The start backup reads the whole store: it runs after the window is up (finish_start).
        store, report = open_store_safely(data_dir, start_backup=False, inspection=inspection)
    except (InstanceUnreachable, StoreError) as exc:
        log.error("cannot start on %s: %s", data_dir, exc)
        QMessageBox.critical(None, _tr("Taskforce Verslag kan niet starten"), str(exc))
        return GuiStart(exit_code=1)
    # Before the window reads the store, so every view shows the recovered text.
    recovery = apply_emergency_copy(store)
    return GuiStart(store=store, report=report, instance=instance, recovery=recovery)


def finish_start(window: MainWindow, start: GuiStart) -> None:
    """After the window is shown: the start backup, requests from later starts, the report."""
    report, instance = start.report, start.instance
    if report is None or instance is None:  # prepare_start gives both with the store
        raise RuntimeError("the start gave no store to finish")
    safety = window.safety
    if not report.created_new:
        QTimer.singleShot(
            START_BACKUP_DELAY_MS, lambda: safety.backup_in_background(backup.Reason.START)
        )
    instance.request_received.connect(lambda request: handle_request(window, request))
    safety.show_startup_report(report)


def handle_request(window: MainWindow, request: dict[str, str]) -> None:
    """A later start asked to come forward (and perhaps to import a file).

    Any program of this user can send that request, so a file is imported only when the
    secretary says yes to its name: she asked for it by opening the file, so a question
    here never interrupts her typing.
    """
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if request.get("action") == "import" and request.get("file"):
        handed_over = Path(request["file"])
        question = _tr(
            "Het bestand '{0}' (in de map {1}) is met Taskforce Verslag geopend. Wilt u dit "
            "vergaderbestand nu importeren?"
        ).format(handed_over.name, handed_over.parent)
        if Confirm.ask(window, _tr("Vergaderbestand importeren"), question, _tr("Importeren")):
            window.import_meeting_file(handed_over)
