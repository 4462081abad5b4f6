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
from joinus_desktop.domain.ids import is_uuid

from .auth import Principal
from .errors import AdminError, ApiError
from .records import LogEntry
from .storage import Storage, Tx

log = logging.getLogger(__name__)


def erase_youngster(storage: Storage, youngster_id: str, *, actor: str) -> dict[str, Any]:
    """The administrator's erasure (``admin erase-youngster``): the youngster must be known."""
    if not is_uuid(youngster_id):
        raise AdminError(f"{youngster_id!r} is not a record id (a lowercase UUID)")
    now = wall_clock_ms()
    with storage.write() as tx:
        head = tx.lock_head()
        record = tx.get_records([youngster_id]).get(youngster_id)
        if record is None or record.entity != "youngster":
            if tx.erased_among([youngster_id]):
                raise AdminError(f"youngster {youngster_id} was already erased")
            raise AdminError(f"no youngster with id {youngster_id}")
        detail = _purge(tx, head, youngster_id, record.team_id, actor=actor, device_id=None,
                        known=True, now_ms=now)
    storage.after_purge()
    _log(detail)
    return detail


def erase_for_device(storage: Storage, principal: Principal, youngster_id: str,
                     team_id: str) -> dict[str, Any]:
    """A device's request to erase a youngster of one of its teams (``POST /api/v1/erase``).

    The same purge as the administrator's. Idempotent: an erased youngster answers with
    the first erasure's purge cursor. A youngster the server never received is remembered
    as erased (later changes to it are refused) and still gets a purge event, so other
    devices wipe whatever they got some other way.
    """
    refused = ApiError("forbidden_team", "This youngster is not in a team this device's user "
                                         "is a member of.")
    if team_id not in principal.team_ids:
        raise refused
    actor, now = f"device:{principal.device_id}", wall_clock_ms()
    with storage.write() as tx:
        head = tx.lock_head()
        done = tx.purge_of(youngster_id)
        if done is not None:
            if done[1] != team_id:
                raise refused
            return {"erased": True, "purge_cursor": int(done[0])}
        record = tx.get_records([youngster_id]).get(youngster_id)
        if record is not None and record.team_id != team_id:
            raise refused
        if record is not None and record.entity != "youngster":
            raise ApiError("invalid_request", f"erase: {youngster_id} is not a youngster")
        if record is None and tx.erased_among([youngster_id]):
            # Erased as part of another youngster (one of their records): nothing left here.
            raise ApiError("invalid_request", f"erase: {youngster_id} is not a youngster")
        detail = _purge(tx, head, youngster_id, team_id, actor=actor,
                        device_id=principal.device_id, known=record is not None, now_ms=now)
    storage.after_purge()
    _log(detail)
    return {"erased": True, "purge_cursor": detail["purge_cursor"]}


def _purge(tx: Tx, head: int, youngster_id: str, team_id: str, *, actor: str,
           device_id: str | None, known: bool, now_ms: int) -> dict[str, Any]:
    """Delete everything tied to the youngster, remember the ids, publish the purge event.

    The event goes to the youngster's team, and to every other team whose records (or
    log entries) the purge removed: a record of another team may name the youngster
    (stored before references were kept inside the team, or sent before the youngster
    was), and that team's laptops hold it too.
    """
    ids = set(tx.record_ids_of_youngster(youngster_id)) | {youngster_id}
    per_team = tx.teams_of_youngster(youngster_id)
    records = tx.delete_records_of_youngster(youngster_id)
    log_rows = tx.delete_log_of_youngster(youngster_id)
    tx.add_erased(sorted(ids), youngster_id, now_ms)
    # The youngster's own team first: its purge (the lowest cursor) is the erasure's
    # receipt (purge_of). Its row counts every record the erasure removed; another
    # team's row counts that team's records.
    others = sorted(set(per_team) - {team_id})
    cursor = head + 1
    entries = [LogEntry(cursor + i, team, "purge", youngster_id=youngster_id)
               for i, team in enumerate([team_id, *others])]
    tx.append_log(entries, now_ms)
    tx.set_head(entries[-1].cursor)
    for entry in entries:
        count = records if entry.team_id == team_id else per_team[entry.team_id]
        tx.add_purge(entry.cursor, entry.team_id, youngster_id, count, now_ms, erased_by=actor,
                     device_id=device_id, known=known)
    detail = {"youngster_id": youngster_id, "team_id": team_id, "records_erased": records,
              "log_entries_erased": log_rows, "purge_cursor": cursor}
    if others:
        detail["other_teams"] = others
    if device_id is not None:
        detail = {**detail, "device_id": device_id, "known_to_server": known}
    tx.audit(actor, "erase_youngster", detail, now_ms)
    return {k: detail[k] for k in ("youngster_id", "team_id", "records_erased",
                                   "log_entries_erased", "purge_cursor", "other_teams")
            if k in detail}


def _log(detail: dict[str, Any]) -> None:
    log.info("erased youngster=%s records=%d log_entries=%d purge_cursor=%d",
             detail["youngster_id"], detail["records_erased"], detail["log_entries_erased"],
             detail["purge_cursor"])
