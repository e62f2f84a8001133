"""The window in English for a secretary whose system is not Dutch, or who chose English."""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from test_keyboard_access import clashes, menus_of, page_mnemonics

from taskforce_desktop.core.models import Purpose
from taskforce_desktop.ui import translation
from taskforce_desktop.ui.app import install_translators
from taskforce_desktop.ui.display import label
from taskforce_desktop.ui.translation import (
    DUTCH,
    ENGLISH,
    LANGUAGE_ENV,
    LANGUAGE_KEY,
    window_language,
)

ENGLISH_SYSTEM = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
DUTCH_SYSTEM = QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)


def test_the_language_follows_the_system_unless_she_chose_one(settings, monkeypatch):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert window_language(settings, DUTCH_SYSTEM) == DUTCH
    assert window_language(settings, ENGLISH_SYSTEM) == ENGLISH
    assert window_language(settings, QLocale("de_DE")) == ENGLISH
    # A fresh machine or a container without a language set speaks the app's own language.
    assert window_language(settings, QLocale("C")) == DUTCH
    monkeypatch.setenv(LANGUAGE_ENV, DUTCH)
    assert window_language(settings, ENGLISH_SYSTEM) == DUTCH
    settings.setValue(LANGUAGE_KEY, ENGLISH)
    assert window_language(settings, DUTCH_SYSTEM) == ENGLISH


@pytest.fixture
def english(qapp):
    installed = install_translators(qapp, ENGLISH)
    assert installed and isinstance(installed[0], translation.SourceTextTranslator)
    yield
    for translator in installed:
        QApplication.removeTranslator(translator)


def test_a_text_the_catalogue_lacks_stays_as_it_is(qtbot, english):
    assert QCoreApplication.translate("MainWindow", "Nog niet vertaald") == "Nog niet vertaald"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_the_english_window_speaks_english(qtbot, make_window, meeting_id, english):
    window = make_window()
    bar = window.menuBar()
    assert [action.text() for action in bar.actions()] == [
        "&File",
        "&Edit",
        "&Meeting",
        "&View",
        "&Help",
    ]
    assert window.save_state.accessibleName() == "Save state"
    assert window.filter_field.placeholderText() == "Filter by title, date or committee"
    assert window.notes_tab.actions_table.accessibleName() == "Actions"
    assert label(Purpose.NOTING) == "For information"
    for menu in [m for action in bar.actions() for m in menus_of(action.menu())]:
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert clashes(texts) == {}, menu.title()


@pytest.mark.parametrize("tab", range(5))
def test_no_two_english_labels_of_one_page_share_a_mnemonic(
    qtbot, make_window, meeting_id, english, tab
):
    window = make_window()
    window.show_tab(tab)
    assert clashes(page_mnemonics(window, window.tabs)) == {}


def test_she_chooses_english_in_the_view_menu_for_the_next_start(qtbot, make_window, meeting_id):
    window = make_window()
    language_menu = next(
        action.menu()
        for action in window.menu_view.actions()
        if action.text() == "&Taal / Language"
    )
    english = next(action for action in language_menu.actions() if action.text() == "English")
    english.trigger()
    assert QSettings().value(LANGUAGE_KEY) == ENGLISH
    assert window_language(QSettings(), DUTCH_SYSTEM) == ENGLISH
    assert "volgende start" in window.message_bar.text()
    assert english.isChecked()


def test_one_attendee_and_one_agenda_item_are_singular(window):
    meeting = window.session.meeting
    assert window.attendees_tab.summary.text() == "2 deelnemers, 2 aanwezig"
    assert window.attendees_tab.describe(meeting.attendees[:1]) == "1 deelnemer, 1 aanwezig"
    assert window.agenda_tab.describe(meeting.agenda[:1]) == "1 agendapunt, 5 minuten gepland"


def catalogue_script() -> ModuleType:
    """scripts/translations.py itself: what it collects is what the window asks for."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations_script", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


SCRIPT = catalogue_script()
WINDOW_TEXTS = SCRIPT.collect()
ENGLISH_TEXTS: dict[str, str] = SCRIPT.read_translations(SCRIPT.TS_FILE)


def test_every_text_of_the_window_has_an_english_translation():
    untranslated = [text for text in WINDOW_TEXTS if text not in ENGLISH_TEXTS]
    assert untranslated == [], (
        "Dutch texts without English: run scripts/translations.py, translate them in "
        f"{SCRIPT.TS_FILE.name} and run it again to compile"
    )


def test_the_compiled_catalogue_gives_every_translation(english):
    shown = {text: QCoreApplication.translate("AnyContext", text) for text in ENGLISH_TEXTS}
    stale = [text for text, english_text in ENGLISH_TEXTS.items() if shown[text] != english_text]
    assert stale == [], "the .qm is older than the .ts: run scripts/translations.py"


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def has_mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "")


def test_a_translation_keeps_the_placeholders_and_the_mnemonic():
    # A lost {1} drops what the sentence is about; an extra one stops .format() with an
    # error; a lost & leaves a label or button without its Alt+letter in English.
    differing = [
        (source, english_text)
        for source, english_text in ENGLISH_TEXTS.items()
        if placeholders(english_text) != placeholders(source)
        or has_mnemonic(english_text) != has_mnemonic(source)
    ]
    assert differing == []
