"""Stukken: the files that belong to an agenda point, below the points in the Agenda tab.

The list shows what the one meeting state holds for the selected point; every change is a
store operation through the session (adding) or an undoable command (deleting, moving), so
the Impressies tab, the preview and the exports agree at once. Files are read and stored on
the window's background helper: a folder of PDFs on a slow network drive, or a 20 MB stuk,
never stops her typing.
Opening a stuk hands a private copy (0600, in the app's private folder) to the program the
system opens such files with; nothing is ever opened from the network.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

from PySide6.QtCore import QCoreApplication, QMimeData, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop import paths
from taskforce_desktop.core import approval, private_files, services
from taskforce_desktop.core.export.files import ExportError, write_export_file
from taskforce_desktop.core.file_names import fit_file_name
from taskforce_desktop.core.records import AgendaDocumentRecord, MeetingRecord
from taskforce_desktop.core.services import DomainError
from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.session import MeetingSession, StoreCommand
from taskforce_desktop.ui.undo_commands import MoveRow
from taskforce_desktop.ui.widgets.accessibility import mark_heading, name_scroll_bars
from taskforce_desktop.ui.widgets.record_table_view import add_shortcut
from taskforce_desktop.ui.widgets.scrolling_page import fill_with_scrolling

KIND = "agenda_document"  # names the stukken in the session's map of re-created ids
COPIES_FOLDER = "stukken"
# A copy handed to a viewer is needed while it is open; one left a day is removed, so a
# stuk deleted or erased from the store does not live on in the private folder.
COPY_MAX_AGE_SECONDS = 24 * 60 * 60
LAST_FOLDER_KEY = "documents/last_dir"



def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPanel", text)


# --- files --------------------------------------------------------------------------------


class DocumentFileDialog:
    """The file questions of the panel, each behind an ``ask`` that tests can replace."""

    @classmethod
    def ask_open(cls, parent: QWidget | None, directory: str) -> list[Path]:
        kinds = " ".join(f"*{suffix}" for suffix in services.MEDIA_TYPES)
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            _tr("Stukken toevoegen"),
            directory,
            _tr("Stukken ({0});;Alle bestanden (*)").format(kinds),
        )
        return [Path(name) for name in names]

    @classmethod
    def ask_save(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, _tr("Stuk opslaan als"), suggested)
        return Path(name) if name else None


def last_folder() -> Path:
    return Path(str(QSettings().value(LAST_FOLDER_KEY, str(Path.home()))))


def remember_folder(folder: Path) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def attach_document_files(store: Store, item_id: int, files: Sequence[Path]) -> list[str]:
    """Off the UI thread: read and attach each file on its own, so one refused file keeps
    none of the others out; what was refused, and why."""
    problems: list[str] = []
    for path in files:
        try:
            name, content = services.read_document_file(path)
            services.attach_document(store, item_id, name, content)
        except DomainError as problem:
            problems.append(str(problem))
    return problems


def local_files(mime: QMimeData) -> list[Path]:
    """The files dropped from a file manager; a web link is no file and is left out."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _remove_old_copies(root: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if entry.is_dir(follow_symlinks=False):
                private_files.remove_older_than(Path(entry.path), COPY_MAX_AGE_SECONDS)
                with contextlib.suppress(OSError):
                    os.rmdir(entry.path)  # only once it is empty


def private_copy(document: AgendaDocumentRecord, content: bytes) -> Path:
    """A copy only she can read, under its own name, in a folder of its own per stuk: two
    stukken called "notitie.pdf" on different points never meet."""
    root = private_files.ensure_private_dir(paths.private_dir(COPIES_FOLDER))
    _remove_old_copies(root)
    name = PurePath(document.file_name)
    return private_files.write_private_file(
        root / str(document.id) / fit_file_name(name.stem, name.suffix), content
    )


def open_document(session: MeetingSession, document: AgendaDocumentRecord) -> None:
    """Open a stuk in the program the system has for it; problems go to the message bar."""
    try:
        copy = private_copy(document, services.document_content(session.store, document.id))
    except DomainError as problem:
        session.report(problem)
        return
    except (OSError, private_files.FolderNotPrivate) as error:
        session.problem.emit(
            _tr("Het stuk {0} kan niet worden geopend: {1}").format(document.file_name, error)
        )
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        session.problem.emit(
            _tr("Er is op deze computer geen programma gevonden dat {0} opent.").format(
                document.file_name
            )
        )


# --- undoable commands --------------------------------------------------------------------


