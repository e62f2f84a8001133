"""Live mode: a calm, full-window view for taking notes while the meeting runs.

The current agenda point large, its notes editor focused, a clock, the time spent on this
point against its planned minutes (amber from 80 %, red past 100 %) and the time left for
the meeting. Ctrl+PgDown / Ctrl+PgUp move to the next / previous point and record when each
point started and ended. Alt+1 … Alt+9 mark attendee 1 … 9 arrived or left, with the time.
Ctrl+Shift+B captures a decision, Ctrl+Shift+A an action (owner from the attendees, due
date typed the Dutch way). Esc or F11 returns to the tabs with everything saved.

Every change goes through the session: texts and times through the same autosave writer
the tabs use, new decisions and actions through ``session.run``. The clock is injected
(a callable returning a naive local datetime) so tests drive time themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import approval, followup, services
from taskforce_desktop.core.dutch_dates import parse_due_date
from taskforce_desktop.core.models import ActionStatus, AgendaKind, Presence
from taskforce_desktop.core.records import AgendaItemRecord, AttendeeRecord
from taskforce_desktop.ui.autosave import Target
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor

Clock = Callable[[], dt.datetime]

AMBER_FROM = 0.8
TIMING_STYLES = {
    "normal": "",
    "amber": "color: #8a5a00; background: #ffe8b0; border-radius: 4px; padding: 2px 8px;",
    "red": "color: #ffffff; background: #b00020; border-radius: 4px; padding: 2px 8px;",
}
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
MAX_ATTENDEE_KEYS = 9


def timing_state(elapsed: dt.timedelta, planned_minutes: int | None) -> str:
    """ "normal", "amber" (80 % of the planned time used) or "red" (past it)."""
    if not planned_minutes:
        return "normal"
    used = elapsed.total_seconds() / (planned_minutes * 60)
    if used > 1:
        return "red"
    return "amber" if used >= AMBER_FROM else "normal"


def dutch_long_date(day: dt.date) -> str:
    return DUTCH.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def _minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


class QuickCapture(QFrame):
    """The inline panel for a decision or an action; Enter saves, Esc closes."""

    def __init__(self, live: LiveMode) -> None:
        super().__init__(live)
        self.live = live
        self.kind = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self)
        self.text = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("Wie"))
        self.owner.setAccessibleName(self.tr("Wie voert het actiepunt uit"))
        self.due = QLineEdit(self)
        self.due.setPlaceholderText(self.tr("Wanneer: vrijdag, 14 okt, over 2 weken"))
        self.due.setAccessibleName(self.tr("Wanneer"))
        self.due_hint = QLabel(self)
        self.due_hint.setAccessibleName(self.tr("Herkende datum"))
        self.caption.setBuddy(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.caption)
        row.addWidget(self.text, 3)
        row.addWidget(self.owner, 1)
        row.addWidget(self.due, 1)
        row.addWidget(self.due_hint)
        for field in (self.text, self.owner, self.due):
            field.returnPressed.connect(self.save)
        self.due.textChanged.connect(self._show_due)
        self.hide()

    def open(self, kind: str, owners: list[str]) -> None:
        self.kind = kind
        is_action = kind == "action"
        self.caption.setText(self.tr("&Actiepunt:") if is_action else self.tr("&Besluit:"))
        self.text.setAccessibleName(
            self.tr("Omschrijving van het actiepunt")
            if is_action
            else self.tr("Tekst van het besluit")
        )
        for field in (self.owner, self.due, self.due_hint):
            field.setVisible(is_action)
        for field in (self.text, self.owner, self.due):
            field.clear()
        self.due_hint.clear()
        completer = QCompleter(owners, self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def due_date(self) -> dt.date | None:
        return parse_due_date(self.due.text(), self.live.clock().date())

    def _show_due(self) -> None:
        if not self.due.text().strip():
            self.due_hint.clear()
            return
        due = self.due_date()
        self.due_hint.setText(dutch_long_date(due) if due else self.tr("onbekende datum"))

    def save(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        if self.kind == "action":
            if self.due.text().strip() and self.due_date() is None:
                self.due.setFocus()
                self.due.selectAll()
                return
            saved = self.live.add_action(text, self.owner.text().strip(), self.due_date())
        else:
            saved = self.live.add_decision(text)
        if saved:
            self.close_panel()

    def close_panel(self) -> None:
        self.hide()
        self.live.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            return
        super().keyPressEvent(event)


class LiveMode(QWidget):
    """The live view over a MeetingSession; ``enter``/``leave`` are called by the window."""

    def __init__(
        self, session: MeetingSession, clock: Clock = dt.datetime.now, parent=None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.item_id = 0
        self.on_leave: Callable[[], None] = lambda: None
        # What live mode set, by (target, id, field): the session's record is only reloaded
        # after structural changes, not after each autosave write.
        self._set_here: dict[tuple[Target, int, str], object] = {}
        self.attendee_buttons: list[QToolButton] = []
        self.shortcuts: list[QShortcut] = []
        self.active = False
        self.setAccessibleName(self.tr("Live"))

        self.meeting_label = QLabel(self)
        self.clock_label = QLabel(self)
        self.clock_label.setAccessibleName(self.tr("Klok"))
        self.remaining_label = QLabel(self)
        self.remaining_label.setAccessibleName(self.tr("Resterende vergadertijd"))
        self.leave_button = QPushButton(self.tr("Terug naar de tabbladen (Esc)"), self)
        self.leave_button.clicked.connect(self.leave)
        top = QHBoxLayout()
        top.addWidget(self.meeting_label, 1)
        top.addWidget(self.remaining_label)
        top.addWidget(self.clock_label)
        top.addWidget(self.leave_button)

        self.item_label = QLabel(self)
        self.item_label.setWordWrap(True)
        self.item_label.setAccessibleName(self.tr("Huidig agendapunt"))
        font = self.item_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.item_label.setFont(font)
        self.detail_label = QLabel(self)
        self.timing_label = QLabel(self)
        self.timing_label.setAccessibleName(self.tr("Tijd op dit agendapunt"))
        self.timing = "normal"
        heading = QHBoxLayout()
        heading.addWidget(self.item_label, 1)
        heading.addWidget(self.timing_label, 0, Qt.AlignmentFlag.AlignTop)

        self.editor = MarkdownEditor(
            self,
            accessible_name=self.tr("Impressie"),
            placeholder=self.tr("Wat er besproken wordt…"),
        )
        self.editor.edited.connect(self._notes_edited)
        editor_font = self.editor.font()
        editor_font.setPointSizeF(editor_font.pointSizeF() * 1.25)
        self.editor.setFont(editor_font)

        # The standing points: "Actielijst" reviews the open actions, "Verslag vorige
        # vergadering" approves the previous verslag.
        self.review_list = QListWidget(self)
        self.review_list.setAccessibleName(self.tr("Openstaande actiepunten (spatie: afgerond)"))
        self.review_list.itemChanged.connect(self._review_item_changed)
        self.approve_button = QPushButton(self.tr("Vorig verslag &vaststellen…"), self)
        self.approve_previous: Callable[[], None] = lambda: None
        self.approve_button.clicked.connect(lambda: self.approve_previous())
        self.capture = QuickCapture(self)
        # A dozen attendees are wider than a laptop screen: in a plain row they pushed the
        # clock, the leave button and the due-date field off the right edge. They scroll instead.
        strip_content = QWidget(self)
        self.attendance_strip = QHBoxLayout(strip_content)
        self.attendance_strip.setContentsMargins(0, 0, 0, 0)
        self.attendance_strip.setSpacing(4)
        self.attendance_scroll = QScrollArea(self)
        self.attendance_scroll.setWidget(strip_content)
        self.attendance_scroll.setWidgetResizable(True)
        self.attendance_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.attendance_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attendance_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip_caption = QLabel(self.tr("Aanwezig (Alt+cijfer):"), self)
        strip_row = QHBoxLayout()
        strip_row.addWidget(strip_caption)
        strip_row.addWidget(self.attendance_scroll, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addLayout(top)
        layout.addLayout(heading)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.review_list)
        layout.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.capture)
        layout.addLayout(strip_row)

        self._shortcut("Ctrl+PgDown", lambda: self.step(1))
        self._shortcut("Ctrl+PgUp", lambda: self.step(-1))
        self._shortcut("Ctrl+Shift+B", lambda: self.open_capture("decision"))
        self._shortcut("Ctrl+Shift+A", lambda: self.open_capture("action"))
        self._shortcut("Esc", self._escape)
        for number in range(1, MAX_ATTENDEE_KEYS + 1):
            self._shortcut(f"Alt+{number}", lambda n=number: self.toggle_attendee(n - 1))

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        session.meeting_loaded.connect(self._on_meeting_loaded)

    def _shortcut(self, keys: str, slot: Callable[[], None]) -> None:
        # Window-wide while live (a reload may move the focus), off otherwise.
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setEnabled(False)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)

    def _enable_shortcuts(self, enabled: bool) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(enabled)

    # --- entering and leaving ---------------------------------------------------------

    def enter(self) -> bool:
        """Start on the session's current point; False (and a message) when not possible."""
        meeting = self.session.meeting
        if meeting is None:
            return False
        if not meeting.agenda:
            self.session.problem.emit(self.tr("Deze vergadering heeft nog geen agendapunten."))
            return False
        if approval.is_locked(self.session.store, meeting.id):
            self.session.problem.emit(
                self.tr(
                    "Dit verslag is vastgesteld; live notuleren kan alleen in een open verslag."
                )
            )
            return False
        self._set_here.clear()
        self._build_attendance()
        self._show_item(self.session.current_item_id or meeting.agenda[0].id)
        self._start_item()
        self.ticker.start()
        self.tick()
        self._enable_shortcuts(True)
        self.active = True
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _escape(self) -> None:
        if self.capture.isVisible():
            self.capture.close_panel()
        else:
            self.leave()

    def _set(self, target: Target, object_id: int, field: str, value: object) -> None:
        self._set_here[(target, object_id, field)] = value
        self.session.edit(target, object_id, field, value)

    def _value(self, target: Target, record, field: str):
        key = (target, record.id, field)
        if key in self._set_here:
            return self._set_here[key]
        return getattr(record, field)

    def leave(self) -> None:
        self.active = False
        self.ticker.stop()
        self._enable_shortcuts(False)
        self.capture.hide()
        self.session.writer.flush_blocking()
        self.session.reload()
        self.on_leave()

    def _on_meeting_loaded(self, meeting) -> None:
        if not self.active or meeting is None:
            return
        self._build_attendance()
        item = self.session.agenda_item(self.item_id)
        if item is None:
            self.leave()
            return
        self._show_details(item)

    # --- the current point ------------------------------------------------------------

    def _show_item(self, item_id: int) -> None:
        self.item_id = item_id
        self.session.select_agenda_item(item_id)
        item = self.session.agenda_item(item_id)
        self.editor.set_markdown(self._value(Target.AGENDA_ITEM, item, "notes"))
        self._show_details(item)

    def _show_details(self, item: AgendaItemRecord) -> None:
        self.item_label.setText(f"{item.number}. {item.title}")
        details = []
        if item.presenter:
            details.append(self.tr("Inbreng: {0}").format(item.presenter))
        if item.planned_minutes:
            details.append(self.tr("Gepland: {0} min").format(item.planned_minutes))
        # Proper Dutch singular and plural; "0 besluit(en), 1 actiepunt(en)" read like a form.
        counts = (
            (len(item.decisions), self.tr("1 besluit"), self.tr("{0} besluiten")),
            (len(item.actions), self.tr("1 actiepunt"), self.tr("{0} actiepunten")),
        )
        counted = [one if n == 1 else many.format(n) for n, one, many in counts if n]
        if counted:
            details.append(", ".join(counted))
        self.detail_label.setText(" · ".join(details))
        self.approve_button.setVisible(item.kind is AgendaKind.PREVIOUS_MINUTES)
        self.review_list.setVisible(item.kind is AgendaKind.ACTION_REVIEW)
        if item.kind is AgendaKind.ACTION_REVIEW:
            self._show_review()
        meeting = self.session.meeting
        self.meeting_label.setText(f"{meeting.committee.name} · {meeting.title}")

    def _start_item(self) -> None:
        item = self.session.agenda_item(self.item_id)
        if item is not None and self._value(Target.AGENDA_ITEM, item, "started_at") is None:
            self._set(Target.AGENDA_ITEM, item.id, "started_at", self._now())

    def _now(self) -> dt.datetime:
        return self.clock().replace(microsecond=0)

    def step(self, offset: int) -> None:
        """To the next / previous point: this one ends now, that one starts (if not yet)."""
        meeting = self.session.meeting
        ids = [item.id for item in meeting.agenda]
        index = ids.index(self.item_id) + offset
        if not 0 <= index < len(ids):
            return
        self._set(Target.AGENDA_ITEM, self.item_id, "ended_at", self._now())
        self._show_item(ids[index])
        self._start_item()
        self.tick()

    def _notes_edited(self) -> None:
        if self.item_id:
            self._set(Target.AGENDA_ITEM, self.item_id, "notes", self.editor.markdown())

    def _show_review(self) -> None:
        meeting = self.session.meeting
        self.review_list.blockSignals(True)
        self.review_list.clear()
        for entry in followup.review_actions(self.session.store, meeting.id):
            action = entry.action
            parts = [f"{action.number} {action.description}", action.owner]
            if action.due:
                parts.append(dutch_long_date(action.due))
            item = QListWidgetItem(" — ".join(part for part in parts if part), self.review_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = action.status is not ActionStatus.OPEN
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, action.id)
        if not self.review_list.count():
            self.review_list.addItem(
                self.tr("Geen openstaande actiepunten uit eerdere vergaderingen.")
            )
        self.review_list.blockSignals(False)

    def _review_item_changed(self, item: QListWidgetItem) -> None:
        action_id = item.data(Qt.ItemDataRole.UserRole)
        if not action_id:
            return
        done = item.checkState() == Qt.CheckState.Checked
        status = ActionStatus.DONE if done else ActionStatus.OPEN
        meeting_id = self.session.meeting_id
        # Later: the reload rebuilds this list, which must not happen inside its own signal.
        QTimer.singleShot(
            0, lambda: self.session.run(followup.close_action, action_id, status, meeting_id)
        )

    # --- time -------------------------------------------------------------------------

    def tick(self) -> None:
        now = self.clock()
        self.clock_label.setText(DUTCH.toString(QTime(now.hour, now.minute), "HH:mm"))
        item = self.session.agenda_item(self.item_id)
        if item is None:
            return
        started = self._value(Target.AGENDA_ITEM, item, "started_at")
        elapsed = now - started if started else dt.timedelta(0)
        minutes = _minutes(elapsed)
        if item.planned_minutes:
            self.timing_label.setText(
                self.tr("{0} van {1} min").format(minutes, item.planned_minutes)
            )
        else:
            self.timing_label.setText(self.tr("{0} min").format(minutes))
        self.timing = timing_state(elapsed, item.planned_minutes)
        self.timing_label.setStyleSheet(TIMING_STYLES[self.timing])
        self.remaining_label.setText(self._remaining_text(now))

    def _remaining_text(self, now: dt.datetime) -> str:
        meeting = self.session.meeting
        # Typing up a past meeting (or trying a future one) showed "Nog 2616356 min".
        if meeting.end_time is None or meeting.date != now.date():
            return ""
        left = _minutes(dt.datetime.combine(meeting.date, meeting.end_time) - now)
        if left >= 0:
            return self.tr("Nog {0} min").format(left)
        return self.tr("{0} min over tijd").format(-left)

    # --- attendance -------------------------------------------------------------------

    def _build_attendance(self) -> None:
        for button in self.attendee_buttons:
            self.attendance_strip.removeWidget(button)
            button.deleteLater()
        self.attendee_buttons = []
        for index, attendee in enumerate(self.session.meeting.attendees):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.toggle_attendee(i))
            self.attendance_strip.addWidget(button)
            self.attendee_buttons.append(button)
            self._show_attendee(index, attendee)
        self.attendance_strip.addStretch(1)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.attendance_scroll.setFixedHeight(
            self.attendance_scroll.widget().sizeHint().height() + scroll_bar
        )

    def _is_here(self, attendee: AttendeeRecord) -> bool:
        return (
            self._value(Target.ATTENDEE, attendee, "presence") == Presence.PRESENT
            and self._value(Target.ATTENDEE, attendee, "departed_at") is None
        )

    def _show_attendee(self, index: int, attendee: AttendeeRecord) -> None:
        button = self.attendee_buttons[index]
        here = self._is_here(attendee)
        key = f"{index + 1} " if index < MAX_ATTENDEE_KEYS else ""
        button.setText(f"{key}{attendee.person.name}")
        button.setChecked(here)
        state = self.tr("aanwezig") if here else self.tr("niet aanwezig")
        button.setAccessibleName(f"{attendee.person.name}: {state}")

    def toggle_attendee(self, index: int) -> None:
        """Mark someone arrived (not here yet, or left earlier) or left, at this minute."""
        attendees = self.session.meeting.attendees if self.session.meeting else ()
        if not 0 <= index < len(attendees):
            return
        attendee = attendees[index]
        now = self._now().time().replace(second=0)
        if self._is_here(attendee):
            self._set(Target.ATTENDEE, attendee.id, "departed_at", now)
        else:
            self._set(Target.ATTENDEE, attendee.id, "presence", Presence.PRESENT)
            self._set(Target.ATTENDEE, attendee.id, "departed_at", None)
            if self._value(Target.ATTENDEE, attendee, "arrived_at") is None:
                self._set(Target.ATTENDEE, attendee.id, "arrived_at", now)
        self._show_attendee(index, attendee)

    # --- quick capture ----------------------------------------------------------------

    def open_capture(self, kind: str) -> None:
        owners = [a.person.name for a in self.session.meeting.attendees]
        self.capture.open(kind, owners)

    def add_decision(self, text: str) -> bool:
        return self.session.run(services.add_decision, self.item_id, text) is not None

    def add_action(self, description: str, owner: str, due: dt.date | None) -> bool:
        return (
            self.session.run(services.add_action, self.item_id, description, owner=owner, due=due)
            is not None
        )


