"""Leaving the process with a writer still running ends cleanly, not in Qt's abort."""

import subprocess
import sys


def test_exit_with_a_running_autosave_writer_is_clean(tmp_path):
    script = f"""
from pathlib import Path
from PySide6.QtWidgets import QApplication
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.autosave import AutosaveWriter
app = QApplication([])
writer = AutosaveWriter(Store(Path({str(tmp_path)!r})))
print("writer started")
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ},
    )
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr
