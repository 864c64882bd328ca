"""Weekends and the bank holidays of England and Wales, to warn when a meeting or a session falls on one.

The bank holidays are shipped as data (``resources/calendar/bank-holidays-england-and-wales.csv``,
made by ``build_scripts/make_bank_holidays.py``): SG Desk never looks them up on the web.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache

from sgdesk.dates import format_date
from sgdesk.paths import resource_path

HOLIDAYS_FILE = ("calendar", "bank-holidays-england-and-wales.csv")


@cache
def bank_holidays() -> dict[dt.date, str]:
    """Every bank holiday shipped, by date: its name ("Good Friday", "Boxing Day (substitute day)")."""
    with resource_path(*HOLIDAYS_FILE).open(encoding="utf-8", newline="") as handle:
        return {dt.date.fromisoformat(row["date"]): row["name"] for row in csv.DictReader(handle)}


def day_off(day: dt.date) -> str | None:
    """Why ``day`` is not a working day ("a Saturday", "Good Friday, a bank holiday"), or None when it is one."""
    holiday = bank_holidays().get(day)
    if holiday is not None:
        return f"{holiday}, a bank holiday"
    if day.weekday() >= 5:
        return f"a {day:%A}"
    return None


def day_off_warning(day: dt.date | None, what: str) -> str:
    """A line warning that ``what`` (a meeting, a session) is on ``day``, not a working day; "" when it is one."""
    reason = day_off(day) if day is not None else None
    if reason is None:
        return ""
    return f"{format_date(day)} is {reason}: check the date of the {what} (it can still be saved)"
