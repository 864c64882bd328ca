"""Stored values: one figure (or the note saying why there is none) per indicator, area and period,
with its rank among authorities when one was published."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sgdesk.errors import InputError, quoted
from sgdesk.indicators.figures import (
    PROVISIONAL_MARK,
    Figure,
    figure_text,
    from_units,
    mark_for,
    note_mark,
    parse_figure,
    to_units,
)
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

Outcome = Literal["created", "updated", "unchanged"]
MAX_RANK = 1000
_RANK = re.compile(r"=?\s*(?P<rank>\d{1,4})(?:\s*(?:of|/)\s*(?P<of>\d{1,4}))?")


@dataclass(frozen=True)
class StoredValue:
    """One stored figure (or the note why there is none) for an indicator, area and period, with any published rank."""

    id: int
    indicator_id: int
    area_id: int
    period: IndicatorPeriod
    figure: Figure
    rank: int | None = None
    rank_of: int | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.indicator_id, self.area_id, self.period.label)


@lru_cache(maxsize=4096)
def stored_period(label: str) -> IndicatorPeriod:
    """The period a stored label names (a board holds few distinct periods, each read many times)."""
    return IndicatorPeriod.parse(label)


def _from_row(row) -> StoredValue:
    value = None if row["value_units"] is None else from_units(row["value_units"], row["value_scale"])
    figure = Figure(value, row["note"], bool(row["provisional"]), row["comment"])
    return StoredValue(row["id"], row["indicator_id"], row["area_id"], stored_period(row["period"]), figure,
                       row["rank"], row["rank_of"])


def load_values(bf: BoardFile, board_id: int, *, indicator_id: int | None = None,
                area_kinds: Iterable[str] | None = None) -> list[StoredValue]:
    """The board's stored values, of one indicator or all, for areas of ``area_kinds`` or all."""
    sql = ("SELECT v.* FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id "
           "JOIN indicator_area a ON a.id = v.area_id WHERE i.board_id = ?")
    params: list[object] = [board_id]
    if indicator_id is not None:
        sql += " AND v.indicator_id = ?"
        params.append(indicator_id)
    if area_kinds is not None:
        kinds = list(area_kinds)
        sql += f" AND a.kind IN ({', '.join('?' * len(kinds))})"
        params += kinds
    return [_from_row(row) for row in bf.query(sql, tuple(params))]


def _columns(figure: Figure, rank: int | None, rank_of: int | None) -> dict[str, object]:
    units, scale = to_units(figure.value) if figure.value is not None else (None, None)
    return {"value_units": units, "value_scale": scale, "note": figure.note, "provisional": int(figure.provisional),
            "comment": figure.comment, "rank": rank, "rank_of": rank_of}


def check_rank(rank: int | None, rank_of: int | None) -> None:
    if rank is not None and not 1 <= rank <= MAX_RANK:
        raise InputError(quoted(rank), "is not a rank", "write the position among authorities, 1 for the top")
    if rank is not None and rank_of is not None and rank > rank_of:
        raise InputError(quoted(rank), f"is a rank below the last of {rank_of}", "check the rank")


def set_value(ed: Action, indicator_id: int, area_id: int, period: IndicatorPeriod, figure: Figure, *,
              rank: int | None = None, rank_of: int | None = None, existing: StoredValue | None = None) -> Outcome:
    """Store ``figure`` for the indicator, area and period, replacing ``existing`` (the value stored
    there now, if any; the caller looks it up, so an import of thousands of cells asks once)."""
    check_rank(rank, rank_of)
    columns = _columns(figure, rank, rank_of)
    if existing is None:
        ed.insert("indicator_value", {"indicator_id": indicator_id, "area_id": area_id, "period": period.label,
                                      **columns})
        return "created"
    return "updated" if ed.update("indicator_value", existing.id, columns) else "unchanged"


def parse_rank(value: object) -> tuple[int | None, int | None]:
    """A published rank: ``87``, ``=12`` (tied), ``87 of 151``; a mark such as ``-`` is no rank.

    >>> parse_rank("87 of 151"), parse_rank("-"), parse_rank("=12")
    ((87, 151), (None, None), (12, None))
    """
    text = " ".join(str(value).split())
    if not text or mark_for(text):
        return None, None
    match = _RANK.fullmatch(text.casefold())
    if match is None:
        raise InputError(quoted(value), "is not a rank", "write the position among authorities, e.g. 87 or 87 of 151")
    rank, of = int(match["rank"]), int(match["of"]) if match["of"] else None
    check_rank(rank, of)
    return rank, of


def find_value(bf: BoardFile, indicator_id: int, area_id: int, period: IndicatorPeriod) -> StoredValue | None:
    row = bf.query_one("SELECT * FROM indicator_value WHERE indicator_id = ? AND area_id = ? AND period = ?",
                       (indicator_id, area_id, period.label))
    return None if row is None else _from_row(row)


def edit_value(ed: Action, bf: BoardFile, indicator_id: int, area_id: int, period: IndicatorPeriod, text: str,
               unit: str) -> Outcome | Literal["deleted"]:
    """Store what was typed in a cell (a figure, a mark such as c, ``15.2 (p)``); a blank deletes it.

    The rank already stored stays with the new figure.
    """
    existing = find_value(bf, indicator_id, area_id, period)
    figure = parse_figure(text, unit)
    if figure is None:
        if existing is None:
            return "unchanged"
        ed.delete("indicator_value", existing.id)
        return "deleted"
    rank, rank_of = (existing.rank, existing.rank_of) if existing else (None, None)
    return set_value(ed, indicator_id, area_id, period, figure, rank=rank, rank_of=rank_of, existing=existing)


def delete_values(ed: Action, bf: BoardFile, column: Literal["indicator_id", "area_id"], row_id: int) -> int:
    """Delete every value of one indicator or one area; returns how many."""
    ids = [row[0] for row in bf.query(f"SELECT id FROM indicator_value WHERE {column} = ?", (row_id,))]
    for value_id in ids:
        ed.delete("indicator_value", value_id)
    return len(ids)


def cell_text(figure: Figure | None, unit: str, *, with_unit: bool = False) -> str:
    """A figure as a table prints it: ``15.2``, ``15.2 (p)``, or its mark (``c``); blank for none stored.

    >>> cell_text(Figure(None, "suppressed"), "count"), cell_text(parse_figure("15.2p", "percent"), "percent")
    ('c', '15.2 (p)')
    """
    if figure is None:
        return ""
    text = note_mark(figure.note) if figure.value is None else figure_text(figure.value, unit, with_unit=with_unit)
    return f"{text} {PROVISIONAL_MARK}" if figure.provisional else text


def edit_text(figure: Figure | None, unit: str) -> str:
    """What an edit box starts with for a stored figure: its cell text with the figure's own marks."""
    if figure is None:
        return ""
    if figure.value is None:
        return cell_text(figure, unit).replace("–", "-")
    return cell_text(figure, unit)


def edit_rank(ed: Action, bf: BoardFile, indicator_id: int, area_id: int, period: IndicatorPeriod,
              text: str) -> Outcome:
    """Store a rank typed beside a figure (``87``, ``87 of 151``; blank removes it)."""
    existing = find_value(bf, indicator_id, area_id, period)
    rank, rank_of = parse_rank(text)
    if existing is None:
        if rank is None:
            return "unchanged"
        raise InputError(quoted(text), f"is a rank for {period.label}, which has no figure yet",
                         "type the figure first, then its rank")
    return set_value(ed, indicator_id, area_id, period, existing.figure, rank=rank, rank_of=rank_of,
                     existing=existing)
