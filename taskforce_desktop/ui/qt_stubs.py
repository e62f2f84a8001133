"""Where PySide6's type stubs promise more than Qt gives."""

from __future__ import annotations

from typing import TypeVar

Value = TypeVar("Value")


def or_none(value: Value) -> Value | None:
    """``value`` typed as what Qt really returns: perhaps None (a null pointer).

    The stubs leave the None out of, among others, ``QTextBlock.textList()`` (a block
    outside a list) and ``QSyntaxHighlighter.document()`` (once the editor is gone).
    """
    return value
