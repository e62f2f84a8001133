"""Live mode through a whole meeting, with real key presses: every attendee reachable, the
strip kept after adding, the owner suggestion taken with Enter, the Conclusie, and start and
end times only on the points that were discussed."""

from __future__ import annotations

import datetime as dt

import pytest
from live_support import START, FakeClock, open_the_next_meeting
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services
from taskforce_desktop.core.models import Presence

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NAMES = [
    "Anna de Vries",
    "Bram Jansen",
    "Carla Smit",
    "Dirk Mulder",
    "Eva de Boer",
    "Femke Visser",
    "Gert Bos",
    "Hanna Meijer",
    "Ids de Groot",
    "Joost Peters",
    "Hélène Bakker",
    "Karel Dekker",
]


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def big_meeting(store):
    """Twelve invited who have not arrived yet, and four agenda points."""
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting = services.create_meeting(
        store, committee.id, date="2031-09-12", title="Septemberoverleg"
    )
    services.update_meeting(store, meeting, start_time="10:00", end_time="12:00")
    for name in NAMES:
        attendee = services.add_attendee(store, meeting, name)
        services.update_attendee(store, attendee, presence="absent")
    for title in ("Opening", "Dienstverlening", "Huisvesting", "Rondvraag"):
        services.add_agenda_item(store, meeting, title, planned_minutes=10)
    return meeting


@pytest.fixture
def live(make_window, big_meeting, clock, qtbot):
    window = make_window()
    window.open_meeting(big_meeting)
    window.resize(1366, 768)
    live = window.live.view
    live.clock = clock
    window.live.action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is live)
    return live


def _stored(live):
    return services.load_meeting(live.session.store, live.session.meeting_id)


