"""What a screen reader user meets: every value heard, every field named, captions as headings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QScrollBar, QWidget

from taskforce_desktop.core import services
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog
from taskforce_desktop.ui.dialogs.restore_dialog import RestoreDialog
from taskforce_desktop.ui.dialogs.simple import MultilineQuestion
from taskforce_desktop.ui.widgets import message_bar

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def spoken(widget: QWidget, kind: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(kind) if interface is not None else ""


def shown(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)] if w.isVisibleTo(root)]


def headings(root: QWidget) -> list[str]:
    return [
        spoken(widget, NAME)
        for widget in shown(root)
        if QAccessible.queryAccessibleInterface(widget).role() == QAccessible.Role.Heading
    ]


def accessibility_problems(root: QWidget) -> list[str]:
    """Labels whose value is hidden behind a fixed name, fields named only by a placeholder,
    focusable controls and scroll bars without a name."""
    problems = []
    for widget in shown(root):
        name = spoken(widget, NAME).strip()
        what = f"{type(widget).__name__} {widget.objectName() or name!r}"
        if isinstance(widget, QLabel):
            value = widget.text().replace("&", "").strip()
            heard = name + " " + spoken(widget, DESCRIPTION)
            if value and "<" not in value and value not in heard:
                problems.append(f"{what}: shows {value!r}, reads {heard.strip()!r}")
            continue
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            if not name or name == widget.placeholderText():
                problems.append(f"{what}: named only by its placeholder")
            continue
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None
        nameless_button = widget.inherits("QLineEditIconButton")
        if (focusable or nameless_button or isinstance(widget, QScrollBar)) and not name:
            problems.append(f"{what}: no name")
    return problems


@pytest.fixture
def full_window(window):
    item_id = window.session.meeting.agenda[0].id
    services.add_decision(window.store, item_id, "Besluit")
    services.add_action(window.store, item_id, "Actie")
    window.session.reload()
    window.notes_tab.introduction_toggle.setChecked(True)
    return window


@pytest.mark.parametrize("tab", range(5))
def test_every_tab_reads_its_values_and_names_its_fields(qtbot, full_window, tab):
    full_window.show_tab(tab)
    qtbot.wait(50)
    assert accessibility_problems(full_window) == []


def test_the_save_state_is_heard_not_only_its_caption(qtbot, window):
    window.show_tab(2)
    qtbot.keyClicks(window.agenda_tab.add_field, "Rondvraag")
    qtbot.keyClick(window.agenda_tab.add_field, Qt.Key.Key_Return)
    assert spoken(window.save_state, NAME) == "Opslagstatus"
    assert spoken(window.save_state, DESCRIPTION).startswith("Opgeslagen om ")


def test_the_section_captions_of_the_impressies_tab_are_headings(full_window):
    full_window.show_tab(3)
    assert headings(full_window.notes_tab) == [
        "1. Opening",
        "Impressie",
        "Conclusie",
        "Besluiten",
        "Actiepunten",
    ]


@pytest.mark.parametrize("page", range(4))
def test_every_page_of_the_followup_window_reads_its_values(qtbot, full_window, page):
    dialog = full_window.followup.window
    dialog.show_page(dialog.tabs.widget(page))
    qtbot.wait(50)
    assert accessibility_problems(dialog) == []


def test_the_clear_buttons_of_filled_in_filters_have_a_name(qtbot, full_window):
    dialog = full_window.followup.window
    fields = [
        full_window.filter_field,
        full_window.attendees_tab.add_field,
        dialog.actions_view.owner_filter,
        dialog.decisions_view.query,
        dialog.search_view.query,
    ]
    for field in fields:
        field.setText("Sept")
    for field in fields:
        clear_button = next(w for w in field.findChildren(QWidget) if w.isVisibleTo(field))
        assert spoken(clear_button, NAME) == "Tekst wissen"


def test_the_dialogs_read_their_values_and_name_their_fields(qtbot, store, data_dir):
    committees = [services.create_committee(store, "Taskforce Samen Organiseren")]
    dialogs = [
        NewMeetingDialog(committees, committees[0].id),
        RestoreDialog(data_dir),
        MultilineQuestion(None, "Vorig verslag vaststellen", "Correcties:"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert accessibility_problems(dialog) == [], dialog.windowTitle()


def test_at_150_percent_text_the_impressies_page_scrolls_only_up_and_down(qtbot, full_window):
    # 1366x768 at 150 %: 910 by 485 device-independent pixels above a taskbar.
    full_window.resize(910, 485)
    full_window.show_tab(3)
    qtbot.wait(50)
    page = next(
        area
        for area in full_window.notes_tab.findChildren(QScrollArea)
        if area.widget() is not None
    )
    assert not page.horizontalScrollBar().isVisible()
    assert page.widget().width() <= page.viewport().width()


def test_the_welcome_page_starts_with_a_heading(make_window):
    window = make_window()
    assert headings(window.welcome) == ["Welkom bij Taskforce Verslag"]


def test_not_saved_and_saved_again_are_announced_without_taking_the_focus(
    qtbot, window, monkeypatch
):
    said = []
    monkeypatch.setattr(
        message_bar,
        "announce",
        lambda widget, text, assertive=False: said.append((text, assertive)),
    )
    window.notes_tab.notes.setFocus()
    qtbot.waitUntil(window.notes_tab.notes.hasFocus)
    window.writer.failed.emit("De schijf is vol.", True)
    assert spoken(window.save_state, DESCRIPTION) == "Niet opgeslagen: wordt opnieuw geprobeerd"
    window.writer.recovered.emit()
    assert said == [
        ("Probleem: De schijf is vol.", True),
        ("Mededeling: Opslaan lukt weer; alles is bewaard.", False),
    ]
    assert window.notes_tab.notes.hasFocus()
