"""Problems a first-time user met while walking through the app, pinned down once fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from taskforce_desktop.core import services
from taskforce_desktop.ui.widgets.optional_date_edit import OptionalDateEdit


def test_first_window_fits_on_the_screen(make_window):
    window = make_window()

    available = window.screen().availableGeometry().size()
    assert window.width() <= available.width()
    assert window.height() <= available.height()


def test_typing_a_known_name_in_full_adds_that_person(make_window, store, sample_meeting_id, qtbot):
    committee_id = services.list_committees(store)[0].id
    new_meeting = services.create_meeting(store, committee_id, date="2031-12-12")
    window = make_window()
    window.open_meeting(new_meeting)
    window.act_new_attendee.trigger()
    field = window.attendees_tab.add_field

    qtbot.keyClicks(field, "fatima el amrani")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Fatima El Amrani")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    attendees = services.load_meeting(store, new_meeting).attendees
    assert [a.person.organisation for a in attendees] == ["Gemeente Waterland-Zuid"]
    assert "staat al op de deelnemerslijst" in window.statusBar().currentMessage()


def test_all_agenda_columns_fit_a_laptop_wide_window(make_window, sample_meeting_id, qtbot):
    window = make_window()
    window.open_meeting(sample_meeting_id)
    window.resize(1280, 740)
    window.tabs.setCurrentWidget(window.agenda_tab)
    table = window.agenda_tab.table

    qtbot.waitUntil(lambda: table.viewport().width() > 800)
    assert table.horizontalScrollBar().maximum() == 0
    model = window.agenda_tab.model
    assert table.columnWidth(model.column_of("title")) > 2 * table.columnWidth(
        model.column_of("standing")
    ), "the free width goes to the title, not to the last checkbox column"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15-12-2026", dt.date(2026, 12, 15)),
        ("03-01-2027", dt.date(2027, 1, 3)),
        ("3-1-2027", dt.date(2027, 1, 3)),
        ("31.12.2027", dt.date(2027, 12, 31)),
    ],
)
@pytest.mark.parametrize("start", [None, dt.date(2026, 11, 23)])
def test_a_date_typed_into_a_date_field_is_taken_as_typed(qtbot, typed, expected, start):
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.set_value(start)
    field.selectAll()  # as Tab into the field does

    qtbot.keyClicks(field, typed)

    assert field.value() == expected


def test_enter_in_the_due_date_adds_the_typed_action(qtbot, window):
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.act_new_action.trigger()
    qtbot.keyClicks(notes.action_description, "Dekkingsvoorstel uitwerken")
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Tab)
    qtbot.keyClicks(notes.action_owner, "Bram Jansen")
    qtbot.keyClick(notes.action_owner, Qt.Key.Key_Tab)
    assert notes.action_due.hasFocus()

    qtbot.keyClicks(notes.action_due, "15-12-2031")
    qtbot.keyClick(notes.action_due, Qt.Key.Key_Return)

    actions = services.load_meeting(window.store, window.session.meeting_id).agenda[0].actions
    assert [(a.description, a.owner, a.due) for a in actions] == [
        ("Dekkingsvoorstel uitwerken", "Bram Jansen", dt.date(2031, 12, 15))
    ]
    assert notes.action_description.hasFocus() and notes.action_due.value() is None


def test_live_mode_with_a_dozen_attendees_fits_a_laptop_screen(make_window, store, qtbot):
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting = services.create_meeting(store, committee.id, date="2031-09-12")
    services.add_agenda_item(store, meeting, "Opening")
    for number in range(12):
        services.add_attendee(store, meeting, f"Deelnemer met een lange naam {number + 1}")
    window = make_window()
    window.open_meeting(meeting)

    window.live.action.trigger()
    live = window.live.view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is live)

    assert len(live.attendance.buttons) == 12
    assert live.minimumSizeHint().width() < 1000
    assert live.leave_button.geometry().right() <= live.width()


def test_live_mode_on_another_day_shows_no_remaining_minutes(window, qtbot):
    services.update_meeting(window.store, window.session.meeting_id, end_time="12:00")
    window.session.reload()
    live = window.live.view
    live.clock = lambda: dt.datetime(2031, 9, 12, 11, 0)
    window.live.action.trigger()
    assert live.remaining_label.text() == "Nog 60 min"

    live.clock = lambda: dt.datetime(2026, 11, 23, 15, 0)
    live.tick()

    assert live.remaining_label.text() == ""


def test_search_results_are_compact_and_counted_in_dutch(make_window, sample_meeting_id, qtbot):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    view = window.followup.window.search_view
    qtbot.waitExposed(window.followup.window)

    view.query.setText("jaarcongres")
    view.refresh()

    assert view.count_label.text() == "1 resultaat"
    line = view.results.fontMetrics().lineSpacing()
    row = view.results.visualItemRect(view.results.item(0))
    assert row.height() <= 3 * line, "two lines: where, then the snippet"


def test_marking_actions_done_walks_down_the_actielijst(make_window, sample_meeting_id, qtbot):
    window = make_window()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, shift_ctrl)
    view = window.followup.window.actions_view
    qtbot.waitExposed(window.followup.window)
    table = view.table
    # focusWidget, not hasFocus: offscreen, the second window need not become the active one.
    assert window.followup.window.focusWidget() is table and table.currentIndex().row() == 0
    first_open = view.model.rowCount()

    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = view.selected().action.number
    view.done_button.click()

    assert view.model.rowCount() == first_open - 1
    assert second not in [row.action.number for row in view.rows]
    assert window.followup.window.focusWidget() is table and table.currentIndex().row() == 1


def test_live_mode_counts_decisions_and_actions_in_plain_dutch(window, qtbot):
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "Eerste besluit")
    services.add_decision(window.store, item_id, "Tweede besluit")
    services.add_action(window.store, item_id, "Iets uitzoeken")
    window.session.reload()

    window.live.action.trigger()

    assert "2 besluiten, 1 actiepunt" in window.live.view.detail_label.text()
    assert "(en)" not in window.live.view.detail_label.text()
