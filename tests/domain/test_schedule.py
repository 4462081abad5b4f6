from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from joinus_desktop.domain.schedule import (
    EXIT_INDEX,
    MeasurementStatus,
    due_list,
    measurement_status,
    moment_index,
    moment_label,
    sort_moments,
)

INTAKE = dt.date(2025, 1, 6)


def day(n: int) -> dt.date:
    return INTAKE + dt.timedelta(days=n)


def meetings(*days: int) -> list[dt.date]:
    return [day(n) for n in days]


def fortnightly(count: int, first: int = 0) -> list[dt.date]:
    return [day(first + 14 * n) for n in range(count)]


def status_of(*, attended: Sequence[dt.date] = (), responses: Sequence[tuple[str, dt.date]] = (),
              status: str = "active", exit_date: dt.date | None = None,
              today: dt.date = INTAKE) -> MeasurementStatus:
    return measurement_status(youngster_id="y1", status=status, intake_date=INTAKE,
                              exit_date=exit_date, attended_dates=attended,
                              responses=responses, today=today)


# --- moments -------------------------------------------------------------------------

def test_moment_index_and_sorting() -> None:
    assert [moment_index(m) for m in ("T0", "T1", "T12")] == [0, 1, 12]
    assert moment_index("exit") == EXIT_INDEX > moment_index("T999")
    assert sort_moments(["exit", "T10", "T2", "T0"]) == ["T0", "T2", "T10", "exit"]
    for bad in ("T", "t1", "X3", "", "T-1"):
        with pytest.raises(ValueError):
            moment_index(bad)


def test_moment_labels() -> None:
    assert moment_label("T0", "nl") == moment_label("T0", "en") == "Intake"
    assert moment_label("T1", "nl") == "Na 6 bijeenkomsten"
    assert moment_label("T2", "nl") == "Na 12 bijeenkomsten"
    assert moment_label("T2", "en") == "After 12 meetings"
    assert moment_label("exit", "nl") == "Uitstroom"
    assert moment_label("exit", "en") == "Exit"


# --- T0 --------------------------------------------------------------------------------

def test_without_any_response_t0_is_due() -> None:
    status = status_of()
    assert (status.next_moment, status.due, status.overdue) == ("T0", True, False)
    assert status.meetings_until_due == 0
    assert (status.last_moment, status.last_date) == (None, None)
    assert status.youngster_id == "y1"


def test_t0_overdue_after_two_meetings() -> None:
    assert not status_of(attended=meetings(0), today=day(1)).overdue
    status = status_of(attended=meetings(0, 14), today=day(15))
    assert status.overdue and status.attended_since_last == 2


def test_t0_overdue_28_days_after_intake() -> None:
    assert not status_of(today=day(27)).overdue
    assert status_of(today=day(28)).overdue


# --- T1, T2 … ------------------------------------------------------------------------------

def test_t1_becomes_due_after_six_attended_meetings() -> None:
    responses = [("T0", day(0))]
    five = status_of(attended=fortnightly(5, first=14), responses=responses, today=day(80))
    assert (five.next_moment, five.due, five.meetings_until_due) == ("T1", False, 1)
    six = status_of(attended=fortnightly(6, first=14), responses=responses, today=day(90))
    assert (six.next_moment, six.due, six.overdue, six.meetings_until_due) == ("T1", True,
                                                                               False, 0)


def test_overdue_after_two_extra_meetings() -> None:
    responses = [("T0", day(0))]
    seven = status_of(attended=fortnightly(7, first=14), responses=responses)
    eight = status_of(attended=fortnightly(8, first=14), responses=responses)
    assert seven.due and not seven.overdue
    assert eight.due and eight.overdue and eight.attended_since_last == 8


def test_a_meeting_on_the_day_of_the_response_counts_before_it() -> None:
    status = status_of(attended=meetings(0, 14), responses=[("T0", day(14))])
    assert status.attended_since_last == 0
    assert status.last_date == day(14)


def test_meetings_before_the_last_response_do_not_count() -> None:
    attended = fortnightly(10)  # days 0, 14, …, 126
    status = status_of(attended=attended, responses=[("T0", day(0)), ("T1", day(70))])
    assert status.next_moment == "T2"
    assert status.last_moment == "T1"
    assert status.attended_since_last == 4  # days 84, 98, 112, 126


def test_input_order_does_not_matter() -> None:
    attended = fortnightly(10)
    responses = [("T0", day(0)), ("T1", day(70))]
    ordered = status_of(attended=attended, responses=responses)
    shuffled = status_of(attended=attended[::-1], responses=responses[::-1])
    assert ordered == shuffled


def test_a_later_t_is_followed_even_without_t0() -> None:
    # A baseline taken after later measurements is no baseline: it is not asked for.
    status = status_of(attended=fortnightly(3), responses=[("T1", day(0))])
    assert status.next_moment == "T2"
    assert not status.due


def test_same_day_responses_pick_the_later_moment_as_last() -> None:
    responses = [("exit", day(100)), ("T3", day(100)), ("T0", day(0))]
    assert status_of(responses=responses).last_moment == "exit"
    assert status_of(responses=responses[::-1]).last_moment == "exit"


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown youngster status"):
        status_of(status="paused")


# --- exit -------------------------------------------------------------------------------

def test_after_exit_only_the_exit_measurement_is_due() -> None:
    status = status_of(status="exited", exit_date=day(200), attended=fortnightly(14),
                       responses=[("T0", day(0))], today=day(201))
    assert (status.next_moment, status.due, status.overdue) == ("exit", True, False)
    assert status.meetings_until_due == 0
    assert status.attended_since_last == 13  # still reported: day 0 counts before T0


def test_exit_measurement_overdue_28_days_after_exit() -> None:
    responses = [("T0", day(0))]
    assert not status_of(status="exited", exit_date=day(100), responses=responses,
                         today=day(127)).overdue
    assert status_of(status="exited", exit_date=day(100), responses=responses,
                     today=day(128)).overdue
    # An exited record without a date (invalid, but possible mid-edit) is never overdue.
    assert not status_of(status="exited", responses=responses, today=day(900)).overdue


def test_nothing_left_after_the_exit_measurement() -> None:
    status = status_of(status="exited", exit_date=day(100),
                       responses=[("T0", day(0)), ("exit", day(101))], today=day(300))
    assert (status.next_moment, status.due, status.overdue) == (None, False, False)
    assert status.last_moment == "exit"


# --- the due list -------------------------------------------------------------------------

def test_due_list_puts_overdue_first_and_keeps_the_given_order() -> None:
    def made(name: str, due: bool, overdue: bool) -> MeasurementStatus:
        return MeasurementStatus(name, "T1", due, overdue, 0, 0, None, None)

    statuses = [made("a", True, False), made("b", False, False), made("c", True, True),
                made("d", True, False), made("e", True, True)]
    assert [s.youngster_id for s in due_list(statuses)] == ["c", "e", "a", "d"]
    assert due_list([]) == []
