"""Start the real app through its own entry point and hand its idle main window to a driver.

The benchmark's timed processes (``child.py``) and the crash soak's typing app
(``typing_driver.py``) both drive the app from outside, through this module: the product
itself holds no hook, no environment variable and no test robot that could type into the
secretary's minutes.
"""

from __future__ import annotations

import os
import sys


def settle() -> None:
    """Deliver what is posted and process what is pending, so the window is up to date."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def when_shown(is_the_window, then) -> None:
    """Call ``then(window)`` as soon as a visible window that ``is_the_window`` is exposed.

    Armed before the event loop starts: the first zero timer fires once ``exec()`` runs,
    i.e. after the window was built and shown, before work the app posted for later.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle()
            if is_the_window(widget) and widget.isVisible() and handle is not None:
                if handle.isExposed():
                    then(widget)
                    return
        QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)


def when_idle(is_the_window, then) -> None:
    """Call ``then(window)`` once the window is exposed and its events are done."""

    def idle(window) -> None:
        settle()
        then(window)

    when_shown(is_the_window, idle)


def is_main_window(widget) -> bool:
    # Imported here, once the event loop runs: importing the window's module before the app
    # starts would take it off the app's start path (which loads it while the store is
    # being checked) and so time another start than hers.
    from taskforce_desktop.ui.main_window import MainWindow

    return isinstance(widget, MainWindow)


def run_app(cli_arguments: list[str], then, *, wait=when_idle) -> int:
    """``taskforce_desktop.cli.main(cli_arguments)``, with ``then(window)`` once it is idle
    (or, with ``wait=when_shown``, as soon as it is shown)."""
    from PySide6.QtWidgets import QApplication

    # Made here (the app reuses an existing instance) so the check is armed in time.
    QApplication([sys.argv[0]])
    from taskforce_desktop.cli import main

    wait(is_main_window, then)
    return main(cli_arguments)


def fail_fast(kind, value, traceback) -> None:
    """An error in a Qt callback ends the process, so whoever started it never waits on it."""
    sys.__excepthook__(kind, value, traceback)
    sys.stderr.flush()
    os._exit(3)
