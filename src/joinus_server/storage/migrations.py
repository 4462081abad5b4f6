"""Versioned schema migrations, the same DDL for SQLite and PostgreSQL.

Each migration runs once, in order, inside one transaction, and its version is
recorded in ``schema_migrations``. Add a migration at the end; never edit one
that has shipped. ``{serial}`` is replaced by the dialect's auto-increment key.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .queries import Tx


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    after: Callable[[Tx], None] | None = field(default=None)


def _seed(tx: Tx) -> None:
    # The dataset epoch is born with the database; `admin new-epoch` replaces it.
    tx.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("epoch", str(uuid.uuid4())))
    tx.execute("INSERT INTO log_head (id, cursor) VALUES (1, 0)")


def _backfill_erasures(tx: Tx) -> None:
    # Before version 2 only administrators erased: their audit rows name who and when.
    for actor, detail in tx.query("SELECT actor, detail FROM audit"
                                  " WHERE action = 'erase_youngster' ORDER BY id"):
        cursor = json.loads(detail).get("purge_cursor")
        if isinstance(cursor, int):
            tx.execute("UPDATE purges SET erased_by = ? WHERE cursor = ?", (actor, cursor))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "accounts, records, log, batches, erasure, audit", (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # The one row every log append locks: cursor order is commit order.
        "CREATE TABLE log_head (id INTEGER PRIMARY KEY, cursor BIGINT NOT NULL)",
        """CREATE TABLE teams (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL,
            created_at BIGINT NOT NULL, UNIQUE (name, municipality))""",
        """CREATE TABLE users (
            id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            role TEXT NOT NULL, created_at BIGINT NOT NULL)""",
        """CREATE TABLE memberships (
            user_id TEXT NOT NULL REFERENCES users (id),
            team_id TEXT NOT NULL REFERENCES teams (id),
            PRIMARY KEY (user_id, team_id))""",
        """CREATE TABLE invites (
            code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id),
            created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
            used_at BIGINT, device_id TEXT)""",
        """CREATE TABLE devices (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id),
            name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL, last_seen_at BIGINT, revoked_at BIGINT)""",
        # data: {"field": {"v": value, "s": stamp, "a": author}} as JSON text (TEXT, not
        # jsonb, so both backends store the same bytes and NUL escapes survive).
        """CREATE TABLE records (
            id TEXT PRIMARY KEY, entity TEXT NOT NULL, team_id TEXT NOT NULL,
            youngster_id TEXT, deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)""",
        "CREATE INDEX records_team_entity ON records (team_id, entity, deleted)",
        "CREATE INDEX records_youngster ON records (youngster_id)",
        """CREATE TABLE log (
            cursor BIGINT PRIMARY KEY, team_id TEXT NOT NULL, kind TEXT NOT NULL,
            entity TEXT, record_id TEXT, youngster_id TEXT, author TEXT, fields TEXT,
            created_at BIGINT NOT NULL)""",
        "CREATE INDEX log_team_cursor ON log (team_id, cursor)",
        "CREATE INDEX log_youngster ON log (youngster_id)",
        """CREATE TABLE batches (
            device_id TEXT NOT NULL, batch_id TEXT NOT NULL, response TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (device_id, batch_id))""",
        """CREATE TABLE erased (
            id TEXT PRIMARY KEY, youngster_id TEXT NOT NULL, erased_at BIGINT NOT NULL)""",
        """CREATE TABLE purges (
            cursor BIGINT PRIMARY KEY, team_id TEXT NOT NULL, youngster_id TEXT NOT NULL,
            records INTEGER NOT NULL, created_at BIGINT NOT NULL)""",
        """CREATE TABLE purge_receipts (
            purge_cursor BIGINT NOT NULL REFERENCES purges (cursor),
            device_id TEXT NOT NULL, confirmed_at BIGINT NOT NULL,
            PRIMARY KEY (purge_cursor, device_id))""",
        """CREATE TABLE audit (
            id {serial}, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            detail TEXT NOT NULL)""",
    ), after=_seed),
    Migration(2, "organisation settings, erasure provenance, device audit trails", (
        # Organisation-wide settings: retention_months, organisation_public_key (PEM).
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Who asked for an erasure ("admin:<os user>" or "device:<id>"), and whether the
        # server held the youngster at all (0: erased on a laptop before it synced).
        "ALTER TABLE purges ADD COLUMN erased_by TEXT",
        "ALTER TABLE purges ADD COLUMN device_id TEXT",
        "ALTER TABLE purges ADD COLUMN known INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX purges_youngster ON purges (youngster_id)",
        # Devices' own audit logs: ids and actions only, never content.
        """CREATE TABLE device_audit (
            device_id TEXT NOT NULL, seq BIGINT NOT NULL, at TEXT NOT NULL, at_ms BIGINT NOT NULL,
            actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT, record_id TEXT,
            received_at BIGINT NOT NULL, PRIMARY KEY (device_id, seq))""",
        "CREATE INDEX device_audit_record ON device_audit (record_id)",
    ), after=_backfill_erasures),
    Migration(3, "the device a log entry came from", (
        # A device is not sent back its own changes: it holds exactly those values
        # already, and skipping them halves the work of a sync after a big push.
        "ALTER TABLE log ADD COLUMN origin_device TEXT",
    )),
    Migration(4, "one stamp for an entry whose fields one write set", (
        # Set: `fields` holds just the values, all set by the write with this stamp
        # (a record written whole, the usual entry). Entries from before keep theirs
        # per field and are sent as they are.
        "ALTER TABLE log ADD COLUMN stamp TEXT",
    )),
    Migration(5, "failed enrolment attempts per client address", (
        # In the database, not in the process: every worker and machine behind a load
        # balancer counts the same failures. Rows older than the window are deleted.
        """CREATE TABLE enrol_failures (
            id {serial}, address TEXT NOT NULL, at BIGINT NOT NULL)""",
        "CREATE INDEX enrol_failures_address ON enrol_failures (address, at)",
        "CREATE INDEX enrol_failures_at ON enrol_failures (at)",
    )),
)

LATEST_VERSION = MIGRATIONS[-1].version
