"""An installed wheel (not the checkout) finds its resources and migrations."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_elsewhere_finds_resources_and_migrations(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("taskforce_desktop-*.whl")
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = """
import json, sys
from taskforce_desktop import paths
from taskforce_desktop.cli import main
import io, contextlib
sample = paths.resource("samples", "voorbeeld.verslag.json")
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["--data-dir", "store", "import", str(sample)])
print(json.dumps({
    "package": paths.__file__,
    "resources": str(paths.resources_dir()),
    "template": paths.resource("templates", "verslag.docx").is_file(),
    "migrations": sorted(p.name for p in (paths.migrations_dir() / "versions").glob("*.py")),
    "import_exit": code,
}))
"""
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["package"].startswith(str(target))
    assert found["resources"].startswith(str(target))
    assert found["template"] is True
    assert found["migrations"] and found["migrations"][0].startswith("0001")
    assert found["import_exit"] == 0
