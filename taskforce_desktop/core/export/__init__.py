"""Writers of the verslag, and the registry of the formats it can be exported to.

Core registers the formats it writes itself (docx, html, eml); a layer above adds the
ones it renders (the window and the command line register Qt's PDF from ui/pdf_writer.py),
so core never reaches up into the ui. ``write_export`` is the one entry the command line
and the UI call: it loads the meeting, builds the chosen document (the verslag, the agenda,
the Actielijst or the Besluitenlijst, core.documents) once, renders the chosen format and
writes it atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from taskforce_desktop.core import documents
from taskforce_desktop.core.export.files import ExportError, ExportTargetError, write_export_file
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.core.records import ActionRecord, MeetingRecord
from taskforce_desktop.core.validation import DomainError
from taskforce_desktop.core.verslag import Verslag, build_verslag

if TYPE_CHECKING:
    from taskforce_desktop.core.export.eml import Attachment
    from taskforce_desktop.core.followup import FollowUpAction, FollowUpDecision
    from taskforce_desktop.core.store import Store

    FollowUp = TypeVar("FollowUp", FollowUpAction, FollowUpDecision)

__all__ = [
    "EXPORT_SUFFIXES",
    "ExportError",
    "ExportOptions",
    "ExportTargetError",
    "UnknownExportFormat",
    "build_document",
    "carried_over_actions",
    "document_attachments",
    "register_format",
    "render_document",
    "render_export",
    "write_export",
]


class UnknownExportFormat(DomainError):
    """No writer is registered for the format (e.g. PDF without the Qt layer loaded)."""


@dataclass(frozen=True)
class ExportOptions:
    public: bool = False
    include_introductions: bool = True
    template: Path | None = None  # the organisation's own .docx/.dotx, else the house style
    author: str = ""
    document: str = documents.VERSLAG  # one of documents.DOCUMENTS
    # The stukken of the points go along with the e-mail of the agenda or the verslag.
    attach_documents: bool = False


def _verslag(
    meeting: MeetingRecord, options: ExportOptions, carried_over: Sequence[ActionRecord]
) -> Verslag:
    return build_verslag(
        meeting,
        public=options.public,
        include_introductions=options.include_introductions,
        carried_over_actions=carried_over,
        author=options.author,
    )


Renderer = Callable[[MeetingRecord, Verslag, ExportOptions], tuple[bytes, list[str]]]
_RENDERERS: dict[str, Renderer] = {}
# Every registered format's file suffix, by format name (the save dialogs read it).
EXPORT_SUFFIXES: dict[str, str] = {}


def register_format(name: str, suffix: str, render: Renderer) -> None:
    """Make ``name`` exportable: ``render`` turns a verslag into the file's bytes and warnings."""
    _RENDERERS[name] = render
    EXPORT_SUFFIXES[name] = suffix


def render_export(
    meeting: MeetingRecord,
    fmt: str,
    options: ExportOptions = ExportOptions(),
    carried_over_actions: Sequence[ActionRecord] = (),
) -> tuple[bytes, list[str]]:
    """The file's bytes in format ``fmt`` and Dutch warnings (e.g. a style the template lacks)."""
    return render_document(meeting, _verslag(meeting, options, carried_over_actions), fmt, options)


def render_document(
    meeting: MeetingRecord,
    document: Verslag,
    fmt: str,
    options: ExportOptions = ExportOptions(),
    attachments: Sequence[Attachment] = (),
) -> tuple[bytes, list[str]]:
    """A document already built (build_document) in format ``fmt``, with Dutch warnings.

    ``attachments`` (document_attachments) go with an e-mail only.
    """
    if attachments and fmt == "eml":
        return _render_eml(meeting, document, options, attachments)
    render = _RENDERERS.get(fmt)
    if render is None:
        raise UnknownExportFormat(f"Exporteren als {fmt!r} is hier niet mogelijk.")
    return render(meeting, document, options)


def _render_html(
    _meeting: MeetingRecord, verslag: Verslag, _options: ExportOptions
) -> tuple[bytes, list[str]]:
    from taskforce_desktop.core.export.html import render_html

    return render_html(verslag).encode("utf-8"), []


def _render_docx(
    _meeting: MeetingRecord, verslag: Verslag, options: ExportOptions
) -> tuple[bytes, list[str]]:
    # python-docx is imported at the first Word export, not at start.
    from taskforce_desktop.core.export.docx import render_docx

    return render_docx(verslag, template=options.template)


def _render_eml(
    meeting: MeetingRecord,
    verslag: Verslag,
    options: ExportOptions,
    attachments: Sequence[Attachment] = (),
) -> tuple[bytes, list[str]]:
    from taskforce_desktop.core.export.eml import render_eml

    docx_bytes, warnings = _render_docx(meeting, verslag, options)
    eml_bytes, mail_warnings = render_eml(meeting, verslag, docx_bytes, attachments)
    return eml_bytes, warnings + mail_warnings


