"""The Zoeken page of the Opvolging window: one field over the whole archive."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from taskforce_desktop.core import search
from taskforce_desktop.ui.followup.common import meeting_text
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.widgets.accessibility import add_clear_button, name_scroll_bars

if TYPE_CHECKING:
    from taskforce_desktop.ui.followup.window import FollowUpWindow


class SearchView(QWidget):
    """One field over the whole archive; Enter or a double-click opens the result."""

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.hits: list[search.SearchHit] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            self.tr('Zoek in titels, impressies, besluiten, actiepunten en namen; "zin"')
        )
        add_clear_button(self.query)
        self.query.setAccessibleName(self.tr("Zoeken in het archief"))
        self.results = QListWidget(self)
        name_scroll_bars(self.results, self.tr("Zoekresultaten"))
        self.results.setWordWrap(True)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.refresh)
        self.query.textChanged.connect(lambda _: self.debounce.start())
        self.query.returnPressed.connect(self._open_first)
        self.results.itemActivated.connect(self._open_item)

    def refresh(self) -> None:
        self.debounce.stop()
        self.results.clear()
        self.hits = search.search(self.host.store, self.query.text())
        for hit in self.hits:
            item = QListWidgetItem(self.results)
            label = QLabel(self.result_html(hit), self.results)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            # A wrapping label's own size hint guesses a narrow width, so every result stood
            # in a tall row with blank space above and below; measure at the list's width.
            height = label.heightForWidth(self.results.viewport().width())
            item.setSizeHint(QSize(0, height) if height > 0 else label.sizeHint())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.result_text(hit))
            self.results.setItemWidget(item, label)
        if self.query.text().strip():
            count = len(self.hits)
            self.count_label.setText(
                counted(count, self.tr("1 resultaat"), self.tr("{0} resultaten"))
            )
        else:
            self.count_label.clear()

    def result_text(self, hit: search.SearchHit) -> str:
        where = hit.agenda_item_title or self.tr("(vergadering)")
        return f"{hit.meeting.committee_name} · {meeting_text(hit.meeting)} · {where}"

    def result_html(self, hit: search.SearchHit) -> str:
        snippet = "".join(
            f"<b>{escape(text)}</b>" if highlighted else escape(text)
            for text, highlighted in hit.snippet_parts()
        )
        return f"<span style='color:#555'>{escape(self.result_text(hit))}</span><br>{snippet}"

    def _open_first(self) -> None:
        self.refresh()
        if self.hits:
            self._open(self.hits[0])

    def _open_item(self, item: QListWidgetItem) -> None:
        self._open(self.hits[self.results.row(item)])

    def _open(self, hit: search.SearchHit) -> None:
        self.host.open_at(hit.meeting.id, hit.agenda_item_id)
