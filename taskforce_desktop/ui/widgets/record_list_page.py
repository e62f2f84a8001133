"""Shared shape of the Deelnemers and Agenda tabs: a table, an add row, move and delete.

Edits in the table go to autosave; moving and deleting are undoable commands; adding is a
plain operation (deleting undoes it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from taskforce_desktop.core.edits import Edit
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.ui.models.record_table import RecordTableModel
from taskforce_desktop.ui.session import MeetingSession, StoreCommand
from taskforce_desktop.ui.undo_commands import MoveRow
from taskforce_desktop.ui.widgets.accessibility import add_clear_button
from taskforce_desktop.ui.widgets.record_table_view import RecordTableView, add_shortcut


class RecordListPage(QWidget):
    kind = ""  # "attendee" or "agenda_item": names the rows for MoveRow and the id map

    def __init__(
        self,
        session: MeetingSession,
        model: RecordTableModel,
        *,
        table_name: str,
        add_label: str,
        add_placeholder: str,
        add_button: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.table = RecordTableView(model, table_name, self)
        model.value_edited.connect(self._on_value_edited)
        model.move_requested.connect(self.move_to)

        self.add_field = QLineEdit(self)
        self.add_field.setPlaceholderText(add_placeholder)
        add_clear_button(self.add_field)
        self.add_field.returnPressed.connect(self._add_from_field)
        add_caption = QLabel(add_label, self)
        add_caption.setBuddy(self.add_field)
        self.add_button = QPushButton(add_button, self)
        self.add_button.clicked.connect(self._add_from_field)

        self.up_button = QPushButton(self.tr("Omhoog"), self)
        self.up_button.setToolTip(self.tr("Omhoog (Alt+Pijl omhoog)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Omlaag"), self)
        self.down_button.setToolTip(self.tr("Omlaag (Alt+Pijl omlaag)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton(self.tr("Verwijderen"), self)
        self.delete_button.setToolTip(self.tr("Verwijderen (Delete); Ctrl+Z zet het terug"))
        self.delete_button.clicked.connect(self.delete_current)

        add_shortcut(
            self.table, self.tr("Omhoog verplaatsen"), "Alt+Up", lambda: self.move_current(-1)
        )
        add_shortcut(
            self.table, self.tr("Omlaag verplaatsen"), "Alt+Down", lambda: self.move_current(1)
        )
        add_shortcut(
            self.table, self.tr("Verwijderen"), QKeySequence.StandardKey.Delete, self.delete_current
        )

        self.add_row = QHBoxLayout()  # a page may put its own ways to add beside these
        self.add_row.addWidget(add_caption)
        self.add_row.addWidget(self.add_field, 1)
        self.add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.add_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.add_field, self.add_button)
        self.setTabOrder(self.add_button, self.table)
        self.setTabOrder(self.table, self.up_button)
        self.setTabOrder(self.up_button, self.down_button)
        self.setTabOrder(self.down_button, self.delete_button)
        session.meeting_loaded.connect(self.show_meeting)
        session.state_changed.connect(self._on_state_changed)

    # --- to be provided by the page ---------------------------------------------------

    def records_of(self, meeting: MeetingRecord) -> tuple[Any, ...]:
        raise NotImplementedError

    def add(self, text: str) -> int | None:
        """Add a row from the text in the add field; returns its id."""
        raise NotImplementedError

    def remove_command(self, record: Any, index: int) -> StoreCommand:
        raise NotImplementedError

    def describe(self, records: tuple[Any, ...]) -> str:
        return ""

    # --- behaviour ------------------------------------------------------------------

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        selected = self._current_id()
        records = self.records_of(meeting) if meeting else ()
        self.model.update_records(records)
        self.summary.setText(self.describe(records))
        self.setEnabled(meeting is not None)
        if selected:
            self.table.select_record(self.session.resolve(self.kind, selected))

    def _on_state_changed(self, edit: Edit, source: object) -> None:
        # Live mode marks arrivals, the Agenda tab's presenter shows on the Impressies tab. A
        # text typed in an editor (the notes) is no column here: refreshing the table on each
        # of those writes would cost her keystrokes for nothing.
        if source is self.model or edit.target is not self.model.target:
            return
        if self.model.shows_field(edit.field):
            self.show_meeting(self.session.meeting)

    def refresh_summary(self) -> None:
        self.summary.setText(self.describe(tuple(self.model.records())))

    def _current_id(self) -> int:
        row = self.table.current_row()
        return self.model.record(row).id if row >= 0 else 0

    def _on_value_edited(self, record: Any, field: str, value: Any) -> None:
        self.session.edit(self.model.target, record.id, field, value, source=self.model)
        self.refresh_summary()

    def _add_from_field(self) -> None:
        text = self.add_field.text().strip()
        if not text or self.session.meeting is None:
            return
        new_id = self.add(text)
        if new_id is not None:
            self.add_field.clear()
            self.table.select_record(new_id)
        self.add_field.setFocus()

    def move_current(self, step: int) -> None:
        row = self.table.current_row()
        if row < 0:
            return
        self.move_to(self.model.record(row).id, row + step)

    def move_to(self, record_id: int, new_index: int) -> None:
        old_index = self.model.row_of(record_id)
        if old_index < 0 or not 0 <= new_index < self.model.rowCount() or new_index == old_index:
            return
        self.session.perform(MoveRow(self.session, self.kind, record_id, old_index, new_index))
        self.table.select_record(record_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        row = self.table.current_row()
        if row < 0:
            return
        self.session.perform(self.remove_command(self.model.record(row), row))
        self.table.select_row(min(row, self.model.rowCount() - 1))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
