"""Qt-free report data: pseudonymised research CSV, right of access, programme figures."""

from __future__ import annotations

import csv
import io
import json

import pytest

from joinus_desktop.demo import fill_demo
from joinus_desktop.reports import access, programme, research
from joinus_desktop.reports.youngster import gather, report_html


@pytest.fixture
def demo(store):  # noqa: ANN001, ANN201
    fill_demo(store, seed=1, size="small")
    return store


def _texts(store) -> tuple[list[str], list[str]]:  # noqa: ANN001
    aliases = [y["alias"] for y in store.records.find("youngster")]
    notes = [o["behaviour"] for o in store.records.find("observation")]
    notes += [o["context"] for o in store.records.find("observation") if o.get("context")]
    notes += [a["what_happened"] for a in store.records.find("challenge_attempt")]
    return aliases, notes


def test_research_csv_has_no_names_or_notes_and_stable_pseudonyms(demo) -> None:  # noqa: ANN001
    first, second = research.research_csv(demo), research.research_csv(demo)
    assert first == second  # same vault, same pseudonyms
    aliases, notes = _texts(demo)
    assert aliases and notes
    for text in aliases + notes:
        assert text.encode() not in first, text
    for y in demo.records.find("youngster"):
        assert y["id"].encode() not in first  # ids are not in it either
    rows = list(csv.DictReader(io.StringIO(first.decode())))
    in_force = [r for r in demo.records.find("questionnaire_response")]
    assert len(rows) == len(in_force)
    assert {"pseudonym", "team_pseudonym", "age_at_intake", "moment", "year_month",
            "instrument_id", "instrument_version", "loneliness"} <= set(rows[0])
    assert all(len(r["year_month"]) == 7 for r in rows)
    # One pseudonym per youngster, and a different vault secret gives other pseudonyms.
    youngsters = {r["youngster_id"] for r in in_force}
    assert len({r["pseudonym"] for r in rows}) == len(youngsters)
    other = research.pseudonym(b"x" * 32, "youngster", in_force[0]["youngster_id"])
    assert other not in {r["pseudonym"] for r in rows}


def test_right_of_access_holds_every_record_and_nothing_of_others(demo) -> None:  # noqa: ANN001
    team = demo.teams.current()["id"]
    sam, *others = demo.youngsters.list(team)
    demo.audit.record("open", "youngster", sam["id"])
    data = access.gather(demo, sam["id"])
    blob = access.access_json(data)
    json.loads(blob)
    expected = {
        "attendance": demo.records.find("attendance", "youngster_id = ?", (sam["id"],)),
        "observations": demo.observations.for_youngster(sam["id"]),
        "challenges": demo.challenges.for_youngster(sam["id"]),
        "challenge_attempts": demo.challenges.attempts_for_youngster(sam["id"]),
        "questionnaire_responses": demo.questionnaires.for_youngster(
            sam["id"], include_superseded=True),
    }
    for key, records in expected.items():
        assert records, key
        assert {r["id"] for r in data[key]} == {r["id"] for r in records}, key
    assert data["youngster"]["id"] == sam["id"]
    assert all(a.get("meeting_date") for a in data["attendance"])
    assert all(r["answers"] and r["scores"] for r in data["questionnaire_responses"])
    assert [a["action"] for a in data["audit_log"]] == ["open"]
    for other in others:
        assert other["id"].encode() not in blob
    other_ids = {r["id"] for r in demo.records.find("observation")
                 if r["youngster_id"] != sam["id"]}
    assert not any(i.encode() in blob for i in other_ids)
    html = access.access_html(data, "nl")
    assert sam["alias"] in html and "Aanwezigheid" in html


def test_youngster_report_includes_observations_only_when_asked(demo) -> None:  # noqa: ANN001
    team = demo.teams.current()["id"]
    y = demo.youngsters.list(team)[0]
    behaviours = [o["behaviour"] for o in demo.observations.for_youngster(y["id"])]
    without = report_html(gather(demo, y["id"], include_observations=False), "en")
    with_obs = report_html(gather(demo, y["id"], include_observations=True), "nl")
    assert not any(b in without for b in behaviours)
    assert all(b.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in with_obs
               for b in behaviours)
    assert "Attendance" in without and "Aanwezigheid" in with_obs
    assert "Uitdagingen" in with_obs and "Challenges" in without


