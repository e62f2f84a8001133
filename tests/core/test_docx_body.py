"""The Word body written in bulk (issue 15): the same text, lists and page breaks as before.

Reopened with python-docx. How long an export takes is measured by the benchmark, not here.
"""

import dataclasses
import io
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from verslag_samples import item, sample_meeting

from taskforce_desktop.core.export.docx import render_docx
from taskforce_desktop.core.verslag import Heading, Paragraph, Run, build_verslag


def _document(meeting, template=None):
    data, _warnings = render_docx(build_verslag(meeting), template=template)
    return docx.Document(io.BytesIO(data))


def _one_point(notes: str):
    return sample_meeting(agenda=(item("1", "Lang punt", notes=notes),))


def _template_without_keep(folder):
    """A template whose Heading 1 does not keep with the next paragraph (the house style's
    and Word's own do; a template made elsewhere need not)."""
    template = docx.Document()
    template.styles["Heading 1"].paragraph_format.keep_with_next = False
    path = folder / "sjabloon.docx"
    template.save(path)
    return path


def test_tot_slot_keeps_with_the_text_under_it_whatever_the_template_says(tmp_path):
    template = _template_without_keep(tmp_path)
    paragraphs = _document(sample_meeting(), template=template).paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Tot slot")
    tot_slot = paragraphs[index]
    assert tot_slot.paragraph_format.keep_with_next is True
    assert tot_slot.paragraph_format.keep_together is True
    assert "18 november 2022" in paragraphs[index + 1].text
    headings = [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert all(p.paragraph_format.keep_with_next for p in headings)


def test_tabs_line_breaks_and_edge_spaces_survive_as_word_writes_them():
    verslag = build_verslag(sample_meeting())
    text = "  Kolom\tkolom\nvolgende regel "
    blocks = (Heading("Eigen", 1), Paragraph((Run(text), Run("vet", bold=True))))
    own = dataclasses.replace(verslag, blocks=blocks)
    data, _warnings = render_docx(own)
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[-1]
    assert paragraph.text == text + "vet"
    first, bold = paragraph.runs
    assert first._r.find(qn("w:tab")) is not None and first._r.find(qn("w:br")) is not None
    assert bold.bold is True and not first.bold


def test_twenty_thousand_paragraphs_in_one_field_all_arrive_in_order():
    notes = "\n\n".join(f"Alinea {n} over de begroting." for n in range(20_000))
    texts = [p.text for p in _document(_one_point(notes)).paragraphs]
    start = texts.index("Alinea 0 over de begroting.")
    assert texts[start : start + 20_000] == [
        f"Alinea {n} over de begroting." for n in range(20_000)
    ]


def test_thousands_of_lists_each_get_their_own_numbering_that_restarts():
    notes = "\n\n".join(f"Alinea {n}\n\n1. eerste {n}\n2. tweede {n}" for n in range(2_000))
    document = _document(_one_point(notes))
    numbered = [p for p in document.paragraphs if p.text.startswith(("eerste", "tweede"))]
    assert len(numbered) == 4_000
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # Both items of one list share a numbering instance; no two lists share one.
    assert num_ids[0::2] == num_ids[1::2]
    assert len(set(num_ids)) == 2_000
    numbering = document.part.numbering_part.element
    instances = {num.numId: num for num in numbering.num_lst}
    restarts = [
        instances[num_id].find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val"))
        for num_id in set(num_ids)
    ]
    assert set(restarts) == {"1"}


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and pdftotext are not installed",
)
def test_rendered_tot_slot_never_stands_alone_at_the_foot_of_a_page(tmp_path):
    """Rendered by LibreOffice with ever more lines before it, so that at some length
    'Tot slot' would be the last line of a page: its text always follows on the same page."""
    template = _template_without_keep(tmp_path)
    sources = []
    for lines in range(20, 75):
        notes = "\n\n".join(f"Regel {n}." for n in range(lines))
        data, _ = render_docx(build_verslag(_one_point(notes)), template=template)
        sources.append(tmp_path / f"regels-{lines}.docx")
        sources[-1].write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profiel", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, sources)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    heading_pages = set()
    for source in sources:
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "pdf" / f"{source.stem}.pdf"), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        pages = text.split("\f")
        (page,) = [p for p in pages if "Tot slot" in p]
        assert "De volgende vergadering" in page, source.name
        heading_pages.add(pages.index(page))
    assert len(heading_pages) > 1  # the lengths tried did push it over a page break
