"""A table model over a tuple of frozen core records, described column by column.

The model never writes to the store itself: an edit replaces the record in memory and is
announced with ``value_edited(record, field, value)``; the tab hands it to the autosave
writer. Row moves (drag and drop) are announced with ``move_requested(record_id, index)``
so they can become undoable commands.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from taskforce_desktop.core.edits import Target
from taskforce_desktop.ui.display import choices, label, python_date, qdate, short_date

ROW_MIME_TYPE = "application/x-taskforce-row"

Index = QModelIndex | QPersistentModelIndex


class Kind(enum.Enum):
    TEXT = "text"
    CHOICE = "choice"
    BOOL = "bool"
    MINUTES = "minutes"
    DATE = "date"


@dataclasses.dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: Kind = Kind.TEXT
    enum_cls: type[enum.Enum] | None = None
    editable: bool = True
    required: bool = False
    # Reads the value from a record; the default reads the attribute named ``field``.
    read: Callable[[Any], Any] | None = None
    # Returns the record with the new value; the default replaces the attribute ``field``.
    write: Callable[[Any, Any], Any] | None = None

    def value(self, record: Any) -> Any:
        return self.read(record) if self.read else getattr(record, self.field)

    def with_value(self, record: Any, value: Any) -> Any:
        if self.write:
            return self.write(record, value)
        return dataclasses.replace(record, **{self.field: value})

    def choices(self) -> list[tuple[enum.Enum, str]]:
        assert self.enum_cls is not None
        return choices(self.enum_cls)


class RecordTableModel(QAbstractTableModel):
    value_edited = Signal(object, str, object)  # the new record, field, value
    move_requested = Signal(int, int)  # record id, new index
    target: Target  # what the rows are, for autosave: each table's model says

    def __init__(
        self, columns: Sequence[Column], parent: QObject | None = None, *, movable: bool = False
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._records: list[Any] = []
        self._movable = movable

    # --- contents -------------------------------------------------------------------

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def update_records(self, records: Sequence[Any]) -> None:
        """Show new versions of the same rows in place, so a view keeps its current cell."""
        records = list(records)
        if [r.id for r in records] != [r.id for r in self._records]:
            self.set_records(records)
            return
        last_column = len(self._columns) - 1
        for row, (old, new) in enumerate(zip(self._records, records, strict=True)):
            if old != new:
                self._records[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def column(self, number: int) -> Column:
        return self._columns[number]

    def shows_field(self, field_name: str) -> bool:
        return any(column.field == field_name for column in self._columns)

    def column_of(self, field_name: str) -> int:
        return next(n for n, c in enumerate(self._columns) if c.field == field_name)

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        column = self._columns[index.column()]
        value = column.value(self._records[index.row()])
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is Kind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(column, value, role)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(column, value)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind is Kind.TEXT and value:
            return str(value)
        return None

    def _display(self, column: Column, value: Any, role: int) -> str | None:
        if column.kind is Kind.BOOL:
            # The check box shows it; a screen reader gets the word.
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("ja") if value else self.tr("nee")
            return None
        if column.kind is Kind.CHOICE:
            return label(value)
        if column.kind is Kind.DATE:
            return short_date(value)
        if value is None:
            return ""
        return str(value)

    @staticmethod
    def _edit_value(column: Column, value: Any) -> Any:
        if column.kind is Kind.DATE:
            return qdate(value) if value else QDate()
        if column.kind is Kind.MINUTES:
            return value or 0
        if column.kind is Kind.CHOICE:
            return value.value
        return value

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._movable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self._columns[index.column()]
        if column.editable:
            if column.kind is Kind.BOOL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        if self._movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return False
        column = self._columns[index.column()]
        if not column.editable:
            return False
        if column.kind is Kind.BOOL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new_value: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new_value = self._from_editor(column, value)
            if new_value is _INVALID:
                return False
        else:
            return False
        record = self._records[index.row()]
        if column.value(record) == new_value:
            return True
        record = column.with_value(record, new_value)
        self._records[index.row()] = record
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(self._columns) - 1)
        )
        self.value_edited.emit(record, column.field, new_value)
        return True

    @staticmethod
    def _from_editor(column: Column, value: Any) -> Any:
        if column.kind is Kind.DATE:
            if isinstance(value, QDate):
                return python_date(value)
            return value
        if column.kind is Kind.MINUTES:
            minutes = int(value or 0)
            return minutes if minutes > 0 else None
        if column.kind is Kind.CHOICE:
            assert column.enum_cls is not None
            try:
                return column.enum_cls(value)
            except ValueError:
                return _INVALID
        text = " ".join(str(value or "").split())
        if column.required and not text:
            return _INVALID
        return text

    # --- drag and drop to reorder ---------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction if self._movable else Qt.DropAction.IgnoreAction

    def supportedDragActions(self) -> Qt.DropAction:
        return self.supportedDropActions()

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(ROW_MIME_TYPE, QByteArray(str(rows[0]).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._movable and data.hasFormat(ROW_MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Announce the move and return False, so the view removes nothing itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(ROW_MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return False
        if not 0 <= source < len(self._records):
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._records))
        new_index = target - 1 if target > source else target
        if new_index != source:
            record_id = self._records[source].id
            # After the drop: the move reloads this model, which the view must not be inside.
            QTimer.singleShot(0, lambda: self.move_requested.emit(record_id, new_index))
        return False


_INVALID = object()
