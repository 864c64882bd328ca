"""Green, Amber or Red: how an indicator's latest figure compares with what it is rated against.

Each indicator has a rule: the comparator (England, the statistical-neighbour average, or the
authority's own previous figure) and a tolerance band, in points of the indicator's unit or in
percent of the comparator. With ``difference`` the amount by which the figure is better than the
comparator (higher minus comparator when higher is better, the other way round when lower is):

- Green: ``difference >= 0``, as good as the comparator or better;
- Amber: ``-tolerance <= difference < 0``, worse but within the band;
- Red: ``difference < -tolerance``, worse by more than the band.

An indicator where neither direction is better (demand, such as the rate of children in need) is
not rated. A figure or comparator that was not published gives no rating, and says so.

>>> rule = RagRule("england", Decimal("2"))
>>> [rate(Decimal(v), Decimal("20"), "lower", rule) for v in ("20", "22", "22.1")]
['green', 'amber', 'red']
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sgdesk.errors import InputError, quoted

Rating = Literal["green", "amber", "red"]
Basis = Literal["england", "sn_average", "previous", "none"]
Polarity = Literal["higher", "lower", "neither"]

RATINGS: dict[str, str] = {"green": "Green", "amber": "Amber", "red": "Red"}
#: light fills that keep dark text readable (contrast above 4.5:1), as Excel's own Good/Neutral/Bad styles
RATING_FILLS: dict[str, str] = {"green": "#C6EFCE", "amber": "#FFEB9C", "red": "#FFC7CE"}
BASES: dict[str, str] = {"england": "England", "sn_average": "statistical neighbours' average",
                         "previous": "own previous figure", "none": "not rated"}
POLARITIES: dict[str, str] = {"higher": "higher is better", "lower": "lower is better",
                              "neither": "neither (not rated)"}
NOT_RATED = "Not rated"


@dataclass(frozen=True)
class RagRule:
    """What an indicator is rated against, and how far worse still counts as Amber."""

    basis: Basis = "england"
    tolerance: Decimal = Decimal(0)
    relative: bool = False      # the tolerance is a percentage of the comparator, not points

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise InputError(quoted(self.basis), "is not something to rate against",
                             "choose England, statistical neighbours, previous or none")
        if self.tolerance < 0:
            raise InputError(quoted(self.tolerance), "is not a tolerance: it is below zero",
                             "write the band as a positive number, e.g. 2")

    def band(self, comparator: Decimal) -> Decimal:
        """The tolerance in the indicator's unit, for this comparator."""
        return abs(comparator) * self.tolerance / 100 if self.relative else self.tolerance

    def describe(self, unit: str = "") -> str:
        """In words: ``against England; Amber when worse by up to 2 percentage points``."""
        if self.basis == "none":
            return "not rated"
        against = f"against {BASES[self.basis]}"
        if not self.tolerance:
            return f"{against}; Red when worse"
        if self.relative:
            amount = f"{self.tolerance}% of it"
        else:
            amount = f"{self.tolerance} percentage points" if unit == "percent" else f"{self.tolerance}"
        return f"{against}; Amber when worse by up to {amount}"


def rate(value: Decimal, comparator: Decimal, polarity: Polarity, rule: RagRule) -> Rating | None:
    """The rating of ``value`` against ``comparator``; None when neither direction is better."""
    if polarity == "neither" or rule.basis == "none":
        return None
    difference = value - comparator if polarity == "higher" else comparator - value
    if difference >= 0:
        return "green"
    return "amber" if difference >= -rule.band(comparator) else "red"


def parse_basis(value: object) -> Basis:
    """What to rate against, from its key or words ("England", "SN average", "previous year").

    >>> parse_basis("Statistical neighbours"), parse_basis("own previous year")
    ('sn_average', 'previous')
    """
    text = " ".join(str(value).split()).casefold()
    if text in BASES:
        return text  # type: ignore[return-value]
    if text.startswith(("england", "national")):
        return "england"
    if text.startswith(("sn", "stat", "neighbour")):
        return "sn_average"
    if "previous" in text or "last year" in text or text.startswith("own"):
        return "previous"
    if text in ("", "none", "not rated", "no"):
        return "none"
    raise InputError(quoted(value), "is not something to rate against",
                     "write England, statistical neighbours, previous or none")


def parse_polarity(value: object) -> Polarity:
    """Which way is better, from its key or words ("Higher is better", "low", "n/a").

    >>> parse_polarity("Higher is better"), parse_polarity("lower"), parse_polarity("neither")
    ('higher', 'lower', 'neither')
    """
    text = " ".join(str(value).split()).casefold()
    if text.startswith(("high", "up", "more")):
        return "higher"
    if text.startswith(("low", "down", "less", "fewer")):
        return "lower"
    if text in ("neither", "none", "n/a", "na", "-", "context", "neutral", "neither (not rated)"):
        return "neither"
    raise InputError(quoted(value), "is not which way is better", "write higher, lower or neither")
