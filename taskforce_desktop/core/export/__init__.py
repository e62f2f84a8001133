"""Writers of the verslag (docx, html, eml here; pdf with Qt in ui/pdf_writer.py).

``write_export`` is the one entry the command line and the UI call: it loads the meeting,
builds the verslag once, renders the chosen format and writes it atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from taskforce_desktop.core.export.files import ExportError, ExportTargetError, write_export_file
from taskforce_desktop.core.records import ActionRecord, MeetingRecord
from taskforce_desktop.core.verslag import Verslag, build_verslag

__all__ = [
    "EXPORT_SUFFIXES",
    "ExportError",
    "ExportOptions",
    "ExportTargetError",
    "carried_over_actions",
    "render_export",
    "write_export",
]

EXPORT_SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "eml": ".eml"}


@dataclass(frozen=True)
class ExportOptions:
    public: bool = False
    include_introductions: bool = True
    template: Path | None = None  # the organisation's own .docx/.dotx, else the house style
    author: str = ""


def _verslag(meeting: MeetingRecord, options: ExportOptions, carried_over) -> Verslag:
    return build_verslag(
        meeting,
        public=options.public,
        include_introductions=options.include_introductions,
        carried_over_actions=carried_over,
        author=options.author,
    )


def render_export(
    meeting: MeetingRecord,
    fmt: str,
    options: ExportOptions = ExportOptions(),
    carried_over_actions=(),
) -> tuple[bytes, list[str]]:
    """The file's bytes in format ``fmt`` and Dutch warnings (e.g. a style the template lacks)."""
    if fmt not in EXPORT_SUFFIXES:
        raise ValueError(f"unknown export format {fmt!r}")
    verslag = _verslag(meeting, options, carried_over_actions)
    if fmt == "html":
        from taskforce_desktop.core.export.html import render_html

        return render_html(verslag).encode("utf-8"), []
    if fmt == "pdf":
        # Qt renders the PDF; core must not import it at module level (architecture test).
        import importlib

        pdf_writer = importlib.import_module("taskforce_desktop.ui.pdf_writer")
        return pdf_writer.render_pdf(verslag), []
    from taskforce_desktop.core.export.docx import render_docx

    docx_bytes, warnings = render_docx(verslag, template=options.template)
    if fmt == "docx":
        return docx_bytes, warnings
    from taskforce_desktop.core.export.eml import render_eml

    eml_bytes, mail_warnings = render_eml(meeting, verslag, docx_bytes)
    return eml_bytes, warnings + mail_warnings


def carried_over_actions(store, meeting_id: int, *, public: bool) -> list[ActionRecord]:
    """Open actions of earlier meetings for the Actielijst.

    The public version leaves out those born in a confidential point of an earlier meeting,
    just as it leaves out this meeting's confidential points.
    """
    from taskforce_desktop.core import followup, services

    follow_ups = followup.review_actions(store, meeting_id)
    if public:
        confidential_points = {
            item.id
            for origin_id in {follow_up.meeting.id for follow_up in follow_ups}
            for item in services.load_meeting(store, origin_id).agenda
            if item.confidential
        }
        follow_ups = [f for f in follow_ups if f.agenda_item_id not in confidential_points]
    return [follow_up.action for follow_up in follow_ups]


def write_export(
    store,
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
    carried = carried_over_actions(store, meeting_id, public=options.public)
    data, warnings = render_export(meeting, fmt, options, carried)
    write_export_file(output, data)
    return warnings
