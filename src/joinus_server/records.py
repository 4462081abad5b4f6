"""How the server holds a synced record: per field a value, the stamp that set it, its author."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from joinus_desktop.sync import wirejson


class FieldVersion(NamedTuple):
    # A tuple: a pushed batch makes one per field of every change, and tuples are
    # several times cheaper to make than (frozen) dataclass instances.
    value: Any
    stamp: str
    author: str


@dataclass
class StoredRecord:
    id: str
    entity: str
    team_id: str
    youngster_id: str | None
    fields: dict[str, FieldVersion] = field(default_factory=dict)
    created_at: int = 0
    updated_at: int = 0
    updated_by: str = ""

    @property
    def deleted(self) -> bool:
        version = self.fields.get("deleted")
        return bool(version and version.value is True)

    def values(self) -> dict[str, Any]:
        return {name: version.value for name, version in self.fields.items()}


class LogEntry(NamedTuple):
    """One row of the server's log, the unit a device pulls.

    (A tuple, like FieldVersion: a pushed batch makes one per change, and its fields
    are the log's columns in order.)"""

    cursor: int
    team_id: str
    kind: str  # "change" or "purge"
    entity: str | None = None
    record_id: str | None = None
    youngster_id: str | None = None
    author: str | None = None
    # Wire-shaped, ready to send: with ``stamp`` set, the values that one write set
    # ({"field": value}); else each field with its own stamp ({"field": {"value", "stamp"}}).
    fields_json: str | None = None
    origin_device: str | None = None  # the device whose change this is (None: server-made)
    stamp: str | None = None


def canonical(value: Any) -> str:
    """JSON text that is equal for equal values (and tells 1, 1.0 and true apart)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def same_value(a: Any, b: Any) -> bool:
    return canonical(a) == canonical(b)


def encode_fields(fields: Mapping[str, FieldVersion]) -> str:
    """A record's fields as stored in ``records.data``.

    When one write by one author set every field (a record written whole, the usual
    case) that is ``{"*": {"s": stamp, "a": author}, "v": {field: value}}``: the
    stamp and author once instead of per field, a third of the bytes to write.
    Otherwise ``{field: {"v": value, "s": stamp, "a": author}}``. (No field is
    named "*".)
    """
    versions = {(fv.stamp, fv.author) for fv in fields.values()}
    if len(versions) == 1:
        stamp, author = versions.pop()
        return whole_record_json(
            wirejson.dumps_text({name: fv.value for name, fv in fields.items()}), stamp, author)
    return wirejson.dumps_text({name: {"v": fv.value, "s": fv.stamp, "a": fv.author}
                                for name, fv in fields.items()})


def whole_record_json(values_json: str, stamp: str, author: str) -> str:
    """The shared-version form of ``encode_fields``, from the values' JSON object."""
    shared = wirejson.dumps_text({"s": stamp, "a": author})
    return f'{{"{_SHARED}":{shared},"v":{values_json}}}'


def decode_fields(text: str) -> dict[str, FieldVersion]:
    data = wirejson.loads(text)
    shared = data.get(_SHARED)
    if shared is not None:
        stamp, author = shared["s"], shared["a"]
        return {name: FieldVersion(value, stamp, author) for name, value in data["v"].items()}
    return {name: FieldVersion(item["v"], item["s"], item["a"]) for name, item in data.items()}


_SHARED = "*"


def encode_log_fields(fields: Mapping[str, FieldVersion]) -> tuple[str, str | None]:
    """How a log entry keeps changed fields: ``(fields_json, stamp)`` of ``LogEntry``.

    When one write set them all (a record written whole, the usual case) that is
    the values and their one stamp: less than half the bytes to store, send and
    parse of a stamp repeated per field.
    """
    stamps = {fv.stamp for fv in fields.values()}
    if len(stamps) == 1:
        return wirejson.dumps_text({name: fv.value for name, fv in fields.items()}), stamps.pop()
    return wirejson.dumps_text({name: {"value": fv.value, "stamp": fv.stamp}
                                for name, fv in fields.items()}), None
