"""Pulled entries this laptop cannot store: which parts, why, and where they are kept.

Design §5: one entry never stops a pull. The server validates what it stores, but
a laptop trusts no device and no server blindly: an entry stored before a rule
existed, by an older server, or on behalf of a hostile device, must not stop a
whole team's laptops from syncing (issue 12, findings 1 and 2). Every entry of a
pulled page is screened before it is applied:

* a field this laptop cannot store (a value of the wrong type, a number beyond 64
  bits, a date it cannot read, a field it does not know) is left out, and the rest
  of the entry applies; a new record that would lack a required field is left out
  whole, so no half record appears;
* an entry of an entity this laptop does not know, or with an id that is not one,
  is left out whole;
* a field stamped far ahead of the *server's* clock (``server_time_ms`` of the
  page) is left out: its author's clock was wrong, and absorbing the stamp would
  drag this laptop's clock (and every edit it makes after) into the future.

What was left out is kept in the vault's ``pulled_not_stored`` table for the
review view: ids, field names and reason codes, never a value, so nothing typed
lands there. The cursor moves on past it; the same entry pulled again (a resync)
stays one row. A later valid value of the same field applies as usual.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain import entities
from ..domain.hlc import is_canonical_stamp
from ..domain.ids import is_uuid
from ..sync.protocol import PulledChange
from .records import now_iso

# What a SQLite INTEGER holds; a larger Python int raises OverflowError on insert.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# Reason codes of this module (stable: the review view words them). Problems found by
# the entity definitions keep their own codes (``not_a_number``, ``not_a_date``, …).
ENTRY_CODES = ("unknown_entity", "not_an_id", "stamp_ahead", "bad_stamp", "not_storable",
               "out_of_range", "unknown_field")


@dataclass(frozen=True)
class Refusal:
    """One reason a pulled entry (``field`` None) or one of its fields was not stored."""

    field: str | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "code": self.code}
        if self.params:
            out["params"] = self.params
        return out


def screen_page(changes: list[PulledChange], *, limit_ms: int) -> dict[int, list[Refusal]]:
    """Index in ``changes`` → every reason this laptop cannot store that entry, or a part
    of it (entries that are fine are not listed).

    ``limit_ms``: the latest physical time a stamp may carry (the server's clock plus
    the allowed drift). A page holds thousands of entries, mostly fine and alike, so
    the values are checked column by column (as ``entities.validate_many`` does) and
    value by value only where a column may hold a problem.
    """
    found: dict[int, list[Refusal]] = {}
    good_stamps: set[str] = set()
    good_ids: set[object] = set()  # team ids repeat: checked once
    shapes: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for index, pulled in enumerate(changes):
        if pulled.kind != "change":
            continue
        refusals = _entry_problems(pulled, limit_ms, good_stamps, good_ids)
        if refusals and refusals[0].field is None:
            found[index] = refusals
            continue
        if refusals:
            found[index] = refusals
        shape = (str(pulled.entity), tuple(pulled.values))
        shapes.setdefault(shape, []).append(index)
    for (entity_name, names), indices in shapes.items():
        spec = entities.ENTITIES[entity_name]
        for position, name in enumerate(names):
            column = [changes[i].values[name] for i in indices]
            if _column_fine(spec, name, column):
                continue
            for index, value in zip(indices, column):
                refusal = _value_problem(spec, name, value)
                if refusal is not None and not any(r.field == name
                                                   for r in found.get(index, ())):
                    found.setdefault(index, []).append(refusal)
    return found


def screen(pulled: PulledChange, *, limit_ms: int) -> list[Refusal]:
    """Every reason this laptop cannot store one entry, or a part of it (none: all fine)."""
    return screen_page([pulled], limit_ms=limit_ms).get(0, [])


def _entry_problems(pulled: PulledChange, limit_ms: int, good_stamps: set[str],
                    good_ids: set[object]) -> list[Refusal]:
    """The entry's own problems (entity, ids, stamps); a whole-entry one comes alone."""
    if not isinstance(pulled.entity, str) or pulled.entity not in entities.ENTITIES:
        return [Refusal(None, "unknown_entity")]
    if not is_uuid(pulled.id) or (pulled.team_id not in good_ids and not is_uuid(
            pulled.team_id)):
        return [Refusal(None, "not_an_id")]
    good_ids.add(pulled.team_id)
    stamps = pulled.stamps
    if isinstance(stamps, str):
        if stamps in good_stamps:
            return []
        problem = _stamp_problem(stamps, limit_ms)
        if problem is not None:
            return [Refusal(None, problem)]
        good_stamps.add(stamps)
        return []
    refusals = []
    for name in pulled.values:
        stamp = stamps.get(name) if isinstance(stamps, dict) else None
        if isinstance(stamp, str) and stamp in good_stamps:
            continue
        problem = _stamp_problem(stamp, limit_ms)
        if problem is None:
            good_stamps.add(stamp)  # type: ignore[arg-type]
        else:
            refusals.append(Refusal(name[:40], problem))
    return refusals


