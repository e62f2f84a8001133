"""Window shortcuts that work from every field, also where a text field has its own use for the key.

Qt asks the focused widget first (a ShortcutOverride event) whether it wants a key itself.
A line edit or text edit says yes to Ctrl+E (end of line, as in Emacs) and to a few other
editing keys, so "Naar de impressie" did nothing while the cursor was in the meeting filter
or the new-action field, and the notes she typed next landed there. For the window's own
commands (listed by the window) the field is not asked, so the shortcut always fires. Keys
without Ctrl or Alt (Esc, Enter, letters) always stay with the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget


class ShortcutPriority(QObject):
    def __init__(
        self, window: QWidget, actions: Callable[[], Iterable[QAction | QShortcut]]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions  # asked each time: Live mode and menus add actions later
        application = QApplication.instance()
        if application is not None:  # none yet: no key can reach the window either
            application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if not event.modifiers() & MODIFIERS_OF_COMMANDS:
            return False
        pressed = QKeySequence(event.keyCombination())
        # Consumed without being accepted: the field does not take the key, the shortcut does.
        return any(
            command.isEnabled() and any(_starts_with(k, pressed) for k in _keys(command))
            for command in self._actions()
        )


MODIFIERS_OF_COMMANDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _keys(command: QAction | QShortcut) -> list[QKeySequence]:
    return command.shortcuts() if isinstance(command, QAction) else command.keys()


def _starts_with(keys: QKeySequence, pressed: QKeySequence) -> bool:
    # A partial match: the pressed key is the first of the command's (maybe longer) sequence.
    return pressed.matches(keys) != QKeySequence.SequenceMatch.NoMatch
