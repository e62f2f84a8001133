"""A meeting-file error in the window's language.

``core.meeting_file`` words its errors in the contract's English, which the command line
prints as it is; the window names the same JSON path and values in a Dutch sentence (and
English through the catalogue when the window is English).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from taskforce_desktop.core.meeting_file import MeetingFileError, Problem, UnknownKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingFile", text)


# PySide's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
_SENTENCES: dict[Problem, object] = {
    Problem.NOT_AN_OBJECT: QT_TRANSLATE_NOOP(
        "MeetingFile", "verwacht een object, maar het is {got}"
    ),
    Problem.NOT_A_LIST: QT_TRANSLATE_NOOP("MeetingFile", "verwacht een lijst, maar het is {got}"),
    Problem.NOT_TEXT: QT_TRANSLATE_NOOP("MeetingFile", "verwacht tekst, maar het is {got}"),
    Problem.TOO_MANY_ENTRIES: QT_TRANSLATE_NOOP(
        "MeetingFile", "{count} onderdelen; er mogen er hoogstens {limit} zijn"
    ),
    Problem.REQUIRED: QT_TRANSLATE_NOOP("MeetingFile", "ontbreekt, maar is verplicht"),
    Problem.EMPTY: QT_TRANSLATE_NOOP("MeetingFile", "mag niet leeg zijn"),
    Problem.NOT_ONE_OF: QT_TRANSLATE_NOOP("MeetingFile", "{value} is niet een van {allowed}"),
    Problem.NOT_A_DATE: QT_TRANSLATE_NOOP("MeetingFile", "{value} is geen datum (JJJJ-MM-DD)"),
    Problem.NOT_A_TIME: QT_TRANSLATE_NOOP("MeetingFile", "{value} is geen tijd (UU:MM, 24 uur)"),
    Problem.NOT_A_BOOLEAN: QT_TRANSLATE_NOOP(
        "MeetingFile", "verwacht true of false, maar het is {value}"
    ),
    Problem.NOT_A_WHOLE_NUMBER: QT_TRANSLATE_NOOP(
        "MeetingFile", "{value} is geen geheel getal van 0 of meer"
    ),
    Problem.TOO_MANY_MINUTES: QT_TRANSLATE_NOOP(
        "MeetingFile", "{value} is meer dan {limit} (een week)"
    ),
    Problem.END_BEFORE_START: QT_TRANSLATE_NOOP("MeetingFile", "'{value}' ligt vóór meeting.start"),
    Problem.WRONG_FORMAT: QT_TRANSLATE_NOOP(
        "MeetingFile", "verwacht '{expected}', maar het is {value}"
    ),
    Problem.WRONG_VERSION: QT_TRANSLATE_NOOP(
        "MeetingFile", "verwacht versie {expected}, maar het is {value}"
    ),
    Problem.NESTED_TOO_DEEP: QT_TRANSLATE_NOOP(
        "MeetingFile", "meer dan {limit} niveaus diep genest"
    ),
    Problem.NUMBER_TOO_LONG: QT_TRANSLATE_NOOP(
        "MeetingFile", "een getal van {digits} cijfers is te lang"
    ),
    Problem.UNPAIRED_ESCAPE: QT_TRANSLATE_NOOP(
        "MeetingFile", "bevat een losse \\u-code (geen geldige tekst)"
    ),
    Problem.KEY_UNPAIRED_ESCAPE: QT_TRANSLATE_NOOP(
        "MeetingFile", "een veldnaam bevat een losse \\u-code"
    ),
    Problem.DUPLICATE_KEY: QT_TRANSLATE_NOOP("MeetingFile", "staat twee keer in hetzelfde object"),
    Problem.FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "MeetingFile",
        "het bestand is {size} bytes groot; een vergaderbestand mag hoogstens {limit} bytes zijn",
    ),
    Problem.NOT_UTF8: QT_TRANSLATE_NOOP("MeetingFile", "het bestand is geen UTF-8 (byte {byte})"),
    Problem.INVALID_JSON: QT_TRANSLATE_NOOP(
        "MeetingFile", "geen geldige JSON op regel {line}, kolom {column}"
    ),
    Problem.JSON_TOO_DEEP: QT_TRANSLATE_NOOP("MeetingFile", "geen geldige JSON: te diep genest"),
    Problem.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "MeetingFile", "{source} kan niet worden gelezen: dat is {file_kind}"
    ),
    Problem.CANNOT_READ: QT_TRANSLATE_NOOP(
        "MeetingFile", "{source} kan niet worden gelezen ({reason})"
    ),
    Problem.PERSON_TWICE: QT_TRANSLATE_NOOP(
        "MeetingFile", "dezelfde persoon staat er twee keer in"
    ),
    Problem.NOT_A_FILE_NAME: QT_TRANSLATE_NOOP(
        "MeetingFile", "{value} is geen gewone bestandsnaam (één regel, zonder map)"
    ),
    Problem.FILE_TYPE_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "MeetingFile", "{value} is geen soort bestand die een stuk mag zijn ({allowed})"
    ),
    Problem.NOT_BASE64: QT_TRANSLATE_NOOP("MeetingFile", "is geen base64 (RFC 4648, op één regel)"),
    Problem.DOCUMENT_TOO_LARGE: QT_TRANSLATE_NOOP(
        "MeetingFile", "het stuk is {size} bytes groot; een stuk mag hoogstens {limit} bytes zijn"
    ),
    Problem.DOCUMENT_TWICE: QT_TRANSLATE_NOOP(
        "MeetingFile", "een stuk met deze naam staat al bij dit agendapunt"
    ),
    Problem.MEETING_EXISTS: QT_TRANSLATE_NOOP(
        "MeetingFile",
        "er is al een vergadering van '{committee}' op {date} met de titel '{title}'",
    ),
}

_JSON_TYPES: dict[str, object] = {
    "object": QT_TRANSLATE_NOOP("MeetingFile", "een object"),
    "list": QT_TRANSLATE_NOOP("MeetingFile", "een lijst"),
    "text": QT_TRANSLATE_NOOP("MeetingFile", "tekst"),
    "boolean": "true/false",
    "number": QT_TRANSLATE_NOOP("MeetingFile", "een getal"),
    "null": "null",
}

_FILE_KINDS: dict[str, object] = {
    "folder": QT_TRANSLATE_NOOP("MeetingFile", "een map, geen bestand"),
    "pipe": QT_TRANSLATE_NOOP("MeetingFile", "een pipe, geen bestand"),
    "device": QT_TRANSLATE_NOOP("MeetingFile", "een apparaat, geen bestand"),
    "socket": QT_TRANSLATE_NOOP("MeetingFile", "een socket, geen bestand"),
    "other": QT_TRANSLATE_NOOP("MeetingFile", "geen gewoon bestand"),
}


def describe(error: MeetingFileError) -> str:
    """'meeting.date: '2022-13-01' is geen datum (JJJJ-MM-DD)': the path, then what is wrong."""
    values = dict(error.values)
    if "got" in values:
        values["got"] = _tr(str(_JSON_TYPES[values["got"]]))
    if "file_kind" in values:
        values["file_kind"] = _tr(str(_FILE_KINDS[values["file_kind"]]))
    if error.kind in (Problem.FILE_TOO_LARGE, Problem.DOCUMENT_TOO_LARGE):  # digits in groups
        values.update(
            size=QLocale().toString(values["size"]), limit=QLocale().toString(values["limit"])
        )
    sentence = _tr(str(_SENTENCES[error.kind])).format(**values)
    return f"{error.path}: {sentence}" if error.path else sentence


def describe_warning(warning: str) -> str:
    """An import's remark in the window's language ('meeting.colour: onbekend veld, genegeerd')."""
    if isinstance(warning, UnknownKey):
        return _tr("{0}: onbekend veld, genegeerd").format(warning.path)
    return warning
