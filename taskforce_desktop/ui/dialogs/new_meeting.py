"""Nieuwe vergadering: which committee, which date, and whether to start from the previous one.

The date proposed is the next in the committee's rhythm (the gap between its last two
meetings), as a note under the field says, until she types a date herself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
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
from taskforce_desktop.core.services import NextInRhythm
from taskforce_desktop.core.verslag import dutch_short_date
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.widgets.colours import problem_style
from taskforce_desktop.ui.widgets.optional_date_edit import DateField


@dataclass(frozen=True)
class NewMeetingRequest:
    committee_name: str
    committee_id: int | None  # None: a committee of that name is created
    date: dt.date
    title: str
    from_previous: bool
    with_guests: bool = False  # the previous meeting's guests invited again


class NewMeetingDialog(QDialog):
    def __init__(
        self,
        committees: list[CommitteeRecord],
        preferred_committee_id: int | None,
        parent=None,
        committees_with_meetings: Collection[int] = (),
        rhythm: Mapping[int, NextInRhythm] | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_meetings = frozenset(committees_with_meetings)
        self._rhythm = dict(rhythm or {})
        self.setWindowTitle(self.tr("Nieuwe vergadering"))
        self._committees = committees
        self.committee = QComboBox(self)
        self.committee.setEditable(True)
        self.committee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for committee in committees:
            self.committee.addItem(committee.name, committee.id)
        preferred = self.committee.findData(preferred_committee_id)
        self.committee.setCurrentIndex(preferred if preferred >= 0 else 0)
        committee_text = self.committee.lineEdit()
        assert committee_text is not None  # an editable combo box has one
        committee_text.setPlaceholderText(self.tr("Naam van het overleg"))
        # The label names the list; the text field inside it is a child of its own.
        committee_text.setAccessibleName(self.tr("Overleg"))
        # Selected, as Word and Outlook show a proposed value: a name she types replaces it.
        committee_text.selectAll()
        self.date = DateField(self)
        self._refused_date: str | None = None
        self._date_problem = ""  # the message about a refused date, while it is shown
        self.date.refused.connect(self._on_date_refused)
        self.date.textEdited.connect(self._clear_refusal_once_a_date)
        self._date_typed = False  # once she typed a date, a committee chosen keeps it
        self.date.textEdited.connect(self._on_date_typed)
        self.rhythm_note = QLabel(self)
        self.rhythm_note.setWordWrap(True)
        self.title = QLineEdit(self)
        self.from_previous = QCheckBox(
            self.tr("&Overnemen van de vorige vergadering (deelnemers, vaste punten)"), self
        )
        self.with_guests = QCheckBox(self.tr("Ook de &gasten weer uitnodigen"), self)
        self.from_previous.toggled.connect(self.with_guests.setEnabled)
        self.committee.currentTextChanged.connect(self._offer_previous)
        self._offer_previous()
        self.problem = QLabel(self)
        self.problem.setStyleSheet(problem_style(self.problem))
        # Wrapped: on one line the dialog grew wider with the message.
        self.problem.setWordWrap(True)

        form = QFormLayout(self)
        for text, field in (
            (self.tr("O&verleg:"), self.committee),
            (self.tr("&Titel:"), self.title),
            (self.tr("&Datum:"), self.date),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow("", self.rhythm_note)
        form.addRow(self.from_previous)
        form.addRow(self.with_guests)
        QWidget.setTabOrder(self.committee, self.title)
        QWidget.setTabOrder(self.title, self.date)
        QWidget.setTabOrder(self.date, self.from_previous)
        QWidget.setTabOrder(self.from_previous, self.with_guests)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Aanmaken"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setFixedWidth(self.sizeHint().width())

    def _committee_id(self) -> int | None:
        name = " ".join(self.committee.currentText().split())
        return next((c.id for c in self._committees if c.name == name), None)

    def _offer_previous(self) -> None:
        """Taking over is offered, and ticked, only when the committee met before."""
        has_previous = self._committee_id() in self._with_meetings
        self.title.setPlaceholderText(
            self.tr("Leeg: de titel van de vorige vergadering")
            if has_previous
            else self.tr("Bijvoorbeeld: Vergadering januari")
        )
        self.from_previous.setEnabled(has_previous)
        self.from_previous.setChecked(has_previous)
        self.with_guests.setEnabled(has_previous)
        self._propose_date()

    def _propose_date(self) -> None:
        """The next day in the committee's rhythm, said in a note, or today without one."""
        if self._date_typed:
            return
        proposal = self._rhythm.get(self._committee_id() or 0)
        self.date.set_value(proposal.day if proposal else dt.date.today())
        note = ""
        if proposal is not None:
            days = proposal.interval.days
            gap = (
                counted(days // 7, self.tr("elke week"), self.tr("om de {0} weken"))
                if days % 7 == 0
                else self.tr("om de {0} dagen").format(days)
            )
            note = self.tr(
                "Voorgesteld in het ritme van dit overleg: {0}; de vorige was op {1}."
            ).format(gap, dutch_short_date(proposal.last))
        self.rhythm_note.setText(note)
        self.rhythm_note.setVisible(bool(note))

    def _on_date_typed(self) -> None:
        self._date_typed = True
        self.rhythm_note.hide()

    def _accept_if_valid(self) -> None:
        if not self.committee.currentText().strip():
            self._say(self.tr("Vul de naam van het overleg in."))
            self.committee.setFocus()
            return
        if self._refused_date is not None:
            # Clicking OK took the focus from a date that was no date: the field went back to
            # the date shown before, and she should see that before the meeting is made on it.
            self._refused_date = None
            self.date.setFocus()
            return
        self.accept()

    def _on_date_refused(self, typed: str) -> None:
        self._refused_date = typed
        self._date_problem = self.tr(
            "„{0}” is geen datum; de datum blijft {1}. Typ bijvoorbeeld 13-1-2027."
        ).format(typed.strip(), self.date.text())
        self._say(self._date_problem)

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        # Taller, not wider: the width is fixed, and the wrapped lines need their height.
        self.adjustSize()

    def _clear_refusal_once_a_date(self) -> None:
        """The red message goes as soon as the field holds a date again: left standing, it
        said her new date was no date either."""
        if self.problem.text() == self._date_problem and self.date.holds_a_date():
            self._refused_date = None
            self._say("")

    def request(self) -> NewMeetingRequest:
        committee_id = self._committee_id()
        from_previous = self.from_previous.isChecked() and committee_id in self._with_meetings
        day = self.date.value()
        assert day is not None  # a DateField, unlike an OptionalDateEdit, always holds a date
        return NewMeetingRequest(
            committee_name=" ".join(self.committee.currentText().split()),
            committee_id=committee_id,
            date=day,
            title=" ".join(self.title.text().split()),
            from_previous=from_previous,
            with_guests=from_previous and self.with_guests.isChecked(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        committees: list[CommitteeRecord],
        preferred_committee_id: int | None = None,
        committees_with_meetings: Collection[int] = (),
        rhythm: Mapping[int, NextInRhythm] | None = None,
    ) -> NewMeetingRequest | None:
        dialog = cls(committees, preferred_committee_id, parent, committees_with_meetings, rhythm)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
