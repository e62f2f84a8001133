"""Live mode in the main window: the toolbar button and F11, in and out of the tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QWidget

from taskforce_desktop.ui.live.view import Clock, LiveMode
from taskforce_desktop.ui.window_parts import WindowParts


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveMode", text)


class LiveModeSwitch:
    """A toolbar button "Live" and F11: the live view in place of the window's tabs.

    ``pages`` shows the tabs or the live view; ``chrome`` hides while live; the window's
    ``done_by_live_mode`` commands give their keys to the live view's own meanwhile;
    ``back_to_tabs`` runs after the secretary left live mode.
    """

    def __init__(
        self,
        parts: WindowParts,
        pages: QStackedWidget,
        *,
        chrome: list[QWidget],
        done_by_live_mode: list[QAction],
        back_to_tabs: Callable[[], None],
        clock: Clock = dt.datetime.now,
    ) -> None:
        self._writer = parts.writer
        self._pages = pages
        self._chrome = chrome
        self._done_by_live_mode = done_by_live_mode
        self._back_to_tabs = back_to_tabs
        self._saved_keys: dict[QAction, list[QKeySequence]] = {}
        self.view = LiveMode(parts.session, parts.settings, clock, parts.window)
        pages.addWidget(self.view)
        pages.currentChanged.connect(self._keep_live_page)
        self.view.left.connect(self._leave)
        # Only enabled while Live mode is shown, and then from every field.
        parts.commands.register_from_every_field(self.view.shortcuts)
        self.action = parts.commands.add(
            _tr("&Live"),
            self.toggle,
            "F11",
            _tr("Rustig scherm om tijdens de vergadering te notuleren (F11, Esc om terug)"),
            needs_meeting=True,
        )
        parts.toolbar.addSeparator()
        parts.toolbar.addAction(self.action)
        parts.menus.view.addSeparator()
        parts.menus.view.addAction(self.action)

    def toggle(self) -> None:
        if self._pages.currentWidget() is self.view:
            self.view.leave()
            return
        self._writer.flush_blocking()
        if not self.view.enter():
            return
        # The window's own keys for the same commands would make these ambiguous.
        for action in self._done_by_live_mode:
            self._saved_keys[action] = action.shortcuts()
            action.setShortcuts([])
        for widget in self._chrome:
            widget.hide()
        self._pages.setCurrentWidget(self.view)
        self.view.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave(self) -> None:
        for action, keys in self._saved_keys.items():
            action.setShortcuts(keys)
        self._saved_keys.clear()
        for widget in self._chrome:
            widget.show()
        self._back_to_tabs()

    def _keep_live_page(self, _index: int) -> None:
        # The window shows its tabs again after every reload; live mode stays in front.
        if self.view.active and self._pages.currentWidget() is not self.view:
            self._pages.setCurrentWidget(self.view)
