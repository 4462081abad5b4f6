"""Every endpoint × every kind of caller: no token, revoked, other team, own team, coordinators."""

from __future__ import annotations

from typing import Any

import pytest

from joinus_server import admin

from .helpers import ACTOR, Device, World, change, meeting, new_id, snapshot, stamp

CALLERS = ["no_token", "unknown_token", "revoked", "other_team", "own_team", "coordinator",
           "member_coordinator"]


def caller(world: World, kind: str) -> tuple[Device | None, dict[str, str]]:
    if kind == "no_token":
        return None, {}
    if kind == "unknown_token":
        return None, {"Authorization": "Bearer not-a-token-this-server-issued"}
    if kind == "revoked":
        device = world.enrol("anna@example.org")
        admin.revoke_device(world.storage, device.device_id, actor=ACTOR)
        return device, device.headers
    device = {"other_team": world.carla, "own_team": world.anna, "coordinator": world.cora,
              "member_coordinator": world.dirk}[kind]
    return device, device.headers


def push_body(device: Device | None, world: World, record_id: str) -> dict[str, Any]:
    return {"device_id": device.device_id if device else new_id(), "batch_id": "m1",
            "changes": [change("meeting", record_id, world.team_a,
                               meeting(notes="Team A's notes"), at=stamp(1))]}


@pytest.mark.parametrize("kind", CALLERS)
def test_push(world: World, kind: str) -> None:
    device, headers = caller(world, kind)
    record_id = new_id()
    before = snapshot(world.storage)
    answer = world.client.post("/api/v1/sync/push", json=push_body(device, world, record_id),
                               headers=headers)
    with world.storage.read() as tx:
        stored = record_id in tx.get_records([record_id])
    if kind in ("no_token", "unknown_token", "revoked"):
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "unauthorized"
        assert answer.headers["www-authenticate"] == "Bearer"
        assert snapshot(world.storage)[:3] == before[:3]
    elif kind in ("own_team", "member_coordinator"):
        assert answer.status_code == 200
        assert answer.json()["results"][0]["outcome"] == "applied"
        assert stored
    else:  # a team the caller is not a member of, whatever the role
        assert answer.status_code == 200
        assert answer.json()["results"][0]["code"] == "forbidden_team"
        assert not stored


@pytest.mark.parametrize("kind", CALLERS)
def test_pull(world: World, kind: str) -> None:
    record_id = new_id()
    # Pushed from anna's second laptop: a device is not sent its own changes back.
    world.enrol("anna@example.org").push([change("meeting", record_id, world.team_a,
                                                 meeting(notes="Private"), at=stamp(1))])
    _, headers = caller(world, kind)
    answer = world.client.get("/api/v1/sync/pull", params={"cursor": 0}, headers=headers)
    if kind in ("no_token", "unknown_token", "revoked"):
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "unauthorized"
        return
    assert answer.status_code == 200
    ids = {c.get("id") for c in answer.json()["changes"]}
    sees_notes = record_id in ids
    assert sees_notes == (kind in ("own_team", "member_coordinator"))
    teams = {c["team_id"] for c in answer.json()["changes"]}
    assert teams <= set(world.anna.team_ids if sees_notes else
                        (world.carla.team_ids if kind == "other_team" else []))


@pytest.mark.parametrize("kind", CALLERS)
def test_reports(world: World, kind: str) -> None:
    _, headers = caller(world, kind)
    answer = world.client.get("/api/v1/reports/programme", headers=headers)
    if kind in ("no_token", "unknown_token", "revoked"):
        assert answer.status_code == 401
        return
    assert answer.status_code == 200
    report = answer.json()
    expected_teams = {"own_team": 1, "other_team": 1, "coordinator": 2,
                      "member_coordinator": 2}[kind]
    assert report["teams_included"] == expected_teams
    own = {"own_team": [world.team_a], "other_team": [world.team_b], "coordinator": [],
           "member_coordinator": [world.team_a]}[kind]
    assert [t["id"] for t in report["teams"]] == own


@pytest.mark.parametrize("kind", CALLERS)
def test_enroll_and_health_need_no_token(world: World, kind: str) -> None:
    _, headers = caller(world, kind)
    health = world.client.get("/healthz", headers=headers).json()
    assert health["status"] == "ok" and isinstance(health["server_time_ms"], int)
    answer = world.client.post("/api/v1/enroll", json={"code": "WRONG-CODE", "device_name": "x"},
                               headers=headers)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_code"


def test_a_push_must_name_the_tokens_own_device(world: World) -> None:
    body = push_body(world.bram, world, new_id())  # Bram's device id, Anna's token
    answer = world.client.post("/api/v1/sync/push", json=body, headers=world.anna.headers)
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "device_mismatch"


