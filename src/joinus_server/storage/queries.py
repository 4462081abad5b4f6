"""All the server's SQL, written once for both backends.

A :class:`Tx` wraps one DB-API cursor inside one transaction. SQL is written
with ``?`` placeholders and plain ANSI/SQLite-and-PostgreSQL syntax (``ON
CONFLICT … DO UPDATE``, no ``%`` anywhere); the backend's :class:`Dialect`
only swaps the placeholder and adds ``FOR UPDATE`` where PostgreSQL needs it.
Booleans are stored as 0/1 and times as Unix milliseconds, so values read back
identically from both backends.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from joinus_desktop.sync import wirejson

from ..records import LogEntry, StoredRecord, decode_fields, encode_fields


@dataclass(frozen=True)
class Dialect:
    name: str  # "sqlite" or "postgres"
    placeholder: str  # "?" or "%s"
    lock_suffix: str  # appended to the log-head SELECT: "" or " FOR UPDATE"
    serial: str  # DDL of an auto-increment primary key

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)


def _marks(n: int) -> str:
    return "(" + ", ".join("?" * n) + ")"


Row = tuple[Any, ...]


# A LogEntry is a row of the log: its fields are the columns, in order (the column of
# ``fields_json`` is "fields"), so an entry is inserted as it is.
_LOG_COLUMNS_LIST = tuple("fields" if name == "fields_json" else name
                          for name in LogEntry._fields)
_LOG_COLUMNS = ", ".join(_LOG_COLUMNS_LIST)


class Tx:
    """One transaction: the storage interface every service module talks to."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cur = cursor
        self.dialect = dialect

    # -- plumbing --------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._cur.execute(self.dialect.sql(sql), tuple(params))
        return int(self._cur.rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self._cur.executemany(self.dialect.sql(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self._cur.execute(self.dialect.sql(sql), tuple(params))
        return [tuple(r) for r in self._cur.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    # -- dataset epoch and log head --------------------------------------------
    def epoch(self) -> str:
        row = self.one("SELECT value FROM meta WHERE key = 'epoch'")
        assert row is not None, "database not migrated"
        return str(row[0])

    def set_epoch(self, epoch: str) -> None:
        self.execute("UPDATE meta SET value = ? WHERE key = 'epoch'", (epoch,))

    def lock_head(self) -> int:
        """The log head, locked until commit: whoever holds it appends the next cursors.

        Every writer that appends to the log takes this lock first, so cursors are
        assigned and committed in one order and a reader never sees cursor n+1
        before cursor n.
        """
        row = self.one("SELECT cursor FROM log_head WHERE id = 1" + self.dialect.lock_suffix)
        assert row is not None
        return int(row[0])

    def head(self) -> int:
        row = self.one("SELECT cursor FROM log_head WHERE id = 1")
        assert row is not None
        return int(row[0])

    def set_head(self, cursor: int) -> None:
        self.execute("UPDATE log_head SET cursor = ? WHERE id = 1", (cursor,))

    def append_log(self, entries: Sequence[LogEntry], now_ms: int) -> None:
        self.executemany(
            f"INSERT INTO log ({_LOG_COLUMNS}, created_at)"
            f" VALUES {_marks(len(_LOG_COLUMNS_LIST) + 1)}",
            [(*entry, now_ms) for entry in entries])

    def log_after(self, cursor: int, team_ids: Sequence[str], limit: int,
                  exclude_device: str | None = None) -> list[LogEntry]:
        """Entries after ``cursor`` for these teams; ``exclude_device``'s own changes left out."""
        if not team_ids:
            return []
        own = " AND (origin_device IS NULL OR origin_device <> ?)" if exclude_device else ""
        rows = self.query(
            f"SELECT {_LOG_COLUMNS} FROM log WHERE cursor > ? AND team_id IN"
            f" {_marks(len(team_ids))}{own} ORDER BY cursor LIMIT ?",
            (cursor, *team_ids, *([exclude_device] if exclude_device else []), limit))
        return [LogEntry(*row) for row in rows]

    def delete_log_of_youngster(self, youngster_id: str) -> int:
        return self.execute("DELETE FROM log WHERE youngster_id = ?", (youngster_id,))

    def log_count(self) -> int:
        row = self.one("SELECT COUNT(*) FROM log")
        return int(row[0]) if row else 0

    # -- records -----------------------------------------------------------------
    def get_records(self, ids: Iterable[str]) -> dict[str, StoredRecord]:
        wanted = sorted(set(ids))
        found: dict[str, StoredRecord] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update((r.id, r) for r in self._records(
                f"id IN {_marks(len(chunk))}", chunk))
        return found

    def _records(self, where: str, params: Sequence[Any]) -> list[StoredRecord]:
        """The stored records matching ``where`` (SQL over the records table's columns)."""
        return [StoredRecord(r[0], r[1], r[2], r[3], decode_fields(r[4]), int(r[5]), int(r[6]),
                             r[7])
                for r in self.query("SELECT id, entity, team_id, youngster_id, data, created_at,"
                                    f" updated_at, updated_by FROM records WHERE {where}", params)]

    def put_records(self, records: Iterable[StoredRecord],
                    encoded: Mapping[str, str] | None = None) -> None:
        """``encoded``: record id -> its ``data`` already encoded (``encode_fields``)."""
        encoded = encoded or {}
        self.executemany(
            "INSERT INTO records (id, entity, team_id, youngster_id, deleted, data, created_at,"
            " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET deleted = excluded.deleted, data = excluded.data,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [(r.id, r.entity, r.team_id, r.youngster_id, int(r.deleted),
              encoded.get(r.id) or encode_fields(r.fields), r.created_at, r.updated_at,
              r.updated_by) for r in records])

    def records_of(self, entity: str, team_ids: Sequence[str]) -> list[StoredRecord]:
        """Every live record of one entity in the given teams."""
        if not team_ids:
            return []
        return self._records(f"entity = ? AND deleted = 0 AND team_id IN {_marks(len(team_ids))}",
                             (entity, *team_ids))

    def live_counts(self, team_ids: Sequence[str]) -> list[Row]:
        if not team_ids:
            return []
        return self.query(
            "SELECT team_id, entity, COUNT(*) FROM records WHERE deleted = 0 AND team_id IN"
            f" {_marks(len(team_ids))} GROUP BY team_id, entity", team_ids)

    def youngsters_in(self, team_ids: Sequence[str] | None) -> list[StoredRecord]:
        """Every youngster record (tombstoned ones too: they still hold values)."""
        if team_ids is not None and not team_ids:
            return []
        where = "" if team_ids is None else f" AND team_id IN {_marks(len(team_ids))}"
        return self._records("entity = 'youngster'" + where, tuple(team_ids or ()))

    def record_ids_of_youngster(self, youngster_id: str) -> list[str]:
        return [r[0] for r in self.query("SELECT id FROM records WHERE youngster_id = ?",
                                         (youngster_id,))]

    def teams_of_youngster(self, youngster_id: str) -> dict[str, int]:
        """Team id -> how many of its records are tied to the youngster; a team with only
        log entries tied to them counts 0."""
        teams = {r[0]: int(r[1]) for r in self.query(
            "SELECT team_id, COUNT(*) FROM records WHERE youngster_id = ? GROUP BY team_id",
            (youngster_id,))}
        for (team,) in self.query("SELECT DISTINCT team_id FROM log WHERE youngster_id = ?"
                                  " AND kind = 'change'", (youngster_id,)):
            teams.setdefault(team, 0)
        return teams

    def delete_records_of_youngster(self, youngster_id: str) -> int:
        return self.execute("DELETE FROM records WHERE youngster_id = ?", (youngster_id,))

    def record_count(self) -> int:
        row = self.one("SELECT COUNT(*) FROM records")
        return int(row[0]) if row else 0

    # -- pushed batches (idempotency) ---------------------------------------------
    def stored_batch(self, device_id: str, batch_id: str) -> dict[str, Any] | None:
        row = self.one("SELECT response FROM batches WHERE device_id = ? AND batch_id = ?",
                       (device_id, batch_id))
        return wirejson.loads(row[0]) if row else None

    def save_batch(self, device_id: str, batch_id: str, response: dict[str, Any],
                   now_ms: int) -> None:
        self.execute("INSERT INTO batches (device_id, batch_id, response, created_at)"
                     " VALUES (?, ?, ?, ?)",
                     (device_id, batch_id, wirejson.dumps_text(response), now_ms))

    def batch_count(self) -> int:
        row = self.one("SELECT COUNT(*) FROM batches")
        return int(row[0]) if row else 0

    # -- erasure -------------------------------------------------------------------
    def erased_among(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update(r[0] for r in self.query(
                f"SELECT id FROM erased WHERE id IN {_marks(len(chunk))}", chunk))
        return found

    def add_erased(self, ids: Iterable[str], youngster_id: str, now_ms: int) -> None:
        self.executemany(
            "INSERT INTO erased (id, youngster_id, erased_at) VALUES (?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING", [(i, youngster_id, now_ms) for i in ids])

    def add_purge(self, cursor: int, team_id: str, youngster_id: str, records: int,
                  now_ms: int, *, erased_by: str | None = None, device_id: str | None = None,
                  known: bool = True) -> None:
        self.execute("INSERT INTO purges (cursor, team_id, youngster_id, records, created_at,"
                     " erased_by, device_id, known) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (cursor, team_id, youngster_id, records, now_ms, erased_by, device_id,
                      int(known)))

    def purge_of(self, youngster_id: str) -> Row | None:
        """(cursor, team_id, youngster_id, records, created_at, erased_by, device_id, known)."""
        return self.one("SELECT cursor, team_id, youngster_id, records, created_at, erased_by,"
                        " device_id, known FROM purges WHERE youngster_id = ?"
                        " ORDER BY cursor LIMIT 1", (youngster_id,))

    def purges_of(self, youngster_id: str) -> list[Row]:
        """Every purge event of one erasure (one per team it reached), the first the
        youngster's own team's; rows as :meth:`purge_of`."""
        return self.query("SELECT cursor, team_id, youngster_id, records, created_at, erased_by,"
                          " device_id, known FROM purges WHERE youngster_id = ?"
                          " ORDER BY cursor", (youngster_id,))

    def unconfirmed_purges(self, device_id: str, team_ids: Sequence[str],
                           cursor: int) -> list[int]:
        """Purges of these teams at or below ``cursor`` the device has not confirmed yet."""
        if not team_ids:
            return []
        return [int(r[0]) for r in self.query(
            f"SELECT p.cursor FROM purges p WHERE p.team_id IN {_marks(len(team_ids))}"
            " AND p.cursor <= ? AND NOT EXISTS (SELECT 1 FROM purge_receipts r"
            " WHERE r.purge_cursor = p.cursor AND r.device_id = ?)",
            (*team_ids, cursor, device_id))]

    def confirm_purges(self, device_id: str, cursors: Iterable[int], now_ms: int) -> None:
        self.executemany(
            "INSERT INTO purge_receipts (purge_cursor, device_id, confirmed_at) VALUES (?, ?, ?)"
            " ON CONFLICT (purge_cursor, device_id) DO NOTHING",
            [(c, device_id, now_ms) for c in cursors])

    def purges(self) -> list[Row]:
        return self.query("SELECT cursor, team_id, youngster_id, records, created_at,"
                          " erased_by, device_id, known FROM purges ORDER BY cursor")

    def purge_receipts(self, cursor: int) -> list[Row]:
        return self.query("SELECT device_id, confirmed_at FROM purge_receipts"
                          " WHERE purge_cursor = ? ORDER BY confirmed_at", (cursor,))

    # -- teams, users, memberships ---------------------------------------------------
    def add_team(self, team_id: str, name: str, municipality: str, now_ms: int) -> None:
        self.execute("INSERT INTO teams (id, name, municipality, created_at) VALUES (?, ?, ?, ?)",
                     (team_id, name, municipality, now_ms))

    def teams(self, team_ids: Sequence[str] | None = None) -> list[Row]:
        """(id, name, municipality, created_at) of the given teams, or of all."""
        if team_ids is None:
            return self.query("SELECT id, name, municipality, created_at FROM teams"
                              " ORDER BY municipality, name")
        if not team_ids:
            return []
        return self.query("SELECT id, name, municipality, created_at FROM teams WHERE id IN"
                          f" {_marks(len(team_ids))} ORDER BY municipality, name", team_ids)

    def teams_named(self, name: str) -> list[Row]:
        return self.query("SELECT id, name, municipality, created_at FROM teams WHERE name = ?",
                          (name,))

    def add_user(self, user_id: str, email: str, name: str, role: str, now_ms: int) -> None:
        self.execute("INSERT INTO users (id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?)",
                     (user_id, email, name, role, now_ms))

    def user_by_email(self, email: str) -> Row | None:
        return self.one("SELECT id, email, name, role, created_at FROM users WHERE email = ?",
                        (email,))

    def user(self, user_id: str) -> Row | None:
        return self.one("SELECT id, email, name, role, created_at FROM users WHERE id = ?",
                        (user_id,))

    def users(self) -> list[Row]:
        return self.query("SELECT id, email, name, role, created_at FROM users ORDER BY email")

    def add_membership(self, user_id: str, team_id: str) -> None:
        self.execute("INSERT INTO memberships (user_id, team_id) VALUES (?, ?)"
                     " ON CONFLICT (user_id, team_id) DO NOTHING", (user_id, team_id))

    def team_ids_of(self, user_id: str) -> list[str]:
        return [r[0] for r in self.query(
            "SELECT team_id FROM memberships WHERE user_id = ? ORDER BY team_id", (user_id,))]

    def members_of(self, team_ids: Sequence[str]) -> list[Row]:
        """(user id, name, team id) of every member of the given teams."""
        if not team_ids:
            return []
        return self.query("SELECT u.id, u.name, m.team_id FROM memberships m"
                          " JOIN users u ON u.id = m.user_id WHERE m.team_id IN"
                          f" {_marks(len(team_ids))} ORDER BY u.name, u.id, m.team_id",
                          team_ids)

    def team_sets(self) -> set[frozenset[str]]:
        """The distinct sets of teams users are members of (what each of them can read)."""
        by_user: dict[str, set[str]] = {}
        for user_id, team_id in self.query("SELECT user_id, team_id FROM memberships"):
            by_user.setdefault(user_id, set()).add(team_id)
        return {frozenset(teams) for teams in by_user.values()}

    def member_counts(self) -> dict[str, int]:
        return {r[0]: int(r[1]) for r in self.query(
            "SELECT team_id, COUNT(*) FROM memberships GROUP BY team_id")}

    # -- invites and devices -------------------------------------------------------------
    def add_invite(self, code_hash: str, user_id: str, now_ms: int, expires_ms: int) -> None:
        self.execute("INSERT INTO invites (code_hash, user_id, created_at, expires_at)"
                     " VALUES (?, ?, ?, ?)", (code_hash, user_id, now_ms, expires_ms))

    def use_invite(self, code_hash: str, device_id: str, now_ms: int) -> str | None:
        """Mark a valid, unused code used; the invited user's id, or None.

        The conditional UPDATE is the guard: of two concurrent enrolments with
        one code, exactly one sees a row changed.
        """
        row = self.one("SELECT user_id FROM invites WHERE code_hash = ? AND used_at IS NULL"
                       " AND expires_at > ?", (code_hash, now_ms))
        if row is None:
            return None
        changed = self.execute("UPDATE invites SET used_at = ?, device_id = ? WHERE code_hash = ?"
                               " AND used_at IS NULL", (now_ms, device_id, code_hash))
        return str(row[0]) if changed == 1 else None

    def enrol_failures_since(self, address: str, since_ms: int) -> list[int]:
        """When this address failed an enrolment code after ``since_ms``, oldest first."""
        return [int(r[0]) for r in self.query(
            "SELECT at FROM enrol_failures WHERE address = ? AND at > ? ORDER BY at",
            (address, since_ms))]

    def add_enrol_failure(self, address: str, now_ms: int) -> None:
        self.execute("INSERT INTO enrol_failures (address, at) VALUES (?, ?)", (address, now_ms))

    def forget_enrol_failures(self, before_ms: int) -> None:
        self.execute("DELETE FROM enrol_failures WHERE at <= ?", (before_ms,))

    def add_device(self, device_id: str, user_id: str, name: str, token_hash: str,
                   now_ms: int) -> None:
        self.execute("INSERT INTO devices (id, user_id, name, token_hash, created_at, last_seen_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     (device_id, user_id, name, token_hash, now_ms, now_ms))

    def device_by_token(self, token_hash: str) -> Row | None:
        """(device id, user id, role, revoked_at, last_seen_at) for a token hash."""
        return self.one("SELECT d.id, d.user_id, u.role, d.revoked_at, d.last_seen_at"
                        " FROM devices d JOIN users u ON u.id = d.user_id"
                        " WHERE d.token_hash = ?", (token_hash,))

    def touch_device(self, device_id: str, now_ms: int) -> None:
        self.execute("UPDATE devices SET last_seen_at = ? WHERE id = ?", (now_ms, device_id))

    def devices(self) -> list[Row]:
        return self.query("SELECT d.id, u.email, d.name, d.created_at, d.last_seen_at,"
                          " d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id"
                          " ORDER BY d.created_at")

    def device(self, device_id: str) -> Row | None:
        return self.one("SELECT id, user_id, revoked_at FROM devices WHERE id = ?", (device_id,))

    def revoke_device(self, device_id: str, now_ms: int) -> None:
        self.execute("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                     (now_ms, device_id))

    def team_devices(self, team_id: str) -> list[Row]:
        """(device id, user email, name, enrolled at, last seen) of the team's members'
        devices that are not revoked."""
        return self.query("SELECT d.id, u.email, d.name, d.created_at, d.last_seen_at"
                          " FROM devices d JOIN users u ON u.id = d.user_id"
                          " JOIN memberships m ON m.user_id = d.user_id"
                          " WHERE m.team_id = ? AND d.revoked_at IS NULL ORDER BY d.created_at",
                          (team_id,))

    # -- organisation settings ---------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        row = self.one("SELECT value FROM settings WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- devices' audit logs ------------------------------------------------------------------
    def add_device_audit(self, device_id: str, entries: Iterable[Sequence[Any]],
                         now_ms: int) -> None:
        """Entries (seq, at, at_ms, actor, action, entity, record_id); a seq the device
        already sent is kept as first received (idempotent)."""
        self.executemany(
            "INSERT INTO device_audit (device_id, seq, at, at_ms, actor, action, entity,"
            " record_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (device_id, seq) DO NOTHING",
            [(device_id, *entry, now_ms) for entry in entries])

    def device_audit(self, limit: int, *, device_id: str | None = None,
                     record_id: str | None = None) -> list[Row]:
        """The last ``limit`` entries, oldest first: (device_id, seq, at, at_ms, actor,
        action, entity, record_id, received_at)."""
        where, params = [], []
        if device_id is not None:
            where.append("device_id = ?")
            params.append(device_id)
        if record_id is not None:
            where.append("record_id = ?")
            params.append(record_id)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        rows = self.query("SELECT device_id, seq, at, at_ms, actor, action, entity, record_id,"
                          " received_at FROM device_audit" + clause +
                          " ORDER BY at_ms DESC, device_id DESC, seq DESC LIMIT ?",
                          (*params, limit))
        return list(reversed(rows))

    def device_audit_count(self) -> int:
        row = self.one("SELECT COUNT(*) FROM device_audit")
        return int(row[0]) if row else 0

    # -- audit trail -------------------------------------------------------------------------
    def audit(self, actor: str, action: str, detail: dict[str, Any], now_ms: int) -> None:
        self.execute("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                     (now_ms, actor, action, json.dumps(detail, sort_keys=True)))

    def audit_trail(self, limit: int, *, mentioning: Sequence[str] = ()) -> list[Row]:
        """The last ``limit`` rows, oldest first; with ``mentioning``, only rows whose actor
        or detail contains one of those ids (ids are UUIDs: no LIKE wildcards in them)."""
        where, params = "", []
        if mentioning:
            where = " WHERE " + " OR ".join(["actor LIKE ? OR detail LIKE ?"] * len(mentioning))
            for ident in mentioning:
                params += [f"%{ident}%", f"%{ident}%"]
        rows = self.query("SELECT id, at, actor, action, detail FROM audit" + where +
                          " ORDER BY id DESC LIMIT ?", (*params, limit))
        return list(reversed(rows))
