"""Column-wise validation of many records finds exactly what record-wise validation finds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from joinus_desktop.domain import entities, method
from joinus_desktop.domain.entities import validate, validate_many
from joinus_desktop.domain.ids import uuid7

TODAY = dt.date(2026, 11, 28)
IDS = [uuid7() for _ in range(3)]

DATES = ["2026-03-05", "2026-11-29", "2026-11-30", "2027-12-31"]  # today + 1 is not future

def _deep(levels: int) -> list:
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


# Values of every kind, right and wrong, so each column fast path meets each trap.
anything = st.one_of(
    st.none(), st.just(""), st.just("   "), st.sampled_from(IDS), st.just(IDS[0].upper()),
    st.text(max_size=8), st.text(min_size=4001, max_size=4001, alphabet="ab"),
    st.sampled_from([*DATES, "2026-02-30", "05-03-2026"]),
    st.integers(-3, 3000), st.booleans(), st.floats(allow_nan=False),
    st.sampled_from([*method.SUSPECTED_CAUSES, *method.YOUNGSTER_STATUSES, "exited", "T1",
                     "exit", "T"]),
    st.lists(st.sampled_from([*method.METHOD_TAGS, "no_such_tag"]), max_size=3),
    st.tuples(st.sampled_from(list(method.METHOD_TAGS))),
    st.dictionaries(st.sampled_from(["q1", "q2"]), st.integers(1, 5), max_size=2),
    st.just(dt.date(2026, 3, 5)),
    # Out of every range: 64 bits, a field's own range, odd date spellings and years,
    # JSON nested too deep, too many tags.
    st.sampled_from([2**63, -(2**63) - 1, 10_001, 0, 1899, 2101]),
    st.sampled_from(["20260305", "1899-12-31", "2200-01-01", "2026-W10-4"]),
    st.just(_deep(40)), st.just({"q1": 2**64}),
    st.just([next(iter(method.METHOD_TAGS))] * (entities.MAX_TAGS + 1)),
)


def good(spec: entities.FieldSpec) -> st.SearchStrategy:
    """A value the field accepts (blank where it may be), so the record rules run."""
    blank = st.just(None) if not spec.required else st.nothing()
    valid = {
        "text": st.sampled_from(["Keek weg", " ", ""]) if not spec.required
        else st.sampled_from(["Keek weg", "Zat alleen"]),
        "date": st.sampled_from(DATES), "int": st.integers(1990, 2015),
        "bool": st.booleans(), "choice": st.sampled_from(spec.choices or ("",)),
        "ref": st.sampled_from(IDS), "tags": st.lists(st.sampled_from(list(method.METHOD_TAGS))),
        "json": st.dictionaries(st.sampled_from(["q1", "q2"]), st.integers(1, 5)),
    }[spec.kind]
    return st.one_of(blank, valid)


@st.composite
def batches(draw: st.DrawFn) -> tuple[str, list[dict]]:
    name = draw(st.sampled_from(sorted(entities.ENTITIES)))
    spec = entities.entity(name)
    # Mostly one shared valid record with a few fields varied (valid or not), as a bulk
    # write looks; now and then a wrong value or an unknown field, or a field missing.
    names = [*spec.field_names, "team_id", "no_such_field"]
    base = {f.name: draw(good(f)) for f in spec.fields}
    records = []
    # Past the eight below which validate_many simply calls validate record by record.
    for _ in range(draw(st.integers(0, 20))):
        record = dict(base)
        for field_spec in draw(st.lists(st.sampled_from(spec.fields), max_size=3)):
            record[field_spec.name] = draw(good(field_spec))
        if draw(st.integers(0, 4)) == 0:
            record[draw(st.sampled_from(names))] = draw(anything)
        if draw(st.integers(0, 9)) == 0 and spec.field_names:
            del record[draw(st.sampled_from(spec.field_names))]
        records.append(record)
    return name, records


@settings(max_examples=400, deadline=None)
@given(batches())
def test_validate_many_equals_validate_record_by_record(batch: tuple[str, list[dict]]) -> None:
    name, records = batch
    assert validate_many(name, records, today=TODAY) == [
        validate(name, record, today=TODAY) for record in records
    ]


def test_a_bulk_of_good_observations_has_only_the_warnings_of_each() -> None:
    youngster = uuid7()
    good = {"youngster_id": youngster, "meeting_id": None, "date": "2026-03-05",
            "behaviour": "Keek weg", "context": None, "suspected_cause": "unknown",
            "cause_detail": None, "tags": ["peer_contact"], "team_id": uuid7()}
    needs_detail = {**good, "suspected_cause": "missing_skill"}
    found = validate_many("observation", [good] * 50 + [needs_detail], today=TODAY)
    assert found[:50] == [[]] * 50
    assert [p.code for p in found[50]] == ["cause_detail_missing"]


def test_one_bad_value_in_a_bulk_is_named_on_its_own_record() -> None:
    good = {"youngster_id": uuid7(), "date": "2026-03-05", "behaviour": "Keek weg",
            "suspected_cause": "unknown", "tags": []}
    records = [dict(good) for _ in range(20)]
    records[13]["tags"] = ["peer_contact", "made_up"]
    found = validate_many("observation", records, today=TODAY)
    assert [i for i, problems in enumerate(found) if problems] == [13]
    assert [(p.field, p.code) for p in found[13]] == [("tags", "unknown_tag")]
