"""The verslag as one self-contained HTML page: the Voorbeeld tab, the PDF and the e-mail body.

Qt's rich-text engine (QTextBrowser, QTextDocument for the PDF) understands only a subset
of HTML and CSS, so the page keeps to it: class selectors, plain properties, tables with
cellpadding/cellspacing attributes and widths in percent.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

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
)

INK = "#1f3b57"
QUIET = "#595959"
ALERT = "#a33333"  # the concept and confidential marks; 6.8:1 on white
RULE = "#a6b4c2"
HEADER_FILL = "#e8edf2"

# Longhand margins in px: Qt's rich text ignores the shorthand and points for margins.
STYLE = f"""
body {{ font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 10pt;
       color: #1a1a1a; }}
h1.title {{ font-size: 20pt; color: {INK}; margin-top: 0px; margin-bottom: 4px; }}
p.meta {{ font-size: 10.5pt; color: {QUIET}; margin-top: 0px; margin-bottom: 18px; }}
p.draft {{ font-size: 10.5pt; color: {ALERT}; font-weight: bold; margin-top: 0px;
          margin-bottom: 2px; }}
p.subtitle {{ font-size: 10.5pt; color: {QUIET}; margin-top: 0px; margin-bottom: 2px; }}
p.edition {{ font-size: 10.5pt; font-weight: bold; color: {INK}; margin-top: 0px;
            margin-bottom: 2px; }}
span.mark {{ font-size: 8.5pt; font-weight: bold; color: {ALERT}; text-transform: uppercase; }}
h2 {{ font-size: 13pt; color: {INK}; margin-top: 20px; margin-bottom: 5px; }}
h3 {{ font-size: 10.5pt; color: {INK}; margin-top: 10px; margin-bottom: 3px; }}
p {{ margin-top: 0px; margin-bottom: 8px; }}
p.label {{ font-size: 8.5pt; font-style: italic; color: {QUIET}; margin-top: 0px;
          margin-bottom: 8px; }}
ul, ol {{ margin-top: 0px; margin-bottom: 8px; }}
li {{ margin-bottom: 3px; }}
table.grid {{ border-collapse: collapse; margin-top: 3px; margin-bottom: 10px; width: 100%; }}
table.grid th {{ background-color: {HEADER_FILL}; text-align: left; font-size: 9pt;
                border-top: 1px solid {RULE}; border-bottom: 1px solid {RULE}; }}
table.grid td {{ font-size: 9pt; vertical-align: top; border-bottom: 1px solid {RULE}; }}
table.grid td p {{ margin-top: 0px; margin-bottom: 0px; }}
"""


def _runs(runs: Sequence[Run]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text, quote=False)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def _list(block: BulletList, nested: bool = False) -> str:
    # The same markers as in Word: 1. with a. below it, a bullet with a dash-like circle.
    tag = "ol" if block.ordered else "ul"
    kind = ("a" if block.ordered else "circle") if nested else ("1" if block.ordered else "disc")
    items = []
    for item in block.items:
        children = _list(item.children, nested=True) if item.children else ""
        items.append(f"<li>{_runs(item.runs)}{children}</li>")
    return f'<{tag} type="{kind}">{"".join(items)}</{tag}>'


def _cell_attributes(column: Column) -> str:
    return ' style="white-space: nowrap"' if column.single_line else ""


def _table(block: Table) -> str:
    head = "".join(
        f'<th width="{round(column.width * 100)}%"{_cell_attributes(column)}>'
        f"{escape(column.title)}</th>"
        for column in block.columns
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{_cell_attributes(column)}>{render_blocks(cell)}</td>"
            for column, cell in zip(block.columns, row, strict=True)
        )
        + "</tr>"
        for row in block.rows
    )
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def render_blocks(blocks: Sequence[Block]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level <= 1 else "h3"
            mark = f' <span class="mark">{escape(block.mark)}</span>' if block.mark else ""
            out.append(f"<{tag}>{escape(block.text, quote=False)}{mark}</{tag}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_runs(block.runs)}</p>")
        elif isinstance(block, Label):
            out.append(f'<p class="label">{escape(block.text, quote=False)}</p>')
        elif isinstance(block, BulletList):
            out.append(_list(block))
        elif isinstance(block, Table):
            out.append(_table(block))
    return "\n".join(out)


def render_body(verslag: Verslag, *, show_draft: bool = True) -> str:
    """The verslag without <html>/<head>, to embed in a page or an e-mail."""
    lines = "".join(
        f'<p class="{kind}">{escape(text, quote=False)}</p>\n'
        for kind, text in (
            ("subtitle", verslag.subtitle),
            ("edition", verslag.edition),
            ("draft", verslag.draft_notice if show_draft else ""),
        )
        if text
    )
    return (
        f'<h1 class="title">{escape(verslag.title, quote=False)}</h1>\n'
        f"{lines}"
        f'<p class="meta">{escape(verslag.meta, quote=False)}</p>\n'
        f"{render_blocks(verslag.blocks)}"
    )


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title, quote=False)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def render_html(verslag: Verslag, *, show_draft: bool = True) -> str:
    return page(
        f"{verslag.title} – {verslag.date_text}", render_body(verslag, show_draft=show_draft)
    )
