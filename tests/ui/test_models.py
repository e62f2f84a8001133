"""The item models: Qt's model contract (qtmodeltester) and what an edit announces."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from taskforce_desktop.core import services
from taskforce_desktop.core.models import ActionStatus, Presence, Purpose
from taskforce_desktop.ui.models.meeting_list import (
    MEETING_ID_ROLE,
    MeetingFilterModel,
    MeetingListModel,
)
from taskforce_desktop.ui.models.tables import ActionsModel, AgendaModel, AttendeesModel


@pytest.fixture
def meeting(store):
    committee = services.create_committee(store, "College voor Dienstverleningszaken")
    meeting_id = services.create_meeting(store, committee.id, date="2031-03-14", title="Maart")
    services.add_attendee(store, meeting_id, "Carla Smit", "Gemeente Oosterveld", role="chair")
    services.add_attendee(store, meeting_id, "Dirk Bakker", presence="excused")
    first = services.add_agenda_item(store, meeting_id, "Opening", planned_minutes=5)
    services.add_agenda_item(store, meeting_id, "Begroting", purpose="decision", confidential=True)
    services.add_agenda_item(store, meeting_id, "Rondvraag")
    services.add_action(store, first, "Notitie rondsturen", owner="Carla", due="2031-04-01")
    services.add_action(store, first, "Zaal reserveren", status="done")
    return services.load_meeting(store, meeting_id)


def test_attendees_model_contract_and_edits(qtmodeltester, meeting):
    model = AttendeesModel()
    model.set_records(meeting.attendees)
    qtmodeltester.check(model, force_py=True)
    edits = []
    model.value_edited.connect(lambda record, field, value: edits.append((record, field, value)))

    assert model.index(0, 0).data() == "Carla Smit"
    assert model.index(0, 4).data() == "Voorzitter"
    assert model.index(1, 5).data() == "Afgemeld"
    assert model.setData(model.index(0, 0), "  Carla   Smit-de Wit ")
    record, field, value = edits[-1]
    assert (field, value, record.person.name) == ("name", "Carla Smit-de Wit", "Carla Smit-de Wit")
    assert not model.setData(model.index(0, 0), "   "), "a name may not be emptied"
    assert model.cycle_presence(0) is Presence.EXCUSED
    assert model.cycle_presence(0) is Presence.ABSENT
    assert model.cycle_presence(0) is Presence.PRESENT
    assert [e[2] for e in edits[-3:]] == [Presence.EXCUSED, Presence.ABSENT, Presence.PRESENT]


def test_agenda_model_contract_numbers_and_checkboxes(qtmodeltester, meeting):
    model = AgendaModel()
    model.set_records(meeting.agenda)
    qtmodeltester.check(model, force_py=True)
    edits = []
    model.value_edited.connect(lambda record, field, value: edits.append((field, value)))

    assert [model.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]
    assert model.index(1, model.heading_column).data() == "2. Begroting"
    assert model.index(1, 2).data() == "Besluitvorming"
    confidential = model.index(1, model.column_of("confidential"))
    assert confidential.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(
        confidential, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert edits[-1] == ("confidential", False)
    assert model.setData(model.index(2, 2), Purpose.OPINION.value)
    assert edits[-1] == ("purpose", Purpose.OPINION)
    assert model.setData(model.index(0, model.column_of("planned_minutes")), 0)
    assert edits[-1] == ("planned_minutes", None)
    assert model.setData(model.index(2, 0), "3a")
    assert model.index(2, model.heading_column).data() == "3a. Rondvraag"


def test_agenda_drop_announces_a_move_and_removes_nothing(qtbot, meeting):
    model = AgendaModel()
    model.set_records(meeting.agenda)
    data = model.mimeData([model.index(0, 1)])
    with qtbot.waitSignal(model.move_requested) as moved:
        # Dropped below the last row: the first point becomes the last.
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert moved.args == [meeting.agenda[0].id, 2]
    assert model.rowCount() == 3


def test_actions_model_contract_and_dates(qtmodeltester, meeting):
    model = ActionsModel()
    model.set_records(meeting.agenda[0].actions)
    qtmodeltester.check(model, force_py=True)
    edits = []
    model.value_edited.connect(lambda record, field, value: edits.append((field, value)))
    assert model.index(0, 3).data() == "1 apr 2031"
    assert model.index(1, 4).data() == "Afgerond"
    assert model.setData(model.index(0, 3), QDate(2031, 5, 2))
    assert edits[-1] == ("due", dt.date(2031, 5, 2))
    assert model.setData(model.index(0, 3), QDate())
    assert edits[-1] == ("due", None)
    assert model.setData(model.index(1, 4), ActionStatus.DROPPED.value)
    assert edits[-1] == ("status", ActionStatus.DROPPED)
    assert not model.setData(model.index(0, 0), "x"), "the number is not editable"


def test_meeting_list_groups_per_committee_newest_first_and_filters(qtmodeltester, store):
    taskforce = services.create_committee(store, "Taskforce Samen Organiseren")
    college = services.create_committee(store, "College voor Dienstverleningszaken")
    older = services.create_meeting(store, taskforce.id, date="2031-01-10", title="Januari")
    newer = services.create_meeting(store, taskforce.id, date="2031-05-09", title="Mei")
    services.create_meeting(store, college.id, date="2031-03-01", title="Voorjaar")
    model = MeetingListModel()
    model.set_meetings(services.list_meetings(store))
    qtmodeltester.check(model, force_py=True)
    assert [model.item(r).text() for r in range(2)] == [
        "Taskforce Samen Organiseren",
        "College voor Dienstverleningszaken",
    ]
    taskforce_item = model.item(0)
    assert [taskforce_item.child(r).data(MEETING_ID_ROLE) for r in range(2)] == [newer, older]
    assert "mei 2031" in taskforce_item.child(0).text()

    proxy = MeetingFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter_text("januari")  # the month name is searchable although only the date has it
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0, proxy.index(0, 0)).data(MEETING_ID_ROLE) == older
    proxy.set_filter_text("college")  # a committee's name finds its meetings
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 1
    proxy.set_filter_text("")
    assert proxy.rowCount() == 2
