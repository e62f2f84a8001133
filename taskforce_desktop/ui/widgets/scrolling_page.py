"""A page whose content scrolls up and down when the window is too small for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from taskforce_desktop.ui.widgets.accessibility import name_scroll_bars


def fill_with_scrolling(host: QWidget, content: QWidget, name: str) -> QScrollArea:
    """``content`` fills ``host`` and scrolls: at 200 % text a laptop screen is too small.

    The scroll area itself takes no focus, so Tab goes from field to field as before.
    """
    scroll = QScrollArea(host)
    name_scroll_bars(scroll, name)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll
