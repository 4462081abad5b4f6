"""The server validates every value it stores (issue 12, findings 1, 4 and 9's scores).

Through a real ``joinus-server serve`` process on SQLite and PostgreSQL: a hostile
device pushes values that once were stored and stopped every laptop of the team
(integers beyond 64 bits, JSON nested a thousand deep, made-up scores); each is a
per-change rejection with a stable code, and real laptops keep syncing.
"""

from __future__ import annotations

import itertools
import json
import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from joinus_desktop.domain import entities
from joinus_desktop.domain.instruments import InstrumentRegistry, score
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from joinus_server.scores import SCORE_TOLERANCE
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.server_process import Enrolled, ServerProcess, enrol_device, run_admin
from tests.support.syncing import sync

from .helpers import change, new_id, response, stamp, youngster

pytestmark = pytest.mark.slow

TEAM = "Join Us Oost"
_laptops = itertools.count()


class Team:
    """A real server, a hostile device of the team, and real laptops of the same team."""

    def __init__(self, server: ServerProcess, tmp: Path) -> None:
        self.server = server
        self.tmp = tmp
        self.hostile: Enrolled = enrol_device(server.url, server.database_url, teams=[TEAM])
        self.team_id = self.hostile.team_ids[0]
        self.stores: list[Store] = []

    def laptop(self) -> Store:
        """A freshly enrolled laptop of the team, synced once."""
        n = next(_laptops)
        email = f"laptop{n}@example.org"
        run_admin(self.server.database_url, "create-user", email, "--name", f"Worker {n}",
                  "--team", self.team_id, in_process=True)
        code = run_admin(self.server.database_url, "invite", email, in_process=True)["code"]
        store, _ = Store.create(self.tmp / f"laptop{n}", PASSPHRASE, argon2=FAST_ARGON2)
        self.stores.append(store)
        enroll(store, self.server.url, code, device_name=f"laptop {n}")
        sync(store)
        return store

    def push_body(self, body: bytes) -> httpx.Response:
        return httpx.post(f"{self.server.url}/api/v1/sync/push", content=body, timeout=60,
                          headers={**self.hostile.headers, "content-type": "application/json"})

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = {"device_id": self.hostile.device_id, "batch_id": uuid.uuid4().hex,
                "changes": changes}
        answer = httpx.post(f"{self.server.url}/api/v1/sync/push", json=body, timeout=60,
                            headers=self.hostile.headers)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def close(self) -> None:
        for store in self.stores:
            if not store.vault.is_locked:
                store.lock()


def server_head(team: Team) -> int:
    cursor = 0
    while True:
        page = httpx.get(f"{team.server.url}/api/v1/sync/pull", params={"cursor": cursor},
                         headers=team.hostile.headers, timeout=60).json()
        cursor = page["cursor"]
        if not page["has_more"]:
            return int(cursor)


def assert_laptops_sync(team: Team) -> None:
    """Every laptop so far, and one enrolled now, syncs to the server's head."""
    for store in [*team.stores, team.laptop()]:
        report = sync(store)
        assert not report.count_mismatch, report.summary()
        assert store.sync.cursor == server_head(team)


@pytest.fixture
def team(server_factory: Callable[..., ServerProcess], database_url: str,
         tmp_path: Path) -> Iterator[Team]:
    made = Team(server_factory(database_url), tmp_path)
    try:
        yield made
    finally:
        made.close()


