"""Serving a device its teams' log after a cursor, a page at a time."""

from __future__ import annotations

from typing import Any, Literal

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.sync import wirejson

from .auth import Principal
from .errors import ApiError
from .records import LogEntry
from .storage import Storage

# How a pulled change that one write set is sent: "values" (its stamp once, from
# clients that ask for it) or "fields" (a stamp per field, as every client reads).
Shape = Literal["fields", "values"]


def resync_required(message: str) -> ApiError:
    return ApiError("resync_required", message + " Re-send every change the server has not "
                    "confirmed, then pull again from cursor 0.")


def pull(storage: Storage, principal: Principal, *, cursor: int, limit: int,
         epoch: str | None = None, shape: Shape = "fields") -> dict[str, Any]:
    """The page after ``cursor`` as a parsed dict (for scripts and tests)."""
    return wirejson.loads(pull_json(storage, principal, cursor=cursor, limit=limit, epoch=epoch,
                                    shape=shape))


def pull_json(storage: Storage, principal: Principal, *, cursor: int, limit: int,
              epoch: str | None = None, shape: Shape = "fields") -> bytes:
    """The page of log entries after ``cursor`` (at most ``limit``), as wire JSON.

    The returned cursor is the last entry's, or the log head when this is the last
    page: everything up to the head is committed (cursors are assigned under
    the head lock), so a device may skip past other teams' entries safely.
    ``shape="values"``: an entry one write set comes as its stamp and values, as
    stored; ``"fields"`` (what clients before that shape understand): every entry
    with a stamp per field.
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
    page: dict[str, Any] = {"epoch": current_epoch, "cursor": next_cursor,
                            "has_more": has_more}
    if counts is not None:
        page["counts"] = counts
    page["server_time_ms"] = wall_clock_ms()
    # The page's own keys, then "changes" spliced in: {"epoch": …, …, "changes": [...]}.
    entry_json = _entry_json if shape == "values" else _entry_json_per_field
    return b"".join((wirejson.dumps(page)[:-1], b',"changes":[',
                     b",".join(map(entry_json, entries)), b"]}"))


def _entry_json(entry: LogEntry) -> bytes:
    """One entry as wire JSON (see ``PulledChange.to_wire``).

    The log keeps each change's fields in wire shape already, so they are spliced
    in as stored: decoding and re-encoding them was most of the server's pull time.
    """
    if entry.kind == "purge":
        return wirejson.dumps({"cursor": entry.cursor, "kind": "purge",
                               "team_id": entry.team_id, "youngster_id": entry.youngster_id})
    head = wirejson.dumps({"cursor": entry.cursor, "kind": "change", "team_id": entry.team_id,
                           "entity": entry.entity, "id": entry.record_id,
                           "author": entry.author})
    fields = (entry.fields_json or "{}").encode()
    if entry.stamp is not None:
        return b"".join((head[:-1], b',"stamp":', wirejson.dumps(entry.stamp), b',"values":',
                         fields, b"}"))
    return b"".join((head[:-1], b',"fields":', fields, b"}"))


def _entry_json_per_field(entry: LogEntry) -> bytes:
    """One entry with a stamp per field, for clients that do not read "values"."""
    if entry.stamp is None:
        return _entry_json(entry)
    values = wirejson.loads(entry.fields_json or "{}")
    fields = {name: {"value": value, "stamp": entry.stamp} for name, value in values.items()}
    return _entry_json(entry._replace(fields_json=wirejson.dumps_text(fields), stamp=None))
