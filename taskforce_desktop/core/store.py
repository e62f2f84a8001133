"""The local SQLite store: engine, PRAGMAs, sessions, migrations at start, backups.

Alembic is imported only when the database is behind the newest migration, because
importing it costs start-up time on every launch otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from taskforce_desktop import paths

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
BACKUP_DIRNAME = "backups"

_REVISION_RE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


class StoreError(Exception):
    """The store cannot be opened or written; the message is Dutch and meant for the user."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app; it must not be touched."""


def _apply_pragmas(dbapi_connection, _record) -> None:
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


def _reopen_after_io_error(context) -> None:
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


def _has_user_tables(engine: Engine) -> bool:
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
        src = sqlite3.connect(str(source)) if own_source else source
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
    _restrict_permissions(target, 0o600)
    return target


def _restrict_permissions(path: Path, mode: int) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def run_migrations(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Store:
    """One SQLite file in a data dir; everything else reaches the database through here."""

    def __init__(self, data_dir: Path, *, migrate: bool = True) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / paths.DATABASE_FILENAME
        self._prepare_dir()
        is_new = not self.path.exists()
        self.engine = make_engine(self.path)
        if is_new:
            # Touch the file now so its permissions are set before any data is in it.
            with self.engine.connect():
                pass
            _restrict_permissions(self.path, 0o600)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    def _prepare_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreError(
                f"De gegevensmap {self.data_dir} kan niet worden aangemaakt: {exc.strerror}."
            ) from exc

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIRNAME

    def pending_migration(self) -> bool:
        return current_revisions(self.engine) != head_revisions()

    def migrate(self) -> None:
        if not self.pending_migration():
            return
        unknown = current_revisions(self.engine) - known_revisions()
        if unknown:
            raise NewerSchemaError(
                "Deze gegevens zijn gemaakt met een nieuwere versie van Taskforce Verslag "
                f"(schema {', '.join(sorted(unknown))}). Werk het programma bij om ze te openen."
            )
        if _has_user_tables(self.engine):
            # Imported here: the backup module builds on this one.
            from taskforce_desktop.core import backup

            backup.before_risky_operation(self, backup.Reason.MIGRATION)
        run_migrations(self.engine)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def backup_to(self, target: Path) -> Path:
        raw = self.engine.raw_connection()
        try:
            return sqlite_backup(raw.driver_connection, target)
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
