"""A main window on the test's temporary data dir, with its settings in that dir too.

Shared by tests/ui and tests/journeys: each folder's conftest.py imports these fixtures.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from taskforce_desktop.core import services
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.dialogs.simple import Confirm


@pytest.fixture(autouse=True, scope="session")
def _dutch(qapp):
    """The app's locale and Qt's Dutch strings, as app.run sets them up."""
    from taskforce_desktop.ui.app import install_translators

    install_translators(qapp)


@pytest.fixture
def settings_file(data_dir):
    return data_dir / "settings.ini"


@pytest.fixture
def make_window(qtbot, data_dir, settings_file):
    """Opens windows (and their stores) on the same data dir; closes what is still open."""
    from PySide6.QtWidgets import QApplication

    from taskforce_desktop.ui.app import install_translators
    from taskforce_desktop.ui.main_window import MainWindow

    install_translators(QApplication.instance())
    opened = []

    def make(*, fast: bool = True):
        store = Store(data_dir)
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        if fast:
            window.writer.set_intervals(pause_ms=50, max_delay_ms=150, retry_ms=100)
        # Not qtbot.addWidget: its teardown closes windows before monkeypatches are undone,
        # so a test that makes writes fail would meet the "discard edits?" question.
        window.show()
        qtbot.waitExposed(window)

        def activated():
            # Offscreen, a window may need asking again after another one has closed.
            window.activateWindow()
            return window.isActiveWindow()

        qtbot.waitUntil(activated)
        opened.append((window, store))
        return window

    yield make
    with pytest.MonkeyPatch.context() as patch:
        # A test may leave writes failing (the autouse monkeypatch is undone last): the
        # window then asks whether to discard; at teardown the answer is yes.
        patch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
        for window, _store in opened:
            if window.isVisible():
                window.close()
    for window, store in opened:
        window.writer.shutdown()
        window.deleteLater()
        store.close()


@pytest.fixture
def meeting_id(store):
    """A meeting with two attendees and two agenda points, written before the window opens."""
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting = services.create_meeting(
        store, committee.id, date="2031-09-12", title="Septemberoverleg"
    )
    services.add_attendee(store, meeting, "Anna de Vries", "Gemeente Noordstad")
    services.add_attendee(store, meeting, "Bram Jansen", "Gemeente Zuiddorp")
    services.add_agenda_item(store, meeting, "Opening", planned_minutes=5)
    services.add_agenda_item(store, meeting, "Dienstverlening", presenter="Anna de Vries")
    return meeting


@pytest.fixture
def window(make_window, meeting_id):
    return make_window()
