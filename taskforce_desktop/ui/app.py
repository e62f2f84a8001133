"""Start of the GUI: QApplication in Dutch, the store, the main window, the event loop."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QSocketNotifier, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from taskforce_desktop import APP_AUTHOR, APP_NAME, __version__, paths
from taskforce_desktop.ui.translation import (
    DUTCH,
    ENGLISH,
    QtDutchSupplement,
    SourceTextTranslator,
    window_language,
)
from taskforce_desktop.ui.widgets.colours import accessible_palette

if TYPE_CHECKING:  # loaded while the store is checked, not before
    from taskforce_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = ("translations",)
ENGLISH_CATALOGUE = "taskforce_en.qm"
# What a logoff, a shutdown or `kill` sends; the default action would end the process before
# the last half second of typing reaches the store.
SESSION_END_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def install_translators(app: QApplication, language: str = DUTCH) -> list[QTranslator]:
    """The window in Dutch with Qt's own strings (standard buttons, file dialogs) in Dutch,
    or in English from the app's catalogue.

    Dates stay Dutch in both: a date field reads what she types as a Dutch date.
    """
    locale = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    QLocale.setDefault(locale)
    if language == ENGLISH:
        english = SourceTextTranslator(app)
        catalogue = paths.resource(*TRANSLATIONS_DIR, ENGLISH_CATALOGUE)
        if english.load_catalogue(catalogue):
            app.installTranslator(english)
            return [english]
        log.warning("no English translation in %s: the window stays Dutch", catalogue)
    qt_strings = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Installed last, so asked first: it knows only the few texts the catalogue lacks.
    supplement = QtDutchSupplement(app)
    if qt_strings.load(locale, "qtbase", "_", directory):
        app.installTranslator(qt_strings)
        app.installTranslator(supplement)
        return [qt_strings, supplement]
    log.info("no qtbase translation for %s in %s", locale.name(), directory)
    app.installTranslator(supplement)
    return [supplement]


def running_application() -> QApplication:
    """The QApplication every window of the app runs in (made by ``create_application``)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication: call create_application first")
    return app


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Taskforce Verslag")
    app.setApplicationVersion(__version__)
    install_translators(app, window_language(QSettings()))
    # The system's palette (light, dark, high contrast) with its selection and placeholder
    # text made readable: Qt's defaults are 3.69:1 and 4.00:1.
    app.setPalette(accessible_palette(app.palette()))
    return app


def install_session_end(app: QApplication, window: MainWindow) -> None:
    """At a logoff, a shutdown or SIGTERM everything typed is written before the app ends."""
    # Windows (and X11 session managers) ask first; the session may still be cancelled.
    app.commitDataRequest.connect(lambda _manager: window.write_everything())
    if sys.platform == "win32":
        return

    def end_session() -> None:
        log.warning("ending on a signal: writing everything first")
        window.shut_down()
        app.quit()

    # A Python handler runs only when Python code runs; the wakeup pipe makes the Qt event
    # loop notice the signal at once, and its bytes say which one came.
    reader, writer = os.pipe()
    for end in (reader, writer):
        os.set_blocking(end, False)
    signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    for number in SESSION_END_SIGNALS:
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, app)

    def on_wakeup() -> None:
        try:
            received = os.read(reader, 64)
        except BlockingIOError:
            return
        if any(number in SESSION_END_SIGNALS for number in received):
            end_session()

    notifier.activated.connect(on_wakeup)


def _window_module() -> ModuleType:
    from taskforce_desktop.ui import main_window

    return main_window


def run(data_dir: Path, import_file: Path | None = None) -> int:
    app = create_application()
    from taskforce_desktop.ui import safety_ui

    try:
        # The window's modules load while the store's integrity is checked.
        start = safety_ui.prepare_start(
            paths.prepare_data_dir(data_dir), import_file, _window_module
        )
    except Exception as exc:
        log.exception("cannot open the store in %s", data_dir)
        QMessageBox.critical(
            None,
            app.translate("App", "Taskforce Verslag kan niet starten"),
            app.translate(
                "App",
                "De gegevens in {0} kunnen niet worden geopend.\n\n{1}\n\n"
                "Controleer of de map bestaat en beschrijfbaar is, en of het programma niet "
                "al ergens anders openstaat.",
            ).format(data_dir, exc),
        )
        return 1
    if start.exit_code is not None:
        return start.exit_code
    store = start.store
    if store is None:  # prepare_start gives a store whenever it gives no exit code
        raise RuntimeError("the start gave neither a store nor an exit code")
    try:
        # The start took back the emergency copy before anything read the store.
        window = _window_module().MainWindow(store, recovery=start.recovery)
        window.show()
        safety_ui.finish_start(window, start)
        install_session_end(app, window)
        if import_file is not None:
            window.import_meeting_file(Path(import_file))
        return app.exec()
    finally:
        store.close()
