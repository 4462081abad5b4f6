"""PostgreSQL backend through psycopg 3 and a small connection pool."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from ..config import redact
from ..errors import StorageUnavailable
from .base import Storage
from .queries import Dialect, Tx

DIALECT = Dialect(name="postgres", placeholder="%s", lock_suffix=" FOR UPDATE",
                  serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
ENV_POOL_SIZE = "JOINUS_SERVER_DB_POOL"
MIGRATION_LOCK_KEY = 0x6A6F696E  # any constant shared by every server process


class PostgresStorage(Storage):
    dialect = DIALECT

    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        self.url = url
        size = pool_size or int(os.environ.get(ENV_POOL_SIZE, "10"))
        # One plain connection first: a wrong URL fails fast with the server's own words,
        # instead of the pool retrying (and logging) until its timeout.
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StorageUnavailable(f"cannot connect to {redact(url)}: {reason}") from exc
        self._pool = ConnectionPool(url, min_size=1, max_size=size, open=False,
                                    kwargs={"autocommit": True}, name="joinus-server")
        try:
            self._pool.open(wait=True, timeout=15)
        except PoolTimeout as exc:
            self._pool.close()
            raise StorageUnavailable(f"cannot connect to {redact(url)}") from exc

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Any]:
        try:
            with self._pool.connection(timeout=30) as conn, conn.transaction():
                cursor = conn.cursor()
                if not write:
                    # One snapshot for the whole read: a pull's page, head and counts agree.
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield cursor
        except PoolTimeout as exc:
            raise StorageUnavailable("no database connection became free in time") from exc
        except psycopg.OperationalError as exc:
            raise StorageUnavailable("the database cannot be reached") from exc

    def _lock_migrations(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))

    def close(self) -> None:
        self._pool.close()
