"""The PDF as the Word verslag: the .docx converted by LibreOffice, or by Word on Windows.

A PDF made from the Word file carries the organisation's house style, and both programs
make it accessible: tagged (PDF/UA from LibreOffice, structure tags from Word), with
bookmarks from the headings and the document's language (nl-NL, set in the .docx). Each
program runs as a child process in a private temporary folder (0700, removed afterwards),
LibreOffice with a user profile of its own so a LibreOffice the secretary has open is left
alone, and each is bounded by a timeout. When neither is installed or both fail, the
caller falls back to the Qt renderer (ui/pdf_writer.py); the warnings say why.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# A first start of LibreOffice with a fresh profile takes a few seconds; a minute means
# it hangs (a dialog nobody sees, a broken installation).
CONVERSION_TIMEOUT_SECONDS = 60

_BOOLEAN_TRUE = {"type": "boolean", "value": "true"}
# writer_pdf_Export's filter data, in the JSON syntax --convert-to accepts (LibreOffice 7.4+).
LIBREOFFICE_PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {
        "UseTaggedPDF": _BOOLEAN_TRUE,
        "PDFUACompliance": _BOOLEAN_TRUE,
        "ExportBookmarks": _BOOLEAN_TRUE,
    },
    separators=(",", ":"),
)

# Word through COM from PowerShell, which every Windows has: no extra Python package.
# The paths come in through the environment, so no quoting of file names is needed.
# ExportAsFixedFormat: 17 = PDF, for print, the whole document, its content, with the
# document properties, bookmarks from the headings (1) and structure tags.
_WORD_SCRIPT = """
$ErrorActionPreference = 'Stop'
$word = New-Object -ComObject Word.Application
try {
  $word.Visible = $false
  $word.DisplayAlerts = 0
  $doc = $word.Documents.Open($env:TASKFORCE_DOCX, $false, $true)
  try {
    $doc.ExportAsFixedFormat($env:TASKFORCE_PDF, 17, $false, 0, 0, 1, 1, 0,
                             $true, $true, 1, $true, $true, $false)
  } finally { $doc.Close(0) }
} finally { $word.Quit(0) }
"""

_LIBREOFFICE_NAMES = ("soffice", "libreoffice")


def _usual_libreoffice_paths() -> list[Path]:
    if sys.platform == "win32":
        folders = [os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)")]
        return [Path(f, "LibreOffice", "program", "soffice.exe") for f in folders if f]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return []


def find_libreoffice() -> Path | None:
    """LibreOffice's soffice on PATH, or in its usual place on Windows and macOS."""
    for name in _LIBREOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((path for path in _usual_libreoffice_paths() if path.is_file()), None)


def word_is_installed() -> bool:
    """Word registers its COM server on Windows; elsewhere there is no Word to drive."""
    if sys.platform == "win32":
        import winreg

        try:
            winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CurVer"))
        except OSError:
            return False
        return shutil.which("powershell") is not None
    return False


@dataclass(frozen=True)
class PdfConverter:
    """A program that turns the Word file into the PDF.

    ``command(docx, pdf, folder)`` is the argument list and extra environment that write
    ``pdf`` from ``docx``; ``folder`` is private to this one conversion.
    """

    name: str
    command: Callable[[Path, Path, Path], tuple[list[str], dict[str, str]]]


def libreoffice_converter(soffice: Path) -> PdfConverter:
    def command(docx: Path, pdf: Path, folder: Path) -> tuple[list[str], dict[str, str]]:
        profile = (folder / "profiel").as_uri()
        argv = [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        argv += ["--convert-to", LIBREOFFICE_PDF_FILTER, "--outdir", str(pdf.parent), str(docx)]
        return argv, {}

    return PdfConverter("LibreOffice", command)


def word_converter() -> PdfConverter:
    def command(docx: Path, pdf: Path, _folder: Path) -> tuple[list[str], dict[str, str]]:
        argv = ["powershell", "-NoProfile", "-NonInteractive", "-Command", _WORD_SCRIPT]
        return argv, {"TASKFORCE_DOCX": str(docx), "TASKFORCE_PDF": str(pdf)}

    return PdfConverter("Word", command)


def installed_converters() -> list[PdfConverter]:
    """LibreOffice first (it makes PDF/UA), then Word; empty when neither is here."""
    converters = []
    soffice = find_libreoffice()
    if soffice is not None:
        converters.append(libreoffice_converter(soffice))
    if word_is_installed():
        converters.append(word_converter())
    return converters


class ConversionFailed(Exception):
    """The program gave no PDF; the message is Dutch and names the program."""


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    # soffice starts soffice.bin and PowerShell starts its own children: end them all.
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True)
    else:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _run(argv: list[str], env: dict[str, str], name: str, timeout: float) -> None:
    # A group of its own, so a timeout can end the program and everything it started.
    if sys.platform == "win32":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
        own_group: dict[str, object] = {"creationflags": flags}
    else:
        own_group = {"start_new_session": True}
    process = subprocess.Popen(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **own_group,  # type: ignore[call-overload]
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=10)  # reaps it and closes its pipe
        raise ConversionFailed(
            f"{name} maakte de PDF niet binnen {timeout:.0f} seconden en is gestopt."
        ) from None
    if process.returncode != 0:
        log.warning("%s exited with %s: %s", name, process.returncode, output[-2000:])
        raise ConversionFailed(f"{name} kon de PDF niet maken (foutcode {process.returncode}).")


def convert(
    docx: bytes, converter: PdfConverter, timeout: float = CONVERSION_TIMEOUT_SECONDS
) -> bytes:
    """The PDF that ``converter`` makes of the Word file ``docx``; raises ConversionFailed."""
    with tempfile.TemporaryDirectory(prefix="taskforce-pdf-") as private:  # mode 0700
        folder = Path(private)
        source, target = folder / "verslag.docx", folder / "uit" / "verslag.pdf"
        target.parent.mkdir()
        source.write_bytes(docx)
        argv, extra_env = converter.command(source, target, folder)
        try:
            _run(argv, {**os.environ, **extra_env}, converter.name, timeout)
        except OSError as error:
            raise ConversionFailed(
                f"{converter.name} kon niet worden gestart: {error.strerror or error}"
            ) from None
        try:
            data = target.read_bytes()
        except OSError:
            data = b""
        if not data.startswith(b"%PDF-"):
            raise ConversionFailed(f"{converter.name} gaf geen PDF terug.")
        return data


class MadeBy(str):
    """The line that says which program made the PDF: it travels with the warnings of an
    export, but is no warning (the window shows it in the status bar, the CLI on stderr)."""


@dataclass(frozen=True)
class WordPdf:
    data: bytes
    made_by: str  # "LibreOffice" or "Word"


def pdf_from_docx(
    docx: bytes,
    converters: Sequence[PdfConverter] | None = None,
    timeout: float = CONVERSION_TIMEOUT_SECONDS,
) -> tuple[WordPdf | None, list[str]]:
    """The PDF of the first converter that succeeds, and a Dutch line per one that failed."""
    failures: list[str] = []
    for converter in installed_converters() if converters is None else converters:
        try:
            return WordPdf(convert(docx, converter, timeout), converter.name), failures
        except ConversionFailed as failure:
            log.warning("PDF by %s failed: %s", converter.name, failure)
            failures.append(str(failure))
    return None, failures
