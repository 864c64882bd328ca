"""Scores on a rating scale: whole points (``3``) and split ratings (``2/3``, counted as 2.5).

A score is held as a whole number of half points (``halves``), so every sum and average is
exact: 3 is 6 halves, the split rating 2/3 is 5 halves. A board file stores the same number.

>>> scale = Scale.default()
>>> parse_score("2/3", scale), parse_score("3 - good", scale), parse_score(4.0, scale)
(Score(halves=5), Score(halves=6), Score(halves=8))
>>> parse_score(2.7, scale)
Traceback (most recent call last):
...
sgdesk.errors.InputError: '2.7' is not a score on the scale: use a whole score from 1 to 4, or a split rating such as 2/3
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sgdesk.errors import InputError, quoted

NOT_ANSWERED_WORDS = frozenset({"n/a", "na", "-", "–", "not answered", "not applicable", "don't know",
                                "dont know", "unanswered"})
_SCORE_TEXT = re.compile(r"(?P<low>[0-9]+(?:\.[0-9]+)?)(?:\s*/\s*(?P<high>[0-9]+))?(?:\s*(?:[-–:(]|\s)\s*(?P<label>.*))?")


@dataclass(frozen=True, order=True)
class Score:
    """A rating in half points: ``Score(6)`` is 3, ``Score(5)`` is the split rating 2/3."""

    halves: int

    @classmethod
    def whole(cls, points: int) -> Score:
        return cls(2 * points)

    @property
    def value(self) -> Fraction:
        return Fraction(self.halves, 2)

    @property
    def is_split(self) -> bool:
        return self.halves % 2 == 1

    @property
    def label(self) -> str:
        """How a respondent writes it: ``3`` or ``2/3``."""
        low = self.halves // 2
        return f"{low}/{low + 1}" if self.is_split else str(low)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class ScalePoint:
    """One whole-point rating of a scale and its label, e.g. 3 "good"."""

    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    """The whole-point ratings of a tool, lowest first, and whether split ratings are allowed."""

    points: tuple[ScalePoint, ...]
    allow_split: bool = True

    def __post_init__(self) -> None:
        values = [p.value for p in self.points]
        if len(values) < 2:
            raise InputError("The rating scale", "needs at least two points", "give each point a number and a label")
        if values != list(range(values[0], values[0] + len(values))):
            raise InputError("The rating scale", "must run in steps of one, lowest first", "number the points 1, 2, 3...")
        if any(not p.label.strip() for p in self.points):
            raise InputError("The rating scale", "has a point without a label", "give every point a label, e.g. good")

    @classmethod
    def default(cls) -> Scale:
        """1 poor, 2 adequate, 3 good, 4 outstanding, with split ratings."""
        return cls(tuple(ScalePoint(v, label) for v, label in
                         ((1, "poor"), (2, "adequate"), (3, "good"), (4, "outstanding"))))

    @property
    def lowest(self) -> int:
        return self.points[0].value

    @property
    def highest(self) -> int:
        return self.points[-1].value

    def scores(self) -> list[Score]:
        """Every score a respondent may give, lowest first (splits between the whole points)."""
        step = 1 if self.allow_split else 2
        return [Score(h) for h in range(2 * self.lowest, 2 * self.highest + 1, step)]

    def describe(self, score: Score) -> str:
        """``3 good``, ``2/3 between adequate and good``."""
        if score.is_split:
            low, high = self.label_of(score.halves // 2), self.label_of(score.halves // 2 + 1)
            return f"{score.label} between {low} and {high}"
        return f"{score.label} {self.label_of(score.halves // 2)}"

    def label_of(self, value: int) -> str:
        return next(p.label for p in self.points if p.value == value)

    def summary(self) -> str:
        """``1 poor, 2 adequate, 3 good, 4 outstanding``."""
        return ", ".join(f"{p.value} {p.label}" for p in self.points)

    def fix(self) -> str:
        split = ", or a split rating such as " + Score(2 * self.lowest + 3).label if self.allow_split else ""
        return f"use a whole score from {self.lowest} to {self.highest}{split}"

    def to_json(self) -> dict[str, Any]:
        return {"points": [{"value": p.value, "label": p.label} for p in self.points], "allow_split": self.allow_split}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scale:
        return cls(tuple(ScalePoint(int(p["value"]), str(p["label"])) for p in data["points"]),
                   bool(data.get("allow_split", True)))


def parse_score(value: Any, scale: Scale) -> Score | None:
    """Read a score as typed in a form: ``3``, ``3.0``, ``"3 - good"``, ``"good"``, ``"2/3"``, ``2.5``.

    Blank and ``n/a`` mean not answered (None). Anything else off the scale raises InputError.
    """
    if value is None:
        return None
    shown = quoted(value)
    if isinstance(value, bool):
        raise InputError(shown, "is not a score", scale.fix())
    if isinstance(value, (dt.date, dt.datetime)):
        raise InputError(shown, "was turned into a date by the spreadsheet", "format the Score column as Text and "
                         f"type the rating again, or choose it from the drop-down ({scale.fix()})")
    if isinstance(value, (int, float, Decimal)):
        return _from_number(Fraction(Decimal(str(value))), shown, scale)
    text = " ".join(str(value).split()).casefold()
    if not text or text in NOT_ANSWERED_WORDS:
        return None
    by_label = {p.label.casefold(): p.value for p in scale.points}
    if text in by_label:
        return Score.whole(by_label[text])
    match = _SCORE_TEXT.fullmatch(text)
    if match is None:
        raise InputError(shown, "is not a score", scale.fix())
    if match["high"] is None:
        return _from_number(Fraction(Decimal(match["low"])), shown, scale)
    low, high = Fraction(Decimal(match["low"])), int(match["high"])
    if low.denominator != 1 or high != low + 1:
        raise InputError(shown, "is not a split rating of two neighbouring scores", scale.fix())
    return _from_number(low + Fraction(1, 2), shown, scale)


def _from_number(number: Fraction, shown: str, scale: Scale) -> Score:
    halves = number * 2
    if halves.denominator != 1 or (halves.numerator % 2 == 1 and not scale.allow_split):
        raise InputError(shown, "is not a score on the scale", scale.fix())
    if number < scale.lowest:
        raise InputError(shown, f"is below the scale ({scale.lowest} to {scale.highest})", scale.fix())
    if number > scale.highest:
        raise InputError(shown, f"is above the scale ({scale.lowest} to {scale.highest})", scale.fix())
    return Score(int(halves))
