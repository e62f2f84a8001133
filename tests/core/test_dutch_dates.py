"""Due dates typed the Dutch way, relative to a fixed today (Wednesday 8 October 2031)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskforce_desktop.core.dutch_dates import parse_date, parse_due_date, parse_time

TODAY = dt.date(2031, 10, 8)  # a Wednesday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vandaag", dt.date(2031, 10, 8)),
        ("morgen", dt.date(2031, 10, 9)),
        ("Overmorgen", dt.date(2031, 10, 10)),
        ("vrijdag", dt.date(2031, 10, 10)),
        ("vr", dt.date(2031, 10, 10)),
        ("woensdag", dt.date(2031, 10, 15)),  # today is Wednesday: the next one
        ("maandag", dt.date(2031, 10, 13)),
        ("volgende week dinsdag", dt.date(2031, 10, 14)),
        ("volgende vrijdag", dt.date(2031, 10, 17)),
        ("volgende week", dt.date(2031, 10, 15)),
        ("over 2 weken", dt.date(2031, 10, 22)),
        ("over twee weken", dt.date(2031, 10, 22)),
        ("over een week", dt.date(2031, 10, 15)),
        ("over 10 dagen", dt.date(2031, 10, 18)),
        ("over 1 maand", dt.date(2031, 11, 8)),
        ("over drie maanden", dt.date(2032, 1, 8)),
        ("14 okt", dt.date(2031, 10, 14)),
        ("14 okt.", dt.date(2031, 10, 14)),
        ("14 oktober", dt.date(2031, 10, 14)),
        ("3 mrt", dt.date(2032, 3, 3)),  # already past this year: next year
        ("1 sept", dt.date(2032, 9, 1)),
        ("8 oktober", dt.date(2031, 10, 8)),  # today itself
        ("14 oktober 2033", dt.date(2033, 10, 14)),
        ("15-10", dt.date(2031, 10, 15)),
        ("15/10", dt.date(2031, 10, 15)),
        ("1-2", dt.date(2032, 2, 1)),
        ("15-10-2031", dt.date(2031, 10, 15)),
        ("15-10-32", dt.date(2032, 10, 15)),
        ("29-2", dt.date(2032, 2, 29)),
        ("2031-12-01", dt.date(2031, 12, 1)),
        ("eind van de maand", dt.date(2031, 10, 31)),
        ("  Vrijdag  ", dt.date(2031, 10, 10)),
    ],
)
def test_dutch_phrases(typed, expected):
    assert parse_due_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "ooit",
        "31-2",
        "32 okt",
        "14 oct",
        "over veel weken",
        "volgende blauw",
        "13-13",
        "over 99999999 jaar",
    ],
)
def test_unknown_text_gives_none(typed):
    assert parse_due_date(typed, TODAY) is None


def test_month_arithmetic_keeps_to_the_last_day():
    assert parse_due_date("over 1 maand", dt.date(2031, 1, 31)) == dt.date(2031, 2, 28)


@settings(max_examples=200)
@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_none(typed):
    result = parse_due_date(typed, TODAY)
    assert result is None or isinstance(result, dt.date)


# --- what is typed into a date field ---------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "16-9-2022",
        "16-09-2022",
        "16/9/2022",
        "16.9.2022",
        "16-9-22",
        "16092022",
        "160922",
        "16 sep 2022",
        "16 sep. 2022",
        "16 sept 2022",
        "16 september 2022",
        "16-sep-2022",
        "16 September 2022",
        "2022-09-16",
        "vrijdag 16 september 2022",
        "vr 16-9-2022",
        "  16   september   2022 ",
    ],
)
def test_a_date_field_takes_the_date_however_it_is_written(typed):
    assert parse_date(typed, TODAY) == dt.date(2022, 9, 16)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Without a year: the day nearest to today.
        ("16-9", dt.date(2031, 9, 16)),  # three weeks ago, not next year
        ("14 jan", dt.date(2032, 1, 14)),  # three months ahead, not last year
        ("8-10", TODAY),
        ("29-2", dt.date(2032, 2, 29)),
        # Half typed, or no date at all.
        ("", None),
        ("1", None),
        ("16", None),
        ("16-9-", None),
        ("16-9-202", None),
        ("1609", None),  # a year or a time as likely as a day and month
        ("1609202", None),
        ("31092022", None),
        ("31-9-2022", None),
        ("16 sep 202", None),
        ("zaterdag 16 september 2022", None),  # 16 September 2022 was a Friday
        ("blauw 16 september 2022", None),
        ("vrijdag", None),  # a due date, not the date of a date field
        ("over 2 weken", None),
    ],
)
def test_a_date_field_reads_a_day_and_month_or_refuses(typed, expected):
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0900", dt.time(9, 0)),
        ("900", dt.time(9, 0)),
        ("9:00", dt.time(9, 0)),
        ("09:00", dt.time(9, 0)),
        ("9.00", dt.time(9, 0)),
        ("9", dt.time(9, 0)),
        ("9u30", dt.time(9, 30)),
        ("1330", dt.time(13, 30)),
        ("23:59", dt.time(23, 59)),
        (" 10:15 ", dt.time(10, 15)),
    ],
)
def test_a_time_field_takes_the_time_however_it_is_written(typed, expected):
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "24:00", "2400", "9:60", "12345", "negen", "9:5"])
def test_a_time_field_refuses_what_is_no_time(typed):
    assert parse_time(typed) is None


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_every_date_written_as_the_field_shows_it_reads_back(day):
    assert parse_date(f"{day.day}-{day.month}-{day.year}", TODAY) == day
