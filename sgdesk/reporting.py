"""Reports as data: tables of typed columns, printed as a text table, CSV or JSON.

A feature's report returns one or more :class:`ReportTable`. Values stay typed (money in
integer pence, percentages as int or None, dates as ``date``) until :func:`format_cell`
renders them for a reader or a machine: CSV and JSON carry money as ``1234.56`` and
percentages as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Literal

from sgdesk.fyear import Period
from sgdesk.store import BoardFile

#: "decimal" is a mean or a rate, printed as given (2.8, 3.0); "change" a signed difference (+1.0, −0.4)
ColumnKind = Literal["text", "int", "money", "percent", "decimal", "change", "date"]
FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class ReportColumn:
    """A column of a report table: its key, its heading and the kind of value it holds."""

    key: str
    label: str
    kind: ColumnKind = "text"

    @property
    def numeric(self) -> bool:
        return self.kind != "text" and self.kind != "date"


@dataclass(frozen=True)
class Picture:
    """A small figure drawn in a table cell (a trend line) as PNG, with the words it stands for."""

    png: bytes
    width_pt: float
    height_pt: float
    alt_text: str


@dataclass
class ReportTable:
    """A titled table of typed rows; rows in ``total_rows`` are totals (printed bold, under a
    rule), rows in ``section_rows`` headings within the table (only their first column).
    ``sheet`` names the table's sheet in a workbook when its title would not fit one (31 characters)."""

    title: str
    columns: list[ReportColumn]
    rows: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)
    #: colours behind cells, by (row index, column key), e.g. a RAG rating's "#C6EFCE"; for outputs that
    #: show colour. The cell's text says the same, so nothing is told by colour alone.
    fills: dict[tuple[int, str], str] = field(default_factory=dict)
    #: small figures in cells, by (row index, column key), for outputs that show pictures
    pictures: dict[tuple[int, str], Picture] = field(default_factory=dict)
    total_rows: frozenset[int] = frozenset()
    section_rows: frozenset[int] = frozenset()
    sheet: str = ""


@dataclass(frozen=True)
class Report:
    """A report a feature offers: its name, what it shows, and the function that makes its tables."""

    name: str
    description: str
    run: Callable[[BoardFile, int, Period | None], list[ReportTable]]
    needs_period: bool = True


def format_cell(value: Any, kind: ColumnKind, fmt: str = "table") -> Any:
    """Render one value for ``fmt`` ("table" for people; "csv"/"json" for machines)."""
    from sgdesk.dates import format_date
    from sgdesk.money import format_money, pence_to_decimal

    if value is None:
        return "n/a" if fmt == "table" and kind == "percent" else (None if fmt == "json" else "")
    if kind == "money":
        if fmt == "table":
            return format_money(value)
        return float(pence_to_decimal(value)) if fmt == "json" else str(pence_to_decimal(value))
    if kind == "percent":
        return f"{value}%" if fmt == "table" else value
    if kind in ("decimal", "change"):
        if not isinstance(value, Decimal):
            return value
        if fmt == "json":
            return float(value)
        if fmt != "table":
            return str(value)
        return signed(value) if kind == "change" else f"{value:,}"  # 11,866,960 children; 1,649.7
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value) if fmt == "table" else value.isoformat()
    return value


NOTHING = "There is nothing to show for this period."  # what a document prints for an empty table


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    return f"{text[:1].upper()}{text[1:]}" + ("" if text.endswith((".", "!", "?")) else ".")


def signed(value: Decimal) -> str:
    """A change as the house style prints it: always signed, with a true minus sign.

    >>> signed(Decimal("1.0")), signed(Decimal("-0.4")), signed(Decimal("0.0"))
    ('+1.0', '−0.4', '0.0')
    """
    if value > 0:
        return f"+{value}"
    return f"\u2212{-value}" if value < 0 else str(abs(value))


def render(tables: list[ReportTable], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            {"tables": [
                {"title": t.title,
                 "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in t.columns],
                 "rows": [{c.key: format_cell(row.get(c.key), c.kind, "json") for c in t.columns} for row in t.rows],
                 "notes": t.notes}
                for t in tables]},
            indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for index, table in enumerate(tables):
            if index:
                out.write("\n")
            writer.writerow([c.label for c in table.columns])
            for row in table.rows:
                writer.writerow([neutralise(format_cell(row.get(c.key), c.kind, "csv")) for c in table.columns])
        return out.getvalue()
    return "\n\n".join(_text_table(table) for table in tables) + "\n"


def neutralise(value: Any) -> Any:
    """Make text that a spreadsheet would run as a formula show as text instead.

    >>> neutralise('=HYPERLINK("x")')
    '\\'=HYPERLINK("x")'
    >>> neutralise("-12.50"), neutralise("-£1,234.00")
    ('-12.50', '-£1,234.00')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "").replace("£", "", 1))
    except ValueError:
        return False
    return True


def _text_table(table: ReportTable) -> str:
    header = [c.label for c in table.columns]
    body = [[str(format_cell(row.get(c.key), c.kind)) for c in table.columns] for row in table.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if col.numeric else cell.ljust(w) for cell, w, col in zip(cells, widths, table.columns)
        ).rstrip()

    parts = [table.title, line(header), "  ".join("-" * w for w in widths)]
    parts += [line(r) for r in body] or ["(no rows)"]
    parts += [f"* {note}" for note in table.notes]
    return "\n".join(parts)
