"""The whole verslag as plain text: the text part of the e-mail, beside its HTML part.

A mail program that shows only text (or a reader who prefers it) gets the same verslag as
the HTML part: the same lines under the title, every heading with its mark, paragraphs,
lists with the Word markers, and each table row on one line, cells separated by " | ".
"""

from __future__ import annotations

from collections.abc import Sequence

from taskforce_desktop.core import markdown
from taskforce_desktop.core.verslag import (
    Block,
    BulletList,
    Heading,
    Label,
    Paragraph,
    Table,
    Verslag,
)

_CHILD_INDENT = "    "


def _list_lines(block: BulletList, depth: int = 0) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, 1):
        if block.ordered:
            marker = f"{number}." if depth == 0 else f"{chr(ord('a') + (number - 1) % 26)}."
        else:
            marker = "•" if depth == 0 else "–"
        lines.append(f"{_CHILD_INDENT * depth}{marker} {markdown.plain(item.runs)}")
        if item.children:
            lines.extend(_list_lines(item.children, depth + 1))
    return lines


def _cell_text(blocks: Sequence[Block]) -> str:
    # A dash between the blocks of a cell: a point's title, its introduction and its
    # stukken ran on as one sentence ("… sociaal domein De regio wil …").
    return " – ".join(" ".join(_block_text(block).split()) for block in blocks)


def _table_lines(block: Table) -> list[str]:
    lines = [" | ".join(column.title for column in block.columns)]
    lines += [" | ".join(_cell_text(cell) for cell in row) for row in block.rows]
    return lines


def _block_text(block: Block) -> str:
    if isinstance(block, Heading):
        text = block.full_text
        return f"{text}\n{('=' if block.level <= 1 else '-') * len(text)}"
    if isinstance(block, Paragraph):
        return markdown.plain(block.runs)
    if isinstance(block, Label):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(_list_lines(block))
    return "\n".join(_table_lines(block))


def render_blocks(blocks: Sequence[Block]) -> str:
    """The blocks as text, a blank line between them."""
    return "\n\n".join(_block_text(block) for block in blocks)


def render_text(verslag: Verslag) -> str:
    """The verslag from its title to 'Tot slot', as the HTML part shows it."""
    title_lines = [verslag.title, verslag.subtitle, verslag.edition, verslag.draft_notice]
    head = "\n".join(line for line in title_lines if line)
    return f"{head}\n{verslag.meta}\n\n{render_blocks(verslag.blocks)}\n"
