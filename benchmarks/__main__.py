"""``python -m benchmarks``: measure, print one table, write a JSON file.

Every measurement runs in a fresh process (``benchmarks/child.py``) on scratch copies of the
archive, so the cached archive is never changed and one run cannot warm the next one's
Python. The floor processes run interleaved with the app's, so a busy machine slows both.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import archive, child
from benchmarks.figures import FIGURES, evaluate, percentile, summary, table

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RUNS = 5
DEFAULT_CHARACTERS = 2000
TINY_CHARACTERS = 300
DEFAULT_SEED = 1
CHILD_TIMEOUT_S = 600
# Enough of a failed child's output for a crash's Python traceback (faulthandler's).
FAILURE_TAIL_LINES = 40
SETTINGS_FILENAME = "settings.ini"  # the window's, in the data dir
IMPRESSIES_TAB = 3
# The stores the first key is timed on: an empty one has no Impressie to type in.
KEY_STORES = ("big", "first_meeting")


class ChildFailed(RuntimeError):
    """A measuring process ended without a result; the message carries its stderr."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmark start-up, switching, typing, export, search and import of "
        "Taskforce Verslag on a generated ten-year archive, against a bare PySide6 window.",
    )
    parser.add_argument(
        "--tiny", action="store_true", help="small archive and one run (CI: proves it works)"
    )
    parser.add_argument("--runs", type=int, help=f"runs per figure (default {DEFAULT_RUNS})")
    parser.add_argument(
        "--output", type=Path, default=Path("bench-results.json"), help="the JSON file"
    )
    parser.add_argument(
        "--archive",
        type=Path,
        metavar="DIR",
        help="keep the generated archive here and reuse it (default: a cache in the temp dir)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the archive")
    parser.add_argument(
        "--characters", type=int, help=f"characters typed per run (default {DEFAULT_CHARACTERS})"
    )
    return parser


def child_environment() -> tuple[dict[str, str], str]:
    """The environment of the measuring processes and the Qt platform they use."""
    env = dict(os.environ)
    has_display = env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The children must import this checkout's app and benchmarks even when started elsewhere.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    # An installed app runs from compiled bytecode (pip and PyInstaller write it, see
    # compile_checkout); a shell that turns that off would time Python's compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env, env.get("QT_QPA_PLATFORM", "default")


def compile_checkout() -> None:
    """The bytecode of the app and the benchmark, as installing the app writes it."""
    for package in ("taskforce_desktop", "benchmarks"):
        compileall.compile_dir(REPO_ROOT / package, quiet=1)


def run_child(
    scenario: str, arguments: dict, env: dict[str, str], moment: str = "idle_at"
) -> tuple[dict, float]:
    """A scenario's result and the seconds from spawning it to its ``moment``, if any."""
    spawned = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", scenario, json.dumps(arguments)],
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith(child.RESULT_PREFIX):
            result = json.loads(line[len(child.RESULT_PREFIX) :])
            if completed.returncode != 0:
                break
            started = result[moment] - spawned if moment in result else None
            return result, started
    lines = (completed.stderr or completed.stdout).strip().splitlines()
    tail = "\n".join(lines[-FAILURE_TAIL_LINES:])
    raise ChildFailed(f"{scenario} exited with {completed.returncode}:\n{tail}")


class Collector:
    """Samples per figure, for the app and for the floor, and what could not be measured."""

    def __init__(self) -> None:
        self.app: dict[str, list[float]] = {figure.key: [] for figure in FIGURES}
        self.floor: dict[str, list[float]] = {}
        self.errors: dict[str, str] = {}
        # Per-run details that explain a figure (stall counts, commits), kept in the JSON.
        self.details: list[dict] = []

    def add(self, key: str, value, floor: bool = False) -> None:
        if value is None:
            return
        target = self.floor if floor else self.app
        values = value if isinstance(value, list) else [value]
        target.setdefault(key, []).extend(values)

    def attempt(self, keys: tuple[str, ...], measure) -> None:
        """Run one measurement; if it fails, its figures say why instead of a number."""
        try:
            measure()
        except (ChildFailed, subprocess.TimeoutExpired, OSError) as exc:
            for key in keys:
                self.errors.setdefault(key, str(exc))
            print(f"  failed: {exc}", file=sys.stderr)


