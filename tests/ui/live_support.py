"""For the live-mode tests: a clock they move by hand (no test waits for real minutes),
and the next meeting of the committee."""

from __future__ import annotations

import datetime as dt

from taskforce_desktop.core import services

START = dt.datetime(2031, 9, 12, 10, 0)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def open_the_next_meeting(window, clock: FakeClock) -> int:
    """The committee's next meeting, made from the open one and opened with ``clock``."""
    committee = window.session.meeting.committee.id
    meeting = services.create_meeting_from_previous(window.store, committee, "2031-11-14")
    window.refresh_meetings()
    window.open_meeting(meeting)
    window.live.view.clock = clock
    return meeting
