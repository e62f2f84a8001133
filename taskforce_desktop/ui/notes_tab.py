"""Impressies: per agenda point the introduction, the notes, the conclusion, decisions and actions.

This is where the secretary types during the meeting. Every text goes to autosave as she
types; Ctrl+PgDown/PgUp walk the agenda, Ctrl+Shift+B adds a decision, Ctrl+Shift+A an action.
"""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core import markdown, services
from taskforce_desktop.core.edits import Edit, Target
from taskforce_desktop.core.models import AgendaKind
from taskforce_desktop.core.records import AgendaItemRecord, DecisionRecord, MeetingRecord
from taskforce_desktop.ui.display import label
from taskforce_desktop.ui.documents_panel import open_document
from taskforce_desktop.ui.drafts import NO_DRAFT, Draft, read_drafts, write_drafts
from taskforce_desktop.ui.models.tables import ActionsModel, AgendaModel
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.undo_commands import RemoveAction, RemoveDecision
from taskforce_desktop.ui.widgets.accessibility import (
    StatusLabel,
    mark_heading,
    name_scroll_bars,
)
from taskforce_desktop.ui.widgets.action_review import ActionReviewList
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor
from taskforce_desktop.ui.widgets.optional_date_edit import DueDateField
from taskforce_desktop.ui.widgets.record_table_view import RecordTableView, add_shortcut
from taskforce_desktop.ui.widgets.scrolling_page import fill_with_scrolling

NOTES_FIELDS = ("introduction", "notes", "conclusion")
# The "Nieuw actiepunt" fields, per agenda point, in the window's settings: a new action
# half typed belongs to the point she typed it at, and survives a quit.
NEW_ACTION_DRAFTS_KEY = "notes/new_actions"


def show_markdown(editor: MarkdownEditor, text: str) -> None:
    """Replace an editor's text only when it differs, so a reload keeps cursor and undo."""
    if editor.markdown() != markdown.normalise(text):
        editor.set_markdown(text)


def section_label(text: str, parent: QWidget, buddy: QWidget | None = None) -> QLabel:
    caption = QLabel(text, parent)
    font = caption.font()
    font.setBold(True)
    caption.setFont(font)
    if buddy is not None:
        caption.setBuddy(buddy)
    return mark_heading(caption)


class DecisionRow(QWidget):
    """One decision: its number, its text editor and a delete button."""

    def __init__(self, tab: NotesTab, decision: DecisionRecord, index: int) -> None:
        super().__init__()
        self.decision = decision
        self.index = index
        self.editor = MarkdownEditor(
            self,
            accessible_name=tab.tr("Besluit {0}").format(decision.number),
            placeholder=tab.tr("Tekst van het besluit"),
        )
        self.editor.setMinimumHeight(48)
        self.editor.setMaximumHeight(110)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(tab.tr("Verwijderen"))
        self.delete_button.setAccessibleName(
            tab.tr("Besluit {0} verwijderen").format(decision.number)
        )
        number = QLabel(decision.number, self)
        number.setMinimumWidth(60)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)


