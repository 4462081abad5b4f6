"""Social challenges a youngster takes on, and each attempt at them."""

from __future__ import annotations

from typing import Any

from .records import Record, Saved
from .repository import Repository


class Challenges(Repository):
    def add(self, *, team_id: str, youngster_id: str, title: str, works_on: str | None = None,
            works_on_kind: str | None = None, status: str = "proposed") -> Saved:
        return self.records.insert("challenge", {
            "youngster_id": youngster_id, "title": title, "works_on": works_on,
            "works_on_kind": works_on_kind, "status": status,
        }, team_id=team_id)

    def update(self, challenge_id: str, **changes: Any) -> Saved:
        return self.records.update("challenge", challenge_id, changes)

    def set_status(self, challenge_id: str, status: str) -> Saved:
        return self.update(challenge_id, status=status)

    def get(self, challenge_id: str) -> Record:
        return self.records.get("challenge", challenge_id)

    def for_youngster(self, youngster_id: str) -> list[Record]:
        return self.records.find("challenge", "youngster_id = ?", (youngster_id,),
                                 order_by="id")

    def active(self, team_id: str) -> list[Record]:
        return self.records.find("challenge", "team_id = ? AND status = 'active'", (team_id,),
                                 order_by="id")

    def delete(self, challenge_id: str) -> Saved:
        return self.records.delete("challenge", challenge_id)

    def add_attempt(self, *, challenge_id: str, date: str, what_happened: str,
                    how_it_felt: str | None = None, outcome: str | None = None,
                    meeting_id: str | None = None) -> Saved:
        challenge = self.get(challenge_id)
        return self.records.insert("challenge_attempt", {
            "challenge_id": challenge_id, "youngster_id": challenge["youngster_id"],
            "meeting_id": meeting_id, "date": date, "what_happened": what_happened,
            "how_it_felt": how_it_felt, "outcome": outcome,
        }, team_id=challenge["team_id"])

    def update_attempt(self, attempt_id: str, **changes: Any) -> Saved:
        return self.records.update("challenge_attempt", attempt_id, changes)

    def attempts(self, challenge_id: str) -> list[Record]:
        return self.records.find("challenge_attempt", "challenge_id = ?", (challenge_id,),
                                 order_by="date, id")

    def attempts_for_youngster(self, youngster_id: str) -> list[Record]:
        return self.records.find("challenge_attempt", "youngster_id = ?", (youngster_id,),
                                 order_by="date, id")

    def attempt_counts(self, team_id: str) -> dict[str, int]:
        """challenge id → number of attempts, for a whole team in one (team_id-indexed)
        query instead of one `attempts` call per challenge."""
        rows = self.db.query(
            "SELECT challenge_id, count(*) AS n FROM challenge_attempt "
            "WHERE team_id = ? AND deleted = 0 GROUP BY challenge_id", (team_id,))
        return {r["challenge_id"]: r["n"] for r in rows}
