"""Fixtures of the server tests: every storage and API test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # so `tests.support` imports however pytest was started
    sys.path.insert(0, str(_ROOT))

from joinus_server.app import create_app  # noqa: E402
from joinus_server.config import sqlite_url  # noqa: E402
from joinus_server.storage import Storage, open_storage  # noqa: E402

with warnings.catch_warnings():  # Starlette 1.x nudges towards httpx2; httpx works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from tests.support.postgres import postgres_server, postgres_url  # noqa: E402,F401
from tests.support.server_process import server_factory  # noqa: E402,F401

from .helpers import World, build_world  # noqa: E402

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            # Starlette 1.x nudges towards httpx2; httpx (a dev dependency) works the same.
            item.add_marker(pytest.mark.filterwarnings(
                "ignore:Using `httpx` with `starlette.testclient`"))


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database: a SQLite file, or a new database on the session's PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "server.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def storage(database_url: str) -> Iterator[Storage]:
    store = open_storage(database_url)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def client(storage: Storage) -> Iterator[TestClient]:
    with TestClient(create_app(storage)) as test_client:
        yield test_client


@pytest.fixture
def world(storage: Storage, client: TestClient) -> World:
    """Two teams, their social workers, two coordinators, each with an enrolled device."""
    return build_world(storage, client)
