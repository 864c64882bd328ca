"""Tests for sgdesk.fyear: financial years (April to March) and reporting periods."""

from __future__ import annotations

import dataclasses
import doctest
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk import fyear
from sgdesk.errors import InputError
from sgdesk.fyear import PERIOD_FIX, YEAR_FIX, FinancialYear, Period

FY_2018 = FinancialYear(2018)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(fyear).failed == 0


@pytest.mark.parametrize(
    "value",
    [
        "2018/19",
        "2018-19",
        "2018-2019",
        "2018/2019",
        "2018 / 19",
        " 2018/19 ",
        "FY2018/19",
        "FY 2018-19",
        "fy2018/2019",
        "2018\u201319",  # en dash
        "2018 \u2013 2019",
        "2018\u201419",  # em dash
        "2018",
        2018,
        2018.0,
        FY_2018,
    ],
)
def test_parse_reads_a_year(value: object) -> None:
    assert FinancialYear.parse(value) == FY_2018  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "start_year"), [("1999/00", 1999), ("1999/2000", 1999), ("2099/00", 2099)])
def test_parse_reads_a_year_across_a_century(value: str, start_year: int) -> None:
    assert FinancialYear.parse(value).start_year == start_year


@pytest.mark.parametrize(
    ("value", "shown", "why"),
    [
        ("2018/20", "'2018/20'", "is not a financial year: the second year must follow the first"),
        ("2019/18", "'2019/18'", "is not a financial year: the second year must follow the first"),
        ("2018/2020", "'2018/2020'", "is not a financial year: the second year must follow the first"),
        ("2018/18", "'2018/18'", "is not a financial year: the second year must follow the first"),
        ("18/19", "'18/19'", "is not a financial year: the first year needs all four figures"),
        ("FY18/19", "'FY18/19'", "is not a financial year: the first year needs all four figures"),
        (18, "'18'", "is not a financial year: the first year needs all four figures"),
        ("next year", "'next year'", "is not a financial year"),
        ("2018/19/20", "'2018/19/20'", "is not a financial year"),
        ("2018/9", "'2018/9'", "is not a financial year"),
        ("FY", "'FY'", "is not a financial year"),
        ("", "A blank", "is not a financial year"),
        ("  ", "A blank", "is not a financial year"),
        (None, "A blank", "is not a financial year"),
        (True, "'True'", "is not a financial year"),
        (2018.5, "'2018.5'", "is not a financial year"),
        ("1899/00", "'1899/00'", "is not a financial year: 1899 is too early"),
        ("0218/19", "'0218/19'", "is not a financial year: 0218 is too early"),
        (1850, "'1850'", "is not a financial year: 1850 is too early"),
        (9999, "'9999/00'", "is not a financial year SG Desk can use"),
    ],
)
def test_parse_rejects(value: object, shown: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        FinancialYear.parse(value)  # type: ignore[arg-type]
    assert str(caught.value) == f"{shown} {why}: write the year as 2018/19"
    assert caught.value.fix == YEAR_FIX


def test_constructor_checks_the_year() -> None:
    with pytest.raises(TypeError):
        FinancialYear("2018")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        FinancialYear(True)
    with pytest.raises(InputError, match="'0/01' is not a financial year SG Desk can use"):
        FinancialYear(0)
    assert FinancialYear(1899).label == "1899/00"


@pytest.mark.parametrize(("start_year", "label"), [(2018, "2018/19"), (1999, "1999/00"), (2009, "2009/10")])
def test_label(start_year: int, label: str) -> None:
    year = FinancialYear(start_year)
    assert year.label == label
    assert str(year) == label


def test_start_and_end() -> None:
    assert FY_2018.start == date(2018, 4, 1)
    assert FY_2018.end == date(2019, 3, 31)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (date(2018, 3, 31), False),
        (date(2018, 4, 1), True),
        (date(2018, 12, 31), True),
        (date(2019, 1, 1), True),
        (date(2019, 3, 31), True),
        (date(2019, 4, 1), False),
        (datetime(2019, 3, 31, 23, 59), True),
        (datetime(2019, 4, 1, 0, 0), False),
    ],
)
def test_contains(day: date, inside: bool) -> None:
    assert FY_2018.contains(day) is inside
    assert Period.for_year(FY_2018).contains(day) is inside


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2018, 4, 1), "2018/19"),
        (date(2019, 3, 31), "2018/19"),
        (date(2019, 4, 1), "2019/20"),
        (date(2019, 1, 15), "2018/19"),
        (datetime(2018, 4, 1, 0, 0), "2018/19"),
    ],
)
def test_containing(day: date, label: str) -> None:
    assert FinancialYear.containing(day).label == label


@given(st.dates(min_value=date(1901, 4, 1), max_value=date(9998, 3, 31)))
def test_every_day_is_in_the_year_containing_it(day: date) -> None:
    year = FinancialYear.containing(day)
    assert year.contains(day)
    assert not year.next().contains(day)
    assert not year.previous().contains(day)


def test_next_previous_and_arithmetic() -> None:
    assert FY_2018.next() == FinancialYear(2019)
    assert FY_2018.previous() == FinancialYear(2017)
    assert FY_2018 + 2 == FinancialYear(2020)
    assert FY_2018 - 1 == FinancialYear(2017)
    assert FY_2018.next().start == FY_2018.end + timedelta(days=1)


