"""The PDF: the Word verslag converted by LibreOffice when it is there, else rendered by Qt
from the verslag's HTML (A4, every page numbered, no window needed), and it says which."""

import collections
import dataclasses
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QThreadPool

from taskforce_desktop.core import export, services
from taskforce_desktop.core.export import pdf as word_pdf
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.verslag import build_verslag
from taskforce_desktop.ui import export_actions
from taskforce_desktop.ui.pdf_writer import render_pdf, render_pdf_export

A4_POINTS = (595, 842)


@pytest.fixture
def sample(sample_meeting_id, store):
    return services.load_meeting(store, sample_meeting_id)


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def _text(pdf: bytes, tmp_path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF's text")
    source = tmp_path / "verslag.pdf"
    source.write_bytes(pdf)
    output = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True, text=True
    ).stdout
    return output.split("\f")[:-1]


def test_pdf_is_a4_with_page_numbers_header_and_the_verslag(sample, qapp, tmp_path):
    long_notes = "\n\n".join(f"Alinea {n} van een lange impressie." for n in range(120))
    meeting = sample.__class__(**{**sample.__dict__, "introduction": long_notes})
    pdf = render_pdf(build_verslag(meeting))
    assert pdf.startswith(b"%PDF-")
    pages = _pages(pdf)
    assert len(pages) >= 3
    assert all(abs(w - A4_POINTS[0]) < 1 and abs(h - A4_POINTS[1]) < 1 for w, h in pages)

    texts = _text(pdf, tmp_path)
    assert len(texts) == len(pages)
    for number, text in enumerate(texts, start=1):
        assert f"Pagina {number} van {len(pages)}" in text
        assert "CONCEPT" in text
        assert "Verslag Taskforce Samen Organiseren" in text
    whole = " ".join(" ".join(t.split()) for t in texts)
    assert "Alinea 119 van een lange impressie." in whole
    assert "Besluitenlijst" in whole and "Actielijst" in whole


def test_final_pdf_has_no_concept_mark_and_public_pdf_no_confidential_point(sample, qapp, tmp_path):
    final = sample.__class__(**{**sample.__dict__, "status": MeetingStatus.FINAL})
    texts = _text(render_pdf(build_verslag(final, public=True)), tmp_path)
    whole = " ".join(texts)
    assert "CONCEPT" not in whole
    assert "Begroting fonds 2032" not in whole
    assert "beheerkosten" not in whole


def test_pdf_renders_off_the_ui_thread(sample, qapp):
    # On the window's own pool, as an export runs: a bare Python thread that used fonts
    # leaves Qt's font cache to a thread whose event loop is already gone, and Qt warns.
    results = []
    pool = QThreadPool.globalInstance()
    pool.start(lambda: results.append(render_pdf(build_verslag(sample))))
    assert pool.waitForDone(60_000)
    assert results and results[0].startswith(b"%PDF-")



def test_a_paragraph_the_page_breaks_is_in_the_text_only_once(sample, qapp, tmp_path):
    words = " ".join(f"woord{n}" for n in range(3000))
    points = " ".join(f"punt{n}" for n in range(900))
    meeting = dataclasses.replace(
        sample, introduction=f"{words}\n\n1. {points}\n2. tweede punt"
    )
    pdf = render_pdf(build_verslag(meeting))
    texts = _text(pdf, tmp_path)
    assert len(texts) >= 5  # the paragraph and the list item run over several pages

    counts = collections.Counter(
        word for text in texts for word in text.split() if re.fullmatch(r"(woord|punt)\d+", word)
    )
    assert [word for word, count in counts.items() if count > 1] == []
    assert len(counts) == 3000 + 900
    # The list item goes on after its page breaks without a number of its own.
    assert "2. tweede punt" in " ".join(" ".join(text.split()) for text in texts)



