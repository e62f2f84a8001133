"""Due dates typed the way a Dutch secretary says them: "vrijdag", "14 okt", "over 2 weken".

``parse_due_date(text, today)`` returns a date or None when the text is no date it knows,
so the caller can keep what was typed and ask again. Without a year, a day and month mean
the next time that day comes (today included); a weekday means the next one after today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from taskforce_desktop.core.verslag import DAY_NAMES, MONTH_NAMES

# The Dutch names, for everything that reads or writes dates in core.
WEEKDAYS = DAY_NAMES
MONTHS = MONTH_NAMES
_WEEKDAY_ABBREVIATIONS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}
_RELATIVE_DAYS = {"vandaag": 0, "morgen": 1, "overmorgen": 2}

_IN_PERIOD = re.compile(r"^over (\d+|[a-zé]+) (dag|dagen|week|weken|maand|maanden|jaar)$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
_NEXT_WEEKDAY = re.compile(r"^(?:volgende week|volgende)\s+([a-z]+)$")


def _month_number(word: str) -> int | None:
    """ "okt", "oktober", "sept" and "mrt" all name a month."""
    if word == "mrt":
        return 3
    if len(word) < 3:
        return None
    for number, month in enumerate(MONTH_NAMES, start=1):
        if month.startswith(word):
            return number
    return None


def _weekday_number(word: str) -> int | None:
    if word in _WEEKDAY_ABBREVIATIONS:
        return _WEEKDAY_ABBREVIATIONS.index(word)
    if word in DAY_NAMES:
        return DAY_NAMES.index(word)
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_day_month(today: dt.date, month: int, day: int) -> dt.date | None:
    this_year = _safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    # 29 February: the next year that has it.
    for year in range(today.year + 1, today.year + 9):
        candidate = _safe_date(year, month, day)
        if candidate is not None:
            return candidate
    return None


def _full_year(year_text: str) -> int:
    year = int(year_text)
    return 2000 + year if len(year_text) == 2 else year


def _period(today: dt.date, amount: int, unit: str) -> dt.date:
    if unit.startswith("dag"):
        return today + dt.timedelta(days=amount)
    if unit.startswith("we"):
        return today + dt.timedelta(weeks=amount)
    if unit.startswith("maand"):
        return _add_months(today, amount)
    return _add_months(today, 12 * amount)


def parse_due_date(text: str, today: dt.date) -> dt.date | None:
    words = " ".join((text or "").strip().casefold().replace(",", " ").split())
    if not words:
        return None
    if words in _RELATIVE_DAYS:
        return today + dt.timedelta(days=_RELATIVE_DAYS[words])
    if words in ("volgende week", "over een week"):
        return today + dt.timedelta(weeks=1)
    if words in ("eind van de maand", "einde maand", "eind deze maand"):
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    weekday = _weekday_number(words)
    if weekday is not None:
        return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    if match := _NEXT_WEEKDAY.match(words):
        weekday = _weekday_number(match.group(1))
        if weekday is None:
            return None
        next_monday = today + dt.timedelta(days=7 - today.weekday())
        return next_monday + dt.timedelta(days=weekday)
    if match := _IN_PERIOD.match(words):
        amount_text, unit = match.groups()
        amount = int(amount_text) if amount_text.isdigit() else _NUMBER_WORDS.get(amount_text)
        if amount is None:
            return None
        try:
            return _period(today, amount, unit)
        except (OverflowError, ValueError):  # "over 99999 jaar"
            return None
    if match := _NUMERIC.match(words):
        day, month, year = match.groups()
        if year:
            return _safe_date(_full_year(year), int(month), int(day))
        return _next_day_month(today, int(month), int(day))
    if match := _DAY_MONTH_NAME.match(words):
        day, month_word, year = match.groups()
        month = _month_number(month_word)
        if month is None:
            return None
        if year:
            return _safe_date(int(year), month, int(day))
        return _next_day_month(today, month, int(day))
    try:
        return dt.date.fromisoformat(words)
    except ValueError:
        return None
