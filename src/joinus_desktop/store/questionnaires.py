"""Questionnaire responses (append-only) and the scores the charts need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..domain import instruments as instr
from ..domain import schedule
from ..domain.problems import Problem
from .records import Record, Saved
from .repository import Repository


def in_force(alias: str = "") -> str:
    """SQL condition: a response neither deleted nor superseded by a correction."""
    prefix = f"{alias}." if alias else ""
    return (f"{prefix}deleted = 0 AND {prefix}id NOT IN (SELECT s.supersedes FROM "
            "questionnaire_response s WHERE s.supersedes IS NOT NULL AND s.deleted = 0)")


class Questionnaires(Repository):
    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.records.register_preparer("questionnaire_response", self._prepare)

    def _prepare(self, record: Record) -> list[Problem]:
        """Check the answers against the instrument they were given on, and score them.

        Scores are always computed here, never taken from the caller, so a chart
        can only show what the answers and the instrument's rules produce.
        """
        try:
            instrument = self.store.instruments.get(record["instrument_id"],
                                                    record["instrument_version"])
        except KeyError:
            return [Problem("instrument_id", "unknown_instrument",
                            params={"instrument": record["instrument_id"],
                                    "version": record["instrument_version"]})]
        problems = instr.validate_answers(instrument, record["answers"])
        if not any(p.is_error for p in problems):
            record["scores"] = instr.score(instrument, record["answers"])
        return problems

    def record(self, *, youngster_id: str, answers: Mapping[str, int | None], date: str,
               moment: str | None = None, instrument: instr.Instrument | None = None,
               supersedes: str | None = None) -> Saved:
        """Save a filled-in questionnaire. ``moment`` defaults to the one now due."""
        youngster = self.store.youngsters.get(youngster_id)
        instrument = instrument or self.store.instruments.default()
        if moment is None:
            moment = self.status(youngster_id).next_moment or schedule.EXIT
        return self.records.insert("questionnaire_response", {
            "youngster_id": youngster_id, "instrument_id": instrument.id,
            "instrument_version": instrument.version, "moment": moment, "date": date,
            "answers": dict(answers), "supersedes": supersedes,
        }, team_id=youngster["team_id"])

    def correct(self, response_id: str, *, answers: Mapping[str, int | None],
                date: str | None = None) -> Saved:
        """A correction is a new response that supersedes the old one."""
        old = self.records.get("questionnaire_response", response_id)
        instrument = self.store.instruments.get(old["instrument_id"], old["instrument_version"])
        return self.record(youngster_id=old["youngster_id"], answers=answers,
                           date=date or old["date"], moment=old["moment"],
                           instrument=instrument, supersedes=response_id)

    def get(self, response_id: str) -> Record:
        return self.records.get("questionnaire_response", response_id)


    def for_youngster(self, youngster_id: str, *, include_superseded: bool = False) -> list[Record]:
        where = "youngster_id = ?"
        if not include_superseded:
            where += " AND " + in_force()
        rows = self.records.find("questionnaire_response", where, (youngster_id,),
                                 order_by="date, id")
        return sorted(rows, key=lambda r: (schedule.moment_index(r["moment"]), r["date"]))

    def youngster_scores(self, youngster_id: str) -> list[dict[str, Any]]:
        """One point per moment for the trajectory chart: moment, date, scale scores."""
        by_moment: dict[str, Record] = {}
        for row in self.for_youngster(youngster_id):
            by_moment[row["moment"]] = row  # the latest response of a moment counts
        return [{"moment": m, "date": r["date"], "scores": r["scores"] or {},
                 "instrument_id": r["instrument_id"], "instrument_version": r["instrument_version"]}
                for m, r in sorted(by_moment.items(), key=lambda kv: schedule.moment_index(kv[0]))]

    def team_means(self, team_id: str,
                   instrument_id: str = instr.DEFAULT_INSTRUMENT_ID) -> dict[str, dict[str, Any]]:
        """moment → {"n": youngsters, "means": {scale: mean or None}} for a team.

        Scores are averaged in SQL (json_extract), so this stays fast on a large
        vault; one response per youngster and moment (the latest) counts.
        """
        instrument = self.store.instruments.latest(instrument_id)
        scale_ids = [s.id for s in instrument.scales]
        means_sql = ", ".join(
            f"avg(json_extract(r.scores, '$.{sid}')) AS [{sid}]" for sid in scale_ids)
        rows = self.db.query(f"""
            WITH latest AS (
                SELECT r.*, row_number() OVER (
                    PARTITION BY r.youngster_id, r.moment ORDER BY r.date DESC, r.id DESC) AS rn
                FROM questionnaire_response r
                JOIN youngster y ON y.id = r.youngster_id AND y.deleted = 0
                WHERE r.team_id = ? AND r.instrument_id = ? AND {in_force("r")}
            )
            SELECT r.moment, count(DISTINCT r.youngster_id) AS n, {means_sql}
            FROM latest r WHERE rn = 1 GROUP BY r.moment
        """, (team_id, instrument_id))
        result = {}
        for row in sorted(rows, key=lambda r: schedule.moment_index(r["moment"])):
            result[row["moment"]] = {
                "n": row["n"],
                "means": {sid: (round(row[sid], 2) if row[sid] is not None else None)
                          for sid in scale_ids},
            }
        return result

    # -- the schedule ------------------------------------------------------------

    def status(self, youngster_id: str, *, today: dt.date | None = None
               ) -> schedule.MeasurementStatus:
        youngster = self.store.youngsters.get(youngster_id)
        attended = [dt.date.fromisoformat(d)
                    for d in self.store.meetings.attended_dates(youngster_id)]
        responses = [(r["moment"], dt.date.fromisoformat(r["date"]))
                     for r in self.for_youngster(youngster_id)]
        return self._status(youngster, attended, responses, today or self.store.today())

    @staticmethod
    def _status(youngster: Record, attended: list[dt.date],
                responses: list[tuple[str, dt.date]], today: dt.date
                ) -> schedule.MeasurementStatus:
        exit_date = youngster.get("exit_date")
        return schedule.measurement_status(
            youngster_id=youngster["id"], status=youngster["status"],
            intake_date=dt.date.fromisoformat(youngster["intake_date"]),
            exit_date=dt.date.fromisoformat(exit_date) if exit_date else None,
            attended_dates=attended, responses=responses, today=today)

    def statuses(self, team_id: str, *, today: dt.date | None = None
                 ) -> list[schedule.MeasurementStatus]:
        """Every youngster's place in the schedule, in three queries for the whole team."""
        today = today or self.store.today()
        youngsters = self.store.youngsters.list(team_id)
        attended: dict[str, list[dt.date]] = {}
        for row in self.db.query(
                "SELECT a.youngster_id, m.date FROM attendance a JOIN meeting m "
                "ON m.id = a.meeting_id WHERE a.team_id = ? AND a.present = 1 "
                "AND a.deleted = 0 AND m.deleted = 0", (team_id,)):
            attended.setdefault(row["youngster_id"], []).append(dt.date.fromisoformat(row["date"]))
        responses: dict[str, list[tuple[str, dt.date]]] = {}
        for row in self.db.query(
                f"SELECT youngster_id, moment, date FROM questionnaire_response "
                f"WHERE team_id = ? AND {in_force()}", (team_id,)):
            responses.setdefault(row["youngster_id"], []).append(
                (row["moment"], dt.date.fromisoformat(row["date"])))
        return [self._status(y, attended.get(y["id"], []), responses.get(y["id"], []), today)
                for y in youngsters]

    def due(self, team_id: str, *, today: dt.date | None = None
            ) -> list[schedule.MeasurementStatus]:
        """Who is due or overdue for a questionnaire, overdue first."""
        return schedule.due_list(self.statuses(team_id, today=today))
