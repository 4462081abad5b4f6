"""Change-tracked writes: every write also lands in the outbox, atomically.

Each insert, update or delete of a synced record, in one transaction:
validates the whole resulting record with the domain rules, takes one hybrid
logical clock stamp for the write, updates the record's per-field versions, and
appends ``{entity, id, team, changed field names, stamp, base}`` to the outbox,
where ``base`` holds each field's version before the edit. A crash therefore
never leaves a write without its outbox entry or the other way round. The push
reads the values from the record itself (see ``docs/architecture.md``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Any

from ..domain import entities
from ..domain.entities import EntitySpec
from ..domain.hlc import HybridClock
from ..domain.ids import uuid7_many
from ..domain.problems import Problem, errors, warnings
from ..sync import wirejson
from .database import Database
from .errors import NotFound, ReadOnlyRecord, ValidationError

Record = dict[str, Any]
# Extra domain checks or derived values for one entity (e.g. scoring a questionnaire).
Preparer = Callable[[Record], list[Problem]]


@dataclass
class Saved:
    """A written record, and the warnings the social worker may want to see."""

    record: Record
    warnings: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record["id"]


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _as_is(value: Any) -> Any:
    return value


def _as_int_bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _as_json(value: Any) -> Any:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


_TAGS_JSON: dict[tuple[Any, ...], str] = {}


def _as_tags_json(value: Any) -> Any:
    """Tags as JSON; a bulk write repeats a handful of tag lists, so they are remembered."""
    if value is None:
        return None
    key = tuple(value)
    text = _TAGS_JSON.get(key)
    if text is None:
        text = json.dumps(list(key), ensure_ascii=False)
        if len(_TAGS_JSON) < 4096:
            _TAGS_JSON[key] = text
    return text


_ENCODERS: dict[str, Callable[[Any], Any]] = {"bool": _as_int_bool, "tags": _as_tags_json,
                                              "json": _as_json}


@lru_cache(maxsize=None)
def _column_encoders(entity_name: str) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field with the encoder its column needs, or None to store it as it is.

    Keyed by the entity's name: hashing the spec itself would hash all its fields."""
    return tuple((f.name, _ENCODERS.get(f.kind)) for f in entities.entity(entity_name).fields)


def field_encoder(spec: EntitySpec, name: str) -> Callable[[Any], Any]:
    """How a field's Python value is stored in its column."""
    kind = "bool" if name == "deleted" else spec.field(name).kind
    return _ENCODERS.get(kind, _as_is)


def encode(spec: EntitySpec, name: str, value: Any) -> Any:
    """A Python value as stored in its column."""
    return field_encoder(spec, name)(value)


def _loads(text: str) -> Any:
    """A JSON column. Every record read parses some, so orjson's speed counts (big
    integers stay exact: see wirejson); what only the standard library writes and
    reads, like NaN, is read as it was written."""
    try:
        return wirejson.loads(text)
    except wirejson.DecodeError:
        return json.loads(text)


def decode_row(spec: EntitySpec, row: Mapping[str, Any]) -> Record:
    """A table row as a record: JSON columns parsed, booleans as booleans."""
    record: Record = dict(row)
    for field_spec in spec.fields:
        value = record.get(field_spec.name)
        if value is None:
            if field_spec.kind == "tags":
                record[field_spec.name] = []
            elif field_spec.kind == "bool":
                record[field_spec.name] = bool(field_spec.default)
            continue
        if field_spec.kind == "bool":
            record[field_spec.name] = bool(value)
        elif field_spec.kind in ("tags", "json"):
            record[field_spec.name] = _loads(value)
    record["deleted"] = bool(record.get("deleted"))
    record["versions"] = _loads(record.get("versions") or "{}")
    return record


# Key in ``versions`` for "every field not listed has this stamp": a new record's
# fields share one stamp, and spelling it out per field would double the row.
ALL_FIELDS = "*"


def field_version(versions: Mapping[str, str], name: str) -> str | None:
    """The stamp of one field's current value."""
    return versions.get(name) or versions.get(ALL_FIELDS)


