"""The store's side of sync: what to push, applying what was pulled, and sync settings.

Everything here runs in store transactions; the sync engine (``sync/engine.py``)
calls it and never touches SQL. The rules are those of design §5:

* A push reads the outbox in order and the *current* values of the dirty fields
  from their records. Fields of one record are grouped by their current stamp, so
  every field travels with the stamp of the write that set it, and with the
  earliest unpushed base (the version the server last confirmed).
* A pulled page is applied in one transaction together with the new cursor. A
  field with an unpushed local edit is skipped: that edit is pushed next time and
  the server arbitrates it. A field value whose stamp is not newer than ours is
  skipped too: the server's value for a field only ever moves to greater stamps,
  and it does not send a device its own changes back. Every remote stamp moves
  our clock past it.
* Rejected changes go to the quarantine with their values and reason; the rest of
  the outbox flows on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..domain import entities
from ..sync.protocol import Change, ChangeResult, PulledChange
from .database import chunked, placeholders
from .records import ALL_FIELDS, decode_row, encode, field_encoder, field_version, now_iso
from .repository import Repository


SETTINGS = ("server_url", "server_device_id", "token", "user_id", "user_name", "cursor",
            "epoch", "last_success", "last_error", "teams", "audit_seq")


@dataclass
class OutboxBatch:
    seqs: list[int]  # every outbox entry this batch answers for
    changes: list[Change]

    def __bool__(self) -> bool:
        return bool(self.seqs)


@dataclass
class AppliedPage:
    changes: int = 0
    skipped_fields: int = 0  # fields kept because an unpushed local edit waits
    purges: int = 0


class SyncState(Repository):
    # -- settings (inside the vault: the token never lands anywhere else) -----------

    def get(self, key: str) -> str | None:
        assert key in SETTINGS, key
        return self.store.meta(f"sync.{key}")

    def set(self, **values: str | int | None) -> None:
        with self.db.write():
            for key, value in values.items():
                assert key in SETTINGS, key
                self.store.set_meta(f"sync.{key}", None if value is None else str(value))

    @property
    def enrolled(self) -> bool:
        return bool(self.get("token"))

    @property
    def cursor(self) -> int:
        return int(self.get("cursor") or 0)

    # -- push ----------------------------------------------------------------------

    def outbox_batch(self, max_changes: int, *, after_seq: int = 0) -> OutboxBatch:
        """The oldest pending writes (after ``after_seq``) as protocol changes.

        Values are read now, from the records. An entry of a record that falls
        outside this window stays queued; when it goes, it repeats a stamp the
        server already holds, which the server treats as a no-op. ``after_seq``
        lets the engine prepare the next window while the previous one is on the wire.
        """
        db = self.db.read()
        rows = db.execute("SELECT seq, entity, record_id, fields, base FROM outbox WHERE seq > ? "
                          "ORDER BY seq LIMIT ?", (after_seq, max_changes)).fetchall()
        batch = OutboxBatch([], [])
        by_record: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for row in rows:
            by_record[(row[1], row[2])].append(row)
        by_entity: dict[str, list[str]] = defaultdict(list)
        for entity_name, record_id in by_record:
            by_entity[entity_name].append(record_id)
        records: dict[str, dict[str, Any]] = {}
        for entity_name, record_ids in by_entity.items():
            spec = entities.entity(entity_name)
            for chunk in chunked(record_ids):
                cursor = db.execute(f"SELECT * FROM [{spec.table}] WHERE id IN "
                                    f"({placeholders(len(chunk))})", chunk)
                columns = [c[0] for c in cursor.description]
                for found in cursor.fetchall():
                    record = decode_row(spec, dict(zip(columns, found)))
                    records[record["id"]] = record
        for (entity_name, record_id), entries in by_record.items():
            seqs = [e[0] for e in entries]
            batch.seqs.extend(seqs)
            record = records.get(record_id)
            if record is not None:  # else erased since: nothing left to send
                self._add_changes(batch, entities.entity(entity_name), record, entries)
        return batch

    @staticmethod
    def _add_changes(batch: OutboxBatch, spec: entities.EntitySpec, record: dict[str, Any],
                     entries: list[tuple]) -> None:
        versions = record["versions"]
        if len(entries) == 1 and entries[0][3] is None and versions.keys() == {ALL_FIELDS}:
            # The usual new record, unedited since: every field with its one stamp, as
            # the general path below would send it.
            batch.changes.append(_whole_record(spec, record, versions[ALL_FIELDS]))
            return
        dirty: dict[str, str | None] = {}  # field -> earliest unpushed base
        seen: dict[str, str | None] = {}  # what the last delete saw of the fields it did not set
        for _, _, _, fields, base in entries:
            names = json.loads(fields) if fields else spec.synced_fields
            bases = json.loads(base)
            for name in names:
                dirty.setdefault(name, bases.get(name))
            if "deleted" in names and len(bases) > len(names):
                seen = {n: b for n, b in bases.items() if n not in names}
        stamps = {n: field_version(record["versions"], n) for n in dirty}
        if any(e[3] is None for e in entries):
            # New to the server (or re-sent whole): the server validates each change as a
            # whole record, so the first change carries every field, with the record's
            # first stamp; fields edited since follow with their own stamps, based on it.
            first = min(s for s in stamps.values() if s is not None)
            batch.changes.append(_whole_record(spec, record, first))
            dirty = {n: first for n, stamp in stamps.items() if stamp != first}
        groups: dict[str, dict[str, Any]] = defaultdict(dict)
        for name in dirty:
            stamp = stamps[name]
            if stamp is not None:
                groups[stamp][name] = record[name]
        for stamp, values in sorted(groups.items()):
            base = {n: dirty[n] for n in values}
            if values.get("deleted") is True and seen:
                base = {**seen, **base}  # the delete says what it saw (protocol.md, Deletes)
            batch.changes.append(Change(spec.name, record["id"], record["team_id"], stamp,
                                        values, base))

    def acknowledge(self, batch: OutboxBatch, results: list[ChangeResult]) -> int:
        """Drop what the server answered for; quarantine what it refused. Returns rejects."""
        rejected = 0
        with self.db.write() as db:
            for result in results:
                if result.outcome != "rejected":
                    continue
                change = batch.changes[result.index]
                rejected += 1
                db.execute(
                    "INSERT INTO quarantine (entity, record_id, team_id, change, code, reason, "
                    "at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (change.entity, change.id, change.team_id, json.dumps(change.to_wire()),
                     result.code or "rejected", result.reason or "", now_iso()))
            marks = placeholders(len(batch.seqs))
            db.execute(f"DELETE FROM outbox WHERE seq IN ({marks})", tuple(batch.seqs))
        return rejected

    def quarantined(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM quarantine ORDER BY seq")
        for row in rows:
            row["change"] = json.loads(row["change"])
        return rows

    def retry_quarantined(self, seq: int) -> None:
        """Put a refused change back in the outbox (after the cause was fixed)."""
        with self.db.write() as db:
            row = db.execute("SELECT change FROM quarantine WHERE seq = ?", (seq,)).fetchone()
            if row is None:
                return
            change = Change.from_wire(json.loads(row[0]))
            db.execute("INSERT INTO outbox (entity, record_id, team_id, stamp, fields, base, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (change.entity, change.id, change.team_id, change.stamp,
                        json.dumps(list(change.fields)), json.dumps(change.base), now_iso()))
            db.execute("DELETE FROM quarantine WHERE seq = ?", (seq,))

    def drop_quarantined(self, seq: int) -> None:
        with self.db.write() as db:
            db.execute("DELETE FROM quarantine WHERE seq = ?", (seq,))

    def requeue_everything(self) -> int:
        """Queue every record for a full re-send (after a server restore or a mismatch).

        A full re-send is safe: the server treats a field whose stamp it already
        holds as a no-op, and arbitrates anything else as usual.
        """
        count = 0
        teams = [t for t in (self.get("teams") or "").split(",") if t]
        with self.db.write() as db:
            for spec in entities.ENTITIES.values():
                if spec.name in ("team", "conflict"):
                    continue  # the server owns teams and makes conflicts
                rows = db.execute(f"SELECT id, team_id FROM [{spec.table}]").fetchall()
                if teams:  # not the records of teams this user has left
                    rows = [r for r in rows if r[1] in teams]
                db.conn.executemany(
                    "INSERT INTO outbox (entity, record_id, team_id, stamp, fields, base, "
                    "created_at) VALUES (?, ?, ?, '', NULL, '{}', ?)",
                    [(spec.name, rid, tid, now_iso()) for rid, tid in rows])
                count += len(rows)
        return count

    # -- pull ----------------------------------------------------------------------

    def apply_page(self, changes: list[PulledChange], *, cursor: int, epoch: str) -> AppliedPage:
        """Apply one pulled page and store its cursor, in one transaction."""
        result = AppliedPage()
        erase: list[str] = []
        with self.db.write() as db:
            dirty = self._dirty_fields(db)
            erased = {r[0] for r in db.execute("SELECT youngster_id FROM erasure").fetchall()}
            page = _PageWriter(db, self._present(db, changes))
            # Stamps compare as strings: moving past the page's greatest moves past them
            # all. Raises ClockError for a stamp far ahead of our clock; the page rolls back.
            greatest = max((stamp for c in changes
                            if c.kind == "change" and c.entity in entities.ENTITIES and c.id
                            for stamp in c.distinct_stamps()), default=None)
            if greatest is not None:
                self.store.clock.receive(greatest)
            for pulled in changes:
                if pulled.kind == "purge":
                    if pulled.youngster_id:
                        erase.append(pulled.youngster_id)
                    continue
                result.changes += 1
                result.skipped_fields += self._apply_change(db, pulled, dirty, erased, page)
            page.flush()
            for youngster_id in erase:
                self.store.erasure.erase_youngster(youngster_id, origin="server")
                result.purges += 1
            self.store.set_meta("sync.cursor", str(cursor))
            self.store.set_meta("sync.epoch", epoch)
            self.store.set_meta("hlc", self.store.clock.last)
        if result.purges:
            self.db.checkpoint()  # old page images of erased records leave the WAL
        return result

    @staticmethod
    def _dirty_fields(db: Any) -> dict[str, set[str] | None]:
        """record id → fields with an unpushed local edit (None: every field)."""
        dirty: dict[str, set[str] | None] = {}
        for record_id, fields in db.execute("SELECT record_id, fields FROM outbox").fetchall():
            if fields is None:
                dirty[record_id] = None
            elif record_id not in dirty or dirty[record_id] is not None:
                dirty.setdefault(record_id, set()).update(json.loads(fields))  # type: ignore[union-attr]
        return dirty

    @staticmethod
    def _present(db: Any, changes: list[PulledChange]) -> set[str]:
        """Which of the page's records this laptop already has (one query per entity)."""
        by_entity: dict[str, list[str]] = defaultdict(list)
        for pulled in changes:
            if pulled.kind == "change" and pulled.entity in entities.ENTITIES and pulled.id:
                by_entity[pulled.entity].append(pulled.id)
        present: set[str] = set()
        for entity_name, ids in by_entity.items():
            table = entities.entity(entity_name).table
            for chunk in chunked(sorted(set(ids))):
                present.update(r[0] for r in db.execute(
                    f"SELECT id FROM [{table}] WHERE id IN ({placeholders(len(chunk))})",
                    chunk).fetchall())
        return present

    def _apply_change(self, db: Any, pulled: PulledChange, dirty_by_record: dict,
                      erased: set[str], page: _PageWriter) -> int:
        if pulled.entity not in entities.ENTITIES or not pulled.id or not pulled.values:
            return 0
        spec = entities.entity(pulled.entity)
        if erased and self._belongs_to_erased(db, spec, pulled, erased):
            return 0
        synced = spec.synced_field_set
        known = (pulled.values if pulled.values.keys() <= synced
                 else {n: v for n, v in pulled.values.items() if n in synced})
        if pulled.id not in page.present:
            # New here: queued, and written with the page's other new records at once.
            page.insert(spec, pulled, known)
            return 0
        page.flush_if_pending(pulled.id)
        found = db.execute(f"SELECT versions FROM [{spec.table}] WHERE id = ?",
                           (pulled.id,)).fetchone()
        dirty = dirty_by_record.get(pulled.id, set())
        versions = json.loads(found[0] or "{}")
        if ALL_FIELDS in versions:  # spell out the shared stamp before fields diverge
            shared = versions.pop(ALL_FIELDS)
            versions = {n: versions.get(n, shared) for n in spec.synced_fields}
        updates: dict[str, Any] = {}
        skipped = 0
        for name, value in known.items():
            if dirty is None or name in dirty:
                skipped += 1
                continue
            # The server only ever replaces a field's value by one with a greater stamp,
            # so a smaller or equal stamp is old news (e.g. pulled after our own newer
            # value, which the server does not send back to us).
            stamp = pulled.stamp_of(name)
            if versions.get(name) is not None and stamp <= versions[name]:
                continue
            updates[name] = value
            versions[name] = stamp
        if updates:
            assignments = ", ".join(f"[{n}] = ?" for n in updates)
            db.execute(
                f"UPDATE [{spec.table}] SET {assignments}, versions = ?, updated_at = ?, "
                "updated_by = ? WHERE id = ?",
                (*(encode(spec, n, v) for n, v in updates.items()), json.dumps(versions),
                 now_iso(), pulled.author, pulled.id))
        return skipped

    @staticmethod
    def _belongs_to_erased(db: Any, spec: entities.EntitySpec, pulled: PulledChange,
                           erased: set[str]) -> bool:
        if spec.youngster_field is None:
            return False
        owner = pulled.id if spec.youngster_field == "id" else None
        if owner is None:
            owner = pulled.values.get(spec.youngster_field)
        if owner is None:
            row = db.execute(f"SELECT [{spec.youngster_field}] FROM [{spec.table}] WHERE id = ?",
                             (pulled.id,)).fetchone()
            owner = row[0] if row else None
        return owner in erased

    # -- checks ----------------------------------------------------------------------

    def local_counts(self) -> dict[str, dict[str, int]]:
        """team → entity → live records, to compare with the server's counts."""
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for spec in entities.ENTITIES.values():
            for row in self.db.query(f"SELECT team_id, count(*) AS n FROM [{spec.table}] "
                                     "WHERE deleted = 0 GROUP BY team_id"):
                counts[row["team_id"]][spec.name] = row["n"]
        return dict(counts)

    def rehome_local_team(self, old_team: str, new_team: str) -> int:
        """Move never-synced work from a local team into the server's team.

        Work recorded before enrolment (e.g. demo data) was never pushed, so its
        team can still change: every record and outbox entry moves, and the local
        team record goes (the server owns teams).
        """
        moved = 0
        with self.db.write() as db:
            for spec in entities.ENTITIES.values():
                if spec.name == "team":
                    continue
                moved += db.execute(f"UPDATE [{spec.table}] SET team_id = ? WHERE team_id = ?",
                                    (new_team, old_team)).rowcount
            db.execute("UPDATE outbox SET team_id = ? WHERE team_id = ?", (new_team, old_team))
            db.execute("DELETE FROM outbox WHERE entity = 'team' AND record_id = ?", (old_team,))
            db.execute("DELETE FROM team WHERE id = ?", (old_team,))
        return moved


