"""The window's Ongedaan maken and Opnieuw, driven with her keys: one history, as in Word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services
from taskforce_desktop.ui.app import install_translators
from taskforce_desktop.ui.translation import ENGLISH

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored(window):
    return services.load_meeting(window.store, window.session.meeting_id)


def settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.writer.has_pending())


def stored_titles(window):
    return [item.title for item in stored(window).agenda]


def shown_titles(window):
    model = window.agenda_tab.model
    return [model.record(row).title for row in range(model.rowCount())]


def add_point_delete_it_and_undo(qtbot, window, title="Rondvraag"):
    """Agenda tab: add a point, select it, Del, Ctrl+Z: the point is back."""
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.keyClicks(tab.add_field, title)
    qtbot.keyClick(tab.add_field, Qt.Key.Key_Return)
    tab.table.setFocus()
    tab.table.select_row(len(shown_titles(window)) - 1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert title not in stored_titles(window)
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert stored_titles(window)[-1] == title


def test_typing_notes_and_adding_an_action_end_what_ctrl_y_could_redo(qtbot, window):
    add_point_delete_it_and_undo(qtbot, window)
    assert window.act_redo.isEnabled(), "right after Ctrl+Z the delete can be redone"

    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(notes.notes, "De voorzitter opent.")
    assert not window.act_redo.isEnabled(), "typing is a new change: nothing left to redo"
    qtbot.keyClick(notes.notes, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(notes.action_description, "Zaal reserveren")
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Return)

    notes.agenda_list.setFocus()
    qtbot.keyClick(notes.agenda_list, Qt.Key.Key_Y, CTRL)

    settle(qtbot, window)
    assert stored_titles(window) == ["Opening", "Dienstverlening", "Rondvraag"]
    assert shown_titles(window) == ["Opening", "Dienstverlening", "Rondvraag"]
    minuted = next(item for item in stored(window).agenda if item.id == notes.item_id)
    assert minuted.notes == "De voorzitter opent."
    assert [a.description for a in minuted.actions] == ["Zaal reserveren"]


def test_adding_an_action_alone_ends_what_ctrl_y_could_redo(qtbot, window):
    add_point_delete_it_and_undo(qtbot, window)
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(notes.action_description, "Zaal reserveren")
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Return)
    assert not window.act_redo.isEnabled()

    notes.agenda_list.setFocus()
    qtbot.keyClick(notes.agenda_list, Qt.Key.Key_Y, CTRL)
    assert stored_titles(window)[-1] == "Rondvraag"
    assert shown_titles(window)[-1] == "Rondvraag"


def test_a_delete_done_at_once_says_so_and_how_to_take_it_back(qtbot, window):
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tab.table.setFocus()
    tab.table.select_row(0)
    title = shown_titles(window)[0]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert title not in stored_titles(window)
    assert window.statusBar().currentMessage() == (
        f"Gedaan: agendapunt {title} verwijderen. Ctrl+Z maakt het ongedaan."
    )


def test_ctrl_y_right_after_ctrl_z_still_redoes_the_delete(qtbot, window):
    add_point_delete_it_and_undo(qtbot, window)
    qtbot.keyClick(window.agenda_tab.table, Qt.Key.Key_Y, CTRL)
    assert "Rondvraag" not in stored_titles(window)
    assert "Rondvraag" not in shown_titles(window)


# --- what the actions say ------------------------------------------------------------


def toolbar_button(window, action):
    return window.toolbar.widgetForAction(action)


def test_the_menu_says_what_ctrl_z_takes_back_and_the_toolbar_keeps_its_place(qtbot, window):
    undo_button = toolbar_button(window, window.act_undo)
    redo_button = toolbar_button(window, window.act_redo)
    next_button = toolbar_button(window, window.act_previous_item)
    place_before = next_button.x()
    add_point_delete_it_and_undo(qtbot, window, "Rondvraag met een heel lange titel erbij")

    assert window.act_redo.text() == (
        "Opnieuw: agendapunt Rondvraag met een heel lange titel erbij verwijderen"
    )
    assert window.act_redo.toolTip() == window.act_redo.text()
    assert window.act_redo in window.menu_edit.actions()
    assert (undo_button.text(), redo_button.text()) == ("Ongedaan maken", "Opnieuw")
    assert next_button.x() == place_before, "the toolbar does not jump"

    qtbot.keyClick(window.agenda_tab.table, Qt.Key.Key_Y, CTRL)
    assert window.act_undo.text() == (
        "Ongedaan maken: agendapunt Rondvraag met een heel lange titel erbij verwijderen"
    )
    assert window.act_undo.toolTip() == window.act_undo.text()
    assert undo_button.text() == "Ongedaan maken"
    assert next_button.x() == place_before


@pytest.fixture
def english(qapp):
    installed = install_translators(qapp, ENGLISH)
    yield
    for translator in installed:
        QApplication.removeTranslator(translator)


def test_in_english_the_actions_say_undo_and_redo_with_the_step(
    qtbot, make_window, meeting_id, english
):
    window = make_window()
    add_point_delete_it_and_undo(qtbot, window)
    assert window.act_redo.text() == "Redo: delete agenda item Rondvraag"
    assert toolbar_button(window, window.act_redo).text() == "Redo"
    qtbot.keyClick(window.agenda_tab.table, Qt.Key.Key_Y, CTRL)
    assert window.act_undo.text() == "Undo: delete agenda item Rondvraag"
    assert toolbar_button(window, window.act_undo).text() == "Undo"
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(window.notes_tab.notes, "Opening")
    assert window.act_undo.text() == "Undo: typing"


# --- one Ctrl+Z: the field she types in first, the window's steps after --------------


def delete_second_point(qtbot, window):
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tab.table.setFocus()
    tab.table.select_row(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert stored_titles(window) == ["Opening"]


def test_the_toolbar_undo_takes_back_her_typing_while_she_is_in_the_text(qtbot, window):
    delete_second_point(qtbot, window)
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(notes.notes, "Goed verhaal. Fout woord")
    undo_button = toolbar_button(window, window.act_undo)
    redo_button = toolbar_button(window, window.act_redo)
    assert undo_button.isEnabled() and window.act_undo.text() == "Ongedaan maken: typen"
    assert window.act_undo.toolTip() == "Ongedaan maken: typen"
    assert undo_button.text() == "Ongedaan maken"
    assert not redo_button.isEnabled()

    menu = window.menu_edit
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    assert window.act_undo in menu.actions()
    assert window.act_undo.text() == "Ongedaan maken: typen", "the open menu keeps her field"
    menu.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: notes.notes.hasFocus())

    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    assert notes.notes.markdown() == "Goed verhaal. Fout"
    assert notes.notes.hasFocus()
    assert shown_titles(window) == ["Opening"], "the deleted point stays deleted"
    assert redo_button.isEnabled() and window.act_redo.text() == "Opnieuw: typen"
    qtbot.mouseClick(redo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert stored(window).agenda[0].notes == "Goed verhaal. Fout"
    assert stored_titles(window) == ["Opening"]

    notes.agenda_list.setFocus()
    assert window.act_undo.text() == "Ongedaan maken: agendapunt Dienstverlening verwijderen"
    qtbot.keyClick(notes.agenda_list, Qt.Key.Key_Z, CTRL)
    assert stored_titles(window) == ["Opening", "Dienstverlening"]
    assert shown_titles(window) == ["Opening", "Dienstverlening"]
    assert stored(window).agenda[0].notes == "Goed verhaal. Fout"


def test_ctrl_z_in_a_field_with_nothing_typed_takes_the_step_the_menu_names(qtbot, window):
    delete_second_point(qtbot, window)
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    assert notes.action_description.hasFocus()
    assert window.act_undo.text() == "Ongedaan maken: agendapunt Dienstverlening verwijderen"
    qtbot.keyClicks(notes.action_description, "Zaal")
    assert window.act_undo.text() == "Ongedaan maken: typen"
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Z, CTRL)
    assert notes.action_description.text() == ""
    assert stored_titles(window) == ["Opening"], "Ctrl+Z took back the typing first"
    qtbot.keyClick(notes.action_description, Qt.Key.Key_Z, CTRL)
    assert stored_titles(window) == ["Opening", "Dienstverlening"]


# --- a table cell typed over ---------------------------------------------------------


def type_over_cell(qtbot, table, index, text):
    """She types on the current cell: its editor opens with her first key, Enter commits."""
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not table, "the first key opened the cell's editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(table.hasFocus)  # the delegate commits after the editor had the key


def shown_description(notes):
    model = notes.actions_model
    return model.index(0, model.column_of("description")).data()


def test_ctrl_z_brings_back_an_action_text_typed_over_in_the_table(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.add_action(window.store, item_id, "Zaal reserveren voor februari", owner="Anna")
    window.session.reload()
    notes = window.notes_tab
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    table = notes.actions_table
    model = notes.actions_model
    type_over_cell(qtbot, table, model.index(0, model.column_of("description")), "Test")
    settle(qtbot, window)
    assert stored(window).agenda[0].actions[0].description == "Test"
    assert table.hasFocus()
    assert window.act_undo.isEnabled()
    assert window.act_undo.text() == "Ongedaan maken: cel Omschrijving wijzigen"

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert shown_description(notes) == "Zaal reserveren voor februari"
    settle(qtbot, window)
    action = stored(window).agenda[0].actions[0]
    assert (action.description, action.owner) == ("Zaal reserveren voor februari", "Anna")
    assert window.act_redo.text() == "Opnieuw: cel Omschrijving wijzigen"

    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert shown_description(notes) == "Test"
    settle(qtbot, window)
    assert stored(window).agenda[0].actions[0].description == "Test"


def test_a_cell_change_on_the_agenda_tab_is_one_undo_step_too(qtbot, window):
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    model = tab.model
    type_over_cell(qtbot, tab.table, model.index(1, model.column_of("presenter")), "Bram")
    settle(qtbot, window)
    assert stored(window).agenda[1].presenter == "Bram"

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert model.index(1, model.column_of("presenter")).data() == "Anna de Vries"
    settle(qtbot, window)
    assert stored(window).agenda[1].presenter == "Anna de Vries"
    assert window.notes_tab.actions_model.rowCount() == 0
