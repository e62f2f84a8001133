"""The one portable form of the secretary's texts: a small, normalised Markdown.

What a verslag needs and nothing more:
- paragraphs, separated by a blank line (a paragraph holds no line break);
- bullet lists (``- item``) and numbered lists (``1. item``), nested one level by
  four spaces; a blank line ends a list, so two lists in a row stay two lists;
- bold (``**vet**``) and italic (``*cursief*``); ``\\`` escapes ``*``, ``\\`` and a
  list marker at the start of a line.

``parse`` reads any Markdown-ish text into blocks; ``render`` writes blocks back in the
normal form, so ``render(parse(render(x))) == render(x)``. Editors and exporters work
on the blocks, never on Qt's own Markdown (which loses formatting, see docs/pitfalls.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    children: ListBlock | None = None


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...] = field(default_factory=tuple)


Block = Paragraph | ListBlock

NESTED_INDENT = "    "
_LIST_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])[ \t]+(?P<text>.*)$")
_NEEDS_LINE_ESCAPE = re.compile(r"^([-+]|\d{1,9}[.)])([ \t]|$)")


# --- inline ------------------------------------------------------------------------


# An escaped character, a bold marker or an italic marker; everything between is text.
# Scanned by the regex engine: this runs for every paragraph on every keystroke.
_INLINE_MARK = re.compile(r"\\([\\*_\-+.)#])|(\*\*)|(\*)")


def _tokenize_inline(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    buffer: list[str] = []
    position = 0
    for match in _INLINE_MARK.finditer(text):
        buffer.append(text[position : match.start()])
        position = match.end()
        escaped, bold, _italic = match.groups()
        if escaped is not None:
            buffer.append(escaped)
            continue
        if any(buffer):
            tokens.append(("text", "".join(buffer)))
        buffer = []
        tokens.append(("bold", "**") if bold else ("italic", "*"))
    buffer.append(text[position:])
    if any(buffer):
        tokens.append(("text", "".join(buffer)))
    return tokens


def parse_inline(text: str) -> tuple[Run, ...]:
    tokens = _tokenize_inline(text)
    # A marker without a partner is a literal asterisk (hand-written or imported text).
    for kind in ("bold", "italic"):
        positions = [i for i, (k, _) in enumerate(tokens) if k == kind]
        if len(positions) % 2:
            last = positions[-1]
            tokens[last] = ("text", tokens[last][1])
    runs: list[Run] = []
    bold = italic = False
    for kind, value in tokens:
        if kind == "bold":
            bold = not bold
        elif kind == "italic":
            italic = not italic
        else:
            runs.append(Run(value, bold, italic))
    return normalise_runs(runs)


def normalise_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Merge neighbours of the same format, drop empty runs, plain whitespace edges.

    Whitespace at the edge of a bold or italic run is moved out of it, because
    ``** vet**`` does not survive other Markdown readers.
    """
    pieces: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if run.bold or run.italic:
            core = run.text.strip()
            if not core:
                pieces.append(Run(run.text))
                continue
            lead = run.text[: len(run.text) - len(run.text.lstrip())]
            trail = run.text[len(run.text.rstrip()) :]
            if lead:
                pieces.append(Run(lead))
            pieces.append(Run(core, run.bold, run.italic))
            if trail:
                pieces.append(Run(trail))
        else:
            pieces.append(run)
    merged: list[Run] = []
    for run in pieces:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    # Leading/trailing whitespace of a whole paragraph carries no meaning.
    while merged and not merged[0].text.strip():
        merged.pop(0)
    while merged and not merged[-1].text.strip():
        merged.pop()
    if merged:
        first, last = merged[0], merged[-1]
        merged[0] = Run(first.text.lstrip(), first.bold, first.italic)
        last = merged[-1]
        merged[-1] = Run(last.text.rstrip(), last.bold, last.italic)
    return tuple(merged)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def render_inline(runs: tuple[Run, ...]) -> str:
    out: list[str] = []
    bold = italic = False
    for run in normalise_runs(runs):
        markers = ""
        if run.bold != bold:
            markers += "**"
            bold = run.bold
        if run.italic != italic:
            markers += "*"
            italic = run.italic
        out.append(markers + _escape(run.text))
    closing = ("**" if bold else "") + ("*" if italic else "")
    text = "".join(out) + closing
    if _NEEDS_LINE_ESCAPE.match(text):
        text = "\\" + text if text[0] in "-+" else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def plain(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)


