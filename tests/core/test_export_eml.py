"""The draft e-mail: parses back with exactly the intended recipients, never one more."""

import io
import os
import urllib.parse
from email import policy
from email.parser import BytesParser
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verslag_samples import CONFIDENTIAL_MARKER, attendee, sample_meeting

from taskforce_desktop.core.export import ExportOptions, render_export
from taskforce_desktop.core.export.eml import (
    header_text,
    mailto_url,
    recipients,
    shared_folder_problem,
    valid_address,
)
from taskforce_desktop.core.models import Presence, Role
from taskforce_desktop.core.verslag import (
    BulletList,
    Heading,
    Label,
    Paragraph,
    Table,
    build_verslag,
)

EXPECTED_HEADERS = {"x-unsent", "to", "subject", "mime-version", "content-type"}


def _parse(meeting, public=False):
    data, warnings = render_export(meeting, "eml", ExportOptions(public=public))
    return BytesParser(policy=policy.default).parsebytes(data), warnings


def _to(message):
    header = message["To"]
    return sorted(a.addr_spec for a in header.addresses) if header else []


def test_draft_has_present_and_excused_recipients_subject_bodies_and_the_docx():
    message, warnings = _parse(sample_meeting())
    assert {key.lower() for key in message.keys()} == EXPECTED_HEADERS
    assert message["X-Unsent"] == "1"
    for absent_header in ("From", "Date", "Message-ID"):
        assert message[absent_header] is None
    assert message["Subject"] == "Verslag Taskforce Samen Organiseren vrijdag 16 september 2022"
    assert _to(message) == sorted(
        [
            "m.dijkhuis@veenendam.example",
            "j.hazelaar@oudebrug.example",
            "f.elamrani@zuiderhaven.example",
            "pj.wolters@lindeveld.example",
            "a.brouwer@viag.example",
            "ruud.sanders@vng.example",
            "lotte.veenstra@vng.example",
            "inge.maas@vng.example",
            "g.kalkman@westerdijk.example",  # excused: gets the verslag too
        ]
    )
    # Karim Bouzid and Hanna de Vries have no address: named, so she can add them herself.
    assert warnings == [
        "Geen e-mailadres bekend van Karim Bouzid en Hanna de Vries; vul hun adressen zelf "
        "in bij de ontvangers."
    ]
    plain = message.get_body(("plain",)).get_content()
    assert "In de bijlage" in plain and "vrijdag 16 september 2022" in plain
    assert "Het is een concept" in plain
    html = message.get_body(("html",)).get_content()
    assert "Verslag Taskforce Samen Organiseren" in html and "<h2>Besluitenlijst</h2>" in html
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "Verslag Taskforce Samen Organiseren 2022-09-16.docx"
    document = docx.Document(io.BytesIO(attachment.get_content()))
    assert document.paragraphs[0].text == "Verslag Taskforce Samen Organiseren"


def test_absent_attendees_and_duplicates_are_not_mailed_and_bad_addresses_are_reported():
    meeting = sample_meeting(
        attendees=(
            attendee("Aanwezig", email="a@example.org"),
            attendee("Nog eens", email="A@example.org"),
            attendee("Afwezig", presence=Presence.ABSENT, email="weg@example.org"),
            attendee("Kapot adres", email="kapot@@example"),
        )
    )
    message, warnings = _parse(meeting)
    assert _to(message) == ["a@example.org"]
    assert any("Kapot adres" in w and "ongeldig" in w for w in warnings)


def test_public_mail_has_no_confidential_text_in_bodies_or_attachment():
    message, _ = _parse(sample_meeting(), public=True)
    for part in message.walk():
        if part.get_content_maintype() == "multipart":
            continue
        content = part.get_content()
        if isinstance(content, bytes):
            document = docx.Document(io.BytesIO(content))
            content = "\n".join(p.text for p in document.paragraphs)
            content += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert CONFIDENTIAL_MARKER not in content


