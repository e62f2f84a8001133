"""The live view: the current point large, its Impressie and Conclusie, the clock, who is here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import approval, services
from taskforce_desktop.core.edits import Target
from taskforce_desktop.core.models import AgendaKind
from taskforce_desktop.core.records import AgendaItemRecord
from taskforce_desktop.ui.display import clock_text, date_text
from taskforce_desktop.ui.live.attendance import MAX_ATTENDEE_KEYS, AttendanceStrip
from taskforce_desktop.ui.live.capture import QuickCapture
from taskforce_desktop.ui.live.timing import TIMING_STYLES, Visit, timing_state, whole_minutes
from taskforce_desktop.ui.notes_tab import section_label, show_markdown
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.accessibility import StatusLabel, announce
from taskforce_desktop.ui.widgets.action_review import ActionReviewList
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor
from taskforce_desktop.ui.widgets.scrolling_page import fill_with_scrolling

Clock = Callable[[], dt.datetime]
# The last few are enough to see one land; the point's tab lists them all.
ADDED_SHOWN = 3


class LiveMode(QWidget):
    """The live view over a MeetingSession; ``enter``/``leave`` are called by the window.

    Every value shown is read from the session's open meeting; every change goes through the
    session (texts and times through the autosave writer, new rows through ``session.run``).
    """

    left = Signal()  # she went back to the tabs, everything saved
    approve_previous = Signal()  # she asked to approve the previous verslag

    def __init__(
        self,
        session: MeetingSession,
        settings: QSettings,
        clock: Clock = dt.datetime.now,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.item_id = 0
        self.visit: Visit | None = None
        self.shortcuts: list[QShortcut] = []
        self.active = False
        self.setAccessibleName(self.tr("Live"))

        self.meeting_label = QLabel(self)
        self.clock_label = StatusLabel(self.tr("Klok"), self)
        self.remaining_label = StatusLabel(self.tr("Resterende vergadertijd"), self)
        self.leave_button = QPushButton(self.tr("Terug naar de tabbladen (Esc)"), self)
        self.leave_button.clicked.connect(self.leave)
        top = QHBoxLayout()
        top.addWidget(self.meeting_label, 1)
        top.addWidget(self.remaining_label)
        top.addWidget(self.clock_label)
        top.addWidget(self.leave_button)

        self.item_label = StatusLabel(self.tr("Huidig agendapunt"), self)
        self.item_label.setWordWrap(True)
        font = self.item_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.item_label.setFont(font)
        self.detail_label = QLabel(self)
        self.timing_label = StatusLabel(self.tr("Tijd op dit agendapunt"), self)
        self.timing = "normal"
        self._was_over_time = False
        heading = QHBoxLayout()
        heading.addWidget(self.item_label, 1)
        heading.addWidget(self.timing_label, 0, Qt.AlignmentFlag.AlignTop)

        self.editor = self._editor(
            self.tr("Impressie"), self.tr("Wat er besproken wordt…"), "notes"
        )
        self.conclusion = self._editor(
            self.tr("Conclusie"), self.tr("Waar het punt op uitkomt…"), "conclusion"
        )
        editors = QHBoxLayout()
        for caption, editor, stretch in (
            (self.tr("&Impressie"), self.editor, 3),
            (self.tr("&Conclusie"), self.conclusion, 2),
        ):
            column = QVBoxLayout()
            column.addWidget(section_label(caption, self, editor))
            column.addWidget(editor, 1)
            editors.addLayout(column, stretch)

        # The standing points: "Actielijst" reviews the open actions, "Verslag vorige
        # vergadering" approves the previous verslag.
        self.review_list = ActionReviewList(self.session, self)
        self.review_list.ticked.connect(self._typed_here)
        self.approve_button = QPushButton(self.tr("Vorig verslag &vaststellen…"), self)
        self.approve_button.clicked.connect(self._approve_previous)
        self.capture = QuickCapture(self, settings)
        self.attendance = AttendanceStrip(session, self._minute, self)
        self.attendance.done.connect(self._back_from_search)
        # What was added to this point, next to where it is typed: the count alone sat above
        # the Actielijst's open actions of the last meeting and read as if about those.
        self.added_label = StatusLabel(self.tr("Vastgelegd bij dit agendapunt"), self)
        self.added_label.setWordWrap(True)
        self.added_label.setTextFormat(Qt.TextFormat.PlainText)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addLayout(top)
        layout.addLayout(heading)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.review_list)
        layout.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(editors, 1)
        layout.addWidget(self.added_label)
        layout.addWidget(self.capture)
        layout.addWidget(self.capture.note)
        layout.addWidget(self.attendance)
        # At 200 % text on a laptop the page is taller than the window: it scrolls.
        fill_with_scrolling(self, page, self.tr("Live"))

        self._shortcut("Ctrl+PgDown", lambda: self.step(1), self.tr("Volgend agendapunt"))
        self._shortcut("Ctrl+PgUp", lambda: self.step(-1), self.tr("Vorig agendapunt"))
        self._shortcut(
            "Ctrl+Shift+B", lambda: self.open_capture("decision"), self.tr("Nieuw besluit")
        )
        self._shortcut(
            "Ctrl+Shift+A", lambda: self.open_capture("action"), self.tr("Nieuw actiepunt")
        )
        self._shortcut(
            "Esc", self._escape, self.tr("Paneel sluiten, zoeken wissen of terug naar de tabbladen")
        )
        self._shortcut("Ctrl+E", self._focus_notes, self.tr("Naar de impressie"))
        self._shortcut("Alt+0", self.attendance.focus_filter, self.tr("Deelnemer zoeken"))
        attendee_keys = self.tr("Deelnemer 1 tot {0} aanwezig of vertrokken (Alt+1 … Alt+{0})")
        for number in range(1, MAX_ATTENDEE_KEYS + 1):
            # One line in Help for all of them.
            meaning = attendee_keys.format(MAX_ATTENDEE_KEYS) if number == 1 else ""
            self._shortcut(f"Alt+{number}", partial(self.attendance.toggle, number - 1), meaning)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        session.meeting_loaded.connect(self._on_meeting_loaded)

    def _editor(self, name: str, placeholder: str, field: str) -> MarkdownEditor:
        editor = MarkdownEditor(self, accessible_name=name, placeholder=placeholder)
        editor.edited.connect(lambda: self._text_edited(editor, field))
        font = editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        editor.setFont(font)
        return editor

    def _shortcut(self, keys: str, slot: Callable[[], None], meaning: str) -> None:
        # Window-wide while live (a reload may move the focus), off otherwise.
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setWhatsThis(meaning)  # listed under Help → Sneltoetsen when given
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setEnabled(False)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)

    def _enable_shortcuts(self, enabled: bool) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(enabled)

    def _focus_notes(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self.attendance.clear_filter()
        self.attendance.show_attendees()
        self.capture.show_note()
        self._show_item(self.session.current_item_id or meeting.agenda[0].id)
        self.ticker.start()
        self.tick()
        self._enable_shortcuts(True)
        self.active = True
        self._focus_notes()
        return True

    def _escape(self) -> None:
        searching = self.attendance.filter.hasFocus() and self.attendance.filter.text()
        # The window's Esc comes before the suggestion list's own: it closed the whole panel.
        if self.capture.close_suggestions():
            return
        if searching:  # the search first: the panel she came from keeps what she typed
            self.attendance.clear_filter()
            self._back_from_search()
        elif self.capture.isVisible():
            self.capture.close_panel()
        elif self.attendance.filter_in_use():
            self.attendance.clear_filter()
            self._focus_notes()
        else:
            self.leave()

    def _back_from_search(self) -> None:
        if self.capture.isVisible():
            self.capture.resume()
        else:
            self._focus_notes()

    def leave(self) -> None:
        self._settle_visit()
        self.active = False
        self.ticker.stop()
        self._enable_shortcuts(False)
        self.capture.put_away()
        self.attendance.clear_filter()
        self.session.writer.flush_blocking()
        self.session.reload()
        self.left.emit()

    def _on_meeting_loaded(self, meeting) -> None:
        if not self.active or meeting is None:
            return
        self.attendance.show_attendees()
        item = self._item()
        if item is None:
            self.leave()
            return
        show_markdown(self.editor, item.notes)
        show_markdown(self.conclusion, item.conclusion)
        self._show_details(item)

    # --- the current point ------------------------------------------------------------

    def _item(self) -> AgendaItemRecord | None:
        return self.session.agenda_item(self.item_id)

    def _show_item(self, item_id: int) -> None:
        self.item_id = item_id
        self.session.select_agenda_item(item_id)
        item = self._item()
        if item is None:  # deleted meanwhile: the next reload leaves live mode
            return
        self.editor.show_markdown_of(item_id, item.notes)
        self.conclusion.show_markdown_of(item_id, item.conclusion)
        self.visit = Visit.begin(item_id, self._now(), self._meeting_start())
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
            details.append(self.tr("Nieuw bij dit punt: {0}").format(", ".join(counted)))
        self.detail_label.setText(" · ".join(details))
        self._show_added(item)
        self.approve_button.setVisible(item.kind is AgendaKind.PREVIOUS_MINUTES)
        self.review_list.setVisible(item.kind is AgendaKind.ACTION_REVIEW)
        if item.kind is AgendaKind.ACTION_REVIEW:
            self.review_list.show_open_actions()
        meeting = self.session.meeting
        if meeting is not None:
            self.meeting_label.setText(f"{meeting.committee.name} · {meeting.title}")

    def _show_added(self, item: AgendaItemRecord) -> None:
        """This point's decisions, then its actions, the last few: she sees what she added land."""
        lines = [
            self.tr("Besluit {0}: {1}").format(decision.number, decision.text)
            for decision in item.decisions
        ]
        for action in item.actions:
            parts = [action.description, action.owner, date_text(action.due)]
            lines.append(
                self.tr("Actiepunt {0}: {1}").format(
                    action.number, " — ".join(part for part in parts if part)
                )
            )
        earlier = len(lines) - ADDED_SHOWN
        if earlier > 0:
            lines = [self.tr("… en {0} eerder").format(earlier), *lines[-ADDED_SHOWN:]]
        self.added_label.setText("\n".join(lines))
        self.added_label.setVisible(bool(lines))

    def _meeting_start(self) -> dt.datetime | None:
        """When the meeting is planned to begin, if that is today."""
        meeting = self.session.meeting
        if meeting is None or meeting.start_time is None or meeting.date != self._now().date():
            return None
        return dt.datetime.combine(meeting.date, meeting.start_time)

    def _now(self) -> dt.datetime:
        return self.clock().replace(microsecond=0)

    def _minute(self) -> dt.time:
        return self._now().time().replace(second=0)

    def step(self, offset: int) -> None:
        """To the next / previous point; see ``Visit`` for when that stamps start and end."""
        meeting = self.session.meeting
        ids = [item.id for item in meeting.agenda] if meeting is not None else []
        if self.item_id not in ids:
            return
        index = ids.index(self.item_id) + offset
        if not 0 <= index < len(ids):
            return
        if self._settle_visit():
            self.session.edit(Target.AGENDA_ITEM, self.item_id, "ended_at", self._now())
        self._show_item(ids[index])
        # The cursor stays in the Impressie: without this she would not hear where she is.
        announce(self.item_label, self.item_label.text())
        self.tick()

    def _settle_visit(self) -> bool:
        """Stamp the start of a point that counts as discussed; False if it does not."""
        item = self._item()
        if item is None or self.visit is None or not self.visit.counts(item, self._now()):
            return False
        if item.started_at is None:
            self.session.edit(Target.AGENDA_ITEM, item.id, "started_at", self.visit.since)
        return True

    def _typed_here(self) -> None:
        """She worked on this point (typed, added, ticked off): it is being discussed."""
        if self.visit is not None and not self.visit.typed:
            self.visit.worked(self._now())
            self._settle_visit()

    def _text_edited(self, editor: MarkdownEditor, field: str) -> None:
        if self.item_id:
            self.session.edit_text(Target.AGENDA_ITEM, self.item_id, field, editor)
            self._typed_here()

    def _approve_previous(self) -> None:
        self._typed_here()
        self.approve_previous.emit()

    # --- time -------------------------------------------------------------------------

    def tick(self) -> None:
        now = self.clock()
        self.clock_label.setText(clock_text(now))
        item = self._item()
        if item is None or self.visit is None:
            return
        self._settle_visit()
        elapsed = self.visit.elapsed(item, now)
        minutes = whole_minutes(elapsed)
        if item.planned_minutes:
            self.timing_label.setText(
                self.tr("{0} van {1} min").format(minutes, item.planned_minutes)
            )
        else:
            self.timing_label.setText(self.tr("{0} min").format(minutes))
        timing = timing_state(elapsed, item.planned_minutes)
        if timing == "red" and self.timing != "red":
            # The colour alone is not heard: say it once, when the point runs over.
            announce(self.timing_label, self.tr("Over de geplande tijd van dit agendapunt"))
        self.timing = timing
        self.timing_label.setStyleSheet(TIMING_STYLES[self.timing])
        remaining = self._remaining_text(now)
        over_time = self._over_time(now)
        if over_time and not self._was_over_time:
            announce(self.remaining_label, remaining)
        self._was_over_time = over_time
        self.remaining_label.setText(remaining)

    def _minutes_left(self, now: dt.datetime) -> int | None:
        meeting = self.session.meeting
        # Typing up a past meeting (or trying a future one) showed "Nog 2616356 min".
        if meeting is None or meeting.end_time is None or meeting.date != now.date():
            return None
        return whole_minutes(dt.datetime.combine(meeting.date, meeting.end_time) - now)

    def _over_time(self, now: dt.datetime) -> bool:
        left = self._minutes_left(now)
        return left is not None and left < 0

    def _remaining_text(self, now: dt.datetime) -> str:
        left = self._minutes_left(now)
        if left is None:
            return ""
        if left >= 0:
            return self.tr("Nog {0} min").format(left)
        return self.tr("{0} min over tijd").format(-left)

    # --- quick capture ----------------------------------------------------------------

    def open_capture(self, kind: str) -> None:
        meeting = self.session.meeting
        owners = [a.person.name for a in meeting.attendees] if meeting is not None else []
        self.capture.open(kind, owners)

    def add_decision(self, text: str) -> bool:
        self._typed_here()
        return self.session.run(services.add_decision, self.item_id, text) is not None

    def add_action(self, description: str, owner: str, due: dt.date | None) -> bool:
        self._typed_here()
        return (
            self.session.run(services.add_action, self.item_id, description, owner=owner, due=due)
            is not None
        )
