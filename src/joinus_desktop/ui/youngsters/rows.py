"""Plain rows for the youngsters list, built on the worker thread from store queries."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain import method, schedule
from ...store.store import Store


@dataclass(frozen=True)
class YoungsterRow:
    id: str
    alias: str
    age: int | None
    status: str  # key of method.YOUNGSTER_STATUSES
    status_label: str
    intake_date: str
    next_moment: str | None
    next_label: str  # moment label in the UI language, or "" when nothing is left
    meetings_until_due: int
    due: bool
    overdue: bool


def load_youngster_rows(store: Store, team_id: str, lang: str) -> list[YoungsterRow]:
    """Every youngster of the team with their place in the measurement schedule."""
    today = store.today()
    statuses = {s.youngster_id: s for s in store.questionnaires.statuses(team_id, today=today)}
    rows = []
    for y in store.youngsters.list(team_id):
        st = statuses.get(y["id"])
        next_moment = st.next_moment if st else None
        rows.append(YoungsterRow(
            id=y["id"], alias=y["alias"], age=store.youngsters.age_at(y, today),
            status=y["status"], status_label=method.term(method.YOUNGSTER_STATUSES,
                                                         y["status"], lang),
            intake_date=y["intake_date"], next_moment=next_moment,
            next_label=schedule.moment_label(next_moment, lang) if next_moment else "",
            meetings_until_due=st.meetings_until_due if st else 0,
            due=bool(st and st.due), overdue=bool(st and st.overdue)))
    return rows


def status_choices(lang: str) -> list[tuple[str, str]]:
    """(key, label) of every youngster status, for the filter."""
    return [(key, method.term(method.YOUNGSTER_STATUSES, key, lang))
            for key in method.YOUNGSTER_STATUSES]

