"""Reaching and confirming everything by keyboard: dialogs, mnemonics, the shortcut list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from taskforce_desktop.core import approval, services
from taskforce_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from taskforce_desktop.ui.dialogs.simple import MultilineQuestion


@pytest.mark.modal_dialogs
def test_approving_the_previous_verslag_is_confirmed_by_keyboard(qtbot, window):
    committee = window.session.meeting.committee.id
    first = window.session.meeting_id
    second = services.create_meeting_from_previous(window.store, committee, "2031-11-14")
    window.refresh_meetings()
    window.open_meeting(second)
    typed = []

    def answer_by_keyboard():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer_by_keyboard)
            return
        if not isinstance(dialog, MultilineQuestion):
            dialog.reject()  # a dialog this test cannot answer: the assertions say so
            return
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.field.hasFocus)
            qtbot.keyClicks(dialog.field, "Spelling van een naam.")
            qtbot.keyClick(dialog.field, Qt.Key.Key_Tab)
            typed.append((dialog.field.toPlainText(), dialog.ok_button.hasFocus()))
            qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer_by_keyboard)
    window.followup.approval.act_approve_previous.trigger()
    assert typed == [("Spelling van een naam.", True)]
    assert approval.approval_state(window.store, first).corrections == "Spelling van een naam."


def mnemonic(text: str) -> str:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case; '' if none."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


def clashes(texts: list[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for text in texts:
        if key := mnemonic(text):
            by_key.setdefault(key, []).append(text)
    return {key: shared for key, shared in by_key.items() if len(shared) > 1}


def menus_of(menu) -> list:
    found = [menu]
    for action in menu.actions():
        if action.menu() is not None:
            found += menus_of(action.menu())
    return found


def test_no_two_items_of_one_menu_share_a_mnemonic(window):
    bar = window.menuBar()
    menus = [m for action in bar.actions() if action.menu() for m in menus_of(action.menu())]
    assert clashes([action.text() for action in bar.actions()]) == {}
    for menu in menus:
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert clashes(texts) == {}, menu.title()


def page_mnemonics(root: QWidget, tabs: QTabWidget) -> list[str]:
    """What Alt+letter can reach on the page shown: the tabs, labels, buttons (and menus)."""
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    if isinstance(root, QMainWindow):
        texts += [action.text() for action in root.menuBar().actions()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
    return texts


@pytest.mark.parametrize("tab", range(5))
def test_no_two_labels_of_one_page_share_a_mnemonic(qtbot, window, tab):
    window.show_tab(tab)
    qtbot.wait(20)
    assert clashes(page_mnemonics(window, window.tabs)) == {}


@pytest.mark.parametrize("page", range(4))
def test_no_two_labels_of_the_followup_window_share_a_mnemonic(window, page):
    dialog = window.followup.window
    dialog.show_page(dialog.tabs.widget(page))
    assert clashes(page_mnemonics(dialog, dialog.tabs)) == {}


def test_alt_down_in_the_role_cell_opens_its_list_and_moves_no_attendee(qtbot, window):
    tab = window.attendees_tab
    window.show_tab(1)
    names = [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]
    role_column = next(
        column
        for column in range(tab.model.columnCount())
        if tab.model.column(column).field == "role"
    )
    cell = tab.model.index(0, role_column)
    tab.table.setFocus()
    tab.table.setCurrentIndex(cell)
    tab.table.edit(cell)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)

    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    assert [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())] == names
    qtbot.waitUntil(editor.view().isVisible)
    editor.hidePopup()


def test_help_lists_the_keys_of_date_and_choice_fields(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    rows = {
        tuple(dialog.table.item(row, column).text() for column in range(3))
        for row in range(dialog.table.rowCount())
    }
    alt_down = QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("In een datumveld", "Kalender openen", f"{alt_down} of F4") in rows
    assert ("In een keuzelijst", "Lijst openen", f"{alt_down} of F4") in rows
    dialog.close()


def focusable(root: QWidget) -> set[QWidget]:
    return {
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    }


@pytest.mark.parametrize("tab", range(5))
def test_tab_reaches_every_control_of_a_page_and_leaves_every_field(qtbot, window, tab):
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "Besluit")
    services.add_action(window.store, item_id, "Actie")
    window.session.reload()
    window.show_tab(tab)
    window.filter_field.setFocus()
    qtbot.waitUntil(window.filter_field.hasFocus)
    expected = focusable(window)
    reached, stuck = [], []
    for _ in range(3 * len(expected)):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is before:
            stuck.append(f"{type(before).__name__} {before.accessibleName()!r}")
            break
        reached.append(after)
    names = {f"{type(w).__name__} {w.accessibleName()!r}" for w in expected - set(reached)}
    assert stuck == []
    assert names == set()
