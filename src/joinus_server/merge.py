"""Per-field arbitration of one incoming change against the server's record (pure).

The rules (docs/protocol.md, "Merge"): for every field the change sets, if the
server has no version of it, or the change's ``base`` is the server's current
stamp, the change applies. Otherwise the edit was concurrent: the greater stamp
wins, and when the two values differ the losing one (whichever side lost) is
kept as a conflict record. Nothing typed by a social worker is dropped silently.

``deleted`` is a field like any other, plus one rule that makes a delete
conflict with concurrent edits of *other* fields (docs/protocol.md, "Deletes").
A greater stamp does not mean the deleter saw an edit (two laptops offline,
clocks a second apart), so a delete says what it saw: ``base`` holds the stamp
of every field as the deleting device knew it. A stored field whose stamp
differs from that base was edited unseen. (A device from before this rule sends
only the base of ``deleted``; for it, a field stamped after the delete counts as
unseen.) An edit arriving for a record the server holds deleted, without
touching ``deleted``, was made without seeing the delete.

Either way the delete and the unseen edit are concurrent: the greater stamp
decides whether the record stays deleted, and the loser is kept as a conflict
record on ``deleted``. The edited values themselves are stored like any field,
in the tombstone if the delete wins, so every device holds the same hidden copy
and "keep the record" restores exactly the edited text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import HybridClock
from joinus_desktop.domain.ids import is_uuid, uuid7
from joinus_desktop.domain.problems import Problem, errors, label
from joinus_desktop.sync.protocol import Change, Outcome

from .records import FieldVersion, StoredRecord, same_value

SERVER_AUTHOR = "server"


@dataclass(frozen=True)
class Rejection:
    code: str
    reason: str


@dataclass(frozen=True)
class LostValue:
    """One value that lost a concurrent edit, and the value that beat it."""

    field: str
    loser: FieldVersion
    winner: FieldVersion


@dataclass
class Merged:
    record: StoredRecord  # the record as stored after this change
    changed: dict[str, FieldVersion] = field(default_factory=dict)  # for the log entry
    lost: list[LostValue] = field(default_factory=list)  # each becomes a conflict record
    lost_fields: list[str] = field(default_factory=list)  # fields of the change that lost
    # the change beat a concurrent value, or met a delete it did not see (both kept)
    overwrote: bool = False
    new: bool = False  # new to the server, stored exactly as sent (``changed`` left empty)

    @property
    def outcome(self) -> Outcome:
        return "conflict" if self.lost_fields or self.overwrote else "applied"


def youngster_of(spec: entities.EntitySpec, record_id: str,
                 values: Mapping[str, Any]) -> str | None:
    """The youngster a record belongs to (erasure reaches it), if any."""
    if spec.youngster_field is None:
        return None
    if spec.youngster_field == "id":
        return record_id
    value = values.get(spec.youngster_field)
    return value if isinstance(value, str) else None


def merge_change(existing: StoredRecord | None, change: Change, *, author: str, now_ms: int,
                 today: dt.date | None = None, youngster_id: str | None = None,
                 checked: list[Problem] | None = None) -> Merged | Rejection:
    """Arbitrate ``change`` against ``existing`` (None for a record new to the server).

    ``youngster_id`` overrides the youngster a new record belongs to (the server
    passes it for conflict records, which inherit it from the record they are about).
    ``checked``: what ``validate`` found in ``validation_input(spec, change.fields)``,
    if already known (a batch checks its new records at once); used for a new record.
    """
    spec = entities.entity(change.entity)
    rejection = _refuse(spec, existing, change)
    if rejection is not None:
        return rejection
    if existing is None:
        return _new_record(spec, change, author=author, now_ms=now_ms, today=today,
                           youngster_id=youngster_id, checked=checked)
    if spec.insert_only:
        # Only an identical re-send (e.g. after a restore) reaches here: nothing to do.
        return Merged(existing)

    record = _copy(existing)
    merged = Merged(record)
    incoming = {name: FieldVersion(value, change.stamp, author)
                for name, value in change.fields.items()}
    pending = dict(incoming)

    if not existing.deleted and "deleted" in incoming and incoming["deleted"].value is True:
        _delete_meets_edits(merged, incoming["deleted"], change.base, pending)

    for name, version in pending.items():
        current = record.fields.get(name)
        if current is None or change.base.get(name) == current.stamp:
            _store(merged, name, version)
        elif version.stamp == current.stamp:
            continue  # this very write is already stored (a re-send under a new batch id)
        elif version.stamp > current.stamp:
            if not same_value(current.value, version.value):
                merged.lost.append(LostValue(name, current, version))
                merged.overwrote = True
            _store(merged, name, version)
        elif not same_value(current.value, version.value):
            merged.lost.append(LostValue(name, version, current))
            merged.lost_fields.append(name)
    if existing.deleted and "deleted" not in incoming:
        _edit_meets_delete(merged, change, existing.fields["deleted"], author)

    problems = _validate(spec, existing, change, record, today)
    if problems:
        return Rejection("invalid_record", problems)
    if merged.changed:
        record.updated_at = now_ms
        record.updated_by = author
    return merged


def _edit_meets_delete(merged: Merged, change: Change, delete: FieldVersion,
                       author: str) -> None:
    """An edit of a record the server holds deleted: the editor never saw the delete.

    Its values were stored above like any edit (in the tombstone). Whichever of the
    edit and the delete has the greater stamp decides whether the record comes back;
    the other is kept as a conflict on ``deleted``, so the edit is never hidden
    without a trace.
    """
    if not any(name in merged.changed for name in change.fields):
        return  # nothing of it landed: a re-send, or it lost field by field (kept above)
    if change.stamp > delete.stamp:
        # The edit is newer: it brings the record back, and the delete is the loser.
        undelete = FieldVersion(False, change.stamp, author)
        merged.lost.append(LostValue("deleted", delete, undelete))
        _store(merged, "deleted", undelete)
    else:
        # The delete is newer: the record stays deleted, and the edit is the loser
        # ("not deleted", as the editor had it); its text is in the tombstone.
        merged.lost.append(LostValue("deleted", FieldVersion(False, change.stamp, author),
                                     delete))
    merged.overwrote = True


def _delete_meets_edits(merged: Merged, delete: FieldVersion, base: Mapping[str, str | None],
                        pending: dict[str, FieldVersion]) -> None:
    """A delete of a live record: any stored write the deleter did not see is kept.

    Unseen: a field whose stored stamp differs from the delete's base for it (a
    device from before this rule names only ``deleted``: then a field stamped after
    the delete), or a ``deleted: false`` (a restore, or a delete that lost) the
    deleter did not know. Nothing unseen: the delete applies as any edit below.
    """
    unseen: dict[str, FieldVersion] = {}  # stamp -> one unseen write (its stamp, author)
    for name, stored in merged.record.fields.items():
        if stored.stamp == delete.stamp:
            seen = True  # set by this very write (a re-send)
        elif name == "deleted":
            seen = base.get(name) == stored.stamp
        elif name in base:
            seen = base[name] == stored.stamp
        else:
            seen = stored.stamp <= delete.stamp
        if not seen:
            unseen.setdefault(stored.stamp, stored)
    if not unseen:
        return
    del pending["deleted"]
    latest = unseen[max(unseen)]
    if latest.stamp > delete.stamp:
        # The newest unseen edit is newer than the delete: the record stays.
        kept = FieldVersion(False, latest.stamp, latest.author)
        merged.lost.append(LostValue("deleted", delete, kept))
        merged.lost_fields.append("deleted")
        # Stored with the winning edit's stamp: a field's stored stamp never falls
        # below one it refused, so the deleting laptop (which applies only newer
        # stamps) takes "not deleted" when it pulls it.
        _store(merged, "deleted", kept)
        return
    # The delete is newer: it applies, and each unseen write is kept as a conflict
    # ("not deleted", by its author); its values stay in the tombstone.
    for stamp in sorted(unseen):
        merged.lost.append(LostValue("deleted", FieldVersion(False, stamp, unseen[stamp].author),
                                     delete))
    merged.overwrote = True
    _store(merged, "deleted", delete)


# Per entity, the fields holding another record's id (a conflict's ``record_id`` too).
_REF_FIELDS = {
    spec.name: (*(f.name for f in spec.fields if f.kind == "ref"),
                *(("record_id",) if spec.name == "conflict" else ()))
    for spec in entities.ENTITIES.values()
}


def _refuse(spec: entities.EntitySpec, existing: StoredRecord | None,
            change: Change) -> Rejection | None:
    if spec.name == "team":
        return Rejection("read_only", "Teams are managed by the organisation; "
                                      "devices cannot change them.")
    if "deleted" in change.fields and not isinstance(change.fields["deleted"], bool):
        return Rejection("invalid_record", "Deleted must be true or false.")
    for name, value in change.fields.items():
        # Before any comparison: a value nested a thousand deep must be measured, not
        # compared or encoded (both recurse). The field checks say the rest.
        if type(value) is dict or type(value) is list:
            problem = entities.json_problem(name, value)
            if problem is not None:
                return Rejection("invalid_record", problem.message("en"))
    for name in _REF_FIELDS[spec.name]:
        # Erasure finds a youngster's records by comparing ids as strings: one spelling.
        value = change.fields.get(name)
        if isinstance(value, str) and not is_uuid(value):
            return Rejection("invalid_record", f"{label(name)} must refer to a record "
                                               "(a lowercase UUID).")
    if existing is None:
        return None
    if existing.entity != change.entity:
        return Rejection("entity_mismatch",
                         f"Record {change.id} is a {existing.entity}, not a {change.entity}.")
    if existing.team_id != change.team_id:
        return Rejection("team_mismatch", f"Record {change.id} belongs to another team.")
    if spec.insert_only:
        stored = existing.values()
        stored.setdefault("deleted", False)
        if any(name not in stored or not same_value(stored[name], value)
               for name, value in change.fields.items()):
            return Rejection("insert_only", "A questionnaire response cannot be changed; "
                                            "record a new response that supersedes it.")
        return None
    for name, value in change.fields.items():
        if name == "deleted" or not spec.field(name).immutable:
            continue
        current = existing.fields.get(name)
        if current is not None and not same_value(current.value, value):
            return Rejection("immutable_field",
                             f"{label(name)} cannot be changed once it is recorded.")
    return None


def _new_record(spec: entities.EntitySpec, change: Change, *, author: str, now_ms: int,
                today: dt.date | None, youngster_id: str | None,
                checked: list[Problem] | None) -> Merged | Rejection:
    """A record the server has never seen: nothing to arbitrate, every field stored as sent.

    (What the general path below does for it too, without the per-field bookkeeping.)
    """
    found = checked if checked is not None else entities.validate(
        spec.name, validation_input(spec, change.fields), today=today)
    messages: list[str] = []
    _add_messages(messages, found, deleted=change.fields.get("deleted", False) is True)
    if messages:
        return Rejection("invalid_record", " ".join(messages))
    stamp = change.stamp
    # tuple.__new__ skips the named tuple's Python-level __new__: a third of the cost of
    # the usual call, for the one FieldVersion per field of every new record of a batch.
    fields = {name: _tuple_new(FieldVersion, (value, stamp, author))
              for name, value in change.fields.items()}
    record = StoredRecord(change.id, change.entity, change.team_id,
                          youngster_id or youngster_of(spec, change.id, change.fields),
                          fields, created_at=now_ms, updated_at=now_ms, updated_by=author)
    return Merged(record, new=True)


_tuple_new = tuple.__new__


def validation_input(spec: entities.EntitySpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The record ``validate`` checks for these values (the tombstone flag left out)."""
    return entities.with_defaults(spec.name, {k: v for k, v in values.items() if k != "deleted"})


