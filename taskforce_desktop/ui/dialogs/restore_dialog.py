"""Herstellen uit reservekopie: the backups with date, size and meetings; a look inside; restore.

The dialog only chooses: it returns the backup to restore after the secretary confirmed.
Restoring itself (setting the current data aside first) is ``core.backup.restore``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import backup
from taskforce_desktop.core.backup import BackupError, BackupInfo
from taskforce_desktop.ui.dialogs.simple import Confirm
from taskforce_desktop.ui.display import date_text, moment_text

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("Herstellen uit reservekopie"))
        self.resize(860, 480)

        intro = QLabel(
            self.tr(
                "Kies een reservekopie; rechts ziet u welke vergaderingen erin staan. Bij "
                "herstellen worden uw huidige gegevens eerst zelf als reservekopie bewaard, "
                "zodat er niets verloren gaat."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Datum"), self.tr("Aanleiding"), self.tr("Grootte"), self.tr("Vergaderingen")]
        )
        self.table.setAccessibleName(self.tr("Reservekopieën"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        contents_label = QLabel(self.tr("&Inhoud van de gekozen reservekopie"), self)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(self.tr("Vergaderingen in de reservekopie"))
        contents_label.setBuddy(self.contents)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(contents_label)
        right_layout.addWidget(self.contents)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([520, 340])

        self.empty_note = QLabel(self.tr("Er zijn nog geen reservekopieën."), self)
        self.other_file = QPushButton(self.tr("Ander &bestand…"), self)
        self.other_file.setToolTip(
            self.tr("Een reservekopie van elders kiezen, bijv. een USB-stick")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Herstellen…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.other_file)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(bottom)

        self.table.itemSelectionChanged.connect(self._show_selected)
        self.other_file.clicked.connect(self._choose_other_file)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._confirm_and_accept)
        self.table.doubleClicked.connect(self._confirm_and_accept)

        self.load(backup.list_backups(self.data_dir))

    # ---------------------------------------------------------------- content

    def load(self, infos: list[BackupInfo]) -> None:
        self.table.setRowCount(0)
        for info in infos:
            self._add_row(info, self.table.rowCount())
        self.empty_note.setVisible(not infos)
        if infos:
            self.table.selectRow(0)
        self._show_selected()

    def _add_row(self, info: BackupInfo, row: int) -> None:
        self.table.insertRow(row)
        meetings = "?" if info.meetings is None else QLocale().toString(info.meetings)
        cells = [
            moment_text(info.created),
            info.reason.label,
            QLocale().formattedDataSize(info.size),
            meetings,
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(PATH_ROLE, str(info.path))
            if column == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _show_selected(self) -> None:
        """Open the chosen backup read-only and list its meetings."""
        self.contents.clear()
        path = self.selected_backup()
        problems = backup.validate_backup(path) if path else []
        self.restore_button.setEnabled(path is not None and not problems)
        if path is None:
            return
        if problems:
            self.contents.addItem(problems[0])
            return
        try:
            meetings = backup.meetings_in(path)
        except BackupError as exc:
            self.contents.addItem(str(exc))
            return
        if not meetings:
            self.contents.addItem(self.tr("(geen vergaderingen)"))
        for meeting in meetings:
            date = date_text(meeting.date)
            title = meeting.title or self.tr("(zonder titel)")
            self.contents.addItem(f"{date} · {meeting.committee} · {title}")

    def _choose_other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Reservekopie kiezen"),
            str(backup.backup_dir(self.data_dir)),
            self.tr("Reservekopie (*.sqlite3 *.sqlite *.db);;Alle bestanden (*)"),
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        """Put a backup from elsewhere at the top of the list and select it."""
        info = BackupInfo(
            path=path,
            created=dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc),
            reason=backup.Reason.MANUAL,
            size=path.stat().st_size,
            meetings=backup.count_meetings(path),
        )
        self._add_row(info, 0)
        self.empty_note.hide()
        self.table.selectRow(0)

    def _confirm_and_accept(self) -> None:
        path = self.selected_backup()
        if path is None or not self.restore_button.isEnabled():
            return
        current = self.table.item(self.table.currentRow(), 0)
        if current is None:
            return
        when = current.text()
        if Confirm.ask(
            self,
            self.tr("Reservekopie herstellen"),
            self.tr(
                "De gegevens van {0} terugzetten?\n\nUw huidige gegevens worden eerst als "
                "reservekopie bewaard; u kunt dit dus altijd terugdraaien."
            ).format(when),
            self.tr("Herstellen"),
        ):
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, data_dir: Path) -> Path | None:
        """The backup the secretary chose and confirmed, or None."""
        dialog = cls(data_dir, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.selected_backup()
        return None
