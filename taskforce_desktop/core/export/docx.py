"""The verslag as a Word document in the house style (or the organisation's own template).

Known python-docx traps are handled here (see docs/pitfalls.md): a .dotx is opened by rewriting
its content type, styles are found whatever their author called them ("heading 1", "Heading 1",
"Kop 1") and a style the template lacks is copied in from the house style, each list gets its own
numbering instance so numbered lists restart at 1, PAGE/NUMPAGES are raw field codes,
Dutch proofing is set in the document defaults and the core properties are always ours.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import docx
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tbl
from docx.section import Section, _Footer, _Header
from docx.shared import Emu, Length, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle, StyleFactory, _TableStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from taskforce_desktop import paths
from taskforce_desktop.core import markdown
from taskforce_desktop.core.export import word_xml
from taskforce_desktop.core.file_names import shorten_middle
from taskforce_desktop.core.safe_zip import ZipTooLarge, open_bounded_zip
from taskforce_desktop.core.verslag import (
    Block,
    BulletList,
    Column,
    Heading,
    Label,
    Paragraph,
    Run,
    Table,
    Verslag,
    dutch_short_date,
)

HOUSE_TEMPLATE = ("templates", "verslag.docx")

# Far above any real template (a logo or two); a zip bomb is refused before it is unpacked.
MAX_TEMPLATE_FILE = 25_000_000
MAX_TEMPLATE_UNPACKED = 64_000_000
MAX_TEMPLATE_PARTS = 1_000

# The main part's content type of a .dotx, .docm and .dotm, each opened as a plain document.
_MAIN_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
CURRENT_WORD = "15"  # compatibilityMode of Word 2013 and later; 14 opens in compatibility mode
_COMPAT_MODE = "compatibilityMode"
_APP_PROPERTIES = "/docProps/app.xml"
_EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_RELATIONSHIP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Dutch Word shows the built-in styles under these names, and some templates store them so.
DUTCH_NAMES = {
    "Normal": "Standaard",
    "Title": "Titel",
    "Heading 1": "Kop 1",
    "Heading 2": "Kop 2",
    "List Bullet": "Lijstopsommingsteken",
    "List Bullet 2": "Lijstopsommingsteken 2",
    "List Number": "Lijstnummering",
    "List Number 2": "Lijstnummering 2",
    "Header": "Koptekst",
    "Footer": "Voettekst",
}
# The app's own styles: no user template has them, so they are copied in without a word.
APP_STYLES = ("Verslag Meta", "Verslag Label", "Verslag Tabel")
TABLE_STYLES = ("Verslag Tabel",)
LIST_STYLES = {
    (False, 0): "List Bullet",
    (False, 1): "List Bullet 2",
    (True, 0): "List Number",
    (True, 1): "List Number 2",
}

ALERT = RGBColor(0xA3, 0x33, 0x33)  # the confidential mark and the draft line; 6.8:1 on white
MARK_SIZE = Pt(8.5)

# Parts copied from the house style must not bring its fonts, numbering or links along.
_NOT_COPIED = ("w:rFonts", "w:numPr", "w:link", "w:rsid")


class TemplateRefused(Exception):
    """A template not even unpacked, for a reason the message gives in Dutch."""


def _unreadable(path: Path, error: BaseException) -> str:
    if isinstance(error, TemplateRefused):
        return f"{error} De standaardopmaak is gebruikt."
    return (
        f"Het Word-sjabloon '{Path(path).name}' kon niet worden gelezen ({error}); "
        "de standaardopmaak is gebruikt."
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB".replace(",", ".")


def _read_template(path: Path) -> bytes:
    """The template's zip, refused before anything is unpacked when it is not a sane size
    (``safe_zip``: a few megabytes can unpack to gigabytes)."""
    name = Path(path).name
    # Non-blocking, so a FIFO planted under the template's name cannot hang the export;
    # binary, or Windows would translate line ends in the zip's bytes.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise TemplateRefused(f"Het Word-sjabloon '{name}' is geen gewoon bestand.")
        data = file.read(MAX_TEMPLATE_FILE + 1)
    if len(data) > MAX_TEMPLATE_FILE:
        raise TemplateRefused(
            f"Het Word-sjabloon '{name}' is groter dan {_megabytes(MAX_TEMPLATE_FILE)}."
        )
    try:
        open_bounded_zip(data, max_unpacked=MAX_TEMPLATE_UNPACKED, max_entries=MAX_TEMPLATE_PARTS)
    except ZipTooLarge as refused:
        raise TemplateRefused(
            f"Het Word-sjabloon '{name}' is uitgepakt {_megabytes(refused.unpacked)} in "
            f"{refused.entries} delen; een sjabloon mag uitgepakt hoogstens "
            f"{_megabytes(MAX_TEMPLATE_UNPACKED)} zijn."
        ) from None
    return data


def _open_user_template(path: Path, notes: list[str]) -> DocumentObject:
    package, left_out = _safe_document_package(_read_template(path))
    document = docx.Document(io.BytesIO(package))
    # python-docx reads parts lazily: touch what the writer needs, so a damaged part
    # shows here and not halfway through writing.
    _ = (document.styles.element, document.settings.element, document.core_properties.title)
    _ = document.part.numbering_part.element.num_lst
    for section in document.sections:
        _ = (section.page_width, section.header.paragraphs, section.footer.paragraphs)
    if left_out:
        notes.append(
            f"Het Word-sjabloon '{Path(path).name}' bevat macro's, ActiveX-onderdelen of "
            "verwijzingen naar andere bestanden of adressen; die zijn niet in het verslag "
            "overgenomen."
        )
    return document


def load_template(
    path: Path | None, warnings: list[str], notes: list[str] | None = None
) -> DocumentObject:
    """The user's .docx/.dotx, or the house style when none is set or it cannot be read.

    ``warnings`` says why the house style was used; ``notes`` what was left out of the
    user's template on the way in.
    """
    if path is not None:
        try:
            return _open_user_template(path, [] if notes is None else notes)
        except Exception as error:  # noqa: BLE001 - any damage in her template: the house style
            warnings.append(_unreadable(path, error))
    return docx.Document(str(paths.resource(*HOUSE_TEMPLATE)))


def _is_left_out(name: str) -> bool:
    """Macro and ActiveX parts: code that must not travel with every mailed verslag."""
    base = name.rsplit("/", 1)[-1].casefold()
    return base.startswith(("vbaproject", "vbadata")) or "/activex/" in f"/{name.casefold()}"


def _source_part(rels_name: str) -> str:
    """'word/_rels/settings.xml.rels' -> 'word/settings.xml' (the part the links belong to)."""
    folder, _, base = rels_name.rpartition("_rels/")
    return folder + base.removesuffix(".rels")


def _serialised(root: word_xml.Element) -> bytes:
    """A package part's XML as Word writes it: UTF-8, declared standalone."""
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def _without_links(rels: bytes) -> tuple[bytes, set[str]]:
    """A part's relationships without external targets (hyperlinks stay: none is fetched)
    and without links to left-out parts; plus the ids taken out."""
    root = etree.fromstring(rels, _SAFE_XML)
    removed = set()
    for relationship in list(root):
        external = relationship.get("TargetMode") == "External"
        hyperlink = relationship.get("Type", "").endswith("/hyperlink")
        if (external and not hyperlink) or _is_left_out(relationship.get("Target", "")):
            removed.add(relationship.get("Id"))
            root.remove(relationship)
    return _serialised(root), removed


