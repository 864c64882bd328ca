"""Direction of travel (the arrows) and a trend told in words, for the figures' alternative text.

>>> travel(Decimal("23.4"), Decimal("20.6"), "lower")
Travel(arrow='↑', words='worsening', change=Decimal('2.8'))
>>> trend_words("percent", ["2017", "2018"], [Decimal("15.2"), Decimal("16.3")], [("England", [None, Decimal("17.0")])])
'Trend: 15.2, 16.3% 2017-2018; England 17.0% in 2018.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sgdesk.indicators.figures import NOTES, Figure, figure_text
from sgdesk.indicators.rag import Polarity

ARROWS = {"up": "↑", "down": "↓", "same": "→"}
_UNIT_WORDS = {"rate1k": " per 1,000", "rate10k": " per 10,000", "rate100k": " per 100,000", "days": " days",
               "percent": "%"}


@dataclass(frozen=True)
class Travel:
    """How the latest figure moved from the one before: an arrow, and what it means for this indicator."""

    arrow: str
    words: str          # improving, worsening, no change; up or down when neither is better; "" when not compared
    change: Decimal | None


NOT_COMPARED = Travel("", "", None)


def travel(latest: Decimal | None, previous: Decimal | None, polarity: Polarity) -> Travel:
    """The direction of travel from ``previous`` to ``latest`` (either missing: not compared)."""
    if latest is None or previous is None:
        return NOT_COMPARED
    change = latest - previous
    if change == 0:
        return Travel(ARROWS["same"], "no change", change)
    direction = "up" if change > 0 else "down"
    if polarity == "neither":
        return Travel(ARROWS[direction], direction, change)
    better = (change > 0) == (polarity == "higher")
    return Travel(ARROWS[direction], "improving" if better else "worsening", change)


def _value_words(value: Decimal | Figure | None, unit: str) -> str:
    if isinstance(value, Figure):
        if value.value is None:
            return NOTES[value.note][1] if value.note else "no figure"
        value = value.value
    return "no figure" if value is None else figure_text(value, unit)


def _series_words(values: Sequence[Decimal | Figure | None], unit: str) -> str:
    """The figures in a list, the unit after the last figure: ``15.2, 16.3%`` or ``62%, not published``."""
    words = [_value_words(value, unit) for value in values]
    numeric = [n for n, value in enumerate(values)
               if (value.value if isinstance(value, Figure) else value) is not None]
    if numeric:
        words[numeric[-1]] += _UNIT_WORDS.get(unit, "")
    return ", ".join(words)


def trend_words(unit: str, periods: Sequence[str], own: Sequence[Decimal | Figure | None],
                comparators: Sequence[tuple[str, Sequence[Decimal | Figure | None]]] = ()) -> str:
    """The trend a small line chart shows, in words (its alternative text): the authority's figures
    over ``periods``, then each comparator's."""
    span = periods[0] if len(periods) == 1 else f"{periods[0]}-{periods[-1]}" if periods else ""
    parts = [f"Trend: {_series_words(own, unit)} {span}".rstrip()]
    for name, values in comparators:
        given = [(period, value) for period, value in zip(periods, values) if value is not None]
        if len(given) == 1 and len(periods) > 1:   # England for the latest year only, as often published
            parts.append(f"{name} {_series_words([given[0][1]], unit)} in {given[0][0]}")
        elif given:
            parts.append(f"{name} {_series_words(values, unit)}")
    return "; ".join(parts) + "."
