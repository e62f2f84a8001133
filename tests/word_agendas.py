"""The chair's Word agenda as tests write it: a title, then one paragraph per line.

Shared by tests/core, tests/ui and tests/journeys (each folder imports it from here, like
window_fixtures).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import docx
from docx.document import Document as WordDocument


def _agenda_document(title: str | None, lines: Iterable[str]) -> WordDocument:
    document = docx.Document()
    if title is not None:
        document.add_paragraph(title, style="Title")
    for line in lines:
        document.add_paragraph(line)
    return document


def write_word_agenda(path: Path, lines: Iterable[str], *, title: str | None = None) -> Path:
    _agenda_document(title, lines).save(str(path))
    return path


def write_numbered_word_agenda(
    path: Path,
    points: Iterable[tuple[str, Sequence[str]]],
    *,
    title: str,
    heading: Iterable[str] = (),
) -> Path:
    """As a chair writes it in Word: the heading lines, then each point an item of Word's
    numbered list ("List Number", the numbers are Word's, not typed) with its lines under it
    (purpose, "Inbreng:", the introduction) as plain paragraphs."""
    document = _agenda_document(title, heading)
    for point, lines_under in points:
        document.add_paragraph(point, style="List Number")
        for line in lines_under:
            document.add_paragraph(line)
    document.save(str(path))
    return path
