"""Writing the stress board in bulk: executemany inserts, the feature helpers' write path without the
per-row audit, what was written, and the small date and sharing helpers the generator uses."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

from sgdesk.finance.allocation import allocate
from sgdesk.store.changes import Action, _sql_value
from sgdesk.training.delegates import fold


@dataclass
class Counts:
    """What was written, for the audit description and the command's message."""

    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, table: str, n: int) -> None:
        self.rows[table] += n


class UnauditedAction(Action):
    """The feature helpers' write path without the per-row audit: this whole file is one generated
    action, recorded by a single audit row (see :func:`build_large`)."""

    def _log(self, table: str, row_id: int, op: str, before: dict | None, after: dict | None) -> None:
        """Nothing is logged row by row."""


def insert_tuples(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                  counts: Counts) -> None:
    """Insert ``rows`` (values in the order of ``columns``) in one ``executemany``."""
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    cursor = conn.executemany(sql, ([_sql_value(value) for value in row] for row in rows))
    counts.add(table, cursor.rowcount)


def insert_many(conn: sqlite3.Connection, table: str, rows: Sequence[dict[str, Any]], counts: Counts) -> None:
    """Insert ``rows`` (dicts with the same keys) in one ``executemany``."""
    if rows:
        columns = list(rows[0])
        insert_tuples(conn, table, columns, ([row[c] for c in columns] for row in rows), counts)


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