def _body(page: str) -> list[str]:
    """A page's lines without the header (committee, date, CONCEPT) and the page number."""
    lines = [line for line in page.splitlines() if line.strip()]
    return [line for line in lines[1:] if not re.fullmatch(r"\s*Pagina \d+ van \d+", line)]


def test_a_long_action_runs_on_in_its_point_and_in_the_actielijst_without_blank_pages(
    sample, qapp, tmp_path
):
    point = next(item for item in sample.agenda if item.actions)
    long_action = dataclasses.replace(
        point.actions[0], description=" ".join(f"taak{n}" for n in range(1500))
    )
    agenda = tuple(
        dataclasses.replace(item, actions=(long_action, *item.actions[1:]))
        if item is point
        else item
        for item in sample.agenda
    )
    texts = _text(render_pdf(build_verslag(dataclasses.replace(sample, agenda=agenda))), tmp_path)

    counts = collections.Counter(
        word for text in texts for word in text.split() if re.fullmatch(r"taak\d+", word)
    )
    # Once under its point, once in the Actielijst's table: never a third time.
    assert set(counts.values()) == {2} and len(counts) == 1500
    assert [number for number, page in enumerate(texts, start=1) if not _body(page)] == []


def _producer(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is needed to read who made the PDF")
    source = tmp_path / "producer.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(source)], capture_output=True, check=True, text=True)
    return re.search(r"^Producer:\s+(.*)$", info.stdout, re.M).group(1)


def test_without_libreoffice_or_word_qt_makes_the_pdf_and_says_so(
    sample, qapp, tmp_path, monkeypatch
):
    monkeypatch.setattr(word_pdf, "installed_converters", lambda: [])
    data, warnings = export.render_export(sample, "pdf")
    assert _producer(data, tmp_path).startswith("Qt ")
    assert warnings == [
        "PDF gemaakt met Qt, zonder de huisstijl van het Word-verslag "
        "(LibreOffice en Word zijn niet gevonden)."
    ]
    assert isinstance(warnings[-1], word_pdf.MadeBy)


def test_a_converter_that_fails_leaves_the_pdf_to_qt_with_a_warning(sample, qapp, tmp_path):
    broken = word_pdf.PdfConverter("LibreOffice", lambda docx, pdf, folder: (["false"], {}))
    data, warnings = render_pdf_export(build_verslag(sample), export.ExportOptions(), [broken])
    assert _producer(data, tmp_path).startswith("Qt ")
    assert warnings == [
        "LibreOffice kon de PDF niet maken (foutcode 1).",
        "PDF gemaakt met Qt, zonder de huisstijl van het Word-verslag "
        "(LibreOffice of Word gaf geen PDF).",
    ]
    assert [isinstance(line, word_pdf.MadeBy) for line in warnings] == [False, True]


@pytest.mark.skipif(word_pdf.find_libreoffice() is None, reason="LibreOffice is not installed")
def test_with_libreoffice_the_pdf_is_the_word_verslag_and_says_so(sample, qapp, tmp_path):
    data, warnings = export.render_export(sample, "pdf")
    assert _producer(data, tmp_path).startswith("LibreOffice")
    assert warnings == ["PDF gemaakt met LibreOffice."]
    whole = " ".join(_text(data, tmp_path))
    assert "Verslag Taskforce Samen Organiseren" in whole and "Besluitenlijst" in whole


@pytest.fixture
def window(make_window, sample_meeting_id):
    window = make_window()
    window.open_meeting(sample_meeting_id)
    return window


def test_the_window_says_which_program_made_the_pdf(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(word_pdf, "installed_converters", lambda: [])
    target = tmp_path / "verslag.pdf"
    monkeypatch.setattr(export_actions.ExportFileDialog, "ask", classmethod(lambda *a: target))
    controller = window.exports.controller
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_pdf.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Verslag opgeslagen: {target}")
    assert "PDF gemaakt met Qt, zonder de huisstijl" in message
    assert not window.message_bar.isVisible()  # a fact, not a problem to act on
