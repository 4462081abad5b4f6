"""Resolving a conflict leaves exactly the chosen value, also when the record is deleted.

Issue 12, finding 5: "keep the edit" on a deleted record failed with NotFound,
and the chosen text was then visible nowhere.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from joinus_desktop.domain.ids import uuid7

# Real stamps: a conflict record's stamps are validated when it is resolved.
LOSER_STAMP = "001780000000000:000000:other-laptop"
WINNER_STAMP = "001780000000001:000000:server"


def deleted_observation(store, team) -> str:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01").id
    obs = store.observations.add(team_id=team["id"], youngster_id=y, date="2026-03-01",
                                 behaviour="Versie A").id
    batch = store.sync.outbox_batch(1000)  # as if synced: later pushes show only what follows
    store.sync.acknowledge(batch, [])
    store.observations.delete(obs)
    return obs


def conflict(store, team, obs: str, field: str, value: Any, winner: Any) -> str:  # noqa: ANN001
    """A conflict as the sync engine stores one it pulled."""
    conflict_id = uuid7()
    with store.db.write() as db:
        db.execute(
            "INSERT INTO conflict (id, team_id, entity, record_id, field, value, stamp, author,"
            " winner_value, winner_stamp, resolved, deleted, versions) VALUES "
            "(?, ?, 'observation', ?, ?, ?, ?, 'x', ?, ?, 0, 0, '{}')",
            (conflict_id, team["id"], obs, field, json.dumps(value), LOSER_STAMP,
             json.dumps(winner), WINNER_STAMP))
    return conflict_id


def pushed(store, obs: str) -> dict[str, Any]:  # noqa: ANN001
    """The values of the observation's pending changes, as the next push sends them."""
    values: dict[str, Any] = {}
    for change in store.sync.outbox_batch(1000).changes:
        if change.id == obs:
            values.update(change.fields)
    return values


def test_keeping_the_record_of_a_delete_conflict_restores_it(store, team) -> None:  # noqa: ANN001
    obs = deleted_observation(store, team)
    kept = conflict(store, team, obs, "deleted", False, True)
    store.conflicts.resolve(kept, False)
    record = store.records.get("observation", obs)  # no NotFound: it is back
    assert record["behaviour"] == "Versie A"
    assert store.conflicts.open(team["id"]) == []
    assert pushed(store, obs) == {"deleted": False}


@pytest.mark.parametrize("chosen", ["Versie B", "Versie A en B"])
def test_text_chosen_for_a_deleted_record_brings_it_back(store, team, chosen: str) -> None:  # noqa: ANN001
    """A conflict about the text of a record deleted since (one kept by an older server)."""
    obs = deleted_observation(store, team)
    kept = conflict(store, team, obs, "behaviour", "Versie B", "Versie A")
    store.conflicts.resolve(kept, chosen)
    record = store.records.get("observation", obs)
    assert record["behaviour"] == chosen and record["deleted"] is False
    assert pushed(store, obs) == {"behaviour": chosen, "deleted": False}


def test_the_other_version_is_written_even_if_this_copy_holds_it(store, team) -> None:  # noqa: ANN001
    """An older server left hidden copies that differ: the choice must reach every laptop."""
    obs = deleted_observation(store, team)
    kept = conflict(store, team, obs, "behaviour", "Versie A", "Versie oud")
    store.conflicts.resolve(kept, "Versie A")
    assert store.records.get("observation", obs)["behaviour"] == "Versie A"
    assert pushed(store, obs) == {"behaviour": "Versie A", "deleted": False}


def test_keeping_the_value_a_deleted_record_holds_keeps_the_delete(store, team) -> None:  # noqa: ANN001
    obs = deleted_observation(store, team)
    kept = conflict(store, team, obs, "behaviour", "Versie B", "Versie A")
    store.conflicts.resolve(kept, "Versie A")
    record = store.records.get("observation", obs, include_deleted=True)
    assert record["deleted"] is True and record["behaviour"] == "Versie A"
    assert store.conflicts.open(team["id"]) == []
