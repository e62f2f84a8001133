"""Backups: written with the backup API and verified, pruned by Anki's rules, restored whole."""

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskforce_desktop.core import backup, services
from taskforce_desktop.core.backup import BackupError, Reason, backups_to_keep
from taskforce_desktop.core.store import Store, StoreError, read_only_connection, sqlite_backup

UTC = dt.timezone.utc


def add_meeting(store, title="Overleg over de wijkaanpak", notes="De wijkteams lichten toe."):
    committees = services.list_committees(store)
    committee_id = (
        committees[0].id
        if committees
        else services.create_committee(store, "Taskforce Samen Organiseren").id
    )
    meeting_id = services.create_meeting(
        store, committee_id, title=title, date=dt.date(2031, 9, 12)
    )
    services.add_agenda_item(store, meeting_id, title="Opening", notes=notes)
    return meeting_id


def meeting_titles(store):
    return sorted(summary.title for summary in services.list_meetings(store))


# ---------------------------------------------------------------------------- retention


def test_keeps_everything_while_there_are_ten_or_fewer():
    created = [dt.datetime(2031, 1, 1, 12, 0) + dt.timedelta(minutes=i) for i in range(10)]
    assert backups_to_keep(created) == set(range(10))


def test_keeps_newest_of_each_day_week_and_month_beyond_the_last_ten():
    # One backup every 6 hours for 400 days: far more than the rules keep.
    start = dt.datetime(2030, 1, 1)
    created = [start + dt.timedelta(hours=6 * i) for i in range(1600)]
    kept = sorted(created[i] for i in backups_to_keep(created))
    newest = created[-1]
    assert created[-10:] == kept[-10:]
    kept_days = {moment.date() for moment in kept}
    for days_back in range(12):
        assert newest.date() - dt.timedelta(days=days_back) in kept_days
    kept_months = {(m.year, m.month) for m in kept}
    assert len(kept_months) == 9
    # 10 newest + 12 days + 10 weeks + 9 months, overlapping
    assert len(kept) <= 41
    assert min(kept) > newest - dt.timedelta(days=9 * 31 + 1)


def test_a_day_is_represented_by_its_newest_backup():
    created = [dt.datetime(2031, 5, d, h) for d in range(1, 20) for h in (9, 13, 17)]
    kept = {created[i] for i in backups_to_keep(created)}
    assert dt.datetime(2031, 5, 10, 17) in kept
    assert dt.datetime(2031, 5, 10, 9) not in kept
    # Older than the last 12 days: only the newest of its week stays.
    assert dt.datetime(2031, 5, 4, 17) in kept
    assert dt.datetime(2031, 5, 3, 17) not in kept


moments = st.lists(
    st.datetimes(min_value=dt.datetime(2029, 1, 1), max_value=dt.datetime(2032, 1, 1)),
    max_size=120,
    unique=True,
)


@settings(max_examples=200)
@given(moments)
def test_retention_rules_hold_for_any_history(created):
    kept = backups_to_keep(created)
    newest_first = sorted(range(len(created)), key=lambda i: created[i], reverse=True)
    assert set(newest_first[:10]) <= kept
    assert len(kept) <= 10 + 12 + 10 + 9
    days = sorted({m.date() for m in created}, reverse=True)[:12]
    for day in days:
        newest_that_day = max(m for m in created if m.date() == day)
        assert created.index(newest_that_day) in kept
    # Pruning twice deletes nothing more the second time.
    survivors = [created[i] for i in sorted(kept)]
    assert backups_to_keep(survivors) == set(range(len(survivors)))


# ---------------------------------------------------------------------------- writing


def test_backup_is_a_verified_standalone_copy_with_the_meetings(store, data_dir):
    add_meeting(store)
    path = backup.make_backup(store, Reason.MANUAL)
    assert path.parent == data_dir / "backups"
    assert path.name.startswith("taskforce-") and path.name.endswith("-handmatig.sqlite3")
    assert not list(path.parent.glob("*.partial"))
    connection = read_only_connection(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT title FROM meeting").fetchall() == [
            ("Overleg over de wijkaanpak",)
        ]
    finally:
        connection.close()
    [info] = backup.list_backups(data_dir)
    assert (info.path, info.reason, info.meetings) == (path, Reason.MANUAL, 1)
    assert info.size == path.stat().st_size > 0


def test_a_backup_that_fails_its_check_is_deleted_and_reported(tmp_path):
    source = tmp_path / "bron.sqlite3"
    connection = sqlite3.connect(source)
    connection.execute("CREATE TABLE t (x PRIMARY KEY)")
    connection.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(2000)])
    connection.commit()
    # Corrupt the index behind SQLite's back: the copy carries the damage along.
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute("UPDATE sqlite_master SET sql='CREATE TABLE t (x)' WHERE name='t'")
    connection.commit()
    connection.close()
    raw = bytearray(source.read_bytes())
    raw[-2000:-1000] = bytes(1000)
    source.write_bytes(raw)
    target = tmp_path / "backups" / "kopie.sqlite3"
    with pytest.raises(StoreError, match="niet in orde"):
        sqlite_backup(source, target)
    assert list(target.parent.iterdir()) == []


