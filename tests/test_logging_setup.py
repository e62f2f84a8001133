"""The log: a rotating file beside the chosen data dir, with uncaught errors and their context."""

import logging
import subprocess
import sys
import threading

import pytest

from taskforce_desktop import logging_setup


@pytest.fixture
def log_file(data_dir):
    path = logging_setup.setup_logging(data_dir)
    yield path
    logging_setup.stop_logging()


def test_logs_into_the_chosen_data_dir(log_file, data_dir):
    assert log_file == data_dir / "logs" / "taskforce.log"
    assert logging_setup.current_log_file() == log_file
    logging.getLogger("taskforce_desktop.core.backup").error("backup failed: %s", "schijf vol")
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR taskforce_desktop.core.backup" in text and "schijf vol" in text


def test_the_environment_override_also_moves_the_log(data_dir):
    # conftest sets TASKFORCE_DATA_DIR for every test
    assert logging_setup.log_dir(None) == data_dir / "logs"


def test_the_log_rotates_instead_of_growing(log_file):
    logger = logging.getLogger("taskforce_desktop.test")
    line = "x" * 200
    for _ in range(logging_setup.MAX_BYTES // 200 + 100):
        logger.info(line)
    assert log_file.stat().st_size <= logging_setup.MAX_BYTES
    assert log_file.with_name("taskforce.log.1").exists()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_exception_in_a_thread_is_logged_with_its_traceback(log_file):
    def fail():
        raise ValueError("de export liep vast")

    worker = threading.Thread(target=fail, name="exportwerker")
    worker.start()
    worker.join()
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught ValueError in exportwerker" in text
    assert "Traceback" in text and "de export liep vast" in text


def test_an_uncaught_exception_ends_up_in_the_log(tmp_path):
    script = (
        "from taskforce_desktop.logging_setup import setup_logging\n"
        f"setup_logging({str(tmp_path)!r})\n"
        "def open_meeting():\n"
        "    raise KeyError('vergadering 7')\n"
        "open_meeting()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1
    assert "KeyError" in result.stderr  # the usual traceback still reaches the terminal
    text = (tmp_path / "logs" / "taskforce.log").read_text(encoding="utf-8")
    assert "CRITICAL" in text and "in open_meeting" in text


def test_an_unwritable_log_dir_does_not_stop_the_app(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    assert logging_setup.setup_logging(blocker) is None
    assert "Logbestand kan niet worden geopend" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX modes")
def test_the_data_folder_log_folder_and_log_are_for_the_user_alone(tmp_path):
    import os
    import stat

    previous = os.umask(0o022)
    try:
        log_file = logging_setup.setup_logging(tmp_path / "nieuw")
        logging.getLogger("taskforce_desktop.test").info("regel")
        for _ in range(2):
            logging_setup._handler.doRollover()
    finally:
        os.umask(previous)
        logging_setup.stop_logging()
    modes = {
        path.name: stat.S_IMODE(path.stat().st_mode)
        for path in (tmp_path / "nieuw", log_file.parent, log_file, log_file.with_suffix(".log.2"))
    }
    assert modes == {
        "nieuw": 0o700,
        "logs": 0o700,
        "taskforce.log": 0o600,
        "taskforce.log.2": 0o600,
    }


def test_a_symlink_planted_at_the_log_file_is_not_followed(tmp_path, capsys):
    victim = tmp_path / "iemand-anders.txt"
    victim.write_text("ongewijzigd")
    (tmp_path / "data" / "logs").mkdir(parents=True)
    (tmp_path / "data" / "logs" / "taskforce.log").symlink_to(victim)

    assert logging_setup.setup_logging(tmp_path / "data") is None
    logging.getLogger("taskforce_desktop.test").error("dit mag er niet in")

    assert victim.read_text() == "ongewijzigd"
    assert "Logbestand kan niet worden geopend" in capsys.readouterr().err
