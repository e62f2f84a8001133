"""Dates and times typed the way a Dutch secretary writes them.

``parse_due_date(text, today)`` reads due dates as she says them ("vrijdag", "14 okt",
"over 2 weken"); without a year, a day and month mean the next time that day comes (today
included), and a weekday means the next one after today. A due date said in a meeting
counts from the day it was said: the window passes the meeting's date as ``today``.
``parse_date(text, today)`` reads what she types into a date field ("16-9-2022",
"16092022", "16 sep 2022", "vrijdag 16 september 2022"); without a year it takes the day
nearest to today. ``parse_time`` reads "0900",
"9:00" or "9.00". Each returns None when the text is no date or time it knows, so the
caller can keep what was typed and ask again.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from taskforce_desktop.core.verslag import DAY_NAMES, MONTH_NAMES

# The Dutch names, for everything that reads or writes dates in core.
WEEKDAYS = DAY_NAMES
MONTHS = MONTH_NAMES
WEEKDAY_ABBREVIATIONS = ("ma", "di", "wo", "do", "vr", "za", "zo")
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
# Typed without separators on a number pad: "13012027", "130127". Only with a year: four
# digits alone are as likely a year or a time.
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:\s+|-)([a-z]+)\.?(?:(?:\s+|-)(\d{4}))?$")
_NEXT_WEEKDAY = re.compile(r"^(?:volgende week|volgende)\s+([a-z]+)$")
_WEEKDAY_BEFORE_DATE = re.compile(r"^([a-z]+)\.?\s+(?=\d)")
_TIME = re.compile(r"^([01]?\d|2[0-3])(?:[:.u]?([0-5]\d))?u?$")
# How far from today a day and month without a year is looked for (29 February included).
_YEARS_AROUND = 4


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
    if word in WEEKDAY_ABBREVIATIONS:
        return WEEKDAY_ABBREVIATIONS.index(word)
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


def _nearest_day_month(today: dt.date, month: int, day: int) -> dt.date | None:
    candidates = [
        candidate
        for year in range(today.year - _YEARS_AROUND, today.year + _YEARS_AROUND + 1)
        if (candidate := _safe_date(year, month, day)) is not None
    ]
    return min(candidates, key=lambda candidate: abs(candidate - today), default=None)


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


def _words(text: str) -> str:
    return " ".join((text or "").strip().casefold().replace(",", " ").split())


def _written_date(words: str, without_year: Callable[[int, int], dt.date | None]) -> dt.date | None:
    """A date written out with digits or a month name; ``without_year(month, day)`` picks
    the year when none is written."""
    if match := _NUMERIC.match(words) or _COMPACT.match(words):
        day, month, year = match.groups()
        if year:
            return _safe_date(_full_year(year), int(month), int(day))
        return without_year(int(month), int(day))
    if match := _DAY_MONTH_NAME.match(words):
        day, month_word, year = match.groups()
        month = _month_number(month_word)
        if month is None:
            return None
        if year:
            return _safe_date(int(year), month, int(day))
        return without_year(month, int(day))
    try:
        return dt.date.fromisoformat(words)
    except ValueError:
        return None


def parse_due_date(text: str, today: dt.date) -> dt.date | None:
    words = _words(text)
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
    return _written_date(words, lambda month, day: _next_day_month(today, month, day))


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date typed into a date field; a weekday written before it must be that date's."""
    words = _words(text)
    weekday = None
    if match := _WEEKDAY_BEFORE_DATE.match(words):
        weekday = _weekday_number(match.group(1))
        if weekday is None:
            return None
        words = words[match.end() :]
    day = _written_date(words, lambda month, day: _nearest_day_month(today, month, day))
    if day is None or (weekday is not None and day.weekday() != weekday):
        return None
    return day


def parse_time(text: str) -> dt.time | None:
    """ "0900", "900", "9:00", "9.00", "9u30" and "9" are all a time of day."""
    match = _TIME.match((text or "").strip().casefold())
    if match is None:
        return None
    hours, minutes = match.groups()
    return dt.time(int(hours), int(minutes or 0))
