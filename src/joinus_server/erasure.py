"""Erasing a youngster (the right to be forgotten): purge on the server, publish a purge event.

Everything tied to the youngster goes: the youngster record, every record whose
youngster field names them, the conflicts about those records, and the log rows
that carried their content. What stays is the list of erased ids (random UUIDs,
so that later changes to them are refused) and the purge event that tells every
device to wipe the same.
"""

from __future__ import annotations

import logging
from typing import Any

from joinus_desktop.domain.hlc import wall_clock_ms

from .errors import AdminError
from .records import LogEntry, is_canonical_uuid
from .storage import Storage

log = logging.getLogger(__name__)


def erase_youngster(storage: Storage, youngster_id: str, *, actor: str) -> dict[str, Any]:
    if not is_canonical_uuid(youngster_id):
        raise AdminError(f"{youngster_id!r} is not a record id (a lowercase UUID)")
    now = wall_clock_ms()
    with storage.write() as tx:
        head = tx.lock_head()
        record = tx.get_records([youngster_id]).get(youngster_id)
        if record is None or record.entity != "youngster":
            if tx.erased_among([youngster_id]):
                raise AdminError(f"youngster {youngster_id} was already erased")
            raise AdminError(f"no youngster with id {youngster_id}")
        ids = tx.record_ids_of_youngster(youngster_id)
        records = tx.delete_records_of_youngster(youngster_id)
        log_rows = tx.delete_log_of_youngster(youngster_id)
        tx.add_erased(ids, youngster_id, now)
        cursor = head + 1
        tx.append_log([LogEntry(cursor, record.team_id, "purge", youngster_id=youngster_id)], now)
        tx.set_head(cursor)
        tx.add_purge(cursor, record.team_id, youngster_id, records, now)
        detail = {"youngster_id": youngster_id, "team_id": record.team_id,
                  "records_erased": records, "log_entries_erased": log_rows,
                  "purge_cursor": cursor}
        tx.audit(actor, "erase_youngster", detail, now)
    log.info("erased youngster=%s records=%d log_entries=%d purge_cursor=%d",
             youngster_id, records, log_rows, cursor)
    return detail
