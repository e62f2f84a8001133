"""Shared test set-up: offscreen Qt before any QApplication, a temporary data dir per test."""

import os

# Must be set before PySide6 creates the QApplication (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from taskforce_desktop.paths import DATA_DIR_ENV, DATABASE_FILENAME  # noqa: E402


class NetworkConnectionAttempted(AssertionError):
    """The app never opens a network connection; the suite fails loudly if anything tries."""


def pytest_configure(config):
    import socket

    def guarded(connect):
        def refuse_network(sock, address, *args, **kwargs):
            if sock.family != getattr(socket, "AF_UNIX", None):
                raise NetworkConnectionAttempted(f"network connection to {address!r} attempted")
            return connect(sock, address, *args, **kwargs)

        return refuse_network

    def refuse_create_connection(address, *args, **kwargs):
        raise NetworkConnectionAttempted(f"network connection to {address!r} attempted")

    socket.socket.connect = guarded(socket.socket.connect)
    socket.socket.connect_ex = guarded(socket.socket.connect_ex)
    socket.create_connection = refuse_create_connection


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever touches the real user's store."""
    data_dir = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(data_dir / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data_dir / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(data_dir / "xdg-state"))
    return data_dir


@pytest.fixture
def data_dir(_isolated_data_dir):
    return _isolated_data_dir


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """One store migrated to head per run; tests start from a copy (migrating costs ~0.5 s)."""
    from taskforce_desktop.core.store import Store

    template_dir = tmp_path_factory.mktemp("migrated-template")
    Store(template_dir).close()
    return template_dir / DATABASE_FILENAME


@pytest.fixture
def fresh_store(migrated_database):
    """Open a new, empty, migrated store in any directory: ``fresh_store(path)``."""
    from taskforce_desktop.core.store import Store, sqlite_backup

    opened = []

    def open_in(directory):
        directory.mkdir(parents=True, exist_ok=True)
        sqlite_backup(migrated_database, directory / DATABASE_FILENAME)
        opened.append(Store(directory))
        return opened[-1]

    yield open_in
    for one in opened:
        one.close()


@pytest.fixture
def store(data_dir, fresh_store):
    return fresh_store(data_dir)


@pytest.fixture
def sample_meeting_id(store):
    """The bundled sample meeting (resources/samples), imported into the test's store."""
    from taskforce_desktop.core.meeting_file import import_meeting_file
    from taskforce_desktop.paths import resource

    return import_meeting_file(store, resource("samples", "voorbeeld.verslag.json")).meeting_id
