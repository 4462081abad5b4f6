"""Conflicts: a value that lost a concurrent edit, kept until a person decides."""

from __future__ import annotations

from typing import Any

from .records import Record, Saved
from .repository import Repository


class Conflicts(Repository):
    def open(self, team_id: str) -> list[Record]:
        return self.records.find("conflict", "team_id = ? AND resolved = 0", (team_id,),
                                 order_by="id")

    def resolve(self, conflict_id: str, value: Any) -> Saved:
        """Keep ``value`` (either side, or a combination): an ordinary edit plus a mark.

        Both sync like any other change, so the whole team sees the decision. A
        delete conflict is about field ``deleted``: ``True`` keeps the delete, ``False``
        keeps the record (its hidden copy holds the same values on every laptop).
        A conflict about another field of a record deleted since: text the worker
        chooses or combines brings the record back with it, so it is never left
        hidden; keeping the value it holds already (not the other version) keeps
        the delete.
        """
        with self.db.write():
            conflict = self.records.get("conflict", conflict_id)
            entity, record_id, name = conflict["entity"], conflict["record_id"], conflict["field"]
            current = self.records.get(entity, record_id, include_deleted=True)
            if name != "deleted" and current["deleted"] and (
                    current.get(name) != value or value == conflict["value"]):
                # Written even if this laptop's hidden copy holds it already: a copy
                # from before every laptop kept the same one may differ elsewhere.
                self.records.update(entity, record_id, {name: value, "deleted": False},
                                    rewrite=(name,))
            elif current.get(name) != value:
                self.records.update(entity, record_id, {name: value})
            return self.records.update("conflict", conflict_id, {"resolved": True})
