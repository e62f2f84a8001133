"""The verslag as a Word document in the house style (or the organisation's own template).

Known python-docx traps are handled here (see docs/pitfalls.md): a .dotx is opened by rewriting
its content type, a missing style falls back with a warning, each list gets its own
numbering instance so numbered lists restart at 1, PAGE/NUMPAGES are raw field codes,
Dutch proofing is set in the document defaults and the core properties are always ours.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt, RGBColor

from taskforce_desktop import paths
from taskforce_desktop.core.verslag import (
    Block,
    BulletList,
    Heading,
    Label,
    Paragraph,
    Run,
    Table,
    Verslag,
    dutch_short_date,
)

HOUSE_TEMPLATE = ("templates", "verslag.docx")

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Wanted style, then what to use when a user's template lacks it.
STYLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "Title": ("Heading 1", "Normal"),
    "Verslag Meta": ("Subtitle", "Normal"),
    "Verslag Label": ("Normal",),
    "Heading 1": ("Normal",),
    "Heading 2": ("Heading 1", "Normal"),
    "List Bullet": ("List Paragraph", "Normal"),
    "List Bullet 2": ("List Bullet", "List Paragraph", "Normal"),
    "List Number": ("List Paragraph", "Normal"),
    "List Number 2": ("List Number", "List Paragraph", "Normal"),
    "Header": ("Normal",),
    "Footer": ("Normal",),
    "Verslag Tabel": ("Table Grid",),
}
LIST_STYLES = {
    (False, 0): "List Bullet",
    (False, 1): "List Bullet 2",
    (True, 0): "List Number",
    (True, 1): "List Number 2",
}

QUIET = RGBColor(0x59, 0x59, 0x59)


def _unreadable(path: Path, error: BaseException) -> str:
    return (
        f"Het Word-sjabloon '{Path(path).name}' kon niet worden gelezen ({error}); "
        "de standaardopmaak is gebruikt."
    )


def _open_user_template(path: Path) -> DocumentObject:
    document = docx.Document(io.BytesIO(_as_document_package(Path(path).read_bytes())))
    # python-docx reads parts lazily: touch what the writer needs, so a damaged part
    # shows here and not halfway through writing.
    _ = (document.styles.element, document.settings.element, document.core_properties.title)
    _ = document.part.numbering_part.element.num_lst
    for section in document.sections:
        _ = (section.page_width, section.header.paragraphs, section.footer.paragraphs)
    return document


def load_template(path: Path | None, warnings: list[str]) -> DocumentObject:
    """The user's .docx/.dotx, or the house style when none is set or it cannot be read."""
    if path is not None:
        try:
            return _open_user_template(path)
        except Exception as error:  # any damage in a user's file means: use the house style
            warnings.append(_unreadable(path, error))
    return docx.Document(str(paths.resource(*HOUSE_TEMPLATE)))


def _as_document_package(data: bytes) -> bytes:
    """python-docx refuses a template's content type; present a .dotx as a document."""
    source = zipfile.ZipFile(io.BytesIO(data))
    content_types = source.read("[Content_Types].xml")
    if _TEMPLATE_TYPE not in content_types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            target.writestr(info, content)
    return out.getvalue()


class _Styles:
    """Style lookup that never raises: a missing style falls back once, with a warning."""

    def __init__(self, document: DocumentObject, warnings: list[str]) -> None:
        self._document = document
        self._warnings = warnings
        self._resolved: dict[str, object | None] = {}

    def _find(self, name: str):
        try:
            return self._document.styles[name]
        except KeyError:
            return None

    def get(self, name: str):
        if name not in self._resolved:
            style = self._find(name)
            if style is None:
                for fallback in STYLE_FALLBACKS.get(name, ()):
                    style = self._find(fallback)
                    if style is not None:
                        break
                used = f"'{style.name}'" if style is not None else "geen opmaakstijl"
                self._warnings.append(
                    f"Het Word-sjabloon mist de opmaakstijl '{name}'; {used} is gebruikt."
                )
            self._resolved[name] = style
        return self._resolved[name]

    def missing(self, name: str) -> bool:
        self.get(name)
        return self._find(name) is None


