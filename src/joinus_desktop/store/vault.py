"""The vault: one SQLCipher database and one key file in a profile folder.

A random 256-bit data key is SQLCipher's raw key. The key file (see
:mod:`.keyfile`) wraps it under the passphrase and under a one-time recovery
key; changing the passphrase re-wraps and never re-encrypts the database.
An unlocked :class:`Vault` holds the key and an inter-process lock until
:meth:`Vault.lock`.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import filelock
import sqlcipher3

from ..domain.ids import uuid7
from . import recovery_key
from .errors import (
    DatabaseDamaged,
    KeyFileDamaged,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .files import PRIVATE_FILE, create_private_file, make_private, make_private_dir
from .keyfile import (
    DATA_KEY_BYTES,
    DEFAULT_ARGON2,
    Argon2Params,
    KeyFile,
    b64,
    derive_passphrase_kek,
    derive_recovery_kek,
)
from .passphrase_policy import require_strong
from .unlock_attempts import UnlockThrottle

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class VaultPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "vault.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "vault.key"

    @property
    def lockfile(self) -> Path:
        return self.root / "vault.lock"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def unlock_attempts(self) -> Path:
        """Failed unlocks so far (the back-off), next to the key file."""
        return self.root / "unlock-attempts.json"

    def exists(self) -> bool:
        return self.keyfile.exists() or self.database.exists()

    def make_private(self) -> None:
        """The profile folder 0700 and the files the app keeps in it 0600.

        New files are created so; this tightens a profile made by an older version or
        restored from a backup. Only files the app knows are touched: ``--data-dir``
        may point at a folder that holds other things too.
        """
        make_private_dir(self.root)
        database = self.database
        for path in (self.keyfile, database, self.lockfile, self.unlock_attempts,
                     database.with_name(database.name + "-wal"),
                     database.with_name(database.name + "-shm"),
                     database.with_name(database.name + "-journal")):
            make_private(path)
        if self.logs.is_dir():
            make_private(self.logs, directory=True)
            for log_file in self.logs.iterdir():
                if log_file.is_file():
                    make_private(log_file)


def check_passphrase(passphrase: str) -> None:
    """The rule for a new passphrase (never for unlocking: an old vault still opens)."""
    require_strong(passphrase)


def open_connection(path: Path, data_key: bytes) -> sqlcipher3.Connection:
    """A keyed SQLCipher connection with the pragmas every connection needs.

    The key must be the first statement; autocommit mode (isolation_level None)
    so transactions are only ever the explicit ones the store opens.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              timeout=SQLITE_BUSY_TIMEOUT_S)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no SQLCipher chatter on stderr
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses nothing
        conn.execute("PRAGMA secure_delete = ON")  # erased content is overwritten, not left in free pages
        conn.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never hit disk
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged(
            "The database cannot be opened: it is damaged, or it does not belong to this "
            "key file."
        ) from exc
    return conn


