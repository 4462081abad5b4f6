"""Every earlier schema version upgrades to the current one on a real vault."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from joinus_desktop.store import schema
from joinus_desktop.store.store import Store
from joinus_desktop.store.vault import Vault
from tests.conftest import FAST_ARGON2, PASSPHRASE


def schema_of(db: sqlite_utils.Database) -> dict[str, str]:
    return {row[0]: row[1] for row in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations' ORDER BY name").fetchall()}


@pytest.mark.parametrize("stop_before", schema.names()[1:])
def test_upgrade_from_each_earlier_version(tmp_path: Path, stop_before: str) -> None:
    fresh_dir, old_dir = tmp_path / "fresh", tmp_path / "old"
    with Store.create(fresh_dir, PASSPHRASE, argon2=FAST_ARGON2)[0] as fresh:
        expected = schema_of(fresh.db.writer)
        latest_version = fresh.schema_version()

    vault, _ = Vault.create(old_dir, PASSPHRASE, argon2=FAST_ARGON2)
    db = sqlite_utils.Database(vault.connect())
    schema.apply(db, stop_before=stop_before)
    old_version = schema.current_version(db)
    assert old_version < latest_version
    # Data written by the old version, the way it wrote it.
    db.execute("INSERT INTO team (id, team_id, name, municipality, deleted, versions) "
               "VALUES ('t1', 't1', 'Oud team', 'Zeist', 0, '{}')")
    db.execute("INSERT INTO youngster (id, team_id, alias, intake_date, status, deleted, "
               "versions) VALUES ('y1', 't1', 'Sam', '2025-01-01', 'active', 0, '{}')")
    db.conn.close()
    vault.lock()

    with Store.open(old_dir, PASSPHRASE) as upgraded:
        assert upgraded.schema_version() == latest_version
        assert schema_of(upgraded.db.writer) == expected
        youngster = upgraded.youngsters.get("y1")
        assert youngster["alias"] == "Sam" and youngster["consent_youngster"] is False
        assert upgraded.teams.get("t1")["name"] == "Oud team"


def test_opening_twice_applies_nothing_new(tmp_path: Path) -> None:
    with Store.create(tmp_path / "p", PASSPHRASE, argon2=FAST_ARGON2)[0] as store:
        applied = schema.migrations.applied(store.db.writer)
    with Store.open(tmp_path / "p", PASSPHRASE) as store:
        assert schema.migrations.applied(store.db.writer) == applied
        assert len(applied) == len(schema.names())
