"""Bad input gets a clear 4xx with a stable code in the one JSON error shape, storing nothing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from joinus_desktop.sync.protocol import MAX_BODY_BYTES, MAX_CHANGES_PER_BATCH
from joinus_server import push as push_module
from joinus_server.errors import HTTP_ERRORS, StorageUnavailable

from .helpers import World, change, meeting, new_id, snapshot, stamp


def error_of(answer: Any) -> str:
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    code = str(body["error"]["code"])
    assert HTTP_ERRORS[code][0] == answer.status_code  # every code is in the catalogue
    return code


def post_raw(world: World, content: bytes | Iterator[bytes],
             headers: dict[str, str] | None = None) -> Any:
    return world.client.post("/api/v1/sync/push", content=content,
                             headers={**world.anna.headers, "Content-Type": "application/json",
                                      **(headers or {})})


def valid_body(world: World, **overrides: Any) -> dict[str, Any]:
    return {"device_id": world.anna.device_id, "batch_id": "b1",
            "changes": [change("meeting", new_id(), world.team_a, meeting(), at=stamp(1))],
            **overrides}


@pytest.mark.parametrize("content", [
    b"{", b"", b"NaN", b'{"a": Infinity}', b"[1e400]", b'"\\ud800"', b"\xff\xfe{}",
    b"[" * 100_000 + b"]" * 100_000,
], ids=["truncated", "empty", "nan", "infinity", "overflow", "lone-surrogate", "not-utf8",
        "deep-nesting"])
def test_invalid_json(world: World, content: bytes) -> None:
    before = snapshot(world.storage)
    answer = post_raw(world, content)
    assert answer.status_code == 400 and error_of(answer) == "invalid_json"
    assert snapshot(world.storage) == before


@pytest.mark.parametrize("mutate,code", [
    (lambda b: [b], "invalid_request"),
    (lambda b: {k: v for k, v in b.items() if k != "batch_id"}, "invalid_request"),
    (lambda b: {**b, "batch_id": 7}, "invalid_request"),
    (lambda b: {**b, "batch_id": "x" * 65}, "invalid_request"),
    (lambda b: {**b, "batch_id": "bad\nid"}, "invalid_request"),
    (lambda b: {**b, "protocol": 2}, "invalid_request"),
    (lambda b: {**b, "changes": {"0": b["changes"][0]}}, "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "fields": {}}]}, "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "id": "12"}]}, "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "id": b["changes"][0]["id"].upper()}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "stamp": "yesterday"}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0],
                                  "stamp": "+" + b["changes"][0]["stamp"][1:]}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0],
                                  "stamp": b["changes"][0]["stamp"] + "x" * 100}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "base": {
        next(iter(b["changes"][0]["fields"])): b["changes"][0]["stamp"] + "x" * 100}}]},
     "invalid_request"),
    # What one change showed well-formed as a team id is no stamp in the next.
    (lambda b: {**b, "changes": [b["changes"][0], {**b["changes"][0], "id": new_id(),
                                                   "stamp": b["changes"][0]["team_id"]}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "base": {"other": None}}]},
     "invalid_request"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "entity": "diary"}]}, "unknown_entity"),
    (lambda b: {**b, "changes": [{**b["changes"][0], "fields": {"mood": "sad"}}]},
     "unknown_field"),
    (lambda b: {**b, "changes": b["changes"] * (MAX_CHANGES_PER_BATCH + 1)}, "batch_too_large"),
], ids=["not-an-object", "no-batch-id", "batch-id-type", "batch-id-long", "batch-id-control",
        "protocol-version", "changes-type", "no-fields", "bad-id", "uppercase-id", "bad-stamp",
        "non-canonical-stamp", "stamp-too-long", "base-stamp-too-long",
        "team-id-as-stamp", "base-of-unset-field", "unknown-entity",
        "unknown-field",
        "too-many-changes"])
def test_invalid_push(world: World, mutate: Any, code: str) -> None:
    before = snapshot(world.storage)
    answer = world.client.post("/api/v1/sync/push", json=mutate(valid_body(world)),
                               headers=world.anna.headers)
    assert error_of(answer) == code
    assert snapshot(world.storage) == before


def test_an_oversized_body_is_refused_by_its_declared_length(world: World) -> None:
    before = snapshot(world.storage)
    answer = post_raw(world, b" " * (MAX_BODY_BYTES + 1))
    assert answer.status_code == 413 and error_of(answer) == "body_too_large"
    assert snapshot(world.storage) == before


def test_an_oversized_body_without_a_length_is_cut_off_while_reading(world: World) -> None:
    chunk = b" " * 65536
    sent = 0

    def chunks() -> Iterator[bytes]:  # chunked transfer: no Content-Length at all
        nonlocal sent
        for _ in range(MAX_BODY_BYTES // len(chunk) + 50):
            sent += 1
            yield chunk

    before = snapshot(world.storage)
    answer = post_raw(world, chunks())
    assert answer.status_code == 413 and error_of(answer) == "body_too_large"
    assert snapshot(world.storage) == before


def test_a_body_at_the_limit_is_read(world: World) -> None:
    body = valid_body(world)
    import json as _json

    text = _json.dumps(body).encode()
    answer = post_raw(world, text + b" " * (MAX_BODY_BYTES - len(text)))
    assert answer.status_code == 200


@pytest.mark.parametrize("body,code", [
    ({"code": "", "device_name": "x"}, "invalid_request"),
    ({"code": "ABCD", "device_name": "line\nbreak"}, "invalid_request"),
    ({"code": "ABCD", "device_name": "x" * 101}, "invalid_request"),
    ({"code": 1234, "device_name": "x"}, "invalid_request"),
    (["code"], "invalid_request"),
    ({"code": "ABCD-EFGH", "device_name": "Laptop"}, "invalid_code"),
])
def test_invalid_enrolment(world: World, body: Any, code: str) -> None:
    before = snapshot(world.storage)
    answer = world.client.post("/api/v1/enroll", json=body)
    assert answer.status_code == 400 and error_of(answer) == code
    assert snapshot(world.storage) == before


def test_an_enrolment_code_works_once_and_not_after_it_expired(world: World) -> None:
    from joinus_server import admin

    code = admin.invite(world.storage, "anna@example.org", actor="t")["code"]
    # Case, spaces and dashes as typed do not matter.
    sloppy = code.lower().replace("-", " ")
    assert world.client.post("/api/v1/enroll",
                             json={"code": sloppy, "device_name": "A"}).status_code == 200
    before = snapshot(world.storage)
    replay = world.client.post("/api/v1/enroll", json={"code": code, "device_name": "B"})
    assert error_of(replay) == "invalid_code" and snapshot(world.storage) == before
    expired = admin.invite(world.storage, "anna@example.org", actor="t")["code"]
    with world.storage.write() as tx:
        tx.execute("UPDATE invites SET expires_at = 0 WHERE used_at IS NULL")
    answer = world.client.post("/api/v1/enroll", json={"code": expired, "device_name": "C"})
    assert error_of(answer) == "invalid_code"
    with world.storage.read() as tx:  # only hashes are stored: neither code nor token
        dumped = repr(tx.query("SELECT * FROM invites")) + repr(tx.query("SELECT * FROM devices"))
    assert code not in dumped and normalise(code) not in dumped
    assert world.anna.token not in dumped


def normalise(code: str) -> str:
    return code.replace("-", "")


@pytest.mark.parametrize("method,path,status,code", [
    ("GET", "/nowhere", 404, "not_found"),
    ("GET", "/api/v1/sync/push", 405, "method_not_allowed"),
    ("DELETE", "/api/v1/enroll", 405, "method_not_allowed"),
])
def test_routing_errors_use_the_same_shape(world: World, method: str, path: str, status: int,
                                           code: str) -> None:
    answer = world.client.request(method, path)
    assert answer.status_code == status and error_of(answer) == code


def test_a_bug_is_a_json_500_and_its_message_is_not_logged(
        world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Secret note text " + "from the database"  # not on the raising source line

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(push_module, "push", broken)
    with caplog.at_level(logging.INFO):
        answer = world.client.post("/api/v1/sync/push", json=valid_body(world),
                                   headers=world.anna.headers)
    assert answer.status_code == 500 and error_of(answer) == "internal_error"
    assert "RuntimeError" in caplog.text
    assert "Secret note text" not in caplog.text and "Secret" not in answer.text


def test_an_unreachable_database_is_a_503(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*args: Any, **kwargs: Any) -> None:
        raise StorageUnavailable("no database")

    monkeypatch.setattr(type(world.storage), "_transaction", down)
    answer = world.client.get("/healthz")
    assert answer.status_code == 503 and error_of(answer) == "unavailable"


def test_logs_hold_counts_and_ids_never_values(world: World,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        world.anna.push([change("meeting", new_id(), world.team_a,
                                meeting(notes="Sam cried during the game"), at=stamp(1)),
                         change("youngster", new_id(), world.team_a,
                                {"alias": "Samira", "intake_date": "2026-01-01"}, at=stamp(1))])
    assert "changes=2 applied=2" in caplog.text
    assert "Sam cried" not in caplog.text and "Samira" not in caplog.text
