"""Names made from what the secretary typed, kept short enough for every file system.

A committee name of 235 characters made file names no file system takes (255 bytes on
Linux, a 260-character path on Windows) and Word properties python-docx refuses (255
characters). Long texts are shortened in the middle, so both the start (what it is) and
the end (the date, "openbare versie") stay readable.
"""

from __future__ import annotations

# Leaves 140 characters of a Windows path for the folder, and room on Linux for the
# temporary name (".<name>.<random>.tmp") an atomic write uses beside the target.
MAX_FILE_NAME_CHARS = 120
MAX_FILE_NAME_BYTES = 200
ELLIPSIS = "…"
_TAIL_SHARE = 3  # a third of the room goes to the end, where the date is


def _fits(text: str, max_chars: int, max_bytes: int | None) -> bool:
    return len(text) <= max_chars and (
        max_bytes is None or len(text.encode("utf-8", "surrogatepass")) <= max_bytes
    )


def shorten_middle(text: str, max_chars: int, max_bytes: int | None = None) -> str:
    """text itself when it fits, else its start and end joined by an ellipsis."""
    if _fits(text, max_chars, max_bytes):
        return text
    room = max_chars - len(ELLIPSIS)
    tail_chars = room // _TAIL_SHARE
    head_chars = room - tail_chars
    while True:
        shortened = text[:head_chars].rstrip() + ELLIPSIS + text[len(text) - tail_chars :].lstrip()
        if _fits(shortened, max_chars, max_bytes) or head_chars + tail_chars == 0:
            return shortened
        # Many bytes per character (emoji, CJK): give up characters on both sides.
        head_chars, tail_chars = head_chars * 9 // 10, tail_chars * 9 // 10


def fit_file_name(stem: str, suffix: str) -> str:
    """stem + suffix within MAX_FILE_NAME_CHARS and MAX_FILE_NAME_BYTES; the suffix is kept."""
    suffix_bytes = len(suffix.encode("utf-8"))
    return (
        shorten_middle(stem, MAX_FILE_NAME_CHARS - len(suffix), MAX_FILE_NAME_BYTES - suffix_bytes)
        + suffix
    )
