"""Small standard questions, each behind an ``ask()`` that tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

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


class MultilineQuestion(QDialog):
    """A longer text, confirmed by keyboard: Tab leaves the field, Ctrl+Enter is OK.

    Qt's own multi-line input dialog types a tab on Tab and a new line on Enter, so on Linux
    it can only be confirmed with the mouse.
    """

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        self.field = QPlainTextEdit(self)
        self.field.setTabChangesFocus(True)
        self.field.setAccessibleName(label.splitlines()[-1].rstrip(":"))
        caption.setBuddy(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("OK (Ctrl+Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept, Qt.ShortcutContext.WindowShortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.field, 1)
        layout.addWidget(buttons)
        self.field.setFocus()

    def text(self) -> str:
        return self.field.toPlainText()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        dialog = cls(parent, title, label)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MeetingFileDialog:
    # PySide's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
    FILTER = str(
        QT_TRANSLATE_NOOP("Dialogs", "Vergaderbestand (*.verslag.json *.json);;Alle bestanden (*)")
    )

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
