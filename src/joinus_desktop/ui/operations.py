"""One small factory per user action, in the spirit of Anki's ``aqt/operations``.

Each function returns a `QueryOp` ready to ``.run()``: the store work happens on
the store's worker thread, ``success`` is called on the UI thread. Widgets call
these and never the store's writing methods directly. The functions here never
touch widgets; they get plain data and return plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from ..store.records import Saved
from ..store.store import Store
from .meetings.form import FormProblems, MeetingForm, check_form
from .tasks import QueryOp

Success = Callable[[Any], None]


# -- meetings -------------------------------------------------------------------

def save_meeting(*, parent: QObject, store: Store, form: MeetingForm,
                 success: Success) -> QueryOp[Saved]:
    """The meeting, its attendance, observations and attempts: all or nothing.

    Every problem is found before anything is written (`check_form`), so the
    editor can show each next to its field; the writes then share one
    transaction, and the draft is discarded in the same one.
    """

    def op() -> Saved:
        problems = check_form(form, today=store.today())
        if any(p.is_error for _, p in problems):
            raise FormProblems([(w, p) for w, p in problems if p.is_error])
        with store.db.write():
            if form.meeting_id:
                saved = store.meetings.update(form.meeting_id, **form.meeting_values())
                meeting_id = form.meeting_id
            else:
                saved = store.meetings.add(team_id=form.team_id, **form.meeting_values())
                meeting_id = saved.id
            store.meetings.set_attendance(meeting_id, form.present)
            _save_observations(store, form, meeting_id)
            _save_attempts(store, form, meeting_id)
            store.drafts.discard(form.draft_key)
            store.audit.record("change" if form.meeting_id else "create", "meeting", meeting_id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


def _save_observations(store: Store, form: MeetingForm, meeting_id: str) -> None:
    keep = form.observations_to_save()
    kept_ids = {o.id for o in keep if o.id}
    present = set(form.present)
    # An entry removed in the editor (of someone still ticked) is deleted; the notes
    # of someone unticked stay, so an accidental untick never loses what was typed.
    for stored in store.observations.for_meeting(meeting_id):
        if stored["id"] not in kept_ids and stored["youngster_id"] in present:
            store.observations.delete(stored["id"])
    new = [o.values(meeting_id=meeting_id, date=form.date) for o in keep if not o.id]
    if new:
        store.observations.add_many(team_id=form.team_id, observations=new)
    for obs in keep:
        if obs.id:
            values = obs.values(meeting_id=meeting_id, date=form.date)
            values.pop("youngster_id")
            values.pop("meeting_id")
            store.observations.update(obs.id, **values)


def _save_attempts(store: Store, form: MeetingForm, meeting_id: str) -> None:
    keep = form.attempts_to_save()
    kept_ids = {a.id for a in keep if a.id}
    for youngster_id in form.present:
        for stored in store.challenges.attempts_for_youngster(youngster_id):
            if stored.get("meeting_id") == meeting_id and stored["id"] not in kept_ids:
                store.records.delete("challenge_attempt", stored["id"])
    for att in keep:
        values = att.values(meeting_id=meeting_id, date=form.date)
        if att.id:
            for fixed in ("challenge_id", "youngster_id", "meeting_id"):
                values.pop(fixed)
            store.challenges.update_attempt(att.id, **values)
        else:
            values.pop("youngster_id")
            store.challenges.add_attempt(**values)


def save_draft(*, parent: QObject | None, store: Store, key: str, payload: dict[str, Any],
               success: Success | None = None) -> QueryOp[None]:
    """Keep unsaved input in the vault (never in QSettings or a file)."""
    return QueryOp(parent=parent, op=lambda: store.drafts.save(key, payload), success=success)


def discard_draft(*, parent: QObject, store: Store, key: str,
                  success: Success | None = None) -> QueryOp[None]:
    return QueryOp(parent=parent, op=lambda: store.drafts.discard(key), success=success)


# -- youngsters -----------------------------------------------------------------

def _consent(store: Store, youngster_id: str, consent: dict[str, Any] | None) -> None:
    if consent is not None:
        store.youngsters.record_consent(youngster_id, **consent)


def add_youngster(*, parent: QObject, store: Store, team_id: str, values: dict[str, Any],
                  consent: dict[str, Any] | None, success: Success) -> QueryOp[Saved]:
    """A new youngster and (when given) their consent, in one transaction."""

    def op() -> Saved:
        with store.db.write():
            saved = store.youngsters.add(team_id=team_id, **values)
            _consent(store, saved.id, consent)
            store.audit.record("create", "youngster", saved.id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


def update_youngster(*, parent: QObject, store: Store, youngster_id: str,
                     values: dict[str, Any], consent: dict[str, Any] | None,
                     success: Success) -> QueryOp[Saved]:
    def op() -> Saved:
        with store.db.write():
            saved = store.youngsters.update(youngster_id, **values)
            _consent(store, youngster_id, consent)
            store.audit.record("change", "youngster", youngster_id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


def exit_youngster(*, parent: QObject, store: Store, youngster_id: str, exit_date: str,
                   reason: str, note: str | None, success: Success) -> QueryOp[Saved]:
    def op() -> Saved:
        with store.db.write():
            saved = store.youngsters.exit(youngster_id, exit_date=exit_date, reason=reason,
                                          note=note)
            store.audit.record("change", "youngster", youngster_id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


# -- challenges -----------------------------------------------------------------

def add_challenge(*, parent: QObject, store: Store, team_id: str, youngster_id: str,
                  title: str, works_on_kind: str | None, works_on: str | None,
                  status: str, success: Success) -> QueryOp[Saved]:
    def op() -> Saved:
        with store.db.write():
            saved = store.challenges.add(team_id=team_id, youngster_id=youngster_id,
                                         title=title, works_on_kind=works_on_kind,
                                         works_on=works_on, status=status)
            store.audit.record("create", "challenge", saved.id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


def set_challenge_status(*, parent: QObject, store: Store, challenge_id: str, status: str,
                         success: Success) -> QueryOp[Saved]:
    def op() -> Saved:
        with store.db.write():
            saved = store.challenges.set_status(challenge_id, status)
            store.audit.record("change", "challenge", challenge_id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)


def add_attempt(*, parent: QObject, store: Store, challenge_id: str, date: str,
                what_happened: str, how_it_felt: str | None, outcome: str | None,
                meeting_id: str | None, success: Success) -> QueryOp[Saved]:
    def op() -> Saved:
        with store.db.write():
            saved = store.challenges.add_attempt(
                challenge_id=challenge_id, date=date, what_happened=what_happened,
                how_it_felt=how_it_felt, outcome=outcome, meeting_id=meeting_id)
            store.audit.record("create", "challenge_attempt", saved.id)
        return saved

    return QueryOp(parent=parent, op=op, success=success)
