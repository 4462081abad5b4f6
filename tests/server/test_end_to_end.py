"""The real thing: ``joinus-server serve`` as a separate process on loopback, both backends."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.support.server_process import ServerProcess, enrol_device, run_admin

from .helpers import change, meeting, new_id, stamp, youngster

pytestmark = pytest.mark.slow


def push(server: ServerProcess, device: Any, changes: list[dict[str, Any]],
         batch_id: str | None = None) -> dict[str, Any]:
    body = {"device_id": device.device_id, "batch_id": batch_id or uuid.uuid4().hex,
            "changes": changes}
    answer = httpx.post(f"{server.url}/api/v1/sync/push", json=body, headers=device.headers,
                        timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def pull_all(server: ServerProcess, device: Any, cursor: int = 0,
             shape: str | None = "values") -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    while True:
        params: dict[str, Any] = {"cursor": cursor}
        if shape is not None:
            params["shape"] = shape
        answer = httpx.get(f"{server.url}/api/v1/sync/pull", params=params,
                           headers=device.headers, timeout=30)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        entries += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return entries


def test_two_devices_sync_through_a_real_server(
        server_factory: Callable[..., ServerProcess], database_url: str) -> None:
    server = server_factory(database_url)
    anna = enrol_device(server.url, database_url, teams=["Oost"])
    bram = enrol_device(server.url, database_url, teams=["Oost"])
    assert anna.team_ids == bram.team_ids and anna.epoch == bram.epoch
    yid = new_id()
    push(server, anna, [change("youngster", yid, anna.team_ids[0], youngster(), at=stamp(0))])
    entries = pull_all(server, bram)
    [pulled] = [e for e in entries if e.get("id") == yid]
    # One write set every field: sent with its one stamp, not a stamp per field.
    assert pulled["stamp"] == stamp(0) and pulled["values"] == youngster()
    assert "fields" not in pulled
    # A laptop from before that shape asks without it, and gets a stamp per field.
    [as_before] = [e for e in pull_all(server, bram, shape=None) if e.get("id") == yid]
    assert as_before["fields"] == {name: {"value": value, "stamp": stamp(0)}
                                   for name, value in youngster().items()}
    assert "values" not in as_before and "stamp" not in as_before
    assert pulled["author"] == anna.user_id
    schema = httpx.get(f"{server.url}/openapi.json").json()
    assert "/api/v1/sync/push" in schema["paths"]


def test_a_killed_server_loses_nothing_it_acknowledged(
        server_factory: Callable[..., ServerProcess], database_url: str) -> None:
    server = server_factory(database_url)
    device = enrol_device(server.url, database_url)
    team = device.team_ids[0]
    ids = [new_id() for _ in range(50)]
    first = push(server, device, [change("meeting", i, team, meeting(), at=stamp(1))
                                  for i in ids], batch_id="before-crash")
    server.kill()  # SIGKILL: no graceful shutdown
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{server.url}/healthz", timeout=1)
    server.start()
    # The client never saw the answer and retries: the same answer, nothing applied twice.
    again = push(server, device, [change("meeting", i, team, meeting(), at=stamp(1))
                                  for i in ids], batch_id="before-crash")
    assert again["results"] == first["results"]
    colleague = enrol_device(server.url, database_url, teams=["Join Us Test"])
    meetings = [e for e in pull_all(server, colleague) if e.get("entity") == "meeting"]
    assert sorted(e["id"] for e in meetings) == sorted(ids)


def test_concurrent_devices_over_http_see_gap_free_cursors(
        server_factory: Callable[..., ServerProcess], database_url: str) -> None:
    server = server_factory(database_url)
    devices = [enrol_device(server.url, database_url, teams=["Oost"]) for _ in range(4)]
    team = devices[0].team_ids[0]
    errors: list[BaseException] = []

    def run(device: Any, n: int) -> None:
        try:
            for b in range(5):
                push(server, device, [change("meeting", new_id(), team, meeting(),
                                             at=stamp(b * 10 + c, f"d{n}")) for c in range(20)])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d, n)) for n, d in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors[0]
    # A fifth device reads: pushers are not sent their own changes back.
    reader = enrol_device(server.url, database_url, teams=["Oost"])
    cursors = [e["cursor"] for e in pull_all(server, reader)]
    assert cursors == list(range(1, 1 + 1 + 4 * 5 * 20))


def test_revocation_and_erasure_through_the_cli(
        server_factory: Callable[..., ServerProcess], database_url: str) -> None:
    server = server_factory(database_url)
    device = enrol_device(server.url, database_url)
    yid = new_id()
    push(server, device, [change("youngster", yid, device.team_ids[0], youngster(), at=stamp(0))])
    erased = run_admin(database_url, "erase-youngster", yid)
    entries = pull_all(server, device)
    assert entries[-1] == {"cursor": erased["purge_cursor"], "kind": "purge",
                           "team_id": device.team_ids[0], "youngster_id": yid}
    devices = run_admin(database_url, "list-devices")
    assert [d["id"] for d in devices] == [device.device_id]
    run_admin(database_url, "revoke-device", device.device_id)
    answer = httpx.get(f"{server.url}/api/v1/sync/pull", headers=device.headers)
    assert answer.status_code == 401


@pytest.mark.postgres
def test_several_workers_share_one_postgresql(
        server_factory: Callable[..., ServerProcess], postgres_url: str) -> None:
    server = server_factory(postgres_url, "--workers", "2")
    devices = [enrol_device(server.url, postgres_url, teams=["Oost"]) for _ in range(3)]
    team = devices[0].team_ids[0]
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for n in range(12):  # new connections: spread over both worker processes
            device = devices[n % 3]
            body = {"device_id": device.device_id, "batch_id": f"b{n}",
                    "changes": [change("meeting", new_id(), team, meeting(), at=stamp(n))]}
            answer = client.post("/api/v1/sync/push", json=body, headers=device.headers)
            assert answer.status_code == 200
    reader = enrol_device(server.url, postgres_url, teams=["Oost"])
    cursors = [e["cursor"] for e in pull_all(server, reader)]
    assert cursors == list(range(1, 14))


def _backup(database_url: str, request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A copy of the database as it is now (the server must be stopped); the copy's URL."""
    if database_url.startswith("sqlite:///"):
        import shutil

        source = database_url[len("sqlite:///"):]
        target = str(tmp_path / "backup.db")
        shutil.copyfile(source, target)
        return f"sqlite:///{target}"
    server = request.getfixturevalue("postgres_server")
    name = database_url.rsplit("/", 1)[1]
    copy = f"{name}_backup"
    server.admin_execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    request.addfinalizer(lambda: server.drop_database(copy))
    return str(server.url(copy))


