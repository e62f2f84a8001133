"""A date field with a calendar that may also be empty ("geen datum")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(2000, 1, 1)
DATE_SEPARATORS = ("-", "/", ".")


class OptionalDateEdit(QDateEdit):
    # Like QLineEdit's: a row of fields can then add its item on Enter in any of them.
    returnPressed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d-M-yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("geen datum"))
        self._advanced_by_digit = False
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == NO_DATE else date.toPython()

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(NO_DATE)
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        # "geen datum" has no day, month or year sections, so typed digits were refused: start
        # from today with the day selected, and the typed date lands section by section.
        if self.value() is None and text.isdigit():
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.DaySection)
        # After a two-digit day Qt already moves on to the month; the "-" typed next would skip
        # the month too, and "15-12-2026" became 15-11-2202.
        if text in DATE_SEPARATORS and self._advanced_by_digit:
            self._advanced_by_digit = False
            event.accept()
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._advanced_by_digit = text.isdigit() and self.currentSection() != section
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
