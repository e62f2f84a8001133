"""Date and time fields that take what the secretary types.

A date is edited as plain text ("16-9-2022", "16 sep 2022", "16 september 2022") and read
by ``core.dutch_dates``; the weekday of what she typed is shown beside the text, never in
it (a ``QDateEdit`` with the weekday in front shifted its sections as the name's length
changed, so "2022" became "000022"). Alt+Down or F4 opens a calendar. Tab always leaves
the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QValidator,
)
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QToolTip,
    QWidget,
)

from taskforce_desktop.core.dutch_dates import (
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    parse_date,
    parse_due_date,
    parse_time,
)
from taskforce_desktop.ui.display import date_text, long_date, python_date, qdate
from taskforce_desktop.ui.widgets.accessibility import announce

_WEEKDAY_GAP = 6  # pixels between the typed text and the weekday beside it
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The calendar button only, not the buttons inside the calendar popup (also a child).
_OWN_CHILDREN = Qt.FindChildOption.FindDirectChildrenOnly


def _numeric_date(day: dt.date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


class DateField(QLineEdit):
    """A date that is typed, or picked from the calendar; the meeting's own date.

    ``dateChanged`` is emitted when the date is taken: on Enter, when the focus leaves, on
    a pick from the calendar and on ``setDate``. Text that is no date is refused with a
    beep and a hint: on Enter the text stays to be corrected, on leaving the field the date
    shown before comes back and ``refused`` says what was typed.
    """

    dateChanged = Signal(QDate)
    refused = Signal(str)  # what she typed that was no date, as she left the field
    may_be_empty = False
    written: Callable[[dt.date], str] = staticmethod(date_text)
    weekday_names: tuple[str, ...] = WEEKDAYS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: Callable[[], dt.date] = dt.date.today
        self._value: dt.date | None = None if self.may_be_empty else self.today()
        self.calendar: _CalendarPopup | None = None
        calendar_action = self.addAction(
            QIcon.fromTheme(
                "x-office-calendar", self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
            ),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        calendar_action.setText(self.tr("Kalender"))
        calendar_action.setToolTip(self.tr("Kalender (Alt+Omlaag of F4)"))
        calendar_action.triggered.connect(self.open_calendar)
        widest_weekday = max(
            self.fontMetrics().horizontalAdvance(name) for name in self.weekday_names
        )
        self.setTextMargins(0, 0, widest_weekday + _WEEKDAY_GAP, 0)
        # As wide as its longest date, so the weekday stays beside the date it belongs to.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._show_weekday)
        self._show_text()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        texts = [self.written(dt.date(2030, month, 28)) for month in range(1, 13)]
        longest = max(metrics.horizontalAdvance(text) for text in [*texts, self.placeholderText()])
        # QLineEdit's own hint leaves room for 17 "x"; give that room to the longest date.
        return QSize(hint.width() - 17 * metrics.horizontalAdvance("x") + longest, hint.height())

    # --- the value ----------------------------------------------------------------------

    def value(self) -> dt.date | None:
        """The date the text says, or the date taken last while the text is no date."""
        text = self.text().strip()
        if not text and self.may_be_empty:
            return None
        return self._typed_day() or self._value

    def set_value(self, value: dt.date | None) -> None:
        if value is None and not self.may_be_empty:
            return
        changed = value != self._value
        self._value = value
        self._show_text()
        if changed:
            self.dateChanged.emit(qdate(value) if value else QDate())

    def date(self) -> QDate:
        value = self.value()
        return qdate(value) if value else QDate()

    def setDate(self, date: QDate) -> None:
        self.set_value(python_date(date))

    def _show_text(self) -> None:
        self.setText(self.written(self._value) if self._value else "")
        # Also when a view loads a meeting with this field's signals blocked.
        self._show_weekday()

    def holds_a_date(self) -> bool:
        """What the field shows can be taken: a date, or nothing where nothing is allowed."""
        return self._typed_day() is not None or (self.may_be_empty and not self.text().strip())

    def _take_typed_date(self) -> bool:
        """Take the typed text as the date; False (with a beep and a hint) when it is no date."""
        if not self.holds_a_date():
            self.explain_refusal()
            return False
        self.set_value(self._typed_day())
        return True

    def refusal_hint(self) -> str:
        return self.tr("Geen datum. Typ bijvoorbeeld 13-1-2027, 13 jan 2027 of 13012027.")

    def explain_refusal(self) -> None:
        """Say, beside the field and to a screen reader, how a date is written: a beep
        alone left her guessing why the date she typed was not taken."""
        QApplication.beep()
        hint = self.refusal_hint()
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), hint, self)
        announce(self, hint)

    # --- the weekday beside the text ----------------------------------------------------

    def _typed_day(self) -> dt.date | None:
        text = self.text().strip()
        return parse_date(text, self.today()) if text else None

    def _show_weekday(self) -> None:
        day = self._typed_day()
        self.setAccessibleDescription(long_date(day) if day else self.placeholderText())
        self.update()

    def shown_weekday(self) -> str:
        """The weekday shown beside the text: of the date typed so far, or none."""
        day = self._typed_day()
        return self.weekday_names[day.weekday()] if day else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        weekday = self.shown_weekday()
        if not weekday:
            return
        contents = self.contentsRect()
        right = min(
            [
                button.geometry().left()
                for button in self.findChildren(QToolButton, options=_OWN_CHILDREN)
            ],
            default=contents.right(),
        )
        width = self.textMargins().right() - _WEEKDAY_GAP
        area = QRect(right - width, contents.top(), width, contents.height())
        painter = QPainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.Text))
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, weekday)

    # --- keyboard and calendar ----------------------------------------------------------

    def _opens_calendar(self, event: QKeyEvent) -> bool:
        calendar_key = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        return bool(calendar_key) and not self.isReadOnly()

    def event(self, event: QEvent) -> bool:
        # A table's Alt+Down (move the row down) must not take the key from its date cell.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._opens_calendar(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._opens_calendar(event):
            self.open_calendar()
            event.accept()
            return
        if event.key() in _ENTER_KEYS and not self._take_typed_date():
            self.selectAll()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        opening_own_calendar = self.calendar is not None and self.calendar.isVisible()
        if not opening_own_calendar and not self._take_typed_date():
            refused = self.text()
            self._show_text()
            self.refused.emit(refused)
        super().focusOutEvent(event)

    def open_calendar(self) -> None:
        """Show a month to pick the date from, at the typed date (or today)."""
        if self._typed_day() is not None:
            # Taken now: a click beside the calendar closes it without giving the focus back.
            self._take_typed_date()
        if self.calendar is None:
            self.calendar = _CalendarPopup(self)
            self.calendar.picked.connect(self._pick)
        self.calendar.show_at(self, self._value or self.today())

    def _pick(self, date: QDate) -> None:
        self.set_value(python_date(date))
        self.setFocus(Qt.FocusReason.PopupFocusReason)


class OptionalDateEdit(DateField):
    """A date that may also be empty ("geen datum"): a due date, the approval date.

    Compact for rows of fields and table cells: "16-9-2022" with "vr" beside it.
    """

    may_be_empty = True
    written = staticmethod(_numeric_date)
    weekday_names = WEEKDAY_ABBREVIATIONS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("geen datum"))
        self._show_weekday()


def due_remark(due: dt.date, meeting_day: dt.date) -> str:
    """The date a due date will be, and gently, when it falls before the meeting: typed as
    a date it is taken all the same (it may be a correction), but it was often a slip."""
    written = long_date(due)
    if due >= meeting_day:
        return written
    return QCoreApplication.translate(
        "DueDateField", "{0}, let op: vóór de vergadering van {1}"
    ).format(written, date_text(meeting_day))


class DueDateField(OptionalDateEdit):
    """When an action is due: also "vrijdag", "over 2 weken" or "14 okt", as Live takes it,
    counted from ``meeting_day()``. A due date said in a meeting counts from that meeting,
    also when she writes the minutes up later or prepares them before.

    ``remark_changed`` says the date it will be (and whether it falls before the meeting)
    for a label beside the field; the field's description says it too.
    """

    remark_changed = Signal(str)

    def __init__(self, meeting_day: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        self.meeting_day = meeting_day
        super().__init__(parent)
        self.today = meeting_day  # the calendar opens at the meeting's month, too

    def refusal_hint(self) -> str:
        return self.tr("Geen datum. Typ bijvoorbeeld vrijdag, over 2 weken, 14 okt of 13-1-2027.")

    def _typed_day(self) -> dt.date | None:
        text = self.text().strip()
        return parse_due_date(text, self.meeting_day()) if text else None

    def remark(self) -> str:
        due = self._typed_day()
        return due_remark(due, self.meeting_day()) if due else ""

    def _show_weekday(self) -> None:
        super()._show_weekday()
        remark = self.remark()
        if remark:
            self.setAccessibleDescription(remark)
        self.remark_changed.emit(remark)


class _CalendarPopup(QCalendarWidget):
    """The month below a date field; Enter or a click picks the day, Escape goes back."""

    picked = Signal(QDate)

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self._field = field
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setAccessibleName(self.tr("Kalender"))
        self.activated.connect(self._pick)
        self.clicked.connect(self._pick)

    def show_at(self, field: DateField, day: dt.date) -> None:
        self.setSelectedDate(qdate(day))
        self.move(field.mapToGlobal(field.rect().bottomLeft()))
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            self._field.setFocus(Qt.FocusReason.PopupFocusReason)
            return
        super().keyPressEvent(event)

    def _pick(self, date: QDate) -> None:
        self.close()
        self.picked.emit(date)


class TimeField(QLineEdit):
    """A time of day: "0900", "900", "9:00" and "9.00" all become 09:00.

    The time is written out as soon as nothing more can follow ("0900", "9:00"), else on
    Enter or when the focus leaves ("9" becomes 09:00). Those completions are edits like
    typing, so ``textEdited`` reports them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._validator = _TimeValidator(self)
        self.setValidator(self._validator)
        self.setPlaceholderText(self.tr("UU:MM"))
        self.setMaximumWidth(90)

    def is_written_out(self) -> bool:
        """Empty or a whole time; False while one is half typed ("9:0")."""
        state = self._validator.validate(self.text().strip(), 0)[0]
        return state is QValidator.State.Acceptable

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS:
            self._write_out()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._write_out()
        super().focusOutEvent(event)

    def _write_out(self) -> None:
        time = parse_time(self.text())
        if time is not None and self.text() != _written_time(time):
            self.selectAll()
            self.insert(_written_time(time))


def _written_time(time: dt.time) -> str:
    return f"{time:%H:%M}"


class _TimeValidator(QValidator):
    """Refuses keys that cannot lead to a time; writes out a time that is complete."""

    _LONGEST = len("09:00")
    _DIGITS = "0123456789"

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = text.strip()
        if not typed:
            return QValidator.State.Acceptable, text, pos
        if len(typed) > self._LONGEST or not self._can_become_a_time(typed):
            return QValidator.State.Invalid, text, pos
        time = parse_time(typed)
        if time is not None and (typed == _written_time(time) or self._is_complete(typed)):
            written = _written_time(time)
            return QValidator.State.Acceptable, written, len(written)
        return QValidator.State.Intermediate, text, pos

    def _extensions(self, typed: str) -> list[str]:
        return [typed + a for a in self._DIGITS] + [
            typed + a + b for a in self._DIGITS for b in self._DIGITS
        ]

    def _can_become_a_time(self, typed: str) -> bool:
        return any(parse_time(text) for text in (typed, typed + "00", typed + ":00", typed + "0"))

    def _is_complete(self, typed: str) -> bool:
        """Nothing typed after it can still make a time ("0900" and "9:00", not "130")."""
        return not any(parse_time(text) for text in self._extensions(typed))
