"""A clock the live-mode tests move by hand: no test waits for real minutes to pass."""

from __future__ import annotations

import datetime as dt

START = dt.datetime(2031, 9, 12, 10, 0)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)
