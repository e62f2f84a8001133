"""Live mode for a secretary who does not see the screen well, or not at all."""

from __future__ import annotations

import pytest
from live_support import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from test_accessibility import DESCRIPTION, NAME, accessibility_problems, spoken

from taskforce_desktop.core import services
from taskforce_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from taskforce_desktop.ui.live import view
from taskforce_desktop.ui.live.attendance import PRESENT_MARK
from taskforce_desktop.ui.widgets.colours import MARK_CONTRAST, contrast_ratio


@pytest.fixture
def live(window):
    services.update_meeting(
        window.store, window.session.meeting_id, start_time="10:00", end_time="10:30"
    )
    window.session.reload()
    live = window.live.view
    live.clock = FakeClock()
    window.live.action.trigger()
    assert window.pages.currentWidget() is live
    return live


def test_live_mode_reads_its_values_and_names_its_fields(qtbot, live):
    live.open_capture("action")
    qtbot.keyClicks(live.capture.due, "vrijdag")
    live.attendance.filter.setText("Anna")
    assert accessibility_problems(live) == []
    assert spoken(live.clock_label, NAME) == "Klok"
    assert spoken(live.clock_label, DESCRIPTION) == "10:00"
    assert spoken(live.timing_label, DESCRIPTION) == "0 van 5 min"
    assert spoken(live.remaining_label, DESCRIPTION) == "Nog 30 min"
    assert spoken(live.item_label, DESCRIPTION) == "1. Opening"
    # The date "vrijdag" was read as is heard in the field she types in.
    assert spoken(live.capture.due, DESCRIPTION) == "vrijdag 19 september 2031"


def test_running_over_time_is_announced_once(qtbot, live, monkeypatch):
    said = []
    monkeypatch.setattr(view, "announce", lambda widget, text, **_: said.append(text))
    live.clock.advance(minutes=5, seconds=1)  # the Opening has 5 minutes
    live.tick()
    live.clock.advance(seconds=30)
    live.tick()
    assert said == ["Over de geplande tijd van dit agendapunt"]
    live.clock.advance(minutes=25)  # the meeting ends at 10:30
    live.tick()
    live.tick()
    assert said[1:] == ["1 min over tijd"]


def test_who_is_here_shows_in_a_mark_and_a_symbol_not_only_a_shade(live):
    window_colour = live.palette().window().color()
    assert contrast_ratio(PRESENT_MARK, window_colour) >= MARK_CONTRAST
    here, not_here = live.attendance.buttons[0], live.attendance.buttons[1]
    live.attendance.toggle(1)  # both were here; the second one leaves
    assert here.isChecked() and not here.icon().isNull()
    assert not not_here.isChecked() and not_here.icon().isNull()
    assert spoken(here, NAME).endswith(": aanwezig")


def test_help_lists_the_keys_of_live_mode(qtbot, live):
    qtbot.keyClick(live.editor, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    rows = {
        tuple(dialog.table.item(row, column).text() for column in range(3))
        for row in range(dialog.table.rowCount())
    }
    native = QKeySequence("Alt+0").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("In Live", "Deelnemer zoeken", native) in rows
    assert any(
        where == "In Live" and what.startswith("Deelnemer 1 tot 9") for where, what, _ in rows
    )
    dialog.close()


def test_at_200_percent_text_the_window_still_fits_a_laptop_screen(live):
    # 1366x768 with a 40 px taskbar at 200 %: 683 by 364 device-independent pixels.
    from taskforce_desktop.ui.main_window import UNKNOWN_FRAME

    window = live.window()
    needed = window.minimumSizeHint()
    assert needed.width() + UNKNOWN_FRAME.width() <= 683
    assert needed.height() + UNKNOWN_FRAME.height() <= 364


def test_moving_to_the_next_point_says_which_point_it_is(qtbot, live, monkeypatch):
    said = []
    monkeypatch.setattr(view, "announce", lambda widget, text, **_: said.append(text))
    qtbot.keyClick(live.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert said == ["2. Dienstverlening"]
    assert live.editor.hasFocus()