class RemoveDocument(StoreCommand):
    """Undo puts the stuk back with its content, at its place in the list."""

    def __init__(
        self, session: MeetingSession, item_id: int, record: AgendaDocumentRecord, index: int
    ) -> None:
        super().__init__(
            session, session.meeting_id, _tr("Stuk {0} verwijderen").format(record.file_name)
        )
        self.item_id = item_id
        self.record = record
        self.index = index
        self.content = b""

    def apply(self) -> None:
        document_id = self.session.resolve(KIND, self.record.id)
        self.content = services.document_content(self.store, document_id)
        services.remove_document(self.store, document_id)

    def revert(self) -> None:
        new_id = services.restore_document(
            self.store,
            self.session.resolve("agenda_item", self.item_id),
            self.record,
            self.content,
            self.index,
        )
        self.session.renamed(KIND, self.session.resolve(KIND, self.record.id), new_id)


class MoveDocument(MoveRow):
    MOVERS = {KIND: services.move_document}

    def __init__(
        self, session: MeetingSession, document_id: int, old_index: int, new_index: int
    ) -> None:
        super().__init__(session, KIND, document_id, old_index, new_index)
        self.setText(_tr("Stuk verplaatsen"))


# --- the panel ----------------------------------------------------------------------------


def kind_text(document: AgendaDocumentRecord) -> str:
    """The extension ("PDF", "DOCX"), which is what a file manager shows her too."""
    return PurePath(document.file_name).suffix.lstrip(".").upper()


