"""The base of every repository: access to the store's records and database."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Store


class Repository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.records = store.records
        self.db = store.db