_SHARED_KEYS_ATTRIBUTES = (
    "act_next_item",
    "act_previous_item",
    "act_new_decision",
    "act_new_action",
)


def install_live_mode(window: QMainWindow, clock: Clock = dt.datetime.now) -> LiveMode:
    """Add live mode to the main window: a toolbar button "Live" and F11."""
    live = LiveMode(window.session, clock, window)
    window.pages.addWidget(live)
    window.live_mode = live
    saved_keys: dict[str, list[QKeySequence]] = {}
    chrome = [window.meeting_panel, window.menuBar(), window.statusBar(), window.toolbar]

    def enter() -> None:
        if window.pages.currentWidget() is live:
            live.leave()
            return
        window.writer.flush_blocking()
        if not live.enter():
            return
        # The window's own keys for the same commands would make these ambiguous.
        for name in _SHARED_KEYS_ATTRIBUTES:
            action = getattr(window, name)
            saved_keys[name] = action.shortcuts()
            action.setShortcuts([])
        for widget in chrome:
            widget.hide()
        window.pages.setCurrentWidget(live)
        live.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave() -> None:
        for name, keys in saved_keys.items():
            getattr(window, name).setShortcuts(keys)
        saved_keys.clear()
        for widget in chrome:
            widget.show()
        window.refresh_meetings()
        window.tabs.setCurrentWidget(window.notes_tab)

    def keep_live_page(_index: int) -> None:
        # The window shows its tabs again after every reload; live mode stays in front.
        if live.active and window.pages.currentWidget() is not live:
            window.pages.setCurrentWidget(live)

    window.pages.currentChanged.connect(keep_live_page)
    live.on_leave = leave
    action = window._action(
        window.tr("&Live"),
        enter,
        "F11",
        window.tr("Rustig scherm om tijdens de vergadering te notuleren (F11, Esc om terug)"),
    )
    window.act_live = action
    window.meeting_actions.append(action)
    window.toolbar.addSeparator()
    window.toolbar.addAction(action)
    window.menu_view.addSeparator()
    window.menu_view.addAction(action)
    return live
