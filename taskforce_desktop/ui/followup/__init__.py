"""After the meeting: the Actielijst, the Besluitenlijst, the people, archive search, approval.

``install_followup_ui(window)`` adds to the main window:
- Beeld → Actielijst / Besluitenlijst / Personen, and Ctrl+F (zoeken in het archief): one
  non-modal window with a tab for each, over core.followup, core.people and core.search;
- Vergadering → Definitief / Vorig verslag vaststellen / Ontgrendelen / Vergrendelen
  (core.approval), and a read-only window while the open verslag is vastgesteld.

Choosing an action, decision or search result opens its meeting at its agenda point.
Questions to the user are small classes with an ``ask`` classmethod, so tests stand in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from taskforce_desktop.ui.followup.approval_controls import ApprovalControls
from taskforce_desktop.ui.followup.window import build_followup_window

if TYPE_CHECKING:
    from taskforce_desktop.ui.main_window import MainWindow

__all__ = ["build_followup_window", "install_followup_ui"]


def install_followup_ui(window: MainWindow) -> None:
    """The Actielijst, Besluitenlijst, Personen, search (Ctrl+F) and the approval controls."""
    window.approval_controls = ApprovalControls(window)
    live = getattr(window, "live_mode", None)
    if live is not None:
        live.approve_previous = window.approval_controls.approve_previous
    tr = window.tr
    entries = (
        (tr("&Actielijst"), "actions_view", "Ctrl+Shift+L"),
        (tr("&Besluitenlijst"), "decisions_view", None),
        (tr("&Personen"), "people_view", None),
        (tr("&Zoeken in het archief…"), "search_view", QKeySequence.StandardKey.Find),
    )
    window.menu_view.addSeparator()
    for text, page, keys in entries:
        action = window._action(text, lambda _=False, p=page: _show_page(window, p), keys)
        window.menu_view.addAction(action)


def _show_page(window: MainWindow, page: str) -> None:
    followup_window = window.followup_window
    followup_window.show_page(getattr(followup_window, page))
