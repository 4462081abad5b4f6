"""Time-ordered UUIDs (RFC 9562 version 7).

Python 3.11's ``uuid`` module has no ``uuid7``; the layout is small enough to
write here: 48 bits of Unix milliseconds, then random bits, so ids sort by
creation time and index well, without leaking more than the creation moment.
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7() -> str:
    """A new version-7 UUID as a string; monotonic within this process."""
    return uuid7_many(1)[0]


def uuid7_many(count: int) -> list[str]:
    """``count`` new version-7 UUIDs in ascending order (a bulk write's ids)."""
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same (or earlier) millisecond: keep order by counting up the random part.
            ms = _last_ms
            first = _last_rand + 1
        else:
            first = int.from_bytes(os.urandom(10), "big") >> 6  # 74 random bits
        if first + count > 1 << 74:
            # The random part would overflow: borrow the next millisecond.
            ms += 1
            first = int.from_bytes(os.urandom(10), "big") >> 7
        _last_ms, _last_rand = ms, first + count - 1
    # Formatting by hand: uuid.UUID() costs more than the rest together. The first
    # half (time, version, top 12 random bits) is shared while those bits do not carry.
    ids = []
    low_bits = (1 << 62) - 1
    rand = first
    while rand < first + count:
        rand_a = rand >> 62
        stop = min(first + count, (rand_a + 1) << 62)
        h = f"{(ms & ((1 << 48) - 1)) << 16 | 0x7 << 12 | rand_a:016x}"
        head = f"{h[:8]}-{h[8:12]}-{h[12:]}-"
        for tail in map("{:016x}".format, range(0b10 << 62 | (rand & low_bits),
                                                 0b10 << 62 | ((stop - 1) & low_bits) + 1)):
            ids.append(f"{head}{tail[:4]}-{tail[4:]}")
        rand = stop
    return ids


_CANONICAL_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_uuid(value: object) -> bool:
    """A UUID in canonical form (lower-case, hyphenated): the only form ids take here."""
    return isinstance(value, str) and _CANONICAL_UUID.fullmatch(value) is not None


def derived_id(namespace: str, *parts: str) -> str:
    """A deterministic id for records that two devices may create independently.

    Attendance of one youngster at one meeting must be one record even when both
    social workers tick it offline, so its id is derived from what it joins.
    """
    return str(uuid.uuid5(uuid.UUID(namespace), "/".join(parts)))
