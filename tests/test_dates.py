"""Tests for sgdesk.dates: reading and printing UK (day-first) dates."""

from __future__ import annotations

import doctest
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk import dates
from sgdesk.dates import (
    DATE_FIX,
    MONTH_FIX,
    format_date,
    format_date_long,
    format_date_numeric,
    parse_date,
    parse_month,
)
from sgdesk.errors import InputError


def test_docstring_examples_run() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("27/08/2019", date(2019, 8, 27)),
        ("27/8/19", date(2019, 8, 27)),
        ("7/8/2019", date(2019, 8, 7)),
        ("2019-08-27", date(2019, 8, 27)),
        ("2019/08/27", date(2019, 8, 27)),
        ("2019-08-27 00:00:00", date(2019, 8, 27)),
        ("2019-08-27T14:30:00.5", date(2019, 8, 27)),
        ("27/08/2019 09:30", date(2019, 8, 27)),
        ("27-08-2019", date(2019, 8, 27)),
        ("27.08.2019", date(2019, 8, 27)),
        ("27 08 2019", date(2019, 8, 27)),
        ("27 / 08 / 2019", date(2019, 8, 27)),
        ("21 Sep 2017", date(2017, 9, 21)),
        ("21 Sept 2017", date(2017, 9, 21)),
        ("21 Sept. 2017", date(2017, 9, 21)),
        ("21 September 2017", date(2017, 9, 21)),
        ("21-Sep-17", date(2017, 9, 21)),
        ("21-sep-2017", date(2017, 9, 21)),
        ("Sep 21, 2017", date(2017, 9, 21)),
        ("September 21 2017", date(2017, 9, 21)),
        ("September 21st, 2017", date(2017, 9, 21)),
        ("7th August 2019", date(2019, 8, 7)),
        ("1st May 2019", date(2019, 5, 1)),
        ("2nd June 2019", date(2019, 6, 2)),
        ("3rd July 2019", date(2019, 7, 3)),
        ("22nd March 2018", date(2018, 3, 22)),
        ("21st of August 2019", date(2019, 8, 21)),
        ("7 August, 2019", date(2019, 8, 7)),
        ("Thursday 21 September 2017", date(2017, 9, 21)),
        ("Thursday, 21 September 2017", date(2017, 9, 21)),
        ("Thu 21 Sep 2017", date(2017, 9, 21)),
        ("Thurs 21st Sept 2017", date(2017, 9, 21)),
        ("THURSDAY 21 SEPTEMBER 2017", date(2017, 9, 21)),
        ("  21   sep   2017  ", date(2017, 9, 21)),
        ("21 Sep 2017.", date(2017, 9, 21)),
        ("29/02/2020", date(2020, 2, 29)),
        ("31/12/1999", date(1999, 12, 31)),
        ("1/1/00", date(2000, 1, 1)),
    ],
)
def test_parse_date_reads_text(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2019, 8, 27), date(2019, 8, 27)),
        (datetime(2019, 8, 27, 14, 30), date(2019, 8, 27)),
        (43364, date(2018, 9, 21)),
        (43364.75, date(2018, 9, 21)),  # a time of day is dropped
        (43704.0, date(2019, 8, 27)),
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),  # after Excel's made-up 29 February 1900
        (2958465, date(9999, 12, 31)),
    ],
)
def test_parse_date_reads_dates_and_excel_numbers(value: date | int | float, expected: date) -> None:
    result = parse_date(value)
    assert result == expected
    assert type(result) is date


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7th August", date(2019, 8, 7)), ("21 Sep", date(2019, 9, 21)), ("August 7", date(2019, 8, 7))],
)
def test_parse_date_takes_a_missing_year_from_the_argument(value: str, expected: date) -> None:
    assert parse_date(value, year=2019) == expected


def test_a_year_in_the_text_wins_over_the_argument() -> None:
    assert parse_date("7th August 2018", year=2019) == date(2018, 8, 7)


