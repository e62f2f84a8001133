"""After the meeting: the Actielijst, the Besluitenlijst, the people, archive search, approval.

``install_followup_ui(window)`` adds to the main window:
- Beeld → Actielijst / Besluitenlijst / Personen, and Ctrl+F (zoeken in het archief): one
  non-modal window with a tab for each, over core.followup, core.people and core.search;
- Vergadering → Definitief / Vorig verslag vaststellen / Ontgrendelen / Vergrendelen
  (core.approval), and a read-only window while the open verslag is vastgesteld.

Choosing an action, decision or search result opens its meeting at its agenda point.
Questions to the user are small classes with an ``ask`` classmethod, so tests stand in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QKeySequence, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import approval, followup, markdown, people, search, services
from taskforce_desktop.core.models import ActionStatus, MeetingStatus
from taskforce_desktop.core.records import MeetingSummary
from taskforce_desktop.ui.dialogs.simple import Confirm, MultilineQuestion
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.widgets.accessibility import (
    StatusLabel,
    add_clear_button,
    name_scroll_bars,
)
from taskforce_desktop.ui.widgets.colours import (
    ERROR_HUE,
    coloured_text_style,
    done_colour,
    readable,
)
from taskforce_desktop.ui.widgets.record_delegate import CurrentCellDelegate

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABELS = {
    ActionStatus.OPEN: "open",
    ActionStatus.DONE: "afgerond",
    ActionStatus.DROPPED: "vervallen",
}


def dutch_date(day: dt.date | None, pattern: str = "d MMMM yyyy") -> str:
    return DUTCH.toString(QDate(day.year, day.month, day.day), pattern) if day else ""


def meeting_text(meeting: MeetingSummary) -> str:
    return f"{dutch_date(meeting.date)} · {meeting.title}".strip(" ·")


def open_at(window: QMainWindow, meeting_id: int, item_id: int | None = None) -> None:
    """Show a meeting in the main window, at an agenda point's notes when one is given."""
    window.open_meeting(meeting_id)
    if item_id:
        window.session.select_agenda_item(item_id)
        window.tabs.setCurrentWidget(window.notes_tab)
    window.raise_()
    window.activateWindow()


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


def _row(*texts: str, item_id: int | None = None) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(item_id, ID_ROLE)
        items.append(item)
    return items


def _table(parent: QWidget, headers: tuple[str, ...], name: str) -> QTableView:
    """A read-only, row-selecting table over a fresh QStandardItemModel with these headers."""
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
    return view


def focus_row(table: QTableView, row: int) -> None:
    """Focus the table on this row, or on its last one when the list became shorter."""
    rows = table.model().rowCount()
    if rows:
        table.setCurrentIndex(table.model().index(min(max(row, 0), rows - 1), 0))
    table.setFocus()


