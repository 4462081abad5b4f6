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
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import sqlcipher3

from ..domain import entities
from ..domain.hlc import MAX_DRIFT_MS, wall_clock_ms
from ..domain.ids import is_uuid
from ..sync.protocol import Change, ChangeResult, PulledChange
from . import not_stored
from .database import chunked, placeholders
from .errors import StoreError
from .records import ALL_FIELDS, decode_row, encode, field_encoder, field_version, now_iso
from .repository import Repository

log = logging.getLogger(__name__)

CLOCK_AHEAD = "clock_ahead"  # the server's code for a change stamped ahead of its clock

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
    not_stored: int = 0  # entries left out, in whole or in part (kept for review)


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
        future = _future_limit()
        for stamp, values in sorted(groups.items()):
            # A base from the future is one of our own stamps the server refused
            # (clock_ahead), never a version it holds: sent as unseen, it is arbitrated.
            base = {n: None if (b := dirty[n]) is not None and b[:15] > future else b
                    for n in values}
            if values.get("deleted") is True and seen:
                # The delete says what it saw (protocol.md, Deletes).
                base = {**{n: None if b is not None and b[:15] > future else b
                           for n, b in seen.items()}, **base}
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
        """Put a refused change back in the outbox (after the cause was fixed).

        A change refused with ``clock_ahead`` carries stamps from when this laptop's
        clock was ahead; sent again as they are, they would be refused again. So the
        record's fields stamped in the future get a stamp of now (this laptop's clock
        is right again: see SyncEngine._unstick_clock), and a base from the future is
        not sent (see _add_changes): the server arbitrates those fields like any
        concurrent edit, and keeps the value that loses as a conflict.
        """
        with self.db.write() as db:
            row = db.execute("SELECT change, code FROM quarantine WHERE seq = ?",
                             (seq,)).fetchone()
            if row is None:
                return
            change = Change.from_wire(json.loads(row[0]))
            fields: str | None = json.dumps(list(change.fields))
            if row[1] == CLOCK_AHEAD:
                self._restamp_future(db, change)
                if not change.base:
                    fields = None  # a new record: sent whole again (see _add_changes)
            db.execute("INSERT INTO outbox (entity, record_id, team_id, stamp, fields, base, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (change.entity, change.id, change.team_id, change.stamp, fields,
                        json.dumps(change.base), now_iso()))
            db.execute("DELETE FROM quarantine WHERE seq = ?", (seq,))

    def _restamp_future(self, db: Any, change: Change) -> None:
        """A stamp of now for every field of the change's record stamped in the future."""
        spec = entities.entity(change.entity)
        found = db.execute(f"SELECT versions FROM [{spec.table}] WHERE id = ?",
                           (change.id,)).fetchone()
        if found is None:
            return
        versions = json.loads(found[0] or "{}")
        if ALL_FIELDS in versions:
            shared = versions.pop(ALL_FIELDS)
            versions = {n: versions.get(n, shared) for n in spec.synced_fields}
        future = _future_limit()
        fresh = self.store.clock.now()
        versions = {n: (fresh if isinstance(s, str) and s[:15] > future else s)
                    for n, s in versions.items()}
        db.execute(f"UPDATE [{spec.table}] SET versions = ? WHERE id = ?",
                   (json.dumps(versions), change.id))
        self.store.set_meta("hlc", self.store.clock.last)

    def drop_quarantined(self, seq: int) -> None:
        with self.db.write() as db:
            db.execute("DELETE FROM quarantine WHERE seq = ?", (seq,))

    def newest_stamp_up_to(self, limit_ms: int) -> str | None:
        """The greatest field stamp a record here holds whose time is at most ``limit_ms``
        (a clock stepping back must stay past every stamp it does not refuse)."""
        newest: str | None = None
        db = self.db.read()
        for spec in entities.ENTITIES.values():
            row = db.execute(f"SELECT max(j.value) FROM [{spec.table}] AS r, "
                             "json_each(r.versions) AS j WHERE j.type = 'text' AND "
                             "substr(j.value, 1, 15) <= ?", (f"{limit_ms:015d}",)).fetchone()
            if row and row[0] and (newest is None or row[0] > newest):
                newest = row[0]
        return newest

    def not_stored(self, *, include_dismissed: bool = False) -> list[dict[str, Any]]:
        """Pulled entries (or fields of them) this laptop could not store, for review."""
        rows = self.db.query("SELECT * FROM pulled_not_stored"
                             + ("" if include_dismissed else " WHERE dismissed = 0")
                             + " ORDER BY seq")
        for row in rows:
            row["problems"] = json.loads(row["problems"])
        return rows

    def dismiss_not_stored(self, seq: int) -> None:
        """Seen by a person: off the review list. The row stays (without content), so the
        same entry pulled again does not come back, and count checks stay paused."""
        with self.db.write() as db:
            db.execute("UPDATE pulled_not_stored SET dismissed = 1 WHERE seq = ?", (seq,))

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

    def apply_page(self, changes: list[PulledChange], *, cursor: int, epoch: str,
                   server_time_ms: int | None = None) -> AppliedPage:
        """Apply one pulled page and store its cursor, in one transaction.

        An entry (or a field of one) this laptop cannot store is left out and kept for
        review, and the rest applies: one entry never stops a pull (see not_stored).
        ``server_time_ms``: the server's clock when it sent the page; a stamp far
        ahead of it is its author's error, not ours (our own clock when not given).
        """
        reference = server_time_ms if isinstance(server_time_ms, int) else wall_clock_ms()
        refusals = not_stored.screen_page(changes, limit_ms=reference + MAX_DRIFT_MS)
        try:
            return self._apply_page(changes, refusals, cursor=cursor, epoch=epoch,
                                    reference_ms=reference, one_by_one=False)
        except Exception as exc:  # noqa: BLE001 - sorted out just below
            if not _is_entry_error(exc):
                raise  # a full disk or a locked vault is no entry's fault: nothing moves
            # Something the screening did not foresee; the page rolled back whole. Apply
            # it again entry by entry, to leave out just the entries that raise.
            log.warning("a pulled page did not apply (%s); applying it entry by entry",
                        type(exc).__name__)
            return self._apply_page(changes, refusals, cursor=cursor, epoch=epoch,
                                    reference_ms=reference, one_by_one=True)

    def _apply_page(self, changes: list[PulledChange], refusals: dict[int, list],
                    *, cursor: int, epoch: str, reference_ms: int,
                    one_by_one: bool) -> AppliedPage:
        result = AppliedPage()
        erase: list[str] = []
        with self.db.write() as db:
            dirty = self._dirty_fields(db)
            erased = {r[0] for r in db.execute("SELECT youngster_id FROM erasure").fetchall()}
            applicable = [c for i, c in enumerate(changes) if c.kind == "change" and not any(
                r.field is None for r in refusals.get(i, ()))]
            page = _PageWriter(db, self._present(db, applicable))
            plan = [(pulled, *self._trimmed(pulled, refusals.get(i), page.present))
                    for i, pulled in enumerate(changes)]
            # Stamps compare as strings: moving past the page's greatest moves past them
            # all. Only stamps that apply: one from the future is left out (see above).
            greatest = max((stamp for _, c, _, _ in plan
                            if c is not None and c.entity in entities.ENTITIES and c.id
                            for stamp in c.distinct_stamps()), default=None)
            if greatest is not None:
                self.store.clock.receive(greatest, reference_ms=reference_ms)
            for pulled, applying, refused, whole in plan:
                if pulled.kind == "purge":
                    if is_uuid(pulled.youngster_id):
                        erase.append(pulled.youngster_id)  # type: ignore[arg-type]
                    elif pulled.youngster_id:  # nothing to erase by: say so, move on
                        not_stored.keep(db, pulled, [not_stored.Refusal(None, "not_an_id")],
                                        whole=True)
                        result.not_stored += 1
                    continue
                result.changes += 1
                if applying is not None and not one_by_one:
                    result.skipped_fields += self._apply_change(db, applying, dirty, erased,
                                                                page)
                elif applying is not None:
                    new = applying.id not in page.present
                    try:
                        with db.atomic():  # a savepoint: a failing entry leaves no trace
                            result.skipped_fields += self._apply_change(db, applying, dirty,
                                                                        erased, page)
                            page.flush()
                    except Exception as exc:  # noqa: BLE001 - sorted out just below
                        if not _is_entry_error(exc):
                            raise
                        page.discard(applying.id if new else None)
                        refused = [*refused, not_stored.Refusal(
                            None, "not_storable", {"error": type(exc).__name__})]
                        whole = True
                if refused:
                    not_stored.keep(db, pulled, refused, whole=whole)
                    result.not_stored += 1
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
    def _trimmed(pulled: PulledChange, refused: list | None, present: set[str]
                 ) -> tuple[PulledChange | None, list, bool]:
        """What of an entry applies (None: nothing), what was refused, and whether whole."""
        if not refused:
            return (pulled if pulled.kind == "change" else None), [], False
        spec = entities.ENTITIES.get(pulled.entity)  # type: ignore[arg-type]
        if not_stored.refuses_whole(spec, refused, present=pulled.id in present):
            return None, refused, True
        left_out = {r.field for r in refused}
        values = {n: v for n, v in pulled.values.items() if n not in left_out}
        if not values:  # the record is here: its fields keep their values
            return None, refused, False
        stamps = pulled.stamps
        if not isinstance(stamps, str):
            stamps = {n: s for n, s in stamps.items() if n in values}
        return replace(pulled, values=values, stamps=stamps), refused, False

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

    def discard(self, new_id: str | None) -> None:
        """Forget what is queued (its entry failed); ``new_id``: a record it was to create."""
        self._pending.clear()
        self._pending_ids.clear()
        if new_id is not None:
            self.present.discard(new_id)

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


def _future_limit() -> str:
    """The physical-time prefix (15 digits) past which a stamp of ours is surely one the
    server refused: it takes stamps up to 5 minutes ahead of its clock, and a laptop
    syncs only while its clock is within 5 minutes of the server's (both MAX_DRIFT_MS)."""
    return f"{wall_clock_ms() + 2 * MAX_DRIFT_MS:015d}"


# What one entry's values can make the write of its record raise: an integer SQLite
# cannot hold (OverflowError), a value it cannot bind, a constraint. Anything else (a
# full disk, a locked or damaged vault) is no entry's fault and stops the page.
_ENTRY_EXCEPTIONS = (OverflowError, TypeError, ValueError, KeyError, AttributeError,
                     RecursionError, sqlcipher3.IntegrityError, sqlcipher3.InterfaceError,
                     sqlcipher3.ProgrammingError, sqlcipher3.DataError)


def _is_entry_error(exc: BaseException) -> bool:
    if isinstance(exc, StoreError):  # the vault's transaction wraps sqlcipher3's errors
        exc = exc.__cause__ or exc
    return isinstance(exc, _ENTRY_EXCEPTIONS)
