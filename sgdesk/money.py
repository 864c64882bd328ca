"""Money as whole pence.

Every amount in SG Desk is an ``int`` number of pence (:data:`Pence`), never a float, so sums
and shares are exact. This module reads amounts as they arrive from people and spreadsheets
and prints them the way council ledgers and annual reports do.

>>> parse_money("£43,065")
4306500
>>> format_money(parse_money("(1,000.00)"))
'−£1,000.00'
>>> format_money(-232859, symbol=False)
'−2,328.59'

A negative amount prints with a true minus sign (−, not the hyphen -) or in brackets, as the
board chooses (:func:`negative_amounts`); CSV and JSON carry plain numbers.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import Decimal
from typing import Literal

from sgdesk.errors import InputError, quoted

Pence = int
"""An amount of money in pence: ``123456`` is £1,234.56."""

NegativeStyle = Literal["minus", "brackets"]
NEGATIVE_STYLES: tuple[NegativeStyle, ...] = ("minus", "brackets")
MINUS = "\u2212"
_negative: ContextVar[NegativeStyle] = ContextVar("sgdesk_negative_amounts", default="minus")

MONEY_FIX = "write it as 1234.56"
_NOT_MONEY = "is not an amount of money"
_FRACTIONS_OF_A_PENNY = f"{_NOT_MONEY}: it has fractions of a penny"

_PENNY = Decimal("0.01")
_FLOAT_NOISE = Decimal("0.000001")
_TOO_LARGE = Decimal(10) ** 12
_BLANKS = frozenset({"", "-", "\u2013", "\u2014", "n/a"})
_MINUS_SIGNS = "-\u2212\u2013"
_SIGN = f"[{re.escape('+' + _MINUS_SIGNS)}]"
# Whitespace is collapsed to single spaces first, so " " also stands for no-break and thin spaces.
_AMOUNT = re.compile(
    rf"(?P<sign>{_SIGN})? ?(?:£|gbp)? ?(?P<sign_after_symbol>{_SIGN})? ?"
    r"(?P<whole>[0-9]{1,3}(?P<sep>[, ])[0-9]{3}(?:(?P=sep)[0-9]{3})*|[0-9]*)"
    r"(?:\.(?P<fraction>[0-9]+))?",
    re.IGNORECASE,
)



def pounds(whole_pounds: int) -> Pence:
    """Pence in a whole number of pounds.

    >>> pounds(87000)
    8700000
    """
    if isinstance(whole_pounds, bool) or not isinstance(whole_pounds, int):
        raise TypeError(f"pounds() takes a whole number, not {whole_pounds!r}")
    return whole_pounds * 100


def parse_money(value: str | int | float | Decimal) -> Pence:
    """Read an amount of money as pence.

    Text may carry ``£`` or ``GBP``, thousands separators (commas or spaces, in groups of three),
    a minus sign before or after the ``£``, or brackets for a negative amount. Whole numbers are
    pounds. A float from a spreadsheet cell is read through its shortest decimal form, and
    rounding noise smaller than a millionth of a pound is dropped.

    >>> parse_money("£1,234.56")
    123456
    >>> parse_money("-£62,921.00")
    -6292100
    >>> parse_money("(1,000.00)")
    -100000
    >>> parse_money(" 87000 ")
    8700000
    >>> parse_money(0.1 + 0.2)
    30
    >>> parse_money("12.345")
    Traceback (most recent call last):
    ...
    sgdesk.errors.InputError: '12.345' is not an amount of money: it has fractions of a penny: write it as 1234.56
    """
    if isinstance(value, str):
        return _to_pence(_read_text(value), value)
    if isinstance(value, float) and math.isfinite(value):
        return _to_pence(Decimal(repr(value)), value, tolerance=_FLOAT_NOISE)
    whole_number = isinstance(value, int) and not isinstance(value, bool)
    if whole_number or (isinstance(value, Decimal) and value.is_finite()):
        return _to_pence(Decimal(value), value)
    raise InputError(quoted(value), _NOT_MONEY, MONEY_FIX)


#: the shorthand for round sums a person may type: "£70k", "1.2m"
_SHORTHAND = {"k": 1_000, "m": 1_000_000}
_SHORT_AMOUNT = re.compile(rf"(?P<sign>{_SIGN})? ?(?:£|gbp)? ?(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?)", re.IGNORECASE)


def parse_money_shorthand(value: str) -> Pence:
    """Like :func:`parse_money`, also reading the thousands (``k``) and millions (``m``) people type
    for a round sum. Only for a figure typed by a person (the contributions total): imports read amounts
    with :func:`parse_money`, which takes no shorthand, so a ledger cell "70k" is reported, not guessed at.

    >>> parse_money_shorthand("£70k"), parse_money_shorthand("1.25m"), parse_money_shorthand("87,000")
    (7000000, 125000000, 8700000)
    >>> parse_money_shorthand("70kk")
    Traceback (most recent call last):
    ...
    sgdesk.errors.InputError: '70kk' is not an amount of money: write it as 1234.56, or as 70k
    """
    text = " ".join(value.split())
    multiplier = _SHORTHAND.get(text[-1:].casefold())
    if multiplier is None:
        return parse_money(value)
    match = _SHORT_AMOUNT.fullmatch(text[:-1].rstrip())
    if match is None:
        raise InputError(quoted(value), _NOT_MONEY, f"{MONEY_FIX}, or as 70k")
    amount = Decimal(match["number"].replace(",", "")) * multiplier
    return _to_pence(-amount if match["sign"] and match["sign"] in _MINUS_SIGNS else amount, value)


def in_brackets(text: str) -> bool:
    """Whether ``text`` is written in brackets, which :func:`parse_money` reads as a negative amount.

    >>> in_brackets(" (250.00) "), in_brackets("-250"), in_brackets("250")
    (True, False, False)
    """
    stripped = " ".join(text.split())
    return len(stripped) > 1 and stripped[0] == "(" and stripped[-1] == ")"


def parse_money_or_none(value: str | int | float | Decimal | None) -> Pence | None:
    """Like :func:`parse_money`, but a missing amount gives ``None``.

    Missing means ``None``, blank text, a dash, ``n/a``, or NaN (an empty number cell as data
    tools write one).

    >>> parse_money_or_none(" - ") is None
    True
    >>> parse_money_or_none("£5")
    500
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and " ".join(value.split()).casefold() in _BLANKS:
        return None
    return parse_money(value)


