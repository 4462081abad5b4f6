"""Writing a poisoned entry straight into a running server's storage.

The server validates what it accepts on push, so the entries issue 12 found (a
number beyond 64 bits, a stamp a year ahead) are put into its records and log
directly, as an older server or a hole in validation would have stored them.
"""

from __future__ import annotations

from typing import Any

from joinus_desktop.domain.hlc import Stamp, wall_clock_ms
from joinus_desktop.sync import wirejson
from joinus_server.records import FieldVersion, LogEntry, StoredRecord
from joinus_server.storage import open_storage

YEAR_MS = 365 * 24 * 3600 * 1000


def future_stamp(ahead_ms: int = YEAR_MS, node: str = "hostile") -> str:
    return str(Stamp(wall_clock_ms() + ahead_ms, 0, node))


def now_stamp(node: str = "hostile") -> str:
    return str(Stamp(wall_clock_ms(), 0, node))


def store_on_server(database_url: str, *, entity: str, record_id: str, team_id: str,
                    values: dict[str, Any], author: str, stamp: str | None = None,
                    youngster_id: str | None = None) -> int:
    """Store ``values`` (one write, one stamp) as the record's new state and log them;
    returns the entry's cursor."""
    stamp = stamp or now_stamp()
    now = wall_clock_ms()
    storage = open_storage(database_url)
    try:
        with storage.write() as tx:
            head = tx.lock_head() + 1
            existing = tx.get_records([record_id]).get(record_id)
            fields = dict(existing.fields) if existing else {}
            fields.update({n: FieldVersion(v, stamp, author) for n, v in values.items()})
            tx.put_records([StoredRecord(record_id, entity, team_id, youngster_id, fields,
                                         existing.created_at if existing else now, now,
                                         author)])
            tx.append_log([LogEntry(head, team_id, "change", entity, record_id, youngster_id,
                                    author, wirejson.dumps_text(values), None, stamp)], now)
            tx.set_head(head)
    finally:
        storage.close()
    return head