class NotesTab(QWidget):
    def __init__(
        self,
        session: MeetingSession,
        agenda_model: AgendaModel,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self._new_actions = read_drafts(settings, NEW_ACTION_DRAFTS_KEY)
        self.item_id = 0
        self.decision_rows: list[DecisionRow] = []
        self._behind_state = False

        self.agenda_model = agenda_model
        self.agenda_list = QListView(self)
        self.agenda_list.setModel(agenda_model)
        self.agenda_list.setModelColumn(agenda_model.heading_column)
        name_scroll_bars(self.agenda_list, self.tr("Agendapunten"))
        self.agenda_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_list.selectionModel().currentRowChanged.connect(self._on_list_row)
        self.agenda_list.setMinimumWidth(160)
        self.agenda_list.setWordWrap(True)
        self.agenda_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.agenda_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.pages = QStackedWidget(self)
        self.empty_hint = QLabel(
            self.tr(
                "Deze vergadering heeft nog geen agendapunten.\n"
                "Voeg ze toe op het tabblad Agenda (Ctrl+3)."
            ),
            self,
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.empty_hint)
        self.pages.addWidget(self._build_item_page())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("notes_splitter")
        splitter.addWidget(self.agenda_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 790])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._order_tab_chain()
        session.meeting_loaded.connect(self.show_meeting)
        session.agenda_item_selected.connect(self.show_item)
        session.state_changed.connect(self._on_state_changed)

    # --- building -------------------------------------------------------------------

    def _build_item_page(self) -> QWidget:
        page = QWidget()
        self.heading = mark_heading(QLabel(page))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.details = QLabel(page)
        self.details.setWordWrap(True)
        # The point's stukken, each name a link that opens it; shown only when it has any.
        self.documents_line = QLabel(page)
        self.documents_line.setWordWrap(True)
        self.documents_line.setTextFormat(Qt.TextFormat.RichText)
        self.documents_line.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.documents_line.linkActivated.connect(self._open_document)

        self.introduction_toggle = QToolButton(page)
        self.introduction_toggle.setCheckable(True)
        self.introduction_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.introduction_toggle.setAccessibleName(self.tr("Toelichting tonen of verbergen"))
        self.introduction = self._editor(page, self.tr("Toelichting"), "introduction", 70)
        self.introduction_toggle.toggled.connect(self._show_introduction)
        self._show_introduction(False)

        self.notes = self._editor(page, self.tr("Impressie"), "notes", 140)
        self.conclusion = self._editor(page, self.tr("Conclusie"), "conclusion", 60)
        self.review = ActionReviewList(self.session, page)
        self.review.setMinimumHeight(90)

        self.decisions_box = QVBoxLayout()
        self.new_decision_button = QPushButton(self.tr("Nieuw besluit (Ctrl+Shift+B)"), page)
        self.new_decision_button.clicked.connect(self.new_decision)

        self.actions_model = ActionsModel(self.session.meeting_day, self)
        self.actions_model.value_edited.connect(
            lambda record, field, value: self.session.edit(
                Target.ACTION, record.id, field, value, source=self.actions_model
            )
        )
        self.actions_table = RecordTableView(self.actions_model, self.tr("Actiepunten"), page)
        self.actions_table.setMinimumHeight(100)
        self.actions_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        for column, width in enumerate((75, 0, 130, 100, 90)):
            self.actions_table.setColumnWidth(column, width)
        header = self.actions_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        add_shortcut(
            self.actions_table, self.tr("Actiepunt verwijderen"), "Delete", self.delete_action
        )
        self.delete_action_button = QPushButton(self.tr("Actiepunt verwijderen"), page)
        self.delete_action_button.clicked.connect(self.delete_action)

        self.action_description = QLineEdit(page)
        self.action_description.setPlaceholderText(self.tr("Wat moet er gebeuren?"))
        self.action_owner = QLineEdit(page)
        self.action_owner.setPlaceholderText(self.tr("Wie"))
        self.action_due = DueDateField(self.session.meeting_day, page)
        self.action_due_remark = StatusLabel(self.tr("Herkende datum"), page)
        self.action_due_remark.setWordWrap(True)
        self.action_due.remark_changed.connect(self.action_due_remark.setText)
        self.add_action_button = QPushButton(self.tr("Toevoegen"), page)
        for field in (self.action_description, self.action_owner, self.action_due):
            field.returnPressed.connect(self.add_action)
            field.textEdited.connect(self._keep_new_action)
        self.add_action_button.clicked.connect(self.add_action)
        description_caption = QLabel(self.tr("Nieuw &actiepunt:"), page)
        description_caption.setBuddy(self.action_description)
        owner_caption = QLabel(self.tr("&Wie:"), page)
        owner_caption.setBuddy(self.action_owner)
        due_caption = QLabel(self.tr("Wa&nneer:"), page)
        due_caption.setBuddy(self.action_due)

        # Two lines: on one, the row alone was wider than the page at 150 % text, and the
        # whole page (the Impressie with it) scrolled sideways.
        description_row = QHBoxLayout()
        description_row.addWidget(description_caption)
        description_row.addWidget(self.action_description, 1)
        owner_row = QHBoxLayout()
        owner_row.addWidget(owner_caption)
        owner_row.addWidget(self.action_owner, 1)
        owner_row.addWidget(due_caption)
        owner_row.addWidget(self.action_due)
        owner_row.addWidget(self.add_action_button)
        add_row = QVBoxLayout()
        add_row.addLayout(description_row)
        add_row.addLayout(owner_row)
        # A line of its own: beside the field it made the page wider than 150 % text allows.
        add_row.addWidget(self.action_due_remark, 0, Qt.AlignmentFlag.AlignRight)

        content = QWidget()
        form = QVBoxLayout(content)
        form.addWidget(self.heading)
        form.addWidget(self.details)
        form.addWidget(self.documents_line)
        form.addWidget(self.introduction_toggle)
        form.addWidget(self.introduction, 1)
        form.addWidget(section_label(self.tr("&Impressie"), content, self.notes))
        form.addWidget(self.notes, 4)
        self.review_caption = section_label(
            self.tr("Open&staande actiepunten uit eerdere vergaderingen"), content, self.review
        )
        form.addWidget(self.review_caption)
        form.addWidget(self.review, 2)
        form.addWidget(section_label(self.tr("&Conclusie"), content, self.conclusion))
        form.addWidget(self.conclusion, 1)
        decisions_header = QHBoxLayout()
        decisions_header.addWidget(section_label(self.tr("Besluiten"), content))
        decisions_header.addStretch(1)
        decisions_header.addWidget(self.new_decision_button)
        form.addLayout(decisions_header)
        form.addLayout(self.decisions_box)
        actions_header = QHBoxLayout()
        actions_header.addWidget(section_label(self.tr("Actiepunten"), content))
        actions_header.addStretch(1)
        actions_header.addWidget(self.delete_action_button)
        form.addLayout(actions_header)
        form.addWidget(self.actions_table, 1)
        form.addLayout(add_row)

        fill_with_scrolling(page, content, self.tr("Agendapunt"))
        return page

    def _editor(self, parent: QWidget, name: str, field: str, height: int) -> MarkdownEditor:
        editor = MarkdownEditor(parent, accessible_name=name, placeholder=name)
        editor.setMinimumHeight(height)
        # The page shares its height by stretch; a text edit's own large size hint would
        # push the conclusion, decisions and actions below the fold.
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        editor.edited.connect(lambda: self._text_edited(editor, field))
        return editor

    # --- showing --------------------------------------------------------------------

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        self.setEnabled(meeting is not None)
        self.show_item(self.session.current_item_id)

    def show_item(self, item_id: int) -> None:
        item = self.session.agenda_item(item_id)
        shown_before = self.item_id
        self.item_id = item.id if item else 0
        if self.item_id != shown_before:
            self._show_new_action(self._new_actions.get((self.item_id, "action"), NO_DRAFT))
        self.pages.setCurrentIndex(1 if item else 0)
        if item is None:
            return
        row = self.agenda_model.row_of(item.id)
        if row >= 0 and self.agenda_list.currentIndex().row() != row:
            column = self.agenda_list.modelColumn()
            self.agenda_list.setCurrentIndex(self.agenda_model.index(row, column))
        self.heading.setText(f"{item.number}. {item.title}")
        self.details.setText(self._details(item))
        self._show_documents(item)
        for field in NOTES_FIELDS:
            getattr(self, field).show_markdown_of(item.id, getattr(item, field))
        self._update_introduction_toggle()
        self._show_decisions(item)
        reviewing = item.kind is AgendaKind.ACTION_REVIEW
        self.review_caption.setVisible(reviewing)
        self.review.setVisible(reviewing)
        if reviewing:
            self.review.show_open_actions()
        self.actions_model.update_records(item.actions)

    def _on_state_changed(self, edit: Edit, source: object) -> None:
        # An edit made elsewhere (the Agenda tab, Live mode, a recovery) shows here at once;
        # the editor she is typing in is the source and is left alone.
        touches_item = edit.target is Target.AGENDA_ITEM and edit.object_id == self.item_id
        touches_rows = edit.target in (Target.DECISION, Target.ACTION)
        if self.item_id and source not in self._own_editors() and (touches_item or touches_rows):
            if self.isVisible():
                self.show_item(self.item_id)
            else:
                # Hidden behind Live mode or another tab: converting a long text on every
                # write while she types elsewhere would cost her keystrokes; catch up when shown.
                self._behind_state = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind_state:
            self._behind_state = False
            self.show_item(self.item_id)

    def _own_editors(self) -> list[object]:
        editors: list[object] = [self.introduction, self.notes, self.conclusion]
        return editors + [row.editor for row in self.decision_rows] + [self.actions_model]

    def _details(self, item: AgendaItemRecord) -> str:
        parts = [label(item.purpose)]
        if item.presenter:
            parts.append(self.tr("inbreng: {0}").format(item.presenter))
        if item.planned_minutes:
            parts.append(self.tr("{0} minuten").format(item.planned_minutes))
        if item.confidential:
            parts.append(self.tr("vertrouwelijk"))
        return " · ".join(parts)

    def _show_documents(self, item: AgendaItemRecord) -> None:
        links = ", ".join(
            f'<a href="{document.id}">{html.escape(document.file_name)}</a>'
            for document in item.documents
        )
        self.documents_line.setText(self.tr("Stukken: {0}").format(links))
        self.documents_line.setVisible(bool(item.documents))

    def _open_document(self, link: str) -> None:
        item = self.session.agenda_item(self.item_id)
        documents = item.documents if item else ()
        document = next((one for one in documents if str(one.id) == link), None)
        if document is not None:
            open_document(self.session, document)

    def _show_decisions(self, item: AgendaItemRecord) -> None:
        shown = [row.decision.id for row in self.decision_rows]
        if shown != [decision.id for decision in item.decisions]:
            for row in self.decision_rows:
                row.setParent(None)
                row.deleteLater()
            self.decision_rows = []
            for index, decision in enumerate(item.decisions):
                row = DecisionRow(self, decision, index)
                row.editor.edited.connect(
                    lambda r=row: self.session.edit_text(
                        Target.DECISION, r.decision.id, "text", r.editor
                    )
                )
                row.delete_button.clicked.connect(lambda _=False, r=row: self.delete_decision(r))
                self.decisions_box.addWidget(row)
                self.decision_rows.append(row)
            self._order_tab_chain()
        for row, decision in zip(self.decision_rows, item.decisions, strict=True):
            row.decision = decision
            show_markdown(row.editor, decision.text)

    def _order_tab_chain(self) -> None:
        """Tab follows the page from top to bottom, also through decisions added later."""
        chain: list[QWidget] = [self.agenda_list, self.documents_line, self.introduction_toggle]
        chain.append(self.introduction)
        chain += [self.notes, self.review, self.conclusion]
        for row in self.decision_rows:
            chain += [row.editor, row.delete_button]
        chain += [self.new_decision_button, self.actions_table, self.action_description]
        chain += [self.action_owner, self.action_due, self.add_action_button]
        chain.append(self.delete_action_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_introduction(self, visible: bool) -> None:
        self.introduction.setVisible(visible)
        self.introduction_toggle.setArrowType(
            Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        )

    def _update_introduction_toggle(self) -> None:
        empty = not self.introduction.markdown()
        text = self.tr("Toelichting (leeg)") if empty else self.tr("Toelichting")
        self.introduction_toggle.setText(text)

    # --- typing and commands --------------------------------------------------------

    def _text_edited(self, editor: MarkdownEditor, field: str) -> None:
        if self.item_id:
            self.session.edit_text(Target.AGENDA_ITEM, self.item_id, field, editor)

    def _on_list_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.session.select_agenda_item(self.agenda_model.record(current.row()).id)

    def field_of(self, widget: object) -> str:
        """The point's field a widget edits ("notes", …), or "" for any other widget."""
        editors = {"introduction": self.introduction, "notes": self.notes}
        editors["conclusion"] = self.conclusion
        return next((field for field, editor in editors.items() if editor is widget), "")

    def focus_field(self, field: str) -> None:
        """The cursor into one of the point's texts: where she left it (at its end the first
        time)."""
        editor = getattr(self, field, None) if field in NOTES_FIELDS else None
        if not self.item_id or editor is None:
            self.focus_notes()
            return
        if editor is self.introduction:
            self.introduction_toggle.setChecked(True)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_notes(self) -> None:
        if self.item_id:
            self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.agenda_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def new_decision(self) -> None:
        if not self.item_id:
            return
        new_id = self.session.run(services.add_decision, self.item_id, "")
        row = next((r for r in self.decision_rows if r.decision.id == new_id), None)
        if row is not None:
            row.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def delete_decision(self, row: DecisionRow) -> None:
        text = row.editor.markdown()
        self.session.perform(
            RemoveDecision(self.session, self.item_id, row.decision, text, row.index)
        )

    def focus_new_action(self) -> None:
        if self.item_id:
            self.action_description.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_action(self) -> None:
        description = self.action_description.text().strip()
        if not self.item_id or not description:
            self.action_description.setFocus()
            return
        new_id = self.session.run(
            services.add_action,
            self.item_id,
            description,
            owner=self.action_owner.text().strip(),
            due=self.action_due.value(),
        )
        if new_id is not None:
            self._show_new_action(NO_DRAFT)
            self._keep_new_action()
            self.actions_table.select_record(new_id)
        self.action_description.setFocus()

    def _show_new_action(self, draft: Draft) -> None:
        self.action_description.setText(draft.text)
        self.action_owner.setText(draft.owner)
        self.action_due.set_value(None)
        self.action_due.setText(draft.due)

    def _keep_new_action(self) -> None:
        if not self.item_id:
            return
        typed = Draft(
            self.action_description.text(), self.action_owner.text(), self.action_due.text()
        )
        self._new_actions[(self.item_id, "action")] = typed
        write_drafts(self.settings, NEW_ACTION_DRAFTS_KEY, self._new_actions)

    def delete_action(self) -> None:
        row = self.actions_table.current_row()
        if row < 0:
            return
        record = self.actions_model.record(row)
        self.session.perform(RemoveAction(self.session, self.item_id, record, row))
        self.actions_table.select_row(min(row, self.actions_model.rowCount() - 1))
