"""The chair's Word agenda as tests write it: a title, then one paragraph per line.

Shared by tests/core and tests/ui (each folder imports it from here, like window_fixtures).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import docx


def write_word_agenda(path: Path, lines: Iterable[str], *, title: str | None = None) -> Path:
    document = docx.Document()
    if title is not None:
        document.add_paragraph(title, style="Title")
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path
