"""The device's audit entries as the server takes them.

The server refuses an upload holding an entry whose time (``at``) lies outside its
window: before 2020, or more than 5 minutes after its clock. Such a time was
written while this laptop's clock was far off (the sync itself only runs with a
clock close to the server's), so it is known to be wrong; refusing it would stop
every later upload. The entry goes with the upload time instead, the one time
known to be no earlier than the real one, and nothing else of it changes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from .protocol import AUDIT_EARLIEST_MS

log = logging.getLogger(__name__)


def _ms(at: object) -> int | None:
    if not isinstance(at, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return int(moment.timestamp() * 1000)


def entries_for_upload(entries: Iterable[dict[str, Any]], now_ms: int) -> list[dict[str, Any]]:
    """``entries`` with an ``at`` before 2020 or after ``now_ms`` set to ``now_ms``."""
    now = dt.datetime.fromtimestamp(now_ms / 1000, dt.UTC).isoformat(timespec="milliseconds")
    out, moved = [], 0
    for entry in entries:
        at = _ms(entry.get("at"))
        if at is None or not AUDIT_EARLIEST_MS <= at <= now_ms:
            entry, moved = {**entry, "at": now}, moved + 1
        out.append(entry)
    if moved:
        log.warning("%d audit entries were written with the clock far off; sent with the "
                    "upload time", moved)
    return out
