"""The summary of a set of scores, as the published self-assessment table shows it.

* **N**: how many answered (not-answered responses do not count);
* **mode**: the score given most often; tied scores all show, lowest first, joined ``2/3``
  (a split rating counts as its own answer here, shown as ``2.5``);
* **mean**: the average, always to one decimal place (``3.0``, ``2.8``) with halves rounded up;
* **range**: highest minus lowest, a split rating counting as half a point (so 1.5 happens).

Arithmetic is exact (fractions), so no rounding surprise can creep in.

>>> s = summarise([Score(4), Score(4), Score(6), Score(6), Score(7)])
>>> s.n, s.mode_text, s.mean_text, s.range_text
(5, '2/3', '2.7', '1.5')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable

from sgdesk.assessment.scores import Score

_ONE_PLACE = Decimal("0.1")


def one_place(value: Fraction) -> Decimal:
    """``value`` to one decimal place, halves rounded up (away from zero).

    >>> one_place(Fraction(11, 4)), one_place(Fraction(-1, 20))
    (Decimal('2.8'), Decimal('-0.1'))
    """
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_ONE_PLACE, rounding=ROUND_HALF_UP)


def plain_number(value: Decimal | Fraction) -> str:
    """A figure as the published layout prints it: ``3`` for 3.0, ``2.5``, ``1.5``.

    >>> plain_number(Decimal("3.0")), plain_number(Fraction(3, 2))
    ('3', '1.5')
    """
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def figure(value: Decimal | Fraction) -> Decimal:
    """A figure as a Decimal without trailing zeros (3.0 becomes 3), for typed report columns."""
    return Decimal(plain_number(value))


@dataclass(frozen=True)
class Summary:
    """N, mode, mean, range and distribution of one set of scores."""

    n: int
    distribution: dict[Score, int] = field(default_factory=dict)
    mean: Fraction | None = None          # exact

    @property
    def mode(self) -> tuple[Score, ...]:
        if not self.distribution:
            return ()
        most = max(self.distribution.values())
        return tuple(sorted(score for score, count in self.distribution.items() if count == most))

    @property
    def mode_text(self) -> str:
        return "/".join(plain_number(score.value) for score in self.mode)

    @property
    def mean_rounded(self) -> Decimal | None:
        return None if self.mean is None else one_place(self.mean)

    @property
    def mean_text(self) -> str:
        return "" if self.mean is None else str(one_place(self.mean))

    @property
    def lowest(self) -> Score | None:
        return min(self.distribution) if self.distribution else None

    @property
    def highest(self) -> Score | None:
        return max(self.distribution) if self.distribution else None

    @property
    def range(self) -> Fraction | None:
        if not self.distribution:
            return None
        return self.highest.value - self.lowest.value

    @property
    def range_text(self) -> str:
        return "" if self.range is None else plain_number(self.range)


def summarise(scores: Iterable[Score | None]) -> Summary:
    """The summary of ``scores``; None (not answered) is left out."""
    answered = [score for score in scores if score is not None]
    if not answered:
        return Summary(0)
    return Summary(len(answered), dict(Counter(answered)),
                   Fraction(sum(score.halves for score in answered), 2 * len(answered)))


def change(now: Summary, before: Summary | None) -> Decimal | None:
    """The change in the published (rounded) mean since an earlier round, or None.

    Rounded means are compared, so the change is what a reader sees between the two tables.
    """
    if before is None or now.mean is None or before.mean is None:
        return None
    return one_place(now.mean) - one_place(before.mean)


def change_text(value: Decimal | None) -> str:
    """``+0.4``, ``−0.2`` (a true minus sign), ``0.0`` or blank.

    >>> change_text(Decimal("0.4")), change_text(Decimal("-0.2")), change_text(Decimal("0.0"))
    ('+0.4', '−0.2', '0.0')
    """
    from sgdesk.reporting import signed

    return "" if value is None else signed(value)
