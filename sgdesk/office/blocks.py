"""A document as plain blocks (headings, text, tables, page changes, pictures) for Word and Excel.

Report tables and PDF stories both become blocks (:func:`report_table_block`,
:func:`sgdesk.office.story.read_story`), so one Word writer serves both. A table block holds
the cells as a reader sees them; :func:`typed_table` reads its figures back into a typed
:class:`~sgdesk.reporting.ReportTable` for Excel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Union

from sgdesk.money import parse_money
from sgdesk.office.layout import cell_texts, fit_widths, usable_width_pt
from sgdesk.reporting import ColumnKind, Picture, ReportColumn, ReportTable, format_cell

_MONEY = re.compile(r"\(?[-−–]?£?[-−–]?\d{1,3}(,\d{3})*\.\d\d\)?|[-−–]?£\d{1,3}(,\d{3})*(\.\d\d)?")
_PERCENT = re.compile(r"[-−]?\d+(\.\d+)?%")
_WHOLE = re.compile(r"[-−]?([1-9]\d{0,2}(,\d{3})+|[1-9]\d*|0)")  # no leading zero: 01702 is a code, not a count
_DECIMAL = re.compile(r"[-−]?([1-9]\d{0,2}(,\d{3})+|0|[1-9]\d*)(\.\d+)?")
_CHANGE = re.compile(r"[+−-](0|[1-9]\d*)(\.\d+)?|0(\.0+)?")  # a signed difference: +1.0, −0.4, 0.0
_PLAIN_WHOLE = re.compile(r"\d+")
_POUNDS = re.compile(r"(?=.*£)(?:" + _MONEY.pattern + ")")  # an amount with its £ sign
_KINDS: tuple[tuple[ColumnKind, re.Pattern[str]], ...] = (
    ("percent", _PERCENT), ("money", _MONEY), ("int", _WHOLE), ("decimal", _DECIMAL), ("change", _CHANGE))
#: under a header without "£", 0.02 is a rate, not an amount: only a figure with its £ sign is money
_KINDS_WITHOUT_POUNDS = tuple((kind, _POUNDS if kind == "money" else pattern) for kind, pattern in _KINDS)
Kinds = tuple[tuple[ColumnKind, re.Pattern[str]], ...]
_NO_FIGURE = frozenset({"", "n/a", "-", "–", "—"})  # cells that hold no figure in a column of figures
#: cells that stand in a column of figures but keep their text: published marks (x not available, c
#: suppressed, .. not applicable) and figures marked provisional, "15.2 (p)"
_MARKED = re.compile(r"x|c|\.\.|z|low|:|.+ \(p\)", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A cell as a reader sees it; ``fill`` is a colour behind it ("#C6EFCE"), ``picture`` a small figure
    drawn in it (its words in ``picture.alt_text``)."""

    text: str
    bold: bool = False
    fill: str | None = None
    picture: Picture | None = None


@dataclass(frozen=True)
class Span:
    """Body cells merged into one: rows ``row`` to ``last_row``, columns ``column`` to
    ``last_column`` (both included); the first cell holds the content."""

    row: int
    column: int
    last_row: int
    last_column: int


@dataclass(frozen=True)
class Figure:
    """A typed figure in a column of figures of different kinds (a count beside a percentage)."""

    kind: ColumnKind
    value: object

    def __str__(self) -> str:
        """The figure as printed (52%, £5,470.00), so that a column is as wide as its figures."""
        return str(format_cell(self.value, self.kind))


@dataclass
class TableBlock:
    """A table: header, rows of cells, alignment ("L", "R", "C") and relative width per column.

    A header of blank labels is no header row at all. ``header_spans`` are (first, last)
    columns of a header label spanning several columns; ``spans`` merge body cells. A table
    narrower than the page gives its width in ``width_pt`` (None: the width of the page).

    A row in ``section_rows`` is a one-cell heading across the table; rows in ``total_rows``
    are totals under a rule.
    """

    header: list[str]
    rows: list[list[Cell]]
    aligns: list[str]
    weights: list[float]
    section_rows: frozenset[int] = frozenset()
    total_rows: frozenset[int] = frozenset()
    title: str = ""
    notes: list[str] = field(default_factory=list)
    header_spans: tuple[tuple[int, int], ...] = ()
    spans: tuple[Span, ...] = ()
    width_pt: float | None = None


@dataclass(frozen=True)
class HeadingBlock:
    """A heading, at ``level`` 0 (the highest) or a level below it."""

    text: str
    level: int = 0


@dataclass(frozen=True)
class TextBlock:
    """A paragraph: ``kind`` is "body", "note" (small print), "quote" or "bullet" (a list item)."""

    text: str
    kind: str = "body"
    bold: bool = False


@dataclass(frozen=True)
class PageBlock:
    """A new page, in ``orientation`` ("portrait" or "landscape"; None keeps the current one)."""

    orientation: str | None = None


@dataclass(frozen=True)
class ImageBlock:
    """A picture (a logo, a chart); ``alt`` is what it shows, in words (its description in Word)."""

    data: bytes
    width_pt: float
    height_pt: float
    alt: str = ""


Block = Union[HeadingBlock, TextBlock, TableBlock, PageBlock, ImageBlock]


