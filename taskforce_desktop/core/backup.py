"""Backups of the store: written with SQLite's backup API, verified, pruned, listed, restored.

A backup is one self-contained SQLite file in ``<data dir>/backups`` named
``taskforce-<UTC time>-<reason>.sqlite3``. Backups are made at start when the store changed
since the newest one, every 30 minutes of editing, and before every risky operation
(migration, import, restore). Retention follows Anki: the newest backup of each of the last
12 days, 10 weeks and 9 months that have one, and always the last 10.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import logging
import marshal
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taskforce_desktop import paths
from taskforce_desktop.core.private_files import LEFTOVER_AGE_SECONDS, remove_older_than
from taskforce_desktop.core.sqlite_file import (
    BACKUP_DIRNAME,
    BUSY_TIMEOUT_MS,
    StoreError,
    check_file,
    current_revisions,
    head_revisions,
    known_revisions,
    make_engine,
    migrated_schema,
    move_aside_damaged,
    raw_sqlite,
    read_only_connection,
    run_migrations,
    schema_of,
    sqlite_backup,
)

if TYPE_CHECKING:  # the store builds on this module (it backs up before migrating)
    from taskforce_desktop.core.store import Store

log = logging.getLogger(__name__)

EDITING_INTERVAL = dt.timedelta(minutes=30)
KEEP_LAST = 10
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9

_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME_RE = re.compile(r"^taskforce-(\d{8}T\d{6}Z)(?:-(\d+))?-([a-z-]+)\.sqlite3$")
# A backup being written is "<its name>.partial" (sqlite_backup), with SQLite's journal beside.
_PARTIAL_RE = re.compile(_NAME_RE.pattern.removesuffix("$") + r"\.partial(?:-journal)?$")


class BackupError(StoreError):
    """A backup could not be written, read or restored; the message is Dutch."""


class Reason(str, enum.Enum):
    """Why a backup was made; the value is part of its file name."""

    START = "start"
    PERIODIC = "periodiek"
    MANUAL = "handmatig"
    MIGRATION = "migratie"
    IMPORT = "import"
    RESTORE = "voor-herstel"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]


_REASON_LABELS = {
    Reason.START: "bij het starten",
    Reason.PERIODIC: "tijdens het werken",
    Reason.MANUAL: "handmatig",
    Reason.MIGRATION: "voor een database-update",
    Reason.IMPORT: "voor een import",
    Reason.RESTORE: "voor het herstellen van een reservekopie",
}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # aware, UTC
    reason: Reason
    size: int
    meetings: int | None  # None when the file cannot be read


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIRNAME


def remove_partial_backups(data_dir: Path) -> list[Path]:
    """The partial files a killed backup left in the backup folder (a running one is younger)."""
    return remove_older_than(backup_dir(data_dir), LEFTOVER_AGE_SECONDS, _PARTIAL_RE)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _parse_name(path: Path) -> tuple[dt.datetime, Reason] | None:
    match = _NAME_RE.match(path.name)
    if not match:
        return None
    try:
        reason = Reason(match.group(3))
    except ValueError:
        return None
    created = dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=dt.timezone.utc)
    return created, reason


def _new_backup_path(directory: Path, reason: Reason, now: dt.datetime) -> Path:
    stamp = now.astimezone(dt.timezone.utc).strftime(_STAMP_FORMAT)
    candidate = directory / f"taskforce-{stamp}-{reason.value}.sqlite3"
    counter = 2
    while candidate.exists():
        candidate = directory / f"taskforce-{stamp}-{counter}-{reason.value}.sqlite3"
        counter += 1
    return candidate


# ---------------------------------------------------------------------------- retention


def backups_to_keep(created: Sequence[dt.datetime]) -> set[int]:
    """Indices of the backups to keep, given when each was made (in the user's local time).

    Keeps the newest backup of each of the last 12 days, 10 ISO weeks and 9 months that have
    a backup at all, and always the 10 newest. Applying it to what it keeps keeps everything.
    """
    newest_first = sorted(range(len(created)), key=lambda index: created[index], reverse=True)
    keep = set(newest_first[:KEEP_LAST])
    periods: list[tuple[Callable[[dt.datetime], object], int]] = [
        (lambda moment: moment.date(), KEEP_DAILY),
        (lambda moment: moment.isocalendar()[:2], KEEP_WEEKLY),
        (lambda moment: (moment.year, moment.month), KEEP_MONTHLY),
    ]
    for period_of, count in periods:
        seen: set[object] = set()
        for index in newest_first:
            period = period_of(created[index])
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.add(period)
            keep.add(index)
    return keep


def prune(data_dir: Path) -> list[Path]:
    """Delete the backups the retention rules no longer keep; returns what was deleted."""
    backups = _named_backups(backup_dir(data_dir))
    keep = backups_to_keep([created.astimezone() for _path, created, _reason in backups])
    removed = []
    for index, (path, _created, _reason) in enumerate(backups):
        if index in keep:
            continue
        try:
            path.unlink()
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", path.name, exc)
            continue
        removed.append(path)
    if removed:
        log.info("removed %d old backup(s)", len(removed))
    return removed


# ---------------------------------------------------------------------------- writing


def make_backup(store: Store, reason: Reason, *, now: dt.datetime | None = None) -> Path:
    """Write and verify a backup of the open store, then prune old ones."""
    target = _new_backup_path(store.backup_dir, reason, now or _utcnow())
    try:
        store.backup_to(target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"De reservekopie kon niet worden gemaakt: {_describe(exc)}") from exc
    except StoreError as exc:
        raise BackupError(str(exc)) from exc
    log.info("backup written: %s", target.name)
    prune(store.data_dir)
    return target


def before_risky_operation(store: Store, operation: Reason | str) -> Path:
    """Back up before an operation that changes much at once (migration, import, restore)."""
    return make_backup(store, Reason(operation))


def backup_if_changed(store: Store, reason: Reason = Reason.START) -> Path | None:
    """Back up when the store's content differs from the newest backup's."""
    newest = newest_backup_path(store.data_dir)
    if newest is not None and content_digest_of_file(newest) == store_digest(store):
        return None
    return make_backup(store, reason)


def backup_if_due(store: Store, now: dt.datetime) -> Path | None:
    """Called while editing: a backup when the newest is 30 minutes old and the store changed."""
    backups = _named_backups(store.backup_dir)
    if backups:
        _path, newest_created, _reason = backups[-1]
        if now - newest_created < EDITING_INTERVAL:
            return None
        if content_digest_of_file(backups[-1][0]) == store_digest(store):
            return None
    return make_backup(store, Reason.PERIODIC, now=now)


# ---------------------------------------------------------------------------- reading


def _table_names(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]


def table_dump(connection: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: to compare two databases' content."""
    # Sorted in Python: some tables (full-text index internals) have no rowid to order by.
    return {
        table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
        for table in _table_names(connection)
    }


# Version 2 writes no back-references, so equal rows always give equal bytes; it is five
# times faster than repr() on long texts.
_MARSHAL_VERSION = 2


def _digest(connection: sqlite3.Connection) -> str:
    """A hash of every row of every table, sorted by SQLite and streamed.

    Not built on table_dump: holding and sorting a ten-year store in Python took seconds
    and hundreds of megabytes at every start (see the README, Performance).
    """
    digest = hashlib.sha256()
    virtual = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
    }
    # A virtual table's rows are those of its shadow tables, which are hashed themselves.
    for table in (name for name in _table_names(connection) if name not in virtual):
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        order = ", ".join(f'"{column}"' for column in columns)
        digest.update(marshal.dumps(table, _MARSHAL_VERSION))
        for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
            digest.update(marshal.dumps(row, _MARSHAL_VERSION))
    return digest.hexdigest()


