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


def _store_at(directory, revision, fill):
    """A store as the release with this last migration left it, filled on its connection."""
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths
    from taskforce_desktop.core.store import make_engine

    assert head_revisions() != {revision}, "needs a later migration to test upgrading"
    directory.mkdir(parents=True, exist_ok=True)
    engine = make_engine(directory / "taskforce.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        fill(connection)
    engine.dispose()
    return directory / "taskforce.sqlite3"


def _insert(connection, table, **values):
    values = {"created_at": "2020-01-01", "updated_at": "2020-01-01", **values}
    marks = ", ".join("?" for _ in values)
    cursor = connection.exec_driver_sql(
        f"INSERT INTO {table}({', '.join(values)}) VALUES ({marks})", tuple(values.values())
    )
    return cursor.lastrowid


def _store_at_first_revision(directory):
    """A store as the first release of the app left it, holding one committee."""
    return _store_at(
        directory,
        "0001",
        lambda connection: _insert(connection, "committee", name="Oud overleg", contact=""),
    )


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


def _meeting_with_rows(connection, committee, date, points):
    """A meeting of 0002's schema; points are (position, decisions, actions) in insert order."""
    meeting = _insert(
        connection,
        "meeting",
        committee_id=committee,
        title=date,
        date=date,
        location="",
        mode="physical",
        status="draft",
        corrections="",
        introduction="",
        closing="",
    )
    for index, (position, decisions, actions) in enumerate(points):
        item = _insert(
            connection,
            "agenda_item",
            meeting_id=meeting,
            position=position,
            manual_number="",
            title=f"Punt {index}",
            presenter="",
            purpose="noting",
            introduction="",
            notes="",
            conclusion="",
            confidential=False,
            standing=False,
            kind="regular",
        )
        for row, text in enumerate(decisions):
            _insert(connection, "decision", agenda_item_id=item, position=row, text=text)
        for row, text in enumerate(actions):
            _insert(
                connection,
                "action",
                agenda_item_id=item,
                position=row,
                description=text,
                owner="",
                status="open",
            )


def _two_september_meetings(connection):
    taskforce = _insert(connection, "committee", name="Taskforce", contact="")
    other = _insert(connection, "committee", name="Adviesraad", contact="")
    # Made before the meeting it follows: the date, not the id, says which came first.
    _meeting_with_rows(connection, taskforce, "2022-09-22", [(0, ["Besluit laat"], ["C1", "C2"])])
    # Its second point was made first, so agenda order and id order differ.
    _meeting_with_rows(
        connection,
        taskforce,
        "2022-09-01",
        [(1, [], ["A1"]), (0, ["Besluit vroeg"], ["B1", "B2"])],
    )
    _meeting_with_rows(connection, taskforce, "2022-10-06", [(0, [], ["D1"])])
    _meeting_with_rows(connection, other, "2022-09-01", [(0, ["Besluit elders"], ["E1"])])


def test_migrating_keeps_every_unique_number_and_renumbers_only_the_duplicates(tmp_path):
    from taskforce_desktop.core import followup, services

    _store_at(tmp_path, "0002", _two_september_meetings)
    store = Store(tmp_path)
    try:
        taskforce, other = sorted(
            services.list_committees(store), key=lambda c: c.name != "Taskforce"
        )
        actions = {
            e.action.description: e.number for e in followup.committee_actions(store, taskforce.id)
        }
        decisions = {
            e.decision.text: e.number for e in followup.committee_decisions(store, taskforce.id)
        }
        elsewhere = [e.number for e in followup.committee_actions(store, other.id)]
        # What the first meeting of the month and the October one showed stays; the later
        # September meeting's /1 and /2 were taken and continue above the month's highest.
        assert actions == {
            "B1": "2022-09/1",
            "B2": "2022-09/2",
            "A1": "2022-09/3",
            "C1": "2022-09/4",
            "C2": "2022-09/5",
            "D1": "2022-10/1",
        }
        assert decisions == {"Besluit vroeg": "2022-09/1", "Besluit laat": "2022-09/2"}
        assert elsewhere == ["2022-09/1"]
        # And the next one given continues after them.
        september = next(
            m for m in services.list_meetings(store) if m.date.isoformat() == "2022-09-22"
        )
        point = services.load_meeting(store, september.id).agenda[0].id
        new = services.add_action(store, point, "Nieuw")
        assert (
            next(
                a.number
                for a in services.load_meeting(store, september.id).agenda[0].actions
                if a.id == new
            )
            == "2022-09/6"
        )
    finally:
        store.close()


def test_migrating_to_stukken_keeps_the_meetings_and_going_back_drops_only_the_stukken(tmp_path):
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths
    from taskforce_desktop.core import services

    def one_meeting(connection):
        committee = _insert(connection, "committee", name="Taskforce", contact="")
        _meeting_with_rows(connection, committee, "2031-03-14", [(0, ["Besluit"], ["Actie"])])

    database = _store_at(tmp_path, "0003", one_meeting)
    store = Store(tmp_path)
    try:
        [summary] = services.list_meetings(store)
        [point] = services.load_meeting(store, summary.id).agenda
        assert point.documents == ()
        services.attach_document(store, point.id, "notitie.pdf", b"%PDF-1.4")
    finally:
        store.close()

    from taskforce_desktop.core.store import make_engine

    engine = make_engine(database)
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()
    with sqlite3.connect(database) as connection:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert "agenda_document" not in tables
        assert connection.execute("SELECT title FROM agenda_item").fetchall() == [("Punt 0",)]
        assert connection.execute("SELECT description FROM action").fetchall() == [("Actie",)]