class _Numbering:
    """A fresh numbering instance per list, so each numbered list starts at 1."""

    def __init__(self, document: DocumentObject, styles: _Styles) -> None:
        self._numbering = document.part.numbering_part.element
        self._styles = styles
        self._fallback_abstracts: dict[bool, int] = {}

    def _style_numbering(self, style) -> tuple[int, int] | None:
        """(abstractNumId, ilvl) the style's own numbering points at, if any."""
        ppr = style.element.pPr if style is not None else None
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        num_id = num_pr.numId.val
        for num in self._numbering.num_lst:
            if num.numId == num_id:
                ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return num.abstractNumId.val, ilvl
        return None

    def _fallback_abstract(self, ordered: bool) -> int:
        if ordered not in self._fallback_abstracts:
            ids = [int(a.get(qn("w:abstractNumId"))) for a in self._abstracts()]
            abstract_id = max(ids, default=0) + 1
            levels = "".join(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (ilvl + 1)}" '
                'w:hanging="360"/></w:pPr></w:lvl>'
                for ilvl, fmt, text in (
                    ((0, "decimal", "%1."), (1, "lowerLetter", "%2."))
                    if ordered
                    else ((0, "bullet", "•"), (1, "bullet", "–"))
                )
            )
            abstract = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
            )
            # The schema wants every abstractNum before the first num.
            first_num = self._numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self._numbering.append(abstract)
            self._fallback_abstracts[ordered] = abstract_id
        return self._fallback_abstracts[ordered]

    def _abstracts(self):
        return self._numbering.findall(qn("w:abstractNum"))

    def new_list(self, ordered: bool, depth: int) -> tuple[object, int, int]:
        """(paragraph style, numId, ilvl) for the paragraphs of one new list."""
        style_name = LIST_STYLES[(ordered, min(depth, 1))]
        style = self._styles.get(style_name)
        own = self._style_numbering(style) if not self._styles.missing(style_name) else None
        if own is None:
            abstract_id, ilvl = self._fallback_abstract(ordered), min(depth, 1)
        else:
            abstract_id, ilvl = own
        num = self._numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=ilvl).add_startOverride(1)
        return style, num.numId, ilvl


