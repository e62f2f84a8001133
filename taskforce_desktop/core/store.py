"""The local SQLite store: one file, its sessions, migrations at start, backups.

The file itself (engine, PRAGMAs, checks, copies) is ``sqlite_file``; this module adds the
sessions, with the approval lock attached to them, and migrating with a backup first.
The names of ``sqlite_file`` stay importable from here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from taskforce_desktop import paths
from taskforce_desktop.core import backup, lock
from taskforce_desktop.core.sqlite_file import (
    BACKUP_DIRNAME,
    BUSY_TIMEOUT_MS,
    NewerSchemaError,
    StoreError,
    check_file,
    current_revisions,
    has_user_tables,
    head_revisions,
    known_revisions,
    make_engine,
    quick_check,
    raw_sqlite,
    read_only_connection,
    restrict_permissions,
    run_migrations,
    sqlite_backup,
)

__all__ = [
    "BACKUP_DIRNAME",
    "BUSY_TIMEOUT_MS",
    "NewerSchemaError",
    "Store",
    "StoreError",
    "check_file",
    "current_revisions",
    "head_revisions",
    "known_revisions",
    "make_engine",
    "quick_check",
    "read_only_connection",
    "run_migrations",
    "sqlite_backup",
]


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
            restrict_permissions(self.path, 0o600)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        lock.guard_sessions(self._sessions)
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
        if has_user_tables(self.engine):
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
        with raw_sqlite(self.engine) as connection:
            return sqlite_backup(connection, target)

    def close(self) -> None:
        self.engine.dispose()
