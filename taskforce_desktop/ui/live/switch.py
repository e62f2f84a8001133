"""Live mode in the main window: the toolbar button and F11, in and out of the tabs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from taskforce_desktop.ui.live.view import Clock, LiveMode

# The window's commands that live mode does itself, on its own page: "Naar de impressie"
# (Ctrl+E) would put the cursor in the hidden Impressies tab.
_SHARED_KEYS_ATTRIBUTES = (
    "act_focus_notes",
    "act_next_item",
    "act_previous_item",
    "act_new_decision",
    "act_new_action",
)


def install_live_mode(window: QMainWindow, clock: Clock = dt.datetime.now) -> LiveMode:
    """Add live mode to the main window: a toolbar button "Live" and F11."""
    live = LiveMode(window.session, clock, window)
    window.pages.addWidget(live)
    window.live_mode = live
    saved_keys: dict[str, list[QKeySequence]] = {}
    # The status bar stays: it is where she sees that everything is saved.
    chrome = [window.meeting_panel, window.menuBar(), window.toolbar]

    def enter() -> None:
        if window.pages.currentWidget() is live:
            live.leave()
            return
        window.writer.flush_blocking()
        if not live.enter():
            return
        # The window's own keys for the same commands would make these ambiguous.
        for name in _SHARED_KEYS_ATTRIBUTES:
            action = getattr(window, name)
            saved_keys[name] = action.shortcuts()
            action.setShortcuts([])
        for widget in chrome:
            widget.hide()
        window.pages.setCurrentWidget(live)
        live.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave() -> None:
        for name, keys in saved_keys.items():
            getattr(window, name).setShortcuts(keys)
        saved_keys.clear()
        for widget in chrome:
            widget.show()
        window.refresh_meetings()
        window.tabs.setCurrentWidget(window.notes_tab)

    def keep_live_page(_index: int) -> None:
        # The window shows its tabs again after every reload; live mode stays in front.
        if live.active and window.pages.currentWidget() is not live:
            window.pages.setCurrentWidget(live)

    window.pages.currentChanged.connect(keep_live_page)
    live.on_leave = leave
    action = window._action(
        window.tr("&Live"),
        enter,
        "F11",
        window.tr("Rustig scherm om tijdens de vergadering te notuleren (F11, Esc om terug)"),
    )
    window.act_live = action
    window.meeting_actions.append(action)
    window.toolbar.addSeparator()
    window.toolbar.addAction(action)
    window.menu_view.addSeparator()
    window.menu_view.addAction(action)
    return live
