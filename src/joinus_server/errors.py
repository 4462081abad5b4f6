"""Every error the API can answer with: a stable code, an HTTP status, a meaning.

The body is always ``{"error": {"code": ..., "message": ...}}``
(:func:`joinus_desktop.sync.protocol.error_body`). Codes are part of the
contract with clients and scripts: add new ones, never rename.
"""

from __future__ import annotations

from typing import Any

from joinus_desktop.sync.protocol import error_body

# code -> (HTTP status, what it means). docs/protocol.md lists the same table.
HTTP_ERRORS: dict[str, tuple[int, str]] = {
    "invalid_json": (400, "The body is not valid UTF-8 JSON (NaN and Infinity are not JSON)."),
    "invalid_request": (400, "The JSON (or a query parameter) does not follow the protocol."),
    "unknown_entity": (400, "A change names an entity the protocol does not know."),
    "unknown_field": (400, "A change sets a field its entity does not have."),
    "invalid_code": (400, "The enrolment code is unknown, already used or expired."),
    "unauthorized": (401, "No bearer token, an unknown token, or the device was revoked."),
    "forbidden": (403, "The caller may not do this."),
    "forbidden_team": (403, ("The request names a team the device's user is not a member "
                             "of, or a record of another team.")),
    "device_mismatch": (403, "The request names another device than the token's."),
    "not_found": (404, "No such endpoint."),
    "method_not_allowed": (405, "The endpoint does not accept this HTTP method."),
    "resync_required": (409, "The cursor (or epoch) is one this server cannot serve: "
                             "re-send unconfirmed changes, then pull from cursor 0."),
    "body_too_large": (413, "The request body is larger than the limit."),
    "batch_too_large": (413, "The push holds more changes than the limit."),
    "too_many_attempts": (429, "Too many wrong enrolment codes from this address: wait the "
                               "Retry-After seconds."),
    "internal_error": (500, "A bug on the server; the details are in its log."),
    "unavailable": (503, "The database cannot be reached; try again later."),
}

# Codes of a rejected change inside a 200 push answer (ChangeResult.code).
CHANGE_REJECTIONS: dict[str, str] = {
    "forbidden_team": "The change is for a team the device's user is not a member of.",
    "team_mismatch": "The record exists under another team.",
    "entity_mismatch": "The record id exists as another entity.",
    "read_only": "Devices cannot change this entity (teams are managed by the organisation).",
    "immutable_field": "The change alters a field that is fixed once recorded.",
    "insert_only": "Questionnaire responses are never changed: record a superseding response.",
    "erased": "The record (or the youngster it belongs to) was erased.",
    "invalid_record": "The resulting record fails validation; the reason lists the problems.",
    "clock_ahead": "A stamp of the change lies more than 5 minutes after the server's clock.",
    "foreign_reference": "The change refers to a record the server holds in another team.",
    "scores_mismatch": "A questionnaire response's scores are not what its answers give.",
    "unknown_instrument": "A questionnaire response names an instrument version the server "
                          "does not have, so its scores cannot be checked.",
}


class ApiError(Exception):
    """An error answered to the client as a JSON error body with a stable code."""

    def __init__(self, code: str, message: str, *, status: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status if status is not None else HTTP_ERRORS[code][0]
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message)


class StorageUnavailable(Exception):
    """The database cannot be reached (connection refused, pool timeout)."""


class AdminError(Exception):
    """An administration command cannot be carried out; the message says why."""
