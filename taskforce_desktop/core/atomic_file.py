"""Write a file so that readers see the old version or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

_TEMPORARY_SUFFIX = ".tmp"
_RANDOM_PART = "[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix


def temporary_name_pattern(target_name: str) -> re.Pattern[str]:
    """The names of write_atomically's temporary files for target_name: a killed write
    leaves one behind, and only names of this shape are the app's own to clean up."""
    return re.compile(rf"\.{re.escape(target_name)}\.{_RANDOM_PART}{re.escape(_TEMPORARY_SUFFIX)}")


def write_atomically(target: Path, data: bytes) -> Path:
    """Temporary file beside the target, flushed to disk, then renamed over it."""
    target = Path(target)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=_TEMPORARY_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return target
