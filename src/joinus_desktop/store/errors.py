"""The store's exceptions: one hierarchy, each saying in words what went wrong.

sqlcipher3 raises its own exception classes, which callers (and sqlite-utils)
do not know; the store translates them at its boundary into these.
"""

from __future__ import annotations

import math

from ..domain.problems import Problem


class StoreError(Exception):
    """Base class: anything the store reports to its callers."""


class VaultError(StoreError):
    """The vault cannot be opened, created or changed."""


class VaultNotFound(VaultError):
    def __init__(self, where: str) -> None:
        super().__init__(f"No vault found in {where}. Create one first (joinus-desktop init).")


class VaultExists(VaultError):
    def __init__(self, where: str) -> None:
        super().__init__(f"A vault already exists in {where}.")


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("Wrong passphrase.")


class WrongRecoveryKey(VaultError):
    def __init__(self, detail: str = "This recovery key does not open the vault.") -> None:
        super().__init__(detail)


class KeyFileDamaged(VaultError):
    """The key file is unreadable or fails its checksum: damaged on disk."""


class KeyFileTampered(VaultError):
    """The key file opened but its authentication code does not match: it was altered."""


class DatabaseDamaged(VaultError):
    """The database file is missing, damaged, or not the one this key file belongs to."""


class VaultInUse(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "The vault is already open in another Join Us window or process. Close it there first."
        )


class VaultLocked(StoreError):
    def __init__(self) -> None:
        super().__init__("The vault is locked.")


class WeakPassphrase(VaultError):
    """A new passphrase breaks the rule (:mod:`.passphrase_policy`); ``rating`` says why."""

    def __init__(self, message: str, *, rating: object | None = None) -> None:
        super().__init__(message)
        self.rating = rating  # a passphrase_policy.Rating (kept untyped: no import cycle)


class UnlockThrottled(VaultError):
    """Too many wrong tries: the next one is allowed after ``wait_s`` seconds."""

    def __init__(self, wait_s: float) -> None:
        self.wait_s = wait_s
        seconds = max(1, math.ceil(wait_s))
        super().__init__(
            f"Too many wrong tries. Wait {seconds} second{'s' if seconds != 1 else ''} "
            "before the next try."
        )


class ValidationError(StoreError):
    """A record breaks the domain rules; ``problems`` says which field and why."""

    def __init__(self, entity: str, problems: list[Problem], record_id: str | None = None) -> None:
        self.entity = entity
        self.problems = problems
        self.record_id = record_id
        super().__init__("; ".join(p.message("en") for p in problems if p.is_error))


class NotFound(StoreError):
    def __init__(self, entity: str, record_id: str) -> None:
        self.entity = entity
        self.record_id = record_id
        super().__init__(f"No {entity.replace('_', ' ')} with id {record_id}.")


class ReadOnlyRecord(StoreError):
    pass
