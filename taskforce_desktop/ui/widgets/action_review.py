"""The open actions of earlier meetings, at the agenda's "Actielijst" point: tick one to close it.

The verslag lists these carried-over actions at that point, so the secretary goes through
them there, on the Impressies tab as in Live mode. Ticking closes the action in the open
meeting (or opens it again); the store is written at once, through the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from taskforce_desktop.core import followup
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.ui.display import long_date
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.accessibility import name_scroll_bars


class ActionReviewList(QListWidget):
    ticked = Signal()  # she closed or reopened an action: she is working on this point

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        name_scroll_bars(self, self.tr("Openstaande actiepunten (spatie: afgerond)"))
        self.itemChanged.connect(self._changed)

    def show_open_actions(self) -> None:
        meeting_id = self.session.meeting_id
        self.blockSignals(True)
        self.clear()
        for entry in followup.review_actions(self.session.store, meeting_id):
            action = entry.action
            parts = [f"{action.number} {action.description}", action.owner]
            if action.due:
                parts.append(long_date(action.due))
            row = QListWidgetItem(" — ".join(part for part in parts if part), self)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = action.status is not ActionStatus.OPEN
            row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, action.id)
        if not self.count():
            self.addItem(self.tr("Geen openstaande actiepunten uit eerdere vergaderingen."))
        self.blockSignals(False)

    def _changed(self, row: QListWidgetItem) -> None:
        action_id = row.data(Qt.ItemDataRole.UserRole)
        if not action_id:
            return
        status = ActionStatus.DONE if row.checkState() == Qt.CheckState.Checked else ActionStatus.OPEN
        meeting_id = self.session.meeting_id
        self.ticked.emit()
        # Later: the reload rebuilds this list, which must not happen inside its own signal.
        QTimer.singleShot(
            0, lambda: self.session.run(followup.close_action, action_id, status, meeting_id)
        )
