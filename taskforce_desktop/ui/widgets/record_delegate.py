"""The cell editor of every record table (a choice list, a date with calendar, or text), and
the current-cell frame of every table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from taskforce_desktop.ui.display import python_date, qdate
from taskforce_desktop.ui.models.record_table import Column, Index, Kind, RecordTableModel
from taskforce_desktop.ui.models.tables import ActionsModel
from taskforce_desktop.ui.widgets.optional_date_edit import DueDateField, OptionalDateEdit

FOCUS_FRAME_WIDTH = 2


class ChoiceEditor(QComboBox):
    """A choice cell whose list keys win over the table's: Alt+Down there moved the row."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _opens_list(event)
        ):
            event.accept()
            return True
        return super().event(event)


def _opens_list(event: QKeyEvent) -> bool:
    alt_arrow = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and bool(
        event.modifiers() & Qt.KeyboardModifier.AltModifier
    )
    return alt_arrow or event.key() == Qt.Key.Key_F4


def _due_date_cell(meeting_day: Callable[[], dt.date], parent: QWidget) -> DueDateField:
    """A due date cell says the date it will be below it: a cell has no room beside it."""
    cell = DueDateField(meeting_day, parent)
    cell.remark_changed.connect(
        lambda remark: QToolTip.showText(cell.mapToGlobal(cell.rect().bottomLeft()), remark, cell)
    )
    return cell


class CurrentCellDelegate(QStyledItemDelegate):
    """Any table's cells, with a current-cell frame that can be seen inside a selection."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        state = option.state
        if state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_Selected:
            # The style's frame around the current cell of a selected row is a shade of the
            # selection itself (1.23:1): drawn in the selection's text colour it stands out.
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.HighlightedText), FOCUS_FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FOCUS_FRAME_WIDTH // 2
            painter.drawRect(option.rect.adjusted(half, half, -half - 1, -half - 1))
            painter.restore()


class RecordDelegate(CurrentCellDelegate):
    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        return model.column(index.column())

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        editor: QWidget
        if column.kind is Kind.CHOICE:
            choice = ChoiceEditor(parent)
            for member, text in column.choices():
                choice.addItem(text, member.value)
            editor = choice
        elif column.kind is Kind.DATE:
            model = index.model()
            editor = (
                _due_date_cell(model.meeting_day, parent)
                if isinstance(model, ActionsModel)
                else OptionalDateEdit(parent)
            )
        elif column.kind is Kind.MINUTES:
            minutes = QSpinBox(parent)
            minutes.setRange(0, 600)
            minutes.setSuffix(self.tr(" min"))
            minutes.setSpecialValueText(self.tr("geen"))
            editor = minutes
        else:
            editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(column.header)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(python_date(value) if isinstance(value, QDate) else None)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, OptionalDateEdit):
            value = editor.value()
            model.setData(index, qdate(value) if value else QDate(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
