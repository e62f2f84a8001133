"""Slow work runs off the UI thread: the window keeps working and then shows the result."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from taskforce_desktop import paths
from taskforce_desktop.core import meeting_file, services
from taskforce_desktop.ui.dialogs.simple import Confirm

SAMPLE = paths.resource("samples", "voorbeeld.verslag.json")
# Only a guard against a hung run: the import waits for the window's timer, not for a time.
HANG_GUARD_S = 20


def held_until(released: threading.Event, real, what: str):
    """``real``, called only once ``released`` is set (by the test or the window's loop)."""

    def held(*args, **kwargs):
        if not released.wait(HANG_GUARD_S):
            raise RuntimeError(f"{what}: nooit vrijgegeven")
        return real(*args, **kwargs)

    return held


@pytest.fixture
def import_waits_for_the_window(monkeypatch):
    """Every import first waits until the window's event loop has run a timer five times:
    on the UI thread it would wait in vain, as the loop cannot run while it waits."""
    ticks: list[int] = []
    window_ran = threading.Event()
    real_import = meeting_file.import_meeting_file

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 5:
            window_ran.set()

    slow_import = held_until(window_ran, real_import, "het venster stond stil tijdens het inlezen")
    monkeypatch.setattr(meeting_file, "import_meeting_file", slow_import)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    yield ticks
    timer.stop()


def test_the_window_keeps_running_while_a_slow_import_runs_and_then_shows_it(
    qtbot, make_window, import_waits_for_the_window
):
    window = make_window()
    window.import_meeting_file(SAMPLE)
    # Under way: a busy bar in the status bar, no dialog, the window's loop running.
    assert window.background.busy.isVisible()
    assert "ingelezen" in window.statusBar().currentMessage()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert len(import_waits_for_the_window) >= 5
    imported = services.list_meetings(window.store)
    assert len(imported) == 1
    assert window.session.meeting_id == imported[0].id
    assert window.pages.currentWidget() is window.tabs
    assert not window.background.busy.isVisible()
    assert window.message_bar.text() == ""


def test_replacing_asks_first_and_keeps_the_meeting_from_being_edited_until_it_is_in(
    qtbot, make_window, monkeypatch, import_waits_for_the_window
):
    window = make_window()
    window.import_meeting_file(SAMPLE)
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    first = window.session.meeting_id
    services.add_agenda_item(window.store, first, title="Alleen hier toegevoegd")
    questions = []

    def ask(cls, parent, title, text, label):
        questions.append(title)
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    replace_may_finish = threading.Event()
    waiting_import = meeting_file.import_meeting_file

    def held_replace(*args, replace=False, **kwargs):
        if replace and not replace_may_finish.wait(HANG_GUARD_S):
            raise RuntimeError("de test liet het vervangen niet afmaken")
        return waiting_import(*args, replace=replace, **kwargs)

    monkeypatch.setattr(meeting_file, "import_meeting_file", held_replace)
    window.import_meeting_file(SAMPLE)
    qtbot.waitUntil(lambda: questions == ["Vergadering bestaat al"])
    assert not window.tabs.isEnabled()  # replacing: nothing is typed into what goes away
    assert window.background.busy.isVisible()
    replace_may_finish.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert window.tabs.isEnabled()
    replaced = services.list_meetings(window.store)
    assert len(replaced) == 1
    assert window.session.meeting_id == replaced[0].id
    titles = [item.title for item in window.session.meeting.agenda]
    assert "Alleen hier toegevoegd" not in titles  # the file's content, as on screen


def test_a_store_failure_during_an_import_is_reported_in_the_bar(qtbot, make_window, monkeypatch):
    def failing_import(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(meeting_file, "import_meeting_file", failing_import)
    window = make_window()
    window.import_meeting_file(SAMPLE)
    qtbot.waitUntil(window.background.is_idle)
    assert window.message_bar.text() != ""
    assert services.list_meetings(window.store) == []
    assert not window.background.busy.isVisible()


def test_restoring_runs_while_the_window_keeps_running_and_then_shows_the_backup(
    qtbot, make_window, monkeypatch
):
    from taskforce_desktop.core import backup

    window = make_window()
    safety = window.safety
    window.import_meeting_file(SAMPLE)
    qtbot.waitUntil(window.background.is_idle)
    saved = backup.make_backup(window.store, backup.Reason.MANUAL)
    services.delete_meeting(window.store, window.session.meeting_id)
    window.refresh_meetings()
    window.session.open(0)

    loop_ran = threading.Event()
    restore_after_the_loop_ran = held_until(
        loop_ran, backup.restore, "het venster stond stil tijdens het herstellen"
    )
    monkeypatch.setattr(backup, "restore", restore_after_the_loop_ran)
    assert safety.restore(saved)
    # The whole store is being replaced: the window is not editable, and says why.
    assert not window.centralWidget().isEnabled()
    assert "hersteld" in window.statusBar().currentMessage()
    QTimer.singleShot(0, loop_ran.set)
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert window.centralWidget().isEnabled()
    assert len(services.list_meetings(window.store)) == 1
    assert "Reservekopie hersteld" in window.statusBar().currentMessage()


def test_erasing_a_person_keeps_both_windows_from_edits_until_it_is_done(
    qtbot, window, monkeypatch
):
    from taskforce_desktop.core import people
    from taskforce_desktop.ui.followup import people_list

    monkeypatch.setattr(people_list.Confirm, "ask", classmethod(lambda cls, *args: True))
    erase_may_finish = threading.Event()
    held_erase = held_until(erase_may_finish, people.erase_person, "het verwijderen")
    monkeypatch.setattr(people, "erase_person", held_erase)
    followup = window.followup.window
    followup.show_page(followup.people_view)
    followup.people_view.table.selectRow(0)
    followup.people_view.erase_button.click()
    # Under way: neither window takes edits (a field showing the name would write it back).
    assert not followup.isEnabled() and not window.centralWidget().isEnabled()
    assert window.background.busy.isVisible()
    erase_may_finish.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert followup.isEnabled() and window.centralWidget().isEnabled()
    assert [a.person.name for a in window.session.meeting.attendees] == ["Bram Jansen"]
    assert [row.person.name for row in followup.people_view.rows] == ["Bram Jansen"]


def types_on_while(qtbot, window, start) -> None:
    """Starts a held operation, then types into the title: every key arrives while the
    operation is still under way (on the UI thread it would sit waiting to be released)."""
    title = window.meeting_tab.title
    title.setFocus()
    title.end(False)
    start()
    qtbot.keyClicks(title, " (concept)")
    assert title.text() == "Septemberoverleg (concept)"
    assert window.background.busy.isVisible()


@pytest.fixture
def export_held(monkeypatch):
    """Every Word, PDF, HTML or e-mail export waits until the test releases it."""
    from taskforce_desktop.ui import export_actions

    released = threading.Event()
    held = held_until(released, export_actions.write_export, "de export")
    monkeypatch.setattr(export_actions, "write_export", held)
    yield released
    released.set()


@pytest.mark.parametrize("entry", ["act_word", "act_mail"])
def test_she_types_on_while_an_export_runs_and_then_gets_the_file(
    qtbot, window, monkeypatch, tmp_path, export_held, entry
):
    from PySide6.QtGui import QDesktopServices

    from taskforce_desktop.ui import export_actions

    target = tmp_path / "verslag.docx"
    monkeypatch.setattr(
        export_actions.ExportFileDialog, "ask", classmethod(lambda cls, *args: target)
    )
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    controller = window.exports.controller
    written = []
    controller.done.connect(lambda request: written.append(request.target))

    types_on_while(qtbot, window, getattr(controller, entry).trigger)

    assert written == []
    export_held.set()
    qtbot.waitUntil(lambda: written != [], timeout=HANG_GUARD_S * 1000)
    assert written[0].stat().st_size > 0
    assert not window.background.busy.isVisible()


def _titles(window) -> list[str]:
    return sorted(meeting.title for meeting in services.list_meetings(window.store))


def test_undoing_a_meeting_delete_runs_off_the_ui_thread_and_later_undos_wait_their_turn(
    qtbot, window, monkeypatch
):
    from taskforce_desktop.ui.undo_commands import RemoveAgendaItem

    session = window.session
    meeting = session.meeting
    opening = meeting.agenda[0]
    assert session.perform(RemoveAgendaItem(session, opening, 0))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    window.act_delete.trigger()
    qtbot.waitUntil(
        lambda: window.background.is_idle() and not session.is_stepping(),
        timeout=HANG_GUARD_S * 1000,
    )
    assert _titles(window) == []

    loop_ran = threading.Event()
    import_after_the_loop_ran = held_until(
        loop_ran, meeting_file.import_meeting_file, "het venster stond stil tijdens het terugzetten"
    )
    monkeypatch.setattr(meeting_file, "import_meeting_file", import_after_the_loop_ran)
    window.act_undo.trigger()  # the meeting comes back: a whole import
    # Under way: the window shows no half state and takes no edits, the busy bar says why.
    assert not window.centralWidget().isEnabled()
    assert "teruggezet" in window.statusBar().currentMessage()
    # Ctrl+Z again, and Ctrl+Y, before the meeting is back: the agenda point they undo and
    # redo belongs to the meeting still being imported, so they wait for it.
    window.act_undo.trigger()
    window.act_redo.trigger()
    window.act_undo.trigger()
    # Anything else that changes the store is refused meanwhile, in the message bar.
    assert session.run(services.create_committee, "Ander overleg") is None
    assert "Even geduld" in window.message_bar.text()
    QTimer.singleShot(0, loop_ran.set)
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert not session.is_stepping()

    assert window.centralWidget().isEnabled()
    assert _titles(window) == ["Septemberoverleg"]
    restored = session.meeting
    assert restored.title == "Septemberoverleg"
    assert [item.title for item in restored.agenda] == ["Opening", "Dienstverlening"]
    assert [item.title for item in services.load_meeting(window.store, restored.id).agenda] == [
        "Opening",
        "Dienstverlening",
    ]
    assert [c.name for c in services.list_committees(window.store)] == [meeting.committee.name]

    window.act_redo.trigger()  # the point goes again, on the UI thread
    window.act_redo.trigger()  # and the meeting, on the helper
    qtbot.waitUntil(lambda: _titles(window) == [], timeout=HANG_GUARD_S * 1000)
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    window.act_undo.trigger()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert [item.title for item in session.meeting.agenda] == ["Dienstverlening"]


def test_a_meeting_delete_runs_off_the_ui_thread_and_a_quick_ctrl_z_waits_for_it(
    qtbot, window, monkeypatch
):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    loop_ran = threading.Event()
    monkeypatch.setattr(
        services,
        "delete_meeting",
        held_until(loop_ran, services.delete_meeting, "het venster stond stil bij het verwijderen"),
    )
    window.act_delete.trigger()
    assert not window.centralWidget().isEnabled()
    assert "verwijderd" in window.statusBar().currentMessage()
    window.act_undo.trigger()  # she regrets it at once: the undo waits behind the delete
    QTimer.singleShot(0, loop_ran.set)
    qtbot.waitUntil(
        lambda: window.background.is_idle() and not window.session.is_stepping(),
        timeout=HANG_GUARD_S * 1000,
    )
    assert _titles(window) == ["Septemberoverleg"]
    assert window.session.meeting.title == "Septemberoverleg"
    assert window.centralWidget().isEnabled()


def test_a_meeting_delete_says_it_is_done_only_once_it_is(qtbot, window, monkeypatch):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    released = threading.Event()
    monkeypatch.setattr(
        services, "delete_meeting", held_until(released, services.delete_meeting, "verwijderen")
    )
    window.act_delete.trigger()
    assert window.statusBar().currentMessage() == "Vergadering Septemberoverleg wordt verwijderd…"
    released.set()
    qtbot.waitUntil(lambda: not window.session.is_stepping(), timeout=HANG_GUARD_S * 1000)
    assert _titles(window) == []
    assert window.statusBar().currentMessage() == (
        "Gedaan: vergadering Septemberoverleg verwijderen. Ctrl+Z maakt het ongedaan."
    )


def test_a_restore_waits_until_the_work_under_way_is_done(qtbot, window, monkeypatch):
    from taskforce_desktop.core import backup

    safety = window.safety
    chosen = backup.make_backup(window.store, backup.Reason.MANUAL)
    services.update_meeting(window.store, window.session.meeting_id, title="Na de kopie")
    released = threading.Event()
    monkeypatch.setattr(
        backup, "make_backup", held_until(released, backup.make_backup, "de reservekopie")
    )
    safety.act_backup.trigger()
    assert safety.restore(chosen) is False  # the backup is still reading the store
    assert "Probeer het zo opnieuw" in window.message_bar.text()
    released.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert services.load_meeting(window.store, window.session.meeting_id).title == "Na de kopie"

    assert safety.restore(chosen) is True
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert _titles(window) == ["Septemberoverleg"]


def test_a_backup_from_the_menu_runs_while_she_types_and_then_says_where_it_is(
    qtbot, window, monkeypatch
):
    from taskforce_desktop.core import backup

    safety = window.safety
    released = threading.Event()
    monkeypatch.setattr(
        backup, "make_backup", held_until(released, backup.make_backup, "de reservekopie")
    )

    types_on_while(qtbot, window, safety.act_backup.trigger)

    assert "Reservekopie wordt gemaakt" in window.statusBar().currentMessage()
    released.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    (made,) = backup.list_backups(window.store.data_dir)
    assert made.path.name in window.statusBar().currentMessage()


def test_the_periodic_backup_runs_quietly_and_leaves_her_status_message_alone(
    qtbot, window, monkeypatch
):
    from taskforce_desktop.core import backup

    safety = window.safety
    released = threading.Event()
    checks: list[object] = []
    monkeypatch.setattr(
        backup, "backup_if_due", held_until(released, lambda *when: checks.append(when), "kopie")
    )
    window.statusBar().showMessage("Verslag opgeslagen: verslag.docx")

    safety.backup_in_background()
    safety.backup_in_background()  # the next check while it runs starts no second one

    assert not window.background.is_idle() and not window.background.busy.isVisible()
    released.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert len(checks) == 1
    assert window.statusBar().currentMessage() == "Verslag opgeslagen: verslag.docx"


def test_the_preview_is_built_quietly_off_the_ui_thread_and_then_shown(qtbot, window, monkeypatch):
    from taskforce_desktop.ui import preview_tab

    loop_ran = threading.Event()
    monkeypatch.setattr(
        preview_tab,
        "preview_html",
        held_until(loop_ran, preview_tab.preview_html, "het venster stond stil voor het voorbeeld"),
    )
    preview = window.exports.preview
    with qtbot.waitSignal(preview.refreshed, timeout=HANG_GUARD_S * 1000):
        window.tabs.setCurrentWidget(preview)
        QTimer.singleShot(0, loop_ran.set)  # runs only if the loop is free while it is built
        assert not window.background.busy.isVisible()  # nothing she waits for
    assert "Septemberoverleg" in preview.browser.toPlainText()


def test_she_types_on_while_the_meeting_file_is_exported_and_then_it_is_there(
    qtbot, window, monkeypatch, tmp_path
):
    import json

    from taskforce_desktop.ui.dialogs.simple import MeetingFileDialog

    target = tmp_path / "september.verslag.json"
    monkeypatch.setattr(MeetingFileDialog, "ask_save", lambda parent, suggested: target)
    released = threading.Event()
    monkeypatch.setattr(
        meeting_file,
        "export_meeting_file",
        held_until(released, meeting_file.export_meeting_file, "het vergaderbestand"),
    )

    types_on_while(qtbot, window, window.act_export.trigger)

    assert not target.exists()
    released.set()
    qtbot.waitUntil(window.background.is_idle, timeout=HANG_GUARD_S * 1000)
    assert json.loads(target.read_text("utf-8"))["meeting"]["title"] == "Septemberoverleg"
    assert "Geëxporteerd naar" in window.statusBar().currentMessage()


def test_work_that_ends_after_its_window_is_gone_ends_quietly(qtbot):
    """A window closed while quiet work runs (a preview page) is gone before the work ends:
    the worker's last word must not land on an object that went with the window."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QMainWindow

    from taskforce_desktop.ui.background import BackgroundOperations

    window = QMainWindow()
    pool = QThreadPool()
    operations = BackgroundOperations(window.statusBar(), flush=lambda: None, pool=pool)
    released = threading.Event()
    shown = []

    def work() -> str:
        released.wait(HANG_GUARD_S)
        return "pagina"

    operations.run_quietly(work, shown.append, shown.append)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _alive(operations), timeout=HANG_GUARD_S * 1000)
    released.set()
    assert pool.waitForDone(HANG_GUARD_S * 1000)
    qtbot.wait(50)  # a result posted to the UI thread would arrive now
    assert shown == []


def _alive(qobject) -> bool:
    from shiboken6 import isValid

    return isValid(qobject)


def test_after_quit_no_new_work_starts(qtbot, window):
    """A timer that fires while the window goes away must not start work on a closed store."""
    window.background.close()
    started = []
    window.background.run_quietly(lambda: started.append("werk"), started.append, started.append)
    window.background.run(
        lambda: started.append("werk"), started.append, started.append, label="Bezig…"
    )
    qtbot.wait(50)
    assert started == []
    assert window.background.is_idle()
    assert not window.background.busy.isVisible()
