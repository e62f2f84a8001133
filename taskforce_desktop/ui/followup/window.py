"""The Opvolging window: one non-modal window with a tab for each page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QDialog, QTabWidget, QVBoxLayout, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.ui.followup.action_list import ActionsView
from taskforce_desktop.ui.followup.archive_search import SearchView
from taskforce_desktop.ui.followup.common import field_row, focus_row
from taskforce_desktop.ui.followup.decision_list import DecisionsView
from taskforce_desktop.ui.followup.people_list import PeopleView
from taskforce_desktop.ui.window_parts import WindowParts


class FollowUpWindow(QDialog):
    """One non-modal window with the Actielijst, Besluitenlijst, Personen and Zoeken."""

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self.store = parts.store
        self.session = parts.session
        self.show_problem = parts.show_problem
        self.open_at = parts.open_meeting_at
        self.today: Callable[[], dt.date] = dt.date.today  # tests set their own
        self.setWindowTitle(self.tr("Opvolging — Taskforce Verslag"))
        self.setModal(False)
        self.resize(1000, 640)
        self.committee = QComboBox(self)
        self.tabs = QTabWidget(self)
        self.actions_view = ActionsView(self)
        self.decisions_view = DecisionsView(self)
        self.people_view = PeopleView(self)
        self.search_view = SearchView(self)
        self.tabs.addTab(self.actions_view, self.tr("Actielijst"))
        self.tabs.addTab(self.decisions_view, self.tr("Besluitenlijst"))
        self.tabs.addTab(self.people_view, self.tr("Personen"))
        self.tabs.addTab(self.search_view, self.tr("Zoeken"))
        layout = QVBoxLayout(self)
        layout.addLayout(field_row(self, self.tr("&Overleg:"), self.committee))
        layout.addWidget(self.tabs, 1)
        self.committee.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self.refresh)

    def committee_id(self) -> int | None:
        return self.committee.currentData()

    def fill_committees(self) -> None:
        meeting = self.session.meeting
        wanted = self.committee_id() or (meeting.committee.id if meeting else None)
        self.committee.blockSignals(True)
        self.committee.clear()
        for committee in services.list_committees(self.store):
            self.committee.addItem(committee.name, committee.id)
        found = self.committee.findData(wanted) if wanted is not None else -1
        self.committee.setCurrentIndex(max(found, 0) if self.committee.count() else -1)
        self.committee.blockSignals(False)

    def show_page(self, page: QWidget) -> None:
        self._parts.writer.flush_blocking()  # lists and search read the store
        self.fill_committees()
        self.tabs.setCurrentWidget(page)
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        if page is self.search_view:
            self.search_view.query.setFocus()
            self.search_view.query.selectAll()
        elif page is self.actions_view:
            focus_row(self.actions_view.table, self.actions_view.table.currentIndex().row())

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, ActionsView | DecisionsView | PeopleView | SearchView):
            page.refresh()

    def run(self, operation: Callable[..., Any], *args: Any) -> object:
        """A store operation from here; False (after a message) when it was refused."""
        self._parts.writer.flush_blocking()
        try:
            result = operation(self.store, *args)
        except Exception as exc:  # noqa: BLE001 - reported to the user, nothing half-done
            self.session.report(exc)
            return False
        self._show_changes()
        return result

    def run_in_background(
        self, operation: Callable[..., Any], *args: Any, label: str, then: Callable[[], None]
    ) -> None:
        """A slow store operation from here (merging, erasing a person) off the UI thread.

        Both windows are kept from edits until it is in: a field still showing the old
        text would otherwise write it back (an erased name among them).
        """

        def done(_result: object) -> None:
            self._show_changes()
            then()

        central = self._parts.window.centralWidget()
        self._parts.background.run(
            lambda: operation(self.store, *args),
            done,
            self.session.report,
            label=label,
            locks=[self] if central is None else [self, central],
        )

    def _show_changes(self) -> None:
        self._parts.reload()


class _HideWithWindow(QObject):
    """The follow-up window is a top-level window of its own: it goes when the main one goes."""

    def __init__(self, followup_window: FollowUpWindow) -> None:
        super().__init__(followup_window)
        self.followup_window = followup_window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.followup_window.hide()
        return False


def build_followup_window(parts: WindowParts) -> FollowUpWindow:
    """The Opvolging window of the main window (built when first asked for)."""
    followup_window = FollowUpWindow(parts)
    parts.window.installEventFilter(_HideWithWindow(followup_window))
    return followup_window
