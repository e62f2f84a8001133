"""The start loads the window while the store's integrity is checked on another thread, and
still opens nothing before the check has answered: a damaged store is set aside untouched."""

from __future__ import annotations

import datetime as dt

from taskforce_desktop.core import services
from taskforce_desktop.core.integrity import DamageKind, instance_running
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui import safety_ui

DB = "taskforce.sqlite3"


def store_with_a_meeting(data_dir) -> None:
    store = Store(data_dir)
    try:
        committee = services.create_committee(store, "Taskforce Samen Organiseren")
        meeting_id = services.create_meeting(
            store, committee.id, title="Overleg over de wijkaanpak", date=dt.date(2031, 9, 12)
        )
        services.add_agenda_item(store, meeting_id, title="Opening", notes="De voorzitter opent.")
    finally:
        store.close()


def test_the_window_loads_while_the_claimed_store_is_checked(data_dir):
    store_with_a_meeting(data_dir)
    claimed_while_loading = []

    def while_checking() -> None:
        claimed_while_loading.append(instance_running(data_dir))

    start = safety_ui.prepare_start(data_dir, None, while_checking)
    try:
        assert claimed_while_loading == [True]
        assert start.report.damage is None
        [meeting] = services.list_meetings(start.store)
        assert meeting.title == "Overleg over de wijkaanpak"
    finally:
        start.store.close()
        start.instance.release()


def test_a_damaged_store_is_set_aside_untouched_though_the_window_loaded_meanwhile(data_dir):
    store_with_a_meeting(data_dir)
    damaged = b"Dit is een boodschappenlijstje, geen vergaderarchief.\n" * 100
    (data_dir / DB).write_bytes(damaged)
    loaded = []

    start = safety_ui.prepare_start(data_dir, None, lambda: loaded.append(True))
    try:
        assert loaded == [True]
        assert start.report.damage is not None
        assert start.report.damage.kind is DamageKind.NOT_A_DATABASE
        [moved] = [p for p in start.report.moved_aside if not p.name.endswith(("-wal", "-shm"))]
        assert moved.name.startswith(f"{DB}.damaged-")
        assert moved.read_bytes() == damaged  # never written to
        assert services.list_meetings(start.store) == []  # she works on a fresh store
    finally:
        start.store.close()
        start.instance.release()


def test_the_opvolging_window_is_built_when_she_first_opens_it(qtbot, window):
    from PySide6.QtWidgets import QDialog

    def opvolging_windows():
        return [d for d in window.findChildren(QDialog) if d.windowTitle().startswith("Opvolging")]

    assert opvolging_windows() == []  # not part of the first view
    menu_entry = next(a for a in window.menu_view.actions() if a.text() == "&Actielijst")
    menu_entry.trigger()
    [opened] = opvolging_windows()
    assert opened.isVisible() and opened.tabs.currentWidget() is opened.actions_view
    menu_entry.trigger()
    assert opvolging_windows() == [opened]  # the same window, kept
