"""Reusable widgets of the secretary's window.

Importing this package also guards the process against a reference-counting bug of
PySide6 6.12 under Python 3.11 (see ``guard_none_refcount``).
"""

import ctypes
import sys

# Far more than any session makes calls (each call into Qt that returns None loses one).
_NONE_RESERVE = 1 << 48


def guard_none_refcount() -> None:
    """Keep ``None`` alive although PySide6 6.12 drops a reference on every void call.

    On Python 3.11 every PySide6 6.12 call that returns ``None`` (``setText``,
    ``insertText``, a ``QTest.keyClick``, ...) decrements the reference count of ``None``
    without having taken one; after a few thousand calls the interpreter aborts with
    "Fatal Python error: none_dealloc". Python 3.12 made ``None`` immortal, which hides the
    bug there; here the same effect is reached by giving ``None`` a huge count once.
    """
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _NONE_RESERVE:
        refcount.value += _NONE_RESERVE


guard_none_refcount()
