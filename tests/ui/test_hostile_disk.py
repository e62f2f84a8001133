"""Hostile disks: a full disk or a store that turns read-only mid-session loses nothing.

The failure is made real inside SQLite: ``PRAGMA max_page_count`` makes the store unable
to grow (SQLITE_FULL, what a full disk gives) and ``PRAGMA query_only`` makes every write
fail as on a read-only file. Both are set on every connection the store opens, until the
"disk comes back".
"""

import json
import tempfile

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from taskforce_desktop.core import private_files, services
from taskforce_desktop.core.integrity import DataDirUnwritable
from taskforce_desktop.ui import emergency_copy, safety_ui
from taskforce_desktop.ui.autosave import Edit, Target
from taskforce_desktop.ui.dialogs.simple import Confirm

TYPED = (
    "De wethouder licht de plannen voor de wijkteams toe. De leden vragen naar de kosten "
    "en naar de rol van de raad; het secretariaat zoekt dat uit voor de volgende keer. "
) * 40


@pytest.fixture(autouse=True)
def own_temp_dir(tmp_path, monkeypatch):
    """The emergency copy goes to the user's state folder or the temp dir; each test its own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return folder


def emergency_file_for(data_dir):
    return emergency_copy.private_folder_candidates()[0] / emergency_copy.emergency_file_name(
        data_dir
    )


def rescue_file_for(data_dir):
    return emergency_copy.private_folder_candidates()[0] / emergency_copy.rescue_file_name(data_dir)


class BrokenDisk:
    """Makes every connection of the store fail to write, until repaired."""

    def __init__(self, store, pragma_for, *, reopen_on_repair):
        self.store = store
        self.pragma_for = pragma_for
        self.reopen_on_repair = reopen_on_repair
        event.listen(store.engine, "connect", self._break)
        store.engine.dispose()  # connections opened before now get no PRAGMA

    def _break(self, dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(self.pragma_for(dbapi_connection))
        cursor.close()

    def repair(self):
        event.remove(self.store.engine, "connect", self._break)
        if self.reopen_on_repair:
            self.store.engine.dispose()


def full_disk(store):
    def limit_to_current_size(connection):
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        return f"PRAGMA max_page_count={pages}"

    # The page limit lives in each connection: only new connections see the disk freed.
    return BrokenDisk(store, limit_to_current_size, reopen_on_repair=True)


def read_only(store):
    # Not reopened by the test: the store itself must replace connections that failed on
    # a read-only file, as it must after a real remount.
    return BrokenDisk(store, lambda _connection: "PRAGMA query_only=1", reopen_on_repair=False)


def stored_notes(store, meeting_id):
    return services.load_meeting(store, meeting_id).agenda[0].notes


@pytest.mark.parametrize("break_disk", [full_disk, read_only], ids=["vol", "alleen-lezen"])
def test_nothing_typed_is_lost_while_the_disk_fails(
    qtbot, make_window, meeting_id, data_dir, break_disk, caplog
):
    window = make_window()
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    editor = window.notes_tab.notes
    disk = break_disk(window.store)

    # A long text pasted (Ctrl+V) then a sentence typed: more than the full store can take.
    QApplication.clipboard().setText(TYPED)
    editor.setFocus()
    QTest.keySequence(editor, QKeySequence.StandardKey.Paste)
    QTest.keyClicks(editor, "Getypt.")
    qtbot.waitUntil(lambda: window.writer.failure is not None, timeout=5000)

    # Shown at once, in the status bar and the window's message bar; the text stays.
    assert "Niet opgeslagen" in window.save_state.text()
    assert "Opslaan mislukt" in window.message_bar.text()
    assert editor.markdown() == TYPED + "Getypt."
    emergency = emergency_file_for(data_dir)
    qtbot.waitUntil(emergency.exists, timeout=5000)
    saved_elsewhere = json.loads(emergency.read_text(encoding="utf-8"))
    assert [e["value"] for e in saved_elsewhere["edits"]] == [TYPED + "Getypt."]
    assert stored_notes(window.store, meeting_id) == ""

    # Typing goes on while the disk is still broken, and is kept too.
    QTest.keyClicks(editor, "Nog een zin.")
    qtbot.waitUntil(lambda: "Nog een zin." in emergency.read_text(encoding="utf-8"), timeout=5000)

    disk.repair()
    expected = TYPED + "Getypt.Nog een zin."
    qtbot.waitUntil(lambda: stored_notes(window.store, meeting_id) == expected, timeout=5000)
    qtbot.waitUntil(lambda: window.writer.failure is None, timeout=5000)
    assert not window.writer.has_pending()
    assert not emergency.exists()
    assert "Opslaan lukt weer" in window.statusBar().currentMessage()
    # The failures are logged with their cause, never with the secretary's text.
    assert "autosave write failed" in caplog.text
    assert "wethouder" not in caplog.text and "Nog een zin" not in caplog.text


def plant_emergency_copy(data_dir, edits, *, made_for=None):
    folder = emergency_copy.private_folder_candidates()[0]
    content = emergency_copy.emergency_content(made_for or data_dir, edits)
    return private_files.write_private_file(
        folder / emergency_copy.emergency_file_name(data_dir), content
    )


def first_item(store, meeting_id):
    return services.load_meeting(store, meeting_id).agenda[0]


@pytest.fixture
def questions(monkeypatch):
    """The questions she is asked, answered with ``questions.answer`` (yes unless set)."""

    class Asked(list):
        answer = True

    asked = Asked()

    def ask(cls, parent, title, text, confirm_label):
        asked.append(text)
        return asked.answer

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    return asked


def test_unsaved_texts_of_an_earlier_session_come_back(
    make_window, meeting_id, data_dir, qtbot, questions
):
    window = make_window()
    item_id = first_item(window.store, meeting_id).id
    window.writer.shutdown()
    emergency = plant_emergency_copy(
        data_dir,
        [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "Gered uit de noodkopie.")],
    )
    window = make_window()
    # She was asked first, and saw which meeting and field would be restored.
    assert len(questions) == 1
    assert "Septemberoverleg (12-09-2031): de impressie bij 'Opening'" in questions[0]
    assert stored_notes(window.store, meeting_id) == "Gered uit de noodkopie."
    assert not emergency.exists()
    # The editor shows what came back, and the bar says what it was: meeting and field.
    assert window.notes_tab.notes.markdown() == "Gered uit de noodkopie."
    assert "Septemberoverleg (12-09-2031): de impressie bij 'Opening'" in window.message_bar.text()
    # Typing on continues the recovered text; it never writes the older one over it.
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    window.notes_tab.notes.moveCursor(window.notes_tab.notes.textCursor().MoveOperation.End)
    QTest.keyClicks(window.notes_tab.notes, " Verder.")
    qtbot.waitUntil(
        lambda: stored_notes(window.store, meeting_id) == "Gered uit de noodkopie. Verder.",
        timeout=5000,
    )


def test_the_app_start_applies_the_emergency_copy_before_the_window_reads_the_store(
    meeting_id, data_dir, store, questions
):
    item_id = first_item(store, meeting_id).id
    plant_emergency_copy(
        data_dir, [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "introduction", "Terug.")]
    )
    start = safety_ui.prepare_start(data_dir, None)
    try:
        assert first_item(start.store, meeting_id).introduction == "Terug."
        assert "de toelichting bij 'Opening'" in start.recovery.message()
    finally:
        start.store.close()
        start.instance.release()


def test_the_window_of_the_app_start_says_what_came_back_from_the_emergency_copy(
    qtbot, meeting_id, data_dir, store, questions, monkeypatch
):
    from taskforce_desktop.ui import app
    from taskforce_desktop.ui.main_window import MainWindow

    item_id = first_item(store, meeting_id).id
    plant_emergency_copy(
        data_dir, [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "introduction", "Terug.")]
    )
    earlier = {w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    seen = []

    def fake_exec(_self=None):
        (window,) = {
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        } - earlier
        seen.append(window.message_bar.text())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run(data_dir) == 0
    # Taken back by the start before the window read the store, and told in its bar.
    assert len(questions) == 1
    assert "de toelichting bij 'Opening'" in seen[0]
    assert first_item(store, meeting_id).introduction == "Terug."


def test_an_emergency_copy_she_does_not_want_now_is_kept_for_a_later_start(
    make_window, meeting_id, data_dir, store, questions
):
    item_id = first_item(store, meeting_id).id
    emergency = plant_emergency_copy(
        data_dir, [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "Nog niet.")]
    )
    questions.answer = False
    window = make_window()
    assert "de impressie bij 'Opening'" in questions[0]
    assert stored_notes(window.store, meeting_id) == ""
    assert emergency.exists()
    assert f"De noodkopie staat in {emergency}" in window.message_bar.text()
    # At the next start she is asked again, and yes brings the text back.
    window.close()
    questions.answer = True
    window = make_window()
    assert len(questions) == 2
    assert stored_notes(window.store, meeting_id) == "Nog niet."
    assert not emergency.exists()


def test_the_emergency_copy_is_private_and_never_written_through_a_symlink(
    qtbot, make_window, meeting_id, data_dir, tmp_path
):
    import os
    import stat

    window = make_window()
    folder = emergency_copy.private_folder_candidates()[0]
    folder.mkdir(parents=True)
    victim = tmp_path / "andermans-bestand.txt"
    victim.write_text("niet van mij")
    emergency = emergency_file_for(data_dir)
    emergency.symlink_to(victim)
    disk = read_only(window.store)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    QTest.keyClicks(window.notes_tab.notes, "Vertrouwelijk.")
    qtbot.waitUntil(lambda: not emergency.is_symlink(), timeout=5000)

    assert victim.read_text() == "niet van mij"
    assert stat.S_IMODE(emergency.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not str(emergency).startswith(tempfile.gettempdir())
    assert not [p for p in os.listdir(tempfile.gettempdir()) if "noodkopie" in p]
    disk.repair()


def test_a_planted_symlink_for_the_private_folder_is_not_written_through(
    qtbot, make_window, meeting_id, data_dir, tmp_path
):
    import stat

    planted_target = tmp_path / "elders"
    planted_target.mkdir()
    own, in_temp = emergency_copy.private_folder_candidates()
    own.parent.mkdir(parents=True)
    own.symlink_to(planted_target)
    window = make_window()
    disk = read_only(window.store)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    QTest.keyClicks(window.notes_tab.notes, "Niet voor anderen.")
    emergency = in_temp / emergency_copy.emergency_file_name(data_dir)
    qtbot.waitUntil(emergency.exists, timeout=5000)

    assert list(planted_target.iterdir()) == []
    assert stat.S_IMODE(in_temp.stat().st_mode) == 0o700
    assert stat.S_IMODE(emergency.stat().st_mode) == 0o600
    disk.repair()


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0,
                    reason="giving a file to another user needs root")  # fmt: skip
def test_an_emergency_copy_another_user_planted_is_not_applied(
    make_window, meeting_id, data_dir, store
):
    import os

    item_id = first_item(store, meeting_id).id
    planted = plant_emergency_copy(
        data_dir, [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "Ondergeschoven.")]
    )
    os.chown(planted, 4242, 4242)
    window = make_window()
    assert stored_notes(window.store, meeting_id) == ""


def test_an_emergency_copy_changes_only_what_it_names(
    make_window, meeting_id, data_dir, store, questions
):
    other = services.create_meeting(
        store, services.list_committees(store)[0].id, date="2031-10-10", title="Oktoberoverleg"
    )
    services.add_agenda_item(store, other, "Niet open")
    other_item = first_item(store, other).id
    own_item = first_item(store, meeting_id).id
    plant_emergency_copy(
        data_dir,
        [
            # An object of another meeting under this meeting's id: refused.
            Edit(meeting_id, Target.AGENDA_ITEM, other_item, "notes", "Verkeerd punt."),
            Edit(meeting_id, Target.AGENDA_ITEM, own_item, "notes", "Eigen punt."),
        ],
    )
    window = make_window()
    assert stored_notes(window.store, other) == ""
    assert stored_notes(window.store, meeting_id) == "Eigen punt."
    assert "1 wijziging(en) uit de noodkopie hoorden niet bij deze gegevens" in (
        window.message_bar.text()
    )


def test_an_emergency_copy_made_for_another_data_dir_is_not_applied(
    make_window, meeting_id, data_dir, store, tmp_path
):
    item_id = first_item(store, meeting_id).id
    plant_emergency_copy(
        data_dir,
        [Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "Andere map.")],
        made_for=tmp_path / "andere-gegevensmap",
    )
    window = make_window()
    assert stored_notes(window.store, meeting_id) == ""


def test_an_unwritable_data_dir_lets_the_user_choose_another(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    problems = []
    elsewhere = tmp_path / "elders"

    def choose(parent, problem):
        problems.append(problem)
        return elsewhere

    monkeypatch.setattr(safety_ui, "ask_for_data_dir", choose)
    start = safety_ui.prepare_start(blocker / "gegevens", None)
    try:
        assert start.exit_code is None
        assert start.store.data_dir == elsewhere
        assert "Kies een andere map" in problems[0]
    finally:
        start.store.close()
        start.instance.release()


def test_refusing_to_choose_another_data_dir_ends_the_start(tmp_path, monkeypatch):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setattr(safety_ui, "ask_for_data_dir", lambda parent, problem: None)
    assert safety_ui.prepare_start(blocker / "gegevens", None).exit_code == 1
    with pytest.raises(DataDirUnwritable):
        safety_ui.ensure_writable(blocker / "gegevens")


def test_a_data_dir_in_a_sync_folder_is_warned_about_at_start(make_window, tmp_path):
    from taskforce_desktop.core.integrity import open_store_safely

    store, report = open_store_safely(tmp_path / "OneDrive - Gemeente Ergens" / "Taskforce")
    store.close()
    window = make_window()
    window.safety.show_startup_report(report)
    assert "OneDrive" in window.statusBar().currentMessage()


def test_a_vanished_data_dir_is_noticed_and_everything_rescued(
    qtbot, make_window, meeting_id, data_dir
):
    import shutil

    from taskforce_desktop.core import backup

    window = make_window()
    safety = window.safety
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    QTest.keyClicks(window.notes_tab.notes, "Voor het uittrekken van de stick.")
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    safety.check_store_present()
    assert not safety.store_missing

    shutil.rmtree(data_dir)
    QTest.keyClicks(window.notes_tab.notes, " Erna.")
    safety.check_store_present()

    assert safety.store_missing
    assert "Gegevensmap verdwenen" in window.save_state.text()
    assert "verdwenen" in window.statusBar().currentMessage()
    rescue = rescue_file_for(data_dir)
    assert [m.title for m in backup.meetings_in(rescue)] == ["Septemberoverleg"]
    with backup.read_only_connection(rescue) as connection:
        [(notes,)] = connection.execute("SELECT notes FROM agenda_item ORDER BY position LIMIT 1")
    assert notes == "Voor het uittrekken van de stick. Erna."


def test_a_vanished_data_dir_is_reported_every_time_it_happens(
    qtbot, make_window, meeting_id, data_dir, monkeypatch
):
    import shutil

    from taskforce_desktop.ui.main_window import MainWindow

    reported = []
    # Before the window exists: its features are given its show_problem when it is built.
    monkeypatch.setattr(
        MainWindow, "show_problem", lambda _window, message, level=None: reported.append(message)
    )
    window = make_window()
    safety = window.safety

    shutil.rmtree(data_dir)
    safety.check_store_present()
    safety.check_store_present()  # still gone: no new message
    data_dir.mkdir()  # recreated empty, by a sync program for example
    safety.check_store_present()
    shutil.rmtree(data_dir)
    safety.check_store_present()

    assert len(reported) == 3
    assert all("verdwenen" in message for message in reported)
    assert all(str(rescue_file_for(data_dir)) in message for message in reported)


def test_quitting_without_the_data_dir_asks_and_keeps_the_last_words(
    qtbot, make_window, meeting_id, data_dir, monkeypatch
):
    import shutil

    from taskforce_desktop.core import backup
    from taskforce_desktop.ui.dialogs.simple import Confirm

    window = make_window()
    safety = window.safety
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    shutil.rmtree(data_dir)
    safety.check_store_present()
    QTest.keyClicks(window.notes_tab.notes, "Getypt vlak voor het afsluiten.")
    questions = []
    monkeypatch.setattr(
        Confirm, "ask", classmethod(lambda cls, parent, title, text, *a: questions.append(text))
    )

    assert not window.close()  # she said no: the window stays
    assert window.isVisible()
    assert "verdwenen" in questions[0] and str(rescue_file_for(data_dir)) in questions[0]
    with backup.read_only_connection(rescue_file_for(data_dir)) as connection:
        [(notes,)] = connection.execute("SELECT notes FROM agenda_item ORDER BY position LIMIT 1")
    assert notes == "Getypt vlak voor het afsluiten."


def test_the_next_start_offers_the_rescue_copy_and_takes_it_in(
    qtbot, make_window, meeting_id, data_dir, monkeypatch
):
    import shutil

    from taskforce_desktop.ui.dialogs.simple import Confirm

    window = make_window()
    safety = window.safety
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    shutil.rmtree(data_dir)
    QTest.keyClicks(window.notes_tab.notes, "Na het verdwijnen getypt.")
    safety.check_store_present()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    window.close()

    # The next start finds an empty data dir, and says where her text is.
    window = make_window()
    safety = window.safety
    assert services.list_meetings(window.store) == []
    assert "noodkopie" in window.message_bar.text()
    assert window.message_bar.action_button.text() == "Noodkopie terugzetten…"
    assert safety.act_take_rescue.isEnabled()

    window.message_bar.action_button.click()
    qtbot.waitUntil(window.background.is_idle)  # restoring runs off the UI thread
    assert stored_notes(window.store, meeting_id) == "Na het verdwijnen getypt."
    assert not rescue_file_for(data_dir).exists()
    assert not window.message_bar.isVisible()


def test_a_rescue_read_from_a_recreated_empty_file_never_replaces_a_good_one(
    make_window, meeting_id, data_dir
):
    import shutil

    from taskforce_desktop.core.store import StoreError

    window = make_window()
    safety = window.safety
    shutil.rmtree(data_dir)
    safety.check_store_present()
    good = rescue_file_for(data_dir).read_bytes()
    data_dir.mkdir()
    window.store.engine.dispose()  # the next connection opens a new, empty file there
    with pytest.raises(StoreError):
        emergency_copy.rescue_store(window.store)
    assert rescue_file_for(data_dir).read_bytes() == good


def test_a_damaged_store_at_start_is_told_in_the_bar_with_the_backup_to_restore(
    qtbot, make_window, meeting_id, data_dir, store
):
    from PySide6.QtWidgets import QMessageBox

    from taskforce_desktop.core import backup
    from taskforce_desktop.core.integrity import open_store_safely

    backup.make_backup(store, backup.Reason.MANUAL)
    store.close()
    (data_dir / "taskforce.sqlite3").write_bytes(b"geen database" * 100)
    opened, report = open_store_safely(data_dir)
    opened.close()
    window = make_window()
    window.safety.show_startup_report(report)

    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert "apart gezet" in window.message_bar.text()
    assert window.message_bar.action_button.text().startswith("Reservekopie van ")
    window.message_bar.action_button.click()
    qtbot.waitUntil(window.background.is_idle)  # restoring runs off the UI thread
    assert [m.title for m in services.list_meetings(window.store)] == ["Septemberoverleg"]


def test_the_start_after_a_vanished_data_dir_points_to_the_rescue_copy(
    qtbot, make_window, meeting_id, data_dir
):
    import shutil

    from taskforce_desktop.core.integrity import open_store_safely

    window = make_window()
    safety = window.safety
    shutil.rmtree(data_dir)
    safety.check_store_present()
    window.writer.shutdown()

    opened, report = open_store_safely(data_dir)
    opened.close()
    window = make_window()
    window.safety.show_startup_report(report)
    assert "noodkopie" in window.message_bar.text()
    assert window.message_bar.action_button.text() == "Noodkopie terugzetten…"


def _aged(path, seconds=3600):
    import os
    import time

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"half")
    moment = time.time() - seconds
    os.utime(path, (moment, moment))
    return path


def test_the_start_removes_what_killed_backups_and_copies_left_and_nothing_else(
    make_window, data_dir
):
    backups = data_dir / "backups"
    killed_backup = _aged(backups / "taskforce-20310912T100000Z-manual.sqlite3.partial")
    killed_journal = _aged(backups / "taskforce-20310912T100000Z-manual.sqlite3.partial-journal")
    still_running = _aged(backups / "taskforce-20310912T110000Z-manual.sqlite3.partial", 5)
    hers = _aged(backups / "aantekeningen.partial")
    private = emergency_copy.private_folder_candidates()[0]
    killed_copy = _aged(private / f".{emergency_copy.emergency_file_name(data_dir)}.abcd_123.tmp")
    killed_rescue = _aged(private / f".{emergency_copy.rescue_file_name(data_dir)}.new.partial")
    other_data_dir = _aged(
        private / f".{emergency_copy.emergency_file_name(data_dir / 'ander')}.abcd_123.tmp"
    )

    make_window()  # its SafetyUi clears them away, as at every start

    gone = [killed_backup, killed_journal, killed_copy, killed_rescue]
    assert [path for path in gone if path.exists()] == []
    assert still_running.exists() and hers.exists() and other_data_dir.exists()
