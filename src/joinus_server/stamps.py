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

from joinus_desktop.domain.hlc import MAX_DRIFT_MS, is_canonical_stamp
from joinus_desktop.sync.protocol import Change

from .merge import Rejection

MAX_AHEAD_MS = MAX_DRIFT_MS  # 5 minutes
CLOCK_AHEAD = "clock_ahead"  # the code laptops rely on to tell their user, in words

# A conflict record's fields that hold stamps. The server makes conflict records;
# should a device send one, the stamps in it are refused from the future too.
_STAMP_VALUES = {"conflict": ("stamp", "winner_stamp")}


def stamp_limit(now_ms: int) -> str:
    """What a stamp's first 15 characters (its milliseconds, zero-padded) may not exceed.

    Comparing those characters compares times: the quick test for every change of
    every push, with the limit worked out once per push.
    """
    return f"{now_ms + MAX_AHEAD_MS:015d}"


def carried_stamps(change: Change) -> list[str]:
    """Every stamp ``change`` brings to the server: its own, its bases, and stamp values."""
    stamps = [change.stamp, *(s for s in change.base.values() if s is not None)]
    for name in _STAMP_VALUES.get(change.entity, ()):
        value = change.fields.get(name)
        if is_canonical_stamp(value):  # other text there is validation's to judge
            stamps.append(value)
    return stamps


def refuse_future(change: Change, limit: str, now_ms: int) -> Rejection | None:
    """``clock_ahead`` when a stamp of ``change`` lies beyond ``limit`` (:func:`stamp_limit`
    of ``now_ms``: 5 minutes after it)."""
    if change.stamp[:15] > limit or change.base or change.entity in _STAMP_VALUES:
        for stamp in carried_stamps(change):
            if stamp[:15] > limit:
                return _ahead(stamp, now_ms)
    return None


def _ahead(stamp: str, now_ms: int) -> Rejection:
    minutes = (int(stamp[:15]) - now_ms) // 60_000  # canonical stamps: 15 digits
    return Rejection(CLOCK_AHEAD, f"This change is stamped {_span(minutes)} ahead of the "
                                  "server's clock: the laptop's clock is ahead. Set the "
                                  "correct date and time on the laptop.")


def _span(minutes: int) -> str:
    if minutes < 120:
        return f"{minutes} minutes"
    if minutes < 2 * 24 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // (24 * 60)} days"
