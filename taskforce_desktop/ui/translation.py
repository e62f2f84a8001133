"""The window's language: Dutch (the source texts), or English for a system in another language.

The English texts are in one Qt Linguist catalogue, `resources/translations/taskforce_en.ts`
(made by `scripts/translations.py`, compiled with `pyside6-lrelease`). They are found by
their Dutch text alone: the same text is asked for under many contexts (`window.tr` in a
helper class asks under the window's class), and one translation per text is what a
translator can keep consistent.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, QTranslator
from PySide6.QtGui import QActionGroup

from taskforce_desktop.ui.widgets.message_bar import Level

if TYPE_CHECKING:  # the language is chosen at the start, before the window's modules load
    from taskforce_desktop.ui.window_parts import ShowProblem, WindowParts

CATALOGUE_CONTEXT = "Taskforce"
LANGUAGE_KEY = "ui/language"
LANGUAGE_ENV = "TASKFORCE_LANGUAGE"  # for a whole office, a kiosk or the tests: nl or en
DUTCH, ENGLISH = "nl", "en"
LANGUAGES = (DUTCH, ENGLISH)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Translation", text)


class SourceTextTranslator(QTranslator):
    """A compiled catalogue looked up by source text, whatever context the caller names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = QTranslator(self)

    def load_catalogue(self, path: Path) -> bool:
        return self._catalogue.load(str(path))

    def translate(
        self,
        _context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        found = self._catalogue.translate(CATALOGUE_CONTEXT, source_text, disambiguation, n)
        # None, not "": Qt takes an empty text for a translation, and a text it does not know
        # (its own buttons, a new Dutch text) must stay, not vanish.
        return found or None

    def isEmpty(self) -> bool:
        return self._catalogue.isEmpty()


class QtDutchSupplement(QTranslator):
    """Qt's own texts that its Dutch catalogue lacks: newer Qt versions gave the file dialog's
    labels a mnemonic ("&Look in:"), and the catalogue still has only the old texts, so the
    dialog in which she saves the verslag would ask "Look in:" and "Files of type:"."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestands&type:",
        ("QPlatformTheme", "Don't Save"): "Niet opslaan",
    }

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return self.TEXTS.get((context, source_text))

    def isEmpty(self) -> bool:
        return False


def window_language(settings: QSettings, system: QLocale | None = None) -> str:
    """The language she chose, else the one set for the machine (TASKFORCE_LANGUAGE), else
    Dutch on a Dutch system or one that names no language, and English elsewhere."""
    for chosen in (str(settings.value(LANGUAGE_KEY, "") or ""), os.environ.get(LANGUAGE_ENV, "")):
        if chosen in LANGUAGES:
            return chosen
    system = system or QLocale.system()
    # A machine set to the "C" locale (a fresh install, a container) has said nothing about
    # her language: the app's own language, not a translation, is the better guess.
    unnamed = (QLocale.Language.C, QLocale.Language.AnyLanguage)
    return DUTCH if system.language() in (QLocale.Language.Dutch, *unnamed) else ENGLISH


class LanguageMenu:
    """Beeld → Taal: her choice is kept per user and used from the next start on."""

    def __init__(self, parts: WindowParts) -> None:
        self._show_problem: ShowProblem = parts.show_problem
        menu = parts.menus.view.addMenu(_tr("&Taal / Language"))
        self.choices = QActionGroup(menu)
        current = str(QSettings().value(LANGUAGE_KEY, "") or "")
        # The languages are named in their own language: she must find hers in a window she
        # cannot read.
        for language, text in (
            ("", _tr("Zoals het systeem")),
            (DUTCH, "Nederlands"),
            (ENGLISH, "English"),
        ):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(language == current)
            self.choices.addAction(action)
            action.triggered.connect(lambda _checked=False, chosen=language: self.choose(chosen))

    def choose(self, language: str) -> None:
        QSettings().setValue(LANGUAGE_KEY, language)
        self._show_problem(
            _tr(
                "De taal verandert bij de volgende start. / The language changes at the next start."
            ),
            Level.INFO,
        )


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - Qt's name: scripts/translations.py finds it
    """A text for the catalogue, translated where it is shown (a column header, say).

    PySide's own marker is typed to return ``object``; this one keeps the ``str``.
    """
    return text


def counted(count: int, one: str, many: str) -> str:
    """One form for 1 and another, with {0} for the count, for every other count: "1
    deelnemer", "3 deelnemers", never "deelnemer(s)". Dutch and English need no more."""
    return one if count == 1 else many.format(count)
