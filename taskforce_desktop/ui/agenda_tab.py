"""Agenda: the ordered points; drag and drop or Alt+Pijl to reorder, numbers follow."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.core.records import AgendaItemRecord, MeetingRecord
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.dialogs.agenda_import import take_in_word_agenda
from taskforce_desktop.ui.documents_panel import DocumentsPanel
from taskforce_desktop.ui.models.tables import AgendaModel
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.undo_commands import RemoveAgendaItem
from taskforce_desktop.ui.widgets.record_list_page import RecordListPage


class AgendaTab(RecordListPage):
    kind = "agenda_item"
    model: AgendaModel

    def __init__(
        self,
        session: MeetingSession,
        background: BackgroundOperations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            AgendaModel(),
            table_name=self.tr("Agendapunten"),
            add_label=self.tr("&Nieuw agendapunt:"),
            add_placeholder=self.tr("Titel van het agendapunt, Enter voegt toe"),
            add_button=self.tr("Toevoegen"),
            parent=parent,
        )
        # Slow reads (a Word agenda, the stukken) run on it, so typing never waits.
        self.background = background
        self.word_button = QPushButton(self.tr("Agenda overnemen uit &Word…"), self)
        self.word_button.setToolTip(
            self.tr("De agenda van de voorzitter (.docx) inlezen, nakijken en toevoegen")
        )
        self.word_button.clicked.connect(
            lambda: take_in_word_agenda(self.session, self.background, self)
        )
        self.add_row.addWidget(self.word_button)
        self.setTabOrder(self.add_button, self.word_button)
        self.setTabOrder(self.word_button, self.table)
        self.table.setColumnHidden(self.model.heading_column, True)
        for column, width in enumerate((50, 320, 130, 200, 80, 100, 80)):
            self.table.setColumnWidth(column, width)
        # The title takes what is left, so on a laptop screen "Vast punt" is not cut off
        # behind a horizontal scroll bar.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.model.column_of("title"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        session.agenda_item_selected.connect(self.table.select_record)
        # The stukken of the selected point, below the points.
        self.documents = DocumentsPanel(session, self)
        page_layout = self.layout()
        assert page_layout is not None  # RecordListPage's column: add row, table, buttons
        page_layout.addWidget(self.documents)

    def records_of(self, meeting: MeetingRecord) -> tuple[AgendaItemRecord, ...]:
        return meeting.agenda

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        super().show_meeting(meeting)
        if self.session.current_item_id:
            self.table.select_record(self.session.current_item_id)

    def add(self, text: str) -> int | None:
        new_id = self.session.run(services.add_new_agenda_item, self.session.meeting_id, text)
        if new_id is not None:
            self.session.select_agenda_item(new_id)
        return new_id

    def remove_command(self, record: AgendaItemRecord, index: int) -> RemoveAgendaItem:
        return RemoveAgendaItem(self.session, record, index)

    def describe(self, records: tuple[AgendaItemRecord, ...]) -> str:
        minutes = sum(record.planned_minutes or 0 for record in records)
        items = counted(len(records), self.tr("1 agendapunt"), self.tr("{0} agendapunten"))
        planned = counted(minutes, self.tr("1 minuut gepland"), self.tr("{0} minuten gepland"))
        return f"{items}, {planned}"

    def _on_current_row(self, current, _previous) -> None:
        if current.isValid():
            self.session.select_agenda_item(self.model.record(current.row()).id)
