"""The SQLite file under the store: engine and PRAGMAs, schema revisions, checks and copies.

The bottom layer of the storage: it knows files and connections, not the domain, so the
store, its backups and the start-up checks all build on it without importing each other.
Alembic is imported only when the database is behind the newest migration, because
importing it costs start-up time on every launch otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, ExceptionContext

from taskforce_desktop import paths

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
BACKUP_DIRNAME = "backups"

_REVISION_RE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


class StoreError(Exception):
    """The store cannot be opened or written; the message is Dutch and meant for the user."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app; it must not be touched."""


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # foreign_keys is ignored inside an open transaction, so it is set per connection here.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: with WAL, NORMAL may roll back the last commits on power loss.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(database: Path) -> Engine:
    # hide_parameters: an error's message would otherwise carry the secretary's text into
    # the log (it names the SQL and its values).
    engine = create_engine(f"sqlite:///{database}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "handle_error", _reopen_after_io_error)
    return engine


_FILE_LOST_ERRORS = ("disk i/o error", "readonly database", "unable to open database file")


def _reopen_after_io_error(context: ExceptionContext) -> None:
    # A connection whose file went away (unplugged stick, remounted read-only) stays
    # broken after the disk is back; treating it as a lost connection makes the pool open
    # fresh ones, so the autosave's retry can succeed.
    error = context.original_exception
    if isinstance(error, sqlite3.OperationalError) and any(
        text in str(error).lower() for text in _FILE_LOST_ERRORS
    ):
        context.is_disconnect = True


def _revision_graph(versions_dir: Path | None) -> tuple[set[str], set[str]]:
    """All migration ids and those that are some migration's parent, read without Alembic."""
    versions_dir = versions_dir or paths.migrations_dir() / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions_dir.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        for key, value in _REVISION_RE.findall(source):
            ids = set(re.findall(r"['\"]([0-9A-Za-z_]+)['\"]", value))
            (revisions if key == "revision" else parents).update(ids)
    return revisions, parents


def head_revisions(versions_dir: Path | None = None) -> set[str]:
    """The newest migration ids."""
    revisions, parents = _revision_graph(versions_dir)
    return revisions - parents


def known_revisions(versions_dir: Path | None = None) -> set[str]:
    """Every migration id this version of the app can read (a newer app may add more)."""
    return _revision_graph(versions_dir)[0]


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        has_table = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return set()
        return {
            row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))
        }


def has_user_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return (
            connection.execute(
                text(
                    "SELECT 1 FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' LIMIT 1"
                )
            ).first()
            is not None
        )


@contextlib.contextmanager
def raw_sqlite(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A pooled connection as sqlite3 itself: for the backup API and reading every table."""
    raw = engine.raw_connection()
    try:
        yield cast(sqlite3.Connection, raw.driver_connection)
    finally:
        raw.close()


def read_only_connection(database: Path) -> sqlite3.Connection:
    """A connection that cannot change the file: for checking and looking into copies."""
    connection = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """The problems SQLite's quick_check finds; empty when the database is sound."""
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def check_file(database: Path) -> list[str]:
    """quick_check on a file, opened read-only; errors opening it count as problems."""
    try:
        connection = read_only_connection(database)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return quick_check(connection)
    finally:
        connection.close()


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        # Directories cannot be fsync'ed on Windows; the rename is still atomic there.
        pass
    finally:
        os.close(descriptor)


def sqlite_backup(source: Path | sqlite3.Connection, target: Path) -> Path:
    """Copy a database with SQLite's backup API: consistent even while it is in use.

    The copy is a self-contained file (rollback journal, not WAL), checked with quick_check
    and flushed to disk before it gets its final name; a copy that fails the check is
    deleted and StoreError raised, so a file under the target name is always sound.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    own_source = not isinstance(source, sqlite3.Connection)
    try:
        src = source if isinstance(source, sqlite3.Connection) else sqlite3.connect(source)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                try:
                    dst.execute("PRAGMA journal_mode=DELETE")
                except sqlite3.DatabaseError as exc:
                    problems = [str(exc)]
                else:
                    problems = quick_check(dst)
            finally:
                dst.close()
        finally:
            if own_source:
                src.close()
        if problems:
            raise StoreError(
                f"De reservekopie {target.name} is niet in orde en is verwijderd: "
                f"{'; '.join(problems[:3])}"
            )
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    restrict_permissions(target, 0o600)
    return target


def restrict_permissions(path: Path, mode: int) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def run_migrations(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


SchemaObject = tuple[str, str, tuple[Any, ...]]  # (type, name, what defines it)


def _quoted_identifier(name: str) -> str:
    # A hostile file may name its objects anything, quotes included.
    return '"' + name.replace('"', '""') + '"'


def _collapse_whitespace(sql: str | None) -> str:
    return " ".join((sql or "").split())


def schema_of(connection: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of a database, described to be compared.

    Tables and indexes are described by what SQLite reports of them (columns, keys, indexed
    columns), so a different SQLAlchemy's spelling of the same CREATE statement does not
    count as a difference; triggers, views and virtual tables are code and are compared
    by their text.
    """
    described: set[SchemaObject] = set()
    objects = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in objects:
        quoted, quoted_table = _quoted_identifier(name), _quoted_identifier(table)
        definition: tuple[Any, ...]
        if kind == "table" and not _collapse_whitespace(sql).upper().startswith("CREATE VIRTUAL"):
            definition = (
                tuple(connection.execute(f"PRAGMA table_xinfo({quoted})")),
                tuple(connection.execute(f"PRAGMA foreign_key_list({quoted})")),
            )
        elif kind == "index":
            unique_origin_partial = tuple(
                row[2:]
                for row in connection.execute(f"PRAGMA index_list({quoted_table})")
                if row[1] == name
            )
            definition = (
                table,
                tuple(connection.execute(f"PRAGMA index_xinfo({quoted})")),
                unique_origin_partial,
                _collapse_whitespace(sql).partition(" WHERE ")[2],
            )
        else:
            definition = (table, _collapse_whitespace(sql))
        described.add((kind, name, definition))
    return frozenset(described)


@functools.lru_cache(maxsize=4)
def migrated_schema(revisions: frozenset[str]) -> frozenset[SchemaObject]:
    """The schema this app's migrations give a new database at the given revisions."""
    engine = make_engine(Path(":memory:"))  # one connection per thread keeps it alive
    try:
        for revision in sorted(revisions):
            run_migrations(engine, revision)
        with raw_sqlite(engine) as connection:
            return schema_of(connection)
    finally:
        engine.dispose()


def move_aside_damaged(database: Path, now: dt.datetime | None = None) -> list[Path]:
    """Rename the store's files to ``*.damaged-<timestamp>``; returns the new paths.

    The WAL and shared-memory files go first: a WAL left beside a fresh database file
    would be replayed into it.
    """
    database = Path(database)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = database.with_name(f"{database.name}.damaged-{stamp}")
    counter = 2
    while any(base.with_name(base.name + suffix).exists() for suffix in ("", "-wal", "-shm")):
        base = database.with_name(f"{database.name}.damaged-{stamp}-{counter}")
        counter += 1
    moved = []
    for suffix in ("-wal", "-shm", ""):
        source = database.with_name(database.name + suffix)
        if source.exists():
            target = base.with_name(base.name + suffix)
            os.replace(source, target)
            moved.append(target)
    log.warning("damaged store moved aside as %s", base.name)
    return moved
