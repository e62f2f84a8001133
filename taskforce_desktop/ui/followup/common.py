"""What the pages of the Opvolging window share: meeting names, read-only tables, questions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QTableView,
    QWidget,
)

from taskforce_desktop.core.records import MeetingSummary
from taskforce_desktop.ui.dialogs.simple import MultilineQuestion
from taskforce_desktop.ui.display import date_text
from taskforce_desktop.ui.widgets.accessibility import name_scroll_bars
from taskforce_desktop.ui.widgets.record_delegate import CurrentCellDelegate

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def meeting_text(meeting: MeetingSummary) -> str:
    return f"{date_text(meeting.date)} · {meeting.title}".strip(" ·")


class TextQuestion:
    @classmethod
    def ask(cls, parent: QWidget, title: str, label: str, multiline: bool = False) -> str | None:
        if multiline:
            return MultilineQuestion.ask(parent, title, label)
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None


class ChooseOne:
    @classmethod
    def ask(cls, parent: QWidget, title: str, label: str, options: list[str]) -> int | None:
        choice, ok = QInputDialog.getItem(parent, title, label, options, 0, False)
        return options.index(choice) if ok else None


def read_only_row(*texts: str, item_id: int | None = None) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(item_id, ID_ROLE)
        items.append(item)
    return items


def read_only_table(
    parent: QWidget, headers: tuple[str, ...], name: str
) -> tuple[QTableView, QStandardItemModel]:
    """A read-only, row-selecting table over a fresh QStandardItemModel with these headers.

    The model comes back too, typed as what it is: ``view.model()`` says only QAbstractItemModel.
    """
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels([parent.tr(header) for header in headers])
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(CurrentCellDelegate(view))
    name_scroll_bars(view, name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view, model


def focus_row(table: QTableView, row: int) -> None:
    """Focus the table on this row, or on its last one when the list became shorter."""
    rows = table.model().rowCount()
    if rows:
        table.setCurrentIndex(table.model().index(min(max(row, 0), rows - 1), 0))
    table.setFocus()


def field_row(parent: QWidget, caption: str, field: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(labelled(parent, caption, field))
    row.addWidget(field, 1)
    return row


def labelled(parent: QWidget, text: str, field: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label
