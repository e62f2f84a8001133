"""The verslag as a draft e-mail (.eml) that Outlook and Thunderbird open ready to send.

``X-Unsent: 1`` makes Outlook open it as an unsent draft; From, Date and Message-ID are
left out so the mail program fills them in. Names and addresses come from what the
secretary typed, and this Python predates the fix for CVE-2024-6923 (docs/pitfalls.md): an
encoded newline in a display name could add a header. So every name and address is
checked here before it reaches a header: an address must be a plain addr-spec, and a name
loses line breaks, controls, quotes, angle brackets and encoded-word markers.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from html import escape

from taskforce_desktop.core.export.html import page, render_body
from taskforce_desktop.core.file_names import fit_file_name
from taskforce_desktop.core.models import Presence
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.verslag import Verslag, one_line

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")

# A plain addr-spec: dot-atom local part, and a domain of letters, digits and hyphens.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
_NAME_NOISE = re.compile(r'[<>"\\]')
_FILENAME_NOISE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def valid_address(address: str) -> str | None:
    """The address when it is a plain addr-spec that cannot smuggle anything into a header."""
    address = address.strip()
    if len(address) > 254 or "=?" in address or not _ADDRESS.fullmatch(address):
        return None
    return address


def header_text(text: str) -> str:
    """A name or subject without anything that could end a header line or hide one.

    Line and paragraph separators, every control and format character, quotes, angle
    brackets and RFC 2047 encoded-word markers are removed; whitespace is collapsed.
    """
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Zl", "Zp") or category.startswith("C"):
            kept.append(" ")
        else:
            kept.append(char)
    cleaned = _NAME_NOISE.sub("", "".join(kept))
    while "=?" in cleaned or "?=" in cleaned:
        cleaned = cleaned.replace("=?", "").replace("?=", "")
    return " ".join(cleaned.split())


def recipients(meeting: MeetingRecord) -> tuple[list[Address], list[str]]:
    """Present and excused attendees with a usable address, each once; plus warnings."""
    found: list[Address] = []
    seen: set[str] = set()
    warnings: list[str] = []
    for attendee in meeting.attendees:
        if attendee.presence not in (Presence.PRESENT, Presence.EXCUSED):
            continue
        person = attendee.person
        if not person.email.strip():
            continue
        name = header_text(person.name)
        address = valid_address(person.email)
        if address is None:
            warnings.append(
                f"Het e-mailadres van {one_line(person.name) or 'een deelnemer'} is ongeldig "
                "en is niet in de e-mail opgenomen."
            )
            continue
        if address.lower() in seen:
            continue
        seen.add(address.lower())
        username, domain = address.rsplit("@", 1)
        found.append(Address(display_name=name, username=username, domain=domain))
    if not found:
        warnings.append("Geen van de deelnemers heeft een bruikbaar e-mailadres.")
    return found, warnings


def subject(verslag: Verslag) -> str:
    return header_text(f"Verslag {verslag.committee} {verslag.date_text}")


def attachment_name(verslag: Verslag, suffix: str = ".docx") -> str:
    base = verslag.file_stem
    base = " ".join(_FILENAME_NOISE.sub("", header_text(base)).split()).strip(" .")
    return fit_file_name(base or "Verslag", suffix)


def plain_body(verslag: Verslag, filename: str) -> str:
    lines = [
        "Beste deelnemers,",
        "",
        f"In de bijlage ({filename}) vindt u het verslag van {verslag.committee} "
        f"van {verslag.date_text}.",
    ]
    if verslag.draft:
        lines.append("Het is een concept: opmerkingen en aanvullingen zijn welkom.")
    lines += ["", "Met vriendelijke groet,", verslag.author]
    return "\n".join(lines) + "\n"


def html_body(verslag: Verslag, filename: str) -> str:
    paragraphs = "".join(
        f"<p>{escape(block, quote=False)}</p>"
        for block in plain_body(verslag, filename).strip().split("\n\n")
    ).replace("\n", "<br>")
    return page(subject(verslag), f"{paragraphs}<hr>{render_body(verslag)}")


def render_eml(
    meeting: MeetingRecord, verslag: Verslag, docx_bytes: bytes
) -> tuple[bytes, list[str]]:
    """The draft e-mail's bytes (CRLF line ends) and Dutch warnings about left-out addresses."""
    to, warnings = recipients(meeting)
    filename = attachment_name(verslag)
    message = EmailMessage(policy=policy.SMTP)
    message["X-Unsent"] = "1"
    if to:
        message["To"] = to
    message["Subject"] = subject(verslag)
    message.set_content(plain_body(verslag, filename))
    message.add_alternative(html_body(verslag, filename), subtype="html")
    message.add_attachment(
        docx_bytes, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=filename
    )
    return message.as_bytes(policy=policy.SMTP), warnings


def mailto_url(addresses: Sequence[Address], mail_subject: str, body: str) -> str:
    """A mailto: link without attachment (RFC 6068), the fallback when the .eml won't open."""
    to = ",".join(urllib.parse.quote(a.addr_spec, safe="@") for a in addresses)
    query = urllib.parse.urlencode(
        {"subject": mail_subject, "body": body}, quote_via=urllib.parse.quote
    )
    return f"mailto:{to}?{query}"
