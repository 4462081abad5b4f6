"""Enrolling a device with a one-time code an administrator created.

Wrong codes are limited per client address: after ``max_failures`` failures within
``window_s`` seconds every further attempt from that address is refused with 429
``too_many_attempts`` (a right code too) until the oldest failure ages out. Each
failure is an audit row (the address and the time; never the code typed). The
count lives in the database, so every server process shares it.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.domain.ids import uuid7

from .auth import hash_secret, new_token, normalise_code
from .config import DEFAULT_ENROL_MAX_FAILURES, DEFAULT_ENROL_WINDOW_S
from .errors import ApiError
from .organisation import settings_in
from .storage import Storage, Tx

log = logging.getLogger(__name__)


def enroll(storage: Storage, code: str, device_name: str, *, address: str = "unknown",
           max_failures: int = DEFAULT_ENROL_MAX_FAILURES,
           window_s: int = DEFAULT_ENROL_WINDOW_S) -> dict[str, Any]:
    """Trade a valid, unused code for a device id and token (shown this once only).

    ``address``: the client's address as :func:`api.enroll.client_address` keys it.
    """
    now = wall_clock_ms()
    window_ms = window_s * 1000
    device_id = uuid7()
    token = new_token()
    wait_s: int | None = None
    answer: dict[str, Any] | None = None
    with storage.write() as tx:
        tx.forget_enrol_failures(now - window_ms)
        failures = tx.enrol_failures_since(address, now - window_ms)
        if len(failures) >= max_failures:
            # One more try once enough failures have aged out to leave max_failures - 1.
            freed_at = failures[len(failures) - max_failures] + window_ms
            wait_s = max(1, math.ceil((freed_at - now) / 1000))
            user_id = None
        else:
            user_id = tx.use_invite(hash_secret(normalise_code(code)), device_id, now)
            if user_id is None:
                tx.add_enrol_failure(address, now)
                tx.audit("enrolment", "enroll_failed",
                         {"address": address, "failures_in_window": len(failures) + 1}, now)
        if user_id is not None:
            answer = _enrolled(tx, user_id, device_id, device_name, token, now)
    if wait_s is not None:
        raise ApiError("too_many_attempts",
                       f"Too many wrong enrolment codes from this address; try again in "
                       f"{_minutes(wait_s)}.", headers={"Retry-After": str(wait_s)})
    if answer is None:
        if len(failures) + 1 == max_failures:
            log.warning("enrolment: %d wrong codes from %s in %d s; refusing it for now",
                        max_failures, address, window_s)
        raise ApiError("invalid_code",
                       "This enrolment code is unknown, already used or expired; "
                       "ask your administrator for a new one.")
    return answer


def _minutes(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _enrolled(tx: Tx, user_id: str, device_id: str, device_name: str, token: str,
              now: int) -> dict[str, Any]:
    """Record the device; the enrolment answer."""
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
