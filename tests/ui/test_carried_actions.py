"""The open actions of earlier meetings at the next meeting's Actielijst point (issue 16)."""

from PySide6.QtCore import Qt

from taskforce_desktop.core import followup, services
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.ui.widgets.carried_actions import CarriedActionsPanel


def test_the_next_meeting_lists_the_open_actions_and_closes_one_there(
    qtbot, make_window, store, sample_meeting_id
):
    committee = services.load_meeting(store, sample_meeting_id).committee.id
    next_id = services.create_meeting_from_previous(store, committee, "2032-01-16")
    window = make_window()
    window.open_meeting(next_id)
    panel = CarriedActionsPanel(window.session)
    qtbot.addWidget(panel)
    panel.show_meeting(next_id)

    model = panel.table.model()
    numbers = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert numbers == ["2031-11/1", "2031-11/2", "2031-11/3", "2031-11/4"]
    assert model.index(0, 1).data() == "Uitgewerkt voorstel met planning opstellen"
    assert model.index(0, 2).data() == "Sanne Verhoef" and model.index(0, 4).data() == "Open"
    assert panel.empty.isHidden()

    panel.table.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    closed = next(a for a in followup.review_actions(store, next_id) if a.number == "2031-11/2")
    assert closed.action.status is ActionStatus.DONE
    assert closed.action.closed_in_meeting_id == next_id
    assert model.index(1, 4).data() == "Afgerond"  # still listed, to see and to undo
    assert panel.table.currentIndex().row() == 2
    open_numbers = {
        a.number for a in followup.committee_actions(store, committee, status=ActionStatus.OPEN)
    }
    assert "2031-11/2" not in open_numbers

    panel.table.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert model.index(1, 4).data() == "Open"


def test_a_first_meeting_has_nothing_carried_over(qtbot, make_window, sample_meeting_id):
    window = make_window()
    panel = CarriedActionsPanel(window.session)
    qtbot.addWidget(panel)
    panel.show_meeting(sample_meeting_id)
    assert panel.table.model().rowCount() == 0
    assert not panel.empty.isHidden() and not panel.done_button.isEnabled()