def _column_fine(spec: entities.EntitySpec, name: str, column: list[Any]) -> bool:
    """True when no value of one field, across entries, has a problem (False: look closer)."""
    if name == "deleted":
        return set(map(type, column)) <= {bool}
    if not spec.has_field(name):
        return False
    field_spec = spec.field(name)
    if not entities._column_certainly_fine(field_spec, column):
        return False
    if field_spec.kind == "int":
        numbers = [v for v in column if v is not None]
        return not numbers or (INT64_MIN <= min(numbers) and max(numbers) <= INT64_MAX)
    return True


def _stamp_problem(stamp: object, limit_ms: int) -> str | None:
    if not is_canonical_stamp(stamp):
        return "bad_stamp"
    # The 15 leading digits are the physical ms (see hlc: fixed widths, canonical here).
    return "stamp_ahead" if int(stamp[:15]) > limit_ms else None  # type: ignore[index]


def _value_problem(spec: entities.EntitySpec, name: str, value: Any) -> Refusal | None:
    if name == "deleted":
        return None if isinstance(value, bool) else Refusal(name, "not_a_boolean")
    if not spec.has_field(name):
        return Refusal(name[:40], "unknown_field")  # a name, bounded: it could be anything
    field_spec = spec.field(name)
    if field_spec.kind == "int" and isinstance(value, int) and not isinstance(value, bool) \
            and not INT64_MIN <= value <= INT64_MAX:
        return Refusal(name, "out_of_range")
    # The entity definitions' own per-field rules: the ones the server applies on push.
    for problem in entities._check_value(field_spec, value):
        if problem.is_error:
            return Refusal(name, problem.code, _safe_params(problem.params))
    return None


def _safe_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters of a problem's wording that hold no pulled value (an unknown tag is one)."""
    return {k: v for k, v in params.items() if k in ("max", "choices")}


def refuses_whole(spec: entities.EntitySpec | None, refusals: list[Refusal], *,
                  present: bool) -> bool:
    """Whether nothing of the entry applies: it is refused as a whole, or it would create
    a record without a field that must have a value. (Otherwise the refused fields keep
    their values here, and the rest of the entry applies.)"""
    if spec is None or any(r.field is None for r in refusals):
        return True
    if present:
        return False
    return any(spec.has_field(r.field) and spec.field(r.field).required  # type: ignore[arg-type]
               for r in refusals)


def keep(db: Any, pulled: PulledChange, refusals: list[Refusal], *, whole: bool) -> None:
    """Record what was not stored (inside the page's transaction: it moves with the cursor)."""
    spec = entities.ENTITIES.get(pulled.entity) if isinstance(pulled.entity, str) else None
    youngster = None
    if spec is not None and spec.youngster_field is not None:
        # So an erasure of the youngster takes this row too, record stored or not.
        youngster = (pulled.id if spec.youngster_field == "id"
                     else pulled.values.get(spec.youngster_field))
    stamps = pulled.stamps
    stamp = stamps if isinstance(stamps, str) else max(
        (s for s in stamps.values() if isinstance(s, str)), default=None)
    problems = [r.to_json() for r in refusals]
    key = hashlib.sha256(json.dumps(
        [pulled.entity, pulled.id, _text(stamps), problems], sort_keys=True,
        default=str).encode()).hexdigest()
    db.execute(
        "INSERT OR IGNORE INTO pulled_not_stored (key, cursor, entity, record_id, team_id, "
        "youngster_id, author, stamp, whole, problems, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)",
        (key, pulled.cursor, _text(pulled.entity if pulled.kind == "change" else pulled.kind,
                                   40),
         _text(pulled.id if pulled.kind == "change" else pulled.youngster_id, 40),
         _text(pulled.team_id, 40), youngster if is_uuid(youngster) else None,
         _text(pulled.author, 40) if pulled.author is not None else None,
         stamp if is_canonical_stamp(stamp) else None, int(whole),
         json.dumps(problems), now_iso()))


def _text(value: object, limit: int | None = None) -> str:
    """An id-like value as bounded text (a hostile entry may hold anything there)."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return text[:limit] if limit else text
