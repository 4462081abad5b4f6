"""Observations: behaviour a social worker saw, and what may lie beneath it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .records import Record, Saved
from .repository import Repository


class Observations(Repository):
    def add(self, *, team_id: str, youngster_id: str, date: str, behaviour: str,
            meeting_id: str | None = None, context: str | None = None,
            suspected_cause: str = "unknown", cause_detail: str | None = None,
            tags: Sequence[str] = ()) -> Saved:
        return self.records.insert("observation", {
            "youngster_id": youngster_id, "meeting_id": meeting_id, "date": date,
            "behaviour": behaviour, "context": context, "suspected_cause": suspected_cause,
            "cause_detail": cause_detail, "tags": list(tags),
        }, team_id=team_id)

    def add_many(self, *, team_id: str, observations: Sequence[Mapping[str, Any]]) -> list[Saved]:
        """Record many at once (a meeting's fan-out): one transaction, one outbox batch."""
        return self.records.insert_many("observation", observations, team_id=team_id)

    def update(self, observation_id: str, **changes: Any) -> Saved:
        return self.records.update("observation", observation_id, changes)

    def delete(self, observation_id: str) -> Saved:
        return self.records.delete("observation", observation_id)

    def for_youngster(self, youngster_id: str) -> list[Record]:
        return self.records.find("observation", "youngster_id = ?", (youngster_id,),
                                 order_by="date DESC, id DESC")

    def for_meeting(self, meeting_id: str) -> list[Record]:
        return self.records.find("observation", "meeting_id = ?", (meeting_id,), order_by="id")
