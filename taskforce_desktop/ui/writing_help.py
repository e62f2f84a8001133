"""Writing help for every editor of the window: stock phrases and the Dutch spell check.

``WindowWritingHelp(parts)`` gives each ``MarkdownEditor`` of the window (those there and
those still to come) the phrases of the open meeting's committee and the spelling marks, and
adds *Bewerken → Tekstblokken…* and *Beeld → Spelling controleren* to the window's menus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from taskforce_desktop.core import markdown as md
from taskforce_desktop.core import services
from taskforce_desktop.core.phrases import CURSOR_MARK, DECISION, TEXT, Phrase, PhraseBook
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.spelling import SpellChecker, names_in_meeting
from taskforce_desktop.ui.dialogs.phrases_dialog import PhrasesDialog
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor
from taskforce_desktop.ui.widgets.spelling_marks import BackgroundSpelling, SpellingMarks
from taskforce_desktop.ui.window_parts import WindowParts

SPELLING_SETTING = "spelling/enabled"
# The dictionary loads this long after the window is built: not on her way to the screen.
DICTIONARY_DELAY_MS = 1500


def _tr(text: str) -> str:
    return QCoreApplication.translate("WritingHelp", text)


class WindowWritingHelp:
    """What the editors of one window share: the phrase book, the checker and the session.

    Installed for every editor of the window while the window lives.
    """

    def __init__(
        self, parts: WindowParts, make_checker: Callable[[], SpellChecker] | None = None
    ) -> None:
        self.session = parts.session
        self.settings: QSettings = parts.settings
        data_dir = parts.store.data_dir
        self.phrase_book = PhraseBook(data_dir)
        enabled = bool(parts.settings.value(SPELLING_SETTING, True, bool))
        self.spelling = BackgroundSpelling(
            make_checker or (lambda: SpellChecker(data_dir)), enabled, DICTIONARY_DELAY_MS
        )
        self.spelling.ready.connect(self._learn_names)
        self.session.meeting_loaded.connect(self._learn_names)
        self._install(parts)
        self.act_spelling = QAction(_tr("&Spelling controleren"), parts.window)
        self.act_spelling.setCheckable(True)
        self.act_spelling.setChecked(self.spelling.enabled)
        self.act_spelling.toggled.connect(self.set_spelling_enabled)
        parts.menus.view.addSeparator()
        parts.menus.view.addAction(self.act_spelling)
        self.act_phrases = QAction(_tr("Te&kstblokken…"), parts.window)
        self.act_phrases.triggered.connect(
            lambda: PhrasesDialog(self.phrase_book, self.committee(), parts.window).open()
        )
        parts.menus.edit.addSeparator()
        parts.menus.edit.addAction(self.act_phrases)

    def _install(self, parts: WindowParts) -> None:
        MarkdownEditor.writing_help = self
        window = parts.window
        for widget in QApplication.allWidgets():
            if isinstance(widget, MarkdownEditor) and widget.window() is window:
                self.attach(widget)
        window.destroyed.connect(lambda *_args: self.spelling.close())
        window.destroyed.connect(lambda *_args: self._uninstall())

    def _uninstall(self) -> None:
        if MarkdownEditor.writing_help is self:
            MarkdownEditor.writing_help = None

    # --- the editors ----------------------------------------------------------------

    def attach(self, editor: MarkdownEditor) -> None:
        # An editor built while an earlier window's help was still installed drops its marks.
        for earlier in editor.document().findChildren(SpellingMarks):
            earlier.setDocument(None)
            earlier.deleteLater()
        SpellingMarks(editor, self.spelling)  # a child of the editor's document

    @staticmethod
    def marks_of(editor: MarkdownEditor) -> SpellingMarks | None:
        return editor.document().findChild(SpellingMarks)

    def committee(self) -> str:
        meeting = self.session.meeting
        return meeting.committee.name if meeting is not None else ""

    # --- phrases --------------------------------------------------------------------

    def expand_phrase(self, editor: MarkdownEditor, code: str) -> bool:
        """Put in the phrase ``;code`` before the cursor names; False when there is none."""
        phrase = self.phrase_book.find(self.committee(), code)
        if phrase is None:
            return False
        self.use_phrase(editor, phrase, trigger_length=len(code) + 1)
        return True

    def use_phrase(self, editor: MarkdownEditor, phrase: Phrase, trigger_length: int = 0) -> None:
        """Type a text phrase, or record a decision or action from its words.

        A decision or action takes the paragraph's words before the code in place of
        ``{cursor}``: "Jan belt de wethouder ;ac" + Tab records that action, and the words
        leave the notes (the verslag lists the action already).
        """
        if phrase.kind == TEXT:
            editor.replace_before_cursor(trigger_length, phrase.text)
            return
        typed = editor.text_before_cursor()
        words = typed[: len(typed) - trigger_length].strip()
        text, _mark = phrase.without_cursor_mark()
        if CURSOR_MARK in phrase.text:
            text = phrase.text.replace(CURSOR_MARK, words, 1)
        text = md.normalise(text).strip()
        item_id = self.session.current_item_id
        if not text or not item_id:
            QApplication.beep()
            return
        editor.replace_before_cursor(len(typed), "")
        if phrase.kind == DECISION:
            self.session.run(services.add_decision, item_id, text)
        else:
            self.session.run(services.add_action, item_id, md.to_plain_text(text))
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def pick_phrase(self, editor: MarkdownEditor) -> None:
        """The committee's phrases in a list at the cursor (Ctrl+Spatie)."""
        menu = QMenu(editor)
        menu.setAccessibleName(_tr("Tekstblokken"))
        for phrase in self.phrase_book.phrases(self.committee()):
            action = menu.addAction(f"{phrase.code}\t{_phrase_label(phrase)}")
            action.triggered.connect(lambda _checked=False, p=phrase: self.use_phrase(editor, p))
        menu.popup(editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft()))

    # --- spelling -------------------------------------------------------------------

    def extend_context_menu(self, editor: MarkdownEditor, menu: QMenu, cursor: QTextCursor) -> None:
        marks = self.marks_of(editor)
        found = marks.word_at(cursor) if marks is not None and self.spelling.enabled else None
        checker = self.spelling.checker
        if found is None or checker is None:
            return
        position, word = found
        ours: list[QAction] = []
        for suggestion in checker.suggestions(word):
            action = QAction(suggestion, menu)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: _replace_word(editor, position, word, s)
            )
            ours.append(action)
        if not ours:
            none = QAction(_tr("(geen suggesties)"), menu)
            none.setEnabled(False)
            ours.append(none)
        add = QAction(_tr("Toevoegen aan &woordenlijst"), menu)
        add.triggered.connect(lambda: self.spelling.accept_word(word))
        separator = QAction(menu)
        separator.setSeparator(True)
        ours += [add, separator]
        # Above the editor's own entries (cut, copy, paste): where the word is.
        existing = menu.actions()
        if existing:
            menu.insertActions(existing[0], ours)
        else:
            menu.addActions(ours)

    def set_spelling_enabled(self, enabled: bool) -> None:
        self.settings.setValue(SPELLING_SETTING, enabled)
        self.spelling.set_enabled(enabled)

    def _learn_names(self, *_meeting: MeetingRecord | None) -> None:
        meeting = self.session.meeting
        if meeting is not None:
            self.spelling.learn_names(names_in_meeting(meeting))


def _phrase_label(phrase: Phrase) -> str:
    text, _mark = phrase.without_cursor_mark()
    plain = md.to_plain_text(text).replace("\n", " ").strip() or "…"
    prefix = {TEXT: "", DECISION: _tr("Besluit: ")}.get(phrase.kind, _tr("Actie: "))
    return prefix + (plain if len(plain) <= 60 else plain[:59] + "…")


def _replace_word(editor: MarkdownEditor, position: int, word: str, replacement: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    cursor.setPosition(position + len(word), QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() == word:  # the text may have changed while the menu was open
        cursor.insertText(replacement)
