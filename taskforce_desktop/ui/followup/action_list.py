"""The Actielijst page of the Opvolging window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import followup, services
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.ui.display import label, short_date
from taskforce_desktop.ui.followup.common import (
    focus_row,
    labelled,
    meeting_text,
    read_only_row,
    read_only_table,
)
from taskforce_desktop.ui.translation import QT_TR_NOOP
from taskforce_desktop.ui.widgets.accessibility import add_clear_button
from taskforce_desktop.ui.widgets.colours import ERROR_HUE, readable

if TYPE_CHECKING:
    from taskforce_desktop.ui.followup.window import FollowUpWindow


class ActionsView(QWidget):
    """The committee's Actielijst: filter, overdue marked, mark done or dropped."""

    HEADERS = (
        QT_TR_NOOP("Nr."),
        QT_TR_NOOP("Actiepunt"),
        QT_TR_NOOP("Wie"),
        QT_TR_NOOP("Wanneer"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Uit vergadering"),
        QT_TR_NOOP("Afgehandeld in"),
    )

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[followup.FollowUpAction] = []
        self.status_filter = QComboBox(self)
        for text, value in (
            (self.tr("Open"), "open"),
            (self.tr("Afgehandeld"), "closed"),
            (self.tr("Alle"), "all"),
        ):
            self.status_filter.addItem(text, value)
        self.owner_filter = QLineEdit(self)
        self.owner_filter.setPlaceholderText(self.tr("Naam"))
        add_clear_button(self.owner_filter)
        self.table, self.model = read_only_table(self, self.HEADERS, self.tr("Actielijst"))
        self.closing_label = QLabel(self)
        self.done_button = QPushButton(self.tr("&Afgerond"), self)
        self.dropped_button = QPushButton(self.tr("&Vervallen"), self)
        self.reopen_button = QPushButton(self.tr("W&eer open"), self)

        filters = QHBoxLayout()
        filters.addWidget(labelled(self, self.tr("&Toon:"), self.status_filter))
        filters.addWidget(self.status_filter)
        filters.addWidget(labelled(self, self.tr("&Wie:"), self.owner_filter))
        filters.addWidget(self.owner_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.closing_label, 1)
        for button in (self.done_button, self.dropped_button, self.reopen_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.owner_filter.textChanged.connect(self.refresh)
        self.done_button.clicked.connect(lambda: self.close_selected(ActionStatus.DONE))
        self.dropped_button.clicked.connect(lambda: self.close_selected(ActionStatus.DROPPED))
        self.reopen_button.clicked.connect(lambda: self.close_selected(ActionStatus.OPEN))
        self.table.doubleClicked.connect(self._open_origin)

    def refresh(self) -> None:
        committee = self.host.committee_id()
        self.model.removeRows(0, self.model.rowCount())
        self.rows = []
        if committee is None:
            return
        wanted = self.status_filter.currentData()
        rows = followup.committee_actions(
            self.host.store,
            committee,
            status="open" if wanted == "open" else None,
            owner=self.owner_filter.text(),
            today=self.host.today(),
        )
        if wanted == "closed":
            rows = [row for row in rows if row.action.status is not ActionStatus.OPEN]
        self.rows = rows
        overdue = readable(ERROR_HUE, self.table.palette().color(QPalette.ColorRole.Base))
        for row in rows:
            action = row.action
            due = short_date(action.due)
            if row.overdue:
                due = self.tr("{0} (te laat)").format(due)
            items = read_only_row(
                action.number,
                action.description,
                action.owner,
                due,
                label(action.status),
                meeting_text(row.meeting),
                meeting_text(row.closed_in) if row.closed_in else "",
                item_id=action.id,
            )
            if row.overdue:
                for item in items:
                    item.setForeground(QBrush(overdue))
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        closing = self.closing_meeting_id()
        summary = next(
            (m for m in services.list_meetings(self.host.store) if m.id == closing), None
        )
        self.closing_label.setText(
            self.tr("Afhandelen wordt vastgelegd in: {0}").format(meeting_text(summary))
            if summary
            else ""
        )

    def selected(self) -> followup.FollowUpAction | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() else None

    def closing_meeting_id(self) -> int | None:
        """The open meeting when it is of this committee, else the committee's newest."""
        open_meeting = self.host.session.meeting
        if open_meeting is not None and open_meeting.committee.id == self.host.committee_id():
            return open_meeting.id
        committee = self.host.committee_id()
        return followup.latest_meeting_id(self.host.store, committee) if committee else None

    def close_selected(self, status: ActionStatus) -> None:
        row = self.selected()
        if row is None:
            return
        position = self.table.currentIndex().row()
        self.host.run(followup.close_action, row.action.id, status, self.closing_meeting_id())
        self.refresh()
        # The handled action leaves the "open" list; the cursor stays at its place (now the next
        # action) so the secretary goes down the list with the keyboard instead of losing focus.
        focus_row(self.table, position)

    def _open_origin(self, index) -> None:
        row = self.rows[index.row()]
        self.host.open_at(row.meeting.id, row.agenda_item_id)
