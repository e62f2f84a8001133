"""The Actielijst, Besluitenlijst, Personen, archive search and the approval controls."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit

from taskforce_desktop.core import approval, followup, people, services
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.ui.followup import common, people_list
from taskforce_desktop.ui.widgets.colours import ERROR_HUE


@pytest.fixture
def archive(window):
    """The fixture meeting (12 Sept 2031) with an action and a decision, and the next one."""
    store = window.store
    first = window.session.meeting_id
    opening, service = (item.id for item in window.session.meeting.agenda)
    late = services.add_action(
        store, service, "Wachttijden uitzoeken", owner="Anna de Vries", due="2031-10-01"
    )
    services.add_action(store, service, "Folder maken", owner="Bram Jansen", due="2099-01-01")
    services.add_decision(store, service, "De taskforce kiest voor **één loket** in 2032.")
    committee = window.session.meeting.committee.id
    second = services.create_meeting_from_previous(store, committee, "2031-11-14")
    window.refresh_meetings()
    window.open_meeting(second)
    return {
        "first": first,
        "second": second,
        "service": service,
        "late": late,
        "committee": committee,
    }


def _column(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_actielijst_marks_overdue_and_records_where_it_was_done(qtbot, window, archive):
    dialog = window.followup.window
    dialog.today = lambda: dt.date(2031, 11, 14)
    dialog.show_page(dialog.actions_view)
    view = dialog.actions_view
    assert _column(view.model, 0) == ["2031-09/1", "2031-09/2"]
    assert view.model.index(0, 3).data().endswith("(te laat)")
    assert view.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color() == ERROR_HUE
    assert not view.model.index(1, 3).data().endswith("(te laat)")

    view.table.selectRow(0)
    view.done_button.click()

    assert _column(view.model, 0) == ["2031-09/2"]  # the filter shows open ones
    done = followup.committee_actions(window.store, archive["committee"])[0]
    assert done.action.status is ActionStatus.DONE
    assert done.closed_in.id == archive["second"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("closed"))
    assert _column(view.model, 4) == ["Afgerond"]
    view.owner_filter.setText("bram")
    assert view.model.rowCount() == 0


def test_besluitenlijst_is_searchable_and_opens_the_point(qtbot, window, archive):
    dialog = window.followup.window
    dialog.show_page(dialog.decisions_view)
    view = dialog.decisions_view
    assert _column(view.model, 1) == ["De taskforce kiest voor één loket in 2032."]
    view.query.setText("loket")
    assert view.model.rowCount() == 1
    view.query.setText("fietspad")
    assert view.model.rowCount() == 0
    view.query.setText("EEN")
    view.table.doubleClicked.emit(view.model.index(0, 1))
    assert window.session.meeting_id == archive["first"]
    assert window.session.current_item_id == archive["service"]
    assert window.tabs.currentWidget() is window.notes_tab


def test_ctrl_f_searches_and_opens_the_meeting_at_the_point(qtbot, window, archive):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search_view = window.followup.window.search_view
    assert window.followup.window.tabs.currentWidget() is search_view
    search_view.query.setText("wachttijd")
    search_view.refresh()
    assert len(search_view.hits) == 1
    html = search_view.result_html(search_view.hits[0])
    assert "<b>Wachttijden</b>" in html and "Septemberoverleg" in html
    qtbot.keyClick(search_view.query, Qt.Key.Key_Return)
    assert window.session.meeting_id == archive["first"]
    assert window.session.current_item_id == archive["service"]


def test_odd_search_input_shows_no_error(qtbot, window, archive):
    view = window.followup.window.search_view
    for text in ['"', "(", "AND", "*", "-"]:
        view.query.setText(text)
        view.refresh()
    assert window.followup.window.search_view.results.count() == 0


def test_erasing_a_person_names_where_they_appear_first(qtbot, window, archive, monkeypatch):
    asked = []
    monkeypatch.setattr(
        people_list.Confirm,
        "ask",
        classmethod(lambda cls, parent, title, text, label: asked.append(text) or True),
    )
    dialog = window.followup.window
    dialog.show_page(dialog.people_view)
    view = dialog.people_view
    assert _column(view.model, 0) == ["Anna de Vries", "Bram Jansen"]
    view.table.selectRow(0)
    view.erase_button.click()
    qtbot.waitUntil(window.background.is_idle)  # erasing runs off the UI thread

    (question,) = asked
    assert "Anna de Vries" in question
    assert "12 september 2031 · Septemberoverleg" in question
    assert "14 november 2031" in question
    assert "2031-09/1 Wachttijden uitzoeken" in question
    assert "Dienstverlening" in question  # she presented it
    assert _column(view.model, 0) == ["Bram Jansen"]
    assert [a.person.name for a in window.session.meeting.attendees] == ["Bram Jansen"]


def test_merging_two_entries(qtbot, window, archive, monkeypatch):
    services.add_attendee(
        window.store, archive["second"], "A. de Vries", email="anna@noordstad.example"
    )
    monkeypatch.setattr(common.ChooseOne, "ask", classmethod(lambda cls, *args: 0))
    dialog = window.followup.window
    dialog.show_page(dialog.people_view)
    view = dialog.people_view
    assert _column(view.model, 0) == ["A. de Vries", "Anna de Vries", "Bram Jansen"]
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(1, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    view.merge_button.click()
    qtbot.waitUntil(window.background.is_idle)  # merging runs off the UI thread
    assert _column(view.model, 0) == ["A. de Vries", "Bram Jansen"]
    assert [p.meetings_listed for p in people.people_overview(window.store)] == [2, 2]


def test_an_approved_verslag_is_read_only_until_unlocked(qtbot, window, archive, monkeypatch):
    answers = iter(["Spelling van een naam.", "Besluit aanvullen"])
    monkeypatch.setattr(
        common.TextQuestion, "ask", classmethod(lambda cls, *args, **kw: next(answers))
    )
    controls = window.followup.approval
    controls.act_approve_previous.trigger()
    window.open_meeting(archive["first"])
    assert controls.banner.text() == "Vastgesteld op 14 november 2031 — alleen lezen"
    notes = window.notes_tab.findChildren(QTextEdit)
    assert notes and all(editor.isReadOnly() for editor in notes)
    assert not window.meeting_tab.status.isEnabled()

    controls.act_unlock.trigger()
    assert controls.banner.text() == "Vastgesteld op 14 november 2031 — ontgrendeld"
    assert not any(
        editor.isReadOnly()
        for editor in window.notes_tab.findChildren(QTextEdit)
        if editor.objectName() != "preview"
    )
    state = approval.approval_state(window.store, archive["first"])
    assert state.corrections.startswith("Spelling van een naam.\n\nOntgrendeld op ")
    assert state.corrections.endswith(": Besluit aanvullen")
    controls.act_lock.trigger()
    assert approval.is_locked(window.store, archive["first"])
    assert window.notes_tab.findChildren(QTextEdit)[0].isReadOnly()


def test_the_follow_up_window_closes_with_the_main_window(qtbot, window, archive):
    window.followup.window.show_page(window.followup.window.people_view)
    assert window.followup.window.isVisible()
    window.close()
    assert not window.followup.window.isVisible()
