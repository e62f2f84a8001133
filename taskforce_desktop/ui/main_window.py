"""The secretary's window: the meeting list on the left, the open meeting in tabs on the right.

The window builds its features in one place (``MainWindow.__init__``), each with the
``WindowParts`` of ui/window_parts.py, and keeps each as a typed attribute: ``exports``,
``live``, ``followup``, ``language``, ``writing_help`` and ``safety``. What they add to the window goes
through those parts: commands through ``commands``, entries into the menus, a tab through
``add_tab``.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QSize, Qt, QTime, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop import paths
from taskforce_desktop.core import meeting_file, private_files, services
from taskforce_desktop.core.edits import Edit, Target
from taskforce_desktop.core.export.files import ExportError, write_export_file
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui import meeting_file_messages
from taskforce_desktop.ui.agenda_tab import AgendaTab
from taskforce_desktop.ui.app import running_application
from taskforce_desktop.ui.attendees_tab import AttendeesTab
from taskforce_desktop.ui.autosave import AutosaveWriter
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog, NewMeetingRequest
from taskforce_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from taskforce_desktop.ui.dialogs.simple import Confirm, MeetingFileDialog
from taskforce_desktop.ui.display import long_date
from taskforce_desktop.ui.emergency_copy import Recovery
from taskforce_desktop.ui.export_actions import ExportCommands, ExportController
from taskforce_desktop.ui.followup import FollowUp
from taskforce_desktop.ui.live import LiveModeSwitch
from taskforce_desktop.ui.meeting_tab import MeetingTab
from taskforce_desktop.ui.models.meeting_list import (
    MEETING_ID_ROLE,
    MeetingFilterModel,
    MeetingListModel,
)
from taskforce_desktop.ui.notes_tab import NotesTab
from taskforce_desktop.ui.safety_ui import SafetyUi
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.shortcut_priority import ShortcutPriority
from taskforce_desktop.ui.translation import LanguageMenu
from taskforce_desktop.ui.undo_commands import DeleteMeeting, UndoActions, mid_sentence
from taskforce_desktop.ui.widgets.accessibility import StatusLabel, add_clear_button
from taskforce_desktop.ui.widgets.colours import problem_style
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor, MarkdownFormatBar
from taskforce_desktop.ui.widgets.menu_escape import EscapeBackToText
from taskforce_desktop.ui.widgets.message_bar import Level, MessageBar
from taskforce_desktop.ui.widgets.welcome import WelcomePage
from taskforce_desktop.ui.window_parts import Menus, WindowCommands, WindowParts
from taskforce_desktop.ui.writing_help import WindowWritingHelp

log = logging.getLogger(__name__)

SAMPLE_MEETING = ("samples", "voorbeeld.verslag.json")
SETTINGS_FILENAME = "settings.ini"  # private_files.check_data_dir refuses a symlink there
# Title bar and borders a window manager adds around a window that has not been shown yet.
UNKNOWN_FRAME = QSize(16, 40)


def default_settings(data_dir: Path) -> QSettings:
    """Kept in the data folder: the meeting and point it remembers are ids of that store."""
    path = Path(data_dir) / SETTINGS_FILENAME
    try:
        # Created 0600 before QSettings writes it; its later rewrites keep these permissions.
        private_files.create_private_file(path)
    except OSError as exc:
        log.warning("window settings file not created in %s: %s", path.parent, exc)
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    meeting_changed = Signal(int)
    meeting_edited = Signal(int)

    def __init__(
        self,
        store: Store,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        recovery: Recovery | None = None,
    ) -> None:
        """``recovery``: what the start took back from the emergency copy (see ``SafetyUi``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Taskforce Verslag"))
        self.store = store
        self.settings = settings or default_settings(store.data_dir)
        self.writer = AutosaveWriter(store, self)
        self.background = BackgroundOperations(self.statusBar(), self.writer.flush_blocking)
        self.session = MeetingSession(store, self.writer, self)
        self._shown_failure = ""
        self._shut_down = False
        self._refreshing_list = False
        self._cursor_placed = False
        self._shown_meeting_id: int | None = None
        self.commands = WindowCommands(self)

        self._build_meeting_list()
        self._build_tabs()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        # Undoing a meeting delete re-imports the whole meeting: off the UI thread.
        self.session.run_slow_steps_on(self.background, locks=[self.content])
        # The features, in the order of their menu entries; one that needs another gets it here.
        parts = self._parts()
        # The Voorbeeld tab, Word/PDF/HTML export, mailing.
        self.exports = ExportCommands(parts, ExportController(parts))
        self.live = LiveModeSwitch(
            parts,
            self.pages,
            # The status bar stays: it is where she sees that everything is saved.
            chrome=[self.meeting_panel, self.menuBar(), self.toolbar],
            # Live mode does these itself, on its own page: "Naar de impressie" (Ctrl+E) would
            # put the cursor in the hidden Impressies tab.
            done_by_live_mode=[
                self.act_focus_notes,
                self.act_next_item,
                self.act_previous_item,
                self.act_new_decision,
                self.act_new_action,
            ],
            back_to_tabs=self._back_from_live_mode,
        )
        self.followup = FollowUp(
            parts,
            editing_tabs=[self.meeting_tab, self.attendees_tab, self.agenda_tab, self.notes_tab],
            live=self.live.view,
        )
        self.language = LanguageMenu(parts)
        self.writing_help = WindowWritingHelp(parts)  # phrases and spelling in every editor
        # Backups, restore, the log, the emergency and rescue copies; knows whether the data
        # dir is gone. Before the meeting list is read: it may take texts back into the store.
        self.safety = SafetyUi(parts, recovery)

        self.refresh_meetings()
        self._restore_settings()

    # --- building -------------------------------------------------------------------

    def _build_meeting_list(self) -> None:
        self.meeting_list_model = MeetingListModel(self)
        self.meeting_filter = MeetingFilterModel(self)
        self.meeting_filter.setSourceModel(self.meeting_list_model)
        self.filter_field = QLineEdit(self)
        self.filter_field.setPlaceholderText(self.tr("Filter op titel, datum of overleg"))
        self.filter_field.setAccessibleName(self.tr("Vergaderingen filteren"))
        add_clear_button(self.filter_field)
        self.meeting_tree = QTreeView(self)
        self.meeting_tree.setModel(self.meeting_filter)
        self.meeting_tree.setAccessibleName(self.tr("Vergaderingen"))
        self.meeting_tree.setHeaderHidden(True)
        self.meeting_tree.setUniformRowHeights(True)
        self.meeting_tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.meeting_tree)
        self.meeting_panel = left

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Onderdelen van de vergadering"))
        self.meeting_tab = MeetingTab(self.session)
        self.attendees_tab = AttendeesTab(self.session)
        self.agenda_tab = AgendaTab(self.session, self.background)
        self.notes_tab = NotesTab(self.session, self.agenda_tab.model, self.settings)
        self.tabs.addTab(self.meeting_tab, self.tr("&Vergadering"))
        self.tabs.addTab(self.attendees_tab, self.tr("&Deelnemers"))
        self.tabs.addTab(self.agenda_tab, self.tr("&Agenda"))
        self.tabs.addTab(self.notes_tab, self.tr("&Impressies"))
        for index in range(self.tabs.count()):
            # Ctrl+1…4 switch tabs; Alt+letter would fight the menus.
            self.tabs.setTabText(index, self.tabs.tabText(index).replace("&", ""))
        self.welcome = WelcomePage(self)
        self.no_meeting = QLabel(self.tr("Kies links een vergadering."), self)
        self.no_meeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        for page in (self.tabs, self.welcome, self.no_meeting):
            self.pages.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.meeting_panel)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        tr = self.tr
        add = self.commands.add
        self.act_new_meeting = add(tr("&Nieuwe vergadering…"), self.new_meeting, "Ctrl+N")
        self.act_import = add(
            tr("Vergaderbestand &importeren…"), self.import_meeting_file, "Ctrl+O"
        )
        self.act_export = add(
            tr("Vergaderbestand &exporteren…"),
            self.export_meeting_file,
            "Ctrl+Shift+E",
            needs_meeting=True,
        )
        self.act_save = add(
            tr("Nu &opslaan"),
            self.save_now,
            QKeySequence.StandardKey.Save,
            tr("Alles wordt vanzelf opgeslagen; dit schrijft meteen."),
            from_every_field=True,
        )
        self.act_quit = add(tr("&Afsluiten"), self.close, "Ctrl+Q")

        self.undo_actions = UndoActions(self, self.session.undo_stack)
        self.act_undo, self.act_redo = self.undo_actions.undo, self.undo_actions.redo
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
        # Through the actions also in a text field: they take back its typing first.
        self.commands.register_from_every_field([self.act_undo, self.act_redo])

        self.act_duplicate = add(
            tr("Vergadering &dupliceren"), self.duplicate_meeting, needs_meeting=True
        )
        self.act_delete = add(
            tr("Vergadering ver&wijderen…"), self.delete_meeting, needs_meeting=True
        )
        # The commands of minuting: from every field, while a meeting is open.
        minuting = partial(add, needs_meeting=True, from_every_field=True)
        self.act_new_attendee = minuting(
            tr("Nieuwe deelne&mer"),
            lambda: self._focus_in_tab(self.attendees_tab, self.attendees_tab.add_field),
            "Ctrl+Shift+D",
        )
        self.act_new_agenda_item = minuting(
            tr("Nieuw a&gendapunt"),
            lambda: self._focus_in_tab(self.agenda_tab, self.agenda_tab.add_field),
            "Ctrl+Shift+P",
        )
        self.act_next_item = minuting(
            tr("Volgend agendapunt"), lambda: self.session.step_agenda_item(1), "Ctrl+PgDown"
        )
        self.act_previous_item = minuting(
            tr("Vorig agendapunt"), lambda: self.session.step_agenda_item(-1), "Ctrl+PgUp"
        )
        self.act_focus_notes = minuting(tr("Naar de &impressie"), self.focus_notes, "Ctrl+E")
        self.act_new_decision = minuting(tr("Nieuw &besluit"), self.new_decision, "Ctrl+Shift+B")
        self.act_new_action = minuting(tr("Nieuw ac&tiepunt"), self.new_action, "Ctrl+Shift+A")

        self.tab_actions = [
            add(
                self.tabs.tabText(index),
                partial(self.show_tab, index),
                f"Ctrl+{index + 1}",
                from_every_field=True,
            )
            for index in range(self.tabs.count())
        ]
        self.act_focus_list = add(
            tr("Naar de &vergaderlijst"),
            self.focus_meeting_list,
            "Ctrl+L",
            from_every_field=True,
        )
        self.act_shortcuts = add(tr("&Sneltoetsen"), lambda: ShortcutsDialog.show_for(self), "F1")
        self.act_sample = add(tr("&Voorbeeldvergadering openen"), self.open_sample)
        self.act_about = add(tr("&Over Taskforce Verslag"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&Bestand"))
        self.menu_file.addActions([self.act_new_meeting, self.act_import, self.act_export])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_save)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu(self.tr("B&ewerken"))
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_meeting = bar.addMenu(self.tr("&Vergadering"))
        self.menu_meeting.addActions([self.act_duplicate, self.act_delete])
        self.menu_meeting.addSeparator()
        self.menu_meeting.addActions([self.act_new_attendee, self.act_new_agenda_item])
        self.menu_meeting.addSeparator()
        self.menu_meeting.addActions(
            [
                self.act_previous_item,
                self.act_next_item,
                self.act_focus_notes,
                self.act_new_decision,
                self.act_new_action,
            ]
        )
        self.menu_view = bar.addMenu(self.tr("Bee&ld"))
        self.menu_view.addActions(self.tab_actions)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_focus_list)
        self.menu_help = bar.addMenu(self.tr("&Help"))
        self.menu_help.addActions([self.act_shortcuts, self.act_sample, self.act_about])
        self.menu_escape = EscapeBackToText(bar)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Werkbalk"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.act_new_meeting, self.act_save])
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo])
        toolbar.addSeparator()
        toolbar.addActions(
            [self.act_previous_item, self.act_next_item, self.act_new_decision, self.act_new_action]
        )
        self.toolbar = toolbar
        # One format bar for every text editor of the window: it follows the focus.
        self.format_bar = MarkdownFormatBar(None, self)
        self.format_bar.setObjectName("format_toolbar")
        self.format_bar.setWindowTitle(self.tr("Opmaak"))
        self.format_bar.setMovable(False)
        self.addToolBarBreak()
        self.addToolBar(self.format_bar)

    def _build_status_bar(self) -> None:
        self.save_state = StatusLabel(self.tr("Opslagstatus"), self)
        self.statusBar().addPermanentWidget(self.save_state)
        # Under the toolbar, above the meeting list and the editors: messages that come while
        # she types appear here instead of in a box that would take her keys.
        self.message_bar = MessageBar(self)
        content = QWidget(self)
        self.content = content  # the message bar, the meeting list and the tabs
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        self.takeCentralWidget()  # the splitter, kept: setCentralWidget would delete it
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(content)

    def _connect(self) -> None:
        running_application().focusChanged.connect(self._on_focus_changed)
        self.shortcut_priority = ShortcutPriority(self, self.commands.from_every_field)
        self.filter_field.textChanged.connect(self._filter_meetings)
        self.meeting_tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.welcome.open_sample.connect(self.open_sample)
        self.welcome.new_meeting.connect(self.new_meeting)
        self.session.meeting_loaded.connect(self._on_meeting_loaded)
        # Stored as they change, not only at close: after a crash the secretary must come
        # back to the point she was minuting, or new notes land under another point.
        self.session.meeting_loaded.connect(
            lambda record: self.settings.setValue("meeting/last", record.id if record else 0)
        )
        self.session.agenda_item_selected.connect(
            lambda item_id: self.settings.setValue("meeting/agenda_item", item_id)
        )
        self.session.meetings_changed.connect(self.refresh_meetings)
        self.session.structure_changed.connect(self.meeting_edited)
        # A delete is done at once, without a question: say so, and how to take it back.
        self.session.performed.connect(
            lambda step: self.statusBar().showMessage(
                self.tr("Gedaan: {0}. Ctrl+Z maakt het ongedaan.").format(mid_sentence(step)),
                8000,
            )
        )
        # Adding, deleting and moving rows is written at once: say so like autosave does.
        self.session.structure_changed.connect(lambda _meeting: self._on_saved(dt.datetime.now()))
        self.session.problem.connect(self.show_problem)
        self.writer.saved.connect(self._on_saved)
        self.writer.failed.connect(self._on_save_failed)
        self.writer.recovered.connect(self._on_save_recovered)
        self.writer.rejected.connect(self._on_edit_rejected)
        self.writer.meeting_written.connect(self.meeting_edited)
        self.writer.written.connect(self._on_written)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.undo_actions.follow_focus(new)
        editing = isinstance(new, MarkdownEditor) and self.isAncestorOf(new)
        self.format_bar.attach(new if isinstance(new, MarkdownEditor) and editing else None)
        field = self.notes_tab.field_of(new)
        if field:
            # After a restart or a crash the cursor goes back to the text she was writing.
            self.settings.setValue("notes/field", field)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._cursor_placed:
            self._cursor_placed = True
            self._place_cursor_where_she_was()

    def _place_cursor_where_she_was(self) -> None:
        """At the start: in the text of the point she was minuting, at its end, ready to type."""
        if self.session.meeting is None:
            self.filter_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._focus_first_field(self.tabs.currentWidget())

    def _focus_first_field(self, page: QWidget) -> None:
        """The cursor into a tab: the text last written on the Impressies tab, else the first field."""
        if page is self.notes_tab:
            self.notes_tab.focus_field(str(self.settings.value("notes/field", "notes", type=str)))
            return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            read_only = getattr(widget, "isReadOnly", lambda: False)()  # the committee, say
            if page.isAncestorOf(widget) and widget.isVisible() and takes_tab and not read_only:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    # --- what the features get -------------------------------------------------------

    def _parts(self) -> WindowParts:
        return WindowParts(
            window=self,
            store=self.store,
            settings=self.settings,
            session=self.session,
            writer=self.writer,
            background=self.background,
            commands=self.commands,
            menus=Menus(
                file=self.menu_file,
                quit=self.act_quit,
                edit=self.menu_edit,
                meeting=self.menu_meeting,
                view=self.menu_view,
                help=self.menu_help,
            ),
            toolbar=self.toolbar,
            add_tab=self.add_tab,
            show_tab=self.show_tab,
            show_problem=self.show_problem,
            offer=self.message_bar.show_message,
            dismiss_message=self.message_bar.dismiss,
            show_save_problem=self.show_save_problem,
            explain_save_state=self.save_state.setToolTip,
            open_meeting_at=self.open_meeting_at,
            reload=self.reload,
            meeting_changed=self.meeting_changed,
            meeting_edited=self.meeting_edited,
        )

    def _back_from_live_mode(self) -> None:
        self.refresh_meetings()
        self.tabs.setCurrentWidget(self.notes_tab)

    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def _out_of_live_mode(self) -> None:
        """Live mode hides the tabs and the list: a key that goes to one of them leaves it
        first. Ctrl+4 in Live put the cursor in the hidden Impressies tab, and what she typed
        next was stored but never shown."""
        if self.live.view.active:
            self.live.view.leave()

    def focus_meeting_list(self) -> None:
        self._out_of_live_mode()
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_tab(self, index: int) -> None:
        self._out_of_live_mode()
        if self.session.meeting is not None and 0 <= index < self.tabs.count():
            # Ctrl+4 from the meeting filter or another tab: what she types next belongs in the
            # tab she chose. Asked before the switch: hiding the old tab moves the focus itself,
            # to the first widget of the new one (on the Impressies tab, the list of points).
            before = QApplication.focusWidget()
            self.tabs.setCurrentIndex(index)
            page = self.tabs.currentWidget()
            if before is None or not page.isAncestorOf(before):
                self._focus_first_field(page)

    # --- the meeting list -----------------------------------------------------------

    def reload(self) -> None:
        """After a change made beside the session: the open meeting and the list read again."""
        self.session.reload()
        self.refresh_meetings()

    def refresh_meetings(self) -> None:
        self._refreshing_list = True
        try:
            self.meeting_list_model.set_meetings(services.list_meetings(self.store))
            self.meeting_tree.expandAll()
            self._select_in_tree(self.session.meeting_id)
        finally:
            self._refreshing_list = False
        self._update_page()

    def _filter_meetings(self, text: str) -> None:
        self.meeting_filter.set_filter_text(text)
        self.meeting_tree.expandAll()

    def _select_in_tree(self, meeting_id: int) -> None:
        source = self.meeting_list_model.index_of_meeting(meeting_id) if meeting_id else None
        if source is None:
            self.meeting_tree.clearSelection()
            return
        index = self.meeting_filter.mapFromSource(source)
        if index.isValid():
            self.meeting_tree.setCurrentIndex(index)

    def _on_tree_current(self, current, _previous) -> None:
        if self._refreshing_list or not current.isValid():
            return
        meeting_id = current.data(MEETING_ID_ROLE)
        if meeting_id and meeting_id != self.session.meeting_id:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> None:
        self.session.open(meeting_id)

    def open_meeting_at(self, meeting_id: int, item_id: int | None = None) -> None:
        """A meeting in front, at an agenda point's notes when one is given."""
        self.open_meeting(meeting_id)
        if item_id:
            self.session.select_agenda_item(item_id)
            self.tabs.setCurrentWidget(self.notes_tab)
        self.raise_()
        self.activateWindow()

    def _on_meeting_loaded(self, meeting) -> None:
        meeting_id = meeting.id if meeting else 0
        if meeting_id != self._shown_meeting_id:
            if self._shown_meeting_id:
                self.message_bar.dismiss_passing()
            self._shown_meeting_id = meeting_id
            self._refreshing_list = True
            try:
                self._select_in_tree(meeting_id)
            finally:
                self._refreshing_list = False
            self.meeting_changed.emit(meeting_id)
        self.commands.enable_for_meeting(meeting is not None)
        title = f"{meeting.committee.name} · {meeting.title}" if meeting else ""
        self.setWindowTitle(
            self.tr("{0} — Taskforce Verslag").format(title)
            if title
            else self.tr("Taskforce Verslag")
        )
        self._update_page()

    def _update_page(self) -> None:
        if self.session.meeting is not None:
            self.pages.setCurrentWidget(self.tabs)
        elif self.meeting_list_model.rowCount() == 0:
            self.pages.setCurrentWidget(self.welcome)
        else:
            self.pages.setCurrentWidget(self.no_meeting)

    def _on_written(self, edits: list[Edit]) -> None:
        if any(edit.target is Target.MEETING for edit in edits):
            self.refresh_meetings()

    # --- commands -------------------------------------------------------------------

    def new_meeting(self) -> None:
        current = self.session.meeting
        request = NewMeetingDialog.ask(
            self,
            services.list_committees(self.store),
            current.committee.id if current else None,
            {meeting.committee_id for meeting in services.list_meetings(self.store)},
            services.next_meetings_in_rhythm(self.store, dt.date.today()),
        )
        if request is None:
            return
        new_id = self.session.run(create_meeting, request)
        if new_id is not None:
            self.open_meeting(new_id)
            self.show_tab(0)
            self.meeting_tab.title.setFocus()

    def duplicate_meeting(self) -> None:
        if self.session.meeting is None:
            return
        new_id = self.session.run(services.duplicate_meeting, self.session.meeting_id)
        if new_id is not None:
            self.open_meeting(new_id)
            self.statusBar().showMessage(self.tr("Kopie gemaakt; u werkt nu in de kopie."), 6000)

    def delete_meeting(self) -> None:
        meeting = self.session.meeting
        if meeting is None:
            return
        question = self.tr(
            "De vergadering '{0}' van {1} met alle deelnemers, agendapunten, besluiten en "
            "actiepunten verwijderen?\n\nMet Bewerken → Ongedaan maken (Ctrl+Z) zet u haar terug."
        ).format(meeting.title, long_date(meeting.date))
        if not Confirm.ask(
            self, self.tr("Vergadering verwijderen"), question, self.tr("Verwijderen")
        ):
            return
        # The newest meeting comes in front once it is gone (MeetingSession.after_command).
        self.session.perform(DeleteMeeting(self.session, meeting.id, meeting.title))

    def open_sample(self) -> None:
        self.import_meeting_file(paths.resource(*SAMPLE_MEETING))

    def import_meeting_file(self, path: Path | None = None) -> None:
        """Read a meeting file off the UI thread; the imported meeting opens when it is in."""
        path = path or MeetingFileDialog.ask_open(self, str(self._last_dir()))
        if path is not None:
            self._start_import(path, replace=False)

    def _start_import(self, path: Path, *, replace: bool) -> None:
        self.background.run(
            lambda: meeting_file.import_meeting_file(self.store, path, replace=replace),
            lambda result: self._show_imported(path, result),
            lambda error: self._import_failed(path, error, replaced=replace),
            label=self.tr("Vergaderbestand wordt ingelezen…"),
            # Replacing may delete the meeting on screen: nothing is typed into it meanwhile.
            locks=[self.tabs] if replace else [],
        )

    def _show_imported(self, path: Path, result: meeting_file.ImportResult) -> None:
        self.settings.setValue("last_dir", str(path.parent))
        self.refresh_meetings()
        self.open_meeting(result.meeting_id)
        if result.warnings:
            self.show_problem(
                self.tr("Ingelezen, met opmerkingen:\n{0}").format(
                    "\n".join(map(meeting_file_messages.describe_warning, result.warnings))
                )
            )

    def _import_failed(self, path: Path, error: Exception, *, replaced: bool) -> None:
        if not isinstance(error, meeting_file.MeetingFileError):
            self.session.report(error)  # a store failure: nothing changed
        elif error.kind is meeting_file.Problem.MEETING_EXISTS and not replaced:
            if self._confirm_replace():
                self._start_import(path, replace=True)
        else:
            self.show_problem(
                self.tr("Het vergaderbestand kan niet worden ingelezen:\n{0}").format(
                    meeting_file_messages.describe(error)
                )
            )

    def _confirm_replace(self) -> bool:
        return Confirm.ask(
            self,
            self.tr("Vergadering bestaat al"),
            self.tr(
                "Deze vergadering (zelfde overleg, datum en titel) staat al in de lijst. "
                "Vervangen door de inhoud van het bestand?"
            ),
            self.tr("Vervangen"),
        )

    def export_meeting_file(self) -> None:
        meeting = self.session.meeting
        if meeting is None:
            return
        suggested = self._last_dir() / f"{meeting.date.isoformat()} {meeting.title}.verslag.json"
        path = MeetingFileDialog.ask_save(self, str(suggested))
        if path is None:
            return
        store, meeting_id = self.store, meeting.id

        def work() -> None:
            text = meeting_file.export_meeting_file(store, meeting_id)
            # The checks of every export: never into the data folder, a device or a FIFO.
            write_export_file(path, text.encode("utf-8"), data_dir=store.data_dir)

        # Written off the UI thread after what she typed, as every export.
        self.background.run(
            work,
            lambda _nothing: self._meeting_file_exported(path),
            self._meeting_file_not_exported,
            label=self.tr("Vergaderbestand wordt geschreven…"),
        )

    def _meeting_file_exported(self, path: Path) -> None:
        self.settings.setValue("last_dir", str(path.parent))
        self.statusBar().showMessage(self.tr("Geëxporteerd naar {0}").format(path), 8000)

    def _meeting_file_not_exported(self, error: Exception) -> None:
        if isinstance(error, ExportError):
            self.show_problem(str(error))
        else:
            self.session.report(error)

    def _last_dir(self) -> Path:
        return Path(str(self.settings.value("last_dir", str(Path.home()))))

    def save_now(self) -> None:
        self.writer.flush_now()

    def _focus_in_tab(self, tab: QWidget, widget: QWidget) -> None:
        if self.session.meeting is None:
            return
        self.tabs.setCurrentWidget(tab)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_notes(self) -> None:
        if self.session.meeting is not None:
            self.tabs.setCurrentWidget(self.notes_tab)
            self.notes_tab.focus_notes()

    def new_decision(self) -> None:
        if self.session.meeting is not None:
            self.tabs.setCurrentWidget(self.notes_tab)
            self.notes_tab.new_decision()

    def new_action(self) -> None:
        if self.session.meeting is not None:
            self.tabs.setCurrentWidget(self.notes_tab)
            self.notes_tab.focus_new_action()

    def show_about(self) -> None:
        from taskforce_desktop import __version__

        QMessageBox.about(
            self,
            self.tr("Over Taskforce Verslag"),
            self.tr(
                "Taskforce Verslag {0}\n\nNotuleren, actiepunten en het verslag in Word voor "
                "adviesorganen van gemeenten. Werkt zonder internet.\n\nGegevens: {1}"
            ).format(__version__, self.store.data_dir),
        )

    # --- feedback -------------------------------------------------------------------

    def show_problem(self, message: str, level: Level = Level.WARNING) -> None:
        """A message that does not stop the secretary: in the window's bar, never in a box."""
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        self.message_bar.show_message(message, level)

    def _on_saved(self, when: dt.datetime) -> None:
        time = QLocale().toString(QTime(when.hour, when.minute, when.second), "HH:mm:ss")
        self.save_state.setStyleSheet("")
        self.save_state.setText(self.tr("Opgeslagen om {0}").format(time))

    def show_save_problem(self, text: str) -> None:
        self.save_state.setStyleSheet(problem_style(self.save_state))
        self.save_state.setText(text)

    def _on_save_failed(self, message: str, first_of_episode: bool) -> None:
        self.show_save_problem(self.tr("Niet opgeslagen: wordt opnieuw geprobeerd"))
        self.save_state.setToolTip(message)
        if first_of_episode:
            # Once per episode: the writer retries every few seconds, each retry failing again.
            self._shown_failure = message
            self.show_problem(message, Level.ERROR)

    def _on_save_recovered(self) -> None:
        self.save_state.setToolTip("")
        recovered = self.tr("Opslaan lukt weer; alles is bewaard.")
        self.statusBar().showMessage(recovered, 8000)
        if self._shown_failure and self.message_bar.text() == self._shown_failure:
            self.message_bar.show_message(recovered, Level.INFO)
        self._shown_failure = ""

    def _on_edit_rejected(self, edit: Edit, message: str) -> None:
        self.show_problem(message)

    # --- settings and closing -------------------------------------------------------

    def _first_run_size(self) -> QSize:
        # Many municipal laptops have a 1366x768 screen with a taskbar: the window *with* its
        # title bar must fit the free area, or the status bar (the save state) is off screen.
        wanted = QSize(1280, 820)
        screen = self._screen()
        if screen is None:
            return wanted
        return wanted.boundedTo(screen.availableGeometry().size() - self._frame_size())

    def _screen(self) -> QScreen | None:
        # None when the system reports no screen at all (typed as never None).
        screen: QScreen | None = self.screen() or QGuiApplication.primaryScreen()
        return screen

    def _frame_size(self) -> QSize:
        frame = self.frameGeometry().size() - self.geometry().size()
        return frame if self.isVisible() and not frame.isEmpty() else UNKNOWN_FRAME

    def _place_first_window(self) -> None:
        self.resize(self._first_run_size())
        screen = self._screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        outer = self.size() + self._frame_size()
        self.move(
            free.x() + max(0, (free.width() - outer.width()) // 2),
            free.y() + max(0, (free.height() - outer.height()) // 2),
        )

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._place_first_window()
        for splitter in (self.splitter, self.notes_tab.splitter):
            state = self.settings.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        self.notes_tab.introduction_toggle.setChecked(
            bool(self.settings.value("notes/introduction_open", False, type=bool))
        )
        last = self._setting_number("meeting/last")
        last_item = self._setting_number("meeting/agenda_item")
        if not last or not self.session.open(last):
            self.session.open(self._newest_listed_meeting_id())
        elif self.session.agenda_item(last_item) is not None:
            self.session.select_agenda_item(last_item)
        self.tabs.setCurrentIndex(self._setting_number("meeting/tab"))

    def _setting_number(self, key: str) -> int:
        value = self.settings.value(key, 0, type=int)
        return value if isinstance(value, int) else 0

    def _newest_listed_meeting_id(self) -> int:
        """The meeting list is newest first: its top, without reading the list again."""
        committee = self.meeting_list_model.item(0)
        return committee.child(0).data(MEETING_ID_ROLE) if committee is not None else 0

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.splitter, self.notes_tab.splitter):
            self.settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        self.settings.setValue(
            "notes/introduction_open", self.notes_tab.introduction_toggle.isChecked()
        )
        self.settings.setValue("meeting/last", self.session.meeting_id)
        self.settings.setValue("meeting/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self.shut_down()
        event.accept()

    def _may_close(self) -> bool:
        """She asked to quit: ask back only when something she typed is not in the store."""
        if self.safety.store_missing:
            return self.safety.confirm_quit_without_data_dir()
        if self.writer.flush_blocking():
            return True
        if self.safety.emergency.path is not None:
            consequence = self.tr(
                "Ze staan in een noodkopie en worden bij de volgende start teruggezet."
            )
        else:
            consequence = self.tr("Als u nu afsluit, gaan ze verloren.")
        return Confirm.ask(
            self,
            self.tr("Niet alles is opgeslagen"),
            self.tr(
                "De laatste wijzigingen konden niet worden opgeslagen:\n{0}\n\n{1} Toch afsluiten?"
            ).format(self.writer.failure or "", consequence),
            self.tr("Afsluiten zonder opslaan"),
        )

    def write_everything(self) -> None:
        """What she typed into the store (or a private copy of it), the settings into theirs."""
        self.writer.flush_blocking()
        self.safety.secure_before_exit()
        self.save_settings()

    def shut_down(self) -> None:
        """Write everything and keep the settings, without a question: also at a logoff."""
        if self._shut_down:
            return
        self._shut_down = True
        self.background.close()
        self.writing_help.spelling.close()
        self.write_everything()
        running_application().focusChanged.disconnect(self._on_focus_changed)
        self.format_bar.attach(None)
        self.writer.shutdown()


def create_meeting(store: Store, request: NewMeetingRequest) -> int:
    committee_id = request.committee_id
    if committee_id is None:
        committee_id = services.create_committee(store, request.committee_name).id
    if request.from_previous:
        return services.create_meeting_from_previous(
            store,
            committee_id,
            request.date,
            request.title or None,
            with_guests=request.with_guests,
        )
    return services.create_meeting(store, committee_id, date=request.date, title=request.title)