class Vault:
    """An unlocked vault. Create with :meth:`create`, :meth:`unlock` or :meth:`recover`."""

    def __init__(self, paths: VaultPaths, keyfile: KeyFile, data_key: bytes,
                 process_lock: filelock.BaseFileLock) -> None:
        self.paths = paths
        self.keyfile = keyfile
        self._key: bytearray | None = bytearray(data_key)
        self._process_lock = process_lock
        self._mutex = threading.Lock()

    # -- opening ---------------------------------------------------------------

    @staticmethod
    def _acquire(paths: VaultPaths) -> filelock.BaseFileLock:
        paths.make_private()
        lock = filelock.FileLock(str(paths.lockfile), mode=PRIVATE_FILE, thread_local=False,
                                 is_singleton=False)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            raise VaultInUse() from None
        return lock

    @classmethod
    def create(cls, root: Path, passphrase: str, *,
               argon2: Argon2Params = DEFAULT_ARGON2) -> tuple[Vault, str]:
        """A new, empty vault; returns it unlocked with the recovery key text to show once."""
        paths = VaultPaths(Path(root))
        if paths.exists():
            raise VaultExists(str(root))
        check_passphrase(passphrase)
        lock = cls._acquire(paths)
        try:
            data_key = secrets.token_bytes(DATA_KEY_BYTES)
            keyfile = KeyFile(vault_id=uuid7(),
                              created_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
            wrap_passphrase(keyfile, passphrase, data_key, argon2)
            recovery_text, recovery_secret = recovery_key.generate()
            wrap_recovery(keyfile, recovery_secret, data_key)
            keyfile.seal(data_key)
            # 0600 before SQLite writes to it; its -wal and -shm files copy this mode.
            create_private_file(paths.database)
            conn = open_connection(paths.database, data_key)
            try:
                conn.execute("CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                conn.execute("INSERT INTO vault_meta VALUES ('vault_id', ?)", (keyfile.vault_id,))
            finally:
                conn.close()
            # The key file goes last: a vault folder with a key file always has its database.
            keyfile.write(paths.keyfile)
        except BaseException:
            lock.release()
            raise
        log.info("vault created")
        return cls(paths, keyfile, data_key, lock), recovery_text

    @classmethod
    def _open(cls, root: Path, unwrap: Callable[[KeyFile], bytes]) -> Vault:
        paths = VaultPaths(Path(root))
        if not paths.keyfile.exists():
            if paths.database.exists():
                raise KeyFileDamaged(
                    f"The key file is missing from {root}; the database cannot be opened "
                    "without it. Restore vault.key from a backup."
                )
            raise VaultNotFound(str(root))
        lock = cls._acquire(paths)
        try:
            keyfile = KeyFile.read(paths.keyfile)
            # Checked and counted under the folder's lock: two windows cannot both
            # slip a try past the back-off.
            throttle = UnlockThrottle(paths.unlock_attempts)
            throttle.check()
            try:
                data_key = unwrap(keyfile)
            except (WrongPassphrase, WrongRecoveryKey):
                throttle.failed()
                raise
            keyfile.verify(data_key)
            vault = cls(paths, keyfile, data_key, lock)
            vault._check_database()
            throttle.succeeded()
        except BaseException:
            lock.release()
            raise
        return vault

    @classmethod
    def unlock(cls, root: Path, passphrase: str) -> Vault:
        """Open with the passphrase. Slow on purpose (Argon2id): keep it off the UI thread."""

        def unwrap(keyfile: KeyFile) -> bytes:
            kek = derive_passphrase_kek(passphrase, keyfile.salt("passphrase"),
                                        keyfile.argon2_params())
            data_key = keyfile.unwrap("passphrase", kek)
            if data_key is None:
                raise WrongPassphrase()
            return data_key

        return cls._open(root, unwrap)

    @classmethod
    def recover(cls, root: Path, recovery_text: str, new_passphrase: str, *,
                argon2: Argon2Params = DEFAULT_ARGON2) -> Vault:
        """Open with the recovery key and set a new passphrase at once."""
        check_passphrase(new_passphrase)
        try:
            secret = recovery_key.parse(recovery_text)
        except recovery_key.RecoveryKeyError as exc:
            raise WrongRecoveryKey(str(exc)) from None

        def unwrap(keyfile: KeyFile) -> bytes:
            if "recovery" not in keyfile.slots:
                raise WrongRecoveryKey("This vault has no recovery key.")
            data_key = keyfile.unwrap("recovery", derive_recovery_kek(secret,
                                                                      keyfile.salt("recovery")))
            if data_key is None:
                raise WrongRecoveryKey()
            return data_key

        vault = cls._open(root, unwrap)
        vault.change_passphrase(new_passphrase, argon2=argon2)
        return vault

    def _check_database(self) -> None:
        if not self.paths.database.exists():
            raise DatabaseDamaged(
                f"The database file is missing from {self.paths.root}. Restore vault.db from "
                "a backup."
            )
        conn = self.connect()
        try:
            row = conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise DatabaseDamaged("The database is damaged (its vault record is missing).") from exc
        finally:
            conn.close()
        if row is None or row[0] != self.keyfile.vault_id:
            raise DatabaseDamaged("The database belongs to a different key file.")

    # -- use -------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._key is None

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    def connect(self) -> sqlcipher3.Connection:
        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            key = bytes(self._key)
        return open_connection(self.paths.database, key)

    def change_passphrase(self, new_passphrase: str, *, argon2: Argon2Params | None = None) -> None:
        """Re-wrap the data key under a new passphrase; the database is untouched."""
        check_passphrase(new_passphrase)
        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            data_key = bytes(self._key)
        params = argon2 or self.keyfile.argon2_params()
        wrap_passphrase(self.keyfile, new_passphrase, data_key, params)
        self.keyfile.seal(data_key)
        self.keyfile.write(self.paths.keyfile)
        log.info("passphrase changed")

    def verify_passphrase(self, passphrase: str) -> bool:
        """True when ``passphrase`` unwraps this vault (e.g. to leave hand-over mode)."""
        kek = derive_passphrase_kek(passphrase, self.keyfile.salt("passphrase"),
                                    self.keyfile.argon2_params())
        return self.keyfile.unwrap("passphrase", kek) is not None

    def new_recovery_key(self) -> str:
        """Replace the recovery key (the old one stops working); returns the new text."""
        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            data_key = bytes(self._key)
        text, secret = recovery_key.generate()
        wrap_recovery(self.keyfile, secret, data_key)
        self.keyfile.seal(data_key)
        self.keyfile.write(self.paths.keyfile)
        return text

    def wrap_for_organisation(self, public_pem: bytes) -> str:
        """Add a third wrap of the data key, to the organisation's public key."""
        from .org_recovery import wrap_for_organisation

        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            data_key = bytes(self._key)
        key_id = wrap_for_organisation(self.keyfile, data_key, public_pem)
        self.keyfile.write(self.paths.keyfile)
        return key_id

    def lock(self) -> None:
        """Forget the key and release the folder. Close connections first (the store does)."""
        with self._mutex:
            if self._key is not None:
                # Best effort: Python may hold copies, but this one does not linger.
                for i in range(len(self._key)):
                    self._key[i] = 0
                self._key = None
        if self._process_lock.is_locked:
            self._process_lock.release()


def wrap_passphrase(keyfile: KeyFile, passphrase: str, data_key: bytes,
                     params: Argon2Params) -> None:
    salt = secrets.token_bytes(16)
    kek = derive_passphrase_kek(passphrase, salt, params)
    keyfile.wrap("passphrase", kek, data_key, {
        "kdf": "argon2id", "salt": b64(salt), "memory_kib": params.memory_kib,
        "iterations": params.iterations, "lanes": params.lanes,
    })


def wrap_recovery(keyfile: KeyFile, secret: bytes, data_key: bytes) -> None:
    salt = secrets.token_bytes(16)
    keyfile.wrap("recovery", derive_recovery_kek(secret, salt), data_key,
                 {"kdf": "hkdf-sha256", "salt": b64(salt)})
