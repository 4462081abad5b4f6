"""A youngster's report for the exit conversation or a handover: data and its HTML.

The HTML is printed to PDF by the UI (Qt's QTextDocument); building it here keeps
the content testable without Qt. Observations appear only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from ..domain import method, schedule
from ..domain.instruments import Instrument
from .programme import MIN_YOUNGSTERS
from .words import long_date, word

if TYPE_CHECKING:
    from ..store.store import Store

CHART_RESOURCE = "joinus-chart.png"  # the name the chart image is added under
# Stands for the printable width in <img width>; the printer knows it, not this module.
PAGE_WIDTH = "__PAGE_WIDTH__"


@dataclass(frozen=True)
class ChallengeLine:
    title: str
    works_on: str | None
    works_on_kind: str | None
    status: str
    attempts: int
    last_outcome: str | None


@dataclass(frozen=True)
class YoungsterReport:
    youngster: dict[str, Any]
    team_name: str
    today: str
    age: int | None
    meetings_held: int
    meetings_attended: int
    challenges: list[ChallengeLine]
    instrument: Instrument
    scores: list[dict[str, Any]]
    team_means: dict[str, dict[str, Any]]
    observations: list[dict[str, Any]] = field(default_factory=list)
    include_observations: bool = False

    @property
    def attendance_rate(self) -> int | None:
        if not self.meetings_held:
            return None
        return round(100 * self.meetings_attended / self.meetings_held)


def gather(store: Store, youngster_id: str, *, include_observations: bool) -> YoungsterReport:
    """Everything the report shows (store worker)."""
    y = store.youngsters.get(youngster_id)
    team = store.teams.get(y["team_id"])
    today = store.today()
    end = (y.get("exit_date") or today.isoformat())[:10]
    held = [m for m in store.meetings.list(y["team_id"])
            if y["intake_date"] <= m["date"] <= min(end, today.isoformat())]
    attended = [d for d in store.meetings.attended_dates(youngster_id)
                if y["intake_date"] <= d <= end]
    challenges = []
    for c in store.challenges.for_youngster(youngster_id):
        attempts = store.challenges.attempts(c["id"])
        outcomes = [a.get("outcome") for a in attempts if a.get("outcome")]
        challenges.append(ChallengeLine(c["title"], c.get("works_on"), c.get("works_on_kind"),
                                        c["status"], len(attempts),
                                        outcomes[-1] if outcomes else None))
    return YoungsterReport(
        youngster=y, team_name=team["name"], today=today.isoformat(),
        age=store.youngsters.age_at(y, today), meetings_held=len(held),
        meetings_attended=min(len(attended), len(held)) if held else len(attended),
        challenges=challenges, instrument=store.instruments.default(),
        scores=store.questionnaires.youngster_scores(youngster_id),
        team_means=store.questionnaires.team_means(y["team_id"]),
        observations=(sorted(store.observations.for_youngster(youngster_id),
                             key=lambda o: (o["date"], o["id"]))
                      if include_observations else []),
        include_observations=include_observations)


STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #1f2933; }
h1 { font-size: 17pt; color: #1d6f7a; margin: 0 0 2px 0; }
h2 { font-size: 12.5pt; color: #1d6f7a; margin: 14px 0 4px 0; }
p.muted, span.muted, td.muted { color: #5f6b7a; }
table.facts td { padding: 2px 14px 2px 0; }
table.grid { border-collapse: collapse; }
table.grid th { background: #e3f0f1; text-align: left; padding: 4px 8px; }
table.grid td { padding: 4px 8px; border-bottom: 1px solid #d9dee5; }
"""


def _period(y: dict[str, Any], lang: str) -> str:
    end = long_date(y.get("exit_date"), lang) if y.get("exit_date") else word("until_now", lang)
    return f"{long_date(y['intake_date'], lang)} – {end}"