def _without_references(part: bytes, removed: set[str]) -> bytes:
    """The part without what pointed at removed relationships: attachedTemplate goes whole."""
    root = etree.fromstring(part, _SAFE_XML)
    for element in list(root.iter()):
        for attribute, value in list(element.attrib.items()):
            if attribute.startswith(_RELATIONSHIP_NS) and value in removed:
                if element.tag == qn("w:attachedTemplate"):
                    element.getparent().remove(element)
                else:
                    del element.attrib[attribute]
    return _serialised(root)


def _safe_document_package(data: bytes) -> tuple[bytes, bool]:
    """The template as a plain Word document, and whether anything was left out.

    python-docx refuses a template's content type, so a .dotx (or a macro-enabled file) is
    presented as a document. Macro and ActiveX parts, and links to other files or web
    addresses (an attachedTemplate on a server, a linked picture) are left out, so none
    goes out with the verslag.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    contents = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}
    left_out = any(_is_left_out(name) for name in contents)
    contents = {name: content for name, content in contents.items() if not _is_left_out(name)}
    for name in [name for name in contents if name.endswith(".rels")]:
        contents[name], removed = _without_links(contents[name])
        part = _source_part(name)
        if removed:
            left_out = True
            if part in contents and part.endswith(".xml"):
                contents[part] = _without_references(contents[part], removed)
    content_types = contents["[Content_Types].xml"]
    for main_type in _MAIN_TYPES:
        content_types = content_types.replace(main_type, _DOCUMENT_TYPE)
    contents["[Content_Types].xml"] = content_types
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in contents.items():
            target.writestr(name, content)
    return out.getvalue(), left_out


def _key(name: str) -> str:
    """'Heading 1' (LibreOffice), 'heading 1' (Word) and the style id 'Heading1' are one."""
    return "".join(name.casefold().split())


class _StyleIndex:
    """The styles of one document by name or style id, case-insensitively, English or Dutch."""

    def __init__(self, document: DocumentObject) -> None:
        self.document = document
        self._by_key: dict[tuple[WD_STYLE_TYPE, str], BaseStyle] = {}
        for style in document.styles:
            self.add(style)

    def add(self, style: BaseStyle) -> None:
        for text in (style.name, style.style_id):
            if text:
                self._by_key.setdefault((style.type, _key(text)), style)

    def find(self, name: str, style_type: WD_STYLE_TYPE) -> BaseStyle | None:
        if name == "Normal":
            default: BaseStyle | None = self.document.styles.default(style_type)
            if default is not None:
                return default
        for alias in (name, DUTCH_NAMES.get(name)):
            style = self._by_key.get((style_type, _key(alias))) if alias else None
            if style is not None:
                return style
        return None

    def by_id(self, style_id: str) -> BaseStyle | None:
        element = self.document.styles.element.get_by_id(style_id)
        return StyleFactory(element) if element is not None else None


_StyleKind = TypeVar("_StyleKind", bound=BaseStyle)


def _narrowed(style: BaseStyle, kind: type[_StyleKind]) -> _StyleKind:
    """The style as the class python-docx made it for its type (it only promises BaseStyle)."""
    if not isinstance(style, kind):
        raise TypeError(f"style {style.name!r} is a {type(style).__name__}, not a {kind.__name__}")
    return style


class _Styles:
    """The styles the writer uses: the template's own, else copied in from the house style.

    A copy keeps the house style's sizes and spacing but not its fonts, so it takes the
    template's own fonts through its base style and the document defaults.
    """

    def __init__(self, document: DocumentObject) -> None:
        self._document = document
        self._index = _StyleIndex(document)
        self._house: _StyleIndex | None = None
        self._resolved: dict[str, ParagraphStyle] = {}
        self.copied_built_ins: list[str] = []

    def get(self, name: str) -> ParagraphStyle:
        """A paragraph style, or for a name in TABLE_STYLES a table style (a kind of one)."""
        if name not in self._resolved:
            style_type = WD_STYLE_TYPE.TABLE if name in TABLE_STYLES else WD_STYLE_TYPE.PARAGRAPH
            style = self._index.find(name, style_type)
            if style is None:
                style = self._copy_from_house(name, style_type)
                if name not in APP_STYLES:
                    self.copied_built_ins.append(name)
            self._resolved[name] = _narrowed(style, ParagraphStyle)
        return self._resolved[name]

    def table(self, name: str) -> _TableStyle:
        return _narrowed(self.get(name), _TableStyle)

    def _house_index(self) -> _StyleIndex:
        if self._house is None:
            self._house = _StyleIndex(docx.Document(str(paths.resource(*HOUSE_TEMPLATE))))
        return self._house

    def _copy_from_house(self, name: str, style_type: WD_STYLE_TYPE) -> BaseStyle:
        house = self._house_index()
        source = house.find(name, style_type)
        if source is None:
            raise KeyError(f"the house template lacks the style {name!r}")
        element = copy.deepcopy(source.element)
        for tag in _NOT_COPIED:
            for child in list(element.iter(qn(tag))):
                child.getparent().remove(child)
        for tag in ("w:basedOn", "w:next"):
            reference = element.find(qn(tag))
            if reference is not None:
                counterpart = self._counterpart(house, reference.get(qn("w:val")))
                if counterpart is None:
                    element.remove(reference)
                else:
                    reference.set(qn("w:val"), counterpart.style_id)
        element.attrib.pop(qn("w:default"), None)
        element.set(qn("w:styleId"), self._free_style_id(source.style_id))
        self._document.styles.element.append(element)
        style = StyleFactory(element)
        self._index.add(style)
        return style

    def _counterpart(self, house: _StyleIndex, house_style_id: str) -> BaseStyle | None:
        """The template's style for one the house style refers to (its Normal for Normal)."""
        house_style = house.by_id(house_style_id)
        if house_style is None:
            return None
        if house_style.element.get(qn("w:default")) in ("1", "true"):
            default: BaseStyle | None = self._document.styles.default(house_style.type)
            return default
        return self._index.find(house_style.name or "", house_style.type)

    def _free_style_id(self, wanted: str) -> str:
        taken = {
            style.get(qn("w:styleId"))
            for style in self._document.styles.element.findall(qn("w:style"))
        }
        style_id, counter = wanted, 1
        while style_id in taken:
            counter += 1
            style_id = f"{wanted}{counter}"
        return style_id

    def copied_warning(self) -> str | None:
        """The one thing about styles the secretary can act on: her template lacks some."""
        if not self.copied_built_ins:
            return None
        names = [f"'{DUTCH_NAMES.get(n, n)}' ({n})" for n in self.copied_built_ins]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"
        plural = len(names) > 1
        return (
            f"Het Word-sjabloon heeft geen opmaakstijl{'en' if plural else ''} {listed}; "
            f"{'die zijn' if plural else 'die is'} overgenomen uit de huisstijl, "
            "in het lettertype van het sjabloon."
        )


