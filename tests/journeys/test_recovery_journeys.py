"""Journeys where the store changes under the window: a backup restored, a meeting file
imported over the open meeting. The screen follows the store, and typing goes on from there."""

from __future__ import annotations

import json

from journey_driver import Secretary

from taskforce_desktop.core import backup, meeting_file
from taskforce_desktop.ui.dialogs.simple import Confirm


def test_restoring_a_backup_shows_its_text_and_typing_goes_on_from_it(qtbot, window):
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("In de reservekopie.")
    she.check()
    made = backup.make_backup(window.store, backup.Reason.MANUAL)
    she.type_notes(" Daarna getypt.")
    she.check()

    assert window.safety.restore(made)
    qtbot.waitUntil(window.background.is_idle)  # restoring runs off the UI thread
    she.typed[(she.point_on_screen(), "notes")] = "In de reservekopie."
    she.check()  # the editor shows the restored text, not what was on screen before
    she.type_notes(" Na het herstel.")
    she.check()


def test_importing_a_file_over_the_open_meeting_shows_the_file_and_typing_goes_on(
    qtbot, window, tmp_path, monkeypatch
):
    she = Secretary(qtbot, window)
    window.show_tab(window.tabs.indexOf(window.notes_tab))
    she.type_notes("Voor de import.")
    she.check()
    path = tmp_path / "vergadering.verslag.json"
    path.write_text(meeting_file.export_meeting_file(window.store, window.session.meeting_id))
    content = json.loads(path.read_text())
    content["agenda"][0]["notes"] = "Uit het bestand."
    path.write_text(json.dumps(content))
    she.type_notes(" Nog niet in het bestand.")

    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))  # vervangen: ja
    window.import_meeting_file(path)
    qtbot.waitUntil(window.background.is_idle)  # the import runs off the UI thread
    she.typed = {(she.point_on_screen(), "notes"): "Uit het bestand."}
    she.check()
    she.type_notes(" Na de import.")
    she.check()