def _field_row(parent: QWidget, caption: str, field: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(_labelled(parent, caption, field))
    row.addWidget(field, 1)
    return row


def _labelled(parent: QWidget, text: str, field: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label


class ActionsView(QWidget):
    """The committee's Actielijst: filter, overdue marked, mark done or dropped."""

    HEADERS = ("Nr.", "Actiepunt", "Wie", "Wanneer", "Status", "Uit vergadering", "Afgehandeld in")

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[followup.FollowUpAction] = []
        self.status_filter = QComboBox(self)
        for text, value in (
            (self.tr("Open"), "open"),
            (self.tr("Afgehandeld"), "closed"),
            (self.tr("Alle"), "all"),
        ):
            self.status_filter.addItem(text, value)
        self.owner_filter = QLineEdit(self)
        self.owner_filter.setPlaceholderText(self.tr("Naam"))
        add_clear_button(self.owner_filter)
        self.table = _table(self, self.HEADERS, self.tr("Actielijst"))
        self.model = self.table.model()
        self.closing_label = QLabel(self)
        self.done_button = QPushButton(self.tr("&Afgerond"), self)
        self.dropped_button = QPushButton(self.tr("&Vervallen"), self)
        self.reopen_button = QPushButton(self.tr("W&eer open"), self)

        filters = QHBoxLayout()
        filters.addWidget(_labelled(self, self.tr("&Toon:"), self.status_filter))
        filters.addWidget(self.status_filter)
        filters.addWidget(_labelled(self, self.tr("&Wie:"), self.owner_filter))
        filters.addWidget(self.owner_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.closing_label, 1)
        for button in (self.done_button, self.dropped_button, self.reopen_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.owner_filter.textChanged.connect(self.refresh)
        self.done_button.clicked.connect(lambda: self.close_selected(ActionStatus.DONE))
        self.dropped_button.clicked.connect(lambda: self.close_selected(ActionStatus.DROPPED))
        self.reopen_button.clicked.connect(lambda: self.close_selected(ActionStatus.OPEN))
        self.table.doubleClicked.connect(self._open_origin)

    def refresh(self) -> None:
        committee = self.host.committee_id()
        self.model.removeRows(0, self.model.rowCount())
        self.rows = []
        if committee is None:
            return
        wanted = self.status_filter.currentData()
        rows = followup.committee_actions(
            self.host.store,
            committee,
            status="open" if wanted == "open" else None,
            owner=self.owner_filter.text(),
            today=self.host.today(),
        )
        if wanted == "closed":
            rows = [row for row in rows if row.action.status is not ActionStatus.OPEN]
        self.rows = rows
        overdue = readable(ERROR_HUE, self.table.palette().color(QPalette.ColorRole.Base))
        for row in rows:
            action = row.action
            due = dutch_date(action.due, "d MMM yyyy")
            if row.overdue:
                due = self.tr("{0} (te laat)").format(due)
            items = _row(
                action.number,
                action.description,
                action.owner,
                due,
                self.tr(STATUS_LABELS[action.status]),
                meeting_text(row.meeting),
                meeting_text(row.closed_in) if row.closed_in else "",
                item_id=action.id,
            )
            if row.overdue:
                for item in items:
                    item.setForeground(QBrush(overdue))
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        closing = self.closing_meeting_id()
        summary = next(
            (m for m in services.list_meetings(self.host.store) if m.id == closing), None
        )
        self.closing_label.setText(
            self.tr("Afhandelen wordt vastgelegd in: {0}").format(meeting_text(summary))
            if summary
            else ""
        )

    def selected(self) -> followup.FollowUpAction | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() else None

    def closing_meeting_id(self) -> int | None:
        """The open meeting when it is of this committee, else the committee's newest."""
        open_meeting = self.host.main_window.session.meeting
        if open_meeting is not None and open_meeting.committee.id == self.host.committee_id():
            return open_meeting.id
        committee = self.host.committee_id()
        return followup.latest_meeting_id(self.host.store, committee) if committee else None

    def close_selected(self, status: ActionStatus) -> None:
        row = self.selected()
        if row is None:
            return
        position = self.table.currentIndex().row()
        self.host.run(followup.close_action, row.action.id, status, self.closing_meeting_id())
        self.refresh()
        # The handled action leaves the "open" list; the cursor stays at its place (now the next
        # action) so the secretary goes down the list with the keyboard instead of losing focus.
        focus_row(self.table, position)

    def _open_origin(self, index) -> None:
        row = self.rows[index.row()]
        open_at(self.host.main_window, row.meeting.id, row.agenda_item_id)


class DecisionsView(QWidget):
    """The committee's Besluitenlijst, searchable like the archive."""

    HEADERS = ("Nr.", "Besluit", "Vergadering", "Agendapunt")

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[followup.FollowUpDecision] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Zoek in de besluiten"))
        add_clear_button(self.query)
        self.table = _table(self, self.HEADERS, self.tr("Besluitenlijst"))
        self.model = self.table.model()
        layout = QVBoxLayout(self)
        layout.addLayout(_field_row(self, self.tr("&Zoeken:"), self.query))
        layout.addWidget(self.table, 1)
        self.query.textChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)

    def refresh(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        committee = self.host.committee_id()
        self.rows = (
            followup.committee_decisions(self.host.store, committee, self.query.text())
            if committee is not None
            else []
        )
        for row in self.rows:
            self.model.appendRow(
                _row(
                    row.number,
                    markdown.to_plain_text(row.decision.text),
                    meeting_text(row.meeting),
                    row.agenda_item_title,
                    item_id=row.decision.id,
                )
            )
        self.table.resizeColumnToContents(0)

    def _open(self, index) -> None:
        row = self.rows[index.row()]
        open_at(self.host.main_window, row.meeting.id, row.agenda_item_id)


class PeopleView(QWidget):
    """Everyone known; merge two entries of one person; erase a person (AVG)."""

    HEADERS = ("Naam", "Organisatie", "Functie", "E-mail", "Vergaderingen")

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[people.PersonOverview] = []
        self.table = _table(self, self.HEADERS, self.tr("Personen"))
        self.model = self.table.model()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.merge_button = QPushButton(self.tr("&Samenvoegen…"), self)
        self.merge_button.setToolTip(self.tr("Kies twee regels van dezelfde persoon"))
        self.erase_button = QPushButton(self.tr("&Verwijderen (AVG)…"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(self.merge_selected)
        self.erase_button.clicked.connect(self.erase_selected)

    def refresh(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.rows = people.people_overview(self.host.store)
        for row in self.rows:
            person = row.person
            self.model.appendRow(
                _row(
                    person.name,
                    person.organisation,
                    person.function,
                    person.email,
                    str(row.meetings_attended),
                    item_id=person.id,
                )
            )
        self.table.resizeColumnsToContents()

    def selected_rows(self) -> list[people.PersonOverview]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[row] for row in rows]

    def _describe(self, row: people.PersonOverview) -> str:
        person = row.person
        details = ", ".join(part for part in (person.organisation, person.email) if part)
        count = counted(row.meetings_listed, self.tr("1 vergadering"), self.tr("{0} vergaderingen"))
        return f"{person.name} ({details}) — {count}" if details else f"{person.name} — {count}"

    def merge_selected(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 2:
            self.host.main_window.show_problem(
                self.tr("Kies precies twee regels van dezelfde persoon om samen te voegen.")
            )
            return
        keep_index = ChooseOne.ask(
            self,
            self.tr("Personen samenvoegen"),
            self.tr("Welke gegevens blijven staan? De andere vullen alleen lege velden aan."),
            [self._describe(row) for row in chosen],
        )
        if keep_index is None:
            return
        keep, merged = chosen[keep_index], chosen[1 - keep_index]
        self.host.run_in_background(
            people.merge_people,
            keep.person.id,
            merged.person.id,
            label=self.tr("Personen worden samengevoegd…"),
            then=self.refresh,
        )

    def erase_selected(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 1:
            self.host.main_window.show_problem(self.tr("Kies één persoon om te verwijderen."))
            return
        person = chosen[0].person
        appearances = people.where_person_appears(self.host.store, person.id)
        if not Confirm.ask(
            self,
            self.tr("Persoon verwijderen (AVG)"),
            self.erasure_question(appearances),
            self.tr("Definitief verwijderen"),
        ):
            return
        self.host.run_in_background(
            people.erase_person,
            person.id,
            label=self.tr("Persoon wordt overal verwijderd…"),
            then=self.refresh,
        )

    def erasure_question(self, appearances: people.Appearances) -> str:
        name = appearances.person.name
        lines = [
            self.tr(
                "{0} wordt overal verwijderd, ook uit vastgestelde verslagen. Dit kan niet "
                "ongedaan worden gemaakt."
            ).format(name)
        ]
        if appearances.meetings:
            lines.append(self.tr("Op de deelnemerslijst van:"))
            lines.extend(f"  • {meeting_text(m)}" for m in appearances.meetings)
        if appearances.actions:
            lines.append(self.tr("Eigenaar van de actiepunten (het veld Wie wordt leeg):"))
            lines.extend(f"  • {a.number} {a.description}" for a in appearances.actions)
        if appearances.presented:
            lines.append(self.tr("Inbreng bij (wordt leeg):"))
            lines.extend(f"  • {title} ({meeting_text(m)})" for title, m in appearances.presented)
        if appearances.mentions:
            lines.append(self.tr("Genoemd in tekst die blijft staan (pas die eerst zelf aan):"))
            lines.extend(
                f"  • {meeting_text(hit.meeting)}: {hit.agenda_item_title or hit.meeting.title}"
                for hit in appearances.mentions
            )
        lines.append(self.tr("Eerder gemaakte reservekopieën bevatten de gegevens nog."))
        return "\n".join(lines)


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
        open_at(self.host.main_window, hit.meeting.id, hit.agenda_item_id)


class FollowUpWindow(QDialog):
    """One non-modal window with the Actielijst, Besluitenlijst, Personen and Zoeken."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.store = window.store
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
        layout.addLayout(_field_row(self, self.tr("&Overleg:"), self.committee))
        layout.addWidget(self.tabs, 1)
        self.committee.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self.refresh)

    def committee_id(self) -> int | None:
        return self.committee.currentData()

    def fill_committees(self) -> None:
        meeting = self.main_window.session.meeting
        wanted = self.committee_id() or (meeting.committee.id if meeting else None)
        self.committee.blockSignals(True)
        self.committee.clear()
        for committee in services.list_committees(self.store):
            self.committee.addItem(committee.name, committee.id)
        found = self.committee.findData(wanted) if wanted is not None else -1
        self.committee.setCurrentIndex(max(found, 0) if self.committee.count() else -1)
        self.committee.blockSignals(False)

    def show_page(self, page: QWidget) -> None:
        self.main_window.writer.flush_blocking()  # lists and search read the store
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
        if page is not None:
            page.refresh()

    def run(self, operation, *args) -> object:
        """A store operation from here; False (after a message) when it was refused."""
        self.main_window.writer.flush_blocking()
        try:
            result = operation(self.store, *args)
        except Exception as exc:  # noqa: BLE001 - reported to the user, nothing half-done
            self.main_window.session.report(exc)
            return False
        self._show_changes()
        return result

    def run_in_background(self, operation, *args, label: str, then: Callable[[], None]) -> None:
        """A slow store operation from here (merging, erasing a person) off the UI thread.

        Both windows are kept from edits until it is in: a field still showing the old
        text would otherwise write it back (an erased name among them).
        """

        def done(_result: object) -> None:
            self._show_changes()
            then()

        self.main_window.background.run(
            lambda: operation(self.store, *args),
            done,
            self.main_window.session.report,
            label=label,
            locks=[self, self.main_window.centralWidget()],
        )

    def _show_changes(self) -> None:
        self.main_window.session.reload()
        self.main_window.refresh_meetings()


# --- approval in the main window --------------------------------------------------------


class ApprovalControls:
    """Status actions in the Vergadering menu and the read-only state of a vastgesteld verslag."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        tr = window.tr
        self.banner = StatusLabel(tr("Status van het verslag"), window)
        window.statusBar().addPermanentWidget(self.banner)
        self.act_final = window._action(tr("Verslag de&finitief (verzonden)"), self.mark_final)
        self.act_approve_previous = window._action(
            tr("&Vorig verslag vaststellen…"), self.approve_previous
        )
        self.act_unlock = window._action(tr("Verslag &ontgrendelen…"), self.unlock)
        self.act_lock = window._action(tr("Verslag weer ve&rgrendelen"), self.lock)
        window.menu_meeting.addSeparator()
        for action in (self.act_final, self.act_approve_previous, self.act_unlock, self.act_lock):
            window.menu_meeting.addAction(action)
            window.meeting_actions.append(action)
        window.session.meeting_loaded.connect(self.show_state)

    def mark_final(self) -> None:
        meeting_id = self.window.session.meeting_id
        if meeting_id:
            self.window.session.run(approval.set_unapproved_status, meeting_id, MeetingStatus.FINAL)

    def approve_previous(self) -> None:
        meeting_id = self.window.session.meeting_id
        if not meeting_id:
            return
        state = approval.approval_state(self.window.store, meeting_id)
        if state.previous is None:
            self.window.show_problem(
                self.window.tr("Er is geen vorige vergadering van dit overleg om vast te stellen.")
            )
            return
        corrections = TextQuestion.ask(
            self.window,
            self.window.tr("Vorig verslag vaststellen"),
            self.window.tr(
                "Het verslag van {0} wordt vastgesteld in deze vergadering.\n"
                "Correcties (leeg laten als er geen zijn):"
            ).format(meeting_text(state.previous)),
            multiline=True,
        )
        if corrections is not None:
            self.window.session.run(approval.approve_previous, meeting_id, corrections)

    def unlock(self) -> None:
        meeting_id = self.window.session.meeting_id
        if not meeting_id or not approval.is_locked(self.window.store, meeting_id):
            return
        reason = TextQuestion.ask(
            self.window,
            self.window.tr("Verslag ontgrendelen"),
            self.window.tr(
                "Dit verslag is vastgesteld. Wie het nu wijzigt, wijzigt een goedgekeurd "
                "verslag; de reden wordt bij de correcties vastgelegd.\n\nReden:"
            ),
        )
        if reason is None:
            return
        if not reason.strip():
            self.window.show_problem(self.window.tr("Zonder reden wordt niet ontgrendeld."))
            return
        self.window.session.run(approval.unlock_meeting, meeting_id, reason)

    def lock(self) -> None:
        meeting_id = self.window.session.meeting_id
        if meeting_id:
            self.window.session.run(approval.lock_meeting, meeting_id)

    def show_state(self, meeting) -> None:
        state = approval.approval_state(self.window.store, meeting.id) if meeting else None
        locked = bool(state and state.locked)
        self.act_unlock.setEnabled(locked)
        self.act_lock.setEnabled(
            bool(state and state.status is MeetingStatus.APPROVED and not state.locked)
        )
        self.act_final.setEnabled(bool(state and state.status is MeetingStatus.DRAFT))
        self.act_approve_previous.setEnabled(bool(state and state.previous is not None))
        self.banner.setText(self._banner_text(state))
        self.banner.setStyleSheet(
            coloured_text_style(done_colour(self.banner.palette()), bold=True) if locked else ""
        )
        # Only the tabs that edit: the preview and export stay usable for an approved verslag.
        window = self.window
        for tab in (window.meeting_tab, window.attendees_tab, window.agenda_tab, window.notes_tab):
            if locked:
                lock_widgets(tab)
            else:
                unlock_widgets(tab)

    def _banner_text(self, state: approval.ApprovalState | None) -> str:
        tr = self.window.tr
        if state is None:
            return ""
        if state.status is MeetingStatus.APPROVED:
            text = tr("Vastgesteld op {0}").format(dutch_date(state.approved_on))
            return text + (tr(" — alleen lezen") if state.locked else tr(" — ontgrendeld"))
        return tr("Definitief") if state.status is MeetingStatus.FINAL else tr("Concept")


_BEFORE_LOCK = "_state_before_lock"


def _editable_widgets(root: QWidget) -> list[QWidget]:
    return (
        root.findChildren(QLineEdit)
        + root.findChildren(QTextEdit)
        + root.findChildren(QAbstractButton)
        + root.findChildren(QComboBox)
        + root.findChildren(QAbstractSpinBox)
        + root.findChildren(QAbstractItemView)
    )


def lock_widgets(root: QWidget) -> None:
    """Texts stay selectable and copyable; everything that changes something is off.

    Called after every reload while locked, so rows built since are locked too; each widget
    remembers its own state once, for ``unlock_widgets``.
    """
    for widget in _editable_widgets(root):
        if widget.property(_BEFORE_LOCK) is not None:
            continue
        if isinstance(widget, QLineEdit | QTextEdit):
            widget.setProperty(_BEFORE_LOCK, widget.isReadOnly())
            widget.setReadOnly(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setProperty(_BEFORE_LOCK, int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            widget.setProperty(_BEFORE_LOCK, widget.isEnabled())
            widget.setEnabled(False)


def unlock_widgets(root: QWidget) -> None:
    for widget in _editable_widgets(root):
        before = widget.property(_BEFORE_LOCK)
        if before is None:
            continue
        widget.setProperty(_BEFORE_LOCK, None)
        if isinstance(widget, QLineEdit | QTextEdit):
            widget.setReadOnly(bool(before))
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger(int(before)))
        else:
            widget.setEnabled(bool(before))


class _HideWithWindow(QObject):
    """The follow-up window is a top-level window of its own: it goes when the main one goes."""

    def __init__(self, followup_window: FollowUpWindow) -> None:
        super().__init__(followup_window)
        self.followup_window = followup_window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.followup_window.hide()
        return False


def build_followup_window(window: QMainWindow) -> FollowUpWindow:
    """The Opvolging window of the main window (which builds it when first asked for it)."""
    followup_window = FollowUpWindow(window)
    window.installEventFilter(_HideWithWindow(followup_window))
    return followup_window


def install_followup_ui(window: QMainWindow) -> None:
    """The Actielijst, Besluitenlijst, Personen, search (Ctrl+F) and the approval controls."""
    window.approval_controls = ApprovalControls(window)
    live = getattr(window, "live_mode", None)
    if live is not None:
        live.approve_previous = window.approval_controls.approve_previous
    tr = window.tr
    entries = (
        (tr("&Actielijst"), "actions_view", "Ctrl+Shift+L"),
        (tr("&Besluitenlijst"), "decisions_view", None),
        (tr("&Personen"), "people_view", None),
        (tr("&Zoeken in het archief…"), "search_view", QKeySequence.StandardKey.Find),
    )
    window.menu_view.addSeparator()
    for text, page, keys in entries:
        action = window._action(text, lambda _=False, p=page: _show_page(window, p), keys)
        window.menu_view.addAction(action)


def _show_page(window: QMainWindow, page: str) -> None:
    followup_window = window.followup_window
    followup_window.show_page(getattr(followup_window, page))