def test_a_restore_from_backup_is_noticed_and_repaired(
        server_factory: Callable[..., ServerProcess], database_url: str,
        request: pytest.FixtureRequest, tmp_path: Any) -> None:
    server = server_factory(database_url)
    device = enrol_device(server.url, database_url)
    team = device.team_ids[0]
    early, late = new_id(), new_id()
    push(server, device, [change("meeting", early, team, meeting(), at=stamp(1))])
    server.stop()
    backup_url = _backup(database_url, request, tmp_path)
    server.start()
    late_change = change("meeting", late, team, meeting(notes="after the backup"), at=stamp(2))
    push(server, device, [late_change])
    cursor = httpx.get(f"{server.url}/api/v1/sync/pull", params={"cursor": 0},
                       headers=device.headers).json()["cursor"]
    server.stop()
    # The disk dies; the backup is restored and the administrator starts a new epoch.
    restored = server_factory(backup_url)
    epoch = run_admin(backup_url, "new-epoch")["epoch"]
    answer = httpx.get(f"{restored.url}/api/v1/sync/pull", params={"cursor": cursor},
                       headers=device.headers)
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "resync_required"
    # The device re-sends what the server may have lost, then pulls from the start.
    again = push(restored, device, [late_change])
    assert again["epoch"] == epoch and again["results"][0]["outcome"] == "applied"
    colleague = enrol_device(restored.url, backup_url, teams=["Join Us Test"])
    ids = {e.get("id") for e in pull_all(restored, colleague)}
    assert {early, late} <= ids
