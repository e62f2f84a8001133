"""The emergency copy of unsaved texts and the rescue copy of a vanished store, kept private.

Both live outside the data dir (whose disk or folder is the one failing), in a folder only
this user can enter, through ``core.private_files``: created 0700, refused when it is a
symlink or owned by someone else; files created exclusively with mode 0600 and renamed into
place, so a name planted by another user is never written through. At start a copy is applied only when
this user owns it, it was made for this data dir, and each edit names a field of an object
of the meeting it names, and only after the secretary has seen which meetings and fields
it would restore and said yes; what was applied is reported by meeting and field.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from taskforce_desktop import APP_NAME, paths
from taskforce_desktop.core import private_files, services
from taskforce_desktop.core.atomic_file import temporary_name_pattern
from taskforce_desktop.core.edits import Edit, Target
from taskforce_desktop.core.private_files import FolderNotPrivate
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.store import Store, StoreError
from taskforce_desktop.ui.autosave import AutosaveWriter, write_edits
from taskforce_desktop.ui.dialogs.simple import Confirm
from taskforce_desktop.ui.display import numeric_date

log = logging.getLogger(__name__)

PRIVATE_FOLDER_NAME = "noodkopie"
# Lower case: they complete the sentence "teruggezet: de impressie bij 'Opening'".
FIELD_NAMES = {
    "notes": "de impressie",
    "introduction": "de toelichting",
    "conclusion": "de conclusie",
    "title": "de titel",
    "presenter": "de inleider",
    "purpose": "het doel",
    "location": "de locatie",
    "corrections": "de correcties",
    "closing": "de afsluiting",
    "text": "het besluit",
    "description": "het actiepunt",
    "owner": "de actiehouder",
    "due": "de termijn",
    "note": "de opmerking",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Safety", text)


# ---------------------------------------------------------------------------- private files


def private_folder_candidates() -> list[Path]:
    """Where the copies may go, best first: the user's private folder, then the temp dir.

    The second is for a full home disk; its name is predictable, so it is used only when it
    passes the same checks (a real folder of this user, 0700).
    """
    user = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
    return [
        paths.private_dir(PRIVATE_FOLDER_NAME),
        Path(tempfile.gettempdir()) / f"{APP_NAME}-{PRIVATE_FOLDER_NAME}-{user}",
    ]


def read_private(path: Path) -> bytes | None:
    """The content of a file this user owns in a private folder; None for anything else."""
    try:
        return private_files.read_private_file(path)
    except FileNotFoundError:
        return None
    except (OSError, FolderNotPrivate) as exc:
        log.warning("emergency copy %s not read: %s", path.name, exc)
        return None


def _data_dir_key(data_dir: Path) -> str:
    key = os.path.normcase(str(Path(data_dir).resolve())).encode("utf-8", "surrogatepass")
    return hashlib.sha256(key).hexdigest()[:16]


def emergency_file_name(data_dir: Path) -> str:
    return f"noodkopie-{_data_dir_key(data_dir)}.json"


def rescue_file_name(data_dir: Path) -> str:
    return f"gered-{_data_dir_key(data_dir)}.sqlite3"


def existing_private_file(name: str) -> Path | None:
    """The first private folder's file of that name that this user owns."""
    for folder in private_folder_candidates():
        path = folder / name
        try:
            status = path.lstat()
            private_files.ensure_private_dir(folder)
        except (OSError, FolderNotPrivate):
            continue
        if private_files.is_own_file(status):
            return path
    return None


def write_to_a_private_folder(name: str, content: bytes) -> Path:
    """Written to the first private folder that takes it; the last error when none does."""
    failure: OSError | FolderNotPrivate | None = None
    for folder in private_folder_candidates():
        try:
            return private_files.write_private_file(folder / name, content)
        except (OSError, FolderNotPrivate) as exc:
            log.error("private copy not written to %s: %s", folder, exc)
            failure = exc
    assert failure is not None
    raise failure


def remove_private_file(name: str) -> None:
    for folder in private_folder_candidates():
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("private copy %s not removed: %s", name, exc)


def remove_leftovers(data_dir: Path) -> None:
    """What a killed write of this data dir's copies left in the private folders.

    The emergency copy's temporary file, and the rescue copy's ``.new`` file with the
    partial file and journal of the SQLite copy into it; nothing else is touched.
    """
    rescue_in_progress = (
        rf"\.{re.escape(rescue_file_name(data_dir))}\.new(?:\.partial(?:-journal)?)?"
    )
    leftovers = re.compile(
        f"{temporary_name_pattern(emergency_file_name(data_dir)).pattern}|{rescue_in_progress}"
    )
    for folder in private_folder_candidates():
        private_files.remove_older_than(folder, private_files.LEFTOVER_AGE_SECONDS, leftovers)


