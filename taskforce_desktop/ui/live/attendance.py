"""Who is here: one button per attendee, and a name filter that reaches every one of them.

Alt+1 … Alt+9 toggle the first nine attendees. A committee has more members than that, so
a filter field (Alt+0) takes a few letters of any name; Enter marks the first match arrived,
or left when that person is already here, and the cursor goes back to the notes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QToolButton,
    QWidget,
)

from taskforce_desktop.core.edits import Target
from taskforce_desktop.core.models import Presence
from taskforce_desktop.core.records import AttendeeRecord
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.accessibility import (
    StatusLabel,
    add_clear_button,
    name_scroll_bars,
)
from taskforce_desktop.ui.widgets.colours import MARK_CONTRAST, readable

MAX_ATTENDEE_KEYS = 9
PRESENT_MARK = QColor("#2e6b3c")
# The pale green alone was 1.30:1 against the window: the state is also a 2 px frame of at
# least 3:1 and a check mark, and the screen reader hears "aanwezig".
PRESENT_STYLE = (
    "QToolButton:checked { background: #d8efdc; border: 2px solid %s;"
    " border-radius: 3px; padding: 0px 2px; }"
)


def _folded(text: str) -> str:
    """Lower case without accents: "hene" finds "Hélène"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_here(attendee: AttendeeRecord) -> bool:
    return attendee.presence == Presence.PRESENT and attendee.departed_at is None


class AttendanceStrip(QWidget):
    """The attendee buttons and their filter; ``done`` asks for the cursor back in the notes."""

    done = Signal()

    def __init__(
        self, session: MeetingSession, now: Callable[[], dt.time], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.now = now
        self.buttons: list[QToolButton] = []
        self._present_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self._shown_ids: list[int] = []

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Naam typen, Enter"))
        self.filter.setAccessibleName(self.tr("Deelnemer zoeken"))
        self.filter.setAccessibleDescription(
            self.tr(
                "Typ een paar letters van een naam. Enter meldt de eerste die past aanwezig, "
                "of vertrokken als die er al is."
            )
        )
        add_clear_button(self.filter)
        self.filter.setMaximumWidth(self.fontMetrics().horizontalAdvance("x" * 24))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._toggle_first_match)
        filter_caption = QLabel(self.tr("Deelnemer zoeken (Alt+0):"), self)
        filter_caption.setBuddy(self.filter)
        self.match_hint = StatusLabel(self.tr("Wat Enter doet"), self)

        # A dozen attendees are wider than a laptop screen: in a plain row they pushed the
        # clock, the leave button and the due-date field off the right edge. They scroll.
        content = QWidget(self)
        # Offscreen and in some styles a checked tool button looks nearly like an unchecked
        # one; who is here must be plain from across the table.
        content.setStyleSheet(
            PRESENT_STYLE
            % readable(PRESENT_MARK, self.palette().window().color(), MARK_CONTRAST).name()
        )
        self.row = QHBoxLayout(content)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.row.addStretch(1)
        self.scroll_area = QScrollArea(self)
        name_scroll_bars(self.scroll_area, self.tr("Aanwezig"))
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Measured once on a sample button: measured after each rebuild, half-built rows
        # gave a strip a few pixels high, which looked empty.
        probe = QToolButton(content)
        probe.setCheckable(True)
        probe.setChecked(True)
        probe.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        probe.setIcon(self._present_icon)
        button_height = probe.sizeHint().height()
        probe.setParent(None)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.scroll_area.setFixedHeight(button_height + scroll_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Aanwezig (Alt+cijfer):"), self))
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(filter_caption)
        layout.addWidget(self.filter)
        layout.addWidget(self.match_hint)

    def _attendees(self) -> tuple[AttendeeRecord, ...]:
        meeting = self.session.meeting
        return meeting.attendees if meeting else ()

    def show_attendees(self) -> None:
        """Show the open meeting's attendees; the buttons are rebuilt only when they changed."""
        attendees = self._attendees()
        ids = [attendee.id for attendee in attendees]
        if ids != self._shown_ids:
            self._rebuild(len(ids))
            self._shown_ids = ids
        for index, attendee in enumerate(attendees):
            self._show(index, attendee, is_here(attendee))
        self._apply_filter()

    def _rebuild(self, count: int) -> None:
        for button in self.buttons:
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        for index in range(count):
            button = QToolButton(self.scroll_area.widget())
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.toggle(i))
            self.row.insertWidget(index, button)
            self.buttons.append(button)

    def _show(self, index: int, attendee: AttendeeRecord, here: bool) -> None:
        button = self.buttons[index]
        key = f"{index + 1} " if index < MAX_ATTENDEE_KEYS else ""
        button.setText(f"{key}{attendee.person.name}")
        button.setChecked(here)
        button.setIcon(self._present_icon if here else QIcon())
        state = self.tr("aanwezig") if here else self.tr("niet aanwezig")
        button.setAccessibleName(f"{attendee.person.name}: {state}")

    def toggle(self, index: int) -> None:
        """Mark someone arrived (not here yet, or left earlier) or left, at this minute."""
        attendees = self._attendees()
        if not 0 <= index < len(attendees):
            return
        attendee = attendees[index]
        now = self.now()
        edit = self.session.edit
        if is_here(attendee):
            edit(Target.ATTENDEE, attendee.id, "departed_at", now)
        else:
            edit(Target.ATTENDEE, attendee.id, "presence", Presence.PRESENT)
            edit(Target.ATTENDEE, attendee.id, "departed_at", None)
            if attendee.arrived_at is None:
                edit(Target.ATTENDEE, attendee.id, "arrived_at", now)
        self._show(index, attendee, not is_here(attendee))
        self._apply_filter()  # the hint says what Enter does to that person now

    # --- the filter -------------------------------------------------------------------

    def _matches(self) -> list[int]:
        wanted = _folded(self.filter.text().strip())
        return [
            index
            for index, attendee in enumerate(self._attendees())
            if wanted in _folded(attendee.person.name)
        ]

    def _apply_filter(self) -> None:
        matches = set(self._matches())
        for index, button in enumerate(self.buttons):
            button.setVisible(index in matches)
        self.match_hint.setText(self._hint(sorted(matches)))

    def _hint(self, matches: list[int]) -> str:
        if not self.filter.text().strip():
            return ""
        if not matches:
            return self.tr("niemand gevonden")
        first = self._attendees()[matches[0]]
        if is_here(first):
            return self.tr("Enter: {0} vertrokken").format(first.person.name)
        return self.tr("Enter: {0} aanwezig").format(first.person.name)

    def _toggle_first_match(self) -> None:
        matches = self._matches() if self.filter.text().strip() else []
        if not matches:
            return
        self.toggle(matches[0])
        self.clear_filter()
        self.done.emit()

    def clear_filter(self) -> None:
        self.filter.clear()

    def filter_in_use(self) -> bool:
        return self.filter.hasFocus() or bool(self.filter.text())

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()
