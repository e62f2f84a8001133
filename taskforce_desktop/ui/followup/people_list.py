"""The Personen page of the Opvolging window: merge two entries, erase a person (AVG)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from taskforce_desktop.core import people
from taskforce_desktop.ui.dialogs.simple import Confirm
from taskforce_desktop.ui.followup.common import (
    ChooseOne,
    meeting_text,
    read_only_row,
    read_only_table,
)
from taskforce_desktop.ui.translation import QT_TR_NOOP, counted

if TYPE_CHECKING:
    from taskforce_desktop.ui.followup.window import FollowUpWindow


class PeopleView(QWidget):
    """Everyone known; merge two entries of one person; erase a person (AVG)."""

    HEADERS = (
        QT_TR_NOOP("Naam"),
        QT_TR_NOOP("Organisatie"),
        QT_TR_NOOP("Functie"),
        QT_TR_NOOP("E-mail"),
        QT_TR_NOOP("Vergaderingen"),
    )

    def __init__(self, host: FollowUpWindow) -> None:
        super().__init__(host)
        self.host = host
        self.rows: list[people.PersonOverview] = []
        self.table, self.model = read_only_table(self, self.HEADERS, self.tr("Personen"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.merge_button = QPushButton(self.tr("&Samenvoegen…"), self)
        self.merge_button.setToolTip(self.tr("Kies twee regels van dezelfde persoon"))
        self.erase_button = QPushButton(self.tr("&Verwijderen (AVG)…"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(self.merge_selected)
        self.erase_button.clicked.connect(self.erase_selected)

    def refresh(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.rows = people.people_overview(self.host.store)
        for row in self.rows:
            person = row.person
            self.model.appendRow(
                read_only_row(
                    person.name,
                    person.organisation,
                    person.function,
                    person.email,
                    str(row.meetings_attended),
                    item_id=person.id,
                )
            )
        self.table.resizeColumnsToContents()

    def selected_rows(self) -> list[people.PersonOverview]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[row] for row in rows]

    def _describe(self, row: people.PersonOverview) -> str:
        person = row.person
        details = ", ".join(part for part in (person.organisation, person.email) if part)
        count = counted(row.meetings_listed, self.tr("1 vergadering"), self.tr("{0} vergaderingen"))
        return f"{person.name} ({details}) — {count}" if details else f"{person.name} — {count}"

    def merge_selected(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 2:
            self.host.show_problem(
                self.tr("Kies precies twee regels van dezelfde persoon om samen te voegen.")
            )
            return
        keep_index = ChooseOne.ask(
            self,
            self.tr("Personen samenvoegen"),
            self.tr("Welke gegevens blijven staan? De andere vullen alleen lege velden aan."),
            [self._describe(row) for row in chosen],
        )
        if keep_index is None:
            return
        keep, merged = chosen[keep_index], chosen[1 - keep_index]
        self.host.run_in_background(
            people.merge_people,
            keep.person.id,
            merged.person.id,
            label=self.tr("Personen worden samengevoegd…"),
            then=self.refresh,
        )

    def erase_selected(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 1:
            self.host.show_problem(self.tr("Kies één persoon om te verwijderen."))
            return
        person = chosen[0].person
        appearances = people.where_person_appears(self.host.store, person.id)
        if not Confirm.ask(
            self,
            self.tr("Persoon verwijderen (AVG)"),
            self.erasure_question(appearances),
            self.tr("Definitief verwijderen"),
        ):
            return
        self.host.run_in_background(
            people.erase_person,
            person.id,
            label=self.tr("Persoon wordt overal verwijderd…"),
            then=self.refresh,
        )

    def erasure_question(self, appearances: people.Appearances) -> str:
        name = appearances.person.name
        lines = [
            self.tr(
                "{0} wordt overal verwijderd, ook uit vastgestelde verslagen. Dit kan niet "
                "ongedaan worden gemaakt."
            ).format(name)
        ]
        if appearances.meetings:
            lines.append(self.tr("Op de deelnemerslijst van:"))
            lines.extend(f"  • {meeting_text(m)}" for m in appearances.meetings)
        if appearances.actions:
            lines.append(self.tr("Eigenaar van de actiepunten (het veld Wie wordt leeg):"))
            lines.extend(f"  • {a.number} {a.description}" for a in appearances.actions)
        if appearances.presented:
            lines.append(self.tr("Inbreng bij (wordt leeg):"))
            lines.extend(f"  • {title} ({meeting_text(m)})" for title, m in appearances.presented)
        if appearances.mentions:
            lines.append(self.tr("Genoemd in tekst die blijft staan (pas die eerst zelf aan):"))
            lines.extend(
                f"  • {meeting_text(hit.meeting)}: {hit.agenda_item_title or hit.meeting.title}"
                for hit in appearances.mentions
            )
        lines.append(self.tr("Eerder gemaakte reservekopieën bevatten de gegevens nog."))
        return "\n".join(lines)
