"""Everything the meeting editor needs, read in one go on the worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...store.store import Store
from .form import AttemptInput, MeetingForm, ObservationInput, draft_key


@dataclass(frozen=True)
class Person:
    id: str
    alias: str
    status: str


@dataclass(frozen=True)
class ChallengeChoice:
    id: str
    title: str


@dataclass
class EditorData:
    team_id: str
    people: list[Person]  # who can be ticked, alphabetical
    challenges: dict[str, list[ChallengeChoice]]  # youngster id → challenges to pick from
    stored: MeetingForm  # the meeting as stored (or a blank new one)
    draft: dict[str, Any] | None = None


def load_editor_data(store: Store, team_id: str, meeting_id: str | None) -> EditorData:
    """The team's active and intake youngsters, their active challenges, the meeting, the draft."""
    youngsters = store.youngsters.list(team_id)
    present: set[str] = set()
    form = MeetingForm(team_id=team_id, date=store.today().isoformat())
    attempts: list[dict[str, Any]] = []
    if meeting_id:
        meeting = store.meetings.get(meeting_id)
        present = store.meetings.attendee_ids(meeting_id)
        form = MeetingForm(
            team_id=team_id, meeting_id=meeting_id, date=meeting["date"],
            place=meeting.get("place") or "", activities=meeting.get("activities") or "",
            notes=meeting.get("notes") or "", present=sorted(present),
            observations=[ObservationInput(
                youngster_id=o["youngster_id"], behaviour=o["behaviour"] or "",
                context=o.get("context") or "", suspected_cause=o["suspected_cause"],
                cause_detail=o.get("cause_detail") or "", tags=list(o.get("tags") or []),
                id=o["id"], key=o["id"]) for o in store.observations.for_meeting(meeting_id)])
        for y in present:
            attempts += [a for a in store.challenges.attempts_for_youngster(y)
                         if a.get("meeting_id") == meeting_id]
        form.attempts = [AttemptInput(
            youngster_id=a["youngster_id"], challenge_id=a["challenge_id"],
            what_happened=a["what_happened"] or "", how_it_felt=a.get("how_it_felt") or "",
            outcome=a.get("outcome") or "", id=a["id"], key=a["id"]) for a in attempts]
    # Exited youngsters are listed only when they attended this meeting.
    people = [Person(y["id"], y["alias"], y["status"]) for y in youngsters
              if y["status"] in ("active", "intake") or y["id"] in present]
    people.sort(key=lambda p: p.alias.casefold())
    used = {a["challenge_id"] for a in attempts}
    challenges: dict[str, list[ChallengeChoice]] = {}
    for person in people:
        challenges[person.id] = [
            ChallengeChoice(c["id"], c["title"])
            for c in store.challenges.for_youngster(person.id)
            if c["status"] == "active" or c["id"] in used]
    return EditorData(team_id=team_id, people=people, challenges=challenges, stored=form,
                      draft=store.drafts.load(draft_key(meeting_id)))
