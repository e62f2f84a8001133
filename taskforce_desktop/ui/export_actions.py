"""Export the verslag, the agenda or the lists to Word, PDF or HTML, mail them, and choose
the organisation's template.

Everything slow runs on the window's background helper (ui/background.py: pending edits
written first, a busy bar in the status bar, the result back on the UI thread), so typing
never waits. A target that Word holds open or that is read-only gets a clear Dutch message
and the offer to save under another name. E-mail drafts hold the whole verslag,
confidential points included: they go to a private folder of this user (0700, files 0600)
and are removed a day later, or to a folder she chose that is hers alone (never a network
share, a synced cloud folder or one others may read). The Word template is kept per
committee.
Which document the entries make (verslag, agenda, Actielijst, Besluitenlijst) is chosen at the
top of the same menu. ``ExportController`` makes the entries and does what they say, with the
window's ``WindowParts``; ``ExportCommands`` adds the Voorbeeld tab and puts the entries in
the window's menus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from taskforce_desktop import paths
from taskforce_desktop.core import documents, private_files, services
from taskforce_desktop.core.export import (
    EXPORT_SUFFIXES,
    ExportError,
    ExportOptions,
    ExportTargetError,
    write_export,
)
from taskforce_desktop.core.export.eml import (
    attachment_name,
    cover_letter,
    mailto_url,
    recipients,
    shared_folder_problem,
    subject,
)
from taskforce_desktop.core.export.pdf import MadeBy
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.ui import pdf_writer  # noqa: F401 - registers "pdf" with core.export
from taskforce_desktop.ui.preview_tab import PreviewTab

if TYPE_CHECKING:
    from taskforce_desktop.ui.window_parts import WindowParts

log = logging.getLogger(__name__)

# Each committee keeps its own template under TEMPLATE_KEY/<committee id>; TEMPLATE_KEY
# alone is the one template of older versions, still used for a committee without a choice.
TEMPLATE_KEY = "export/word_template"
MAIL_DIR_KEY = "export/mail_dir"
# ATTACH_DOCUMENTS_KEY/<document>: whether the stukken go with that document's e-mail.
ATTACH_DOCUMENTS_KEY = "export/attach_documents"
# The agenda goes out with the stukken of its points; the verslag, after the meeting, without.
ATTACH_BY_DEFAULT = {documents.AGENDA: True, documents.VERSLAG: False}
LAST_DIR_KEY = "export/last_dir"
PUBLIC_KEY = "export/public"
NO_INTRODUCTIONS_KEY = "export/without_introductions"
DRAFTS_FOLDER = "concepten"
# Long enough for the mail program to have read the draft, short enough not to keep copies.
DRAFT_MAX_AGE_SECONDS = 24 * 3600

FILTERS = {
    "docx": "Word-document (*.docx)",
    "pdf": "PDF-document (*.pdf)",
    "html": "Webpagina (*.html *.htm)",
    "eml": "E-mail (*.eml)",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def document_noun(document: str) -> str:
    """What the export entries and their messages call the chosen document."""
    nouns = {
        documents.VERSLAG: _tr("Verslag"),
        documents.AGENDA: _tr("Agenda"),
        documents.ACTION_LIST: _tr("Actielijst"),
        documents.DECISION_LIST: _tr("Besluitenlijst"),
    }
    return nouns[document]


# --- dialogs: plain data back, so tests can stand in ----------------------------------


class ExportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, fmt: str, suggested: Path, noun: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, _tr("{0} opslaan").format(noun), str(suggested), _tr(FILTERS[fmt])
        )
        if not name:
            return None
        path = Path(name)
        suffix = EXPORT_SUFFIXES[fmt]
        return (
            path if path.suffix.lower() in (suffix, ".htm") else path.with_name(path.name + suffix)
        )


class TemplateDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, directory: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            _tr("Word-sjabloon van uw organisatie kiezen"),
            directory,
            _tr("Word-sjabloon of -document (*.dotx *.docx)"),
        )
        return Path(name) if name else None


class MailFolderDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, directory: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, _tr("Map voor concept-e-mailberichten kiezen"), directory
        )
        return Path(name) if name else None


class TargetProblem:
    """A target that cannot be written: True to choose another name, False to give up."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("Verslag niet opgeslagen"), message, parent=parent
        )
        other = box.addButton(_tr("Andere naam kiezen…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(other)
        box.exec()
        return box.clickedButton() is other


class MailFallback:
    """The draft would not open: "folder", "mailto" or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> str | None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("E-mailprogramma niet geopend"),
            _tr(
                "Het concept-e-mailbericht kon niet worden geopend. Het staat klaar in:\n{0}\n\n"
                "Open het bestand met uw e-mailprogramma, of begin een nieuw bericht zonder "
                "bijlage en voeg het bestand zelf toe."
            ).format(path),
            parent=parent,
        )
        folder = box.addButton(_tr("Map tonen"), QMessageBox.ButtonRole.AcceptRole)
        mailto = box.addButton(_tr("Bericht zonder bijlage"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        return "folder" if clicked is folder else "mailto" if clicked is mailto else None


# --- the request and how its failure is told ------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    meeting_id: int
    fmt: str
    target: Path
    options: ExportOptions


def failure_message(request: ExportRequest, error: Exception) -> str:
    """What she reads when an export failed; a bug is logged, not hidden behind the text."""
    if isinstance(error, (ExportError, services.DomainError)):
        return str(error)
    log.error("export of meeting %s to %s failed", request.meeting_id, request.fmt, exc_info=error)
    return _tr("Het verslag kon niet worden gemaakt: {0}").format(error)


# --- the controller -------------------------------------------------------------------------


class ExportController(QObject):
    """Menu actions and their handling, with the window's store, settings and session."""

    done = Signal(object)  # ExportRequest, after a successful export (tests, mail)

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self._build_actions()
        private_files.remove_older_than(paths.private_dir(DRAFTS_FOLDER), DRAFT_MAX_AGE_SECONDS)

    # -- actions --------------------------------------------------------------------

    def _remembered_option(self, text: str, key: str) -> QAction:
        """A checkable entry that keeps her choice in the settings under key."""
        settings = self._parts.settings
        action = QAction(text, self._parts.window)
        action.setCheckable(True)
        action.toggled.connect(lambda on: settings.setValue(key, on))
        self._parts.window.addAction(action)
        action.setChecked(bool(settings.value(key, False, type=bool)))
        return action

    def _build_actions(self) -> None:
        add = self._parts.commands.add
        # Unique mnemonics beside the entries below: W, P, b, m, O, Z, s, h, c.
        choices = (
            (documents.VERSLAG, _tr("&Verslag")),
            (documents.AGENDA, _tr("&Agenda (convocatie)")),
            (documents.ACTION_LIST, _tr("Ac&tielijst")),
            (documents.DECISION_LIST, _tr("B&esluitenlijst")),
        )
        group = QActionGroup(self._parts.window)
        self.document_actions: dict[str, QAction] = {}
        for document, text in choices:
            action = group.addAction(text)
            action.setCheckable(True)
            self.document_actions[document] = action
        self.document_actions[documents.VERSLAG].setChecked(True)
        self.act_word = add("", lambda: self.export("docx"), "Ctrl+Shift+W")
        self.act_pdf = add("", lambda: self.export("pdf"), "Ctrl+P")
        self.act_html = add("", lambda: self.export("html"))
        self.act_mail = add("", self.mail, "Ctrl+Shift+M")
        self._name_entries()
        group.triggered.connect(lambda _action: self._name_entries())
        # Triggered, not toggled: following the chosen document must not overwrite her choice.
        self.act_attach_documents = QAction(_tr("Stu&kken bijvoegen"), self._parts.window)
        self.act_attach_documents.setCheckable(True)
        self.act_attach_documents.triggered.connect(self._remember_attach_documents)
        group.triggered.connect(lambda _action: self.update_attach_action())
        self._parts.session.meeting_loaded.connect(lambda _record: self.update_attach_action())
        self.act_public = self._remembered_option(
            _tr("&Openbare versie (zonder vertrouwelijke punten)"), PUBLIC_KEY
        )
        self.act_no_introductions = self._remembered_option(
            _tr("&Zonder toelichtingen"), NO_INTRODUCTIONS_KEY
        )
        self.act_template = add(_tr("Word-&sjabloon kiezen…"), self.choose_template)
        self.act_house_style = add(_tr("Standaard &huisstijl gebruiken"), self.use_house_style)
        self.act_mail_folder = add(
            _tr("Map voor &concept-e-mails kiezen…"), self.choose_mail_folder
        )
        self.meeting_actions = [self.act_word, self.act_pdf, self.act_html, self.act_mail]
        self._update_template_actions()
        self.update_attach_action()

    # -- settings ---------------------------------------------------------------------

    def _template_key(self) -> str:
        meeting = self._parts.session.meeting
        return f"{TEMPLATE_KEY}/{meeting.committee.id}" if meeting is not None else TEMPLATE_KEY

    def template(self) -> Path | None:
        """The template of the open meeting's committee (the house style is stored as "")."""
        settings = self._parts.settings
        key = self._template_key()
        value = settings.value(key if settings.contains(key) else TEMPLATE_KEY, "")
        return Path(str(value)) if value else None

    def _name_entries(self) -> None:
        """'Agenda naar Word…' once she chose the agenda: 'Verslag naar Word…' made her
        wonder whether her choice had been taken."""
        noun = document_noun(self.document())
        self.act_word.setText(_tr("{0} naar &Word…").format(noun))
        self.act_pdf.setText(_tr("{0} naar &PDF…").format(noun))
        self.act_html.setText(_tr("{0} naar we&bpagina…").format(noun))
        self.act_mail.setText(_tr("{0} &mailen…").format(noun))

    def document(self) -> str:
        """The document the export and mail entries make: one of core.documents.DOCUMENTS."""
        return next(d for d, action in self.document_actions.items() if action.isChecked())

    def options(self) -> ExportOptions:
        return ExportOptions(
            public=self.act_public.isChecked(),
            include_introductions=not self.act_no_introductions.isChecked(),
            template=self.template(),
            document=self.document(),
            attach_documents=self.act_attach_documents.isEnabled()
            and self.act_attach_documents.isChecked(),
        )

    def _attach_key(self) -> str:
        return f"{ATTACH_DOCUMENTS_KEY}/{self.document()}"

    def _remember_attach_documents(self, on: bool) -> None:
        self._parts.settings.setValue(self._attach_key(), on)

    def update_attach_action(self) -> None:
        """Checked as she last chose for this document; greyed for a list, or when no point
        of the open meeting has stukken."""
        document = self.document()
        meeting = self._parts.session.meeting
        has_stukken = meeting is not None and any(item.documents for item in meeting.agenda)
        action = self.act_attach_documents
        action.setEnabled(document in ATTACH_BY_DEFAULT and has_stukken)
        default = ATTACH_BY_DEFAULT.get(document, False)
        action.setChecked(bool(self._parts.settings.value(self._attach_key(), default, type=bool)))
        if document not in ATTACH_BY_DEFAULT:
            tip = _tr("Stukken gaan alleen mee met de agenda en het verslag.")
        elif not has_stukken:
            tip = _tr("Geen agendapunt van deze vergadering heeft stukken.")
        else:
            tip = _tr("De stukken van de agendapunten gaan als bijlagen mee met de e-mail.")
        action.setStatusTip(tip)
        action.setToolTip(tip)

    def choose_template(self) -> None:
        current = self.template()
        path = TemplateDialog.ask(
            self._parts.window, str(current.parent if current else self._last_dir())
        )
        if path is None:
            return
        if path.suffix.lower() not in (".docx", ".dotx"):
            self._parts.show_problem(
                _tr("Kies een Word-sjabloon (.dotx) of Word-document (.docx).")
            )
            return
        self._parts.settings.setValue(self._template_key(), str(path))
        self._update_template_actions()
        self._parts.window.statusBar().showMessage(
            _tr("Het verslag gebruikt voortaan het sjabloon {0}.").format(path.name), 8000
        )

    def use_house_style(self) -> None:
        self._parts.settings.setValue(self._template_key(), "")
        self._update_template_actions()
        self._parts.window.statusBar().showMessage(
            _tr("Het verslag gebruikt de standaard huisstijl."), 8000
        )

    def follow_meeting(self, meeting_id: int) -> None:
        """Another meeting is open (0: none): the entries that need one, and its template."""
        for action in self.meeting_actions:
            action.setEnabled(bool(meeting_id))
        # Another committee may have another template.
        self._update_template_actions()

    def _update_template_actions(self) -> None:
        template = self.template()
        self.act_house_style.setEnabled(template is not None)
        self.act_template.setStatusTip(
            _tr("Nu: {0}").format(template.name) if template else _tr("Nu: standaard huisstijl")
        )

    def choose_mail_folder(self) -> None:
        folder = MailFolderDialog.ask(self._parts.window, str(self._mail_folder()))
        if folder is None:
            return
        problem = shared_folder_problem(folder)
        if problem is not None:
            self._parts.show_problem(problem)
            return
        self._parts.settings.setValue(MAIL_DIR_KEY, str(folder))
        self._parts.window.statusBar().showMessage(
            _tr("Concept-e-mailberichten komen voortaan in {0}.").format(folder), 8000
        )

    def _mail_folder(self) -> Path:
        """Her own choice, else a private folder of the app where drafts last a day."""
        chosen = self._parts.settings.value(MAIL_DIR_KEY, "")
        return Path(str(chosen)) if chosen else paths.private_dir(DRAFTS_FOLDER)

    def _last_dir(self) -> Path:
        return Path(str(self._parts.settings.value(LAST_DIR_KEY, str(Path.home()))))

    # -- exporting --------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        meeting = self._parts.session.meeting
        if meeting is None:
            return
        named = documents.named_document(
            meeting, self.document(), public=self.act_public.isChecked()
        )
        suggested = self._last_dir() / attachment_name(named, EXPORT_SUFFIXES[fmt])
        self._ask_and_start(meeting.id, fmt, suggested)

    def _ask_and_start(self, meeting_id: int, fmt: str, suggested: Path) -> None:
        target = ExportFileDialog.ask(
            self._parts.window, fmt, suggested, document_noun(self.document())
        )
        if target is None:
            return
        self._parts.settings.setValue(LAST_DIR_KEY, str(target.parent))
        self.start(ExportRequest(meeting_id, fmt, target, self.options()))

    def start(
        self, request: ExportRequest, after: Callable[[ExportRequest], None] | None = None
    ) -> None:
        """Render and write off the UI thread (the background helper writes pending edits
        first, so the file holds what was typed a moment ago)."""
        store = self._parts.store

        def work() -> list[str]:
            return write_export(
                store, request.meeting_id, request.fmt, request.target, options=request.options
            )

        self._parts.background.run(
            work,
            lambda warnings: self._finished(request, warnings, after),
            lambda error: self._failed(request, error),
            label=_tr("{0} wordt gemaakt…").format(document_noun(request.options.document)),
        )

    def _finished(
        self,
        request: ExportRequest,
        warnings: list[str],
        after: Callable[[ExportRequest], None] | None,
    ) -> None:
        made_by: list[str] = [line for line in warnings if isinstance(line, MadeBy)]
        problems = [line for line in warnings if not isinstance(line, MadeBy)]
        noun = document_noun(request.options.document)
        saved = _tr("{0} opgeslagen: {1}").format(noun, request.target)
        self._parts.window.statusBar().showMessage(" ".join([saved, *made_by]), 10000)
        if problems:
            self._parts.show_problem("\n".join(problems + made_by))
        if after is not None:
            after(request)
        self.done.emit(request)

    def _failed(self, request: ExportRequest, error: Exception) -> None:
        if isinstance(error, ExportTargetError) and request.fmt != "eml":
            if TargetProblem.ask(self._parts.window, str(error)):
                self._ask_and_start(request.meeting_id, request.fmt, request.target)
            return
        self._parts.show_problem(failure_message(request, error))

    # -- mailing -----------------------------------------------------------------------

    def mail(self) -> None:
        meeting = self._parts.session.meeting
        if meeting is None:
            return
        named = documents.named_document(
            meeting, self.document(), public=self.act_public.isChecked()
        )
        folder = self._mail_folder()
        try:
            if folder == paths.private_dir(DRAFTS_FOLDER):
                private_files.ensure_private_dir(folder)
                private_files.remove_older_than(folder, DRAFT_MAX_AGE_SECONDS)
            else:
                # Checked again: the folder she chose may have been shared since.
                problem = shared_folder_problem(folder)
                if problem is not None:
                    self._parts.show_problem(problem)
                    return
            # Made 0600 first: the export keeps the mode of the file it replaces.
            target = private_files.create_private_file(folder / attachment_name(named, ".eml"))
        except (OSError, private_files.FolderNotPrivate) as error:
            log.error("mail draft folder refused: %s", error)
            self._parts.show_problem(
                _tr("Het concept-e-mailbericht kan niet veilig worden klaargezet: {0}").format(
                    getattr(error, "strerror", None) or error
                )
            )
            return
        request = ExportRequest(meeting.id, "eml", target, self.options())
        self.start(request, after=lambda done: self._open_draft(done, meeting))

    def _open_draft(self, request: ExportRequest, meeting: MeetingRecord) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.target))):
            return
        choice = MailFallback.ask(self._parts.window, request.target)
        if choice == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.target.parent)))
        elif choice == "mailto":
            options = request.options
            named = documents.named_document(meeting, options.document, public=options.public)
            addresses, _ = recipients(meeting, options.document)
            body = cover_letter(meeting, named, attachment_name(named))
            QDesktopServices.openUrl(QUrl(mailto_url(addresses, subject(named), body)))