def negative_style() -> NegativeStyle:
    """How negative amounts print just now: "minus" (−£5.00) or "brackets" ((£5.00))."""
    return _negative.get()


@contextlib.contextmanager
def negative_amounts(style: NegativeStyle) -> Iterator[None]:
    """Print negative amounts in ``style`` while the block runs (a board's documents, say).

    >>> with negative_amounts("brackets"):
    ...     format_money(-500)
    '(£5.00)'
    """
    if style not in NEGATIVE_STYLES:
        raise ValueError(f"negative amounts print as 'minus' or 'brackets', not {style!r}")
    token = _negative.set(style)
    try:
        yield
    finally:
        _negative.reset(token)


def format_money(
    pence: Pence,
    *,
    symbol: bool = True,
    negative: NegativeStyle | None = None,
    pence_digits: bool = True,
) -> str:
    """Print pence as pounds, with thousands separators.

    A negative amount has a true minus sign, ``−£62,921.00``, or with ``negative="brackets"``
    is ``(£62,921.00)``; by default, as :func:`negative_amounts` says.
    ``pence_digits=False`` drops ``.00`` from a whole number of pounds (other amounts keep
    their pence).

    >>> format_money(123456)
    '£1,234.56'
    >>> format_money(-6292100, negative="brackets")
    '(£62,921.00)'
    >>> format_money(-1174503, symbol=False)
    '−11,745.03'
    >>> format_money(4306500, pence_digits=False)
    '£43,065'
    """
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise TypeError(f"format_money() takes whole pence, not {pence!r}")
    negative = negative or _negative.get()
    if negative not in NEGATIVE_STYLES:
        raise ValueError(f"negative must be 'minus' or 'brackets', not {negative!r}")
    whole, part = divmod(abs(pence), 100)
    text = f"{whole:,}" + (f".{part:02d}" if pence_digits or part else "")
    if symbol:
        text = "£" + text
    if pence >= 0:
        return text
    return f"({text})" if negative == "brackets" else MINUS + text


def format_money_short(pence: Pence) -> str:
    """Pounds for a label beside a chart's bar: whole pounds below £10,000, thousands to one
    place from there (halves rounded away from zero).

    >>> format_money_short(95_049), format_money_short(999_950), format_money_short(8_550_000)
    ('£950', '£10.0k', '£85.5k')
    >>> format_money_short(-1_234_567), format_money_short(0)
    ('-£12.3k', '£0')
    """
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise TypeError(f"format_money_short() takes whole pence, not {pence!r}")
    size = abs(pence)
    if size >= 999_950:  # £9,999.50 and more: a whole number of pounds would print five figures
        tenths = (size + 5_000) // 10_000
        text = f"£{tenths // 10:,}.{tenths % 10}k"
    else:
        text = f"£{(size + 50) // 100:,}"
    return "-" + text if pence < 0 and text not in ("£0", "£0.0k") else text


def pence_to_decimal(pence: Pence) -> Decimal:
    """Pounds as an exact two-place ``Decimal``, for CSV and JSON output.

    >>> pence_to_decimal(123456)
    Decimal('1234.56')
    >>> pence_to_decimal(-500)
    Decimal('-5.00')
    """
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise TypeError(f"pence_to_decimal() takes whole pence, not {pence!r}")
    return Decimal(pence).scaleb(-2)


def _read_text(value: str) -> Decimal:
    """The amount written in ``value``, in pounds, or an :class:`InputError`."""
    text = " ".join(value.split())
    bracketed = in_brackets(text)
    if bracketed:
        text = text[1:-1].strip()
    match = _AMOUNT.fullmatch(text)
    if not match or not (match["whole"] or match["fraction"]):
        raise InputError(quoted(value), _NOT_MONEY, MONEY_FIX)
    signs = [sign for sign in (match["sign"], match["sign_after_symbol"]) if sign]
    if len(signs) + bracketed > 1:
        raise InputError(quoted(value), f"{_NOT_MONEY}: it has more than one sign", MONEY_FIX)
    fraction = match["fraction"] or ""
    if len(fraction) > 2:
        raise InputError(quoted(value), _FRACTIONS_OF_A_PENNY, MONEY_FIX)
    whole = (match["whole"] or "0").replace(",", "").replace(" ", "")
    amount = Decimal(f"{whole}.{fraction or '0'}")
    negative = bracketed or bool(signs and signs[0] in _MINUS_SIGNS)
    return -amount if negative else amount


def _to_pence(amount: Decimal, value: object, tolerance: Decimal = Decimal(0)) -> Pence:
    """``amount`` pounds in pence, if it is within ``tolerance`` of a whole penny."""
    if abs(amount) >= _TOO_LARGE:
        raise InputError(quoted(value), "is too large to be an amount of money", "check the amount")
    rounded = amount.quantize(_PENNY)
    if abs(amount - rounded) > tolerance:
        raise InputError(quoted(value), _FRACTIONS_OF_A_PENNY, MONEY_FIX)
    return int(rounded.scaleb(2))
