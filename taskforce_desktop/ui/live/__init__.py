"""Live mode: a calm, full-window view for taking notes while the meeting runs.

The current agenda point large, its Impressie and Conclusie side by side, a clock, the time
spent on this point against its planned minutes (amber from 80 %, red past 100 %) and the
time left for the meeting. Ctrl+PgDown / Ctrl+PgUp move to the next / previous point; a
point's start and end are stamped only when it was really discussed (``timing.Visit``).
Alt+1 … Alt+9 mark attendee 1 … 9 arrived or left, with the time; Alt+0 finds anyone by
name. Ctrl+Shift+B captures a decision, Ctrl+Shift+A an action (owner from the attendees,
due date typed the Dutch way). Esc or F11 returns to the tabs with everything saved.

The clock is injected (a callable returning a naive local datetime) so tests drive time
themselves.

- ``timing``: the timing colours and the rule for start and end times (no Qt)
- ``attendance``: the attendee buttons and the name filter
- ``capture``: the quick capture panel for a decision or an action
- ``view``: the live view itself
- ``switch``: the toolbar button, F11, and hiding the window's chrome
"""

from taskforce_desktop.ui.live.switch import LiveModeSwitch
from taskforce_desktop.ui.live.timing import timing_state
from taskforce_desktop.ui.live.view import LiveMode

__all__ = ["LiveMode", "LiveModeSwitch", "timing_state"]
