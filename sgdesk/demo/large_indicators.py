"""The stress board's performance data: ten years of 60 indicators for 11 areas on the children's board.

Marshford against England, its statistical neighbours' average, its region and seven neighbours
(invented places): the built-in catalogue and the demo board's other indicators, figures following a
random walk, about one in fifty suppressed or not available, the latest year provisional, Marshford
ranked each year. The neighbours' average is the mean of the neighbours' figures. A regional
comparison of contributions each year, against five other partnerships. Every figure is invented
(the indicators' names are real; their figures here are not).
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sgdesk.demo.large_rows import StressBoard
from sgdesk.indicators.catalogue import CATALOGUE
from sgdesk.indicators.definitions import Indicator
from sgdesk.indicators.demo import indicator_for
from sgdesk.indicators.demo_data import TABLES
from sgdesk.indicators.figures import to_units

INDICATORS = 60
NEIGHBOURS = ("Northwick", "Saltmere", "Fenby", "Coldharbour", "Eastbrook", "Westleigh", "Kingsmead")
#: the regional comparison of contributions, each year: the partnerships, strands and partners
PARTNERSHIPS = ("Oakhurst", "Shelford", "Bramblecote", "Harrowby", "Millbrook")
STRANDS = ("Children's partnership", "Adults' partnership")
PARTNERS = ("Local Authority", "Health", "Police")
REGION = "South Marsh region"
RANKED_AUTHORITIES = 151
#: a unit's typical level and how far a year moves it, as fractions of that level
_LEVELS = {"count": (400, 0.08), "percent": (45, 0.04), "rate1k": (20, 0.06), "rate10k": (300, 0.06),
           "rate100k": (250, 0.08), "pounds": (5000, 0.05), "score": (40, 0.03), "days": (300, 0.07)}
_MARKS = ("suppressed", "not-available")


def stress_indicators() -> list[Indicator]:
    """The 60 indicators: the catalogue's, then the demo board's others, in the demo's sections."""
    chosen = [replace(spec) for spec in CATALOGUE]
    for table in TABLES:
        for row in table.rows:
            if len(chosen) < INDICATORS and all(row.code != known.code for known in chosen):
                chosen.append(indicator_for(row, table.section))
    return [replace(indicator, position=10 * (n + 1)) for n, indicator in enumerate(chosen[:INDICATORS])]


class Performance:
    """Writes the indicators, areas and figures of one board through the generator's bulk inserts."""

    def __init__(self, generator: StressBoard, board_id: int, county: str) -> None:
        self.generator, self.board_id, self.county = generator, board_id, county
        self.rng: random.Random = generator.rng
        self.years = [year.start_year for year in generator.years]

    def write(self) -> None:
        areas = self._areas()
        indicators = stress_indicators()
        first_id = (self.generator.bf.scalar("SELECT max(id) FROM indicator") or 0) + 1
        rows = [{"id": first_id + n, "board_id": self.board_id, **indicator.values()}
                for n, indicator in enumerate(indicators)]
        self.generator.many("indicator", rows)
        values: list[dict[str, Any]] = []
        for row, indicator in zip(rows, indicators):
            values += self._figures(row["id"], indicator, areas)
        self.generator.many("indicator_value", values)
        self._regional()

    def _regional(self) -> None:
        comparisons, contributions = [], []
        first_id = (self.generator.bf.scalar("SELECT max(id) FROM regional_comparison") or 0) + 1
        for n, year in enumerate(self.years):
            comparisons.append({"id": first_id + n, "board_id": self.board_id, "title": "Marsh unitary authorities",
                                "period": str(year), "this_partnership": self.county, "note": None})
            for strand in STRANDS:
                for partnership in (*PARTNERSHIPS, self.county):
                    for partner in PARTNERS:
                        pounds = self.rng.randrange(5_000, 180_000) if strand == STRANDS[0] \
                            else self.rng.randrange(5_000, 80_000)
                        contributions.append({"comparison_id": first_id + n, "strand": strand,
                                              "partnership": partnership, "partner": partner,
                                              "amount_pence": pounds * 100, "position": len(contributions) + 1})
        self.generator.many("regional_comparison", comparisons)
        self.generator.many("regional_contribution", contributions)

    def _areas(self) -> dict[str, list[int]]:
        """Area ids by kind: own, england, sn_average, region, neighbour."""
        listed = [(self.county, "own", "E10000099"), ("England", "england", "E92000001"),
                  ("Statistical neighbours", "sn_average", None), (REGION, "region", None),
                  *((name, "neighbour", None) for name in NEIGHBOURS)]
        first_id = (self.generator.bf.scalar("SELECT max(id) FROM indicator_area") or 0) + 1
        rows = [{"id": first_id + n, "board_id": self.board_id, "name": name, "kind": kind, "code": code,
                 "aliases": "[]", "position": n + 1} for n, (name, kind, code) in enumerate(listed)]
        self.generator.many("indicator_area", rows)
        found: dict[str, list[int]] = {}
        for row in rows:
            found.setdefault(row["kind"], []).append(row["id"])
        return found

    def _walk(self, unit: str) -> list[Decimal]:
        level, step = _LEVELS[unit]
        value = level * self.rng.uniform(0.6, 1.4)
        places = 0 if unit in ("count", "days") else 1
        walk = []
        for _year in self.years:
            value = max(level * 0.05, value * (1 + self.rng.gauss(0, step)))
            if unit == "percent":
                value = min(value, 99.0)
            walk.append(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
        return walk

    def _figures(self, indicator_id: int, indicator: Indicator, areas: dict[str, list[int]]) -> list[dict]:
        walks = {area_id: self._walk(indicator.unit) for kind in ("own", "england", "region", "neighbour")
                 for area_id in areas[kind]}
        neighbours = [walks[area_id] for area_id in areas["neighbour"]]
        places = 0 if indicator.unit in ("count", "days") else 1
        walks[areas["sn_average"][0]] = [
            (sum((walk[n] for walk in neighbours), Decimal(0)) / len(neighbours)).quantize(
                Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) for n in range(len(self.years))]
        own = areas["own"][0]
        rows = []
        for area_id, walk in walks.items():
            for n, (year, value) in enumerate(zip(self.years, walk)):
                latest = n == len(self.years) - 1
                row = {"indicator_id": indicator_id, "area_id": area_id, "period": str(year),
                       "provisional": int(latest), "rank": None, "rank_of": None, "comment": None,
                       "value_units": None, "value_scale": None, "note": None}
                if area_id != areas["sn_average"][0] and self.rng.random() < 0.02:
                    row["note"], row["provisional"] = self.rng.choice(_MARKS), 0
                else:
                    row["value_units"], row["value_scale"] = to_units(value)
                    if area_id == own:
                        row["rank"], row["rank_of"] = self.rng.randint(1, RANKED_AUTHORITIES), RANKED_AUTHORITIES
                rows.append(row)
        return rows
