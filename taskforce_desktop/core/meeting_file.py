"""The JSON meeting file, version 1: the fixed contract of docs/meeting-file.md.

Reading is two steps: ``parse_meeting_file`` validates the whole file into plain data
(every problem named by its JSON path), and only then ``import_meeting_file`` writes it
in one transaction, so a bad file never changes the store.

A file can come from anyone, so reading is bounded: only a regular file (not a folder, a
pipe, a device or a socket) of at most MAX_FILE_BYTES is read; nesting deeper than
MAX_DEPTH, a list of more than MAX_LIST_ENTRIES entries, a number of more than
MAX_NUMBER_DIGITS digits, ``planned_minutes`` above MAX_PLANNED_MINUTES and a key that
appears twice in one object are file errors naming their JSON path. Real meetings stay far
below these limits (the sample has 8 points and 200 KB would be a very long verslag); the
size limit leaves room for the stukken an agenda point may carry (``documents``, added after
version 1 as an optional key), each under the store's own rules for a stuk.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskforce_desktop.core import backup, markdown, services
from taskforce_desktop.core.approval import LOCK_BYPASS
from taskforce_desktop.core.models import (
    ActionStatus,
    Committee,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)
from taskforce_desktop.core.records import AgendaItemRecord, MeetingRecord
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import MAX_PLANNED_MINUTES

FORMAT = "taskforce-verslag/meeting"
VERSION = 1
SUFFIX = ".verslag.json"

# \Z, not $: "$" also matches before a final newline ("10:00\n").
_DATE_RE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
_TIME_RE = re.compile(r"\A([01]\d|2[0-3]):[0-5]\d\Z")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Room for a few stukken of up to 25 MB, which base64 makes a third larger.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_DEPTH = 16  # the format itself nests 5 deep (agenda, point, actions, action, value)
MAX_LIST_ENTRIES = 2000  # points, attendees, and decisions or actions per point
MAX_NUMBER_DIGITS = 18  # every whole number the format knows is far shorter

_TOP_KEYS = {"format", "version", "committee", "meeting", "attendees", "agenda"}
_COMMITTEE_KEYS = {"name", "contact"}
_MEETING_TEXT_KEYS = ("title", "location")
_MEETING_MARKDOWN_KEYS = ("introduction", "closing")
_MEETING_KEYS = {
    "date",
    "start",
    "end",
    "mode",
    "status",
    *_MEETING_TEXT_KEYS,
    *_MEETING_MARKDOWN_KEYS,
}
_ATTENDEE_TEXT_KEYS = ("organisation", "function", "email", "note")
_ATTENDEE_KEYS = {"name", "role", "presence", *_ATTENDEE_TEXT_KEYS}
_AGENDA_MARKDOWN_KEYS = ("introduction", "notes", "conclusion")
_AGENDA_KEYS = {
    "number",
    "title",
    "presenter",
    "purpose",
    "confidential",
    "planned_minutes",
    "decisions",
    "actions",
    "documents",
    *_AGENDA_MARKDOWN_KEYS,
}
_ACTION_KEYS = {"description", "owner", "due", "status"}
_DOCUMENT_KEYS = {"name", "media_type", "content"}

_Choice = TypeVar("_Choice", bound=Enum)


class Problem(Enum):
    """Each kind of file error; its value is the contract's English wording (docs/meeting-file.md).

    The placeholders are the error's ``values``: ``got`` is a JSON type (JSON_TYPES) and
    ``file_kind`` a kind of non-file (FILE_KINDS), so a window can name them in its own
    language; ``value`` is the offending value as the file spells it.
    """

    NOT_AN_OBJECT = "expected an object, got {got}"
    NOT_A_LIST = "expected a list, got {got}"
    NOT_TEXT = "expected text, got {got}"
    TOO_MANY_ENTRIES = "{count} entries; at most {limit} are allowed"
    REQUIRED = "is required"
    EMPTY = "must not be empty"
    NOT_ONE_OF = "{value} is not one of {allowed}"
    NOT_A_DATE = "{value} is not a date (YYYY-MM-DD)"
    NOT_A_TIME = "{value} is not a time (HH:MM, 24 h)"
    NOT_A_BOOLEAN = "expected true or false, got {value}"
    NOT_A_WHOLE_NUMBER = "{value} is not a whole number >= 0"
    TOO_MANY_MINUTES = "{value} is more than {limit} (a week)"
    END_BEFORE_START = "'{value}' is before meeting.start"
    WRONG_FORMAT = "expected '{expected}', got {value}"
    WRONG_VERSION = "expected {expected}, got {value}"
    NESTED_TOO_DEEP = "nested more than {limit} levels deep"
    NUMBER_TOO_LONG = "a number of {digits} digits is too long"
    UNPAIRED_ESCAPE = "contains an unpaired \\u escape (not valid text)"
    KEY_UNPAIRED_ESCAPE = "a key contains an unpaired \\u escape"
    DUPLICATE_KEY = "appears twice in the same object"
    FILE_TOO_LARGE = "the file has {size:,} bytes; a meeting file may have at most {limit:,}"
    NOT_UTF8 = "the file is not UTF-8 (byte {byte})"
    INVALID_JSON = "invalid JSON at line {line}, column {column}: {detail}"
    JSON_TOO_DEEP = "invalid JSON: nested too deeply"
    NOT_A_FILE = "cannot read {source}: it is {file_kind}, not a file"
    CANNOT_READ = "cannot read {source}: {reason}"
    PERSON_TWICE = "the same person is listed twice"
    NOT_A_FILE_NAME = "{value} is not a plain file name (one line, no folder)"
    FILE_TYPE_NOT_ALLOWED = "{value} is not a kind of file a document may be ({allowed})"
    NOT_BASE64 = "is not base64 (RFC 4648, on one line)"
    DOCUMENT_TOO_LARGE = "the document has {size:,} bytes; a document may have at most {limit:,}"
    DOCUMENT_TWICE = "a document of this name is already listed for this point"
    MEETING_EXISTS = (
        "a meeting of '{committee}' on {date} titled '{title}' already exists (id {id}); "
        "use --replace to overwrite it"
    )

    def english(self, values: dict[str, Any]) -> str:
        named = dict(values)
        if "got" in named:
            named["got"] = JSON_TYPES[named["got"]]
        if "file_kind" in named:
            named["file_kind"] = FILE_KINDS[named["file_kind"]]
        return self.value.format(**named)


# The English names of the contract, by the codes an error's values carry.
JSON_TYPES = {
    "object": "an object",
    "list": "a list",
    "text": "text",
    "boolean": "true/false",
    "number": "a number",
    "null": "null",
}
FILE_KINDS = {
    "folder": "a folder",
    "pipe": "a named pipe",
    "device": "a device",
    "socket": "a socket",
    "other": "not a regular file",
}


class MeetingFileError(ValueError):
    """The file does not fit the contract; ``path`` names where (``agenda[2].title``).

    ``kind`` and ``values`` say what, for a message in another language; ``str()`` and
    ``problem`` are the contract's English.
    """

    def __init__(self, path: str, kind: Problem, **values: Any) -> None:
        self.path = path
        self.kind = kind
        self.values = values
        self.problem = kind.english(values)
        super().__init__(f"{path}: {self.problem}" if path else self.problem)


class UnknownKey(str):
    """The warning for a key the contract does not know: its text is the contract's English,
    ``path`` is where, for a window that says it in another language."""

    path: str

    def __new__(cls, path: str) -> UnknownKey:
        warning = super().__new__(cls, f"{path}: unknown key, ignored")
        warning.path = path
        return warning


@dataclass
class ImportResult:
    meeting_id: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class ParsedMeeting:
    """A validated meeting file: plain values ready for the services."""

    committee: dict[str, Any]
    meeting: dict[str, Any]
    attendees: list[dict[str, Any]]
    agenda: list[dict[str, Any]]
    warnings: list[str]


# --- export --------------------------------------------------------------------------


def _document_entries(
    item: AgendaItemRecord, contents: Mapping[int, bytes]
) -> list[dict[str, str]]:
    return [
        {
            "name": document.file_name,
            "media_type": document.media_type,
            "content": base64.b64encode(contents[document.id]).decode("ascii"),
        }
        for document in item.documents
    ]


def meeting_to_dict(
    record: MeetingRecord, contents: Mapping[int, bytes] | None = None
) -> dict[str, Any]:
    """The file's data; ``contents`` holds the bytes of the stukken by id, when there are any."""
    meeting: dict[str, Any] = {"title": record.title, "date": record.date.isoformat()}
    if record.start_time:
        meeting["start"] = record.start_time.strftime("%H:%M")
    if record.end_time:
        meeting["end"] = record.end_time.strftime("%H:%M")
    meeting.update(
        location=record.location,
        mode=record.mode.value,
        status=record.status.value,
        introduction=record.introduction,
        closing=record.closing,
    )
    attendees = [
        {
            "name": a.person.name,
            "organisation": a.person.organisation,
            "function": a.person.function,
            "email": a.person.email,
            "role": a.role.value,
            "presence": a.presence.value,
            "note": a.note,
        }
        for a in record.attendees
    ]
    agenda = []
    for item in record.agenda:
        entry: dict[str, Any] = {
            "number": item.number,
            "title": item.title,
            "presenter": item.presenter,
            "purpose": item.purpose.value,
            "introduction": item.introduction,
            "notes": item.notes,
            "conclusion": item.conclusion,
            "confidential": item.confidential,
        }
        if item.planned_minutes is not None:
            entry["planned_minutes"] = item.planned_minutes
        entry["decisions"] = [d.text for d in item.decisions]
        entry["actions"] = []
        for action in item.actions:
            exported: dict[str, Any] = {"description": action.description, "owner": action.owner}
            if action.due:
                exported["due"] = action.due.isoformat()
            exported["status"] = action.status.value
            entry["actions"].append(exported)
        if item.documents:  # added after version 1: a meeting without stukken is as before
            entry["documents"] = _document_entries(item, contents or {})
        agenda.append(entry)
    return {
        "format": FORMAT,
        "version": VERSION,
        "committee": {"name": record.committee.name, "contact": record.committee.contact},
        "meeting": meeting,
        "attendees": attendees,
        "agenda": agenda,
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_meeting_file(store: Store, meeting_id: int) -> str:
    record = services.load_meeting(store, meeting_id)
    contents = {
        document.id: content
        for document, content in services.documents_of_meeting(store, meeting_id)
    }
    return dumps(meeting_to_dict(record, contents))


# --- validation ----------------------------------------------------------------------


_Documents = list[tuple[str, bytes]]  # a point's stukken as read: file name, content


class _Reader:
    """Validates one file, collecting warnings; raises at the first real problem."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def object(self, value: Any, path: str, known: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise MeetingFileError(path, Problem.NOT_AN_OBJECT, got=_json_type(value))
        for key in value:
            if key not in known:
                self.warnings.append(UnknownKey(_join(path, key)))
        return value

    def list(self, parent: dict[str, Any], key: str, path: str) -> list[Any]:
        value = parent.get(key, [])
        if not isinstance(value, list):
            raise MeetingFileError(_join(path, key), Problem.NOT_A_LIST, got=_json_type(value))
        if len(value) > MAX_LIST_ENTRIES:
            raise MeetingFileError(
                _join(path, key),
                Problem.TOO_MANY_ENTRIES,
                count=len(value),
                limit=MAX_LIST_ENTRIES,
            )
        return value

    def text(
        self,
        parent: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        multiline: bool = False,
    ) -> str:
        where = _join(path, key)
        if key not in parent:
            if required:
                raise MeetingFileError(where, Problem.REQUIRED)
            return ""
        value = parent[key]
        if not isinstance(value, str):
            raise MeetingFileError(where, Problem.NOT_TEXT, got=_json_type(value))
        if required:
            try:
                return services.required_text(value, field=key)
            except services.DomainError:
                raise MeetingFileError(where, Problem.EMPTY) from None
        return services.clean_text(value, field=key, multiline=multiline)

    def markdown(self, parent: dict[str, Any], key: str, path: str) -> str:
        where = _join(path, key)
        value = parent.get(key, "")
        if not isinstance(value, str):
            raise MeetingFileError(where, Problem.NOT_TEXT, got=_json_type(value))
        return markdown.normalise(services.clean_text(value, field=key))

    def enum(
        self, parent: dict[str, Any], key: str, path: str, enum_cls: type[_Choice], default: _Choice
    ) -> _Choice:
        if key not in parent:
            return default
        value = parent[key]
        allowed = [member.value for member in enum_cls]
        if not isinstance(value, str) or value not in allowed:
            raise MeetingFileError(
                _join(path, key), Problem.NOT_ONE_OF, value=_show(value), allowed=", ".join(allowed)
            )
        return enum_cls(value)

    def date(
        self, parent: dict[str, Any], key: str, path: str, *, required: bool = False
    ) -> dt.date | None:
        where = _join(path, key)
        if key not in parent:
            if required:
                raise MeetingFileError(where, Problem.REQUIRED)
            return None
        value = parent[key]
        if isinstance(value, str) and _DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise MeetingFileError(where, Problem.NOT_A_DATE, value=_show(value))

    def time(self, parent: dict[str, Any], key: str, path: str) -> dt.time | None:
        if key not in parent:
            return None
        value = parent[key]
        if isinstance(value, str) and _TIME_RE.match(value):
            return dt.time.fromisoformat(value)
        raise MeetingFileError(_join(path, key), Problem.NOT_A_TIME, value=_show(value))

    def boolean(self, parent: dict[str, Any], key: str, path: str) -> bool:
        value = parent.get(key, False)
        if not isinstance(value, bool):
            raise MeetingFileError(_join(path, key), Problem.NOT_A_BOOLEAN, value=_show(value))
        return value

    def minutes(self, parent: dict[str, Any], key: str, path: str) -> int | None:
        if key not in parent:
            return None
        value = parent[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise MeetingFileError(_join(path, key), Problem.NOT_A_WHOLE_NUMBER, value=_show(value))
        if value > MAX_PLANNED_MINUTES:
            raise MeetingFileError(
                _join(path, key), Problem.TOO_MANY_MINUTES, value=value, limit=MAX_PLANNED_MINUTES
            )
        return value

    def documents(self, parent: dict[str, Any], path: str) -> _Documents:
        """A point's stukken under the rules of the store (services.documents)."""
        documents: _Documents = []
        names: set[str] = set()
        for index, entry in enumerate(self.list(parent, "documents", path)):
            where = f"{path}.documents[{index}]"
            entry = self.object(entry, where, _DOCUMENT_KEYS)
            name = self.document_name(entry, where)
            if name.casefold() in names:
                raise MeetingFileError(_join(where, "name"), Problem.DOCUMENT_TWICE)
            names.add(name.casefold())
            media_type = services.MEDIA_TYPES[PurePath(name).suffix.lower()]
            if "media_type" in entry and entry["media_type"] != media_type:
                raise MeetingFileError(
                    _join(where, "media_type"),
                    Problem.WRONG_FORMAT,
                    expected=media_type,
                    value=_show(entry["media_type"]),
                )
            documents.append((name, self.document_content(entry, where)))
        return documents

    def document_name(self, entry: dict[str, Any], path: str) -> str:
        where = _join(path, "name")
        value = self.text(entry, "name", path, required=True)
        try:
            name = services.document_name(value)
        except services.DomainError:
            name = ""
        if name != entry["name"]:
            raise MeetingFileError(where, Problem.NOT_A_FILE_NAME, value=_show(entry["name"]))
        if PurePath(name).suffix.lower() not in services.MEDIA_TYPES:
            raise MeetingFileError(
                where,
                Problem.FILE_TYPE_NOT_ALLOWED,
                value=_show(name),
                allowed=services.allowed_kinds(),
            )
        return name

    def document_content(self, entry: dict[str, Any], path: str) -> bytes:
        where = _join(path, "content")
        encoded = self.text(entry, "content", path, required=True)
        # Refused before decoding: the size follows from the length of the text.
        if len(encoded) // 4 * 3 > services.MAX_DOCUMENT_BYTES + 2:
            raise _document_too_large(where, len(encoded) // 4 * 3)
        try:
            content = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise MeetingFileError(where, Problem.NOT_BASE64) from None
        if not content:
            raise MeetingFileError(where, Problem.EMPTY)
        if len(content) > services.MAX_DOCUMENT_BYTES:
            raise _document_too_large(where, len(content))
        return content


def _document_too_large(path: str, size: int) -> MeetingFileError:
    return MeetingFileError(
        path, Problem.DOCUMENT_TOO_LARGE, size=size, limit=services.MAX_DOCUMENT_BYTES
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _json_type(value: Any) -> str:
    """The JSON_TYPES code of a parsed JSON value."""
    if isinstance(value, bool):
        return "boolean"
    for python_type, code in ((dict, "object"), (list, "list"), (str, "text")):
        if isinstance(value, python_type):
            return code
    return "null" if value is None else "number"


def _show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        shown = "'" + shown[1:-1] + "'"
    return shown if len(shown) <= 60 else shown[:57] + "..."


class _ObjectWithDuplicate(dict[str, Any]):
    """A JSON object in which ``duplicate`` appeared more than once (json keeps the last)."""

    duplicate: str


class _LongNumber(str):
    """A whole number too long to be meant (its digits), kept to name it by its path."""


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    flagged = _ObjectWithDuplicate(result)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            flagged.duplicate = key
            break
        seen.add(key)
    return flagged


def _whole_number(digits: str) -> int | _LongNumber:
    # int() of thousands of digits raises ValueError (or takes long): keep it as text.
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        return _LongNumber(digits)
    return int(digits)


def _check_tree(data: Any) -> None:
    """The first problem json.loads lets through, in file order, named by its JSON path."""
    pending: list[tuple[str, Any, int]] = [("", data, 0)]
    while pending:
        path, value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise MeetingFileError(path, Problem.NESTED_TOO_DEEP, limit=MAX_DEPTH)
        if isinstance(value, _LongNumber):
            raise MeetingFileError(path, Problem.NUMBER_TOO_LONG, digits=len(value.lstrip("-")))
        if isinstance(value, str):
            # JSON escapes can spell half a UTF-16 pair ("\\ud800"), which no text can store.
            if _LONE_SURROGATE.search(value):
                raise MeetingFileError(path, Problem.UNPAIRED_ESCAPE)
        elif isinstance(value, dict):
            if isinstance(value, _ObjectWithDuplicate):
                raise MeetingFileError(_join(path, value.duplicate), Problem.DUPLICATE_KEY)
            children = []
            for key, child in value.items():
                if _LONE_SURROGATE.search(key):
                    raise MeetingFileError(path, Problem.KEY_UNPAIRED_ESCAPE)
                children.append((_join(path, key), child, depth + 1))
            pending.extend(reversed(children))
        elif isinstance(value, list):
            pending.extend(
                (f"{path}[{index}]", child, depth + 1)
                for index, child in reversed(list(enumerate(value)))
            )


def _decode(source: bytes) -> Any:
    if len(source) > MAX_FILE_BYTES:
        raise _too_large(len(source))
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MeetingFileError("", Problem.NOT_UTF8, byte=exc.start) from None
    try:
        data = json.loads(text, object_pairs_hook=_object_from_pairs, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise MeetingFileError(
            "", Problem.INVALID_JSON, line=exc.lineno, column=exc.colno, detail=exc.msg
        ) from None
    except RecursionError:
        raise MeetingFileError("", Problem.JSON_TOO_DEEP) from None
    _check_tree(data)
    return data


def _too_large(size: int) -> MeetingFileError:
    return MeetingFileError("", Problem.FILE_TOO_LARGE, size=size, limit=MAX_FILE_BYTES)


def parse_meeting_file(source: bytes | str) -> ParsedMeeting:
    """Validate a whole meeting file; raise MeetingFileError naming the first problem."""
    if isinstance(source, str):
        source = source.encode("utf-8", errors="surrogatepass")
    data = _decode(bytes(source))
    reader = _Reader()
    top = reader.object(data, "", _TOP_KEYS)
    if top.get("format") != FORMAT:
        raise MeetingFileError(
            "format", Problem.WRONG_FORMAT, expected=FORMAT, value=_show(top.get("format"))
        )
    version = top.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise MeetingFileError(
            "version", Problem.WRONG_VERSION, expected=VERSION, value=_show(version)
        )

    if "committee" not in top:
        raise MeetingFileError("committee", Problem.REQUIRED)
    committee_in = reader.object(top["committee"], "committee", _COMMITTEE_KEYS)
    committee = {
        "name": reader.text(committee_in, "name", "committee", required=True),
        "contact": reader.text(committee_in, "contact", "committee", multiline=True)
        if "contact" in committee_in
        else None,
    }

    if "meeting" not in top:
        raise MeetingFileError("meeting", Problem.REQUIRED)
    meeting_in = reader.object(top["meeting"], "meeting", _MEETING_KEYS)
    meeting: dict[str, Any] = {"date": reader.date(meeting_in, "date", "meeting", required=True)}
    for key in _MEETING_TEXT_KEYS:
        meeting[key] = reader.text(meeting_in, key, "meeting")
    for key in _MEETING_MARKDOWN_KEYS:
        meeting[key] = reader.markdown(meeting_in, key, "meeting")
    meeting["start_time"] = reader.time(meeting_in, "start", "meeting")
    meeting["end_time"] = reader.time(meeting_in, "end", "meeting")
    if (
        meeting["start_time"]
        and meeting["end_time"]
        and meeting["end_time"] < meeting["start_time"]
    ):
        raise MeetingFileError("meeting.end", Problem.END_BEFORE_START, value=meeting_in["end"])
    meeting["mode"] = reader.enum(meeting_in, "mode", "meeting", MeetingMode, MeetingMode.PHYSICAL)
    meeting["status"] = reader.enum(
        meeting_in, "status", "meeting", MeetingStatus, MeetingStatus.DRAFT
    )

    attendees = []
    for index, entry in enumerate(reader.list(top, "attendees", "")):
        path = f"attendees[{index}]"
        entry = reader.object(entry, path, _ATTENDEE_KEYS)
        attendee = {"name": reader.text(entry, "name", path, required=True)}
        for key in _ATTENDEE_TEXT_KEYS:
            attendee[key] = reader.text(entry, key, path)
        attendee["role"] = reader.enum(entry, "role", path, Role, Role.MEMBER)
        attendee["presence"] = reader.enum(entry, "presence", path, Presence, Presence.PRESENT)
        attendees.append(attendee)

    agenda = []
    for index, entry in enumerate(reader.list(top, "agenda", "")):
        path = f"agenda[{index}]"
        entry = reader.object(entry, path, _AGENDA_KEYS)
        number = reader.text(entry, "number", path)
        item: dict[str, Any] = {
            "title": reader.text(entry, "title", path, required=True),
            "manual_number": "" if number in ("", str(index + 1)) else number,
            "presenter": reader.text(entry, "presenter", path),
            "purpose": reader.enum(entry, "purpose", path, Purpose, Purpose.NOTING),
            "confidential": reader.boolean(entry, "confidential", path),
            "planned_minutes": reader.minutes(entry, "planned_minutes", path),
        }
        for key in _AGENDA_MARKDOWN_KEYS:
            item[key] = reader.markdown(entry, key, path)
        decisions = []
        for d_index, decision in enumerate(reader.list(entry, "decisions", path)):
            if not isinstance(decision, str):
                raise MeetingFileError(
                    f"{path}.decisions[{d_index}]", Problem.NOT_TEXT, got=_json_type(decision)
                )
            decisions.append(markdown.normalise(services.clean_text(decision, field="decision")))
        item["decisions"] = decisions
        actions = []
        for a_index, action_in in enumerate(reader.list(entry, "actions", path)):
            a_path = f"{path}.actions[{a_index}]"
            action_in = reader.object(action_in, a_path, _ACTION_KEYS)
            actions.append(
                {
                    "description": reader.text(action_in, "description", a_path, required=True),
                    "owner": reader.text(action_in, "owner", a_path),
                    "due": reader.date(action_in, "due", a_path),
                    "status": reader.enum(
                        action_in, "status", a_path, ActionStatus, ActionStatus.OPEN
                    ),
                }
            )
        item["actions"] = actions
        item["documents"] = reader.documents(entry, path)
        agenda.append(item)

    return ParsedMeeting(committee, meeting, attendees, agenda, reader.warnings)


# --- import --------------------------------------------------------------------------


_NOT_A_FILE = {
    stat.S_IFDIR: "folder",
    stat.S_IFIFO: "pipe",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFSOCK: "socket",
}


def _refuse_unless_regular(source: object, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = _NOT_A_FILE.get(stat.S_IFMT(status.st_mode), "other")
        raise MeetingFileError("", Problem.NOT_A_FILE, source=str(source), file_kind=kind)
    if status.st_size > MAX_FILE_BYTES:
        raise _too_large(status.st_size)


def read_bounded(source: os.PathLike[str] | str) -> bytes:
    """A regular file's bytes, at most MAX_FILE_BYTES; anything else is a MeetingFileError.

    A pipe would block the reader for ever and /dev/zero never ends, so the kind of file is
    checked before opening (non-blocking, in case it was swapped) and again after.
    """
    try:
        _refuse_unless_regular(source, os.stat(source))
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as stream:
            _refuse_unless_regular(source, os.fstat(stream.fileno()))
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise MeetingFileError(
            "", Problem.CANNOT_READ, source=str(source), reason=exc.strerror or str(exc)
        ) from None
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise _too_large(len(data))
    return data


def _read_source(source: os.PathLike[str] | str | bytes) -> bytes:
    """A path (Path, or a str that is not JSON text) is read; bytes and JSON text are content."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return source.encode("utf-8")
    return read_bounded(source)


def import_meeting_file(
    store: Store, source: os.PathLike[str] | str | bytes, *, replace: bool = False
) -> ImportResult:
    """Validate, then write the meeting in one transaction; on any error nothing changes."""
    parsed = parse_meeting_file(_read_source(source))
    backup.before_risky_operation(store, backup.Reason.IMPORT)
    with store.session() as session:
        committee = _committee_for(session, parsed.committee)
        _handle_existing(session, committee, parsed.meeting, replace)
        meeting = services.create_meeting_in(session, committee, **parsed.meeting)
        for index, attendee in enumerate(parsed.attendees):
            person = services.find_or_create_person_in(
                session,
                attendee["name"],
                attendee["organisation"],
                attendee["function"],
                attendee["email"],
            )
            try:
                services.add_attendee_in(
                    session,
                    meeting,
                    person,
                    role=attendee["role"],
                    presence=attendee["presence"],
                    note=attendee["note"],
                )
            except services.DomainError:
                raise MeetingFileError(f"attendees[{index}]", Problem.PERSON_TWICE) from None
        for item_data in parsed.agenda:
            fields = {
                k: v for k, v in item_data.items() if k not in ("decisions", "actions", "documents")
            }
            item = services.add_agenda_item_in(session, meeting, **fields)
            for text in item_data["decisions"]:
                services.add_decision_in(session, item, text)
            for action in item_data["actions"]:
                services.add_action_in(session, item, **action)
            for name, content in item_data["documents"]:
                services.attach_document_in(session, item, name, content)
        return ImportResult(meeting.id, parsed.warnings)


def _committee_for(session: Session, committee_data: dict[str, Any]) -> Committee:
    return services.find_or_create_committee_in(
        session, committee_data["name"], committee_data["contact"]
    )


def _handle_existing(
    session: Session, committee: Committee, meeting: dict[str, Any], replace: bool
) -> None:
    existing = session.scalars(
        select(Meeting).where(
            Meeting.committee_id == committee.id,
            Meeting.date == meeting["date"],
            Meeting.title == meeting["title"],
        )
    ).all()
    if not existing:
        return
    if not replace:
        raise MeetingFileError(
            "meeting",
            Problem.MEETING_EXISTS,
            committee=committee.name,
            date=meeting["date"].isoformat(),
            title=meeting["title"],
            id=existing[0].id,
        )
    # --replace is an explicit request, so it may replace a vastgesteld meeting too.
    session.info[LOCK_BYPASS] = True
    for old in existing:
        session.delete(old)
    session.flush()
