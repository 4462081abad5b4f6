"""The sync wire format, shared by the desktop client and the server.

Plain JSON over HTTP; this module turns the JSON into typed values and back, and
refuses anything malformed with a :class:`ProtocolError` that carries a stable
code. See ``docs/protocol.md`` for the full description.

A *change* is one local write to one record: the fields it set, the stamp of
that write, and for each field the stamp it was based on (``None`` for a field
the device had never seen a version of). The server arbitrates per field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from ..domain import entities
from ..domain.hlc import MAX_DRIFT_MS, is_canonical_stamp
from ..domain.ids import is_uuid

PROTOCOL_VERSION = 1
MAX_CHANGES_PER_BATCH = 1000
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 2000
MAX_BODY_BYTES = 8 * 1024 * 1024
# An uploaded audit entry's time ("at") must lie in this window around the server's clock:
# from 2020-01-01 (before the programme's software existed) to 5 minutes after now.
AUDIT_EARLIEST_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z
AUDIT_MAX_AHEAD_MS = MAX_DRIFT_MS

Outcome = Literal["applied", "conflict", "rejected"]


class ProtocolError(ValueError):
    """A message does not follow the protocol. ``code`` is stable for scripts."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _require(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise ProtocolError("invalid_request", f"{where}: '{key}' is missing")
    value = data[key]
    if isinstance(value, bool) and kind is not bool and bool not in (
        kind if isinstance(kind, tuple) else (kind,)
    ):
        raise ProtocolError("invalid_request", f"{where}: '{key}' has the wrong type")
    if not isinstance(value, kind):
        raise ProtocolError("invalid_request", f"{where}: '{key}' has the wrong type")
    return value


@dataclass
class WellFormed:
    """Team ids and stamps one batch already showed well-formed: its changes share a few."""

    team_ids: set[str] = field(default_factory=set)
    stamps: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Change:
    entity: str
    id: str
    team_id: str
    stamp: str
    fields: dict[str, Any]
    base: dict[str, str | None] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any]:
        return {"entity": self.entity, "id": self.id, "team_id": self.team_id,
                "stamp": self.stamp, "fields": self.fields, "base": self.base}

    @classmethod
    def from_wire(cls, data: object, where: str = "change", *,
                  seen: WellFormed | None = None) -> Change:
        if not isinstance(data, Mapping):
            raise ProtocolError("invalid_request", f"{where}: must be an object")
        entity_name = _require(data, "entity", str, where)
        if entity_name not in entities.ENTITIES:
            raise ProtocolError("unknown_entity", f"{where}: unknown entity '{entity_name}'")
        spec = entities.ENTITIES[entity_name]
        record_id = _require(data, "id", str, where)
        team_id = _require(data, "team_id", str, where)
        stamp = _require(data, "stamp", str, where)
        seen = seen if seen is not None else WellFormed()
        if not is_uuid(record_id) or (team_id not in seen.team_ids and not is_uuid(team_id)):
            raise ProtocolError("invalid_request", f"{where}: 'id' and 'team_id' must be UUIDs")
        seen.team_ids.add(team_id)
        if stamp not in seen.stamps and not is_canonical_stamp(stamp):  # one spelling: see hlc
            raise ProtocolError("invalid_request", f"{where}: 'stamp' is not a clock stamp")
        seen.stamps.add(stamp)
        fields = _require(data, "fields", dict, where)
        if not fields:
            raise ProtocolError("invalid_request", f"{where}: 'fields' is empty")
        if not fields.keys() <= spec.synced_field_set:  # checked name by name only if not
            for name in fields:
                if name not in spec.synced_field_set:
                    raise ProtocolError("unknown_field",
                                        f"{where}: '{entity_name}' has no field '{name}'")
        base = data.get("base", {})
        if not isinstance(base, dict):
            raise ProtocolError("invalid_request", f"{where}: 'base' must be an object")
        # A delete also says what it saw: the base of any field of its record (see
        # docs/protocol.md, "Deletes"). Any other change names only fields it sets.
        deleting = fields.get("deleted") is True
        for name, value in base.items():
            if name not in fields and not (deleting and name in spec.synced_field_set):
                raise ProtocolError("invalid_request",
                                    f"{where}: base names '{name}', which the change does not set")
            if value is not None and not is_canonical_stamp(value):
                raise ProtocolError("invalid_request", f"{where}: base of '{name}' is not a stamp")
        # A field the base does not name was never seen by the device, as if None.
        return cls(entity_name, record_id, team_id, stamp, dict(fields), dict(base))


@dataclass(frozen=True)
class PushRequest:
    device_id: str
    batch_id: str
    changes: list[Change]

    def to_wire(self) -> dict[str, Any]:
        return {"protocol": PROTOCOL_VERSION, "device_id": self.device_id,
                "batch_id": self.batch_id, "changes": [c.to_wire() for c in self.changes]}

    @classmethod
    def from_wire(cls, data: object) -> PushRequest:
        if not isinstance(data, Mapping):
            raise ProtocolError("invalid_request", "push: body must be a JSON object")
        device_id = _require(data, "device_id", str, "push")
        batch_id = _require(data, "batch_id", str, "push")
        if not 1 <= len(batch_id) <= 64:
            raise ProtocolError("invalid_request", "push: 'batch_id' must be 1 to 64 characters")
        raw = _require(data, "changes", list, "push")
        if len(raw) > MAX_CHANGES_PER_BATCH:
            raise ProtocolError("batch_too_large",
                                f"push: at most {MAX_CHANGES_PER_BATCH} changes per batch")
        seen = WellFormed()
        changes = [Change.from_wire(item, f"changes[{i}]", seen=seen)
                   for i, item in enumerate(raw)]
        return cls(device_id, batch_id, changes)