def report_table_block(table: ReportTable, orientation: str) -> TableBlock:
    """``table`` as a block for a page in ``orientation``: cells formatted for people, numbers
    right-aligned, columns as wide as their figures need, totals bold."""
    texts = cell_texts(table)
    return TableBlock(
        header=[column.label for column in table.columns],
        rows=[[Cell(text, index in table.total_rows, fill=table.fills.get((index, column.key)))
               for text, column in zip(row, table.columns)] for index, row in enumerate(texts)],
        aligns=["R" if column.numeric else "L" for column in table.columns],
        weights=fit_widths(table, texts, usable_width_pt(orientation)),
        total_rows=frozenset(table.total_rows),
        title=table.title,
        notes=list(table.notes),
    )


def _kinds(label: str) -> Kinds:
    """The kinds of figure a column headed ``label`` may hold (amounts without £ under "Amount £")."""
    return _KINDS if "£" in label else _KINDS_WITHOUT_POUNDS


def _kind(texts: list[str], kinds: Kinds) -> ColumnKind | None:
    """The one kind every text reads as; None if they read as figures of different kinds, or if
    any is not a figure (then the column is text, see :func:`_column_kind`)."""
    for kind, pattern in kinds:
        if all(pattern.fullmatch(text) for text in texts):
            return kind
    return None


def _cell_kind(text: str, kinds: Kinds) -> ColumnKind | None:
    return next((kind for kind, pattern in kinds if pattern.fullmatch(text)), None)


def _column_kind(texts: list[str], kinds: Kinds) -> ColumnKind | Literal["mixed"]:
    """"text" unless every cell is a figure; "mixed" if they are figures of different kinds (or
    whole numbers beside decimals: 4,700 beside 15.2, each printed as it is)."""
    if not texts:
        return "text"
    kind = _kind(texts, kinds)
    if kind == "decimal" and not all("." in text for text in texts):
        return "mixed"
    if kind is not None:
        return kind
    return "mixed" if all(_cell_kind(text, kinds) for text in texts) else "text"


def _value(text: str, kind: ColumnKind | Literal["mixed"], kinds: Kinds = _KINDS) -> object:
    if kind != "text" and text in _NO_FIGURE:
        return None
    if kind != "text" and _MARKED.fullmatch(text):
        return text
    if kind == "mixed":
        own = _cell_kind(text, kinds) or "text"
        return Figure(own, _value(text, own))
    if kind == "money":
        return parse_money(text)
    if kind == "percent":
        number = Decimal(text.rstrip("%").replace("−", "-"))
        return int(number) if "." not in text else number  # 16.0% keeps its place
    if kind == "int":
        return int(text.replace(",", "").replace("−", "-"))
    if kind in ("decimal", "change"):
        number = Decimal(text.replace(",", "").replace("−", "-").lstrip("+"))
        return int(number) if kind == "change" and "." not in text else number  # +5 is a whole change
    return text


def figure_in_text(text: str) -> Figure | None:
    """A figure written with its marks (16.0%, 39,738, £5.00, +5, 2.6) in a column of text, typed as
    what it reads as; None for other text, and for a plain whole number (a year: 2019), which a
    spreadsheet reads for itself."""
    if _PLAIN_WHOLE.fullmatch(text):
        return None
    kind = _cell_kind(text, _KINDS_WITHOUT_POUNDS)
    return Figure(kind, _value(text, kind)) if kind else None


def _unmerged(block: TableBlock) -> list[list[str]]:
    """The body texts with merged cells taken apart, for a spreadsheet: a cell spanning rows
    (a theme beside its statements) repeats on each, so that rows sort and filter; a cell
    spanning columns moves to the widest of them (a statement into the statement column)."""
    rows = [[cell.text for cell in row] for row in block.rows]
    for span in block.spans:
        text = rows[span.row][span.column]
        columns = range(span.column, span.last_column + 1)
        target = max(columns, key=lambda c: (block.weights[c], -c))
        for r in range(span.row, span.last_row + 1):
            for c in columns:
                rows[r][c] = ""
            rows[r][target] = text
    return rows


def typed_table(block: TableBlock) -> ReportTable:
    """The block's figures as typed values (money in pence, percentages, counts), for Excel.

    A column is typed only if every figure in it reads as a figure; figures of different kinds
    (a count, a percentage, an amount) are each typed as what they are. Section rows keep their
    text in the first column.
    """
    texts = _unmerged(block)
    body = [row for index, row in enumerate(texts) if index not in block.section_rows]
    patterns = [_kinds(label) for label in block.header]
    kinds = [_column_kind([row[c] for row in body
                           if c < len(row) and row[c] not in _NO_FIGURE and not _MARKED.fullmatch(row[c])],
                          patterns[c])
             for c in range(len(block.header))]
    columns = [ReportColumn(f"c{index}", label, "text" if kind == "mixed" else kind)
               for index, (label, kind) in enumerate(zip(block.header, kinds))]
    rows = []
    fills: dict[tuple[int, str], str] = {}
    pictures: dict[tuple[int, str], Picture] = {}
    for index, row in enumerate(texts):
        if index in block.section_rows:
            rows.append({"c0": row[0] if row else ""})
            continue
        rows.append({column.key: _value(text, kind, pattern)
                     for column, kind, pattern, text in zip(columns, kinds, patterns, row)})
        for column, cell in zip(columns, block.rows[index]):
            if cell.fill:
                fills[(index, column.key)] = cell.fill
            if cell.picture:
                pictures[(index, column.key)] = cell.picture
    return ReportTable(block.title or "Table", columns, rows, list(block.notes), fills, pictures,
                       total_rows=block.total_rows, section_rows=block.section_rows)
