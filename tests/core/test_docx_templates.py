"""The organisation's own Word template, however it was made (issue 12, house style; issue 11).

Templates are made here with python-docx and renamed the way LibreOffice and Dutch Word
name their styles; where LibreOffice is installed, one is also made by LibreOffice itself
and the exported verslag is rendered by it to check what the reader sees.
"""

import io
import shutil
import subprocess
import tracemalloc
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from verslag_samples import action, sample_meeting

from taskforce_desktop.core.export.docx import MAX_TEMPLATE_UNPACKED, render_docx
from taskforce_desktop.core.models import ActionStatus
from taskforce_desktop.core.verslag import build_verslag

LIBREOFFICE_NAMES = {
    "Heading1": ("Heading1", "Heading 1"),
    "Heading2": ("Heading2", "Heading 2"),
    "Header": ("Header", "Header"),
    "Footer": ("Footer", "Footer"),
}
DUTCH_WORD_NAMES = {
    "Normal": ("Standaard", "Standaard"),
    "Title": ("Titel", "Titel"),
    "Heading1": ("Kop1", "Kop 1"),
    "Heading2": ("Kop2", "Kop 2"),
    "ListBullet": ("Lijstopsommingsteken", "Lijstopsommingsteken"),
    "ListNumber": ("Lijstnummering", "Lijstnummering"),
    "Header": ("Koptekst", "Koptekst"),
    "Footer": ("Voettekst", "Voettekst"),
}


def _save(document, path):
    document.save(str(path))
    return path


def _template(tmp_path, *, rename=None, drop=(), font=None, size=None, name="sjabloon.docx"):
    """A user's template: python-docx's own, with styles renamed or left out."""
    document = docx.Document()
    document.add_paragraph("Tekst die in het sjabloon stond")
    normal = document.styles["Normal"]
    if font:
        normal.font.name = font
    if size:
        normal.font.size = size
    styles = document.styles.element
    renamed = {old: new_id for old, (new_id, _) in (rename or {}).items()}
    for style in list(styles.findall(qn("w:style"))):
        style_id = style.get(qn("w:styleId"))
        if style_id in drop:
            styles.remove(style)
        elif style_id in renamed:
            style.set(qn("w:styleId"), renamed[style_id])
            style.find(qn("w:name")).set(qn("w:val"), rename[style_id][1])
    for reference in styles.iter(qn("w:basedOn"), qn("w:next"), qn("w:link")):
        if reference.get(qn("w:val")) in renamed:
            reference.set(qn("w:val"), renamed[reference.get(qn("w:val"))])
    return _save(document, tmp_path / name)


def _export(template, meeting=None, **options):
    data, warnings = render_docx(
        build_verslag(meeting or sample_meeting(), **options), template=template
    )
    return docx.Document(io.BytesIO(data)), warnings


def _styled(document, text):
    return next(p for p in document.paragraphs if p.text == text).style


def _font_of(style, document):
    """The font a style shows: its own, a base style's, or the document default's."""
    while style is not None:
        if style.font.name:
            return style.font.name
        style = style.base_style
    fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    return fonts.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii"))


def _styles_called(document, key):
    return [
        s
        for s in document.styles
        if key in (s.name.casefold().replace(" ", ""), s.style_id.casefold())
    ]


@pytest.mark.parametrize(
    "names, heading_id", [(LIBREOFFICE_NAMES, "Heading1"), (DUTCH_WORD_NAMES, "Kop1")]
)
def test_headings_use_the_templates_own_style_whatever_its_author_called_it(
    tmp_path, names, heading_id
):
    document, warnings = _export(_template(tmp_path, rename=names))
    assert warnings == []
    deelnemers = _styled(document, "Deelnemers")
    assert deelnemers.style_id == heading_id
    assert _styled(document, "Impressie").style_id == names["Heading2"][0]
    assert document.paragraphs[0].style.style_id == names.get("Title", ("Title",))[0]
    # The template's own heading, not a second one copied in beside it.
    assert len(_styles_called(document, "heading1") + _styles_called(document, "kop1")) == 1
    header = document.sections[0].header.paragraphs[-1]
    assert header.style.style_id == names["Header"][0]