register_format("docx", ".docx", _render_docx)
register_format("html", ".html", _render_html)
register_format("eml", ".eml", _render_eml)


def _confidential_points(store: Store, meeting_ids: set[int]) -> set[int]:
    from taskforce_desktop.core import services

    return {
        item.id
        for meeting_id in meeting_ids
        for item in services.load_meeting(store, meeting_id).agenda
        if item.confidential
    }


def _leave_out_confidential(
    store: Store, follow_ups: list[FollowUp], public: bool
) -> list[FollowUp]:
    """The public version leaves out what was born in a confidential point of any meeting,
    just as it leaves out this meeting's confidential points."""
    if not public:
        return follow_ups
    hidden = _confidential_points(store, {follow_up.meeting.id for follow_up in follow_ups})
    return [f for f in follow_ups if f.agenda_item_id not in hidden]


def carried_over_actions(store: Store, meeting_id: int, *, public: bool) -> list[ActionRecord]:
    """Open actions of earlier meetings for the verslag's Actielijst."""
    from taskforce_desktop.core import followup

    follow_ups = _leave_out_confidential(store, followup.review_actions(store, meeting_id), public)
    return [follow_up.action for follow_up in follow_ups]


def build_document(store: Store, meeting: MeetingRecord, options: ExportOptions) -> Verslag:
    """The document ``options.document`` of the meeting, with what it needs from the store.

    The Actielijst and the Besluitenlijst are the committee's, up to this meeting's date.
    """
    from taskforce_desktop.core import followup

    public, author = options.public, options.author
    if options.document == documents.AGENDA:
        return documents.build_agenda(
            meeting,
            public=public,
            include_introductions=options.include_introductions,
            author=author,
        )

    def held_by_now(
        follow_up: FollowUpAction | FollowUpDecision,
    ) -> bool:  # in core.approval.meeting_order
        return (follow_up.meeting.date, follow_up.meeting.id) <= (meeting.date, meeting.id)

    if options.document == documents.ACTION_LIST:
        open_actions = [
            f
            for f in followup.committee_actions(store, meeting.committee.id, ActionStatus.OPEN)
            if held_by_now(f)
        ]
        listed = [
            documents.ListedAction(f.action, f.meeting.date)
            for f in _leave_out_confidential(store, open_actions, public)
        ]
        return documents.build_action_list(meeting, listed, public=public, author=author)
    if options.document == documents.DECISION_LIST:
        decisions = [
            f for f in followup.committee_decisions(store, meeting.committee.id) if held_by_now(f)
        ]
        listed_decisions = [
            documents.ListedDecision(f.number, f.decision.text, f.meeting.date, f.agenda_item_title)
            for f in _leave_out_confidential(store, decisions, public)
        ]
        return documents.build_decision_list(
            meeting, listed_decisions, public=public, author=author
        )
    if options.document != documents.VERSLAG:
        raise UnknownExportFormat(f"Onbekend document {options.document!r}.")
    return _verslag(meeting, options, carried_over_actions(store, meeting.id, public=public))


# The documents sent before or after the meeting itself, which its stukken belong to.
_DOCUMENTS_WITH_STUKKEN = (documents.AGENDA, documents.VERSLAG)


def document_attachments(
    store: Store, meeting_id: int, fmt: str, options: ExportOptions
) -> list[Attachment]:
    """The stukken to attach: for the e-mail of the agenda or verslag when asked, else none.

    The public version leaves out the stukken of confidential points, as it does the points.
    """
    from taskforce_desktop.core import services

    if not (
        options.attach_documents and fmt == "eml" and options.document in _DOCUMENTS_WITH_STUKKEN
    ):
        return []
    return [
        (record.file_name, record.media_type, content)
        for record, content in services.documents_of_meeting(
            store, meeting_id, public=options.public
        )
    ]


def write_export(
    store: Store,
    meeting_id: int,
    fmt: str,
    output: Path,
    *,
    public: bool = False,
    options: ExportOptions | None = None,
) -> list[str]:
    """Export one meeting to ``output``; returns warnings, raises ExportError on a bad target.

    A meeting id that does not exist raises services.DomainError.
    """
    from taskforce_desktop.core import services

    options = options or ExportOptions(public=public)
    meeting = services.load_meeting(store, meeting_id)
    data, warnings = render_document(
        meeting,
        build_document(store, meeting, options),
        fmt,
        options,
        document_attachments(store, meeting_id, fmt, options),
    )
    write_export_file(output, data, data_dir=store.data_dir)
    return warnings
