"""Hybrid logical clock stamps.

A stamp is ``"<physical ms, 15 digits>:<counter, 6 hex>:<node>"``; fixed widths
make the string order the total order (time, then counter, then node), so stamps
compare with ``<`` and sort in SQL without parsing. Stamps only break ties
between concurrent edits; concurrency itself is detected from base versions.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFFFF
# The one alphabet of a stamp's node (a device id, "server"): the parser, the push
# parser and the OpenAPI schema (joinus_server.api.schemas) all use this pattern.
NODE_PATTERN = r"[A-Za-z0-9._-]{1,64}"
_NODE = re.compile(NODE_PATTERN)
# A remote stamp further ahead of our wall clock than this means someone's clock
# is wrong; the sync layer reports it instead of dragging our clock along.
MAX_DRIFT_MS = 5 * 60 * 1000


class ClockError(Exception):
    """A stamp cannot be produced or accepted (malformed, or a clock far off)."""


@dataclass(frozen=True, order=True)
class Stamp:
    physical_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.physical_ms:015d}:{self.counter:06x}:{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        try:
            ms, counter, node = text.split(":", 2)
            stamp = cls(int(ms), int(counter, 16), node)
        except (ValueError, AttributeError) as exc:
            raise ClockError(f"not a clock stamp: {text!r}") from exc
        if len(ms) != 15 or len(counter) != 6 or not _NODE.fullmatch(node) \
                or stamp.physical_ms < 0:
            raise ClockError(f"not a clock stamp: {text!r}")
        return stamp


# The one spelling ``Stamp.__str__`` prints, with a node of the one alphabet.
STAMP_PATTERN = rf"[0-9]{{15}}:[0-9a-f]{{6}}:{NODE_PATTERN}"
_CANONICAL = re.compile(STAMP_PATTERN)


def is_canonical_stamp(text: object) -> bool:
    """A stamp exactly as this module prints it (stamps compare as strings)."""
    return isinstance(text, str) and _CANONICAL.fullmatch(text) is not None


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues strictly increasing stamps for one node, and absorbs remote ones."""

    def __init__(
        self,
        node: str,
        *,
        last: str | None = None,
        wall: Callable[[], int] = wall_clock_ms,
    ) -> None:
        if not isinstance(node, str) or not _NODE.fullmatch(node):
            raise ClockError("a clock node id must be 1 to 64 letters, digits, '.', '_' or '-'")
        self.node = node
        self._wall = wall
        self._lock = threading.Lock()
        parsed = Stamp.parse(last) if last else None
        self._ms = parsed.physical_ms if parsed else 0
        self._counter = parsed.counter if parsed else 0

    @property
    def last(self) -> str:
        return str(Stamp(self._ms, self._counter, self.node))

    def now(self) -> str:
        """A stamp greater than every stamp this clock issued or received."""
        with self._lock:
            wall = self._wall()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._bump()
            return str(Stamp(self._ms, self._counter, self.node))

    def receive(self, remote: str, *, reference_ms: int | None = None) -> None:
        """Move past a stamp seen from another node, so our next edit orders after it.

        ``reference_ms``: the clock the stamp is judged by (the server's, for a pulled
        page: a stamp far ahead of it is its author's error); our own wall clock if None.
        """
        stamp = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            reference = wall if reference_ms is None else max(wall, reference_ms)
            if stamp.physical_ms - reference > MAX_DRIFT_MS:
                raise ClockError(
                    f"a remote clock is {(stamp.physical_ms - reference) // 1000} s ahead of "
                    "the reference clock"
                )
            if stamp.physical_ms > self._ms:
                self._ms, self._counter = stamp.physical_ms, stamp.counter
            elif stamp.physical_ms == self._ms and stamp.counter > self._counter:
                self._counter = stamp.counter

    def rewind(self, physical_ms: int) -> None:
        """Step back to ``physical_ms`` (never forward), for stamps that ran ahead while the
        wall clock was wrong: the server refuses them (``clock_ahead``), and every later
        stamp of this clock would follow them. The caller makes sure that no stamp this
        node holds or sent, other than the refused ones, is newer."""
        with self._lock:
            if physical_ms < self._ms:
                self._ms, self._counter = physical_ms, 0

    def _bump(self) -> None:
        if self._counter >= MAX_COUNTER:
            # Ran out of counter within one millisecond: borrow the next millisecond.
            self._ms += 1
            self._counter = 0
        else:
            self._counter += 1