def test_integers_out_of_range_are_refused_and_the_team_keeps_syncing(team: Team) -> None:
    worker = team.laptop()
    kept = worker.youngsters.add(team_id=team.team_id, alias="Sam", intake_date="2026-01-12",
                                 birth_year=2011)
    sync(worker)
    big = 2**63
    y = kept.id
    changes = [
        change("questionnaire_response", new_id(), team.team_id,
               response(y, "T0", {"loneliness": 2.0}, instrument_version=big), at=stamp(1)),
        change("questionnaire_response", new_id(), team.team_id,
               response(y, "T0", {"loneliness": 2.0}, instrument_version=-1), at=stamp(2)),
        change("youngster", new_id(), team.team_id, youngster(birth_year=big), at=stamp(3)),
        # An edit of a stored youngster, and tombstones (no required fields, so no
        # record rules ran on them before): the field's own range holds for them too.
        change("youngster", y, team.team_id, {"birth_year": big}, at=stamp(4)),
        change("youngster", new_id(), team.team_id, {"birth_year": big, "deleted": True},
               at=stamp(5)),
        change("questionnaire_response", new_id(), team.team_id,
               {"instrument_version": big, "deleted": True}, at=stamp(6)),
        change("questionnaire_response", new_id(), team.team_id,
               {"instrument_version": -1, "deleted": True}, at=stamp(7)),
        change("youngster", new_id(), team.team_id, {"birth_year": -big - 1, "deleted": True},
               at=stamp(8)),
    ]
    results = team.push(changes)
    assert [(r["outcome"], r.get("code")) for r in results] == \
        [("rejected", "invalid_record")] * len(changes)
    assert "between 1 and 10000" in results[0]["reason"]
    assert "between 1900 and 2100" in results[2]["reason"]
    assert_laptops_sync(team)
    assert worker.youngsters.get(y)["birth_year"] == 2011


def _nested(levels: int, *, inner: str = "1") -> str:
    return '{"a":' * levels + inner + "}" * levels


def test_json_nested_a_thousand_deep_is_refused_cleanly(team: Team) -> None:
    worker = team.laptop()
    y = worker.youngsters.add(team_id=team.team_id, alias="Sam", intake_date="2026-01-12").id
    sync(worker)
    common = {"device_id": team.hostile.device_id, "team_id": team.team_id}

    def body(entity: str, fields: str) -> bytes:
        return (f'{{"device_id":"{common["device_id"]}","batch_id":"{uuid.uuid4().hex}",'
                f'"changes":[{{"entity":"{entity}","id":"{new_id()}","team_id":'
                f'"{common["team_id"]}","stamp":"{stamp(1)}","fields":{fields}}}]}}').encode()

    deep = _nested(1000)
    about_alias = f'"entity":"youngster","record_id":"{y}","field":"alias"'
    for entity, fields in [
        ("questionnaire_response",
         f'{{"youngster_id":"{y}","instrument_id":"joinus-monitor","instrument_version":1,'
         + f'"moment":"T0","date":"2026-02-03","answers":{deep}}}'),
        ("observation", f'{{"youngster_id":"{y}","date":"2026-02-03","behaviour":{deep}}}'),
    ]:
        answer = team.push_body(body(entity, fields))
        assert answer.status_code == 200, answer.text
        [result] = answer.json()["results"]
        assert (result["outcome"], result["code"]) == ("rejected", "invalid_record"), result
    # A deep conflict record is refused like any conflict record a device makes.
    answer = team.push_body(body("conflict", f'{{{about_alias},"value":{deep}}}'))
    assert answer.json()["results"][0]["code"] == "read_only", answer.text
    # The limit itself: 32 levels pass the check the server applies, 33 do not.
    limit = entities.MAX_JSON_DEPTH
    assert entities.json_problem("value", json.loads(_nested(limit))) is None
    assert entities.json_problem("value", json.loads(_nested(limit + 1))) is not None
    # Deeper than the JSON parser goes (1,024): a clean 400, never a 500.
    answer = team.push_body(body("conflict", f'{{"value":{_nested(1100)}}}'))
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_json"
    assert_laptops_sync(team)


def test_every_text_field_has_a_length_limit() -> None:
    for spec in entities.ENTITIES.values():
        for field in spec.fields:
            if field.kind in ("text", "json"):
                assert field.max_length, f"{spec.name}.{field.name} has no length limit"
            if field.kind == "int":
                low, high = entities.int_range(field)
                assert entities.INT64_MIN <= low < high <= entities.INT64_MAX