def test_names_stay_unique_within_one_second(store):
    now = dt.datetime(2031, 3, 4, 10, 0, tzinfo=UTC)
    first = backup.make_backup(store, Reason.IMPORT, now=now)
    second = backup.make_backup(store, Reason.IMPORT, now=now)
    assert first != second and first.exists() and second.exists()


def test_prune_deletes_only_what_retention_drops_and_leaves_foreign_files(store, data_dir):
    folder = data_dir / "backups"
    start = dt.datetime(2031, 1, 1, tzinfo=UTC)
    for day in range(30):
        backup.make_backup(store, Reason.START, now=start + dt.timedelta(days=day))
    (folder / "mijn-eigen-kopie.sqlite3").write_bytes(b"van de gebruiker")
    names = [info.path.name for info in backup.list_backups(data_dir)]
    # 30 daily backups within two months: 10 newest + 12 days + weeks + 2 months.
    assert 12 <= len(names) < 30
    assert (folder / "mijn-eigen-kopie.sqlite3").exists()
    assert names[0].startswith("taskforce-20310130T")


def test_start_backup_only_when_the_store_changed(store, data_dir):
    add_meeting(store)
    assert backup.backup_if_changed(store) is not None
    assert backup.backup_if_changed(store) is None
    add_meeting(store, title="Tweede overleg")
    assert backup.backup_if_changed(store) is not None
    assert len(backup.list_backups(data_dir)) == 2


def test_periodic_backup_every_thirty_minutes_of_editing(store, data_dir):
    start = dt.datetime(2031, 3, 4, 10, 0, tzinfo=UTC)
    add_meeting(store)
    assert backup.backup_if_due(store, start) is not None
    add_meeting(store, title="Nog een")
    assert backup.backup_if_due(store, start + dt.timedelta(minutes=29)) is None
    assert backup.backup_if_due(store, start + dt.timedelta(minutes=30)) is not None
    # Thirty minutes without editing: nothing new to save.
    assert backup.backup_if_due(store, start + dt.timedelta(minutes=70)) is None


def test_migration_backs_up_first_with_verified_naming(data_dir):
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths
    from taskforce_desktop.core.store import head_revisions, known_revisions

    older = sorted(known_revisions() - head_revisions())
    if not older:
        pytest.skip("only one migration so far")
    old_store = Store(data_dir, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with old_store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, older[0])
        connection.exec_driver_sql(
            "INSERT INTO committee (name, contact, created_at, updated_at) "
            "VALUES ('Taskforce Samen Organiseren', '', '2031-01-01', '2031-01-01')"
        )
    old_store.close()
    migrated = Store(data_dir)
    try:
        [info] = backup.list_backups(data_dir)
        assert info.reason is Reason.MIGRATION
        connection = read_only_connection(info.path)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (older[0],)
        ]
        assert connection.execute("SELECT name FROM committee").fetchall() == [
            ("Taskforce Samen Organiseren",)
        ]
        connection.close()
        assert [c.name for c in services.list_committees(migrated)] == [
            "Taskforce Samen Organiseren"
        ]
    finally:
        migrated.close()


# ---------------------------------------------------------------------------- restoring


def test_restore_brings_back_the_backup_and_sets_the_current_store_aside(store, data_dir):
    add_meeting(store, title="Voor de kopie")
    saved = backup.make_backup(store, Reason.MANUAL)
    add_meeting(store, title="Na de kopie")
    result = backup.restore(data_dir, saved)
    assert meeting_titles(store) == ["Voor de kopie"]
    assert result.set_aside is not None and result.set_aside.name.endswith("-voor-herstel.sqlite3")
    assert backup.count_meetings(result.set_aside) == 2
    # The set-aside store can itself be restored: nothing is ever lost by restoring.
    backup.restore(data_dir, result.set_aside)
    assert meeting_titles(store) == ["Na de kopie", "Voor de kopie"]


def test_a_restore_that_fails_halfway_leaves_the_store_as_it_was(store, data_dir):
    for i in range(40):
        add_meeting(store, title=f"Vergadering {i}", notes="Een lange impressie. " * 200)
    saved = backup.make_backup(store, Reason.MANUAL)
    services.delete_meeting(store, services.list_meetings(store)[0].id)
    before = meeting_titles(store)
    calls = []

    def interrupted(remaining, total):
        calls.append(remaining)
        raise RuntimeError("stroom weg")

    with pytest.raises(RuntimeError):
        backup.restore(data_dir, saved, progress=interrupted)
    assert calls and calls[0] > 0  # it stopped with pages still to copy
    assert meeting_titles(store) == before
    problems = backup.check_file(data_dir / "taskforce.sqlite3")
    assert problems == []


def test_restore_refuses_a_file_that_is_not_a_backup(store, data_dir, tmp_path):
    add_meeting(store)
    bogus = tmp_path / "boodschappen.sqlite3"
    bogus.write_bytes(b"melk, brood, kaas" * 100)
    with pytest.raises(BackupError, match="beschadigd of geen database"):
        backup.restore(data_dir, bogus)
    other = tmp_path / "ander.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE boek (titel)").connection.close()
    with pytest.raises(BackupError, match="geen reservekopie"):
        backup.restore(data_dir, other)
    assert meeting_titles(store) == ["Overleg over de wijkaanpak"]
    assert backup.list_backups(data_dir) == []


