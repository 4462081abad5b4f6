"""One entry never stops a pull: what a laptop cannot store is left out and kept for review.

These drive the store directly with hostile pages; tests/sync/test_not_stored_sync.py
does the same through a real server.
"""

from __future__ import annotations

import sqlcipher3
import pytest

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import MAX_DRIFT_MS, Stamp, wall_clock_ms
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store import not_stored
from joinus_desktop.store.errors import StoreError
from joinus_desktop.store.records import field_version
from joinus_desktop.sync.protocol import PulledChange

HUGE = 2**63  # one past what SQLite's INTEGER holds: OverflowError before issue 12
YEAR_MS = 365 * 24 * 3600 * 1000


def stamp(offset_ms: int = 0, node: str = "other") -> str:
    return str(Stamp(wall_clock_ms() + offset_ms, 0, node))


def youngster(team_id: str, **values: object) -> dict:
    spec = entities.entity("youngster")
    return {**dict.fromkeys(spec.synced_fields), "alias": "Noor", "intake_date": "2026-02-01",
            "status": "active", "consent_youngster": False, "consent_guardian": False,
            "deleted": False, **values}


def response(youngster_id: str, **values: object) -> dict:
    return {"youngster_id": youngster_id, "instrument_id": "rses", "instrument_version": 1,
            "moment": "T0", "date": "2026-02-02", "answers": {"1": 2}, "scores": None,
            "supersedes": None, "deleted": False, **values}


def entry(cursor: int, team: dict, entity: str, record_id: str, values: dict,
          stamps: str | dict | None = None) -> PulledChange:
    return PulledChange(cursor, "change", team["id"], entity, record_id, values,
                        stamps if stamps is not None else stamp(), "user-2")


def test_a_number_sqlite_cannot_hold_is_left_out_and_the_rest_of_the_page_applies(
        store, team) -> None:  # noqa: ANN001
    before, poisoned, after = uuid7(), uuid7(), uuid7()
    result = store.sync.apply_page([
        entry(1, team, "youngster", before, youngster(team["id"], alias="Voor")),
        # A new youngster whose (optional) birth year overflows: the youngster is stored,
        # without that one field.
        entry(2, team, "youngster", poisoned, youngster(team["id"], birth_year=HUGE)),
        # A questionnaire response whose (required, immutable) version overflows: left
        # out whole, so no half response appears.
        entry(3, team, "questionnaire_response", after, response(before,
                                                                 instrument_version=HUGE)),
        entry(4, team, "youngster", after, youngster(team["id"], alias="Na")),
    ], cursor=4, epoch="e1")
    assert result.changes == 4 and result.not_stored == 2
    assert store.sync.cursor == 4  # the cursor moved on: the entries are not retried forever
    assert store.youngsters.get(before)["alias"] == "Voor"
    assert store.youngsters.get(after)["alias"] == "Na"
    kept = store.youngsters.get(poisoned)
    assert kept["alias"] == "Noor" and kept["birth_year"] is None
    assert "birth_year" not in kept["versions"]  # so a later valid value applies
    assert store.records.find("questionnaire_response", "team_id = ?", (team["id"],)) == []

    rows = store.sync.not_stored()
    assert [(r["entity"], r["record_id"], r["whole"]) for r in rows] == [
        ("youngster", poisoned, 0), ("questionnaire_response", after, 1)]
    assert rows[0]["problems"] == [{"field": "birth_year", "code": "out_of_range"}]
    assert rows[1]["youngster_id"] == before and rows[1]["author"] == "user-2"
    # Ids, names and reason codes only: the refused value is not kept anywhere.
    assert str(HUGE) not in repr(store.db.query("SELECT * FROM pulled_not_stored"))


@pytest.mark.parametrize("values, problem", [
    ({"birth_year": "2010"}, {"field": "birth_year", "code": "not_a_number"}),
    ({"birth_year": True}, {"field": "birth_year", "code": "not_a_number"}),
    ({"intake_date": "1 februari"}, {"field": "intake_date", "code": "not_a_date"}),
    ({"consent_guardian": "ja"}, {"field": "consent_guardian", "code": "not_a_boolean"}),
    ({"deleted": 0}, {"field": "deleted", "code": "not_a_boolean"}),
    ({"alias": {"nested": "x"}}, {"field": "alias", "code": "not_text"}),
    ({"favourite_colour": "blauw"}, {"field": "favourite_colour", "code": "unknown_field"}),
])
def test_a_field_of_the_wrong_type_or_unknown_is_left_out_of_a_known_record(
        store, team, values: dict, problem: dict) -> None:  # noqa: ANN001
    y, first = uuid7(), stamp()
    store.sync.apply_page([entry(1, team, "youngster", y, youngster(team["id"]), first)],
                          cursor=1, epoch="e1")
    store.sync.apply_page([entry(2, team, "youngster", y, {"exit_note": "Nog steeds hier",
                                                          **values}, stamp(1000))],
                          cursor=2, epoch="e1")
    record = store.youngsters.get(y)
    assert record["exit_note"] == "Nog steeds hier"  # the rest of the entry applied
    (name,) = (n for n in values)
    if name in record:  # left as it was, with the stamp of its value
        assert field_version(record["versions"], name) == first
    (row,) = store.sync.not_stored()
    assert row["problems"] == [problem] and row["whole"] == 0 and store.sync.cursor == 2


