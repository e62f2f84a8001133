"""Due dates typed the Dutch way, relative to a fixed today (Wednesday 8 October 2031)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskforce_desktop.core.dutch_dates import parse_due_date

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
