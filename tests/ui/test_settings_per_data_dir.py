"""Window settings belong to a data folder: the meeting they remember is an id of its store.

Kept per user, a second data folder opened on the meeting id remembered from the first.
"""

import stat

import pytest
from PySide6.QtCore import QSettings

from taskforce_desktop.core import services
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.main_window import SETTINGS_FILENAME, MainWindow


@pytest.fixture(autouse=True)
def user_settings_elsewhere(tmp_path):
    """Per-user settings, were any written, go to the test's folder and not the real one."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "u"))


def data_dir_with_meetings(folder, *titles):
    store = Store(folder)
    committee = services.create_committee(store, "Taskforce")
    ids = [
        services.create_meeting(store, committee.id, date=f"2031-0{n}-01", title=title)
        for n, title in enumerate(titles, start=1)
    ]
    store.close()
    return ids


@pytest.fixture
def open_window(qtbot):
    opened = []

    def open_on(folder):
        store = Store(folder)
        window = MainWindow(store)  # no settings given: the app's own choice of where
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, store))
        return window

    yield open_on
    for window, store in opened:
        window.close()
        window.writer.shutdown()
        window.deleteLater()
        store.close()


def test_each_data_dir_opens_on_its_own_last_meeting(open_window, tmp_path):
    first = tmp_path / "eerste"
    second = tmp_path / "tweede"
    january, _february = data_dir_with_meetings(first, "Januari", "Februari")
    _march, april = data_dir_with_meetings(second, "Maart", "April")

    window = open_window(first)
    window.open_meeting(january)
    window.close()

    # The second folder has never been opened: its newest meeting, not the id of January.
    window = open_window(second)
    assert window.session.meeting.title == "April"
    assert window.session.meeting_id == april
    window.close()

    window = open_window(first)
    assert window.session.meeting.title == "Januari"


def test_the_settings_file_is_in_the_data_dir_and_private(open_window, tmp_path):
    folder = tmp_path / "gegevens"
    data_dir_with_meetings(folder, "Januari")
    window = open_window(folder)
    window.close()
    settings_file = folder / SETTINGS_FILENAME
    assert "meeting" in settings_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
