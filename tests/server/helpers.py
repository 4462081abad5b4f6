"""Builders for the server tests: a small world of teams and devices, changes, stamps."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from joinus_desktop.domain.hlc import Stamp
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.domain.instruments import InstrumentRegistry, score
from joinus_server import admin
from joinus_server.storage import Storage

ACTOR = "admin:test"
T0_MS = 1_780_000_000_000  # stamps in tests count from here, so their order is explicit


def stamp(offset_ms: int, node: str = "dev-a", counter: int = 0) -> str:
    return str(Stamp(T0_MS + offset_ms, counter, node))


def change(entity: str, record_id: str, team_id: str, fields: dict[str, Any], *,
           at: str, base: dict[str, str | None] | None = None) -> dict[str, Any]:
    return {"entity": entity, "id": record_id, "team_id": team_id, "stamp": at,
            "fields": fields, "base": base or {}}


def youngster(**overrides: Any) -> dict[str, Any]:
    return {"alias": "Sam", "birth_year": 2011, "intake_date": "2026-01-12", "status": "active",
            "consent_youngster": True, "consent_guardian": True, **overrides}


def meeting(**overrides: Any) -> dict[str, Any]:
    return {"date": "2026-02-03", "place": "Buurthuis De Pijp", "activities": "Games",
            "notes": "Quiet start, lively end.", **overrides}


def observation(youngster_id: str, **overrides: Any) -> dict[str, Any]:
    return {"youngster_id": youngster_id, "date": "2026-02-03",
            "behaviour": "Went to the corner with his phone.", "suspected_cause": "unknown",
            "tags": ["peer_contact"], **overrides}


def answers_for(scores: dict[str, float | None]) -> dict[str, int | None]:
    """Answers to the monitor that score as ``scores`` asks: each named scale its whole
    number (every item answered with it, reversed items mirrored), every other scale
    unanswered (no score). The server computes scores itself and checks them."""
    instrument = InstrumentRegistry.builtin().get("joinus-monitor", 1)
    low, high = instrument.answer_scale.min, instrument.answer_scale.max
    unknown = set(scores) - {s.id for s in instrument.scales}
    if unknown:
        raise ValueError(f"the monitor has no scale {sorted(unknown)}")
    answers: dict[str, int | None] = {}
    for item in instrument.items:
        wanted = scores.get(item.scale)
        if wanted is None:
            answers[item.id] = None
            continue
        if wanted != int(wanted) or not low <= wanted <= high:
            raise ValueError(f"{item.scale}: {wanted} is not a whole answer")
        answers[item.id] = low + high - int(wanted) if item.reverse else int(wanted)
    return answers


def response(youngster_id: str, moment: str, scores: dict[str, float | None],
             **overrides: Any) -> dict[str, Any]:
    """A response whose answers give ``scores`` (see answers_for), with those scores."""
    answers = answers_for(scores)
    computed = score(InstrumentRegistry.builtin().get("joinus-monitor", 1), answers)
    return {"youngster_id": youngster_id, "instrument_id": "joinus-monitor",
            "instrument_version": 1, "moment": moment, "date": "2026-02-03",
            "answers": answers, "scores": computed, **overrides}


@dataclass
class Device:
    """An enrolled device talking to the API through a (test) client."""

    client: httpx.Client
    device_id: str
    token: str
    user_id: str
    team_ids: list[str]
    batches: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push_raw(self, changes: list[dict[str, Any]],
                 batch_id: str | None = None) -> httpx.Response:
        self.batches += 1
        body = {"device_id": self.device_id, "batch_id": batch_id or uuid.uuid4().hex,
                "changes": changes}
        return self.client.post("/api/v1/sync/push", json=body, headers=self.headers)

    def push(self, changes: list[dict[str, Any]], batch_id: str | None = None) -> dict[str, Any]:
        answer = self.push_raw(changes, batch_id)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def pull_raw(self, cursor: int = 0, limit: int | None = None,
                 epoch: str | None = None, shape: str | None = "values") -> httpx.Response:
        """``shape``: "values" as the app asks, None as a client from before that shape."""
        params: dict[str, Any] = {"cursor": cursor}
        if shape is not None:
            params["shape"] = shape
        if limit is not None:
            params["limit"] = limit
        if epoch is not None:
            params["epoch"] = epoch
        return self.client.get("/api/v1/sync/pull", params=params, headers=self.headers)

    def pull(self, cursor: int = 0, limit: int | None = None) -> dict[str, Any]:
        answer = self.pull_raw(cursor, limit)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def pull_all(self, cursor: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], dict]:
        """Every entry after ``cursor`` (all pages) and the last page."""
        entries: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, limit)
            entries += page["changes"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return entries, page


@dataclass
class World:
    storage: Storage
    client: httpx.Client
    team_a: str
    team_b: str
    anna: Device  # social worker, team A
    bram: Device  # social worker, team A
    carla: Device  # social worker, team B
    cora: Device  # coordinator, member of no team
    dirk: Device  # coordinator, member of team A
    extra: dict[str, Device] = field(default_factory=dict)

    def enrol(self, email: str, *, name: str = "Someone") -> Device:
        """Another device for an existing user."""
        return _enrol(self.storage, self.client, email, name)


def _enrol(storage: Storage, client: httpx.Client, email: str, name: str) -> Device:
    code = admin.invite(storage, email, actor=ACTOR)["code"]
    answer = client.post("/api/v1/enroll", json={"code": code, "device_name": name})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    return Device(client, data["device_id"], data["token"], data["user"]["id"],
                  [t["id"] for t in data["teams"]])


def build_world(storage: Storage, client: httpx.Client) -> World:
    team_a = admin.create_team(storage, "Join Us Oost", "Utrecht", actor=ACTOR)["id"]
    team_b = admin.create_team(storage, "Join Us West", "Amsterdam", actor=ACTOR)["id"]
    people = {
        "anna": ("social_worker", [team_a]),
        "bram": ("social_worker", [team_a]),
        "carla": ("social_worker", [team_b]),
        "cora": ("coordinator", []),
        "dirk": ("coordinator", [team_a]),
    }
    devices = {}
    for name, (role, teams) in people.items():
        admin.create_user(storage, f"{name}@example.org", name.title(), teams, role, actor=ACTOR)
        devices[name] = _enrol(storage, client, f"{name}@example.org", f"{name}'s laptop")
    return World(storage, client, team_a, team_b, devices["anna"], devices["bram"],
                 devices["carla"], devices["cora"], devices["dirk"])


def new_id() -> str:
    return uuid7()


def snapshot(storage: Storage) -> tuple[int, ...]:
    """What a rejected request must leave unchanged."""
    with storage.read() as tx:
        return (tx.head(), tx.log_count(), tx.record_count(), tx.batch_count(),
                len(tx.devices()), len(tx.purges()), tx.device_audit_count())