def store_digest(store: Store) -> str:
    with raw_sqlite(store.engine) as connection:
        return _digest(connection)


def content_digest_of_file(database: Path) -> str | None:
    try:
        connection = read_only_connection(database)
        try:
            return _digest(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _named_backups(directory: Path) -> list[tuple[Path, dt.datetime, Reason]]:
    """Our backup files, oldest first (files we did not name are left alone)."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for path in directory.iterdir():
            parsed = _parse_name(path)
            if parsed is not None and path.is_file():
                found.append((path, *parsed))
    # Names carry whole seconds; the file time orders backups made within one second.
    found.sort(key=lambda entry: (entry[1], _mtime_ns(entry[0])))
    return found


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def count_meetings(database: Path) -> int | None:
    try:
        connection = read_only_connection(database)
        try:
            has_table = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meeting'"
            ).fetchone()
            if not has_table:
                return 0
            count: int = connection.execute("SELECT count(*) FROM meeting").fetchone()[0]
            return count
        finally:
            connection.close()
    except sqlite3.Error:
        return None


@dataclass(frozen=True)
class BackupMeeting:
    date: dt.date
    committee: str
    title: str


def meetings_in(database: Path) -> list[BackupMeeting]:
    """The meetings a backup holds, newest first, read without changing the file."""
    connection = read_only_connection(database)
    try:
        rows = connection.execute(
            "SELECT meeting.date, committee.name, meeting.title FROM meeting "
            "JOIN committee ON committee.id = meeting.committee_id "
            "ORDER BY meeting.date DESC, meeting.id DESC"
        ).fetchall()
    except sqlite3.Error as exc:
        raise BackupError(f"{Path(database).name} kan niet worden gelezen: {exc}") from exc
    finally:
        connection.close()
    return [BackupMeeting(dt.date.fromisoformat(str(d)[:10]), c, t or "") for d, c, t in rows]


def list_backups(data_dir: Path | None = None) -> list[BackupInfo]:
    """The backups of a data dir, newest first, each read read-only for its meeting count."""
    data_dir = Path(data_dir) if data_dir is not None else paths.resolve_data_dir()
    infos = []
    for path, created, reason in reversed(_named_backups(backup_dir(data_dir))):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        infos.append(BackupInfo(path, created, reason, size, count_meetings(path)))
    return infos


def newest_backup_path(data_dir: Path) -> Path | None:
    backups = _named_backups(backup_dir(data_dir))
    return backups[-1][0] if backups else None


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check and that this app version can read."""
    for info in list_backups(data_dir):
        if not validate_backup(info.path):
            return info
    return None


def validate_backup(database: Path) -> list[str]:
    """Why a file cannot be restored (Dutch); empty when it can."""
    if not Path(database).is_file():
        return [f"{database} bestaat niet."]
    problems = check_file(database)
    if problems:
        return [f"{Path(database).name} is beschadigd of geen database: {problems[0]}"]
    try:
        connection = read_only_connection(database)
        try:
            revisions = {
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            }
        finally:
            connection.close()
    except sqlite3.Error:
        return [f"{Path(database).name} is geen reservekopie van Taskforce Verslag."]
    if not revisions:
        return [f"{Path(database).name} is geen reservekopie van Taskforce Verslag."]
    if revisions - known_revisions():
        return [
            f"{Path(database).name} is gemaakt met een nieuwere versie van Taskforce Verslag; "
            "werk het programma bij om hem te herstellen."
        ]
    return _schema_problems(database, frozenset(revisions))


_SCHEMA_KINDS = {"table": "tabel", "index": "index", "trigger": "trigger", "view": "view"}


def _schema_problems(database: Path, revisions: frozenset[str]) -> list[str]:
    """A backup's tables, indexes and triggers must be exactly what the migrations made at
    its revision: an added trigger would run inside the store from then on (it could
    rewrite every meeting at the next import)."""
    try:
        connection = read_only_connection(database)
        try:
            found = schema_of(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return [f"{Path(database).name} is geen reservekopie van Taskforce Verslag."]
    expected = migrated_schema(revisions)
    if found == expected:
        return []
    expected_names = {(kind, name) for kind, name, _definition in expected}
    found_names = {(kind, name) for kind, name, _definition in found}
    differences = []
    for kind, name in sorted({(kind, name) for kind, name, _definition in found ^ expected}):
        if (kind, name) not in found_names:
            how = "ontbreekt"
        elif (kind, name) not in expected_names:
            how = "hoort er niet in"
        else:
            how = "is anders"
        differences.append(f"{_SCHEMA_KINDS.get(kind, kind)} ‘{name}’ {how}")
    return [
        f"{Path(database).name} is niet zoals Taskforce Verslag zijn database maakt "
        f"({'; '.join(differences[:3])}) en wordt niet hersteld."
    ]


# ---------------------------------------------------------------------------- restoring


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    set_aside: Path | None  # the store as it was before, itself a backup now
    moved_aside: tuple[Path, ...]  # files of a damaged store moved aside instead


def restore(
    store_dir: Path,
    backup: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RestoreResult:
    """Replace the store's content with a backup's, all or nothing.

    The current store is first written as a backup itself (or, when it is damaged, moved
    aside). The content is then copied with the backup API into the live database file in
    one transaction: a failure halfway leaves the store exactly as it was. Callers must not
    hold an open write transaction on the store meanwhile; open connections see the
    restored content on their next read.
    """
    store_dir = Path(store_dir)
    backup = Path(backup)
    problems = validate_backup(backup)
    if problems:
        raise BackupError(problems[0])
    store_dir.mkdir(parents=True, exist_ok=True)
    database = store_dir / paths.DATABASE_FILENAME
    set_aside: Path | None = None
    moved: tuple[Path, ...] = ()
    if database.exists():
        if check_file(database):
            moved = tuple(move_aside_damaged(database))
        else:
            set_aside = _new_backup_path(backup_dir(store_dir), Reason.RESTORE, _utcnow())
            try:
                sqlite_backup(database, set_aside)
            except (OSError, sqlite3.Error, StoreError) as exc:
                raise BackupError(
                    "De huidige gegevens konden niet apart worden gezet; er is niets hersteld: "
                    f"{_describe(exc)}"
                ) from exc
    _copy_into_live_database(backup, database, progress)
    problems = check_file(database)
    if problems:
        if set_aside is not None:
            _copy_into_live_database(set_aside, database, None)
        raise BackupError(
            f"Na het herstellen was de database niet in orde ({problems[0]}); "
            "de vorige gegevens zijn teruggezet."
        )
    _bring_schema_up_to_date(database)
    log.info("restored store from %s", backup.name)
    prune(store_dir)
    return RestoreResult(backup, set_aside, moved)


def _bring_schema_up_to_date(database: Path) -> None:
    """A backup from before a migration is migrated at once: the running app (which keeps
    its store open across a restore) must never read or write a schema it does not know."""
    engine = make_engine(database)
    try:
        if current_revisions(engine) != head_revisions():
            run_migrations(engine)
    finally:
        engine.dispose()


def _copy_into_live_database(
    source: Path, database: Path, progress: Callable[[int, int], None] | None
) -> None:
    try:
        src = read_only_connection(source)
        try:
            dst = sqlite3.connect(str(database), timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                # The live store runs in WAL mode; the backup API then writes the whole
                # copy as one WAL transaction, which a crash or error rolls back.
                dst.execute("PRAGMA journal_mode=WAL")
                dst.execute("PRAGMA synchronous=FULL")
                src.backup(
                    dst,
                    pages=64,
                    progress=(lambda _status, remaining, total: progress(remaining, total))
                    if progress
                    else None,
                )
            finally:
                dst.close()
        finally:
            src.close()
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"Herstellen is mislukt; de gegevens zijn ongewijzigd: {_describe(exc)}"
        ) from exc


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
