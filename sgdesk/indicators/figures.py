"""Figures as DfE and partners publish them: exact values, the marks that stand for none, provisional flags.

A figure is a ``Decimal`` that keeps the places it was published with (16.0 stays 16.0). A cell
of ``x``, ``c``, ``..``, ``-`` (or their bracketed forms ``[x]``, ``[c]``, ``[z]``) is not a
figure but a note saying why there is none, and never reads as zero. Footnote markers after a
figure are read too: ``15.2 (p)`` is provisional, ``15.2 (r)`` revised.

>>> parse_figure("15.2 (p)", "percent")
Figure(value=Decimal('15.2'), note=None, provisional=True, comment=None)
>>> parse_figure("c", "count").note
'suppressed'
>>> figure_text(Decimal("4700"), "count"), figure_text(Decimal("16.0"), "percent", with_unit=True)
('4,700', '16.0%')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from sgdesk.errors import InputError, quoted
from sgdesk.money import format_money, parse_money

Note = Literal["not-available", "suppressed", "not-applicable", "not-published", "low"]
Unit = Literal["count", "percent", "rate1k", "rate10k", "rate100k", "pounds", "score", "days"]

#: unit key -> how people write it
UNITS: dict[str, str] = {
    "count": "number",
    "percent": "%",
    "rate1k": "rate per 1,000",
    "rate10k": "rate per 10,000",
    "rate100k": "rate per 100,000",
    "pounds": "£",
    "score": "score",
    "days": "days",
}
#: note -> (the mark printed in its place, what it means)
NOTES: dict[str, tuple[str, str]] = {
    "not-available": ("x", "not available"),
    "suppressed": ("c", "suppressed to protect confidentiality"),
    "not-applicable": ("..", "not applicable"),
    "not-published": ("–", "not published"),
    "low": ("low", "more than zero, but rounds to zero"),
}
PROVISIONAL_MARK = "(p)"
MAX_PLACES = 6
FIGURE_FIX = ("write a number such as 15.2 or 4,700, or one of the marks x (not available), c (suppressed), "
              ".. (not applicable) or - (not published)")

_MARKS: dict[str, str] = {
    "x": "not-available", ":": "not-available",
    "c": "suppressed", "*": "suppressed",
    "..": "not-applicable", "z": "not-applicable", "n/a": "not-applicable", "na": "not-applicable",
    "-": "not-published", "\u2013": "not-published", "\u2014": "not-published",
    "low": "low",
}
_FOOTNOTES = {"p": "provisional", "r": "revised", "e": "estimate"}
# a marker after the figure: (p), [r], (1), [note 3], or a bare p/r/e written against it (15.2p)
_MARKER = re.compile(r"\s*(?:\((?P<round>[a-z]|\d{1,2})\)|\[(?P<square>[a-z]|\d{1,2}|note \d{1,3})\]"
                     r"|(?<=\d)(?P<bare>[pre]))$")
_NUMBER = re.compile(r"(?P<sign>[-\u2212+])?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<fraction>\d+))?"
                     r"(?P<percent>%)?")
_NEVER_NEGATIVE = frozenset({"count", "rate1k", "rate10k", "rate100k", "days"})


@dataclass(frozen=True)
class Figure:
    """One published cell: a value, or the note that says why there is none."""

    value: Decimal | None
    note: Note | None = None
    provisional: bool = False
    comment: str | None = None   # a footnote marker read off the cell ("revised", "note 3")

    def __post_init__(self) -> None:
        if (self.value is None) == (self.note is None):
            raise ValueError("a figure has a value or a note, not both and not neither")


def mark_for(text: str) -> Note | None:
    """The note a suppression mark stands for (``x``, ``[c]``, ``..``, ``-``...), or None.

    >>> mark_for("[z]"), mark_for(" X "), mark_for("15")
    ('not-applicable', 'not-available', None)
    """
    key = " ".join(str(text).split()).casefold()
    if len(key) > 2 and key[0] == "[" and key[-1] == "]":
        key = key[1:-1].strip()
    return _MARKS.get(key)  # type: ignore[return-value]


def parse_figure(cell: object, unit: str) -> Figure | None:
    """Read one cell as a figure in ``unit``; None for a blank cell.

    Raises :class:`InputError` for text that is neither a figure nor a mark.

    >>> parse_figure("1,015", "count").value
    Decimal('1015')
    >>> parse_figure("103.0", "count").value
    Decimal('103')
    >>> parse_figure("£8,488", "pounds").value
    Decimal('8488.00')
    >>> parse_figure("-1.68", "score").value
    Decimal('-1.68')
    >>> parse_figure("2.5 [note 3]", "percent").comment
    'note 3'
    >>> parse_figure("12.x", "percent")
    Traceback (most recent call last):
    ...
    sgdesk.errors.InputError: '12.x' is not a figure: write a number such as 15.2 or 4,700, or one of the marks x (not available), c (suppressed), .. (not applicable) or - (not published)
    """
    if cell is None:
        return None
    text = " ".join(str(cell).split())
    if not text:
        return None
    note = mark_for(text)
    if note is not None:
        return Figure(None, note)
    provisional, comments = False, []
    for _ in range(3):
        match = _MARKER.search(text)
        if match is None:
            break
        marker = (match["round"] or match["square"] or match["bare"]).casefold()
        if marker == "p":
            provisional = True
        else:
            comments.insert(0, _FOOTNOTES.get(marker, marker if marker.startswith("note") else f"note {marker}"))
        text = text[:match.start()].rstrip()
    note = mark_for(text) if text else None
    if note is not None:  # "c (p)": still no figure
        return Figure(None, note, provisional, "; ".join(comments) or None)
    value = _read_value(text, cell, unit)
    return Figure(value, None, provisional, "; ".join(comments) or None)


def _read_value(text: str, cell: object, unit: str) -> Decimal:
    if unit == "pounds":
        try:
            return Decimal(parse_money(text)).scaleb(-2)
        except InputError:
            raise InputError(quoted(cell), "is not an amount of money", "write it as 8,488 or £8,488.50") from None
    match = _NUMBER.fullmatch(text.replace(" ", ""))
    if not match or not (match["whole"] or match["fraction"]) or (match["percent"] and unit != "percent"):
        raise InputError(quoted(cell), "is not a figure", FIGURE_FIX)
    fraction = match["fraction"] or ""
    if len(fraction) > MAX_PLACES:
        raise InputError(quoted(cell), f"has more than {MAX_PLACES} decimal places", "round it as published")
    try:
        value = Decimal(f"{(match['whole'] or '0').replace(',', '')}.{fraction}" if fraction
                        else match["whole"].replace(",", ""))
    except InvalidOperation:
        raise InputError(quoted(cell), "is not a figure", FIGURE_FIX) from None
    if match["sign"] in ("-", "\u2212"):
        value = -value
    if value < 0 and unit in _NEVER_NEGATIVE:
        raise InputError(quoted(cell), f"is below zero, which a {UNITS[unit]} cannot be", "check the figure")
    if unit == "count":
        if value != value.to_integral_value():
            raise InputError(quoted(cell), "is not a whole number, which a count must be", "check the figure")
        value = value.quantize(Decimal(1))
    return value


def to_units(value: Decimal) -> tuple[int, int]:
    """``value`` as (integer, scale) for storing: 15.2 is (152, 1), 16.0 is (160, 1).

    >>> to_units(Decimal("16.0")), to_units(Decimal("-0.01")), to_units(Decimal("4700"))
    ((160, 1), (-1, 2), (4700, 0))
    """
    exponent = value.as_tuple().exponent
    scale = max(0, -exponent) if isinstance(exponent, int) else 0
    return int(value.scaleb(scale)), scale


def from_units(units: int, scale: int) -> Decimal:
    """The stored (integer, scale) as the Decimal it was: ``from_units(160, 1)`` is 16.0.

    >>> from_units(160, 1), from_units(4700, 0)
    (Decimal('16.0'), Decimal('4700'))
    """
    return Decimal(units).scaleb(-scale)


def figure_text(value: Decimal, unit: str, *, with_unit: bool = False) -> str:
    """A figure as printed: thousands separated, as many places as published; ``with_unit`` adds % or £.

    >>> figure_text(Decimal("2303.4"), "rate100k"), figure_text(Decimal("8488.00"), "pounds")
    ('2,303.4', '£8,488')
    """
    if unit == "pounds":
        return format_money(int(value.scaleb(2)), pence_digits=False)
    text = f"{value:,}"
    if with_unit and unit == "percent":
        return text + "%"
    return text


def note_mark(note: str) -> str:
    """What a table prints in place of a figure with ``note``."""
    return NOTES[note][0]


def parse_unit(value: object) -> str:
    """A unit from its key or how people write it ("%", "Rate per 10,000", "£", "number").

    >>> parse_unit("Rate per 10,000"), parse_unit("%"), parse_unit("No")
    ('rate10k', 'percent', 'count')
    """
    text = " ".join(str(value).split()).casefold().replace("10000", "10,000").replace("100000", "100,000")
    if text in UNITS:
        return text
    for key, label in UNITS.items():
        if text == label.casefold():
            return key
    words = {"percentage": "percent", "per cent": "percent", "number": "count", "no": "count", "no.": "count",
             "gbp": "pounds", "average score": "score", "points": "score",
             "rate per 100k": "rate100k", "per 10,000": "rate10k", "per 100,000": "rate100k", "per 1,000": "rate1k"}
    if text in words:
        return words[text]
    raise InputError(quoted(value), "is not a unit SG Desk knows",
                     "write one of: " + ", ".join(UNITS.values()))