# --- blocks ------------------------------------------------------------------------


def parse(markdown: str | None) -> tuple[Block, ...]:
    if not markdown:
        return ()
    text = markdown.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    blocks: list[Block] = []
    paragraph_lines: list[str] = []
    current_list: list[tuple[bool, list[tuple[tuple[Run, ...], list[tuple[bool, tuple[Run, ...]]]]]]] = []

    def flush_paragraph() -> None:
        if paragraph_lines:
            runs = parse_inline(" ".join(line.strip() for line in paragraph_lines))
            if runs:
                blocks.append(Paragraph(runs))
            paragraph_lines.clear()

    def flush_list() -> None:
        if current_list:
            ordered, entries = current_list[0]
            items = []
            for runs, children in entries:
                child_block = None
                if children:
                    child_block = ListBlock(
                        children[0][0], tuple(ListItem(r) for _, r in children)
                    )
                items.append(ListItem(runs, child_block))
            if items:
                blocks.append(ListBlock(ordered, tuple(items)))
            current_list.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush_paragraph()
            flush_list()
            continue
        match = _LIST_LINE.match(line)
        if match:
            flush_paragraph()
            ordered = match["marker"][0].isdigit()
            runs = parse_inline(match["text"])
            nested = len(match["indent"].expandtabs(4)) >= 2
            if nested and current_list and current_list[0][1]:
                children = current_list[0][1][-1][1]
                if children and children[0][0] != ordered:
                    # A second kind of sub-list under one item reads as the first kind.
                    ordered = children[0][0]
                if runs:
                    children.append((ordered, runs))
                continue
            if current_list and current_list[0][0] != ordered:
                flush_list()
            if not current_list:
                current_list.append((ordered, []))
            if runs:
                current_list[0][1].append((runs, []))
            continue
        if current_list and line[:1] in (" ", "\t") and current_list[0][1]:
            # A lazy continuation line of the last list item.
            last_runs, children = current_list[0][1][-1]
            joined = parse_inline(render_inline(last_runs) + " " + line.strip())
            current_list[0][1][-1] = (joined, children)
            continue
        flush_list()
        paragraph_lines.append(line)
    flush_paragraph()
    flush_list()
    return tuple(blocks)


def _render_list(block: ListBlock, indent: str) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{indent}{marker} {render_inline(item.runs)}")
        if item.children and item.children.items:
            lines.extend(_render_list(item.children, indent + NESTED_INDENT))
    return lines


def render(blocks: tuple[Block, ...]) -> str:
    chunks = []
    for block in blocks:
        if isinstance(block, Paragraph):
            line = render_inline(block.runs)
            if line:
                chunks.append(line)
        elif block.items:
            chunks.append("\n".join(_render_list(block, "")))
    return "\n\n".join(chunks)


def normalise(markdown: str | None) -> str:
    return render(parse(markdown))


def to_plain_text(markdown: str | None) -> str:
    """Readable text without markers: for search, e-mail subjects and previews."""
    lines = []
    for block in parse(markdown):
        if isinstance(block, Paragraph):
            lines.append(plain(block.runs))
        else:
            for number, item in enumerate(block.items, start=1):
                lines.append(f"{number}. {plain(item.runs)}" if block.ordered else f"• {plain(item.runs)}")
                if item.children:
                    for sub_number, child in enumerate(item.children.items, start=1):
                        bullet = f"{sub_number}." if item.children.ordered else "–"
                        lines.append(f"    {bullet} {plain(child.runs)}")
    return "\n".join(lines)
