"""The app's log: a rotating file with errors and their context, never the text of notes.

Where: the platform's log dir, or ``<data dir>/logs`` when a data dir was chosen with
``--data-dir`` or TASKFORCE_DATA_DIR, so a test or a second data set keeps its own log.
What: what happened and where (operation, ids, file names, exception and traceback), never
the secretary's texts; code that logs passes ids and lengths, not contents.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from taskforce_desktop import paths

LOG_FILENAME = "taskforce.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s]: %(message)s"

log = logging.getLogger("taskforce_desktop")

_handler: RotatingFileHandler | None = None


def log_dir(data_dir_option: str | os.PathLike[str] | None = None) -> Path:
    if data_dir_option or os.environ.get(paths.DATA_DIR_ENV):
        return paths.resolve_data_dir(data_dir_option) / "logs"
    return paths.default_log_dir()


def current_log_file() -> Path | None:
    """The file being logged to (for Help → Logbestand openen); None before setup."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup_logging(
    data_dir_option: str | os.PathLike[str] | None = None, *, level: int = logging.INFO
) -> Path | None:
    """Log to the rotating file and route uncaught exceptions into it; safe to call again.

    Returns the log file, or None when its folder cannot be written (the app then runs
    without a log rather than not at all).
    """
    global _handler
    stop_logging()
    root = logging.getLogger()
    target_dir = log_dir(data_dir_option)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target_dir / LOG_FILENAME,
            maxBytes=MAX_BYTES,
            backupCount=BACKUP_COUNT,
            encoding="utf-8",
        )
    except OSError as exc:
        print(f"Logbestand kan niet worden geopend in {target_dir}: {exc}", file=sys.stderr)
        install_excepthooks()
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    install_excepthooks()
    log.info("log started (pid %d, python %s)", os.getpid(), sys.version.split()[0])
    return Path(handler.baseFilename)


def _log_uncaught(exc_type, exc_value, exc_traceback, *, where: str) -> None:
    log.critical(
        "uncaught %s in %s", exc_type.__name__, where, exc_info=(exc_type, exc_value, exc_traceback)
    )


def install_excepthooks() -> None:
    """Uncaught exceptions (main thread, Qt slots, other threads) go into the log first."""
    if getattr(sys.excepthook, "_taskforce_logging", False):
        return
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def excepthook(exc_type, exc_value, exc_traceback):
        if not issubclass(exc_type, KeyboardInterrupt):
            _log_uncaught(exc_type, exc_value, exc_traceback, where="main thread")
        previous_hook(exc_type, exc_value, exc_traceback)

    def thread_excepthook(args):
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "?"
            _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, where=name)
        previous_thread_hook(args)

    excepthook._taskforce_logging = True
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def stop_logging() -> None:
    """Flush and detach the log file (at exit, or before another data dir's log starts)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
