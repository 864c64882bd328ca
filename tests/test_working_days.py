"""Weekends and the bank holidays of England and Wales, shipped as data."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk.working_days import bank_holidays, day_off, day_off_warning


@pytest.mark.parametrize(("day", "reason"), [
    (dt.date(2019, 4, 19), "Good Friday, a bank holiday"),
    (dt.date(2020, 5, 8), "Early May bank holiday, a bank holiday"),          # moved for VE Day
    (dt.date(2022, 6, 3), "Queen's Platinum Jubilee, a bank holiday"),
    (dt.date(2022, 9, 19), "State Funeral of Queen Elizabeth II, a bank holiday"),
    (dt.date(2022, 12, 26), "Boxing Day, a bank holiday"),
    (dt.date(2022, 12, 27), "Christmas Day (substitute day), a bank holiday"),
    (dt.date(2021, 12, 28), "Boxing Day (substitute day), a bank holiday"),
    (dt.date(2023, 5, 8), "Coronation of King Charles III, a bank holiday"),
    (dt.date(2019, 4, 20), "a Saturday"),
    (dt.date(2019, 4, 21), "a Sunday"),
    (dt.date(2019, 4, 23), None),
    (dt.date(2020, 5, 4), None),                                               # not the early May holiday that year
])
def test_a_day_off_says_why(day, reason):
    assert day_off(day) == reason


def test_every_year_shipped_has_its_eight_holidays_and_the_one_offs():
    years: dict[int, int] = {}
    for day in bank_holidays():
        years[day.year] = years.get(day.year, 0) + 1
    assert min(years) <= 2010 and max(years) >= 2030
    assert {year: count for year, count in years.items() if count != 8} == {2011: 9, 2012: 9, 2022: 10, 2023: 9}


def test_the_warning_names_the_day_and_what_falls_on_it():
    assert day_off_warning(dt.date(2019, 8, 26), "session") == (
        "26 Aug 2019 is Summer bank holiday, a bank holiday: check the date of the session (it can still be saved)")
    assert day_off_warning(dt.date(2019, 8, 27), "session") == ""
    assert day_off_warning(None, "session") == ""
