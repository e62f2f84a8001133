"""A document as a draft e-mail (.eml) that Outlook and Thunderbird open ready to send.

The verslag goes to who was there or excused; the agenda and the lists go to everyone
invited. The agenda and the verslag can carry the stukken of their points after the
document itself; the cover letter names them.

``X-Unsent: 1`` makes Outlook open it as an unsent draft; From, Date and Message-ID are
left out so the mail program fills them in. Names and addresses come from what the
secretary typed, and this Python predates the fix for CVE-2024-6923 (docs/pitfalls.md): an
encoded newline in a display name could add a header. So every name and address is
checked here before it reaches a header: an address must be a plain addr-spec, and a name
loses line breaks, controls, quotes, angle brackets and encoded-word markers.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
import urllib.parse
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from html import escape
from pathlib import Path

from taskforce_desktop.core.documents import ACTION_LIST, AGENDA, DECISION_LIST, VERSLAG
from taskforce_desktop.core.export.html import page, render_body
from taskforce_desktop.core.export.plain_text import render_text
from taskforce_desktop.core.file_names import fit_file_name
from taskforce_desktop.core.models import Presence
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.services.documents import size_label
from taskforce_desktop.core.verslag import Verslag, one_line, secretary_name

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")

# A plain addr-spec: dot-atom local part, and a domain of letters, digits and hyphens.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
_NAME_NOISE = re.compile(r'[<>"\\]')
_FILENAME_NOISE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_COVER_SENTENCES = {
    VERSLAG: "In de bijlage ({filename}) vindt u het verslag van {committee} van {date}.",
    AGENDA: "Hierbij nodig ik u uit voor de vergadering van {committee} op {date}. In de "
    "bijlage ({filename}) vindt u de agenda.",
    ACTION_LIST: "In de bijlage ({filename}) vindt u de openstaande acties van {committee}, "
    "bijgewerkt tot en met de vergadering van {date}.",
    DECISION_LIST: "In de bijlage ({filename}) vindt u de besluitenlijst van {committee}, "
    "tot en met de vergadering van {date}.",
}
_RULE = "-" * 40  # between the cover letter and the verslag, as the HTML part's <hr>
# Many mail servers refuse larger messages (often 20 to 25 MB, base64 included).
LARGE_MESSAGE_BYTES = 20 * 1024 * 1024

# An attachment besides the document: file name, media type ("application/pdf"), content.
Attachment = tuple[str, str, bytes]


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


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def recipients(meeting: MeetingRecord, document: str = VERSLAG) -> tuple[list[Address], list[str]]:
    """Attendees with a usable address, each once; plus warnings.

    The verslag goes to the present and the excused, every other document to everyone
    invited (before the meeting nobody is present yet).

    The warnings name who is left out (no address, or one that cannot be used), so the
    secretary can add them herself; the draft is made all the same.
    """
    found: list[Address] = []
    seen: set[str] = set()
    warnings: list[str] = []
    without_address: list[str] = []
    for attendee in meeting.attendees:
        if document == VERSLAG and attendee.presence not in (Presence.PRESENT, Presence.EXCUSED):
            continue
        person = attendee.person
        if not person.email.strip():
            without_address.append(one_line(person.name) or "een deelnemer")
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
    if without_address:
        warnings.append(
            f"Geen e-mailadres bekend van {_listed(without_address)}; vul "
            f"{'hun adressen' if len(without_address) > 1 else 'het adres'} zelf in bij de "
            "ontvangers."
        )
    if not found:
        warnings.append(
            "Geen van de deelnemers heeft een bruikbaar e-mailadres; het concept is gemaakt "
            "zonder ontvangers."
        )
    return found, warnings


def signature(meeting: MeetingRecord, verslag: Verslag) -> str:
    """The secretary's name as the meeting lists her, else the committee's secretariat."""
    return secretary_name(meeting) or f"Secretariaat {verslag.committee}"


def subject(verslag: Verslag) -> str:
    return header_text(f"{verslag.title} {verslag.date_text}")


def _file_name_text(name: str) -> str:
    """A file name as a header parameter can carry it: no path, quote or line break."""
    return " ".join(_FILENAME_NOISE.sub("", header_text(name)).split()).strip(" .")


def attachment_name(verslag: Verslag, suffix: str = ".docx") -> str:
    return fit_file_name(_file_name_text(verslag.file_stem) or "Verslag", suffix)


def cover_letter(
    meeting: MeetingRecord, verslag: Verslag, filename: str, stukken: Sequence[str] = ()
) -> str:
    """The few lines above the verslag, signed by the secretary (also the mailto body)."""
    lines = [
        "Beste deelnemers,",
        "",
        _COVER_SENTENCES[verslag.kind].format(
            filename=filename, committee=verslag.committee, date=verslag.date_text
        ),
    ]
    if stukken:
        noun = "de stukken" if len(stukken) > 1 else "het stuk"
        lines.append(f"Ook bijgevoegd: {noun} bij de agendapunten ({_listed(stukken)}).")
    if verslag.draft:
        lines.append("Het is een concept: opmerkingen en aanvullingen zijn welkom.")
    lines += ["", "Met vriendelijke groet,", signature(meeting, verslag)]
    return "\n".join(lines) + "\n"


def plain_body(
    meeting: MeetingRecord, verslag: Verslag, filename: str, stukken: Sequence[str] = ()
) -> str:
    """The text part: the cover letter and the whole verslag, as the HTML part has them."""
    letter = cover_letter(meeting, verslag, filename, stukken)
    return f"{letter}\n{_RULE}\n\n{render_text(verslag)}"


def html_body(
    meeting: MeetingRecord, verslag: Verslag, filename: str, stukken: Sequence[str] = ()
) -> str:
    paragraphs = "".join(
        f"<p>{escape(block, quote=False)}</p>"
        for block in cover_letter(meeting, verslag, filename, stukken).strip().split("\n\n")
    ).replace("\n", "<br>")
    return page(subject(verslag), f"{paragraphs}<hr>{render_body(verslag)}")


def _media_type(text: str) -> tuple[str, str]:
    maintype, slash, subtype = text.partition("/")
    return (
        (maintype, subtype) if slash and maintype and subtype else ("application", "octet-stream")
    )


def render_eml(
    meeting: MeetingRecord,
    verslag: Verslag,
    docx_bytes: bytes,
    extra_attachments: Sequence[Attachment] = (),
) -> tuple[bytes, list[str]]:
    """The draft e-mail's bytes (CRLF line ends) and Dutch warnings.

    The warnings name left-out addresses, and a message too large for many mail servers.
    ``extra_attachments`` (the stukken) follow the document, in the order given.
    """
    to, warnings = recipients(meeting, verslag.kind)
    filename = attachment_name(verslag)
    stukken = [
        (_file_name_text(name) or "stuk", _media_type(media_type), content)
        for name, media_type, content in extra_attachments
    ]
    names = [name for name, _type, _content in stukken]
    message = EmailMessage(policy=policy.SMTP)
    message["X-Unsent"] = "1"
    if to:
        message["To"] = to
    message["Subject"] = subject(verslag)
    message.set_content(plain_body(meeting, verslag, filename, names))
    message.add_alternative(html_body(meeting, verslag, filename, names), subtype="html")
    message.add_attachment(
        docx_bytes, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=filename
    )
    for name, (maintype, subtype), content in stukken:
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    data = message.as_bytes(policy=policy.SMTP)
    if len(data) > LARGE_MESSAGE_BYTES:
        warnings.append(
            f"De e-mail is {size_label(len(data))} en daarmee groot voor e-mail: veel "
            "mailservers weigeren berichten boven de 20 MB. Stuur de grootste stukken zo "
            "nodig apart of via een gedeelde map."
        )
    return data, warnings


def mailto_url(addresses: Sequence[Address], mail_subject: str, body: str) -> str:
    """A mailto: link without attachment (RFC 6068), the fallback when the .eml won't open."""
    to = ",".join(urllib.parse.quote(a.addr_spec, safe="@") for a in addresses)
    query = urllib.parse.urlencode(
        {"subject": mail_subject, "body": body}, quote_via=urllib.parse.quote
    )
    return f"mailto:{to}?{query}"


