"""Reports cannot be differenced (issue 12, finding 9), through a real server process.

The attack: a coordinator who is a member of team A knows every score of team A
(their laptop syncs it). The all-teams mean minus team A's scores is the mean of
the youngsters outside team A. When those are 1 to 4 youngsters (team B's small
cell), the all-teams mean must not be published to that coordinator.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from joinus_desktop.domain.instruments import InstrumentRegistry, score
from tests.support.server_process import Enrolled, enrol_device

from .helpers import change, new_id, stamp, youngster

INSTRUMENT = InstrumentRegistry.builtin().latest("joinus-monitor")


def answers(value: int) -> dict[str, int]:
    """Every item answered ``value``: the scores follow from the instrument's rule."""
    return {item.id: value for item in INSTRUMENT.items}


def push_youngsters(server: str, device: Enrolled, team_id: str, values: list[int],
                    moment: str = "T1") -> None:
    changes: list[dict[str, Any]] = []
    for value in values:
        y = new_id()
        changes.append(change("youngster", y, team_id, youngster(), at=stamp(0)))
        changes.append(change("questionnaire_response", new_id(), team_id, {
            "youngster_id": y, "instrument_id": INSTRUMENT.id,
            "instrument_version": INSTRUMENT.version, "moment": moment, "date": "2026-02-03",
            "answers": answers(value), "scores": score(INSTRUMENT, answers(value))},
            at=stamp(1)))
    body = {"device_id": device.device_id, "batch_id": uuid.uuid4().hex, "changes": changes}
    answer = httpx.post(f"{server}/api/v1/sync/push", json=body, headers=device.headers,
                        timeout=30)
    assert answer.status_code == 200, answer.text
    assert {r["outcome"] for r in answer.json()["results"]} == {"applied"}


def programme(server: str, device: Enrolled) -> dict[str, Any]:
    answer = httpx.get(f"{server}/api/v1/reports/programme", headers=device.headers, timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def means(figure: dict[str, Any]) -> dict[str, float | None]:
    return {k: v["mean"] for k, v in (figure.get("scales") or {}).items()}


@pytest.fixture
def teams(server_factory: Any, database_url: str) -> tuple[str, dict[str, Enrolled]]:
    """T1: team A 6 youngsters, team B 3. T0: team A 6, team B 5. Readers of each kind."""
    server = server_factory(database_url).url
    a = enrol_device(server, database_url, teams=["Oost"])
    b = enrol_device(server, database_url, teams=["West"])
    push_youngsters(server, a, a.team_ids[0], [2, 2, 3, 3, 4, 4])
    push_youngsters(server, b, b.team_ids[0], [5, 5, 5])
    push_youngsters(server, a, a.team_ids[0], T0_A, moment="T0")
    push_youngsters(server, b, b.team_ids[0], T0_B, moment="T0")
    devices = {
        "a": a, "b": b,
        "coordinator_in_a": enrol_device(server, database_url, teams=["Oost"],
                                         role="coordinator"),
        "coordinator_in_b": enrol_device(server, database_url, teams=["West"],
                                         role="coordinator"),
        "coordinator_outside": enrol_device(server, database_url, teams=[],
                                            role="coordinator"),
    }
    return server, devices


T0_A, T0_B = [1, 2, 3, 4, 5, 1], [2, 3, 4, 5, 1]


def test_a_coordinator_in_team_a_cannot_learn_team_bs_small_mean(
        teams: tuple[str, dict[str, Enrolled]]) -> None:
    server, devices = teams
    attacker = programme(server, devices["coordinator_in_a"])
    t0, t1 = attacker["moments"]
    own_t0, own_t1 = attacker["teams"][0]["moments"]
    assert own_t1["youngsters"] == 6 and not own_t1["suppressed"]  # the attacker's own team
    # The attack: all-teams T1 minus team A's six leaves team B's three. Nothing to
    # subtract from: the all-teams T1 mean is withheld, its counts stay.
    assert t1["moment"] == "T1" and t1["youngsters"] == 9
    assert t1["suppressed"] is True and t1["reason"] == "differencing"
    assert "scales" not in t1
    # Nothing else in the answer carries a mean over team B.
    assert all(t["id"] != devices["b"].team_ids[0] for t in attacker["teams"])
    # At T0 team B has five: subtracting team A leaves five, so the mean is shown.
    assert t0["moment"] == "T0" and t0["suppressed"] is False and own_t0["youngsters"] == 6
    scored = [score(INSTRUMENT, answers(v)) for v in T0_A + T0_B]
    expected = {s.id: round(sum(float(each[s.id] or 0) for each in scored) / 11, 3)
                for s in INSTRUMENT.scales}
    assert means(t0) == pytest.approx(expected)


def test_every_caller_gets_the_same_all_teams_figures(
        teams: tuple[str, dict[str, Enrolled]]) -> None:
    """A coordinator of no team (or of team B) would learn nothing by subtracting, but
    the T1 mean is withheld from them too: passed on (an export) to a member of team A
    it would give team B's mean away. Answers never differ in what they show."""
    server, devices = teams
    answers_ = [programme(server, devices[name])["moments"]
                for name in ("coordinator_in_a", "coordinator_in_b", "coordinator_outside")]
    assert answers_[0] == answers_[1] == answers_[2]
    [t1_team_b] = [m for m in programme(server, devices["coordinator_in_b"])["teams"][0]
                   ["moments"] if m["moment"] == "T1"]
    assert t1_team_b["youngsters"] == 3 and t1_team_b["suppressed"] is True
