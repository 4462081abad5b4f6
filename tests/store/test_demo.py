"""The demo data: believable, consistent with the domain rules and the schedule, repeatable."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from joinus_desktop.demo import DemoSummary, fill_demo
from joinus_desktop.domain import entities, method, schedule
from joinus_desktop.domain.instruments import validate_answers
from joinus_desktop.store.keyfile import Argon2Params
from joinus_desktop.store.store import Store

FAST = Argon2Params(65536, 1, 1)
PASSPHRASE = "correct horse battery staple 42"
TODAY = dt.date(2025, 6, 18)


def new_store(root: Path) -> Store:
    store, _ = Store.create(root, PASSPHRASE, argon2=FAST)
    return store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path / "vault")
    yield store
    store.lock()


@pytest.fixture
def small(store: Store) -> tuple[Store, DemoSummary]:
    return store, fill_demo(store, seed=1, today=TODAY)


def rows(store: Store, entity: str, team_id: str) -> list[dict[str, Any]]:
    return store.records.find(entity, "team_id = ?", (team_id,))


def attended_dates(store: Store, youngster_id: str) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in store.meetings.attended_dates(youngster_id)]


# --- the small group ---------------------------------------------------------------


def test_small_demo_makes_one_group_at_every_stage(small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    assert summary.teams == 1
    team = store.teams.get(summary.team_id)
    assert (team["name"], team["municipality"], team["age_group"]) == (
        "Join Us Utrecht-Overvecht", "Utrecht", "12-18")
    youngsters = store.youngsters.list(summary.team_id)
    meetings = sorted(store.meetings.list(summary.team_id), key=lambda m: m["date"])
    assert len(youngsters) == summary.youngsters == 12
    assert len({y["alias"] for y in youngsters}) == 12
    stages = Counter(y["status"] for y in youngsters)
    assert 2 <= stages["intake"] <= 3
    assert 2 <= stages["exited"] <= 3
    assert stages["active"] >= 6
    for y in youngsters:
        age = dt.date.fromisoformat(y["intake_date"]).year - y["birth_year"]
        assert 12 <= age <= 18
        assert y["consent_youngster"] and y["consent_date"] == y["intake_date"]
        if age < 16:
            assert y["consent_guardian"]
        if y["status"] == "exited":
            assert y["exit_date"] and y["exit_reason"] in method.EXIT_REASONS and y["exit_note"]
            assert y["exit_date"] > y["intake_date"]
        else:
            assert y["exit_date"] is None
        if y["status"] == "intake":  # new: joined before one of the latest two meetings, or since
            assert y["intake_date"] > meetings[-3]["date"]
            assert len(store.meetings.attended_dates(y["id"])) <= 2
        if y["status"] == "active":
            assert len(store.meetings.attended_dates(y["id"])) >= 2


def test_small_demo_meets_every_two_weeks_for_about_ten_months(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    meetings = sorted(store.meetings.list(summary.team_id), key=lambda m: m["date"])
    assert len(meetings) == summary.meetings == 20
    dates = [dt.date.fromisoformat(m["date"]) for m in meetings]
    # Fortnightly, except in the summer and Christmas holidays.
    assert dates[-1] < TODAY and (TODAY - dates[-1]).days <= 8 * 7
    assert 9 * 30 <= (TODAY - dates[0]).days <= 12 * 31
    assert all((b - a).days % 14 == 0 and (b - a).days >= 14 for a, b in zip(dates, dates[1:]))
    for meeting in meetings:
        assert meeting["place"] and meeting["activities"] and meeting["notes"]
    assert any("Buurtcentrum" in m["place"] or "Buurthuis" in m["place"] for m in meetings)
    assert len({m["activities"].split(",")[0] for m in meetings}) >= 6


def test_attendance_only_between_intake_and_exit_at_a_realistic_rate(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    meetings = store.meetings.list(summary.team_id)
    possible = attended = 0
    for y in store.youngsters.list(summary.team_id):
        intake = dt.date.fromisoformat(y["intake_date"])
        leave = dt.date.fromisoformat(y["exit_date"]) if y["exit_date"] else TODAY
        dates = attended_dates(store, y["id"])
        assert all(intake < day <= leave for day in dates)
        possible += sum(1 for m in meetings
                        if intake < dt.date.fromisoformat(m["date"]) <= leave)
        attended += len(dates)
    assert attended == summary.attendance
    assert 0.7 <= attended / possible <= 0.92
    for meeting in meetings:
        present = store.meetings.attendee_ids(meeting["id"])
        assert len(present) <= 15
        assert f"{len(present)} van de" in meeting["notes"]


def test_observations_are_dutch_tagged_and_tied_to_attended_meetings(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    observations = rows(store, "observation", summary.team_id)
    assert len(observations) == summary.observations >= 40
    aliases = {y["id"]: y["alias"] for y in store.youngsters.list(summary.team_id)}
    causes = Counter(o["suspected_cause"] for o in observations)
    assert set(causes) == set(method.SUSPECTED_CAUSES)
    for o in observations:
        assert o["behaviour"].startswith(aliases[o["youngster_id"]]) or \
            aliases[o["youngster_id"]] in o["behaviour"]
        assert o["context"]
        assert o["tags"] and set(o["tags"]) <= set(method.METHOD_TAGS)
        if o["suspected_cause"] != "unknown":
            assert o["cause_detail"]
        meeting = store.meetings.get(o["meeting_id"])
        assert o["date"] == meeting["date"]
        assert o["youngster_id"] in store.meetings.attendee_ids(meeting["id"])


def test_challenges_have_statuses_and_attempts_at_attended_meetings(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    challenges = rows(store, "challenge", summary.team_id)
    attempts = rows(store, "challenge_attempt", summary.team_id)
    assert len(challenges) == summary.challenges >= 12
    assert len(attempts) == summary.attempts >= len(challenges)
    statuses = Counter(c["status"] for c in challenges)
    assert set(statuses) <= set(method.CHALLENGE_STATUSES)
    assert statuses["achieved"] and statuses["active"]
    by_challenge = Counter(a["challenge_id"] for a in attempts)
    exited = {y["id"] for y in store.youngsters.list(summary.team_id, status="exited")}
    for c in challenges:
        assert c["title"]
        if c["works_on_kind"]:
            assert c["works_on"]
        if c["status"] in ("achieved",):
            assert by_challenge[c["id"]] >= 1
        if c["youngster_id"] in exited:
            assert c["status"] in ("achieved", "stopped")
    challenge_owner = {c["id"]: c["youngster_id"] for c in challenges}
    for a in attempts:
        assert challenge_owner[a["challenge_id"]] == a["youngster_id"]
        assert a["outcome"] in method.ATTEMPT_OUTCOMES and a["what_happened"]
        assert a["date"] == store.meetings.get(a["meeting_id"])["date"]
        assert a["youngster_id"] in store.meetings.attendee_ids(a["meeting_id"])
    assert Counter(a["outcome"] for a in attempts).keys() == set(method.ATTEMPT_OUTCOMES)


def check_schedule(store: Store, team_id: str, today: dt.date) -> None:
    """Each youngster's responses are the moments the schedule asks for, on the right days."""
    step = schedule.MEETINGS_PER_MEASUREMENT
    statuses = {s.youngster_id: s for s in store.questionnaires.statuses(team_id, today=today)}
    responses: dict[str, list[dict[str, Any]]] = {}
    for r in rows(store, "questionnaire_response", team_id):
        responses.setdefault(r["youngster_id"], []).append(r)
    for y in store.youngsters.list(team_id):
        mine = sorted(responses.get(y["id"], []), key=lambda r: schedule.moment_index(r["moment"]))
        moments = [r["moment"] for r in mine]
        assert moments[0] == "T0" and mine[0]["date"] == y["intake_date"]
        assert len(set(moments)) == len(moments)
        t_moments = [m for m in moments if m != "exit"]
        assert t_moments == [f"T{k}" for k in range(len(t_moments))]
        dates = attended_dates(store, y["id"])
        expected = len(dates) // step
        done = len(t_moments) - 1
        for k, r in enumerate(mine[1:done + 1], 1):
            assert r["date"] == dates[k * step - 1].isoformat()
        status = statuses[y["id"]]
        assert not status.overdue
        if y["status"] == "exited":
            assert moments[-1] == "exit" and mine[-1]["date"] == y["exit_date"]
            assert done == expected and status.next_moment is None
        else:
            assert "exit" not in moments
            assert done in (expected, expected - 1)
            if done == expected - 1:  # due at the latest meeting, not filled in yet
                assert status.due and status.next_moment == f"T{expected}"
            else:
                assert not status.due
        for r in mine:
            assert r["date"] <= today.isoformat()


