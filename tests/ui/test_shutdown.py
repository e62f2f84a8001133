"""A logoff or shutdown (SIGTERM, SIGHUP) writes the last words typed before the app ends.

The real app runs in a subprocess on its own data dir; the test types into the Impressie
with autosave slowed to minutes, so only the signal's handling can have written the text.
"""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from taskforce_desktop.core import services
from taskforce_desktop.core.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

TYPED = "Laatste woorden voor het afmelden."

# Starts the app as `taskforce-desktop` does, then types once the window is up.
APP_THAT_TYPES = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from taskforce_desktop.ui import app
    from taskforce_desktop.ui.main_window import MainWindow

    shown = MainWindow.show

    def show_then_type(window):
        shown(window)

        def type_words():
            window.writer.set_intervals(pause_ms=600_000, max_delay_ms=600_000, retry_ms=600_000)
            window.show_tab(window.tabs.indexOf(window.notes_tab))
            QTest.keyClicks(window.notes_tab.notes, sys.argv[2])
            print("getypt", flush=True)

        QTimer.singleShot(0, type_words)

    MainWindow.show = show_then_type
    sys.exit(app.run(Path(sys.argv[1])))
    """
)


@pytest.fixture
def prepared_data_dir(tmp_path):
    data_dir = tmp_path / "gegevens"
    store = Store(data_dir)
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting = services.create_meeting(store, committee.id, date="2031-09-12", title="Sept")
    services.add_agenda_item(store, meeting, "Opening")
    store.close()
    return data_dir, meeting


def stored_notes(data_dir, meeting_id):
    store = Store(data_dir)
    try:
        return services.load_meeting(store, meeting_id).agenda[0].notes
    finally:
        store.close()


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_last_words_typed_are_stored_when_the_session_ends(prepared_data_dir, tmp_path, ending):
    data_dir, meeting_id = prepared_data_dir
    private = tmp_path / "eigen"
    private.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(private))
    app = subprocess.Popen(
        [sys.executable, "-c", APP_THAT_TYPES, str(data_dir), TYPED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    with app:  # closes its pipes however the test ends
        try:
            assert app.stdout.readline().strip() == "getypt", app.stderr.read()
            app.send_signal(ending)
            code = app.wait(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
        assert code == 0, app.stderr.read()
    assert stored_notes(data_dir, meeting_id) == TYPED
