"""A keyboard-friendly table over a RecordTableModel, with its edits going to autosave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from taskforce_desktop.ui.models.record_table import RecordTableModel
from taskforce_desktop.ui.widgets.accessibility import name_scroll_bars
from taskforce_desktop.ui.widgets.record_delegate import RecordDelegate


class RecordTableView(QTableView):
    def __init__(self, model: RecordTableModel, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(RecordDelegate(self))
        name_scroll_bars(self, accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table: the next field is one key away
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        if model.supportedDropActions() != Qt.DropAction.IgnoreAction:
            self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.setDragEnabled(True)
            self.setAcceptDrops(True)
            self.setDropIndicatorShown(True)
            self.setDragDropOverwriteMode(False)

    def record_model(self) -> RecordTableModel:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        return model

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            column = max(self.currentIndex().column(), 0)
            self.setCurrentIndex(self.model().index(row, column))

    def select_record(self, record_id: int) -> None:
        self.select_row(self.record_model().row_of(record_id))


def add_shortcut(
    widget: QWidget,
    text: str,
    keys: QKeySequence | QKeySequence.StandardKey | str,
    slot: Callable[[], None],
) -> QAction:
    """An action that works while focus is in ``widget`` and is listed under Sneltoetsen."""
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action
