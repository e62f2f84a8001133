"""Every kind of meeting-file error: Dutch in the window, the contract's English on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from taskforce_desktop import cli
from taskforce_desktop.core import meeting_file
from taskforce_desktop.core.meeting_file import MAX_FILE_BYTES, MAX_LIST_ENTRIES, Problem
from taskforce_desktop.ui import meeting_file_messages
from taskforce_desktop.ui.app import install_translators
from taskforce_desktop.ui.dialogs.simple import MeetingFileDialog
from taskforce_desktop.ui.translation import ENGLISH

FORMAT = {"format": "taskforce-verslag/meeting", "version": 1}
COMMITTEE = {"committee": {"name": "Taskforce Samen Organiseren"}}


def meeting(**fields) -> dict:
    return {**FORMAT, **COMMITTEE, "meeting": {"date": "2031-09-16", **fields}}


def with_point(**fields) -> dict:
    return {**meeting(), "agenda": [{"title": "Opening", **fields}]}


def as_json(data: dict) -> bytes:
    return json.dumps(data).encode("utf-8")


def with_stuk(**fields) -> dict:
    """A point with one stuk: a small PDF unless ``fields`` say otherwise."""
    return with_point(documents=[{"name": "notitie.pdf", "content": "JVBERi0xLjQ=", **fields}])


# kind, what the file holds (bytes, or a callable making the path itself), the JSON path,
# what the Dutch window says, and what the command line says (the contract's wording).
CASES = [
    (Problem.NOT_AN_OBJECT, as_json({**FORMAT, "committee": []}), "committee",
     "verwacht een object, maar het is een lijst", "expected an object, got a list"),
    (Problem.NOT_A_LIST, as_json({**meeting(), "attendees": {}}), "attendees",
     "verwacht een lijst, maar het is een object", "expected a list, got an object"),
    (Problem.NOT_TEXT, as_json({**FORMAT, "committee": {"name": 5}}), "committee.name",
     "verwacht tekst, maar het is een getal", "expected text, got a number"),
    (Problem.TOO_MANY_ENTRIES,
     as_json({**meeting(), "attendees": [{"name": "A"}] * (MAX_LIST_ENTRIES + 1)}), "attendees",
     "2001 onderdelen; er mogen er hoogstens 2000 zijn", "2001 entries; at most 2000 are allowed"),
    (Problem.REQUIRED, as_json({**FORMAT, **COMMITTEE, "meeting": {}}), "meeting.date",
     "ontbreekt, maar is verplicht", "is required"),
    (Problem.EMPTY, as_json({**FORMAT, "committee": {"name": "  "}}), "committee.name",
     "mag niet leeg zijn", "must not be empty"),
    (Problem.NOT_ONE_OF, as_json(meeting(mode="buiten")), "meeting.mode",
     "'buiten' is niet een van physical, online, hybrid",
     "'buiten' is not one of physical, online, hybrid"),
    (Problem.NOT_A_DATE, as_json(meeting(date="2022-13-01")), "meeting.date",
     "'2022-13-01' is geen datum (JJJJ-MM-DD)", "'2022-13-01' is not a date (YYYY-MM-DD)"),
    (Problem.NOT_A_TIME, as_json(meeting(start="25:00")), "meeting.start",
     "'25:00' is geen tijd (UU:MM, 24 uur)", "'25:00' is not a time (HH:MM, 24 h)"),
    (Problem.NOT_A_BOOLEAN, as_json(with_point(confidential="ja")), "agenda[0].confidential",
     "verwacht true of false, maar het is 'ja'", "expected true or false, got 'ja'"),
    (Problem.NOT_A_WHOLE_NUMBER, as_json(with_point(planned_minutes=-5)),
     "agenda[0].planned_minutes", "-5 is geen geheel getal van 0 of meer",
     "-5 is not a whole number >= 0"),
    (Problem.TOO_MANY_MINUTES, as_json(with_point(planned_minutes=99999)),
     "agenda[0].planned_minutes", "99999 is meer dan 10080 (een week)",
     "99999 is more than 10080 (a week)"),
    (Problem.END_BEFORE_START, as_json(meeting(start="10:00", end="09:00")), "meeting.end",
     "'09:00' ligt vóór meeting.start", "'09:00' is before meeting.start"),
    (Problem.WRONG_FORMAT, as_json({"format": "iets anders"}), "format",
     "verwacht 'taskforce-verslag/meeting', maar het is 'iets anders'",
     "expected 'taskforce-verslag/meeting', got 'iets anders'"),
    (Problem.WRONG_VERSION, as_json({**FORMAT, "version": 2}), "version",
     "verwacht versie 1, maar het is 2", "expected 1, got 2"),
    (Problem.NESTED_TOO_DEEP, b'{"extra": ' + b"[" * 20 + b"]" * 20 + b"}",
     "extra" + "[0]" * 16, "meer dan 16 niveaus diep genest", "nested more than 16 levels deep"),
    (Problem.NUMBER_TOO_LONG, b'{"version": 1234567890123456789012}', "version",
     "een getal van 22 cijfers is te lang", "a number of 22 digits is too long"),
    (Problem.UNPAIRED_ESCAPE, b'{"meeting": {"title": "\\ud800"}}', "meeting.title",
     "bevat een losse \\u-code (geen geldige tekst)",
     "contains an unpaired \\u escape (not valid text)"),
    (Problem.KEY_UNPAIRED_ESCAPE, b'{"meeting": {"\\ud800": 1}}', "meeting",
     "een veldnaam bevat een losse \\u-code", "a key contains an unpaired \\u escape"),
    (Problem.DUPLICATE_KEY, b'{"meeting": {"title": "A", "title": "B"}}', "meeting.title",
     "staat twee keer in hetzelfde object", "appears twice in the same object"),
    (Problem.FILE_TOO_LARGE, lambda folder: sparse_file(folder, MAX_FILE_BYTES + 1), "",
     "het bestand is 104.857.601 bytes groot; een vergaderbestand mag hoogstens 104.857.600 bytes",
     "the file has 104,857,601 bytes; a meeting file may have at most 104,857,600"),
    (Problem.NOT_UTF8, b'{"meeting": "\xff"}', "",
     "het bestand is geen UTF-8 (byte 13)", "the file is not UTF-8 (byte 13)"),
    (Problem.INVALID_JSON, b'{"format": "taskforce-verslag/meeting"', "",
     "geen geldige JSON op regel 1, kolom 39", "invalid JSON at line 1, column 39"),
    (Problem.JSON_TOO_DEEP, b"[" * 100_000, "",
     "geen geldige JSON: te diep genest", "invalid JSON: nested too deeply"),
    (Problem.NOT_A_FILE, lambda folder: folder, "",
     "kan niet worden gelezen: dat is een map, geen bestand", "it is a folder, not a file"),
    (Problem.CANNOT_READ, lambda folder: folder / "weg.verslag.json", "",
     "kan niet worden gelezen (No such file or directory)",
     "cannot read"),
    (Problem.PERSON_TWICE, as_json({**meeting(), "attendees": [{"name": "Anna"}] * 2}),
     "attendees[1]", "dezelfde persoon staat er twee keer in", "the same person is listed twice"),
    (Problem.NOT_A_FILE_NAME, as_json(with_stuk(name="stukken/notitie.pdf")),
     "agenda[0].documents[0].name",
     "'stukken/notitie.pdf' is geen gewone bestandsnaam (één regel, zonder map)",
     "'stukken/notitie.pdf' is not a plain file name (one line, no folder)"),
    (Problem.FILE_TYPE_NOT_ALLOWED, as_json(with_stuk(name="installeer.exe")),
     "agenda[0].documents[0].name", "'installeer.exe' is geen soort bestand die een stuk mag zijn",
     "'installeer.exe' is not a kind of file a document may be"),
    (Problem.NOT_BASE64, as_json(with_stuk(content="geen base64!")),
     "agenda[0].documents[0].content", "is geen base64", "is not base64"),
    (Problem.DOCUMENT_TOO_LARGE, as_json(with_stuk(content="A" * 34_952_544)),
     "agenda[0].documents[0].content",
     "het stuk is 26.214.408 bytes groot; een stuk mag hoogstens 26.214.400 bytes zijn",
     "the document has 26,214,408 bytes; a document may have at most 26,214,400"),
    (Problem.DOCUMENT_TWICE,
     as_json(with_point(documents=[{"name": "a.pdf", "content": "JVBERg=="}] * 2)),
     "agenda[0].documents[1].name", "een stuk met deze naam staat al bij dit agendapunt",
     "a document of this name is already listed for this point"),
]  # fmt: skip


def sparse_file(folder: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room: only its size is ever looked at."""
    path = folder / "groot.verslag.json"
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


