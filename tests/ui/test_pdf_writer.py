"""The PDF rendered by Qt from the verslag's HTML: A4, every page numbered, no window needed."""

import re
import shutil
import subprocess
import threading

import pytest

from taskforce_desktop.core import services
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.verslag import build_verslag
from taskforce_desktop.ui.pdf_writer import render_pdf

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
    results = []
    worker = threading.Thread(target=lambda: results.append(render_pdf(build_verslag(sample))))
    worker.start()
    worker.join(timeout=60)
    assert results and results[0].startswith(b"%PDF-")
