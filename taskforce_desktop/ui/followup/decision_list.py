"""The Besluitenlijst page of the Opvolging window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from taskforce_desktop.core import followup, markdown
from taskforce_desktop.ui.followup.common import (
    field_row,
    meeting_text,
    read_only_row,
    read_only_table,
)
from taskforce_desktop.ui.translation import QT_TR_NOOP
from taskforce_desktop.ui.widgets.accessibility import add_clear_button

if TYPE_CHECKING:
    from taskforce_desktop.ui.followup.window import FollowUpWindow


class DecisionsView(QWidget):
    """The committee's Besluitenlijst, searchable like the archive."""

    HEADERS = (
        QT_TR_NOOP("Nr."),
        QT_TR_NOOP("Besluit"),
        QT_TR_NOOP("Vergadering"),
        QT_TR_NOOP("Agendapunt"),
    )

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[followup.FollowUpDecision] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Zoek in de besluiten"))
        add_clear_button(self.query)
        self.table, self.model = read_only_table(self, self.HEADERS, self.tr("Besluitenlijst"))
        layout = QVBoxLayout(self)
        layout.addLayout(field_row(self, self.tr("&Zoeken:"), self.query))
        layout.addWidget(self.table, 1)
        self.query.textChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)

    def refresh(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        committee = self.host.committee_id()
        self.rows = (
            followup.committee_decisions(self.host.store, committee, self.query.text())
            if committee is not None
            else []
        )
        for row in self.rows:
            self.model.appendRow(
                read_only_row(
                    row.number,
                    markdown.to_plain_text(row.decision.text),
                    meeting_text(row.meeting),
                    row.agenda_item_title,
                    item_id=row.decision.id,
                )
            )
        self.table.resizeColumnToContents(0)

    def _open(self, index) -> None:
        row = self.rows[index.row()]
        self.host.open_at(row.meeting.id, row.agenda_item_id)
