"""Integrity at start: find a damaged store before anything writes to it, and set it aside.

A damaged store is never overwritten or repaired in place: its files are moved aside as
``taskforce.sqlite3.damaged-<timestamp>`` (with ``-wal``/``-shm`` beside it, so the three
still open together), the app starts on a fresh store, and the report names the newest
good backup so the user can restore it.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import sqlite3
import struct
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from taskforce_desktop import paths
from taskforce_desktop.core import backup
from taskforce_desktop.core.backup import BackupInfo
from taskforce_desktop.core.dutch_dates import MONTHS, WEEKDAYS
from taskforce_desktop.core.sqlite_file import move_aside_damaged, raw_sqlite
from taskforce_desktop.core.store import Store, StoreError, known_revisions, read_only_connection

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_WAL_HEADER_SIZE = 32
_WAL_FRAME_HEADER_SIZE = 24
# The wal-index header (two copies of 48 bytes) and the checkpoint info after it, in the
# -shm file, in native byte order: mxFrame is the last committed frame, nBackfill how many
# of them a checkpoint has already copied into the database file.
_SHM_MXFRAME_OFFSET = 16
_SHM_SECOND_HEADER = 48
_SHM_NBACKFILL_OFFSET = 96


class DamageKind(enum.Enum):
    NOT_A_DATABASE = "not-a-database"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    WAL_LOST = "wal-lost"
    NEWER_SCHEMA = "newer-schema"


_DAMAGE_TEXT = {
    DamageKind.NOT_A_DATABASE: "Het gegevensbestand is geen database van Taskforce Verslag.",
    DamageKind.TRUNCATED: (
        "Het gegevensbestand is onvolledig (afgekapt), bijvoorbeeld door een volle schijf "
        "of een onderbroken kopie."
    ),
    DamageKind.CORRUPT: "Het gegevensbestand is beschadigd.",
    DamageKind.WAL_LOST: (
        "Het bestand met de laatste wijzigingen (taskforce.sqlite3-wal) is verdwenen terwijl "
        "het nog niet verwerkte wijzigingen bevatte, bijvoorbeeld door een "
        "synchronisatie- of opruimprogramma."
    ),
    DamageKind.NEWER_SCHEMA: (
        "De gegevens zijn gemaakt met een nieuwere versie van Taskforce Verslag. Werk het "
        "programma bij om ze weer te openen."
    ),
}


class DataDirUnwritable(StoreError):
    """The data dir cannot be created or written; the user should choose another place."""


@dataclass(frozen=True)
class Damage:
    kind: DamageKind
    detail: str  # technical, for the log


@dataclass
class StartupReport:
    data_dir: Path
    damage: Damage | None = None
    moved_aside: tuple[Path, ...] = ()
    newest_backup: BackupInfo | None = None
    created_new: bool = False
    backup_made: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def message(self) -> str | None:
        """What the user must be told, in Dutch; None when the start was uneventful."""
        if self.damage is None:
            if self.created_new and self.newest_backup is not None:
                return (
                    "Er is geen database gevonden, wel een reservekopie van "
                    f"{_backup_phrase(self.newest_backup)}. U kunt die herstellen via "
                    "Bestand → Herstellen uit reservekopie."
                )
            return None
        moved = self.moved_aside[-1].name if self.moved_aside else ""
        parts = [
            _DAMAGE_TEXT[self.damage.kind],
            f"Het bestand is niet overschreven maar apart gezet als {moved} in {self.data_dir}.",
            "Het programma is gestart met een lege database.",
        ]
        if self.newest_backup is not None:
            parts.append(
                f"De nieuwste goede reservekopie is van {_backup_phrase(self.newest_backup)}; "
                "u kunt die herstellen via Bestand → Herstellen uit reservekopie."
            )
        else:
            parts.append("Er is geen reservekopie gevonden.")
        return " ".join(parts)


def dutch_datetime(moment: dt.datetime) -> str:
    """'maandag 23 november 2026 14:05' in local time: for messages built without Qt."""
    local = moment.astimezone()
    return (
        f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year} "
        f"{local:%H:%M}"
    )


def _backup_phrase(info: BackupInfo) -> str:
    meetings = "" if info.meetings is None else f" met {info.meetings} vergadering(en)"
    return f"{dutch_datetime(info.created)}{meetings}"


# ---------------------------------------------------------------------------- detection


def inspect_store(database: Path) -> Damage | None:
    """What is wrong with a store file, without writing to it; None when it is sound."""
    database = Path(database)
    size = database.stat().st_size
    with database.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if size == 0:
        return None
    if not header.startswith(SQLITE_MAGIC[: len(header)]):
        return Damage(DamageKind.NOT_A_DATABASE, "no SQLite header")
    if len(header) < _HEADER_SIZE:
        return Damage(DamageKind.TRUNCATED, f"only {size} bytes")
    truncated = _truncation(header, size)
    if truncated:
        return Damage(DamageKind.TRUNCATED, truncated)
    lost = _lost_wal_frames(database)
    if lost:
        return Damage(DamageKind.WAL_LOST, lost)
    return _check_content(database)


def _truncation(header: bytes, size: int) -> str | None:
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        return None  # an invalid page size is for quick_check to report
    if size % page_size:
        return f"{size} bytes is not a whole number of {page_size}-byte pages"
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if valid_for == change_counter and page_count * page_size > size:
        return f"header says {page_count} pages, the file holds {size // page_size}"
    return None


def _lost_wal_frames(database: Path) -> str | None:
    """Committed changes that only the WAL held, when the WAL is gone or cut short."""
    shm = database.with_name(database.name + "-shm")
    wal = database.with_name(database.name + "-wal")
    try:
        index = shm.read_bytes()[: _SHM_NBACKFILL_OFFSET + 4]
    except OSError:
        return None
    if len(index) < _SHM_NBACKFILL_OFFSET + 4:
        return None
    first = index[:_SHM_SECOND_HEADER]
    if first != index[_SHM_SECOND_HEADER : 2 * _SHM_SECOND_HEADER]:
        return None  # a header torn mid-write; SQLite rebuilds it from the WAL itself
    (page_size,) = struct.unpack("=H", first[14:16])
    page_size = 65536 if page_size == 1 else page_size
    (max_frame,) = struct.unpack("=I", first[_SHM_MXFRAME_OFFSET : _SHM_MXFRAME_OFFSET + 4])
    (backfilled,) = struct.unpack("=I", index[_SHM_NBACKFILL_OFFSET : _SHM_NBACKFILL_OFFSET + 4])
    if max_frame <= backfilled:
        return None
    needed = _WAL_HEADER_SIZE + max_frame * (_WAL_FRAME_HEADER_SIZE + page_size)
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size < needed:
        return (
            f"WAL has {wal_size} bytes, {max_frame - backfilled} committed frame(s) need {needed}"
        )
    return None


def _check_content(database: Path) -> Damage | None:
    try:
        connection = read_only_connection(database)
    except sqlite3.Error as exc:
        return Damage(DamageKind.CORRUPT, str(exc))
    try:
        try:
            rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            kind = DamageKind.NOT_A_DATABASE if "not a database" in str(exc) else DamageKind.CORRUPT
            return Damage(kind, str(exc))
        if rows != ["ok"]:
            return Damage(DamageKind.CORRUPT, "; ".join(rows[:5]))
        return _check_schema(connection)
    finally:
        connection.close()


def _check_schema(connection: sqlite3.Connection) -> Damage | None:
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if not tables:
        return None  # empty: the migrations will build it
    if "alembic_version" not in tables:
        return Damage(DamageKind.NOT_A_DATABASE, f"foreign tables: {sorted(tables)[:5]}")
    revisions = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
    unknown = revisions - known_revisions()
    if unknown:
        return Damage(DamageKind.NEWER_SCHEMA, f"unknown revision(s) {sorted(unknown)}")
    return None


# ---------------------------------------------------------------------------- location


SYNC_FOLDER_NAMES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
}
NETWORK_FILE_SYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}


def sync_client_of(path: PurePath) -> str | None:
    for part in path.parts:
        lowered = part.lower()
        for folder, client in SYNC_FOLDER_NAMES.items():
            # "OneDrive - Gemeente Ergens" is how OneDrive for Business names its folder.
            if lowered == folder or lowered.startswith(folder + " - "):
                return client
    return None


def network_file_system_of(path: PurePath, mounts: str) -> str | None:
    """The network file system type of the mount holding path, from /proc/mounts text."""
    best_point, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        text_path = str(path)
        inside = text_path == point or text_path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best_point):
            best_point, best_type = point, fields[2]
    return best_type if best_type in NETWORK_FILE_SYSTEMS else None


def _is_network_drive(path: Path) -> str | None:
    if sys.platform.startswith("win"):
        text_path = str(path)
        if text_path.startswith("\\\\"):
            return "netwerkschijf"
        import ctypes

        drive_remote = 4
        if ctypes.windll.kernel32.GetDriveTypeW(path.anchor) == drive_remote:
            return "netwerkschijf"
        return None
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return network_file_system_of(path, mounts)


def location_warnings(data_dir: Path) -> list[str]:
    """Dutch warnings for a data dir in a sync folder or on a network share."""
    data_dir = Path(data_dir).resolve()
    warnings = []
    client = sync_client_of(data_dir)
    if client:
        warnings.append(
            f"De gegevensmap {data_dir} staat in een map die {client} synchroniseert. "
            "Synchronisatieprogramma's kunnen de database beschadigen; kies liever een map "
            "die alleen op deze computer staat (en maak reservekopieën via het programma)."
        )
    network = _is_network_drive(data_dir)
    if network:
        warnings.append(
            f"De gegevensmap {data_dir} staat op een netwerkschijf ({network}). Een database "
            "raakt op een netwerkschijf makkelijk beschadigd; kies liever een map op deze "
            "computer."
        )
    return warnings


# ---------------------------------------------------------------------------- the app's lock

INSTANCE_LOCK_FILENAME = "taskforce.lock"


def instance_running(data_dir: Path) -> bool:
    """Whether a running app holds the data dir (its QLockFile), checked without Qt.

    Qt keeps an OS lock on the file while the app runs: flock on Unix, a handle that
    refuses sharing on Windows. A lock file left by a killed app holds neither.
    """
    lock = Path(data_dir) / INSTANCE_LOCK_FILENAME
    try:
        descriptor = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return False
    except PermissionError:
        return sys.platform.startswith("win")
    try:
        if sys.platform.startswith("win"):
            return False
        import fcntl

        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)


# ---------------------------------------------------------------------------- start


def ensure_writable(data_dir: Path) -> None:
    """Raise DataDirUnwritable unless files can be created in data_dir."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, probe = tempfile.mkstemp(prefix=".schrijftest-", dir=data_dir)
        os.close(descriptor)
        os.unlink(probe)
        database = data_dir / paths.DATABASE_FILENAME
        if database.exists() and not os.access(database, os.W_OK):
            raise PermissionError(13, "alleen-lezen", str(database))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirUnwritable(
            f"In de gegevensmap {data_dir} kan niet worden geschreven ({reason}). "
            "Kies een andere map voor uw gegevens."
        ) from exc


