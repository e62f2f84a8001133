"""The stukken: files attached to an agenda point, kept in the store with the meeting.

The window, the listings and the meeting file see a stuk as an AgendaDocumentRecord (its
name, type and size); the bytes are read only where they are needed (opening the file,
the e-mail, the meeting file). The rules of what may be attached (``document_name``,
``MEDIA_TYPES``, ``MAX_DOCUMENT_BYTES``) are the same for a file she picks and a stuk in an
imported meeting file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from taskforce_desktop.core.models import AgendaDocument, AgendaItem
from taskforce_desktop.core.records import AgendaDocumentRecord
from taskforce_desktop.core.services.rows import get_row, insert_at, move_to, renumber
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.validation import DomainError, clean_text

# The kinds of file a stuk is in practice, by extension; anything else (programs, archives,
# shortcuts) is refused rather than mailed on to every invitee.
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
# About the largest message many mail servers take (25 to 35 MB with base64's third added);
# the e-mail itself is called large from 20 MB on.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
MAX_NAME_LENGTH = 255  # the column's length, and what file systems allow
_PATH_SEPARATORS = re.compile(r"[\\/]")
# Characters Windows allows in no file name: the window saves a stuk under its own name.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"|?*]')


def size_label(size: int) -> str:
    """A size as she reads it: "840 kB", "2,4 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def allowed_kinds() -> str:
    """The extensions a stuk may have, as a list she reads: "pdf, doc, docx, …"."""
    return ", ".join(dict.fromkeys(suffix.lstrip(".") for suffix in MEDIA_TYPES))


def document_name(value: object) -> str:
    """The base name of a file as one line that every file system takes as a name."""
    text = clean_text(value, field="Bestandsnaam", multiline=False)
    name = " ".join(_NOT_IN_FILE_NAMES.sub("", _PATH_SEPARATORS.split(text)[-1]).split())
    if not name.strip("."):
        raise DomainError(f"'{text}' is geen bestandsnaam.")
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePath(name).suffix[:20]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name


def media_type_of(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        kind = f"Bestanden van het type '{suffix}'" if suffix else f"'{name}' (zonder extensie)"
        raise DomainError(
            f"{kind} kunnen niet als stuk worden bewaard. Toegestaan zijn: {allowed_kinds()}."
        )
    return media_type


def check_size(name: str, size: int) -> None:
    if size == 0:
        raise DomainError(f"Het bestand '{name}' is leeg.")
    if size > MAX_DOCUMENT_BYTES:
        raise DomainError(
            f"Het bestand '{name}' is {size_label(size)}; een stuk mag ten hoogste "
            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB zijn."
        )


def check_document(file_name: object, content: bytes) -> tuple[str, str]:
    """The cleaned name and the media type of an acceptable stuk, else a Dutch DomainError."""
    name = document_name(file_name)
    media_type = media_type_of(name)
    check_size(name, len(content))
    return name, media_type


def unique_name(name: str, taken: Iterable[str]) -> str:
    """A name taken on the point gets a number: "notitie.pdf" again is "notitie (2).pdf"."""
    taken_names = {other.casefold() for other in taken}
    if name.casefold() not in taken_names:
        return name
    path = PurePath(name)
    stem, suffix = name[: len(name) - len(path.suffix)], path.suffix
    counter = 2
    while f"{stem} ({counter}){suffix}".casefold() in taken_names:
        counter += 1
    return f"{stem} ({counter}){suffix}"


def document_record(document: AgendaDocument) -> AgendaDocumentRecord:
    return AgendaDocumentRecord(document.id, document.file_name, document.media_type, document.size)


def attach_document_in(
    session: Session,
    item: AgendaItem,
    file_name: object,
    content: bytes,
    index: int | None = None,
) -> AgendaDocument:
    name, media_type = check_document(file_name, content)
    document = AgendaDocument(
        file_name=unique_name(name, (other.file_name for other in item.documents)),
        media_type=media_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )
    insert_at(item.documents, document, index)
    session.flush()
    return document


def attach_document(store: Store, item_id: int, file_name: str, content: bytes) -> int:
    """Attach a stuk at the end of the point's list; returns its id."""
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        return attach_document_in(session, item, file_name, content).id


def read_document_file(path: Path) -> tuple[str, bytes]:
    """The name and content of a file that can be a stuk (no store: for any thread)."""
    path = Path(path)
    name = document_name(path.name)
    media_type_of(name)  # refused by its type before a large file is read
    try:
        check_size(name, path.stat().st_size)
        content = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}."
        ) from exc
    return name, content


def attach_document_file(store: Store, item_id: int, path: Path) -> int:
    """Attach the file at ``path`` under its own name."""
    return attach_document(store, item_id, *read_document_file(path))


def remove_document(store: Store, document_id: int) -> None:
    with store.session() as session:
        document = get_row(session, AgendaDocument, document_id, "Stuk")
        item = document.agenda_item
        item.documents.remove(document)
        renumber(item.documents)


def restore_document(
    store: Store, item_id: int, record: AgendaDocumentRecord, content: bytes, index: int
) -> int:
    """Put a removed stuk back where it was (undo); returns its new id."""
    with store.session() as session:
        item = get_row(session, AgendaItem, item_id, "Agendapunt")
        return attach_document_in(session, item, record.file_name, content, index).id


def restore_documents_in(
    session: Session, item: AgendaItem, documents: Sequence[tuple[AgendaDocumentRecord, bytes]]
) -> None:
    for record, content in documents:
        attach_document_in(session, item, record.file_name, content)


def move_document(store: Store, document_id: int, new_index: int) -> None:
    with store.session() as session:
        document = get_row(session, AgendaDocument, document_id, "Stuk")
        move_to(document.agenda_item.documents, document, new_index)


def document_content(store: Store, document_id: int) -> bytes:
    with store.read() as session:
        content = session.scalar(
            select(AgendaDocument.content).where(AgendaDocument.id == document_id)
        )
    if content is None:
        raise DomainError(f"Stuk {document_id} bestaat niet (meer).")
    return content


def _with_content(
    session: Session, *conditions: ColumnElement[bool]
) -> list[tuple[AgendaDocumentRecord, bytes]]:
    rows = session.execute(
        select(
            AgendaDocument.id,
            AgendaDocument.file_name,
            AgendaDocument.media_type,
            AgendaDocument.size,
            AgendaDocument.content,
        )
        .join(AgendaItem)
        .where(*conditions)
        .order_by(AgendaItem.position, AgendaItem.id, AgendaDocument.position, AgendaDocument.id)
    ).all()
    return [(AgendaDocumentRecord(*row[:4]), row[4]) for row in rows]


def documents_of_item(store: Store, item_id: int) -> list[tuple[AgendaDocumentRecord, bytes]]:
    """A point's stukken with their content, in order (kept by an undo of removing it)."""
    with store.read() as session:
        return _with_content(session, AgendaItem.id == item_id)


def documents_of_meeting(
    store: Store, meeting_id: int, *, public: bool = False
) -> list[tuple[AgendaDocumentRecord, bytes]]:
    """Every stuk of the meeting with its content, in agenda order (the e-mail's attachments).

    ``public`` leaves out the stukken of confidential points, as the public version leaves
    out the points.
    """
    conditions: list[ColumnElement[bool]] = [AgendaItem.meeting_id == meeting_id]
    if public:
        conditions.append(AgendaItem.confidential.is_(False))
    with store.read() as session:
        return _with_content(session, *conditions)
