"""Published tables as DfE and partners lay them out, reshaped from wide to long with pandas.

A statistical release or the LA Interactive Tool publishes a table *wide*: title rows, a row of
periods as column headings (often under a merged heading naming the indicator), then one row per
area or per indicator, and footnotes below. A data matrix stacks several such tables on one sheet.
:func:`read_wide` finds each table's row of periods, fills merged headings across, and melts the
figures into one cell per area or indicator and period, each remembering where it was on the sheet
so that a bad cell is named by its row and column. Every cell is text (numbers as Excel shows
them); the figures are read later, by SG Desk's own exact parser, once the indicator (and so its
unit) is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from sgdesk.importing.sources import SourceRow, column_letter
from sgdesk.indicators.periods import IndicatorPeriod, is_period
from sgdesk.matching import normalise_header

Layout = Literal["areas", "indicators"]

_CODE_HEADINGS = {normalise_header(text) for text in (
    "LA code", "New LA code", "Old LA code", "LA number", "ONS code", "Area code", "Code", "LAD code",
    "Geography code", "LA codes", "Region code")}
_AREA_HEADINGS = {normalise_header(text) for text in (
    "Local authority", "LA", "LA name", "Area", "Area name", "Region", "Region/LA", "Region/local authority",
    "Geography", "Authority", "Local authority name", "Region name", "Region/LA name", "Council")}
_REGION_HEADINGS = {normalise_header(text) for text in ("Region", "Region name", "Region code")}
_UNIT_WORDS = {normalise_header(text) for text in (
    "No", "No.", "Number", "Rate", "Rate per 10,000", "Rate per 100,000", "Rate per 100K", "Rate per 1,000",
    "Rate per 1000", "Percent", "Percentage", "Per cent", "Score", "Days", "Value")} | {""}
_TITLE_PREFIX = re.compile(r"^\s*table\s+[0-9a-z.]+\s*[:.\-–]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    """A place on the sheet: a row as Excel numbers it, and a column as letter and heading."""

    row: int | None
    column: str | None = None


@dataclass(frozen=True)
class WideCell:
    """One figure of a wide table, with what labels it (to be resolved against the board's indicators
    and areas) and where it was."""

    table: int
    layout: Layout
    label: str                      # the row's label: an area (areas layout) or an indicator, unit or area
    label_at: Where
    period: IndicatorPeriod
    text: str | None                # the cell as published (None: blank, but a rank was given)
    at: Where
    heading: str | None = None      # the indicator named above the column (a merged heading), or the title
    heading_at: Where | None = None
    area_code: str | None = None
    rank: str | None = None
    rank_at: Where | None = None
    comparator: str | None = None   # a "Latest England average" column: the area kind it gives


@dataclass
class WideSheet:
    """A sheet read as wide tables: its cells in sheet order, and what was noticed but not read."""

    name: str
    cells: list[WideCell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing_heading: list[Where] = field(default_factory=list)   # tables that name no indicator


@dataclass(frozen=True)
class _Column:
    """A column of a wide table that is read: figures for a period, their ranks, the latest rank, or a
    comparator's latest figure."""

    index: int
    period: IndicatorPeriod | None = None   # a column of figures for this period
    rank_of: int | None = None              # a column of ranks for the figures in column ``rank_of``
    latest_rank: bool = False
    comparator: str | None = None           # "england" or "sn_average": that area's latest figure
    heading: str | None = None              # the merged heading above the column


@dataclass
class _Table:
    """One wide table found on a sheet: where its periods, labels and title are, and which columns are read."""

    number: int
    header_row: int
    header: list[str | None]
    first: int                              # the first column of figures
    columns: list[_Column]
    label_columns: list[int]
    code_column: int | None
    area_columns: list[int]
    title: str | None
    title_at: Where | None
    upper_row: int | None                   # the row of merged headings above the periods, if any

    @property
    def layout(self) -> Layout:
        return "areas" if self.area_columns else "indicators"

    @property
    def label_positions(self) -> list[int]:
        """Where a row's label is: the area columns (LA before region), else the first text columns."""
        return self.area_columns or [i for i in self.label_columns if i != self.code_column]

    def unread(self) -> set[str]:
        read = {column.index for column in self.columns}
        return {text for i, text in enumerate(self.header) if text and i >= self.first and i not in read}


