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
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same (or earlier) millisecond: keep order by counting up the random part.
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 random bits
        rand &= (1 << 74) - 1
        _last_ms, _last_rand = ms, rand
    rand_a = rand >> 62  # 12 bits
    rand_b = rand & ((1 << 62) - 1)  # 62 bits
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"  # formatting by hand: uuid.UUID() costs more than the rest together
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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
