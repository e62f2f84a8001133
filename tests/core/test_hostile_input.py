"""Meeting files from someone who means harm: bounded reading, clear errors, store untouched.

The targeted cases below each reproduce one finding of the security review (issue 11). The
last test is the hostile-input suite: its own generator (fixed seed) makes files of every
kind the review tried, imports each with a time limit, and reports tried / refused /
accepted / crashed / hung / store changed; only the first three may be non-zero.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import socket
import threading
from collections import Counter
from pathlib import Path

import pytest
from test_fuzz_importers import dump

from taskforce_desktop import cli, paths
from taskforce_desktop.core import meeting_file as mf
from taskforce_desktop.core import services
from taskforce_desktop.core.meeting_file import MeetingFileError, import_meeting_file

SAMPLE = json.loads(paths.resource("samples", "voorbeeld.verslag.json").read_text("utf-8"))
HANG_SECONDS = 20  # far above the few milliseconds a refusal takes; only a real hang reaches it
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and sockets")


def sample(**changes) -> dict:
    data = copy.deepcopy(SAMPLE)
    data.update(changes)
    return data


def with_point(**fields) -> bytes:
    data = sample()
    data["agenda"][0].update(fields)
    return json.dumps(data).encode()


def with_number(key: str, literal: str) -> bytes:
    """The sample with the first number of key written as literal (json.dumps refuses 10**5000)."""
    first = {"version": b'"version": 1', "planned_minutes": b'"planned_minutes": 10'}[key]
    return with_point().replace(first, f'"{key}": {literal}'.encode(), 1)


def run_bounded(action, *args):
    """(result, error, finished): the action in a daemon thread, abandoned after HANG_SECONDS."""
    outcome: dict = {}

    def target():
        try:
            outcome["result"] = action(*args)
        except BaseException as error:  # noqa: BLE001 - the caller judges every kind
            outcome["error"] = error

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    return outcome.get("result"), outcome.get("error"), not worker.is_alive()


# ------------------------------------------------------------------------ special files


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pijp.verslag.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path):
    path = tmp_path / "stopcontact.verslag.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


@posix_only
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda tmp_path, request: Path("/dev/zero"), "a device"),
        (lambda tmp_path, request: request.getfixturevalue("fifo"), "a named pipe"),
        (lambda tmp_path, request: request.getfixturevalue("unix_socket"), "a socket"),
        (lambda tmp_path, request: tmp_path, "a folder"),
    ],
    ids=["dev-zero", "fifo", "socket", "folder"],
)
def test_anything_but_a_regular_file_is_refused_at_once(store, tmp_path, request, make, kind):
    source = make(tmp_path, request)
    before = dump(store)

    _, error, finished = run_bounded(import_meeting_file, store, source)

    assert finished, "the import hung"
    assert isinstance(error, MeetingFileError) and f"it is {kind}, not a file" in str(error)
    assert dump(store) == before


def test_a_file_over_the_size_limit_is_refused_without_reading_it(store, tmp_path, monkeypatch):
    huge = tmp_path / "groot.verslag.json"
    with huge.open("wb") as stream:
        stream.truncate(mf.MAX_FILE_BYTES + 1)  # sparse: nothing to read but its size
    monkeypatch.setattr(mf, "_decode", lambda source: pytest.fail("a too large file was read"))
    with pytest.raises(MeetingFileError, match=f"at most {mf.MAX_FILE_BYTES:,}"):
        import_meeting_file(store, huge)


def test_content_over_the_size_limit_is_refused(store):
    padding = " " * mf.MAX_FILE_BYTES
    with pytest.raises(MeetingFileError, match="a meeting file may have at most"):
        import_meeting_file(store, (json.dumps(SAMPLE) + padding).encode())


# ----------------------------------------------------------------------- numbers and keys


@pytest.mark.parametrize(
    ("source", "path", "problem"),
    [
        (
            with_number("planned_minutes", "1" + "0" * 5000),
            "agenda[0].planned_minutes",
            "5001 digits",
        ),
        (with_point(planned_minutes=2**63), "agenda[0].planned_minutes", "19 digits is too long"),
        (with_point(planned_minutes=10**6), "agenda[0].planned_minutes", "is more than 10080"),
        (
            with_number("version", "-" + "1" * 4001),
            "version",
            "4001 digits is too long",
        ),
        (
            with_point(confidential=True).replace(
                b'"confidential": true', b'"confidential": true, "confidential": false'
            ),
            "agenda[0].confidential",
            "appears twice",
        ),
        (
            b'{"format": "taskforce-verslag/meeting", "format": "x", "version": 1}',
            "format",
            "appears twice",
        ),
        (
            json.dumps(sample(extra=[[[[[[[[[[[[[[[[[["diep"]]]]]]]]]]]]]]]]]])).encode(),
            "extra" + "[0]" * 16,
            "nested more than 16",
        ),
        (
            json.dumps(sample(attendees=[{"name": f"P{i}"} for i in range(2001)])).encode(),
            "attendees",
            "2001 entries; at most 2000",
        ),
    ],
    ids=[
        "long-number",
        "2**63-minutes",
        "week-minutes",
        "long-version",
        "dup-key",
        "dup-top",
        "deep",
        "long-list",
    ],
)
def test_numbers_nesting_and_duplicate_keys_are_file_errors_with_their_path(
    store, tmp_path, capsys, source, path, problem
):
    before = dump(store)
    with pytest.raises(MeetingFileError) as refused:
        import_meeting_file(store, source)
    assert refused.value.path == path and problem in refused.value.problem
    assert dump(store) == before

    file = tmp_path / "vijandig.verslag.json"
    file.write_bytes(source)
    store.close()
    assert cli.main(["--data-dir", str(store.data_dir), "import", str(file)]) == 2
    assert f"{path}: " in capsys.readouterr().err


@pytest.mark.parametrize("minutes", [2**63, 10**6, 7 * 24 * 60 + 1])
def test_planned_minutes_through_the_services_share_the_meeting_files_cap(
    sample_meeting_id, store, minutes
):
    from taskforce_desktop.core import services

    item = services.load_meeting(store, sample_meeting_id).agenda[0]
    with pytest.raises(services.DomainError, match="ten hoogste 10080"):
        services.update_agenda_item(store, item.id, planned_minutes=minutes)
    services.update_agenda_item(store, item.id, planned_minutes=7 * 24 * 60)
    assert services.load_meeting(store, sample_meeting_id).agenda[0].planned_minutes == 10080


# ------------------------------------------------------------------------ the suite


def _mutations(rng: random.Random, workdir: Path):
    """(category, source) pairs: the kinds of hostility the review tried, and then some."""
    text = json.dumps(SAMPLE, ensure_ascii=False)
    for index in range(40):
        depth = rng.randint(10, 3000)
        yield "nesting", ('{"agenda": ' + "[" * depth + "]" * depth + "}").encode()
        digits = rng.randint(15, 6000)
        point = rng.choice(["planned_minutes", "confidential", "title", "number"])
        number = rng.choice(["", "-"]) + "9" * digits
        literal = with_number("planned_minutes", number)
        yield "numbers", literal.replace(b'"planned_minutes"', f'"{point}"'.encode(), 1)
        yield "numbers", with_point(planned_minutes=rng.choice([2**63, 2**64, -(2**63), 1e308]))
        cut = rng.randrange(len(text))
        yield "sizes", text[:cut].encode()
        yield (
            "sizes",
            json.dumps(sample(attendees=SAMPLE["attendees"] * rng.randint(1, 700))).encode(),
        )
        raw = bytearray(text.encode())
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        yield "encodings", bytes(raw)
        yield "encodings", text.encode(rng.choice(["utf-16", "utf-32", "latin-1", "utf-8-sig"]))
        escape = rng.choice(["\\ud800", "\\udfff", "\\u0000", "\\u202e", "\\ufeff"])
        yield (
            "encodings",
            with_point(title="x").replace(b'"title": "x"', f'"title": "{escape}"'.encode()),
        )
        key = rng.choice(['"confidential": false', '"title": "Ander"', '"status": "approved"'])
        dup = with_point().replace(b'"agenda": [{', b'"agenda": [{' + key.encode() + b", ")
        yield "duplicate keys", dup
        yield "duplicate keys", dup.replace(b'{"format"', b'{"version": 2, "format"', 1)
        link = workdir / f"link-{index}.verslag.json"
        target = rng.choice(["/dev/zero", str(workdir), str(workdir / "missing"), "/etc/passwd"])
        link.symlink_to(target)
        yield "symlinks", link
    if os.name == "posix":
        fifo = workdir / "pipe.verslag.json"
        os.mkfifo(fifo)
        yield "special files", fifo
        yield "special files", Path("/dev/zero")
        yield "special files", Path("/dev/urandom")
    yield "special files", workdir


def test_hostile_input_suite(store, tmp_path):
    rng = random.Random(20261201)
    counts = Counter()
    failures = []
    before = dump(store)
    for category, source in _mutations(rng, tmp_path):
        counts["tried"] += 1
        result, error, finished = run_bounded(import_meeting_file, store, source)
        if not finished:
            counts["hung"] += 1
            failures.append((category, "hung"))
            continue
        if isinstance(error, MeetingFileError):
            counts["refused"] += 1
        elif error is not None:
            counts["crashed"] += 1
            failures.append((category, repr(error)[:200]))
        else:
            counts["accepted"] += 1
            with contextlib.suppress(services.DomainError):
                services.delete_meeting(store, result.meeting_id)
            before = dump(store)  # its committee and people stay, as after any import
            continue
        if dump(store) != before:
            counts["store changed"] += 1
            failures.append((category, "store changed"))
            before = dump(store)
    report = " / ".join(
        f"{name} {counts[name]}"
        for name in ("tried", "refused", "accepted", "crashed", "hung", "store changed")
    )
    print(f"\nhostile input: {report}")
    assert counts["refused"] > counts["tried"] // 2
    assert failures == [], report


# ------------------------------------------------------------------------ export targets


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_every_export_format_refuses_a_folder_as_its_target(
    sample_meeting_id, store, tmp_path, capsys, fmt
):
    store.close()
    command = ["--data-dir", str(store.data_dir), "export", str(sample_meeting_id)]
    assert cli.main([*command, "--format", fmt, "--output", str(tmp_path)]) == 2
    assert "is een map, geen bestand" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "docx"])
@pytest.mark.parametrize(
    "own_file",
    ["taskforce.sqlite3", "taskforce.sqlite3-wal", "backups/taskforce-20310912T100000Z-manual.sqlite3",
     "logs/taskforce.log", "settings.ini", "nieuw.docx"],
)  # fmt: skip
def test_an_export_into_the_data_folder_is_refused_and_its_files_kept(
    sample_meeting_id, store, capsys, fmt, own_file
):
    store.close()
    data_dir = store.data_dir
    target = data_dir / own_file
    target.parent.mkdir(exist_ok=True)
    if not target.exists() and own_file != "nieuw.docx":
        target.write_bytes(b"van het programma zelf")
    command = ["--data-dir", str(data_dir), "export", str(sample_meeting_id), "--format", fmt]

    assert cli.main([*command, "--output", str(target)]) == 2

    assert "waar Taskforce Verslag zijn eigen gegevens" in capsys.readouterr().err
    if own_file == "nieuw.docx":
        assert not target.exists()
    else:  # the log and the WAL change as the command runs (the WAL goes), never to the export
        written = target.read_bytes() if target.exists() else b""
        assert not written.startswith(b"PK") and not written.startswith(b"{")
    assert cli.main(["--data-dir", str(data_dir), "list"]) == 0
    assert capsys.readouterr().out.startswith(f"{sample_meeting_id}\t")


def test_an_export_through_a_symlink_into_the_data_folder_is_refused(
    sample_meeting_id, store, tmp_path
):
    from taskforce_desktop.core.export import ExportTargetError, write_export

    pointer = tmp_path / "Verslag.html"
    pointer.symlink_to(store.path)
    with pytest.raises(ExportTargetError, match="eigen gegevens"):
        write_export(store, sample_meeting_id, "html", pointer)


@posix_only
@pytest.mark.parametrize(
    "make",
    [lambda tmp_path, request: Path("/dev/null"), lambda tmp_path, request: request.getfixturevalue("fifo")],
    ids=["device", "fifo"],
)  # fmt: skip
def test_an_export_never_replaces_a_device_or_a_named_pipe(
    sample_meeting_id, store, tmp_path, request, capsys, make
):
    target = make(tmp_path, request)
    store.close()
    command = ["--data-dir", str(store.data_dir), "export", str(sample_meeting_id)]
    assert cli.main([*command, "--format", "json", "--output", str(target)]) == 2
    assert "geen gewoon bestand" in capsys.readouterr().err
    assert target.exists() and not target.is_file()
