"""Tests for sgdesk.money: reading, printing and converting amounts held as pence."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk import money
from sgdesk.errors import InputError
from sgdesk.money import (
    MONEY_FIX,
    Pence,
    format_money,
    parse_money,
    parse_money_or_none,
    pence_to_decimal,
    pounds,
)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(money).failed == 0


def test_pence_is_int() -> None:
    assert Pence is int


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("£1,234.56", 123456),
        ("1234.5", 123450),
        ("1234.56", 123456),
        ("-62,921.00", -6292100),
        ("(1,000.00)", -100000),
        ("( £1,000.00 )", -100000),
        ("£-5", -500),
        ("-£5", -500),
        ("- £5", -500),
        ("\u22125", -500),  # unicode minus sign
        ("\u2013£5", -500),  # en dash pasted from Word
        ("+5", 500),
        (" 87000 ", 8700000),
        ("£43065", 4306500),
        ("43,065.00", 4306500),
        ("1 234.56", 123456),
        ("1\u00a0234.56", 123456),  # no-break space
        ("1\u2009234.56", 123456),  # thin space
        ("1,234,567.89", 123456789),
        ("103.0", 10300),
        ("GBP 12", 1200),
        ("gbp12.50", 1250),
        ("£ 12", 1200),
        ("0", 0),
        ("-0.00", 0),
        (".5", 50),
        ("£0.07", 7),
        ("87,819.53", 8781953),
        ("-11,745.03", -1174503),
        ("-2,328.59", -232859),
    ],
)
def test_parse_money_reads_text(value: str, expected: int) -> None:
    assert parse_money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (87000, 8700000),
        (-5, -500),
        (Decimal("1234.56"), 123456),
        (Decimal("12.300"), 1230),
        (Decimal("-0.01"), -1),
        (Decimal("1E+3"), 100000),
        (1234.56, 123456),
        (103.0, 10300),
        (0.1 + 0.2, 30),  # floating point noise is rounded away
        (87819.53 - 11745.03, 7607450),
        (-2328.59, -232859),
        (1e-9, 0),
    ],
)
def test_parse_money_reads_numbers(value: int | float | Decimal, expected: int) -> None:
    result = parse_money(value)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("", "is not an amount of money"),
        ("   ", "is not an amount of money"),
        ("-", "is not an amount of money"),
        ("£", "is not an amount of money"),
        ("abc", "is not an amount of money"),
        ("12.345", "is not an amount of money: it has fractions of a penny"),
        ("12.340", "is not an amount of money: it has fractions of a penny"),
        ("1,23.4", "is not an amount of money"),
        ("1,2345", "is not an amount of money"),
        ("12 34", "is not an amount of money"),
        ("1,234 567", "is not an amount of money"),
        ("£1.2.3", "is not an amount of money"),
        ("5.", "is not an amount of money"),
        ("1e5", "is not an amount of money"),
        ("5-", "is not an amount of money"),
        ("£5 GBP", "is not an amount of money"),
        ("1.234,56", "is not an amount of money"),
        ("(-5)", "is not an amount of money: it has more than one sign"),
        ("-£-5", "is not an amount of money: it has more than one sign"),
        ("(5", "is not an amount of money"),
    ],
)
def test_parse_money_rejects_text(value: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_money(value)
    assert caught.value.why == why
    assert caught.value.fix == MONEY_FIX
    shown = f"'{value.strip()}'" if value.strip() else "A blank"
    assert str(caught.value) == f"{shown} {why}: write it as 1234.56"


@pytest.mark.parametrize(
    ("value", "shown", "why"),
    [
        (12.345, "'12.345'", "is not an amount of money: it has fractions of a penny"),
        (0.001, "'0.001'", "is not an amount of money: it has fractions of a penny"),
        (Decimal("0.125"), "'0.125'", "is not an amount of money: it has fractions of a penny"),
        (float("nan"), "'nan'", "is not an amount of money"),
        (float("inf"), "'inf'", "is not an amount of money"),
        (Decimal("NaN"), "'NaN'", "is not an amount of money"),
        (True, "'True'", "is not an amount of money"),
        (None, "A blank", "is not an amount of money"),
        ([5], "'[5]'", "is not an amount of money"),
    ],
)
def test_parse_money_rejects_other_values(value: object, shown: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_money(value)  # type: ignore[arg-type]
    assert str(caught.value) == f"{shown} {why}: {MONEY_FIX}"


@pytest.mark.parametrize("value", [1e300, "1,000,000,000,000.00", Decimal("-1E+12"), 10**20])
def test_parse_money_rejects_absurd_amounts(value: object) -> None:
    with pytest.raises(InputError, match="is too large to be an amount of money: check the amount"):
        parse_money(value)  # type: ignore[arg-type]


def test_parse_money_accepts_amounts_just_under_the_limit() -> None:
    assert parse_money("999,999,999,999.99") == 99_999_999_999_999


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(InputError) as caught:
        parse_money("this cell holds a long note about the invoice instead of an amount")
    assert caught.value.value == "'this cell holds a long note about the in...'"


def test_input_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_money("abc")


@pytest.mark.parametrize("value", [None, "", "   ", "-", " - ", "\u2013", "\u2014", "n/a", "N/A", float("nan")])
def test_parse_money_or_none_reads_missing_values(value: object) -> None:
    assert parse_money_or_none(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [("£5", 500), ("0", 0), (0, 0), (0.0, 0), ("(1.50)", -150)])
def test_parse_money_or_none_reads_amounts(value: object, expected: int) -> None:
    assert parse_money_or_none(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["abc", "12.345", "nil"])
def test_parse_money_or_none_still_rejects_garbage(value: str) -> None:
    with pytest.raises(InputError, match=MONEY_FIX):
        parse_money_or_none(value)


@pytest.mark.parametrize(
    ("pence", "options", "expected"),
    [
        (123456, {}, "£1,234.56"),
        (0, {}, "£0.00"),
        (7, {}, "£0.07"),
        (-1, {}, "−£0.01"),
        (-6292100, {}, "−£62,921.00"),
        (-6292100, {"negative": "brackets"}, "(£62,921.00)"),
        (6292100, {"negative": "brackets"}, "£62,921.00"),
        (123456, {"symbol": False}, "1,234.56"),
        (-6292100, {"symbol": False}, "−62,921.00"),
        (-6292100, {"symbol": False, "negative": "brackets"}, "(62,921.00)"),
        (8781953, {"symbol": False}, "87,819.53"),
        (-1174503, {"symbol": False}, "−11,745.03"),
        (-232859, {"symbol": False}, "−2,328.59"),
        (4306500, {"pence_digits": False}, "£43,065"),
        (-4306500, {"pence_digits": False}, "−£43,065"),
        (4306550, {"pence_digits": False}, "£43,065.50"),
        (0, {"pence_digits": False}, "£0"),
        (123456789012, {}, "£1,234,567,890.12"),
    ],
)
def test_format_money(pence: int, options: dict[str, object], expected: str) -> None:
    assert format_money(pence, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("pence", [1.5, Decimal("1"), "100", True])
def test_format_money_takes_only_whole_pence(pence: object) -> None:
    with pytest.raises(TypeError):
        format_money(pence)  # type: ignore[arg-type]


def test_format_money_rejects_unknown_negative_style() -> None:
    with pytest.raises(ValueError):
        format_money(-100, negative="red")  # type: ignore[arg-type]


@given(
    pence=st.integers(min_value=-(10**12), max_value=10**12),
    symbol=st.booleans(),
    negative=st.sampled_from(["minus", "brackets"]),
    pence_digits=st.booleans(),
)
def test_format_then_parse_gives_the_same_pence(pence: int, symbol: bool, negative: str, pence_digits: bool) -> None:
    text = format_money(pence, symbol=symbol, negative=negative, pence_digits=pence_digits)  # type: ignore[arg-type]
    assert parse_money(text) == pence


@given(pence=st.integers(min_value=-(10**12), max_value=10**12))
def test_pence_to_decimal_then_parse_gives_the_same_pence(pence: int) -> None:
    assert parse_money(pence_to_decimal(pence)) == pence
    assert parse_money(str(pence_to_decimal(pence))) == pence


@pytest.mark.parametrize(
    ("pence", "expected"),
    [(123456, "1234.56"), (0, "0.00"), (100, "1.00"), (5, "0.05"), (-500, "-5.00"), (-1, "-0.01")],
)
def test_pence_to_decimal(pence: int, expected: str) -> None:
    result = pence_to_decimal(pence)
    assert isinstance(result, Decimal)
    assert str(result) == expected


@pytest.mark.parametrize("pence", [1.5, "100", False])
def test_pence_to_decimal_takes_only_whole_pence(pence: object) -> None:
    with pytest.raises(TypeError):
        pence_to_decimal(pence)  # type: ignore[arg-type]


@pytest.mark.parametrize(("whole", "expected"), [(87000, 8700000), (0, 0), (-3, -300)])
def test_pounds(whole: int, expected: int) -> None:
    assert pounds(whole) == expected


@pytest.mark.parametrize("whole", [1.5, "87000", True])
def test_pounds_takes_only_whole_numbers(whole: object) -> None:
    with pytest.raises(TypeError):
        pounds(whole)  # type: ignore[arg-type]


def test_seed_contribution_share_is_exact() -> None:
    """Seed 001: 49.5% of £87,000 is £43,065."""
    assert pounds(87000) * 495 // 1000 == parse_money("£43,065")


def test_shorthand_thousands_are_read_only_where_a_person_types_a_round_sum():
    from sgdesk.money import parse_money_shorthand

    assert parse_money_shorthand("£70k") == 7_000_000 and parse_money_shorthand("2.5M") == 250_000_000
    assert parse_money_shorthand("-£1.5k") == -150_000
    with pytest.raises(InputError, match="'70k' is not an amount of money"):
        parse_money("70k")                # imports read amounts with parse_money: "70k" is refused, not guessed
