"""Meetings and who attended them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.ids import derived_id
from .records import Record, Saved
from .repository import Repository

# Namespace for attendance ids: uuid5(namespace, "meeting/youngster"). Two
# laptops ticking the same youngster offline then edit one record, not two.
ATTENDANCE_NAMESPACE = "0b6f3f0e-5a57-4d0c-9a0e-6a6f696e7573"


def attendance_id(meeting_id: str, youngster_id: str) -> str:
    return derived_id(ATTENDANCE_NAMESPACE, meeting_id, youngster_id)


class Meetings(Repository):
    def add(self, *, team_id: str, date: str, place: str | None = None,
            activities: str | None = None, notes: str | None = None) -> Saved:
        return self.records.insert("meeting", {"date": date, "place": place,
                                               "activities": activities, "notes": notes},
                                   team_id=team_id)

    def update(self, meeting_id: str, **changes: Any) -> Saved:
        return self.records.update("meeting", meeting_id, changes)

    def get(self, meeting_id: str) -> Record:
        return self.records.get("meeting", meeting_id)

    def list(self, team_id: str) -> list[Record]:
        return self.records.find("meeting", "team_id = ?", (team_id,), order_by="date DESC")

    def delete(self, meeting_id: str) -> Saved:
        return self.records.delete("meeting", meeting_id)

    def set_attendance(self, meeting_id: str, present_ids: Iterable[str]) -> None:
        """Make the ticked youngsters present and everyone else on record absent."""
        meeting = self.get(meeting_id)
        present = set(present_ids)
        with self.db.write():
            existing = {a["youngster_id"]: a for a in self.attendance(meeting_id)}
            new = [y for y in present if y not in existing]
            if new:
                self.records.insert_many(
                    "attendance",
                    [{"meeting_id": meeting_id, "youngster_id": y, "present": True} for y in new],
                    team_id=meeting["team_id"],
                    record_ids=[attendance_id(meeting_id, y) for y in new],
                )
            for youngster_id, row in existing.items():
                if row["present"] != (youngster_id in present):
                    self.records.update("attendance", row["id"],
                                        {"present": youngster_id in present})

    def attendance(self, meeting_id: str) -> list[Record]:
        return self.records.find("attendance", "meeting_id = ?", (meeting_id,))

    def attendee_ids(self, meeting_id: str) -> set[str]:
        return {a["youngster_id"] for a in self.attendance(meeting_id) if a["present"]}

    def attended_dates(self, youngster_id: str) -> list[str]:
        rows = self.db.query(
            "SELECT m.date FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE a.youngster_id = ? AND a.present = 1 AND a.deleted = 0 AND m.deleted = 0 "
            "ORDER BY m.date", (youngster_id,))
        return [r["date"] for r in rows]

    def attended_by(self, youngster_id: str) -> list[Record]:
        """The meetings one youngster was present at, newest first (indexed on
        attendance.youngster_id: no scan of the team's attendance)."""
        return self.records.find(
            "meeting", "id IN (SELECT a.meeting_id FROM attendance a WHERE a.youngster_id = ? "
            "AND a.present = 1 AND a.deleted = 0)", (youngster_id,), order_by="date DESC")

    def attendance_matrix(self, team_id: str) -> dict[str, set[str]]:
        """meeting id → ids of youngsters present, for the Group view."""
        rows = self.db.query(
            "SELECT a.meeting_id, a.youngster_id FROM attendance a "
            "JOIN youngster y ON y.id = a.youngster_id AND y.deleted = 0 "
            "WHERE a.team_id = ? AND a.present = 1 AND a.deleted = 0", (team_id,))
        matrix: dict[str, set[str]] = {}
        for row in rows:
            matrix.setdefault(row["meeting_id"], set()).add(row["youngster_id"])
        return matrix
