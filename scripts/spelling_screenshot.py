"""The Impressies editor with a misspelled word marked and its suggestions open.

    python scripts/spelling_screenshot.py [OUTPUT]    # default: docs/screenshot-spelling.png

Rendered offscreen from the sample meeting: the window and the context menu are grabbed
apart (the menu is a window of its own) and the menu is drawn where it opened.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = (
    "De werkgroep heeft de vergaderring van september voorbereid. Anna de Vries licht "
    "het voorstel toe; de gemeennte wil de wijkteams eerder betrekken."
)
MISSPELLED = "vergaderring"


def _settle(app, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def take(output: Path) -> None:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QPainter, QTextCursor

    from taskforce_desktop.core.store import Store
    from taskforce_desktop.ui.app import create_application
    from taskforce_desktop.ui.main_window import MainWindow

    app = create_application(["screenshots"])
    data_dir = Path(tempfile.mkdtemp(prefix="taskforce-screenshot-"))
    store = Store(data_dir)
    window = MainWindow(
        store, QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    window.open_sample()
    while window.session.meeting is None:  # the import runs off the UI thread
        _settle(app, 0.1)
    window.resize(1200, 720)
    window.tabs.setCurrentWidget(window.notes_tab)
    editor = window.notes_tab.notes
    editor.set_markdown(NOTES)
    spelling = window.writing_help.spelling
    spelling.start()
    while spelling.checker is None:
        _settle(app, 0.1)
    window.writing_help.marks_of(editor).mark_all()
    spelling.wait_until_idle()
    _settle(app)

    cursor = QTextCursor(editor.document())
    cursor.setPosition(NOTES.index(MISSPELLED) + 3)
    menu = editor.createStandardContextMenu()
    window.writing_help.extend_context_menu(editor, menu, cursor)
    at = editor.viewport().mapToGlobal(editor.cursorRect(cursor).bottomLeft())
    menu.popup(at)
    _settle(app)

    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(at) + QPoint(0, 2), menu.grab())
    painter.end()
    picture.save(str(output))
    menu.close()
    window.writer.shutdown()
    window.close()
    store.close()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TASKFORCE_LANGUAGE", "nl")
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot-spelling.png"
    take(output)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
