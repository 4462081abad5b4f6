"""When a youngster's next questionnaire is due.

T0 at intake; then T1, T2 … each after six meetings *attended* since the last
measurement; "exit" when the youngster leaves. Counting attended meetings rather
than weeks means every measurement follows the same dose of the programme, and
both social workers see the same due list because it derives from synced data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import method
from .entities import is_moment

MEETINGS_PER_MEASUREMENT = 6
OVERDUE_AFTER_EXTRA_MEETINGS = 2
INTAKE_OVERDUE_DAYS = 28  # T0 is also overdue this long after intake, meetings or not
EXIT_OVERDUE_DAYS = 28
INTAKE = "T0"
EXIT = "exit"
EXIT_INDEX = 10**9  # sorts after every T moment


def moment_index(moment: str) -> int:
    """T0 -> 0, T1 -> 1, …; "exit" -> `EXIT_INDEX`. Raises ValueError otherwise."""
    if not is_moment(moment):
        raise ValueError(f"{moment!r} is not a measurement moment (T0, T1, … or exit)")
    return EXIT_INDEX if moment == EXIT else int(moment[1:])


def sort_moments(moments: Iterable[str]) -> list[str]:
    return sorted(moments, key=moment_index)


def moment_label(moment: str, lang: str = "en") -> str:
    """How a moment reads on screen. T1 says "after 6 meetings": the nominal count,
    which is what the moment stands for even when a measurement came late."""
    index = moment_index(moment)
    if index == EXIT_INDEX:
        return "Uitstroom" if lang == "nl" else "Exit"
    if index == 0:
        return "Intake"
    meetings = index * MEETINGS_PER_MEASUREMENT
    return f"Na {meetings} bijeenkomsten" if lang == "nl" else f"After {meetings} meetings"


@dataclass(frozen=True)
class MeasurementStatus:
    youngster_id: str
    next_moment: str | None  # None: nothing left to measure (exit measured)
    due: bool
    overdue: bool
    attended_since_last: int  # meetings attended after the latest response (any moment)
    meetings_until_due: int  # 0 when due, or when meetings do not decide (T0, exit)
    last_moment: str | None
    last_date: dt.date | None


def measurement_status(*, youngster_id: str, status: str, intake_date: dt.date,
                       exit_date: dt.date | None, attended_dates: Sequence[dt.date],
                       responses: Sequence[tuple[str, dt.date]],
                       today: dt.date) -> MeasurementStatus:
    """Where one youngster stands in the schedule.

    ``attended_dates``: dates of the meetings the youngster attended, in any order.
    ``responses``: (moment, date) of each response still in force (superseded ones
    left out). A meeting on the day of a response counts as before it: the
    questionnaire is filled in at or after that day's meeting.

    The next T moment follows the highest T done, so a missed T0 is not asked for
    once a later T exists: a baseline taken after the programme started is no baseline.
    """
    if status not in method.YOUNGSTER_STATUSES:
        raise ValueError(f"unknown youngster status {status!r}")
    last_moment, last_date = _latest(responses)
    attended = sum(1 for day in attended_dates if last_date is None or day > last_date)
    done = {moment_index(moment) for moment, _ in responses}
    t_done = [index for index in done if index != EXIT_INDEX]

    def result(next_moment: str | None, due: bool, overdue: bool,
               until: int = 0) -> MeasurementStatus:
        return MeasurementStatus(youngster_id, next_moment, due, overdue, attended, until,
                                 last_moment, last_date)

    if status == "exited":
        # After exit only the exit measurement matters; regular T's stop.
        if EXIT_INDEX in done:
            return result(None, due=False, overdue=False)
        late = exit_date is not None and today >= exit_date + dt.timedelta(EXIT_OVERDUE_DAYS)
        return result(EXIT, due=True, overdue=late)
    if not t_done:
        late = (attended >= OVERDUE_AFTER_EXTRA_MEETINGS
                or today >= intake_date + dt.timedelta(INTAKE_OVERDUE_DAYS))
        return result(INTAKE, due=True, overdue=late)
    return result(
        f"T{max(t_done) + 1}",
        due=attended >= MEETINGS_PER_MEASUREMENT,
        overdue=attended >= MEETINGS_PER_MEASUREMENT + OVERDUE_AFTER_EXTRA_MEETINGS,
        until=max(0, MEETINGS_PER_MEASUREMENT - attended),
    )


def _latest(responses: Sequence[tuple[str, dt.date]]) -> tuple[str | None, dt.date | None]:
    # On a tie of dates the later moment wins, so the result does not depend on input order.
    if not responses:
        return None, None
    moment, day = max(responses, key=lambda r: (r[1], moment_index(r[0])))
    return moment, day


def due_list(statuses: Iterable[MeasurementStatus]) -> list[MeasurementStatus]:
    """The due measurements, overdue ones first; otherwise in the order given."""
    return sorted((s for s in statuses if s.due), key=lambda s: not s.overdue)