def test_programme_hides_figures_under_five() -> None:
    from joinus_desktop.domain.instruments import InstrumentRegistry

    instrument = InstrumentRegistry.builtin().default()
    report = {"moments": [
        {"moment": "T0", "youngsters": 40, "suppressed": False,
         "scales": {"loneliness": {"mean": 3.4, "suppressed": False}}},
        {"moment": "T1", "youngsters": 3, "suppressed": True}]}
    own = {"T0": {"n": 4, "means": {"loneliness": 3.0}},
           "T1": {"n": 6, "means": {"loneliness": 2.5}}}
    data = programme.combine(report, own, instrument, fetched="2026-11-12")
    t0, t1 = data.rows
    assert t0.programme["loneliness"] == 3.4 and t0.own == {} and t0.own_suppressed
    assert t1.programme == {} and t1.programme_suppressed and t1.own["loneliness"] == 2.5
    table = programme.table_csv(data, headers=["m", "n", "own"], fewer="<5",
                                moment_label=str).decode("utf-8-sig")
    assert "3.00" not in table and "<5" in table


def test_programme_means_are_hidden_when_the_own_group_would_difference_them() -> None:
    """Programme 8 and own group 5 side by side give the other 3's mean: hide it (issue 12)."""
    from joinus_desktop.domain.instruments import InstrumentRegistry

    instrument = InstrumentRegistry.builtin().default()
    report = {"moments": [
        {"moment": "T0", "youngsters": 8, "suppressed": False,
         "scales": {"loneliness": {"mean": 3.4, "suppressed": False}}},
        {"moment": "T1", "youngsters": 12, "suppressed": False,
         "scales": {"loneliness": {"mean": 2.9, "suppressed": False}}},
        {"moment": "T2", "youngsters": 9, "suppressed": True, "reason": "differencing"}]}
    own = {"T0": {"n": 5, "means": {"loneliness": 3.0}},
           "T1": {"n": 5, "means": {"loneliness": 2.5}},
           "T2": {"n": 2, "means": {"loneliness": 2.5}}}
    data = programme.combine(report, own, instrument)
    t0, t1, t2 = data.rows
    assert t0.programme == {} and t0.programme_suppressed and t0.programme_differencing
    assert t0.own["loneliness"] == 3.0 and t0.youngsters == 8 and not t0.programme_small
    assert t1.programme["loneliness"] == 2.9 and not t1.programme_suppressed  # 7 others
    assert t2.programme == {} and t2.programme_differencing  # the server said so
    table = programme.table_csv(data, headers=["m", "n", "own"], fewer="<5",
                                moment_label=str).decode("utf-8-sig")
    lines = table.splitlines()
    assert "3.40" not in table and lines[1].startswith("T0,8,5,")
    assert lines[3].startswith("T2,9,<5,")


def test_youngster_report_hides_a_group_mean_its_own_score_would_difference(demo) -> None:  # noqa: ANN001
    """Group of 5 with this youngster in it: mean minus their score gives the other 4's."""
    import dataclasses

    from joinus_desktop.reports.youngster import chart_means

    team = demo.teams.current()["id"]
    y = next(y for y in demo.youngsters.list(team)
             if demo.questionnaires.youngster_scores(y["id"]))
    report = gather(demo, y["id"], include_observations=False)
    own = report.scores[0]["moment"]
    other = "T9" if own != "T9" else "T8"
    means = {"loneliness": 3.0}
    shown = chart_means(dataclasses.replace(report, team_means={
        own: {"n": 5, "means": means}, other: {"n": 5, "means": means}}))
    assert own not in shown and other in shown  # not in the other moment's group
    shown = chart_means(dataclasses.replace(report, team_means={own: {"n": 6, "means": means}}))
    assert own in shown
