"""Command line: the GUI by default, plus import / list / export (docs/meeting-file.md).

Exit status: 0 success, 2 bad input (message on stderr), 1 anything else. Commands other
than the GUI never import PySide6, so scripts start fast and run on a machine without a
display.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskforce_desktop import __version__, paths
from taskforce_desktop.core.documents import AGENDA, DOCUMENTS, VERSLAG

if TYPE_CHECKING:  # the store and the services load only when a command needs them
    from taskforce_desktop.core.services import DraftPoint
    from taskforce_desktop.core.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

EXPORT_FORMATS = ("json", "docx", "pdf", "html", "eml")
TEMPLATE_FORMATS = ("docx", "pdf", "eml")  # the formats made from the Word file
SUBCOMMANDS = ("gui", "import", "import-agenda", "list", "export", "backup", "backups", "restore")

log = logging.getLogger(__name__)


class BadInput(Exception):
    """Input the user can correct: reported on stderr with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taskforce-desktop",
        description="Taskforce Verslag: notuleren en verslagen maken voor adviesorganen.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"map met de gegevens (anders ${paths.DATA_DIR_ENV} of de standaardmap)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="het venster openen (standaard)")
    gui.add_argument("file", nargs="?", type=Path, help="een vergaderbestand om in te lezen")

    importer = commands.add_parser("import", help="een vergaderbestand (.verslag.json) inlezen")
    importer.add_argument("file", type=Path)
    importer.add_argument(
        "--replace",
        action="store_true",
        help="een vergadering van hetzelfde overleg, op dezelfde datum met dezelfde titel vervangen",
    )

    agenda_importer = commands.add_parser(
        "import-agenda",
        help="de agenda van de voorzitter (Word, .docx) aan een vergadering toevoegen",
    )
    agenda_importer.add_argument("file", type=Path, metavar="FILE.docx")
    agenda_importer.add_argument("--meeting", required=True, type=int, metavar="ID")
    agenda_importer.add_argument(
        "--dry-run", action="store_true", help="alleen laten zien wat herkend is, niets toevoegen"
    )

    commands.add_parser("list", help="alle vergaderingen: id, datum, overleg, titel, status")

    commands.add_parser("backup", help="nu een reservekopie maken (laatste regel: het bestand)")
    commands.add_parser(
        "backups", help="de reservekopieën: datum, grootte, vergaderingen, aanleiding, bestand"
    )
    restorer = commands.add_parser(
        "restore", help="een reservekopie terugzetten (de huidige gegevens worden eerst bewaard)"
    )
    restorer.add_argument("file", type=Path, help="de reservekopie (.sqlite3)")

    exporter = commands.add_parser("export", help="een vergadering exporteren")
    exporter.add_argument("meeting_id", metavar="ID", type=int)
    exporter.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exporter.add_argument(
        "--document",
        choices=DOCUMENTS,
        default=VERSLAG,
        help="welk stuk: het verslag (standaard), de agenda, de actielijst of de besluitenlijst",
    )
    exporter.add_argument("--output", required=True, type=Path, metavar="PATH")
    exporter.add_argument(
        "--public", action="store_true", help="openbare versie: zonder vertrouwelijke punten"
    )
    exporter.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="eigen Word-sjabloon (.docx of .dotx) voor docx, pdf en eml, anders de huisstijl",
    )
    exporter.add_argument(
        "--attach-documents",
        action="store_true",
        help="de stukken van de agendapunten meesturen (eml van de agenda of het verslag)",
    )
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`taskforce-desktop FILE.verslag.json` (a double-clicked file) opens the GUI with it."""
    positional = [i for i, arg in enumerate(argv) if not arg.startswith("-")]
    for index in positional:
        if index > 0 and argv[index - 1] == "--data-dir":
            continue
        if argv[index] not in SUBCOMMANDS:
            return argv[:index] + ["gui"] + argv[index:]
        break
    return argv


def _open_store(args: argparse.Namespace, *, start_backup: bool = True) -> Store:
    from taskforce_desktop.core.integrity import open_store_safely

    data_dir = paths.resolve_data_dir(args.data_dir)
    store, report = open_store_safely(data_dir, start_backup=start_backup)
    for message in [report.message, *report.warnings]:
        if message:
            print(f"taskforce-desktop: {message}", file=sys.stderr)
    return store


def _cmd_backup(args: argparse.Namespace) -> int:
    from taskforce_desktop.core import backup

    store = _open_store(args, start_backup=False)
    try:
        print(backup.make_backup(store, backup.Reason.MANUAL))
    finally:
        store.close()
    return EXIT_OK


def _cmd_backups(args: argparse.Namespace) -> int:
    from taskforce_desktop.core import backup

    for info in backup.list_backups(paths.resolve_data_dir(args.data_dir)):
        meetings = "?" if info.meetings is None else str(info.meetings)
        created = info.created.astimezone().isoformat(timespec="seconds")
        print("\t".join((created, str(info.size), meetings, info.reason.value, str(info.path))))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from taskforce_desktop.core import backup
    from taskforce_desktop.core.integrity import instance_running
    from taskforce_desktop.core.store import StoreError

    problems = backup.validate_backup(args.file)
    if problems:
        raise BadInput(problems[0])
    data_dir = paths.resolve_data_dir(args.data_dir)
    if instance_running(data_dir):
        # Its autosave would write the open meeting's texts over what is restored.
        raise StoreError("Taskforce Verslag is geopend met deze gegevens; sluit het eerst.")
    result = backup.restore(data_dir, args.file)
    if result.set_aside is not None:
        print(f"De vorige gegevens zijn bewaard als {result.set_aside}", file=sys.stderr)
    for moved in result.moved_aside:
        print(f"Beschadigd bestand apart gezet: {moved}", file=sys.stderr)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from taskforce_desktop.core.meeting_file import import_meeting_file

    store = _open_store(args)
    try:
        result = import_meeting_file(store, args.file, replace=args.replace)
    finally:
        store.close()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(result.meeting_id)
    return EXIT_OK


def _cmd_import_agenda(args: argparse.Namespace) -> int:
    """The chair's Word agenda into a meeting: one line per point, then what was not placed."""
    from taskforce_desktop.core import approval, services
    from taskforce_desktop.core.agenda_import import AgendaFileError, read_word_agenda

    try:
        draft = read_word_agenda(args.file)
    except AgendaFileError as exc:
        raise BadInput(str(exc)) from None
    if not draft.points:
        for line in draft.not_understood:
            print(f"not understood: {line}")
        raise BadInput(f"no agenda points found in {args.file.name}")
    store = _open_store(args)
    try:
        try:
            locked = approval.is_locked(store, args.meeting)
        except services.DomainError:
            raise BadInput(f"no meeting with id {args.meeting}") from None
        if locked:
            raise BadInput(f"meeting {args.meeting} is approved and cannot be changed")
        points = draft.points
        if not args.dry_run:
            new_ids = services.add_agenda_points(store, args.meeting, points)
            agenda = {item.id: item for item in services.load_meeting(store, args.meeting).agenda}
            points = [
                replace(point, number=agenda[new_id].number)
                for point, new_id in zip(points, new_ids, strict=True)
            ]
    finally:
        store.close()
    for point in points:
        print(_agenda_point_line(point))
    for line in draft.not_understood:
        print(f"not understood: {line}")
    return EXIT_OK


