"""The device's audit log: who opened, changed or exported which record, and when.

It names records by id and never holds content, so it can be shown to an
administrator and synced without exposing notes.
"""

from __future__ import annotations

import json
from typing import Any

from .records import now_iso
from .repository import Repository

ACTIONS = {"open", "create", "change", "delete", "export", "import", "erase", "unlock",
           "recover"}


class AuditLog(Repository):
    def record(self, action: str, entity: str | None = None, record_id: str | None = None,
               **detail: str | int) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        with self.db.write() as db:
            db.execute(
                "INSERT INTO audit_log (at, actor, action, entity, record_id, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (now_iso(), self.store.author(), action, entity, record_id,
                 json.dumps(detail) if detail else None))

    def entries(self, *, record_id: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        if record_id:
            return self.db.query("SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq DESC "
                                 "LIMIT ?", (record_id, limit))
        return self.db.query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,))

    def since(self, seq: int, *, limit: int = 500) -> list[dict[str, Any]]:
        """Entries after ``seq`` in order, as the server takes them (no detail field)."""
        return self.db.query(
            "SELECT seq, at, actor, action, entity, record_id FROM audit_log WHERE seq > ? "
            "ORDER BY seq LIMIT ?", (seq, limit))
