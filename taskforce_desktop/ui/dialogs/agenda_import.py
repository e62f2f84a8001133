"""Agenda overnemen uit Word: the chair's .docx read off the UI thread, checked, then added.

The file is read by ``core.agenda_import`` on the window's background runner, so typing
never waits. What was recognised is shown in an editable table before anything is stored;
she corrects a title or a purpose, unticks what she does not want, and adds the rest as one
step that Ctrl+Z takes back. A file that cannot be read is said in the window's message bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import services
from taskforce_desktop.core.agenda_import import (
    MAX_FILE_BYTES,
    MAX_UNPACKED_BYTES,
    AgendaDraft,
    AgendaFileError,
    AgendaHeading,
    AgendaProblem,
    already_on_agenda,
    is_standing_point,
    read_word_agenda,
)
from taskforce_desktop.core.models import Purpose
from taskforce_desktop.core.records import AgendaDocumentRecord, AgendaItemRecord, MeetingRecord
from taskforce_desktop.core.services import DraftPoint
from taskforce_desktop.core.verslag import dutch_date, dutch_times
from taskforce_desktop.ui import display
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.session import MeetingSession, StoreCommand
from taskforce_desktop.ui.translation import counted
from taskforce_desktop.ui.widgets.colours import problem_style
from taskforce_desktop.ui.widgets.record_delegate import CurrentCellDelegate


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaImport", text)


def _megabytes(size: int) -> str:
    return _tr("{0} MB").format(round(size / 1_000_000))


def describe(error: Exception, path: Path) -> str:
    """Why the Word agenda could not be read, in her words, with the way out."""
    name = path.name
    if not isinstance(error, AgendaFileError):
        return _tr("'{0}' kon niet worden gelezen ({1}).").format(name, error)
    formats = {
        "doc": _tr("een oud Word-document (.doc)"),
        "pdf": _tr("een PDF"),
        "rtf": _tr("een RTF-document"),
        "odt": _tr("een OpenDocument-tekst (.odt)"),
    }
    values = error.values
    sentences = {
        AgendaProblem.NOT_A_FILE: lambda: _tr("'{0}' is geen gewoon bestand.").format(name),
        AgendaProblem.CANNOT_READ: lambda: _tr("'{0}' kan niet worden gelezen ({1}).").format(
            name, values.get("reason", "")
        ),
        AgendaProblem.FILE_TOO_LARGE: lambda: _tr(
            "'{0}' is {1} groot; een Word-agenda mag hoogstens {2} zijn."
        ).format(name, _megabytes(values["size"]), _megabytes(MAX_FILE_BYTES)),
        AgendaProblem.SAVE_AS_DOCX: lambda: _tr(
            "'{0}' is {1}, geen Word-document (.docx). Open het in Word of LibreOffice, "
            "sla het op als .docx en kies dat bestand."
        ).format(name, formats[values["format"]]),
        AgendaProblem.NOT_DOCX: lambda: _tr("'{0}' is geen Word-document (.docx).").format(name),
        AgendaProblem.ENCRYPTED: lambda: _tr(
            "'{0}' is beveiligd met een wachtwoord. Open het in Word, haal het wachtwoord "
            "eraf (Bestand → Info → Document beveiligen) en sla het opnieuw op."
        ).format(name),
        AgendaProblem.UNPACKS_TOO_LARGE: lambda: _tr(
            "'{0}' is uitgepakt {1} in {2} delen; een Word-agenda mag uitgepakt hoogstens {3} zijn."
        ).format(
            name, _megabytes(values["unpacked"]), values["entries"], _megabytes(MAX_UNPACKED_BYTES)
        ),
        AgendaProblem.DAMAGED: lambda: _tr(
            "'{0}' is beschadigd en kan niet worden gelezen. Open het in Word en sla het "
            "opnieuw op."
        ).format(name),
    }
    return str(sentences[error.kind]())


class AddAgendaPoints(StoreCommand):
    """The points of the chair's agenda, added as one step with the date, times and place she
    took from its heading; undo removes the points and puts the meeting's own back.

    Redo brings them back as they were when undone, with what she gave them since: a stuk
    attached to one is no step of its own, so Ctrl+Z right after it takes the points away,
    and a redo from the Word agenda again had lost the stuk.
    """

    def __init__(
        self,
        session: MeetingSession,
        meeting_id: int,
        points: list[DraftPoint],
        meeting_changes: dict[str, Any] | None = None,
    ):
        super().__init__(session, meeting_id, _tr("Agenda overnemen uit Word"))
        self.points = points
        self.meeting_changes = dict(meeting_changes or {})
        self.meeting_before: dict[str, Any] = {}
        self.changes_meeting_list = "date" in self.meeting_changes  # the list shows dates
        self.ids: list[int] = []
        # Per point as undone: its record, its place and its stukken with their contents.
        self.removed: list[
            tuple[AgendaItemRecord, int, list[tuple[AgendaDocumentRecord, bytes]]]
        ] = []

    def apply(self) -> None:
        meeting_id = self.session.resolve("meeting", self.meeting_id)
        if not self.meeting_changes:
            self._add_points(meeting_id)
            return
        if not self.meeting_before:
            meeting = services.load_meeting(self.store, meeting_id)
            self.meeting_before = {key: getattr(meeting, key) for key in self.meeting_changes}
        services.update_meeting(self.store, meeting_id, **self.meeting_changes)
        try:
            self._add_points(meeting_id)
        except Exception:
            services.update_meeting(self.store, meeting_id, **self.meeting_before)
            raise

    def _add_points(self, meeting_id: int) -> None:
        if not self.ids:
            self.ids = services.add_agenda_points(self.store, meeting_id, self.points)
            return
        # Each back at its place, the first place first: she may have moved them around.
        in_order = sorted(zip(self.ids, self.removed, strict=True), key=lambda pair: pair[1][1])
        for item_id, (record, index, documents) in in_order:
            new_id = services.restore_agenda_item(self.store, meeting_id, record, index, documents)
            self.session.renamed(
                "agenda_item", self.session.resolve("agenda_item", item_id), new_id
            )

    def revert(self) -> None:
        agenda = services.load_meeting(
            self.store, self.session.resolve("meeting", self.meeting_id)
        ).agenda
        places = {item.id: index for index, item in enumerate(agenda)}
        current = [self.session.resolve("agenda_item", item_id) for item_id in self.ids]
        self.removed = [
            (
                agenda[places[item_id]],
                places[item_id],
                services.documents_of_item(self.store, item_id),
            )
            for item_id in current
        ]
        for item_id in current:
            services.remove_agenda_item(self.store, item_id)
        if self.meeting_before:
            meeting_id = self.session.resolve("meeting", self.meeting_id)
            services.update_meeting(self.store, meeting_id, **self.meeting_before)

    def first_point(self) -> int:
        return self.session.resolve("agenda_item", self.ids[0])


_INCLUDE, _NUMBER, _TITLE, _PURPOSE, _PRESENTER, _MINUTES = range(6)


class PurposeChoice(QComboBox):
    """The Doel cell. Up and Down go to the point above or below, as in every other column:
    going down the column with the arrows changed each purpose she passed. A letter, Alt+Down
    or F4 chooses; the wheel scrolls the table unless she is in the cell. Tab passes it by:
    the arrows bring her to it from the cell beside it."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if event.key() in steps and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            row = self.table.indexAt(self.pos()).row() + steps[Qt.Key(event.key())]
            if 0 <= row < self.table.rowCount():
                self.table.setCurrentCell(row, _PURPOSE)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _heading_offers(heading: AgendaHeading, meeting: MeetingRecord) -> list[tuple[str, dict]]:
    """(what a box says, the changes it makes) for what the heading says otherwise."""
    changes = heading.changes_for(meeting)
    offers = []
    if "date" in changes:
        offers.append(
            (
                _tr("&Datum overnemen: {0} (nu {1})").format(
                    dutch_date(changes["date"]), dutch_date(meeting.date)
                ),
                {"date": changes["date"]},
            )
        )
    if "start_time" in changes:
        now = dutch_times(meeting.start_time, meeting.end_time) or _tr("geen tijd")
        offers.append(
            (
                _tr("T&ijd overnemen: {0} (nu {1})").format(
                    dutch_times(changes["start_time"], changes["end_time"]), now
                ),
                {key: changes[key] for key in ("start_time", "end_time")},
            )
        )
    if "location" in changes:
        offers.append(
            (
                _tr("L&ocatie overnemen: {0} (nu {1})").format(
                    changes["location"], meeting.location or _tr("leeg")
                ),
                {"location": changes["location"]},
            )
        )
    return offers


