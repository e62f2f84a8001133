"""A bar inside the window for messages that may come while the secretary types.

A message box would take the keyboard: the next keys go into the box and a space closes it
before she read it. This bar shows the message in colour and words, is read out by a screen
reader (an announcement, and its accessible description), and never takes the focus: not
when it appears, not from its buttons.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from taskforce_desktop.ui.widgets.accessibility import announce, set_description


def _tr(text: str) -> str:
    return QCoreApplication.translate("MessageBar", text)


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# Mixed into the palette's own window colour, so a dark or high-contrast palette keeps its
# text readable: the text colour stays the palette's.
_HUES = {
    Level.INFO: QColor("#1565c0"),
    Level.WARNING: QColor("#e6a100"),
    Level.ERROR: QColor("#c62828"),
}
_HUE_SHARE = 0.22


def _level_word(level: Level) -> str:
    return {
        Level.INFO: _tr("Mededeling"),
        Level.WARNING: _tr("Let op"),
        Level.ERROR: _tr("Probleem"),
    }[level]


def _mixed(base: QColor, hue: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() * (1 - share) + hue.redF() * share,
        base.greenF() * (1 - share) + hue.greenF() * share,
        base.blueF() * (1 - share) + hue.blueF() * share,
    )


class MessageBar(QFrame):
    """One message at a time; a newer one replaces it. Hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(_tr("Melding"))
        self.level = Level.INFO
        self._on_action: Callable[[], object] | None = None
        self.level_label = QLabel(self)
        self.level_label.setStyleSheet("font-weight: bold")
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.action_button = QPushButton(self)
        self.action_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_button.clicked.connect(self._run_action)
        self.action_button.hide()
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(_tr("Melding sluiten"))
        self.close_button.setToolTip(_tr("Melding sluiten"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.level_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.text_label.text()

    def show_message(
        self,
        text: str,
        level: Level = Level.WARNING,
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        """Show text, and a button (label, what it does) when given, without taking the focus."""
        self.level = level
        self.level_label.setText(_level_word(level) + ":")
        self.text_label.setText(text)
        label, self._on_action = action if action else ("", None)
        self.action_button.setText(label)
        self.action_button.setVisible(action is not None)
        self._colour(level)
        spoken = f"{_level_word(level)}: {text}"
        set_description(self, spoken)
        self.show()
        announce(self, spoken, assertive=level is Level.ERROR)

    def dismiss(self) -> None:
        self.hide()
        self.text_label.clear()
        self.action_button.hide()
        self._on_action = None
        self.setAccessibleDescription("")

    def dismiss_passing(self) -> None:
        """Another meeting in front: a warning about what she did in the last one no longer
        applies. A failure to save and an offer to act on stay until they are dealt with."""
        if self._on_action is None and self.level is not Level.ERROR:
            self.dismiss()

    def _run_action(self) -> None:
        if self._on_action is not None:
            self._on_action()

    def _colour(self, level: Level) -> None:
        palette = self.palette()
        parent = self.parentWidget()
        base = parent.palette() if parent is not None else palette
        palette.setColor(
            QPalette.ColorRole.Window,
            _mixed(base.color(QPalette.ColorRole.Window), _HUES[level], _HUE_SHARE),
        )
        self.setPalette(palette)
