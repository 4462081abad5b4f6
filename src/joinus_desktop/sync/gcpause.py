"""Pausing Python's cyclic garbage collector around bulk object creation.

Parsing a pull page or a push batch makes a few hundred thousand small objects
(dicts, tuples, strings) that hold no reference cycles; reference counting frees
them all. Yet every 700 allocations start a collection pass, and the older
generations' passes walk the whole heap: with the application loaded, those passes
took more time than the parsing itself (a pull page: 0.7 s per 50,000 changes
instead of 0.3 s). The collector is paused for such a stretch and resumed after;
cycles made meanwhile are collected at its next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    # Process-wide: if another thread pauses too, whichever paused first resumes it,
    # and one that found it paused (or disabled by the application) leaves it so.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
