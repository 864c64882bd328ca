"""Reading a spreadsheet (CSV or XLSX) into a plain table of cells.

Cells keep what the file gave: text from CSV; text, numbers, dates or None from XLSX.
Row numbers are the ones a user sees in Excel (the header row is usually row 1).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sgdesk.errors import InputError

MAX_CELL_CHARS = 10_000


@dataclass(frozen=True)
class SourceRow:
    number: int
    cells: tuple[Any, ...]

    def is_blank(self) -> bool:
        return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in self.cells)


@dataclass(frozen=True)
class SourceTable:
    name: str                  # file name, as shown in messages
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[SourceRow, ...]


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise InputError(name, "is not a text (CSV) file", "save the spreadsheet as CSV or XLSX and import that")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "is in a text encoding SG Desk cannot read", "save it again as 'CSV UTF-8' from Excel")


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    text = _decode(path.read_bytes(), path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:
        raise InputError(path.name, f"could not be read as CSV ({error})", "save it again as CSV from Excel") from None


def _read_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    import openpyxl  # lazily: a heavy import

    if not zipfile.is_zipfile(path):
        raise InputError(path.name, "is not a real Excel (.xlsx) file", "open it in Excel and save it as .xlsx again")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for broken workbooks
        raise InputError(path.name, f"could not be read as an Excel workbook ({type(error).__name__})",
                         "open it in Excel and save it as .xlsx again") from None
    try:
        sheet = book.worksheets[0]
        return [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def read_table(path: str | Path) -> SourceTable:
    """Read the first sheet of ``path``; the first non-blank row is the header row."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "does not exist", "check the file name and folder")
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt"}:
        raw_rows = _read_csv(path)
    elif suffix in {".xlsx", ".xlsm"}:
        raw_rows = _read_xlsx(path)
    else:
        raise InputError(path.name, f"is a {suffix or 'file with no extension'} file",
                         "import a .csv or .xlsx file (save it from Excel in one of those)")
    rows = [SourceRow(number, tuple(_clean(cell, path.name, number) for cell in cells)) for number, cells in raw_rows]
    rows = [row for row in rows if not row.is_blank()]
    if not rows:
        raise InputError(path.name, "is empty", "put the column headings in row 1 and one record per row below")
    header, *body = rows
    headers = tuple("" if cell is None else str(cell).strip() for cell in header.cells)
    width = len(headers)
    body = [SourceRow(row.number, (row.cells + (None,) * width)[:max(width, len(row.cells))]) for row in body]
    return SourceTable(path.name, headers, header.number, tuple(body))


def _clean(cell: Any, name: str, row: int) -> Any:
    if isinstance(cell, str):
        if len(cell) > MAX_CELL_CHARS:
            raise InputError(f"{name} row {row}", f"has a cell of {len(cell):,} characters",
                             f"no cell may be longer than {MAX_CELL_CHARS:,} characters; shorten it")
        cell = cell.strip()
        return cell or None
    return cell
