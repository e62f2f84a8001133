"""After the meeting: the Actielijst, the Besluitenlijst, the people, archive search, approval.

``FollowUp`` adds to the main window:
- Beeld → Actielijst / Besluitenlijst / Personen, and Ctrl+F (zoeken in het archief): one
  non-modal window with a tab for each, over core.followup, core.people and core.search;
- Vergadering → Definitief / Vorig verslag vaststellen / Ontgrendelen / Vergrendelen
  (core.approval), and a read-only window while the open verslag is vastgesteld.

Choosing an action, decision or search result opens its meeting at its agenda point.
Questions to the user are small classes with an ``ask`` classmethod, so tests stand in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from taskforce_desktop.ui.followup.approval_controls import ApprovalControls
from taskforce_desktop.ui.followup.window import FollowUpWindow, build_followup_window
from taskforce_desktop.ui.live.view import LiveMode
from taskforce_desktop.ui.window_parts import Keys, WindowParts

__all__ = ["FollowUp", "FollowUpWindow"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUp", text)


class FollowUp:
    """The Actielijst, Besluitenlijst, Personen, search (Ctrl+F) and the approval controls.

    ``editing_tabs`` are made read-only while the open verslag is vastgesteld; Live mode's
    button for approving the previous verslag asks the same question as the menu.
    """

    def __init__(self, parts: WindowParts, editing_tabs: list[QWidget], live: LiveMode) -> None:
        self._parts = parts
        self._window: FollowUpWindow | None = None
        self.approval = ApprovalControls(parts, editing_tabs)
        live.approve_previous.connect(self.approval.approve_previous)
        pages: tuple[tuple[str, Callable[[FollowUpWindow], QWidget], Keys | None], ...] = (
            (_tr("&Actielijst"), lambda w: w.actions_view, "Ctrl+Shift+L"),
            (_tr("&Besluitenlijst"), lambda w: w.decisions_view, None),
            (_tr("&Personen"), lambda w: w.people_view, None),
            (
                _tr("&Zoeken in het archief…"),
                lambda w: w.search_view,
                QKeySequence.StandardKey.Find,
            ),
        )
        parts.menus.view.addSeparator()
        for text, page, keys in pages:
            action = parts.commands.add(text, partial(self._show, page), keys)
            parts.menus.view.addAction(action)

    def _show(self, page: Callable[[FollowUpWindow], QWidget]) -> None:
        self.window.show_page(page(self.window))

    @property
    def window(self) -> FollowUpWindow:
        """The Opvolging window, built the first time it is opened: no part of the first view."""
        if self._window is None:
            self._window = build_followup_window(self._parts)
        return self._window
