"""Stamps from the future are refused (``clock_ahead``).

A stamp orders concurrent edits, and the greatest one wins: a laptop whose clock
runs a year ahead would win every race for a year. Worse, every laptop that
pulls such a stamp must move its own clock past it, and laptops refuse to (their
clocks would then be wrong too), so one stored future stamp stops a whole team,
including laptops enrolled later. The server therefore refuses, per change, a
stamp more than :data:`MAX_AHEAD_MS` ahead of its own clock: the same bound a
laptop applies to what it pulls (``hlc.MAX_DRIFT_MS``), so what the server stores,
every laptop can take.
"""

from __future__ import annotations

from collections.abc import Iterator

from joinus_desktop.domain.hlc import MAX_DRIFT_MS
from joinus_desktop.sync.protocol import Change

from .merge import Rejection

MAX_AHEAD_MS = MAX_DRIFT_MS  # 5 minutes
CLOCK_AHEAD = "clock_ahead"  # the code laptops rely on to tell their user, in words

# A conflict record's fields that hold stamps. The server makes conflict records;
# should a device send one, the stamps in it are refused from the future too.
_STAMP_VALUES = {"conflict": ("stamp", "winner_stamp")}


def _physical_ms(stamp: str) -> int | None:
    """The wall-clock part of a stamp (15 digits up front), if it has one."""
    head = stamp[:15]
    return int(head) if len(head) == 15 and head.isascii() and head.isdigit() else None


def carried_stamps(change: Change) -> Iterator[str]:
    """Every stamp ``change`` brings to the server: its own, its bases, and stamp values."""
    yield change.stamp
    yield from (s for s in change.base.values() if s is not None)
    for name in _STAMP_VALUES.get(change.entity, ()):
        value = change.fields.get(name)
        if isinstance(value, str):
            yield value


def refuse_future(change: Change, now_ms: int) -> Rejection | None:
    """``clock_ahead`` when a stamp of ``change`` lies more than 5 minutes after ``now_ms``."""
    limit = now_ms + MAX_AHEAD_MS
    for stamp in carried_stamps(change):
        ms = _physical_ms(stamp)
        if ms is not None and ms > limit:
            minutes = (ms - now_ms) // 60_000
            return Rejection(CLOCK_AHEAD, f"This change is stamped {_span(minutes)} ahead of "
                                          "the server's clock: the laptop's clock is ahead. "
                                          "Set the correct date and time on the laptop.")
    return None


def _span(minutes: int) -> str:
    if minutes < 120:
        return f"{minutes} minutes"
    if minutes < 2 * 24 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // (24 * 60)} days"