INJECTION_NAMES = [
    "Eva\r\nBcc: stiekem@evil.example",
    "Eva\nBcc: stiekem@evil.example",
    "Eva\rBcc: stiekem@evil.example",
    "Eva\u2028Bcc: stiekem@evil.example",
    "Eva\u2029Bcc: stiekem@evil.example",
    "Eva\x85Bcc: stiekem@evil.example",
    "=?UTF-8?Q?=0A?=Bcc: stiekem@evil.example",
    "=?utf-8?b?DQpCY2M6IHN0aWVrZW1AZXZpbC5leGFtcGxl?=",
    "Eva, stiekem@evil.example",
    "Eva <stiekem@evil.example>",
    '"Eva" <stiekem@evil.example>, ',
    "Eva; Bcc: stiekem@evil.example",
    "Eva\\\r\n Bcc: stiekem@evil.example",
]
INJECTION_ADDRESSES = [
    "eva@good.example\r\nBcc: stiekem@evil.example",
    "eva@good.example\nBcc: stiekem@evil.example",
    "eva@good.example, stiekem@evil.example",
    "eva@good.example;stiekem@evil.example",
    "Eva <stiekem@evil.example>",
    "<stiekem@evil.example>",
    "=?UTF-8?Q?=0A?=@evil.example",
    "eva@good.example\u2028Bcc: stiekem@evil.example",
    "eva@good.example (stiekem@evil.example)",
    '"stiekem@evil.example"@good.example',
]


@pytest.mark.parametrize("name", INJECTION_NAMES)
def test_a_name_can_never_add_a_header_or_a_recipient(name):
    meeting = sample_meeting(attendees=(attendee(name, email="eva@good.example"),))
    message, _ = _parse(meeting)
    assert {key.lower() for key in message.keys()} == EXPECTED_HEADERS
    assert _to(message) == ["eva@good.example"]
    assert "evil" not in str(message["To"].addresses[0].addr_spec)


@pytest.mark.parametrize("address", INJECTION_ADDRESSES)
def test_an_address_can_never_add_a_header_or_a_recipient(address):
    meeting = sample_meeting(
        attendees=(attendee("Eva", email=address), attendee("Ok", email="ok@good.example"))
    )
    message, warnings = _parse(meeting)
    assert {key.lower() for key in message.keys()} == EXPECTED_HEADERS
    assert _to(message) == ["ok@good.example"]
    assert any("Eva" in w for w in warnings)


@settings(max_examples=30, deadline=None)
@given(
    name=st.text(
        alphabet=st.sampled_from(list('Ab =?Qq_:,;<>"\\@.\r\n\t\x00\x85\u2028\u2029é😀ש')),
        max_size=40,
    )
)
def test_generated_hostile_names_keep_exactly_one_recipient(name):
    meeting = sample_meeting(attendees=(attendee(name or "x", email="eva@good.example"),))
    message, _ = _parse(meeting)
    assert {key.lower() for key in message.keys()} == EXPECTED_HEADERS
    assert _to(message) == ["eva@good.example"]


def test_header_text_and_address_checks():
    assert header_text("Jan\r\nBcc: x") == "Jan Bcc: x"
    assert "=?" not in header_text("=?=?UTF-8?Q?=0A??=?=")
    assert header_text("Ümit Çelik") == "Ümit Çelik"
    assert valid_address(" eva@good.example ") == "eva@good.example"
    assert valid_address("eva@localhost") is None


def test_committee_name_cannot_break_the_subject():
    meeting = sample_meeting(
        committee=sample_meeting().committee.__class__(1, "Overleg\r\nBcc: x@evil.example", "")
    )
    message, _ = _parse(meeting)
    assert {key.lower() for key in message.keys()} == EXPECTED_HEADERS
    assert "\n" not in message["Subject"]


def test_mailto_fallback_carries_recipients_subject_and_body_but_no_raw_newlines():
    addresses, _ = recipients(sample_meeting())
    url = mailto_url(addresses, "Verslag & zo", "Regel 1\nRegel 2")
    assert url.startswith("mailto:m.dijkhuis@veenendam.example,")
    assert "\n" not in url and "\r" not in url
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {"subject": ["Verslag & zo"], "body": ["Regel 1\nRegel 2"]}


