"""Stukken: files attached to agenda points, kept in the store, listed, mailed and carried."""

import base64
import datetime as dt
import hashlib
import io
import json
import sqlite3
from email import policy
from email.parser import BytesParser

import docx
import pytest
from sqlalchemy import event

from taskforce_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from taskforce_desktop.core import approval, meeting_file, services
from taskforce_desktop.core.documents import ACTION_LIST, AGENDA, VERSLAG
from taskforce_desktop.core.export import ExportOptions, write_export
from taskforce_desktop.core.export.eml import render_eml
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.services import DomainError
from taskforce_desktop.core.verslag import build_verslag

PDF = b"%PDF-1.4\n% notitie regionale samenwerking\n%%EOF\n"
DOCX = b"PK\x03\x04 een Word-bestand"


@pytest.fixture
def meeting(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    meeting_id = services.create_meeting(
        store, committee, date="2031-03-14", title="Overleg maart", start_time="14:00"
    )
    opening = services.add_agenda_item(store, meeting_id, "Opening", planned_minutes=5)
    point = services.add_agenda_item(
        store, meeting_id, "Regionale samenwerking", planned_minutes=30
    )
    secret = services.add_agenda_item(
        store, meeting_id, "Personele zaken", confidential=True, planned_minutes=10
    )
    services.add_attendee(
        store, meeting_id, "Marieke Smit", "Gemeente Houten", email="m@houten.example"
    )
    return {
        "committee": committee,
        "meeting": meeting_id,
        "opening": opening,
        "point": point,
        "secret": secret,
    }


def _documents(store, meeting_id, item_id):
    item = next(i for i in services.load_meeting(store, meeting_id).agenda if i.id == item_id)
    return item.documents


# --- the store -----------------------------------------------------------------------


def test_an_attached_stuk_is_listed_with_its_point_and_its_content_is_kept(store, meeting):
    document_id = services.attach_document(store, meeting["point"], "Notitie.pdf", PDF)
    services.attach_document(store, meeting["point"], "Advies.docx", DOCX)

    listed = _documents(store, meeting["meeting"], meeting["point"])
    assert [(d.file_name, d.media_type, d.size) for d in listed] == [
        ("Notitie.pdf", "application/pdf", len(PDF)),
        (
            "Advies.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            len(DOCX),
        ),
    ]
    assert services.document_content(store, document_id) == PDF
    with sqlite3.connect(store.path) as connection:
        stored = connection.execute(
            "SELECT sha256 FROM agenda_document WHERE id = ?", (document_id,)
        ).fetchone()
    assert stored == (hashlib.sha256(PDF).hexdigest(),)


def test_reading_a_meeting_leaves_the_contents_of_its_stukken_in_the_store(store, meeting):
    services.attach_document(store, meeting["point"], "Groot.pdf", PDF * 1000)
    statements = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        record_read = services.load_meeting(store, meeting["meeting"])
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert [d.file_name for d in record_read.agenda[1].documents] == ["Groot.pdf"]
    reads_of_documents = [s for s in statements if "FROM agenda_document" in s]
    assert reads_of_documents, "the names are read with the meeting"
    assert not any("agenda_document.content" in s for s in reads_of_documents)


def test_the_content_is_the_last_column_so_reading_the_names_skips_the_bytes(store):
    # SQLite reads a row's values in column order: a column stored after a large blob is
    # reached only by walking the blob's overflow pages (a meeting with 30 MB of stukken
    # then read 70 % slower).
    with sqlite3.connect(store.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(agenda_document)")]
    assert columns[-1] == "content"


def test_the_name_is_reduced_to_one_line_without_a_path(store, meeting):
    services.attach_document(
        store, meeting["point"], "C:\\Stukken\\maart/Agenda\n notitie.pdf", PDF
    )
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["point"])] == [
        "Agenda notitie.pdf"
    ]


def test_characters_windows_refuses_in_a_name_are_left_out(store, meeting):
    services.attach_document(store, meeting["point"], 'Notitie: "scenario\'s" <1|2>?*.pdf', PDF)
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["point"])] == [
        "Notitie scenario's 12.pdf"
    ]


def test_the_same_name_twice_on_one_point_gets_a_number(store, meeting):
    for _ in range(3):
        services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    services.attach_document(store, meeting["opening"], "notitie.pdf", PDF)
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["point"])] == [
        "notitie.pdf",
        "notitie (2).pdf",
        "notitie (3).pdf",
    ]
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["opening"])] == [
        "notitie.pdf"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("installeer.exe", PDF, "type '.exe'"),
        ("leesmij", PDF, "zonder extensie"),
        ("leeg.pdf", b"", "is leeg"),
        ("te-groot.pdf", b"x" * (services.MAX_DOCUMENT_BYTES + 1), "ten hoogste 25 MB"),
        ("map/", PDF, "geen bestandsnaam"),
    ],
)
def test_what_cannot_be_a_stuk_is_refused_in_dutch(store, meeting, name, content, message):
    with pytest.raises(DomainError, match=message):
        services.attach_document(store, meeting["point"], name, content)
    assert _documents(store, meeting["meeting"], meeting["point"]) == ()


def test_every_accepted_kind_of_file_can_be_attached(store, meeting):
    names = [f"stuk{suffix.upper()}" for suffix in services.MEDIA_TYPES]
    for name in names:
        services.attach_document(store, meeting["point"], name, PDF)
    assert len(_documents(store, meeting["meeting"], meeting["point"])) == len(names)


def test_a_file_is_attached_from_its_path_and_an_unreadable_one_is_refused(
    store, meeting, tmp_path
):
    path = tmp_path / "Begroting 2032.xlsx"
    path.write_bytes(b"PK spreadsheet")
    document_id = services.attach_document_file(store, meeting["point"], path)
    assert services.document_content(store, document_id) == b"PK spreadsheet"
    assert _documents(store, meeting["meeting"], meeting["point"])[0].file_name == (
        "Begroting 2032.xlsx"
    )
    with pytest.raises(DomainError, match="kan niet worden gelezen"):
        services.attach_document_file(store, meeting["point"], tmp_path / "weg.pdf")


def test_stukken_are_removed_restored_and_moved(store, meeting):
    first = services.attach_document(store, meeting["point"], "een.pdf", PDF)
    services.attach_document(store, meeting["point"], "twee.pdf", PDF)
    services.attach_document(store, meeting["point"], "drie.pdf", DOCX)
    record = _documents(store, meeting["meeting"], meeting["point"])[2]
    content = services.document_content(store, record.id)

    services.remove_document(store, record.id)
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["point"])] == [
        "een.pdf",
        "twee.pdf",
    ]
    restored = services.restore_document(store, meeting["point"], record, content, 0)
    services.move_document(store, first, 2)

    listed = _documents(store, meeting["meeting"], meeting["point"])
    assert [d.file_name for d in listed] == ["drie.pdf", "twee.pdf", "een.pdf"]
    assert services.document_content(store, restored) == DOCX


def test_undoing_the_removal_of_a_point_brings_its_stukken_back(store, meeting):
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    point = services.load_meeting(store, meeting["meeting"]).agenda[1]
    documents = services.documents_of_item(store, point.id)

    services.remove_agenda_item(store, point.id)
    restored = services.restore_agenda_item(store, meeting["meeting"], point, 1, documents)

    [document] = _documents(store, meeting["meeting"], restored)
    assert document.file_name == "notitie.pdf"
    assert services.document_content(store, document.id) == PDF


def test_deleting_the_meeting_deletes_its_stukken(store, meeting):
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    services.delete_meeting(store, meeting["meeting"])
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT count(*) FROM agenda_document").fetchone() == (0,)


def test_the_stukken_of_an_approved_meeting_cannot_change(store, meeting):
    kept = services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    services.attach_document(store, meeting["point"], "bijlage.pdf", PDF)
    approval.approve_meeting(store, meeting["meeting"], dt.date(2031, 4, 11))

    with pytest.raises(DomainError, match="vastgesteld"):
        services.attach_document(store, meeting["point"], "later.pdf", PDF)
    with pytest.raises(DomainError, match="vastgesteld"):
        services.remove_document(store, kept)
    with pytest.raises(DomainError, match="vastgesteld"):
        services.move_document(store, kept, 1)
    assert [d.file_name for d in _documents(store, meeting["meeting"], meeting["point"])] == [
        "notitie.pdf",
        "bijlage.pdf",
    ]


def test_all_stukken_of_a_meeting_come_in_agenda_order_and_public_leaves_out_confidential(
    store, meeting
):
    services.attach_document(store, meeting["secret"], "personeel.pdf", PDF)
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    services.attach_document(store, meeting["opening"], "agenda.docx", DOCX)
    services.move_agenda_item(store, meeting["secret"], 0)

    everything = services.documents_of_meeting(store, meeting["meeting"])
    public = services.documents_of_meeting(store, meeting["meeting"], public=True)

    assert [(r.file_name, content) for r, content in everything] == [
        ("personeel.pdf", PDF),
        ("agenda.docx", DOCX),
        ("notitie.pdf", PDF),
    ]
    assert [r.file_name for r, _ in public] == ["agenda.docx", "notitie.pdf"]


def test_a_copy_of_the_meeting_has_the_stukken_but_the_next_meeting_does_not(store, meeting):
    services.update_agenda_item(store, meeting["opening"], standing=True)
    services.attach_document(store, meeting["opening"], "vaste-bijlage.pdf", PDF)
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    approval.set_unapproved_status(store, meeting["meeting"], MeetingStatus.FINAL)

    copy = services.duplicate_meeting(store, meeting["meeting"])
    following = services.create_meeting_from_previous(store, meeting["committee"], "2031-04-11")

    copied = services.documents_of_meeting(store, copy)
    assert [(r.file_name, content) for r, content in copied] == [
        ("vaste-bijlage.pdf", PDF),
        ("notitie.pdf", PDF),
    ]
    # Stukken belong to the meeting they were sent for, also on a standing point.
    next_agenda = services.load_meeting(store, following).agenda
    assert "Opening" in [item.title for item in next_agenda]
    assert all(item.documents == () for item in next_agenda)
    assert services.documents_of_meeting(store, following) == []


# --- the e-mail ------------------------------------------------------------------------


def _mail(store, meeting_id, tmp_path, **options):
    target = tmp_path / "agenda.eml"
    warnings = write_export(store, meeting_id, "eml", target, options=ExportOptions(**options))
    return BytesParser(policy=policy.default).parsebytes(target.read_bytes()), warnings


def test_the_agenda_mail_carries_the_stukken_after_the_agenda_and_names_them(
    store, meeting, tmp_path
):
    services.attach_document(store, meeting["point"], "Notitie samenwerking.pdf", PDF)
    services.attach_document(store, meeting["opening"], "Advies.docx", DOCX)
    services.attach_document(store, meeting["secret"], "Personeel.pdf", PDF)

    message, warnings = _mail(
        store, meeting["meeting"], tmp_path, document=AGENDA, attach_documents=True
    )

    attachments = list(message.iter_attachments())
    assert [a.get_filename() for a in attachments[1:]] == [
        "Advies.docx",
        "Notitie samenwerking.pdf",
        "Personeel.pdf",
    ]
    assert attachments[0].get_filename().endswith(".docx")  # the agenda itself first
    assert attachments[2].get_content_type() == "application/pdf"
    assert attachments[2].get_content() == PDF
    text = message.get_body(("plain",)).get_content()
    assert "Ook bijgevoegd: de stukken bij de agendapunten (Advies.docx, " in text
    assert not any("groot voor e-mail" in w for w in warnings)


def test_the_public_mail_leaves_out_the_stukken_of_confidential_points(store, meeting, tmp_path):
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    services.attach_document(store, meeting["secret"], "personeel.pdf", PDF)

    message, _ = _mail(
        store, meeting["meeting"], tmp_path, document=VERSLAG, attach_documents=True, public=True
    )

    names = [a.get_filename() for a in message.iter_attachments()]
    assert names[1:] == ["notitie.pdf"]
    assert "personeel.pdf" not in message.as_string()


@pytest.mark.parametrize(
    "options",
    [{"document": AGENDA}, {"document": ACTION_LIST, "attach_documents": True}],
)
def test_stukken_go_along_only_when_asked_and_only_with_the_agenda_or_verslag(
    store, meeting, tmp_path, options
):
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    message, _ = _mail(store, meeting["meeting"], tmp_path, **options)
    assert len(list(message.iter_attachments())) == 1


def test_a_message_over_20_mb_is_called_large_for_e_mail(store, meeting):
    record = services.load_meeting(store, meeting["meeting"])
    verslag = build_verslag(record)
    big = [("bijlage.pdf", "application/pdf", bytes(8 * 1024 * 1024))] * 2
    _, small_warnings = render_eml(record, verslag, b"docx", big[:1])
    data, warnings = render_eml(record, verslag, b"docx", big)
    assert len(data) > 20 * 1024 * 1024
    assert not any("groot voor e-mail" in w for w in small_warnings)
    assert any("groot voor e-mail" in w for w in warnings)


def test_the_command_line_attaches_the_stukken_when_asked(store, meeting, tmp_path):
    services.attach_document(store, meeting["point"], "notitie.pdf", PDF)
    target = tmp_path / "agenda.eml"
    command = ["--data-dir", str(store.data_dir), "export", str(meeting["meeting"])]
    command += ["--document", "agenda", "--format", "eml", "--output", str(target)]

    assert main([*command, "--attach-documents"]) == EXIT_OK

    message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
    assert [a.get_filename() for a in message.iter_attachments()][1:] == ["notitie.pdf"]


def test_the_command_line_refuses_the_flag_where_nothing_is_mailed(
    store, meeting, tmp_path, capsys
):
    command = ["--data-dir", str(store.data_dir), "export", str(meeting["meeting"])]
    command += ["--format", "docx", "--output", str(tmp_path / "a.docx"), "--attach-documents"]
    assert main(command) == EXIT_BAD_INPUT
    assert "--attach-documents applies to --format eml" in capsys.readouterr().err


# --- the listings --------------------------------------------------------------------


def _word_text(store, meeting_id, tmp_path, **options):
    target = tmp_path / "document.docx"
    write_export(store, meeting_id, "docx", target, options=ExportOptions(**options))
    document = docx.Document(io.BytesIO(target.read_bytes()))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_the_agenda_lists_each_points_stukken_in_its_row(store, meeting, tmp_path):
    services.attach_document(store, meeting["point"], "Notitie.pdf", PDF)
    services.attach_document(store, meeting["point"], "Advies.docx", DOCX)

    cells = _word_text(store, meeting["meeting"], tmp_path, document=AGENDA)

    [point] = [c for c in cells if c.startswith("Regionale samenwerking")]
    assert point.splitlines() == ["Regionale samenwerking", "Stukken: Notitie.pdf, Advies.docx"]
    assert not any("Stukken" in c for c in cells if c.startswith("Opening"))


def test_the_verslag_lists_the_stukken_under_the_point_heading(store, meeting, tmp_path):
    services.attach_document(store, meeting["point"], "Notitie.pdf", PDF)

    paragraphs = _word_text(store, meeting["meeting"], tmp_path, document=VERSLAG)

    heading = paragraphs.index("2. Regionale samenwerking")
    assert paragraphs[heading + 1 : heading + 3] == ["Ter kennisname", "Stukken: Notitie.pdf"]
    assert paragraphs.count("Stukken: Notitie.pdf") == 1


@pytest.mark.parametrize("document", [AGENDA, VERSLAG])
def test_the_public_version_leaves_out_the_stukken_of_a_confidential_point(
    store, meeting, tmp_path, document
):
    services.attach_document(store, meeting["secret"], "Personeel.pdf", PDF)
    services.attach_document(store, meeting["point"], "Notitie.pdf", PDF)

    full = "\n".join(_word_text(store, meeting["meeting"], tmp_path, document=document))
    public = "\n".join(
        _word_text(store, meeting["meeting"], tmp_path, document=document, public=True)
    )

    assert "Personeel.pdf" in full and "Stukken: Notitie.pdf" in full
    assert "Personeel.pdf" not in public and "Stukken: Notitie.pdf" in public


# --- the meeting file ------------------------------------------------------------------


def _stukken(store, meeting_id):
    return [
        (record.file_name, record.media_type, record.size, content)
        for record, content in services.documents_of_meeting(store, meeting_id)
    ]


def test_the_meeting_file_carries_the_stukken_and_brings_them_back(
    store, meeting, fresh_store, tmp_path
):
    services.attach_document(store, meeting["point"], "Notitie.pdf", PDF)
    services.attach_document(store, meeting["point"], "Advies.docx", DOCX)
    services.attach_document(store, meeting["secret"], "Personeel.pdf", PDF)
    text = meeting_file.export_meeting_file(store, meeting["meeting"])

    data = json.loads(text)
    assert "documents" not in data["agenda"][0]
    assert data["agenda"][1]["documents"][0] == {
        "name": "Notitie.pdf",
        "media_type": "application/pdf",
        "content": base64.b64encode(PDF).decode("ascii"),
    }
    elsewhere = fresh_store(tmp_path / "elders")
    result = meeting_file.import_meeting_file(elsewhere, text.encode("utf-8"))

    assert result.warnings == []
    assert _stukken(elsewhere, result.meeting_id) == _stukken(store, meeting["meeting"])
    assert meeting_file.export_meeting_file(elsewhere, result.meeting_id) == text


def test_a_meeting_without_stukken_exports_as_before(store, meeting):
    record = services.load_meeting(store, meeting["meeting"])
    assert meeting_file.export_meeting_file(store, meeting["meeting"]) == meeting_file.dumps(
        meeting_file.meeting_to_dict(record)
    )
    assert "documents" not in meeting_file.export_meeting_file(store, meeting["meeting"])


def _file_with(documents):
    return json.dumps(
        {
            "format": meeting_file.FORMAT,
            "version": 1,
            "committee": {"name": "Taskforce"},
            "meeting": {"date": "2031-03-14"},
            "agenda": [{"title": "Opening"}, {"title": "Stukken", "documents": documents}],
        }
    ).encode("utf-8")


@pytest.mark.parametrize(
    ("documents", "error"),
    [
        ({}, "agenda[1].documents: expected a list, got an object"),
        ([{"content": "JVBERg=="}], "agenda[1].documents[0].name: is required"),
        ([{"name": "a.pdf"}], "agenda[1].documents[0].content: is required"),
        ([{"name": "a.pdf", "content": ""}], "agenda[1].documents[0].content: must not be empty"),
        ([{"name": "a.pdf", "content": "JVBERg"}], "agenda[1].documents[0].content: is not base64"),
        (
            [{"name": "a.pdf", "content": "JVBE\nRg=="}],
            "agenda[1].documents[0].content: is not base64",
        ),
        (
            [{"name": "a\nb.pdf", "content": "JVBERg=="}],
            "agenda[1].documents[0].name: 'a\\nb.pdf' is not a plain file name",
        ),
        (
            [{"name": "C:\\stukken\\a.pdf", "content": "JVBERg=="}],
            "is not a plain file name",
        ),
        ([{"name": "a:b.pdf", "content": "JVBERg=="}], "'a:b.pdf' is not a plain file name"),
        (
            [{"name": "a.zip", "content": "JVBERg=="}],
            "agenda[1].documents[0].name: 'a.zip' is not a kind of file a document may be (pdf,",
        ),
        (
            [{"name": "a.pdf", "media_type": "text/html", "content": "JVBERg=="}],
            "agenda[1].documents[0].media_type: expected 'application/pdf', got 'text/html'",
        ),
        (
            [{"name": "a.pdf", "content": "JVBERg=="}, {"name": "A.PDF", "content": "JVBERg=="}],
            "agenda[1].documents[1].name: a document of this name is already listed",
        ),
    ],
)
def test_a_bad_stuk_in_a_meeting_file_is_refused_naming_its_path(store, documents, error):
    with pytest.raises(meeting_file.MeetingFileError) as raised:
        meeting_file.import_meeting_file(store, _file_with(documents))
    assert error in str(raised.value)
    assert services.list_meetings(store) == []


def test_a_stuk_without_media_type_is_read_by_its_name_and_unknown_keys_are_warned(store):
    result = meeting_file.import_meeting_file(
        store, _file_with([{"name": "lijst.csv", "content": "YSxi", "kleur": "rood"}])
    )
    assert result.warnings == ["agenda[1].documents[0].kleur: unknown key, ignored"]
    [(record, content)] = services.documents_of_meeting(store, result.meeting_id)
    assert (record.file_name, record.media_type, content) == ("lijst.csv", "text/csv", b"a,b")
