"""Screenshots of the sample meeting at large text, high scaling, a dark palette and in English.

    python scripts/accessibility_screenshots.py [OUTPUT_DIR]    # default: docs/

Each picture is taken in a child process (offscreen), because text size and scaling are read
by Qt once, at start: a 1366x768 laptop with a 40 px taskbar at 150 % text, the same screen
size at 200 % scaling (a high-density screen), the Impressies tab and the Voorbeeld with a
dark palette, Live mode at 200 % text on the laptop, and the window in English. Look at
them: nothing may be cut off, and text must stay readable.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1366, 728)  # 768 minus a 40 px taskbar
LIVE = -1  # instead of a tab: Live mode
VARIANTS = {
    # name: (environment, window size in Qt's device-independent pixels, tab)
    "screenshot-tekst-150.png": ({"QT_FONT_DPI": "144"}, (910, 485), 3),
    "screenshot-schaal-200.png": ({"QT_SCALE_FACTOR": "2"}, SCREEN, 3),
    "screenshot-donker.png": ({"TASKFORCE_SCREENSHOT_DARK": "1"}, SCREEN, 3),
    "screenshot-donker-voorbeeld.png": ({"TASKFORCE_SCREENSHOT_DARK": "1"}, SCREEN, 4),
    "screenshot-live-tekst-200.png": ({"QT_FONT_DPI": "192"}, (683, 344), LIVE),
    "screenshot-english.png": ({"TASKFORCE_LANGUAGE": "en"}, SCREEN, 3),
}


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for which, colour in (
        (role.Window, "#202326"),
        (role.WindowText, "#fcfcfc"),
        (role.Base, "#141618"),
        (role.AlternateBase, "#1d1f22"),
        (role.Text, "#fcfcfc"),
        (role.Button, "#292c30"),
        (role.ButtonText, "#fcfcfc"),
        (role.Highlight, "#3daee9"),
        (role.HighlightedText, "#fcfcfc"),
        (role.PlaceholderText, "#6e7175"),
    ):
        palette.setColor(which, QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor("#7c7f83"))
    return palette


def take(output: Path, size: tuple[int, int], tab: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from taskforce_desktop.core.store import Store
    from taskforce_desktop.ui.app import create_application
    from taskforce_desktop.ui.widgets.colours import accessible_palette

    if os.environ.get("TASKFORCE_SCREENSHOT_DARK"):
        QApplication.setPalette(dark_palette())  # as the system would hand it over
    app = create_application(["screenshots"])
    if os.environ.get("TASKFORCE_SCREENSHOT_DARK"):
        app.setPalette(accessible_palette(dark_palette()))
    from taskforce_desktop.ui.main_window import MainWindow

    data_dir = Path(tempfile.mkdtemp(prefix="taskforce-screenshots-"))
    store = Store(data_dir)
    window = MainWindow(
        store, QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    window.open_sample()
    deadline = time.monotonic() + 10  # the sample is read on a worker thread
    while window.session.meeting is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    window.resize(*size)
    if tab == LIVE:
        window.live.action.trigger()
    else:
        window.tabs.setCurrentIndex(tab)
    deadline = time.monotonic() + 5  # the Voorbeeld renders on a worker thread
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    window.grab().save(str(output))
    window.writer.shutdown()
    store.close()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--take":
        width, height, tab = (int(value) for value in argv[2:5])
        take(Path(argv[1]), (width, height), tab)
        return 0
    output_dir = Path(argv[0]) if argv else ROOT / "docs"
    for name, (environment, (width, height), tab) in VARIANTS.items():
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TASKFORCE_LANGUAGE": "nl"}
        env.update(environment)
        command = [sys.executable, __file__, "--take", str(output_dir / name)]
        subprocess.run([*command, str(width), str(height), str(tab)], env=env, check=True)
        print(output_dir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