def prepare_scratch(source: Path, scratch: Path) -> dict[str, Path]:
    """Copies the children may change: the archive, an empty store, a store holding only a
    new meeting, the import target."""
    import datetime as dt

    from taskforce_desktop.core import services
    from taskforce_desktop.core.store import Store, sqlite_backup
    from taskforce_desktop.paths import DATABASE_FILENAME

    names = ("big", "import", "empty", "first_meeting", "settings")
    dirs = {name: scratch / name for name in names}
    for name in ("big", "import"):
        sqlite_backup(source / DATABASE_FILENAME, dirs[name] / DATABASE_FILENAME)
    # Migrated once here, so each start on it is a normal start, not the very first one.
    Store(dirs["empty"]).close()
    # An empty store has no Impressie to type in: her first day, one meeting with one point.
    store = Store(dirs["first_meeting"])
    try:
        committee = services.create_committee(store, "Adviesraad Sociaal Domein")
        meeting = services.create_meeting(store, committee.id, date=dt.date.today())
        services.add_agenda_item(store, meeting, "Opening")
    finally:
        store.close()
    dirs["settings"].mkdir()
    return dirs


def newest_meeting_id(data_dir: Path) -> int:
    from taskforce_desktop.core import services
    from taskforce_desktop.core.store import Store

    store = Store(data_dir)
    try:
        return services.list_meetings(store)[0].id
    finally:
        store.close()


def remember_minuting(data_dir: Path, meeting_id: int) -> None:
    """The window's settings as she leaves them while minuting a meeting: on the Impressies
    tab, so the start opens it and puts the cursor in the Impressie."""
    settings = data_dir / SETTINGS_FILENAME
    settings.unlink(missing_ok=True)
    descriptor = os.open(settings, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(f"[meeting]\nlast={meeting_id}\ntab={IMPRESSIES_TAB}\n")


def measure(options, manifest: archive.Manifest, dirs: dict[str, Path], env) -> Collector:
    collected = Collector()
    ids = {
        "regular_meeting_id": manifest.regular_meeting_id,
        "other_regular_meeting_id": manifest.other_regular_meeting_id,
        "draft_meeting_id": manifest.draft_meeting_id,
        "large_meeting_id": manifest.large_meeting_id,
    }
    minuting = {name: newest_meeting_id(dirs[name]) for name in KEY_STORES}
    for run in range(options.runs):
        print(f"Run {run + 1}/{options.runs}: start-up", file=sys.stderr)
        collected.attempt(("startup_big", "startup_empty"), lambda: _floor_start(collected, env))
        for store_name, suffix in (("big", "big"), ("empty", "empty")):
            collected.attempt(
                (f"startup_{suffix}", f"rss_startup_{suffix}"),
                lambda s=store_name, x=suffix: _app_start(collected, dirs, s, x, env),
            )
        key_keys = tuple(
            f"first_key{part}_{store}" for store in KEY_STORES for part in ("", "_cpu")
        )
        collected.attempt(key_keys, lambda: _floor_first_key(collected, env))
        for store_name in KEY_STORES:
            collected.attempt(
                (f"first_key_{store_name}", f"first_key_cpu_{store_name}"),
                lambda s=store_name: _app_first_key(collected, dirs, s, minuting[s], env),
            )
    session_keys = (
        "open_meeting", "autosave_commit_p50", "autosave_commit_p95", "autosave_commit_max",
        "typing_stall", "rss_session",
    )  # fmt: skip
    for run in range(options.runs):
        print(f"Run {run + 1}/{options.runs}: switching and typing", file=sys.stderr)
        collected.attempt(session_keys, lambda: _floor_session(collected, options, env))
        collected.attempt(session_keys, lambda: _app_session(collected, options, dirs, ids, env))
    core_keys = tuple(
        f.key for f in FIGURES if f.key.split("_")[0] in ("export", "search", "store")
    )
    for run in range(options.runs):
        print(f"Run {run + 1}/{options.runs}: search, export, import", file=sys.stderr)
        collected.attempt(
            (*core_keys, "import_large"), lambda: _core(collected, manifest, dirs, ids, env)
        )
    return collected


def _floor_start(collected: Collector, env) -> None:
    result, started = run_child("floor", {}, env)
    for suffix in ("big", "empty"):
        collected.add(f"startup_{suffix}", started, floor=True)
        collected.add(f"rss_startup_{suffix}", result["peak_rss_mb"], floor=True)


def _app_start(collected: Collector, dirs, store_name: str, suffix: str, env) -> None:
    arguments = {"data_dir": str(dirs[store_name]), "settings_dir": str(dirs["settings"])}
    result, started = run_child("app", arguments, env)
    collected.add(f"startup_{suffix}", started)
    collected.add(f"rss_startup_{suffix}", result["peak_rss_mb"])


def _floor_first_key(collected: Collector, env) -> None:
    result, started = run_child("floor-key", {}, env, moment="key_seen_at")
    for store_name in KEY_STORES:
        collected.add(f"first_key_{store_name}", started, floor=True)
        collected.add(f"first_key_cpu_{store_name}", result["cpu_s"], floor=True)


def _app_first_key(collected: Collector, dirs, store_name: str, meeting_id: int, env) -> None:
    remember_minuting(dirs[store_name], meeting_id)
    arguments = {"data_dir": str(dirs[store_name]), "settings_dir": str(dirs["settings"])}
    result, started = run_child("app-key", arguments, env, moment="key_seen_at")
    collected.add(f"first_key_{store_name}", started)
    collected.add(f"first_key_cpu_{store_name}", result["cpu_s"])


def _floor_session(collected: Collector, options, env) -> None:
    result, _ = run_child("floor-session", {"characters": options.characters}, env)
    collected.add("open_meeting", result["open_ms"], floor=True)
    collected.add("typing_stall", result["stall_ms"], floor=True)
    collected.details.append(_typing_details("floor", result))
    collected.add("rss_session", result["peak_rss_mb"], floor=True)


def _app_session(collected: Collector, options, dirs, ids: dict, env) -> None:
    arguments = {
        "data_dir": str(dirs["big"]),
        "settings_dir": str(dirs["settings"]),
        "characters": options.characters,
        **ids,
    }
    result, _ = run_child("app-session", arguments, env)
    if not result.get("typed_text_stored"):
        raise ChildFailed("the typed text did not reach the store")
    commits = result["commit_ms"]
    if not commits:
        raise ChildFailed("the autosave writer made no commit while typing")
    collected.add("open_meeting", result["open_ms"])
    collected.add("autosave_commit_p50", percentile(commits, 0.5))
    collected.add("autosave_commit_p95", percentile(commits, 0.95))
    collected.add("autosave_commit_max", max(commits))
    collected.add("typing_stall", result["stall_ms"])
    collected.details.append(_typing_details("app", result))
    collected.add("rss_session", result["peak_rss_mb"])


def _typing_details(window: str, result: dict) -> dict:
    keys = (
        "stalls_over_20ms",
        "stalls_over_20ms_during_commit",
        "commits_while_typing",
        "spelling_marks",
    )
    return {"window": window, **{key: result[key] for key in keys if key in result}}


def _core(collected: Collector, manifest: archive.Manifest, dirs, ids: dict, env) -> None:
    arguments = {
        "data_dir": str(dirs["big"]),
        "import_dir": str(dirs["import"]),
        "common_word": manifest.common_word,
        "rare_word": manifest.rare_word,
        **ids,
    }
    result, _ = run_child("core", arguments, env)
    if result["search_rare_word_hits"] != manifest.rare_word_notes:
        raise ChildFailed(
            f"the rare word was found {result['search_rare_word_hits']} times, "
            f"expected {manifest.rare_word_notes}"
        )
    collected.add("search_common", result["search_common_word_ms"])
    collected.add("search_rare", result["search_rare_word_ms"])
    collected.add("store_write_idle_p95", percentile(result["store_write_ms"], 0.95))
    for figure in FIGURES:
        if figure.key.startswith("export_"):
            collected.add(figure.key, result[f"{figure.key}_ms"] / 1000)
    collected.add("import_large", result["import_large_ms"] / 1000)


def code_version() -> dict:
    """The commit measured, and whether the working tree differed from it."""

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO_ROOT), *arguments], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changes = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "modified": None}
    return {"commit": commit, "modified": bool(changes)}


