"""The benchmark's figures: what each one is, its budget, and the table they make.

A figure is a list of samples (one per run, or several per run where a run repeats the
action) summarised as median, min and max, beside the same figure for the floor (a bare
PySide6 window with four tabs) where the floor has one.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    limit: float
    # "ratio": median divided by the floor's median; "median" or "max": that statistic.
    kind: str = "median"

    def describe(self, unit: str) -> str:
        if self.kind == "ratio":
            return f"≤ {self.limit:g}× floor"
        prefix = "max " if self.kind == "max" else ""
        return f"{prefix}≤ {format_value(self.limit, unit)}"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str  # "s", "ms" or "MB"
    budget: Budget | None = None


FIGURES = (
    Figure("startup_big", "Start-up to idle window, big archive", "s", Budget(3, "ratio")),
    Figure("startup_empty", "Start-up to idle window, empty store", "s"),
    Figure("first_key_big", "Start until the Impressie accepts a key, big archive", "s"),
    Figure("first_key_first_meeting", "Start until the Impressie accepts a key, one meeting", "s"),
    Figure("first_key_cpu_big", "Processor time of that start, big archive", "s"),
    Figure("first_key_cpu_first_meeting", "Processor time of that start, one meeting", "s"),
    Figure("rss_startup_big", "Peak RSS at start, big archive", "MB", Budget(200)),
    Figure("rss_startup_empty", "Peak RSS at start, empty store", "MB", Budget(200)),
    Figure("open_meeting", "Open another meeting (Impressies tab shown)", "ms", Budget(100)),
    Figure("autosave_commit_p50", "Autosave commit while typing, p50", "ms"),
    Figure("autosave_commit_p95", "Autosave commit while typing, p95", "ms", Budget(20)),
    Figure("autosave_commit_max", "Autosave commit while typing, max", "ms"),
    Figure("store_write_idle_p95", "Same store call with the UI idle, p95", "ms"),
    Figure("typing_stall", "Longest event-loop stall while typing", "ms", Budget(50, "max")),
    Figure("rss_session", "Peak RSS after switching and typing", "MB", Budget(200)),
    Figure("export_first_docx", "Export docx, 12 points, first of the session", "s", Budget(0.5)),
    Figure("export_regular_docx", "Export docx, 12 points", "s", Budget(0.5)),
    Figure("export_regular_pdf", "Export PDF, 12 points", "s"),
    Figure("export_regular_html", "Export HTML, 12 points", "s"),
    Figure("export_large_docx", "Export docx, 100 points", "s"),
    Figure("export_large_pdf", "Export PDF, 100 points", "s"),
    Figure("export_large_html", "Export HTML, 100 points", "s"),
    Figure("search_common", "Full-text search, common word", "ms", Budget(50)),
    Figure("search_rare", "Full-text search, rare word", "ms", Budget(50)),
    Figure("import_large", "Import the biggest meeting's file", "s"),
)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def summary(samples: list[float]) -> dict | None:
    if not samples:
        return None
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "samples": samples,
    }


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def evaluate(figure: Figure, measured: dict | None, floor: dict | None, error: str | None):
    """One figure's entry of the JSON file."""
    entry: dict = {"label": figure.label, "unit": figure.unit}
    entry.update(measured or {"median": None, "min": None, "max": None, "samples": []})
    entry["floor"] = floor
    entry["ratio"] = None
    if measured and floor and floor["median"]:
        entry["ratio"] = measured["median"] / floor["median"]
    entry["budget"] = (
        {"limit": figure.budget.limit, "kind": figure.budget.kind} if figure.budget else None
    )
    entry["error"] = error
    entry["status"] = _status(figure, entry)
    return entry


def _status(figure: Figure, entry: dict) -> str:
    if entry["error"] or entry["median"] is None:
        return "ERROR"
    budget = figure.budget
    if budget is None:
        return ""
    if budget.kind == "ratio":
        value = entry["ratio"]
        if value is None:
            return "ERROR"
    else:
        value = entry["max" if budget.kind == "max" else "median"]
    return "OK" if value <= budget.limit else "MISS"


def table(results: dict) -> str:
    header = ("Figure", "Median", "Min", "Max", "Floor", "Ratio / budget", "OK/MISS")
    rows = [header]
    for figure in FIGURES:
        entry = results[figure.key]
        unit = figure.unit
        floor = entry["floor"]
        parts = []
        if entry["ratio"] is not None:
            parts.append(f"{entry['ratio']:.1f}×")
        if figure.budget:
            parts.append(figure.budget.describe(unit))
        rows.append(
            (
                figure.label,
                format_value(entry["median"], unit),
                format_value(entry["min"], unit),
                format_value(entry["max"], unit),
                format_value(floor["median"], unit) if floor else "—",
                " / ".join(parts) or "—",
                entry["status"],
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        lines.append(
            "| "
            + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            + " |"
        )
        if index == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)