def bad_file(folder: Path, content) -> Path:
    if callable(content):
        return content(folder)
    path = folder / "fout.verslag.json"
    path.write_bytes(content)
    return path


def test_every_kind_of_error_has_a_case_and_a_dutch_sentence():
    window_only = {Problem.MEETING_EXISTS}  # the window asks to replace it instead
    assert {case[0] for case in CASES} | window_only == set(Problem)


@pytest.mark.parametrize(
    ("kind", "content", "path", "dutch", "english"), CASES, ids=[c[0].name for c in CASES]
)
def test_the_window_says_it_in_dutch_and_the_command_line_in_english(
    qtbot, window, monkeypatch, tmp_path, capsys, kind, content, path, dutch, english
):
    folder = tmp_path / "bestanden"
    folder.mkdir()
    bad = bad_file(folder, content)
    monkeypatch.setattr(MeetingFileDialog, "ask_open", lambda *args: bad)
    window.act_import.trigger()
    qtbot.waitUntil(window.background.is_idle)
    shown = window.message_bar.text()
    assert "Het vergaderbestand kan niet worden ingelezen" in shown
    assert dutch in shown
    assert english not in shown
    if path:
        assert f"\n{path}: {dutch}" in shown

    status = cli.main(["--data-dir", str(tmp_path / "cli"), "import", str(bad)])
    said = capsys.readouterr().err
    assert status == cli.EXIT_BAD_INPUT
    assert english in said and dutch not in said
    if path:
        assert f"error: {path}: {english}" in said


