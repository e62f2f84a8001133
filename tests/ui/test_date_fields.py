"""Date and time fields take a date or time the way the secretary types it, by keyboard only.

Found with a keyboard-only walk through the window: the empty date field kept the focus
through 16 and more Tabs, "16 september 2022" could not be typed into the meeting date,
"0900" in a time field gave "09", and Alt+Down on the date moved the meeting a week.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import services
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog
from taskforce_desktop.ui.widgets.optional_date_edit import DateField, OptionalDateEdit, TimeField

ALT = Qt.KeyboardModifier.AltModifier
TAB = Qt.Key.Key_Tab
ENTER = Qt.Key.Key_Return
FRIDAY_16_SEPTEMBER_2022 = dt.date(2022, 9, 16)
WAYS_TO_WRITE_IT = ["16-9-2022", "16 sep 2022", "16 september 2022", "16-09-2022"]


def stored(window):
    return services.load_meeting(window.store, window.session.meeting_id)


def settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.writer.has_pending())


def focused():
    return QApplication.focusWidget()


@pytest.fixture
def form(qtbot):
    """A row of fields as in the window: a line edit, the field under test, a line edit."""

    forms = []  # a form without a parent lives as long as Python holds it

    def make(field_class):
        widget = QWidget()
        forms.append(widget)
        layout = QVBoxLayout(widget)
        before, field, after = QLineEdit(widget), field_class(widget), QLineEdit(widget)
        for child in (before, field, after):
            layout.addWidget(child)
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
        before.setFocus()
        qtbot.keyClick(before, TAB)
        assert field.hasFocus()
        return field, after

    return make


# --- Tab leaves every field --------------------------------------------------------------


@pytest.mark.parametrize("field_class", [OptionalDateEdit, DateField, TimeField])
def test_one_tab_leaves_the_field_even_when_it_is_empty(form, qtbot, field_class):
    field, after = form(field_class)
    qtbot.keyClick(field, TAB)
    assert after.hasFocus()


def test_tab_leaves_the_empty_due_date_of_a_new_action(qtbot, window):
    notes = window.notes_tab
    window.focus_notes()
    notes.action_due.setFocus()
    assert notes.action_due.value() is None

    qtbot.keyClick(notes.action_due, TAB)
    assert notes.add_action_button.hasFocus()


# --- a date typed the way she writes it ----------------------------------------------------


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_IT)
def test_the_meeting_date_takes_the_date_as_typed_and_shows_the_weekday_beside_it(
    qtbot, window, typed
):
    tab = window.meeting_tab
    window.tabs.setCurrentWidget(tab)
    tab.title.setFocus()
    qtbot.keyClick(tab.title, TAB)
    assert tab.date.hasFocus()

    qtbot.keyClicks(tab.date, typed)
    assert tab.date.shown_weekday() == "vrijdag"
    qtbot.keyClick(tab.date, TAB)

    assert tab.date.text() == "16 september 2022"
    assert tab.date.shown_weekday() == "vrijdag"
    assert tab.date.accessibleDescription() == "vrijdag 16 september 2022"
    settle(qtbot, window)
    assert stored(window).date == FRIDAY_16_SEPTEMBER_2022


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_IT)
def test_the_due_date_of_a_new_action_takes_the_date_as_typed(qtbot, window, typed):
    notes = window.notes_tab
    window.focus_notes()
    notes.action_description.setFocus()
    qtbot.keyClicks(notes.action_description, "Zaal boeken")
    qtbot.keyClick(notes.action_description, TAB)
    qtbot.keyClick(notes.action_owner, TAB)
    qtbot.keyClicks(notes.action_due, typed)
    qtbot.keyClick(notes.action_due, ENTER)

    actions = stored(window).agenda[0].actions
    assert [(a.description, a.due) for a in actions] == [("Zaal boeken", FRIDAY_16_SEPTEMBER_2022)]


def open_due_date_cell(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.add_action(window.store, item_id, "Zaal boeken", due="2022-09-15")
    window.session.reload()
    notes = window.notes_tab
    window.focus_notes()
    table, model = notes.actions_table, notes.actions_model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.column_of("due")))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    return table, focused()


def test_the_calendar_of_a_date_cell_picks_the_due_date(qtbot, window):
    table, editor = open_due_date_cell(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_Down, ALT)
    assert editor.calendar.isVisible()
    assert table.state() == QAbstractItemView.State.EditingState

    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), ENTER)
    assert focused() is editor
    qtbot.keyClick(editor, ENTER)

    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, window)
    assert stored(window).agenda[0].actions[0].due == FRIDAY_16_SEPTEMBER_2022


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_IT)
def test_a_due_date_typed_into_the_action_table_reaches_the_store(qtbot, window, typed):
    table, editor = open_due_date_cell(qtbot, window)
    assert isinstance(editor, OptionalDateEdit)

    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, ENTER)

    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    settle(qtbot, window)
    assert stored(window).agenda[0].actions[0].due == FRIDAY_16_SEPTEMBER_2022


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_IT)
def test_the_new_meeting_dialog_takes_the_date_as_typed(qtbot, typed):
    dialog = NewMeetingDialog([], None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.date.setFocus()
    dialog.date.selectAll()

    qtbot.keyClicks(dialog.date, typed)
    qtbot.keyClick(dialog.date, TAB)

    assert dialog.date.date().toPython() == FRIDAY_16_SEPTEMBER_2022
    assert dialog.date.text() == "16 september 2022"


def test_the_approval_date_takes_the_date_as_typed(form, qtbot):
    field, after = form(OptionalDateEdit)
    taken = []
    field.dateChanged.connect(lambda date: taken.append(date.toPython()))

    qtbot.keyClicks(field, "16 sep 2022")
    assert taken == []  # half typed dates are not taken
    qtbot.keyClick(field, TAB)

    assert taken == [FRIDAY_16_SEPTEMBER_2022]
    assert field.text() == "16-9-2022"
    assert field.shown_weekday() == "vr"
    assert field.accessibleDescription() == "vrijdag 16 september 2022"


def test_a_date_without_a_year_is_the_nearest_such_day(form, qtbot):
    field, _after = form(OptionalDateEdit)
    field.today = lambda: dt.date(2022, 12, 1)
    qtbot.keyClicks(field, "16-9")
    qtbot.keyClick(field, ENTER)
    assert field.value() == FRIDAY_16_SEPTEMBER_2022


def test_text_that_is_no_date_is_kept_on_enter_and_adds_no_action(qtbot, window):
    notes = window.notes_tab
    window.focus_notes()
    notes.action_description.setFocus()
    qtbot.keyClicks(notes.action_description, "Zaal boeken")
    notes.action_due.setFocus()
    qtbot.keyClicks(notes.action_due, "31-9-2022")

    qtbot.keyClick(notes.action_due, ENTER)

    assert stored(window).agenda[0].actions == ()
    assert notes.action_due.text() == "31-9-2022" and notes.action_due.hasFocus()
    assert notes.action_due.shown_weekday() == ""
    # Not a beep alone: beside the field, how a date is written.
    assert QToolTip.isVisible() and QToolTip.text().startswith("Geen datum. Typ bijvoorbeeld")


def test_leaving_a_date_that_is_no_date_gives_back_the_date_before(form, qtbot):
    field, after = form(DateField)
    field.set_value(FRIDAY_16_SEPTEMBER_2022)
    field.selectAll()
    qtbot.keyClicks(field, "16 blauw")
    with qtbot.waitSignal(field.refused) as refused:
        qtbot.keyClick(field, TAB)
    assert refused.args == ["16 blauw"]
    assert after.hasFocus()
    assert field.value() == FRIDAY_16_SEPTEMBER_2022
    assert field.text() == "16 september 2022"


def test_emptying_an_optional_date_takes_no_date(form, qtbot):
    field, _after = form(OptionalDateEdit)
    field.set_value(FRIDAY_16_SEPTEMBER_2022)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, TAB)
    assert field.value() is None
    assert field.accessibleDescription() == "geen datum"


def test_a_date_shown_while_its_signals_are_blocked_is_described_too(form):
    field, _after = form(DateField)
    with QSignalBlocker(field):
        field.setDate(QDate(2022, 9, 16))
    assert field.accessibleDescription() == "vrijdag 16 september 2022"
    assert field.shown_weekday() == "vrijdag"


# --- the calendar --------------------------------------------------------------------------


def test_the_calendar_button_has_a_name_and_takes_no_tab_stop(form):
    field, _after = form(DateField)
    (button,) = field.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name) == "Kalender"
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_alt_down_on_the_meeting_date_opens_the_calendar_and_moves_nothing(qtbot, window):
    tab = window.meeting_tab
    window.tabs.setCurrentWidget(tab)
    tab.date.setFocus()
    before = stored(window).date

    qtbot.keyClick(tab.date, Qt.Key.Key_Down, ALT)

    assert tab.date.calendar is not None and tab.date.calendar.isVisible()
    assert tab.date.value() == before
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not tab.date.calendar.isVisible() and tab.date.hasFocus()
    settle(qtbot, window)
    assert stored(window).date == before


def test_alt_down_in_a_date_cell_opens_the_calendar_instead_of_moving_the_row(form, qtbot):
    field, _after = form(DateField)
    moved = []
    move_down = QAction("Omlaag verplaatsen", field.parentWidget())
    move_down.setShortcut(QKeySequence("Alt+Down"))
    move_down.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    move_down.triggered.connect(lambda: moved.append(True))
    field.parentWidget().addAction(move_down)

    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)

    assert field.calendar is not None and field.calendar.isVisible()
    assert moved == []


def test_the_calendar_opens_at_the_typed_date_and_takes_it(form, qtbot):
    field, _after = form(OptionalDateEdit)
    taken = []
    field.dateChanged.connect(lambda date: taken.append(date.toPython()))
    qtbot.keyClicks(field, "16 sep 2022")

    qtbot.keyClick(field, Qt.Key.Key_F4)

    assert field.calendar.selectedDate().toPython() == FRIDAY_16_SEPTEMBER_2022
    assert taken == [FRIDAY_16_SEPTEMBER_2022]


def test_a_day_picked_in_the_calendar_by_keyboard_is_the_meeting_date(qtbot, window):
    tab = window.meeting_tab
    window.tabs.setCurrentWidget(tab)
    tab.date.setFocus()
    before = stored(window).date

    qtbot.keyClick(tab.date, Qt.Key.Key_F4)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), ENTER)

    assert not tab.date.calendar.isVisible() and tab.date.hasFocus()
    settle(qtbot, window)
    assert stored(window).date == before + dt.timedelta(days=1)


# --- times ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["0900", "9:00", "9.00"])
def test_a_time_is_written_out_as_soon_as_it_is_complete(form, qtbot, typed):
    field, _after = form(TimeField)
    qtbot.keyClicks(field, typed)
    assert field.text() == "09:00"


@pytest.mark.parametrize(("typed", "written"), [("9", "09:00"), ("930", "09:30")])
def test_a_short_time_is_written_out_on_leaving_the_field(form, qtbot, typed, written):
    field, after = form(TimeField)
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, TAB)
    assert after.hasFocus()
    assert field.text() == written


def test_keys_that_cannot_make_a_time_are_refused(form, qtbot):
    field, _after = form(TimeField)
    qtbot.keyClicks(field, "2x5:")  # no letters, and no hour 25
    assert field.text() == "25"


@pytest.mark.parametrize(("start", "end"), [("0900", "1230"), ("9:00", "12:30"), ("9", "12.30")])
def test_meeting_times_typed_either_way_reach_the_store(qtbot, window, start, end):
    tab = window.meeting_tab
    window.tabs.setCurrentWidget(tab)
    tab.start_time.setFocus()
    qtbot.keyClicks(tab.start_time, start)
    qtbot.keyClick(tab.start_time, TAB)
    qtbot.keyClicks(tab.end_time, end)
    qtbot.keyClick(tab.end_time, TAB)

    assert (tab.start_time.text(), tab.end_time.text()) == ("09:00", "12:30")
    settle(qtbot, window)
    meeting = stored(window)
    assert (meeting.start_time, meeting.end_time) == (dt.time(9, 0), dt.time(12, 30))
