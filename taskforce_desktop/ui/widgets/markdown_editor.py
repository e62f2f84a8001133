"""The editor of every long text the secretary writes, and its optional format bar."""

from __future__ import annotations

import dataclasses
import functools
import re
import time
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import ClassVar, Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextList,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QToolBar, QWidget

from taskforce_desktop.core import markdown as md
from taskforce_desktop.core.phrases import CURSOR_MARK
from taskforce_desktop.ui.qt_stubs import or_none
from taskforce_desktop.ui.widgets.accessibility import name_scroll_bars
from taskforce_desktop.ui.widgets.markdown_document import (
    BOLD_WEIGHT,
    NESTED_LEVEL,
    NORMAL_WEIGHT,
    TOP_LEVEL,
    blocks_from_html,
    canonicalise_lists,
    document_to_markdown,
    has_bold_weight,
    is_ordered,
    list_format,
    list_level,
    markdown_to_document,
    plain_text_for_paste,
    write_blocks,
)

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_ALT = Qt.KeyboardModifier.AltModifier
_LIST_MARKERS = {"- ": False, "* ": False, "1. ": True}
# (key, modifiers) -> name of the editor method; the editor keeps these even when a window
# defines the same shortcut, so they behave the same in every editor of the app.
# Keyed by int, as QKeyEvent.key() gives it.
_EDITOR_KEYS: dict[tuple[int, Qt.KeyboardModifier], str] = {
    (Qt.Key.Key_B, _CTRL): "toggle_bold",
    (Qt.Key.Key_I, _CTRL): "toggle_italic",
    (Qt.Key.Key_Z, _CTRL): "undo",
    (Qt.Key.Key_Y, _CTRL): "redo",
    (Qt.Key.Key_Z, _CTRL | _SHIFT): "redo",
    (Qt.Key.Key_Space, _CTRL): "pick_phrase",
}
# ";code" right before the cursor, typed at the start of a paragraph or after a space.
_PHRASE_CODE = re.compile(r"(?:^|(?<=\s));([a-z0-9]+)$")
# Typing that stops this long ends an undo step, as in Word.
UNDO_PAUSE_SECONDS = 1.0


@dataclasses.dataclass(frozen=True)
class _TypedKey:
    """Where the last typed text left the document, to tell whether the next key continues it."""

    revision: int
    position: int
    char_format: QTextCharFormat
    character: str
    time: float


@dataclasses.dataclass(frozen=True)
class _Place:
    """Where the cursor and the view were in one owner's text, to come back to."""

    anchor: int
    position: int
    at_end: bool
    scroll: int


_Arguments = ParamSpec("_Arguments")
_Result = TypeVar("_Result")


def _editing(
    method: Callable[Concatenate[MarkdownEditor, _Arguments], _Result],
) -> Callable[Concatenate[MarkdownEditor, _Arguments], _Result | bool]:
    """Refuse (with a beep) an editing command in a read-only editor."""

    @functools.wraps(method)
    def guarded(
        self: MarkdownEditor, /, *args: _Arguments.args, **kwargs: _Arguments.kwargs
    ) -> _Result | bool:
        if self.isReadOnly():
            QApplication.beep()
            return False
        return method(self, *args, **kwargs)

    return guarded


class WritingHelp(Protocol):
    """Stock phrases and spelling for every editor of the window (ui/writing_help.py)."""

    def attach(self, editor: MarkdownEditor) -> None: ...

    def expand_phrase(self, editor: MarkdownEditor, code: str) -> bool: ...

    def pick_phrase(self, editor: MarkdownEditor) -> None: ...

    def extend_context_menu(
        self, editor: MarkdownEditor, menu: QMenu, cursor: QTextCursor
    ) -> None: ...


