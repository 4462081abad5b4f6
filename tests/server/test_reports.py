"""Programme reports: means per moment and scale, suppressed below five youngsters."""

from __future__ import annotations

from typing import Any

import pytest

from joinus_server import reports

from .helpers import Device, World, change, new_id, response, stamp, youngster


def enter(device: Device, team: str, scores_by_moment: dict[str, list[dict[str, Any]]],
          ) -> list[str]:
    """One youngster per score dict of the first moment; later moments reuse them in order."""
    moments = list(scores_by_moment)
    youngsters = [new_id() for _ in scores_by_moment[moments[0]]]
    changes = [change("youngster", y, team, youngster(), at=stamp(0)) for y in youngsters]
    for moment in moments:
        for y, scores in zip(youngsters, scores_by_moment[moment], strict=False):
            changes.append(change("questionnaire_response", new_id(), team,
                                  response(y, moment, scores), at=stamp(1)))
    assert all(r["outcome"] == "applied" for r in device.push(changes)["results"])
    return youngsters


def report(device: Device) -> dict[str, Any]:
    answer = device.client.get("/api/v1/reports/programme", headers=device.headers)
    assert answer.status_code == 200
    return dict(answer.json())


def test_means_per_moment_with_suppression_below_five_youngsters(world: World) -> None:
    t0 = [{"loneliness": float(v), "self_confidence": 3.0, "social_skills": None}
          for v in (2, 2, 3, 4, 5, 5)]
    t1 = [{"loneliness": 1.0}] * 4
    enter(world.anna, world.team_a, {"T0": t0, "T1": t1})
    data = report(world.anna)
    assert data["min_youngsters"] == 5 and data["teams_included"] == 1
    first, second = data["moments"]
    assert first == {"moment": "T0", "youngsters": 6, "responses": 6, "suppressed": False,
                     "scales": {"self_confidence": {"mean": 3.0, "youngsters": 6,
                                                    "suppressed": False},
                                "loneliness": {"mean": 3.5, "youngsters": 6,
                                               "suppressed": False}}}
    assert second == {"moment": "T1", "youngsters": 4, "responses": 4, "suppressed": True}
    assert data["teams"][0]["moments"] == data["moments"]


def test_a_scale_with_too_few_scored_youngsters_is_suppressed(world: World) -> None:
    scores = [{"loneliness": 2.0, "social_skills": 4.0}] * 4 \
        + [{"loneliness": 2.0, "social_skills": None}] * 2
    enter(world.anna, world.team_a, {"T0": scores})
    [moment] = report(world.anna)["moments"]
    assert moment["scales"]["social_skills"] == {"mean": None, "youngsters": 4,
                                                 "suppressed": True}
    assert moment["scales"]["loneliness"]["mean"] == 2.0


def test_superseded_responses_do_not_count(world: World) -> None:
    ids = enter(world.anna, world.team_a, {"T0": [{"loneliness": 2.0}] * 5})
    with world.storage.read() as tx:
        wrong = next(r for r in tx.records_of("questionnaire_response", [world.team_a])
                     if r.values()["youngster_id"] == ids[0])
    world.anna.push([change("questionnaire_response", new_id(), world.team_a,
                            response(ids[0], "T0", {"loneliness": 5.0}, supersedes=wrong.id),
                            at=stamp(5))])
    [moment] = report(world.anna)["moments"]
    assert moment["responses"] == 5 and moment["youngsters"] == 5
    assert moment["scales"]["loneliness"]["mean"] == pytest.approx((2.0 * 4 + 5.0) / 5)


def test_coordinators_see_all_teams_social_workers_their_own(world: World) -> None:
    enter(world.anna, world.team_a, {"T0": [{"loneliness": 2.0}] * 3, "exit": [{}] * 3})
    enter(world.carla, world.team_b, {"T0": [{"loneliness": 4.0}] * 3})
    anna, carla, cora, dirk = (report(d) for d in (world.anna, world.carla, world.cora,
                                                   world.dirk))
    assert [m["suppressed"] for m in anna["moments"]] == [True, True]  # 3 youngsters each
    assert [m["moment"] for m in anna["moments"]] == ["T0", "exit"]
    assert carla["moments"][0]["suppressed"] is True
    # Six youngsters, but anyone in team A (or B) could take their three out of the
    # mean and be left with the other team's three: withheld (issue 12, differencing).
    assert cora["moments"][0]["youngsters"] == 6 and cora["moments"][0]["suppressed"] is True
    assert cora["moments"][0]["reason"] == "differencing" and "scales" not in cora["moments"][0]
    assert cora["teams"] == []  # programme-wide only: no team is small enough to single out
    assert [t["id"] for t in dirk["teams"]] == [world.team_a]
    assert dirk["teams"][0]["moments"][0]["suppressed"] is True


def test_moment_figures_order_and_ignore_non_numbers() -> None:
    from joinus_server.records import FieldVersion, StoredRecord

    def rec(moment: str, youngster_id: str, score: Any) -> StoredRecord:
        values = {"moment": moment, "youngster_id": youngster_id, "scores": {"s": score}}
        return StoredRecord(new_id(), "questionnaire_response", "t", youngster_id,
                            {k: FieldVersion(v, "s", "a") for k, v in values.items()})

    records = [rec(m, f"y{i}", s) for m in ("T10", "exit", "T2", "T0")
               for i, s in enumerate([1, True, "3", 10**400, 2.0, 4])]
    figures = reports.moment_figures(records)
    assert [f["moment"] for f in figures] == ["T0", "T2", "T10", "exit"]
    # True, "3" and an overflowing integer are no scores: 3 youngsters left, suppressed.
    assert figures[0]["scales"]["s"] == {"mean": None, "youngsters": 3, "suppressed": True}
