"""Back at a point of the Impressies tab, the cursor is where she left it in that point's text.

A tester went back from point 2 to point 1 with Ctrl+PgUp and typed on: her words landed in
front of the first sentence. As in Word, a text she worked on this session opens where she
left it (cursor and view); a text she has not opened yet opens at its end, to type on.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services
from taskforce_desktop.core.edits import Target

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
FIRST_NOTES = "De voorzitter opent de vergadering om 19.30 uur."
SECOND_NOTES = "Het verslag is vastgesteld."
LONG_NOTES = "\n\n".join(f"Alinea {number} van het lange verhaal." for number in range(1, 61))


@pytest.fixture
def window(make_window, store):
    committee = services.create_committee(store, "Adviesraad Sociaal Domein")
    meeting = services.create_meeting(store, committee.id, date="2031-12-02", title="December")
    services.add_agenda_item(store, meeting, "Opening en mededelingen")
    services.add_agenda_item(store, meeting, "Verslag vorige vergadering", notes=SECOND_NOTES)
    services.add_agenda_item(store, meeting, "Armoedebeleid", notes=LONG_NOTES)
    return make_window()


def focused(window):
    """Where her keys go, as in a real window: the focused widget, else the window."""
    widget = QApplication.focusWidget()
    return widget if widget is not None else window


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(window), key, modifiers)


def type_text(qtbot, window, text: str) -> None:
    qtbot.keyClicks(focused(window), text)


def wait_saved(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)


def stored(qtbot, window, index: int, field: str = "notes") -> str:
    """What the store holds, once autosave has written what she typed."""
    wait_saved(qtbot, window)
    meeting = services.load_meeting(window.store, window.session.meeting_id)
    return getattr(meeting.agenda[index], field)


@pytest.fixture
def she(qtbot, window):
    """The window on the Impressies tab, point 1, the cursor in its Impressie."""
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    assert QApplication.focusWidget() is window.notes_tab.notes
    return window


def test_back_at_point_one_her_words_follow_what_she_wrote_there(qtbot, she):
    notes = she.notes_tab.notes
    type_text(qtbot, she, FIRST_NOTES)
    assert stored(qtbot, she, 0) == FIRST_NOTES
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    assert notes.markdown() == SECOND_NOTES
    type_text(qtbot, she, " Geen opmerkingen.")
    assert notes.markdown() == SECOND_NOTES + " Geen opmerkingen."  # unvisited: at the end
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    assert QApplication.focusWidget() is notes
    type_text(qtbot, she, " Aanvulling na punt 2.")
    assert notes.markdown() == FIRST_NOTES + " Aanvulling na punt 2."
    assert stored(qtbot, she, 0) == FIRST_NOTES + " Aanvulling na punt 2."
    assert stored(qtbot, she, 1) == SECOND_NOTES + " Geen opmerkingen."


def test_the_cursor_she_left_in_the_middle_is_still_there(qtbot, she):
    notes = she.notes_tab.notes
    type_text(qtbot, she, "Eerste zin. Derde zin.")
    for _ in range(3):  # over ".", "zin" and "Derde"
        press(qtbot, she, Qt.Key.Key_Left, CTRL)
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    type_text(qtbot, she, "Tweede zin. ")
    assert notes.markdown() == "Eerste zin. Tweede zin. Derde zin."
    assert stored(qtbot, she, 0) == "Eerste zin. Tweede zin. Derde zin."
    assert stored(qtbot, she, 1) == SECOND_NOTES  # passing through a point changes nothing there
    assert stored(qtbot, she, 2) == LONG_NOTES


def test_ctrl_e_from_another_tab_brings_her_back_where_she_was(qtbot, she):
    notes = she.notes_tab.notes
    type_text(qtbot, she, "Welkom.")
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, she, Qt.Key.Key_1, CTRL)  # the Vergadering tab
    assert QApplication.focusWidget() is not notes
    press(qtbot, she, Qt.Key.Key_E, CTRL)
    assert QApplication.focusWidget() is notes
    type_text(qtbot, she, " Iedereen is er.")
    assert stored(qtbot, she, 0) == "Welkom. Iedereen is er."


def test_back_from_the_meeting_filter_the_cursor_is_where_she_left_it(qtbot, she):
    type_text(qtbot, she, "Eerste zin. Derde zin.")
    for _ in range(3):
        press(qtbot, she, Qt.Key.Key_Left, CTRL)
    press(qtbot, she, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is she.filter_field
    press(qtbot, she, Qt.Key.Key_4, CTRL)
    type_text(qtbot, she, "Tweede zin. ")
    assert stored(qtbot, she, 0) == "Eerste zin. Tweede zin. Derde zin."


def test_the_conclusion_keeps_its_own_cursor_per_point(qtbot, she):
    conclusion = she.notes_tab.conclusion
    press(qtbot, she, Qt.Key.Key_C, ALT)  # the &Conclusie caption
    assert QApplication.focusWidget() is conclusion
    type_text(qtbot, she, "Kennisgenomen.")
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    assert QApplication.focusWidget() is conclusion
    type_text(qtbot, she, "Vastgesteld.")
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    type_text(qtbot, she, " Met dank.")
    assert conclusion.markdown() == "Kennisgenomen. Met dank."
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    type_text(qtbot, she, " Unaniem.")
    assert conclusion.markdown() == "Vastgesteld. Unaniem."
    assert stored(qtbot, she, 0, "conclusion") == "Kennisgenomen. Met dank."
    assert stored(qtbot, she, 1, "conclusion") == "Vastgesteld. Unaniem."


def test_a_long_text_comes_back_scrolled_where_she_was_reading(qtbot, she):
    notes = she.notes_tab.notes
    for _ in range(2):
        press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    assert notes.textCursor().atEnd()  # first visit: ready to type on
    press(qtbot, she, Qt.Key.Key_Home, CTRL)
    for _ in range(3):
        press(qtbot, she, Qt.Key.Key_PageDown)
    scroll, position = notes.verticalScrollBar().value(), notes.textCursor().position()
    assert scroll > 0 and 0 < position < len(LONG_NOTES) - 100
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    assert notes.verticalScrollBar().value() == scroll
    assert notes.textCursor().position() == position
    assert notes.markdown() == LONG_NOTES


def test_a_text_shortened_meanwhile_opens_with_the_cursor_inside_it(qtbot, she):
    notes = she.notes_tab.notes
    point_one = she.session.meeting.agenda[0].id
    type_text(qtbot, she, "Een lange eerste zin over de begroting. Nog een zin.")
    press(qtbot, she, Qt.Key.Key_Left, CTRL)
    press(qtbot, she, Qt.Key.Key_PageDown, CTRL)
    # Another view (Live, an import, an undo) leaves point 1 shorter than where she was.
    she.session.edit(Target.AGENDA_ITEM, point_one, "notes", "Kort.")
    press(qtbot, she, Qt.Key.Key_PageUp, CTRL)
    assert notes.markdown() == "Kort."  # the text as stored, not as she left it
    type_text(qtbot, she, " Erbij.")
    assert stored(qtbot, she, 0) == "Kort. Erbij."


def test_a_text_changed_elsewhere_while_shown_keeps_her_cursor(qtbot, she):
    notes = she.notes_tab.notes
    point_one = she.session.meeting.agenda[0].id
    type_text(qtbot, she, "Eerste zin. Derde zin.")
    for _ in range(3):  # over ".", "zin" and "Derde"
        press(qtbot, she, Qt.Key.Key_Left, CTRL)
    wait_saved(qtbot, she)
    she.session.edit(Target.AGENDA_ITEM, point_one, "notes", "Eerste zin. Derde zin. Vierde.")
    assert notes.markdown() == "Eerste zin. Derde zin. Vierde."
    type_text(qtbot, she, "Tweede zin. ")
    assert stored(qtbot, she, 0) == "Eerste zin. Tweede zin. Derde zin. Vierde."


def test_only_places_are_kept_the_text_always_comes_from_the_caller(qtbot):
    from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor

    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show_markdown_of(1, "Eén twee drie.")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.moveCursor(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
    editor.show_markdown_of(2, "Ander punt.")
    assert editor.textCursor().atEnd()
    editor.show_markdown_of(1, "Eén twee drie, aangevuld.")
    assert editor.markdown() == "Eén twee drie, aangevuld."
    assert editor.textCursor().selectedText() == "Eén "  # her selection, back again
    editor.show_markdown_of(2, "")
    assert editor.markdown() == ""
    assert not editor.document().isUndoAvailable()  # no undo into the other point's text
