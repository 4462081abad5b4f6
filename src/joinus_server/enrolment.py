"""Enrolling a device with a one-time code an administrator created."""

from __future__ import annotations

from typing import Any

from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.domain.ids import uuid7

from .auth import hash_secret, new_token, normalise_code
from .errors import ApiError
from .organisation import settings_in
from .storage import Storage


def enroll(storage: Storage, code: str, device_name: str) -> dict[str, Any]:
    """Trade a valid, unused code for a device id and token (shown this once only)."""
    now = wall_clock_ms()
    device_id = uuid7()
    token = new_token()
    with storage.write() as tx:
        user_id = tx.use_invite(hash_secret(normalise_code(code)), device_id, now)
        if user_id is None:
            raise ApiError("invalid_code",
                           "This enrolment code is unknown, already used or expired; "
                           "ask your administrator for a new one.")
        tx.add_device(device_id, user_id, device_name, hash_secret(token), now)
        user = tx.user(user_id)
        assert user is not None
        teams = tx.teams(tx.team_ids_of(user_id))
        epoch = tx.epoch()
        organisation = settings_in(tx)
        tx.audit(f"device:{device_id}", "enroll", {"device_id": device_id, "user_id": user_id},
                 now)
    return {
        "device_id": device_id,
        "token": token,
        "user": {"id": user[0], "email": user[1], "name": user[2], "role": user[3]},
        "teams": [{"id": t[0], "name": t[1], "municipality": t[2]} for t in teams],
        "epoch": epoch,
        "server_time_ms": wall_clock_ms(),
        # The laptop wraps its vault key to this public key (or skips it when null).
        "organisation_public_key": organisation["organisation_public_key"],
        "retention_months": organisation["retention_months"],
    }
