"""The stress board as it is written (its bulk action, its years, what later parts look up) and the
small date and sharing helpers the generator uses."""

from __future__ import annotations

import datetime as dt
import random
from functools import lru_cache
from typing import Any, Sequence

from sgdesk.finance.allocation import allocate
from sgdesk.fyear import FinancialYear
from sgdesk.store import BoardFile
from sgdesk.store.changes import BulkAction
from sgdesk.training.delegates import fold


class StressBoard:
    """What every part of the generator shares: the file, its open bulk action (every row goes in
    through it), the random generator, the years covered, and the organisations written so far."""

    def __init__(self, bf: BoardFile, ed: BulkAction, rng: random.Random, years: int, today: dt.date) -> None:
        self.bf, self.ed, self.rng, self.today = bf, ed, rng, today
        last = FinancialYear.containing(today)
        self.years = [last - (years - 1 - n) for n in range(years)]
        self.first_day = self.years[0].start
        self.boards: list[int] = []
        self.orgs: dict[str, int] = {}
        self.org_types: dict[int, str] = {}

    def many(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts with the same keys) in one go."""
        self.ed.insert_rows(table, rows)

    def year_fraction(self, year: FinancialYear) -> float:
        """How much of ``year`` has happened (1 for past years)."""
        if year.end <= self.today:
            return 1.0
        return max(0.05, (self.today - year.start).days / 365)


def spread(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` whole things shared in proportion to ``weights``, summing exactly."""
    return allocate(total, list(weights), unit=1)


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


@lru_cache(maxsize=None)
def address(name: str) -> str:
    """``siân o'loughlin`` -> ``sian.oloughlin``: the local part of an invented address."""
    return ".".join("".join(c for c in part if c.isalnum()) for part in fold(name).split())