def _agenda_point_line(point: DraftPoint) -> str:
    """'3  Begroting 2027  (besluitvorming, inbreng: wethouder Jansen, 20 min)'."""
    from taskforce_desktop.core.verslag import PURPOSE_LABELS

    details = [PURPOSE_LABELS[point.purpose].casefold().removeprefix("ter ")]
    if point.presenter:
        details.append(f"inbreng: {point.presenter}")
    if point.planned_minutes is not None:
        details.append(f"{point.planned_minutes} min")
    return f"{point.number or '-'}  {point.title}  ({', '.join(details)})"


def _cmd_list(args: argparse.Namespace) -> int:
    from taskforce_desktop.core import services

    store = _open_store(args)
    try:
        meetings = services.list_meetings(store)
    finally:
        store.close()
    for meeting in meetings:
        fields = (
            str(meeting.id),
            meeting.date.isoformat(),
            meeting.committee_name,
            meeting.title,
            meeting.status.value,
        )
        print("\t".join(field.replace("\t", " ") for field in fields))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from taskforce_desktop.core import services
    from taskforce_desktop.core.export.files import write_export_file

    _check_template(args)
    _check_attach_documents(args)
    if args.format != "json":
        return _export_verslag(args)
    store = _open_store(args)
    try:
        if args.public:
            raise BadInput("--public applies to the verslag formats, not to json")
        from taskforce_desktop.core.meeting_file import export_meeting_file

        try:
            content = export_meeting_file(store, args.meeting_id)
        except services.DomainError:
            raise BadInput(f"no meeting with id {args.meeting_id}") from None
    finally:
        store.close()
    # The same target checks as the verslag formats (a folder, a file Word holds, read-only,
    # the data folder).
    write_export_file(args.output, content.encode("utf-8"), data_dir=store.data_dir)
    return EXIT_OK


