"""Pydantic models that document the wire format in the OpenAPI schema.

The handlers parse bodies with :mod:`joinus_desktop.sync.protocol` (so errors
carry the protocol's stable codes and the body-size limit holds while reading);
these models describe the same JSON for /openapi.json and for the fuzz tests.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from joinus_desktop.domain import entities, hlc
from joinus_desktop.sync import protocol as wire

from ..text import ACTOR_PATTERN, BATCH_ID_PATTERN, NAME_PATTERN

STAMP_PATTERN = f"^{hlc.STAMP_PATTERN}$"  # the parser's own pattern: one alphabet
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, see docs/protocol.md.")
    message: str = Field(description="English explanation for people.")


class ErrorResponse(BaseModel):
    error: ErrorDetail


# -- requests (documented through openapi_extra; parsed by protocol.py) ---------------
class EnrollRequest(BaseModel):
    model_config = ConfigDict(title="EnrollRequest")
    code: str = Field(min_length=1, max_length=64, description="The one-time enrolment code.")
    device_name: str = Field(min_length=1, max_length=100, pattern=NAME_PATTERN)


class ChangeIn(BaseModel):
    model_config = ConfigDict(title="Change")
    entity: str = Field(json_schema_extra={"enum": list(entities.ENTITIES)})
    id: str = Field(pattern=UUID_PATTERN)
    team_id: str = Field(pattern=UUID_PATTERN)
    stamp: str = Field(pattern=STAMP_PATTERN, description="Hybrid logical clock stamp.")
    fields: dict[str, Any] = Field(min_length=1, description="Field name to new value.")
    base: dict[str, Annotated[str, Field(pattern=STAMP_PATTERN)] | None] = Field(
        default_factory=dict, description="Field name to the stamp the edit was based on. "
        "A delete (deleted: true) may name every field of its record: what it saw.")


class PushRequest(BaseModel):
    model_config = ConfigDict(title="PushRequest")
    protocol: Literal[1] = 1  # wire.PROTOCOL_VERSION
    device_id: str = Field(pattern=UUID_PATTERN)
    batch_id: str = Field(min_length=1, max_length=64, pattern=BATCH_ID_PATTERN)
    changes: list[ChangeIn] = Field(max_length=wire.MAX_CHANGES_PER_BATCH)


class EraseRequest(BaseModel):
    model_config = ConfigDict(title="EraseRequest")
    youngster_id: str = Field(pattern=UUID_PATTERN)
    team_id: str = Field(pattern=UUID_PATTERN)


class AuditEntryIn(BaseModel):
    model_config = ConfigDict(title="AuditEntry", extra="forbid")
    seq: int = Field(ge=0, le=2**63 - 1, description="The device's sequence number.")
    at: str = Field(min_length=1, max_length=64, json_schema_extra={"format": "date-time"},
                    description="ISO 8601 with a UTC offset, the device's clock; from "
                                "2020-01-01 to 5 minutes after the server's time.")
    actor: str = Field(min_length=1, max_length=80, pattern=ACTOR_PATTERN,
                       description="User id (or device:<id> before enrolment).")
    action: Literal["open", "create", "change", "delete", "export", "import", "erase",
                    "unlock", "recover"]
    entity: str | None = Field(json_schema_extra={"enum": [*entities.ENTITIES, None]})
    record_id: str | None = Field(pattern=UUID_PATTERN)


class AuditUploadRequest(BaseModel):
    model_config = ConfigDict(title="AuditUploadRequest", extra="forbid")
    device_id: str = Field(pattern=UUID_PATTERN)
    entries: list[AuditEntryIn] = Field(max_length=1000)


REQUEST_MODELS: tuple[type[BaseModel], ...] = (EnrollRequest, PushRequest, EraseRequest,
                                               AuditUploadRequest)


# -- responses ---------------------------------------------------------------------------
class UserOut(BaseModel):
    id: str
    email: str
    name: str
    role: Literal["social_worker", "coordinator", "admin"]


class TeamOut(BaseModel):
    id: str
    name: str
    municipality: str


class EnrollResponse(BaseModel):
    device_id: str
    token: str = Field(description="Bearer token; shown once, store it in the vault.")
    user: UserOut
    teams: list[TeamOut]
    epoch: str
    server_time_ms: int
    organisation_public_key: str | None = Field(
        description="The organisation's RSA public key (PEM) to wrap the vault key to; "
                    "null when none is set.")
    retention_months: int = Field(description="Months after exit a youngster's data is kept.")


class OrgKeyRotationOut(BaseModel):
    previous_public_key: str = Field(description="The key that signed (PEM).")
    public_key: str = Field(description="The key it hands over to (PEM).")
    signature: str = Field(description="RSA-PSS-SHA256 by the previous key (base64); see "
                                       "docs/protocol.md, organisation key pinning.")


class SettingsOut(BaseModel):
    retention_months: int
    organisation_public_key: str | None
    organisation_key_rotations: list[OrgKeyRotationOut] = Field(
        description="Signed rotations, oldest first: a laptop follows them from the key it "
                    "pinned to the current one, and refuses a key they do not reach.")
    server_time_ms: int


class MemberOut(BaseModel):
    id: str
    name: str
    team_ids: list[str] = Field(description="Those of the caller's teams this person is in.")


class MembersOut(BaseModel):
    members: list[MemberOut]


class EraseResponse(BaseModel):
    erased: Literal[True]
    purge_cursor: int


class AuditUploadResponse(BaseModel):
    stored: int


class RetentionDueOut(BaseModel):
    youngster_id: str
    team_id: str
    exit_date: str = Field(description="YYYY-MM-DD")
    erase_after: str = Field(description="YYYY-MM-DD: exit date plus the retention period")


class ChangeResultOut(BaseModel):
    index: int
    id: str
    outcome: Literal["applied", "conflict", "rejected"]
    code: str | None = None
    reason: str | None = None
    lost_fields: list[str] | None = None


class PushResponse(BaseModel):
    batch_id: str
    epoch: str
    results: list[ChangeResultOut]
    server_time_ms: int


class FieldValueOut(BaseModel):
    value: Any
    stamp: str


class PulledChangeOut(BaseModel):
    cursor: int
    kind: Literal["change", "purge"]
    team_id: str
    entity: str | None = None
    id: str | None = None
    author: str | None = None
    # A change holds either "stamp" and "values" (one write set every field) or
    # "fields" (each field with the stamp of the write that set it).
    stamp: str | None = None
    values: dict[str, Any] | None = None
    fields: dict[str, FieldValueOut] | None = None
    youngster_id: str | None = None


class PullResponse(BaseModel):
    epoch: str
    cursor: int
    has_more: bool
    changes: list[PulledChangeOut]
    counts: dict[str, dict[str, int]] | None = Field(
        default=None, description="Last page only: team -> entity -> live records.")
    server_time_ms: int


class ScaleFigure(BaseModel):
    mean: float | None
    youngsters: int
    suppressed: bool
    reason: Literal["differencing"] | None = Field(
        default=None, description="Set when suppressed although 5 or more youngsters: "
        "the caller could subtract their own teams and single out a smaller group.")


class MomentFigure(BaseModel):
    moment: str
    youngsters: int
    responses: int
    suppressed: bool
    reason: Literal["differencing"] | None = Field(
        default=None, description="As in ScaleFigure: suppressed against differencing.")
    scales: dict[str, ScaleFigure] | None = Field(
        default=None, description="Absent when the moment is suppressed.")


class TeamReport(BaseModel):
    id: str
    name: str
    municipality: str
    moments: list[MomentFigure]


class ProgrammeReport(BaseModel):
    min_youngsters: int
    teams_included: int
    moments: list[MomentFigure]
    teams: list[TeamReport]
    generated_at_ms: int


class Health(BaseModel):
    status: Literal["ok"]
    server_time_ms: int
