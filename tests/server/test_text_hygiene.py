"""Issue 12, finding 14, through a real server on both backends: text a client chooses
(batch ids, audit actors, device names, audit times) is kept to what is safe, and nothing
printed for an administrator (CLI tables, JSON, the server's log) carries a raw control
or bidi character.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from joinus_desktop.domain.hlc import Stamp, wall_clock_ms
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, enroll
from joinus_server.storage import open_storage
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.server_process import (
    Enrolled,
    ServerProcess,
    enrol_device,
    ensure_team,
    run_admin,
    run_admin_raw,
    subprocess_env,
)

from .helpers import change, meeting, new_id

pytestmark = pytest.mark.slow

RLO = "\u202e"  # right-to-left override: "evil\u202etxt.exe" shows as "evilexe.txt"
RAW = (RLO, "\u2066", "\u200f", "\x1b", "\x9b", "\x85", "\u2028")


@pytest.fixture
def server(server_factory: Callable[..., ServerProcess], database_url: str) -> ServerProcess:
    return server_factory(database_url)


def push_raw(server: ServerProcess, device: Enrolled, batch_id: str) -> httpx.Response:
    body = {"device_id": device.device_id, "batch_id": batch_id, "changes": [
        change("meeting", new_id(), device.team_ids[0], meeting(),
               at=str(Stamp(wall_clock_ms(), 0, "dev")))]}
    return httpx.post(f"{server.url}/api/v1/sync/push", json=body, headers=device.headers,
                      timeout=30)


def upload_audit(server: ServerProcess, device: Enrolled, **entry: Any) -> httpx.Response:
    body = {"device_id": device.device_id, "entries": [{
        "seq": entry.pop("seq", 1), "at": dt.datetime.now(dt.UTC).isoformat(),
        "actor": device.user_id, "action": "open", "entity": "youngster",
        "record_id": new_id(), **entry}]}
    return httpx.post(f"{server.url}/api/v1/audit", json=body, headers=device.headers,
                      timeout=30)


def refused(answer: httpx.Response) -> bool:
    return answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_request"


def test_batch_ids_and_audit_actors_keep_to_their_alphabet(server: ServerProcess) -> None:
    device = enrol_device(server.url, server.database_url)
    for batch_id in (f"batch{RLO}1", "a b", "batch\u00e9", "x\x85", "\u2066x"):
        assert refused(push_raw(server, device, batch_id)), batch_id
    for batch_id in (str(uuid.uuid4()), f"{uuid.uuid4()}.1.2", "b-42_x:y"):
        assert push_raw(server, device, batch_id).status_code == 200, batch_id
    for seq, actor in enumerate((f"user{RLO}", "device: x", "\x9bx", "naïve"), start=1):
        assert refused(upload_audit(server, device, seq=seq, actor=actor)), actor
    assert upload_audit(server, device, seq=10, actor=f"device:{device.device_id}").json() == \
        {"stored": 1}
    entries = [e for e in run_admin(server.database_url, "audit", "--device", device.device_id)
               if e["source"] == "device"]
    assert [e["seq"] for e in entries] == [10]


def test_audit_times_must_lie_in_a_window_around_the_servers_clock(
        server: ServerProcess) -> None:
    device = enrol_device(server.url, server.database_url)
    now = dt.datetime.now(dt.UTC)
    for seq, at in enumerate(("9999-12-31T23:59:59+00:00", (now + dt.timedelta(hours=1)),
                              (now + dt.timedelta(minutes=6)), "2019-12-31T23:59:59+00:00",
                              "1970-01-01T00:00:00+00:00"), start=1):
        text = at if isinstance(at, str) else at.isoformat()
        answer = upload_audit(server, device, seq=seq, at=text)
        assert refused(answer) and "between 2020-01-01" in answer.json()["error"]["message"]
    for seq, at in enumerate((now, now + dt.timedelta(minutes=4), now - dt.timedelta(days=400),
                              dt.datetime(2020, 1, 1, tzinfo=dt.UTC)), start=20):
        assert upload_audit(server, device, seq=seq, at=at.isoformat()).status_code == 200
    stored = [e["seq"] for e in run_admin(server.database_url, "audit", "--device",
                                          device.device_id) if e["source"] == "device"]
    assert sorted(stored) == [20, 21, 22, 23]


def test_a_real_laptop_is_never_refused(server: ServerProcess, tmp_path: Path) -> None:
    """What a laptop sends passes: split batch ids ("<uuid>.1"), its actor, and audit
    entries written while its clock was far off (sent with the upload time)."""
    team = ensure_team(server.database_url, "Oost")
    run_admin(server.database_url, "create-user", "anna@example.org", "--name", "Anna",
              "--team", team)
    code = run_admin(server.database_url, "invite", "anna@example.org")["code"]
    store, _ = Store.create(tmp_path / "laptop", PASSPHRASE, argon2=FAST_ARGON2)
    try:
        enroll(store, server.url, code)  # the device name is the host name
        store.meetings.add(team_id=team, date="2026-02-03")
        store.records.insert_many("meeting", [{"date": "2026-02-03"}] * 1100, team_id=team)
        store.audit.record("open", "meeting")
        with store.db.write() as db:  # entries from when the clock was far off
            for at in ("2027-12-08T10:00:00.000+00:00", "1970-01-01T00:00:05.000+00:00"):
                db.execute("INSERT INTO audit_log (at, actor, action) VALUES (?, ?, 'unlock')",
                           (at, store.author()))
        engine = SyncEngine(store, push_batch=1500)  # 1101 changes: sent as two halves
        try:
            report = engine.run()
        finally:
            engine.close()
        assert report.applied == 1101 and report.rejected == 0
        device_id = store.sync.get("server_device_id")
        trail = run_admin(server.database_url, "audit", "--device", device_id, "--limit",
                          "1000")
        batches = {e["detail"]["batch_id"] for e in trail if e["action"] == "push"}
        assert {b.rsplit(".", 1)[-1] for b in batches} == {"1", "2"}
        uploaded = [e for e in trail if e["source"] == "device"]
        assert {e["actor"] for e in uploaded} == {store.author()}
        late = [e for e in uploaded if e["action"] == "unlock"]
        assert len(late) == 2 and all(e["at"].startswith(str(dt.date.today().year))
                                      for e in late)
        assert store.sync.get("audit_seq") == str(max(e["seq"] for e in uploaded))
    finally:
        store.lock()


def test_device_names_with_control_or_bidi_characters_are_refused_at_enrolment(
        server: ServerProcess) -> None:
    team = ensure_team(server.database_url, "Oost")
    run_admin(server.database_url, "create-user", "anna@example.org", "--name", "Anna",
              "--team", team)
    for name in (f"Anna{RLO}pot.exe", "Anna\u2066x\u2069", "Anna\x85", "Anna\u200f",
                 "a\u2028b"):
        code = run_admin(server.database_url, "invite", "anna@example.org")["code"]
        answer = httpx.post(f"{server.url}/api/v1/enroll",
                            json={"code": code, "device_name": name}, timeout=30)
        assert refused(answer), name
    assert run_admin(server.database_url, "list-devices") == []
    code = run_admin(server.database_url, "invite", "anna@example.org")["code"]
    answer = httpx.post(f"{server.url}/api/v1/enroll",
                        json={"code": code, "device_name": "Zoë's laptop 👩‍💻"}, timeout=30)
    assert answer.status_code == 200, answer.text
    # The admin commands refuse such names too.
    bad = run_admin_raw(server.database_url, "create-team", f"Oost{RLO}", "--municipality", "X")
    assert bad.returncode == 1 and "control or bidi" in bad.stderr
    assert RLO not in bad.stderr


def strings(value: Any) -> set[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings(v) for v in value.values()), set())
    if isinstance(value, list):
        return set().union(*(strings(v) for v in value), set())
    return set()


def test_names_stored_before_are_printed_escaped(server: ServerProcess) -> None:
    """Names that got in before the rule (written into storage directly) are shown
    escaped in every admin table and in JSON, which still holds the same value."""
    evil = f"evil{RLO}txt.exe\x1b[2J\x9b\u2066"
    device = enrol_device(server.url, server.database_url, teams=["Oost"])
    storage = open_storage(server.database_url)
    try:
        with storage.write() as tx:
            tx.execute("UPDATE devices SET name = ? WHERE id = ?", (evil, device.device_id))
            tx.execute("UPDATE users SET name = ? WHERE email = ?", (evil, device.email))
            tx.execute("UPDATE teams SET name = ?", (evil,))
            tx.execute("INSERT INTO device_audit (device_id, seq, at, at_ms, actor, action,"
                       " received_at) VALUES (?, 1, ?, ?, ?, 'open', ?)",
                       (device.device_id, "2026-12-01T00:00:00+00:00", wall_clock_ms(), evil,
                        wall_clock_ms()))
    finally:
        storage.close()
    for action in ("list-devices", "list-users", "list-teams", "audit"):
        shown = run_admin_raw(server.database_url, action)
        assert shown.returncode == 0, shown.stderr
        assert not any(ch in shown.stdout for ch in RAW), (action, shown.stdout)
        assert "evil\\u202etxt.exe\\x1b[2J\\x9b\\u2066" in shown.stdout, (action, shown.stdout)
        as_json = run_admin_raw(server.database_url, action, "--json")
        assert not any(ch in as_json.stdout for ch in RAW), action
        assert evil in strings(json.loads(as_json.stdout)), action  # the same value
    # An error naming what the administrator typed is escaped too.
    failed = run_admin_raw(server.database_url, "add-member", device.email, "--team",
                           f"nope{RLO}\x1b[2J")
    assert failed.returncode == 1 and not any(ch in failed.stderr for ch in RAW)


def test_the_servers_log_escapes_what_a_client_sends(server: ServerProcess) -> None:
    # Behind a proxy on the same host, the client address comes from X-Forwarded-For.
    hostile = b"\x9b2J\xe2\x80\xae10.0.0.1"  # a C1 CSI, and U+202E's bytes as Latin-1
    answer = httpx.get(f"{server.url}/healthz", headers={"X-Forwarded-For": hostile},
                       timeout=30)
    assert answer.status_code == 200
    server.stop()  # every line written
    text = server.log_path.read_text(encoding="utf-8")
    assert "/healthz" in text
    assert "\x9b" not in text and "\x80" not in text
    assert "\\x9b2J" in text


def test_the_log_formatter_escapes_in_process() -> None:
    """The same formatter as `serve` configures, on a message with every kind of character."""
    code = ("import logging, logging.config\n"
            "from joinus_server.logging_setup import uvicorn_log_config\n"
            "logging.config.dictConfig(uvicorn_log_config('INFO'))\n"
            "logging.getLogger('joinus_server').info('push batch=%s', 'a\\u202eb\\x1bc\\u2028d')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=subprocess_env(), timeout=60, check=True)
    assert "push batch=a\\u202eb\\x1bc\\u2028d" in done.stderr
    assert not any(ch in done.stderr for ch in RAW)
