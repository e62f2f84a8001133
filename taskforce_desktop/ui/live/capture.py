"""Quick capture of a decision or an action while the meeting runs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QFrame, QHBoxLayout, QLabel, QLineEdit

from taskforce_desktop.core.dutch_dates import parse_due_date
from taskforce_desktop.ui.display import long_date
from taskforce_desktop.ui.widgets.accessibility import StatusLabel, set_description

if TYPE_CHECKING:
    from taskforce_desktop.ui.live.view import LiveMode


class QuickCapture(QFrame):
    """The inline panel for a decision or an action; Enter saves, Esc closes.

    In the action's "Wie" field Enter moves on to "Wanneer" instead of saving: Enter is also
    how a name is taken from the suggestions, and saving there lost the due date.
    """

    def __init__(self, live: LiveMode) -> None:
        super().__init__(live)
        self.live = live
        self.kind = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self)
        self.text = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("Wie"))
        self.owner.setAccessibleName(self.tr("Wie voert het actiepunt uit"))
        self.owners = QStringListModel(self)
        completer = QCompleter(self.owners, self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.due = QLineEdit(self)
        self.due.setPlaceholderText(self.tr("Wanneer: vrijdag, 14 okt, over 2 weken"))
        self.due.setAccessibleName(self.tr("Wanneer"))
        self.due_hint = StatusLabel(self.tr("Herkende datum"), self)
        self.caption.setBuddy(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.caption)
        row.addWidget(self.text, 3)
        row.addWidget(self.owner, 1)
        row.addWidget(self.due, 1)
        row.addWidget(self.due_hint)
        for field in (self.text, self.due):
            field.returnPressed.connect(self.save)
        # Later: the completer puts the chosen name in only after the field saw the Enter.
        self.owner.returnPressed.connect(lambda: QTimer.singleShot(0, self._to_due))
        self.due.textChanged.connect(self._show_due)
        self.hide()

    def open(self, kind: str, owners: list[str]) -> None:
        self.kind = kind
        is_action = kind == "action"
        self.caption.setText(self.tr("&Actiepunt:") if is_action else self.tr("&Besluit:"))
        self.text.setAccessibleName(
            self.tr("Omschrijving van het actiepunt")
            if is_action
            else self.tr("Tekst van het besluit")
        )
        for field in (self.owner, self.due, self.due_hint):
            field.setVisible(is_action)
        for field in (self.text, self.owner, self.due):
            field.clear()
        self.due_hint.clear()
        self.owners.setStringList(owners)
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _to_due(self) -> None:
        if self.isVisible():
            self.due.setFocus(Qt.FocusReason.TabFocusReason)

    def due_date(self) -> dt.date | None:
        return parse_due_date(self.due.text(), self.live.clock().date())

    def _show_due(self) -> None:
        recognised = ""
        if self.due.text().strip():
            due = self.due_date()
            recognised = long_date(due) if due else self.tr("onbekende datum")
        self.due_hint.setText(recognised)
        # Read in the field itself too: she is typing there, not looking at the hint.
        set_description(self.due, recognised)

    def save(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        if self.kind == "action":
            if self.due.text().strip() and self.due_date() is None:
                self.due.setFocus()
                self.due.selectAll()
                return
            saved = self.live.add_action(text, self.owner.text().strip(), self.due_date())
        else:
            saved = self.live.add_decision(text)
        if saved:
            self.close_panel()

    def close_panel(self) -> None:
        self.hide()
        self.live.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            return
        super().keyPressEvent(event)
