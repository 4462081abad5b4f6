"""Organisation settings (retention, public key), the retention report, devices' audit logs,
and erasure receipts.

The organisation's RSA *public* key is all the server ever holds: laptops wrap their
vault key to it at enrolment, and only the organisation, offline, with the private key,
can unwrap it (``admin recover-vault``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.domain.ids import is_uuid
from joinus_desktop.domain.retention import (
    DEFAULT_RETENTION_MONTHS,
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    RETENTION_KEY,
    erase_after,
)
from joinus_desktop.sync.protocol import AUDIT_EARLIEST_MS, AUDIT_MAX_AHEAD_MS

from .auth import Principal
from .errors import AdminError, ApiError
from .storage import Storage, Tx
from .text import is_actor

ORG_KEY = "organisation_public_key"
# The signed rotations from earlier keys to the current one (JSON list, oldest first):
# a laptop pinned to an earlier key follows them (joinus_desktop.store.org_key_rotation).
ORG_KEY_ROTATIONS = "organisation_key_rotations"

# What a device's audit entry may say: ids and actions, never content.
AUDIT_ACTIONS = ("open", "create", "change", "delete", "export", "import", "erase", "unlock",
                 "recover")
MAX_AUDIT_ENTRIES = 1000
MAX_ACTOR_LENGTH = 80
MAX_AT_LENGTH = 64
MAX_SEQ = 2**63 - 1


# -- settings ---------------------------------------------------------------------------
def settings_in(tx: Tx) -> dict[str, Any]:
    months = tx.setting(RETENTION_KEY)
    return {"retention_months": int(months) if months is not None else DEFAULT_RETENTION_MONTHS,
            "organisation_public_key": tx.setting(ORG_KEY),
            ORG_KEY_ROTATIONS: _rotations(tx)}


def _rotations(tx: Tx) -> list[dict[str, str]]:
    stored = tx.setting(ORG_KEY_ROTATIONS)
    return json.loads(stored) if stored else []


def settings(storage: Storage) -> dict[str, Any]:
    with storage.read() as tx:
        current = settings_in(tx)
    return {**current, "server_time_ms": wall_clock_ms()}


def set_retention(storage: Storage, months: int, *, actor: str) -> dict[str, Any]:
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise AdminError(f"the retention period must be {MIN_RETENTION_MONTHS} to "
                         f"{MAX_RETENTION_MONTHS} months")
    with storage.write() as tx:
        previous = settings_in(tx)["retention_months"]
        tx.set_setting(RETENTION_KEY, str(months))
        tx.audit(actor, "set_retention", {"months": months, "previous": previous},
                 wall_clock_ms())
    return {"retention_months": months, "previous": previous}


def _public_key(pem: bytes) -> Any:
    from joinus_desktop.store.errors import StoreError
    from joinus_desktop.store.org_recovery import load_public_key

    if b"PRIVATE KEY" in pem:
        raise AdminError("this is a private key: give the public key; the private key must "
                         "stay offline and never be on the server")
    try:
        return load_public_key(pem)
    except StoreError as exc:
        raise AdminError(str(exc).rstrip(".")) from None


def set_org_key(storage: Storage, pem: bytes, *, actor: str,
                replace_unsigned: bool = False) -> dict[str, Any]:
    """Store the organisation's RSA public key (>= 3072 bits), in canonical PEM.

    Laptops pin the key they received at enrolment and refuse a different one that
    is not signed by it, so replacing a key is ``rotate_org_key``'s job. Only when the
    old private key is lost does ``replace_unsigned`` put a new key in place anyway:
    enrolled laptops then keep their wrap to the old key and must enrol again.
    """
    from joinus_desktop.store.org_key_rotation import canonical_pem
    from joinus_desktop.store.org_recovery import fingerprint, load_public_key

    key = _public_key(pem)
    canonical = canonical_pem(key)
    key_id = fingerprint(key)
    with storage.write() as tx:
        old = tx.setting(ORG_KEY)
        previous = fingerprint(load_public_key(old.encode("ascii"))) if old else None
        if previous is not None and previous != key_id and not replace_unsigned:
            raise AdminError(
                f"the organisation key is already set (fingerprint {previous}); laptops "
                "accept a new key only when the old key signed it: use admin rotate-org-key. "
                "If the old private key is lost, --replace-unsigned stores it anyway, and "
                "every enrolled laptop must enrol again")
        tx.set_setting(ORG_KEY, canonical)
        if previous != key_id:
            tx.set_setting(ORG_KEY_ROTATIONS, "[]")  # no chain leads to an unsigned key
        tx.audit(actor, "set_org_key", {"fingerprint": key_id, "previous": previous,
                                        "bits": key.key_size,
                                        "unsigned_replacement": previous not in (None, key_id)},
                 wall_clock_ms())
    return {"fingerprint": key_id, "bits": key.key_size, "previous_fingerprint": previous}


def rotate_org_key(storage: Storage, rotation: dict[str, str], *,
                   actor: str) -> dict[str, Any]:
    """Replace the organisation key by a rotation signed with the current key.

    ``rotation`` comes from ``sign_rotation`` (on the organisation's offline machine);
    the server only checks it and passes it on to laptops with their settings.
    """
    from joinus_desktop.store.errors import StoreError
    from joinus_desktop.store.org_key_rotation import MAX_ROTATIONS, verify_rotation
    from joinus_desktop.store.org_recovery import fingerprint, load_public_key

    try:
        checked = verify_rotation(rotation)
    except StoreError as exc:
        raise AdminError(str(exc).rstrip(".")) from None
    with storage.write() as tx:
        old = tx.setting(ORG_KEY)
        if old is None:
            raise AdminError("no organisation key is set yet: set the first one with "
                             "admin set-org-key")
        current = fingerprint(load_public_key(old.encode("ascii")))
        if checked.previous != current:
            raise AdminError(f"the rotation is signed by key {checked.previous}, but the "
                             f"server's current organisation key is {current}")
        signed = {k: rotation[k] for k in ("previous_public_key", "public_key", "signature")}
        rotations = [*_rotations(tx), signed][-MAX_ROTATIONS:]
        tx.set_setting(ORG_KEY, checked.public_pem.decode("ascii"))
        tx.set_setting(ORG_KEY_ROTATIONS, json.dumps(rotations, sort_keys=True))
        tx.audit(actor, "rotate_org_key", {"fingerprint": checked.new, "previous": current},
                 wall_clock_ms())
    return {"fingerprint": checked.new, "previous_fingerprint": current,
            "rotations": len(rotations)}


# -- retention --------------------------------------------------------------------------
def retention_due(storage: Storage, team_ids: Sequence[str] | None, *,
                  today: dt.date | None = None) -> list[dict[str, Any]]:
    """Exited youngsters whose exit date plus the retention period has passed (on or
    before ``today``), in the given teams (None: all). Erased youngsters are gone already."""
    today = today or dt.date.today()
    with storage.read() as tx:
        months = settings_in(tx)["retention_months"]
        youngsters = tx.youngsters_in(team_ids)
    due = []
    for record in youngsters:
        values = record.values()
        exit_date = entities.parse_date(values.get("exit_date"))
        if values.get("status") != "exited" or exit_date is None:
            continue
        due_from = erase_after(exit_date, months)
        if due_from <= today:
            due.append({"youngster_id": record.id, "team_id": record.team_id,
                        "exit_date": exit_date.isoformat(),
                        "erase_after": due_from.isoformat()})
    return sorted(due, key=lambda d: (d["erase_after"], d["team_id"], d["youngster_id"]))


def retention_due_for(storage: Storage, principal: Principal) -> list[dict[str, Any]]:
    teams = None if principal.reports_cover_all_teams else list(principal.team_ids)
    return retention_due(storage, teams)


# -- devices' audit logs ----------------------------------------------------------------
def _bad(message: str) -> ApiError:
    return ApiError("invalid_request", f"audit: {message}")


def _printable(text: str) -> bool:
    return not any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def parse_audit(data: object, principal: Principal) -> list[tuple[Any, ...]]:
    """Rows for :meth:`Tx.add_device_audit`; 400 for anything beyond ids and actions."""
    if not isinstance(data, dict) or set(data) != {"device_id", "entries"}:
        raise _bad("the body must be an object with exactly 'device_id' and 'entries'")
    if not isinstance(data["device_id"], str):
        raise _bad("'device_id' must be a string")
    entries = data["entries"]
    if not isinstance(entries, list):
        raise _bad("'entries' must be a list")
    if data["device_id"] != principal.device_id:
        raise ApiError("device_mismatch", "audit: 'device_id' is not the device of this token")
    if len(entries) > MAX_AUDIT_ENTRIES:
        raise ApiError("batch_too_large", f"audit: at most {MAX_AUDIT_ENTRIES} entries per "
                                          "request")
    rows, seen = [], set()
    keys = {"seq", "at", "actor", "action", "entity", "record_id"}
    now_ms = wall_clock_ms()
    for i, entry in enumerate(entries):
        where = f"entries[{i}]"
        if not isinstance(entry, dict) or set(entry) != keys:
            raise _bad(f"{where} must be an object with exactly: {', '.join(sorted(keys))}")
        seq, at, actor = entry["seq"], entry["at"], entry["actor"]
        action, entity, record_id = entry["action"], entry["entity"], entry["record_id"]
        if type(seq) is not int or not 0 <= seq <= MAX_SEQ:
            raise _bad(f"{where}.seq must be a non-negative integer")
        if seq in seen:
            raise _bad(f"{where}.seq {seq} appears twice")
        seen.add(seq)
        at_ms = _instant(at)
        if at_ms is None:
            raise _bad(f"{where}.at must be an ISO 8601 date and time with a UTC offset")
        if not AUDIT_EARLIEST_MS <= at_ms <= now_ms + AUDIT_MAX_AHEAD_MS:
            raise _bad(f"{where}.at must lie between 2020-01-01 and 5 minutes after the "
                       "server's time")
        if not isinstance(actor, str) or not 1 <= len(actor) <= MAX_ACTOR_LENGTH \
                or not is_actor(actor):
            raise _bad(f"{where}.actor must be 1 to {MAX_ACTOR_LENGTH} characters of A-Z, "
                       "a-z, 0-9, '.', '_', ':' and '-'")
        if not isinstance(action, str) or action not in AUDIT_ACTIONS:
            raise _bad(f"{where}.action must be one of: {', '.join(AUDIT_ACTIONS)}")
        if entity is not None and (not isinstance(entity, str)
                                   or entity not in entities.ENTITIES):
            raise _bad(f"{where}.entity must be an entity name or null")
        if record_id is not None and not is_uuid(record_id):
            raise _bad(f"{where}.record_id must be a lowercase UUID or null")
        rows.append((seq, at, at_ms, actor, action, entity, record_id))
    return rows


def _instant(value: object) -> int | None:
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_AT_LENGTH \
            or not _printable(value):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    try:
        return int(moment.timestamp() * 1000)
    except (OverflowError, OSError, ValueError):
        return None


def store_audit(storage: Storage, principal: Principal, rows: list[tuple[Any, ...]]) -> int:
    with storage.write() as tx:
        tx.add_device_audit(principal.device_id, rows, wall_clock_ms())
    return len(rows)


def audit_trail(storage: Storage, *, limit: int = 100, record_id: str | None = None,
                device_id: str | None = None) -> list[dict[str, Any]]:
    """The server's audit rows and the devices' entries, merged, oldest first."""
    from .admin import iso

    if limit < 1:
        raise AdminError("--limit must be at least 1")
    for name, value in (("--record", record_id), ("--device", device_id)):
        if value is not None and not is_uuid(value):
            raise AdminError(f"{name} must be a lowercase UUID")
    mentioning = [v for v in (record_id, device_id) if v is not None]
    with storage.read() as tx:
        server_rows = tx.audit_trail(limit, mentioning=mentioning)
        device_rows = tx.device_audit(limit, device_id=device_id, record_id=record_id)
    merged: list[tuple[int, int, dict[str, Any]]] = []
    for r in server_rows:
        detail = json.loads(r[4])
        if record_id and device_id and not _mentions(r[2], detail, [record_id, device_id]):
            continue  # both filters: the row must mention both
        merged.append((int(r[1]), 0, {"source": "server", "id": int(r[0]), "at": iso(int(r[1])),
                                      "actor": r[2], "action": r[3], "detail": detail,
                                      "device_id": _device_of(r[2], detail)}))
    for r in device_rows:
        merged.append((int(r[3]), 1, {"source": "device", "device_id": r[0], "seq": int(r[1]),
                                      "at": r[2], "actor": r[4], "action": r[5],
                                      "entity": r[6], "record_id": r[7],
                                      "received_at": iso(int(r[8])),
                                      "detail": {k: v for k, v in (("entity", r[6]),
                                                                   ("record_id", r[7])) if v}}))
    merged.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in merged[-limit:]]


def _mentions(actor: str, detail: dict[str, Any], ids: list[str]) -> bool:
    text = actor + json.dumps(detail)
    return all(i in text for i in ids)


def _device_of(actor: str, detail: dict[str, Any]) -> str | None:
    if actor.startswith("device:"):
        return actor[len("device:"):]
    value = detail.get("device_id")
    return value if isinstance(value, str) else None


# -- erasure receipts -------------------------------------------------------------------
def erasure_receipt(storage: Storage, youngster_id: str) -> dict[str, Any]:
    """How and when a youngster was erased, and which active devices of the team have
    confirmed applying the purge (pulled past it)."""
    from .admin import iso

    if not is_uuid(youngster_id):
        raise AdminError(f"{youngster_id!r} is not a record id (a lowercase UUID)")
    with storage.read() as tx:
        purges = tx.purges_of(youngster_id)
        if not purges:
            raise AdminError(f"youngster {youngster_id} was not erased on this server "
                             "(see `admin list-purges`)")
        # One purge per team the erasure reached; the first is the youngster's own team's.
        teams = [(p, {r[0]: int(r[1]) for r in tx.purge_receipts(int(p[0]))},
                  tx.team_devices(p[1])) for p in purges]
    (purge, _, _), others = teams[0], teams[1:]
    erased_by = purge[5] or "admin"

    def confirmations(receipts: dict[str, int], devices: list[Any]) -> list[dict[str, Any]]:
        return [{"device_id": d[0], "user": d[1], "name": d[2],
                 "last_seen_at": iso(int(d[4])) if d[4] is not None else None,
                 "confirmed": d[0] in receipts, "confirmed_at": iso(receipts.get(d[0]))}
                for d in devices]

    own = confirmations(teams[0][1], teams[0][2])
    other_teams = [{"team_id": p[1], "purge_cursor": int(p[0]), "records_erased": int(p[3]),
                    "devices": confirmations(receipts, devices)}
                   for p, receipts, devices in others]
    return {
        "youngster_id": youngster_id, "team_id": purge[1], "erased_at": iso(int(purge[4])),
        "how": "device" if purge[6] else "admin", "erased_by": erased_by,
        "device_id": purge[6], "held_by_server": bool(purge[7]),
        "records_erased": int(purge[3]), "purge_cursor": int(purge[0]),
        "devices": own,
        # Teams whose records named the youngster: their laptops were sent a purge too.
        "other_teams": other_teams,
        "all_confirmed": all(c["confirmed"] for c in own)
                         and all(c["confirmed"] for t in other_teams for c in t["devices"]),
    }
