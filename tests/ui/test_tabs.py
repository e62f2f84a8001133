"""Each tab, driven the way the secretary uses it: keys first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services
from taskforce_desktop.core.models import MeetingMode, MeetingStatus, Presence

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored(window):
    return services.load_meeting(window.store, window.session.meeting_id)


def focus_table_row(window, page, row):
    window.tabs.setCurrentWidget(page)
    page.table.setFocus()
    page.table.select_row(row)


def settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.writer.has_pending())


# --- Vergadering ---------------------------------------------------------------------


def test_meeting_tab_fields_reach_the_store(qtbot, window):
    tab = window.meeting_tab
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.tabs.currentWidget() is tab
    assert tab.committee.text() == "Taskforce Samen Organiseren"
    assert tab.date.text() == "12 september 2031"
    tab.title.selectAll()
    qtbot.keyClicks(tab.title, "Extra overleg")
    qtbot.keyClicks(tab.start_time, "10:00")
    qtbot.keyClicks(tab.end_time, "12:30")
    qtbot.keyClicks(tab.location, "Stadhuis, zaal 2")
    tab.date.setDate(QDate(2031, 9, 19))
    tab.mode.setCurrentIndex(tab.mode.findData("hybrid"))
    tab.mode.activated.emit(tab.mode.currentIndex())
    tab.introduction.setFocus()
    qtbot.keyClicks(tab.introduction, "Welkom")
    tab.status.setCurrentIndex(tab.status.findData("approved"))  # last: it locks the meeting
    tab.status.activated.emit(tab.status.currentIndex())
    settle(qtbot, window)
    meeting = stored(window)
    assert meeting.title == "Extra overleg"
    assert (meeting.start_time, meeting.end_time) == (dt.time(10, 0), dt.time(12, 30))
    assert meeting.location == "Stadhuis, zaal 2"
    assert meeting.date == dt.date(2031, 9, 19)
    assert meeting.mode is MeetingMode.HYBRID
    assert meeting.status is MeetingStatus.APPROVED and meeting.approved_on == dt.date.today()
    assert meeting.introduction == "Welkom"
    # The meeting list follows the new title once it is stored.
    qtbot.waitUntil(lambda: "Extra overleg" in window.meeting_tree.currentIndex().data())


def test_an_end_time_before_the_start_is_not_stored(qtbot, window):
    tab = window.meeting_tab
    qtbot.keyClicks(tab.start_time, "11:00")
    qtbot.keyClicks(tab.end_time, "10:30")
    assert tab.time_problem.text() == "De eindtijd ligt voor de begintijd."
    settle(qtbot, window)
    assert stored(window).end_time is None


# --- Deelnemers ----------------------------------------------------------------------


def test_attendees_add_known_person_and_new_one(qtbot, window, store):
    other = services.create_meeting(store, services.list_committees(store)[0].id, date="2031-01-01")
    services.add_attendee(store, other, "Els Visser", "Gemeente Westmeer", "directeur")
    tab = window.attendees_tab
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.act_new_attendee.trigger()
    assert tab.add_field.hasFocus()
    tab.refresh_people()
    assert "Els Visser (Gemeente Westmeer)" in tab._completions.stringList()
    qtbot.keyClicks(tab.add_field, "Els Visser (Gemeente Westmeer)")
    qtbot.keyClick(tab.add_field, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.add_field, "Frank Mol")
    qtbot.keyClick(tab.add_field, Qt.Key.Key_Return)
    attendees = stored(window).attendees
    assert [a.person.name for a in attendees][-2:] == ["Els Visser", "Frank Mol"]
    assert attendees[-2].person.function == "directeur", "the known person was reused"
    assert tab.add_field.hasFocus() and tab.add_field.text() == ""
    assert tab.summary.text() == "4 deelnemers, 4 aanwezig"


def test_space_toggles_presence(qtbot, window):
    tab = window.attendees_tab
    focus_table_row(window, tab, 1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert tab.model.index(1, 5).data() == "Afgemeld"
    assert tab.summary.text() == "2 deelnemers, 1 aanwezig"
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert stored(window).attendees[1].presence is Presence.ABSENT


def test_attendee_delete_and_undo(qtbot, window):
    tab = window.attendees_tab
    focus_table_row(window, tab, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert [a.person.name for a in stored(window).attendees] == ["Bram Jansen"]
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert [a.person.name for a in stored(window).attendees] == ["Anna de Vries", "Bram Jansen"]
    qtbot.keyClick(tab.table, Qt.Key.Key_Y, CTRL)
    assert [a.person.name for a in stored(window).attendees] == ["Bram Jansen"]


def test_editing_a_cell_goes_to_the_store(qtbot, window):
    tab = window.attendees_tab
    window.show_tab(1)
    model = tab.model
    model.setData(model.index(0, model.column_of("note")), "nieuw lid")
    settle(qtbot, window)
    assert stored(window).attendees[0].note == "nieuw lid"


# --- Agenda --------------------------------------------------------------------------


def titles(window):
    return [(item.number, item.title) for item in stored(window).agenda]


def test_agenda_add_move_with_alt_arrows_and_undo(qtbot, window):
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    window.act_new_agenda_item.trigger()
    qtbot.keyClicks(tab.add_field, "Rondvraag")
    qtbot.keyClick(tab.add_field, Qt.Key.Key_Return)
    assert titles(window) == [("1", "Opening"), ("2", "Dienstverlening"), ("3", "Rondvraag")]
    tab.table.setFocus()
    tab.table.select_row(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, ALT)
    assert titles(window) == [("1", "Opening"), ("2", "Rondvraag"), ("3", "Dienstverlening")]
    assert tab.table.current_row() == 1, "the moved point stays selected"
    assert tab.model.index(1, 0).data() == "2"
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, ALT)
    assert titles(window)[0] == ("1", "Rondvraag")
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert titles(window) == [("1", "Opening"), ("2", "Dienstverlening"), ("3", "Rondvraag")]


def test_agenda_drag_and_drop_reorders(qtbot, window):
    model = window.agenda_tab.model
    data = model.mimeData([model.index(0, 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, model.index(-1, -1))
    qtbot.waitUntil(lambda: titles(window) == [("1", "Dienstverlening"), ("2", "Opening")])
    assert window.act_undo.isEnabled()


def test_deleted_agenda_point_comes_back_with_notes_decisions_and_actions(qtbot, window):
    item = window.session.meeting.agenda[1]
    services.update_agenda_item(window.store, item.id, notes="- eerste\n- tweede")
    services.add_decision(window.store, item.id, "Akkoord met het **voorstel**.")
    services.add_action(window.store, item.id, "Offerte vragen", owner="Bram")
    window.session.reload()
    tab = window.agenda_tab
    focus_table_row(window, tab, 1)
    tab.delete_button.click()
    assert titles(window) == [("1", "Opening")]
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    restored = stored(window).agenda[1]
    assert restored.title == "Dienstverlening"
    assert restored.notes == "- eerste\n- tweede"
    assert [d.text for d in restored.decisions] == ["Akkoord met het **voorstel**."]
    assert [(a.description, a.owner) for a in restored.actions] == [("Offerte vragen", "Bram")]


# --- Impressies ----------------------------------------------------------------------


def test_notes_walk_the_agenda_with_ctrl_page_keys(qtbot, window):
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.tabs.currentWidget() is notes and notes.notes.hasFocus()
    assert notes.heading.text() == "1. Opening"
    qtbot.keyClicks(notes.notes, "Opening door de voorzitter")
    qtbot.keyClick(notes.notes, Qt.Key.Key_PageDown, CTRL)
    assert notes.heading.text() == "2. Dienstverlening"
    assert notes.notes.markdown() == ""
    assert window.agenda_tab.table.current_row() == 1, "the Agenda tab follows"
    qtbot.keyClick(notes.notes, Qt.Key.Key_PageUp, CTRL)
    assert notes.notes.markdown() == "Opening door de voorzitter", "pending text is shown"
    settle(qtbot, window)
    assert stored(window).agenda[0].notes == "Opening door de voorzitter"


def test_new_decision_and_action_with_shortcuts_then_delete_and_undo(qtbot, window):
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(notes.notes, Qt.Key.Key_B, CTRL_SHIFT)
    assert len(notes.decision_rows) == 1
    decision_editor = notes.decision_rows[0].editor
    assert decision_editor.hasFocus()
    qtbot.keyClicks(decision_editor, "De agenda wordt vastgesteld.")
    qtbot.keyClick(decision_editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert notes.action_description.hasFocus()
    qtbot.keyClicks(notes.action_description, "Presentatie rondsturen")
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Tab)
    qtbot.keyClicks(notes.action_owner, "Secretariaat")
    notes.action_due.set_value(dt.date(2031, 10, 1))
    qtbot.keyClick(notes.action_owner, Qt.Key.Key_Return)
    settle(qtbot, window)
    item = stored(window).agenda[0]
    assert [d.text for d in item.decisions] == ["De agenda wordt vastgesteld."]
    assert [(a.description, a.owner, a.due) for a in item.actions] == [
        ("Presentatie rondsturen", "Secretariaat", dt.date(2031, 10, 1))
    ]
    assert notes.action_description.text() == ""

    notes.actions_table.setFocus()
    notes.actions_table.select_row(0)
    qtbot.keyClick(notes.actions_table, Qt.Key.Key_Delete)
    notes.decision_rows[0].delete_button.click()
    item = stored(window).agenda[0]
    assert (item.decisions, item.actions) == ((), ())
    window.act_undo.trigger()
    window.act_undo.trigger()
    item = stored(window).agenda[0]
    assert [d.text for d in item.decisions] == ["De agenda wordt vastgesteld."]
    assert [a.description for a in item.actions] == ["Presentatie rondsturen"]
    assert notes.decision_rows[0].editor.markdown() == "De agenda wordt vastgesteld."


def test_action_cells_are_editable(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.add_action(window.store, item_id, "Zaal boeken")
    window.session.reload()
    model = window.notes_tab.actions_model
    model.setData(model.index(0, 2), "Anna")
    model.setData(model.index(0, 4), "done")
    settle(qtbot, window)
    action = stored(window).agenda[0].actions[0]
    assert (action.owner, action.status.value) == ("Anna", "done")


def test_tab_walks_the_notes_page_top_to_bottom_through_decisions(qtbot, window):
    notes = window.notes_tab
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "Eerste besluit")
    window.session.reload()
    window.focus_notes()
    qtbot.keyClick(notes.notes, Qt.Key.Key_Tab)
    assert notes.conclusion.hasFocus()
    expected = [
        notes.decision_rows[0].editor,
        notes.decision_rows[0].delete_button,
        notes.new_decision_button,
        notes.actions_table,
        notes.action_description,
    ]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_format_bar_follows_the_focused_editor(qtbot, window):
    bar = window.format_bar
    window.show_tab(1)
    window.attendees_tab.add_field.setFocus()
    assert not bar.bold_action.isEnabled()
    window.focus_notes()
    assert bar.bold_action.isEnabled()
    bar.bold_action.trigger()
    qtbot.keyClicks(window.notes_tab.notes, "belangrijk")
    assert window.notes_tab.notes.markdown() == "**belangrijk**"


def test_ctrl_z_in_a_text_undoes_typing_not_the_last_list_operation(qtbot, window):
    agenda = window.agenda_tab
    focus_table_row(window, agenda, 1)
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    window.focus_notes()
    qtbot.keyClicks(window.notes_tab.notes, "abc")
    qtbot.keyClick(window.notes_tab.notes, Qt.Key.Key_Z, CTRL)
    assert window.notes_tab.notes.markdown() == ""
    assert titles(window) == [("1", "Opening")], "the deleted point stays deleted"
    window.notes_tab.agenda_list.setFocus()
    qtbot.keyClick(window.notes_tab.agenda_list, Qt.Key.Key_Z, CTRL)
    assert titles(window) == [("1", "Opening"), ("2", "Dienstverlening")]
