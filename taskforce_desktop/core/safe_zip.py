"""A zip from outside (a Word file), refused before anything in it is unpacked.

A few megabytes can unpack to gigabytes, and Python 3.11.7's zipfile lacks the fix for
overlapping entries (CVE-2024-0450), so the sizes the zip declares are checked first:
reading an entry never yields more than its declared size.
"""

from __future__ import annotations

import io
import zipfile

# Deflate packs at most about 1,000 to 1; XML that packs better than this is a bomb, not text.
# Small parts are left alone: a part of zeros a few kilobytes long harms nobody.
_RATIO_CHECKED_FROM = 1_000_000


class ZipTooLarge(Exception):
    """The zip declares more parts or more unpacked bytes than allowed."""

    def __init__(self, entries: int, unpacked: int) -> None:
        super().__init__(f"{entries} parts, {unpacked:,} bytes unpacked")
        self.entries = entries
        self.unpacked = unpacked


def open_bounded_zip(
    data: bytes, *, max_unpacked: int, max_entries: int, max_ratio: int | None = None
) -> zipfile.ZipFile:
    """The zip in ``data``; ZipTooLarge when it unpacks too large, BadZipFile when damaged."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    packed_too_well = max_ratio is not None and any(
        entry.file_size > _RATIO_CHECKED_FROM
        and entry.file_size > max_ratio * max(entry.compress_size, 1)
        for entry in entries
    )
    if len(entries) > max_entries or unpacked > max_unpacked or packed_too_well:
        raise ZipTooLarge(len(entries), unpacked)
    return archive
