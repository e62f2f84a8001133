"""Start-up: Dutch Qt strings, a clear message when the store cannot open, the import file."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from taskforce_desktop.core import services
from taskforce_desktop.core.store import Store
from taskforce_desktop.paths import resource
from taskforce_desktop.ui import app
from taskforce_desktop.ui.main_window import MainWindow


def test_qt_standard_buttons_and_dates_are_dutch(qtbot):
    app.install_translators(QApplication.instance())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"


def test_the_dialog_she_saves_the_verslag_in_speaks_dutch(qtbot):
    app.install_translators(QApplication.instance())
    dialog = QFileDialog(None, "Verslag opslaan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on her laptop
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"&Zoeken in:", "Bestands&naam:", "Bestands&type:"}


def test_an_unforeseen_start_failure_gives_a_dutch_message(qtbot, data_dir, monkeypatch):
    from taskforce_desktop.ui import safety_ui

    def broken_start(*_args):
        raise OSError(5, "Invoer/uitvoerfout")

    monkeypatch.setattr(safety_ui, "prepare_start", broken_start)
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    assert app.run(data_dir) == 1
    assert "kunnen niet worden geopend" in shown[0] and str(data_dir) in shown[0]
    assert "Invoer/uitvoerfout" in shown[0]


def test_run_opens_the_window_and_imports_a_given_file(qtbot, data_dir, monkeypatch):
    opened = []
    earlier = {w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}

    def fake_exec(_self=None):
        # Windows of earlier tests may still be waiting for deletion: take the new one.
        (window,) = {
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        } - earlier
        qtbot.waitUntil(window.background.is_idle)  # the given file is imported off the UI thread
        qtbot.waitUntil(lambda: window.session.meeting is not None)
        opened.append(window.session.meeting.title if window.session.meeting else None)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run(data_dir, resource("samples", "voorbeeld.verslag.json")) == 0
    store = Store(data_dir)
    try:
        assert opened == [services.list_meetings(store)[0].title]
    finally:
        store.close()