def is_unit_word(label: str) -> bool:
    """Whether a row's label is only a unit (%, No, Rate), as data matrices head an indicator's own row.

    >>> is_unit_word("%"), is_unit_word("Rate per 100K"), is_unit_word("Swindon")
    (True, True, False)
    """
    return normalise_header(label) in _UNIT_WORDS


def frame_of(rows: list[SourceRow]) -> Any:
    """The sheet as a pandas DataFrame of text (None for blank), indexed by Excel's row numbers."""
    import pandas as pd

    width = max((len(row.cells) for row in rows), default=0)
    frame = pd.DataFrame([list(row.cells) + [None] * (width - len(row.cells)) for row in rows],
                         index=[row.number for row in rows], dtype=object)
    return _blank_as_none(frame.map(_text))


def _blank_as_none(frame: Any) -> Any:
    """``frame`` with pandas' NaN for a missing cell turned back into None (which, unlike NaN, is falsy)."""
    return frame.astype(object).where(frame.notna(), None)


def _text(cell: Any) -> str | None:
    if cell is None:
        return None
    if hasattr(cell, "isoformat"):
        return cell.isoformat()[:10]
    text = " ".join(str(cell).split())
    return text or None


def _where(number: int | None, index: int, heading: str | None = None) -> Where:
    return Where(number, f"{column_letter(index)} ({heading})" if heading else column_letter(index))


def _header_rows(frame: Any) -> list[int]:
    """Rows that head a table: two or more periods, or one period after a text heading."""
    found = []
    for number, row in frame.iterrows():
        cells = list(row)
        periods = [i for i, cell in enumerate(cells) if is_period(cell)]
        if len(periods) >= 2 or (len(periods) == 1 and any(cells[:periods[0]])):
            found.append(number)
    return found


def _merged_headings(frame: Any, above: int, first: int) -> dict[int, str]:
    """The row above the periods: headings over them (a merged cell's text carried across its span)
    and over the label columns; empty when nothing stands over the periods."""
    row = frame.loc[above]
    if not row.iloc[first:].notna().any():
        return {}
    spans = row.iloc[first:].ffill()   # a merged heading sits in its first cell
    return {**{i: row.iloc[i] for i in range(first) if row.iloc[i]},
            **{first + offset: text for offset, text in enumerate(spans) if text}}


def _columns(header: list[str | None], first: int, upper: dict[int, str]) -> list[_Column]:
    columns: list[_Column] = []
    last_period: int | None = None
    for index in range(first, len(header)):
        text = header[index] or ""
        key = normalise_header(text) or normalise_header(upper.get(index, ""))
        if is_period(text):
            columns.append(_Column(index, IndicatorPeriod.parse(text), heading=upper.get(index)))
            last_period = index
        elif key.startswith("rank") and last_period == index - 1:
            columns.append(_Column(index, rank_of=last_period))
        elif "rank" in key and "improvement" not in key:
            columns.append(_Column(index, latest_rank=True))
        elif "england" in key:
            columns.append(_Column(index, comparator="england"))
        elif "statisticalneighbour" in key or key.startswith(("snaverage", "statneighbour")):
            columns.append(_Column(index, comparator="sn_average"))
    return columns


def _table(frame: Any, number: int, header_row: int, previous_end: int | None) -> _Table:
    numbers = list(frame.index)
    position = numbers.index(header_row)
    header = list(frame.loc[header_row])
    first = next(i for i, cell in enumerate(header) if is_period(cell))
    above = numbers[position - 1] if position > 0 and numbers[position - 1] == header_row - 1 else None
    if above is not None and previous_end is not None and above <= previous_end:
        above = None
    upper = _merged_headings(frame, above, first) if above is not None else {}
    if not upper:
        above = None
    below = frame.loc[frame.index > header_row]
    label_columns = [i for i in range(first) if header[i] or upper.get(i) or below[i].notna().any()]
    headings = {i: normalise_header(header[i] or upper.get(i, "")) for i in label_columns}
    code_column = next((i for i in label_columns if headings[i] in _CODE_HEADINGS), None)
    area_columns = sorted((i for i in label_columns if headings[i] in _AREA_HEADINGS),
                          key=lambda i: headings[i] in _REGION_HEADINGS)
    title, title_at = _title(frame, numbers, above if above is not None else header_row, previous_end)
    return _Table(number, header_row, header, first, _columns(header, first, upper), label_columns, code_column,
                  area_columns, title, title_at, above)


