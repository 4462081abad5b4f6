"""Youngsters: the people a group works with. Minimal by design: no address, no phone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .records import Record, Saved
from .repository import Repository


class Youngsters(Repository):
    def add(self, *, team_id: str, alias: str, intake_date: str, birth_year: int | None = None,
            status: str = "intake", **fields: Any) -> Saved:
        return self.records.insert("youngster", {
            "alias": alias, "intake_date": intake_date, "birth_year": birth_year,
            "status": status, **fields,
        }, team_id=team_id)

    def update(self, youngster_id: str, **changes: Any) -> Saved:
        return self.records.update("youngster", youngster_id, changes)

    def get(self, youngster_id: str) -> Record:
        return self.records.get("youngster", youngster_id)

    def list(self, team_id: str, *, status: str | None = None,
             search: str | None = None) -> list[Record]:
        where, params = "team_id = ?", [team_id]
        if status:
            where += " AND status = ?"
            params.append(status)
        if search:
            where += " AND alias LIKE ? ESCAPE '\\'"
            escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        return self.records.find("youngster", where, tuple(params),
                                 order_by="alias COLLATE NOCASE")

    def exit(self, youngster_id: str, *, exit_date: str, reason: str,
             note: str | None = None) -> Saved:
        """Leave the programme. The exit measurement then becomes due (see schedule)."""
        return self.update(youngster_id, status="exited", exit_date=exit_date,
                           exit_reason=reason, exit_note=note)

    def record_consent(self, youngster_id: str, *, consent_date: str, youngster: bool,
                       guardian: bool) -> Saved:
        return self.update(youngster_id, consent_date=consent_date, consent_youngster=youngster,
                           consent_guardian=guardian)

    def age_at(self, youngster: Record, when: dt.date) -> int | None:
        return when.year - youngster["birth_year"] if youngster.get("birth_year") else None

    def delete(self, youngster_id: str) -> Saved:
        return self.records.delete("youngster", youngster_id)