def test_revocation_takes_effect_on_the_next_request(world: World) -> None:
    device = world.enrol("bram@example.org")
    assert device.pull_raw().status_code == 200
    admin.revoke_device(world.storage, device.device_id, actor=ACTOR)
    answer = device.pull_raw()
    assert answer.status_code == 401 and "revoked" in answer.json()["error"]["message"]
    assert world.bram.pull_raw().status_code == 200  # the user's other device still works


# -- issue 6: settings, erasure, audit upload, retention report -----------------------------
UNAUTHENTICATED = ("no_token", "unknown_token", "revoked")


def _refused(answer: Any) -> None:
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    assert answer.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("kind", CALLERS)
def test_settings(world: World, kind: str) -> None:
    _, headers = caller(world, kind)
    answer = world.client.get("/api/v1/settings", headers=headers)
    if kind in UNAUTHENTICATED:
        return _refused(answer)
    assert answer.status_code == 200 and answer.json()["retention_months"] == 24
    return None


@pytest.mark.parametrize("kind", CALLERS)
def test_members(world: World, kind: str) -> None:
    """Names of the caller's own teams' members only, whatever the caller's role."""
    _, headers = caller(world, kind)
    answer = world.client.get("/api/v1/members", headers=headers)
    if kind in UNAUTHENTICATED:
        return _refused(answer)
    assert answer.status_code == 200
    names = {m["name"]: m["team_ids"] for m in answer.json()["members"]}
    expected = {"other_team": {"Carla": [world.team_b]},
                "coordinator": {}}.get(kind, {name: [world.team_a]
                                              for name in ("Anna", "Bram", "Dirk")})
    assert names == expected
    assert all(set(m) == {"id", "name", "team_ids"} for m in answer.json()["members"])
    return None


@pytest.mark.parametrize("kind", CALLERS)
def test_erase(world: World, kind: str) -> None:
    from .helpers import youngster

    yid = new_id()
    world.anna.push([change("youngster", yid, world.team_a, youngster(), at=stamp(1))])
    _, headers = caller(world, kind)
    before = snapshot(world.storage)
    answer = world.client.post("/api/v1/erase", json={"youngster_id": yid,
                                                      "team_id": world.team_a}, headers=headers)
    with world.storage.read() as tx:
        erased = bool(tx.erased_among([yid]))
    if kind in UNAUTHENTICATED:
        _refused(answer)
    elif kind in ("own_team", "member_coordinator"):
        assert answer.status_code == 200 and answer.json()["erased"] is True
    else:  # another team's social worker, a coordinator who is not a member
        assert answer.status_code == 403
        assert answer.json()["error"]["code"] == "forbidden_team"
    assert erased == (kind in ("own_team", "member_coordinator"))
    if not erased:
        assert snapshot(world.storage) == before


@pytest.mark.parametrize("kind", CALLERS)
def test_audit_upload(world: World, kind: str) -> None:
    device, headers = caller(world, kind)
    entry = {"seq": 1, "at": "2026-11-28T10:00:00+00:00", "actor": "someone", "action": "open",
             "entity": None, "record_id": None}
    answer = world.client.post("/api/v1/audit", headers=headers, json={
        "device_id": device.device_id if device else new_id(), "entries": [entry]})
    with world.storage.read() as tx:
        stored = tx.device_audit_count()
    if kind in UNAUTHENTICATED:
        _refused(answer)
        assert stored == 0
    else:  # every enrolled device uploads its own log, whatever its teams
        assert answer.status_code == 200 and answer.json() == {"stored": 1}
        assert stored == 1


@pytest.mark.parametrize("kind", CALLERS)
def test_retention_due(world: World, kind: str) -> None:
    from .helpers import youngster

    ids = {}
    for team, device in ((world.team_a, world.anna), (world.team_b, world.carla)):
        ids[team] = new_id()
        device.push([change("youngster", ids[team], team, youngster(
            intake_date="2015-01-01", status="exited", exit_date="2019-05-01",
            exit_reason="moved_away"), at=stamp(1, "n" + team[:4]))])
    _, headers = caller(world, kind)
    answer = world.client.get("/api/v1/retention/due", headers=headers)
    if kind in UNAUTHENTICATED:
        return _refused(answer)
    assert answer.status_code == 200
    teams = {"own_team": [world.team_a], "other_team": [world.team_b],
             "coordinator": [world.team_a, world.team_b],
             "member_coordinator": [world.team_a, world.team_b]}[kind]
    assert sorted(d["youngster_id"] for d in answer.json()) == sorted(ids[t] for t in teams)
    return None
