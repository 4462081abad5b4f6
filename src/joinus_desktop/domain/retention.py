"""How long an exited youngster's records are kept: the rule the laptop and the server share.

An exited youngster's records are due for erasure once the exit date plus the
organisation's retention period (whole months) has passed. The organisation sets
the period on the server; laptops receive it with the settings.
"""

from __future__ import annotations

import calendar
import datetime as dt

DEFAULT_RETENTION_MONTHS = 24
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 240
RETENTION_KEY = "retention_months"  # the setting's name, on the server and in the vault


def valid_months(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)
            and MIN_RETENTION_MONTHS <= value <= MAX_RETENTION_MONTHS)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def erase_after(exit_date: dt.date, months: int) -> dt.date:
    """The day from which an exited youngster's records are due for erasure."""
    return add_months(exit_date, months)