@pytest.mark.parametrize("other", [1.0, "1", True, FY_2018])
def test_arithmetic_only_with_whole_numbers(other: object) -> None:
    with pytest.raises(TypeError):
        FY_2018 + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        FY_2018 - other  # type: ignore[operator]


def test_ordering_and_hashing() -> None:
    years = [FinancialYear(2019), FinancialYear(2017), FinancialYear(2018)]
    assert sorted(years) == [FinancialYear(2017), FY_2018, FinancialYear(2019)]
    assert FinancialYear(2017) < FY_2018 <= FinancialYear(2018)
    assert len({FY_2018, FinancialYear.parse("2018-19")}) == 1


def test_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        FY_2018.start_year = 2019  # type: ignore[misc]


def test_months() -> None:
    months = FY_2018.months()
    assert months == [
        date(2018, 4, 1), date(2018, 5, 1), date(2018, 6, 1), date(2018, 7, 1),
        date(2018, 8, 1), date(2018, 9, 1), date(2018, 10, 1), date(2018, 11, 1),
        date(2018, 12, 1), date(2019, 1, 1), date(2019, 2, 1), date(2019, 3, 1),
    ]  # fmt: skip
    assert all(FY_2018.contains(month) for month in months)


def test_period_for_year() -> None:
    period = Period.for_year(FY_2018)
    assert (period.start, period.end) == (date(2018, 4, 1), date(2019, 3, 31))
    assert period.label == "2018/19"
    assert Period.for_year("2018-19") == period


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2018, 4, 1), date(2019, 3, 31), "2018/19"),
        (date(2018, 4, 1), date(2018, 9, 30), "1 Apr 2018 to 30 Sep 2018"),
        (date(2018, 1, 1), date(2018, 12, 31), "1 Jan 2018 to 31 Dec 2018"),
        (date(2017, 4, 1), date(2019, 3, 31), "1 Apr 2017 to 31 Mar 2019"),
        (date(2018, 4, 2), date(2019, 3, 31), "2 Apr 2018 to 31 Mar 2019"),
        (date(2019, 5, 6), date(2019, 5, 6), "6 May 2019 to 6 May 2019"),
    ],
)
def test_period_label(start: date, end: date, label: str) -> None:
    assert Period(start, end).label == label


def test_period_contains_both_ends() -> None:
    period = Period(date(2019, 5, 6), date(2019, 5, 8))
    assert [period.contains(date(2019, 5, d)) for d in range(5, 10)] == [False, True, True, True, False]


def test_period_drops_a_time_of_day() -> None:
    period = Period(datetime(2019, 5, 6, 12, 0), datetime(2019, 5, 8, 9, 0))  # type: ignore[arg-type]
    assert (type(period.start), type(period.end)) == (date, date)
    assert period.contains(date(2019, 5, 6))


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(InputError) as caught:
        Period(date(2019, 3, 31), date(2018, 4, 1))
    assert str(caught.value) == (
        "'31 Mar 2019 to 1 Apr 2018' is not a period: it ends before it starts: put the earlier date first"
    )


def test_period_needs_dates() -> None:
    with pytest.raises(TypeError):
        Period("2018-04-01", date(2019, 3, 31))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"year": "2018/19"}, Period(date(2018, 4, 1), date(2019, 3, 31))),
        ({"year": 2018}, Period(date(2018, 4, 1), date(2019, 3, 31))),
        ({"year": FY_2018, "start": "", "end": None}, Period(date(2018, 4, 1), date(2019, 3, 31))),
        ({"start": "01/04/2018", "end": "30/09/2018"}, Period(date(2018, 4, 1), date(2018, 9, 30))),
        ({"start": "1 Apr 2018", "end": "2019-03-31"}, Period(date(2018, 4, 1), date(2019, 3, 31))),
        ({"start": date(2018, 4, 1), "end": date(2018, 4, 1)}, Period(date(2018, 4, 1), date(2018, 4, 1))),
        ({"year": " ", "start": "01/04/2018", "end": "30/09/2018"}, Period(date(2018, 4, 1), date(2018, 9, 30))),
    ],
)
def test_period_parse(arguments: dict[str, object], expected: Period) -> None:
    assert Period.parse(**arguments) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, f"The period is missing: {PERIOD_FIX}"),
        ({"year": "", "start": " ", "end": None}, f"The period is missing: {PERIOD_FIX}"),
        (
            {"year": "2018/19", "start": "01/04/2018", "end": "31/03/2019"},
            f"The period was given both as a year and as dates: {PERIOD_FIX}",
        ),
        (
            {"start": "01/04/2018"},
            "The period needs an end date as well as a start date: give both, as in 01/04/2018 to 31/03/2019",
        ),
        (
            {"end": "31/03/2019"},
            "The period needs a start date as well as an end date: give both, as in 01/04/2018 to 31/03/2019",
        ),
        (
            {"start": "31/03/2019", "end": "01/04/2018"},
            "'31 Mar 2019 to 1 Apr 2018' is not a period: it ends before it starts: put the earlier date first",
        ),
        ({"year": "18/19"}, f"'18/19' is not a financial year: the first year needs all four figures: {YEAR_FIX}"),
        (
            {"start": "31/02/2019", "end": "31/03/2019"},
            "'31/02/2019' is not a date: there is no 31 February: write dates as 27/08/2019",
        ),
    ],
)
def test_period_parse_rejects(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as caught:
        Period.parse(**arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message
