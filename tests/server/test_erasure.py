"""Erasure: nothing of the youngster remains, a purge event is published, later changes refused."""

from __future__ import annotations

import json

import pytest

from joinus_server import admin
from joinus_server.erasure import erase_youngster
from joinus_server.errors import AdminError

from .helpers import ACTOR, World, change, meeting, new_id, observation, response, stamp, youngster

SECRET = "Sam-Secret-Alias"


def dump(world: World) -> str:
    """Every row of every table the server keeps, as text."""
    tables = ["records", "log", "batches", "erased", "purges", "audit", "devices", "invites"]
    with world.storage.read() as tx:
        return json.dumps({t: tx.query(f"SELECT * FROM {t}") for t in tables}, default=str)


def seed(world: World) -> tuple[str, str, str]:
    yid, other, meeting_id = new_id(), new_id(), new_id()
    world.anna.push([
        change("youngster", yid, world.team_a, youngster(alias=SECRET), at=stamp(0)),
        change("youngster", other, world.team_a, youngster(alias="Noor"), at=stamp(0)),
        change("meeting", meeting_id, world.team_a, meeting(), at=stamp(0)),
        change("observation", new_id(), world.team_a,
               observation(yid, behaviour="Secret behaviour text"), at=stamp(1)),
        change("questionnaire_response", new_id(), world.team_a,
               response(yid, "T0", {"loneliness": 2.0}), at=stamp(2)),
        change("observation", new_id(), world.team_a, observation(other), at=stamp(3)),
    ])
    # A conflict about the youngster: its text must go too.
    world.bram.push([change("youngster", yid, world.team_a, {"alias": SECRET + "-Old"},
                            at=stamp(-5, "bram"), base={"alias": None})])
    return yid, other, meeting_id


def test_erasure_purges_content_and_publishes_a_purge_event(world: World) -> None:
    yid, other, meeting_id = seed(world)
    assert SECRET in dump(world)
    result = erase_youngster(world.storage, yid, actor=ACTOR)
    text = dump(world)
    assert SECRET not in text and "Secret behaviour text" not in text
    assert result["records_erased"] == 4  # youngster, observation, response, conflict
    entries, last = world.bram.pull_all()
    assert entries[-1] == {"cursor": result["purge_cursor"], "kind": "purge",
                           "team_id": world.team_a, "youngster_id": yid}
    assert yid not in {e.get("id") for e in entries}
    assert {e.get("id") for e in entries} >= {other, meeting_id}  # others untouched
    assert last["counts"][world.team_a]["youngster"] == 1
    assert last["counts"][world.team_a]["conflict"] == 0
    carla, _ = world.carla.pull_all()  # team B is not told about team A's youngster
    assert [e["entity"] for e in carla] == ["team"] and carla[0]["team_id"] == world.team_b


def test_changes_to_erased_records_are_rejected(world: World) -> None:
    yid, _, _ = seed(world)
    erase_youngster(world.storage, yid, actor=ACTOR)
    answer = world.anna.push([
        change("youngster", yid, world.team_a, {"alias": "Back again"}, at=stamp(50)),
        change("observation", new_id(), world.team_a, observation(yid), at=stamp(51)),
        change("meeting", new_id(), world.team_a, meeting(), at=stamp(52)),
    ])
    assert [r.get("code") for r in answer["results"]] == ["erased", "erased", None]
    assert SECRET not in dump(world)


def test_purge_receipts_record_devices_that_pulled_past_the_purge(world: World) -> None:
    yid, _, _ = seed(world)
    cursor = erase_youngster(world.storage, yid, actor=ACTOR)["purge_cursor"]
    world.bram.pull_all()  # receives the purge, but has not confirmed applying it yet
    assert admin.list_purges(world.storage)[0]["confirmed_by"] == []
    world.bram.pull(cursor)  # asking for what comes after it confirms it
    world.carla.pull(cursor)  # another team: its cursor says nothing about team A's purge
    [purge] = admin.list_purges(world.storage)
    assert purge["purge_cursor"] == cursor
    assert [r["device_id"] for r in purge["confirmed_by"]] == [world.bram.device_id]


def test_erasing_an_unknown_or_already_erased_youngster_is_an_error(world: World) -> None:
    yid, _, meeting_id = seed(world)
    erase_youngster(world.storage, yid, actor=ACTOR)
    with pytest.raises(AdminError, match="already erased"):
        erase_youngster(world.storage, yid, actor=ACTOR)
    with pytest.raises(AdminError, match="no youngster"):
        erase_youngster(world.storage, meeting_id, actor=ACTOR)
    with pytest.raises(AdminError, match="not a record id"):
        erase_youngster(world.storage, "Sam", actor=ACTOR)
