"""Window shortcuts that work from every field, also where a text field has its own use for the key.

Qt asks the focused widget first (a ShortcutOverride event) whether it wants a key itself.
A line edit or text edit says yes to Ctrl+E (end of line, as in Emacs) and to a few other
editing keys, so "Naar de impressie" did nothing while the cursor was in the meeting filter
or the new-action field, and the notes she typed next landed there. For the window's own
commands (listed by the window) the field is not asked, so the shortcut always fires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class ShortcutPriority(QObject):
    def __init__(self, window: QWidget, actions: Callable[[], Iterable[QAction]]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions  # asked each time: Live mode and menus add actions later
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        pressed = event.keyCombination().toCombined()
        # Consumed without being accepted: the field does not take the key, the shortcut does.
        return any(
            action.isEnabled() and any(s[0].toCombined() == pressed for s in action.shortcuts())
            for action in self._actions()
        )
