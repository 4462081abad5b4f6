"""Connections to an unlocked vault: one writer, one reader per thread.

Following Datasette's pattern: every write goes through :meth:`Database.write`
(serialised by a lock, ``BEGIN IMMEDIATE`` … ``COMMIT``), and each thread reads
on a connection of its own, so a UI-thread read never waits behind a sync
worker's write (WAL lets readers see the last committed state).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import sqlcipher3
import sqlite_utils

from .errors import DatabaseDamaged, StoreError, VaultLocked
from .vault import Vault

log = logging.getLogger(__name__)


T = TypeVar("T")


def placeholders(count: int) -> str:
    """``?,?,…`` for an ``IN (…)`` list of ``count`` values."""
    return ",".join("?" * count)


def chunked(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """``items`` in runs of at most ``size``: one ``IN (…)`` list each."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def translate(exc: sqlcipher3.Error) -> StoreError:
    """sqlcipher3's own exceptions, which sqlite-utils does not know, as ours."""
    text = str(exc)
    if "malformed" in text or "not a database" in text:
        return DatabaseDamaged(f"The database is damaged ({text}).")
    return StoreError(f"Database error: {text}")


class Database:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._write_lock = threading.RLock()
        self._writer_thread: int | None = None
        self._by_thread: dict[int, sqlite_utils.Database] = {}
        self._readers: list[sqlcipher3.Connection] = []
        self._readers_lock = threading.Lock()
        self.writer = sqlite_utils.Database(vault.connect())
        self._closed = False

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction; nested calls become savepoints of the outer one."""
        with self._write_lock:
            if self._closed:
                raise VaultLocked()
            if self.writer.conn.in_transaction:
                with self.writer.atomic():
                    yield self.writer
                return
            self._writer_thread = threading.get_ident()
            try:
                self.writer.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.writer
                except BaseException:
                    if self.writer.conn.in_transaction:
                        self.writer.conn.execute("ROLLBACK")
                    raise
                else:
                    self.writer.conn.execute("COMMIT")
            except sqlcipher3.Error as exc:
                raise translate(exc) from exc
            finally:
                self._writer_thread = None

    def read(self) -> sqlite_utils.Database:
        """This thread's read connection (the writer's, inside this thread's write)."""
        if self._closed:
            raise VaultLocked()
        if self._writer_thread == threading.get_ident():
            return self.writer
        # Keyed by the OS thread, not threading.local: Qt's pool threads may get a fresh
        # Python thread state per task, which would open (and leak) a connection each time.
        ident = threading.get_ident()
        db = self._by_thread.get(ident)
        if db is None:
            conn = self._vault.connect()
            conn.execute("PRAGMA query_only = ON")
            db = sqlite_utils.Database(conn)
            with self._readers_lock:
                self._readers.append(conn)
                self._by_thread[ident] = db
        return db

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Rows as dicts, with sqlcipher3 errors translated."""
        try:
            cursor = self.read().execute(sql, params)
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]
        except sqlcipher3.Error as exc:
            raise translate(exc) from exc

    def checkpoint(self) -> None:
        """Fold the WAL back into the database and truncate it (after an erasure)."""
        with self._write_lock:
            self.writer.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close every connection. Other threads' next read raises VaultLocked."""
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            with self._readers_lock:
                for conn in self._readers:
                    try:
                        conn.close()
                    except sqlcipher3.Error:  # pragma: no cover - closing is best effort
                        log.warning("a reader connection did not close cleanly")
                self._readers.clear()
                self._by_thread.clear()
            self.writer.conn.close()