def test_a_dutch_word_templates_lists_and_body_keep_its_styles(tmp_path):
    document, _ = _export(_template(tmp_path, rename=DUTCH_WORD_NAMES))
    assert _styled(document, "Gerrit Kalkman heeft zich afgemeld.").style_id == (
        "Lijstopsommingsteken"
    )
    assert _styled(
        document, "Het onderwerp komt terug in de vergadering van januari."
    ).style_id == ("Standaard")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_template_saved_by_libreoffice_gives_real_headings(tmp_path):
    source = _save(docx.Document(), tmp_path / "bron.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profiel",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "lo"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    template = tmp_path / "lo" / "bron.docx"
    names = {s.name for s in docx.Document(str(template)).styles}
    assert "Heading 1" in names  # LibreOffice's spelling, which Word's lookup misses

    document, warnings = _export(template)
    assert warnings == []
    assert _styled(document, "Deelnemers").name == "Heading 1"
    assert _styled(document, "1. Opening en mededelingen").name == "Heading 1"
    assert _styled(document, "Impressie").name == "Heading 2"


def test_styles_a_template_lacks_are_copied_in_with_the_templates_font_and_one_warning(tmp_path):
    template = _template(tmp_path, drop={"Heading1", "Heading2"}, font="Georgia")
    document, warnings = _export(template)
    heading = _styled(document, "1. Opening en mededelingen")
    assert heading.name == "Heading 1" and heading.font.bold and heading.font.size == Pt(13)
    assert _font_of(heading, document) == "Georgia"
    assert heading.element.pPr.find(qn("w:outlineLvl")) is not None  # still a heading to Word
    assert len(warnings) == 1
    assert "'Kop 1' (Heading 1) en 'Kop 2' (Heading 2)" in warnings[0]
    assert "lettertype van het sjabloon" in warnings[0]


def test_the_apps_own_styles_take_the_templates_font(tmp_path):
    document, warnings = _export(_template(tmp_path, font="Georgia"))
    assert warnings == []
    for name in ("Verslag Meta", "Verslag Label", "Verslag Tabel"):
        style = document.styles[name]
        assert style.element.find(f".//{qn('w:rFonts')}") is None, name
    assert _font_of(document.styles["Verslag Meta"], document) == "Georgia"
    assert document.styles["Verslag Label"].font.italic
    assert _styled(document, "Ter kennisname").name == "Verslag Label"


def _action_table(document):
    return next(
        t for t in document.tables if t.rows[0].cells[0].text == "Nr" and len(t.columns) == 5
    )


def _with_done_action():
    done = action(
        "2022-07/12", "Notitie over inkoop schrijven", "Joost Hazelaar", status=ActionStatus.DONE
    )
    return {"carried_over_actions": (done,)}


def test_short_table_columns_are_wide_enough_and_never_wrap_in_a_large_font(tmp_path):
    document, _ = _export(_template(tmp_path, font="Verdana", size=Pt(12)), **_with_done_action())
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    table = _action_table(document)
    widths = [cell.width for cell in table.rows[1].cells]
    assert abs(sum(widths) - text_width) < 5_000  # the table still fits the page
    # Nr, Wanneer and Status get more than their share; Actie and Wie give it up.
    assert widths[0] > 0.12 * text_width and widths[4] > 0.11 * text_width
    for row in table.rows:
        for index in (0, 3, 4):
            assert row.cells[index]._tc.tcPr.find(qn("w:noWrap")) is not None


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and pdftotext are not installed",
)
def test_numbers_and_statuses_stay_on_one_line_on_the_page(tmp_path):
    """What the reader sees: rendered by LibreOffice, no '2022-09/' with '1' below it."""
    document, _ = _export(_template(tmp_path, font="Verdana", size=Pt(12)), **_with_done_action())
    target = _save(document, tmp_path / "verslag.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profiel", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "verslag.pdf"), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    lines = text.splitlines()
    actielijst = next(i for i, line in enumerate(lines) if line.strip() == "Actielijst")
    rows = lines[actielijst:]
    assert any("2022-07/12" in line and "Afgerond" in line for line in rows)
    assert any("2022-09/4" in line and "13 januari 2023" in line for line in rows)


