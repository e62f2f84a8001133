"""The chair's Word agenda read into agenda points (issue 16), before anything is stored.

Agendas are written every way Word allows, so the reader looks for points three ways: a
numbered Word list (the numbers computed from numbering.xml as Word shows them: a second
level under 2 is "2a" or "2.1"), lines typed as "1.", "2a.", "3)", "4 -" or "Agendapunt
5:", and a table with number, title and purpose columns. A number counts as the next point
only when it goes up (a "1." typed under point 4 is a list in its text). On the point's
line, and on lines of their own under it, it finds the purpose ("ter besluitvorming"), the
presenter ("Inbreng: X", "Toelichting door X") and the planned minutes ("(15 min)",
"10.00-10.15"); the rest under a point is its introduction, in the app's Markdown.
The agenda's own heading is no point: what it says of the meeting (the date, the times,
the place) is returned apart, for the window to offer; other lines before the first point
are returned as not understood, so the window can show them.

A file can come from anyone: it is read as a regular file of at most 20 MB, refused when
its zip would unpack absurdly large, and its XML is parsed without entities or network.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import PurePath
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from taskforce_desktop.core import markdown
from taskforce_desktop.core.dutch_dates import parse_date
from taskforce_desktop.core.meeting_file import MeetingFileError, Problem, read_bounded
from taskforce_desktop.core.models import Purpose
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.safe_zip import ZipTooLarge, open_bounded_zip
from taskforce_desktop.core.services.agenda import DraftPoint
from taskforce_desktop.core.verslag import DAY_NAMES

MAX_FILE_BYTES = 20 * 1024 * 1024  # an agenda with a logo is far smaller
MAX_UNPACKED_BYTES = 64_000_000
MAX_PARTS = 1_000
MAX_PACKING_RATIO = 200

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# The stream an encrypted .docx keeps inside its compound file, named in UTF-16.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


class AgendaProblem(Enum):
    """Each kind of bad Word agenda; the value is the command line's English wording."""

    NOT_A_FILE = "cannot read {source}: it is {file_kind}, not a file"
    CANNOT_READ = "cannot read {source}: {reason}"
    FILE_TOO_LARGE = "the file has {size:,} bytes; a Word agenda may have at most {limit:,}"
    SAVE_AS_DOCX = "{name} is {format}, not a Word document (.docx); save it as .docx"
    NOT_DOCX = "{name} is not a Word document (.docx)"
    ENCRYPTED = "{name} is protected with a password; save it without one and try again"
    UNPACKS_TOO_LARGE = (
        "{name} unpacks to {unpacked:,} bytes in {entries} parts; "
        "a Word agenda may unpack to at most {limit:,}"
    )
    DAMAGED = "{name} is damaged: {detail}"


# How the command line names a file that is no .docx, by its kind (the window names its own).
FORMAT_NAMES = {
    "doc": "an old Word document (.doc)",
    "pdf": "a PDF",
    "rtf": "an RTF document",
    "odt": "an OpenDocument text (.odt)",
}
_FILE_KINDS = {
    "folder": "a folder",
    "pipe": "a named pipe",
    "device": "a device",
    "socket": "a socket",
    "other": "not a regular file",
}


class AgendaFileError(ValueError):
    """The file is no Word agenda the reader can open; ``kind`` and ``values`` say why."""

    def __init__(self, kind: AgendaProblem, **values: Any) -> None:
        self.kind = kind
        self.values = values
        named = dict(values)
        if "format" in named:
            named["format"] = FORMAT_NAMES[named["format"]]
        if "file_kind" in named:
            named["file_kind"] = _FILE_KINDS[named["file_kind"]]
        super().__init__(kind.value.format(**named))


@dataclass
class AgendaHeading:
    """What the agenda's heading says of the meeting, as written: the window reads the date
    near the meeting's own (a heading may leave out the year)."""

    date_text: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str = ""

    def date_near(self, meeting_day: dt.date) -> dt.date | None:
        """The heading's date; without a year the one nearest the meeting's. None when there
        is none, or when its weekday and date disagree ("donderdag 21 november 2031")."""
        return parse_date(self.date_text, meeting_day) if self.date_text else None

    def changes_for(self, meeting: MeetingRecord) -> dict[str, Any]:
        """What the heading says otherwise than the meeting, as ``update_meeting`` takes it:
        "date", "start_time" with "end_time", "location"."""
        changes: dict[str, Any] = {}
        day = self.date_near(meeting.date)
        if day is not None and day != meeting.date:
            changes["date"] = day
        if self.start_time is not None:
            end = self.end_time
            # A heading with only a start keeps her end, when it still comes after it.
            if end is None and meeting.end_time is not None and meeting.end_time > self.start_time:
                end = meeting.end_time
            if (self.start_time, end) != (meeting.start_time, meeting.end_time):
                changes["start_time"], changes["end_time"] = self.start_time, end
        if self.location and self.location != meeting.location:
            changes["location"] = self.location
        return changes


