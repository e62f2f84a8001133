"""Help → Sneltoetsen: every shortcut of the window, read from its actions so it never lags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def editor_shortcuts() -> list[tuple[str, str, str]]:
    """Keys the text editors handle themselves (they are no actions)."""
    where = _tr("In een tekstvak")
    return [
        (where, _tr("Vet"), "Ctrl+B"),
        (where, _tr("Cursief"), "Ctrl+I"),
        (where, _tr("Opsomming beginnen"), _tr('"- " aan het begin van een regel')),
        (where, _tr("Genummerde lijst beginnen"), _tr('"1. " aan het begin van een regel')),
        (where, _tr("Lijstitem inspringen / terug"), "Tab / Shift+Tab"),
        (where, _tr("Tekstblok invoegen"), _tr(";code en dan Tab")),
        (where, _tr("Tekstblok kiezen uit de lijst"), "Ctrl+Spatie"),
    ]


def field_shortcuts() -> list[tuple[str, str, str]]:
    """Keys of date, time and choice fields, in a form and in a table cell."""
    alt_down = QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)
    date, time, choice = _tr("In een datumveld"), _tr("In een tijdveld"), _tr("In een keuzelijst")
    return [
        (date, _tr("Kalender openen"), _tr("{0} of F4").format(alt_down)),
        (date, _tr("Datum typen"), _tr("16-9-2022, 16 sep 2022 of 16 september 2022")),
        (time, _tr("Tijd typen"), _tr("0900, 9:00 of 9.00")),
        (choice, _tr("Lijst openen"), _tr("{0} of F4").format(alt_down)),
    ]


def window_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    rows = []
    seen = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty() or not action.text():
            continue
        text = action.text().replace("&", "").rstrip(".…")
        key_text = keys.toString(QKeySequence.SequenceFormat.NativeText)
        if (text, key_text) in seen:
            continue
        seen.add((text, key_text))
        rows.append((_where(action), text, key_text))
    # Keys that are no actions (Live mode's) say what they do in their "what's this".
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if shortcut.whatsThis() and isinstance(owner, QWidget):
            key_text = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            where = _tr("In {0}").format(owner.accessibleName())
            rows.append((where, shortcut.whatsThis(), key_text))
    return sorted(rows)


def _where(action: QAction) -> str:
    parent = action.parent()
    if action.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
        return _tr("Overal")
    name = parent.accessibleName() if isinstance(parent, QWidget) else ""
    return _tr("In {0}").format(name) if name else _tr("Overal")


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.resize(760, 560)
        table = QTableWidget(len(rows), 3, self)
        table.setAccessibleName(self.tr("Sneltoetsen"))
        table.setHorizontalHeaderLabels([self.tr("Waar"), self.tr("Wat"), self.tr("Toetsen")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        # A long description wraps onto as many lines as it needs instead of ending in "…":
        # the rows grow whenever the stretched column gets its width.
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, window: QWidget) -> ShortcutsDialog:
        dialog = cls(window_shortcuts(window) + editor_shortcuts() + field_shortcuts(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
