"""Pull: paging, team scoping, counts, cursor and epoch semantics, on both backends."""

from __future__ import annotations

from joinus_server import admin

from .helpers import ACTOR, World, change, meeting, new_id, stamp


def push_meetings(world: World, n: int, team: str | None = None) -> list[str]:
    ids = [new_id() for _ in range(n)]
    device = world.anna if team in (None, world.team_a) else world.carla
    device.push([change("meeting", i, team or world.team_a, meeting(), at=stamp(k))
                 for k, i in enumerate(ids)])
    return ids


def test_pull_pages_in_cursor_order_with_counts_on_the_last_page(world: World) -> None:
    ids = push_meetings(world, 7)
    first = world.bram.pull(0, limit=3)
    assert first["has_more"] is True and "counts" not in first
    assert len(first["changes"]) == 3
    cursors = [c["cursor"] for c in first["changes"]]
    assert cursors == sorted(cursors) and first["cursor"] == cursors[-1]
    entries, last = world.bram.pull_all(0, limit=3)
    assert [e["id"] for e in entries if e["entity"] == "meeting"] == ids
    assert entries[0]["entity"] == "team"  # the team record itself is synced
    assert last["has_more"] is False
    assert last["counts"] == {world.team_a: {**dict.fromkeys(last["counts"][world.team_a], 0),
                                             "team": 1, "meeting": 7}}
    assert last["epoch"] == first["epoch"] and isinstance(last["server_time_ms"], int)


def test_a_device_sees_only_its_users_teams(world: World) -> None:
    push_meetings(world, 2, world.team_a)
    west = push_meetings(world, 3, world.team_b)
    carla, _ = world.enrol("carla@example.org").pull_all()  # carla's second laptop
    assert {e["team_id"] for e in carla} == {world.team_b}
    assert [e["id"] for e in carla if e["entity"] == "meeting"] == west
    cora, last = world.cora.pull_all()  # a coordinator without teams sees no records
    assert cora == [] and last["counts"] == {}


def test_the_last_page_cursor_is_the_log_head(world: World) -> None:
    push_meetings(world, 2, world.team_a)
    _, page = world.carla.pull_all()
    with world.storage.read() as tx:
        head = tx.head()
    assert page["cursor"] == head  # team A's entries are skipped, never re-read
    assert world.carla.pull(page["cursor"])["changes"] == []


def test_a_cursor_beyond_the_head_or_negative_requires_a_resync(world: World) -> None:
    _, page = world.anna.pull_all()
    for cursor in (page["cursor"] + 1, 10**30, -1):
        answer = world.anna.pull_raw(cursor)
        assert answer.status_code == 409
        assert answer.json()["error"]["code"] == "resync_required"


def test_a_new_epoch_is_announced_and_old_epoch_cursors_require_a_resync(world: World) -> None:
    page = world.anna.pull(0)
    old = page["epoch"]
    assert world.anna.pull_raw(page["cursor"], epoch=old).status_code == 200
    changed = admin.new_epoch(world.storage, actor=ACTOR)
    assert changed["previous"] == old and changed["epoch"] != old
    answer = world.anna.pull_raw(page["cursor"], epoch=old)
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "resync_required"
    assert world.anna.pull(0)["epoch"] == changed["epoch"]
    pushed = world.anna.push([change("meeting", new_id(), world.team_a, meeting(), at=stamp(1))])
    assert pushed["epoch"] == changed["epoch"]


def test_limits_outside_the_range_are_invalid_requests(world: World) -> None:
    for limit in (0, 2001, -5):
        answer = world.anna.pull_raw(0, limit=limit)
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "invalid_request"
    answer = world.client.get("/api/v1/sync/pull", params={"cursor": "abc"},
                              headers=world.anna.headers)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_request"


def test_answers_parse_with_the_clients_protocol_types(world: World) -> None:
    from joinus_desktop.sync.protocol import PullResponse, PushResponse

    pushed = world.anna.push([change("meeting", new_id(), world.team_a, meeting(), at=stamp(1))])
    parsed = PushResponse.from_wire(pushed)
    assert parsed.to_wire() == pushed and parsed.server_time_ms
    page = world.bram.pull(0)
    pulled = PullResponse.from_wire(page)
    assert pulled.to_wire() == page and pulled.server_time_ms and pulled.counts
    assert [c.entity for c in pulled.changes] == ["team", "meeting"]


def test_a_device_is_not_sent_its_own_changes_back(world: World) -> None:
    """It holds those values already; a second laptop of the same user gets them."""
    ids = push_meetings(world, 3)
    own, last = world.anna.pull_all()
    assert not [e for e in own if e.get("id") in ids]
    assert last["counts"][world.team_a]["meeting"] == 3  # the counts still include them
    other, _ = world.enrol("anna@example.org").pull_all()
    assert [e["id"] for e in other if e["entity"] == "meeting"] == ids
