"""Versioned migrations of the vault's schema (sqlite-utils ``Migrations``).

Each migration is frozen once released: it spells out its own columns rather
than reading today's entity specs, so upgrading an old vault always replays the
same steps. A new field means a new migration.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("joinus_desktop")

# Columns every synced table has besides its own fields.
_SYSTEM = {
    "id": str, "team_id": str, "deleted": int, "created_at": str, "updated_at": str,
    "updated_by": str, "versions": str,
}


def _synced_table(db: sqlite_utils.Database, name: str, columns: dict[str, type]) -> None:
    db[name].create({**_SYSTEM, **columns}, pk="id", not_null={"team_id", "deleted"},
                    defaults={"deleted": 0, "versions": "{}"})
    db[name].create_index(["team_id"])


@migrations()
def m001_core(db: sqlite_utils.Database) -> None:
    _synced_table(db, "team", {"name": str, "municipality": str, "age_group": str})
    _synced_table(db, "youngster", {
        "alias": str, "birth_year": int, "intake_date": str, "status": str, "exit_date": str,
        "exit_reason": str, "exit_note": str,
    })
    _synced_table(db, "meeting", {"date": str, "place": str, "activities": str, "notes": str})
    _synced_table(db, "attendance", {"meeting_id": str, "youngster_id": str, "present": int})
    _synced_table(db, "observation", {
        "youngster_id": str, "meeting_id": str, "date": str, "behaviour": str, "context": str,
        "suspected_cause": str, "cause_detail": str, "tags": str,
    })
    _synced_table(db, "challenge", {
        "youngster_id": str, "title": str, "works_on_kind": str, "works_on": str, "status": str,
    })
    _synced_table(db, "challenge_attempt", {
        "challenge_id": str, "youngster_id": str, "meeting_id": str, "date": str,
        "what_happened": str, "how_it_felt": str, "outcome": str,
    })
    _synced_table(db, "questionnaire_response", {
        "youngster_id": str, "instrument_id": str, "instrument_version": int, "moment": str,
        "date": str, "answers": str, "scores": str, "supersedes": str,
    })
    _synced_table(db, "conflict", {
        "entity": str, "record_id": str, "field": str, "value": str, "stamp": str,
        "author": str, "winner_value": str, "winner_stamp": str, "resolved": int,
    })
    for table, column in [("attendance", "meeting_id"), ("attendance", "youngster_id"),
                          ("observation", "youngster_id"), ("observation", "meeting_id"),
                          ("challenge", "youngster_id"), ("challenge_attempt", "challenge_id"),
                          ("challenge_attempt", "youngster_id"),
                          ("questionnaire_response", "youngster_id"),
                          ("conflict", "record_id")]:
        db[table].create_index([column])
    # Which fields each local write changed, and the versions it was based on,
    # in the same transaction as the write. Values are not copied: the push reads
    # them from the record, so the outbox holds no content (and is cheap to write).
    # fields NULL = every synced field (a new record).
    db.execute("""
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,  -- no AUTOINCREMENT: new rows always sort last
            entity TEXT NOT NULL,
            record_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            stamp TEXT NOT NULL,
            fields TEXT,
            base TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""")
    # No index on outbox.record_id: the outbox is short-lived and read in seq order;
    # an index would cost every bulk write for the rare erasure that scans it.
    # Youngsters erased on this device or by the server: content gone, the fact kept.
    db["erasure"].create({
        "youngster_id": str, "team_id": str, "erased_at": str, "origin": str, "reported": int,
    }, pk="youngster_id", defaults={"reported": 0})


@migrations()
def m002_consent_audit_drafts(db: sqlite_utils.Database) -> None:
    youngster = db["youngster"]
    youngster.add_column("consent_date", str)
    youngster.add_column("consent_youngster", int)
    youngster.add_column("consent_guardian", int)
    # Who opened, changed or exported which record, and when. Never content.
    db.execute("""
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT,
            record_id TEXT,
            detail TEXT
        )""")
    # Unsaved form input, so a crash or an auto-lock loses nothing typed.
    db["draft"].create({"key": str, "payload": str, "updated_at": str}, pk="key")


@migrations()
def m003_sync_quarantine(db: sqlite_utils.Database) -> None:
    # Changes the server refused, kept (with their values) until a person retries or
    # drops them, so one bad change never wedges the outbox.
    db.execute("""
        CREATE TABLE quarantine (
            seq INTEGER PRIMARY KEY,
            entity TEXT NOT NULL,
            record_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            change TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        )""")


@migrations()
def m004_conflict_winner_author(db: sqlite_utils.Database) -> None:
    # Who wrote the value a conflict kept, so the conflict view names both sides.
    db["conflict"].add_column("winner_author", str)


@migrations()
def m005_pulled_not_stored(db: sqlite_utils.Database) -> None:
    # Entries pulled from the server that this laptop could not store (a value out of
    # range, a stamp from the future...), so one entry never stops a pull. Ids, field
    # names and reason codes only: never a value, so no content lands here. ``key``
    # makes the same entry, pulled again (a resync), one row.
    db.execute("""
        CREATE TABLE pulled_not_stored (
            seq INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            cursor INTEGER NOT NULL,
            entity TEXT NOT NULL,
            record_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            youngster_id TEXT,
            author TEXT,
            stamp TEXT,
            whole INTEGER NOT NULL,
            problems TEXT NOT NULL,
            at TEXT NOT NULL,
            dismissed INTEGER NOT NULL DEFAULT 0
        )""")


def apply(db: sqlite_utils.Database, *, stop_before: str | None = None) -> None:
    migrations.apply(db, stop_before=stop_before)


def names() -> list[str]:
    return [m.name for m in migrations._migrations]


def current_version(db: sqlite_utils.Database) -> int:
    return len(migrations.applied(db))
