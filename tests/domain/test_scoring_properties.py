from __future__ import annotations

import dataclasses
import datetime as dt
import math
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinus_desktop.domain.instruments import Instrument, InstrumentRegistry, score
from joinus_desktop.domain.schedule import (
    EXIT_INDEX,
    MeasurementStatus,
    measurement_status,
    moment_index,
)

MONITOR = InstrumentRegistry.builtin().default()
LOW, HIGH = MONITOR.answer_scale.min, MONITOR.answer_scale.max
# The same instrument with no reversed items, so raw answers map straight to scores.
PLAIN = dataclasses.replace(
    MONITOR, items=tuple(dataclasses.replace(i, reverse=False) for i in MONITOR.items))

answer = st.one_of(st.none(), st.integers(LOW, HIGH))
# Some items absent from the dict, some present but None: both mean unanswered.
answers_of = st.dictionaries(st.sampled_from([i.id for i in MONITOR.items]), answer)


def answered(instrument: Instrument, answers: dict[str, int | None], scale_id: str) -> int:
    return sum(answers.get(i.id) is not None for i in instrument.items_of(scale_id))


@given(answers_of)
def test_scores_stay_on_the_answer_scale(answers: dict[str, int | None]) -> None:
    for value in score(MONITOR, answers).values():
        assert value is None or LOW <= value <= HIGH


@given(answers_of)
def test_no_score_exactly_when_too_few_answered(answers: dict[str, int | None]) -> None:
    scores = score(MONITOR, answers)
    for scale in MONITOR.scales:
        too_few = answered(MONITOR, answers, scale.id) < scale.min_answered
        assert (scores[scale.id] is None) == too_few


@pytest.mark.parametrize("instrument", [PLAIN, MONITOR], ids=["no reversed items", "monitor"])
@given(answers=answers_of)
def test_mirrored_answers_mirror_the_score(instrument: Instrument,
                                           answers: dict[str, int | None]) -> None:
    mirrored = {k: None if v is None else LOW + HIGH - v for k, v in answers.items()}
    before, after = score(instrument, answers), score(instrument, mirrored)
    for scale in instrument.scales:
        if before[scale.id] is None:
            assert after[scale.id] is None
        else:
            assert after[scale.id] == pytest.approx(LOW + HIGH - before[scale.id], abs=1e-9)


@given(answers_of, st.randoms())
def test_answer_order_does_not_change_scores(answers: dict[str, int | None],
                                             random: Random) -> None:
    pairs = list(answers.items())
    random.shuffle(pairs)
    assert score(MONITOR, dict(pairs)) == score(MONITOR, answers)


# --- the schedule ---------------------------------------------------------------------

INTAKE = dt.date(2025, 1, 6)
days = st.integers(min_value=-10, max_value=500).map(lambda n: INTAKE + dt.timedelta(n))
moments = st.sampled_from(["T0", "T1", "T2", "T3", "T4", "exit"])
responses_of = st.lists(st.tuples(moments, days), max_size=6)
statuses = st.sampled_from(["intake", "active", "exited"])


def status_with(*, status: str, attended: list[dt.date],
                responses: list[tuple[str, dt.date]], today: dt.date) -> MeasurementStatus:
    return measurement_status(youngster_id="y", status=status, intake_date=INTAKE,
                              exit_date=INTAKE + dt.timedelta(300) if status == "exited" else None,
                              attended_dates=attended, responses=responses, today=today)


@given(statuses, st.lists(days, max_size=30), st.lists(days, min_size=1, max_size=10),
       responses_of, days)
def test_attending_more_never_undoes_due(status: str, attended: list[dt.date],
                                         more: list[dt.date],
                                         responses: list[tuple[str, dt.date]],
                                         today: dt.date) -> None:
    before = status_with(status=status, attended=attended, responses=responses, today=today)
    after = status_with(status=status, attended=attended + more, responses=responses,
                        today=today)
    assert after.next_moment == before.next_moment
    assert after.attended_since_last >= before.attended_since_last
    assert after.due or not before.due
    assert after.overdue or not before.overdue


def _next_index(moment: str | None) -> float:
    return math.inf if moment is None else moment_index(moment)


@given(statuses, st.lists(days, max_size=30), responses_of, days)
def test_next_moment_never_goes_back_as_responses_come_in(
        status: str, attended: list[dt.date], responses: list[tuple[str, dt.date]],
        today: dt.date) -> None:
    indexes = [
        _next_index(status_with(status=status, attended=attended, responses=responses[:n],
                                today=today).next_moment)
        for n in range(len(responses) + 1)
    ]
    assert indexes == sorted(indexes)
    if status != "exited":
        assert EXIT_INDEX not in indexes  # regular T's go on until the youngster leaves
