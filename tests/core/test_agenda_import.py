"""The chair's Word agenda read into points: real .docx files built here with python-docx."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from word_agendas import write_word_agenda

from taskforce_desktop.core import approval, services
from taskforce_desktop.core.agenda_import import (
    AgendaFileError,
    AgendaProblem,
    already_on_agenda,
    read_word_agenda,
)
from taskforce_desktop.core.models import Purpose
from taskforce_desktop.core.services import DraftPoint

_LIST_NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{second}"/><w:lvlText w:val="{text}"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
"""


def _numbered_list(document, second="lowerLetter", text="%1%2."):
    """A Word list like Word makes one: decimal, then letters (2a.) or 2.1, then bullets."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_LIST_NUMBERING.format(ns=nsdecls("w"), second=second, text=text))
    numbering.insert(0, abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    return "90"


def _listed(document, text, num_id, level=0):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            "</w:numPr>"
        )
    )
    return paragraph


def _saved(document, tmp_path: Path, name="agenda.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def _summary(draft):
    return [(p.number, p.title, p.purpose, p.presenter, p.planned_minutes) for p in draft.points]


def test_a_numbered_word_list_gives_the_numbers_word_shows(tmp_path):
    document = docx.Document()
    document.add_paragraph("Agenda Taskforce Samen Organiseren", style="Title")
    document.add_paragraph("Datum: donderdag 12 maart 2026")
    document.add_paragraph("Tijd: 10.00 - 12.00 uur")
    num_id = _numbered_list(document)
    _listed(document, "Opening en mededelingen", num_id)
    _listed(document, "Jaarplan 2027 (ter besluitvorming)", num_id)
    document.add_paragraph("Inbreng: wethouder De Vries")
    document.add_paragraph("Het college vraagt de taskforce om advies over het jaarplan.")
    _listed(document, "Verdeling van de middelen", num_id, level=2)
    _listed(document, "Planning van de uitvoering", num_id, level=2)
    _listed(document, "Subsidieregeling wijkinitiatieven - ter bespreking", num_id, level=1)
    _listed(document, "Rondvraag", num_id)
    draft = read_word_agenda(_saved(document, tmp_path))

    assert _summary(draft) == [
        ("1", "Opening en mededelingen", Purpose.NOTING, "", None),
        ("2", "Jaarplan 2027", Purpose.DECISION, "wethouder De Vries", None),
        ("2a", "Subsidieregeling wijkinitiatieven", Purpose.OPINION, "", None),
        ("3", "Rondvraag", Purpose.NOTING, "", None),
    ]
    assert draft.points[1].introduction == (
        "Het college vraagt de taskforce om advies over het jaarplan.\n\n"
        "- Verdeling van de middelen\n- Planning van de uitvoering"
    )
    assert draft.not_understood == []


def test_a_second_level_numbered_as_two_point_one(tmp_path):
    document = docx.Document()
    num_id = _numbered_list(document, second="decimal", text="%1.%2")
    _listed(document, "Opening", num_id)
    _listed(document, "Financiën", num_id)
    _listed(document, "Jaarrekening 2025 (ter vaststelling)", num_id, level=1)
    _listed(document, "Begroting 2027 (ter goedkeuring, 20 min)", num_id, level=1)
    draft = read_word_agenda(_saved(document, tmp_path))
    assert _summary(draft) == [
        ("1", "Opening", Purpose.NOTING, "", None),
        ("2", "Financiën", Purpose.NOTING, "", None),
        ("2.1", "Jaarrekening 2025", Purpose.DECISION, "", None),
        ("2.2", "Begroting 2027", Purpose.DECISION, "", 20),
    ]


def test_numbers_typed_by_hand_in_every_common_way(tmp_path):
    path = write_word_agenda(
        tmp_path / "agenda.docx",
        [
            "1. Opening",
            "2a. Verslag vorige vergadering (ter vaststelling)",
            "3) Voortgang wijkteams (ter informatie, toelichting door Fatima el Amrani)",
            "4 - Inkoopstrategie jeugdhulp – ter oordeelsvorming",
            "De taskforce bespreekt twee varianten:",
            "1. inkoop per regio",
            "2. inkoop per gemeente",
            "Agendapunt 5: Rondvraag (10 minuten)",
        ],
        title="Agenda",
    )
    draft = read_word_agenda(path)
    assert _summary(draft) == [
        ("1", "Opening", Purpose.NOTING, "", None),
        ("2a", "Verslag vorige vergadering", Purpose.DECISION, "", None),
        ("3", "Voortgang wijkteams", Purpose.NOTING, "Fatima el Amrani", None),
        ("4", "Inkoopstrategie jeugdhulp", Purpose.OPINION, "", None),
        ("5", "Rondvraag", Purpose.NOTING, "", 10),
    ]
    # A "1." under point 4 counts back, so it is a list in the point's text, not a point.
    assert draft.points[3].introduction == (
        "De taskforce bespreekt twee varianten:\n\n1. inkoop per regio\n2. inkoop per gemeente"
    )


def test_a_purpose_typed_on_after_the_title_without_a_dash(tmp_path):
    lines = [
        "1. Voortgang Omgevingswet ter kennisname",
        "2. Begroting 2027 ter oordeelsvorming (30 min)",
        "3. Ter kennisname: stand van zaken",  # not at the end: part of the title
        "4. Motie ter info",  # not a purpose word: stays as typed
    ]
    draft = read_word_agenda(write_word_agenda(tmp_path / "a.docx", lines, title="Agenda"))
    assert _summary(draft) == [
        ("1", "Voortgang Omgevingswet", Purpose.NOTING, "", None),
        ("2", "Begroting 2027", Purpose.OPINION, "", 30),
        ("3", "Ter kennisname: stand van zaken", Purpose.NOTING, "", None),
        ("4", "Motie ter info", Purpose.NOTING, "", None),
    ]


def test_typed_bullets_and_a_presenter_in_parentheses(tmp_path):
    lines = [
        "1\tOpening",
        "2. Huisvesting (inbreng Karim Yilmaz, ter beeldvorming)",
        "• wachtlijsten",
        "- *tijdelijke* woningen",
        "Toelichting door de projectleider",
    ]
    draft = read_word_agenda(write_word_agenda(tmp_path / "a.docx", lines, title="Agenda"))
    assert _summary(draft) == [
        ("1", "Opening", Purpose.NOTING, "", None),
        ("2", "Huisvesting", Purpose.INFORMING, "Karim Yilmaz", None),
    ]
    # Typed markers become the app's list; a star stays a star, not italics.
    assert draft.points[1].introduction == "- wachtlijsten\n- \\*tijdelijke\\* woningen"
    assert draft.points[1].presenter == "Karim Yilmaz"


def test_a_table_with_number_title_purpose_and_presenter_columns(tmp_path):
    document = docx.Document()
    document.add_paragraph("Agenda overleg sociaal domein")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ("Nr", "Onderwerp", "Doel", "Inbreng", "Tijd"), strict=True
    ):
        cell.text = text
    for values in (
        ("1", "Opening", "", "Voorzitter", "10.00-10.05"),
        ("2", "Woonvisie 2030", "Besluitvorming", "Wethouder Bakker", "10.05-10.45"),
        ("3.", "Evaluatie pilot", "Ter beeldvorming", "", "10.45-11.00"),
    ):
        row = table.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    table.rows[2].cells[1].add_paragraph("Het stuk volgt na de zomer.")
    draft = read_word_agenda(_saved(document, tmp_path))
    assert _summary(draft) == [
        ("1", "Opening", Purpose.NOTING, "Voorzitter", 5),
        ("2", "Woonvisie 2030", Purpose.DECISION, "Wethouder Bakker", 40),
        ("3", "Evaluatie pilot", Purpose.INFORMING, "", 15),
    ]
    assert draft.points[1].introduction == "Het stuk volgt na de zomer."


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        (("Agendapunt", "Onderwerp", "Doel"), ("2", "Woonvisie 2030", "ter besluitvorming")),
        (("Agendapunt", "Doel", "Inbreng"), ("2. Woonvisie 2030", "Besluitvorming", "")),
        (("Nr.", "Agendapunt", "Doel"), ("2", "Woonvisie 2030", "Besluitvorming")),
    ],
)
def test_an_agendapunt_column_holds_numbers_or_titles(tmp_path, header, cells):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (header, cells), strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    draft = read_word_agenda(_saved(document, tmp_path))
    assert _summary(draft) == [("2", "Woonvisie 2030", Purpose.DECISION, "", None)]


def test_a_table_without_a_header_row_is_read_by_its_numbers(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=0, cols=4)
    for values in (
        ("1.", "Opening", "", "Voorzitter"),
        ("2.", "Inkoop jeugdhulp", "ter oordeelsvorming", "Sanne Verhoef"),
        ("3.", "Rondvraag", "", ""),
    ):
        row = table.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    draft = read_word_agenda(_saved(document, tmp_path))
    assert _summary(draft) == [
        ("1", "Opening", Purpose.NOTING, "Voorzitter", None),
        ("2", "Inkoop jeugdhulp", Purpose.OPINION, "Sanne Verhoef", None),
        ("3", "Rondvraag", Purpose.NOTING, "", None),
    ]


def test_a_realistic_agenda_with_a_header_block_and_start_times(tmp_path):
    """As a VNG-style convocatie is written: a heading block, start times, stukken lines."""
    document = docx.Document()
    document.add_paragraph("Vereniging van Nederlandse Gemeenten", style="Heading 1")
    document.add_paragraph("Convocatie Taskforce Samen Organiseren")
    document.add_paragraph("Datum: 14 april 2026")
    document.add_paragraph("Locatie: Nassaulaan 12, Den Haag / online via Teams")
    document.add_paragraph("")
    document.add_paragraph("Graag vooraf de stukken lezen in de gedeelde map.")
    document.add_paragraph("Aanmelden vóór 10 april bij het secretariaat.")
    document.add_paragraph("10.00 Opening en vaststellen agenda")
    document.add_paragraph("10.05 Verslag en actielijst vorige vergadering")
    document.add_paragraph("Ter besluitvorming")
    document.add_paragraph("10.15 Samen organiseren in de praktijk")
    document.add_paragraph("Presentatie: Joris van Dam (gemeente Zwolle)")
    p = document.add_paragraph("Zwolle vertelt over ")
    p.add_run("drie jaar").bold = True
    p.add_run(" samenwerking.")
    document.add_paragraph("11.00 Sluiting")
    draft = read_word_agenda(_saved(document, tmp_path))
    assert _summary(draft) == [
        ("", "Opening en vaststellen agenda", Purpose.NOTING, "", 5),
        ("", "Verslag en actielijst vorige vergadering", Purpose.DECISION, "", 10),
        (
            "",
            "Samen organiseren in de praktijk",
            Purpose.NOTING,
            "Joris van Dam (gemeente Zwolle)",
            45,
        ),
        ("", "Sluiting", Purpose.NOTING, "", None),
    ]
    assert draft.points[2].introduction == "Zwolle vertelt over **drie jaar** samenwerking."
    # The heading (organisation, title, date, place) is no point and no complaint; the
    # request to read the stukken is a line she should see.
    assert draft.not_understood == [
        "Graag vooraf de stukken lezen in de gedeelde map.",
        "Aanmelden vóór 10 april bij het secretariaat.",  # a sentence with a date: no heading
    ]


def test_a_document_without_points_says_what_it_could_not_place(tmp_path):
    lines = ["", "We bespreken de begroting en daarna de planning."]
    lines.append("Wie iets wil inbrengen, mailt de secretaris.")
    draft = read_word_agenda(write_word_agenda(tmp_path / "a.docx", lines, title="Agenda"))
    assert draft.points == []
    assert draft.not_understood == [
        "We bespreken de begroting en daarna de planning.",
        "Wie iets wil inbrengen, mailt de secretaris.",
    ]


# --- bad files ------------------------------------------------------------------------


def _problem(path: Path) -> tuple[AgendaProblem, str]:
    with pytest.raises(AgendaFileError) as raised:
        read_word_agenda(path)
    return raised.value.kind, str(raised.value)


def test_an_old_word_file_is_asked_to_be_saved_as_docx(tmp_path):
    path = tmp_path / "agenda.doc"
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600 + "WordDocument".encode("utf-16-le")
    )
    kind, message = _problem(path)
    assert kind is AgendaProblem.SAVE_AS_DOCX
    assert message == (
        "agenda.doc is an old Word document (.doc), not a Word document (.docx); save it as .docx"
    )


def test_a_pdf_is_asked_to_be_saved_as_docx(tmp_path):
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert _problem(path)[0] is AgendaProblem.SAVE_AS_DOCX


def test_a_password_protected_word_file_says_so(tmp_path):
    path = tmp_path / "agenda.docx"
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    kind, message = _problem(path)
    assert kind is AgendaProblem.ENCRYPTED
    assert "protected with a password" in message


def test_a_text_file_is_not_a_word_document(tmp_path):
    path = tmp_path / "agenda.docx"
    path.write_text("1. Opening\n2. Rondvraag\n", encoding="utf-8")
    assert _problem(path) == (AgendaProblem.NOT_DOCX, "agenda.docx is not a Word document (.docx)")


def test_a_damaged_zip_is_named_damaged(
    tmp_path,
):
    document = docx.Document()
    document.add_paragraph("1. Opening")
    whole = _saved(document, tmp_path).read_bytes()
    path = tmp_path / "kapot.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert _problem(path)[0] is AgendaProblem.DAMAGED


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 80_000_000)
    assert path.stat().st_size < 1_000_000
    kind, message = _problem(path)
    assert kind is AgendaProblem.UNPACKS_TOO_LARGE
    assert "80,000,000 bytes" in message


def test_a_tightly_packed_part_is_refused_even_below_the_size_limit(tmp_path):
    path = tmp_path / "bom.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 30_000_000)
    path.write_bytes(buffer.getvalue())
    assert _problem(path)[0] is AgendaProblem.UNPACKS_TOO_LARGE


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "groot.docx"
    with path.open("wb") as file:
        file.truncate(21 * 1024 * 1024)
    kind, message = _problem(path)
    assert kind is AgendaProblem.FILE_TOO_LARGE
    assert message == ("the file has 22,020,096 bytes; a Word agenda may have at most 20,971,520")


def test_a_missing_file_and_a_folder_are_named(tmp_path):
    assert _problem(tmp_path / "weg.docx")[0] is AgendaProblem.CANNOT_READ
    assert _problem(tmp_path)[0] is AgendaProblem.NOT_A_FILE


# --- adding the points to a meeting ------------------------------------------------------


@pytest.fixture
def meeting_with_closing_points(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    meeting = services.create_meeting(store, committee, date="2031-04-14", title="Overleg")
    for title in ("Opening", "Rondvraag", "Sluiting van de vergadering"):
        services.add_agenda_item(store, meeting, title, standing=True)
    return meeting


def _agenda(store, meeting_id):
    return [
        (item.number, item.title, item.purpose, item.presenter, item.planned_minutes)
        for item in services.load_meeting(store, meeting_id).agenda
    ]


def test_points_are_added_before_the_rondvraag_and_the_closing(store, meeting_with_closing_points):
    points = [
        DraftPoint(
            "1", "Woonvisie 2030", Purpose.DECISION, "Wethouder Bakker", "Zie het stuk.", 40
        ),
        DraftPoint("1a", "Huisvesting statushouders", Purpose.OPINION),
    ]
    new_ids = services.add_agenda_points(store, meeting_with_closing_points, points)

    assert _agenda(store, meeting_with_closing_points) == [
        ("1", "Opening", Purpose.NOTING, "", None),
        # The chair's plain "1" follows the order here, and her "1a" under it goes along.
        ("2", "Woonvisie 2030", Purpose.DECISION, "Wethouder Bakker", 40),
        ("2a", "Huisvesting statushouders", Purpose.OPINION, "", None),
        ("4", "Rondvraag", Purpose.NOTING, "", None),
        ("5", "Sluiting van de vergadering", Purpose.NOTING, "", None),
    ]
    meeting = services.load_meeting(store, meeting_with_closing_points)
    assert new_ids == [meeting.agenda[1].id, meeting.agenda[2].id]
    assert meeting.agenda[1].introduction == "Zie het stuk."


def test_a_sub_number_without_its_point_is_kept_as_typed(store, meeting_with_closing_points):
    services.add_agenda_points(store, meeting_with_closing_points, [DraftPoint("4b", "Wonen")])
    assert _agenda(store, meeting_with_closing_points)[1][:2] == ("4b", "Wonen")


def test_a_point_without_title_adds_none_of_them(store, meeting_with_closing_points):
    before = _agenda(store, meeting_with_closing_points)
    with pytest.raises(services.DomainError):
        services.add_agenda_points(
            store, meeting_with_closing_points, [DraftPoint("1", "Begroting"), DraftPoint("2", " ")]
        )
    assert _agenda(store, meeting_with_closing_points) == before


def test_an_approved_meeting_takes_no_points(store, meeting_with_closing_points):
    approval.approve_meeting(store, meeting_with_closing_points, dt.date(2031, 5, 1))
    with pytest.raises(services.DomainError, match="vastgesteld"):
        services.add_agenda_points(
            store, meeting_with_closing_points, [DraftPoint("1", "Begroting")]
        )
    assert len(services.load_meeting(store, meeting_with_closing_points).agenda) == 3


@pytest.mark.parametrize(
    ("title", "existing", "there"),
    [
        ("Opening en vaststellen van de agenda", ["Opening", "Begroting"], True),
        ("Rondvraag", ["Opening", "Rondvraag en sluiting"], True),
        ("Sluiting", ["Opening", "Rondvraag en sluiting"], True),
        ("Verslag vorige vergadering", ["Notulen van de vorige vergadering"], True),
        ("begroting  2032", ["Begroting 2032"], True),
        ("Verslag en actielijst vorige vergadering", ["Verslag vorige vergadering"], True),
        ("Actielijst", ["Verslag vorige vergadering"], False),
        ("Begroting 2033", ["Begroting 2032"], False),
        ("Opening", [], False),
    ],
)
def test_a_point_the_meeting_has_already_is_known(title, existing, there):
    assert already_on_agenda(title, existing) is there


def test_the_standing_points_of_a_word_agenda_come_back_at_the_next_meeting(tmp_path, store):
    """A brand-new committee's first agenda comes from the chair's Word file: its Opening,
    review point, Rondvraag and Sluiting are standing points, so the next meeting has them."""
    document = docx.Document()
    for line in (
        "1. Opening en mededelingen",
        "2. Verslag vorige vergadering",
        "3. Woonvisie 2030 (ter besluitvorming)",
        "4. Rondvraag",
        "5. Sluiting",
    ):
        document.add_paragraph(line)
    draft = read_word_agenda(_saved(document, tmp_path))
    assert [point.standing for point in draft.points] == [True, True, False, True, True]

    committee = services.create_committee(store, "Regio Noord").id
    first = services.create_meeting(store, committee, date="2031-04-14", title="Eerste overleg")
    services.add_agenda_points(store, first, draft.points)
    following = services.create_meeting_from_previous(
        store, committee, date="2031-05-12", title="Tweede overleg"
    )
    titles = [item.title for item in services.load_meeting(store, following).agenda]
    assert "Woonvisie 2030" not in titles
    for standing in ("Opening en mededelingen", "Verslag vorige vergadering", "Rondvraag", "Sluiting"):
        assert titles.count(standing) == 1


# --- what the heading says of the meeting ---------------------------------------------


def _heading_of(tmp_path, lines):
    path = write_word_agenda(tmp_path / "kop.docx", [*lines, "1. Opening"], title="Agenda")
    return read_word_agenda(path).heading


def test_the_heading_gives_the_meetings_date_times_and_place(tmp_path):
    heading = _heading_of(
        tmp_path,
        [
            "Datum: vrijdag 21 november 2031",
            "Tijd: 10.00 - 12.30 uur",
            "Locatie: Stadhuis Noordstad",
            "Zaal: 2.14",
        ],
    )
    assert heading.date_text == "vrijdag 21 november 2031"
    assert (heading.start_time, heading.end_time) == (dt.time(10, 0), dt.time(12, 30))
    assert heading.location == "Stadhuis Noordstad, zaal 2.14"
    assert heading.date_near(dt.date(2031, 11, 14)) == dt.date(2031, 11, 21)


def test_a_heading_on_one_line_and_a_start_without_an_end(tmp_path):
    heading = _heading_of(
        tmp_path, ["Vergadering 21-11-2031, aanvang 19.30 uur", "Plaats: online via Teams"]
    )
    assert heading.date_text == "21-11-2031"
    assert (heading.start_time, heading.end_time) == (dt.time(19, 30), None)
    assert heading.location == "online via Teams"


def test_a_line_that_starts_with_the_date_and_a_time_names_the_place_after_them(tmp_path):
    path = write_word_agenda(
        tmp_path / "kop.docx",
        [
            "Donderdag 15 januari 2032, 10.00 uur, stadhuis Noordstad",
            "14 april: stukken aanleveren bij het secretariaat, graag digitaal",  # a deadline
            "1. Opening",
        ],
        title="Agenda",
    )
    draft = read_word_agenda(path)
    assert draft.heading.date_text == "Donderdag 15 januari 2032"
    assert (draft.heading.start_time, draft.heading.end_time) == (dt.time(10, 0), None)
    assert draft.heading.location == "stadhuis Noordstad"
    assert draft.not_understood == [
        "14 april: stukken aanleveren bij het secretariaat, graag digitaal"
    ]


def test_a_date_in_a_sentence_and_a_date_with_dots_are_no_meeting_date_or_time(tmp_path):
    heading = _heading_of(
        tmp_path, ["Aanmelden vóór 10 april 2031 bij het secretariaat.", "Kenmerk 14.11.2031"]
    )
    assert heading.date_text == ""
    assert heading.start_time is None


def _stored_meeting(store, **fields):
    committee = services.create_committee(store, f"Overleg {len(services.list_meetings(store))}")
    return services.load_meeting(store, services.create_meeting(store, committee.id, **fields))


def test_only_what_the_heading_says_otherwise_is_a_change(tmp_path, store):
    heading = _heading_of(
        tmp_path, ["Datum: 21 november", "Aanvang 10.00 uur", "Locatie: Stadhuis Noordstad"]
    )
    meeting = _stored_meeting(store, date=dt.date(2031, 11, 14), end_time=dt.time(12, 0))
    # Without a year: the 21st nearest the meeting. Only a start: her end time stays.
    assert heading.changes_for(meeting) == {
        "date": dt.date(2031, 11, 21),
        "start_time": dt.time(10, 0),
        "end_time": dt.time(12, 0),
        "location": "Stadhuis Noordstad",
    }
    same = _stored_meeting(
        store,
        date=dt.date(2031, 11, 21),
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 0),
        location="Stadhuis Noordstad",
    )
    assert heading.changes_for(same) == {}


def test_a_weekday_that_does_not_fit_the_date_changes_no_date(tmp_path, store):
    heading = _heading_of(tmp_path, ["Datum: donderdag 21 november 2031"])  # a Friday
    meeting = _stored_meeting(store, date=dt.date(2031, 11, 14))
    assert heading.date_near(meeting.date) is None
    assert heading.changes_for(meeting) == {}
