"""Writers of the verslag, and the registry of the formats it can be exported to.

Core registers the formats it writes itself (docx, html, eml); a layer above adds the
ones it renders (the window and the command line register Qt's PDF from ui/pdf_writer.py),
so core never reaches up into the ui. ``write_export`` is the one entry the command line
and the UI call: it loads the meeting, builds the verslag once, renders the chosen format
and writes it atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taskforce_desktop.core.export.files import ExportError, ExportTargetError, write_export_file
from taskforce_desktop.core.records import ActionRecord, MeetingRecord
from taskforce_desktop.core.validation import DomainError
from taskforce_desktop.core.verslag import Verslag, build_verslag

if TYPE_CHECKING:
    from taskforce_desktop.core.store import Store

__all__ = [
    "EXPORT_SUFFIXES",
    "ExportError",
    "ExportOptions",
    "ExportTargetError",
    "UnknownExportFormat",
    "carried_over_actions",
    "register_format",
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
    render = _RENDERERS.get(fmt)
    if render is None:
        raise UnknownExportFormat(f"Exporteren als {fmt!r} is hier niet mogelijk.")
    return render(meeting, _verslag(meeting, options, carried_over_actions), options)


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
    meeting: MeetingRecord, verslag: Verslag, options: ExportOptions
) -> tuple[bytes, list[str]]:
    from taskforce_desktop.core.export.eml import render_eml

    docx_bytes, warnings = _render_docx(meeting, verslag, options)
    eml_bytes, mail_warnings = render_eml(meeting, verslag, docx_bytes)
    return eml_bytes, warnings + mail_warnings


register_format("docx", ".docx", _render_docx)
register_format("html", ".html", _render_html)
register_format("eml", ".eml", _render_eml)


def carried_over_actions(store: Store, meeting_id: int, *, public: bool) -> list[ActionRecord]:
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
    carried = carried_over_actions(store, meeting_id, public=options.public)
    data, warnings = render_export(meeting, fmt, options, carried)
    write_export_file(output, data, data_dir=store.data_dir)
    return warnings
