"""Journeys through the window the way the secretary minutes a meeting, checked at every step."""

from __future__ import annotations

from journey_driver import CTRL, Secretary, agenda_ids
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services


def test_notes_survive_leaving_a_point_and_coming_back(qtbot, window):
    """Defect 1: back at a point, its Impressie was empty and the next key overwrote it."""
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("Alpha")
    she.check()
    she.next_point()
    she.check()
    she.previous_point()
    she.check()  # the editor shows "Alpha" again
    she.type_notes(" Beta")
    she.check()  # the store holds "Alpha Beta", not "Beta"


def test_edits_on_the_agenda_tab_show_on_the_impressies_tab(qtbot, window):
    """Defect 1: the purpose, presenter and toelichting edited on the Agenda tab went stale."""
    first, _second = agenda_ids(window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    window.show_tab(window.tabs.indexOf(window.agenda_tab))
    model = window.agenda_tab.model
    row = model.row_of(first)
    model.setData(model.index(row, model.column_of("presenter")), "Carla Smit")
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    assert "inbreng: Carla Smit" in window.notes_tab.details.text()
    assert window.session.agenda_item(first).presenter == "Carla Smit"
    Secretary(qtbot, window).wait_saved()
    stored = services.load_meeting(window.store, window.session.meeting_id).agenda[0]
    assert stored.presenter == "Carla Smit"


def test_walking_the_agenda_and_the_tabs_keeps_every_word(qtbot, window):
    """Type in both points, switch tabs in between, come back to each and go on writing."""
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("Welkom.")
    she.next_point()
    she.type_notes("Anna licht de plannen toe.")
    she.type_notes("Geen bezwaar.", "conclusion")
    she.check()
    for tab in (window.meeting_tab, window.agenda_tab, window.attendees_tab, window.notes_tab):
        window.show_tab(window.tabs.indexOf(tab))
        she.check()
    she.previous_point()
    she.type_notes(" Iedereen is er.")
    she.next_point()
    she.type_notes(" De raad krijgt een brief.")
    she.check()
    she.press(Qt.Key.Key_PageUp, CTRL)
    she.check()


def test_a_tab_chosen_from_the_meeting_filter_takes_the_keys_typed_next(qtbot, window):
    """Ctrl+4 from the meeting filter showed the Impressies but left the cursor in the filter."""
    she = Secretary(qtbot, window)
    assert QApplication.focusWidget() is window.meeting_tab.title  # first start: first field
    she.press(Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is window.filter_field
    she.press(Qt.Key.Key_4, CTRL)
    assert QApplication.focusWidget() is window.notes_tab.notes
    she.type("Genoteerd.")
    she.typed[(she.point_on_screen(), "notes")] = "Genoteerd."
    she.check()
    assert window.filter_field.text() == ""


def test_a_tab_chosen_from_another_tab_takes_the_keys_typed_next(qtbot, window):
    """From the meeting's title, Ctrl+4 left the cursor in the list of points (seen under X)."""
    she = Secretary(qtbot, window)
    window.meeting_tab.title.setFocus()
    she.press(Qt.Key.Key_4, CTRL)
    assert QApplication.focusWidget() is window.notes_tab.notes
    she.type("Genoteerd.")
    she.typed[(she.point_on_screen(), "notes")] = "Genoteerd."
    she.check()
