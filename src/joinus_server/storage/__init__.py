"""Storage: one interface (:class:`Storage` handing out :class:`Tx`), two backends."""

from __future__ import annotations

from pathlib import Path

from .base import Storage, StorageError
from .queries import Tx

__all__ = ["Storage", "StorageError", "Tx", "open_storage"]


def open_storage(url: str, *, migrate: bool = True) -> Storage:
    """Open the database at ``url`` (``sqlite:///path`` or ``postgresql://…``).

    Migrations run on open unless ``migrate=False``.
    """
    storage: Storage
    if url.startswith("sqlite:///"):
        from .sqlite import SqliteStorage

        storage = SqliteStorage(Path(url[len("sqlite:///"):]))
    elif url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStorage

        storage = PostgresStorage(url)
    else:
        raise StorageError("the database URL must start with sqlite:/// or postgresql://")
    if migrate:
        try:
            storage.migrate()
        except BaseException:
            storage.close()
            raise
    return storage