def test_secretary_without_address_still_gets_a_draft():
    meeting = sample_meeting(attendees=(attendee("Zonder adres", role=Role.CHAIR),))
    message, warnings = _parse(meeting)
    assert message["To"] is None
    assert any("bruikbaar e-mailadres" in w for w in warnings)


def test_nobody_with_an_address_still_gives_a_draft_that_names_everyone_left_out():
    meeting = sample_meeting(
        attendees=(
            attendee("Marleen Dijkhuis", role=Role.CHAIR),
            attendee("Joost Hazelaar", presence=Presence.EXCUSED),
            attendee("Sophie Lambrecht", presence=Presence.ABSENT),
        )
    )
    message, warnings = _parse(meeting)
    assert message["To"] is None
    assert list(message.iter_attachments())
    assert any("Marleen Dijkhuis en Joost Hazelaar" in w for w in warnings)
    assert not any("Sophie Lambrecht" in w for w in warnings)  # absent: not a recipient


def _verslag_texts(blocks):
    for block in blocks:
        if isinstance(block, Heading):
            yield block.text
            yield from [block.mark] if block.mark else []
        elif isinstance(block, Label):
            yield block.text
        elif isinstance(block, Paragraph):
            yield "".join(run.text for run in block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                yield "".join(run.text for run in item.runs)
                yield from _verslag_texts((item.children,) if item.children else ())
        elif isinstance(block, Table):
            yield from (column.title for column in block.columns)
            for row in block.rows:
                for cell in row:
                    yield from _verslag_texts(cell)


def test_the_text_part_holds_the_whole_verslag_as_the_html_part_does():
    meeting = sample_meeting()
    message, _ = _parse(meeting)
    plain = " ".join(message.get_body(("plain",)).get_content().split())
    html = message.get_body(("html",)).get_content()
    verslag = build_verslag(meeting)
    texts = [verslag.title, verslag.meta, *_verslag_texts(verslag.blocks)]
    missing = [text for text in texts if " ".join(text.split()) not in plain]
    assert missing == []
    assert CONFIDENTIAL_MARKER in plain and CONFIDENTIAL_MARKER in html
    for heading in ("Besluitenlijst", "Actielijst", "Tot slot"):
        assert f"<h2>{heading}</h2>" in html and heading in plain
    # The cover letter, with the same signature, opens both.
    assert plain.startswith("Beste deelnemers,") and "Met vriendelijke groet, Inge Maas" in plain
    assert "Met vriendelijke groet,<br>Inge Maas" in html


def test_the_draft_is_signed_by_the_secretary_else_by_the_secretariat():
    signed = _parse(sample_meeting())[0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Met vriendelijke groet,\nInge Maas\n" in signed
    without = sample_meeting(attendees=(attendee("Marleen Dijkhuis", role=Role.CHAIR),))
    unsigned = _parse(without)[0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Met vriendelijke groet,\nSecretariaat Taskforce Samen Organiseren\n" in unsigned


@pytest.mark.parametrize(
    "folder",
    ["//fileserver/verslagen", "/home/inge/OneDrive - Gemeente Veenendam/Verslagen"],
)
def test_a_network_share_or_a_synced_folder_is_no_place_for_a_draft(folder):
    assert "niet alleen van u" in shared_folder_problem(Path(folder))


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_only_a_folder_others_cannot_read_is_a_place_for_a_draft(tmp_path):
    own, open_to_all = tmp_path / "eigen", tmp_path / "gedeeld"
    own.mkdir(mode=0o700)
    open_to_all.mkdir()
    open_to_all.chmod(0o755)
    assert shared_folder_problem(own) is None
    assert "andere gebruikers" in shared_folder_problem(open_to_all)
    assert "bestaat niet" in shared_folder_problem(tmp_path / "weg")
