"""Unsaved form input, kept inside the vault so a crash or auto-lock loses nothing."""

from __future__ import annotations

import json
from typing import Any

from .records import now_iso
from .repository import Repository


class Drafts(Repository):
    def save(self, key: str, payload: dict[str, Any]) -> None:
        with self.db.write() as db:
            db.execute("INSERT OR REPLACE INTO draft (key, payload, updated_at) VALUES (?, ?, ?)",
                       (key, json.dumps(payload, ensure_ascii=False), now_iso()))

    def load(self, key: str) -> dict[str, Any] | None:
        rows = self.db.query("SELECT payload FROM draft WHERE key = ?", (key,))
        return json.loads(rows[0]["payload"]) if rows else None

    def discard(self, key: str) -> None:
        with self.db.write() as db:
            db.execute("DELETE FROM draft WHERE key = ?", (key,))

    def keys(self) -> list[str]:
        return [r["key"] for r in self.db.query("SELECT key FROM draft ORDER BY key")]