def _title(frame: Any, numbers: list[int], top: int, previous_end: int | None) -> tuple[str | None, Where | None]:
    """The nearest row above the table holding text and no periods: the table's title."""
    for number in reversed([n for n in numbers if n < top and (previous_end is None or n > previous_end)]):
        texts = [(i, cell) for i, cell in enumerate(frame.loc[number]) if cell]
        if texts and not any(is_period(cell) for _i, cell in texts):
            index, text = texts[0]
            return _TITLE_PREFIX.sub("", text), _where(number, index)
    return None, None


def read_wide(name: str, rows: list[SourceRow]) -> WideSheet:
    """The figures of every wide table on the sheet, in sheet order."""
    frame = frame_of(rows)
    sheet = WideSheet(name)
    headers = _header_rows(frame)
    previous_end: int | None = None
    unread: set[str] = set()
    for number, header_row in enumerate(headers):
        until = headers[number + 1] if number + 1 < len(headers) else None
        table = _table(frame, number, header_row, previous_end)
        data = frame.loc[(frame.index > header_row) & (frame.index < until if until else True)]
        end = _read_table(sheet, table, data)
        previous_end = end if end is not None else header_row
        unread |= table.unread()
    if unread:
        sheet.notes.append("columns not read: " + ", ".join(sorted(unread)))
    return sheet


def _read_table(sheet: WideSheet, table: _Table, data: Any) -> int | None:
    """Melt the table's rows into cells; returns its last row of figures (None when it has none)."""
    by_index = {column.index: column for column in table.columns}
    figures = [column.index for column in table.columns if column.period is not None]
    ranks = {column.rank_of: column.index for column in table.columns if column.rank_of is not None}
    latest_rank = next((column.index for column in table.columns if column.latest_rank), None)
    comparators = [column for column in table.columns if column.comparator]
    read = [column.index for column in table.columns]
    rows = data[data[read].notna().any(axis=1)] if read else data.iloc[0:0]
    if rows.empty or not figures:
        return None
    if table.layout == "areas" and not table.title and not all(by_index[i].heading for i in figures):
        sheet.missing_heading.append(Where(table.header_row))
    long = _blank_as_none(rows.reset_index(names="row").melt(id_vars=["row"], value_vars=figures,
                                                             var_name="column", value_name="text"))
    long["order"] = long["column"].map(figures.index)
    for record in long.sort_values(["row", "order"], kind="stable").to_dict("records"):
        number, index, text = int(record["row"]), int(record["column"]), record["text"]
        row = rows.loc[number]
        rank_index = ranks.get(index)
        if latest_rank is not None and index == _latest_given(row, figures):
            rank_index = latest_rank if rank_index is None or not row[rank_index] else rank_index
        rank = row[rank_index] if rank_index is not None else None
        if text is None and rank is None:
            continue
        column = by_index[index]
        label_index = _label_index(row, table)
        sheet.cells.append(WideCell(
            table.number, table.layout, row[label_index] or "", _where(number, label_index), column.period,
            text, _where(number, index, f"{column.heading}, {column.period}" if column.heading else str(column.period)),
            column.heading or table.title,
            _where(table.upper_row, index) if column.heading else table.title_at,
            row[table.code_column] if table.code_column is not None else None, rank,
            _where(number, rank_index, table.header[rank_index]) if rank is not None else None))
    for column in comparators:
        _comparator_cells(sheet, table, rows, column, by_index[figures[-1]].period)
    return int(rows.index.max())


def _label_index(row: Any, table: _Table) -> int:
    """The column of the row's label; for areas, a blank LA cell falls back to the region's."""
    positions = table.label_positions or [0]
    return next((i for i in positions if row[i]), positions[0])


def _latest_given(row: Any, figures: list[int]) -> int | None:
    given = [index for index in figures if row[index]]
    return given[-1] if given else None


def _comparator_cells(sheet: WideSheet, table: _Table, rows: Any, column: _Column,
                      latest: IndicatorPeriod | None) -> None:
    """A "Latest England average" column: the comparator's figure for the table's latest period."""
    assert latest is not None
    for number, row in rows.iterrows():
        if row[column.index]:
            label_index = _label_index(row, table)
            sheet.cells.append(WideCell(
                table.number, table.layout, row[label_index] or "", _where(int(number), label_index), latest,
                row[column.index], _where(int(number), column.index, table.header[column.index] or "England"),
                table.title, table.title_at, comparator=column.comparator))