def test_stamps_have_one_node_alphabet_in_the_parser_and_the_schema() -> None:
    from joinus_desktop.domain import hlc
    from joinus_desktop.sync.protocol import Change, ProtocolError
    from joinus_server.api import schemas

    assert schemas.STAMP_PATTERN == f"^{hlc.STAMP_PATTERN}$"
    assert schemas.ChangeIn.model_json_schema()["properties"]["stamp"]["pattern"] == \
        schemas.STAMP_PATTERN
    wire = change("youngster", new_id(), new_id(), youngster(), at=stamp(0))
    for node in ("a" * 64, "Dev_1.x-y", str(uuid.uuid4())):
        Change.from_wire({**wire, "stamp": stamp(0, node=node)})
        hlc.Stamp.parse(stamp(0, node=node))
    for node in ("a" * 65, "dév", "a b", "a:b", "a\n", "\u202e"):
        with pytest.raises(ProtocolError):
            Change.from_wire({**wire, "stamp": stamp(0, node=node)})
        with pytest.raises(hlc.ClockError):
            hlc.Stamp.parse(stamp(0, node=node))
        with pytest.raises(hlc.ClockError):
            hlc.HybridClock(node)


def test_the_server_computes_scores_and_refuses_others(team: Team) -> None:
    worker = team.laptop()
    y = worker.youngsters.add(team_id=team.team_id, alias="Sam", intake_date="2026-01-12").id
    # Real laptop pushes: every item answered, some left open (a scale unscored), and
    # answers whose mean needs rounding (2.125 and the like).
    monitor = worker.instruments.default()
    items = [item.id for item in monitor.items]
    answer_sets = [
        {item: 1 + i % 5 for i, item in enumerate(items)},
        {item: (None if i % 3 == 0 else 2 + i % 4) for i, item in enumerate(items)},
        {item: (5 if item.startswith("lo") else None) for item in items},
        {item: (1 + (i * 7) % 5 if i % 6 else None) for i, item in enumerate(items)},
    ]
    for moment, answers in zip(("T0", "T1", "T2", "exit"), answer_sets, strict=True):
        worker.questionnaires.record(youngster_id=y, answers=answers, date="2026-02-03",
                                     moment=moment)
    # And corrections with answers drawn at random (seeded), each item maybe left open.
    draw = random.Random(12)
    latest = worker.questionnaires.for_youngster(y)[-1]["id"]
    for _ in range(40):
        answers = {item: draw.choice([None, 1, 2, 3, 4, 5]) for item in items}
        latest = worker.questionnaires.correct(latest, answers=answers).id
    report = sync(worker)
    assert report.rejected == 0 and not worker.sync.quarantined(), worker.sync.quarantined()
    assert report.applied == 1 + 44  # the youngster and every response

    # A hostile device: the same answers with other scores.
    good = response(y, "T0", {"loneliness": 2.0, "self_confidence": 4.0})
    wrong_scores = [
        {**good["scores"], "loneliness": 2.01},  # one hundredth off
        {**good["scores"], "loneliness": 5.0},
        {**good["scores"], "extra": 1.0},
        {k: v for k, v in good["scores"].items() if k != "loneliness"},
        {**good["scores"], "social_skills": 0.0},  # null where the server has no score
        {**good["scores"], "loneliness": True},
        None,
        {"loneliness": "2.0"},
    ]
    results = team.push([change("questionnaire_response", new_id(), team.team_id,
                                {**good, "scores": scores}, at=stamp(i))
                         for i, scores in enumerate(wrong_scores)])
    assert {(r["outcome"], r.get("code")) for r in results} == {("rejected", "scores_mismatch")}
    # Within the tolerance (a float's last digit) the laptop's scores stand.
    nudged = {**good["scores"], "loneliness": 2.0 + 1e-9}
    [ok] = team.push([change("questionnaire_response", new_id(), team.team_id,
                             {**good, "scores": nudged}, at=stamp(20))])
    assert ok["outcome"] == "applied", ok
    # An instrument version the server does not have, and answers off the scale.
    refused = team.push([
        change("questionnaire_response", new_id(), team.team_id,
               {**good, "instrument_version": 2}, at=stamp(21)),
        change("questionnaire_response", new_id(), team.team_id,
               {**good, "instrument_id": "licensed-scale"}, at=stamp(22)),
        change("questionnaire_response", new_id(), team.team_id,
               {**good, "answers": {**good["answers"], "lo1": 9}}, at=stamp(23)),
        change("questionnaire_response", new_id(), team.team_id,
               {**good, "answers": {**good["answers"], "zz9": 1}}, at=stamp(24)),
    ])
    assert [(r["outcome"], r.get("code")) for r in refused] == [
        ("rejected", "unknown_instrument"), ("rejected", "unknown_instrument"),
        ("rejected", "invalid_record"), ("rejected", "invalid_record")]
    assert_laptops_sync(team)
    # What the other laptops hold is what the answers give.
    fresh = team.stores[-1]
    registry = InstrumentRegistry.builtin()
    rows = fresh.records.find("questionnaire_response", "team_id = ?", (team.team_id,))
    assert len(rows) == 45
    for row in rows:
        instrument = registry.get(row["instrument_id"], row["instrument_version"])
        computed = score(instrument, row["answers"])
        assert row["scores"].keys() == computed.keys()
        for scale, value in computed.items():
            assert row["scores"][scale] == (None if value is None else pytest.approx(
                value, abs=SCORE_TOLERANCE))