def _fitting(wanted: QSize, parent: QWidget | None) -> QSize:
    """The size, or less on a small screen: at 200 % text on a laptop 900 × 620 is larger
    than the screen, and the buttons were off it."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    title_bar_and_frame = QSize(20, 60)
    return wanted.boundedTo(screen.availableGeometry().size() - title_bar_and_frame)


class AgendaImportDialog(QDialog):
    """The recognised points, to correct before they are added."""

    last_folder = ""  # where she last picked an agenda, while the app runs

    def __init__(
        self,
        draft: AgendaDraft,
        file_name: str,
        existing_titles: Sequence[str] = (),
        parent: QWidget | None = None,
        meeting: MeetingRecord | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_tr("Agenda overnemen uit Word"))
        self.introductions = [point.introduction for point in draft.points]
        self.resize(_fitting(QSize(900, 620), parent))

        found = counted(len(draft.points), _tr("1 agendapunt"), _tr("{0} agendapunten"))
        text = _tr(
            "Herkend in '{0}': {1}. Verbeter wat niet klopt en vink uit wat u niet wilt; de "
            "aangevinkte punten komen na de bestaande punten, vóór Rondvraag en Sluiting."
        ).format(file_name, found)
        there = [already_on_agenda(point.title, existing_titles) for point in draft.points]
        if any(there):
            text += " " + _tr(
                "Punten die de vergadering al heeft (zoals de opening of de sluiting) staan uit."
            )
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        self.heading_boxes: list[tuple[QCheckBox, dict[str, Any]]] = []
        heading_parts = self._heading_parts(draft.heading, meeting)

        self.table = QTableWidget(len(draft.points), 6, self)
        self.table.setAccessibleName(_tr("Herkende agendapunten"))
        self.table.setHorizontalHeaderLabels(
            [_tr("Overnemen"), _tr("Nr"), _tr("Titel"), _tr("Doel"), _tr("Inbreng"), _tr("Minuten")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegate(CurrentCellDelegate(self.table))  # which cell she is in
        # Tab leaves the table, as in the window's tables: it went round its cells for ever,
        # and the Toelichting and the buttons were out of reach of the Tab key.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, point in enumerate(draft.points):
            self._fill_row(row, point, include=not there[row])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((_INCLUDE, 80), (_NUMBER, 50), (_PURPOSE, 150), (_PRESENTER, 190)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(_MINUTES, 70)

        self.introduction_caption = QLabel(_tr("Toe&lichting bij het gekozen punt:"), self)
        self.introduction = QPlainTextEdit(self)
        self.introduction.setAccessibleName(_tr("Toelichting bij het gekozen punt"))
        self.introduction.setTabChangesFocus(True)
        self.introduction_caption.setBuddy(self.introduction)
        self.introduction.textChanged.connect(self._keep_introduction)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_introduction(row))

        self.not_understood = QListWidget(self)
        self.not_understood.setAccessibleName(_tr("Niet herkend"))
        self.not_understood.addItems(draft.not_understood)
        not_understood_caption = QLabel(_tr("&Niet herkend:"), self)
        not_understood_caption.setBuddy(self.not_understood)
        advice = QLabel(
            _tr(
                "Deze regels staan vóór het eerste agendapunt en horen bij geen punt. Neem "
                "over wat nodig is, bijvoorbeeld in de inleiding op het tabblad Vergadering."
            ),
            self,
        )
        advice.setWordWrap(True)
        # As tall as its lines, up to four: the table of points matters more.
        shown_lines = max(1, min(self.not_understood.count(), 4))
        self.not_understood.setMaximumHeight(
            self.not_understood.sizeHintForRow(0) * shown_lines
            + 2 * self.not_understood.frameWidth()
            + 4
        )
        for widget in (not_understood_caption, advice, self.not_understood):
            widget.setVisible(bool(draft.not_understood))

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(problem_style(self.error))
        self.error.hide()

        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton(
            _tr("Punten &toevoegen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        for part in heading_parts:
            layout.addWidget(part)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.introduction_caption)
        layout.addWidget(self.introduction, 1)
        layout.addWidget(not_understood_caption)
        layout.addWidget(advice)
        layout.addWidget(self.not_understood)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if draft.points:
            self.table.setCurrentCell(0, _TITLE)
        self.table.setFocus()

    def _heading_parts(
        self, heading: AgendaHeading, meeting: MeetingRecord | None
    ) -> list[QWidget]:
        """A box, ticked, for each of the date, the times and the place that the heading
        gives otherwise than the meeting; a word when its date cannot be read."""
        if meeting is None:
            return []
        parts: list[QWidget] = []
        offers = _heading_offers(heading, meeting)
        if offers:
            caption = QLabel(_tr("De kop van de agenda zegt iets anders over de vergadering:"), self)
            caption.setWordWrap(True)
            parts.append(caption)
        for text, changes in offers:
            box = QCheckBox(text, self)
            box.setChecked(True)
            self.heading_boxes.append((box, changes))
            parts.append(box)
        if heading.date_text and heading.date_near(meeting.date) is None:
            unreadable = QLabel(
                _tr(
                    "De agenda noemt '{0}' als datum, maar die dag en datum passen niet bij "
                    "elkaar. De vergadering blijft op {1}; pas de datum zo nodig aan op het "
                    "tabblad Vergadering."
                ).format(heading.date_text, dutch_date(meeting.date)),
                self,
            )
            unreadable.setWordWrap(True)
            parts.append(unreadable)
        return parts

    def chosen_meeting_changes(self) -> dict[str, Any]:
        """The date, times and place from the heading that she left ticked."""
        chosen: dict[str, Any] = {}
        for box, changes in self.heading_boxes:
            if box.isChecked():
                chosen.update(changes)
        return chosen

    def _fill_row(self, row: int, point: DraftPoint, *, include: bool) -> None:
        chosen = QTableWidgetItem()
        chosen.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        chosen.setCheckState(Qt.CheckState.Checked if include else Qt.CheckState.Unchecked)
        if not include:
            chosen.setToolTip(_tr("Staat al op de agenda"))
        chosen.setData(Qt.ItemDataRole.AccessibleTextRole, _tr("Overnemen"))
        self.table.setItem(row, _INCLUDE, chosen)
        minutes = "" if point.planned_minutes is None else str(point.planned_minutes)
        for column, text in (
            (_NUMBER, point.number),
            (_TITLE, point.title),
            (_PRESENTER, point.presenter),
            (_MINUTES, minutes),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        purpose = PurposeChoice(self.table)
        purpose.setAccessibleName(_tr("Doel"))
        for value, text in display.choices(Purpose):
            purpose.addItem(text, value)
        purpose.setCurrentIndex(purpose.findData(point.purpose))
        self.table.setCellWidget(row, _PURPOSE, purpose)

    def purpose_box(self, row: int) -> QComboBox:
        box = self.table.cellWidget(row, _PURPOSE)
        assert isinstance(box, QComboBox)
        return box

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text().strip()

    def _show_introduction(self, row: int) -> None:
        self.introduction.blockSignals(True)
        self.introduction.setPlainText(self.introductions[row] if row >= 0 else "")
        self.introduction.blockSignals(False)
        self.introduction.setEnabled(row >= 0)

    def _keep_introduction(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.introductions[row] = self.introduction.toPlainText()

    def chosen_points(self) -> list[DraftPoint]:
        """The ticked rows as she left them; ValueError names the first that is incomplete."""
        points = []
        for row in range(self.table.rowCount()):
            include = self.table.item(row, _INCLUDE)
            if include is None or include.checkState() != Qt.CheckState.Checked:
                continue
            title = self._text(row, _TITLE)
            if not title:
                raise ValueError(_tr("Punt {0} heeft geen titel.").format(row + 1))
            minutes = self._text(row, _MINUTES)
            if minutes and not minutes.isdigit():
                raise ValueError(
                    _tr("Bij '{0}' zijn de minuten geen heel getal: {1}").format(title, minutes)
                )
            points.append(
                DraftPoint(
                    number=self._text(row, _NUMBER),
                    title=title,
                    purpose=Purpose(self.purpose_box(row).currentData()),
                    presenter=self._text(row, _PRESENTER),
                    introduction=self.introductions[row].strip(),
                    planned_minutes=int(minutes) if minutes else None,
                    standing=is_standing_point(title),
                )
            )
        return points

    def _accept_if_complete(self) -> None:
        try:
            points = self.chosen_points()
        except ValueError as problem:
            self._say(str(problem))
            return
        if not points:
            self._say(_tr("Er is geen punt aangevinkt."))
            return
        self.accept()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def ask_word_agenda(parent: QWidget) -> Path | None:
    # Her Documents the first time, not the folder the app was started from.
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Agenda overnemen uit Word"),
        AgendaImportDialog.last_folder or documents,
        _tr("Word-document (*.docx);;Alle bestanden (*)"),
    )
    if not name:
        return None
    AgendaImportDialog.last_folder = str(Path(name).parent)
    return Path(name)


def take_in_word_agenda(
    session: MeetingSession, background: BackgroundOperations, parent: QWidget
) -> None:
    """Ask for the chair's .docx, read it off the UI thread, let her check it, add it."""
    meeting_id = session.meeting_id
    if not meeting_id:
        return
    path = ask_word_agenda(parent)
    if path is None:
        return

    def review(draft: AgendaDraft) -> None:
        if not draft.points:
            session.problem.emit(
                _tr(
                    "In '{0}' is geen agendapunt herkend. Nummer de punten (1., 2., 3.) of zet "
                    "ze in een tabel met een kolom Onderwerp, en probeer het opnieuw."
                ).format(path.name)
            )
            return
        record = session.meeting
        existing = [item.title for item in record.agenda] if record else []
        dialog = AgendaImportDialog(draft, path.name, existing, parent, meeting=record)
        dialog.accepted.connect(
            lambda: _add(
                session, meeting_id, dialog.chosen_points(), dialog.chosen_meeting_changes()
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    background.run(
        lambda: read_word_agenda(path),
        review,
        lambda error: session.problem.emit(describe(error, path)),
        label=_tr("Agenda uit Word wordt gelezen…"),
    )


def _add(
    session: MeetingSession,
    meeting_id: int,
    points: list[DraftPoint],
    meeting_changes: dict[str, Any],
) -> None:
    command = AddAgendaPoints(session, meeting_id, points, meeting_changes)
    if session.perform(command):
        session.select_agenda_item(command.first_point())
