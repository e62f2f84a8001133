"""Dates and enum values look the same wherever the window shows them, and as in the verslag."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from taskforce_desktop.core.models import ActionStatus, MeetingStatus
from taskforce_desktop.core.verslag import dutch_date
from taskforce_desktop.ui import display

UI = Path(display.__file__).parent


def test_the_window_writes_a_date_as_the_verslag_does():
    day = dt.date(2031, 3, 3)
    assert display.long_date(day) == dutch_date(day) == "maandag 3 maart 2031"
    assert display.date_text(day) == "3 maart 2031"
    assert display.short_date(day) == "3 mrt 2031"
    assert display.numeric_date(day) == "03-03-2031"
    assert display.date_text(None) == display.short_date(None) == ""


def test_a_moment_is_shown_in_local_time_with_its_weekday():
    moment = dt.datetime(2022, 9, 16, 10, 5).astimezone()
    assert display.moment_text(moment.astimezone(dt.UTC)) == "vrijdag 16 september 2022 10:05"
    assert display.clock_text(moment) == "10:05"


def test_statuses_read_the_same_in_every_list(qapp):
    assert display.label(ActionStatus.DONE) == "Afgerond"
    assert display.label(MeetingStatus.FINAL) == "Definitief"


def test_no_other_ui_module_formats_dates_itself():
    """Another formatter would drift: a second spelling of the same date in the window."""
    own_formatting = re.compile(r"toString\(QDate|strftime\(|MMMM|dddd|FormatType\.LongFormat")
    offenders = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "display.py" and own_formatting.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
