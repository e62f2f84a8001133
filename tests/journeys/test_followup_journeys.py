"""Between meetings: the open actions of the last meeting come up at the next one's Actielijst."""

from __future__ import annotations

from journey_driver import Secretary
from PySide6.QtCore import Qt

from taskforce_desktop.core import followup, services
from taskforce_desktop.core.models import ActionStatus, AgendaKind


def test_the_actielijst_point_lists_the_open_actions_and_ticking_one_closes_it(qtbot, window):
    """Issue 16: carried-over actions showed only in the exported Actielijst, not at the point."""
    meeting = window.session.meeting
    action_id = services.add_action(
        window.store, meeting.agenda[1].id, "Notitie over de wijkteams", owner="Anna de Vries"
    )
    next_id = services.create_meeting_from_previous(
        window.store, meeting.committee.id, "2031-10-10"
    )
    window.refresh_meetings()
    window.open_meeting(next_id)
    review_point = next(i for i in window.session.meeting.agenda if i.kind is AgendaKind.ACTION_REVIEW)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    window.session.select_agenda_item(review_point.id)

    review = window.notes_tab.review
    assert review.isVisible()
    assert review.count() == 1 and "Notitie over de wijkteams" in review.item(0).text()
    review.setCurrentRow(0)
    review.setFocus()
    Secretary(qtbot, window).press(Qt.Key.Key_Space)  # ticked off, with the keyboard

    def closed_here():
        entry = followup.review_actions(window.store, next_id)[0].action
        return entry.status is ActionStatus.DONE and entry.closed_in_meeting_id == next_id

    qtbot.waitUntil(closed_here, timeout=5000)
    assert window.notes_tab.review.item(0).checkState() == Qt.CheckState.Checked
    assert action_id == followup.review_actions(window.store, next_id)[0].action.id
