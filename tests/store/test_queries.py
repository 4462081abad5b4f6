"""The queries the charts and the Today view need."""

from __future__ import annotations

import datetime as dt

from joinus_desktop.store.store import Store


def answers(store: Store, level: int) -> dict[str, int]:  # noqa: D103
    instrument = store.instruments.default()
    low, high = instrument.answer_scale.min, instrument.answer_scale.max
    return {item.id: (low + high - level if item.reverse else level) for item in instrument.items}


def test_youngster_scores_per_moment(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-01").id
    store.questionnaires.record(youngster_id=y, answers=answers(store, 2), date="2026-01-01",
                                moment="T0")
    store.questionnaires.record(youngster_id=y, answers=answers(store, 4), date="2026-04-01",
                                moment="T1")
    points = store.questionnaires.youngster_scores(y)
    assert [p["moment"] for p in points] == ["T0", "T1"]
    assert points[0]["scores"] == {"loneliness": 2.0, "self_confidence": 2.0,
                                   "social_skills": 2.0}
    assert points[1]["scores"]["loneliness"] == 4.0


def test_team_mean_per_moment_ignores_superseded_and_deleted(store, team) -> None:  # noqa: ANN001
    ids = [store.youngsters.add(team_id=team["id"], alias=a, intake_date="2026-01-01").id
           for a in ("A", "B", "C")]
    store.questionnaires.record(youngster_id=ids[0], answers=answers(store, 1), date="2026-01-02")
    wrong = store.questionnaires.record(youngster_id=ids[1], answers=answers(store, 5),
                                        date="2026-01-02")
    store.questionnaires.correct(wrong.id, answers=answers(store, 3))
    store.questionnaires.record(youngster_id=ids[2], answers=answers(store, 5), date="2026-01-02")
    store.youngsters.delete(ids[2])
    means = store.questionnaires.team_means(team["id"])
    assert list(means) == ["T0"]
    assert means["T0"]["n"] == 2
    assert means["T0"]["means"]["self_confidence"] == 2.0  # (1 + 3) / 2


def test_due_list_follows_attended_meetings(store, team) -> None:  # noqa: ANN001
    today = dt.date(2026, 6, 1)
    new = store.youngsters.add(team_id=team["id"], alias="Nieuw", intake_date="2026-05-25").id
    busy = store.youngsters.add(team_id=team["id"], alias="Bezig", intake_date="2026-01-01",
                                status="active").id
    store.questionnaires.record(youngster_id=busy, answers=answers(store, 3), date="2026-01-01",
                                moment="T0")
    meeting_ids = [store.meetings.add(team_id=team["id"],
                                      date=str(dt.date(2026, 1, 5) + dt.timedelta(14 * i))).id
                   for i in range(8)]
    for meeting_id in meeting_ids[:5]:
        store.meetings.set_attendance(meeting_id, [busy])
    due = {s.youngster_id: s for s in store.questionnaires.due(team["id"], today=today)}
    assert set(due) == {new}
    assert due[new].next_moment == "T0" and not due[new].overdue

    store.meetings.set_attendance(meeting_ids[5], [busy])  # sixth meeting since T0
    due = {s.youngster_id: s for s in store.questionnaires.due(team["id"], today=today)}
    assert due[busy].next_moment == "T1" and not due[busy].overdue
    for meeting_id in meeting_ids[6:]:
        store.meetings.set_attendance(meeting_id, [busy])
    assert store.questionnaires.status(busy, today=today).overdue

    store.youngsters.exit(busy, exit_date="2026-05-30", reason="goals_met")
    status = store.questionnaires.status(busy, today=today)
    assert status.next_moment == "exit" and status.due


def test_search_and_filter_youngsters(store, team) -> None:  # noqa: ANN001
    for alias, status in [("Sam", "active"), ("Samira", "intake"), ("Noor", "active"),
                          ("100%_echt", "active")]:
        store.youngsters.add(team_id=team["id"], alias=alias, intake_date="2026-01-01",
                             status=status)
    assert [y["alias"] for y in store.youngsters.list(team["id"], search="sam")] == \
        ["Sam", "Samira"]
    assert [y["alias"] for y in store.youngsters.list(team["id"], status="active",
                                                     search="SAM")] == ["Sam"]
    assert [y["alias"] for y in store.youngsters.list(team["id"], search="%_")] == ["100%_echt"]