# Folders that a sync client copies to a server that others can be given access to.
_SYNCED_FOLDERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud",
    "nextcloud",
    "owncloud",
    "sharepoint",
    "box sync",
)
_DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive


def _on_network_drive(folder: Path) -> bool:
    if str(folder).startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32" and folder.drive:
        import ctypes  # asks Windows what kind of drive the folder is on

        return bool(ctypes.windll.kernel32.GetDriveTypeW(f"{folder.drive}\\") == _DRIVE_REMOTE)
    return False


def shared_folder_problem(folder: Path) -> str | None:
    """Why a folder is no place for a draft (it holds the whole verslag), else None.

    Refused: a network share or drive, a folder a sync client copies to a server
    (OneDrive, Dropbox, SharePoint …), and on POSIX one that others may read or that
    belongs to another user.
    """
    folder = Path(folder)
    parts = [part.casefold() for part in folder.parts]
    synced = next(
        (part for part in parts for name in _SYNCED_FOLDERS if part.startswith(name)), None
    )
    if _on_network_drive(folder):
        reason = "het is een netwerkmap"
    elif synced is not None:
        reason = "wat erin staat wordt naar een server gekopieerd"
    elif not folder.is_dir():
        return f"De map {folder} bestaat niet."
    elif os.name == "posix" and (
        folder.stat().st_uid != os.getuid() or stat.S_IMODE(folder.stat().st_mode) & 0o077
    ):
        reason = "andere gebruikers van deze computer kunnen erin kijken"
    else:
        return None
    return (
        f"De map {folder} is niet alleen van u ({reason}). Een concept-e-mail bevat het "
        "hele verslag, ook de vertrouwelijke punten: kies een map die alleen van u is."
    )
