"""Demo part 50: seed 002's data matrix and regional comparison (see :mod:`sgdesk.indicators.demo_data`)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sgdesk.indicators.areas import add_area, ensure_standard_areas
from sgdesk.indicators.catalogue import CATALOGUE
from sgdesk.indicators.definitions import Indicator, add_indicator
from sgdesk.indicators.demo_data import (
    COMPARISON_NOTE,
    COMPARISON_PERIOD,
    COMPARISON_TITLE,
    CONTRIBUTIONS,
    NEIGHBOURS,
    OWN_AREA,
    PARTNERS,
    REGION,
    RELEASE,
    TABLES,
    THIS_PARTNERSHIP,
    SeedRow,
    SeedTable,
)
from sgdesk.indicators.figures import parse_figure
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import RagRule
from sgdesk.indicators.regional import add_comparison, set_contribution
from sgdesk.indicators.values import set_value
from sgdesk.money import parse_money
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

BLANK = "_"
_CATALOGUE = {spec.code: spec for spec in CATALOGUE}


def indicator_for(row: SeedRow, section: str) -> Indicator:
    """The indicator of a row of the seed's matrix: the catalogue's, or defined by the row."""
    if row.code in _CATALOGUE:
        return replace(_CATALOGUE[row.code], section=section, release=RELEASE)
    return Indicator(row.code, row.name, section, row.unit, row.polarity,  # type: ignore[arg-type]
                     source="DfE/Ofsted derived", release=RELEASE,
                     rule=RagRule("england", Decimal(row.tolerance)))


def _cells(text: str, periods: tuple[str, ...], latest_only: bool) -> list[str | None]:
    """The printed cells over ``periods``; one figure given for several periods is the latest's."""
    cells = text.split()
    if latest_only and len(cells) == 1 and len(periods) > 1:
        cells = [BLANK] * (len(periods) - 1) + cells
    if cells and len(cells) != len(periods):
        raise ValueError(f"{len(cells)} cells for {len(periods)} periods: {text!r}")
    return [None if cell == BLANK else cell for cell in cells]


def _add_row(ed: Action, bf: BoardFile, board_id: int, table: SeedTable, row: SeedRow, areas: dict[str, int]) -> None:
    indicator = indicator_for(row, table.section)
    indicator_id = add_indicator(ed, bf, board_id, indicator)
    periods = [IndicatorPeriod.parse(text) for text in table.periods]
    ranks = [int(cell) if cell and cell != "-" else None for cell in _cells(row.ranks, table.periods, False)] \
        if row.ranks else [None] * len(periods)
    if row.latest_rank is not None:
        ranks[-1] = row.latest_rank
    for kind, text in (("own", row.own), ("england", row.england)):
        for period, cell, rank in zip(periods, _cells(text, table.periods, True), ranks):
            figure = parse_figure(cell, indicator.unit)
            if figure is not None:
                set_value(ed, indicator_id, areas[kind], period, figure, rank=rank if kind == "own" else None)


def build_indicators_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    name, code, aliases = OWN_AREA
    areas = {"own": add_area(ed, bf, board_id, name, "own", code=code, aliases=aliases),
             **ensure_standard_areas(ed, bf, board_id),
             "region": add_area(ed, bf, board_id, REGION, "region")}
    for neighbour in NEIGHBOURS:
        add_area(ed, bf, board_id, neighbour, "neighbour")
    for table in TABLES:
        for row in table.rows:
            _add_row(ed, bf, board_id, table, row, areas)
    comparison_id = add_comparison(ed, bf, board_id, COMPARISON_TITLE, COMPARISON_PERIOD, THIS_PARTNERSHIP,
                                   COMPARISON_NOTE)
    for strand, rows in CONTRIBUTIONS:
        for seed in rows:
            for partner, amount in zip(PARTNERS, (seed.local_authority, seed.health, seed.police)):
                set_contribution(ed, bf, comparison_id, strand, seed.partnership, partner, parse_money(amount))
