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


# -- deletes against edits (issue 12, finding 5) ---------------------------------------------
SEEN_ORIGIN = dict.fromkeys(("alias", "intake_date", "status", "birth_year", "deleted"), BASE)


def origin_with_tombstone_flag() -> StoredRecord:
    """The origin as a laptop creates it: ``deleted: false`` is one of its fields."""
    record = origin()
    record.fields["deleted"] = FieldVersion(False, BASE, "u0")
    return record


@st.composite
def concurrent_edits_and_deletes(draw: Any, *, old_deletes: bool = False) -> list[Change]:
    """Edits and deletes by different devices, all based on the origin (none saw another).

    A delete says what it saw: the origin's stamp for every field. With ``old_deletes``
    some deletes come from laptops before that rule (base of ``deleted`` only).
    """
    changes = []
    for n in range(draw(st.integers(2, 4))):
        at = stamp(draw(st.integers(1, 50)), f"dev{n}")
        if draw(st.booleans()):
            seen = {"deleted": BASE} if old_deletes and draw(st.booleans()) else SEEN_ORIGIN
            changes.append(Change("youngster", RECORD, TEAM, at, {"deleted": True}, dict(seen)))
        else:
            names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True))
            fields = {name: draw(VALUES[name]) for name in names}
            changes.append(Change("youngster", RECORD, TEAM, at, fields,
                                  dict.fromkeys(names, BASE)))
    return changes


def merge_all(changes: list[Change]) -> tuple[StoredRecord, list[Any]]:
    record, lost = origin_with_tombstone_flag(), []
    for n, change in enumerate(changes):
        result = merge_change(record, change, author=f"user-{change.stamp[-4:]}", now_ms=n)
        assert isinstance(result, Merged)
        record = result.record
        lost += result.lost
    return record, lost


@settings(max_examples=150, deadline=None)
@given(concurrent_edits_and_deletes(old_deletes=True))
def test_deletes_and_edits_end_in_the_same_record_in_every_order(changes: list[Change]) -> None:
    """Every device ends with the server's record, tombstone and hidden copy included.

    (Only the value of ``deleted`` is compared, not its stamp: an edit that brings a
    record back stores ``false`` with its own stamp, so which of two such edits came
    first decides that stamp. Devices take whatever the one server stores.)
    """

    def final(order: tuple[Change, ...]) -> dict[str, Any]:
        fields = merge_all(list(order))[0].fields
        return {name: version.value if name == "deleted" else version
                for name, version in fields.items()}

    finals = [final(order) for order in itertools.permutations(changes)]
    assert all(outcome == finals[0] for outcome in finals)


@settings(max_examples=150, deadline=None)
@given(concurrent_edits_and_deletes())
def test_a_delete_never_erases_an_edit_it_did_not_see(changes: list[Change]) -> None:
    """In every arrival order and every order of stamps, each edited value is either

    * the live value (the record is not deleted), or
    * the loser of a conflict on its field, or
    * in the deleted record's hidden copy, with an open conflict on ``deleted`` for the
      write that set it (loser ``False`` at that write's stamp): "keep the record"
      restores exactly that value;

    and the deletes are in force or kept as a conflict on ``deleted`` (loser ``True``;
    two deletes are one value, kept once).
    """
    for order in itertools.permutations(changes):
        record, lost = merge_all(list(order))
        deleted = record.deleted
        for change in changes:
            if "deleted" in change.fields:
                assert deleted or any(
                    x.field == "deleted" and x.loser.value is True for x in lost), change
                continue
            for name, value in change.fields.items():
                stored = record.fields[name]
                if not deleted and stored.value == value:
                    continue
                if any(x.field == name and x.loser.value == value for x in lost):
                    continue
                assert deleted and stored.value == value and any(
                    x.field == "deleted" and x.loser.value is False
                    and x.loser.stamp == stored.stamp for x in lost), (name, value, change)