def rescue_store(store: Store) -> Path:
    """A full copy of the store (also when its file lost its name) in a private folder.

    A copy without the app's tables (a connection opened on the empty file of a recreated
    folder) never replaces an earlier good one.
    """
    name = rescue_file_name(store.data_dir)
    failure: Exception | None = None
    for folder in private_folder_candidates():
        try:
            private_files.ensure_private_dir(folder)
            fresh = store.backup_to(folder / f".{name}.new")
            if not _has_meetings_table(fresh):
                fresh.unlink()
                raise StoreError("the rescue copy has no tables: read from an empty file")
            target = folder / name
            os.replace(fresh, target)
            return target
        except (OSError, FolderNotPrivate, StoreError, sqlite3.Error) as exc:
            log.error("rescue copy not written to %s: %s", folder, exc)
            failure = exc
    assert failure is not None
    raise failure


def _has_meetings_table(database: Path) -> bool:
    connection = sqlite3.connect(database)
    try:
        query = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meeting'"
        return connection.execute(query).fetchone() is not None
    finally:
        connection.close()


def existing_rescue_copy(data_dir: Path) -> Path | None:
    return existing_private_file(rescue_file_name(data_dir))


# ---------------------------------------------------------------------------- the copy itself


def _edit_to_json(edit: Edit) -> dict:
    return {
        "meeting_id": edit.meeting_id,
        "target": edit.target.value,
        "object_id": edit.object_id,
        "field": edit.field,
        "value": edit.value
        if isinstance(edit.value, (str, int, float, bool, type(None)))
        else str(edit.value),
    }


def emergency_content(data_dir: Path, edits: list[Edit]) -> bytes:
    content = {
        "data_dir": str(data_dir),
        "written_at": dt.datetime.now().isoformat(timespec="seconds"),
        "edits": [_edit_to_json(edit) for edit in edits],
    }
    return json.dumps(content, ensure_ascii=False).encode("utf-8")


def read_emergency_copy(data_dir: Path) -> list[Edit]:
    """The edits an earlier session could not save for this data dir; empty otherwise."""
    path = existing_private_file(emergency_file_name(data_dir))
    raw = read_private(path) if path is not None else None
    if raw is None:
        return []
    try:
        data = json.loads(raw.decode("utf-8"))
        if _data_dir_key(Path(data["data_dir"])) != _data_dir_key(data_dir):
            log.warning("emergency copy refused: made for another data dir")
            return []
        return [
            Edit(
                int(e["meeting_id"]), Target(e["target"]), int(e["object_id"]), str(e["field"]),
                e["value"],
            )
            for e in data["edits"]
        ]  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("emergency copy unreadable: %s", exc)
        return []


def _object_name(meeting: MeetingRecord, edit: Edit) -> str | None:
    """How the secretary knows the object an edit names; None when the meeting lacks it."""
    if edit.target is Target.MEETING:
        return _tr("de vergadering") if edit.object_id == meeting.id else None
    if edit.target is Target.ATTENDEE:
        for attendee in meeting.attendees:
            if attendee.id == edit.object_id:
                return attendee.person.name
        return None
    for item in meeting.agenda:
        if edit.target is Target.AGENDA_ITEM and item.id == edit.object_id:
            return item.title
        rows = item.decisions if edit.target is Target.DECISION else item.actions
        if edit.target is not Target.AGENDA_ITEM and any(r.id == edit.object_id for r in rows):
            return item.title
    return None


@dataclass
class Recovery:
    """What was taken from the emergency copy, said in the secretary's words."""

    applied: list[Edit] = field(default_factory=list)
    described: list[str] = field(default_factory=list)
    refused: int = 0
    failure: str | None = None
    kept_at: Path | None = None  # she said no: the copy waits there for a later start

    def message(self) -> str:
        if self.kept_at is not None:
            return _tr(
                "De niet opgeslagen tekst van de vorige keer is niet teruggezet. De noodkopie "
                "staat in {0}; bij de volgende start wordt hij opnieuw aangeboden."
            ).format(self.kept_at)
        if not self.applied and not self.refused:
            return ""
        lines = []
        if self.described:
            lines.append(
                _tr("Uit de noodkopie van de vorige keer teruggezet: {0}.").format(
                    "; ".join(self.described)
                )
            )
        if self.failure:
            lines.append(self.failure)
        if self.refused:
            lines.append(
                _tr(
                    "{0} wijziging(en) uit de noodkopie hoorden niet bij deze gegevens en zijn "
                    "niet teruggezet."
                ).format(self.refused)
            )
        return " ".join(lines)


