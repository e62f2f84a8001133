"""Build resources/templates/verslag.docx, the house style of the exported verslag.

Run it after changing the house style and commit both files:

    .venv/bin/python resources/templates/build_template.py

The output is reproducible (fixed dates, fixed zip timestamps), so a rebuild without a
change to this script leaves git clean. Style names are Word's built-in English ids, which
Word shows in the user's own language; the writer (core/export/docx.py) relies on:
Title, Heading 1, Heading 2, List Bullet (2), List Number (2), Header, Footer and the
custom "Verslag Meta", "Verslag Label" and "Verslag Tabel".
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

TARGET = Path(__file__).resolve().parent / "verslag.docx"

BODY_FONT = "Arial"
BODY_SIZE = Pt(10)
INK = RGBColor(0x1F, 0x3B, 0x57)  # dark slate blue for titles and headings
QUIET = RGBColor(0x59, 0x59, 0x59)  # grey for meta lines, labels, header and footer
RULE = "A6B4C2"  # table rules
HEADER_FILL = "E8EDF2"  # table header row

BULLET_ABSTRACT_ID = 10
NUMBER_ABSTRACT_ID = 11
BULLET_NUM_ID = 1
NUMBER_NUM_ID = 2

KEPT_STYLES = {
    "Normal",
    "Header",
    "HeaderChar",
    "Footer",
    "FooterChar",
    "Heading1",
    "Heading2",
    "Heading3",
    "Heading1Char",
    "Heading2Char",
    "Heading3Char",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "Title",
    "TitleChar",
    "ListParagraph",
    "ListBullet",
    "ListBullet2",
    "ListNumber",
    "ListNumber2",
    "Strong",
    "Emphasis",
    "TableGrid",
}

FIXED_DATE = dt.datetime(2026, 1, 1, 9, 0, 0)
# Word 2010's shadow copy of the styles would contradict the house style; later Words ignore it.
DROPPED_PARTS = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}


def _set_fonts(rpr, font: str) -> None:
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{font}" w:hAnsi="{font}" '
            f'w:eastAsia="{font}" w:cs="{font}"/>'
        ),
    )


def _document_defaults(document) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "nl-NL")
    lang.set(qn("w:eastAsia"), "nl-NL")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")
    spacing.set(qn("w:lineRule"), "auto")

    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    theme_lang.set(qn("w:val"), "nl-NL")
    # Word must check the whole document afresh rather than trust "spelling clean".
    for proof_state in settings.findall(qn("w:proofState")):
        settings.remove(proof_state)
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)


def _prune_styles(document) -> None:
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)


def _reset_paragraph_style(style, *, size, bold=False, italic=False, color=None) -> None:
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    _set_fonts(rpr, BODY_FONT)
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color


def _headings(document) -> None:
    styles = document.styles
    title = styles["Title"]
    _reset_paragraph_style(title, size=Pt(20), bold=True, color=INK)
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(4)
    title.paragraph_format.keep_with_next = True

    for name, size, before, after in (
        ("Heading 1", Pt(13), Pt(16), Pt(4)),
        ("Heading 2", Pt(10.5), Pt(8), Pt(2)),
        ("Heading 3", Pt(10), Pt(6), Pt(2)),
    ):
        style = styles[name]
        _reset_paragraph_style(style, size=size, bold=True, color=INK)
        fmt = style.paragraph_format
        fmt.space_before = before
        fmt.space_after = after
        fmt.keep_with_next = True
        fmt.keep_together = True

    meta = styles.add_style("Verslag Meta", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = styles["Normal"]
    meta.next_paragraph_style = styles["Normal"]
    meta.font.size = Pt(10.5)
    meta.font.color.rgb = QUIET
    meta.paragraph_format.space_after = Pt(14)
    meta.quick_style = True

    label = styles.add_style("Verslag Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = styles["Normal"]
    label.next_paragraph_style = styles["Normal"]
    label.font.size = Pt(8.5)
    label.font.italic = True
    label.font.color.rgb = QUIET
    label.paragraph_format.space_after = Pt(6)
    label.paragraph_format.keep_with_next = True
    label.quick_style = True

    for name in ("Header", "Footer"):
        style = styles[name]
        style.font.size = Pt(8.5)
        style.font.color.rgb = QUIET
        # Letter-sized stops from the default template; the writer sets its own at the margin.
        ppr = style.element.get_or_add_pPr()
        for tabs in ppr.findall(qn("w:tabs")):
            ppr.remove(tabs)


def _numbering(document) -> None:
    """One bullet and one numbered definition, two levels each; the writer restarts per list."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        if child.tag in (qn("w:abstractNum"), qn("w:num")):
            numbering.remove(child)

    def level(ilvl: int, fmt: str, text: str, left: int) -> str:
        font = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="284"/></w:pPr>'
            f"{font if fmt == 'bullet' else ''}</w:lvl>"
        )

    bullet = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_ABSTRACT_ID}">'
        '<w:nsid w:val="5A1E0B01"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{level(0, 'bullet', '•', 284)}{level(1, 'bullet', '–', 568)}</w:abstractNum>"
    )
    number = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUMBER_ABSTRACT_ID}">'
        '<w:nsid w:val="5A1E0B02"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{level(0, 'decimal', '%1.', 284)}{level(1, 'lowerLetter', '%2.', 568)}</w:abstractNum>"
    )
    numbering.append(bullet)
    numbering.append(number)
    for num_id, abstract_id in (
        (BULLET_NUM_ID, BULLET_ABSTRACT_ID),
        (NUMBER_NUM_ID, NUMBER_ABSTRACT_ID),
    ):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )

    styles = document.styles
    for name, num_id, ilvl in (
        ("List Bullet", BULLET_NUM_ID, 0),
        ("List Bullet 2", BULLET_NUM_ID, 1),
        ("List Number", NUMBER_NUM_ID, 0),
        ("List Number 2", NUMBER_NUM_ID, 1),
    ):
        style = styles[name]
        ppr = style.element.get_or_add_pPr()
        for old in ppr.findall(qn("w:numPr")) + ppr.findall(qn("w:ind")):
            ppr.remove(old)
        ppr.insert(
            0,
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            ),
        )
        style.paragraph_format.space_after = Pt(3)
        # Bulleted lines of one list sit together; the list as a whole keeps its space after.
        contextual = ppr.find(qn("w:contextualSpacing"))
        if contextual is None:
            ppr.append(parse_xml(f"<w:contextualSpacing {nsdecls('w')}/>"))


