"""The local SQLite store: engine, PRAGMAs, sessions, migrations at start, backups.

Alembic is imported only when the database is behind the newest migration, because
importing it costs start-up time on every launch otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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
    engine = create_engine(f"sqlite:///{database}", future=True)
    event.listen(engine, "connect", _apply_pragmas)
    return engine


def head_revisions(versions_dir: Path | None = None) -> set[str]:
    """The newest migration ids, read from the migration files without importing Alembic."""
    versions_dir = versions_dir or paths.migrations_dir() / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions_dir.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        for key, value in _REVISION_RE.findall(source):
            ids = set(re.findall(r"['\"]([0-9A-Za-z_]+)['\"]", value))
            (revisions if key == "revision" else parents).update(ids)
    return revisions - parents


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


def sqlite_backup(source: Path | sqlite3.Connection, target: Path) -> Path:
    """Copy a database with SQLite's backup API: consistent even while it is in use."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    own_source = not isinstance(source, sqlite3.Connection)
    src = sqlite3.connect(str(source)) if own_source else source
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        if own_source:
            src.close()
    os.replace(partial, target)
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
        if _has_user_tables(self.engine):
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            target = self.backup_dir / f"voor-migratie-{stamp}.sqlite3"
            self.backup_to(target)
            log.info("backup before migration written to %s", target)
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