def _checked_edits(store: Store, edits: list[Edit]) -> Recovery:
    recovery = Recovery()
    meetings: dict[int, MeetingRecord | None] = {}
    by_meeting: dict[str, list[str]] = {}
    for edit in edits:
        if edit.meeting_id not in meetings:
            try:
                meetings[edit.meeting_id] = services.load_meeting(store, edit.meeting_id)
            except Exception:  # noqa: BLE001 - a meeting that is gone takes nothing back
                meetings[edit.meeting_id] = None
        meeting = meetings[edit.meeting_id]
        name = _object_name(meeting, edit) if meeting is not None else None
        if meeting is None or name is None:
            recovery.refused += 1
            continue
        recovery.applied.append(edit)
        heading = f"{meeting.title} ({numeric_date(meeting.date)})"
        what = FIELD_NAMES.get(edit.field, edit.field)
        by_meeting.setdefault(heading, []).append(
            what if edit.target is Target.MEETING else _tr("{0} bij '{1}'").format(what, name)
        )
    recovery.described = [
        f"{heading}: {', '.join(fields)}" for heading, fields in by_meeting.items()
    ]
    return recovery


def _she_wants_it_back(recovery: Recovery, parent: QWidget | None) -> bool:
    question = _tr(
        "De vorige keer kon tekst niet worden opgeslagen; er is een noodkopie van bewaard:"
        "\n\n{0}\n\nWilt u die tekst nu terugzetten? Wat nu in die velden staat, wordt "
        "erdoor vervangen."
    ).format("\n".join(f"• {described}" for described in recovery.described))
    return Confirm.ask(
        parent, _tr("Niet opgeslagen tekst terugzetten"), question, _tr("Terugzetten")
    )


def apply_emergency_copy(store: Store, parent: QWidget | None = None) -> Recovery:
    """Before the window reads the store: write back what the last session could not save,
    once the secretary has seen what it is and said yes (at start, before she types).

    The copy is removed once its edits are in the store; when the store still cannot take
    them, ``Recovery.failure`` says why and the caller queues ``Recovery.applied``. When she
    says no, the copy stays where it is (``Recovery.kept_at``) for a later start.
    """
    edits = read_emergency_copy(store.data_dir)
    if not edits:
        return Recovery()
    recovery = _checked_edits(store, edits)
    if recovery.applied and not _she_wants_it_back(recovery, parent):
        log.warning("emergency copy kept: the secretary did not want it restored now")
        return Recovery(kept_at=existing_private_file(emergency_file_name(store.data_dir)))
    result = write_edits(store, recovery.applied)
    recovery.failure = result.failure
    if result.failure is None:
        remove_private_file(emergency_file_name(store.data_dir))
    log.warning(
        "emergency copy: %d edit(s) applied, %d refused", len(recovery.applied), recovery.refused
    )
    return recovery


class EmergencyCopy(QObject):
    """While saving fails, every unsaved text also goes to a private file on another path.

    Written after each failed attempt (the writer retries every few seconds) and removed
    once the store has everything again.
    """

    written_to = Signal(str)

    def __init__(self, writer: AutosaveWriter, data_dir: Path):
        super().__init__(writer)
        self.writer = writer
        self.data_dir = Path(data_dir)
        self.name = emergency_file_name(self.data_dir)
        self.path: Path | None = None
        writer.failed.connect(self.write)
        writer.saved.connect(self._discard_when_all_saved)
        writer.recovered.connect(self._discard_when_all_saved)

    def write(self, *_failure) -> None:
        edits = self.writer.pending_edits()
        if not edits:
            return
        try:
            self.path = write_to_a_private_folder(
                self.name, emergency_content(self.data_dir, edits)
            )
        except (OSError, FolderNotPrivate):
            return
        log.warning("emergency copy of %d unsaved edit(s) written", len(edits))
        self.written_to.emit(str(self.path))

    def _discard_when_all_saved(self, *_args) -> None:
        if self.path is not None and not self.writer.has_pending() and self.writer.failure is None:
            remove_private_file(self.name)
            self.path = None