def _leave_and_read(qtbot, live):
    """Esc back to the tabs (which writes everything), then what the store holds."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not live.active
    return _stored(live)


def _focused():
    return QApplication.focusWidget()


# --- every attendee by keyboard ---------------------------------------------------------


def test_the_eleventh_attendee_is_found_by_a_few_letters_and_marked_arrived(qtbot, live, clock):
    clock.advance(minutes=12)
    qtbot.keyClick(live.editor, Qt.Key.Key_0, ALT)
    strip = live.attendance
    assert _focused() is strip.filter
    assert strip.filter.accessibleName() == "Deelnemer zoeken"

    qtbot.keyClicks(strip.filter, "hele")  # without the accent
    shown = [button.text() for button in strip.buttons if button.isVisible()]
    assert shown == ["Hélène Bakker"]
    assert strip.match_hint.text() == "Enter: Hélène Bakker aanwezig"
    qtbot.keyClick(strip.filter, Qt.Key.Key_Return)

    assert strip.buttons[10].isChecked()
    assert strip.filter.text() == "" and all(button.isVisible() for button in strip.buttons)
    assert _focused() is live.editor, "back to the notes"
    qtbot.keyClicks(live.editor, "Welkom.")
    helene = _leave_and_read(qtbot, live).attendees[10]
    assert (helene.presence, helene.arrived_at) == (Presence.PRESENT, dt.time(10, 12))
    assert _stored(live).agenda[0].notes == "Welkom."


def test_enter_on_someone_already_here_marks_them_left(qtbot, live, clock):
    qtbot.keyClick(live.editor, Qt.Key.Key_0, ALT)
    qtbot.keyClicks(live.attendance.filter, "karel")
    qtbot.keyClick(live.attendance.filter, Qt.Key.Key_Return)
    clock.advance(minutes=50)
    qtbot.keyClick(live.editor, Qt.Key.Key_0, ALT)
    qtbot.keyClicks(live.attendance.filter, "dekk")
    assert live.attendance.match_hint.text() == "Enter: Karel Dekker vertrokken"
    qtbot.keyClick(live.attendance.filter, Qt.Key.Key_Return)

    karel = _leave_and_read(qtbot, live).attendees[11]
    assert (karel.arrived_at, karel.departed_at) == (dt.time(10, 0), dt.time(10, 50))


def test_esc_in_the_filter_goes_back_to_the_notes_and_stays_live(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_0, ALT)
    qtbot.keyClicks(live.attendance.filter, "zzz")
    assert live.attendance.match_hint.text() == "niemand gevonden"
    qtbot.keyClick(live.attendance.filter, Qt.Key.Key_Return)  # nobody: nothing happens
    qtbot.keyClick(live.attendance.filter, Qt.Key.Key_Escape)

    assert live.active and _focused() is live.editor
    assert live.attendance.filter.text() == ""
    assert all(a.presence is Presence.ABSENT for a in _leave_and_read(qtbot, live).attendees)


def test_the_number_keys_still_reach_the_first_nine(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_9, ALT)
    assert live.attendance.buttons[8].isChecked()
    assert live.attendance.buttons[8].text() == "9 Ids de Groot"
    assert live.attendance.buttons[9].text() == "Joost Peters"  # no key of its own


# --- the strip after adding ---------------------------------------------------------------


def _visible_in_strip(strip, button) -> bool:
    viewport = strip.scroll_area.viewport()
    top_left = button.mapTo(viewport, QPoint(0, 0))
    return (
        button.isVisible()
        and top_left.y() >= 0
        and top_left.y() + button.height() <= viewport.height()
        and top_left.x() < viewport.width()
    )


def test_the_attendee_strip_stays_filled_after_adding_an_action(qtbot, live):
    strip = live.attendance
    assert _visible_in_strip(strip, strip.buttons[0])
    first_left = strip.buttons[0].mapTo(strip.scroll_area.viewport(), QPoint(0, 0)).x()

    for _ in range(2):
        qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
        qtbot.keyClicks(live.capture.text, "Notitie over wachttijden")
        qtbot.keyClick(live.capture.text, Qt.Key.Key_Return)
        qtbot.wait(10)  # the replaced buttons are deleted later

    assert len(_stored(live).agenda[0].actions) == 2
    assert len(strip.buttons) == len(NAMES)
    assert _visible_in_strip(strip, strip.buttons[0]), "the names are still there to see"
    assert strip.buttons[0].mapTo(strip.scroll_area.viewport(), QPoint(0, 0)).x() == first_left


# --- the owner suggestion -----------------------------------------------------------------


def test_enter_on_the_owner_suggestion_moves_on_to_the_due_date(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    capture = live.capture
    qtbot.keyClicks(capture.text, "Notitie over wachttijden")
    qtbot.keyClick(capture.text, Qt.Key.Key_Tab)
    assert _focused() is capture.owner
    qtbot.keyClicks(capture.owner, "hanna")
    popup = capture.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: _focused() is capture.due)
    assert capture.owner.text() == "Hanna Meijer"
    assert capture.isVisible() and _stored(live).agenda[0].actions == ()
    qtbot.keyClicks(capture.due, "vrijdag")
    qtbot.keyClick(capture.due, Qt.Key.Key_Return)

    (action,) = _stored(live).agenda[0].actions
    assert (action.description, action.owner, action.due) == (
        "Notitie over wachttijden",
        "Hanna Meijer",
        dt.date(2031, 9, 19),
    )


def test_enter_in_the_owner_field_without_a_suggestion_also_moves_on(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    capture = live.capture
    qtbot.keyClicks(capture.text, "Zaal reserveren")
    capture.owner.setFocus()
    qtbot.keyClicks(capture.owner, "De griffie")
    qtbot.keyClick(capture.owner, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focused() is capture.due)
    qtbot.keyClick(capture.due, Qt.Key.Key_Return)  # no date: saved without one

    (action,) = _stored(live).agenda[0].actions
    assert (action.owner, action.due) == ("De griffie", None)


# --- the Conclusie ------------------------------------------------------------------------


def test_the_conclusie_sits_beside_the_impressie_and_is_saved(qtbot, live):
    qtbot.keyClicks(live.editor, "Iedereen is welkom.")
    qtbot.keyClick(live.editor, Qt.Key.Key_C, ALT)
    assert _focused() is live.conclusion
    assert live.conclusion.accessibleName() == "Conclusie"
    qtbot.keyClicks(live.conclusion, "De agenda is vastgesteld.")

    notes = live.editor.geometry()
    conclusion = live.conclusion.geometry()
    assert conclusion.left() > notes.right() and conclusion.top() == notes.top()
    assert conclusion.width() > 300, "wide enough to write in at 1366 pixels"

    qtbot.keyClick(live.conclusion, Qt.Key.Key_PageDown, CTRL)
    assert live.conclusion.markdown() == ""  # the next point's own, empty conclusion
    qtbot.keyClick(live.conclusion, Qt.Key.Key_PageUp, CTRL)
    assert live.conclusion.markdown() == "De agenda is vastgesteld."
    opening = _leave_and_read(qtbot, live).agenda[0]
    assert (opening.notes, opening.conclusion) == (
        "Iedereen is welkom.",
        "De agenda is vastgesteld.",
    )


# --- start and end times ------------------------------------------------------------------


def _page(qtbot, live, clock, key, times):
    for _ in range(times):
        clock.advance(seconds=3)
        qtbot.keyClick(live.editor, key, CTRL)
        live.tick()


def test_paging_past_points_and_back_stamps_only_the_point_discussed(qtbot, live, clock):
    qtbot.keyClicks(live.editor, "Welkom.")
    clock.advance(minutes=5)
    _page(qtbot, live, clock, Qt.Key.Key_PageDown, 3)  # by mistake, to the last point
    assert live.item_label.text() == "4. Rondvraag"
    _page(qtbot, live, clock, Qt.Key.Key_PageUp, 3)  # and back
    assert live.item_label.text() == "1. Opening"
    clock.advance(minutes=2)
    live.tick()

    opening, *later = _leave_and_read(qtbot, live).agenda
    assert opening.started_at == START
    assert opening.ended_at == START + dt.timedelta(minutes=5, seconds=3)
    assert [(item.started_at, item.ended_at) for item in later] == [(None, None)] * 3


def test_a_point_kept_in_front_for_a_minute_counts_from_when_she_moved_to_it(qtbot, live, clock):
    qtbot.keyClicks(live.editor, "Welkom.")
    clock.advance(minutes=5)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)
    moved = clock.now
    clock.advance(seconds=59)
    live.tick()
    assert _stored(live).agenda[1].started_at is None  # not yet: she may page on
    clock.advance(seconds=1)
    live.tick()
    assert live.timing_label.text() == "1 van 10 min"
    clock.advance(minutes=9)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)

    opening, service, housing, _ = _leave_and_read(qtbot, live).agenda
    assert (opening.started_at, opening.ended_at) == (START, moved)
    assert (service.started_at, service.ended_at) == (moved, moved + dt.timedelta(minutes=10))
    assert (housing.started_at, housing.ended_at) == (None, None)


def test_going_back_to_read_a_finished_point_keeps_its_times(qtbot, live, clock):
    qtbot.keyClicks(live.editor, "Welkom.")
    clock.advance(minutes=5)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClicks(live.editor, "Wachttijden.")
    clock.advance(minutes=10)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageUp, CTRL)  # to read what was said
    clock.advance(minutes=3)
    live.tick()
    assert live.timing_label.text() == "5 van 10 min", "how long the point took"
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)

    opening = _leave_and_read(qtbot, live).agenda[0]
    assert (opening.started_at, opening.ended_at) == (START, START + dt.timedelta(minutes=5))


def test_typing_in_a_finished_point_resumes_it(qtbot, live, clock):
    qtbot.keyClicks(live.editor, "Welkom.")
    clock.advance(minutes=5)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)
    clock.advance(minutes=10)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(live.editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(live.editor, " Nog een mededeling.")
    clock.advance(minutes=2)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)

    opening, service, *_ = _leave_and_read(qtbot, live).agenda
    assert opening.notes == "Welkom. Nog een mededeling."
    assert (opening.started_at, opening.ended_at) == (START, START + dt.timedelta(minutes=17))
    assert service.ended_at == START + dt.timedelta(minutes=15)


def test_an_open_point_is_ended_when_she_comes_back_to_live_mode_and_moves_on(qtbot, live, clock):
    window = live.window()
    qtbot.keyClicks(live.editor, "Welkom.")
    clock.advance(minutes=4)
    qtbot.keyClick(live.editor, Qt.Key.Key_Escape)  # to the tabs a moment: ends nothing
    assert _stored(live).agenda[0].ended_at is None
    window.live.action.trigger()
    clock.advance(minutes=1)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, CTRL)

    opening = _leave_and_read(qtbot, live).agenda[0]
    assert (opening.started_at, opening.ended_at) == (START, START + dt.timedelta(minutes=5))


def test_ctrl_e_in_live_mode_puts_the_cursor_in_the_live_impressie(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_C, ALT)
    qtbot.keyClick(live.conclusion, Qt.Key.Key_E, CTRL)
    assert _focused() is live.editor


def test_ticking_off_an_action_on_the_actielijst_counts_as_discussing_it(
    qtbot, make_window, meeting_id, clock
):
    window = make_window()
    store = window.store
    services.add_action(store, window.session.meeting.agenda[1].id, "Wachttijden uitzoeken")
    open_the_next_meeting(window, clock)
    live = window.live.view
    window.session.select_agenda_item(window.session.meeting.agenda[1].id)
    window.live.action.trigger()
    assert live.review_list.isVisible()

    clock.advance(seconds=20)
    live.review_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: live.review_list.item(0).checkState() == Qt.CheckState.Checked)
    clock.advance(seconds=20)
    qtbot.keyClick(live.editor, Qt.Key.Key_PageUp, CTRL)

    review = _leave_and_read(qtbot, live).agenda[1]
    assert (review.started_at, review.ended_at) == (START, START + dt.timedelta(seconds=40))


@pytest.fixture
def early_live(make_window, big_meeting, clock, qtbot):
    """Live mode opened ten minutes before the meeting's planned start at 10:00."""
    window = make_window()
    window.open_meeting(big_meeting)
    clock.now = START - dt.timedelta(minutes=10)
    window.live.view.clock = clock
    window.live.action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.live.view)
    return window.live.view


def test_waiting_for_the_meeting_to_begin_is_not_time_on_the_opening(qtbot, early_live, clock):
    live = early_live
    clock.advance(minutes=9)
    live.tick()
    assert (live.timing_label.text(), live.timing) == ("0 van 10 min", "normal")
    clock.advance(minutes=3)  # 10:02
    live.tick()
    assert live.timing_label.text() == "2 van 10 min"

    assert _leave_and_read(qtbot, live).agenda[0].started_at == START


def test_typing_in_the_opening_before_the_planned_start_starts_it_then(qtbot, early_live, clock):
    live = early_live
    clock.advance(minutes=7)  # 9:57, the chair opens early
    qtbot.keyClicks(live.editor, "De voorzitter opent de vergadering.")

    assert _leave_and_read(qtbot, live).agenda[0].started_at == START - dt.timedelta(minutes=3)
