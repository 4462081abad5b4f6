"""Programme reports: mean scale scores per measurement moment, never for small groups.

A mean over fewer than :data:`MIN_YOUNGSTERS` distinct youngsters could point at
one youngster, so such a moment (or scale) is returned ``suppressed`` without a mean.

Differencing: a caller holds every record of their own teams (they sync them), so
from the all-teams mean they can subtract their own teams' contribution and get the
mean of the youngsters *outside* their teams. That group must be empty or at least
:data:`MIN_YOUNGSTERS` too, or the all-teams mean is suppressed (``"reason":
"differencing"``). See docs/privacy.md, "Differencing".
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
    current = _current(responses)
    by_team: dict[str, list[StoredRecord]] = defaultdict(list)
    for response in current:
        by_team[response.team_id].append(response)
    # The youngsters the caller does not already know: those of teams they are not in.
    others = _tally(r for r in current if r.team_id not in principal.team_ids)
    return {
        "min_youngsters": MIN_YOUNGSTERS,
        "teams_included": len(visible),
        "moments": guard_differencing(moment_figures(current), others),
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

    def scale_youngsters(self, moment: str, scale: str) -> int:
        if moment not in self.scores or scale not in self.scores[moment]:
            return 0
        return len({youngster for youngster, _ in self.scores[moment][scale]})


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


def guard_differencing(figures: list[dict[str, Any]], others: _Tally) -> list[dict[str, Any]]:
    """Suppress every mean whose outside-the-caller's-teams part is a small group.

    ``others`` tallies the responses of the teams the caller is not a member of. For
    a moment (or one scale of it) where those hold 1 to 4 youngsters, the all-teams
    mean minus the caller's own teams' known scores would be their mean, so it goes.
    Counts stay: they say how many took part, nothing about what anyone answered.
    """
    guarded = []
    for figure in figures:
        moment = figure["moment"]
        if figure["suppressed"]:
            guarded.append(figure)
        elif _small(len(others.youngsters.get(moment, ()))):
            guarded.append({k: v for k, v in figure.items() if k != "scales"}
                           | {"suppressed": True, "reason": "differencing"})
        else:
            scales = {}
            for scale, entry in figure["scales"].items():
                if not entry["suppressed"] and _small(others.scale_youngsters(moment, scale)):
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