@pytest.mark.parametrize("change", [
    PulledChange(1, "change", "", "diary", uuid7(), {"text": "x"}, stamp(), "u"),
    PulledChange(1, "change", "", "youngster", "not-an-id", {"alias": "x"}, stamp(), "u"),
    PulledChange(1, "change", "", "youngster", uuid7(), {"alias": "x"}, "yesterday", "u"),
    PulledChange(1, "change", "", "youngster", uuid7(), {"alias": "x"}, {"alias": 5}, "u"),  # type: ignore[dict-item]
])
def test_an_entry_of_an_unknown_entity_or_with_a_malformed_id_or_stamp_is_left_out(
        store, team, change: PulledChange) -> None:  # noqa: ANN001
    change.team_id = team["id"]
    good = uuid7()
    store.sync.apply_page([change, entry(2, team, "youngster", good, youngster(team["id"]))],
                          cursor=2, epoch="e1")
    assert store.youngsters.get(good)["alias"] == "Noor"
    (row,) = store.sync.not_stored()
    assert row["whole"] == 1 and row["problems"][0]["code"] in (
        "unknown_entity", "not_an_id", "bad_stamp")


def test_a_stamp_far_ahead_of_the_servers_clock_is_the_senders_problem(store, team) -> None:  # noqa: ANN001
    future, good = uuid7(), uuid7()
    server_now = wall_clock_ms()
    clock_before = store.clock.last
    result = store.sync.apply_page([
        entry(1, team, "youngster", future, youngster(team["id"]), stamp(YEAR_MS, "ahead")),
        entry(2, team, "youngster", good, youngster(team["id"], alias="Op tijd")),
    ], cursor=2, epoch="e1", server_time_ms=server_now)
    assert result.not_stored == 1 and store.sync.cursor == 2
    assert store.youngsters.get(good)["alias"] == "Op tijd"
    (row,) = store.sync.not_stored()
    assert row["problems"] == [{"field": None, "code": "stamp_ahead"}] and row["whole"] == 1
    # Not absorbed: this laptop's next edit is stamped now, not a year from now.
    assert Stamp.parse(store.clock.now()).physical_ms < server_now + MAX_DRIFT_MS
    assert store.clock.last > clock_before


def test_the_servers_clock_not_the_laptops_judges_a_stamp(store, team) -> None:  # noqa: ANN001
    """A laptop 4 minutes behind the server (within the allowed drift) takes a stamp
    4 minutes ahead of its own clock, made by a colleague whose clock is right."""
    y = uuid7()
    store.sync.apply_page([entry(1, team, "youngster", y, youngster(team["id"]),
                                 stamp(8 * 60_000))],
                          cursor=1, epoch="e1", server_time_ms=wall_clock_ms() + 4 * 60_000)
    assert store.youngsters.get(y)["alias"] == "Noor" and store.sync.not_stored() == []


def test_an_entry_pulled_again_stays_one_row_and_a_dismissed_one_stays_away(
        store, team) -> None:  # noqa: ANN001
    page = [entry(1, team, "youngster", uuid7(), youngster(team["id"]), "yesterday")]
    store.sync.apply_page(page, cursor=1, epoch="e1")
    store.sync.apply_page(page, cursor=1, epoch="e1")  # a resync brings it again
    (row,) = store.sync.not_stored()
    store.sync.dismiss_not_stored(row["seq"])
    store.sync.apply_page(page, cursor=1, epoch="e1")
    assert store.sync.not_stored() == []
    assert len(store.sync.not_stored(include_dismissed=True)) == 1


def test_whatever_raises_while_applying_leaves_out_that_entry_only(store, team, monkeypatch) -> None:  # noqa: ANN001
    """A value the screening does not foresee (here: screening switched off) still
    cannot stop the page: it is applied again entry by entry."""
    monkeypatch.setattr(not_stored, "screen_page", lambda changes, limit_ms: {})
    first, poisoned, last = uuid7(), uuid7(), uuid7()
    result = store.sync.apply_page([
        entry(1, team, "youngster", first, youngster(team["id"], alias="Eerste")),
        entry(2, team, "youngster", poisoned, youngster(team["id"], birth_year=HUGE)),
        entry(3, team, "youngster", last, youngster(team["id"], alias="Laatste")),
    ], cursor=3, epoch="e1")
    assert result.not_stored == 1 and store.sync.cursor == 3
    assert store.youngsters.get(first)["alias"] == "Eerste"
    assert store.youngsters.get(last)["alias"] == "Laatste"
    assert store.records.find("youngster", "id = ?", (poisoned,), include_deleted=True) == []
    (row,) = store.sync.not_stored()
    assert row["problems"] == [{"field": None, "code": "not_storable",
                                "params": {"error": "OverflowError"}}]


def test_a_full_disk_is_no_entrys_fault_nothing_moves(store, team, monkeypatch) -> None:  # noqa: ANN001
    def full(*args: object, **kwargs: object) -> None:
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(not_stored, "keep", full)
    with pytest.raises(StoreError):
        store.sync.apply_page([entry(1, team, "youngster", uuid7(), youngster(team["id"]),
                                     "yesterday")], cursor=1, epoch="e1")
    assert store.sync.cursor == 0
    monkeypatch.undo()
    assert store.sync.not_stored() == []


def test_erasure_takes_the_rows_of_the_youngster_even_of_records_never_stored(
        store, team) -> None:  # noqa: ANN001
    y, r = uuid7(), uuid7()
    store.sync.apply_page([
        entry(1, team, "youngster", y, youngster(team["id"])),
        entry(2, team, "questionnaire_response", r, response(y, instrument_version=HUGE)),
    ], cursor=2, epoch="e1")
    assert len(store.sync.not_stored()) == 1
    store.erasure.erase_youngster(y)
    assert store.sync.not_stored(include_dismissed=True) == []
