"""What the Today screen shows, read on the worker thread as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain import method, schedule
from ...store.store import Store

UPCOMING_MEETINGS = 2


@dataclass(frozen=True)
class MeetingLine:
    date: str
    place: str
    present: int


@dataclass(frozen=True)
class DueLine:
    youngster_id: str
    alias: str
    moment_label: str
    overdue: bool
    meetings_until_due: int = 0


@dataclass(frozen=True)
class ChallengeLine:
    alias: str
    title: str
    works_on: str
    attempts: int


@dataclass(frozen=True)
class TodaySnapshot:
    team_name: str
    today: str
    next_meeting: MeetingLine | None
    last_meeting: MeetingLine | None
    due: list[DueLine] = field(default_factory=list)
    upcoming: list[DueLine] = field(default_factory=list)  # due within a few meetings
    challenges: list[ChallengeLine] = field(default_factory=list)


def load_today(store: Store, team_id: str, lang: str) -> TodaySnapshot:
    today = store.today().isoformat()
    team = store.teams.get(team_id)
    aliases = {y["id"]: y["alias"] for y in store.youngsters.list(team_id)}
    meetings = store.meetings.list(team_id)  # newest first
    future_meetings = [m for m in meetings if m["date"] >= today]
    past = [m for m in meetings if m["date"] < today]

    def line(m: dict | None) -> MeetingLine | None:
        if m is None:
            return None
        return MeetingLine(m["date"], m.get("place") or "",
                           len(store.meetings.attendee_ids(m["id"])))

    statuses = store.questionnaires.statuses(team_id)  # the whole team in three queries
    due = [DueLine(s.youngster_id, aliases.get(s.youngster_id, "?"),
                   schedule.moment_label(s.next_moment, lang) if s.next_moment else "",
                   s.overdue)
           for s in schedule.due_list(statuses)]  # what questionnaires.due returns
    # Who comes due soon, so the next questionnaires can be planned (and printed).
    upcoming = sorted(
        (DueLine(s.youngster_id, aliases.get(s.youngster_id, "?"),
                 schedule.moment_label(s.next_moment, lang), False, s.meetings_until_due)
         for s in statuses
         if s.next_moment and not s.due and 0 < s.meetings_until_due <= UPCOMING_MEETINGS),
        key=lambda d: (d.meetings_until_due, d.alias.casefold()))
    attempts = store.challenges.attempt_counts(team_id)  # one query, not one per challenge
    challenges = []
    for c in store.challenges.active(team_id):
        works_on = c.get("works_on") or (method.term(method.SUSPECTED_CAUSES,
                                                     c["works_on_kind"], lang)
                                         if c.get("works_on_kind") else "")
        challenges.append(ChallengeLine(aliases.get(c["youngster_id"], "?"), c["title"],
                                        works_on, attempts.get(c["id"], 0)))
    challenges.sort(key=lambda c: c.alias.casefold())
    return TodaySnapshot(team_name=team["name"], today=today,
                         next_meeting=line(future_meetings[-1] if future_meetings else None),
                         last_meeting=line(past[0] if past else None),
                         due=due, upcoming=upcoming, challenges=challenges)
