"""The app's log: a rotating file with errors and their context, never the text of notes.

Where: the platform's log dir, or ``<data dir>/logs`` when a data dir was chosen with
``--data-dir`` or TASKFORCE_DATA_DIR, so a test or a second data set keeps its own log.
Who: only this user; the folders are 0700 and the log files 0600, opened without following
a symlink, and nothing is logged into a data folder that others could write into.
What: what happened and where (operation, ids, file names, exception and traceback), never
the secretary's texts; code that logs passes ids and lengths, not contents.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from taskforce_desktop import paths

LOG_FILENAME = "taskforce.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s]: %(message)s"

log = logging.getLogger("taskforce_desktop")

_handler: RotatingFileHandler | None = None
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
_installed_hook: ExceptHook | None = None  # ours, so a second setup does not wrap it again


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Each log file (also after a rotation) is created 0600 and never through a symlink."""

    def _open(self) -> io.TextIOWrapper:
        from taskforce_desktop.core.private_files import open_private

        descriptor = open_private(Path(self.baseFilename), os.O_WRONLY | os.O_APPEND)
        # Always appended: the descriptor is opened O_APPEND whatever mode the handler had.
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def _data_dir_chosen(data_dir_option: str | os.PathLike[str] | None) -> bool:
    return bool(data_dir_option or os.environ.get(paths.DATA_DIR_ENV))


def log_dir(data_dir_option: str | os.PathLike[str] | None = None) -> Path:
    if _data_dir_chosen(data_dir_option):
        return paths.resolve_data_dir(data_dir_option) / "logs"
    return paths.default_log_dir()


def _prepare_log_dir(data_dir_option: str | os.PathLike[str] | None) -> Path:
    """The log folder, private; a chosen data folder is checked before a folder goes in it."""
    from taskforce_desktop.core.private_files import ensure_private_dir

    if _data_dir_chosen(data_dir_option):
        paths.prepare_data_dir(data_dir_option)
    return ensure_private_dir(log_dir(data_dir_option))


def current_log_file() -> Path | None:
    """The file being logged to (for Help → Logbestand openen); None before setup."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup_logging(
    data_dir_option: str | os.PathLike[str] | None = None, *, level: int = logging.INFO
) -> Path | None:
    """Log to the rotating file and route uncaught exceptions into it; safe to call again.

    Returns the log file, or None when its folder cannot be written or is not private
    (the app then runs without a log rather than not at all).
    """
    global _handler
    stop_logging()
    from taskforce_desktop.core.private_files import FolderNotPrivate

    root = logging.getLogger()
    target_dir = log_dir(data_dir_option)
    try:
        target_dir = _prepare_log_dir(data_dir_option)
        handler = _PrivateRotatingFileHandler(
            target_dir / LOG_FILENAME,
            maxBytes=MAX_BYTES,
            backupCount=BACKUP_COUNT,
            encoding="utf-8",
        )
    except (OSError, FolderNotPrivate) as exc:
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


def _log_uncaught(
    exc_type: type[BaseException],
    exc_value: BaseException | None,
    exc_traceback: TracebackType | None,
    *,
    where: str,
) -> None:
    # A thread's hook may have no exception object: then the type in the message is all.
    details = (exc_type, exc_value, exc_traceback) if exc_value is not None else None
    log.critical("uncaught %s in %s", exc_type.__name__, where, exc_info=details)


def install_excepthooks() -> None:
    """Uncaught exceptions (main thread, Qt slots, other threads) go into the log first."""
    global _installed_hook
    if _installed_hook is not None and sys.excepthook is _installed_hook:
        return
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def excepthook(
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_traceback: TracebackType | None,
    ) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            _log_uncaught(exc_type, exc_value, exc_traceback, where="main thread")
        previous_hook(exc_type, exc_value, exc_traceback)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "?"
            _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, where=name)
        previous_thread_hook(args)

    _installed_hook = excepthook
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def stop_logging() -> None:
    """Flush and detach the log file (at exit, or before another data dir's log starts)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
