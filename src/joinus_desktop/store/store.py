"""The unlocked store: a vault's database, its clock, and the repositories.

This is what the UI, the CLI and the sync engine hold. It is safe to use from
several threads: writes are serialised, each thread reads on its own connection.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from ..domain.hlc import HybridClock
from ..domain.ids import uuid7
from ..domain.instruments import InstrumentRegistry
from . import schema
from .database import Database
from .keyfile import DEFAULT_ARGON2, Argon2Params
from .records import Records
from .vault import Vault

log = logging.getLogger(__name__)


class Store:
    def __init__(self, vault: Vault, *, instruments: InstrumentRegistry | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        from .audit import AuditLog
        from .challenges import Challenges
        from .conflicts import Conflicts
        from .drafts import Drafts
        from .erasure import Erasure
        from .meetings import Meetings
        from .observations import Observations
        from .questionnaires import Questionnaires
        from .sync_state import SyncState
        from .teams import Teams
        from .youngsters import Youngsters

        self.vault = vault
        self.db = Database(vault)
        schema.apply(self.db.writer)
        self.device_id = self._meta_default("device_id", lambda: uuid7().replace("-", "")[:16])
        self.clock = HybridClock(self.device_id, last=self.meta("hlc"))
        self.instruments = instruments or InstrumentRegistry.builtin()
        self.today = today
        self.records = Records(self.db, self.clock, author=self.author, today=today)
        self.teams = Teams(self)
        self.youngsters = Youngsters(self)
        self.meetings = Meetings(self)
        self.observations = Observations(self)
        self.challenges = Challenges(self)
        self.questionnaires = Questionnaires(self)
        self.conflicts = Conflicts(self)
        self.erasure = Erasure(self)
        self.audit = AuditLog(self)
        self.drafts = Drafts(self)
        self.sync = SyncState(self)

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(cls, root: Path, passphrase: str, *, argon2: Argon2Params = DEFAULT_ARGON2,
               **kwargs: object) -> tuple[Store, str]:
        vault, recovery_text = Vault.create(root, passphrase, argon2=argon2)
        try:
            return cls(vault, **kwargs), recovery_text  # type: ignore[arg-type]
        except BaseException:
            vault.lock()
            raise

    @classmethod
    def open(cls, root: Path, passphrase: str, **kwargs: object) -> Store:
        vault = Vault.unlock(root, passphrase)
        try:
            return cls(vault, **kwargs)  # type: ignore[arg-type]
        except BaseException:
            vault.lock()
            raise

    def lock(self) -> None:
        """Close every connection and drop the key. The Store is unusable afterwards."""
        self.db.close()
        self.vault.lock()

    close = lock

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -- metadata ----------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM vault_meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self.db.write() as db:
            if value is None:
                db.conn.execute("DELETE FROM vault_meta WHERE key = ?", (key,))
            else:
                db.conn.execute("INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)",
                                (key, value))

    def _meta_default(self, key: str, make: Callable[[], str]) -> str:
        value = self.meta(key)
        if value is None:
            value = make()
            self.set_meta(key, value)
        return value

    def author(self) -> str:
        """Who writes: the enrolled user, or this device before enrolment."""
        return self.meta("user_id") or f"device:{self.device_id}"

    def schema_version(self) -> int:
        return schema.current_version(self.db.read())

    def diagnostics(self) -> dict[str, object]:
        rows = self.db.query("PRAGMA cipher_version")
        return {
            "cipher_version": rows[0]["cipher_version"] if rows else None,
            "schema_version": self.schema_version(),
            "vault_id": self.vault.vault_id,
            "device_id": self.device_id,
            "pending_changes": self.pending_changes(),
        }

    def pending_changes(self) -> int:
        return self.db.query("SELECT count(*) AS n FROM outbox")[0]["n"]
