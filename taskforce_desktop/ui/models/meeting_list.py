"""The meeting list: committees with their meetings, newest first, filterable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.records import MeetingSummary
from taskforce_desktop.ui.display import date_text, label, long_date, short_date
from taskforce_desktop.ui.models.record_table import Index

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


class MeetingListModel(QStandardItemModel):
    """Read-only; rebuilt from ``services.list_meetings`` whenever the list changes."""

    def set_meetings(self, meetings: Sequence[MeetingSummary]) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("Vergaderingen")])
        committees: dict[int, QStandardItem] = {}
        # list_meetings is newest first; committees follow the order of their newest meeting.
        for meeting in meetings:
            parent = committees.get(meeting.committee_id)
            if parent is None:
                parent = QStandardItem(meeting.committee_name)
                parent.setEditable(False)
                parent.setSelectable(False)
                parent.setData(meeting.committee_name, FILTER_TEXT_ROLE)
                committees[meeting.committee_id] = parent
                self.appendRow(parent)
            parent.appendRow(self._meeting_item(meeting))

    def _meeting_item(self, meeting: MeetingSummary) -> QStandardItem:
        day = meeting.date
        text = f"{short_date(day)} · {meeting.title or self.tr('(zonder titel)')}"
        if meeting.status is not MeetingStatus.DRAFT:
            text += f" ({label(meeting.status).lower()})"
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(meeting.id, MEETING_ID_ROLE)
        item.setToolTip(f"{long_date(day)}\n{meeting.title}")
        item.setData(
            " ".join(
                [
                    meeting.committee_name,
                    meeting.title,
                    day.isoformat(),
                    date_text(day),
                    f"{day.day}-{day.month}-{day.year}",
                ]
            ),
            FILTER_TEXT_ROLE,
        )
        return item

    def index_of_meeting(self, meeting_id: int) -> QModelIndex | None:
        for row in range(self.rowCount()):
            committee = self.item(row)
            for child_row in range(committee.rowCount()):
                child = committee.child(child_row)
                if child.data(MEETING_ID_ROLE) == meeting_id:
                    return child.index()
        return None


class MeetingFilterModel(QSortFilterProxyModel):
    """Every word typed must occur in the committee, title or date (in any written form)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = str(index.data(FILTER_TEXT_ROLE) or "")
        if source_parent.isValid():
            haystack += " " + str(source_parent.data(FILTER_TEXT_ROLE) or "")
        haystack = haystack.casefold()
        return all(word in haystack for word in self._words)