class DocumentsPanel(QWidget):
    def __init__(
        self,
        session: MeetingSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = 0
        self.locked = False
        self.documents: tuple[AgendaDocumentRecord, ...] = ()

        self.heading = mark_heading(QLabel(self.tr("Stukken"), self))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.view = QTreeWidget(self)
        self.view.setHeaderLabels([self.tr("Naam"), self.tr("Soort"), self.tr("Grootte")])
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        name_scroll_bars(self.view, self.tr("Stukken"))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(1, 70)
        self.view.setColumnWidth(2, 90)
        # As high as its column of buttons: the points above keep the room, and the list
        # scrolls when a point has more stukken than that.
        row = self.view.fontMetrics().height() + 6
        self.view.setMinimumHeight(
            2 * self.view.frameWidth() + header.sizeHint().height() + 2 * row
        )
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        # Enter, or a double click where the system does it that way, opens the stuk.
        self.view.activated.connect(lambda _index: self.open_current())

        self.add_button = self._button(
            self.tr("Stuk &toevoegen…"), self.add_documents, name=self.tr("Stukken toevoegen")
        )
        self.open_button = self._button(
            self.tr("Openen"), self.open_current, self.tr("Openen (Enter)"), self.tr("Stuk openen")
        )
        self.save_button = self._button(
            self.tr("Opslaan als…"), self.save_current, name=self.tr("Stuk opslaan als")
        )
        # "Stuk …": the points' own Omhoog, Omlaag and Verwijderen are just above.
        self.up_button = self._button(
            self.tr("Stuk omhoog"),
            lambda: self.move_current(-1),
            self.tr("Stuk omhoog (Alt+Pijl omhoog)"),
        )
        self.down_button = self._button(
            self.tr("Stuk omlaag"),
            lambda: self.move_current(1),
            self.tr("Stuk omlaag (Alt+Pijl omlaag)"),
        )
        self.delete_button = self._button(
            self.tr("Stuk verwijderen"),
            self.delete_current,
            self.tr("Stuk verwijderen (Delete); Ctrl+Z zet het terug"),
        )
        add_shortcut(self.view, self.tr("Stuk omhoog"), "Alt+Up", lambda: self.move_current(-1))
        add_shortcut(self.view, self.tr("Stuk omlaag"), "Alt+Down", lambda: self.move_current(1))
        add_shortcut(
            self.view,
            self.tr("Stuk verwijderen"),
            QKeySequence.StandardKey.Delete,
            self.delete_current,
        )

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.hint, 1)
        # A column beside the list, not a row below it: a row of six was wider than the
        # window may be at 200 % on a laptop screen.
        buttons = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.up_button):
            buttons.addWidget(button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        list_and_buttons = QHBoxLayout()
        list_and_buttons.addWidget(self.view, 1)
        list_and_buttons.addLayout(buttons)
        rule = QFrame(self)  # where the points end and the stukken of one of them begin
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(rule)
        layout.addLayout(top)
        layout.addLayout(list_and_buttons, 1)
        # Scrolls when the window is too small for it, rather than make the window larger:
        # in Live mode at 200 % text the window must still fit a laptop screen.
        fill_with_scrolling(self, content, self.tr("Stukken van het agendapunt"))
        self.setTabOrder(self.view, self.add_button)
        self.setAcceptDrops(True)

        session.meeting_loaded.connect(self.show_meeting)
        session.agenda_item_selected.connect(self.show_item)

    def _button(
        self, text: str, slot: Callable[[], object], tip: str = "", name: str = ""
    ) -> QPushButton:
        """A button; ``name`` when its text alone does not say that it is about a stuk."""
        button = QPushButton(text, self)
        if name:
            button.setAccessibleName(name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # --- showing --------------------------------------------------------------------

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        # The buttons follow the lock with the rest of the tab (approval_controls.lock_widgets);
        # the panel says why, and keeps dropped files out.
        self.locked = meeting is not None and approval.is_locked(self.session.store, meeting.id)
        self.show_item(self.session.current_item_id)

    def show_item(self, item_id: int) -> None:
        item = self.session.agenda_item(item_id)
        # Hidden without a point, rather than disabled: the lock of an approved meeting
        # remembers each button's own state, and must not remember "off" for a lost reason.
        self.setVisible(item is not None)
        self.item_id = item.id if item else 0
        documents = item.documents if item else ()
        self.heading.setText(
            self.tr("Stukken bij punt {0}").format(item.number) if item else self.tr("Stukken")
        )
        self.hint.setText(self._hint(documents))
        if documents != self.documents:
            self._fill(documents)

    def _hint(self, documents: tuple[AgendaDocumentRecord, ...]) -> str:
        if self.locked:
            return self.tr(
                "Dit verslag is vastgesteld: stukken toevoegen, verplaatsen of verwijderen kan "
                "niet meer. Enter opent een stuk."
            )
        if not documents:
            return self.tr("Nog geen stukken: sleep bestanden hierheen of kies Stuk toevoegen.")
        return ""

    def _fill(self, documents: tuple[AgendaDocumentRecord, ...]) -> None:
        selected = self.current_document()
        self.documents = documents
        self.view.clear()
        for document in documents:
            texts = [document.file_name, kind_text(document), services.size_label(document.size)]
            self.view.addTopLevelItem(QTreeWidgetItem(texts))
        if selected is not None:
            self.select(self.session.resolve(KIND, selected.id))

    def current_row(self) -> int:
        item = self.view.currentItem()
        return self.view.indexOfTopLevelItem(item) if item is not None else -1

    def current_document(self) -> AgendaDocumentRecord | None:
        row = self.current_row()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def select(self, document_id: int) -> None:
        rows = [row for row, document in enumerate(self.documents) if document.id == document_id]
        if rows:
            self.select_row(rows[0])

    def select_row(self, row: int) -> None:
        """The stuk in that row, or the last one when the list became shorter."""
        item = self.view.topLevelItem(max(0, min(row, len(self.documents) - 1)))
        if item is not None:
            self.view.setCurrentItem(item)

    # --- adding ---------------------------------------------------------------------

    def add_documents(self) -> None:
        files = DocumentFileDialog.ask_open(self, str(last_folder()))
        if files:
            remember_folder(files[0].parent)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter opens what she added
            self.attach(files)

    def attach(self, files: Sequence[Path]) -> None:
        """Read and store the files off the UI thread, on the point shown now."""
        item_id = self.item_id
        if not item_id or not files:
            return
        if self.locked:
            self.session.problem.emit(self._hint(self.documents))
            return
        self.session.run_slowly(
            attach_document_files,
            item_id,
            list(files),
            label=self.tr("Stukken worden ingelezen…"),
            then=lambda problems: self._attached(item_id, problems),
        )

    def _attached(self, item_id: int, problems: list[str]) -> None:
        if self.session.resolve("agenda_item", item_id) == self.item_id:
            self.select_row(len(self.documents) - 1)  # new stukken come last
        if problems:
            # The first on the heading's line: the status bar shows the first line alone,
            # and a bare "Niet toegevoegd:" there said nothing.
            first, *others = dict.fromkeys(problems)
            self.session.problem.emit(
                "\n".join([self.tr("Niet toegevoegd: {0}").format(first), *others])
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.item_id and not self.locked and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.attach(files)

    # --- the selected stuk ----------------------------------------------------------

    def open_current(self) -> None:
        document = self.current_document()
        if document is not None:
            open_document(self.session, document)

    def save_current(self) -> None:
        document = self.current_document()
        if document is None:
            return
        target = DocumentFileDialog.ask_save(self, str(last_folder() / document.file_name))
        if target is None:
            return
        try:
            content = services.document_content(self.session.store, document.id)
            # The checks of every export: never into the data folder, a device or a FIFO.
            write_export_file(target, content, data_dir=self.session.store.data_dir)
        except (DomainError, ExportError) as problem:
            self.session.problem.emit(str(problem))
            return
        remember_folder(target.parent)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Opgeslagen als {0}").format(target), 8000)

    def move_current(self, step: int) -> None:
        document, row = self.current_document(), self.current_row()
        if document is None or not 0 <= row + step < len(self.documents):
            return
        self.session.perform(MoveDocument(self.session, document.id, row, row + step))
        self.select(self.session.resolve(KIND, document.id))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        document, row = self.current_document(), self.current_row()
        if document is None:
            return
        self.session.perform(RemoveDocument(self.session, self.item_id, document, row))
        self.select_row(row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
