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

        Both sync like any other change, so the whole team sees the decision.
        """
        with self.db.write():
            conflict = self.records.get("conflict", conflict_id)
            current = self.records.get(conflict["entity"], conflict["record_id"],
                                       include_deleted=True)
            if current.get(conflict["field"]) != value:
                self.records.update(conflict["entity"], conflict["record_id"],
                                    {conflict["field"]: value})
            return self.records.update("conflict", conflict_id, {"resolved": True})
