"""The secretary's journey in a real X window, typed by xdotool: run by test_x_window_journey.py.

Runs as its own process on the X display the test started (Qt's xcb platform, a window
manager), so the keys go through the X server, the window manager's focus and Qt's real key
handling, as on her laptop. xdotool types while this process keeps its event loop running;
after every step the editor, the window's state of the meeting and the store are compared
with what was typed. Prints one line per step and exits 0 only when every step agreed.

    python x_window_secretary.py DATA_DIR
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import markdown, services
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.app import create_application
from taskforce_desktop.ui.main_window import MainWindow


def xdotool(*args: str) -> None:
    """Run xdotool while the event loop goes on, so the window receives what it sends."""
    process = subprocess.Popen(["xdotool", *args])
    while process.poll() is None:
        QTest.qWait(20)
    if process.returncode != 0:
        raise SystemExit(f"xdotool {' '.join(args)} failed ({process.returncode})")
    QTest.qWait(150)  # the last keys still on their way through the X server


class Journey:
    def __init__(self, data_dir: Path) -> None:
        self.store = Store(data_dir)
        committee = services.create_committee(self.store, "Taskforce Samen Organiseren")
        self.meeting_id = services.create_meeting(
            self.store, committee.id, date="2031-09-12", title="Septemberoverleg"
        )
        for title in ("Opening", "Dienstverlening in de wijk"):
            services.add_agenda_item(self.store, self.meeting_id, title)
        settings = QSettings(str(data_dir / "venster-test.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(self.store, settings)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.typed: dict[tuple[int, str], str] = {}
        self.failures: list[str] = []

    def live(self) -> bool:
        return self.window.live.view.isVisible()

    def point(self) -> int:
        return self.window.live.view.item_id if self.live() else self.window.notes_tab.item_id

    def shown(self, field: str) -> str:
        if self.live():
            return self.window.live.view.editor.markdown()
        return getattr(self.window.notes_tab, field).markdown()

    def type(self, text: str, field: str = "notes") -> None:
        xdotool("type", "--delay", "30", text)
        key = (self.point(), field)
        self.typed[key] = self.typed.get(key, "") + text

    def check(self, step: str) -> None:
        """Editor, state and store hold what was typed, for every text typed so far."""
        deadline = time.monotonic() + 5
        while self.window.writer.has_pending() and time.monotonic() < deadline:
            QTest.qWait(50)
        stored = services.load_meeting(self.store, self.meeting_id)
        problems = []
        for (item_id, field), text in self.typed.items():
            expected = markdown.normalise(text)
            state = getattr(self.window.session.agenda_item(item_id), field)
            store = getattr(next(i for i in stored.agenda if i.id == item_id), field)
            shown = self.shown(field)
            if item_id == self.point() and shown != expected:
                problems.append(f"editor {shown!r}")
            if state != expected:
                problems.append(f"state {state!r}")
            if store != expected:
                problems.append(f"store {store!r}")
        focus = QApplication.focusWidget()
        print(f"{step}: {'OK' if not problems else 'DIFFERENT ' + '; '.join(problems)}", flush=True)
        print(f"  focus: {type(focus).__name__} {focus.accessibleName() if focus else ''}")
        if problems:
            self.failures.append(step)

    def run(self) -> int:
        xdotool("search", "--sync", "--name", "Taskforce Verslag", "windowactivate", "--sync")
        xdotool("key", "ctrl+4")  # Impressies
        xdotool("key", "ctrl+e")
        self.type("Alpha: de voorzitter opent.")
        self.check("typed in point 1")
        xdotool("key", "ctrl+Next")
        self.check("went to point 2")
        self.type("Anna licht de plannen toe.")
        xdotool("key", "ctrl+Prior")
        self.check("back at point 1")
        xdotool("key", "ctrl+End")
        self.type(" Beta: iedereen is er.")
        self.check("typed on in point 1")
        xdotool("key", "ctrl+l")  # the meeting filter, a line edit that wants Ctrl+E itself
        xdotool("key", "ctrl+e")
        xdotool("key", "ctrl+End")
        self.type(" Een cafe-achtige sfeer, 15 minuten.")
        self.check("Ctrl+E from the meeting filter, typed on")
        if self.window.tabs.currentWidget() is not self.window.notes_tab:
            self.failures.append("Ctrl+E left the Impressies tab")
        xdotool("key", "ctrl+2")  # Deelnemers, and back
        xdotool("key", "ctrl+4")
        self.check("switched tabs and back")
        xdotool("key", "F11")
        xdotool("key", "alt+0")  # Live mode's attendee filter, a line edit too
        xdotool("key", "ctrl+e")
        xdotool("key", "ctrl+End")
        self.type(" Live vanuit het zoekveld.")
        self.check("Ctrl+E from Live mode's attendee filter, typed on")
        xdotool("key", "Escape")
        self.check("left Live mode")
        xdotool("key", "ctrl+q")
        QTest.qWait(300)
        self.check("closed")
        return 1 if self.failures else 0


def main() -> int:
    create_application(["x-window-journey"])
    return Journey(Path(sys.argv[1])).run()


if __name__ == "__main__":
    sys.exit(main())
