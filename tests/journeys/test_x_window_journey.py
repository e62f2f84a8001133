"""One journey in a real X window: Xvfb, a window manager and xdotool's real key presses.

Offscreen, Qt's key handling is not the one of a desktop: under X a line edit takes Ctrl+E
for itself, and modifier keys go through the window manager. CI installs Xvfb, openbox and
xdotool (.ci/run); elsewhere the test is skipped when they are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool")
SECRETARY = Path(__file__).with_name("x_window_secretary.py")


@pytest.fixture
def x_display():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {', '.join(missing)}")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as display_number:
        display = ":" + display_number.readline().strip()
    environment = {**os.environ, "DISPLAY": display}
    # Without a window manager xdotool's modifier keys and window activation are unreliable.
    manager = subprocess.Popen(["openbox"], env=environment, stderr=subprocess.DEVNULL)
    subprocess.run(["xdotool", "sleep", "0.5"], env=environment, check=True)
    yield environment
    manager.terminate()
    server.terminate()
    manager.wait(10)
    server.wait(10)


@pytest.mark.slow
def test_minuting_in_a_real_x_window_keeps_every_word(x_display, tmp_path):
    environment = {**x_display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(Path.cwd())}
    result = subprocess.run(
        [sys.executable, str(SECRETARY), str(tmp_path / "data")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "DIFFERENT" not in result.stdout
    assert result.stdout.count(": OK") == 9