@dataclass
class AgendaDraft:
    points: list[DraftPoint] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    heading: AgendaHeading = field(default_factory=AgendaHeading)


# The standing points of a Dutch agenda, by the words that name them.
_STANDING_POINTS = {
    "opening": re.compile(r"^opening\b"),
    "mededelingen": re.compile(r"^mededelingen\b"),
    "verslag": re.compile(r"\b(verslag|notulen)\b.*\bvorige\b"),
    "actielijst": re.compile(r"^actielijst\b|\bactielijst\b.*\bvorige\b"),
    "rondvraag": re.compile(r"\brondvraag\b|\bw\.?v\.?t\.?t\.?k\b|wat verder ter tafel komt"),
    "sluiting": re.compile(r"\bsluiting\b"),
}


def _standing_kinds(title: str) -> set[str]:
    words = " ".join(title.casefold().split())
    return {kind for kind, pattern in _STANDING_POINTS.items() if pattern.search(words)}


def is_standing_point(title: str) -> bool:
    """Opening, Mededelingen, the review points, Rondvraag, Sluiting: on every agenda."""
    return bool(_standing_kinds(title))


def already_on_agenda(title: str, existing_titles: Iterable[str]) -> bool:
    """Whether a meeting with these points has this one already: the same title, or the same
    standing point in other words ("Opening en vaststellen agenda" beside "Opening")."""
    existing = [" ".join(other.casefold().split()) for other in existing_titles]
    if " ".join(title.casefold().split()) in existing:
        return True
    # One shared standing point is enough: a second "verslag vorige vergadering" does more
    # harm than an actielijst she ticks herself.
    return bool(_standing_kinds(title) & set().union(*map(_standing_kinds, existing)))


# --- what a line says about a point --------------------------------------------------

_PURPOSE_WORDS = {
    Purpose.NOTING: ("kennisname", "kennisneming", "informatie", "informatief"),
    Purpose.INFORMING: ("beeldvorming", "beeldvormend"),
    Purpose.OPINION: ("oordeelsvorming", "oordeelsvormend", "bespreking", "discussie"),
    Purpose.DECISION: (
        "besluitvorming",
        "besluitvormend",
        "besluit",
        "vaststelling",
        "goedkeuring",
    ),
}
_PURPOSES = {word: purpose for purpose, words in _PURPOSE_WORDS.items() for word in words}
_PURPOSE_LABEL = re.compile(r"^(?:doel|status|bespreking)\s*:\s*", re.IGNORECASE)
_PRESENTER = re.compile(
    r"^(?:inbreng|toelichting door|presentatie(?: door)?|presentator|door|wie)\s*:?\s+(\S.*)$",
    re.IGNORECASE,
)
_MINUTES = re.compile(r"^(\d{1,3})\s*(?:min(?:uten|uut)?\.?|')$", re.IGNORECASE)
_TIME = r"([01]?\d|2[0-3])[.:]([0-5]\d)"
_TIME_RANGE = re.compile(rf"^{_TIME}\s*(?:uur\s*)?[-–—]\s*{_TIME}(?:\s*uur)?$", re.IGNORECASE)
_START_TIME = re.compile(rf"^{_TIME}(?:\s*uur)?$", re.IGNORECASE)
_LEADING_TIME = re.compile(
    rf"^{_TIME}(?:\s*(?:uur\s*)?[-–—]\s*{_TIME})?(?:\s*uur)?(?:\s+|\t|\s*[-–—]\s+)(\S.*)$",
    re.IGNORECASE,
)
_TRAILING_GROUP = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_SEPARATORS = re.compile(r"\s+[-–—|]\s+|\t+")
# 'Voortgang Omgevingswet ter kennisname': the purpose typed on, without a dash or brackets.
_TRAILING_PURPOSE = re.compile(r"\s+(ter\s+\S+)$", re.IGNORECASE)


@dataclass
class _Fields:
    purpose: Purpose | None = None
    presenter: str = ""
    minutes: int | None = None
    start: int | None = None  # minutes after midnight, for a point that gives only its start

    def take(self, other: _Fields) -> None:
        self.purpose = self.purpose or other.purpose
        self.presenter = self.presenter or other.presenter
        self.minutes = self.minutes if self.minutes is not None else other.minutes
        self.start = self.start if self.start is not None else other.start


def _purpose_of(text: str) -> Purpose | None:
    words = _PURPOSE_LABEL.sub("", text.strip()).casefold().rstrip(".:")
    words = words.removeprefix("ter ").strip()
    return _PURPOSES.get(words)


