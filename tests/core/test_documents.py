"""The agenda, the Actielijst and the Besluitenlijst: made by `export --document`, read back
from the produced Word files and e-mail drafts."""

import dataclasses
import datetime as dt
import io
import json
from email import policy
from email.parser import BytesParser

import docx
import pytest
from verslag_samples import sample_meeting

from taskforce_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from taskforce_desktop.core import followup, services
from taskforce_desktop.core.documents import planned_starts
from taskforce_desktop.core.models import ActionStatus, Presence

CONFIDENTIAL_POINT = "Begroting fonds 2032"


def _export(data_dir, meeting_id, document, fmt, output, *extra):
    return main(
        ["--data-dir", str(data_dir), "export", str(meeting_id), "--document", document,
         "--format", fmt, "--output", str(output), *extra]
    )  # fmt: skip


def _tables(path):
    document = docx.Document(str(path))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def _paragraphs(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_agenda_lists_every_point_with_its_start_time_purpose_and_presenter(
    data_dir, sample_meeting_id, tmp_path
):
    target = tmp_path / "agenda.docx"
    assert _export(data_dir, sample_meeting_id, "agenda", "docx", target) == EXIT_OK

    paragraphs = _paragraphs(target)
    assert "Agenda Taskforce Samen Organiseren" in paragraphs
    assert any("vrijdag 14 november 2031, 10:00 – 13:00 uur" in p for p in paragraphs)
    assert any(p.startswith("Plaats: Stadhuis Voorbeeldstad") for p in paragraphs)
    (table,) = _tables(target)
    assert table[0] == ["Tijd", "Nr", "Agendapunt", "Doel", "Inbreng"]
    by_number = {row[1]: row for row in table[1:]}
    assert by_number["1"][0] == "10:00" and by_number["1"][3] == "Ter kennisname"
    assert by_number["1"][4] == "Marloes de Wit"
    # 10:00 plus the 10 + 5 planned minutes of points 1 and 2.
    assert by_number["3"][0] == "10:15"
    assert by_number["3"][2].startswith("Gezamenlijke inkoop van een zaaksysteem")
    assert "Acht gemeenten verkennen" in by_number["3"][2]  # the introduction goes along
    assert (by_number["3"][3], by_number["3"][4]) == ("Ter oordeelsvorming", "Sanne Verhoef")
    assert [row[0] for row in table[1:]] == ["10:00", "10:10", "10:15", "11:00", "11:30", "12:00"]
    # Not a verslag: no draft notice, nobody's notes.
    text = "\n".join(paragraphs + [cell for row in table for cell in row])
    assert "CONCEPT" not in text and "Impressie" not in text


def test_public_agenda_keeps_only_the_number_of_a_confidential_point(
    data_dir, sample_meeting_id, tmp_path
):
    full, public = tmp_path / "agenda.html", tmp_path / "openbaar.html"
    assert _export(data_dir, sample_meeting_id, "agenda", "html", full) == EXIT_OK
    assert _export(data_dir, sample_meeting_id, "agenda", "html", public, "--public") == EXIT_OK
    assert CONFIDENTIAL_POINT in full.read_text(encoding="utf-8")
    html = public.read_text(encoding="utf-8")
    assert CONFIDENTIAL_POINT not in html and "Besloten" in html


def test_times_after_a_point_without_planned_minutes_are_left_open():
    meeting = sample_meeting(start_time=dt.time(9, 30))
    planned = [dataclasses.replace(item, planned_minutes=20) for item in meeting.agenda]
    agenda = (planned[0], dataclasses.replace(planned[1], planned_minutes=None), *planned[2:])
    starts = planned_starts(dataclasses.replace(meeting, agenda=agenda))
    assert starts[:2] == [dt.time(9, 30), dt.time(9, 50)]
    assert starts[2:] == [None] * (len(agenda) - 2)
    assert planned_starts(dataclasses.replace(meeting, start_time=None)) == [None] * len(agenda)


def test_agenda_mail_goes_to_everyone_invited_the_verslag_to_who_came(
    data_dir, store, sample_meeting_id, tmp_path
):
    invited = next(
        a for a in services.load_meeting(store, sample_meeting_id).attendees if a.person.email
    )
    services.update_attendee(store, invited.id, presence=Presence.ABSENT)

    for document in ("agenda", "verslag"):
        target = tmp_path / f"{document}.eml"
        assert _export(data_dir, sample_meeting_id, document, "eml", target) == EXIT_OK
        message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
        to = {address.addr_spec for address in message["To"].addresses}
        assert (invited.person.email in to) is (document == "agenda")
        if document == "agenda":
            assert message["Subject"].startswith("Agenda Taskforce Samen Organiseren")
            body = message.get_body(("plain",)).get_content()
            assert "nodig ik u uit" in body
            (attachment,) = message.iter_attachments()
            assert attachment.get_filename().startswith("Agenda ")
            attached = docx.Document(io.BytesIO(attachment.get_content()))
            assert any(t.rows[0].cells[0].text == "Tijd" for t in attached.tables)


def test_action_list_shows_the_open_actions_per_owner_with_due_dates(
    data_dir, store, sample_meeting_id, tmp_path
):
    actions = followup.committee_actions(
        store, services.load_meeting(store, sample_meeting_id).committee.id
    )
    done = next(a for a in actions if a.action.owner == "Joris Bakker")
    followup.close_action(store, done.id, ActionStatus.DONE, sample_meeting_id)

    target = tmp_path / "actielijst.docx"
    assert _export(data_dir, sample_meeting_id, "actielijst", "docx", target) == EXIT_OK
    paragraphs = _paragraphs(target)
    assert "Actielijst Taskforce Samen Organiseren" in paragraphs
    owners = [p for p in paragraphs if p in {a.action.owner for a in actions}]
    assert owners == sorted(owners) and "Joris Bakker" not in owners and len(owners) >= 2
    rows = [row for table in _tables(target) for row in table[1:]]
    assert done.number not in [row[0] for row in rows]
    sanne = next(row for row in rows if row[0] == "2031-11/1")
    assert sanne[1] == "Uitgewerkt voorstel met planning opstellen"
    assert sanne[2] == "9 januari 2032"


def test_decision_list_names_meeting_date_and_point_and_the_public_one_hides_confidential(
    data_dir, sample_meeting_id, tmp_path
):
    full, public = tmp_path / "besluiten.docx", tmp_path / "openbaar.docx"
    assert _export(data_dir, sample_meeting_id, "besluitenlijst", "docx", full) == EXIT_OK
    assert _export(data_dir, sample_meeting_id, "besluitenlijst", "docx", public, "--public") == 0
    (table,) = _tables(full)
    assert table[0] == ["Nr", "Vergadering", "Agendapunt", "Besluit"]
    assert table[2] == [
        "2031-11/2",
        "14 november 2031",
        "Gezamenlijke inkoop van een zaaksysteem",
        "De Taskforce adviseert het College om scenario 2 verder uit te werken.",
    ]
    assert any(CONFIDENTIAL_POINT in row[2] for row in table)
    (public_table,) = _tables(public)
    assert len(public_table) == len(table) - 1
    assert not any(CONFIDENTIAL_POINT in cell for row in public_table for cell in row)


def test_later_meetings_are_not_in_the_lists_of_an_earlier_one(
    data_dir, store, sample_meeting_id, tmp_path
):
    committee_id = services.load_meeting(store, sample_meeting_id).committee.id
    later = services.create_meeting_from_previous(
        store, committee_id, dt.date(2032, 1, 16), "Taskforce januari"
    )
    item = services.add_agenda_item(store, later, "Nieuw punt")
    services.add_decision(store, item, "Een besluit van januari.")
    target = tmp_path / "besluiten.html"
    assert _export(data_dir, sample_meeting_id, "besluitenlijst", "html", target) == EXIT_OK
    assert "Een besluit van januari." not in target.read_text(encoding="utf-8")
    assert _export(data_dir, later, "besluitenlijst", "html", target) == EXIT_OK
    assert "Een besluit van januari." in target.read_text(encoding="utf-8")


def test_json_stays_the_meeting_file_whatever_the_document(data_dir, sample_meeting_id, tmp_path):
    target = tmp_path / "v.json"
    assert _export(data_dir, sample_meeting_id, "agenda", "json", target) == EXIT_OK
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "taskforce-verslag/meeting"


def test_an_unknown_document_is_bad_input(data_dir, sample_meeting_id, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_status:
        _export(data_dir, sample_meeting_id, "notulen", "docx", tmp_path / "n.docx")
    assert exit_status.value.code == EXIT_BAD_INPUT and "notulen" in capsys.readouterr().err
