"""The benchmark (benchmarks/, never shipped) runs end to end in tiny mode and reports every
figure; CI asserts no times."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import archive
from benchmarks.figures import FIGURES, percentile
from taskforce_desktop.core import meeting_file, services
from taskforce_desktop.core.store import Store

REPO = Path(__file__).resolve().parents[1]  # `python -m benchmarks` runs from a checkout


@pytest.mark.slow
def test_tiny_run_measures_every_figure_and_writes_the_json(tmp_path):
    output = tmp_path / "bench.json"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--tiny",
            "--archive",
            str(tmp_path / "archive"),
            "--output",
            str(output),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(output.read_text("utf-8"))
    assert report["runs"] == 1
    assert report["archive"]["counts"]["agenda_items"] == archive.TINY.agenda_items
    figures = report["figures"]
    assert set(figures) == {figure.key for figure in FIGURES}
    for key, entry in figures.items():
        assert entry["error"] is None, (key, entry["error"])
        assert isinstance(entry["median"], float), key
        assert entry["min"] <= entry["median"] <= entry["max"], key
        assert entry["status"] in ("OK", "MISS", ""), key
    for key in ("startup_big", "startup_empty", "open_meeting", "typing_stall", "rss_session"):
        assert figures[key]["floor"]["median"] > 0, key
    for figure in FIGURES:
        assert figure.label in completed.stdout


def test_the_same_seed_gives_the_same_archive(tmp_path):
    exported = []
    for name in ("first", "second"):
        directory, manifest = archive.ensure_archive(
            tmp_path / name, 3, archive.TINY, progress=lambda _message: None
        )
        store = Store(directory)
        try:
            assert len(services.list_meetings(store)) == archive.TINY.meetings
            large = services.load_meeting(store, manifest.large_meeting_id)
            assert len(large.agenda) == archive.TINY.large_meeting_points
            regular = services.load_meeting(store, manifest.regular_meeting_id)
            assert len(regular.agenda) == archive.REGULAR_POINTS
            assert all(2000 <= len(item.notes) <= 5100 for item in large.agenda)
            exported.append(json.loads(meeting_file.export_meeting_file(store, large.id)))
        finally:
            store.close()
    assert exported[0] == exported[1]


def test_a_reused_archive_is_not_generated_again(tmp_path):
    messages = []
    archive.ensure_archive(tmp_path, 5, archive.TINY, progress=messages.append)
    archive.ensure_archive(tmp_path, 5, archive.TINY, progress=messages.append)
    assert messages[-1].startswith("Reusing")


def test_percentile_is_a_measured_value():
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.5) == 10.0
    assert percentile(values, 0.95) == 19.0
    assert percentile([7.0], 0.95) == 7.0


def test_a_folder_with_other_files_is_never_taken_for_the_archive(tmp_path):
    keep = tmp_path / "notities.txt"
    keep.write_text("niet weggooien", "utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--tiny", "--archive", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2
    assert "not empty" in completed.stderr
    assert keep.read_text("utf-8") == "niet weggooien"
