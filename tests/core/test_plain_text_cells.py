"""The text part of an e-mail draft, where a table row is one line."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

from taskforce_desktop.core import services
from taskforce_desktop.core.documents import AGENDA
from taskforce_desktop.core.export import ExportOptions, write_export


def test_the_agenda_mail_keeps_a_points_title_text_and_stukken_apart(store, tmp_path):
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting_id = services.create_meeting(store, committee.id, date="2031-12-10", title="December")
    point = services.add_agenda_item(
        store,
        meeting_id,
        "Regionale samenwerking sociaal domein",
        introduction="De regio wil een gezamenlijk inkoopbureau.",
    )
    services.attach_document(store, point, "raadsvoorstel.pdf", b"%PDF-1.7 voorstel")
    target = tmp_path / "agenda.eml"

    write_export(store, meeting_id, "eml", target, options=ExportOptions(document=AGENDA))

    message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
    plain = message.get_body(("plain",)).get_content()
    [row] = [line for line in plain.splitlines() if "Regionale samenwerking" in line]
    assert (
        "| Regionale samenwerking sociaal domein – De regio wil een gezamenlijk "
        "inkoopbureau. – Stukken: raadsvoorstel.pdf |"
    ) in row
