"""Store work for the questionnaire screens (runs on the store worker, no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ...domain import instruments as instr
from ...domain import schedule
from ...store.store import Store


@dataclass(frozen=True)
class QuestionnaireContext:
    youngster_id: str
    alias: str
    instrument: instr.Instrument
    due_moment: str  # the moment the schedule asks for now
    moments: tuple[str, ...]  # the choices offered, due one included
    today: dt.date


def load_context(store: Store, youngster_id: str) -> QuestionnaireContext:
    youngster = store.youngsters.get(youngster_id)
    status = store.questionnaires.status(youngster_id)
    done = [r["moment"] for r in store.questionnaires.for_youngster(youngster_id)]
    due = status.next_moment or schedule.EXIT
    highest = max((schedule.moment_index(m) for m in [*done, due]
                   if m != schedule.EXIT), default=0)
    moments = tuple(f"T{i}" for i in range(highest + 1)) + (schedule.EXIT,)
    return QuestionnaireContext(youngster_id, youngster["alias"], store.instruments.default(),
                                due, moments, store.today())


def save_response(store: Store, *, youngster_id: str, answers: Mapping[str, int | None],
                  date: str, moment: str) -> dict[str, float | None]:
    """Record the answers; returns the scale scores the store computed."""
    saved = store.questionnaires.record(youngster_id=youngster_id, answers=dict(answers),
                                        date=date, moment=moment)
    return dict(saved.record.get("scores") or {})


def verify_and_save(store: Store, passphrase: str, *, youngster_id: str,
                    answers: Mapping[str, int | None] | None, date: str,
                    moment: str) -> dict[str, float | None] | None:
    """Hand-over's last step: None when the passphrase is wrong (nothing saved);
    otherwise the scores ({} when leaving without saving, ``answers`` None)."""
    if not store.vault.verify_passphrase(passphrase):
        return None
    if answers is None:
        return {}
    return save_response(store, youngster_id=youngster_id, answers=answers, date=date,
                         moment=moment)


def missing_items(instrument: instr.Instrument, answers: Mapping[str, int | None]) -> list[str]:
    return [item.id for item in instrument.items if answers.get(item.id) is None]
