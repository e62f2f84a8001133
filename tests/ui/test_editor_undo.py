"""Ctrl+Z in the editors takes back what a person expects: the last word, not the last minute.

A secretary typed about 300 characters of good notes and one wrong sentence; one Ctrl+Z took
both away. These tests type with real key events and undo with the real keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from taskforce_desktop.core import services
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class FakeClock:
    """The editor's clock, moved on by the test instead of by waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def editor(qtbot, clock):
    widget = MarkdownEditor(accessible_name="Impressie")
    widget.clock = clock
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def undo(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def redo(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Y, CTRL)


def test_ctrl_z_after_three_sentences_walks_back_word_by_word(qtbot, editor):
    qtbot.keyClicks(editor, "De raad stemt in. Het budget blijft. Wij gaan door.")

    undo(qtbot, editor)
    assert editor.markdown() == "De raad stemt in. Het budget blijft. Wij gaan"
    undo(qtbot, editor)
    assert editor.markdown() == "De raad stemt in. Het budget blijft. Wij"
    undo(qtbot, editor)
    assert editor.markdown() == "De raad stemt in. Het budget blijft."
    undo(qtbot, editor)
    assert editor.markdown() == "De raad stemt in. Het budget"

    qtbot.keyClicks(editor, " is rond.")
    assert editor.markdown() == "De raad stemt in. Het budget is rond."


def test_ctrl_y_and_ctrl_shift_z_redo_the_undone_words_one_by_one(qtbot, editor):
    qtbot.keyClicks(editor, "Eerste punt. Tweede punt.")
    for _ in range(3):
        undo(qtbot, editor)
    assert editor.markdown() == "Eerste"

    redo(qtbot, editor)
    assert editor.markdown() == "Eerste punt."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.markdown() == "Eerste punt. Tweede"
    redo(qtbot, editor)
    assert editor.markdown() == "Eerste punt. Tweede punt."


def test_undoing_a_wrong_sentence_keeps_the_good_notes_before_it(qtbot, editor):
    good = (
        "Anna de Vries licht het voorstel toe. De gemeenten willen de dienstverlening "
        "samen organiseren, met een gezamenlijk loket en een gedeelde planning. Bram "
        "Jansen vraagt naar de kosten voor kleine gemeenten; die worden naar inwonertal "
        "verdeeld. Er is steun voor een proef van een jaar in twee gemeenten."
    )
    wrong = " Dit hoort bij een ander punt."
    qtbot.keyClicks(editor, good)
    qtbot.keyClicks(editor, wrong)
    assert len(good) >= 300

    for _ in wrong.split():
        undo(qtbot, editor)

    assert editor.markdown() == good


def pause(qtbot, editor, clock):
    clock.now += editor.undo_pause


def short_pause(qtbot, editor, clock):
    clock.now += editor.undo_pause / 2


def press(key, modifiers=Qt.KeyboardModifier.NoModifier):
    return lambda qtbot, editor, clock: qtbot.keyClick(editor, key, modifiers)


@pytest.mark.parametrize(
    ("first", "between", "second", "left_by_undo"),
    [
        pytest.param("Vergader", pause, "ingen", "Vergader", id="a pause inside a word"),
        pytest.param("Boven", press(Qt.Key.Key_Return), "Onder", "Boven\n", id="new paragraph"),
        pytest.param("gewoon", press(Qt.Key.Key_B, CTRL), "vet", "gewoon", id="bold"),
        pytest.param("wereld", press(Qt.Key.Key_Home), "hallo", "wereld", id="typing elsewhere"),
        pytest.param("Vergader", short_pause, "ingen", "", id="no pause: one word, one step"),
    ],
)
def test_what_ends_an_undo_step(qtbot, editor, clock, first, between, second, left_by_undo):
    qtbot.keyClicks(editor, first)
    between(qtbot, editor, clock)
    qtbot.keyClicks(editor, second)

    undo(qtbot, editor)
    assert editor.toPlainText() == left_by_undo


def test_list_autoformat_stays_one_step_and_list_items_undo_by_word(qtbot, editor):
    qtbot.keyClicks(editor, "- ")
    assert editor.current_list_kind() is False
    qtbot.keyClicks(editor, "eerste punt")

    undo(qtbot, editor)
    assert editor.markdown() == "- eerste"
    undo(qtbot, editor)
    undo(qtbot, editor)
    assert editor.current_list_kind() is None
    assert editor.toPlainText() == "- "


def test_ctrl_z_in_the_window_undoes_the_impressie_word_by_word(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    notes = window.notes_tab.notes
    assert notes.hasFocus()
    qtbot.keyClicks(notes, "Goed verhaal. Fout woord")

    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert notes.markdown() == "Goed verhaal. Fout"
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert notes.markdown() == "Goed verhaal."

    qtbot.waitUntil(lambda: not window.writer.has_pending())
    stored = services.load_meeting(window.store, window.session.meeting_id).agenda[0]
    assert stored.notes == "Goed verhaal."
