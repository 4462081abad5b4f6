"""Issue 6, server half: settings, device erasure, device audit logs, retention, receipts."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from joinus_desktop.domain import retention
from joinus_server import admin, organisation
from joinus_server.erasure import erase_youngster
from joinus_server.errors import AdminError

from .helpers import ACTOR, World, change, meeting, new_id, observation, snapshot, stamp, youngster
from .keys import keypair
from .test_erasure import SECRET, dump, seed


def erase(world: World, device: Any, youngster_id: str, team_id: str) -> Any:
    return world.client.post("/api/v1/erase", json={"youngster_id": youngster_id,
                                                    "team_id": team_id}, headers=device.headers)


def error(answer: Any) -> str:
    body = answer.json()
    assert set(body["error"]) == {"code", "message"}
    return str(body["error"]["code"])


# -- settings ---------------------------------------------------------------------------
def test_settings_default_then_as_set(world: World) -> None:
    answer = world.client.get("/api/v1/settings", headers=world.anna.headers)
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"retention_months", "organisation_public_key",
                         "organisation_key_rotations", "server_time_ms"}
    assert body["retention_months"] == 24 and body["organisation_public_key"] is None
    assert body["organisation_key_rotations"] == []
    assert isinstance(body["server_time_ms"], int)
    _, public = keypair()
    result = organisation.set_org_key(world.storage, public, actor=ACTOR)
    organisation.set_retention(world.storage, 36, actor=ACTOR)
    body = world.client.get("/api/v1/settings", headers=world.carla.headers).json()
    assert body["retention_months"] == 36
    assert body["organisation_public_key"].startswith("-----BEGIN PUBLIC KEY-----")
    assert result["bits"] == 3072 and len(result["fingerprint"]) == 64


def test_the_enroll_answer_carries_the_organisation_settings(world: World) -> None:
    _, public = keypair()
    organisation.set_org_key(world.storage, public, actor=ACTOR)
    code = admin.invite(world.storage, "bram@example.org", actor=ACTOR)["code"]
    body = world.client.post("/api/v1/enroll", json={"code": code, "device_name": "b2"}).json()
    assert body["retention_months"] == 24
    assert body["organisation_public_key"].strip() == public.decode().strip()


def test_a_key_is_replaced_only_by_a_signed_rotation(world: World) -> None:
    from joinus_desktop.store.org_key_rotation import sign_rotation, verify_rotation

    old_private, old_public = keypair()
    new_private, new_public = keypair("next")
    organisation.set_org_key(world.storage, old_public, actor=ACTOR)
    organisation.set_org_key(world.storage, old_public, actor=ACTOR)  # the same key: fine
    with pytest.raises(AdminError, match="use admin rotate-org-key"):
        organisation.set_org_key(world.storage, new_public, actor=ACTOR)
    with pytest.raises(AdminError, match="current organisation key is"):
        organisation.rotate_org_key(world.storage, sign_rotation(new_private, old_public),
                                    actor=ACTOR)
    rotation = sign_rotation(old_private, new_public)
    result = organisation.rotate_org_key(world.storage, {**rotation, "extra": "dropped"},
                                         actor=ACTOR)
    assert result["rotations"] == 1
    body = world.client.get("/api/v1/settings", headers=world.anna.headers).json()
    assert body["organisation_public_key"].strip() == new_public.decode().strip()
    assert body["organisation_key_rotations"] == [rotation]
    assert verify_rotation(body["organisation_key_rotations"][0]).new == result["fingerprint"]
    # An unsigned replacement (the old private key lost) drops the chain: it leads nowhere.
    organisation.set_org_key(world.storage, old_public, actor=ACTOR, replace_unsigned=True)
    body = world.client.get("/api/v1/settings", headers=world.anna.headers).json()
    assert body["organisation_key_rotations"] == []
    trail = admin.audit_trail(world.storage, limit=10, record_id=None, device_id=None)
    keys = [(e["action"], e["detail"].get("unsigned_replacement")) for e in trail
            if "org_key" in e["action"]]
    assert keys == [("set_org_key", False), ("set_org_key", False), ("rotate_org_key", None),
                    ("set_org_key", True)]


@pytest.mark.parametrize("pem,message", [
    (b"not a key", "not a PEM public key"),
    (keypair("small", 2048)[1], "at least 3072 bits"),
    (keypair()[0], "this is a private key"),
])
def test_weak_or_wrong_organisation_keys_are_refused(world: World, pem: bytes,
                                                     message: str) -> None:
    with pytest.raises(AdminError, match=message):
        organisation.set_org_key(world.storage, pem, actor=ACTOR)
    with world.storage.read() as tx:
        assert organisation.settings_in(tx)["organisation_public_key"] is None


@pytest.mark.parametrize("months", [0, -1, 241])
def test_retention_must_be_sensible(world: World, months: int) -> None:
    with pytest.raises(AdminError, match="1 to 240 months"):
        organisation.set_retention(world.storage, months, actor=ACTOR)


# -- erasure by a device ----------------------------------------------------------------
def test_a_device_erases_exactly_as_the_administrator_does(world: World) -> None:
    yid, other, meeting_id = seed(world)
    answer = erase(world, world.anna, yid, world.team_a)
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"erased", "purge_cursor"} and body["erased"] is True
    text = dump(world)
    assert SECRET not in text and "Secret behaviour text" not in text
    entries, last = world.bram.pull_all()
    assert entries[-1] == {"cursor": body["purge_cursor"], "kind": "purge",
                           "team_id": world.team_a, "youngster_id": yid}
    assert {e.get("id") for e in entries} >= {other, meeting_id}
    assert last["counts"][world.team_a]["youngster"] == 1
    [row] = [a for a in admin.audit_trail(world.storage) if a["action"] == "erase_youngster"]
    assert row["actor"] == f"device:{world.anna.device_id}"
    assert row["detail"]["youngster_id"] == yid and row["detail"]["records_erased"] == 4
    assert row["device_id"] == world.anna.device_id and row["at"]
    # Later changes to the erased youngster are refused, as after an admin erasure.
    pushed = world.bram.push([change("youngster", yid, world.team_a, {"alias": "Back"},
                                     at=stamp(90, "bram")),
                              change("observation", new_id(), world.team_a, observation(yid),
                                     at=stamp(91, "bram"))])
    assert [r["code"] for r in pushed["results"]] == ["erased", "erased"]


def test_erasing_twice_answers_the_first_purge_cursor(world: World) -> None:
    yid, _, _ = seed(world)
    first = erase(world, world.anna, yid, world.team_a).json()
    before = snapshot(world.storage)
    again = erase(world, world.bram, yid, world.team_a)
    assert again.status_code == 200 and again.json() == first
    assert snapshot(world.storage) == before
    with pytest.raises(AdminError, match="already erased"):
        erase_youngster(world.storage, yid, actor=ACTOR)


def test_an_admin_erasure_is_also_idempotent_for_devices(world: World) -> None:
    yid, _, _ = seed(world)
    cursor = erase_youngster(world.storage, yid, actor=ACTOR)["purge_cursor"]
    answer = erase(world, world.anna, yid, world.team_a)
    assert answer.status_code == 200 and answer.json() == {"erased": True, "purge_cursor": cursor}


def test_a_youngster_the_server_never_received_is_remembered_as_erased(world: World) -> None:
    yid = new_id()  # created and erased on Anna's laptop before it ever synced
    answer = erase(world, world.anna, yid, world.team_a)
    assert answer.status_code == 200
    cursor = answer.json()["purge_cursor"]
    entries, _ = world.bram.pull_all()  # Bram may have it from an exported file: he wipes too
    assert {"cursor": cursor, "kind": "purge", "team_id": world.team_a,
            "youngster_id": yid} in entries
    carla, _ = world.carla.pull_all()
    assert all(e.get("youngster_id") != yid for e in carla)
    pushed = world.bram.push([change("youngster", yid, world.team_a, youngster(), at=stamp(5)),
                              change("observation", new_id(), world.team_a, observation(yid),
                                     at=stamp(6))])
    assert [r["code"] for r in pushed["results"]] == ["erased", "erased"]
    receipt = organisation.erasure_receipt(world.storage, yid)
    assert receipt["held_by_server"] is False and receipt["records_erased"] == 0
    assert erase(world, world.anna, yid, world.team_a).json()["purge_cursor"] == cursor


def test_another_teams_youngster_cannot_be_erased(world: World) -> None:
    theirs = new_id()
    world.carla.push([change("youngster", theirs, world.team_b, youngster(alias=SECRET),
                             at=stamp(0, "carla"))])
    before = snapshot(world.storage)
    for team in (world.team_b, world.team_a):  # not a member / the id lives in another team
        answer = erase(world, world.anna, theirs, team)
        assert answer.status_code == 403 and error(answer) == "forbidden_team"
    answer = erase(world, world.cora, theirs, world.team_b)  # coordinators: members only
    assert answer.status_code == 403 and error(answer) == "forbidden_team"
    assert snapshot(world.storage) == before and SECRET in dump(world)
    # Once erased in its own team, another team still cannot claim the id.
    assert erase(world, world.carla, theirs, world.team_b).status_code == 200
    answer = erase(world, world.anna, theirs, world.team_a)
    assert answer.status_code == 403 and error(answer) == "forbidden_team"


@pytest.mark.parametrize("body", [
    [], {"youngster_id": "Sam"}, {"youngster_id": "Sam", "team_id": "x"},
    {"youngster_id": "01A2224C-0000-7000-8000-000000000001",
     "team_id": "01a2224c-0000-7000-8000-000000000001"},
    {"youngster_id": "01a2224c-0000-7000-8000-000000000001",
     "team_id": "01a2224c-0000-7000-8000-000000000001", "note": "why"},
])
def test_malformed_erase_requests_are_refused(world: World, body: Any) -> None:
    before = snapshot(world.storage)
    answer = world.client.post("/api/v1/erase", json=body, headers=world.anna.headers)
    assert answer.status_code == 400 and error(answer) == "invalid_request"
    assert snapshot(world.storage) == before


def test_only_youngsters_can_be_erased(world: World) -> None:
    meeting_id = new_id()
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=stamp(0))])
    answer = erase(world, world.anna, meeting_id, world.team_a)
    assert answer.status_code == 400 and "not a youngster" in answer.json()["error"]["message"]


# -- receipts ---------------------------------------------------------------------------
def test_the_receipt_shows_which_devices_confirmed_the_purge(world: World) -> None:
    yid, _, _ = seed(world)
    lost = world.enrol("bram@example.org", name="old laptop")
    admin.revoke_device(world.storage, lost.device_id, actor=ACTOR)
    cursor = erase(world, world.anna, yid, world.team_a).json()["purge_cursor"]
    receipt = organisation.erasure_receipt(world.storage, yid)
    assert receipt["how"] == "device" and receipt["device_id"] == world.anna.device_id
    assert receipt["erased_by"] == f"device:{world.anna.device_id}"
    assert receipt["purge_cursor"] == cursor and receipt["held_by_server"] is True
    assert receipt["records_erased"] == 4 and receipt["erased_at"]
    devices = {d["device_id"]: d for d in receipt["devices"]}
    # Team A's members: Anna, Bram, Dirk; Carla and Cora are not members; revoked: not listed.
    assert set(devices) == {world.anna.device_id, world.bram.device_id, world.dirk.device_id}
    assert not any(d["confirmed"] for d in devices.values()) and not receipt["all_confirmed"]
    # Bram's laptop was offline for a month: it has not pulled. Then it syncs.
    world.bram.pull_all()  # receives the purge (cursor 0 -> head): not yet a confirmation
    assert not organisation.erasure_receipt(world.storage, yid)["devices"][1]["confirmed"]
    world.bram.pull(cursor)  # its next pull starts after the purge: applied
    for device in (world.anna, world.dirk):
        device.pull(cursor)
    receipt = organisation.erasure_receipt(world.storage, yid)
    assert all(d["confirmed"] and d["confirmed_at"] for d in receipt["devices"])
    assert receipt["all_confirmed"]


def test_an_admin_erasure_receipt_names_the_admin(world: World) -> None:
    yid, _, _ = seed(world)
    erase_youngster(world.storage, yid, actor="admin:root")
    receipt = organisation.erasure_receipt(world.storage, yid)
    assert receipt["how"] == "admin" and receipt["erased_by"] == "admin:root"
    assert receipt["device_id"] is None
    assert admin.list_purges(world.storage)[0]["erased_by"] == "admin:root"
    with pytest.raises(AdminError, match="was not erased"):
        organisation.erasure_receipt(world.storage, new_id())


# -- devices' audit logs ----------------------------------------------------------------
def entry(seq: int, **overrides: Any) -> dict[str, Any]:
    return {"seq": seq, "at": "2026-01-05T10:00:00.123+00:00", "actor": "user-anna",
            "action": "open", "entity": "youngster",
            "record_id": "01a2224c-0000-7000-8000-000000000001", **overrides}


def upload(world: World, entries: list[dict[str, Any]], device: Any = None,
           device_id: str | None = None) -> Any:
    device = device or world.anna
    return world.client.post("/api/v1/audit", headers=device.headers,
                             json={"device_id": device_id or device.device_id,
                                   "entries": entries})


def test_device_audit_entries_are_stored_once_per_seq(world: World) -> None:
    batch = [entry(1), entry(2, action="export", entity=None, record_id=None)]
    answer = upload(world, batch)
    assert answer.status_code == 200 and answer.json() == {"stored": 2}
    again = upload(world, [*batch, entry(3, action="erase")])
    assert again.status_code == 200 and again.json() == {"stored": 3}
    assert upload(world, [], world.bram).json() == {"stored": 0}
    assert upload(world, [entry(1, action="change")], world.bram).json() == {"stored": 1}
    with world.storage.read() as tx:
        assert tx.device_audit_count() == 4
    trail = admin.audit_trail(world.storage)
    devices = [e for e in trail if e["source"] == "device"]
    assert [(e["device_id"], e["seq"]) for e in devices if e["device_id"] ==
            world.anna.device_id] == [(world.anna.device_id, 1), (world.anna.device_id, 2),
                                      (world.anna.device_id, 3)]
    first = devices[0]
    assert first["actor"] == "user-anna" and first["entity"] == "youngster"


def test_audit_filters_by_record_and_device(world: World) -> None:
    yid, _, _ = seed(world)
    upload(world, [entry(1, record_id=yid), entry(2)])
    upload(world, [entry(1, record_id=yid, action="change")], world.bram)
    erase(world, world.anna, yid, world.team_a)
    about = admin.audit_trail(world.storage, record_id=yid)
    assert [(e["source"], e["action"]) for e in about] == [
        ("device", "open"), ("device", "change"), ("server", "erase_youngster")]
    anna = admin.audit_trail(world.storage, device_id=world.anna.device_id)
    assert {e["source"] for e in anna} == {"server", "device"}
    assert all(e["device_id"] == world.anna.device_id for e in anna)
    assert {e["action"] for e in anna} >= {"enroll", "push", "erase_youngster", "open"}
    both = admin.audit_trail(world.storage, record_id=yid, device_id=world.bram.device_id)
    assert [(e["source"], e["action"]) for e in both] == [("device", "change")]
    assert len(admin.audit_trail(world.storage, limit=2)) == 2
    with pytest.raises(AdminError, match="--record must be a lowercase UUID"):
        admin.audit_trail(world.storage, record_id="Sam")


@pytest.mark.parametrize("bad", [
    {"action": "read_notes"},
    {"action": "OPEN"},
    {"entity": "diary"},
    {"entity": ["youngster"]},  # unhashable: a 400, not a crash (found by the fuzzer)
    {"action": {"open": 1}},
    {"record_id": "Sam"},
    {"record_id": "01A2224C-0000-7000-8000-000000000001"},
    {"actor": "x" * 81},
    {"actor": ""},
    {"actor": "line\nbreak"},
    {"at": "yesterday"},
    {"at": "2026-11-28T10:00:00"},  # no offset: whose clock?
    {"at": 1795872008537},
    {"seq": -1},
    {"seq": "1"},
    {"seq": True},
    {"seq": 1.5},
    {"note": "Sam cried today"},  # content never goes in an audit entry
])
def test_audit_entries_with_anything_but_ids_and_actions_are_refused(world: World,
                                                                     bad: dict[str, Any]) -> None:
    before = snapshot(world.storage)
    answer = upload(world, [entry(1), {**entry(2), **bad}])
    assert answer.status_code == 400 and error(answer) == "invalid_request"
    assert snapshot(world.storage) == before


def test_malformed_audit_uploads_are_refused(world: World) -> None:
    before = snapshot(world.storage)
    answer = upload(world, [entry(1)], device_id=world.bram.device_id)
    assert answer.status_code == 403 and error(answer) == "device_mismatch"
    answer = upload(world, [entry(i) for i in range(1001)])
    assert answer.status_code == 413 and error(answer) == "batch_too_large"
    answer = upload(world, [entry(1), entry(1)])
    assert answer.status_code == 400 and "twice" in answer.json()["error"]["message"]
    bodies: list[Any] = [[], {"device_id": world.anna.device_id},
                         {"device_id": world.anna.device_id, "entries": {}},
                         {"device_id": world.anna.device_id, "entries": [], "extra": 1}]
    for body in bodies:
        answer = world.client.post("/api/v1/audit", json=body, headers=world.anna.headers)
        assert answer.status_code == 400 and error(answer) == "invalid_request"
    assert snapshot(world.storage) == before
    assert len(upload(world, [entry(i) for i in range(1000)]).json()) == 1


# -- retention --------------------------------------------------------------------------
def exited(exit_date: str, **overrides: Any) -> dict[str, Any]:
    return youngster(intake_date="2015-01-01", status="exited", exit_date=exit_date,
                     exit_reason="goals_met", **overrides)


def test_retention_due_lists_exited_youngsters_past_the_period(world: World) -> None:
    today = dt.date.today()
    long_ago, recent, other_team, active = new_id(), new_id(), new_id(), new_id()
    world.anna.push([
        change("youngster", long_ago, world.team_a, exited("2020-01-31"), at=stamp(0)),
        change("youngster", recent, world.team_a, exited(today.isoformat()), at=stamp(0)),
        change("youngster", active, world.team_a, youngster(), at=stamp(0)),
    ])
    world.carla.push([change("youngster", other_team, world.team_b, exited("2021-03-01"),
                             at=stamp(0, "carla"))])

    def due(device: Any) -> list[dict[str, Any]]:
        answer = world.client.get("/api/v1/retention/due", headers=device.headers)
        assert answer.status_code == 200
        return list(answer.json())

    assert due(world.anna) == [{"youngster_id": long_ago, "team_id": world.team_a,
                                "exit_date": "2020-01-31", "erase_after": "2022-01-31"}]
    assert [d["youngster_id"] for d in due(world.carla)] == [other_team]
    assert [d["youngster_id"] for d in due(world.cora)] == [long_ago, other_team]
    assert [d["youngster_id"] for d in due(world.dirk)] == [long_ago, other_team]
    assert organisation.retention_due(world.storage, None) == due(world.cora)
    organisation.set_retention(world.storage, 1, actor=ACTOR)
    assert due(world.anna)[0]["erase_after"] == "2020-02-29"  # the 31st: end of February
    erase(world, world.anna, long_ago, world.team_a)
    assert due(world.anna) == []  # erased youngsters are no longer due
    future = organisation.retention_due(world.storage, None,
                                        today=retention.add_months(today, 1))
    assert recent in {d["youngster_id"] for d in future}


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    add = retention.add_months
    assert add(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add(dt.date(2024, 11, 30), 24) == dt.date(2026, 11, 30)
    assert add(dt.date(2024, 12, 15), 1) == dt.date(2025, 1, 15)


def test_nothing_in_the_audit_trail_carries_content(world: World) -> None:
    yid, _, _ = seed(world)
    erase(world, world.anna, yid, world.team_a)
    upload(world, [entry(1, record_id=yid)])
    text = json.dumps(admin.audit_trail(world.storage, limit=1000))
    assert SECRET not in text and "Secret behaviour text" not in text
