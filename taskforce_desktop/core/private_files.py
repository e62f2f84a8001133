"""Folders and files that other people on the same computer can neither read nor plant.

A private folder is created 0700; an existing one must be a real directory (not a symlink)
owned by this user, and is closed to group and others if it was open. Its files are
created 0600 without following a symlink at their name. The data folder gets a milder
check (``check_data_dir``): a folder the user chose may stay readable by her group, but
one that everyone can write into, that belongs to someone else, or whose store, log or
backups are symlinks to elsewhere is refused, because another user could read or replace
the notes there.

On Windows the per-user folders under LOCALAPPDATA are protected by their ACLs; the
POSIX owner and mode checks do not apply there, the symlink checks do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path

from taskforce_desktop.core.atomic_file import write_atomically

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# A file the app is still writing is seconds old; one older than this a killed write left.
LEFTOVER_AGE_SECONDS = 10 * 60
_POSIX = os.name == "posix"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # os.open is text mode on Windows without it


class FolderNotPrivate(Exception):
    """A folder others could read or plant files in; the message is Dutch and says the way out."""

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(message)
        self.folder = folder


def _make_dir(folder: Path) -> None:
    """Create folder 0700 (its missing parents with the usual mode), or leave an existing one."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, PRIVATE_DIR_MODE)


def _open_dir(folder: Path) -> int:
    """A descriptor of folder itself, never of what a symlink there points to."""
    if Path(folder).is_symlink():
        raise FolderNotPrivate(
            f"De map {folder} is een koppeling (symlink) naar een andere plek. Verwijder de "
            "koppeling of kies een andere map.",
            folder,
        )
    try:
        return os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except NotADirectoryError:
        raise FolderNotPrivate(f"{folder} is geen map.", folder) from None


def _check_owner(folder: Path, status: os.stat_result) -> None:
    if _POSIX and status.st_uid != os.getuid():
        raise FolderNotPrivate(
            f"De map {folder} is van een andere gebruiker van deze computer. Taskforce "
            "Verslag bewaart uw gegevens alleen in een map die van uzelf is, zodat niemand "
            "anders ze kan lezen of vervangen. Kies een eigen map (--data-dir of "
            "TASKFORCE_DATA_DIR), of vraag de beheerder de map aan u over te dragen.",
            folder,
        )


def ensure_private_dir(folder: Path) -> Path:
    """The folder, created 0700 or checked and closed to everyone but this user.

    Raises FolderNotPrivate for a symlink, something that is not a folder, or a folder
    that belongs to another user (who could read or swap what is put there).
    """
    folder = Path(folder)
    _make_dir(folder)
    descriptor = _open_dir(folder)
    try:
        status = os.fstat(descriptor)
        _check_owner(folder, status)
        if _POSIX and stat.S_IMODE(status.st_mode) != PRIVATE_DIR_MODE:
            os.fchmod(descriptor, PRIVATE_DIR_MODE)
    finally:
        os.close(descriptor)
    return folder


# What the app opens inside the data folder: none of it may lead somewhere else.
DATA_DIR_ENTRIES = (
    "taskforce.sqlite3",
    "taskforce.sqlite3-wal",
    "taskforce.sqlite3-shm",
    "taskforce.sqlite3-journal",
    "taskforce.lock",
    "logs",
    "backups",
    "settings.ini",
)


def check_data_dir(folder: Path) -> Path:
    """Create the data folder 0700, or refuse an existing one others could write into.

    Raises FolderNotPrivate when it is not a folder, belongs to another user, may be
    written by everyone, or one of the files the app opens there is a symlink.
    """
    folder = Path(folder)
    try:
        _make_dir(folder)
    except OSError:
        return folder  # nothing can go there; the store's own check says so, with the way out
    descriptor = _open_dir(folder)
    try:
        status = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    _check_owner(folder, status)
    if _POSIX and status.st_mode & stat.S_IWOTH:
        raise FolderNotPrivate(
            f"Iedereen op deze computer kan schrijven in de gegevensmap {folder}, dus ook uw "
            "verslagen vervangen. Maak de map alleen voor uzelf toegankelijk (bijvoorbeeld "
            f'met: chmod 700 "{folder}") of kies een andere map (--data-dir of '
            "TASKFORCE_DATA_DIR).",
            folder,
        )
    for name in DATA_DIR_ENTRIES:
        if (folder / name).is_symlink():
            raise FolderNotPrivate(
                f"In de gegevensmap {folder} is '{name}' een koppeling (symlink) naar een "
                "andere plek; Taskforce Verslag volgt die niet. Verwijder de koppeling of "
                "kies een andere map.",
                folder,
            )
    return folder


def open_private(path: Path, flags: int = os.O_WRONLY) -> int:
    """A descriptor of a regular file only this user may read (0600), created if missing.

    Never opens through a symlink at path (OSError), and closes an own file that others
    could read. The caller closes the descriptor.
    """
    descriptor = os.open(path, flags | os.O_CREAT | _NOFOLLOW, PRIVATE_FILE_MODE)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise IsADirectoryError(21, "geen gewoon bestand", str(path))
        if _POSIX:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def is_own_file(status: os.stat_result) -> bool:
    """A regular file of this user (on Windows any regular file: the folder's ACL guards it)."""
    return stat.S_ISREG(status.st_mode) and (not _POSIX or status.st_uid == os.getuid())


def write_private_file(path: Path, content: bytes) -> Path:
    """content under path in a private folder: a new 0600 file, renamed over the name.

    The rename replaces a symlink planted at path itself, never the file it points to.
    """
    ensure_private_dir(Path(path).parent)
    return write_atomically(Path(path), content)


def read_private_file(path: Path) -> bytes:
    """The content of this user's own regular file in a private folder.

    Raises FolderNotPrivate for the folder, OSError for a missing file, a symlink or a
    file of someone else.
    """
    path = Path(path)
    ensure_private_dir(path.parent)
    if path.is_symlink():  # O_NOFOLLOW refuses it too, where the platform has it
        raise OSError(errno.ELOOP, "een koppeling (symlink)", str(path))
    descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY)
    with os.fdopen(descriptor, "rb") as file:
        if not is_own_file(os.fstat(file.fileno())):
            raise PermissionError(errno.EACCES, "geen eigen gewoon bestand", str(path))
        return file.read()


def create_private_file(path: Path) -> Path:
    """An empty private file, or an existing one of hers kept as it is but closed to others.

    A writer that keeps the mode of the file it replaces (as the export does) then leaves
    the result private too.
    """
    os.close(open_private(path))
    return Path(path)


def remove_older_than(
    folder: Path, max_age_seconds: float, name_pattern: re.Pattern[str] | None = None
) -> list[Path]:
    """Delete this user's regular files in folder last changed longer ago than max_age_seconds.

    With name_pattern only the files whose whole name matches it: in a folder the app shares
    with the user, nothing but its own leftovers.
    """
    removed: list[Path] = []
    cutoff = time.time() - max_age_seconds
    if Path(folder).is_symlink():
        return removed  # its files are somewhere else, perhaps someone else's
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        try:
            if name_pattern is not None and not name_pattern.fullmatch(entry.name):
                continue
            status = entry.stat(follow_symlinks=False)
            if not is_own_file(status) or status.st_mtime >= cutoff:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
