"""A date field with a calendar that may also be empty ("geen datum")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d-M-yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("geen datum"))
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == NO_DATE else date.toPython()

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(NO_DATE)
        else:
            self.setDate(QDate(value.year, value.month, value.day))
