"""Reports ``indicators`` (every stored figure, one per row: the long layout the import reads back),
``indicator-trends`` (latest figure, direction of travel, comparators and RAG) and
``regional-contributions`` (partnerships' contributions with totals, averages and this board's position)."""

from __future__ import annotations

from sgdesk.fyear import Period
from sgdesk.indicators.appendix import indicator_label, travel_text, up_to_year
from sgdesk.indicators.areas import COMPARATOR_ORDER, list_areas
from sgdesk.indicators.definitions import list_indicators
from sgdesk.indicators.figures import NOTES, UNITS, figure_text, note_mark
from sgdesk.indicators.matrix import build_matrix
from sgdesk.indicators.periods import IndicatorPeriod, is_period
from sgdesk.indicators.rag import RATING_FILLS
from sgdesk.indicators.regional import (
    Comparison,
    RegionalComparison,
    Strand,
    average,
    list_comparisons,
    load_comparison,
    ordinal,
    position,
)
from sgdesk.indicators.values import cell_text, load_values
from sgdesk.money import format_money
from sgdesk.reporting import ReportColumn, ReportTable
from sgdesk.store import BoardFile

_KIND_ORDER = {kind: n for n, kind in enumerate(("own", *COMPARATOR_ORDER, "neighbour", "other"))}


def indicators_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """Every figure stored, one per row, with its mark, rank and footnote (periods ending by ``period``'s end)."""
    indicators = {indicator.id: indicator for indicator in list_indicators(bf, board_id)}
    areas = {area.id: area for area in list_areas(bf, board_id)}
    order = {indicator_id: n for n, indicator_id in enumerate(indicators)}
    last = up_to_year(period)
    values = [value for value in load_values(bf, board_id) if last is None or value.period.end_year <= last]
    values.sort(key=lambda v: (order[v.indicator_id], _KIND_ORDER[areas[v.area_id].kind], areas[v.area_id].position,
                               v.period.sort_key()))
    rows = []
    for value in values:
        indicator, area, figure = indicators[value.indicator_id], areas[value.area_id], value.figure
        rows.append({"section": indicator.section, "indicator": indicator.name, "unit": UNITS[indicator.unit],
                     "polarity": indicator.polarity, "area": area.name, "area_code": area.code,
                     "period": value.period.label, "value": figure.value,
                     "mark": note_mark(figure.note) if figure.note else None,
                     "provisional": "yes" if figure.provisional else None, "rank": value.rank,
                     "rank_of": value.rank_of, "note": figure.comment})
    columns = [ReportColumn("section", "Section"), ReportColumn("indicator", "Indicator"), ReportColumn("unit", "Unit"),
               ReportColumn("polarity", "Better when"), ReportColumn("area", "Area"),
               ReportColumn("area_code", "Area code"), ReportColumn("period", "Period"),
               ReportColumn("value", "Value", "decimal"), ReportColumn("mark", "Mark"),
               ReportColumn("provisional", "Provisional"), ReportColumn("rank", "Rank", "int"),
               ReportColumn("rank_of", "Rank of", "int"), ReportColumn("note", "Note")]
    notes = [f"Marks: {', '.join(f'{mark} {meaning}' for mark, meaning in NOTES.values())}: none of them is a zero."]
    return [ReportTable("Indicators", columns, rows, notes)]


def trends_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """Each indicator's latest figure, the one before, the direction of travel, comparators and RAG rating."""
    matrix = build_matrix(bf, board_id, up_to_year=up_to_year(period), columns=0)
    rows, fills = [], {}
    for row in matrix.rows():
        unit, latest, previous = row.indicator.unit, row.latest, row.previous
        comparators = {kind: cell_text(row.comparator_figure(kind), unit, with_unit=True) or None
                       for kind in ("england", "sn_average")}
        change = row.travel.change
        if row.judgement.rating:
            fills[(len(rows), "rag")] = RATING_FILLS[row.judgement.rating]
        rows.append({
            "section": row.indicator.section, "indicator": indicator_label(row),
            "latest_period": latest.period.label if latest else None,
            "latest": cell_text(latest.figure, unit, with_unit=True) if latest else None,
            "previous_period": previous.period.label if previous else None,
            "previous": cell_text(previous.figure, unit, with_unit=True) if previous else None,
            "change": None if change is None else ("+" if change > 0 else "") + figure_text(change, unit),
            "travel": f"{travel_text(row)}".strip() or None, "england": comparators["england"],
            "sn_average": comparators["sn_average"], "rank": row.latest_rank or None,
            "rag": row.judgement.label, "why": row.judgement.reason})
    columns = [ReportColumn("section", "Section"), ReportColumn("indicator", "Indicator"),
               ReportColumn("latest_period", "Latest"), ReportColumn("latest", "Figure"),
               ReportColumn("previous_period", "Before"), ReportColumn("previous", "Figure before"),
               ReportColumn("change", "Change"), ReportColumn("travel", "Direction"),
               ReportColumn("england", "England"), ReportColumn("sn_average", "Statistical neighbours"),
               ReportColumn("rank", "Rank"), ReportColumn("rag", "RAG"), ReportColumn("why", "Why")]
    notes = ["Direction: ↑ up, ↓ down, → no change since the figure before; better or worse by the indicator's "
             "polarity. RAG as each indicator's rule says (see Performance > Indicators)."]
    return [ReportTable("Indicator trends", columns, rows, notes, fills=fills)]


