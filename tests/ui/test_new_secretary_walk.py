"""What a new secretary ran into in a real window before a meeting (the agenda week)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from taskforce_desktop.core import services
from taskforce_desktop.ui import export_actions

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


def test_the_export_entries_name_the_document_she_chose(qtbot, window, tmp_path, monkeypatch):
    # With "Agenda (convocatie)" chosen the entries still said "Verslag naar Word…": she
    # could not tell whether the agenda or the verslag would be made.
    controller = window.exports.controller
    entries = [controller.act_word, controller.act_pdf, controller.act_html, controller.act_mail]
    assert [entry.text() for entry in entries] == [
        "Verslag naar &Word…",
        "Verslag naar &PDF…",
        "Verslag naar we&bpagina…",
        "Verslag &mailen…",
    ]
    controller.document_actions["agenda"].trigger()
    assert [entry.text() for entry in entries] == [
        "Agenda naar &Word…",
        "Agenda naar &PDF…",
        "Agenda naar we&bpagina…",
        "Agenda &mailen…",
    ]
    target = tmp_path / "convocatie.docx"
    monkeypatch.setattr(export_actions.ExportFileDialog, "ask", classmethod(lambda cls, *_: target))
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_word.trigger()
    assert window.statusBar().currentMessage().startswith(f"Agenda opgeslagen: {target}")
    controller.document_actions["besluitenlijst"].trigger()
    assert controller.act_mail.text() == "Besluitenlijst &mailen…"
