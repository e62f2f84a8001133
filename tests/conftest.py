"""Shared test set-up: offscreen Qt before any QApplication, a temporary data dir per test."""

import os

# Must be set before PySide6 creates the QApplication (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

from taskforce_desktop.paths import DATA_DIR_ENV, DATABASE_FILENAME

# Health checks about how fast or large generated data is judge the machine, not the code:
# on a loaded 2-core CI machine they fail at random. Correctness checks stay on.
GENERATION_HEALTH_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "taskforce", deadline=None, suppress_health_check=GENERATION_HEALTH_CHECKS
)
settings.load_profile("taskforce")


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


class UnexpectedModalDialog(AssertionError):
    """A test reached a modal dialog it did not stand in for: offscreen, nobody answers it."""


@pytest.fixture(autouse=True)
def _dutch_window(monkeypatch):
    """The window in Dutch whatever the machine's language: the tests read its Dutch texts.

    For every test, not only those under ui/: a test elsewhere that starts the app (the data
    folder checks do) would otherwise install the English catalogue for all that follow."""
    monkeypatch.setenv("TASKFORCE_LANGUAGE", "nl")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch, request):
    """Modal dialogs answer 'cancel' at once and fail the test, instead of hanging the run.

    Tests that expect a question replace the dialog's ``ask()`` (docs/architecture.md);
    anything else that opens one is a defect the test should show, not a CI run that never
    ends.
    """
    import sys

    if "PySide6.QtWidgets" not in sys.modules or request.node.get_closest_marker("modal_dialogs"):
        yield
        return
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    opened: list[str] = []

    def refuse(name, result):
        def answer(*args, **kwargs):
            shown = [a for a in args if isinstance(a, str)]
            if args and hasattr(args[0], "windowTitle"):
                shown.insert(0, args[0].windowTitle())
                text = getattr(args[0], "text", None)
                if callable(text):
                    shown.append(text())
            opened.append(f"{name}: {' | '.join(shown)}")
            return result

        return answer

    monkeypatch.setattr(QDialog, "exec", refuse("dialog", 0))
    monkeypatch.setattr(QMessageBox, "exec", refuse("message box", 0))
    for static in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(
            QMessageBox, static, refuse(f"QMessageBox.{static}", QMessageBox.StandardButton.Cancel)
        )
    for static in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, static, refuse(f"QFileDialog.{static}", ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", refuse("directory dialog", ""))
    for static in ("getText", "getMultiLineText", "getItem"):
        monkeypatch.setattr(QInputDialog, static, refuse(f"QInputDialog.{static}", ("", False)))
    yield
    if opened:
        raise UnexpectedModalDialog("; ".join(opened))


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