def _check_attach_documents(args: argparse.Namespace) -> None:
    if args.attach_documents and (args.format != "eml" or args.document not in (AGENDA, VERSLAG)):
        raise BadInput("--attach-documents applies to --format eml of the agenda or the verslag")


def _check_template(args: argparse.Namespace) -> None:
    template = args.template
    if template is None:
        return
    if args.format not in TEMPLATE_FORMATS:
        raise BadInput(
            f"--template applies to {', '.join(TEMPLATE_FORMATS[:-1])} and "
            f"{TEMPLATE_FORMATS[-1]}, not to {args.format}"
        )
    if template.suffix.lower() not in (".docx", ".dotx"):
        raise BadInput(f"--template must be a Word file (.docx or .dotx): {template}")
    if not template.is_file():
        raise BadInput(f"no template file {template}")


def _export_verslag(args: argparse.Namespace) -> int:
    """docx, pdf, html and eml: the document writers (a pdf without LibreOffice or Word renders
    offscreen with Qt)."""
    from taskforce_desktop.core import services
    from taskforce_desktop.core.export import (
        ExportError,
        ExportOptions,
        ExportTargetError,
        write_export,
    )

    if args.format == "pdf":
        # The ui layer registers the PDF with core.export: the Word file converted by
        # LibreOffice or Word, else rendered by Qt.
        from taskforce_desktop.ui import pdf_writer  # noqa: F401

    store = _open_store(args)
    try:
        options = ExportOptions(
            public=args.public,
            template=args.template,
            document=args.document,
            attach_documents=args.attach_documents,
        )
        warnings = write_export(store, args.meeting_id, args.format, args.output, options=options)
    except services.DomainError:
        raise BadInput(f"no meeting with id {args.meeting_id}") from None
    except ExportTargetError as exc:
        raise BadInput(str(exc)) from None
    except ExportError as exc:
        print(f"taskforce-desktop: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        store.close()
    from taskforce_desktop.core.export.pdf import MadeBy

    for warning in warnings:
        # Which program made the PDF is said, not warned about; stdout stays empty.
        prefix = "taskforce-desktop" if isinstance(warning, MadeBy) else "warning"
        print(f"{prefix}: {warning}", file=sys.stderr)
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from taskforce_desktop.ui.app import run

    return run(paths.resolve_data_dir(args.data_dir), args.file)


COMMANDS = {
    "gui": _cmd_gui,
    "import": _cmd_import,
    "import-agenda": _cmd_import_agenda,
    "list": _cmd_list,
    "export": _cmd_export,
    "backup": _cmd_backup,
    "backups": _cmd_backups,
    "restore": _cmd_restore,
}


def main(argv: list[str] | None = None) -> int:
    from taskforce_desktop.core.export import ExportError, ExportTargetError
    from taskforce_desktop.core.meeting_file import MeetingFileError
    from taskforce_desktop.core.private_files import FolderNotPrivate
    from taskforce_desktop.core.services import DomainError
    from taskforce_desktop.core.store import StoreError

    parser = build_parser()
    args = parser.parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    from taskforce_desktop.logging_setup import setup_logging

    if args.command is None:
        args.command, args.file = "gui", None
    try:
        if args.command != "gui":
            # Before the log puts a folder in it; the window says it in a message instead.
            paths.prepare_data_dir(args.data_dir)
        setup_logging(args.data_dir)
        return COMMANDS[args.command](args)
    except (BadInput, MeetingFileError, DomainError, FolderNotPrivate, ExportTargetError) as exc:
        print(f"taskforce-desktop: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (StoreError, ExportError) as exc:
        print(f"taskforce-desktop: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:
        print(f"taskforce-desktop: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
