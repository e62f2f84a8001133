"""Vergadering: the meeting's own fields, its introduction and its closing text."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from taskforce_desktop.core import approval
from taskforce_desktop.core.edits import Edit, Target
from taskforce_desktop.core.models import MeetingMode, MeetingStatus
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.ui.display import choices, clock_text
from taskforce_desktop.ui.notes_tab import show_markdown
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.colours import problem_style
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor
from taskforce_desktop.ui.widgets.optional_date_edit import DateField, OptionalDateEdit, TimeField
from taskforce_desktop.ui.widgets.scrolling_page import fill_with_scrolling


def enum_combo(enum_cls: type[enum.Enum], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for member, text in choices(enum_cls):
        combo.addItem(text, member.value)
    return combo


def select_in_combo(combo: QComboBox, value: enum.Enum) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value.value)))


class MeetingTab(QWidget):
    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        content = QWidget()
        form = QFormLayout(content)

        self.committee = QLineEdit(content)
        self.committee.setReadOnly(True)
        self.committee.setAccessibleName(self.tr("Overleg"))
        self.title = QLineEdit(content)
        self.date = DateField(content)
        self.start_time = TimeField(content)
        self.end_time = TimeField(content)
        self.location = QLineEdit(content)
        self.mode = enum_combo(MeetingMode, content)
        self.status = enum_combo(MeetingStatus, content)
        self.approved_on = OptionalDateEdit(content)
        self.introduction = MarkdownEditor(
            content,
            accessible_name=self.tr("Inleiding"),
            placeholder=self.tr("Inleiding boven het verslag"),
        )
        self.closing = MarkdownEditor(
            content,
            accessible_name=self.tr("Afsluiting"),
            placeholder=self.tr("Afsluiting, bijvoorbeeld de datum van de volgende vergadering"),
        )
        for editor in (self.introduction, self.closing):
            editor.setMinimumHeight(130)
        self.time_problem = QLabel(content)
        self.time_problem.setStyleSheet(problem_style(self.time_problem))
        self.time_problem.hide()

        rows: list[tuple[str, QWidget]] = [
            (self.tr("Overleg:"), self.committee),
            (self.tr("&Titel:"), self.title),
            (self.tr("&Datum:"), self.date),
            (self.tr("Be&gintijd:"), self.start_time),
            (self.tr("E&indtijd:"), self.end_time),
            (self.tr("L&ocatie:"), self.location),
            (self.tr("Vo&rm:"), self.mode),
            (self.tr("&Status:"), self.status),
            (self.tr("Vastgesteld o&p:"), self.approved_on),
            (self.tr("I&nleiding:"), self.introduction),
            (self.tr("&Afsluiting:"), self.closing),
        ]
        for text, field in rows:
            caption = QLabel(text, content)
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.insertRow(5, self.time_problem)

        fill_with_scrolling(self, content, self.tr("Vergadergegevens"))

        self.title.textEdited.connect(lambda text: self._edit("title", text))
        self.location.textEdited.connect(lambda text: self._edit("location", text))
        self.date.dateChanged.connect(lambda date: self._edit("date", date.toPython()))
        self.start_time.textEdited.connect(lambda _: self._times_edited())
        self.end_time.textEdited.connect(lambda _: self._times_edited())
        self.mode.activated.connect(
            lambda _: self._edit("mode", MeetingMode(self.mode.currentData()))
        )
        self.status.activated.connect(lambda _: self._status_edited())
        self.approved_on.dateChanged.connect(lambda _: self._approved_on_edited())
        self.introduction.edited.connect(lambda: self._edit_text("introduction", self.introduction))
        self.closing.edited.connect(lambda: self._edit_text("closing", self.closing))
        session.meeting_loaded.connect(self.show_meeting)
        session.state_changed.connect(self._on_state_changed)

    # --- showing --------------------------------------------------------------------

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        self.setEnabled(meeting is not None)
        if meeting is None:
            return

        blockers = [
            QSignalBlocker(widget)
            for widget in (self.title, self.date, self.location, self.mode, self.status)
            + (self.approved_on, self.start_time, self.end_time)
        ]
        self.committee.setText(meeting.committee.name)
        self._set_line(self.title, meeting.title)
        self._set_line(self.location, meeting.location)
        self.date.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
        self._set_line(self.start_time, _time_text(meeting.start_time))
        self._set_line(self.end_time, _time_text(meeting.end_time))
        select_in_combo(self.mode, meeting.mode)
        select_in_combo(self.status, meeting.status)
        self.approved_on.set_value(meeting.approved_on)
        self.approved_on.setEnabled(meeting.status is MeetingStatus.APPROVED)
        del blockers
        show_markdown(self.introduction, meeting.introduction)
        show_markdown(self.closing, meeting.closing)
        self.time_problem.hide()

    def _on_state_changed(self, edit: Edit, source: object) -> None:
        # Another view (the approval dialog, a recovery) may change what this tab shows. Its
        # own edits are shown already: redrawing the tab on each key typed in the title
        # converted the introduction and the closing to Markdown on every keystroke.
        own = (self, self.introduction, self.closing)
        if edit.target is Target.MEETING and source not in own:
            self.show_meeting(self.session.meeting)

    @staticmethod
    def _set_line(field: QLineEdit, text: str) -> None:
        if field.text() != text:
            field.setText(text)

    # --- typing ---------------------------------------------------------------------

    def _edit(self, field: str, value: Any) -> None:
        if self.session.meeting_id:
            self.session.edit(Target.MEETING, self.session.meeting_id, field, value, source=self)

    def _edit_text(self, field: str, editor: MarkdownEditor) -> None:
        if self.session.meeting_id:
            self.session.edit_text(Target.MEETING, self.session.meeting_id, field, editor)

    def _times_edited(self) -> None:
        times = {}
        for field, widget in (("start_time", self.start_time), ("end_time", self.end_time)):
            if not widget.is_written_out():
                return  # half typed: wait for the rest
            text = widget.text().strip()
            times[field] = text or None
        start, end = times["start_time"], times["end_time"]
        if start and end and _parse_time(end) < _parse_time(start):
            self.time_problem.setText(self.tr("De eindtijd ligt voor de begintijd."))
            self.time_problem.show()
            return
        self.time_problem.hide()
        for field, value in times.items():
            self._edit(field, _parse_time(value) if value else None)

    def _status_edited(self) -> None:
        # Through core.approval, the one place that keeps "vastgesteld in", the date and
        # "ontgrendeld op" in step with the status.
        meeting = self.session.meeting
        status = MeetingStatus(self.status.currentData())
        if meeting is None or status is meeting.status:
            return
        if status is MeetingStatus.APPROVED:
            approved_on = self.approved_on.value() or dt.date.today()
            self.session.run(approval.approve_meeting, meeting.id, approved_on)
        else:
            self.session.run(approval.set_unapproved_status, meeting.id, status)
        self._show_stored_status()

    def _approved_on_edited(self) -> None:
        meeting = self.session.meeting
        approved_on = self.approved_on.value()
        if meeting is None or approved_on is None or approved_on == meeting.approved_on:
            self._show_stored_status()
            return
        self.session.run(approval.change_approval_date, meeting.id, approved_on)
        self._show_stored_status()

    def _show_stored_status(self) -> None:
        """What the store holds, also after a refusal (the reason is in the message bar)."""
        meeting = self.session.meeting
        if meeting is None:
            return
        with QSignalBlocker(self.status), QSignalBlocker(self.approved_on):
            select_in_combo(self.status, meeting.status)
            self.approved_on.set_value(meeting.approved_on)
        self.approved_on.setEnabled(meeting.status is MeetingStatus.APPROVED)


def _time_text(value: dt.time | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else clock_text(value)


def _parse_time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))
