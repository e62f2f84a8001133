"""Integrity at start: every kind of damage is found, set aside untouched, and the app starts."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from taskforce_desktop.core import backup, integrity, services
from taskforce_desktop.core.integrity import DamageKind, open_store_safely
from taskforce_desktop.core.store import Store

DB = "taskforce.sqlite3"


def fill(store, title="Overleg over de wijkaanpak"):
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting_id = services.create_meeting(
        store, committee.id, title=title, date=dt.date(2031, 9, 12)
    )
    services.add_agenda_item(store, meeting_id, title="Opening", notes="De voorzitter opent.")


@pytest.fixture
def store_with_backup(data_dir):
    """A closed store holding one meeting, with one backup of it."""
    store = Store(data_dir)
    fill(store)
    saved = backup.make_backup(store, backup.Reason.MANUAL)
    store.close()
    return saved


def assert_started_fresh_with_damage_set_aside(data_dir, kind, original: bytes, saved):
    store, report = open_store_safely(data_dir)
    try:
        assert report.damage is not None and report.damage.kind is kind
        [moved_db] = [p for p in report.moved_aside if not p.name.endswith(("-wal", "-shm"))]
        assert moved_db.name.startswith(f"{DB}.damaged-")
        assert moved_db.read_bytes() == original  # never overwritten
        assert report.newest_backup is not None and report.newest_backup.path == saved
        assert "Herstellen uit reservekopie" in report.message
        assert "1 vergadering" in report.message
        # The app works on a fresh store, and the backup can be restored into it.
        assert services.list_meetings(store) == []
        backup.restore(data_dir, saved)
        assert [m.title for m in services.list_meetings(store)] == ["Overleg over de wijkaanpak"]
    finally:
        store.close()
    return report


def test_a_sound_store_opens_without_a_message(data_dir, store_with_backup):
    store, report = open_store_safely(data_dir)
    try:
        assert report.damage is None and report.message is None
        assert [m.title for m in services.list_meetings(store)] == ["Overleg over de wijkaanpak"]
    finally:
        store.close()


def test_not_a_database_at_all(data_dir, store_with_backup):
    original = b"Dit is een boodschappenlijstje, geen database.\n" * 200
    (data_dir / DB).write_bytes(original)
    report = assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.NOT_A_DATABASE, original, store_with_backup
    )
    assert "geen database" in report.message


def test_truncated_file(data_dir, store_with_backup):
    database = data_dir / DB
    original = database.read_bytes()[: len(database.read_bytes()) // 2]
    database.write_bytes(original)
    assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.TRUNCATED, original, store_with_backup
    )


def test_file_cut_mid_page(data_dir, store_with_backup):
    database = data_dir / DB
    original = database.read_bytes()[:5000]
    database.write_bytes(original)
    assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.TRUNCATED, original, store_with_backup
    )


def test_flipped_bytes(data_dir, store_with_backup):
    database = data_dir / DB
    raw = bytearray(database.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    # Scramble the b-tree header of every page after the first: no reader can trust them.
    for page_start in range(page_size, len(raw), page_size):
        for offset in range(1, 8):
            raw[page_start + offset] ^= 0xA5
    database.write_bytes(bytes(raw))
    assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.CORRUPT, bytes(raw), store_with_backup
    )


KILLED_WRITER = """
import datetime as dt, os, sys, time
from taskforce_desktop.core import services
from taskforce_desktop.core.store import Store
store = Store(sys.argv[1])
committee = services.list_committees(store)[0]
services.create_meeting(store, committee.id, title="Na de kopie", date=dt.date(2031, 11, 14))
print("written", flush=True)
time.sleep(60)
"""


def kill_after_write(data_dir):
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(data_dir)], stdout=subprocess.PIPE, text=True
    ) as writer:
        assert writer.stdout.readline().strip() == "written"
        writer.send_signal(signal.SIGKILL)


def test_wal_removed_after_a_kill(data_dir, store_with_backup):
    kill_after_write(data_dir)
    wal = data_dir / f"{DB}-wal"
    assert wal.stat().st_size > 0
    wal.unlink()
    original = (data_dir / DB).read_bytes()
    report = assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.WAL_LOST, original, store_with_backup
    )
    assert any(p.name.endswith("-shm") for p in report.moved_aside)


def test_a_kill_with_the_wal_intact_is_no_damage(data_dir, store_with_backup):
    kill_after_write(data_dir)
    store, report = open_store_safely(data_dir)
    try:
        assert report.damage is None
        titles = sorted(m.title for m in services.list_meetings(store))
        assert titles == ["Na de kopie", "Overleg over de wijkaanpak"]
        assert report.backup_made is not None  # changed since the last backup
    finally:
        store.close()


def test_newer_schema_than_this_app_knows(data_dir, store_with_backup):
    connection = sqlite3.connect(data_dir / DB)
    connection.execute("UPDATE alembic_version SET version_num='0099_uit_de_toekomst'")
    connection.commit()
    connection.close()
    original = (data_dir / DB).read_bytes()
    report = assert_started_fresh_with_damage_set_aside(
        data_dir, DamageKind.NEWER_SCHEMA, original, store_with_backup
    )
    assert "nieuwere versie" in report.message


def test_damage_without_any_backup_says_so(data_dir):
    (data_dir / DB).write_bytes(b"\x00" * 8192)
    store, report = open_store_safely(data_dir)
    store.close()
    assert report.damage.kind is DamageKind.NOT_A_DATABASE
    assert "Er is geen reservekopie gevonden." in report.message


def test_missing_store_with_backups_offers_the_newest(data_dir, store_with_backup):
    (data_dir / DB).unlink()
    store, report = open_store_safely(data_dir)
    store.close()
    assert report.created_new and report.damage is None
    assert report.newest_backup.path == store_with_backup
    assert "geen database gevonden" in report.message


def test_start_backup_only_when_changed(data_dir):
    store, report = open_store_safely(data_dir)
    fill(store)
    store.close()
    assert report.backup_made is None  # a new, empty store has nothing to protect
    store, report = open_store_safely(data_dir)
    store.close()
    assert report.backup_made is not None
    store, report = open_store_safely(data_dir)
    store.close()
    assert report.backup_made is None


def test_an_unwritable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar een map had moeten staan")
    with pytest.raises(integrity.DataDirUnwritable, match="Kies een andere map"):
        open_store_safely(blocker / "gegevens")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_a_read_only_data_dir_is_a_clear_error(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(integrity.DataDirUnwritable):
            open_store_safely(folder)
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    ("path", "client"),
    [
        (PureWindowsPath(r"C:\Users\els\OneDrive - Gemeente Ergens\Taskforce"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\els\OneDrive\Documenten"), "OneDrive"),
        (PurePosixPath("/home/els/Dropbox/verslagen"), "Dropbox"),
        (PurePosixPath("/Users/els/Library/Mobile Documents/com~apple~CloudDocs/x"), "iCloud"),
        (PurePosixPath("/home/els/.local/share/TaskforceVerslag"), None),
        (PureWindowsPath(r"C:\Users\els\Documenten\Boxtel"), None),
    ],
)
def test_sync_folders_are_recognised_by_name(path, client):
    assert integrity.sync_client_of(path) == client


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,relatime 0 0
//nas/gedeeld /mnt/nas cifs rw 0 0
/dev/sdb1 /mnt/nas/lokaal ext4 rw 0 0
"""


