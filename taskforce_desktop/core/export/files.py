"""Writing an export file: complete or not at all, with a Dutch message when the target is bad.

The atomic part (temporary file beside the target, fsync, replace) is core.atomic_file;
this module adds what an export target needs on top: a target that Word holds open, that
is read-only, that is not a regular file (a device, a FIFO) or that lies in the app's own
data or log folder is refused before anything is written, and every failure becomes an
ExportError whose message the UI and the CLI show as is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from taskforce_desktop import paths
from taskforce_desktop.core.atomic_file import temporary_name_pattern, write_atomically
from taskforce_desktop.core.private_files import LEFTOVER_AGE_SECONDS, remove_older_than


class ExportError(Exception):
    """An export that could not be written; the message is Dutch and meant for the user."""


class ExportTargetError(ExportError):
    """The chosen file cannot be written; saving under another name will help."""

    def __init__(self, message: str, target: Path) -> None:
        super().__init__(message)
        self.target = target


def word_owner_files(target: Path) -> list[Path]:
    """The '~$' owner files Word may keep beside an open document.

    Word shortens long names: 'Verslag.docx' is held by '~$rslag.docx'.
    """
    name = target.name
    candidates = {"~$" + name, "~$" + name[1:], "~$" + name[2:]}
    return [target.with_name(candidate) for candidate in sorted(candidates)]


def _locked_message(target: Path) -> str:
    return (
        f"Het bestand '{target.name}' is geopend in een ander programma (waarschijnlijk Word). "
        "Sluit het daar, of sla het verslag op onder een andere naam."
    )


def _lies_in(target: Path, folder: Path) -> bool:
    """Whether target is somewhere under folder, also through symlinks or another spelling."""
    try:
        folder_status = os.stat(folder)
    except OSError:
        return False
    for ancestor in target.resolve().parents:
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(ancestor), folder_status):
                return True
    return False


def _check_not_the_apps_own(target: Path, data_dir: Path | None) -> None:
    # Replacing the store, a backup, the log or the settings with a document loses the notes.
    if _lies_in(target, paths.private_root()):
        return  # the app's own drafts (the mail), wherever the platform puts that folder
    for folder in (data_dir, paths.default_log_dir()):
        if folder is not None and _lies_in(target, Path(folder)):
            raise ExportTargetError(
                f"'{target.name}' ligt in de map {folder}, waar Taskforce Verslag zijn eigen "
                "gegevens, reservekopieën en logboek bewaart. Een export daar kan die "
                "overschrijven. Kies een andere map, bijvoorbeeld Documenten.",
                target,
            )


def check_target(target: Path, data_dir: Path | None = None) -> None:
    """Raise ExportTargetError when the target certainly cannot or must not be written.

    data_dir is the open store's folder: nothing is exported into it.
    """
    if target.is_dir():
        raise ExportTargetError(
            f"'{target.name}' is een map, geen bestand. Kies een bestandsnaam.", target
        )
    if not target.parent.is_dir():
        raise ExportTargetError(f"De map '{target.parent}' bestaat niet.", target)
    _check_not_the_apps_own(target, data_dir)
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        raise ExportTargetError(
            f"'{target.name}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of een "
            "pijp). Kies een nieuwe bestandsnaam.",
            target,
        )
    if any(owner.exists() for owner in word_owner_files(target)):
        raise ExportTargetError(_locked_message(target), target)
    # os.access says yes to root; the mode bits are what Word and Explorer honour.
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise ExportTargetError(
            f"Het bestand '{target.name}' is alleen-lezen. Sla het verslag op onder een "
            "andere naam, of maak het bestand eerst schrijfbaar.",
            target,
        )


def write_export_file(target: Path | str, data: bytes, *, data_dir: Path | None = None) -> Path:
    """Put ``data`` in place of ``target`` in one step, or raise ExportError.

    data_dir is the open store's folder, which an export must never write into.
    """
    target = Path(target).expanduser().absolute()
    check_target(target, data_dir)
    # What an earlier export to this name left when it was killed halfway.
    remove_older_than(target.parent, LEFTOVER_AGE_SECONDS, temporary_name_pattern(target.name))
    # The temporary file is private (0600); an exported document keeps the mode of the file
    # it replaces, or is readable like any other document.
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    try:
        write_atomically(target, data)
        with contextlib.suppress(OSError):
            os.chmod(target, mode)
        return target
    except PermissionError as error:
        # Windows refuses to replace a file that another program holds open.
        if target.exists():
            raise ExportTargetError(_locked_message(target), target) from error
        raise ExportTargetError(
            f"Geen schrijfrechten in de map '{target.parent}'. Kies een andere map.", target
        ) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise ExportError(f"De schijf is vol: '{target.name}' is niet opgeslagen.") from error
        reason = error.strerror or str(error)
        raise ExportError(f"'{target.name}' kon niet worden opgeslagen: {reason}.") from error
