"""`taskforce-desktop import-agenda FILE.docx --meeting ID [--dry-run]`."""

import datetime as dt
import subprocess
import sys

import pytest
from word_agendas import write_word_agenda

from taskforce_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from taskforce_desktop.core import approval, services


@pytest.fixture
def chair_agenda(tmp_path):
    return write_word_agenda(
        tmp_path / "agenda voorzitter.docx",
        [
            "Datum: 14 april 2031",
            "1. Opening",
            "2. Begroting 2032 (ter besluitvorming, 20 min)",
            "Inbreng: wethouder Jansen",
            "3. Rondvraag",
            "Stukken volgen per mail.",
        ],
        title="Agenda Taskforce Samen Organiseren",
    )


@pytest.fixture
def meeting_id(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    meeting = services.create_meeting(store, committee, date="2031-04-14", title="Overleg")
    services.add_agenda_item(store, meeting, "Verslag vorige vergadering")
    return meeting


def _run(data_dir, *arguments):
    return main(["--data-dir", str(data_dir), "import-agenda", *map(str, arguments)])


def _titles(store, meeting):
    return [(item.number, item.title) for item in services.load_meeting(store, meeting).agenda]


def test_the_points_are_added_and_listed(data_dir, store, meeting_id, chair_agenda, capsys):
    assert _run(data_dir, chair_agenda, "--meeting", meeting_id) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        "2  Opening  (kennisname)",
        "3  Begroting 2032  (besluitvorming, inbreng: wethouder Jansen, 20 min)",
        "4  Rondvraag  (kennisname)",
    ]
    assert _titles(store, meeting_id) == [
        ("1", "Verslag vorige vergadering"),
        ("2", "Opening"),
        ("3", "Begroting 2032"),
        ("4", "Rondvraag"),
    ]
    assert services.load_meeting(store, meeting_id).agenda[3].introduction == (
        "Stukken volgen per mail."
    )


def test_a_dry_run_shows_what_it_read_and_adds_nothing(
    data_dir, store, meeting_id, chair_agenda, capsys
):
    assert _run(data_dir, chair_agenda, "--meeting", meeting_id, "--dry-run") == EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == (
        "2  Begroting 2032  (besluitvorming, inbreng: wethouder Jansen, 20 min)"
    )
    assert _titles(store, meeting_id) == [("1", "Verslag vorige vergadering")]


def test_lines_not_understood_are_listed_after_the_points(data_dir, meeting_id, tmp_path, capsys):
    path = write_word_agenda(
        tmp_path / "agenda.docx", ["Agenda", "Graag aanmelden bij het secretariaat.", "1. Opening"]
    )
    assert _run(data_dir, path, "--meeting", meeting_id) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        "2  Opening  (kennisname)",
        "not understood: Graag aanmelden bij het secretariaat.",
    ]


def test_an_unknown_meeting_is_bad_input(data_dir, store, chair_agenda, capsys):
    assert _run(data_dir, chair_agenda, "--meeting", 12) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "taskforce-desktop: error: no meeting with id 12\n"


def test_an_approved_meeting_is_bad_input(data_dir, store, meeting_id, chair_agenda, capsys):
    approval.approve_meeting(store, meeting_id, dt.date(2031, 5, 1))
    assert _run(data_dir, chair_agenda, "--meeting", meeting_id) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        f"taskforce-desktop: error: meeting {meeting_id} is approved and cannot be changed\n"
    )
    assert _titles(store, meeting_id) == [("1", "Verslag vorige vergadering")]


def test_a_pdf_is_bad_input_with_the_way_out(data_dir, meeting_id, tmp_path, capsys):
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    assert _run(data_dir, path, "--meeting", meeting_id) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "taskforce-desktop: error: agenda.pdf is a PDF, not a Word document (.docx); "
        "save it as .docx\n"
    )


def test_a_document_without_points_is_bad_input(data_dir, meeting_id, tmp_path, capsys):
    path = write_word_agenda(tmp_path / "leeg.docx", ["Agenda", "Volgt nog."])
    assert _run(data_dir, path, "--meeting", meeting_id) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == "not understood: Volgt nog.\n"
    assert captured.err == "taskforce-desktop: error: no agenda points found in leeg.docx\n"


def test_the_command_loads_no_qt(data_dir, meeting_id, chair_agenda):
    script = (
        "import sys; from taskforce_desktop.cli import main; "
        f"code = main(['--data-dir', {str(data_dir)!r}, 'import-agenda', {str(chair_agenda)!r}, "
        f"'--meeting', '{meeting_id}', '--dry-run']); "
        "assert code == 0, code; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.splitlines()[-1] == "[]"
