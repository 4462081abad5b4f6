"""Issue 12, findings 2 and 3, through a real server and real laptops, on both backends:
stamps from the future are refused (``clock_ahead``), references stay inside the team
(``foreign_reference``), and an erasure's purge reaches every team whose records it removed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from joinus_desktop.domain.hlc import Stamp, wall_clock_ms
from joinus_desktop.domain.instruments import InstrumentRegistry, score
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from joinus_server.records import FieldVersion, LogEntry, StoredRecord, encode_log_fields
from joinus_server.storage import open_storage
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.server_process import (
    Enrolled,
    ServerProcess,
    enrol_device,
    ensure_team,
    run_admin,
    run_admin_raw,
)
from tests.support.syncing import sync

from .helpers import change, meeting, new_id, observation, youngster

pytestmark = pytest.mark.slow

YEAR_MS = 365 * 24 * 3600 * 1000


def now_stamp(offset_ms: int = 0, node: str = "hostile") -> str:
    return str(Stamp(wall_clock_ms() + offset_ms, 0, node))


def push(server: ServerProcess, device: Enrolled, changes: list[dict[str, Any]]) -> list[dict]:
    body = {"device_id": device.device_id, "batch_id": uuid.uuid4().hex, "changes": changes}
    answer = httpx.post(f"{server.url}/api/v1/sync/push", json=body, headers=device.headers,
                        timeout=30)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["results"])


class Laptops:
    """Real encrypted vaults enrolled with the server, one user each."""

    def __init__(self, server: ServerProcess, tmp_path: Path) -> None:
        self.server, self.tmp_path, self.made = server, tmp_path, []

    def __call__(self, team: str) -> Store:
        team_id = ensure_team(self.server.database_url, team)
        email = f"worker{len(self.made)}@example.org"
        run_admin(self.server.database_url, "create-user", email, "--name", "Worker",
                  "--team", team_id)
        code = run_admin(self.server.database_url, "invite", email)["code"]
        store, _ = Store.create(self.tmp_path / f"laptop{len(self.made)}", PASSPHRASE,
                                argon2=FAST_ARGON2)
        self.made.append(store)
        enroll(store, self.server.url, code, device_name=f"laptop {len(self.made)}")
        sync(store)
        return store

    def close(self) -> None:
        for store in self.made:
            if not store.vault.is_locked:
                store.lock()


@pytest.fixture
def setup(server_factory: Callable[..., ServerProcess], database_url: str,
          tmp_path: Path) -> Any:
    server = server_factory(database_url)
    laptops = Laptops(server, tmp_path)
    yield server, laptops
    laptops.close()


def team_of(store: Store) -> str:
    return str(store.teams.current()["id"])


# -- finding 2: stamps from the future ----------------------------------------------------
def test_a_change_stamped_a_year_ahead_is_refused_and_the_team_keeps_syncing(setup: Any) -> None:
    server, laptop = setup
    first, second = laptop("Oost"), laptop("Oost")
    team = team_of(first)
    hostile = enrol_device(server.url, server.database_url, teams=["Oost"])
    known = first.meetings.add(team_id=team, date="2026-02-03", place="Buurthuis").id
    sync(first)
    [stored] = [r for r in first.meetings.list(team) if r["id"] == known]
    held = stored["versions"]
    ahead, fine, conflict_about = new_id(), new_id(), new_id()
    results = push(server, hostile, [
        change("youngster", ahead, team, youngster(alias="Toekomst"), at=now_stamp(YEAR_MS)),
        change("youngster", fine, team, youngster(alias="Vandaag"), at=now_stamp()),
        # An edit whose own stamp is fine, but based on a version from the future.
        change("meeting", known, team, {"notes": "Ahead"}, at=now_stamp(),
               base={"notes": now_stamp(YEAR_MS)}),
        # Six minutes is past the five the server allows.
        change("youngster", conflict_about, team, youngster(), at=now_stamp(6 * 60_000)),
        # A conflict record carrying a future stamp as a value.
        change("conflict", new_id(), team, {
            "entity": "youngster", "record_id": fine, "field": "alias", "value": "x",
            "stamp": now_stamp(YEAR_MS), "author": "someone", "winner_value": "Vandaag",
            "winner_stamp": now_stamp(), "resolved": False}, at=now_stamp()),
        # Within five minutes: a laptop's clock a little fast is fine.
        change("meeting", new_id(), team, meeting(), at=now_stamp(2 * 60_000)),
    ])
    assert [r["outcome"] for r in results] == ["rejected", "applied", "rejected", "rejected",
                                               "rejected", "applied"]
    assert [r.get("code") for r in results if r["outcome"] == "rejected"] == ["clock_ahead"] * 4
    assert "clock is ahead" in results[0]["reason"]
    # Both laptops of the team, and one enrolled afterwards, go on syncing.
    for store in (first, second, laptop("Oost")):
        sync(store)
        aliases = {r["alias"] for r in store.youngsters.list(team)}
        assert "Vandaag" in aliases and "Toekomst" not in aliases
        assert all(r["id"] != ahead for r in store.youngsters.list(team))
    [after] = [r for r in first.meetings.list(team) if r["id"] == known]
    assert after["notes"] != "Ahead" and after["versions"] == held
    second.meetings.update(known, notes="Nog steeds in sync")
    sync(second), sync(first)
    assert first.meetings.get(known)["notes"] == "Nog steeds in sync"


# -- finding 3: references stay inside the team --------------------------------------------
def test_references_to_another_teams_records_are_refused(setup: Any) -> None:
    server, laptop = setup
    west = laptop("West")
    theirs = enrol_device(server.url, server.database_url, teams=["Oost"])
    ours = enrol_device(server.url, server.database_url, teams=["West"])
    team_a, team_b = theirs.team_ids[0], ours.team_ids[0]
    ya, ma, ca, ra = new_id(), new_id(), new_id(), new_id()
    stamp = now_stamp(node="oost")
    assert [r["outcome"] for r in push(server, theirs, [
        change("youngster", ya, team_a, youngster(), at=stamp),
        change("meeting", ma, team_a, meeting(), at=stamp),
        change("challenge", ca, team_a, {"youngster_id": ya, "title": "Meedoen",
                                         "status": "active"}, at=stamp),
        change("questionnaire_response", ra, team_a, response(ya), at=stamp),
    ])] == ["applied"] * 4
    yb, mb, later_meeting = new_id(), new_id(), new_id()
    at = now_stamp(node="west")
    results = push(server, ours, [
        change("youngster", yb, team_b, youngster(), at=at),
        change("observation", new_id(), team_b, observation(ya), at=at),
        change("observation", new_id(), team_b, observation(yb, meeting_id=ma), at=at),
        change("attendance", new_id(), team_b, {"meeting_id": ma, "youngster_id": yb,
                                                "present": True}, at=at),
        change("challenge", new_id(), team_b, {"youngster_id": ya, "title": "x",
                                               "status": "active"}, at=at),
        change("challenge_attempt", new_id(), team_b, {
            "challenge_id": ca, "youngster_id": yb, "date": "2026-02-03",
            "what_happened": "Deed mee"}, at=at),
        change("questionnaire_response", new_id(), team_b, response(ya), at=at),
        change("questionnaire_response", new_id(), team_b, response(yb, supersedes=ra), at=at),
        change("conflict", new_id(), team_b, {
            "entity": "youngster", "record_id": ya, "field": "alias", "value": "x",
            "stamp": at, "author": "someone", "winner_value": "Sam", "winner_stamp": at,
            "resolved": False}, at=at),
        # Records the server has not seen yet are fine: the attendance comes before its
        # meeting in this batch, and another one names a meeting of a later batch.
        change("attendance", new_id(), team_b, {"meeting_id": mb, "youngster_id": yb,
                                                "present": True}, at=at),
        change("meeting", mb, team_b, meeting(), at=at),
        change("observation", new_id(), team_b, observation(yb, meeting_id=mb), at=at),
        change("attendance", new_id(), team_b, {"meeting_id": later_meeting,
                                                "youngster_id": yb, "present": True}, at=at),
    ])
    codes = [r.get("code") for r in results]
    # The conflict naming another team's record is refused before its reference is
    # looked at: devices never make conflict records (read_only).
    assert codes == [None, *["foreign_reference"] * 7, "read_only", None, None, None, None], \
        results
    assert all(r["outcome"] == "applied" for r in results if r.get("code") is None)
    assert "another team" in results[1]["reason"]
    [later] = push(server, ours, [change("meeting", later_meeting, team_b, meeting(), at=at)])
    assert later["outcome"] == "applied"
    sync(west)
    assert {r["id"] for r in west.youngsters.list(team_b)} == {yb}
    assert west.observations.for_youngster(ya) == []
    assert len(west.observations.for_youngster(yb)) == 1


def response(youngster_id: str, **overrides: Any) -> dict[str, Any]:
    """A complete response to the default instrument, scored as the laptop scores it."""
    instrument = InstrumentRegistry.builtin().default()
    answers = {item.id: instrument.answer_scale.min for item in instrument.items}
    return {"youngster_id": youngster_id, "instrument_id": instrument.id,
            "instrument_version": instrument.version, "moment": "T0", "date": "2026-02-03",
            "answers": answers, "scores": score(instrument, answers), **overrides}


def _plant_foreign_observation(database_url: str, team_b: str, user_b: str,
                               youngster_id: str) -> str:
    """What a push could store before references were kept inside the team: an
    observation of team B naming a youngster of team A (written into storage directly)."""
    record_id, at = new_id(), now_stamp(node="west")
    values = observation(youngster_id, behaviour="Team West schreef dit")
    fields = {name: FieldVersion(value, at, user_b) for name, value in values.items()}
    now = wall_clock_ms()
    storage = open_storage(database_url)
    try:
        with storage.write() as tx:
            head = tx.lock_head()
            tx.put_records([StoredRecord(record_id, "observation", team_b, youngster_id,
                                         fields, now, now, user_b)])
            fields_json, shared = encode_log_fields(fields)
            tx.append_log([LogEntry(head + 1, team_b, "change", "observation", record_id,
                                    youngster_id, user_b, fields_json, None, shared)], now)
            tx.set_head(head + 1)
    finally:
        storage.close()
    return record_id


def test_erasure_sends_its_purge_to_every_team_whose_records_it_removed(setup: Any) -> None:
    server, laptop = setup
    oost, west = laptop("Oost"), laptop("West")
    team_a, team_b = team_of(oost), team_of(west)
    yid = oost.youngsters.add(team_id=team_a, alias="Vergeet mij", intake_date="2026-01-05").id
    sync(oost)
    planted = _plant_foreign_observation(server.database_url, team_b,
                                         west.sync.get("user_id") or "", yid)
    sync(west)
    assert [r["id"] for r in west.observations.for_youngster(yid)] == [planted]
    oost.erasure.erase_youngster(yid)
    assert sync(oost).erasures_reported == 1
    purges = run_admin(server.database_url, "list-purges")
    assert {(p["team_id"], p["youngster_id"]) for p in purges} == {(team_a, yid), (team_b, yid)}
    report = sync(west)
    assert report.purges == 1
    assert west.observations.for_youngster(yid) == []
    assert all(r["id"] != planted for r in west.records.find(
        "observation", "team_id = ?", (team_b,), include_deleted=True))
    receipt = run_admin(server.database_url, "erasure-receipt", yid)
    [other] = receipt["other_teams"]
    assert other["team_id"] == team_b and other["records_erased"] == 1
    assert [d["confirmed"] for d in other["devices"]] == [False]  # until its next pull
    sync(west), sync(oost)
    receipt = run_admin(server.database_url, "erasure-receipt", yid)
    assert receipt["other_teams"][0]["devices"][0]["confirmed"] and receipt["all_confirmed"]
    text = run_admin_raw(server.database_url, "erasure-receipt", yid).stdout
    assert f"Team {team_b} held 1 records naming the youngster" in text
    assert "1 of 1 active devices of that team confirmed it" in text