def test_restore_refuses_a_backup_from_a_newer_app(store, data_dir):
    add_meeting(store)
    newer = backup.make_backup(store, Reason.MANUAL)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="nieuwere versie"):
        backup.restore(data_dir, newer)


def _tampered_backup(store, sql):
    add_meeting(store, title="Eigen vergadering", notes="Wat zij echt opschreef.")
    tampered = backup.make_backup(store, Reason.MANUAL)
    connection = sqlite3.connect(tampered)
    connection.execute(sql)
    connection.commit()
    connection.close()
    return tampered


def test_restore_refuses_a_backup_with_a_trigger_the_app_never_made(store, data_dir):
    tampered = _tampered_backup(
        store,
        "CREATE TRIGGER herschrijf AFTER INSERT ON agenda_item "
        "BEGIN UPDATE agenda_item SET notes = 'overgenomen'; END",
    )
    backups_before = backup.list_backups(data_dir)
    with pytest.raises(BackupError, match="trigger ‘herschrijf’ hoort er niet in"):
        backup.restore(data_dir, tampered)
    assert backup.validate_backup(tampered) != []
    # Nothing was replaced or set aside, and the store has no such trigger.
    assert backup.list_backups(data_dir) == backups_before
    assert meeting_titles(store) == ["Eigen vergadering"]
    connection = read_only_connection(data_dir / "taskforce.sqlite3")
    triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    assert "herschrijf" not in {name for (name,) in triggers}
    connection.close()


def test_restore_refuses_a_backup_whose_tables_were_changed(store, data_dir):
    tampered = _tampered_backup(store, "ALTER TABLE meeting ADD COLUMN verborgen TEXT")
    with pytest.raises(BackupError, match="tabel ‘meeting’ is anders"):
        backup.restore(data_dir, tampered)
    tampered = _tampered_backup(store, "DROP INDEX ix_meeting_date")
    with pytest.raises(BackupError, match="index ‘ix_meeting_date’ ontbreekt"):
        backup.restore(data_dir, tampered)


def test_restore_into_an_empty_data_dir(store, data_dir, tmp_path):
    add_meeting(store)
    saved = backup.make_backup(store, Reason.MANUAL)
    elsewhere = tmp_path / "nieuwe-laptop"
    result = backup.restore(elsewhere, saved)
    assert result.set_aside is None
    fresh = Store(elsewhere)
    try:
        assert meeting_titles(fresh) == ["Overleg over de wijkaanpak"]
    finally:
        fresh.close()


# ---------------------------------------------------------------------------- around others


def test_an_import_is_preceded_by_a_backup(store, data_dir):
    from taskforce_desktop.core.meeting_file import export_meeting_file, import_meeting_file

    meeting_id = add_meeting(store)
    exported = export_meeting_file(store, meeting_id).replace(
        "Overleg over de wijkaanpak", "Ingelezen overleg"
    )
    import_meeting_file(store, exported)
    [info] = backup.list_backups(data_dir)
    assert info.reason is Reason.IMPORT and info.meetings == 1


# ---------------------------------------------------------------------------- command line


def run_cli(capsys, *args):
    from taskforce_desktop import cli

    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_backup_backups_and_restore(store, data_dir, capsys):
    add_meeting(store, title="Eerste")
    code, out, _err = run_cli(capsys, "backup")
    assert code == 0
    saved = out.strip().splitlines()[-1]
    assert saved.endswith("-handmatig.sqlite3")
    add_meeting(store, title="Tweede")

    code, out, _err = run_cli(capsys, "backups")
    assert code == 0
    created, size, meetings, reason, path = out.splitlines()[0].split("\t")
    assert (meetings, reason, path) == ("1", "handmatig", saved)
    assert int(size) > 0 and dt.datetime.fromisoformat(created).tzinfo is not None

    code, _out, err = run_cli(capsys, "restore", saved)
    assert code == 0
    assert "voor-herstel" in err
    assert meeting_titles(store) == ["Eerste"]


def test_cli_restore_of_a_bad_file_is_bad_input(store, data_dir, tmp_path, capsys):
    add_meeting(store)
    bogus = tmp_path / "kapot.sqlite3"
    bogus.write_bytes(b"dit is geen reservekopie")
    code, _out, err = run_cli(capsys, "restore", str(bogus))
    assert code == 2 and "beschadigd of geen database" in err
    code, _out, err = run_cli(capsys, "restore", str(tmp_path / "bestaat-niet.sqlite3"))
    assert code == 2 and "bestaat niet" in err
    assert meeting_titles(store) == ["Overleg over de wijkaanpak"]


def test_cli_backup_on_an_unwritable_data_dir_fails_clearly(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    code, _out, err = run_cli(capsys, "--data-dir", str(blocker / "gegevens"), "backup")
    assert code == 1 and "Kies een andere map" in err
