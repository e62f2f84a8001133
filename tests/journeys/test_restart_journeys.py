"""Journeys across a close and a new start: the notes are there and so is the cursor."""

from __future__ import annotations

from journey_driver import ReadOnlyDisk, Secretary
from PySide6.QtWidgets import QApplication

from taskforce_desktop.ui.dialogs.simple import Confirm


def test_after_a_restart_the_cursor_is_at_the_end_of_the_text_she_was_writing(
    qtbot, make_window, meeting_id
):
    """Defect 6: after a restart the focus was in the meeting filter, so notes landed there."""
    window = make_window()
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.next_point()
    she.type_notes("Anna licht de plannen toe.", "conclusion")
    she.check()
    window.close()

    window = make_window()
    she.window = window
    assert window.tabs.currentWidget() is window.notes_tab
    assert window.notes_tab.heading.text() == "2. Dienstverlening"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.notes_tab.conclusion)
    she.type(" Akkoord.")
    she.typed[(she.point_on_screen(), "conclusion")] += " Akkoord."
    she.check()


def test_a_failed_save_then_a_restart_then_typing_keeps_every_word(
    qtbot, make_window, meeting_id, monkeypatch, tmp_path
):
    """Defect 2: after the restart the editor showed older text and the first key overwrote
    what had been restored."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the private emergency copy
    window = make_window()
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("Voor de storing.")
    she.check()
    disk = ReadOnlyDisk(window.store)
    she.type_notes(" Tijdens de storing getypt.")
    qtbot.waitUntil(lambda: window.writer.failure is not None, timeout=5000)
    assert window.notes_tab.notes.markdown() == "Voor de storing. Tijdens de storing getypt."
    # She quits anyway: the window says the text waits in the emergency copy.
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    window.close()
    disk.repair()

    window = make_window()
    she.window = window
    assert window.notes_tab.notes.markdown() == "Voor de storing. Tijdens de storing getypt."
    she.type_notes(" Na de herstart.")
    she.check()


def test_a_save_failure_while_she_types_takes_none_of_her_keys(
    qtbot, make_window, meeting_id, monkeypatch, tmp_path
):
    """Defect 3: the "Opslaan mislukt" box took the keys she typed and her next space closed it."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    window = make_window()
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    disk = ReadOnlyDisk(window.store)
    she.type_notes("Eerste zin.")
    qtbot.waitUntil(lambda: window.writer.failure is not None, timeout=5000)
    she.type_notes(" Doorgetypt terwijl opslaan mislukt.")  # the failure is shown by now
    assert QApplication.activeModalWidget() is None
    assert QApplication.focusWidget() is window.notes_tab.notes
    assert "Opslaan mislukt" in window.message_bar.text()
    assert window.notes_tab.notes.markdown() == "Eerste zin. Doorgetypt terwijl opslaan mislukt."
    disk.repair()
    she.check()  # once the disk is back, every key is in the store
