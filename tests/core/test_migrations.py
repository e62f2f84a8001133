"""The models and the migrations describe the same schema, and the app migrates by itself."""

import sqlite3
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from taskforce_desktop.core.models import Base
from taskforce_desktop.core.store import Store, current_revisions, head_revisions


def test_there_is_exactly_one_head():
    assert len(head_revisions()) == 1


def test_empty_database_upgrades_to_head(store):
    assert current_revisions(store.engine) == head_revisions()
    with sqlite3.connect(store.path) as connection:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {
        "committee",
        "person",
        "meeting",
        "attendance",
        "agenda_item",
        "decision",
        "action",
    } <= tables


def test_autogenerate_finds_no_difference_between_models_and_migrations(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": _only_model_objects},
        )
        assert compare_metadata(context, Base.metadata) == []


def _only_model_objects(obj, name, type_, reflected, compare_to):
    # Objects the migrations create beside the models (full-text index tables) are not models.
    return not (
        type_ == "table" and reflected and compare_to is None and name not in Base.metadata.tables
    )


def test_a_store_at_head_opens_without_importing_alembic(tmp_path):
    import subprocess

    Store(tmp_path).close()
    script = (
        "import sys\nfrom pathlib import Path\nfrom taskforce_desktop.core.store import Store\n"
        f"Store(Path({str(tmp_path)!r})).close()\nprint('alembic' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"


def _store_at_first_revision(directory):
    """A store as the first release of the app left it, holding one committee."""
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths
    from taskforce_desktop.core.store import make_engine

    assert head_revisions() != {"0001"}, "needs a second migration to test upgrading"
    directory.mkdir(parents=True, exist_ok=True)
    engine = make_engine(directory / "taskforce.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO committee(name, contact, created_at, updated_at) "
            "VALUES ('Oud overleg', '', '2020-01-01', '2020-01-01')"
        )
    engine.dispose()
    return directory / "taskforce.sqlite3"


def test_restoring_a_backup_from_before_a_migration_brings_it_up_to_date(store, tmp_path):
    from taskforce_desktop.core import backup, search, services

    old = _store_at_first_revision(tmp_path / "oud")
    backup.restore(store.data_dir, old)
    assert current_revisions(store.engine) == head_revisions()
    assert [c.name for c in services.list_committees(store)] == ["Oud overleg"]
    assert search.search(store, "overleg") == []  # the index exists (no meetings yet)


def test_pending_migration_is_preceded_by_a_backup(tmp_path):
    _store_at_first_revision(tmp_path)
    Store(tmp_path).close()
    backups = list((tmp_path / "backups").iterdir())
    assert backups, "no backup was written before the migration"
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT name FROM committee").fetchone() == ("Oud overleg",)
