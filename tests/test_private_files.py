"""Private folders and files: nobody else on the machine can read them or plant one."""

import os
import stat
import time

import pytest

from taskforce_desktop import cli, paths
from taskforce_desktop.core import private_files
from taskforce_desktop.core.private_files import FolderNotPrivate

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX owners and modes")
needs_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="giving a folder to another user needs root"
)
OTHER_USER = 4242


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@posix_only
def test_a_private_folder_is_created_for_the_user_alone(tmp_path, open_umask):
    folder = private_files.ensure_private_dir(tmp_path / "a" / "drafts")
    assert mode(folder) == 0o700


@posix_only
def test_an_own_folder_others_could_enter_is_closed_to_them(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    folder.chmod(0o755)
    private_files.ensure_private_dir(folder)
    assert mode(folder) == 0o700


def test_a_symlink_in_place_of_the_private_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "drafts").symlink_to(elsewhere)
    with pytest.raises(FolderNotPrivate, match="koppeling"):
        private_files.ensure_private_dir(tmp_path / "drafts")


@needs_root
@pytest.mark.parametrize("check", [private_files.ensure_private_dir, paths.prepare_data_dir])
def test_a_folder_of_another_user_is_refused(tmp_path, check):
    foreign = tmp_path / "van-een-ander"
    foreign.mkdir(mode=0o700)
    os.chown(foreign, OTHER_USER, OTHER_USER)
    with pytest.raises(FolderNotPrivate, match="andere gebruiker"):
        check(foreign)


@posix_only
def test_a_private_file_is_0600_even_over_an_open_one(tmp_path, open_umask):
    fresh = private_files.create_private_file(tmp_path / "new.eml")
    old = tmp_path / "old.eml"
    old.write_bytes(b"concept")
    old.chmod(0o644)
    private_files.create_private_file(old)
    assert (mode(fresh), mode(old)) == (0o600, 0o600)
    assert old.read_bytes() == b"concept"


def test_a_private_file_is_never_opened_through_a_planted_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("van iemand anders")
    (tmp_path / "draft.eml").symlink_to(victim)
    with pytest.raises(OSError):
        private_files.create_private_file(tmp_path / "draft.eml")
    assert victim.read_text() == "van iemand anders"


@posix_only
def test_a_written_private_file_replaces_a_planted_symlink_and_is_hers_alone(tmp_path, open_umask):
    victim = tmp_path / "victim.txt"
    victim.write_text("van iemand anders")
    folder = tmp_path / "noodkopie"
    folder.mkdir(mode=0o755)
    (folder / "kopie.json").symlink_to(victim)

    written = private_files.write_private_file(folder / "kopie.json", b"onopgeslagen tekst")

    assert victim.read_text() == "van iemand anders"
    assert not written.is_symlink()
    assert (mode(folder), mode(written)) == (0o700, 0o600)
    assert private_files.read_private_file(written) == b"onopgeslagen tekst"


def test_a_private_file_is_never_read_through_a_symlink(tmp_path):
    elsewhere = tmp_path / "elders.json"
    elsewhere.write_text("ondergeschoven")
    folder = private_files.ensure_private_dir(tmp_path / "noodkopie")
    (folder / "kopie.json").symlink_to(elsewhere)
    with pytest.raises(OSError):
        private_files.read_private_file(folder / "kopie.json")


def test_old_files_are_removed_and_new_ones_and_links_kept(tmp_path):
    old, new = tmp_path / "old.eml", tmp_path / "new.eml"
    kept_elsewhere = tmp_path.parent / f"{tmp_path.name}-target.txt"
    for path in (old, new, kept_elsewhere):
        path.write_text("x")
    link = tmp_path / "link.eml"
    link.symlink_to(kept_elsewhere)
    two_days_ago = time.time() - 2 * 86400
    for path in (old, kept_elsewhere):
        os.utime(path, (two_days_ago, two_days_ago))
    os.utime(link, (two_days_ago, two_days_ago), follow_symlinks=False)

    removed = private_files.remove_older_than(tmp_path, 86400)

    assert removed == [old]
    assert new.exists() and link.is_symlink() and kept_elsewhere.exists()


# ------------------------------------------------------------------------- the data folder


@posix_only
def test_a_new_data_folder_is_created_0700(tmp_path, open_umask):
    data_dir = paths.prepare_data_dir(tmp_path / "nieuw")
    assert mode(data_dir) == 0o700


@pytest.fixture
def shared(tmp_path):
    """A folder everyone on the machine may write into."""
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    folder.chmod(0o777)
    return folder


@posix_only
def test_a_world_writable_data_folder_is_refused_with_the_way_out(shared):
    with pytest.raises(FolderNotPrivate, match="chmod 700") as refused:
        paths.prepare_data_dir(shared)
    assert "Iedereen op deze computer kan schrijven" in str(refused.value)


def test_a_store_that_is_a_symlink_to_elsewhere_is_refused(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / paths.DATABASE_FILENAME).symlink_to(tmp_path / "elders.sqlite3")
    with pytest.raises(FolderNotPrivate, match="taskforce.sqlite3"):
        paths.prepare_data_dir(data_dir)


@posix_only
def test_the_command_line_refuses_an_unsafe_data_folder_as_bad_input(shared, capsys):
    assert cli.main(["--data-dir", str(shared), "list"]) == cli.EXIT_BAD_INPUT

    assert "Iedereen op deze computer kan schrijven" in capsys.readouterr().err
    assert list(shared.iterdir()) == []  # no log folder, no store: nothing was written


@posix_only
def test_the_window_refuses_an_unsafe_data_folder_with_the_same_message(qtbot, shared, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from taskforce_desktop.ui import app

    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    assert app.run(shared) == 1
    assert "Iedereen op deze computer kan schrijven" in shown[0]
    assert list(shared.iterdir()) == []
