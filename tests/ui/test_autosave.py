"""Autosave: typed text reaches the store without a Save action, and survives failing writes."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import Qt

from taskforce_desktop.core import services
from taskforce_desktop.ui.autosave import AutosaveWriter, Edit, Target
from taskforce_desktop.ui.dialogs.simple import Confirm


def stored_notes(window, index=0):
    return services.load_meeting(window.store, window.session.meeting_id).agenda[index].notes


def type_notes(qtbot, window, text):
    window.focus_notes()
    qtbot.keyClicks(window.notes_tab.notes, text)


def test_typed_notes_reach_the_store_after_a_pause(qtbot, window):
    type_notes(qtbot, window, "De voorzitter opent de vergadering.")
    qtbot.waitUntil(lambda: stored_notes(window) == "De voorzitter opent de vergadering.")
    qtbot.waitUntil(lambda: not window.writer.has_pending())
    # The label follows the writer's signal, which may arrive a moment after the write.
    qtbot.waitUntil(lambda: window.save_state.text().startswith("Opgeslagen om "))


def test_continuous_typing_is_written_before_it_stops(qtbot, window):
    # Typing never pauses long enough: only the maximum delay can write.
    window.writer.set_intervals(pause_ms=60_000, max_delay_ms=100, retry_ms=100)
    window.focus_notes()
    typed = ""
    for word in ("Iedereen", "is", "welkom", "bij", "dit", "overleg", "over", "dienstverlening"):
        qtbot.keyClicks(window.notes_tab.notes, word + " ")
        typed += word + " "
        if stored_notes(window):
            break
        qtbot.wait(60)
    else:
        qtbot.waitUntil(lambda: bool(stored_notes(window)), timeout=2000)
    assert typed.startswith(stored_notes(window))
    assert stored_notes(window)


def test_ctrl_s_writes_at_once(qtbot, window):
    window.writer.set_intervals(pause_ms=60_000, max_delay_ms=60_000, retry_ms=60_000)
    type_notes(qtbot, window, "Direct bewaard")
    qtbot.keyClick(window.notes_tab.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stored_notes(window) == "Direct bewaard")


def test_a_failing_write_keeps_the_text_and_succeeds_on_retry(qtbot, window, monkeypatch):
    real_update = services.update_agenda_item
    failures = []

    def locked(*args, **kwargs):
        failures.append(args)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(services, "update_agenda_item", locked)
    type_notes(qtbot, window, "Niets mag verloren gaan")
    qtbot.waitUntil(lambda: len(failures) >= 2)  # the first write and at least one retry
    assert window.writer.has_pending()
    assert window.writer.failure and "in gebruik" in window.writer.failure
    assert window.save_state.text() == "Niet opgeslagen: wordt opnieuw geprobeerd"
    assert "in gebruik" in window.message_bar.text()
    assert stored_notes(window) == ""
    # More typing while the disk is unavailable stays in memory too.
    qtbot.keyClicks(window.notes_tab.notes, ", ook dit niet.")

    monkeypatch.setattr(services, "update_agenda_item", real_update)
    expected = "Niets mag verloren gaan, ook dit niet."
    qtbot.waitUntil(lambda: stored_notes(window) == expected)
    qtbot.waitUntil(lambda: not window.writer.has_pending())
    assert window.writer.failure is None
    assert "Opslaan lukt weer" in window.message_bar.text()
    assert window.save_state.text().startswith("Opgeslagen om ")


def test_failure_message_is_shown_once_per_episode(qtbot, window, monkeypatch):
    shown = []
    window.writer.failed.connect(lambda message, first: shown.append(first))
    monkeypatch.setattr(
        services,
        "update_agenda_item",
        lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("database or disk is full")),
    )
    type_notes(qtbot, window, "x")
    qtbot.waitUntil(lambda: len(shown) >= 3)
    assert shown[0] is True and not any(shown[1:])
    assert "schijf is vol" in window.writer.failure


def test_closing_writes_pending_edits_first(qtbot, make_window, meeting_id):
    window = make_window()
    window.writer.set_intervals(pause_ms=60_000, max_delay_ms=60_000, retry_ms=60_000)
    type_notes(qtbot, window, "Getypt vlak voor het sluiten")
    assert window.writer.has_pending()
    window.close()
    reopened = make_window()
    assert stored_notes(reopened) == "Getypt vlak voor het sluiten"


def test_closing_while_writes_fail_asks_before_discarding(qtbot, window, monkeypatch):
    window.writer.set_intervals(pause_ms=60_000, max_delay_ms=60_000, retry_ms=60_000)
    type_notes(qtbot, window, "Onbewaard")
    monkeypatch.setattr(
        services,
        "update_agenda_item",
        lambda *a, **k: (_ for _ in ()).throw(
            sqlite3.OperationalError("attempt to write a readonly database")
        ),
    )
    questions = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: questions.append(a) or False))
    assert not window.close()
    assert window.isVisible()
    assert "alleen-lezen" in questions[0][2]
    assert [e.value for e in window.writer.pending_edits()] == ["Onbewaard"]


def test_a_refused_edit_is_dropped_and_reported(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.remove_agenda_item(window.store, item_id)
    messages = []
    window.writer.rejected.connect(lambda edit, message: messages.append(message))
    window.writer.queue(Edit(window.session.meeting_id, Target.AGENDA_ITEM, item_id, "notes", "x"))
    qtbot.waitUntil(lambda: bool(messages))
    assert "bestaat niet" in messages[0]
    assert not window.writer.has_pending()


def test_edits_typed_during_a_write_are_not_lost(qtbot, store, meeting_id):
    writer = AutosaveWriter(store, pause_ms=10, max_delay_ms=10, retry_ms=10)
    item_id = services.load_meeting(store, meeting_id).agenda[0].id
    try:
        for length in range(1, 40):
            writer.queue(Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "a" * length))
            qtbot.wait(1)
        qtbot.waitUntil(lambda: not writer.has_pending())
        assert services.load_meeting(store, meeting_id).agenda[0].notes == "a" * 39
    finally:
        writer.shutdown()


def test_typing_does_not_convert_the_document_on_every_key(qtbot, window, monkeypatch):
    # Converting a long document to its stored form costs tens of milliseconds: it happens
    # when autosave writes, not per keystroke.
    window.writer.set_intervals(pause_ms=60_000, max_delay_ms=60_000, retry_ms=60_000)
    editor = window.notes_tab.notes
    conversions = []
    real_markdown = type(editor).markdown
    monkeypatch.setattr(
        type(editor), "markdown", lambda self: conversions.append(1) or real_markdown(self)
    )
    type_notes(qtbot, window, "Twintig tekens typen.")
    assert len(conversions) == 0
    window.save_now()
    qtbot.waitUntil(lambda: stored_notes(window) == "Twintig tekens typen.")
    assert len(conversions) == 1


def test_meeting_edited_fires_once_the_store_has_the_text(qtbot, window):
    with qtbot.waitSignal(window.meeting_edited) as edited:
        type_notes(qtbot, window, "Voor de preview")
    assert edited.args == [window.session.meeting_id]
    assert stored_notes(window) == "Voor de preview"


def test_a_batch_overtaken_by_a_blocking_flush_never_writes_older_text(qtbot, window):
    """Ctrl+S (or closing) while an earlier batch still waits for the writer thread."""
    from PySide6.QtCore import QObject, Signal, Slot

    class BusyThread(QObject):
        go = Signal()

        @Slot()
        def stall(self):
            time.sleep(0.5)  # the writer thread is busy, as when the OS deschedules it

    writer = window.writer
    meeting_id = window.session.meeting_id
    busy = BusyThread()
    busy.moveToThread(writer._thread)
    busy.go.connect(busy.stall)
    busy.go.emit()
    writer.queue(Edit(meeting_id, Target.MEETING, meeting_id, "location", "Zaal A (oud)"))
    writer.flush_now()  # this batch waits behind the stall
    writer.queue(Edit(meeting_id, Target.MEETING, meeting_id, "location", "Zaal B (nieuw)"))
    assert writer.flush_blocking()
    qtbot.wait(1000)  # the older batch reaches the thread now
    assert services.load_meeting(window.store, meeting_id).location == "Zaal B (nieuw)"
