"""The Voorbeeld tab: the verslag as it will leave the app, following the edits.

Refreshing never sits on the typing path: a change only restarts a short timer, the
meeting is read and the HTML built quietly on the window's background helper (it reads what
autosave has stored, so it needs no flush and shows no busy bar), and only the finished page
is set on the UI thread, and only while the tab is visible (a hidden tab catches up when
shown).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.core.export import carried_over_actions
from taskforce_desktop.core.export.html import render_html
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.verslag import build_verslag
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.widgets.accessibility import StatusLabel, name_scroll_bars
from taskforce_desktop.ui.widgets.colours import paper_palette

log = logging.getLogger(__name__)

DEBOUNCE_MS = 600


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreviewTab", text)


def preview_html(
    store: Store, meeting_id: int, *, public: bool, include_introductions: bool
) -> str:
    meeting = services.load_meeting(store, meeting_id)
    verslag = build_verslag(
        meeting,
        public=public,
        include_introductions=include_introductions,
        carried_over_actions=carried_over_actions(store, meeting_id, public=public),
    )
    return render_html(verslag)


def failure_text(meeting_id: int, error: Exception) -> str:
    """The page shown instead of the verslag; the preview never takes the window down."""
    if isinstance(error, services.DomainError):
        return str(error)
    log.error("preview of meeting %s failed", meeting_id, exc_info=error)
    return _tr("Voorbeeld niet beschikbaar: {0}").format(error)


class PreviewTab(QWidget):
    refreshed = Signal()  # a new page is shown (tests wait for it)

    def __init__(
        self, store: Store, background: BackgroundOperations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.background = background
        self.meeting_id = 0
        self._public = False
        self._introductions = True
        self._generation = 0
        self._stale = False

        self.browser = QTextBrowser(self)
        name_scroll_bars(self.browser, _tr("Voorbeeld van het verslag"))
        self.browser.setOpenLinks(False)  # the app opens no network connection, ever
        self.browser.setPalette(paper_palette(self.browser.palette()))
        self.note = StatusLabel(_tr("Soort voorbeeld"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._render)
        self._update_note()

    # -- what the window calls ---------------------------------------------------------

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        if not meeting_id:
            self._generation += 1
            self.browser.clear()
            return
        self._timer.stop()
        self._render()

    def refresh(self) -> None:
        """The meeting changed: render again once the secretary pauses."""
        if self.meeting_id:
            self._timer.start()

    def set_options(self, *, public: bool, include_introductions: bool) -> None:
        """Show the verslag as the export options in the menu will make it."""
        self._public = public
        self._introductions = include_introductions
        self._update_note()
        self.refresh()

    # -- rendering ---------------------------------------------------------------------

    def _update_note(self) -> None:
        parts = [
            _tr("Openbare versie: vertrouwelijke punten weggelaten")
            if self._public
            else _tr("Volledige versie")
        ]
        if not self._introductions:
            parts.append(_tr("zonder toelichtingen"))
        self.note.setText(", ".join(parts) + ".")

    def _render(self) -> None:
        if not self.meeting_id:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        store, generation, meeting_id = self.store, self._generation, self.meeting_id
        public, introductions = self._public, self._introductions
        self.background.run_quietly(
            lambda: preview_html(
                store, meeting_id, public=public, include_introductions=introductions
            ),
            lambda html: self._show(generation, html),
            lambda error: self._show_failure(generation, failure_text(meeting_id, error)),
        )

    def _show(self, generation: int, html: str) -> None:
        if generation != self._generation:
            return  # an older page overtaken by a newer edit
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        self.browser.setHtml(html)
        scroll.setValue(position)
        self.refreshed.emit()

    def _show_failure(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.browser.setPlainText(message)
            self.refreshed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._render()
