"""What a new secretary ran into in a real window before a meeting (the agenda week)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from taskforce_desktop.core import services

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_point_she_types_goes_before_the_rondvraag_and_the_closing(qtbot, window):
    # Typed after the chair's Rondvraag and Sluiting it came last; she had to move each up.
    tab = window.agenda_tab
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    for title in ("Rondvraag", "Sluiting", "Woonvisie 2030"):
        qtbot.keyClicks(tab.add_field, title)
        qtbot.keyClick(tab.add_field, Qt.Key.Key_Return)
    agenda = services.load_meeting(window.store, window.session.meeting_id).agenda
    assert [(item.number, item.title) for item in agenda] == [
        ("1", "Opening"),
        ("2", "Dienstverlening"),
        ("3", "Woonvisie 2030"),
        ("4", "Rondvraag"),
        ("5", "Sluiting"),
    ]
    assert tab.model.record(tab.table.current_row()).title == "Woonvisie 2030"
    assert window.session.current_item_id == agenda[2].id