def test_questionnaires_follow_the_schedule(small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    check_schedule(store, summary.team_id, TODAY)
    moments = Counter(r["moment"] for r in rows(store, "questionnaire_response", summary.team_id))
    assert moments["T0"] == 12 and moments["T1"] >= 6 and moments["T2"] >= 3
    assert moments["exit"] == Counter(
        y["status"] for y in store.youngsters.list(summary.team_id))["exited"]
    assert sum(moments.values()) == summary.responses


def test_answers_fit_the_instrument(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    responses = rows(store, "questionnaire_response", summary.team_id)
    scored = 0
    for r in responses:
        instrument = store.instruments.get(r["instrument_id"], r["instrument_version"])
        assert not [p for p in validate_answers(instrument, r["answers"]) if p.is_error]
        assert set(r["answers"]) == {item.id for item in instrument.items}
        assert sum(v is None for v in r["answers"].values()) <= 1
        assert all(isinstance(v, int) for v in r["answers"].values() if v is not None)
        scored += all(v is not None for v in r["scores"].values())
    assert scored >= 0.9 * len(responses)
    # Answers follow one latent score per scale: reverse items, once flipped, agree with
    # the plain ones (were they not flipped, they would sit on the other side of the scale).
    instrument = store.instruments.default()
    flip = instrument.answer_scale.min + instrument.answer_scale.max
    for scale in instrument.scales:
        plain = [i.id for i in instrument.items_of(scale.id) if not i.reverse]
        reverse = [i.id for i in instrument.items_of(scale.id) if i.reverse]
        gaps = []
        for r in responses:
            values = [r["answers"][i] for i in plain if r["answers"][i] is not None]
            flipped = [flip - r["answers"][i] for i in reverse if r["answers"][i] is not None]
            gaps.append(abs(sum(values) / len(values) - sum(flipped) / len(flipped)))
        assert sum(gaps) / len(gaps) < 0.8, scale.id


def test_trajectories_mostly_improve_with_noise(store: Store) -> None:
    """Over three groups: loneliness tends down, confidence and skills up, not in a line."""
    instrument = store.instruments.default()
    changes: dict[str, list[float]] = {s.id: [] for s in instrument.scales}
    steps: dict[str, list[float]] = {s.id: [] for s in instrument.scales}
    for seed in (1, 2, 3):
        team_id = store.teams.create(name=f"Groep {seed}", municipality="Utrecht",
                                     age_group="12-18").id
        fill_demo(store, seed=seed, team_id=team_id, today=TODAY)
        for y in store.youngsters.list(team_id):
            points = store.questionnaires.youngster_scores(y["id"])
            for scale_id in steps:
                steps[scale_id] += [b["scores"][scale_id] - a["scores"][scale_id]
                                    for a, b in zip(points, points[1:])]
            if len(points) >= 2:
                for scale_id, values in changes.items():
                    values.append(points[-1]["scores"][scale_id] - points[0]["scores"][scale_id])
    assert len(changes["loneliness"]) >= 20

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    assert mean(changes["loneliness"]) < -0.2
    assert mean(changes["self_confidence"]) > 0.2
    assert mean(changes["social_skills"]) > 0.2
    # Individual variation: someone ends lonelier than they started; and the lines
    # are noisy: some measurements go the wrong way.
    assert any(change > 0 for change in changes["loneliness"])
    assert any(step > 0 for step in steps["loneliness"])
    assert any(step < 0 for step in steps["self_confidence"] + steps["social_skills"])


def test_every_record_passes_the_domain_rules_without_warnings(
        small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    for name in ("youngster", "meeting", "attendance", "observation", "challenge",
                 "challenge_attempt", "questionnaire_response"):
        for record in rows(store, name, summary.team_id):
            values = {k: record[k] for k in entities.entity(name).field_names}
            assert entities.validate(name, values, today=TODAY) == [], (name, values)


def test_everything_is_tracked_for_sync(small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    total = (summary.teams + summary.youngsters + summary.meetings + summary.attendance
             + summary.observations + summary.challenges + summary.attempts + summary.responses)
    assert store.pending_changes() == total > 0
    entities_in_outbox = {r["entity"] for r in store.db.query("SELECT DISTINCT entity FROM outbox")}
    assert entities_in_outbox == {"team", "youngster", "meeting", "attendance", "observation",
                                  "challenge", "challenge_attempt", "questionnaire_response"}


# --- repeatability, dates, teams ---------------------------------------------------------


def snapshot(store: Store, team_id: str) -> dict[str, list[str]]:
    """Every record's content with ids replaced by what they point at."""
    keys: dict[str, str] = {}
    for y in rows(store, "youngster", team_id):
        keys[y["id"]] = y["alias"]
    for m in rows(store, "meeting", team_id):
        keys[m["id"]] = f"{m['date']} {m['place']}"
    for c in rows(store, "challenge", team_id):
        keys[c["id"]] = f"{keys[c['youngster_id']]}: {c['title']}"
    result: dict[str, list[str]] = {}
    for name in ("youngster", "meeting", "attendance", "observation", "challenge",
                 "challenge_attempt", "questionnaire_response"):
        spec = entities.entity(name)
        result[name] = sorted(
            repr([keys.get(r[f.name], r[f.name]) if f.kind == "ref" else r[f.name]
                  for f in spec.fields])
            for r in rows(store, name, team_id))
    return result


def test_same_seed_same_content_other_seed_other_content(tmp_path: Path) -> None:
    snapshots = []
    for n, seed in enumerate((7, 7, 8)):
        store = new_store(tmp_path / f"vault{n}")
        try:
            summary = fill_demo(store, seed=seed, today=TODAY)
            snapshots.append((summary, snapshot(store, summary.team_id)))
        finally:
            store.lock()
    (first, content), (second, again), (_, other) = snapshots
    assert first.team_id != second.team_id  # ids differ …
    assert {**first.__dict__, "team_id": ""} == {**second.__dict__, "team_id": ""}
    assert content == again  # … content does not
    assert content["observation"] != other["observation"]
    assert content["youngster"] != other["youngster"]


@pytest.mark.parametrize("today", [dt.date(2025, 1, 2), dt.date(2024, 9, 1),
                                   dt.date(2026, 3, 16)])
def test_no_date_after_today_whatever_today_is(store: Store, today: dt.date) -> None:
    summary = fill_demo(store, seed=3, today=today)
    limit = today.isoformat()
    for y in rows(store, "youngster", summary.team_id):
        assert y["intake_date"] <= limit and (y["exit_date"] or "") <= limit
        assert y["consent_date"] <= limit
    for name in ("meeting", "observation", "challenge_attempt", "questionnaire_response"):
        assert all(r["date"] <= limit for r in rows(store, name, summary.team_id)), name
    check_schedule(store, summary.team_id, today)


def test_fills_the_current_team_when_there_is_one(store: Store) -> None:
    store.teams.create(name="Join Us Amersfoort", municipality="Amersfoort", age_group="12-18")
    older = store.teams.create(name="Join Us Zwolle", municipality="Zwolle",
                               age_group="18-25").id
    store.teams.set_current(older)
    summary = fill_demo(store, today=TODAY)
    assert summary.teams == 0 and summary.team_id == older
    assert len(store.teams.list()) == 2
    for y in store.youngsters.list(older):
        assert 18 <= dt.date.fromisoformat(y["intake_date"]).year - y["birth_year"] <= 25
    other = [t for t in store.teams.list() if t["id"] != older][0]
    second = fill_demo(store, seed=2, team_id=other["id"], today=TODAY)
    assert second.team_id == other["id"] and second.teams == 0
    assert len(store.youngsters.list(other["id"])) == 12
    assert len(store.youngsters.list(older)) == 12


def test_rejects_an_unknown_size(store: Store) -> None:
    with pytest.raises(ValueError):
        fill_demo(store, size="medium")  # type: ignore[arg-type]
    assert store.pending_changes() == 0


# --- the large vault ---------------------------------------------------------------------


@pytest.mark.slow
def test_large_demo_for_benchmarks(store: Store) -> None:
    started = time.perf_counter()
    summary = fill_demo(store, size="large", today=TODAY)
    elapsed = time.perf_counter() - started
    assert summary.youngsters == 1000 and summary.observations == 20000
    assert elapsed < 60, f"the large demo took {elapsed:.1f} s"
    team_id = summary.team_id
    counts = {r["entity"]: r["n"] for r in store.db.query(
        "SELECT entity, count(*) AS n FROM outbox GROUP BY entity")}
    assert counts["youngster"] == 1000 and counts["observation"] == 20000
    assert store.db.query("SELECT count(*) AS n FROM youngster WHERE team_id = ?",
                          (team_id,))[0]["n"] == 1000
    assert store.db.query("SELECT count(*) AS n FROM observation WHERE team_id = ?",
                          (team_id,))[0]["n"] == 20000
    # Proportionate: groups of at most 15 meeting every two weeks, ~20 meetings each.
    assert 60 <= summary.meetings / 20 <= 80
    biggest = store.db.query("SELECT max(n) AS n FROM (SELECT count(*) AS n FROM attendance "
                             "WHERE team_id = ? GROUP BY meeting_id)", (team_id,))[0]["n"]
    assert biggest <= 15
    assert summary.attendance > 9000 and summary.challenges > 1500
    assert summary.attempts > summary.challenges and summary.responses > 2000
    stages = Counter(y["status"] for y in store.youngsters.list(team_id))
    assert stages["active"] > 500 and stages["intake"] > 50 and stages["exited"] > 50
    check_schedule(store, team_id, TODAY)
    assert 0 < len(store.questionnaires.due(team_id, today=TODAY)) < 200
    for table in ("meeting", "observation", "challenge_attempt", "questionnaire_response"):
        latest = store.db.query(f"SELECT max(date) AS d FROM {table}")[0]["d"]
        assert latest <= TODAY.isoformat(), table