class ExportCommands:
    """The Voorbeeld tab and the export, mail and template entries of the window's menus."""

    def __init__(self, parts: WindowParts, controller: ExportController) -> None:
        self.controller = controller
        self.preview = PreviewTab(parts.store, parts.background, parent=parts.window)
        index = parts.add_tab(self.preview, _tr("Voorbeeld"))
        parts.meeting_changed.connect(self.preview.show_meeting)
        parts.meeting_edited.connect(lambda _meeting_id: self.preview.refresh())
        controller.act_public.toggled.connect(self._follow_options)
        controller.act_no_introductions.toggled.connect(self._follow_options)
        self._follow_options()
        self.preview.show_meeting(parts.session.meeting_id)

        show_preview = parts.commands.add(
            _tr("Voorbeeld"), lambda: parts.show_tab(index), f"Ctrl+{index + 1}"
        )
        parts.menus.view.addAction(show_preview)
        self._add_export_menu(parts.menus.file)
        controller.follow_meeting(parts.session.meeting_id)
        parts.meeting_changed.connect(controller.follow_meeting)

    def _follow_options(self) -> None:
        options = self.controller.options()
        self.preview.set_options(
            public=options.public, include_introductions=options.include_introductions
        )

    def _add_export_menu(self, menu: QMenu) -> None:
        controller = self.controller
        export_menu = QMenu(_tr("Ex&porteren"), menu)
        export_menu.addSection(_tr("Welk stuk"))
        export_menu.addActions(list(controller.document_actions.values()))
        export_menu.addSeparator()
        export_menu.addActions([controller.act_word, controller.act_pdf, controller.act_html])
        export_menu.addSeparator()
        export_menu.addActions([controller.act_mail, controller.act_attach_documents])
        export_menu.addSeparator()
        export_menu.addActions([controller.act_public, controller.act_no_introductions])
        export_menu.addSeparator()
        export_menu.addActions([controller.act_template, controller.act_house_style])
        export_menu.addAction(controller.act_mail_folder)
        # Right after "Vergaderbestand exporteren", before "Nu opslaan".
        after_export = [a for a in menu.actions() if a.isSeparator()]
        if after_export:
            menu.insertMenu(after_export[0], export_menu)
        else:
            menu.addMenu(export_menu)
