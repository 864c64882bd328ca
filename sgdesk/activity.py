"""Which financial years a board has records for, so outputs can offer the right year first.

Each feature registers a function giving the financial years its records fall in (meetings
held, ledger years, training sessions, self-assessment periods); the functions here take the
registered ones (``registry.load().years``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Callable, Iterable

from sgdesk.fyear import FinancialYear
from sgdesk.store import BoardFile

YearsProvider = Callable[[BoardFile, int], Iterable[FinancialYear]]


def years_from_dates(bf: BoardFile, sql: str, board_id: int) -> set[FinancialYear]:
    """The financial years of the ISO dates that ``sql`` (one ``?`` for the board) selects."""
    return {FinancialYear.containing(dt.date.fromisoformat(row[0][:10]))
            for row in bf.query(sql, (board_id,)) if row[0]}


def years_with_records(bf: BoardFile, board_id: int, providers: Iterable[YearsProvider]) -> Counter[FinancialYear]:
    """Each financial year with records, counted by how many of ``providers`` (the features'
    ``registry.load().years``) have records in it."""
    counts: Counter[FinancialYear] = Counter()
    for provider in providers:
        counts.update(set(provider(bf, board_id)))
    return counts


def main_year(bf: BoardFile, board_id: int, providers: Iterable[YearsProvider], *,
              today: dt.date | None = None) -> FinancialYear | None:
    """The year most features have records for (the latest such), up to the current year.

    That is the year a business manager most likely reports on: for the demo board, 2018/19.
    """
    current = FinancialYear.containing(today or dt.date.today())
    counts = {year: n for year, n in years_with_records(bf, board_id, providers).items() if year <= current}
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))
