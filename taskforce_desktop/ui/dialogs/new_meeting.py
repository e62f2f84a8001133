"""Nieuwe vergadering: which committee, which date, and whether to start from the previous one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from taskforce_desktop.core.records import CommitteeRecord
from taskforce_desktop.ui.widgets.colours import problem_style
from taskforce_desktop.ui.widgets.optional_date_edit import DateField


@dataclass(frozen=True)
class NewMeetingRequest:
    committee_name: str
    committee_id: int | None  # None: a committee of that name is created
    date: dt.date
    title: str
    from_previous: bool


class NewMeetingDialog(QDialog):
    def __init__(
        self, committees: list[CommitteeRecord], preferred_committee_id: int | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe vergadering"))
        self._committees = committees
        self.committee = QComboBox(self)
        self.committee.setEditable(True)
        self.committee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for committee in committees:
            self.committee.addItem(committee.name, committee.id)
        preferred = self.committee.findData(preferred_committee_id)
        self.committee.setCurrentIndex(preferred if preferred >= 0 else 0)
        self.committee.lineEdit().setPlaceholderText(self.tr("Naam van het overleg"))
        # The label names the list; the text field inside it is a child of its own.
        self.committee.lineEdit().setAccessibleName(self.tr("Overleg"))
        self.date = DateField(self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Leeg: de titel van de vorige vergadering"))
        self.from_previous = QCheckBox(
            self.tr("&Overnemen van de vorige vergadering (deelnemers, vaste punten)"), self
        )
        self.from_previous.setChecked(bool(committees))
        self.problem = QLabel(self)
        self.problem.setStyleSheet(problem_style(self.problem))

        form = QFormLayout(self)
        for text, field in (
            (self.tr("O&verleg:"), self.committee),
            (self.tr("&Titel:"), self.title),
            (self.tr("&Datum:"), self.date),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow(self.from_previous)
        QWidget.setTabOrder(self.committee, self.title)
        QWidget.setTabOrder(self.title, self.date)
        QWidget.setTabOrder(self.date, self.from_previous)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Aanmaken"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept_if_valid(self) -> None:
        if not self.committee.currentText().strip():
            self.problem.setText(self.tr("Vul de naam van het overleg in."))
            self.committee.setFocus()
            return
        self.accept()

    def request(self) -> NewMeetingRequest:
        name = " ".join(self.committee.currentText().split())
        committee_id = next((c.id for c in self._committees if c.name == name), None)
        return NewMeetingRequest(
            committee_name=name,
            committee_id=committee_id,
            date=self.date.date().toPython(),
            title=" ".join(self.title.text().split()),
            from_previous=self.from_previous.isChecked() and committee_id is not None,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        committees: list[CommitteeRecord],
        preferred_committee_id: int | None = None,
    ) -> NewMeetingRequest | None:
        dialog = cls(committees, preferred_committee_id, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
