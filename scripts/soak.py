"""Crash-durability soak: type into the real app, SIGKILL it at random moments, check the store.

Each round starts the app (offscreen) on the same data dir through the typing driver
(benchmarks/typing_driver.py: the real entry point, plus a robot on the window), which
types into the notes of the first agenda point at a steady pace and logs every keystroke
with its time. At a random moment the app is killed with SIGKILL. Then the store must pass
``PRAGMA integrity_check`` and its notes must equal what was typed up to some moment; the
loss window is how long before the kill the first keystroke the store lacks was typed.

    python scripts/soak.py --kills 1000 --workers 2

prints progress and, at the end, the worst loss window, integrity failures and mismatches;
exit status 0 when there were no failures and the worst window is within --limit seconds.
The test suite runs the same harness with fewer kills (tests/ui/test_crash_durability.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from taskforce_desktop.paths import DATABASE_FILENAME  # noqa: E402

START_TIMEOUT_S = 60
NOT_CHECKED = "not checked"
KILL_AFTER_S = (0.2, 2.5)


@dataclass
class KillResult:
    loss_window: float | None  # seconds; None when the store did not match what was typed
    integrity: str
    typed: int
    stored: int
    problem: str = ""


@dataclass
class Summary:
    results: list[KillResult] = field(default_factory=list)

    @property
    def worst_loss_window(self) -> float:
        windows = [r.loss_window for r in self.results if r.loss_window is not None]
        return max(windows, default=0.0)

    @property
    def start_failures(self) -> list[KillResult]:
        """Rounds where the app never started typing: nothing was killed or checked."""
        return [r for r in self.results if r.integrity == NOT_CHECKED]

    @property
    def integrity_failures(self) -> int:
        return sum(r.integrity not in ("ok", NOT_CHECKED) for r in self.results)

    @property
    def mismatches(self) -> list[KillResult]:
        return [r for r in self.results if r.loss_window is None and r.integrity != NOT_CHECKED]


def prepare_data_dir(data_dir: Path) -> None:
    """A store with one meeting whose first agenda point receives the typing."""
    from taskforce_desktop.core import services
    from taskforce_desktop.core.store import Store

    store = Store(data_dir)
    try:
        committee = services.create_committee(store, "Taskforce Samen Organiseren")
        meeting = services.create_meeting(
            store, committee.id, date=dt.date(2031, 9, 12), title="Overleg met de wijkteams"
        )
        services.add_agenda_item(store, meeting, "Wijkaanpak")
    finally:
        store.close()


def _environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(data_dir / "xdg-config"),
        XDG_STATE_HOME=str(data_dir / "xdg-state"),
        XDG_CACHE_HOME=str(data_dir / "xdg-cache"),
    )
    env.pop("TASKFORCE_DATA_DIR", None)
    return env


def _read_log(typing_log: Path) -> tuple[dict, list[tuple[float, str]]]:
    header: dict = {}
    keystrokes: list[tuple[float, str]] = []
    for line in typing_log.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            break  # a line cut short by the kill: it was never complete, so never typed
        if isinstance(entry, dict):
            header = entry
        else:
            keystrokes.append((entry[0], entry[1]))
    return header, keystrokes


def loss_window(
    start: str, keystrokes: list[tuple[float, str]], stored: str, killed_at: float
) -> float | None:
    """Seconds between the first keystroke the store lacks and the kill; None: no match.

    The store keeps normalised Markdown, which drops trailing spaces; a lost space alone
    therefore counts from the next character typed.
    """
    typed = start + "".join(character for _, character in keystrokes)
    kept = stored.rstrip()
    if not typed.startswith(kept) or len(kept) < len(start.rstrip()):
        return None
    first_lost = len(kept)
    while first_lost < len(typed) and typed[first_lost].isspace():
        first_lost += 1
    if first_lost >= len(typed):
        return 0.0
    typed_at = keystrokes[first_lost - len(start)][0]
    return max(0.0, killed_at - typed_at)


def _stored_notes(database: Path, item_id: int) -> tuple[str, str]:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        row = connection.execute("SELECT notes FROM agenda_item WHERE id=?", (item_id,)).fetchone()
        return integrity, (row[0] if row else "")
    finally:
        connection.close()


def kill_once(
    data_dir: Path, rng: random.Random, *, interval_ms: int = 40, python: str = sys.executable
) -> KillResult:
    typing_log = data_dir / "typing-log.jsonl"
    typing_log.unlink(missing_ok=True)
    output = data_dir / "app-output.txt"
    driver = [python, "-m", "benchmarks.typing_driver", "--data-dir", str(data_dir)]
    driver += ["--log", str(typing_log), "--interval-ms", str(interval_ms)]
    with open(output, "w", encoding="utf-8") as sink:
        app = subprocess.Popen(
            driver,
            env=_environment(data_dir),
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not typing_log.exists() or typing_log.stat().st_size < 40:
                if app.poll() is not None or time.monotonic() > deadline:
                    kept = output.with_name(f"start-failure-{time.time_ns()}.txt")
                    output.replace(kept)
                    return KillResult(None, NOT_CHECKED, 0, 0, f"the app did not start: {kept}")
                time.sleep(0.05)
            time.sleep(rng.uniform(*KILL_AFTER_S))
            killed_at = time.time()
            app.send_signal(signal.SIGKILL)
        finally:
            if app.poll() is None:
                app.kill()
            app.wait()
    header, keystrokes = _read_log(typing_log)
    integrity, stored = _stored_notes(data_dir / DATABASE_FILENAME, header["item"])
    window = loss_window(header["start"], keystrokes, stored, killed_at)
    problem = ""
    if window is None:
        problem = f"stored {len(stored)} characters that do not match what was typed"
    if "database is locked" in output.read_text(encoding="utf-8", errors="replace"):
        problem += " 'database is locked' in the app's output"
    return KillResult(window, integrity, len(keystrokes), len(stored), problem.strip())


def soak(
    work_dir: Path,
    kills: int,
    *,
    workers: int = 2,
    seed: int | None = None,
    progress=None,
) -> Summary:
    """kills rounds spread over workers, each on its own data dir below work_dir."""
    summary = Summary()
    lock = threading.Lock()
    counter = iter(range(kills))
    seed = seed if seed is not None else random.randrange(2**32)

    # Prepared one after the other: Alembic's migration context is not thread-safe.
    for number in range(workers):
        prepare_data_dir(work_dir / f"gegevens-{number}")

    def worker(number: int) -> None:
        data_dir = work_dir / f"gegevens-{number}"
        rng = random.Random(seed + number)
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            result = kill_once(data_dir, rng)
            with lock:
                summary.results.append(result)
                if progress:
                    progress(index, result, summary)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summary


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--limit", type=float, default=1.0, help="allowed loss window (s)")
    parser.add_argument("--keep", action="store_true", help="keep the data dirs")
    args = parser.parse_args(argv)
    work_dir = Path(tempfile.mkdtemp(prefix="taskforce-soak-"))

    def progress(index: int, result: KillResult, summary: Summary) -> None:
        window = "-" if result.loss_window is None else f"{result.loss_window:.3f}s"
        print(
            f"{len(summary.results):5d}/{args.kills} window {window} integrity {result.integrity} "
            f"typed {result.typed} worst {summary.worst_loss_window:.3f}s {result.problem}",
            flush=True,
        )

    summary = soak(work_dir, args.kills, workers=args.workers, seed=args.seed, progress=progress)
    print(
        f"kills: {len(summary.results) - len(summary.start_failures)}, "
        f"failed starts: {len(summary.start_failures)}, "
        f"integrity failures: {summary.integrity_failures}, "
        f"mismatches: {len(summary.mismatches)}, "
        f"worst loss window: {summary.worst_loss_window:.3f} s"
    )
    if not args.keep and not summary.start_failures:
        import shutil

        shutil.rmtree(work_dir, ignore_errors=True)
    else:
        print(f"data dirs kept in {work_dir}")
    failed = summary.integrity_failures or summary.mismatches or summary.start_failures
    return 1 if failed or summary.worst_loss_window > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
