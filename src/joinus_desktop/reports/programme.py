"""The programme report: fetched from the server, cached in the vault, set beside the own group.

The server suppresses a moment (or a scale) over fewer than five youngsters; the
own group's means come from this vault (`Questionnaires.team_means`) and get the
same rule here, so a small group is never shown on its own.

Differencing: the programme figure and the own group's side by side (on screen, in
the CSV and the image export) let anyone who gets the export subtract one from the
other. When that difference is 1 to 4 youngsters, the programme's means are hidden
(its count stays). The server applies the same rule against the caller's teams.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain import schedule
from ..domain.instruments import Instrument

if TYPE_CHECKING:
    from ..store.store import Store

MIN_YOUNGSTERS = 5
CACHE_KEY = "programme_report"
FETCHED_KEY = "programme_report_fetched"


class NotEnrolled(Exception):
    """This laptop has no server to ask (not enrolled yet)."""


@dataclass(frozen=True)
class MomentRow:
    moment: str
    youngsters: int | None  # programme-wide; None when the programme has no figure
    programme: dict[str, float | None]  # scale id -> mean; empty when suppressed
    programme_suppressed: bool
    own_youngsters: int
    own: dict[str, float | None]  # empty when the own group is under five (or absent)
    # The programme's means are hidden although it has five or more youngsters: the
    # youngsters outside the own group (or outside the caller's teams) are 1 to 4.
    programme_differencing: bool = False

    @property
    def own_suppressed(self) -> bool:
        return 0 < self.own_youngsters < MIN_YOUNGSTERS

    @property
    def programme_small(self) -> bool:
        """The programme figure is over fewer than five youngsters (say so instead of n)."""
        return self.programme_suppressed and not self.programme_differencing


@dataclass(frozen=True)
class ProgrammeData:
    instrument: Instrument
    rows: list[MomentRow] = field(default_factory=list)
    fetched: str | None = None  # ISO date the report was fetched; None: never
    teams_included: int | None = None
    has_report: bool = False


def fetch_report(store: Store) -> dict[str, Any]:
    """Ask the server (blocking: run on the network worker)."""
    from ..sync.client import ServerClient

    url, token = store.sync.get("server_url"), store.sync.get("token")
    if not url or not token:
        raise NotEnrolled()
    with ServerClient(url, token) as client:
        return client.programme_report()


def save_report(store: Store, report: dict[str, Any]) -> None:
    """Keep the report inside the vault, with the date it was fetched."""
    store.set_meta(CACHE_KEY, json.dumps(report, sort_keys=True))
    store.set_meta(FETCHED_KEY, store.today().isoformat())


def cached_report(store: Store) -> tuple[dict[str, Any] | None, str | None]:
    raw = store.meta(CACHE_KEY)
    if not raw:
        return None, None
    try:
        report = json.loads(raw)
    except ValueError:
        return None, None
    return (report if isinstance(report, dict) else None), store.meta(FETCHED_KEY)


def load_programme(store: Store, team_id: str) -> ProgrammeData:
    """The cached report beside the own group's means (store worker)."""
    report, fetched = cached_report(store)
    instrument = store.instruments.default()
    own = store.questionnaires.team_means(team_id, instrument.id)
    return combine(report, own, instrument, fetched=fetched)


def combine(report: dict[str, Any] | None, own: dict[str, dict[str, Any]],
            instrument: Instrument, *, fetched: str | None = None) -> ProgrammeData:
    scale_ids = [s.id for s in instrument.scales]
    figures: dict[str, dict[str, Any]] = {}
    for figure in (report or {}).get("moments", []):
        if isinstance(figure, dict) and _is_moment(figure.get("moment")):
            figures[figure["moment"]] = figure
    rows = []
    for moment in schedule.sort_moments(set(figures) | {m for m in own if _is_moment(m)}):
        figure = figures.get(moment)
        programme_n = _count(figure.get("youngsters")) if figure else 0
        own_fig = own.get(moment) or {"n": 0, "means": {}}
        n = int(own_fig.get("n") or 0)
        own_means = ({sid: own_fig["means"].get(sid) for sid in scale_ids}
                     if n >= MIN_YOUNGSTERS else {})
        # Programme minus own group: a figure of its own once both are shown.
        differencing = (figure is not None and programme_n >= MIN_YOUNGSTERS
                        and (figure.get("reason") == "differencing"
                             or (bool(own_means) and 0 < programme_n - n < MIN_YOUNGSTERS)))
        suppressed = figure is None or bool(figure.get("suppressed")) \
            or programme_n < MIN_YOUNGSTERS or differencing
        programme: dict[str, float | None] = {}
        if figure is not None and not suppressed:
            scales = figure.get("scales") or {}
            for sid in scale_ids:
                entry = scales.get(sid) or {}
                programme[sid] = None if entry.get("suppressed") else entry.get("mean")
        rows.append(MomentRow(moment, figure.get("youngsters") if figure else None, programme,
                              suppressed, n, own_means, differencing))
    return ProgrammeData(instrument=instrument, rows=rows, fetched=fetched,
                         teams_included=(report or {}).get("teams_included"),
                         has_report=report is not None)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _is_moment(value: object) -> bool:
    try:
        schedule.moment_index(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def table_csv(data: ProgrammeData, *, headers: Sequence[str], moment_label: Any,
              fewer: str) -> bytes:
    """The table as CSV, in the screen's columns: moment, youngsters (programme, own
    group), then per scale the programme's mean and the own group's.

    ``headers``: the column titles in the UI language; ``fewer`` stands in for a
    figure over fewer than five youngsters.
    """
    scale_ids = [s.id for s in data.instrument.scales]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in data.rows:
        programme_n = ("" if row.youngsters is None
                       else fewer if row.programme_small else row.youngsters)
        own_n = "" if row.own_youngsters == 0 else fewer if row.own_suppressed \
            else row.own_youngsters
        cells: list[object] = [moment_label(row.moment), programme_n, own_n]
        for sid in scale_ids:
            cells += [_fmt(row.programme.get(sid)), _fmt(row.own.get(sid))]
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