def machine_description(qt_platform: str) -> dict:
    from PySide6 import __version__ as pyside_version

    return {
        "system": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qt_platform": qt_platform,
        # Other work on the machine slows the app and the floor alike, but adds noise.
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    size = archive.TINY if options.tiny else archive.FULL
    options.runs = options.runs or (1 if options.tiny else DEFAULT_RUNS)
    options.characters = options.characters or (
        TINY_CHARACTERS if options.tiny else DEFAULT_CHARACTERS
    )
    if options.runs < 1 or options.characters < 50:
        print("--runs must be at least 1 and --characters at least 50", file=sys.stderr)
        return 2

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        source, manifest = archive.ensure_archive(options.archive, options.seed, size, progress)
    except archive.ArchiveDirError as exc:
        print(f"--archive: {exc}", file=sys.stderr)
        return 2
    env, qt_platform = child_environment()
    compile_checkout()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="taskforce-bench-") as scratch:
        dirs = prepare_scratch(source, Path(scratch))
        collected = measure(options, manifest, dirs, env)
    figures = {
        figure.key: evaluate(
            figure,
            summary(collected.app[figure.key]),
            summary(collected.floor.get(figure.key, [])),
            collected.errors.get(figure.key),
        )
        for figure in FIGURES
    }
    report = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_description(qt_platform),
        "code": code_version(),
        "runs": options.runs,
        "typed_characters": options.characters,
        "duration_s": round(time.monotonic() - started, 1),
        "archive": manifest.to_json(),
        "figures": figures,
        "typing_details": collected.details,
    }
    options.output.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    print(table(figures))
    print(f"\n{options.output} written ({options.runs} run(s), {report['duration_s']} s).")
    return 1 if any(entry["status"] == "ERROR" for entry in figures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
