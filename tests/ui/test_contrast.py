"""Contrast (WCAG 2.1 AA: 4.5:1 for text) of the palette and the app's own colours, light and dark."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import services
from taskforce_desktop.ui.app import create_application
from taskforce_desktop.ui.live.timing import TIMING_STYLES
from taskforce_desktop.ui.widgets.colours import (
    TEXT_CONTRAST,
    accessible_palette,
    contrast_ratio,
    done_colour,
    error_colour,
)
from taskforce_desktop.ui.widgets.message_bar import Level, MessageBar

Role = QPalette.ColorRole
TEXT_PAIRS = [
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
]


def dark_palette() -> QPalette:
    """A dark system palette as KDE's Breeze Dark or Windows' dark mode hand it over."""
    palette = QPalette()
    for role, colour in (
        (Role.Window, "#202326"),
        (Role.WindowText, "#fcfcfc"),
        (Role.Base, "#141618"),
        (Role.AlternateBase, "#1d1f22"),
        (Role.Text, "#fcfcfc"),
        (Role.Button, "#292c30"),
        (Role.ButtonText, "#fcfcfc"),
        (Role.Highlight, "#3daee9"),
        (Role.HighlightedText, "#fcfcfc"),
        (Role.PlaceholderText, "#6e7175"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def high_contrast_palette() -> QPalette:
    """Black with white text and a yellow selection with black text, like Windows' 'Night sky'."""
    palette = QPalette()
    for role, colour in (
        (Role.Window, "#000000"),
        (Role.WindowText, "#ffffff"),
        (Role.Base, "#000000"),
        (Role.Text, "#ffffff"),
        (Role.Button, "#000000"),
        (Role.ButtonText, "#ffffff"),
        (Role.Highlight, "#ffff00"),
        (Role.HighlightedText, "#000000"),
        (Role.PlaceholderText, "#a0a0a0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    "light": lambda: QApplication.instance().style().standardPalette(),
    "dark": dark_palette,
    "high contrast": high_contrast_palette,
}


def ratio(palette: QPalette, text: Role, background: Role) -> float:
    return round(contrast_ratio(palette.color(text), palette.color(background)), 2)


@pytest.mark.parametrize("name", PALETTES)
def test_the_palette_the_app_uses_has_readable_text_selection_and_placeholders(qapp, name):
    palette = accessible_palette(PALETTES[name]())
    low = {
        f"{text.name} on {background.name}": ratio(palette, text, background)
        for text, background in TEXT_PAIRS
        if ratio(palette, text, background) < TEXT_CONTRAST
    }
    assert low == {}


def test_the_app_starts_with_the_readable_palette(qapp):
    before = QPalette(qapp.palette())
    try:
        create_application()
        assert ratio(qapp.palette(), Role.HighlightedText, Role.Highlight) >= TEXT_CONTRAST
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize("name", PALETTES)
def test_the_apps_own_red_and_green_are_readable(qapp, name):
    palette = PALETTES[name]()
    window = palette.color(Role.Window)
    assert contrast_ratio(error_colour(palette), window) >= TEXT_CONTRAST
    assert contrast_ratio(done_colour(palette), window) >= TEXT_CONTRAST


def style_colour(style_sheet: str) -> QColor:
    return QColor(re.search(r"color: (#[0-9a-f]{6})", style_sheet).group(1))


@pytest.fixture
def dark_app(qapp):
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setPalette(before)


def test_in_a_dark_palette_not_saved_and_the_preview_stay_readable(
    qtbot, dark_app, make_window, meeting_id
):
    window = make_window()
    window._on_save_failed("Schijf vol", first_of_episode=False)
    red = style_colour(window.save_state.styleSheet())
    assert contrast_ratio(red, window.palette().color(Role.Window)) >= TEXT_CONTRAST
    # The preview's house colours are dark ink for white paper: the page stays paper.
    browser = window.exports.preview.browser
    ink = QColor("#1f3b57")
    assert contrast_ratio(ink, browser.palette().color(Role.Base)) >= TEXT_CONTRAST


def frame_contrast(qtbot, table) -> float:
    """Of the current cell's frame in a selected row, against the selection."""
    assert table.model().rowCount() > 0
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(0)
    table.setCurrentIndex(table.model().index(0, 1))
    image = table.viewport().grab().toImage()
    cell = table.visualRect(table.currentIndex())
    frame = QColor(image.pixel(cell.left(), cell.center().y()))
    return contrast_ratio(frame, table.palette().color(Role.Highlight))


def test_the_current_cell_of_a_selected_row_is_framed_in_the_selections_text_colour(qtbot, window):
    window.show_tab(2)
    assert frame_contrast(qtbot, window.agenda_tab.table) >= 3  # a focus indicator needs 3:1


def test_the_current_cell_in_the_actielijst_is_framed_as_well(qtbot, window):
    item_id = window.session.meeting.agenda[0].id
    services.add_action(window.store, item_id, "Wachttijden uitzoeken")
    dialog = window.followup.window
    dialog.show_page(dialog.actions_view)
    qtbot.waitExposed(dialog)
    assert frame_contrast(qtbot, dialog.actions_view.table) >= 3
    dialog.hide()


def style_colours(style_sheet: str) -> tuple[QColor, QColor]:
    text = re.search(r"(?<!-)color: (#[0-9a-f]{6})", style_sheet).group(1)
    background = re.search(r"background: (#[0-9a-f]{6})", style_sheet).group(1)
    return QColor(text), QColor(background)


@pytest.mark.parametrize("state", ["amber", "red"])
def test_the_live_timing_badges_are_readable(state):
    text, background = style_colours(TIMING_STYLES[state])
    assert contrast_ratio(text, background) >= TEXT_CONTRAST


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("name", PALETTES)
def test_the_message_bar_is_readable_in_every_palette(qapp, name, level):
    palette = PALETTES[name]()
    bar = MessageBar()
    bar.setPalette(palette)
    bar.show_message("Opslaan mislukt", level)
    shown = bar.palette()
    assert ratio(shown, Role.WindowText, Role.Window) >= TEXT_CONTRAST
    bar.deleteLater()