def _whole_record(spec: entities.EntitySpec, record: dict[str, Any], stamp: str) -> Change:
    """Every synced field of the record in one change, as if new to the server.

    No field has a base: none was ever confirmed by the server (an empty base says so)."""
    return Change(spec.name, record["id"], record["team_id"], stamp,
                  {n: record[n] for n in spec.synced_fields}, {})


_json_string = json.encoder.encode_basestring  # a str as a JSON string literal, in C


@lru_cache(maxsize=256)
def _encoders(entity_name: str, names: tuple[str, ...]) -> tuple[Callable, ...]:
    """How each named field is stored (see ``records.encode``), looked up once per shape.

    Keyed by the entity's name: hashing the spec itself would hash all its fields."""
    spec = entities.entity(entity_name)
    return tuple(field_encoder(spec, name) for name in names)


class _PageWriter:
    """Inserts of a pulled page's new records, grouped into one executemany per shape."""

    def __init__(self, db: Any, present: set[str]) -> None:
        self.db = db
        self.present = present
        self._pending: dict[tuple[str, tuple[str, ...]], list[tuple]] = defaultdict(list)
        self._pending_ids: set[str] = set()
        self._now = now_iso()

    def insert(self, spec: entities.EntitySpec, pulled: PulledChange,
               known: dict[str, Any]) -> None:
        names = tuple(known)
        shared = pulled.stamps
        if not isinstance(shared, str):
            distinct = {shared[n] for n in names}
            shared = distinct.pop() if len(distinct) == 1 else None
        if shared is not None and len(names) == len(spec.synced_fields):
            # A whole record written at once (the usual new record): one shared stamp.
            versions = f'{{"{ALL_FIELDS}":{_json_string(shared)}}}'
        else:
            versions = json.dumps({n: pulled.stamp_of(n) for n in names})
        row = [pulled.id, pulled.team_id]
        row += [enc(v) for enc, v in zip(_encoders(spec.name, names), known.values())]
        row += (self._now, self._now, pulled.author, versions)
        self._pending[(spec.table, names)].append(row)
        self._pending_ids.add(pulled.id)  # type: ignore[arg-type]
        self.present.add(pulled.id)  # type: ignore[arg-type]

    def flush_if_pending(self, record_id: str) -> None:
        if record_id in self._pending_ids:
            self.flush()  # a later entry of the page edits a record still queued

    def flush(self) -> None:
        for (table, names), rows in self._pending.items():
            columns = ["id", "team_id", *names, "created_at", "updated_at", "updated_by",
                       "versions"]
            self.db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})", rows)
        self._pending.clear()
        self._pending_ids.clear()
