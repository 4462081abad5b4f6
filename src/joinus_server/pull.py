"""Serving a device its teams' log after a cursor, a page at a time."""

from __future__ import annotations

import json
from typing import Any

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.sync.protocol import FieldValue, PulledChange, PullResponse

from .auth import Principal
from .errors import ApiError
from .records import LogEntry
from .storage import Storage


def resync_required(message: str) -> ApiError:
    return ApiError("resync_required", message + " Re-send every change the server has not "
                    "confirmed, then pull again from cursor 0.")


def pull(storage: Storage, principal: Principal, *, cursor: int, limit: int,
         epoch: str | None = None) -> dict[str, Any]:
    """The page of log entries after ``cursor`` (at most ``limit``), as the wire JSON.

    The returned cursor is the last entry's, or the log head when this is the last
    page: everything up to the head is committed (cursors are assigned under
    the head lock), so a device may skip past other teams' entries safely.
    """
    if cursor < 0:
        raise resync_required("A cursor is never negative.")
    teams = list(principal.team_ids)
    with storage.read() as tx:
        current_epoch = tx.epoch()
        head = tx.head()
        if epoch is not None and epoch != current_epoch:
            raise resync_required("The server's dataset changed (it was restored from a backup).")
        if cursor > head:
            raise resync_required(f"Cursor {cursor} is beyond this server's log ({head}); "
                                  "the server was probably restored from a backup.")
        # The device's own changes are left out: it holds those values already (clients
        # apply a pulled field only when its stamp is newer, so order does not matter).
        entries = tx.log_after(cursor, teams, limit + 1, exclude_device=principal.device_id)
        has_more = len(entries) > limit
        entries = entries[:limit]
        next_cursor = entries[-1].cursor if has_more else head
        counts = None
        if not has_more:
            counts = {team: dict.fromkeys(entities.ENTITIES, 0) for team in teams}
            for team, entity, n in tx.live_counts(teams):
                counts[team][entity] = int(n)
        unconfirmed = tx.unconfirmed_purges(principal.device_id, teams, cursor)
    if unconfirmed:
        # A device asks for entries after a purge only once it applied that purge.
        with storage.write() as tx:
            tx.confirm_purges(principal.device_id, unconfirmed, wall_clock_ms())
    return PullResponse(current_epoch, next_cursor, has_more,
                        [_pulled(entry) for entry in entries], counts,
                        server_time_ms=wall_clock_ms()).to_wire()


def _pulled(entry: LogEntry) -> PulledChange:
    if entry.kind == "purge":
        return PulledChange(entry.cursor, "purge", entry.team_id, youngster_id=entry.youngster_id)
    fields = json.loads(entry.fields_json or "{}")
    return PulledChange(entry.cursor, "change", entry.team_id, entry.entity, entry.record_id,
                        {name: FieldValue(item["value"], item["stamp"])
                         for name, item in fields.items()}, entry.author)