def report_html(report: YoungsterReport, lang: str, *, chart: bool = True) -> str:
    """The report as HTML in ``lang``; ``chart``: embed the image `CHART_RESOURCE`."""
    y = report.youngster
    w = lambda key, **p: escape(word(key, lang, **p))  # noqa: E731
    parts = [f"<html><head><style>{STYLE}</style></head><body>",
             f"<h1>{escape(y['alias'])}</h1>",
             f"<p class='muted'>{w('report_title')} · {w('made_on', date=long_date(report.today, lang))}"
             f"<br>{w('confidential')}</p>", "<table class='facts'>"]
    facts = [(word("group", lang), report.team_name)]
    if report.age is not None:
        facts.append((word("age", lang), f"{report.age} {word('years', lang)}"))
    facts.append((word("status", lang), method.term(method.YOUNGSTER_STATUSES, y["status"], lang)))
    facts.append((word("period", lang), _period(y, lang)))
    if y.get("exit_reason"):
        facts.append((word("exit_reason", lang),
                      method.term(method.EXIT_REASONS, y["exit_reason"], lang)))
    if report.meetings_held:
        facts.append((word("attendance", lang), word(
            "attendance_text", lang, n=report.meetings_attended, held=report.meetings_held,
            rate=report.attendance_rate)))
    else:
        facts.append((word("attendance", lang), word("no_meetings", lang)))
    parts += [f"<tr><td class='muted'>{escape(k)}</td><td>{escape(v)}</td></tr>"
              for k, v in facts]
    parts.append("</table>")

    parts.append(f"<h2>{w('challenges')}</h2>")
    if report.challenges:
        parts.append(f"<table class='grid' width='100%'><tr><th>{w('challenge')}</th>"
                     f"<th>{w('works_on')}</th><th>{w('status')}</th><th>{w('attempts')}</th>"
                     f"<th>{w('last_outcome')}</th></tr>")
        for c in report.challenges:
            works_on = c.works_on or (method.term(method.SUSPECTED_CAUSES, c.works_on_kind, lang)
                                      if c.works_on_kind else "")
            outcome = method.term(method.ATTEMPT_OUTCOMES, c.last_outcome, lang) \
                if c.last_outcome else "–"
            parts.append(f"<tr><td>{escape(c.title)}</td><td>{escape(works_on)}</td>"
                         f"<td>{escape(method.term(method.CHALLENGE_STATUSES, c.status, lang))}</td>"
                         f"<td>{c.attempts}</td><td>{escape(outcome)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p class='muted'>{w('no_challenges')}</p>")

    parts.append(f"<h2>{w('trajectory')}</h2>")
    if report.scores:
        scales = report.instrument.scales
        parts.append(f"<table class='grid' width='100%'><tr><th>{w('moment')}</th>"
                     f"<th>{w('date')}</th>"
                     + "".join(f"<th>{escape(s.name.get(lang))}</th>" for s in scales) + "</tr>")
        for point in report.scores:
            cells = "".join(
                f"<td>{'' if point['scores'].get(s.id) is None else format(point['scores'][s.id], '.2f')}</td>"
                for s in scales)
            parts.append(f"<tr><td>{escape(schedule.moment_label(point['moment'], lang))}</td>"
                         f"<td>{escape(long_date(point['date'], lang))}</td>{cells}</tr>")
        parts.append("</table>")
        if chart:
            parts.append(f"<p><img src='{CHART_RESOURCE}' width='{PAGE_WIDTH}'></p>")
    else:
        parts.append(f"<p class='muted'>{w('no_scores')}</p>")

    if report.include_observations:
        parts.append(f"<h2>{w('observations')}</h2>")
        if report.observations:
            for o in report.observations:
                cause = method.term(method.SUSPECTED_CAUSES, o.get("suspected_cause") or "unknown",
                                    lang)
                if o.get("cause_detail"):
                    cause += f": {o['cause_detail']}"
                text = f"<p><b>{escape(long_date(o['date'], lang))}</b><br>{escape(o['behaviour'])}"
                if o.get("context"):
                    text += f"<br><span class='muted'>{w('context')}:</span> {escape(o['context'])}"
                text += f"<br><span class='muted'>{w('cause')}:</span> {escape(cause)}</p>"
                parts.append(text)
        else:
            parts.append(f"<p class='muted'>{w('no_observations')}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def chart_means(report: YoungsterReport) -> dict[str, dict[str, Any]]:
    """The group mean drawn beside the youngster: never over fewer than five youngsters.

    Differencing: the report also shows this youngster's own score, and whoever reads
    it can take that out of the group mean. At a moment the youngster has a score,
    the others must be five or more too, so the group needs six.
    """
    own = {s.get("moment") for s in report.scores}
    return {m: v for m, v in report.team_means.items()
            if v.get("n", 0) >= MIN_YOUNGSTERS + (1 if m in own else 0)}
