"""Paragraphs and runs of the verslag's body, written as WordprocessingML elements in bulk.

python-docx builds every paragraph and run through its proxy objects, looks the style up
again for each paragraph and searches the body for the place of each new one: for a
100-point meeting that was most of the Word export's time (issue 15). The body's paragraphs
are plain (a style, perhaps list numbering, runs of text), so they are appended here as
lxml elements, in the schema's order and with the same text rules as python-docx (a tab is
<w:tab/>, a line break <w:br/>, leading or trailing spaces are preserved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"([\t\r\n])")

# A run property as (element name, w:val or None): ("b", None), ("color", "A33333").
RunProperty = tuple[str, str | None]
BOLD: RunProperty = ("b", None)
ITALIC: RunProperty = ("i", None)
# The order the schema gives the run properties used here; Word rejects another order.
_RUN_PROPERTY_ORDER = ("b", "i", "caps", "color", "sz")

Element = Any


def add_paragraph(
    parent: Element,
    style_id: str | None,
    *,
    numbering: tuple[int, int] | None = None,
    keep_with_next: bool = False,
) -> Element:
    """A new paragraph at the end of ``parent``; ``numbering`` is (numId, ilvl) of a list.

    ``style_id`` None means the document's default paragraph style, which Word expects
    to be left unnamed.
    """
    paragraph = etree.SubElement(parent, f"{_W}p")
    if style_id is None and numbering is None and not keep_with_next:
        return paragraph
    properties = etree.SubElement(paragraph, f"{_W}pPr")
    if style_id is not None:
        etree.SubElement(properties, f"{_W}pStyle", {_VAL: style_id})
    if keep_with_next:
        etree.SubElement(properties, f"{_W}keepNext")
        etree.SubElement(properties, f"{_W}keepLines")
    if numbering is not None:
        num_id, level = numbering
        number = etree.SubElement(properties, f"{_W}numPr")
        etree.SubElement(number, f"{_W}ilvl", {_VAL: str(level)})
        etree.SubElement(number, f"{_W}numId", {_VAL: str(num_id)})
    return paragraph


def add_run(paragraph: Element, text: str, properties: Sequence[RunProperty] = ()) -> Element:
    """A run of ``text`` at the end of ``paragraph``, with properties such as BOLD."""
    run = etree.SubElement(paragraph, f"{_W}r")
    if properties:
        run_properties = etree.SubElement(run, f"{_W}rPr")
        for name, value in sorted(properties, key=lambda p: _RUN_PROPERTY_ORDER.index(p[0])):
            etree.SubElement(run_properties, f"{_W}{name}", {} if value is None else {_VAL: value})
    for piece in _BREAKS.split(text) if _BREAKS.search(text) else (text,):
        if piece == "\t":
            etree.SubElement(run, f"{_W}tab")
        elif piece in ("\r", "\n"):
            etree.SubElement(run, f"{_W}br")
        elif piece:
            text_element = etree.SubElement(run, f"{_W}t")
            text_element.text = piece
            if piece.strip() != piece:
                text_element.set(_XML_SPACE, "preserve")
    return run
