"""The Live capture panel as the tester used it: nothing typed is lost when it closes, Tab
goes round inside it, Esc clears the attendee search first, what was added shows in Live,
and the "Wanneer" example fits at 1366 by 768."""

from __future__ import annotations

import datetime as dt

import pytest
from live_support import FakeClock
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionFrame

from taskforce_desktop.core import services
from taskforce_desktop.ui.drafts import Draft, read_drafts, write_drafts
from taskforce_desktop.ui.live.capture import DRAFTS_KEY

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NAMES = ["Anna Jansen", "Pieter Bakker", "Fatima El Amrani"]
FRIDAY_IN_TWO_WEEKS = dt.date(2031, 9, 26)  # the clock says Friday 12 September 2031


@pytest.fixture
def meeting(store):
    committee = services.create_committee(store, "Adviesraad Sociaal Domein")
    meeting = services.create_meeting(
        store, committee.id, date="2031-09-12", title="Vergadering september"
    )
    for name in NAMES:
        services.add_attendee(store, meeting, name)
    for title in ("Opening", "Huisvesting"):
        services.add_agenda_item(store, meeting, title, planned_minutes=10)
    return meeting


@pytest.fixture
def live(make_window, meeting, qtbot):
    window = make_window()
    window.open_meeting(meeting)
    window.resize(1366, 768)
    live = window.live.view
    live.clock = FakeClock()
    window.live.action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is live)
    return live


def _stored_actions(live):
    meeting = services.load_meeting(live.session.store, live.session.meeting_id)
    return meeting.agenda[0].actions


def _focused():
    return QApplication.focusWidget()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(_focused(), key, modifier)


def _suggested_owners(qtbot, live, text, letters):
    """A new action's text, Tab, a few letters of its owner: the list of suggestions."""
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(live.capture.text, text)
    _press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(live.capture.owner, letters)
    popup = live.capture.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def _type_action_and_owner(qtbot, live):
    """As the tester did: the text, Tab, "Piet", Down, Enter to take Pieter Bakker."""
    capture = live.capture
    popup = _suggested_owners(qtbot, live, "Zaal reserveren voor februari", "Piet")
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):  # the first suggestion, taken
        qtbot.keyClick(popup, key)
    qtbot.waitUntil(lambda: _focused() is capture.due)
    # Offscreen, the closed list stays the active window, and activating the window again
    # puts the cursor back where it was before the list opened; on a desktop neither happens.
    live.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is live.window())
    capture.due.setFocus()


def test_her_habitual_tab_after_taking_an_owner_does_not_lose_the_date(qtbot, live):
    _type_action_and_owner(qtbot, live)
    capture = live.capture
    assert capture.owner.text() == "Pieter Bakker"
    assert _focused() is capture.due, "Enter took the name and moved on"

    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused() is capture.add_button
    for key in "over 2 weken":
        qtbot.keyClicks(_focused(), key)  # each key where the focus is then, as she types

    assert capture.due.text() == "over 2 weken"
    assert live.attendance.filter.text() == ""
    assert all(button.isVisible() for button in live.attendance.buttons), "names still shown"
    _press(qtbot, Qt.Key.Key_Return)
    (action,) = _stored_actions(live)
    assert (action.description, action.owner, action.due) == (
        "Zaal reserveren voor februari",
        "Pieter Bakker",
        FRIDAY_IN_TWO_WEEKS,
    )


