"""The PDF made from the Word verslag by LibreOffice: tagged, bookmarked, in Dutch (issue 12)."""

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from verslag_samples import sample_meeting

from taskforce_desktop.core.export import ExportOptions, render_export
from taskforce_desktop.core.export import pdf as word_pdf

needs_libreoffice = pytest.mark.skipif(
    word_pdf.find_libreoffice() is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice and pdfinfo/pdftotext (poppler-utils) are not installed",
)


def _bookmarks(pdf: bytes) -> list[str]:
    """The outline's titles; LibreOffice writes them as UTF-16 hex strings."""
    titles = re.findall(rb"/Title\s*<FEFF([0-9A-Fa-f]*)>", pdf)
    return [bytes.fromhex(title.decode()).decode("utf-16-be") for title in titles]


def _poppler(tool: str, pdf: bytes, tmp_path) -> str:
    source = tmp_path / "verslag.pdf"
    source.write_bytes(pdf)
    return subprocess.run(
        [tool, str(source), "-"] if tool == "pdftotext" else [tool, str(source)],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip


@needs_libreoffice
def test_libreoffice_makes_an_accessible_pdf_of_the_word_verslag(tmp_path):
    docx, _ = render_export(sample_meeting(), "docx", ExportOptions())
    made, failures = word_pdf.pdf_from_docx(docx)

    assert failures == [] and made is not None and made.made_by == "LibreOffice"
    pdf = made.data
    assert b"/StructTreeRoot" in pdf and re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", pdf)
    assert re.search(rb"/Lang\s*\(nl-NL\)", pdf)
    assert b"pdfuaid:part>1<" in pdf  # PDF/UA-1 declared in the metadata
    info = _poppler("pdfinfo", pdf, tmp_path)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Verslag Taskforce Samen Organiseren", info, re.M)
    bookmarks = _bookmarks(pdf)
    assert "Deelnemers" in bookmarks and "Besluitenlijst" in bookmarks
    assert any(title.startswith("1. Opening") for title in bookmarks)
    text = _poppler("pdftotext", pdf, tmp_path)
    assert "Verslag Taskforce Samen Organiseren" in text and "Pagina 1 van" in text


def test_without_a_converter_there_is_no_word_pdf():
    assert word_pdf.pdf_from_docx(b"PK", converters=[]) == (None, [])


def _converter_running(script: str) -> word_pdf.PdfConverter:
    """A stand-in for LibreOffice: a Python script in the conversion's private folder."""

    def command(docx, pdf, folder):
        (folder / "stand_in.py").write_text(textwrap.dedent(script))
        return [sys.executable, str(folder / "stand_in.py"), str(docx), str(pdf)], {}

    return word_pdf.PdfConverter("LibreOffice", command)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_hanging_converter_is_stopped_with_its_children_and_the_next_one_tried(tmp_path):
    child_pid = tmp_path / "child.pid"
    hanging = _converter_running(
        f"""
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open({str(child_pid)!r}, "w").write(str(child.pid))
        time.sleep(600)
        """
    )
    writing = _converter_running(
        """
        import sys
        open(sys.argv[2], "wb").write(b"%PDF-1.7 van Word")
        """
    )
    word = word_pdf.PdfConverter("Word", writing.command)

    made, failures = word_pdf.pdf_from_docx(b"PK", [hanging, word], timeout=3)

    assert made == word_pdf.WordPdf(b"%PDF-1.7 van Word", "Word")
    assert failures == ["LibreOffice maakte de PDF niet binnen 3 seconden en is gestopt."]
    pid = int(child_pid.read_text())
    try:
        assert not _running(pid), "the converter's child outlived the timeout"
    finally:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_converter_that_writes_no_pdf_is_a_dutch_failure():
    silent = _converter_running("import sys")
    assert word_pdf.pdf_from_docx(b"PK", [silent]) == (None, ["LibreOffice gaf geen PDF terug."])


def _cli_pdf(data_dir, meeting_id, target, *extra, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "taskforce_desktop", "--data-dir", str(data_dir), "export",
         str(meeting_id), "--format", "pdf", "--output", str(target), *extra],
        capture_output=True, text=True, env={**environment, **env}, timeout=180,
    )  # fmt: skip


@needs_libreoffice
def test_the_command_line_says_on_stderr_that_libreoffice_made_the_pdf(
    data_dir, sample_meeting_id, tmp_path
):
    target = tmp_path / "verslag.pdf"
    completed = _cli_pdf(data_dir, sample_meeting_id, target)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == ""  # the stdout contract of docs/meeting-file.md
    assert "taskforce-desktop: PDF gemaakt met LibreOffice." in completed.stderr.splitlines()
    assert "LibreOffice" in _poppler("pdfinfo", target.read_bytes(), tmp_path)


def test_the_command_line_without_libreoffice_says_qt_made_the_pdf(
    data_dir, sample_meeting_id, tmp_path
):
    if any(path.is_file() for path in word_pdf._usual_libreoffice_paths()):
        pytest.skip("LibreOffice is installed where it is found without PATH")
    target = tmp_path / "verslag.pdf"
    completed = _cli_pdf(data_dir, sample_meeting_id, target, PATH=str(tmp_path))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == ""
    assert (
        "taskforce-desktop: PDF gemaakt met Qt, zonder de huisstijl van het Word-verslag "
        "(LibreOffice en Word zijn niet gevonden)."
    ) in completed.stderr.splitlines()
    assert target.read_bytes().startswith(b"%PDF-")


def test_libreoffice_comes_first_then_word(monkeypatch, tmp_path):
    monkeypatch.setattr(word_pdf, "find_libreoffice", lambda: tmp_path / "soffice")
    monkeypatch.setattr(word_pdf, "word_is_installed", lambda: True)
    libreoffice, word = word_pdf.installed_converters()
    assert (libreoffice.name, word.name) == ("LibreOffice", "Word")

    docx, pdf = tmp_path / "in map met 'quotes'" / "verslag.docx", tmp_path / "uit" / "verslag.pdf"
    argv, env = libreoffice.command(docx, pdf, tmp_path)
    assert argv[0] == str(tmp_path / "soffice") and argv[-1] == str(docx)
    assert argv[argv.index("--convert-to") + 1] == word_pdf.LIBREOFFICE_PDF_FILTER
    assert f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}" in argv  # its own profile
    # Word gets the file names through the environment, never pasted into its script.
    argv, env = word.command(docx, pdf, tmp_path)
    assert env == {"TASKFORCE_DOCX": str(docx), "TASKFORCE_PDF": str(pdf)}
    assert str(docx) not in " ".join(argv)


@needs_libreoffice
def test_the_pdf_from_the_command_line_takes_the_template_too(
    data_dir, sample_meeting_id, tmp_path
):
    import docx
    from docx.shared import Mm

    from taskforce_desktop.paths import resource

    letter = docx.Document(str(resource("templates", "verslag.docx")))
    letter.sections[0].page_width, letter.sections[0].page_height = Mm(215.9), Mm(279.4)
    letter.save(str(tmp_path / "amerikaans.docx"))
    target = tmp_path / "verslag.pdf"
    completed = _cli_pdf(
        data_dir, sample_meeting_id, target, "--template", str(tmp_path / "amerikaans.docx")
    )
    assert completed.returncode == 0, completed.stderr
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)", _poppler(
        "pdfinfo", target.read_bytes(), tmp_path), re.M)  # fmt: skip
