"""Every connection of the store is set up for durability, and the files are private."""

import os
import stat

import pytest

from taskforce_desktop.core.store import Store


def test_every_connection_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(store):
    with store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL: no committed text lost on power loss
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_store_is_private_to_its_user(tmp_path):
    data_dir = tmp_path / "nieuw" / "gegevens"
    Store(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "taskforce.sqlite3").stat().st_mode) == 0o600
