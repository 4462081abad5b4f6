"""Device tokens and enrolment codes, and turning a bearer token into a :class:`Principal`.

Tokens and codes are random and stored only as SHA-256 hashes: a copy of the
database does not let anyone act as a device. A plain hash (no salt, no slow
KDF) is enough because both secrets carry at least 80 random bits.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from joinus_desktop.domain.hlc import wall_clock_ms

from .errors import ApiError
from .storage import Storage

ROLES = ("social_worker", "coordinator", "admin")
# Roles that see programme-wide reports (still only their own teams' records).
REPORT_ALL_TEAMS = ("coordinator", "admin")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand
CODE_GROUPS = 4
CODE_GROUP_LEN = 4  # 16 characters of 5 bits: 80 bits
MAX_TOKEN_LENGTH = 200
# last_seen_at is refreshed at most this often, so reads don't all become writes.
TOUCH_INTERVAL_MS = 60_000


@dataclass(frozen=True)
class Principal:
    """Who is calling: a device, its user, and the teams that user works in."""

    device_id: str
    user_id: str
    role: str
    team_ids: tuple[str, ...]

    @property
    def reports_cover_all_teams(self) -> bool:
        return self.role in REPORT_ALL_TEAMS


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def new_enrolment_code() -> str:
    chars = [secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LEN)]
    return "-".join("".join(chars[i:i + CODE_GROUP_LEN])
                    for i in range(0, len(chars), CODE_GROUP_LEN))


def normalise_code(code: str) -> str:
    """The code as stored: case, spaces and dashes as typed do not matter."""
    return "".join(ch for ch in code.upper() if ch not in "- ")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def authenticate(storage: Storage, token: str | None) -> Principal:
    """The caller behind a bearer token; 401 for none, an unknown one, or a revoked device."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise ApiError("unauthorized", "Send the device token as 'Authorization: Bearer <token>'.")
    with storage.read() as tx:
        row = tx.device_by_token(hash_secret(token))
        team_ids = tuple(tx.team_ids_of(row[1])) if row else ()
    if row is None:
        raise ApiError("unauthorized", "Unknown device token; enrol this device again.")
    device_id, user_id, role, revoked_at, last_seen_at = row
    if revoked_at is not None:
        raise ApiError("unauthorized", "This device was revoked; enrol it again with a new code.")
    now = wall_clock_ms()
    if last_seen_at is None or now - int(last_seen_at) > TOUCH_INTERVAL_MS:
        with storage.write() as tx:
            tx.touch_device(device_id, now)
    return Principal(device_id, user_id, role, team_ids)