class _Writer:
    def __init__(self, document: DocumentObject, warnings: list[str]) -> None:
        self.document = document
        self.styles = _Styles(document, warnings)
        self.numbering = _Numbering(document, self.styles)
        section = document.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    # -- paragraphs -------------------------------------------------------------------

    def paragraph(self, container, style_name: str, runs: Sequence[Run] = ()):
        paragraph = container.add_paragraph(style=self.styles.get(style_name))
        for run in runs:
            added = paragraph.add_run(run.text)
            if run.bold:
                added.bold = True
            if run.italic:
                added.italic = True
        return paragraph

    def label(self, container, text: str):
        paragraph = self.paragraph(container, "Verslag Label", (Run(text),))
        if self.styles.missing("Verslag Label"):
            # Keep the quiet look of the house style in a template without the style.
            for run in paragraph.runs:
                run.italic = True
                run.font.size = Pt(8.5)
                run.font.color.rgb = QUIET
        return paragraph

    def bullet_list(self, container, block: BulletList, depth: int = 0) -> None:
        style, num_id, ilvl = self.numbering.new_list(block.ordered, depth)
        for item in block.items:
            paragraph = container.add_paragraph(style=style)
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = ilvl
            num_pr.get_or_add_numId().val = num_id
            for run in item.runs:
                added = paragraph.add_run(run.text)
                added.bold = run.bold or None
                added.italic = run.italic or None
            if item.children:
                self.bullet_list(container, item.children, depth + 1)

    def table(self, container, block: Table) -> None:
        table = container.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        style = self.styles.get("Verslag Tabel")
        if style is not None:
            table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = [Emu(int(self.text_width * column.width)) for column in block.columns]
        for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_column.w = width
        table_width = table._tbl.tblPr.find(qn("w:tblW"))
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths) // 635))  # EMU -> twentieths of a point
        header = table.rows[0]
        # The header row comes back on every page the table runs over.
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, column, width in zip(header.cells, block.columns, widths, strict=True):
            cell.width = width  # Word honours widths only when every cell carries one
            cell.paragraphs[0].add_run(column.title).bold = True
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            # A row is not split over two pages.
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for cell, content, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                self.blocks(cell, content)
                first = cell.paragraphs[0]
                if len(cell.paragraphs) > 1 and not first.text:
                    first._p.getparent().remove(first._p)

    def blocks(self, container, blocks: Sequence[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                name = "Heading 1" if block.level <= 1 else "Heading 2"
                self.paragraph(container, name, (Run(block.text),))
            elif isinstance(block, Paragraph):
                self.paragraph(container, "Normal", block.runs)
            elif isinstance(block, Label):
                self.label(container, block.text)
            elif isinstance(block, BulletList):
                self.bullet_list(container, block)
            elif isinstance(block, Table):
                self.table(container, block)

    # -- page furniture ---------------------------------------------------------------

    def _right_tabbed(self, paragraph):
        """One right-aligned tab stop at the margin, whatever stops the style brings."""
        tab_stops = paragraph.paragraph_format.tab_stops
        style = paragraph.style
        while style is not None:
            for inherited in style.paragraph_format.tab_stops:
                tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
            style = style.base_style
        tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        return paragraph

    def header_and_footer(self, verslag: Verslag) -> None:
        for section in self.document.sections:
            header = section.header
            header.is_linked_to_previous = False
            paragraph = self._right_tabbed(_free_paragraph(header, self.styles.get("Header")))
            paragraph.add_run(verslag.header_text)
            if verslag.draft:
                paragraph.add_run("\t")
                paragraph.add_run("CONCEPT").bold = True

            footer = section.footer
            footer.is_linked_to_previous = False
            paragraph = self._right_tabbed(_free_paragraph(footer, self.styles.get("Footer")))
            paragraph.add_run("\tPagina ")
            _add_field(paragraph, "PAGE", "1")
            paragraph.add_run(" van ")
            _add_field(paragraph, "NUMPAGES", "1")


def _free_paragraph(part, style):
    """The part's single empty paragraph, else a new one after the template's own content."""
    paragraphs = part.paragraphs
    if (
        len(paragraphs) == 1
        and not paragraphs[0].text
        and not paragraphs[0]._p.xpath(".//w:drawing")
    ):
        paragraph = paragraphs[0]
        if style is not None:
            paragraph.style = style
        return paragraph
    return part.add_paragraph(style=style)


def _add_field(paragraph, instruction: str, placeholder: str) -> None:
    """A real Word field: begin / instrText / separate / cached result / end."""
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {{ns}}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {{ns}}><w:t>{placeholder}</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"))))


def _clear_body(document: DocumentObject) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ensure_dutch_proofing(document: DocumentObject) -> None:
    """Word checks spelling in the language of the document defaults (docs/pitfalls.md)."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}><w:rPr/></w:rPrDefault>")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), "nl-NL")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "nl-NL")


def _set_properties(document: DocumentObject, verslag: Verslag, now: dt.datetime) -> None:
    props = document.core_properties
    props.title = f"{verslag.title} {dutch_short_date(verslag.date)}"
    props.subject = verslag.committee
    props.author = verslag.author
    props.last_modified_by = verslag.author
    props.comments = ""
    props.keywords = "verslag"
    props.category = "Openbare versie" if verslag.public else ""
    props.content_status = "Concept" if verslag.draft else "Definitief"
    props.language = "nl-NL"
    props.revision = 1
    props.created = now
    props.modified = now


def _render(verslag: Verslag, document: DocumentObject, now, warnings: list[str]) -> bytes:
    _clear_body(document)
    _ensure_dutch_proofing(document)
    writer = _Writer(document, warnings)
    writer.paragraph(document, "Title", (Run(verslag.title),))
    writer.paragraph(document, "Verslag Meta", (Run(verslag.meta),))
    writer.blocks(document, verslag.blocks)
    writer.header_and_footer(verslag)
    _set_properties(document, verslag, now)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(
    verslag: Verslag, *, template: Path | None = None, now: dt.datetime | None = None
) -> tuple[bytes, list[str]]:
    """The .docx file's bytes and the warnings about the template, in Dutch."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    warnings: list[str] = []
    document = load_template(template, warnings)
    if template is not None and not warnings:
        try:
            return _render(verslag, document, now, warnings), warnings
        except Exception as error:  # a user's template we could open but not write into
            warnings = [_unreadable(template, error)]
            document = load_template(None, warnings)
    return _render(verslag, document, now, warnings), warnings
