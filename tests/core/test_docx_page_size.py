"""A template whose section has no page size (hand-made XML; Word always writes one)."""

import io

import docx
from docx.oxml.ns import qn
from docx.shared import Pt
from verslag_samples import sample_meeting

from taskforce_desktop.core.export.docx import render_docx
from taskforce_desktop.core.verslag import build_verslag


def test_a_template_without_a_page_size_gives_the_house_style_and_says_why_in_dutch(tmp_path):
    template = docx.Document()
    section = template.element.body.find(qn("w:sectPr"))
    section.remove(section.find(qn("w:pgSz")))
    path = tmp_path / "sjabloon.docx"
    template.save(str(path))

    data, warnings = render_docx(build_verslag(sample_meeting()), template=path)

    document = docx.Document(io.BytesIO(data))
    assert document.styles["Title"].font.size == Pt(20)  # the house style
    (warning,) = warnings
    assert "'sjabloon.docx'" in warning and "de paginabreedte of de marges ontbreken" in warning
