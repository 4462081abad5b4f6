"""Administration: teams, users, invites, devices, epoch, audit trail (used by the CLI)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from joinus_desktop.domain import method
from joinus_desktop.domain.hlc import HybridClock, wall_clock_ms
from joinus_desktop.domain.ids import is_uuid, uuid7

from .auth import ROLES, hash_secret, new_enrolment_code, normalise_code
from .errors import AdminError
from .merge import SERVER_AUTHOR
from .records import FieldVersion, LogEntry, StoredRecord, encode_log_fields
from .storage import Storage, Tx
from .text import has_unsafe_chars

DAY_MS = 24 * 3600 * 1000
MAX_NAME = 120


def iso(ms: int | None) -> str | None:
    if ms is None:
        return None
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat(timespec="seconds")


def _text(value: str, what: str, max_length: int = MAX_NAME) -> str:
    value = value.strip()
    if not value:
        raise AdminError(f"{what} must not be empty")
    if len(value) > max_length:
        raise AdminError(f"{what} is longer than {max_length} characters")
    if has_unsafe_chars(value):
        raise AdminError(f"{what} must not contain control or bidi characters")
    return value


def _email(value: str) -> str:
    email = _text(value, "the email address", 254).lower()
    if "@" not in email.strip("@") or " " in email:
        raise AdminError(f"{value!r} is not an email address")
    return email


def create_team(storage: Storage, name: str, municipality: str, *, age_group: str | None = None,
                actor: str) -> dict[str, Any]:
    """A team, plus its synced ``team`` record so devices of its members pull it."""
    name, municipality = _text(name, "the team name"), _text(municipality, "the municipality")
    if age_group is not None and age_group not in method.AGE_GROUPS:
        raise AdminError(f"the age group must be one of: {', '.join(method.AGE_GROUPS)}")
    team_id, now = uuid7(), wall_clock_ms()
    stamp = HybridClock(SERVER_AUTHOR).now()
    values: dict[str, Any] = {"name": name, "municipality": municipality}
    if age_group:
        values["age_group"] = age_group
    fields = {k: FieldVersion(v, stamp, SERVER_AUTHOR) for k, v in values.items()}
    with storage.write() as tx:
        if any(t[2] == municipality for t in tx.teams_named(name)):
            raise AdminError(f"a team {name!r} already exists in {municipality}")
        head = tx.lock_head()
        tx.add_team(team_id, name, municipality, now)
        tx.put_records([StoredRecord(team_id, "team", team_id, None, fields, now, now,
                                     SERVER_AUTHOR)])
        fields_json, shared = encode_log_fields(fields)
        tx.append_log([LogEntry(head + 1, team_id, "change", "team", team_id, None,
                                SERVER_AUTHOR, fields_json, stamp=shared)], now)
        tx.set_head(head + 1)
        tx.audit(actor, "create_team", {"team_id": team_id}, now)
    return {"id": team_id, "name": name, "municipality": municipality, "age_group": age_group}


def resolve_team(tx: Tx, ref: str) -> tuple[str, str, str]:
    """A team by id, or by its name when that name is unique."""
    if is_uuid(ref):
        rows = tx.teams([ref])
        if rows:
            return rows[0][0], rows[0][1], rows[0][2]
    rows = tx.teams_named(ref.strip())
    if not rows:
        raise AdminError(f"no team with id or name {ref!r} (see `admin list-teams`)")
    if len(rows) > 1:
        raise AdminError(f"{len(rows)} teams are named {ref!r}; give the team id instead")
    return rows[0][0], rows[0][1], rows[0][2]


def create_user(storage: Storage, email: str, name: str, teams: Sequence[str], role: str, *,
                actor: str) -> dict[str, Any]:
    email, name = _email(email), _text(name, "the name")
    if role not in ROLES:
        raise AdminError(f"the role must be one of: {', '.join(ROLES)}")
    if role == "social_worker" and not teams:
        raise AdminError("a social worker needs at least one --team")
    user_id, now = uuid7(), wall_clock_ms()
    with storage.write() as tx:
        resolved = [resolve_team(tx, ref) for ref in teams]
        if tx.user_by_email(email) is not None:
            raise AdminError(f"a user with email {email} already exists")
        tx.add_user(user_id, email, name, role, now)
        for team in resolved:
            tx.add_membership(user_id, team[0])
        tx.audit(actor, "create_user", {"user_id": user_id, "role": role,
                                        "teams": [t[0] for t in resolved]}, now)
    return {"id": user_id, "email": email, "name": name, "role": role,
            "teams": [{"id": t[0], "name": t[1], "municipality": t[2]} for t in resolved]}


def add_member(storage: Storage, email: str, teams: Sequence[str], *,
               actor: str) -> dict[str, Any]:
    """Make an existing user a member of more teams (e.g. a coordinator who needs notes)."""
    email = _email(email)
    with storage.write() as tx:
        user = tx.user_by_email(email)
        if user is None:
            raise AdminError(f"no user with email {email}")
        resolved = [resolve_team(tx, ref) for ref in teams]
        for team in resolved:
            tx.add_membership(user[0], team[0])
        tx.audit(actor, "add_member", {"user_id": user[0], "teams": [t[0] for t in resolved]},
                 wall_clock_ms())
        team_ids = tx.team_ids_of(user[0])
    return {"id": user[0], "email": email, "teams": team_ids}


def invite(storage: Storage, email: str, *, days: int = 7, actor: str) -> dict[str, Any]:
    """A one-time enrolment code for the user; only its hash is stored."""
    email = _email(email)
    if not 1 <= days <= 365:
        raise AdminError("--days must be between 1 and 365")
    code, now = new_enrolment_code(), wall_clock_ms()
    expires = now + days * DAY_MS
    with storage.write() as tx:
        user = tx.user_by_email(email)
        if user is None:
            raise AdminError(f"no user with email {email} (create it with `admin create-user`)")
        tx.add_invite(hash_secret(normalise_code(code)), user[0], now, expires)
        tx.audit(actor, "invite", {"user_id": user[0], "expires_at": iso(expires)}, now)
    return {"code": code, "user_id": user[0], "email": email, "expires_at": iso(expires)}


def list_teams(storage: Storage) -> list[dict[str, Any]]:
    with storage.read() as tx:
        teams = tx.teams()
        members = tx.member_counts()
    return [{"id": t[0], "name": t[1], "municipality": t[2], "created_at": iso(t[3]),
             "members": members.get(t[0], 0)} for t in teams]


def list_users(storage: Storage) -> list[dict[str, Any]]:
    with storage.read() as tx:
        users = tx.users()
        teams = {u[0]: tx.team_ids_of(u[0]) for u in users}
    return [{"id": u[0], "email": u[1], "name": u[2], "role": u[3], "created_at": iso(u[4]),
             "teams": teams[u[0]]} for u in users]


def list_devices(storage: Storage) -> list[dict[str, Any]]:
    with storage.read() as tx:
        rows = tx.devices()
    return [{"id": r[0], "user": r[1], "name": r[2], "enrolled_at": iso(r[3]),
             "last_seen_at": iso(r[4]), "revoked_at": iso(r[5])} for r in rows]


def revoke_device(storage: Storage, device_id: str, *, actor: str) -> dict[str, Any]:
    now = wall_clock_ms()
    with storage.write() as tx:
        row = tx.device(device_id)
        if row is None:
            raise AdminError(f"no device with id {device_id} (see `admin list-devices`)")
        already = row[2] is not None
        if not already:
            tx.revoke_device(device_id, now)
            tx.audit(actor, "revoke_device", {"device_id": device_id}, now)
    return {"id": device_id, "revoked": True, "already_revoked": already}


def new_epoch(storage: Storage, *, actor: str) -> dict[str, Any]:
    """A new dataset epoch: devices re-send what they pushed and re-pull from scratch."""
    epoch, now = str(uuid.uuid4()), wall_clock_ms()
    with storage.write() as tx:
        old = tx.epoch()
        tx.set_epoch(epoch)
        tx.audit(actor, "new_epoch", {"old": old, "new": epoch}, now)
    return {"epoch": epoch, "previous": old}


def audit_trail(storage: Storage, *, limit: int = 100, record_id: str | None = None,
                device_id: str | None = None) -> list[dict[str, Any]]:
    """The server's audit rows and the devices' uploaded entries, oldest first."""
    from .organisation import audit_trail as merged

    return merged(storage, limit=limit, record_id=record_id, device_id=device_id)


def list_purges(storage: Storage) -> list[dict[str, Any]]:
    """Each erasure's purge event and the devices that confirmed applying it."""
    with storage.read() as tx:
        purges = tx.purges()
        receipts = {p[0]: tx.purge_receipts(int(p[0])) for p in purges}
    return [{"purge_cursor": int(p[0]), "team_id": p[1], "youngster_id": p[2],
             "records_erased": int(p[3]), "erased_at": iso(int(p[4])),
             "erased_by": p[5] or "admin",
             "confirmed_by": [{"device_id": r[0], "at": iso(int(r[1]))}
                              for r in receipts[p[0]]]} for p in purges]