class _Numbering:
    """A fresh numbering instance per list, so each numbered list starts at 1."""

    def __init__(self, document: DocumentObject, styles: _Styles) -> None:
        self._numbering = document.part.numbering_part.element
        self._styles = styles
        self._fallback_abstracts: dict[bool, int] = {}
        self._style_numberings: dict[str, tuple[int, int] | None] = {}
        # Counted here: python-docx's add_num searches every numId for a gap, each time.
        self._next_num_id = 1 + max(
            (int(num.get(qn("w:numId"))) for num in self._numbering.findall(qn("w:num"))),
            default=0,
        )
        self._after_nums = self._numbering.find(qn("w:numIdMacAtCleanup"))

    def _style_numbering(self, style: ParagraphStyle) -> tuple[int, int] | None:
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
            ids = [
                int(abstract.get(qn("w:abstractNumId")))
                for abstract in self._numbering.findall(qn("w:abstractNum"))
            ]
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

    def new_list(self, ordered: bool, depth: int) -> tuple[str, int, int]:
        """(paragraph style name, numId, ilvl) for the paragraphs of one new list."""
        style_name = LIST_STYLES[(ordered, min(depth, 1))]
        if style_name not in self._style_numberings:
            self._style_numberings[style_name] = self._style_numbering(self._styles.get(style_name))
        own = self._style_numberings[style_name]
        if own is None:
            abstract_id, ilvl = self._fallback_abstract(ordered), min(depth, 1)
        else:
            abstract_id, ilvl = own
        num_id = self._next_num_id
        self._next_num_id += 1
        num = OxmlElement("w:num", {qn("w:numId"): str(num_id)})
        etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): str(abstract_id)})
        override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): str(ilvl)})
        etree.SubElement(override, qn("w:startOverride"), {qn("w:val"): "1"})
        if self._after_nums is not None:
            self._after_nums.addprevious(num)
        else:
            self._numbering.append(num)
        return style_name, num_id, ilvl


