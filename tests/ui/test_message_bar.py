"""Messages that come while the secretary types never take the keyboard.

A message box would: the keys she types next go into the box, and a space closes it before
she read it. The window's message bar shows the message instead, and the keys stay hers.
"""

import sqlite3

from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from taskforce_desktop.core import services
from taskforce_desktop.ui.widgets.message_bar import Level, MessageBar


def stored_notes(window):
    return services.load_meeting(window.store, window.session.meeting_id).agenda[0].notes


def type_as_the_keyboard_does(text):
    """Keys go to whatever has the focus, as real keys do: a box that took it gets them."""
    for character in text:
        receiver = QApplication.focusWidget() or QApplication.activeWindow()
        assert receiver is not None, "the keys go nowhere"
        QTest.keyClicks(receiver, character)


def no_message_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return QApplication.activeModalWidget() is None and not [b for b in boxes if b.isVisible()]


def test_while_a_save_fails_every_key_lands_in_the_editor(qtbot, window, monkeypatch):
    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(services, "update_agenda_item", disk_full)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    editor = window.notes_tab.notes
    editor.setFocus()
    QTest.keyClicks(editor, "De wethouder")
    qtbot.waitUntil(lambda: window.writer.failure is not None, timeout=5000)

    # She types on, spaces included, while the failure is reported and retried.
    type_as_the_keyboard_does(" licht de plannen toe en")
    qtbot.wait(300)  # at least two retries, each failing again
    type_as_the_keyboard_does(" de leden vragen door.")

    assert editor.markdown() == "De wethouder licht de plannen toe en de leden vragen door."
    assert QApplication.focusWidget() is editor
    assert no_message_box()
    assert "Opslaan mislukt" in window.message_bar.text()
    assert "schijf is vol" in window.message_bar.text()
    assert window.message_bar.level is Level.ERROR


def test_a_rejected_edit_and_other_problems_are_shown_in_the_bar(qtbot, window):
    editor = window.notes_tab.notes
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    editor.setFocus()
    window.show_problem("Dit gegeven kan niet worden bewaard.")
    type_as_the_keyboard_does("Verder typen")

    assert editor.markdown() == "Verder typen"
    assert no_message_box()
    assert window.message_bar.text() == "Dit gegeven kan niet worden bewaard."


def test_the_bar_says_so_when_saving_works_again(qtbot, window, monkeypatch):
    real_update = services.update_agenda_item
    monkeypatch.setattr(
        services,
        "update_agenda_item",
        lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("database is locked")),
    )
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    QTest.keyClicks(window.notes_tab.notes, "Even wachten")
    qtbot.waitUntil(lambda: "Opslaan mislukt" in window.message_bar.text(), timeout=5000)
    monkeypatch.setattr(services, "update_agenda_item", real_update)
    qtbot.waitUntil(lambda: stored_notes(window) == "Even wachten", timeout=5000)
    qtbot.waitUntil(lambda: "Opslaan lukt weer" in window.message_bar.text(), timeout=5000)
    assert window.message_bar.level is Level.INFO


def test_the_bar_is_read_out_and_never_takes_the_focus(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    host = QWidget()
    layout = QVBoxLayout(host)
    bar = MessageBar(host)
    field = QLineEdit(host)
    layout.addWidget(bar)
    layout.addWidget(field)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    field.setFocus()

    taken = []
    bar.show_message(
        "De gegevensmap is verdwenen.",
        Level.ERROR,
        ("Noodkopie terugzetten…", lambda: taken.append(True)),
    )
    type_as_the_keyboard_does("abc")

    assert field.text() == "abc" and QApplication.focusWidget() is field
    assert bar.isVisible()
    assert bar.accessibleName() == "Melding"
    assert bar.accessibleDescription() == "Probleem: De gegevensmap is verdwenen."
    interface = QAccessible.queryAccessibleInterface(bar)
    assert interface is not None
    assert all(
        child.focusPolicy() == child.focusPolicy().NoFocus
        for child in (bar, bar.close_button, bar.action_button)
    )
    bar.action_button.click()
    assert taken == [True] and QApplication.focusWidget() is field
    bar.close_button.click()
    assert not bar.isVisible() and bar.text() == ""
    assert QApplication.focusWidget() is field
