"""Storage: migrations, the epoch, value fidelity, SQLite file hygiene, on both backends."""

from __future__ import annotations

import stat
import threading
import uuid
from pathlib import Path

import pytest

from joinus_server import config
from joinus_server.records import FieldVersion, StoredRecord
from joinus_server.storage import Storage, StorageError, open_storage
from joinus_server.storage.migrations import LATEST_VERSION


def test_migrations_are_recorded_and_run_once(storage: Storage, database_url: str) -> None:
    with storage.read() as tx:
        versions = tx.query("SELECT version FROM schema_migrations ORDER BY version")
        epoch = tx.epoch()
    assert [v[0] for v in versions] == list(range(1, LATEST_VERSION + 1))
    assert uuid.UUID(epoch)
    assert storage.migrate() == []
    with open_storage(database_url) as again, again.read() as tx:
        assert tx.epoch() == epoch  # the epoch is born with the database, not per start


def test_a_database_newer_than_the_server_is_refused(storage: Storage, database_url: str) -> None:
    with storage.write() as tx:
        tx.execute("INSERT INTO schema_migrations (version, description, applied_at)"
                   " VALUES (?, ?, ?)", (LATEST_VERSION + 1, "from the future", 0))
    with pytest.raises(StorageError, match="newer than this server understands"):
        open_storage(database_url)


def test_concurrent_first_starts_migrate_once(database_url: str) -> None:
    errors: list[BaseException] = []
    opened: list[Storage] = []

    def start() -> None:
        try:
            opened.append(open_storage(database_url))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for store in opened:
        store.close()
    assert not errors, errors[0]
    assert len(opened) == 3  # none still hanging after its minute
    with open_storage(database_url) as store, store.read() as tx:
        assert tx.query("SELECT COUNT(*) FROM schema_migrations")[0][0] == LATEST_VERSION
        assert tx.query("SELECT COUNT(*) FROM meta")[0][0] == 1


def test_values_round_trip_exactly(storage: Storage) -> None:
    values = {"text": "Zoë \u0000 \U0001F600 ‘quotes’", "int": 2**62, "float": 0.1,
              "bool": False, "none": None, "list": ["a", 1], "map": {"q1": 3, "q2": None}}
    record = StoredRecord(str(uuid.uuid4()), "meeting", "team", None,
                          {k: FieldVersion(v, "s", "a") for k, v in values.items()}, 1, 2, "u")
    with storage.write() as tx:
        tx.put_records([record])
    with storage.read() as tx:
        back = tx.get_records([record.id])[record.id]
    assert back.values() == values
    assert type(back.values()["float"]) is float and type(back.values()["bool"]) is bool


def test_the_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "server.db"
    with open_storage(config.sqlite_url(path)) as store, store.read() as tx:
        assert tx.query("PRAGMA journal_mode")[0][0] == "wal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_unknown_database_urls_are_refused() -> None:
    with pytest.raises(StorageError, match="must start with sqlite:/// or postgresql://"):
        open_storage("mysql://localhost/joinus")


def test_the_default_database_lives_in_the_user_data_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(config.ENV_DATABASE, raising=False)
    url = config.database_url()
    assert url == f"sqlite:///{tmp_path}/joinus-server/joinus-server.db"
    monkeypatch.setenv(config.ENV_DATABASE, "postgresql://db/joinus")
    assert config.database_url() == "postgresql://db/joinus"
    assert config.database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_passwords_are_redacted() -> None:
    assert config.redact("postgresql://joinus:s3cret@db:5432/joinus") == \
        "postgresql://joinus:***@db:5432/joinus"
    assert config.redact("postgresql://joinus@db/joinus") == "postgresql://joinus@db/joinus"
