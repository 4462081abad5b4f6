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
    """Team A: 6 youngsters at T1; team B: 3. Devices for both and for three readers."""
    server = server_factory(database_url).url
    a = enrol_device(server, database_url, teams=["Oost"])
    b = enrol_device(server, database_url, teams=["West"])
    push_youngsters(server, a, a.team_ids[0], [2, 2, 3, 3, 4, 4])
    push_youngsters(server, b, b.team_ids[0], [5, 5, 5])
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


def test_a_coordinator_in_team_a_cannot_learn_team_bs_small_mean(
        teams: tuple[str, dict[str, Enrolled]]) -> None:
    server, devices = teams
    attacker = programme(server, devices["coordinator_in_a"])
    [everyone] = attacker["moments"]
    [own] = attacker["teams"][0]["moments"]
    assert own["youngsters"] == 6 and not own["suppressed"]  # the attacker's own team
    # The attack: all-teams sum minus team A's sum over the 3 others. Nothing to subtract.
    assert everyone["youngsters"] == 9
    assert everyone["suppressed"] is True and everyone["reason"] == "differencing"
    assert "scales" not in everyone
    # Nothing else in the answer carries a mean over team B.
    assert all(t["id"] != devices["b"].team_ids[0] for t in attacker["teams"])

    # Members of team B hold its data anyway: the all-teams mean minus their team is
    # team A's six, so they get it. So does a coordinator of no team (9 unknown).
    for reader, own_n in (("coordinator_in_b", 3), ("coordinator_outside", None)):
        report = programme(server, devices[reader])
        [figure] = report["moments"]
        assert figure["suppressed"] is False and "reason" not in figure, reader
        scored = [score(INSTRUMENT, answers(v)) for v in [2, 2, 3, 3, 4, 4, 5, 5, 5]]
        expected = {s.id: round(sum(float(each[s.id] or 0) for each in scored) / 9, 3)
                    for s in INSTRUMENT.scales}
        assert means(figure) == pytest.approx(expected)
        if own_n is not None:
            [team_figure] = report["teams"][0]["moments"]
            assert team_figure["youngsters"] == own_n and team_figure["suppressed"] is True
