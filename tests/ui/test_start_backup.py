"""The start backup protects the store without making the secretary wait for the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from taskforce_desktop.core import backup
from taskforce_desktop.core.meeting_file import import_meeting_file
from taskforce_desktop.core.store import Store
from taskforce_desktop.paths import resource
from taskforce_desktop.ui import app
from taskforce_desktop.ui.main_window import MainWindow


def _start_backups(data_dir):
    return sorted((data_dir / "backups").glob(f"*-{backup.Reason.START.value}.sqlite3"))


def _main_windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_start_backup_is_written_after_the_window_is_shown(qtbot, data_dir, monkeypatch):
    store = Store(data_dir)
    try:
        import_meeting_file(store, resource("samples", "voorbeeld.verslag.json"))
    finally:
        store.close()
    seen = {}
    earlier = set(_main_windows())

    def fake_exec(_self=None):
        # Windows of earlier tests may still be waiting for deletion: take the new one.
        (window,) = set(_main_windows()) - earlier
        seen["when_shown"] = _start_backups(data_dir)
        qtbot.waitUntil(lambda: bool(_start_backups(data_dir)), timeout=20_000)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run(data_dir) == 0
    assert seen["when_shown"] == []
    (made,) = _start_backups(data_dir)
    assert backup.validate_backup(made) == []