def test_network_shares_are_recognised_from_the_mount_table():
    assert integrity.network_file_system_of(PurePosixPath("/home/els/data"), MOUNTS) == "nfs4"
    assert integrity.network_file_system_of(PurePosixPath("/mnt/nas/x"), MOUNTS) == "cifs"
    assert integrity.network_file_system_of(PurePosixPath("/mnt/nas/lokaal/x"), MOUNTS) is None
    assert integrity.network_file_system_of(PurePosixPath("/var/lib/x"), MOUNTS) is None


def test_a_data_dir_in_a_sync_folder_starts_with_a_warning(tmp_path, monkeypatch):
    data_dir = tmp_path / "Dropbox" / "Taskforce"
    store, report = open_store_safely(data_dir)
    store.close()
    assert any("Dropbox" in warning for warning in report.warnings)


def test_dutch_dates_in_messages():
    moment = dt.datetime(2022, 9, 16, 10, 5).astimezone()
    assert integrity.dutch_datetime(moment) == "vrijdag 16 september 2022 10:05"


def test_orphaned_wal_without_database_is_set_aside(data_dir):
    (data_dir / f"{DB}-wal").write_bytes(b"oud logbestand")
    store, report = open_store_safely(data_dir)
    store.close()
    assert [Path(p).name.endswith("-wal") for p in report.moved_aside] == [True]
    assert report.created_new
