"""Nieuwe vergadering (issue 16): taking over is offered only when the committee met before,
and the previous meeting's guests come along only when she ticks it."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from taskforce_desktop.core import services
from taskforce_desktop.core.models import Role
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog


@pytest.fixture
def committees(store):
    met = services.create_committee(store, "Taskforce Samen Organiseren")
    services.create_meeting(store, met.id, date="2031-09-12", title="September")
    return [met, services.create_committee(store, "Werkgroep Inkoop")]


def test_a_committee_that_never_met_has_nothing_to_take_over(qtbot, store, committees):
    met, new = committees
    dialog = NewMeetingDialog(committees, new.id, None, {met.id})
    qtbot.addWidget(dialog)
    assert not dialog.from_previous.isChecked() and not dialog.from_previous.isEnabled()
    assert not dialog.request().from_previous

    dialog.committee.setCurrentIndex(dialog.committee.findData(met.id))
    assert dialog.from_previous.isChecked() and dialog.from_previous.isEnabled()
    assert dialog.request().from_previous and not dialog.request().with_guests

    dialog.committee.setEditText("Een overleg dat nog niet bestaat")
    assert not dialog.from_previous.isChecked() and not dialog.request().from_previous


def test_the_window_takes_over_only_from_a_committee_that_met(
    qtbot, make_window, store, committees, monkeypatch
):
    met, new = committees
    september = services.list_meetings(store)[0].id
    services.add_attendee(store, september, "Ilse Kramer", role=Role.CHAIR)
    services.add_attendee(store, september, "Tom Hendriks", role=Role.GUEST)
    window = make_window()
    asked = []

    def answer(cls, parent, committee_list, preferred, with_meetings, rhythm):
        dialog = cls(committee_list, preferred, parent, with_meetings, rhythm)
        qtbot.addWidget(dialog)
        asked.append(dialog)
        dialog.committee.setCurrentIndex(dialog.committee.findData(met.id))
        dialog.date.set_value(dt.date(2031, 11, 14))
        dialog.with_guests.setChecked(True)
        return dialog.request()

    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(answer))
    window.new_meeting()
    meeting = window.session.meeting
    assert meeting.date == dt.date(2031, 11, 14) and meeting.title == "September"
    assert [a.person.name for a in meeting.attendees] == ["Ilse Kramer", "Tom Hendriks"]


def test_typing_the_committee_replaces_the_one_shown(qtbot, store, committees):
    # The open meeting's committee is shown; she types a name as in any Word field, and it
    # must not land behind the name shown ("Taskforce …Taskforce …").
    met, new = committees
    dialog = NewMeetingDialog(committees, new.id, None, {met.id})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    field = dialog.committee.lineEdit()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Taskforce Samen Organiseren")
    assert dialog.committee.currentText() == "Taskforce Samen Organiseren"
    assert dialog.from_previous.isChecked()


def test_a_date_that_is_no_date_is_said_and_the_meeting_is_not_made_on_another(
    qtbot, store, committees
):
    met, _new = committees
    dialog = NewMeetingDialog(committees, met.id, None, {met.id})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.date.setFocus()
    qtbot.waitUntil(dialog.date.hasFocus)
    shown_before = dialog.date.text()
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, "13-13-2027")
    create = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)  # takes the focus from the date first
    assert dialog.isVisible()
    assert "„13-13-2027” is geen datum" in dialog.problem.text()
    assert shown_before in dialog.problem.text() and dialog.date.text() == shown_before
    assert dialog.date.hasFocus()
    # Typed the way a number pad makes it easy, the date is taken.
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, "13012027")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.result() == NewMeetingDialog.DialogCode.Accepted
    assert dialog.request().date == dt.date(2027, 1, 13)


def test_the_title_hint_names_the_previous_title_only_when_there_is_one(qtbot, committees):
    met, new = committees
    dialog = NewMeetingDialog(committees, new.id, None, {met.id})
    qtbot.addWidget(dialog)
    assert "vorige vergadering" not in dialog.title.placeholderText()
    dialog.committee.setCurrentIndex(dialog.committee.findData(met.id))
    assert "vorige vergadering" in dialog.title.placeholderText()


def test_a_refused_date_is_said_in_a_wrapped_line_and_goes_once_a_date_is_typed(
    qtbot, make_window, store, committees, monkeypatch
):
    """Found in a real window: the red message stayed after a good date, and it made the
    dialog wider than it was."""
    met, _new = committees
    window = make_window()
    seen = {}

    def answer(cls, parent, committee_list, preferred, with_meetings, rhythm):
        dialog = cls(committee_list, preferred, parent, with_meetings, rhythm)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        width = dialog.width()
        dialog.date.setFocus()
        qtbot.waitUntil(dialog.date.hasFocus)
        dialog.date.selectAll()
        qtbot.keyClicks(dialog.date, "13-13-2027")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
        seen["refused"] = dialog.problem.text()
        QApplication.processEvents()  # the layout's resize, as the screen shows it
        seen["whole"] = dialog.problem.height() >= dialog.problem.heightForWidth(
            dialog.problem.width()
        )
        seen["widths"] = (width, dialog.width())
        seen["inside"] = dialog.rect().contains(dialog.problem.geometry())

        qtbot.keyClick(dialog.from_previous, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        dialog.date.selectAll()
        qtbot.keyClicks(dialog.date, "14-1")
        seen["after a date"] = (dialog.problem.text(), dialog.problem.isVisible())
        qtbot.keyClicks(dialog.date, "-2027")
        create = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        seen["made"] = dialog.result() == NewMeetingDialog.DialogCode.Accepted
        return dialog.request()

    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(answer))
    window.new_meeting()

    assert seen["refused"].startswith("„13-13-2027” is geen datum")
    width_before, width_with_message = seen["widths"]
    assert width_with_message == width_before and seen["inside"] and seen["whole"]
    assert seen["after a date"][0] == ""
    assert seen["made"], "one click on Aanmaken, as the new date was taken"
    stored = services.load_meeting(store, window.session.meeting_id)
    assert stored.date == dt.date(2027, 1, 14)


def test_the_date_follows_the_committees_rhythm_until_she_types_one(qtbot, store, committees):
    met, new = committees
    services.create_meeting(store, met.id, date="2031-10-10", title="Oktober")
    rhythm = services.next_meetings_in_rhythm(store, dt.date(2031, 10, 20))
    dialog = NewMeetingDialog(committees, met.id, None, {met.id}, rhythm)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.request().date == dt.date(2031, 11, 7)
    assert dialog.rhythm_note.isVisible()
    assert dialog.rhythm_note.text() == (
        "Voorgesteld in het ritme van dit overleg: om de 4 weken; de vorige was op "
        "10 oktober 2031."
    )
    # A committee without a rhythm: today, and no note.
    dialog.committee.setCurrentIndex(dialog.committee.findData(new.id))
    assert dialog.request().date == dt.date.today()
    assert not dialog.rhythm_note.isVisible()

    dialog.committee.setCurrentIndex(dialog.committee.findData(met.id))
    dialog.date.setFocus()
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, "21-11-2031")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert not dialog.rhythm_note.isVisible()
    # Her date stays when she picks another committee after it.
    dialog.committee.setCurrentIndex(dialog.committee.findData(new.id))
    dialog.committee.setCurrentIndex(dialog.committee.findData(met.id))
    assert dialog.request().date == dt.date(2031, 11, 21)
