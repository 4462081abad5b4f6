"""Programme reports: mean scale scores per measurement moment, never for small groups.

A mean over fewer than :data:`MIN_YOUNGSTERS` distinct youngsters could point at
one youngster, so such a moment (or scale) is returned ``suppressed`` without a mean.
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
    return {
        "min_youngsters": MIN_YOUNGSTERS,
        "teams_included": len(visible),
        "moments": moment_figures(current),
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


def moment_figures(responses: Iterable[StoredRecord]) -> list[dict[str, Any]]:
    youngsters: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    scores: dict[str, dict[str, list[tuple[str, float]]]] = defaultdict(lambda: defaultdict(list))
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
