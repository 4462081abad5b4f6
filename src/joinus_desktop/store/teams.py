"""Teams: a Join Us group in a municipality."""

from __future__ import annotations

from .errors import NotFound
from .records import Record, Saved
from .repository import Repository


class Teams(Repository):
    def create(self, *, name: str, municipality: str, age_group: str | None = None,
               team_id: str | None = None) -> Saved:
        from ..domain.ids import uuid7

        team_id = team_id or uuid7()
        return self.records.insert("team", {"name": name, "municipality": municipality,
                                            "age_group": age_group},
                                   team_id=team_id, record_id=team_id)

    def list(self) -> list[Record]:
        return self.records.find("team", order_by="name")

    def get(self, team_id: str) -> Record:
        return self.records.get("team", team_id)

    def current(self) -> Record:
        """The team this laptop works for: the chosen one, else the only/first one."""
        chosen = self.store.meta("current_team")
        teams = self.list()
        for team in teams:
            if team["id"] == chosen:
                return team
        if not teams:
            raise NotFound("team", chosen or "(none)")
        return teams[0]

    def set_current(self, team_id: str) -> None:
        self.get(team_id)
        self.store.set_meta("current_team", team_id)
