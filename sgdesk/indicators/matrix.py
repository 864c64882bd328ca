"""The data matrix: per section, each indicator's figures over its latest periods with England, the
statistical neighbours' average and the region beneath, its rank, RAG rating and direction of travel.

One model serves the appendix (PDF, Word, Excel), the reports and the Performance view.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sgdesk.indicators.areas import COMPARATOR_ORDER, Area, list_areas
from sgdesk.indicators.definitions import Indicator, list_indicators, sections
from sgdesk.indicators.figures import Figure, figure_text
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import BASES, NOT_RATED, RATINGS, Rating, rate
from sgdesk.indicators.trends import NOT_COMPARED, Travel, travel, trend_words
from sgdesk.indicators.values import StoredValue, load_values
from sgdesk.store import BoardFile

DEFAULT_COLUMNS = 5
MATRIX_KINDS = ("own", *COMPARATOR_ORDER)

ByPeriod = dict[str, StoredValue]


@dataclass(frozen=True)
class Judgement:
    """An indicator's RAG rating, what it was worked out from, and in words why (or why not)."""

    rating: Rating | None
    reason: str
    period: IndicatorPeriod | None = None
    comparator: Decimal | None = None

    @property
    def label(self) -> str:
        return RATINGS[self.rating] if self.rating else NOT_RATED


@dataclass
class MatrixRow:
    """One indicator's row of the data matrix: its figures over the periods shown, its comparators, RAG rating
    and direction of travel."""

    indicator: Indicator
    periods: list[IndicatorPeriod]                  # the columns shown, oldest first
    own: ByPeriod
    comparators: list[tuple[Area, ByPeriod]]        # England, neighbours' average, region: those with figures
    latest: StoredValue | None                      # the latest of the authority's own figures
    previous: StoredValue | None                    # the figure before it (same kind of period)
    judgement: Judgement
    travel: Travel = NOT_COMPARED

    def series(self, values: ByPeriod) -> list[Figure | None]:
        """``values`` over the columns (None where nothing is stored)."""
        return [values[p.label].figure if p.label in values else None for p in self.periods]

    def comparator(self, kind: str) -> tuple[Area, ByPeriod] | None:
        return next((found for found in self.comparators if found[0].kind == kind), None)

    def comparator_figure(self, kind: str) -> Figure | None:
        """The comparator's figure (England, neighbours' average, region) for the latest figure's period."""
        found = self.comparator(kind)
        stored = found[1].get(self.latest.period.label) if found and self.latest else None
        return stored.figure if stored else None

    def charted_comparators(self) -> list[tuple[Area, ByPeriod]]:
        """The comparators to draw beside the authority's line: those on its scale (England's count of
        children, beside one authority's, would flatten its line to nothing)."""
        own = [v.figure.value for v in self.own.values() if v.figure.value is not None]
        return [(area, values) for area, values in self.comparators
                if on_one_scale(own, [v.figure.value for v in values.values() if v.figure.value is not None])]

    @property
    def alt_text(self) -> str:
        """What the row's small trend line shows, in words."""
        return trend_words(self.indicator.unit, [p.label for p in self.periods], self.series(self.own),
                           [(comparator_label(area), self.series(values)) for area, values in self.comparators])

    @property
    def latest_rank(self) -> str:
        """``87`` or ``87 of 151``; blank when no rank was published for the latest figure."""
        if self.latest is None or self.latest.rank is None:
            return ""
        return f"{self.latest.rank}" + (f" of {self.latest.rank_of}" if self.latest.rank_of else "")


@dataclass
class MatrixSection:
    """One section of the data matrix, with its indicators' rows."""

    name: str
    rows: list[MatrixRow] = field(default_factory=list)


@dataclass
class Matrix:
    """The data matrix: its sections of indicator rows, and the authority whose figures they are."""

    own_area: Area | None
    sections: list[MatrixSection]

    def rows(self) -> list[MatrixRow]:
        return [row for section in self.sections for row in section.rows]


def on_one_scale(a: list[Decimal], b: list[Decimal], factor: int = 10) -> bool:
    """Whether two sets of figures can share a chart's scale: their largest sizes within ``factor``.

    >>> on_one_scale([Decimal("2721")], [Decimal("642980")]), on_one_scale([Decimal("30.2")], [Decimal("22.6")])
    (False, True)
    """
    if not a or not b:
        return True
    size_a, size_b = max(abs(v) for v in a), max(abs(v) for v in b)
    if not size_a or not size_b:
        return True
    return max(size_a, size_b) / min(size_a, size_b) <= factor


def comparator_label(area: Area) -> str:
    """How a comparator row is headed under an indicator."""
    return "Statistical neighbours" if area.kind == "sn_average" else area.name


