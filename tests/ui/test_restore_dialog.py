"""Herstellen uit reservekopie: list, look inside read-only, restore from the window."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from taskforce_desktop.core import backup, services
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.autosave import Edit, Target
from taskforce_desktop.ui.dialogs import restore_dialog
from taskforce_desktop.ui.dialogs.restore_dialog import RestoreDialog

UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def dutch_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def two_backups(data_dir):
    store = Store(data_dir)
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    services.create_meeting(store, committee.id, date="2022-09-16", title="Septemberoverleg")
    older = backup.make_backup(
        store, backup.Reason.START, now=dt.datetime(2022, 9, 16, 8, 0, tzinfo=UTC)
    )
    services.create_meeting(store, committee.id, date="2022-11-18", title="Novemberoverleg")
    newer = backup.make_backup(
        store, backup.Reason.IMPORT, now=dt.datetime(2022, 11, 18, 9, 30, tzinfo=UTC)
    )
    store.close()
    return older, newer


def row_texts(dialog, row):
    return [dialog.table.item(row, column).text() for column in range(4)]


def test_lists_backups_newest_first_with_dutch_date_size_and_meetings(qtbot, data_dir, two_backups):
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    date, reason, size, meetings = row_texts(dialog, 0)
    expected = dt.datetime(2022, 11, 18, 9, 30, tzinfo=UTC).astimezone()
    assert date == f"vrijdag 18 november 2022 {expected:%H:%M}"
    assert reason == "voor een import"
    assert size.endswith(("kB", "KB", "KiB")) and meetings == "2"
    assert row_texts(dialog, 1)[0].startswith("vrijdag 16 september 2022")
    assert row_texts(dialog, 1)[3] == "1"
    assert not dialog.empty_note.isVisible()


def test_looking_inside_shows_the_meetings_without_changing_the_file(qtbot, data_dir, two_backups):
    older, _newer = two_backups
    before = older.read_bytes()
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    items = [dialog.contents.item(i).text() for i in range(dialog.contents.count())]
    assert items == ["16 september 2022 · Taskforce Samen Organiseren · Septemberoverleg"]
    assert dialog.selected_backup() == older
    assert older.read_bytes() == before
    assert dialog.restore_button.isEnabled()


def test_restore_needs_a_confirmation(qtbot, data_dir, two_backups, monkeypatch):
    answers = []
    monkeypatch.setattr(restore_dialog.Confirm, "ask", classmethod(lambda cls, *a: answers.pop(0)))
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    answers.append(False)
    dialog.restore_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    answers.append(True)
    dialog.restore_button.click()
    assert dialog.result() == RestoreDialog.DialogCode.Accepted


def test_without_backups_the_dialog_says_so(qtbot, data_dir):
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    assert dialog.empty_note.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_a_damaged_file_from_elsewhere_cannot_be_restored(qtbot, data_dir, tmp_path):
    bogus = tmp_path / "stick.sqlite3"
    bogus.write_bytes(b"geen database" * 100)
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.add_file(bogus)
    assert dialog.selected_backup() == bogus
    assert not dialog.restore_button.isEnabled()
    assert "beschadigd of geen database" in dialog.contents.item(0).text()


def menu_texts(menu):
    return [action.text() for action in menu.actions()]


def test_menus_and_restoring_from_the_window(qtbot, make_window, meeting_id, data_dir, monkeypatch):
    window = make_window()
    safety = window.safety
    assert "&Herstellen uit reservekopie…" in menu_texts(window.menu_file)
    assert "&Logbestand openen" in menu_texts(window.menu_help)
    assert menu_texts(window.menu_file)[-1] == window.act_quit.text()

    saved = backup.make_backup(window.store, backup.Reason.MANUAL)
    # Typed after the backup and still pending: restoring must not lose it.
    item_id = services.load_meeting(window.store, meeting_id).agenda[0].id
    window.writer.queue(
        Edit(meeting_id, Target.AGENDA_ITEM, item_id, "notes", "Na de kopie getypt.")
    )
    services.update_meeting(window.store, meeting_id, title="Hernoemd")
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, d: saved))

    safety.act_restore.trigger()
    qtbot.waitUntil(window.background.is_idle)  # restoring runs off the UI thread

    assert [m.title for m in services.list_meetings(window.store)] == ["Septemberoverleg"]
    assert window.session.meeting is not None
    assert window.session.meeting.title == "Septemberoverleg"
    assert "hersteld" in window.statusBar().currentMessage()
    set_aside = [i for i in backup.list_backups(data_dir) if i.reason is backup.Reason.RESTORE]
    assert len(set_aside) == 1
    with backup.read_only_connection(set_aside[0].path) as connection:
        notes = connection.execute("SELECT notes FROM agenda_item WHERE id=?", (item_id,))
        assert notes.fetchone()[0] == "Na de kopie getypt."