def _field_of(part: str) -> _Fields | None:
    """The one field a short text names ('ter besluitvorming', 'inbreng: X', '15 min')."""
    part = part.strip().strip(",;")
    purpose = _purpose_of(part)
    if purpose is not None:
        return _Fields(purpose=purpose)
    if presenter := _PRESENTER.match(part):
        return _Fields(presenter=presenter.group(1).strip())
    if minutes := _MINUTES.match(part):
        return _Fields(minutes=int(minutes.group(1)))
    if span := _TIME_RANGE.match(part):
        start, end = _minute_of(span.group(1), span.group(2)), _minute_of(*span.group(3, 4))
        return _Fields(minutes=end - start, start=start) if end > start else None
    if start_time := _START_TIME.match(part):
        return _Fields(start=_minute_of(*start_time.group(1, 2)))
    return None


def _minute_of(hours: str, minutes: str) -> int:
    return int(hours) * 60 + int(minutes)


def _fields_of(text: str) -> _Fields | None:
    """The fields when the whole text is fields ('ter besluit, inbreng X'), else None."""
    parts = [part for part in re.split(r"[,;]\s*|\s+[-–—]\s+|\t+", text) if part.strip()]
    found = _Fields()
    for part in parts:
        one = _field_of(part)
        if one is None:
            return None
        found.take(one)
    return found if parts else None


def _title_and_fields(text: str) -> tuple[str, _Fields]:
    """'Begroting 2027 (ter besluitvorming, inbreng: wethouder) - 20 min' taken apart."""
    found = _Fields()
    if leading := _LEADING_TIME.match(text):
        time_part = text[: leading.start(5)].strip().rstrip("-–—").strip()
        found.take(_field_of(time_part) or _Fields())
        text = leading.group(5)
    changed = True
    while changed:
        changed = False
        group = _TRAILING_GROUP.search(text)
        if group and (fields := _fields_of(group.group(1))) is not None:
            found.take(fields)
            text, changed = text[: group.start()].rstrip(), True
            continue
        pieces = _SEPARATORS.split(text)
        if len(pieces) > 1 and (fields := _fields_of(pieces[-1])) is not None:
            found.take(fields)
            text = text[: text.rfind(pieces[-1])].rstrip().rstrip("-–—|").rstrip()
            changed = True
            continue
        typed_on = _TRAILING_PURPOSE.search(text)
        if typed_on and (purpose := _purpose_of(typed_on.group(1))) is not None:
            found.take(_Fields(purpose=purpose))
            text, changed = text[: typed_on.start()], True
    return " ".join(text.split()).rstrip(":"), found


# --- the numbers of points -----------------------------------------------------------

