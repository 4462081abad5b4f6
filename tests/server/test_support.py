"""The shared fixtures themselves: missing PostgreSQL fails loudly, servers restart cleanly."""

from __future__ import annotations

import pytest

from tests.support import postgres


def test_missing_postgresql_binaries_fail_instead_of_skipping(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "find_pg_bin", lambda: None)
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL server binaries"):
        postgres.start_postgres()


def test_pg_binaries_can_be_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    found = postgres.find_pg_bin()
    assert found is not None, "CI installs PostgreSQL; this machine lacks it"
    monkeypatch.setenv(postgres.ENV_BIN, str(found))
    assert postgres.find_pg_bin() == found


@pytest.mark.postgres
def test_each_test_gets_an_empty_database(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables"
                              " WHERE table_schema = 'public'").fetchone()
    assert tables == (0,)