def _validate(spec: entities.EntitySpec, existing: StoredRecord, change: Change,
              merged: StoredRecord, today: dt.date | None) -> str:
    """English messages of every error in the record as its author meant it, and as merged.

    A deleted record need not be complete (a tombstone for a record the server
    never saw is fine), but what it holds must still be well-typed.
    """
    intended = {**existing.values(), **change.fields}
    as_merged = merged.values()
    # Usually nothing was arbitrated away and the two are the same record: check it once.
    candidates = [intended] if as_merged == intended else [intended, as_merged]
    messages: list[str] = []
    for values in candidates:
        found = entities.validate(spec.name, validation_input(spec, values), today=today)
        _add_messages(messages, found, deleted=values.get("deleted", False) is True)
    return " ".join(messages)


def _add_messages(messages: list[str], found: list[Problem], *, deleted: bool) -> None:
    """The errors among ``found`` as English text, each once (a tombstone may be partial)."""
    problems = errors(found)
    if deleted:
        problems = [p for p in problems if p.code != "required"]
    for problem in problems:
        text = problem.message("en")
        if text not in messages:
            messages.append(text)


def _store(merged: Merged, name: str, version: FieldVersion) -> None:
    current = merged.record.fields.get(name)
    if current is not None and current.stamp == version.stamp and same_value(current.value,
                                                                            version.value):
        return
    merged.record.fields[name] = version
    merged.changed[name] = version


def _copy(record: StoredRecord) -> StoredRecord:
    return StoredRecord(record.id, record.entity, record.team_id, record.youngster_id,
                        dict(record.fields), record.created_at, record.updated_at,
                        record.updated_by)


def conflict_record(lost: LostValue, *, about: StoredRecord, clock: HybridClock,
                    now_ms: int) -> StoredRecord:
    """A new ``conflict`` record keeping a losing value until a person resolves it."""
    stamp = clock.now()
    values = {"entity": about.entity, "record_id": about.id, "field": lost.field,
              "value": lost.loser.value, "stamp": lost.loser.stamp, "author": lost.loser.author,
              "winner_value": lost.winner.value, "winner_stamp": lost.winner.stamp,
              "winner_author": lost.winner.author,
              "resolved": False}
    return StoredRecord(uuid7(), "conflict", about.team_id, about.youngster_id,
                        {name: FieldVersion(value, stamp, SERVER_AUTHOR)
                         for name, value in values.items()},
                        created_at=now_ms, updated_at=now_ms, updated_by=SERVER_AUTHOR)
