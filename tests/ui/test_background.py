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
    from taskforce_desktop.ui.safety_ui import install_safety_ui

    window = make_window()
    safety = install_safety_ui(window)
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
