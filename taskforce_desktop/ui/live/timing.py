"""Time in live mode: how far a point is over its plan, and when a point counts as discussed.

No Qt here: the rules are plain functions of the clock and the agenda point's record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from taskforce_desktop.core.records import AgendaItemRecord

AMBER_FROM = 0.8
TIMING_STYLES = {
    "normal": "",
    "amber": "color: #8a5a00; background: #ffe8b0; border-radius: 4px; padding: 2px 8px;",
    "red": "color: #ffffff; background: #b00020; border-radius: 4px; padding: 2px 8px;",
}
# Paging to the point being discussed takes a few seconds; a minute on a point is a choice.
OPENED_AFTER = dt.timedelta(minutes=1)


def timing_state(elapsed: dt.timedelta, planned_minutes: int | None) -> str:
    """ "normal", "amber" (80 % of the planned time used) or "red" (past it)."""
    if not planned_minutes:
        return "normal"
    used = elapsed.total_seconds() / (planned_minutes * 60)
    if used > 1:
        return "red"
    return "amber" if used >= AMBER_FROM else "normal"


def whole_minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


@dataclass
class Visit:
    """Live mode showing one agenda point, since the moment the secretary moved to it.

    The stamps ``started_at`` and ``ended_at`` say when the meeting discussed a point, and
    moving through the points in live mode is not the same thing: she pages past points to
    reach one, or goes back to read what was written. Stamping every point shown put start
    and end times on points not yet discussed. So a visit *counts* only when it is clearly
    the discussion:

    - she worked in the point (typed its Impressie or Conclusie, added a decision or an
      action, ticked off an action, approved the previous verslag), or
    - the point was not discussed before and stayed in front of her for ``OPENED_AFTER``, or
    - the point is open (started and not ended, for instance before she left live mode).

    A counting visit stamps ``started_at`` (if the point has none) with the moment she moved
    to the point, not the moment it began to count: that is when its discussion began. It
    stamps ``ended_at`` when she moves on to another point. Going back to a point already
    ended only to read it counts only once she types there; its discussion then resumed, and
    its end moves to when she leaves it again. Leaving live mode (Esc) ends nothing: she
    may only be looking something up on the tabs.

    Live mode is often opened before the meeting begins. A visit then starts at the
    meeting's planned start, or earlier when she types in the point before it: the Opening
    neither counts the minutes of waiting nor gets a start time from before the meeting.
    """

    item_id: int
    since: dt.datetime
    typed: bool = False

    @classmethod
    def begin(cls, item_id: int, now: dt.datetime, meeting_start: dt.datetime | None) -> Visit:
        if meeting_start is not None and now < meeting_start:
            return cls(item_id, meeting_start)
        return cls(item_id, now)

    def worked(self, now: dt.datetime) -> None:
        """She typed in the point (or added to it) at ``now``."""
        self.typed = True
        self.since = min(self.since, now)

    def counts(self, item: AgendaItemRecord, now: dt.datetime) -> bool:
        if self.typed:
            return True
        if item.ended_at is not None:
            return False
        return item.started_at is not None or now - self.since >= OPENED_AFTER

    def elapsed(self, item: AgendaItemRecord, now: dt.datetime) -> dt.timedelta:
        """The time on the point so far; for a finished point read again, how long it took."""
        if self.counts(item, now):
            return max(now - (item.started_at or self.since), dt.timedelta(0))
        if item.ended_at is not None:
            return item.ended_at - item.started_at if item.started_at else dt.timedelta(0)
        return max(now - self.since, dt.timedelta(0))
