"""The storage interface: transactions that hand out a :class:`~.queries.Tx`.

A backend only knows how to open connections and transactions; the SQL lives
once in :mod:`.queries` and the schema once in :mod:`.migrations`. Nothing is
cached in the process between requests, so several workers or machines can
share one PostgreSQL database.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Self

from joinus_desktop.domain.hlc import wall_clock_ms

from .migrations import LATEST_VERSION, MIGRATIONS
from .queries import Dialect, Tx


class StorageError(Exception):
    """The database is in a state this server cannot work with (e.g. a newer schema)."""


class Storage(ABC):
    dialect: Dialect
    url: str

    @abstractmethod
    def _transaction(self, *, write: bool) -> AbstractContextManager[Any]:
        """A context yielding a DB-API cursor inside one transaction (committed on exit).

        ``write=True`` transactions exclude other writers as needed by the backend;
        ``write=False`` ones read one consistent snapshot.
        """

    @abstractmethod
    def close(self) -> None:
        """Release every connection."""

    def _lock_migrations(self, tx: Tx) -> None:  # noqa: B027 - a hook, empty by default
        """Keep two processes from migrating at once (SQLite's write lock already does)."""

    def after_purge(self) -> None:  # noqa: B027 - a hook, empty by default
        """Called after an erasure committed: drop copies of the erased content the
        backend still keeps outside its live pages (SQLite: the write-ahead log).
        PostgreSQL keeps dead row versions until VACUUM (docs/privacy.md)."""

    @contextmanager
    def write(self) -> Iterator[Tx]:
        with self._transaction(write=True) as cursor:
            yield Tx(cursor, self.dialect)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self._transaction(write=False) as cursor:
            yield Tx(cursor, self.dialect)

    def _current_version(self, tx: Tx) -> int:
        tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                   " description TEXT NOT NULL, applied_at BIGINT NOT NULL)")
        row = tx.one("SELECT MAX(version) FROM schema_migrations")
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> list[int]:
        """Apply every migration the database lacks; the versions applied."""
        applied: list[int] = []
        with self.write() as tx:
            self._lock_migrations(tx)
            current = self._current_version(tx)
            if current > LATEST_VERSION:
                raise StorageError(
                    f"the database has schema version {current}, newer than this server "
                    f"understands ({LATEST_VERSION}): upgrade joinus-server")
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in migration.statements:
                    tx.execute(statement.replace("{serial}", self.dialect.serial))
                if migration.after is not None:
                    migration.after(tx)
                tx.execute("INSERT INTO schema_migrations (version, description, applied_at)"
                           " VALUES (?, ?, ?)",
                           (migration.version, migration.description, wall_clock_ms()))
                applied.append(migration.version)
        return applied

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
