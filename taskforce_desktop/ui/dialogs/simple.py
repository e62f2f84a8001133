"""Small standard questions, each behind an ``ask()`` that tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

MEETING_FILE_SUFFIX = ".verslag.json"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(confirm_label, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes


class MeetingFileDialog:
    FILTER = "Vergaderbestand (*.verslag.json *.json);;Alle bestanden (*)"

    @classmethod
    def ask_open(cls, parent: QWidget | None, directory: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, _tr("Vergaderbestand importeren"), directory, _tr(cls.FILTER)
        )
        return Path(name) if name else None

    @classmethod
    def ask_save(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, _tr("Vergaderbestand exporteren"), suggested, _tr(cls.FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return (
            path if path.name.endswith(".json") else path.with_name(path.name + MEETING_FILE_SUFFIX)
        )
