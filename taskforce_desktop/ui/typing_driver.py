"""Test-only: types into the notes editor at a steady pace and logs every keystroke durably.

The crash-durability harness (tests/ui/test_crash_durability.py, scripts/soak.py) starts
the real app with TASKFORCE_TYPING_LOG set; only then does the start import this module.
Each keystroke goes through QTest.keyClicks, exactly as a key press would, and is then
appended with its time to the log and fsync'ed, so after a SIGKILL the harness knows what
was typed and when, and can compare it with what the store kept.

Log lines are JSON: first ``{"item": id, "start": text}`` (the notes as they were), then
``[unix time, character]`` per keystroke.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

TYPING_LOG_ENV = "TASKFORCE_TYPING_LOG"
TYPING_INTERVAL_ENV = "TASKFORCE_TYPING_INTERVAL_MS"
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
        self._log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
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


def start_if_requested(window) -> TypingDriver | None:
    log_path = os.environ.get(TYPING_LOG_ENV)
    if not log_path:
        return None
    interval = int(os.environ.get(TYPING_INTERVAL_ENV, DEFAULT_INTERVAL_MS))
    window.typing_driver = TypingDriver(window, Path(log_path), interval)
    return window.typing_driver
