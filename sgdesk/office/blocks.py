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
from typing import Union

from sgdesk.money import parse_money
from sgdesk.office.layout import cell_texts, fit_widths, usable_width_pt
from sgdesk.reporting import ColumnKind, Picture, ReportColumn, ReportTable

_MONEY = re.compile(r"\(?[-−–]?£?[-−–]?\d{1,3}(,\d{3})*\.\d\d\)?|[-−–]?£\d{1,3}(,\d{3})*(\.\d\d)?")
_PERCENT = re.compile(r"-?\d+(\.\d+)?%")
_WHOLE = re.compile(r"-?\d{1,3}(,\d{3})*|-?\d+")
_DECIMAL = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
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


@dataclass
class TableBlock:
    """A table: header, rows of cells, alignment ("L", "R", "C") and relative width per column.

    A header of blank labels is no header row at all.

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


@dataclass(frozen=True)
class HeadingBlock:
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
    """A picture; ``alt`` is what it shows, in words (its description in Word)."""

    data: bytes
    width_pt: float
    height_pt: float
    alt: str = ""


Block = Union[HeadingBlock, TextBlock, TableBlock, PageBlock, ImageBlock]


def report_table_block(table: ReportTable, orientation: str) -> TableBlock:
    """``table`` as a block for a page in ``orientation``: cells formatted for people, numbers
    right-aligned, columns as wide as their figures need."""
    texts = cell_texts(table)
    return TableBlock(
        header=[column.label for column in table.columns],
        rows=[[Cell(text, fill=table.fills.get((index, column.key))) for text, column in zip(row, table.columns)]
              for index, row in enumerate(texts)],
        aligns=["R" if column.numeric else "L" for column in table.columns],
        weights=fit_widths(table, texts, usable_width_pt(orientation)),
        title=table.title,
        notes=list(table.notes),
    )


def _kind(texts: list[str]) -> ColumnKind:
    """The kind of a column whose non-blank cells read ``texts``."""
    if not texts:
        return "text"
    for kind, pattern in (("percent", _PERCENT), ("money", _MONEY), ("int", _WHOLE), ("decimal", _DECIMAL)):
        if all(pattern.fullmatch(text) for text in texts):
            return kind  # type: ignore[return-value]
    return "text"


def _value(text: str, kind: ColumnKind) -> object:
    if kind != "text" and text in _NO_FIGURE:
        return None
    if kind != "text" and _MARKED.fullmatch(text):
        return text
    if kind == "money":
        return parse_money(text)
    if kind == "percent":
        number = Decimal(text.rstrip("%"))
        return int(number) if number == number.to_integral_value() else number
    if kind == "int":
        return int(text.replace(",", ""))
    if kind == "decimal":
        return Decimal(text.replace(",", ""))
    return text


def typed_table(block: TableBlock) -> ReportTable:
    """The block's figures as typed values (money in pence, percentages, counts), for Excel.

    A column is typed only if every figure in it reads as that type; section rows keep their
    text in the first column.
    """
    body = [row for index, row in enumerate(block.rows) if index not in block.section_rows]
    kinds = [_kind([row[c].text for row in body
                    if c < len(row) and row[c].text not in _NO_FIGURE and not _MARKED.fullmatch(row[c].text)])
             for c in range(len(block.header))]
    columns = [ReportColumn(f"c{index}", label, kind) for index, (label, kind) in enumerate(zip(block.header, kinds))]
    rows = []
    fills: dict[tuple[int, str], str] = {}
    pictures: dict[tuple[int, str], Picture] = {}
    for index, row in enumerate(block.rows):
        if index in block.section_rows:
            rows.append({"c0": row[0].text if row else ""})
            continue
        rows.append({column.key: _value(cell.text, column.kind) for column, cell in zip(columns, row)})
        for column, cell in zip(columns, row):
            if cell.fill:
                fills[(index, column.key)] = cell.fill
            if cell.picture:
                pictures[(index, column.key)] = cell.picture
    return ReportTable(block.title or "Table", columns, rows, list(block.notes), fills, pictures)