def _wire(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


class Records:
    """Generic tracked writes and reads for every synced entity."""

    def __init__(self, db: Database, clock: HybridClock, *, author: Callable[[], str],
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.db = db
        self.clock = clock
        self._author = author
        self._today = today
        self._preparers: dict[str, Preparer] = {}
        self._sql_cache: dict[tuple[str, str], str] = {}

    def register_preparer(self, entity_name: str, preparer: Preparer) -> None:
        self._preparers[entity_name] = preparer

    # -- reads -----------------------------------------------------------------

    def get(self, entity_name: str, record_id: str, *, include_deleted: bool = False) -> Record:
        spec = entities.entity(entity_name)
        rows = self.db.query(f"SELECT * FROM [{spec.table}] WHERE id = ?", (record_id,))
        if not rows or (rows[0]["deleted"] and not include_deleted):
            raise NotFound(entity_name, record_id)
        return decode_row(spec, rows[0])

    def find(self, entity_name: str, where: str = "1", params: tuple | dict = (), *,
             order_by: str | None = None, include_deleted: bool = False) -> list[Record]:
        spec = entities.entity(entity_name)
        sql = f"SELECT * FROM [{spec.table}] WHERE ({where})"
        if not include_deleted:
            sql += " AND deleted = 0"
        if order_by:
            sql += f" ORDER BY {order_by}"
        return [decode_row(spec, row) for row in self.db.query(sql, params)]

    # -- writes ----------------------------------------------------------------

    def _check(self, spec: EntitySpec, record: Record, record_id: str,
               problems: list[Problem] | None = None) -> list[Problem]:
        """The record's warnings; raises ValidationError on any error."""
        if problems is None:
            problems = entities.validate(spec.name, record, today=self._today())
        if not any(p.is_error for p in problems) and spec.name in self._preparers:
            problems = problems + self._preparers[spec.name](record)
        found = errors(problems)
        if found:
            raise ValidationError(spec.name, found, record_id)
        return warnings(problems)

    def _insert_sql(self, spec: EntitySpec) -> str:
        key = (spec.name, "insert")
        if key not in self._sql_cache:
            columns = ["id", "team_id", *spec.field_names, "deleted", "created_at",
                       "updated_at", "updated_by", "versions"]
            self._sql_cache[key] = (
                f"INSERT INTO [{spec.table}] ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
        return self._sql_cache[key]

    _OUTBOX_SQL = ("INSERT INTO outbox (entity, record_id, team_id, stamp, fields, base, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    # A new record's outbox entries, one per id in a JSON array: fields NULL and an
    # empty base, since every field is new. Built in SQL rather than bound row by row,
    # which roughly halves what the outbox adds to a bulk write. Their order within
    # one write does not matter: they share one stamp and touch different records.
    _OUTBOX_NEW_SQL = ("INSERT INTO outbox (entity, record_id, team_id, stamp, fields, base, "
                       "created_at) SELECT ?, value, ?, ?, NULL, '{}', ? FROM json_each(?)")

    def insert(self, entity_name: str, values: Mapping[str, Any], *, team_id: str,
               record_id: str | None = None) -> Saved:
        return self.insert_many(entity_name, [values], team_id=team_id,
                                record_ids=[record_id] if record_id else None)[0]

    def insert_many(self, entity_name: str, rows: Iterable[Mapping[str, Any]], *, team_id: str,
                    record_ids: Sequence[str | None] | None = None) -> list[Saved]:
        """Insert several records in one transaction (a meeting's fan-out, an import).

        One write, one stamp: every record of the batch carries the same clock stamp,
        as the fields of one edit do. Validation and encoding go column by column, so
        a bulk write costs little more than the plain insert of the same rows.
        """
        spec = entities.entity(entity_name)
        if spec.name == "conflict":
            raise ReadOnlyRecord("Conflicts are made by the server, not typed in.")
        records = [entities.with_defaults(spec.name, values) for values in rows]
        given = list(record_ids) if record_ids else []
        if len(given) > len(records):
            raise ValueError("insert_many: more record ids than records")
        given += [None] * (len(records) - len(given))
        fresh = iter(uuid7_many(sum(1 for record_id in given if not record_id)))
        ids: list[str] = [record_id or next(fresh) for record_id in given]
        for record in records:
            record.pop("id", None)
            record["team_id"] = team_id
        found = entities.validate_many(spec.name, records, today=self._today())
        # A preparer may fill in derived fields (a response's scores) on the record.
        check_each = spec.name in self._preparers
        warnings = [self._check(spec, record, record_id, problems) if problems or check_each
                    else problems for record, record_id, problems in zip(records, ids, found)]
        author, created = self._author(), now_iso()
        columns = [list(map(encoder, (record[name] for record in records))) if encoder
                   else [record[name] for record in records]
                   for name, encoder in _column_encoders(spec.name)]
        with self.db.write() as db:
            stamp = self.clock.now()
            versions = json.dumps({ALL_FIELDS: stamp}, separators=(",", ":"))
            db.conn.executemany(self._insert_sql(spec), zip(
                ids, repeat(team_id), *columns, repeat(0), repeat(created), repeat(created),
                repeat(author), repeat(versions)))
            db.conn.execute(self._OUTBOX_NEW_SQL, (spec.name, team_id, stamp, created,
                                                   json.dumps(ids)))
            self._persist_clock(db)
        saved = []
        for record, record_id, record_warnings in zip(records, ids, warnings):
            record["id"] = record_id
            record["deleted"] = False
            record["versions"] = {ALL_FIELDS: stamp}
            saved.append(Saved(record, record_warnings))
        return saved

    def update(self, entity_name: str, record_id: str, changes: Mapping[str, Any], *,
               rewrite: Collection[str] = ()) -> Saved:
        """``rewrite``: fields written (with a new stamp) even if they hold that value."""
        spec = entities.entity(entity_name)
        with self.db.write() as db:
            current = self.get(entity_name, record_id, include_deleted="deleted" in changes)
            if spec.insert_only:
                raise ReadOnlyRecord(
                    "A questionnaire response cannot be changed; record a correction instead."
                )
            problems = []
            for name in changes:
                if name in entities.SYSTEM_FIELDS:
                    problems.append(Problem(name, "read_only"))
                elif name != "deleted" and not spec.has_field(name):
                    problems.append(Problem(name, "unknown_field", params={"field": name}))
                elif (name != "deleted" and spec.field(name).immutable
                      and changes[name] != current.get(name)):
                    problems.append(Problem(name, "read_only"))
            if problems:
                raise ValidationError(entity_name, problems, record_id)
            changed = {name: _wire(value) for name, value in changes.items()
                       if name in rewrite or _wire(current.get(name)) != _wire(value)}
            if not changed:
                return Saved(current)
            merged = {**current, **changed}
            check = {k: v for k, v in merged.items()
                     if k not in ("versions", "created_at", "updated_at", "updated_by")}
            warnings = self._check(spec, check, record_id) if not merged.get("deleted") else []
            stamp = self.clock.now()
            versions = dict(current["versions"])
            # A delete also says what it saw: the stamp of every field as this laptop
            # holds it now. A later pull may bring an edit into the hidden copy before
            # the delete is pushed; the server keeps that edit (docs/protocol.md, Deletes).
            seen = spec.synced_fields if changed.get("deleted") is True else changed
            base = {name: field_version(versions, name) for name in seen}
            versions.update(dict.fromkeys(changed, stamp))
            updated = now_iso()
            assignments = ", ".join(f"[{name}] = ?" for name in changed)
            db.conn.execute(
                f"UPDATE [{spec.table}] SET {assignments}, updated_at = ?, updated_by = ?, "
                "versions = ? WHERE id = ?",
                (*(encode(spec, n, v) for n, v in changed.items()), updated, self._author(),
                 json.dumps(versions, separators=(",", ":")), record_id),
            )
            db.conn.execute(self._OUTBOX_SQL, (
                spec.name, record_id, current["team_id"], stamp,
                json.dumps(list(changed)), json.dumps(base), updated,
            ))
            self._persist_clock(db)
        merged.update(versions=versions, updated_at=updated)
        return Saved(merged, warnings)

    def delete(self, entity_name: str, record_id: str) -> Saved:
        """A tombstone: the record is hidden everywhere and the deletion syncs."""
        return self.update(entity_name, record_id, {"deleted": True})

    def _persist_clock(self, db: Any) -> None:
        # Kept in the same transaction, so after a restart (or a wall clock set
        # back) the clock never issues a stamp below one already written.
        db.conn.execute("INSERT OR REPLACE INTO vault_meta (key, value) VALUES ('hlc', ?)",
                        (self.clock.last,))
