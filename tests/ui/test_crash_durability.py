"""Crash durability: the real app is killed with SIGKILL while typing; nothing older than 1 s
may be lost and the store must stay sound. scripts/soak.py runs the same harness 1,000 times.
"""

import importlib.util
import os
import random
import sys
from pathlib import Path

import pytest

KILLS = 50 if os.environ.get("CI") else 6
ALLOWED_LOSS_S = 1.0


def load_soak():
    path = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"
    spec = importlib.util.spec_from_file_location("soak", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["soak"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


soak = load_soak()


def strokes(text, start_time=100.0, step=0.1):
    return [(start_time + i * step, character) for i, character in enumerate(text)]


def test_loss_window_counts_from_the_first_keystroke_the_store_lacks():
    typed = strokes("de leden")  # typed at 100.0, 100.1, … 100.7
    assert soak.loss_window("", typed, "de leden", killed_at=101.0) == 0.0
    assert soak.loss_window("", typed, "de le", killed_at=101.0) == pytest.approx(0.5)
    # A trailing space is dropped by the store's normal form; it is not a loss by itself.
    assert soak.loss_window("", typed[:3], "de", killed_at=101.0) == 0.0
    assert soak.loss_window("Eerder: ", typed, "Eerder: de", killed_at=101.0) == pytest.approx(0.7)


def test_a_store_that_differs_from_what_was_typed_is_a_mismatch():
    typed = strokes("de leden")
    assert soak.loss_window("", typed, "de lieden", killed_at=101.0) is None
    # Text saved before this round may never disappear.
    assert soak.loss_window("Eerder getypt.", typed, "Eerder", killed_at=101.0) is None


@pytest.mark.slow
def test_killing_the_app_while_typing_loses_at_most_one_second(tmp_path):
    summary = soak.soak(tmp_path, KILLS, workers=2, seed=random.randrange(2**32))
    assert len(summary.results) == KILLS
    assert [r.problem for r in summary.results if r.problem] == []
    assert summary.start_failures == [] and summary.mismatches == []
    assert summary.integrity_failures == 0
    assert all(r.typed > 0 for r in summary.results)
    print(f"worst loss window over {KILLS} kills: {summary.worst_loss_window:.3f} s")
    assert summary.worst_loss_window <= ALLOWED_LOSS_S