class _Writer:
    """Writes the verslag's blocks as elements (word_xml), appended to a body or table cell."""

    def __init__(self, document: DocumentObject) -> None:
        self.document = document
        self.styles = _Styles(document)
        self.numbering = _Numbering(document, self.styles)
        self._style_ids: dict[str, str | None] = {}
        self.text_width = _text_area_width(document.sections[0])

    def _style_id(self, style_name: str) -> str | None:
        """The paragraph style's id; None for the default style, which Word leaves unnamed."""
        if style_name not in self._style_ids:
            style = self.styles.get(style_name)
            is_default = style == self.document.styles.default(style.type)
            self._style_ids[style_name] = None if is_default else style.style_id
        return self._style_ids[style_name]

    # -- paragraphs -------------------------------------------------------------------

    def paragraph(
        self,
        parent: word_xml.Element,
        style_name: str,
        runs: Sequence[Run] = (),
        *,
        keep_with_next: bool = False,
    ) -> word_xml.Element:
        paragraph = word_xml.add_paragraph(
            parent, self._style_id(style_name), keep_with_next=keep_with_next
        )
        _add_runs(paragraph, runs)
        return paragraph

    def heading(self, parent: word_xml.Element, block: Heading) -> word_xml.Element:
        name = "Heading 1" if block.level <= 1 else "Heading 2"
        # Stated, not left to the template's heading style, which may not keep it.
        paragraph = self.paragraph(parent, name, (Run(block.text),), keep_with_next=True)
        if block.mark:
            word_xml.add_run(paragraph, "\u2003")  # an em space sets the mark apart
            word_xml.add_run(paragraph, block.mark, _MARK)
        return paragraph

    def bullet_list(self, parent: word_xml.Element, block: BulletList, depth: int = 0) -> None:
        style_name, num_id, ilvl = self.numbering.new_list(block.ordered, depth)
        style_id = self._style_id(style_name)
        for item in block.items:
            paragraph = word_xml.add_paragraph(parent, style_id, numbering=(num_id, ilvl))
            _add_runs(paragraph, item.runs)
            if item.children:
                self.bullet_list(parent, item.children, depth + 1)

    def table(self, parent: word_xml.Element, block: Table) -> None:
        element = CT_Tbl.new_tbl(1 + len(block.rows), len(block.columns), Emu(self.text_width))
        parent.append(element)
        table = DocxTable(element, self.document)
        style = self.styles.table("Verslag Tabel")
        table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = self._column_widths(block, style)
        for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_column.w = width
        table_width = table._tbl.tblPr.find(qn("w:tblW"))
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths) // 635))  # EMU -> twentieths of a point
        header = table.rows[0]
        # The header row comes back on every page the table runs over.
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, column, width in zip(header.cells, block.columns, widths, strict=True):
            _size_cell(cell, width, column)
            word_xml.add_run(cell._tc.find(qn("w:p")), column.title, (word_xml.BOLD,))
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            # A row is not split over two pages.
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for cell, content, column, width in zip(
                row.cells, cells, block.columns, widths, strict=True
            ):
                _size_cell(cell, width, column)
                placeholder = cell._tc.find(qn("w:p"))  # a cell must hold a paragraph
                self.blocks(cell._tc, content)
                if len(cell._tc.findall(qn("w:p"))) > 1:
                    cell._tc.remove(placeholder)

    def _column_widths(self, block: Table, style: ParagraphStyle) -> list[Emu]:
        """Each column's share of the text width, widened where a single-line value needs it.

        A template's own fonts and cell margins can make "2022-09/1" or "Afgerond" wider
        than the share; such a column gets what its longest value needs (estimated from
        the font size) and the columns that may wrap give it up.
        """
        widths = [int(self.text_width * column.width) for column in block.columns]
        size = _table_font_size(self.document, style, self.styles.get("Normal"))
        padding = _cell_padding(style)
        for index, column in enumerate(block.columns):
            if column.single_line:
                values = [markdown.plain(_runs_of(row[index])) for row in block.rows]
                needed = max(
                    _text_width(column.title, size, bold=True),
                    *(_text_width(value, size) for value in values),
                )
                widths[index] = max(widths[index], needed + padding)
        excess = sum(widths) - self.text_width
        wrapping = [i for i, column in enumerate(block.columns) if not column.single_line]
        room = sum(widths[i] for i in wrapping)
        if excess > 0 and room > 0:
            for i in wrapping:
                widths[i] -= excess * widths[i] // room
        return [Emu(width) for width in widths]

    def blocks(self, parent: word_xml.Element, blocks: Sequence[Block]) -> None:
        """Append the blocks' elements to ``parent``, a body (without its sectPr) or cell."""
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(parent, block)
            elif isinstance(block, Paragraph):
                self.paragraph(parent, "Normal", block.runs)
            elif isinstance(block, Label):
                self.paragraph(parent, "Verslag Label", (Run(block.text),))
            elif isinstance(block, BulletList):
                self.bullet_list(parent, block)
            elif isinstance(block, Table):
                self.table(parent, block)

    # -- page furniture ---------------------------------------------------------------

    def _right_tabbed(self, paragraph: DocxParagraph) -> DocxParagraph:
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
            if verslag.edition or verslag.draft:
                paragraph.add_run("\t")
            if verslag.edition:
                paragraph.add_run(verslag.edition + (" · " if verslag.draft else ""))
            if verslag.draft:
                paragraph.add_run("CONCEPT").bold = True

            footer = section.footer
            footer.is_linked_to_previous = False
            paragraph = self._right_tabbed(_free_paragraph(footer, self.styles.get("Footer")))
            paragraph.add_run("\tPagina ")
            _add_field(paragraph, "PAGE", "1")
            paragraph.add_run(" van ")
            _add_field(paragraph, "NUMPAGES", "1")


