"""The store's own guarantees: verified copies, known schema versions, no network."""

import socket
import sqlite3

import pytest

from taskforce_desktop.core.store import (
    NewerSchemaError,
    Store,
    check_file,
    head_revisions,
    known_revisions,
)


def test_the_test_suite_refuses_network_connections():
    # The socket guard in conftest: any test of any part that tried would fail like this.
    with pytest.raises(AssertionError, match="network connection"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(AssertionError, match="network connection"):
            sock.connect(("127.0.0.1", 9))
    finally:
        sock.close()


def test_local_sockets_still_work(tmp_path):
    path = str(tmp_path / "s")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.close()
    server.close()


def test_known_revisions_include_every_head():
    assert head_revisions() <= known_revisions()
    assert "0001" in known_revisions()


def test_a_store_from_a_newer_app_is_not_touched(data_dir):
    store = Store(data_dir)
    store.close()
    database = data_dir / "taskforce.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("UPDATE alembic_version SET version_num='0099_nieuwer'")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        Store(data_dir)
    assert database.read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_backup_to_writes_a_checked_copy(store, tmp_path):
    target = store.backup_to(tmp_path / "kopie.sqlite3")
    assert check_file(target) == []
    assert not target.with_name("kopie.sqlite3.partial").exists()


def test_connections_that_failed_on_a_read_only_file_are_replaced(store):
    from sqlalchemy import event

    from taskforce_desktop.core import services

    committee = services.create_committee(store, "Taskforce Samen Organiseren")

    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only=1")

    event.listen(store.engine, "connect", read_only)
    store.engine.dispose()
    with pytest.raises(Exception, match="readonly"):
        services.create_meeting(store, committee.id, date="2031-01-17", title="tijdens")
    # The "disk" is writable again; the connection that failed must not be reused.
    event.remove(store.engine, "connect", read_only)
    services.create_meeting(store, committee.id, date="2031-01-17", title="erna")
    assert [m.title for m in services.list_meetings(store)] == ["erna"]
