"""Programme reports: mean scale scores per measurement moment, never for small groups.

A mean over fewer than :data:`MIN_YOUNGSTERS` distinct youngsters could point at
one youngster, so such a moment (or scale) is returned ``suppressed`` without a mean.

Differencing: every user holds every record of their own teams (they sync them), so
from a mean over several teams they can subtract their own teams' contribution and
get the mean of the youngsters of the *other* teams in it. For the caller, and for
every other user (a report is passed on: exports), that remainder must be empty or
at least :data:`MIN_YOUNGSTERS` too, or the mean is suppressed (``"reason":
"differencing"``). The decision does not depend on who asks, so two answers never
differ in what they show. See docs/privacy.md, "Differencing".
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from joinus_desktop.domain.hlc import wall_clock_ms

from .auth import Principal
from .records import StoredRecord
from .storage import Storage

MIN_YOUNGSTERS = 5


def programme_report(storage: Storage, principal: Principal) -> dict[str, Any]:
    """Figures over every team the caller may see, and over each of the caller's own teams."""
    with storage.read() as tx:
        all_teams = tx.teams()
        visible = [t for t in all_teams
                   if principal.reports_cover_all_teams or t[0] in principal.team_ids]
        responses = tx.records_of("questionnaire_response", [t[0] for t in visible])
        known = tx.team_sets() | {frozenset(principal.team_ids)}
    current = _current(responses)
    by_team: dict[str, list[StoredRecord]] = defaultdict(list)
    for response in current:
        by_team[response.team_id].append(response)
    return {
        "min_youngsters": MIN_YOUNGSTERS,
        "teams_included": len(visible),
        "moments": guard_differencing(moment_figures(current),
                                      remainders(by_team, {t[0] for t in visible}, known)),
        "teams": [{"id": t[0], "name": t[1], "municipality": t[2],
                   "moments": moment_figures(by_team.get(t[0], []))}
                  for t in visible if t[0] in principal.team_ids],
        "generated_at_ms": wall_clock_ms(),
    }


def _current(responses: list[StoredRecord]) -> list[StoredRecord]:
    """Responses no other response supersedes (a correction replaces what it corrects)."""
    superseded = {r.values().get("supersedes") for r in responses}
    return [r for r in responses if r.id not in superseded]


def moment_sort_key(moment: str) -> tuple[int, int, str]:
    if len(moment) > 1 and moment[0] == "T" and moment[1:].isdigit():
        return (0, int(moment[1:]), "")
    return (1, 0, "") if moment == "exit" else (2, 0, moment)


class _Tally:
    """Per moment: the youngsters, the number of responses, and each scale's scores."""

    def __init__(self) -> None:
        self.youngsters: dict[str, set[str]] = defaultdict(set)
        self.counts: dict[str, int] = defaultdict(int)
        self.scores: dict[str, dict[str, list[tuple[str, float]]]] = defaultdict(
            lambda: defaultdict(list))


class Remainder:
    """The youngsters left of a figure once one user's teams are taken out of it:
    how many per moment, and per moment and scale."""

    def __init__(self, tallies: Iterable[_Tally]) -> None:
        moments: dict[str, set[str]] = defaultdict(set)
        scales: dict[tuple[str, str], set[str]] = defaultdict(set)
        for tally in tallies:
            for moment, youngsters in tally.youngsters.items():
                moments[moment] |= youngsters
            for moment, by_scale in tally.scores.items():
                for scale, pairs in by_scale.items():
                    scales[(moment, scale)] |= {youngster for youngster, _ in pairs}
        self.moments = {m: len(ys) for m, ys in moments.items()}
        self.scales = {k: len(ys) for k, ys in scales.items()}


def remainders(by_team: dict[str, list[StoredRecord]], covered: set[str],
               known: set[frozenset[str]]) -> list[Remainder]:
    """For each set of teams some user can read, what a figure over ``covered`` holds
    beyond it (each distinct remainder once)."""
    tallies = {team: _tally(by_team.get(team, [])) for team in covered}
    rests = {frozenset(covered - teams) for teams in known}
    return [Remainder(tallies[team] for team in rest) for rest in rests if rest]


def _tally(responses: Iterable[StoredRecord]) -> _Tally:
    tally = _Tally()
    youngsters, counts, scores = tally.youngsters, tally.counts, tally.scores
    for response in responses:
        values = response.values()
        moment, youngster = values.get("moment"), values.get("youngster_id")
        if not isinstance(moment, str) or not isinstance(youngster, str):
            continue
        youngsters[moment].add(youngster)
        counts[moment] += 1
        raw = values.get("scores")
        for scale, score in (raw.items() if isinstance(raw, dict) else ()):
            number = _number(score)
            if number is not None:
                scores[moment][scale].append((youngster, number))
    return tally


def moment_figures(responses: Iterable[StoredRecord]) -> list[dict[str, Any]]:
    tally = _tally(responses)
    youngsters, counts, scores = tally.youngsters, tally.counts, tally.scores
    figures = []
    for moment in sorted(youngsters, key=moment_sort_key):
        n = len(youngsters[moment])
        figure: dict[str, Any] = {"moment": moment, "youngsters": n, "responses": counts[moment],
                                  "suppressed": n < MIN_YOUNGSTERS}
        if n >= MIN_YOUNGSTERS:
            figure["scales"] = {scale: _scale(pairs)
                                for scale, pairs in sorted(scores[moment].items())}
        figures.append(figure)
    return figures


def _small(n: int) -> bool:
    """A group one could single someone out of: at least one youngster, fewer than five."""
    return 0 < n < MIN_YOUNGSTERS


def guard_differencing(figures: list[dict[str, Any]],
                       rests: list[Remainder]) -> list[dict[str, Any]]:
    """Suppress every mean that some user could narrow down to a small group.

    ``rests``: per set of teams a user can read, the youngsters the figure holds
    beyond those teams. For a moment (or one scale of it) where any of those is 1 to
    4 youngsters, the mean minus that user's known scores would be their mean, so it
    goes. Counts stay: they say how many took part, nothing about what anyone answered.
    """
    guarded = []
    for figure in figures:
        moment = figure["moment"]
        if figure["suppressed"]:
            guarded.append(figure)
        elif any(_small(rest.moments.get(moment, 0)) for rest in rests):
            guarded.append({k: v for k, v in figure.items() if k != "scales"}
                           | {"suppressed": True, "reason": "differencing"})
        else:
            scales = {}
            for scale, entry in figure["scales"].items():
                if not entry["suppressed"] and any(
                        _small(rest.scales.get((moment, scale), 0)) for rest in rests):
                    entry = {**entry, "mean": None, "suppressed": True,
                             "reason": "differencing"}
                scales[scale] = entry
            guarded.append({**figure, "scales": scales})
    return guarded


def _scale(pairs: list[tuple[str, float]]) -> dict[str, Any]:
    n = len({youngster for youngster, _ in pairs})
    if n < MIN_YOUNGSTERS:
        return {"mean": None, "youngsters": n, "suppressed": True}
    return {"mean": round(sum(v for _, v in pairs) / len(pairs), 3), "youngsters": n,
            "suppressed": False}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None