def test_tab_goes_round_inside_the_panel(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    capture = live.capture
    order = [capture.text, capture.owner, capture.due, capture.add_button]
    seen = [_focused()]
    for _ in order:
        _press(qtbot, Qt.Key.Key_Tab)
        seen.append(_focused())
    assert seen == [*order, capture.text]
    _press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert _focused() is capture.add_button

    qtbot.keyClick(live.editor, Qt.Key.Key_B, CTRL_SHIFT)  # a decision: text and Toevoegen
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused() is capture.add_button
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused() is capture.text


def test_esc_keeps_the_half_typed_action_and_ctrl_shift_a_brings_it_back(qtbot, live):
    _type_action_and_owner(qtbot, live)
    capture = live.capture
    qtbot.keyClicks(_focused(), "over 2")
    assert capture.due.text() == "over 2"

    _press(qtbot, Qt.Key.Key_Escape)
    assert not capture.isVisible()
    assert _focused() is live.editor
    assert capture.note.isVisible()
    assert "Ctrl+Shift+A haalt het terug" in capture.note.text()
    assert _stored_actions(live) == ()

    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert (capture.text.text(), capture.owner.text(), capture.due.text()) == (
        "Zaal reserveren voor februari",
        "Pieter Bakker",
        "over 2",
    )
    assert _focused() is capture.due, "back in the field she left"
    assert "staat er weer" in capture.note.text()
    qtbot.keyClicks(capture.due, " weken")
    _press(qtbot, Qt.Key.Key_Return)

    (action,) = _stored_actions(live)
    assert (action.owner, action.due) == ("Pieter Bakker", FRIDAY_IN_TWO_WEEKS)
    assert not capture.note.isVisible()
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert capture.text.text() == "" and capture.owner.text() == "", "added: a fresh panel"


def test_the_draft_survives_leaving_live_and_another_panel(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(live.capture.text, "Offerte opvragen")
    qtbot.keyClick(live.capture.text, Qt.Key.Key_B, CTRL_SHIFT)  # the decision panel instead
    assert live.capture.text.text() == ""
    assert "Ctrl+Shift+A haalt het terug" in live.capture.note.text()
    _press(qtbot, Qt.Key.Key_F11)  # back to the tabs with the panel open
    assert not live.active

    window = live.window()
    assert window.pages.currentWidget() is not live
    window.live.action.trigger()
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert live.capture.text.text() == "Offerte opvragen"


def test_leegmaken_is_the_one_way_to_throw_a_draft_away(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(live.capture.text, "Iets wat toch niet hoeft")
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.mouseClick(live.capture.discard_button, Qt.MouseButton.LeftButton)
    assert live.capture.text.text() == ""
    _press(qtbot, Qt.Key.Key_Escape)
    assert not live.capture.note.isVisible()
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert live.capture.text.text() == ""
    assert _stored_actions(live) == ()


def test_esc_in_the_attendee_search_clears_it_before_closing_the_panel(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    capture = live.capture
    qtbot.keyClicks(capture.text, "Zaal reserveren")
    _press(qtbot, Qt.Key.Key_0, ALT)
    strip = live.attendance
    qtbot.keyClicks(strip.filter, "over 2 weken")
    assert strip.match_hint.text() == "niemand gevonden"

    _press(qtbot, Qt.Key.Key_Escape)
    assert strip.filter.text() == "" and strip.match_hint.text() == ""
    assert all(button.isVisible() for button in strip.buttons)
    assert capture.isVisible() and _focused() is capture.text
    assert capture.text.text() == "Zaal reserveren"

    _press(qtbot, Qt.Key.Key_Escape)
    assert not capture.isVisible() and live.active
    _press(qtbot, Qt.Key.Key_Escape)
    assert not live.active


def test_esc_with_the_owner_suggestions_open_closes_only_the_suggestions(qtbot, live):
    capture = live.capture
    popup = _suggested_owners(qtbot, live, "Tweede actie", "Fat")

    qtbot.keyClick(capture.owner, Qt.Key.Key_Escape)  # on a desktop the window's Esc sees it

    assert not popup.isVisible()
    assert capture.isVisible() and capture.owner.text() == "Fat"
    assert _stored_actions(live) == ()


def test_an_added_action_shows_in_live_with_its_owner_and_date(qtbot, live):
    _type_action_and_owner(qtbot, live)
    qtbot.keyClicks(_focused(), "over 2 weken")
    _press(qtbot, Qt.Key.Key_Return)

    (action,) = _stored_actions(live)
    shown = live.added_label.text()
    assert live.added_label.isVisible()
    assert shown == (
        f"Actiepunt {action.number}: Zaal reserveren voor februari — Pieter Bakker"
        " — 26 september 2031"
    )
    assert "Nieuw bij dit punt: 1 actiepunt" in live.detail_label.text()


def test_live_shows_the_last_three_added_and_how_many_before(qtbot, live):
    for number in range(1, 5):
        qtbot.keyClick(live.editor, Qt.Key.Key_B, CTRL_SHIFT)
        qtbot.keyClicks(live.capture.text, f"Besluit {number}")
        _press(qtbot, Qt.Key.Key_Return)
    lines = live.added_label.text().splitlines()
    assert lines[0] == "… en 1 eerder"
    assert [line.rsplit(": ", 1)[1] for line in lines[1:]] == [
        "Besluit 2",
        "Besluit 3",
        "Besluit 4",
    ]


def _room_for_text(field) -> int:
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return contents.width() - margins.left() - margins.right() - 4  # the line edit's own 2+2


def test_the_wanneer_example_is_not_cut_off_at_1366_pixels(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    due = live.capture.due
    qtbot.waitUntil(lambda: live.window().width() == 1366)
    example = due.fontMetrics().horizontalAdvance(due.placeholderText())
    assert example <= _room_for_text(due)
    qtbot.keyClicks(due, "vrijdag")  # the recognised date appears beside it
    assert example <= _room_for_text(due)
    assert live.capture.geometry().right() <= live.width()


def test_a_half_typed_action_is_there_again_after_she_quits_and_starts_again(
    qtbot, live, make_window
):
    """The panel still open, the window closed (Ctrl+Q, a logoff, the battery): the draft
    is in the window's settings from her last key on, not only in the closed window."""
    _type_action_and_owner(qtbot, live)
    qtbot.keyClicks(_focused(), "vrijdag")
    meeting_id = live.session.meeting_id
    live.window().close()
    assert _stored_actions(live) == ()

    window = make_window()
    window.open_meeting(meeting_id)
    window.live.action.trigger()
    again = window.live.view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is again)
    assert "Ctrl+Shift+A haalt het terug" in again.capture.note.text()
    qtbot.keyClick(again.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert (again.capture.text.text(), again.capture.owner.text(), again.capture.due.text()) == (
        "Zaal reserveren voor februari",
        "Pieter Bakker",
        "vrijdag",
    )
    _press(qtbot, Qt.Key.Key_Return)
    assert [a.description for a in _stored_actions(again)] == ["Zaal reserveren voor februari"]
    # Added: nothing is kept for the next start any more.
    window.close()
    third = make_window()
    assert third.live.view.capture.drafts == {}


def test_kept_drafts_that_are_damaged_are_left_out(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    kept = {(7, "action"): Draft("Offerte “vragen”", "Anna", "", "owner")}
    write_drafts(settings, DRAFTS_KEY, kept)
    assert read_drafts(settings, DRAFTS_KEY) == kept
    for damaged in ("{niet af", '{"7": {"action": {"tekst": "x"}}}', "[1, 2]"):
        settings.setValue(DRAFTS_KEY, damaged)
        assert read_drafts(settings, DRAFTS_KEY) == {}
    write_drafts(settings, DRAFTS_KEY, {})
    assert not settings.contains(DRAFTS_KEY)


def test_a_draft_brought_back_and_left_as_it_was_survives_a_quit(qtbot, live, make_window):
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(live.capture.text, "Offerte opvragen")
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.keyClick(live.editor, Qt.Key.Key_A, CTRL_SHIFT)  # back, and no key typed since
    assert live.capture.text.text() == "Offerte opvragen"
    meeting_id = live.session.meeting_id
    live.window().close()

    window = make_window()
    window.open_meeting(meeting_id)
    window.live.action.trigger()
    again = window.live.view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is again)
    qtbot.keyClick(again.editor, Qt.Key.Key_A, CTRL_SHIFT)
    assert again.capture.text.text() == "Offerte opvragen"


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["Tab", "Enter"])
def test_tab_or_enter_with_the_suggestions_open_takes_the_first_name(qtbot, live, key):
    capture = live.capture
    popup = _suggested_owners(qtbot, live, "Offerte opvragen", "Anna")
    assert not popup.currentIndex().isValid(), "none highlighted, as the tester left it"

    qtbot.keyClick(popup, key)  # on a desktop the open list gets her keys

    assert capture.owner.text() == "Anna Jansen" and not popup.isVisible()
    qtbot.waitUntil(lambda: capture.due.hasFocus())
    qtbot.keyClicks(capture.due, "vrijdag")
    qtbot.keyClick(capture.due, Qt.Key.Key_Return)
    (action,) = _stored_actions(live)
    assert (action.description, action.owner) == ("Offerte opvragen", "Anna Jansen")


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        ((Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier), "notes_tab"),
        ((Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier), "filter_field"),
    ],
)
def test_a_key_for_a_tab_or_the_list_leaves_live_so_her_typing_shows(qtbot, live, keys, shown):
    """Ctrl+4 in Live put the cursor in the hidden Impressies tab: what she typed next was
    stored, but never shown."""
    window = live.window()
    qtbot.keyClick(live.editor, *keys)
    assert not live.active and window.pages.currentWidget() is window.tabs
    focused = _focused()
    assert focused is not None and focused.isVisible()
    if shown == "notes_tab":
        assert window.tabs.currentWidget() is window.notes_tab
    else:
        assert focused is window.filter_field
