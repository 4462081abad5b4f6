"""Applying one pushed batch: atomically, once, with an answer per change."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import HybridClock, wall_clock_ms
from joinus_desktop.domain.ids import is_uuid
from joinus_desktop.domain.problems import Problem
from joinus_desktop.sync import wirejson
from joinus_desktop.sync.protocol import Change, ChangeResult, PushRequest

from . import scores
from .auth import Principal
from .merge import (
    SERVER_AUTHOR,
    Rejection,
    conflict_record,
    merge_change,
    validation_input,
    youngster_of,
)
from .records import (
    LogEntry,
    StoredRecord,
    encode_log_fields,
    whole_record_json,
)
from .references import referenced_ids, refuse_foreign
from .stamps import refuse_future, stamp_limit
from .storage import Storage, Tx

log = logging.getLogger(__name__)

# Stamps the fields of the conflict records the server creates. Several workers
# each have one; their stamps only order edits of those records, never data.
_clock = HybridClock(SERVER_AUTHOR)


def push(storage: Storage, principal: Principal, request: PushRequest) -> dict[str, Any]:
    """Apply ``request`` in one transaction; a batch id seen before returns its first answer."""
    now = wall_clock_ms()
    with storage.write() as tx:
        head = tx.lock_head()  # serialises pushes: cursor order is commit order
        stored = tx.stored_batch(principal.device_id, request.batch_id)
        if stored is not None:
            tx.audit(f"device:{principal.device_id}", "push_replayed",
                     {"device_id": principal.device_id, "batch_id": request.batch_id}, now)
            response = {**stored, "epoch": tx.epoch(), "server_time_ms": wall_clock_ms()}
            log.info("push replayed device=%s batch=%r", principal.device_id, request.batch_id)
            return response
        batch = _Batch(tx, principal, request.changes, head=head, now_ms=now)
        results = [batch.apply(index, change) for index, change in enumerate(request.changes)]
        batch.flush()
        answer: dict[str, Any] = {"batch_id": request.batch_id,
                                  "results": [r.to_wire() for r in results]}
        tx.save_batch(principal.device_id, request.batch_id, answer, now)
        outcomes = Counter(r.outcome for r in results)
        tx.audit(f"device:{principal.device_id}", "push", {
            "device_id": principal.device_id, "user_id": principal.user_id,
            "batch_id": request.batch_id, "changes": len(request.changes),
            "teams": sorted({c.team_id for c in request.changes}),
            "outcomes": {k: outcomes.get(k, 0) for k in ("applied", "conflict", "rejected")},
            "log_entries": len(batch.log)}, now)
        epoch = tx.epoch()
    # Counts and ids only: never a value, a note or a name.
    log.info("push device=%s batch=%r changes=%d applied=%d conflict=%d rejected=%d",
             principal.device_id, request.batch_id, len(request.changes),
             outcomes.get("applied", 0), outcomes.get("conflict", 0), outcomes.get("rejected", 0))
    # The answer as stored, which is the wire shape of PushResponse.
    return {**answer, "epoch": epoch, "server_time_ms": wall_clock_ms()}


class _Batch:
    """The records one batch touches, kept in memory and written once at the end."""

    def __init__(self, tx: Tx, principal: Principal, changes: Sequence[Change], *, head: int,
                 now_ms: int) -> None:
        self.tx = tx
        self.principal = principal
        self.now_ms = now_ms
        self.stamp_limit = stamp_limit(now_ms)  # stamps further ahead: clock_ahead
        self.today = dt.date.today()
        self.cursor = head
        self.log: list[LogEntry] = []
        self.dirty: dict[str, StoredRecord] = {}
        self.encoded: dict[str, str] = {}  # record id -> its data, where already encoded
        # Only well-formed ids go to SQL: merge rejects the rest as invalid records.
        wanted = {c.id for c in changes} | {r for c in changes
                                            if (r := _about(c)) and is_uuid(r)}
        # The records changes refer to: a reference must stay inside the team.
        wanted |= referenced_ids(changes)
        self.records = tx.get_records(wanted)
        refs = wanted | {y for c in changes
                         if (y := youngster_of(entities.entity(c.entity), c.id, c.fields))
                         and is_uuid(y)}
        self.erased = tx.erased_among(refs)
        self.checked = self._check_new(changes)

    def _check_new(self, changes: Sequence[Change]) -> dict[int, list[Problem]]:
        """Validation of the changes that create a record, entity by entity in one go.

        A new record's check depends on its change alone, so it is done column-wise
        for the whole batch (``validate_many``); merge uses it when the record is
        still new when its turn comes.
        """
        by_entity: dict[str, list[int]] = defaultdict(list)
        for index, change in enumerate(changes):
            if change.id not in self.records and change.entity in entities.ENTITIES:
                by_entity[change.entity].append(index)
        checked: dict[int, list[Problem]] = {}
        for name, indices in by_entity.items():
            spec = entities.entity(name)
            found = entities.validate_many(
                name, [validation_input(spec, changes[i].fields) for i in indices],
                today=self.today)
            checked.update(zip(indices, found))
        return checked

    def apply(self, index: int, change: Change) -> ChangeResult:
        refusal = self._refuse(change)
        if refusal is not None:
            return ChangeResult(index, change.id, "rejected", refusal.code, refusal.reason)
        existing = self.records.get(change.id)
        about = self.records.get(_about(change) or "")
        result = merge_change(existing, change, author=self.principal.user_id,
                              now_ms=self.now_ms, today=self.today,
                              youngster_id=about.youngster_id if about else None,
                              checked=self.checked.get(index))
        if isinstance(result, Rejection):
            return ChangeResult(index, change.id, "rejected", result.code, result.reason)
        if result.new and change.entity == "questionnaire_response":
            # Reports average the stored scores: only the server's own computation counts.
            refused = scores.check_response(change.fields)
            if refused is not None:
                return ChangeResult(index, change.id, "rejected", refused.code, refused.reason)
        if result.new:
            # Stored as sent, nothing lost (the usual change of a bulk push): the log entry
            # is the change's own values at its one stamp, as the general path below
            # would make it, and it is this device's own. The record row is encoded from
            # the same text, as encode_fields would.
            values, author = wirejson.dumps_text(change.fields), self.principal.user_id
            self._keep(result.record, author, (values, change.stamp),
                       origin_device=self.principal.device_id,
                       data=whole_record_json(values, change.stamp, author))
            return ChangeResult(index, change.id, "applied")
        # The log entry carries what changed, plus the stored value of every field where
        # this change lost: the device holds its own losing value and must be sent the
        # winner. Such an entry (or one with a value the device did not send, like an
        # edit that un-deletes) goes back to the device too.
        entry = dict(result.changed)
        for name in result.lost_fields:
            stored = result.record.fields.get(name)
            if stored is not None:
                entry.setdefault(name, stored)
        if entry:
            own = not result.lost_fields and not set(result.changed) - set(change.fields)
            self._keep(result.record, self.principal.user_id, encode_log_fields(entry),
                       origin_device=self.principal.device_id if own else None)
        for lost in result.lost:
            conflict = conflict_record(lost, about=result.record, clock=_clock,
                                       now_ms=self.now_ms)
            self._keep(conflict, SERVER_AUTHOR, encode_log_fields(conflict.fields))
        return ChangeResult(index, change.id, result.outcome,
                            lost_fields=tuple(result.lost_fields))

    def _refuse(self, change: Change) -> Rejection | None:
        if change.team_id not in self.principal.team_ids:
            return Rejection("forbidden_team", "This device's user is not a member of that team.")
        future = refuse_future(change, self.stamp_limit, self.now_ms)
        if future is not None:
            return future
        existing = self.records.get(change.id)
        if change.entity == "conflict" and existing is None:
            # Conflict records are the server's: a device that made one could name any
            # colleague as the author of any text. Devices only mark them resolved.
            return Rejection("read_only", "Conflict records are made by the server; a device "
                                          "may only mark one resolved.")
        youngster = youngster_of(entities.entity(change.entity), change.id, change.fields)
        if existing is not None and existing.youngster_id:
            youngster = existing.youngster_id
        if {change.id, youngster, _about(change)} & self.erased:
            return Rejection("erased", "This youngster's data was erased; the change is refused.")
        return refuse_foreign(change, existing, self.records)

    def _keep(self, record: StoredRecord, author: str, logged: tuple[str, str | None], *,
              origin_device: str | None = None, data: str | None = None) -> None:
        """Keep ``record`` for the batch's write and log it: ``logged`` is the entry's
        ``(fields_json, stamp)`` (see encode_log_fields); ``data`` the record already
        encoded (encode_fields), when it is."""
        self.records[record.id] = record
        self.dirty[record.id] = record
        if data is None:
            self.encoded.pop(record.id, None)  # a record new in this batch, edited since
        else:
            self.encoded[record.id] = data
        self.cursor += 1
        fields_json, stamp = logged
        self.log.append(LogEntry(self.cursor, record.team_id, "change", record.entity, record.id,
                                 record.youngster_id, author, fields_json, origin_device, stamp))

    def flush(self) -> None:
        self.tx.put_records(self.dirty.values(), self.encoded)
        self.tx.append_log(self.log, self.now_ms)
        if self.log:
            self.tx.set_head(self.cursor)


def _about(change: Change) -> str | None:
    """For a conflict record, the id of the record it is about."""
    if change.entity != "conflict":
        return None
    value = change.fields.get("record_id")
    return value if isinstance(value, str) else None