class ChangeResult(NamedTuple):
    """The server's answer to one change of a batch.

    (A tuple: a batch has a thousand, made on the server and read on the laptop,
    and tuples are several times cheaper to make than frozen dataclass instances.)"""

    index: int
    id: str
    outcome: Outcome
    code: str | None = None  # for rejected changes: a stable reason code
    reason: str | None = None  # for rejected changes: words for the quarantine view
    lost_fields: tuple[str, ...] = ()  # for conflicts: the fields whose value lost

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"index": self.index, "id": self.id, "outcome": self.outcome}
        if self.code:
            out["code"] = self.code
        if self.reason:
            out["reason"] = self.reason
        if self.lost_fields:
            out["lost_fields"] = list(self.lost_fields)
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> ChangeResult:
        return cls(int(data["index"]), str(data["id"]), data["outcome"], data.get("code"),
                   data.get("reason"), tuple(data.get("lost_fields", ())))


@dataclass(frozen=True)
class PushResponse:
    batch_id: str
    epoch: str
    results: list[ChangeResult]
    server_time_ms: int | None = None  # the server's clock, to tell a user theirs is off

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"batch_id": self.batch_id, "epoch": self.epoch,
                               "results": [r.to_wire() for r in self.results]}
        if self.server_time_ms is not None:
            out["server_time_ms"] = self.server_time_ms
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> PushResponse:
        return cls(data["batch_id"], data["epoch"],
                   [ChangeResult.from_wire(r) for r in data["results"]],
                   data.get("server_time_ms"))


@dataclass(slots=True)
class PulledChange:
    """One entry of the server's log, as a client applies it.

    ``kind == "change"``: the server's current values of the fields that changed,
    each with the stamp of the write that set it. ``stamps`` is that one stamp when
    a single write set them all (a record written whole: the usual case, sent as
    ``"stamp"`` and ``"values"``), else a stamp per field (sent as ``"fields"``).
    ``kind == "purge"``: a youngster was erased; the client wipes every record tied
    to ``youngster_id``.
    """

    cursor: int
    kind: Literal["change", "purge"]
    team_id: str
    entity: str | None = None
    id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    stamps: str | dict[str, str] = field(default_factory=dict)
    author: str | None = None
    youngster_id: str | None = None

    def stamp_of(self, name: str) -> str:
        stamps = self.stamps
        return stamps if isinstance(stamps, str) else stamps[name]

    def distinct_stamps(self) -> set[str]:
        stamps = self.stamps
        return {stamps} if isinstance(stamps, str) else set(stamps.values())

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cursor": self.cursor, "kind": self.kind, "team_id": self.team_id}
        if self.kind == "purge":
            out["youngster_id"] = self.youngster_id
            return out
        out.update(entity=self.entity, id=self.id, author=self.author)
        if isinstance(self.stamps, str):
            out.update(stamp=self.stamps, values=self.values)
        else:
            out["fields"] = {k: {"value": v, "stamp": self.stamps[k]}
                             for k, v in self.values.items()}
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> PulledChange:
        """Raises KeyError, TypeError or ValueError on a malformed entry."""
        if data["kind"] == "purge":
            return cls(int(data["cursor"]), "purge", data["team_id"],
                       youngster_id=data["youngster_id"])
        if "values" in data:
            if "fields" in data:
                raise ValueError("a change holds both 'values' and 'fields'")
            values, stamps = data["values"], data["stamp"]
            if not isinstance(values, dict) or not isinstance(stamps, str):
                raise TypeError("'values' must be an object and 'stamp' a string")
        else:
            fields = data["fields"]
            values = {k: v["value"] for k, v in fields.items()}
            stamps = {k: v["stamp"] for k, v in fields.items()}
        return cls(int(data["cursor"]), "change", data["team_id"], data["entity"], data["id"],
                   values, stamps, data.get("author"))


@dataclass(frozen=True)
class PullResponse:
    epoch: str
    cursor: int  # pass this back as ?cursor= for the next page
    has_more: bool
    changes: list[PulledChange]
    counts: dict[str, dict[str, int]] | None = None  # team -> entity -> live records (last page)
    server_time_ms: int | None = None  # the server's clock, to tell a user theirs is off

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"epoch": self.epoch, "cursor": self.cursor,
                               "has_more": self.has_more,
                               "changes": [c.to_wire() for c in self.changes]}
        if self.counts is not None:
            out["counts"] = self.counts
        if self.server_time_ms is not None:
            out["server_time_ms"] = self.server_time_ms
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> PullResponse:
        return cls(data["epoch"], int(data["cursor"]), bool(data["has_more"]),
                   [PulledChange.from_wire(c) for c in data["changes"]], data.get("counts"),
                   data.get("server_time_ms"))


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