def _text_area_width(section: Section) -> int:
    """The width between the margins, in EMU; a section without its page size is refused."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        raise ValueError("de paginabreedte of de marges ontbreken")
    return width - left - right


def _size_cell(cell: _Cell, width: Emu, column: Column) -> None:
    cell.width = width  # Word honours widths only when every cell carries one
    if column.single_line:
        cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


_MARK = (word_xml.BOLD, ("caps", None), ("color", str(ALERT)), ("sz", str(int(MARK_SIZE.pt * 2))))


def _add_runs(paragraph: word_xml.Element, runs: Sequence[Run]) -> None:
    for run in runs:
        properties = ((word_xml.BOLD,) if run.bold else ()) + (
            (word_xml.ITALIC,) if run.italic else ()
        )
        word_xml.add_run(paragraph, run.text, properties)


def _runs_of(blocks: Sequence[Block]) -> tuple[Run, ...]:
    return tuple(run for block in blocks if isinstance(block, Paragraph) for run in block.runs)


# Widths in em of Arial's glyphs, coarsely grouped; other fonts stay within the margin below.
_NARROW_GLYPHS = frozenset(" .,:;!|'ijlftI/")
_SMALL_GLYPHS = frozenset("-()[]r*")
_WIDE_GLYPHS = frozenset("mwMW%@")
_WIDTH_MARGIN = 1.15  # Verdana's digits are 14 % wider than Arial's
_BOLD_FACTOR = 1.08


def _glyph_width(char: str) -> float:
    if char in _NARROW_GLYPHS:
        return 0.26
    if char in _SMALL_GLYPHS:
        return 0.34
    if char in _WIDE_GLYPHS:
        return 0.86
    return 0.70 if char.isupper() else 0.56


def _text_width(text: str, size: int, *, bold: bool = False) -> int:
    """An upper estimate of the width of one line of text, in EMU (``size`` in EMU too)."""
    ems = sum(_glyph_width(char) for char in text) * _WIDTH_MARGIN
    return int(ems * size * (_BOLD_FACTOR if bold else 1))


def _style_font_size(style: ParagraphStyle | None) -> int | None:
    while style is not None:
        size: Length | None = style.font.size
        if size is not None:
            return size
        style = style.base_style
    return None


def _default_font_size(document: DocumentObject) -> int:
    size = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}"
    )
    if size is not None and (size.get(qn("w:val")) or "").isdigit():
        return Pt(int(size.get(qn("w:val"))) / 2)
    return Pt(10)  # Word's size when nothing sets one


def _table_font_size(
    document: DocumentObject, table_style: ParagraphStyle, paragraph_style: ParagraphStyle
) -> int:
    """The larger of what the table style and the cells' paragraph style set."""
    sizes = [_style_font_size(table_style), _style_font_size(paragraph_style)]
    return max((s for s in sizes if s is not None), default=_default_font_size(document))


