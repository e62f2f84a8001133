"""One Esc from an open menu puts her back in the text she was typing.

Qt, like classic Windows, closes the menu on Esc but leaves the menu bar holding the
keyboard until a second Esc, with hardly a sign of it: the letters she typed next went to
the menu bar and were lost (a tester typed on and saw nothing arrive). Here the menu bar
gets that second Esc itself, so Qt gives the focus back to the field it came from.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar


class EscapeBackToText(QObject):
    def __init__(self, bar: QMenuBar) -> None:
        super().__init__(bar)
        self.bar = bar
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                menu.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            # After Qt has closed the menu: only then is the menu bar in its keyboard mode.
            QTimer.singleShot(0, self._leave_the_menu_bar)
        return False

    def _leave_the_menu_bar(self) -> None:
        if QApplication.activePopupWidget() is None and self.bar.hasFocus():
            escape = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
            )
            QApplication.sendEvent(self.bar, escape)