def build_matrix(bf: BoardFile, board_id: int, *, up_to_year: int | None = None,
                 columns: int | None = DEFAULT_COLUMNS) -> Matrix:
    """The matrix of every indicator, with periods ending after ``up_to_year`` left out; ``columns``
    latest periods a row (None: all of them)."""
    areas = {area.id: area for area in list_areas(bf, board_id) if area.kind in MATRIX_KINDS}
    grouped: dict[int, dict[int, ByPeriod]] = defaultdict(lambda: defaultdict(dict))
    for value in load_values(bf, board_id, area_kinds=MATRIX_KINDS):
        if up_to_year is None or value.period.end_year <= up_to_year:
            grouped[value.indicator_id][value.area_id][value.period.label] = value
    own = next((area for area in areas.values() if area.kind == "own"), None)
    comparators = sorted((area for area in areas.values() if area.kind != "own"),
                         key=lambda area: COMPARATOR_ORDER.index(area.kind))
    indicators = list_indicators(bf, board_id)
    by_section = {name: MatrixSection(name) for name in sections(indicators)}
    for indicator in indicators:
        values = grouped.get(indicator.id or 0, {})
        by_section[indicator.section].rows.append(
            matrix_row(indicator, values.get(own.id, {}) if own else {},
                       [(area, values[area.id]) for area in comparators if values.get(area.id)], columns))
    return Matrix(own, list(by_section.values()))


def matrix_row(indicator: Indicator, own: ByPeriod, comparators: list[tuple[Area, ByPeriod]],
               columns: int | None = DEFAULT_COLUMNS) -> MatrixRow:
    """One indicator's row: its ``columns`` latest periods (None: all), latest figure, rating and
    direction of travel."""
    every = {value.period for values in (own, *(found for _area, found in comparators)) for value in values.values()}
    periods = sorted(every, key=IndicatorPeriod.sort_key)
    periods = periods if columns is None else periods[-columns:] if columns > 0 else []
    figures = sorted((value for value in own.values() if value.figure.value is not None),
                     key=lambda value: value.period.sort_key())
    latest = figures[-1] if figures else None
    previous = None
    if latest is not None:
        earlier = [value for value in figures[:-1] if _same_shape(value.period, latest.period)]
        previous = earlier[-1] if earlier else None
    row = MatrixRow(indicator, periods, own, comparators, latest, previous, Judgement(None, ""))
    row.judgement = judge(row)
    row.travel = travel(latest.figure.value if latest else None, previous.figure.value if previous else None,
                        indicator.polarity)
    return row


def _same_shape(a: IndicatorPeriod, b: IndicatorPeriod) -> bool:
    return (a.years, a.split, bool(a.quarter)) == (b.years, b.split, bool(b.quarter))


def judge(row: MatrixRow) -> Judgement:
    """The row's rating against its rule, with the reason in words."""
    indicator, rule, latest = row.indicator, row.indicator.rule, row.latest
    if indicator.polarity == "neither":
        return Judgement(None, "not rated: neither a higher nor a lower figure is better")
    if rule.basis == "none":
        return Judgement(None, "not rated: its rule says so")
    if latest is None or latest.figure.value is None:
        return Judgement(None, "not rated: no figure has been published")
    unit, value = indicator.unit, latest.figure.value
    if rule.basis == "previous":
        if row.previous is None:
            return Judgement(None, f"not rated: no figure before {latest.period.label} to compare with", latest.period)
        comparator = row.previous.figure.value
        assert comparator is not None
        against = f"{figure_text(comparator, unit, with_unit=True)} in {row.previous.period.label}"
    else:
        found = row.comparator(rule.basis)
        stored = found[1].get(latest.period.label) if found else None
        if stored is None or stored.figure.value is None:
            return Judgement(None, f"not rated: no {BASES[rule.basis]} figure for {latest.period.label}", latest.period)
        comparator = stored.figure.value
        against = f"{comparator_label(found[0])} {figure_text(comparator, unit, with_unit=True)}"
    rating = rate(value, comparator, indicator.polarity, rule)
    reason = f"{figure_text(value, unit, with_unit=True)} in {latest.period.label} against {against}"
    return Judgement(rating, reason, latest.period, comparator)


@dataclass
class IndicatorGrid:
    """One indicator's figures for every area the board compares with, over every period: what the
    Performance view edits. Others (authorities outside the family) are listed only with figures."""

    indicator: Indicator
    areas: list[Area]
    periods: list[IndicatorPeriod]
    values: dict[tuple[int, str], StoredValue]

    def value(self, area: Area, period: IndicatorPeriod) -> StoredValue | None:
        return self.values.get((area.id, period.label))


def indicator_grid(bf: BoardFile, board_id: int, indicator: Indicator,
                   extra_periods: list[IndicatorPeriod] = ()) -> IndicatorGrid:
    """The grid of ``indicator``'s figures, with ``extra_periods`` added as empty columns to type into."""
    values = {(value.area_id, value.period.label): value
              for value in load_values(bf, board_id, indicator_id=indicator.id)}
    with_figures = {area_id for area_id, _period in values}
    areas = [area for area in list_areas(bf, board_id) if area.kind != "other" or area.id in with_figures]
    periods = sorted({value.period for value in values.values()} | set(extra_periods), key=IndicatorPeriod.sort_key)
    return IndicatorGrid(indicator, areas, periods, values)