def _bomb(tmp_path, unpacked: int):
    """A real template with one extra part of zeros: a small file that unpacks very large."""
    source = zipfile.ZipFile(_template(tmp_path))
    path = tmp_path / "bom.docx"
    chunk = bytes(1_000_000)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open("word/media/leeg.bin", "w", force_zip64=True) as part:
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)
    return path


def test_a_template_that_unpacks_far_larger_is_refused_before_it_is_read(tmp_path):
    bomb = _bomb(tmp_path, MAX_TEMPLATE_UNPACKED + 10_000_000)
    assert bomb.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        document, warnings = _export(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_TEMPLATE_UNPACKED // 2  # the zeros were never unpacked
    assert document.paragraphs[0].text == "Verslag Taskforce Samen Organiseren"
    assert document.styles["Title"].font.size == Pt(20)  # the house style
    (warning,) = warnings
    assert "bom.docx" in warning and "uitgepakt" in warning and "standaardopmaak" in warning


def test_a_fifo_in_place_of_the_template_does_not_hang_the_export(tmp_path):
    fifo = tmp_path / "sjabloon.docx"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs on this system")
    document, warnings = _export(fifo)
    assert document.paragraphs[0].text == "Verslag Taskforce Samen Organiseren"
    assert "geen gewoon bestand" in warnings[0]


REMOTE = "https://sjablonen.gemeente.example/verslag.dotm"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _macro_template_with_a_remote_base(tmp_path):
    """A .dotm as a municipality might have one: macros, and based on a template on a server."""
    source = zipfile.ZipFile(_template(tmp_path, rename=DUTCH_WORD_NAMES))
    path = tmp_path / "gemeente.dotm"
    with zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/settings.xml":
                content = content.replace(
                    b"<w:zoom ",
                    f'<w:attachedTemplate xmlns:r="{_RELS}" r:id="rIdSjabloon"/><w:zoom '.encode(),
                    1,
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            elif info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main",
                    b"application/vnd.ms-word.template.macroEnabledTemplate.main",
                )
            target.writestr(info, content)
        target.writestr(
            "word/_rels/settings.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rIdSjabloon" '
            f'Type="{_RELS}/attachedTemplate" Target="{REMOTE}" TargetMode="External"/>'
            "</Relationships>",
        )
        target.writestr("word/vbaProject.bin", b'Attribute VB_Name = "AutoOpen"')
    return path


def test_macros_and_a_remote_base_template_never_reach_the_verslag(tmp_path):
    template = _macro_template_with_a_remote_base(tmp_path)
    assert zipfile.ZipFile(template).read("word/_rels/settings.xml.rels").count(REMOTE.encode())
    data, warnings = render_docx(build_verslag(sample_meeting()), template=template)
    document = docx.Document(io.BytesIO(data))
    assert _styled(document, "Deelnemers").style_id == "Kop1"  # the template is still used
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert not [name for name in names if "vba" in name.casefold()]
    assert b"attachedTemplate" not in everything and REMOTE.encode() not in everything
    assert b"macroEnabled" not in everything
    (warning,) = warnings
    assert "gemeente.dotm" in warning and "niet in het verslag overgenomen" in warning


def test_a_plain_template_gives_no_note_about_left_out_parts(tmp_path):
    _, warnings = _export(_template(tmp_path, rename=DUTCH_WORD_NAMES))
    assert warnings == []
