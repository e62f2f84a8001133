"""The red wavy line under a misspelled word, without ever making a keystroke wait.

``BackgroundSpelling`` owns the checker on a thread of its own: the dictionary loads there,
and every word not judged before is looked up there. An editor's ``SpellingMarks`` only
asks for verdicts already known, queues the others, and marks the words once the thread
answers. The word at the cursor is left alone while she types it: it is judged when she
moves on.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextCursor

from taskforce_desktop.core.spelling import SpellChecker, words_in
from taskforce_desktop.ui.qt_stubs import or_none
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor

log = logging.getLogger(__name__)

_STOP = object()


class BackgroundSpelling(QObject):
    """A spell checker that answers on its own thread; ``judged`` brings its verdicts.

    The thread starts ``start_delay_ms`` after construction (or at ``start()``), so loading
    the dictionary keeps off the window's way to the screen; words asked before wait.
    """

    judged = Signal(object)  # the set of words just judged
    marks_outdated = Signal()  # switched on or off, or a word accepted: mark everything anew
    ready = Signal()

    def __init__(
        self,
        make_checker: Callable[[], SpellChecker],
        enabled: bool = True,
        start_delay_ms: int = 0,
    ) -> None:
        super().__init__()
        self.checker: SpellChecker | None = None
        self._enabled = enabled
        self._asked: set[str] = set()
        self._words: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(
            target=self._run, args=(make_checker,), name="spelling", daemon=True
        )
        QTimer.singleShot(start_delay_ms, self, self.start)

    def start(self) -> None:
        if not self._closed and self._thread.ident is None:
            self._thread.start()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.marks_outdated.emit()

    def verdict(self, word: str) -> bool | None:
        """True or False when known; None while the thread still has to look (it is asked)."""
        checker = self.checker
        known = checker.known_verdict(word) if checker is not None else None
        if known is None and word not in self._asked:
            self._asked.add(word)
            self._words.put(word)
        return known

    def accept_word(self, word: str) -> None:
        if self.checker is not None:
            self.checker.add_word(word)
            self._outdate()

    def learn_names(self, names: Iterable[str]) -> None:
        if self.checker is not None:
            self.checker.learn_names(names)
            self._outdate()

    def _outdate(self) -> None:
        self._asked = set()
        self.marks_outdated.emit()

    def close(self, timeout: float = 10.0) -> None:
        """End the thread and wait for it, before the window's objects are taken down.

        A verdict the thread emits while the window goes away reaches an object already
        deleted, a crash at quit: the likely cause of one seen in CI, in the benchmark's
        typing run, which quits right after her last word."""
        self._closed = True
        self._words.put(_STOP)
        if self._thread.ident is not None:
            self._thread.join(timeout)

    def wait_until_idle(self, timeout: float = 30.0) -> None:
        """For tests and the benchmark: block until every queued word is judged."""
        done = threading.Event()
        self._words.put(done)
        done.wait(timeout)

    def _run(self, make_checker: Callable[[], SpellChecker]) -> None:
        try:
            self.checker = make_checker()
        except Exception:  # the app goes on without marks; the log says why
            log.exception("spelling: the dictionary could not be loaded")
            return
        self.ready.emit()
        while True:
            batch = [self._words.get()]
            while not self._words.empty():
                batch.append(self._words.get())
            words = {word for word in batch if isinstance(word, str)}
            for word in words:
                self.checker.is_correct(word)
            if words:
                self.judged.emit(words)
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()
            if _STOP in batch:
                return


def misspelled_format() -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    char_format.setUnderlineColor(Qt.GlobalColor.red)
    return char_format


class SpellingMarks(QSyntaxHighlighter):
    """Marks the misspelled words of one editor (the marks are no part of the text)."""

    def __init__(self, editor: MarkdownEditor, spelling: BackgroundSpelling) -> None:
        super().__init__(editor.document())
        self._editor = editor
        self._spelling = spelling
        self._format = misspelled_format()
        self._held_word: tuple[int, int, int] | None = None  # block number, start, end
        editor.cursorPositionChanged.connect(self._release_held_word)
        editor.installEventFilter(self)
        spelling.judged.connect(self._on_judged)
        spelling.marks_outdated.connect(self.mark_all)
        spelling.ready.connect(self.mark_all)

    def highlightBlock(self, text: str) -> None:
        if not self._spelling.enabled:
            return
        block = self.currentBlock()
        typing_at = self._typing_position(block)
        for offset, word in words_in(text):
            end = offset + len(word)
            if offset <= typing_at <= end:
                self._held_word = (block.blockNumber(), offset, end)
                continue
            if self._spelling.verdict(word) is False:
                self.setFormat(offset, len(word), self._format)

    def _typing_position(self, block: QTextBlock) -> int:
        """Where in ``block`` she types (-1: not in it)."""
        if not self._editor.hasFocus():
            return -1
        cursor = self._editor.textCursor()
        return cursor.positionInBlock() if cursor.block() == block else -1

    def word_at(self, cursor: QTextCursor) -> tuple[int, str] | None:
        """(document position, word) of the marked word at ``cursor``, if any."""
        block = cursor.block()
        in_block = cursor.positionInBlock()
        for offset, word in words_in(block.text()):
            if offset <= in_block <= offset + len(word):
                if self._spelling.verdict(word) is False:
                    return block.position() + offset, word
                return None
        return None

    def mark_all(self) -> None:
        with self._editor.decorating():
            self.rehighlight()

    def _mark(self, block: QTextBlock) -> None:
        with self._editor.decorating():
            self.rehighlightBlock(block)

    def _on_judged(self, words: set[str]) -> None:
        document = or_none(self.document())
        if document is None:
            return  # the editor went (its window closed) while the words were being judged
        block = document.firstBlock()
        while block.isValid():
            text = block.text()
            if any(word in text for word in words):
                self._mark(block)
            block = block.next()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._release_held_word(leaving=True)
        return False

    def _release_held_word(self, leaving: bool = False) -> None:
        """Judge the word she was typing once the cursor leaves it (or the editor)."""
        held = self._held_word
        if held is None:
            return
        cursor = self._editor.textCursor()
        number, start, end = held
        in_word = cursor.blockNumber() == number and start <= cursor.positionInBlock() <= end
        if in_word and not leaving:
            return
        self._held_word = None
        block = self.document().findBlockByNumber(number)
        if block.isValid():
            self._mark(block)
