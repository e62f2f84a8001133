"""Shown instead of the tabs while the store holds no meeting at all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from taskforce_desktop.ui.widgets.accessibility import mark_heading


class WelcomePage(QWidget):
    open_sample = Signal()
    new_meeting = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = mark_heading(QLabel(self.tr("Welkom bij Taskforce Verslag"), self))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Hier maakt u het verslag van een vergadering: u bereidt de deelnemers en de "
                "agenda voor, typt tijdens de vergadering per agendapunt de impressie, "
                "besluiten en actiepunten, en exporteert het verslag daarna naar Word.\n\n"
                "Alles wat u typt wordt vanzelf bewaard, ook zonder internet.\n\n"
                "Begin met de voorbeeldvergadering om rond te kijken, of maak meteen een "
                "nieuwe vergadering."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.sample_button = QPushButton(self.tr("Voorbeeldvergadering &openen"), self)
        self.new_button = QPushButton(self.tr("&Nieuwe vergadering…"), self)
        self.new_button.setDefault(True)
        self.sample_button.clicked.connect(self.open_sample)
        self.new_button.clicked.connect(self.new_meeting)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.setContentsMargins(48, 24, 48, 24)