def _has_content(store: Store) -> bool:
    # One row of one table is enough; reading them all cost a second at every start.
    with raw_sqlite(store.engine) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        ).fetchall()
        return any(
            connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for (name,) in tables
        )


def inspect_data_dir(data_dir: Path) -> Damage | None:
    """inspect_store of the data dir's store file, if it has one."""
    database = Path(data_dir) / paths.DATABASE_FILENAME
    return inspect_store(database) if database.exists() else None


def open_store_safely(
    data_dir: Path, *, start_backup: bool = True, inspection: Future[Damage | None] | None = None
) -> tuple[Store, StartupReport]:
    """Open the store of data_dir, setting a damaged one aside first; the GUI and CLI use this.

    ``inspection``: inspect_data_dir already under way, which the GUI runs on another thread
    while it imports the window; nothing is opened before it has its answer.

    Raises DataDirUnwritable when nothing can be written there; every kind of damage to
    the store file itself ends in a started store and a report saying what happened.
    """
    data_dir = Path(data_dir)
    ensure_writable(data_dir)
    report = StartupReport(data_dir=data_dir, warnings=location_warnings(data_dir))
    database = data_dir / paths.DATABASE_FILENAME
    damage = inspect_data_dir(data_dir) if inspection is None else inspection.result()
    if damage is not None:
        log.error("store damaged (%s): %s", damage.kind.value, damage.detail)
        report.damage = damage
        report.moved_aside = tuple(move_aside_damaged(database))
    elif not database.exists():
        for orphan in (database.with_name(database.name + s) for s in ("-wal", "-shm")):
            if orphan.exists():
                report.moved_aside += tuple(move_aside_damaged(database))
                break
    report.created_new = not database.exists() or database.stat().st_size == 0
    if report.damage is not None or report.created_new:
        report.newest_backup = backup.newest_good_backup(data_dir)
    store = Store(data_dir)
    if start_backup and not report.created_new and _has_content(store):
        try:
            report.backup_made = backup.backup_if_changed(store, backup.Reason.START)
        except StoreError as exc:
            log.error("backup at start failed: %s", exc)
            report.warnings.append(str(exc))
    return store, report
