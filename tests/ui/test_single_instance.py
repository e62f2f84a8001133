"""One instance per data dir, tested with real processes racing for it.

Run as a script this file is the probe each of those processes runs: the same
SingleInstance handshake the app does at start, then, if it won, a write to the store.
"""

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROUNDS = 20 if os.environ.get("CI") else 4
PROBE = [sys.executable, str(Path(__file__).resolve())]


def start_probe(data_dir, *args, expect=0):
    return subprocess.Popen(
        [*PROBE, str(data_dir), str(expect), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process, timeout=30):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def test_three_simultaneous_starts_leave_exactly_one_owner(tmp_path):
    data_dir = tmp_path / "gegevens"
    for _round in range(ROUNDS):
        processes = [start_probe(data_dir, expect=2) for _ in range(3)]
        results = [finish(p) for p in processes]
        outputs = [out for _code, out, _err in results]
        assert [code for code, _out, _err in results] == [0, 0, 0], results
        assert sum("OWNER" in out for out in outputs) == 1, outputs
        assert sum("HANDED-OVER" in out for out in outputs) == 2, outputs
        assert all("database is locked" not in out + err for _c, out, err in results)
        owner_output = next(out for out in outputs if "OWNER" in out)
        assert owner_output.count('"action": "raise"') == 2


def test_a_file_to_import_is_passed_to_the_running_instance(tmp_path):
    data_dir = tmp_path / "gegevens"
    first = start_probe(data_dir, expect=1)
    assert first.stdout.readline().strip() == "OWNER"
    meeting_file = tmp_path / "september.verslag.json"
    meeting_file.write_text("{}", encoding="utf-8")
    code, out, _err = finish(start_probe(data_dir, str(meeting_file)))
    assert (code, out.strip()) == (0, "HANDED-OVER")
    code, out, _err = finish(first)
    assert code == 0
    [request] = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert request == {"action": "import", "file": str(meeting_file.resolve())}


def test_a_lock_left_by_a_killed_instance_is_taken_over(tmp_path):
    data_dir = tmp_path / "gegevens"
    crashed = start_probe(data_dir, expect=99)
    assert crashed.stdout.readline().strip() == "OWNER"
    crashed.send_signal(signal.SIGKILL)
    finish(crashed)
    assert (data_dir / "taskforce.lock").exists()
    # The probe claims with a 2 s limit: taking over must happen within it.
    code, out, err = finish(start_probe(data_dir, "--claim-within-ms=2000"))
    assert code == 0, err
    assert out.splitlines()[0] == "OWNER"


def test_different_data_dirs_do_not_interfere(tmp_path):
    first = start_probe(tmp_path / "a", expect=99)
    assert first.stdout.readline().strip() == "OWNER"
    try:
        code, out, _err = finish(start_probe(tmp_path / "b"))
        assert (code, out.splitlines()[0]) == (0, "OWNER")
    finally:
        first.kill()
        finish(first)


@pytest.mark.parametrize("path", ["/a/b", "/a/b/"])
def test_the_socket_name_is_short_and_stable(path):
    from taskforce_desktop.ui.single_instance import server_name

    assert server_name(Path(path)) == server_name(Path("/a/b"))
    assert len(server_name(Path("/x" * 200))) < 60


@pytest.mark.parametrize("she_says_yes", [True, False], ids=["ja", "nee"])
def test_the_running_window_comes_forward_and_asks_before_importing_a_handed_over_file(
    qtbot, make_window, monkeypatch, she_says_yes
):
    from taskforce_desktop import paths
    from taskforce_desktop.core import services
    from taskforce_desktop.ui.dialogs.simple import Confirm
    from taskforce_desktop.ui.safety_ui import handle_request
    from taskforce_desktop.ui.single_instance import RAISE, import_request

    window = make_window()
    window.showMinimized()
    questions = []
    monkeypatch.setattr(
        Confirm,
        "ask",
        classmethod(lambda cls, parent, title, text, label: questions.append(text) or she_says_yes),
    )
    handle_request(window, RAISE)
    assert not window.isMinimized() and window.isVisible()
    assert questions == []  # coming forward asks nothing
    sample = paths.resource("samples", "voorbeeld.verslag.json")
    handle_request(window, import_request(sample))
    qtbot.waitUntil(window.background.is_idle)  # the import runs off the UI thread
    assert "'voorbeeld.verslag.json'" in questions[0]
    meetings = services.list_meetings(window.store)
    if she_says_yes:
        assert window.session.meeting_id == meetings[0].id
    else:
        assert meetings == []


def test_the_command_line_will_not_restore_under_a_running_app(qapp, store, data_dir, capsys):
    from taskforce_desktop import cli
    from taskforce_desktop.core import backup
    from taskforce_desktop.ui.single_instance import RAISE, SingleInstance

    saved = backup.make_backup(store, backup.Reason.MANUAL)
    instance = SingleInstance(data_dir)
    assert instance.claim(RAISE)
    try:
        assert cli.main(["restore", str(saved)]) == 1
        assert "sluit het eerst" in capsys.readouterr().err
    finally:
        instance.release()
    assert cli.main(["restore", str(saved)]) == 0


@pytest.fixture
def short_tmp():
    """Folders with short paths: a Unix socket path holds only about 100 bytes."""
    made = []

    def make(prefix):
        made.append(Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp")))
        return made[-1]

    yield make
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def _left_socket(path: Path, *, listening=False, age_seconds=3600):
    """A socket file as a killed instance leaves it (or, listening, as a live one keeps it)."""
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    if listening:
        sock.listen()
    else:
        sock.close()
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return sock


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets")
def test_the_socket_is_private_and_dead_ones_are_cleaned_up(qapp, data_dir, short_tmp, monkeypatch):
    from taskforce_desktop.ui.single_instance import RAISE, SingleInstance

    runtime, shared_temp = short_tmp("rt"), short_tmp("tmp")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setattr(tempfile, "tempdir", str(shared_temp))
    private = runtime / "taskforce-verslag"
    private.mkdir(mode=0o755)
    dead = private / "taskforce-verslag-dood"
    _left_socket(dead)
    legacy = shared_temp / "taskforce-verslag-oud"
    _left_socket(legacy)
    live = _left_socket(private / "taskforce-verslag-levend", listening=True)
    young = private / "taskforce-verslag-net-gestart"
    _left_socket(young, age_seconds=0)

    instance = SingleInstance(data_dir)
    try:
        assert instance.claim(RAISE)
        assert Path(instance.name).parent == private and Path(instance.name).is_socket()
        assert stat.S_IMODE(private.stat().st_mode) == 0o700
        left = sorted(p.name for p in private.iterdir())
        assert left == sorted([Path(instance.name).name, "taskforce-verslag-levend", young.name])
        assert not legacy.exists()
    finally:
        instance.release()
        live.close()


def test_a_huge_request_is_dropped_and_the_owner_keeps_answering(qapp, qtbot, data_dir):
    from taskforce_desktop.ui.single_instance import MAX_REQUEST_BYTES, RAISE, SingleInstance

    instance = SingleInstance(data_dir)
    received = []
    instance.request_received.connect(received.append)
    assert instance.claim(RAISE)
    hostile = socket.socket(socket.AF_UNIX)
    try:
        hostile.connect(instance._server.fullServerName())
        hostile.setblocking(False)
        flood = b'{"action": "raise", "x": "' + b"x" * (4 * MAX_REQUEST_BYTES)

        def sent_until_closed():
            try:
                hostile.send(flood)
            except BlockingIOError:
                return False
            except OSError:
                return True  # the owner hung up
            return False

        qtbot.waitUntil(sent_until_closed, timeout=10000)
        second = start_probe(data_dir)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20000)
        assert finish(second)[:2] == (0, "HANDED-OVER\n")
        assert received == [RAISE]
        assert all(len(buffer) <= MAX_REQUEST_BYTES for buffer in instance._buffers.values())
    finally:
        hostile.close()
        instance.release()


def _probe(argv):
    """Claim the data dir; the owner writes to the store and waits for `expect` requests."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from taskforce_desktop.ui.single_instance import RAISE, SingleInstance, import_request

    data_dir, expect, *rest = argv
    options = [a for a in rest if a.startswith("--")]
    files = [a for a in rest if not a.startswith("--")]
    claim_ms = next((int(o.split("=")[1]) for o in options if o.startswith("--claim")), 8000)
    app = QCoreApplication([])
    instance = SingleInstance(Path(data_dir))
    request = import_request(files[0]) if files else RAISE
    if not instance.claim(request, timeout_ms=claim_ms):
        print("HANDED-OVER", flush=True)
        return 0
    # Like the app: the store's heavy imports only once this process owns the data dir.
    from taskforce_desktop.core import services
    from taskforce_desktop.core.store import Store

    store = Store(Path(data_dir))
    services.create_committee(store, f"Overleg van proces {os.getpid()}")
    print("OWNER", flush=True)
    received = []

    def on_request(message):
        print(json.dumps(message), flush=True)
        received.append(message)
        if len(received) >= int(expect):
            app.quit()

    instance.request_received.connect(on_request)
    if int(expect) == 0:
        return 0
    QTimer.singleShot(15000, app.quit)
    app.exec()
    store.close()
    instance.release()
    return 0


if __name__ == "__main__":
    sys.exit(_probe(sys.argv[1:]))
