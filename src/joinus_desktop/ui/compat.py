"""Work-arounds for bugs in the Qt binding, each with its reason and how to drop it.

PySide6 6.12 on Python 3.11 loses a reference to ``None`` (and to ``True`` /
``False``) each time an invalid or boolean QVariant becomes a Python object:
``QModelIndex.data()`` for an unset role, and pyqtgraph's ``itemChange``
overrides, which Qt calls constantly. After enough of them the count reaches zero
and the interpreter aborts ("Fatal Python error: none_dealloc"), typically at exit.
Python 3.12 made these objects immortal, which hides the bug; on 3.11 we give them
a reference count so large that the leak can never reach zero (the same thing,
done by hand). Drop this module when the binding is fixed or we require 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40  # ~10^12 lost references before trouble: never in practice
_applied = False


def needs_singleton_guard() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def guard_singletons() -> bool:
    """Give None, True and False a huge reference count; True when applied."""
    global _applied
    if _applied or not needs_singleton_guard():
        return _applied
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA_REFERENCES
    _applied = True
    return True
