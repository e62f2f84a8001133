"""Writing an export: all or nothing, and a Dutch message for a target that cannot be written."""

import errno
import os

import pytest

from taskforce_desktop.core import atomic_file
from taskforce_desktop.core.export.files import (
    ExportError,
    ExportTargetError,
    write_export_file,
)


def _leftovers(folder, keep):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_new_file_is_written_and_replaces_the_old_one(tmp_path):
    target = tmp_path / "Verslag.docx"
    write_export_file(target, b"eerste")
    assert target.stat().st_mode & 0o777 == 0o644  # readable like any document
    os.chmod(target, 0o640)
    write_export_file(target, b"tweede")
    assert target.read_bytes() == b"tweede"
    assert target.stat().st_mode & 0o777 == 0o640  # the mode the user gave it is kept
    assert _leftovers(tmp_path, {"Verslag.docx"}) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_mid_write_keeps_the_previous_file_and_leaves_no_temp_file(
    tmp_path, monkeypatch, failing
):
    target = tmp_path / "Verslag.docx"
    target.write_bytes(b"vorige versie")

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Invoer/uitvoerfout")

    monkeypatch.setattr(atomic_file.os, failing, broken)
    with pytest.raises(ExportError) as raised:
        write_export_file(target, b"nieuwe versie" * 1000)
    assert "kon niet worden opgeslagen" in str(raised.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"vorige versie"
    assert _leftovers(tmp_path, {"Verslag.docx"}) == []


def test_full_disk_says_so(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full)
    with pytest.raises(ExportError, match="De schijf is vol"):
        write_export_file(tmp_path / "Verslag.pdf", b"x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("owner", ["~$rslag.docx", "~$Verslag.docx"])
def test_document_open_in_word_gives_a_dutch_message_and_is_left_alone(tmp_path, owner):
    target = tmp_path / "Verslag.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / owner).write_bytes(b"owner")
    with pytest.raises(ExportTargetError) as raised:
        write_export_file(target, b"nieuw")
    assert "geopend in een ander programma" in str(raised.value)
    assert "andere naam" in str(raised.value)
    assert raised.value.target == target
    assert target.read_bytes() == b"open in Word"


def test_windows_refusing_the_replace_is_reported_as_locked(tmp_path, monkeypatch):
    target = tmp_path / "Verslag.docx"
    target.write_bytes(b"oud")

    def locked(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_file.os, "replace", locked)
    with pytest.raises(ExportTargetError, match="geopend in een ander programma"):
        write_export_file(target, b"nieuw")
    monkeypatch.undo()
    assert target.read_bytes() == b"oud"
    assert _leftovers(tmp_path, {"Verslag.docx"}) == []


def test_read_only_target_gives_a_dutch_message(tmp_path):
    target = tmp_path / "Verslag.html"
    target.write_bytes(b"alleen lezen")
    os.chmod(target, 0o444)
    with pytest.raises(ExportTargetError, match="alleen-lezen"):
        write_export_file(target, b"nieuw")
    assert target.read_bytes() == b"alleen lezen"


def test_missing_folder_and_a_folder_as_target(tmp_path):
    with pytest.raises(ExportTargetError, match="bestaat niet"):
        write_export_file(tmp_path / "nergens" / "Verslag.docx", b"x")
    with pytest.raises(ExportTargetError, match="is een map"):
        write_export_file(tmp_path, b"x")


def test_an_export_removes_what_a_killed_export_to_that_name_left(tmp_path):
    import time

    killed = tmp_path / ".Verslag.docx.k1ll_3d0.tmp"
    running = tmp_path / ".Verslag.docx.ru_nn1ng.tmp"
    other_name = tmp_path / ".Agenda.docx.k1ll_3d0.tmp"
    hers = tmp_path / ".Verslag.docx.mijn.tmp"
    an_hour_ago = time.time() - 3600
    for path in (killed, running, other_name, hers):
        path.write_bytes(b"half")
        if path is not running:
            os.utime(path, (an_hour_ago, an_hour_ago))

    write_export_file(tmp_path / "Verslag.docx", b"verslag")

    assert not killed.exists()
    assert running.exists() and other_name.exists() and hers.exists()
