"""`joinus-desktop sync` never prints a traceback (issue 12): every failure ends in one
clear line and a non-zero status. The CLI runs as a subprocess, against a real server
and against a scripted one on loopback that answers as a broken or hostile server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.store import Store
from tests.conftest import FAST_ARGON2
from tests.support.fake_server import FakeServer, Reply, Request
from tests.support.postgres import free_port

from .poison import store_on_server
from .test_cli_sync import PASS, cli

TEAM = uuid7()
EPOCH = "epoch-1"


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *, status: int = 1) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("joinus-desktop: "), result.stderr
    assert len(lines[-1]) < 400
    return lines[-1]


def fake_vault(tmp_path: Path, url: str) -> Path:
    """A vault enrolled with ``url`` (as enrolment would leave it), holding one change."""
    root = tmp_path / "laptop"
    store, _ = Store.create(root, PASS, argon2=FAST_ARGON2)
    store.sync.set(server_url=url, token="token", server_device_id="device", user_id="user",
                   cursor=0, epoch=EPOCH, teams=TEAM)
    team = store.teams.create(name="Join Us Oost", municipality="Utrecht",
                              age_group="12-18").record["id"]
    store.sync.rehome_local_team(team, TEAM)
    store.youngsters.add(team_id=TEAM, alias="Sam", intake_date="2026-01-10")
    store.lock()
    return root


def answer_push(request: Request) -> Reply:
    body = request.json()
    return Reply.of({"batch_id": body["batch_id"], "epoch": EPOCH,
                     "server_time_ms": wall_clock_ms(),
                     "results": [{"index": i, "id": c["id"], "outcome": "applied"}
                                 for i, c in enumerate(body["changes"])]})


def page(**overrides: object) -> Callable[[Request], Reply]:
    def answer(request: Request) -> Reply:
        return Reply.of({"epoch": EPOCH, "cursor": 1, "has_more": False, "changes": [],
                         "server_time_ms": wall_clock_ms(), **overrides})
    return answer


def serving(**routes: Callable[[Request], Reply] | Reply) -> Callable[[Request], Reply]:
    """An honest server, except for the routes given (by path, ``/`` as ``_``)."""
    honest: dict[str, Callable[[Request], Reply] | Reply] = {
        "/healthz": lambda r: Reply.of({"status": "ok", "server_time_ms": wall_clock_ms()}),
        "/api/v1/sync/push": answer_push,
        "/api/v1/sync/pull": page(),
        "/api/v1/settings": Reply.of({}),
        "/api/v1/audit": Reply.of({"accepted": 0}),
    }
    honest.update({k.replace("_", "/").replace("api/v1/sync/", "api/v1/sync/"): v
                   for k, v in routes.items()})

    def answer(request: Request) -> Reply:
        reply = honest.get(request.path, Reply.of({"error": {"code": "not_found"}}, 404))
        return reply(request) if callable(reply) else reply
    return answer


DEEP = b"[" * 100_000 + b"]" * 100_000
HOSTILE = {
    "health answers 500": serving(**{"/healthz": Reply(500, b"Internal Server Error")}),
    "health answers HTML": serving(**{"/healthz": Reply(200, b"<html>hi</html>")}),
    "health answers a list": serving(**{"/healthz": Reply.of([1, 2])}),
    "push answers 503": serving(**{"/api/v1/sync/push": Reply(503, b"busy")}),
    "push answers 400 with garbage": serving(**{"/api/v1/sync/push": Reply(400, b"\xff\xfe")}),
    "push answers another batch": serving(**{"/api/v1/sync/push": Reply.of(
        {"batch_id": "x", "epoch": EPOCH, "results": []})}),
    "push results are not objects": serving(**{"/api/v1/sync/push": lambda r: Reply.of(
        {"batch_id": r.json()["batch_id"], "epoch": EPOCH, "results": [5]})}),
    "pull answers 500": serving(**{"/api/v1/sync/pull": Reply(500, b"")}),
    "pull is JSON nested 100,000 deep": serving(**{"/api/v1/sync/pull": Reply(200, DEEP)}),
    "pull cursor is text": serving(**{"/api/v1/sync/pull": page(cursor="later")}),
    "pull goes back": serving(**{"/api/v1/sync/pull": page(cursor=-5)}),
    "pull changes is an object": serving(**{"/api/v1/sync/pull": page(changes={"a": 1})}),
    "pull entries are numbers": serving(**{"/api/v1/sync/pull": page(changes=[1, 2])}),
    "pull entry lacks its cursor": serving(**{"/api/v1/sync/pull": page(
        changes=[{"kind": "change", "team_id": TEAM}])}),
    "pull counts are malformed": serving(**{"/api/v1/sync/pull": page(counts={TEAM: 5})}),
    "settings answer a string": serving(**{"/api/v1/settings": Reply(200, b'"x"')}),
    "settings answer 401": serving(**{"/api/v1/settings": Reply.of(
        {"error": {"code": "unauthorized", "message": "no"}}, 401)}),
    "server clock an hour behind": serving(**{"/healthz": lambda r: Reply.of(
        {"server_time_ms": wall_clock_ms() - 3_600_000})}),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_broken_or_hostile_server_gets_one_clear_line(tmp_path: Path, name: str) -> None:
    with FakeServer(HOSTILE[name]) as fake:
        result = cli(fake_vault(tmp_path, fake.url), "sync")
    line = assert_one_clear_line(result)
    if name == "server clock an hour behind":
        # The laptop is the one ahead of the server: it says so, and what to do.
        assert "This laptop's clock is about 60 minutes ahead" in line
        assert "date and time" in line


def test_hostile_entries_in_a_page_are_kept_aside_and_the_sync_succeeds(tmp_path: Path) -> None:
    y = uuid7()
    good = {"cursor": 1, "kind": "change", "team_id": TEAM, "entity": "youngster", "id": y,
            "author": "u", "stamp": f"{wall_clock_ms():015d}:000000:other",
            "values": {"alias": "Noor", "intake_date": "2026-02-01", "status": "active",
                       "deleted": False}}
    hostile = [
        {**good, "cursor": 2, "id": uuid7(), "values": {**good["values"], "birth_year": 2**63}},
        {**good, "cursor": 3, "id": uuid7(), "entity": "diary"},
        {**good, "cursor": 4, "id": 12},
        {**good, "cursor": 5, "id": uuid7(), "stamp": "999999999999999:000000:x"},
        {"cursor": 6, "kind": "change", "team_id": TEAM, "entity": "youngster", "id": uuid7(),
         "author": "u", "fields": {"alias": {"value": "x", "stamp": 5}}},
        {**good, "cursor": 7, "id": uuid7(), "values": {"alias": {"deep": [1]}}},
        {"cursor": 8, "kind": "purge", "team_id": TEAM, "youngster_id": {"x": 1}},
    ]
    answer = serving(**{"/api/v1/sync/pull": page(cursor=8, changes=[*hostile, good])})
    with FakeServer(answer) as fake:
        root = fake_vault(tmp_path, fake.url)
        result = cli(root, "sync")
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    assert "7 entry(ies) from the server could not be stored" in result.stderr
    store = Store.open(root, PASS)
    try:
        assert store.youngsters.get(y)["alias"] == "Noor"
        assert len(store.sync.not_stored()) == 7 and store.sync.cursor == 8
    finally:
        store.lock()


def test_real_server_down_wrong_passphrase_and_a_poisoned_entry(server, tmp_path: Path) -> None:  # noqa: ANN001
    from .test_cli_sync import invite

    laptop = tmp_path / "laptop"
    assert cli(laptop, "init").returncode == 0
    assert cli(laptop, "enroll", "--server", server.url, "--code", invite(server)).returncode == 0

    result = cli(laptop, "sync", "--server", f"http://127.0.0.1:{free_port()}")
    assert "Cannot reach the organisation server" in assert_one_clear_line(result)

    wrong = subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(laptop),
                            "sync"], capture_output=True, text=True, timeout=180,
                           env={**os.environ, "JOINUS_PASSPHRASE": "not the passphrase"})
    assert_one_clear_line(wrong)

    export = tmp_path / "team.json"
    assert cli(laptop, "export", str(export)).returncode == 0
    team = json.loads(export.read_text())["records"]["team"][0]["id"]
    store_on_server(server.database_url, entity="youngster", record_id=uuid7(), team_id=team,
                    author="hostile", values={"alias": "Te groot", "intake_date": "2026-01-10",
                                              "status": "intake", "birth_year": 2**63,
                                              "deleted": False})
    result = cli(laptop, "sync")  # before issue 12: OverflowError, a traceback, every time
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    assert "1 entry(ies) from the server could not be stored" in result.stderr
    assert cli(laptop, "sync").returncode == 0  # not retried, not blocking
    server.stop()
    result = cli(laptop, "sync")
    assert "Cannot reach the organisation server" in assert_one_clear_line(result)