def _strand_table(comparison: RegionalComparison, strand: Strand) -> ReportTable:
    this = comparison.comparison.this_partnership
    keys = [f"p{n}" for n in range(len(strand.partners))]
    columns = [ReportColumn("partnership", "Partnership"),
               *(ReportColumn(key, partner, "money") for key, partner in zip(keys, strand.partners)),
               ReportColumn("total", "Total", "money")]
    rows = []
    for name in strand.partnerships:
        rows.append({"partnership": f"{name} (this partnership)" if name == this else name,
                     **{key: strand.amount(name, partner) for key, partner in zip(keys, strand.partners)},
                     "total": strand.total(name)})
    others = [name for name in strand.partnerships if name != this]
    averages = [(f"Average of all {len(strand.partnerships)}", strand.partnerships)]
    if this in strand.partnerships and others:
        averages.append((f"Average of the other {len(others)}", others))
    for label, names in averages:
        rows.append({"partnership": label, "total": average([strand.total(n) for n in names]),
                         **{key: average([strand.amounts.get((n, p), 0) for n in names])
                            for key, p in zip(keys, strand.partners)}})
    notes = []
    for partner in (None, *strand.partners):
        place = position(strand.column(partner), this)
        if place is None:
            continue
        what = "total" if partner is None else partner
        text = f"{this}: {ordinal(place.rank)} of {place.of} by {what} ({format_money(place.amount)})"
        if place.difference is not None and partner is None:
            above = "above" if place.difference >= 0 else "below"
            text += (f", {format_money(abs(place.difference))} {above} the average of the other {place.of - 1} "
                     f"({place.share_of_average}% of it)")
        notes.append(text)
    return ReportTable(f"{strand.name}: {comparison.comparison.title} {comparison.comparison.period}", columns, rows,
                       notes)


def _combined_table(comparison: RegionalComparison) -> ReportTable:
    this = comparison.comparison.this_partnership
    keys = [f"s{n}" for n in range(len(comparison.strands))]
    columns = [ReportColumn("partnership", "Partnership"),
               *(ReportColumn(key, strand.name, "money") for key, strand in zip(keys, comparison.strands)),
               ReportColumn("combined", "Combined", "money")]
    rows = [{"partnership": f"{name} (this partnership)" if name == this else name,
             **{key: strand.total(name) if name in strand.partnerships else None
                for key, strand in zip(keys, comparison.strands)}, "combined": comparison.combined(name)}
            for name in comparison.partnerships]
    place = position({name: comparison.combined(name) for name in comparison.partnerships}, this)
    notes = [f"{this}: {ordinal(place.rank)} of {place.of} combined ({format_money(place.amount)})"] if place else []
    return ReportTable(f"Combined: {comparison.comparison.title} {comparison.comparison.period}", columns, rows,
                       notes)


def regional_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """The regional comparison (the latest up to ``period``, or every one), strand by strand and combined."""
    comparisons = list_comparisons(bf, board_id)
    if period is not None:
        last = up_to_year(period)
        dated = [(IndicatorPeriod.parse(c.period).end_year if is_period(c.period) else None, c) for c in comparisons]
        comparisons = [c for year, c in dated if year is None or last is None or year <= last][:1]
    if not comparisons:
        up_to = f" up to {period.label}" if period else ""
        return [ReportTable("Regional comparison of contributions", [ReportColumn("partnership", "Partnership")], [],
                            [f"No regional comparison{up_to}: import one (File > Import, regional comparison of "
                             "contributions)."])]
    return [table for comparison in comparisons for table in comparison_tables(bf, comparison)]


def comparison_tables(bf: BoardFile, comparison: Comparison) -> list[ReportTable]:
    """One comparison: a table per strand and, with more than one strand, the combined totals."""
    loaded = load_comparison(bf, comparison)
    tables = [_strand_table(loaded, strand) for strand in loaded.strands]
    if len(loaded.strands) > 1:
        tables.append(_combined_table(loaded))
    if comparison.note and tables:
        tables[-1].notes.append(comparison.note)
    return tables