_TYPED_NUMBER = re.compile(
    r"^(?:(?:agenda)?punt\s+(?P<named>\d{1,2}(?:\.\d{1,2}|[a-z])?)[.:)]?\s+"
    r"|(?P<number>\d{1,2}(?:\.\d{1,2}\.?|[a-z])?)(?:\s*[.):]\s*|\s+[-–—]\s+|\t+|(?<=[a-z.])\s+))"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _number_key(number: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"(\d{1,2})(?:\.(\d{1,2})|([a-z]))?\.?", number.strip(), re.IGNORECASE)
    if match is None:
        return None
    sub = match.group(2) or match.group(3) or ""
    return int(match.group(1)), sub.zfill(2) if sub.isdigit() else sub.casefold()


def _follows(number: str, previous: str | None) -> bool:
    """Whether a point numbered ``number`` can come after one numbered ``previous``."""
    key = _number_key(number)
    if key is None:
        return False
    if previous is None:
        return True
    last = _number_key(previous)
    if last is None:
        return True
    return key[0] > last[0] or (key[0] == last[0] and key[1] > last[1])


def _starts_with_a_time(text: str) -> bool:
    """'10.00 Opening', '10:00-10:15 Opening'; '2.1 Financiën' is a number, not 2:01."""
    leading = _LEADING_TIME.match(text)
    return leading is not None and (int(leading.group(1)) >= 7 or ":" in text[: leading.end(2)])


def _typed_point(text: str, previous: str | None) -> tuple[str, str] | None:
    """('2a', 'Begroting') for a line typed as a numbered point that fits the order."""
    match = _TYPED_NUMBER.match(text)
    if match is None:
        return None
    number = (match.group("named") or match.group("number")).rstrip(".")
    if not _follows(number, previous):
        return None
    return number, match.group("rest")


# --- Word's numbered lists -----------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _shown(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, digits in _ROMAN:
            while value >= amount:
                roman, value = roman + digits, value - amount
        return roman.upper() if number_format == "upperRoman" else roman
    return str(value)


@dataclass(frozen=True)
class _Level:
    number_format: str
    text: str
    start: int


class _Numbering:
    """The numbers Word shows for list paragraphs, counted in document order."""

    def __init__(self, numbering: Any | None) -> None:
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[str] = set()
        if numbering is None:
            return
        for abstract in numbering.iter(_w("abstractNum")):
            levels = {}
            for level in abstract.iter(_w("lvl")):
                levels[int(level.get(_w("ilvl"), "0"))] = _Level(
                    _child_value(level, "numFmt") or "decimal",
                    _child_value(level, "lvlText") or "",
                    int(_child_value(level, "start") or "1"),
                )
            self.levels[abstract.get(_w("abstractNumId"), "")] = levels
        for num in numbering.iter(_w("num")):
            num_id = num.get(_w("numId"), "")
            self.abstract_of[num_id] = _child_value(num, "abstractNumId") or ""
            for override in num.iter(_w("lvlOverride")):
                start = _child_value(override, "startOverride")
                if start is not None:
                    level = int(override.get(_w("ilvl"), "0"))
                    self.overrides.setdefault(num_id, {})[level] = int(start)

    def level(self, num_id: str, level: int) -> _Level | None:
        return self.levels.get(self.abstract_of.get(num_id, ""), {}).get(level)

    def next_label(self, num_id: str, level: int) -> str:
        """The label Word shows ('2a.', '3.1', '•'), counting this paragraph."""
        abstract = self.abstract_of.get(num_id, "")
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, {})
        if num_id in self.overrides and num_id not in self.restarted:
            # A list that starts again (Word's "Opnieuw nummeren") from its own start.
            self.restarted.add(num_id)
            for overridden, start in self.overrides[num_id].items():
                counters[overridden] = start - 1
        own = levels.get(level, _Level("decimal", f"%{level + 1}.", 1))
        counters[level] = counters.get(level, own.start - 1) + 1
        for deeper in [deeper for deeper in counters if deeper > level]:
            del counters[deeper]

        def number_of(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            format_ = levels.get(shown, own).number_format
            start = levels.get(shown, own).start
            return _shown(counters.get(shown, start), format_)

        return re.sub(r"%(\d)", number_of, own.text)


def _child_value(element: Any, name: str) -> str | None:
    child = element.find(_w(name))
    return None if child is None else child.get(_w("val"))


# --- the document's paragraphs -------------------------------------------------------


@dataclass
class _Line:
    """One paragraph as the reader needs it."""

    runs: tuple[markdown.Run, ...]
    style: str = ""
    list_label: str | None = None  # as Word shows it: '2a.', '•'; None outside a list
    list_level: int = 0
    bullet: bool = False

    @property
    def text(self) -> str:
        return " ".join(markdown.plain(self.runs).split(" ")).strip()


_SKIPPED = {_w("del"), _w("moveFrom"), _w("drawing"), _w("pict"), _w("instrText")}
_SKIPPED_OTHER = ("AlternateContent",)


def _runs_of(paragraph: Any) -> tuple[markdown.Run, ...]:
    runs: list[markdown.Run] = []

    def walk(element: Any, bold: bool, italic: bool) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIPPED or tag.endswith(_SKIPPED_OTHER):
                continue
            if tag == _w("r"):
                properties = child.find(_w("rPr"))
                run_bold = _switched_on(properties, "b")
                run_italic = _switched_on(properties, "i")
                walk(child, run_bold, run_italic)
            elif tag == _w("t"):
                runs.append(markdown.Run(child.text or "", bold, italic))
            elif tag in (_w("tab"), _w("br"), _w("cr")):
                runs.append(markdown.Run("\t" if tag == _w("tab") else "\n", bold, italic))
            elif tag != _w("pPr"):
                walk(child, bold, italic)

    walk(paragraph, False, False)
    return markdown.normalise_runs(runs)


def _switched_on(properties: Any | None, name: str) -> bool:
    if properties is None:
        return False
    element = properties.find(_w(name))
    return element is not None and element.get(_w("val"), "true") not in ("0", "false", "off")


class _Styles:
    """Paragraph styles: their names and the list they number their paragraphs in."""

    def __init__(self, styles: Any | None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        if styles is None:
            return
        for style in styles.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            self.names[style_id] = (_child_value(style, "name") or style_id).casefold()
            self.based_on[style_id] = _child_value(style, "basedOn") or ""
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None and _child_value(num_pr, "numId"):
                level = int(_child_value(num_pr, "ilvl") or "0")
                self.numbering[style_id] = (_child_value(num_pr, "numId") or "", level)

    def list_of(self, style_id: str) -> tuple[str, int] | None:
        seen = set()
        while style_id and style_id not in seen:
            if style_id in self.numbering:
                return self.numbering[style_id]
            seen.add(style_id)
            style_id = self.based_on.get(style_id, "")
        return None


def _line_of(paragraph: Any, styles: _Styles, numbering: _Numbering) -> _Line:
    properties = paragraph.find(_w("pPr"))
    style = "" if properties is None else _child_value(properties, "pStyle") or ""
    line = _Line(_runs_of(paragraph), styles.names.get(style, style.casefold()))
    num_pr = None if properties is None else properties.find(_w("numPr"))
    listed = styles.list_of(style)
    num_id, level = listed if listed else ("", 0)
    if num_pr is not None:
        num_id = _child_value(num_pr, "numId") or num_id
        level = int(_child_value(num_pr, "ilvl") or level)
    if num_id and num_id != "0":
        own = numbering.level(num_id, level)
        line.list_label = numbering.next_label(num_id, level)
        line.list_level = level
        line.bullet = own is not None and own.number_format in ("bullet", "none")
    return line


def _body_items(
    body: Any, styles: _Styles, numbering: _Numbering
) -> Iterator[_Line | list[list[str]]]:
    """The body's paragraphs and tables in order (a table as its rows of cell texts)."""
    for element in body:
        if element.tag == _w("p"):
            yield _line_of(element, styles, numbering)
        elif element.tag == _w("tbl"):
            rows = []
            for row in element.iter(_w("tr")):
                cells = []
                for cell in row.findall(_w("tc")):
                    texts = [_line_of(p, styles, numbering).text for p in cell.iter(_w("p"))]
                    cells.append("\n".join(text for text in texts if text))
                rows.append(cells)
            yield rows
        elif element.tag == _w("sdt"):
            content = element.find(_w("sdtContent"))
            if content is not None:
                yield from _body_items(content, styles, numbering)


# --- reading ----------------------------------------------------------------------------


def _refuse_other_formats(data: bytes, name: str) -> None:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise AgendaFileError(AgendaProblem.ENCRYPTED, name=name)
        raise AgendaFileError(AgendaProblem.SAVE_AS_DOCX, name=name, format="doc")
    if data.startswith(b"%PDF"):
        raise AgendaFileError(AgendaProblem.SAVE_AS_DOCX, name=name, format="pdf")
    if data.lstrip().startswith(b"{\\rtf"):
        raise AgendaFileError(AgendaProblem.SAVE_AS_DOCX, name=name, format="rtf")
    if not data.startswith(b"PK"):
        raise AgendaFileError(AgendaProblem.NOT_DOCX, name=name)


def _read_file(path: os.PathLike[str] | str) -> bytes:
    """The file's bytes, read the way a meeting file is, but refused above MAX_FILE_BYTES."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # reading it names the problem
    try:
        data = b"" if size > MAX_FILE_BYTES else read_bounded(path)
    except MeetingFileError as error:
        kind = {
            Problem.NOT_A_FILE: AgendaProblem.NOT_A_FILE,
            Problem.CANNOT_READ: AgendaProblem.CANNOT_READ,
            Problem.FILE_TOO_LARGE: AgendaProblem.FILE_TOO_LARGE,
        }[error.kind]
        raise AgendaFileError(kind, **{**error.values, "limit": MAX_FILE_BYTES}) from None
    size = max(size, len(data))
    if size > MAX_FILE_BYTES:
        raise AgendaFileError(AgendaProblem.FILE_TOO_LARGE, size=size, limit=MAX_FILE_BYTES)
    return data


def _part(archive: zipfile.ZipFile, name: str, file_name: str) -> Any | None:
    try:
        return etree.fromstring(archive.read(name), _SAFE_XML)
    except KeyError:
        return None
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, ValueError) as error:
        raise AgendaFileError(AgendaProblem.DAMAGED, name=file_name, detail=str(error)) from None


def _targets(archive: zipfile.ZipFile, part: str, file_name: str) -> dict[str, str]:
    """A part's related parts by the last word of their type ('styles', 'numbering')."""
    folder, _, base = part.rpartition("/")
    rels = _part(archive, f"{folder}/_rels/{base}.rels".lstrip("/"), file_name)
    found = {}
    for relation in [] if rels is None else rels.iter(f"{_REL_NS}Relationship"):
        target = relation.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
        found[relation.get("Type", "").rsplit("/", 1)[-1]] = path
    return found


def read_word_agenda(path: os.PathLike[str] | str) -> AgendaDraft:
    """The points of the Word agenda at ``path``; AgendaFileError when it cannot be read."""
    name = PurePath(path).name
    data = _read_file(path)
    _refuse_other_formats(data, name)
    try:
        archive = open_bounded_zip(
            data,
            max_unpacked=MAX_UNPACKED_BYTES,
            max_entries=MAX_PARTS,
            max_ratio=MAX_PACKING_RATIO,
        )
    except ZipTooLarge as refused:
        raise AgendaFileError(
            AgendaProblem.UNPACKS_TOO_LARGE,
            name=name,
            unpacked=refused.unpacked,
            entries=refused.entries,
            limit=MAX_UNPACKED_BYTES,
        ) from None
    except zipfile.BadZipFile as error:
        raise AgendaFileError(AgendaProblem.DAMAGED, name=name, detail=str(error)) from None
    with archive:
        if "mimetype" in archive.namelist() and b"opendocument" in archive.read("mimetype"):
            raise AgendaFileError(AgendaProblem.SAVE_AS_DOCX, name=name, format="odt")
        main = _targets(archive, "", name).get("officeDocument", "word/document.xml")
        document = _part(archive, main, name)
        if document is None or document.find(_w("body")) is None:
            raise AgendaFileError(AgendaProblem.NOT_DOCX, name=name)
        related = _targets(archive, main, name)
        styles = _Styles(_part(archive, related["styles"], name) if "styles" in related else None)
        numbering = _Numbering(
            _part(archive, related["numbering"], name) if "numbering" in related else None
        )
        return _AgendaReader().read(_body_items(document.find(_w("body")), styles, numbering))


# --- from lines to points ------------------------------------------------------------

_HEADING_LABEL = re.compile(
    r"^(datum|dag|tijd|tijdstip|aanvang|plaats|locatie|adres|ruimte|zaal|waar|wanneer|"
    r"online|link|teams|aan|van|cc|kenmerk|voorzitter|secretaris|notulist|"
    r"onderwerp|vergadering|overleg|bijeenkomst)\b\s*:?",
    re.IGNORECASE,
)
_HEADING_WORDS_AT_MOST = 6
_HEADING_WORDS = re.compile(r"\b(agenda|uitnodiging|convocatie|vergadering)\b", re.IGNORECASE)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
# In the heading: "donderdag 14 november 2031", "14 november", "14-11-2031".
_HEADING_DATE = re.compile(
    rf"\b(?:(?:{'|'.join(DAY_NAMES)})\s+)?\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
    r"|\b\d{1,2}-\d{1,2}-\d{4}\b",
    re.IGNORECASE,
)
# "10.00 - 12.00 uur", "van 19.30 tot 21.30", "aanvang 19.30 uur"; never part of a date
# written with dots (14.11.2031).
_CLOCK = rf"(?<![\d.:]){_TIME}(?![.:]?\d)"
_CLOCK_IN_TEXT = re.compile(_CLOCK)
_HEADING_TIMES = re.compile(rf"{_CLOCK}\s*(?:uur\s*)?(?:[-–—]|tot)\s*{_CLOCK}", re.IGNORECASE)
_HEADING_START = re.compile(
    rf"{_CLOCK}\s*uur\b|\b(?:aanvang|tijd|tijdstip|vanaf|om)\s*:?\s*{_CLOCK}", re.IGNORECASE
)
_HEADING_PLACE = re.compile(
    r"^(plaats|locatie|adres|ruimte|zaal|waar)\s*:\s*(\S.*)$", re.IGNORECASE
)
# Named with the place they are in: "Stadhuis, zaal 2.14", not "Stadhuis, 2.14".
_ROOM_LABELS = ("ruimte", "zaal")
# A bullet or a number typed by hand at the start of a line in a point's text.
_BULLET = re.compile(r"^[-•–*·▪o]\s+(?=\S)")
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")

_TABLE_COLUMNS = {
    "title": ("onderwerp", "titel", "omschrijving"),
    # "Agendapunt" heads the numbers beside an Onderwerp column, else the titles.
    "number": ("nr", "nummer", "no", "#", "agendapunt nr", "punt", "agendapunt"),
    "purpose": ("doel", "status", "bespreking", "aard", "ter"),
    "presenter": ("inbreng", "wie", "door", "toelichting", "presentatie", "portefeuillehouder"),
    "time": ("tijd", "duur", "minuten", "min", "min.", "tijdsduur", "planning"),
}


@dataclass
class _Point:
    number: str
    title: str
    fields: _Fields
    blocks: list[markdown.Block] = field(default_factory=list)
    list_base: int = 0  # the Word list level of the list the text is in now

    def draft(self) -> DraftPoint:
        return DraftPoint(
            number=self.number,
            title=self.title,
            purpose=self.fields.purpose or Purpose.NOTING,
            presenter=self.fields.presenter,
            introduction=markdown.render(tuple(self.blocks)),
            planned_minutes=self.fields.minutes,
            standing=is_standing_point(self.title),
        )


class _AgendaReader:
    def __init__(self) -> None:
        self.points: list[_Point] = []
        self.not_understood: list[str] = []
        self.lines_before_points = 0
        self.heading = AgendaHeading()

    @property
    def last_number(self) -> str | None:
        numbered = [point.number for point in self.points if point.number]
        return numbered[-1] if numbered else None

    def read(self, items: Iterator[_Line | list[list[str]]]) -> AgendaDraft:
        for item in items:
            if isinstance(item, list):
                self._table(item)
            else:
                for line in _split_breaks(item):
                    self._line(line)
        return AgendaDraft(
            [self._with_planned_minutes(index) for index in range(len(self.points))],
            self.not_understood,
            self.heading,
        )

    def _with_planned_minutes(self, index: int) -> DraftPoint:
        """A point that gives only its start lasts until the next point starts."""
        draft = self.points[index].draft()
        start = self.points[index].fields.start
        following = self.points[index + 1].fields.start if index + 1 < len(self.points) else None
        if draft.planned_minutes is None and start is not None and following is not None:
            if following > start:
                return replace(draft, planned_minutes=following - start)
        return draft

    def _add_point(self, number: str, text: str) -> None:
        title, fields = _title_and_fields(text)
        self.points.append(_Point(number, title or text.strip(), fields))

    def _line(self, line: _Line) -> None:
        text = line.text
        if not text:
            return
        if line.list_label is not None and not line.bullet:
            number = re.sub(r"[^\w.]+$", "", line.list_label).rstrip(".")
            if _follows(number, self.last_number):
                self._add_point(number, text)
                return
        if line.list_label is None:
            if _starts_with_a_time(text):
                self._add_point("", text)
                return
            typed = _typed_point(text, self.last_number)
            if typed is not None:
                self._add_point(*typed)
                return
        if not self.points:
            self._before_points(line)
            return
        point = self.points[-1]
        fields = _fields_of(text)
        if fields is not None:
            point.fields.take(fields)
            return
        _append_block(point, line)

    def _before_points(self, line: _Line) -> None:
        self.lines_before_points += 1
        text = line.text
        heading = (
            self.lines_before_points == 1
            or line.style.startswith(("title", "titel", "heading", "kop", "subtitle", "ondertitel"))
            or _HEADING_LABEL.match(text)
            # A short line naming the meeting or its date, not a sentence that mentions one
            # ("Aanmelden vóór 10 april bij het secretariaat.").
            or (len(text.split()) <= _HEADING_WORDS_AT_MOST and _HEADING_WORDS.search(text))
            or (len(text.split()) <= _HEADING_WORDS_AT_MOST and _HEADING_DATE.search(text))
            or _when_and_where(text)
            or _fields_of(text) is not None
        )
        if heading:
            _read_heading_line(self.heading, text)
        else:
            self.not_understood.append(text)

    def _table(self, rows: list[list[str]]) -> None:
        columns, body = _columns_of(rows)
        if columns is None:
            for cells in rows:
                for text in [" ".join(cell.split()) for cell in cells]:
                    if text:
                        self._line(_Line((markdown.Run(text),)))
            return
        for cells in body:
            self._table_row(columns, cells)

    def _table_row(self, columns: dict[str, int], cells: list[str]) -> None:
        def cell(name: str) -> str:
            index = columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        number = cell("number").rstrip(".")
        title_lines = cell("title").splitlines()
        typed = _typed_point(title_lines[0], None) if title_lines and not number else None
        if typed is not None:  # "1. Opening" typed in the title column
            number, title_lines[0] = typed
        if not title_lines:
            if any(text.strip() for text in cells):
                self.not_understood.append(" ".join(" ".join(cells).split()))
            return
        self._add_point(number if _number_key(number) else "", title_lines[0])
        point = self.points[-1]
        for text in title_lines[1:]:
            self._line(_Line((markdown.Run(text),)))
        point.fields.take(
            _Fields(
                purpose=_purpose_of(cell("purpose")),
                presenter=cell("presenter").replace("\n", ", "),
            )
        )
        point.fields.take(_fields_of(cell("time")) or _Fields())


def _when_and_where(text: str) -> bool:
    """ "Donderdag 15 januari 2032, 10.00 uur, stadhuis Noordstad": the date first, then a
    time (a line that starts with a date but gives no time may be a deadline: "10 april:
    stukken aanleveren")."""
    return bool(_HEADING_DATE.match(text) and _CLOCK_IN_TEXT.search(text))


def _read_heading_line(heading: AgendaHeading, text: str) -> None:
    """Take the meeting's date, times and place from a heading line; the first one counts,
    except places, which add up ("Locatie: Stadhuis", "Zaal: 2.14")."""
    if not heading.date_text and (date := _HEADING_DATE.search(text)):
        heading.date_text = date.group()
    if heading.start_time is None:
        if times := _HEADING_TIMES.search(text):
            heading.start_time = dt.time(int(times.group(1)), int(times.group(2)))
            heading.end_time = dt.time(int(times.group(3)), int(times.group(4)))
        elif start := _HEADING_START.search(text):
            hours, minutes = start.group(1, 2) if start.group(1) else start.group(3, 4)
            heading.start_time = dt.time(int(hours), int(minutes))
    if place := _HEADING_PLACE.match(text):
        label, value = place.group(1).casefold(), place.group(2).strip()
        part = f"{label} {value}" if label in _ROOM_LABELS else value
        heading.location = ", ".join(filter(None, [heading.location, part]))
    elif not heading.location and _when_and_where(text):
        # The place comes after the date and the time, unlabelled.
        parts = [part.strip() for part in text.split(",")]
        heading.location = ", ".join(
            part
            for part in parts
            if part and not _HEADING_DATE.search(part) and not _CLOCK_IN_TEXT.search(part)
        )


def _columns_of(rows: list[list[str]]) -> tuple[dict[str, int] | None, list[list[str]]]:
    """The agenda columns of a table and its rows below the header; None when it is none."""
    for index, cells in enumerate(rows[:2]):
        words = [" ".join(text.casefold().split()).rstrip(":.") for text in cells]
        columns: dict[str, int] = {}
        for name, names in _TABLE_COLUMNS.items():
            for position, word in enumerate(words):
                if word in names and position not in columns.values():
                    columns[name] = position
                    break
        if "title" not in columns:
            spare = [
                position
                for position, word in enumerate(words)
                if word in ("agendapunt", "punt") and position not in columns.values()
            ]
            if spare:
                columns["title"] = spare[0]
            elif "number" in columns:
                columns["title"] = columns.pop("number")
        if "title" in columns and len(columns) >= 2:
            return columns, rows[index + 1 :]
    numbered = [cells for cells in rows if cells and _number_key(cells[0].rstrip("."))]
    if len(rows) >= 2 and len(numbered) >= len(rows) - 1 and all(len(c) >= 2 for c in numbered):
        guessed = {"number": 0, "title": 1}
        for position in range(2, max(len(cells) for cells in numbered)):
            values = [cells[position] for cells in numbered if position < len(cells)]
            if any(_purpose_of(value) for value in values):
                guessed["purpose"] = position
            elif any(_fields_of(value) for value in values):
                guessed["time"] = position
            else:
                guessed.setdefault("presenter", position)
        return guessed, [cells for cells in rows if cells in numbered]
    return None, rows


def _split_breaks(line: _Line) -> Iterator[_Line]:
    """A paragraph with line breaks (Shift+Enter) is read as its lines."""
    if not any("\n" in run.text for run in line.runs):
        yield line
        return
    current: list[markdown.Run] = []
    first = True
    for run in [*line.runs, markdown.Run("\n")]:
        head, *rest = run.text.split("\n")
        current.append(markdown.Run(head, run.bold, run.italic))
        for piece in rest:
            yield replace(
                line,
                runs=markdown.normalise_runs(current),
                list_label=line.list_label if first else None,
            )
            first = False
            current = [markdown.Run(piece, run.bold, run.italic)]


def _append_block(point: _Point, line: _Line) -> None:
    """The line as Markdown under a point: a paragraph, or an item of a list."""
    blocks = point.blocks
    runs = _stripped(line.runs)
    typed = _typed_marker(line.text) if line.list_label is None else None
    if line.list_label is None and typed is None:
        blocks.append(markdown.Paragraph(runs))
        return
    item = markdown.ListItem(_without_marker(runs, typed) if typed else runs)
    ordered = typed is _LIST_NUMBER or (line.list_label is not None and not line.bullet)
    previous = blocks[-1] if blocks else None
    if not isinstance(previous, markdown.ListBlock):
        point.list_base = line.list_level
        blocks.append(markdown.ListBlock(ordered, (item,)))
    elif line.list_level > point.list_base and previous.items:
        # One level deeper than the list it is in: the app's lists nest one level.
        parent = previous.items[-1]
        children = parent.children or markdown.ListBlock(ordered)
        nested = replace(children, items=(*children.items, item))
        blocks[-1] = replace(
            previous, items=(*previous.items[:-1], replace(parent, children=nested))
        )
    elif previous.ordered == ordered:
        blocks[-1] = replace(previous, items=(*previous.items, item))
    else:
        point.list_base = line.list_level
        blocks.append(markdown.ListBlock(ordered, (item,)))


def _typed_marker(text: str) -> re.Pattern[str] | None:
    """The list marker typed at the start of a line ('- ', '• ', '1. '), if any."""
    return next((marker for marker in (_BULLET, _LIST_NUMBER) if marker.match(text)), None)


def _without_marker(
    runs: tuple[markdown.Run, ...], marker: re.Pattern[str]
) -> tuple[markdown.Run, ...]:
    """The runs of a typed list item ('• tekst', '1. tekst') without its marker."""
    first, *rest = runs
    text = marker.sub("", first.text.lstrip())
    return markdown.normalise_runs([markdown.Run(text, first.bold, first.italic), *rest])


def _stripped(runs: tuple[markdown.Run, ...]) -> tuple[markdown.Run, ...]:
    cleaned = [
        markdown.Run(" ".join(run.text.replace("\t", " ").split(" ")), run.bold, run.italic)
        for run in runs
    ]
    return markdown.normalise_runs(cleaned)
