"""The wheel: installed elsewhere it finds its resources and migrations, and it ships the app
only, none of the tooling that drives it."""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    wheel_dir = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = wheel_dir.glob("taskforce_desktop-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_ships_no_benchmark_and_nothing_that_can_type(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        sources = [archive.read(name).decode("utf-8") for name in names if name.endswith(".py")]
    assert not [name for name in names if re.search(r"(^|/)(bench|benchmarks)(/|$)", name)]
    assert not [name for name in names if "typing_driver" in name]
    # Synthetic key presses come from QtTest; the product never needs it.
    assert sources and not [source for source in sources if "QtTest" in source]
    top_level = {name.split("/")[0] for name in names}
    assert {name for name in top_level if not name.endswith(".dist-info")} == {"taskforce_desktop"}


@pytest.mark.slow
def test_wheel_installed_elsewhere_finds_resources_and_migrations(tmp_path, wheel):
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