def test_dates_text_conflicts_and_tags_are_checked(team: Team) -> None:
    worker = team.laptop()
    y = worker.youngsters.add(team_id=team.team_id, alias="Sam", intake_date="2026-01-12").id
    sync(worker)

    def observation(**overrides: Any) -> dict[str, Any]:
        return {"youngster_id": y, "date": "2026-02-03", "behaviour": "Keek weg",
                "suspected_cause": "unknown", **overrides}

    def conflict(**overrides: Any) -> dict[str, Any]:
        return {"entity": "youngster", "record_id": y, "field": "alias", "value": "Sem",
                "stamp": stamp(1), "author": "someone", "winner_value": "Sam",
                "winner_stamp": stamp(2), "resolved": False, **overrides}

    refused = [
        ("observation", observation(date="20260203")),
        ("observation", observation(date="2026-W05-2")),
        ("observation", observation(date="9999-12-31")),
        ("observation", observation(date="1899-12-31")),
        ("observation", observation(date="2026-02-03T10:00:00")),
        ("observation", observation(tags=["peer_contact"] * (entities.MAX_TAGS + 1))),
        ("observation", observation(tags=[["peer_contact"]])),
        ("observation", observation(behaviour="x" * 4001)),
    ]
    results = team.push([change(entity, new_id(), team.team_id, fields, at=stamp(i))
                         for i, (entity, fields) in enumerate(refused)])
    assert [(r["outcome"], r.get("code")) for r in results] == \
        [("rejected", "invalid_record")] * len(refused), results
    fine = team.push([
        change("observation", new_id(), team.team_id,
               observation(date="2026-02-03", tags=["peer_contact"]), at=stamp(30))])
    assert [r["outcome"] for r in fine] == ["applied"], fine
    # Conflict records are the server's: whatever a device sends as one, even a
    # well-formed one naming a colleague as author, is refused (read_only).
    conflicts = [conflict(), conflict(entity="no_such_entity"), conflict(author="a" * 81),
                 conflict(value={"n": 2**64})]
    results = team.push([change("conflict", new_id(), team.team_id, fields, at=stamp(40 + i))
                         for i, fields in enumerate(conflicts)])
    assert [r.get("code") for r in results] == ["read_only"] * len(conflicts), results
    # The checks of a conflict's own fields (for the records the server makes).
    for bad in (conflict(entity="no_such_entity"), conflict(field="no_such_field"),
                conflict(stamp="yesterday"), conflict(author="a" * 81),
                conflict(winner_stamp=stamp(2).replace("dev-a", "dév")),
                conflict(value="x" * 131_073), conflict(value={"n": 2**64})):
        assert any(p.is_error for p in entities.validate("conflict", bad)), bad
    assert not [p for p in entities.validate("conflict", conflict()) if p.is_error]
    assert_laptops_sync(team)
