"""The open actions carried over from earlier meetings, for the "Actielijst" point of a meeting.

The review point itself holds no actions: those it reviews were born in earlier meetings and
are only in the Opvolging window and the exported Actielijst. This panel lists them at the
point, with the status they have in this meeting, and marks one done, dropped or open
again in this meeting, as the Actielijst page of the Opvolging window does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from taskforce_desktop.core import followup
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.ui.display import short_date
from taskforce_desktop.ui.followup.action_list import ActionsView, action_cells
from taskforce_desktop.ui.followup.common import (
    focus_row,
    read_only_row,
    read_only_table,
)

if TYPE_CHECKING:
    from taskforce_desktop.ui.session import Session


class CarriedActionsPanel(QWidget):
    """The meeting's review list: read-only rows, closing recorded in the meeting shown."""

    changed = Signal()  # an action was closed or opened again

    HEADERS = ActionsView.HEADERS[:-1]  # "Afgehandeld in" is this meeting or later

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self.rows: list[followup.FollowUpAction] = []
        self.caption = QLabel(self.tr("Openstaande acties uit eerdere vergaderingen"), self)
        self.table, self.model = read_only_table(self, self.HEADERS, self.tr("Openstaande acties"))
        self.caption.setBuddy(self.table)
        self.empty = QLabel(self.tr("Er staan geen acties uit eerdere vergaderingen open."), self)
        # No mnemonics: the panel sits in a tab whose own letters it must not take.
        self.done_button = QPushButton(self.tr("Afgerond"), self)
        self.dropped_button = QPushButton(self.tr("Vervallen"), self)
        self.reopen_button = QPushButton(self.tr("Weer open"), self)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button, status in (
            (self.done_button, ActionStatus.DONE),
            (self.dropped_button, ActionStatus.DROPPED),
            (self.reopen_button, ActionStatus.OPEN),
        ):
            button.clicked.connect(lambda _checked=False, s=status: self.close_selected(s))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.show_meeting(None)

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        model = self.model
        model.removeRows(0, model.rowCount())
        self.rows = (
            followup.review_actions(self.session.store, self.meeting_id)
            if self.meeting_id is not None
            else []
        )
        for row in self.rows:
            action = row.action
            due = short_date(action.due)
            if row.overdue and action.status is ActionStatus.OPEN:
                due = self.tr("{0} (te laat)").format(due)
            model.appendRow(read_only_row(*action_cells(row, due), item_id=action.id))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)
        for widget in (self.table, self.done_button, self.dropped_button, self.reopen_button):
            widget.setEnabled(bool(self.rows))

    def close_selected(self, status: ActionStatus) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.meeting_id is None:
            return
        action = self.rows[index.row()].action
        # A refusal (a verslag already vastgesteld) is reported by the session.
        self.session.run(followup.close_action, action.id, status, self.meeting_id)
        self.refresh()
        # Closed in this meeting it stays on the list (to see, to undo): the cursor moves on.
        focus_row(self.table, index.row() + 1)
        self.changed.emit()
