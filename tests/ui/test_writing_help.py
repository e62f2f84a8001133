"""Writing help while she types: stock phrases (;code + Tab) and the Dutch spell check."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from taskforce_desktop.core.phrases import ACTION, DECISION, Phrase, PhraseBook
from taskforce_desktop.core.spelling import WORD_LIST_FILENAME
from taskforce_desktop.ui.dialogs.phrases_dialog import PhrasesDialog
from taskforce_desktop.ui.writing_help import DICTIONARY_DELAY_MS, SPELLING_SETTING


@pytest.fixture
def notes(window, qtbot):
    window.tabs.setCurrentWidget(window.notes_tab)
    window.session.select_agenda_item(window.session.meeting.agenda[1].id)
    editor = window.notes_tab.notes
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def _type(qtbot, editor, text):
    qtbot.keyClicks(editor, text)


def _tab(qtbot, editor):
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def _current_item(window):
    return window.session.agenda_item()


def test_a_code_and_tab_type_the_phrase_and_the_cursor_lands_in_its_gap(window, notes, qtbot):
    _type(qtbot, notes, ";kn")
    _tab(qtbot, notes)
    _type(qtbot, notes, "het advies")

    assert notes.markdown() == "Er wordt kennis genomen van het advies."
    assert notes.hasFocus()  # Tab expanded the phrase instead of leaving the editor


def test_a_phrase_keeps_its_bold_and_its_list(window, notes, qtbot):
    _type(qtbot, notes, ";con")
    _tab(qtbot, notes)
    _type(qtbot, notes, "akkoord")
    assert notes.markdown() == "**Concluderend:** akkoord"

    notes.set_markdown("")
    notes.setFocus()
    _type(qtbot, notes, ";vw")
    _tab(qtbot, notes)
    _type(qtbot, notes, "punt 3 aangevuld")
    assert notes.markdown() == (
        "Het verslag wordt met de volgende wijzigingen vastgesteld:\n\n- punt 3 aangevuld"
    )


def test_a_phrase_is_one_undo_step_that_gives_back_the_code(window, notes, qtbot):
    _type(qtbot, notes, "Eerst ;vv")
    _tab(qtbot, notes)
    assert notes.markdown() == "Eerst Het verslag wordt ongewijzigd vastgesteld."

    notes.undo()
    assert notes.markdown() == "Eerst ;vv"


def test_an_unknown_code_leaves_tab_to_move_the_focus(window, notes, qtbot):
    _type(qtbot, notes, ";zzz")
    _tab(qtbot, notes)

    assert notes.markdown() == ";zzz"
    assert not notes.hasFocus()


def test_a_decision_phrase_records_the_decision_from_the_words_before_it(window, notes, qtbot):
    _type(qtbot, notes, "Ingestemd met het plan. Het advies wordt overgenomen ;bs")
    _tab(qtbot, notes)

    decisions = [d.text for d in _current_item(window).decisions]
    assert decisions == ["Ingestemd met het plan. Het advies wordt overgenomen"]
    assert notes.markdown() == ""  # the verslag lists the decision; the notes do not repeat it


def test_an_action_phrase_records_the_action(window, notes, qtbot):
    _type(qtbot, notes, "Anna belt de wethouder ;ac")
    _tab(qtbot, notes)

    actions = [a.description for a in _current_item(window).actions]
    assert actions == ["Anna belt de wethouder"]


def test_a_decision_phrase_with_nothing_to_record_records_nothing(window, notes, qtbot):
    _type(qtbot, notes, ";bs")
    _tab(qtbot, notes)

    assert _current_item(window).decisions == ()
    assert notes.markdown() == ";bs"


def test_the_picker_lists_the_committees_phrases_and_types_the_chosen_one(window, notes, qtbot):
    qtbot.keyClick(notes, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    menu = notes.findChild(QMenu)
    assert menu is not None and menu.isVisible()
    chosen = next(a for a in menu.actions() if a.text().startswith("vv\t"))
    chosen.trigger()

    assert notes.markdown() == "Het verslag wordt ongewijzigd vastgesteld."


def test_phrases_are_per_committee_and_kept_in_the_data_folder(window, notes, qtbot, data_dir):
    committee = window.session.meeting.committee.name
    dialog = PhrasesDialog(window.writing_help.phrase_book, committee, window)
    dialog.add_phrase()
    qtbot.keyClicks(dialog.code, "gr")
    dialog.text.setPlainText("Met vriendelijke groet, {cursor}")
    dialog._save()
    assert dialog.result() == PhrasesDialog.DialogCode.Accepted

    again = PhraseBook(data_dir)
    assert again.find(committee, "gr") == Phrase("gr", "Met vriendelijke groet, {cursor}")
    assert again.find("Een ander overleg", "gr") is None
    assert (data_dir / "tekstblokken.json").stat().st_mode & 0o077 == 0

    _type(qtbot, notes, ";gr")
    _tab(qtbot, notes)
    assert notes.markdown() == "Met vriendelijke groet,"


def test_the_dialog_refuses_a_double_code_and_says_why(window, qtbot):
    dialog = PhrasesDialog(window.writing_help.phrase_book, "Overleg", window)
    dialog.add_phrase()
    qtbot.keyClicks(dialog.code, "kn")
    dialog._save()

    assert dialog.result() != PhrasesDialog.DialogCode.Accepted
    assert "kn" in dialog.problem.text()


def test_decision_and_action_phrases_in_the_starter_set():
    kinds = {phrase.kind for phrase in PhraseBook(None).phrases("Overleg")}
    assert {DECISION, ACTION} <= kinds


# --- spelling --------------------------------------------------------------------------


def _checked(window, editor, qtbot, markdown):
    spelling = window.writing_help.spelling
    spelling.start()
    editor.set_markdown(markdown)
    qtbot.waitUntil(lambda: spelling.checker is not None, timeout=60000)
    editor.clearFocus()
    window.writing_help.marks_of(editor).mark_all()
    spelling.wait_until_idle()
    qtbot.wait(50)  # the verdicts arrive as a queued signal


def _marked_words(editor):
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        for format_range in block.layout().formats():
            style = format_range.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                start = format_range.start
                words.append(block.text()[start : start + format_range.length])
        block = block.next()
    return words


def test_known_misspellings_are_marked_and_the_committees_names_are_not(window, notes, qtbot):
    _checked(
        window,
        notes,
        qtbot,
        "De vergaderring van de Taskforce Samen Organiseren met Anna de Vries (Noordstad) "
        "en Bram Jansen uit Zuiddorp werd gehouden in het gemeennte huis.",
    )
    qtbot.waitUntil(lambda: _marked_words(notes) == ["vergaderring", "gemeennte"])


def test_marks_are_no_edit(window, notes, qtbot):
    edits = []
    notes.edited.connect(lambda: edits.append(1))
    _checked(window, notes, qtbot, "Een vergaderring.")
    assert _marked_words(notes) == ["vergaderring"]
    assert edits == []


def test_the_word_being_typed_is_not_marked_until_she_moves_on(window, notes, qtbot):
    _checked(window, notes, qtbot, "")
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    _type(qtbot, notes, "Het wethoudr")
    window.writing_help.spelling.wait_until_idle()
    qtbot.wait(50)
    assert _marked_words(notes) == []

    _type(qtbot, notes, " ")
    window.writing_help.spelling.wait_until_idle()
    qtbot.waitUntil(lambda: _marked_words(notes) == ["wethoudr"])


def test_suggestions_replace_the_word_and_a_word_can_join_her_list(
    window, notes, qtbot, data_dir
):
    _checked(window, notes, qtbot, "De vergaderring en de Qwirtel.")
    qtbot.waitUntil(lambda: _marked_words(notes) == ["vergaderring", "Qwirtel"])

    cursor = QTextCursor(notes.document())
    cursor.setPosition(len("De verga"))
    menu = QMenu()
    window.writing_help.extend_context_menu(notes, menu, cursor)
    fix = next(a for a in menu.actions() if a.text() == "vergadering")
    fix.trigger()
    assert notes.markdown() == "De vergadering en de Qwirtel."

    cursor.setPosition(len("De vergadering en de Qwi"))
    menu = QMenu()
    window.writing_help.extend_context_menu(notes, menu, cursor)
    add = next(a for a in menu.actions() if "woordenlijst" in a.text())
    add.trigger()
    window.writing_help.spelling.wait_until_idle()
    qtbot.waitUntil(lambda: _marked_words(notes) == [])
    assert (data_dir / WORD_LIST_FILENAME).read_text("utf-8") == "Qwirtel\n"
    assert (data_dir / WORD_LIST_FILENAME).stat().st_mode & 0o077 == 0


def test_the_view_menu_turns_the_spell_check_off_and_remembers_it(window, notes, qtbot):
    _checked(window, notes, qtbot, "Een vergaderring.")
    assert _marked_words(notes) == ["vergaderring"]
    assert window.writing_help.act_spelling in window.menu_view.actions()

    window.writing_help.act_spelling.trigger()
    assert _marked_words(notes) == []
    assert window.settings.value(SPELLING_SETTING, True, bool) is False


def test_the_word_she_was_typing_is_judged_when_she_leaves_the_editor(window, notes, qtbot):
    _checked(window, notes, qtbot, "")
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    _type(qtbot, notes, "Het wethoudr")
    window.notes_tab.conclusion.setFocus()
    qtbot.waitUntil(lambda: not notes.hasFocus())

    window.writing_help.spelling.wait_until_idle()
    qtbot.waitUntil(lambda: _marked_words(notes) == ["wethoudr"])


def test_every_field_of_the_phrases_dialog_has_a_name_and_a_key(window):
    dialog = PhrasesDialog(window.writing_help.phrase_book, "Overleg", window)
    names = [
        QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Name)
        for field in (dialog.list, dialog.code, dialog.text)
    ]
    assert names == ["Tekstblokken", "Code", "Tekst"]
    assert dialog.kind.accessibleName() == "Soort"  # Qt reads a list box by its choice
    assert dialog.text.tabChangesFocus()  # Tab leaves the text, as in every field


def _spelling_threads():
    return {thread for thread in threading.enumerate() if thread.name == "spelling"}


def test_at_quit_the_spell_check_has_ended_before_the_window_is_taken_down(
    window, notes, qtbot
):
    # Her last word is judged as the window closes; a verdict emitted while the window went
    # away reached an object already deleted and crashed the app at quit.
    before = _spelling_threads()
    _checked(window, notes, qtbot, "")
    _type(qtbot, notes, "Het wethoudr")
    running = _spelling_threads() - before
    assert running

    window.shut_down()

    assert not any(thread.is_alive() for thread in running)


def test_a_window_closed_before_the_dictionary_loads_never_starts_loading_it(window, qtbot):
    before = _spelling_threads()
    window.shut_down()
    qtbot.wait(DICTIONARY_DELAY_MS + 200)
    assert _spelling_threads() - before == set()
