"""Properties of the pure merge function: arrival order never changes the outcome."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from joinus_desktop.sync.protocol import Change
from joinus_server.merge import Merged, merge_change
from joinus_server.records import FieldVersion, StoredRecord

from .helpers import stamp

RECORD = "01a2224b-01cc-7b11-8f9f-3097f96bdf2d"
TEAM = "01a2224b-01cc-7b11-8f9f-3097f96bdf2e"
BASE = stamp(0, "origin")
FIELDS = ("alias", "status", "birth_year")
VALUES = {"alias": st.sampled_from(["Sam", "Sem", "Noor"]),
          "status": st.sampled_from(["intake", "active"]),
          "birth_year": st.sampled_from([2008, 2010])}


def origin() -> StoredRecord:
    values = {"alias": "Sam", "intake_date": "2026-01-12", "status": "intake",
              "birth_year": 2010}
    return StoredRecord(RECORD, "youngster", TEAM, RECORD,
                        {k: FieldVersion(v, BASE, "u0") for k, v in values.items()})


@st.composite
def concurrent_edits(draw: Any) -> list[Change]:
    """Edits by different devices, all based on the origin (none saw another)."""
    edits = []
    for n in range(draw(st.integers(2, 4))):
        names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True))
        fields = {name: draw(VALUES[name]) for name in names}
        at = stamp(draw(st.integers(1, 50)), f"dev{n}")
        edits.append(Change("youngster", RECORD, TEAM, at, fields, dict.fromkeys(names, BASE)))
    return edits


def apply_all(changes: list[Change]) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    record = origin()
    kept: list[tuple[Any, ...]] = []
    for n, change in enumerate(changes):
        result = merge_change(record, change, author=f"user-{change.stamp[-4:]}", now_ms=n)
        assert isinstance(result, Merged)
        record = result.record
        kept += [(lost.field, lost.loser.stamp, repr(lost.loser.value)) for lost in result.lost]
    return {k: (v.value, v.stamp) for k, v in record.fields.items()}, kept


@settings(max_examples=150, deadline=None)
@given(concurrent_edits())
def test_every_arrival_order_ends_in_the_same_record(edits: list[Change]) -> None:
    outcomes = [apply_all(list(order)) for order in itertools.permutations(edits)]
    final = outcomes[0][0]
    assert all(record == final for record, _ in outcomes)
    for name in FIELDS:  # the greatest stamp that set a field holds it
        setters = [c for c in edits if name in c.fields]
        if setters:
            winner = max(setters, key=lambda c: c.stamp)
            assert final[name] == (winner.fields[name], winner.stamp)


@settings(max_examples=150, deadline=None)
@given(concurrent_edits())
def test_no_typed_value_is_lost(edits: list[Change]) -> None:
    """Every value a device sent is in the record or kept as a conflict, in any order."""
    for order in itertools.permutations(edits):
        final, kept = apply_all(list(order))
        for change in edits:
            for name, value in change.fields.items():
                in_record = final[name][0] == value
                # Identical values typed twice are kept once (the text is not lost).
                in_conflict = any(f == name and v == repr(value) for f, _, v in kept)
                assert in_record or in_conflict, (name, value, change.stamp)