def _cell_padding(table_style: ParagraphStyle) -> int:
    """Left plus right cell margin in EMU, from the table style or Word's default."""
    margins = {"left": 108, "right": 108}  # twentieths of a point
    found: set[str] = set()
    style: ParagraphStyle | None = table_style
    while style is not None and len(found) < 2:
        cell_margins = style.element.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        for side in set(margins) - found:
            margin = cell_margins.find(qn(f"w:{side}")) if cell_margins is not None else None
            if margin is not None and (margin.get(qn("w:w")) or "").isdigit():
                margins[side] = int(margin.get(qn("w:w")))
                found.add(side)
        style = style.base_style
    return sum(margins.values()) * 635


def _free_paragraph(part: _Header | _Footer, style: ParagraphStyle) -> DocxParagraph:
    """The part's single empty paragraph, else a new one after the template's own content."""
    paragraphs = part.paragraphs
    if (
        len(paragraphs) == 1
        and not paragraphs[0].text
        and not paragraphs[0]._p.xpath(".//w:drawing")
    ):
        paragraph: DocxParagraph = paragraphs[0]
        paragraph.style = style
        return paragraph
    return part.add_paragraph(style=style)


def _add_field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
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


def _make_current(document: DocumentObject) -> None:
    """A current Word document: not in compatibility mode, no picture of the template."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    mode = next(
        (s for s in compat.findall(qn("w:compatSetting")) if s.get(qn("w:name")) == _COMPAT_MODE),
        None,
    )
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), _COMPAT_MODE)
        mode.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
        compat.append(mode)
    mode.set(qn("w:val"), CURRENT_WORD)
    relationships = document.part.package.rels
    for relationship_id, relationship in list(relationships.items()):
        if relationship.reltype == RT.THUMBNAIL:
            relationships.pop(relationship_id)


def _app_properties(document: DocumentObject, title: str) -> bytes:
    """docProps/app.xml as Word writes it, with this verslag's counts and Dutch names.

    A template's own file would describe the template ("LibreOffice", 0 words, 'Title').
    """
    # itertext reads the text without making a python-docx object of every w:t.
    texts = [
        "".join(paragraph.itertext(qn("w:t")))
        for paragraph in document.element.body.iter(qn("w:p"))
    ]
    texts = [text for text in texts if text.strip()]
    words = " ".join(texts).split()
    root = etree.Element(f"{{{_EXTENDED_NS}}}Properties", nsmap={None: _EXTENDED_NS, "vt": _VT_NS})
    counts = {
        "Application": "Taskforce Verslag",
        "AppVersion": "15.0000",
        "DocSecurity": "0",
        "Words": str(len(words)),
        "Characters": str(sum(map(len, words))),
        "CharactersWithSpaces": str(sum(map(len, texts))),
        "Paragraphs": str(len(texts)),
    }
    for name, value in counts.items():
        etree.SubElement(root, f"{{{_EXTENDED_NS}}}{name}").text = value
    vt = f"{{{_VT_NS}}}"
    pairs = etree.SubElement(root, f"{{{_EXTENDED_NS}}}HeadingPairs")
    vector = etree.SubElement(pairs, f"{vt}vector", size="2", baseType="variant")
    etree.SubElement(etree.SubElement(vector, f"{vt}variant"), f"{vt}lpstr").text = "Titel"
    etree.SubElement(etree.SubElement(vector, f"{vt}variant"), f"{vt}i4").text = "1"
    parts = etree.SubElement(root, f"{{{_EXTENDED_NS}}}TitlesOfParts")
    titles = etree.SubElement(parts, f"{vt}vector", size="1", baseType="lpstr")
    etree.SubElement(titles, f"{vt}lpstr").text = title
    return _serialised(root)


def _set_app_properties(document: DocumentObject, title: str) -> None:
    package = document.part.package
    blob = _app_properties(document, title)
    for part in package.iter_parts():
        if part.partname == _APP_PROPERTIES:
            part._blob = blob  # python-docx keeps this part as bytes and has no API for it
            return
    part = Part(PackURI(_APP_PROPERTIES), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def _set_properties(document: DocumentObject, verslag: Verslag, now: dt.datetime) -> None:
    props = document.core_properties
    props.title = shorten_middle(f"{verslag.title} {dutch_short_date(verslag.date)}", 255)
    props.subject = shorten_middle(verslag.committee, 255)  # python-docx refuses longer
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
    _set_app_properties(document, props.title)


def _render(
    verslag: Verslag, document: DocumentObject, now: dt.datetime, warnings: list[str]
) -> bytes:
    _clear_body(document)
    _ensure_dutch_proofing(document)
    _make_current(document)
    writer = _Writer(document)
    body = document.element.body
    # Blocks are appended; the section properties must stay the body's last child.
    section_properties = body.find(qn("w:sectPr"))
    if section_properties is not None:
        body.remove(section_properties)
    writer.paragraph(body, "Title", (Run(verslag.title),))
    title_lines = (
        (Run(verslag.subtitle), None),
        (Run(verslag.edition, bold=True), None),
        (Run(verslag.draft_notice, bold=True), ALERT),
    )
    for line, colour in title_lines:
        if line.text:
            # Close under the title, as one block with the meta line below.
            paragraph = DocxParagraph(writer.paragraph(body, "Verslag Meta", (line,)), document)
            paragraph.paragraph_format.space_after = Pt(2)
            if colour is not None:
                paragraph.runs[0].font.color.rgb = colour
    writer.paragraph(body, "Verslag Meta", (Run(verslag.meta),))
    writer.blocks(body, verslag.blocks)
    if section_properties is not None:
        body.append(section_properties)
    writer.header_and_footer(verslag)
    _set_properties(document, verslag, now)
    copied = writer.styles.copied_warning()
    if copied:
        warnings.append(copied)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(
    verslag: Verslag, *, template: Path | None = None, now: dt.datetime | None = None
) -> tuple[bytes, list[str]]:
    """The .docx file's bytes and the warnings about the template, in Dutch."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    warnings: list[str] = []
    notes: list[str] = []
    document = load_template(template, warnings, notes)
    if template is not None and not warnings:
        try:
            return _render(verslag, document, now, notes), notes
        except Exception as error:  # noqa: BLE001 - a template we could open but not write into
            warnings = [_unreadable(template, error)]
            document = load_template(None, warnings)
    return _render(verslag, document, now, warnings), warnings