def _modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    # The keypad flag says where a key is, not what the user meant.
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class MarkdownEditor(QTextEdit):
    """A rich-text editor limited to what a verslag uses; it reads and writes ``core.markdown``.

    What the secretary can write: paragraphs, bullet and numbered lists with one level of
    nesting, bold and italic. Everything else (headings, colours, fonts, tables, images)
    cannot be typed, and a paste from Word or a web page keeps only the allowed parts.

    Keyboard (the format bar's tooltips say the same):

    - Ctrl+B / Ctrl+I: bold / italic, on the selection or for what is typed next.
    - "- " or "* " at the start of an empty paragraph starts a bullet list, "1. " a numbered
      one; Ctrl+Z right after gives back the typed characters.
    - In a list item Tab nests the item one level (a second level is refused) and Shift+Tab
      moves it out one level; Enter on an empty item or Backspace at its start does the same
      (so pressing Enter twice ends a list, as in Word). Shift+Enter is a plain Enter: the
      stored form has no line break inside a paragraph.
    - Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, inside this editor, in the steps Word
      takes: a word (with the space before it), typing after a pause of ``undo_pause``
      seconds, a new paragraph, a format change, a paste, a list change.

    Focus and accessibility: outside a list Tab and Shift+Tab do not type a tab character
    but move the focus to the next / previous widget, so a keyboard-only user always leaves
    the editor with Tab once the cursor is not in a list item (leave a list with the arrow
    keys or by pressing Enter on an empty item). The accessible name comes from the
    constructor, the accessible description lists these keys.

    ``edited`` is emitted for every change the user makes (typing, formatting, paste,
    undo), never by ``set_markdown`` nor by the spell check's marks.

    With ``writing_help`` installed (the window does that), ";" + a phrase's code + Tab puts
    the phrase in, Ctrl+Space picks one from a list, and the context menu offers spelling.
    """

    edited = Signal()
    writing_help: ClassVar[WritingHelp | None] = None

    def __init__(
        self, parent: QWidget | None = None, *, accessible_name: str = "", placeholder: str = ""
    ):
        super().__init__(parent)
        self._loading = False
        self._decorating = False
        self._stored: str | None = None  # markdown() of the current content, once asked
        self.undo_pause = UNDO_PAUSE_SECONDS
        self.clock: Callable[[], float] = time.monotonic
        self._last_typed: _TypedKey | None = None
        # Only places, never texts: a text kept here and written back once lost notes.
        self._owner: Hashable | None = None
        self._places: dict[Hashable, _Place] = {}
        self.setTabChangesFocus(True)
        name_scroll_bars(self, accessible_name)
        self.setAccessibleDescription(
            self.tr(
                "Ctrl+B vet, Ctrl+I cursief. Typ “- ” of “1. ” aan het begin van een alinea "
                "voor een lijst. In een lijst: Tab springt in, Shift+Tab springt uit."
            )
        )
        self.setPlaceholderText(placeholder)
        self.document().contentsChanged.connect(self._on_contents_changed)
        if MarkdownEditor.writing_help is not None:
            MarkdownEditor.writing_help.attach(self)

    # --- the stored form ----------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show ``text`` (any Markdown-ish text), with a fresh undo history and no edit.

        In an editor showing an owner's text (see ``show_markdown_of``) this is that text
        again, changed by an undo, an import or another view: the cursor and the view stay
        where they were, within the new text. Otherwise the cursor goes to the start.
        """
        place = None if self._owner is None else self._place()
        self._load(text)
        if place is None:
            self.moveCursor(QTextCursor.MoveOperation.Start)
        else:
            self._go_to(place)

    def show_markdown_of(self, owner: Hashable, text: str) -> None:
        """Show ``text``, the stored text of ``owner`` (an agenda point), as she left it.

        Back at an owner this editor showed before, the cursor, the selection and the view
        are where she left them, within the text as it is now; at an owner shown for the
        first time the cursor is at the end, to type on, as in Word. The owner's unchanged
        text is left alone, with its cursor and undo history. The text always comes from
        the caller; the editor keeps only the places, in memory.
        """
        if owner == self._owner:
            if self.markdown() != md.normalise(text):
                self.set_markdown(text)
            return
        if self._owner is not None:
            self._places[self._owner] = self._place()
        self._owner = owner
        self._load(text)
        self._go_to(self._places.get(owner))

    def _load(self, text: str) -> None:
        document = self.document()
        self._loading = True
        try:
            document.setUndoRedoEnabled(False)
            markdown_to_document(document, text or "")
            document.setUndoRedoEnabled(True)
            document.setModified(False)
        finally:
            self._loading = False

    def _place(self) -> _Place:
        cursor = self.textCursor()
        at_end = cursor.atEnd() and not cursor.hasSelection()
        scroll = self.verticalScrollBar().value()
        return _Place(cursor.anchor(), cursor.position(), at_end, scroll)

    def _go_to(self, place: _Place | None) -> None:
        """The cursor back at ``place`` (at the end when there is none), inside the text."""
        cursor = QTextCursor(self.document())
        if place is None or place.at_end:
            # At the end she stays at the end, also of a text grown in another view.
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            last = self.document().characterCount() - 1
            cursor.setPosition(min(place.anchor, last))
            cursor.setPosition(min(place.position, last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if place is not None:
            self.verticalScrollBar().setValue(place.scroll)
        if place is None or cursor.position() != place.position:
            self.ensureCursorVisible()

    def markdown(self) -> str:
        """The content in the normal form of ``core.markdown`` (what the store keeps)."""
        if self._stored is None:
            self._stored = document_to_markdown(self.document())
        return self._stored

    def _on_contents_changed(self) -> None:
        if self._decorating:
            return
        self._stored = None
        if not self._loading:
            self.edited.emit()

    @contextmanager
    def decorating(self) -> Iterator[None]:
        """Marks laid over the text (spelling) that Qt reports as a change of the document.

        They are no edit: nothing is saved, and the word being typed stays one undo step.
        """
        revision = self.document().revision()
        self._decorating = True
        try:
            yield
        finally:
            self._decorating = False
            last = self._last_typed
            if last is not None and last.revision == revision:
                self._last_typed = dataclasses.replace(last, revision=self.document().revision())

    # --- formatting ---------------------------------------------------------------------

    def is_bold(self) -> bool:
        return self._format_holds(has_bold_weight)

    def is_italic(self) -> bool:
        return self._format_holds(QTextCharFormat.fontItalic)

    @_editing
    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(NORMAL_WEIGHT if self.is_bold() else BOLD_WEIGHT)
        self.mergeCurrentCharFormat(fmt)

    @_editing
    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.is_italic())
        self.mergeCurrentCharFormat(fmt)

    def _format_holds(self, predicate: Callable[[QTextCharFormat], bool]) -> bool:
        """Whether all selected text (or what is typed next) has the format."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return predicate(self.currentCharFormat())
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        for block in self._selected_blocks():
            for format_range in block.textFormats():
                range_start = block.position() + format_range.start
                range_end = range_start + format_range.length
                overlaps = range_start < end and range_end > start
                if overlaps and not predicate(format_range.format):
                    return False
        return True

    # --- lists --------------------------------------------------------------------------

    def current_list_kind(self) -> bool | None:
        """None outside a list, else whether the list at the cursor is numbered."""
        text_list = self.textCursor().currentList()
        return None if text_list is None else is_ordered(text_list)

    @_editing
    def toggle_list(self, ordered: bool) -> None:
        """Make the selected paragraphs a list of this kind, or back into paragraphs."""
        blocks = list(self._selected_blocks())
        lists = [or_none(block.textList()) for block in blocks]
        with self._structural_edit():
            if all(lst is not None and is_ordered(lst) == ordered for lst in lists):
                for block in blocks:
                    QTextCursor(block).setBlockFormat(QTextBlockFormat())
                return
            new_list = self._adjacent_list(blocks[0], ordered)
            for block, text_list in zip(blocks, lists, strict=True):
                if text_list is None:
                    if new_list is None:
                        new_list = QTextCursor(block).createList(list_format(ordered, TOP_LEVEL))
                    else:
                        new_list.add(block)
                elif is_ordered(text_list) != ordered:
                    text_list.setFormat(list_format(ordered, list_level(text_list)))

    @staticmethod
    def _adjacent_list(block: QTextBlock, ordered: bool) -> QTextList | None:
        """The list of this kind just above ``block``, which a new item continues."""
        previous = block.previous()
        text_list = previous.textList() if previous.isValid() else None
        if text_list is not None and list_level(text_list) == TOP_LEVEL:
            if is_ordered(text_list) == ordered:
                return text_list
        return None

    def can_indent(self) -> bool:
        items = [b for b in self._selected_blocks() if b.textList() is not None]
        top_items = [b for b in items if list_level(b.textList()) == TOP_LEVEL]
        if not top_items:
            return False
        previous = top_items[0].previous()
        return previous.isValid() and previous.textList() is not None

    def can_outdent(self) -> bool:
        return any(block.textList() is not None for block in self._selected_blocks())

    @_editing
    def indent(self) -> bool:
        """Nest the selected top-level items under the item above; False when refused."""
        if not self.can_indent():
            QApplication.beep()
            return False
        top_items = [
            block
            for block in self._selected_blocks()
            if block.textList() is not None and list_level(block.textList()) == TOP_LEVEL
        ]
        with self._structural_edit():
            previous_list = top_items[0].previous().textList()
            if list_level(previous_list) == NESTED_LEVEL:
                target = previous_list
            else:
                ordered = is_ordered(top_items[0].textList())
                target = QTextCursor(top_items[0]).createList(list_format(ordered, NESTED_LEVEL))
            for block in top_items:
                target.add(block)
        return True

    @_editing
    def outdent(self) -> bool:
        """Move the selected items out one level (a top-level item becomes a paragraph)."""
        items = [block for block in self._selected_blocks() if block.textList() is not None]
        if not items:
            QApplication.beep()
            return False
        with self._structural_edit():
            for block in items:
                if list_level(block.textList()) == TOP_LEVEL:
                    QTextCursor(block).setBlockFormat(QTextBlockFormat())
                    continue
                parent_list = self._parent_list(block)
                if parent_list is None:
                    kind = is_ordered(block.textList())
                    QTextCursor(block).createList(list_format(kind, TOP_LEVEL))
                else:
                    parent_list.add(block)
        return True

    @staticmethod
    def _parent_list(block: QTextBlock) -> QTextList | None:
        previous = block.previous()
        while previous.isValid() and previous.textList() is not None:
            if list_level(previous.textList()) == TOP_LEVEL:
                return previous.textList()
            previous = previous.previous()
        return None

    def _selected_blocks(self) -> Iterator[QTextBlock]:
        cursor = self.textCursor()
        document = self.document()
        block = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        while block.isValid():
            yield block
            if block == last:
                return
            block = block.next()

    @contextmanager
    def _structural_edit(self) -> Iterator[None]:
        """One undo step, after which the shown lists are exactly the stored ones."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        try:
            yield
        finally:
            canonicalise_lists(self.document())
            cursor.endEditBlock()

    # --- keyboard -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if self.isReadOnly() or not isinstance(event, QKeyEvent):
            return super().event(event)
        if event.type() == QEvent.Type.ShortcutOverride and self._editor_action(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and self._expands_phrase(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and self._handles_tab(event):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(_modifiers(event) & _SHIFT)
            if backwards:
                self.outdent()
            else:
                self.indent()
            event.accept()
            return True
        return super().event(event)

    def _expands_phrase(self, event: QKeyEvent) -> bool:
        if event.key() != Qt.Key.Key_Tab or _modifiers(event) or self.writing_help is None:
            return False
        code = self.phrase_code_at_cursor()
        return code is not None and self.writing_help.expand_phrase(self, code)

    def _editor_action(self, event: QKeyEvent) -> str | None:
        return _EDITOR_KEYS.get((event.key(), _modifiers(event)))

    def _handles_tab(self, event: QKeyEvent) -> bool:
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if _modifiers(event) & (_CTRL | _ALT):
            return False
        return self.can_outdent()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        action = self._editor_action(event)
        if action is not None:
            getattr(self, action)()
            event.accept()
            return
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not _modifiers(event) & _CTRL:
            # Tab is for focus (event() had no widget to give it to): never a tab character.
            event.ignore()
            return
        cursor = self.textCursor()
        block = cursor.block()
        in_list = block.textList() is not None and not cursor.hasSelection()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if in_list and block.length() == 1:
                self.outdent()
                return
            if _modifiers(event) & _SHIFT:
                # A soft line break cannot be stored: make it the Enter the text will get.
                event = QKeyEvent(event.type(), key, Qt.KeyboardModifier.NoModifier, "\r")
        if key == Qt.Key.Key_Backspace and in_list and cursor.atBlockStart():
            self.outdent()
            return
        if self._joins_blocks(event, cursor):
            with self._structural_edit():
                super().keyPressEvent(event)
            return
        if not _types_text(event.text()):
            super().keyPressEvent(event)
            return
        with self._typing_step(event.text()):
            super().keyPressEvent(event)
        if event.text() == " " and block.textList() is None:
            self._start_list_from_marker()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Accents composed by an input method arrive here instead of as key presses.
        if self.isReadOnly() or not _types_text(event.commitString()):
            super().inputMethodEvent(event)
            return
        with self._typing_step(event.commitString()):
            super().inputMethodEvent(event)

    @contextmanager
    def _typing_step(self, text: str) -> Iterator[None]:
        """Put typed ``text`` in the undo step of the word it continues, or start a new step.

        QTextDocument by itself merges every adjacent insert into one undo command, so one
        Ctrl+Z took back a whole run of typing. Each key is therefore its own edit block,
        joined to the previous one only while the same word is being typed.
        """
        cursor = self.textCursor()
        if self._continues_typing(text, cursor):
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            yield
        finally:
            cursor.endEditBlock()
        after = self.textCursor()
        self._last_typed = _TypedKey(
            self.document().revision(),
            after.position(),
            self.currentCharFormat(),
            text[-1],
            self.clock(),
        )

    def _continues_typing(self, text: str, cursor: QTextCursor) -> bool:
        last = self._last_typed
        if last is None or cursor.hasSelection():
            return False
        untouched_since = (last.revision, last.position, last.char_format) == (
            self.document().revision(),
            cursor.position(),
            self.currentCharFormat(),
        )
        ends_a_word = text[0].isspace() and not last.character.isspace()
        paused = self.clock() - last.time >= self.undo_pause
        return untouched_since and not ends_a_word and not paused

    def _joins_blocks(self, event: QKeyEvent, cursor: QTextCursor) -> bool:
        """Whether the key may merge blocks (and so mix a list with its neighbours)."""
        deletes = event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        if cursor.hasSelection():
            document = self.document()
            spans_blocks = document.findBlock(cursor.selectionStart()) != document.findBlock(
                cursor.selectionEnd()
            )
            replaces = deletes or bool(event.text()) or event.matches(QKeySequence.StandardKey.Cut)
            return spans_blocks and replaces
        if event.key() == Qt.Key.Key_Backspace:
            return cursor.atBlockStart()
        if event.key() == Qt.Key.Key_Delete:
            return cursor.atBlockEnd()
        return False

    def _start_list_from_marker(self) -> None:
        """Word's habit: "- ", "* " or "1. " typed into an empty paragraph starts a list.

        The typed characters are already in the document as their own undo step, so Ctrl+Z
        right after takes back only the conversion.
        """
        cursor = self.textCursor()
        marker = cursor.block().text()
        ordered = _LIST_MARKERS.get(marker)
        if ordered is None or cursor.positionInBlock() != len(marker):
            return
        with self._structural_edit():
            cursor.movePosition(
                QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            cursor.createList(list_format(ordered, TOP_LEVEL))

    # --- stock phrases -----------------------------------------------------------------

    def phrase_code_at_cursor(self) -> str | None:
        """The code of ";code" typed right before the cursor, if that is what is there."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return None
        match = _PHRASE_CODE.search(cursor.block().text()[: cursor.positionInBlock()])
        return match.group(1) if match else None

    def text_before_cursor(self) -> str:
        """The paragraph's text from its start to the cursor."""
        cursor = self.textCursor()
        return cursor.block().text()[: cursor.positionInBlock()]

    @_editing
    def replace_before_cursor(self, length: int, phrase: str) -> None:
        """Replace the ``length`` characters before the cursor by ``phrase`` (Markdown).

        The cursor lands where the phrase says ``{cursor}``, else after it; one undo step.
        """
        cursor = self.textCursor()
        start = cursor.position() - length
        with self._structural_edit():
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
            if phrase:
                write_blocks(cursor, md.parse(phrase))
            else:
                cursor.removeSelectedText()
            mark = self.document().find(CURSOR_MARK, start)
            if not mark.isNull() and mark.selectionStart() <= cursor.position():
                mark.removeSelectedText()
                cursor = mark
        self._last_typed = None
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def pick_phrase(self) -> None:
        if self.writing_help is not None and not self.isReadOnly():
            self.writing_help.pick_phrase(self)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.writing_help is not None and not self.isReadOnly():
            self.writing_help.extend_context_menu(self, menu, self.cursorForPosition(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- paste and drop -----------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeping only paragraphs, lists (one nesting level), bold and italic.

        Plain text takes the format at the cursor, and its lines become list items when
        pasted into a list, as in Word.
        """
        cursor = self.textCursor()
        with self._structural_edit():
            if source.hasHtml():
                write_blocks(cursor, blocks_from_html(source.html()))
            else:
                cursor.insertText(plain_text_for_paste(source.text()))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


def _types_text(text: str) -> bool:
    """Whether a key's text is typed into the document (Enter, Backspace and Tab are not)."""
    return bool(text) and not any(unicodedata.category(c).startswith("C") for c in text)


class MarkdownFormatBar(QToolBar):
    """Buttons for the editor's formats, for users who prefer the mouse.

    The buttons take no focus (every one of them has a key in the editor, named in its
    tooltip), so the bar adds no stops to the tab order and clicking keeps the cursor
    in the text.
    """

    def __init__(self, editor: MarkdownEditor | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Opmaak"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._editor: MarkdownEditor | None = None
        self.bold_action = self._add(
            self.tr("Vet"), self.tr("Vet (Ctrl+B)"), MarkdownEditor.toggle_bold
        )
        self.italic_action = self._add(
            self.tr("Cursief"), self.tr("Cursief (Ctrl+I)"), MarkdownEditor.toggle_italic
        )
        self.bullets_action = self._add(
            self.tr("Opsomming"),
            self.tr("Opsomming (typ “- ” aan het begin van een lege alinea)"),
            lambda editor: editor.toggle_list(ordered=False),
        )
        self.numbers_action = self._add(
            self.tr("Nummering"),
            self.tr("Nummering (typ “1. ” aan het begin van een lege alinea)"),
            lambda editor: editor.toggle_list(ordered=True),
        )
        self.indent_action = self._add(
            self.tr("Inspringen"),
            self.tr("Inspringen (Tab in een lijst)"),
            MarkdownEditor.indent,
            checkable=False,
        )
        self.outdent_action = self._add(
            self.tr("Uitspringen"),
            self.tr("Uitspringen (Shift+Tab in een lijst)"),
            MarkdownEditor.outdent,
            checkable=False,
        )
        bold_font = self.widgetForAction(self.bold_action).font()
        bold_font.setBold(True)
        self.widgetForAction(self.bold_action).setFont(bold_font)
        italic_font = self.widgetForAction(self.italic_action).font()
        italic_font.setItalic(True)
        self.widgetForAction(self.italic_action).setFont(italic_font)
        self.attach(editor)

    def _add(
        self,
        text: str,
        tooltip: str,
        command: Callable[[MarkdownEditor], object],
        *,
        checkable: bool = True,
    ) -> QAction:
        action = self.addAction(text)
        action.setToolTip(tooltip)
        action.setCheckable(checkable)
        action.triggered.connect(lambda: self._run(command))
        button = self.widgetForAction(action)
        button.setAccessibleName(text)
        button.setAccessibleDescription(tooltip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return action

    def attach(self, editor: MarkdownEditor | None) -> None:
        """Make the buttons act on ``editor`` (None detaches and disables them)."""
        if self._editor is not None:
            self._editor.cursorPositionChanged.disconnect(self.refresh)
            self._editor.currentCharFormatChanged.disconnect(self.refresh)
        self._editor = editor
        if editor is not None:
            editor.cursorPositionChanged.connect(self.refresh)
            editor.currentCharFormatChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the format at the cursor on the buttons."""
        editor = self._editor
        if editor is not None and editor.isReadOnly():
            editor = None
        for action in self.actions():
            action.setEnabled(editor is not None)
        if editor is None:
            return
        kind = editor.current_list_kind()
        self.bold_action.setChecked(editor.is_bold())
        self.italic_action.setChecked(editor.is_italic())
        self.bullets_action.setChecked(kind is False)
        self.numbers_action.setChecked(kind is True)
        self.indent_action.setEnabled(editor.can_indent())
        self.outdent_action.setEnabled(editor.can_outdent())

    def _run(self, command: Callable[[MarkdownEditor], object]) -> None:
        editor = self._editor
        if editor is None:
            return
        command(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()