def test_an_existing_meeting_is_named_in_dutch(store, tmp_path):
    sample = meeting(title="Septemberoverleg")
    meeting_file.import_meeting_file(store, as_json(sample))
    with pytest.raises(meeting_file.MeetingFileError) as refused:
        meeting_file.import_meeting_file(store, as_json(sample))
    assert "already exists" in str(refused.value) and "--replace" in str(refused.value)
    assert meeting_file_messages.describe(refused.value) == (
        "meeting: er is al een vergadering van 'Taskforce Samen Organiseren' op 2031-09-16 "
        "met de titel 'Septemberoverleg'"
    )


@pytest.mark.parametrize("kind", [Problem.NOT_A_DATE, Problem.NOT_TEXT, Problem.NOT_A_FILE])
def test_the_english_window_uses_the_contracts_wording(qapp, tmp_path, kind):
    content = next(case[1] for case in CASES if case[0] is kind)
    with pytest.raises(meeting_file.MeetingFileError) as refused:
        meeting_file.parse_meeting_file(meeting_file.read_bounded(bad_file(tmp_path, content)))
    installed = install_translators(qapp, ENGLISH)
    try:
        assert meeting_file_messages.describe(refused.value) == str(refused.value)
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)


def test_an_unknown_key_is_remarked_on_in_dutch(qtbot, window, monkeypatch, tmp_path):
    extra = bad_file(tmp_path, as_json({**meeting(title="Met kleur", colour="blauw"), "extra": 1}))
    monkeypatch.setattr(MeetingFileDialog, "ask_open", lambda *args: extra)
    window.act_import.trigger()
    qtbot.waitUntil(window.background.is_idle)
    assert window.session.meeting.title == "Met kleur"
    assert window.message_bar.text() == (
        "Ingelezen, met opmerkingen:\n"
        "extra: onbekend veld, genegeerd\nmeeting.colour: onbekend veld, genegeerd"
    )
    parsed = meeting_file.parse_meeting_file(extra.read_bytes())
    assert parsed.warnings == [
        "extra: unknown key, ignored",
        "meeting.colour: unknown key, ignored",
    ]
