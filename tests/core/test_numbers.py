"""Decision and action numbers: unique within a committee for ever, and never changed once given."""

import pytest

from taskforce_desktop.core import followup, meeting_file, services
from taskforce_desktop.core.edits import Edit, Target, apply_edit


@pytest.fixture
def committee(store):
    return services.create_committee(store, "Taskforce Wonen").id


def _september_meeting(store, committee, day, title):
    meeting = services.create_meeting(store, committee, date=f"2022-09-{day:02d}", title=title)
    for point in ("Opening", "Woningbouw", "Rondvraag"):
        services.add_agenda_item(store, meeting, point)
    return meeting


def _points(store, meeting):
    return [item.id for item in services.load_meeting(store, meeting).agenda]


def _numbers(store, meeting):
    agenda = services.load_meeting(store, meeting).agenda
    return (
        {d.text: d.number for item in agenda for d in item.decisions},
        {a.description: a.number for item in agenda for a in item.actions},
    )


def test_a_second_meeting_in_the_same_month_continues_the_numbers(store, committee):
    first = _september_meeting(store, committee, 1, "Eerste")
    opening, housing, _ = _points(store, first)
    services.add_decision(store, housing, "Plan vastgesteld")
    for task in ("Wijken tellen", "Plan schrijven", "Raad informeren"):
        services.add_action(store, housing, task)
    second = _september_meeting(store, committee, 22, "Tweede")
    services.add_action(store, _points(store, second)[1], "Plan bespreken")
    services.add_decision(store, _points(store, second)[0], "Verslag vastgesteld")

    assert _numbers(store, second) == (
        {"Verslag vastgesteld": "2022-09/2"},
        {"Plan bespreken": "2022-09/4"},
    )
    actielijst = [entry.number for entry in followup.committee_actions(store, committee)]
    assert actielijst == ["2022-09/1", "2022-09/2", "2022-09/3", "2022-09/4"]
    besluitenlijst = [entry.number for entry in followup.committee_decisions(store, committee)]
    assert besluitenlijst == ["2022-09/1", "2022-09/2"]


def test_another_committee_counts_on_its_own(store, committee):
    services.add_action(store, _points(store, _september_meeting(store, committee, 1, "A"))[0], "x")
    other = services.create_committee(store, "Adviesraad Sociaal Domein").id
    meeting = _september_meeting(store, other, 1, "B")
    services.add_action(store, _points(store, meeting)[0], "y")
    assert _numbers(store, meeting)[1] == {"y": "2022-09/1"}


def test_numbers_survive_a_reorder_a_delete_and_a_date_change(store, committee):
    meeting = _september_meeting(store, committee, 8, "Reorder")
    opening, housing, closing = _points(store, meeting)
    first = services.add_action(store, housing, "Eerste")
    services.add_action(store, housing, "Tweede")
    services.add_action(store, closing, "Derde")
    services.add_decision(store, closing, "Besluit A")
    services.add_decision(store, opening, "Besluit B")
    before = _numbers(store, meeting)

    services.move_agenda_item(store, closing, 0)
    services.remove_action(store, first)
    services.update_meeting(store, meeting, date="2022-10-06")

    decisions, actions = _numbers(store, meeting)
    assert decisions == before[0] == {"Besluit A": "2022-09/1", "Besluit B": "2022-09/2"}
    assert actions == {"Tweede": "2022-09/2", "Derde": "2022-09/3"}
    # What is added after the move counts in the meeting's new month.
    services.add_action(store, housing, "Vierde")
    assert _numbers(store, meeting)[1]["Vierde"] == "2022-10/1"


def test_the_window_keeps_the_numbers_when_the_date_is_edited(store, committee):
    meeting = _september_meeting(store, committee, 8, "Venster")
    services.add_action(store, _points(store, meeting)[2], "Actie")
    record = services.load_meeting(store, meeting)
    edited = apply_edit(
        record, Edit(meeting, Target.MEETING, meeting, "date", record.date.replace(month=11))
    )
    assert [a.number for item in edited.agenda for a in item.actions] == ["2022-09/1"]


def test_undoing_a_removal_gives_the_number_back(store, committee):
    meeting = _september_meeting(store, committee, 8, "Undo")
    housing = _points(store, meeting)[1]
    services.add_action(store, housing, "Blijft")
    removed_id = services.add_action(store, housing, "Weg en terug")
    services.add_action(store, housing, "Laatste")
    removed = next(
        a
        for item in services.load_meeting(store, meeting).agenda
        for a in item.actions
        if a.id == removed_id
    )
    services.remove_action(store, removed_id)
    services.restore_action(store, housing, removed, 1)
    assert _numbers(store, meeting)[1]["Weg en terug"] == "2022-09/2"

    item = services.load_meeting(store, meeting).agenda[1]
    services.remove_agenda_item(store, item.id)
    services.restore_agenda_item(store, meeting, item, 1)
    assert _numbers(store, meeting)[1] == {
        "Blijft": "2022-09/1",
        "Weg en terug": "2022-09/2",
        "Laatste": "2022-09/3",
    }


def test_a_restored_number_another_row_took_meanwhile_is_not_given_twice(store, committee):
    meeting = _september_meeting(store, committee, 8, "Bezet")
    housing = _points(store, meeting)[1]
    action_id = services.add_action(store, housing, "Eerst")
    removed = services.load_meeting(store, meeting).agenda[1].actions[0]
    services.remove_action(store, action_id)
    services.add_action(store, housing, "Nieuw")  # takes the freed 2022-09/1
    services.restore_action(store, housing, removed, 0)
    assert _numbers(store, meeting)[1] == {"Nieuw": "2022-09/1", "Eerst": "2022-09/2"}


def test_a_copy_of_a_meeting_gets_numbers_of_its_own(store, committee):
    meeting = _september_meeting(store, committee, 8, "Origineel")
    services.add_action(store, _points(store, meeting)[1], "Actie")
    services.add_decision(store, _points(store, meeting)[1], "Besluit")
    copy = services.duplicate_meeting(store, meeting)
    assert _numbers(store, copy) == ({"Besluit": "2022-09/2"}, {"Actie": "2022-09/2"})


def test_an_imported_meeting_continues_the_numbers_of_its_month(store, committee):
    meeting = _september_meeting(store, committee, 8, "Hier gemaakt")
    services.add_action(store, _points(store, meeting)[1], "Actie hier")
    exported = meeting_file.export_meeting_file(store, meeting)
    other_store_file = exported.replace("Hier gemaakt", "Elders gemaakt").encode()
    imported = meeting_file.import_meeting_file(store, other_store_file).meeting_id
    assert _numbers(store, imported)[1] == {"Actie hier": "2022-09/2"}
