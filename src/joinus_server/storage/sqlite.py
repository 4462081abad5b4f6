"""SQLite backend: one file, WAL, stdlib ``sqlite3``; the default that needs no setup."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StorageUnavailable
from .base import Storage
from .queries import Dialect

DIALECT = Dialect(name="sqlite", placeholder="?", lock_suffix="",
                  serial="INTEGER PRIMARY KEY AUTOINCREMENT")
BUSY_TIMEOUT_S = 30.0
log = logging.getLogger(__name__)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL, waiting out other first starts doing the same.

    Changing the journal mode does not wait on the busy timeout: two processes
    opening a brand-new database at once would otherwise fail with "database is
    locked". WAL is persistent, so once one of them succeeded the rest only read it.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SqliteStorage(Storage):
    dialect = DIALECT

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            # Data about minors: readable by the server's account only (WAL files follow).
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # One connection per thread; transactions are begun explicitly below.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            _use_wal(conn)
            # FULL: a push the server acknowledged survives a power cut; clients
            # drop their outbox on that acknowledgement.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Deleted rows are overwritten with zeros, not left readable in free pages
            # and slack space: an erased youngster's text must not stay in the file.
            conn.execute("PRAGMA secure_delete = ON")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Any]:
        conn = self._connection()
        try:
            # IMMEDIATE takes the write lock up front, so writers queue on the busy
            # timeout instead of failing on a lock upgrade; a plain BEGIN is a snapshot.
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.OperationalError as exc:
            raise StorageUnavailable(f"SQLite database busy or unreadable: {exc}") from exc
        try:
            yield conn.cursor()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def after_purge(self) -> None:
        """Copy the WAL into the database file and truncate it to zero bytes.

        The WAL still holds the page images from before the purge (the erased text);
        a TRUNCATE checkpoint writes the zeroed pages back and empties it. A reader in
        the middle of a snapshot can keep the checkpoint from finishing: it is retried
        briefly, then left to the next purge (logged).
        """
        conn = self._connection()
        deadline = time.monotonic() + 5.0
        while True:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            if time.monotonic() > deadline:
                log.warning("the WAL could not be truncated after an erasure (readers busy); "
                            "it will be at the next one, or run: sqlite3 %s "
                            "'PRAGMA wal_checkpoint(TRUNCATE)'", self.path)
                return
            time.sleep(0.05)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:  # pragma: no cover - closed from its thread
                    pass
            self._all.clear()
        self._local = threading.local()
