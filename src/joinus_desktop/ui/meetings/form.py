"""What the meeting editor holds, as plain data: for drafts, checks and the save.

No Qt here: the editor fills a `MeetingForm`, the draft is its `to_payload()`,
and `check_form` runs the same domain rules as the store (pure, fast enough
for the UI thread) so every problem is found at once and can be shown next to
its field, not only the first one the store would raise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from ...domain import entities
from ...domain.ids import uuid7
from ...domain.problems import Problem
from ...store.errors import ValidationError

# Where a problem belongs: ("meeting",), ("observation", key) or ("attempt", key),
# where key is the entry's stable local key (see `new_key`).
Where = tuple[str, ...]


def new_key() -> str:
    """A local key for an entry of the form (kept in drafts, never stored as a record)."""
    return uuid7()


@dataclass
class ObservationInput:
    youngster_id: str
    behaviour: str = ""
    context: str = ""
    suspected_cause: str = "unknown"
    cause_detail: str = ""
    tags: list[str] = field(default_factory=list)
    id: str | None = None  # the stored observation, when editing one
    key: str = field(default_factory=new_key)

    def is_blank(self) -> bool:
        return not (self.behaviour.strip() or self.context.strip() or self.cause_detail.strip()
                    or self.tags)

    def values(self, *, meeting_id: str | None, date: str) -> dict[str, Any]:
        return {"youngster_id": self.youngster_id, "meeting_id": meeting_id, "date": date,
                "behaviour": self.behaviour.strip(), "context": self.context.strip() or None,
                "suspected_cause": self.suspected_cause,
                "cause_detail": (self.cause_detail.strip() or None
                                 if self.suspected_cause != "unknown" else None),
                "tags": list(self.tags)}


@dataclass
class AttemptInput:
    youngster_id: str
    challenge_id: str = ""
    what_happened: str = ""
    how_it_felt: str = ""
    outcome: str = ""
    id: str | None = None
    key: str = field(default_factory=new_key)

    def is_blank(self) -> bool:
        return not (self.what_happened.strip() or self.how_it_felt.strip() or self.outcome)

    def values(self, *, meeting_id: str | None, date: str) -> dict[str, Any]:
        return {"challenge_id": self.challenge_id, "youngster_id": self.youngster_id,
                "meeting_id": meeting_id, "date": date,
                "what_happened": self.what_happened.strip(),
                "how_it_felt": self.how_it_felt.strip() or None,
                "outcome": self.outcome or None}


@dataclass
class MeetingForm:
    team_id: str
    date: str
    place: str = ""
    activities: str = ""
    notes: str = ""
    present: list[str] = field(default_factory=list)  # youngster ids, ticked
    observations: list[ObservationInput] = field(default_factory=list)
    attempts: list[AttemptInput] = field(default_factory=list)
    meeting_id: str | None = None

    @property
    def draft_key(self) -> str:
        return draft_key(self.meeting_id)

    def meeting_values(self) -> dict[str, Any]:
        return {"date": self.date, "place": self.place.strip() or None,
                "activities": self.activities.strip() or None,
                "notes": self.notes.strip() or None}

    def observations_to_save(self) -> list[ObservationInput]:
        """Entries of ticked attendees that hold something (a blank entry is no entry)."""
        present = set(self.present)
        return [o for o in self.observations if o.youngster_id in present and not o.is_blank()]

    def attempts_to_save(self) -> list[AttemptInput]:
        present = set(self.present)
        return [a for a in self.attempts if a.youngster_id in present and not a.is_blank()]

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> MeetingForm:
        data = dict(payload)
        data["observations"] = [ObservationInput(**o) for o in data.get("observations", [])]
        data["attempts"] = [AttemptInput(**a) for a in data.get("attempts", [])]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


def draft_key(meeting_id: str | None) -> str:
    return f"meeting:{meeting_id or 'new'}"


def check_form(form: MeetingForm, *, today: dt.date) -> list[tuple[Where, Problem]]:
    """Every problem of the meeting and its entries, errors and warnings, in form order."""
    found: list[tuple[Where, Problem]] = []
    # A placeholder id: a new meeting has none yet, and refs must look like ids.
    meeting_ref = form.meeting_id or uuid7()

    def check(entity: str, where: Where, values: dict[str, Any]) -> None:
        record = entities.with_defaults(entity, values)
        record["team_id"] = form.team_id
        found.extend((where, p) for p in entities.validate(entity, record, today=today))

    check("meeting", ("meeting",), form.meeting_values())
    for obs in form.observations_to_save():
        check("observation", ("observation", obs.key),
              obs.values(meeting_id=meeting_ref, date=form.date))
    for att in form.attempts_to_save():
        if not att.challenge_id:
            found.append((("attempt", att.key), Problem("challenge_id", "required")))
            continue
        check("challenge_attempt", ("attempt", att.key),
              att.values(meeting_id=meeting_ref, date=form.date))
    return found


class FormProblems(ValidationError):
    """Errors of a form, each with where it belongs (the store's rules, found all at once)."""

    def __init__(self, located: list[tuple[Where, Problem]]) -> None:
        self.located = located
        super().__init__("meeting", [p for _, p in located])
