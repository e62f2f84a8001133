"""Conversion between a QTextDocument and the blocks of ``core.markdown``.

The editor keeps its text in a QTextDocument; what is stored is the normal Markdown form of
``core.markdown``. Qt's own ``toMarkdown()``/``setMarkdown()`` lose data (docs/pitfalls.md), so
this module walks the document itself:

- a block outside any list is a paragraph; a list is a ``QTextList`` at indent 1, the
  sub-list of one item a ``QTextList`` at indent 2 (deeper lists, e.g. from a pasted web page,
  are read as that one sub-level);
- bold is a font weight of at least ``QFont.Bold``, italic is ``fontItalic``; every other
  format (colour, font, size, heading level, tables, images) is not part of the text;
- a soft line break (U+2028) ends a paragraph or list item: the storage form has none.

``canonicalise_lists`` rewrites the document's list objects so that what the editor shows
is exactly what ``document_to_blocks`` reads (one list object per stored list and per
sub-list), which the editor calls after every structural change.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from taskforce_desktop.core import markdown as md
from taskforce_desktop.core.markdown import Block, ListBlock, ListItem, Paragraph, Run
from taskforce_desktop.ui.qt_stubs import or_none

TOP_LEVEL = 1
NESTED_LEVEL = 2

BOLD_WEIGHT = QFont.Weight.Bold.value
NORMAL_WEIGHT = QFont.Weight.Normal.value
_LINE_SEPARATOR = "\u2028"
_ORDERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


# --- formats -------------------------------------------------------------------------


def has_bold_weight(char_format: QTextCharFormat) -> bool:
    return char_format.fontWeight() >= BOLD_WEIGHT


def is_ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in _ORDERED_STYLES


def list_level(text_list: QTextList) -> int:
    return NESTED_LEVEL if text_list.format().indent() >= NESTED_LEVEL else TOP_LEVEL


def list_format(ordered: bool, level: int) -> QTextListFormat:
    """The one look of each kind of list, so that equal stored lists look equal."""
    fmt = QTextListFormat()
    if ordered:
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
    elif level == TOP_LEVEL:
        fmt.setStyle(QTextListFormat.Style.ListDisc)
    else:
        fmt.setStyle(QTextListFormat.Style.ListCircle)
    fmt.setIndent(level)
    return fmt


def char_format(bold: bool, italic: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(BOLD_WEIGHT if bold else NORMAL_WEIGHT)
    fmt.setFontItalic(italic)
    return fmt


# --- document -> blocks --------------------------------------------------------------


def iter_blocks(doc: QTextDocument) -> Iterator[QTextBlock]:
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def block_lines(block: QTextBlock) -> list[list[Run]]:
    """The runs of one block, split at soft line breaks; embedded objects are dropped."""
    text = block.text()
    utf16 = text.encode("utf-16-le", "surrogatepass")
    # Qt counts UTF-16 code units; a Python str counts code points (differs for emoji).
    wide = len(utf16) != 2 * len(text)
    lines: list[list[Run]] = [[]]
    for format_range in block.textFormats():
        fmt = format_range.format
        if fmt.objectType() != QTextFormat.ObjectTypes.NoObject or fmt.isImageFormat():
            continue
        start, end = format_range.start, format_range.start + format_range.length
        if wide:
            piece = utf16[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
        else:
            piece = text[start:end]
        bold, italic = has_bold_weight(fmt), fmt.fontItalic()
        first, *rest = piece.split(_LINE_SEPARATOR)
        _append_run(lines[-1], Run(first, bold, italic))
        for line in rest:
            lines.append([Run(line, bold, italic)])
    return lines


def _append_run(runs: list[Run], run: Run) -> None:
    """Add a run, joined to the last one when only an ignored format (colour, font) differs.

    ``md.normalise_runs`` moves spaces at the edge of a bold run out of it, so two bold
    fragments "Verslag " + "concept" must be one run before, or they come out as two.
    """
    if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
    else:
        runs.append(run)


def _is_sub_item(text_list: QTextList, top_list_index: int) -> bool:
    """Whether a block of ``text_list`` hangs under the last item of the list being read.

    A nested list that is itself the list being read (its top items were deleted) keeps
    its items as siblings.
    """
    return list_level(text_list) == NESTED_LEVEL and text_list.objectIndex() != top_list_index


@dataclass
class _ListBuilder:
    """One stored list while it is being read: its Qt list and its items so far."""

    object_index: int
    ordered: bool
    items: list[tuple[list[Run], list[list[Run]], bool | None]] = field(default_factory=list)

    def add_item(self, runs: list[Run]) -> None:
        self.items.append((runs, [], None))

    def add_child(self, runs: list[Run], ordered: bool) -> None:
        parent_runs, children, children_ordered = self.items[-1]
        # One item has one sub-list: its first child decides the kind (as core.markdown reads).
        kind = ordered if children_ordered is None else children_ordered
        children.append(runs)
        self.items[-1] = (parent_runs, children, kind)

    def build(self) -> ListBlock:
        items = []
        for runs, children, children_ordered in self.items:
            sub_list = None
            if children:
                sub_list = ListBlock(
                    bool(children_ordered),
                    tuple(ListItem(md.normalise_runs(child)) for child in children),
                )
            items.append(ListItem(md.normalise_runs(runs), sub_list))
        return ListBlock(self.ordered, tuple(items))


def _raw_blocks(doc: QTextDocument) -> list[Block]:
    blocks: list[Block] = []
    builder: _ListBuilder | None = None

    def flush() -> None:
        nonlocal builder
        if builder is not None:
            blocks.append(builder.build())
            builder = None

    for block in iter_blocks(doc):
        lines = block_lines(block)
        text_list = or_none(block.textList())
        if text_list is None:
            flush()
            paragraphs = (md.normalise_runs(runs) for runs in lines)
            blocks.extend(Paragraph(runs) for runs in paragraphs if runs)
            continue
        ordered = is_ordered(text_list)
        if builder is not None and _is_sub_item(text_list, builder.object_index):
            for runs in lines:
                builder.add_child(runs, ordered)
            continue
        if builder is None or builder.object_index != text_list.objectIndex():
            flush()
            builder = _ListBuilder(text_list.objectIndex(), ordered)
        for runs in lines:
            builder.add_item(runs)
    flush()
    return blocks


def _round_trips(blocks: tuple[Block, ...]) -> bool:
    """Whether ``md.parse(md.render(blocks)) == blocks`` holds without computing it.

    core.markdown proves that round trip for blocks whose every paragraph and item has
    normalised, non-empty runs without line breaks; that is what an editor holds unless
    an item is empty.
    """
    for block in blocks:
        if isinstance(block, Paragraph):
            lines = [block.runs]
        else:
            lines = [item.runs for item in block.items]
            lines += [c.runs for item in block.items if item.children for c in item.children.items]
        for runs in lines:
            if not runs or any("\r" in run.text for run in runs):
                return False
    return True


def document_to_blocks(doc: QTextDocument) -> tuple[Block, ...]:
    """The document as stored: exactly ``md.parse(md.render(...))`` of what it shows.

    Passing through render and parse drops what the storage form cannot hold (empty
    items, an empty item's sub-list) the same way a later load would; when nothing of
    that kind is present the detour is skipped (markdown() runs on every keystroke).
    """
    blocks = tuple(_raw_blocks(doc))
    return blocks if _round_trips(blocks) else md.parse(md.render(blocks))


def document_to_markdown(doc: QTextDocument) -> str:
    return md.render(document_to_blocks(doc))


# --- blocks -> document --------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One paragraph or list item to write, with the stored list it belongs to."""

    runs: tuple[Run, ...]
    list_key: tuple[int, ...] | None = None
    ordered: bool = False
    level: int = TOP_LEVEL


def _lines(blocks: tuple[Block, ...]) -> Iterator[_Line]:
    for block_number, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            yield _Line(block.runs)
            continue
        for item_number, item in enumerate(block.items):
            yield _Line(item.runs, (block_number,), block.ordered, TOP_LEVEL)
            if item.children is None:
                continue
            for child in item.children.items:
                key = (block_number, item_number)
                yield _Line(child.runs, key, item.children.ordered, NESTED_LEVEL)


def write_blocks(target: QTextCursor | QTextDocument, blocks: tuple[Block, ...]) -> None:
    """Write blocks into a document (replacing its content) or at a cursor.

    At a cursor the selection is replaced; the first block continues the paragraph the
    cursor is in (which becomes a list item when it was empty and the first block is one)
    and the text after the cursor ends up after the last block, as a paste in Word does.
    Everything happens in one edit block, so it is one undo step.
    """
    if isinstance(target, QTextDocument):
        cursor = QTextCursor(target)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setBlockCharFormat(QTextCharFormat())
    else:
        cursor = target
        cursor.beginEditBlock()
        cursor.removeSelectedText()
    lists: dict[tuple[int, ...], QTextList] = {}
    for number, line in enumerate(_lines(blocks)):
        if number == 0:
            current = cursor.block()
            joins_list = current.length() == 1 and current.textList() is None
            current_list = current.textList()
            if line.list_key is not None and current_list is not None:
                # Pasted into a list item: the pasted items continue the list there.
                if list_level(current_list) == line.level:
                    lists[line.list_key] = current_list
        else:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            joins_list = True
        if line.list_key is not None and joins_list:
            existing = lists.get(line.list_key)
            if existing is None:
                lists[line.list_key] = cursor.createList(list_format(line.ordered, line.level))
            else:
                existing.add(cursor.block())
        for run in line.runs:
            cursor.insertText(run.text, char_format(run.bold, run.italic))
    cursor.endEditBlock()


def markdown_to_document(doc: QTextDocument, text: str) -> None:
    write_blocks(doc, md.parse(text))


# --- paste ---------------------------------------------------------------------------

# Word puts a list on the clipboard as paragraphs marked "mso-list:l<list> level<n>", with
# the bullet or number as text in a conditional comment that other readers would show.
_WORD_LIST_PARAGRAPH = re.compile(
    r"<p\b[^>]*?mso-list:\s*l(?P<list>\d+)\s+level(?P<level>\d+)[^>]*>(?P<body>.*?)</p\s*>",
    re.IGNORECASE | re.DOTALL,
)
_WORD_LIST_LABEL = re.compile(r"<!\[if !supportLists\]>(?P<label>.*?)<!\[endif\]>", re.I | re.S)
_ORDERED_LABEL = re.compile(r"\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_FRAGMENT_MARKER = re.compile(r"<!--\s*(Start|End)Fragment\s*-->", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _word_lists_as_html_lists(source: str) -> str:
    """Turn Word's list paragraphs into ``<ul>``/``<ol>`` that Qt's HTML reader knows."""
    out: list[str] = []
    group: list[tuple[str, int, bool, str]] = []
    position = 0

    def flush() -> None:
        open_lists: list[tuple[str, str]] = []
        for list_id, level, ordered, body in group:
            tag = "ol" if ordered else "ul"
            while len(open_lists) > level or (
                len(open_lists) == level and open_lists[-1] != (tag, list_id)
            ):
                out.append(f"</{open_lists.pop()[0]}>")
            while len(open_lists) < level:
                open_lists.append((tag, list_id))
                out.append(f"<{tag}>")
            out.append(f"<li>{body}</li>")
        out.extend(f"</{tag}>" for tag, _ in reversed(open_lists))
        group.clear()

    for match in _WORD_LIST_PARAGRAPH.finditer(source):
        between = source[position : match.start()]
        if group and between.strip():
            flush()
        if not group:
            out.append(between)
        label_match = _WORD_LIST_LABEL.search(match["body"])
        label = ""
        if label_match:
            label = html.unescape(_TAG.sub("", label_match["label"])).strip()
        body = _WORD_LIST_LABEL.sub("", match["body"])
        ordered = bool(_ORDERED_LABEL.fullmatch(label))
        group.append((match["list"], max(1, int(match["level"])), ordered, body))
        position = match.end()
    if group:
        flush()
    out.append(source[position:])
    return "".join(out)


def blocks_from_html(source: str) -> tuple[Block, ...]:
    """What a pasted HTML fragment (Word, a web page, another editor) keeps as blocks."""
    # Qt's reader skips the context before a StartFragment marker, and with it the list
    # of the first item; write_blocks decides itself how the first block joins the text.
    source = _FRAGMENT_MARKER.sub("", source)
    document = QTextDocument()
    document.setHtml(_word_lists_as_html_lists(source))
    return document_to_blocks(document)


def plain_text_for_paste(text: str) -> str:
    """Pasted plain text with every kind of line break made a paragraph break."""
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("\n", text))


# --- keeping the shown structure equal to the stored one ------------------------------


@dataclass
class _Group:
    """Blocks that form one stored list or one item's sub-list."""

    level: int
    ordered: bool
    blocks: list[QTextBlock] = field(default_factory=list)


def _list_groups(doc: QTextDocument) -> list[_Group]:
    """Group list blocks the way ``_raw_blocks`` reads them."""
    groups: list[_Group] = []
    top: _Group | None = None
    top_object = -1
    children: _Group | None = None
    for block in iter_blocks(doc):
        text_list = or_none(block.textList())
        if text_list is None:
            top = children = None
            continue
        if top is not None and _is_sub_item(text_list, top_object):
            if children is None:
                children = _Group(NESTED_LEVEL, is_ordered(text_list))
                groups.append(children)
            children.blocks.append(block)
            continue
        if top is None or top_object != text_list.objectIndex():
            top = _Group(TOP_LEVEL, is_ordered(text_list))
            top_object = text_list.objectIndex()
            groups.append(top)
            children = None
        top.blocks.append(block)
        if block.text().strip():
            # An empty item is not stored: the sub-items below it belong to the item above.
            children = None
    return groups


def canonicalise_lists(doc: QTextDocument) -> None:
    """Give every stored list and every sub-list its own Qt list with the standard look.

    Only blocks whose list is wrong are touched, so a call on a canonical document changes
    nothing (and adds no undo step). Call it inside the caller's edit block.
    """
    claimed: set[int] = set()
    for group in _list_groups(doc):
        first_list = group.blocks[0].textList()
        wanted = list_format(group.ordered, group.level)
        if first_list.objectIndex() in claimed:
            target = QTextCursor(group.blocks[0]).createList(wanted)
        else:
            target = first_list
            current = target.format()
            if current.style() != wanted.style() or current.indent() != wanted.indent():
                target.setFormat(wanted)
        claimed.add(target.objectIndex())
        for block in group.blocks[1:]:
            if block.textList().objectIndex() != target.objectIndex():
                target.add(block)
