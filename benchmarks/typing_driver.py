"""The crash soak's typing app: the real app, typing into its notes editor at a steady pace.

    python -m benchmarks.typing_driver --log FILE [--interval-ms 40] --data-dir DIR

starts the app through its own entry point (``launch.run_app``) and, once the window is
idle, types into the notes of the first agenda point of the open meeting. The crash soak
(scripts/soak.py, tests/ui/test_crash_durability.py) starts it and kills it. Each keystroke
goes through QTest.keyClicks, exactly as a key press would, and is then appended with its
time to the log and fsync'ed, so after a SIGKILL the harness knows what was typed and when,
and can compare it with what the store kept. None of this ships: the wheel holds only the
app, and the app looks for no driver.

Log lines are JSON: first ``{"item": id, "start": text}`` (the notes as they were), then
``[unix time, character]`` per keystroke.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from benchmarks import launch

DEFAULT_INTERVAL_MS = 40  # 25 characters a second: a fast typist

# Plain words only: list markers, asterisks or a leading number would become Markdown.
_WORDS = (
    "de wethouder licht het voorstel toe en de leden stellen vragen over de planning "
    "van de wijkteams, de kosten van de pilot en de rol van de gemeenteraad. "
    "afgesproken wordt dat het secretariaat een notitie opstelt voor de volgende keer. "
).split(" ")


class TypingDriver(QObject):
    def __init__(self, window, log_path: Path, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        agenda = window.session.meeting.agenda if window.session.meeting else []
        if not agenda:
            raise RuntimeError("the typing driver needs an open meeting with an agenda point")
        window.session.select_agenda_item(agenda[0].id)
        window.show_tab(window.tabs.indexOf(window.notes_tab))
        self.editor = window.notes_tab.notes
        self.editor.setFocus()
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._characters = itertools.cycle(" ".join(_WORDS) + " ")
        self._log = open(log_path, "a", encoding="utf-8")  # lives as long as the app
        self._append({"item": agenda[0].id, "start": self.editor.markdown()})
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.type_next)
        self.timer.start()

    def type_next(self) -> None:
        character = next(self._characters)
        QTest.keyClicks(self.editor, character)
        self._append([time.time(), character])

    def _append(self, entry) -> None:
        self._log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._log.flush()
        os.fsync(self._log.fileno())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, required=True, help="the keystroke log (JSON lines)")
    parser.add_argument("--interval-ms", type=int, default=DEFAULT_INTERVAL_MS)
    parser.add_argument("--data-dir", required=True, help="the app's data folder")
    options = parser.parse_args(argv)
    drivers: list[TypingDriver] = []  # the driver lives as long as the app

    def start_typing(window) -> None:
        drivers.append(TypingDriver(window, options.log, options.interval_ms))

    return launch.run_app(["--data-dir", options.data_dir], start_typing)


if __name__ == "__main__":
    sys.excepthook = launch.fail_fast
    sys.exit(main())