def _table_style(document) -> None:
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    style = parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="VerslagTabel">'
        '<w:name w:val="Verslag Tabel"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        "<w:qFormat/>"
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        "<w:tblPr>"
        f"<w:tblBorders><w:top {border}/><w:bottom {border}/><w:insideH {border}/></w:tblBorders>"
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
        "</w:tblStylePr>"
        "</w:style>"
    )
    document.styles.element.append(style)


def _page(document) -> None:
    section = document.sections[0]
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.2)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.0)


def _properties(document) -> None:
    props = document.core_properties
    props.title = "Verslag"
    props.subject = ""
    props.author = "Taskforce Verslag"
    props.last_modified_by = "Taskforce Verslag"
    props.comments = ""
    props.keywords = "verslag"
    props.category = ""
    props.language = "nl-NL"
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE


def _clean_package(data: bytes) -> bytes:
    """Drop python-docx's thumbnail and sample custom XML; fix zip times for a stable file."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name in DROPPED_PARTS or name.startswith("customXml/"):
                continue
            content = source.read(name)
            if name == "_rels/.rels" or name == "word/_rels/document.xml.rels":
                content = _drop_relationships(
                    content, ("thumbnail", "customXml", "stylesWithEffects")
                )
            elif name == "[Content_Types].xml":
                content = content.replace(
                    b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b""
                )
                content = _drop_overrides(content, ("/customXml/", "stylesWithEffects"))
            elif name == "docProps/app.xml":
                content = content.replace(b"Microsoft Macintosh Word", b"Taskforce Verslag")
            entry = zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def _drop_relationships(content: bytes, markers: tuple[str, ...]) -> bytes:
    root = parse_xml(content)
    for rel in list(root):
        if any(marker in rel.get("Type", "") + rel.get("Target", "") for marker in markers):
            root.remove(rel)
    return _serialise(root)


def _drop_overrides(content: bytes, markers: tuple[str, ...]) -> bytes:
    root = parse_xml(content)
    for override in list(root):
        if any(marker in override.get("PartName", "") for marker in markers):
            root.remove(override)
    return _serialise(root)


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build() -> bytes:
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _document_defaults(document)
    _prune_styles(document)
    _headings(document)
    _numbering(document)
    _table_style(document)
    _page(document)
    _properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _clean_package(buffer.getvalue())


def main() -> int:
    TARGET.write_bytes(build())
    print(f"{TARGET} ({TARGET.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