def test_parse_date_without_a_year_says_so() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("7th August")
    assert str(caught.value) == (
        f"'7th August' is not a full date: the year is missing: "
        f"write it with the year, as in 07/08/{date.today().year}"
    )


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("31/02/2019", "is not a date: there is no 31 February"),
        ("30 February 2020", "is not a date: there is no 30 February"),
        ("29/02/2019", "is not a date: there is no 29 February in 2019"),
        ("31/04/2019", "is not a date: there is no 31 April"),
        ("32/01/2019", "is not a date: there is no 32 January"),
        ("0/01/2019", "is not a date: there is no 0 January"),
        ("12/31/2019", "is not a date: there is no month 31; dates are read day first"),
        ("27/13/2019", "is not a date: there is no month 13; dates are read day first"),
        ("2019-13-01", "is not a date: there is no month 13"),
        ("27/08/0219", "is not a date: the year 0219 is too early"),
        ("Friday 21 September 2017", "is not a date: 21 September 2017 was a Thursday, not a Friday"),
        ("garbage", "is not a date"),
        ("", "is not a date"),
        ("  ", "is not a date"),
        ("21 Foo 2017", "is not a date"),
        ("September 2017", "is not a date"),
        ("27/08/201", "is not a date"),
        ("27/08", "is not a date"),
        ("43364", "is not a date"),
        ("next Tuesday", "is not a date"),
        ("Thursday", "is not a date"),
    ],
)
def test_parse_date_rejects_text(value: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value)
    shown = f"'{' '.join(value.split())}'" if value.strip() else "A blank"
    assert caught.value.value == shown
    assert caught.value.why == why
    expected_fix = "check the day and the date" if "was a" in why else DATE_FIX
    assert str(caught.value) == f"{shown} {why}: {expected_fix}"


def test_parse_date_checks_a_missing_year_against_the_argument() -> None:
    with pytest.raises(InputError, match="there is no 29 February in 2019"):
        parse_date("29 Feb", year=2019)
    assert parse_date("29 Feb", year=2020) == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("value", "shown", "why"),
    [
        (60, "'60'", "is not a date: Excel counts it as 29 February 1900, which never was"),
        (0, "'0'", "is not a date"),
        (-1, "'-1'", "is not a date"),
        (2958466, "'2958466'", "is not a date"),
        (float("nan"), "'nan'", "is not a date"),
        (float("inf"), "'inf'", "is not a date"),
        (True, "'True'", "is not a date"),
        (None, "A blank", "is not a date"),
        ([2019, 8, 27], "'[2019, 8, 27]'", "is not a date"),
    ],
)
def test_parse_date_rejects_other_values(value: object, shown: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value)  # type: ignore[arg-type]
    assert str(caught.value) == f"{shown} {why}: {DATE_FIX}"


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_excel_numbers_count_days_from_the_excel_epoch(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_every_printed_form_reads_back(day: date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(format_date_long(day)) == day
    assert parse_date(format_date_numeric(day)) == day
    assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("May-2021", date(2021, 5, 1)),
        ("May 2021", date(2021, 5, 1)),
        ("May-21", date(2021, 5, 1)),
        ("may 21", date(2021, 5, 1)),
        ("Sept 2017", date(2017, 9, 1)),
        ("September 2017.", date(2017, 9, 1)),
        ("Sep/17", date(2017, 9, 1)),
        ("05/2021", date(2021, 5, 1)),
        ("5/2021", date(2021, 5, 1)),
        ("2021-05", date(2021, 5, 1)),
        ("2021/5", date(2021, 5, 1)),
        ("01/05/2021", date(2021, 5, 1)),
        ("17 May 2021", date(2021, 5, 1)),
        ("2021-05-17 00:00:00", date(2021, 5, 1)),
        (date(2021, 5, 17), date(2021, 5, 1)),
        (datetime(2021, 5, 17, 9, 0), date(2021, 5, 1)),
        (44333, date(2021, 5, 1)),
    ],
)
def test_parse_month(value: str | date | int, expected: date) -> None:
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("13/2021", "is not a month: there is no month 13"),
        ("2021-13", "is not a month: there is no month 13"),
        ("May 1899", "is not a month: the year 1899 is too early"),
        ("May", "is not a month"),
        ("next May", "is not a month"),
        ("Foo 2021", "is not a month"),
        ("", "is not a month"),
        ("31/02/2021", "is not a month"),
    ],
)
def test_parse_month_rejects(value: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_month(value)
    shown = f"'{value}'" if value else "A blank"
    assert str(caught.value) == f"{shown} {why}: {MONTH_FIX}"


@pytest.mark.parametrize(
    ("day", "short", "long", "numeric"),
    [
        (date(2017, 9, 21), "21 Sep 2017", "21 September 2017", "21/09/2017"),
        (date(2019, 8, 7), "7 Aug 2019", "7 August 2019", "07/08/2019"),
        (date(2020, 2, 29), "29 Feb 2020", "29 February 2020", "29/02/2020"),
        (datetime(2019, 3, 31, 23, 59), "31 Mar 2019", "31 March 2019", "31/03/2019"),
    ],
)
def test_format_date(day: date, short: str, long: str, numeric: str) -> None:
    assert format_date(day) == short
    assert format_date_long(day) == long
    assert format_date_numeric(day) == numeric

