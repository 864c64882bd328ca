"""Reading a spreadsheet (CSV or XLSX) into a plain table of cells.

Cells keep what the file gave: text from CSV; text, numbers, dates or None from XLSX.
Row numbers are the ones a user sees in Excel (the header row is usually row 1).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any, Iterable

from sgdesk.errors import InputError, quoted
from sgdesk.importing.xlsx import RefusedXML, UncalculatedFormula, read_sheet

MAX_CELL_CHARS = 10_000
MAX_ROWS = 100_000
MAX_COLUMNS = 2_000
MAX_CSV_BYTES = 64 * 1024 * 1024
#: an .xlsx is a zip of XML: refuse one that would unpack to more than this (a "zip bomb")
MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024
#: ... or whose parts shrink more than this (real workbooks compress 5-50 times)
MAX_XLSX_RATIO = 400
MAX_XLSX_PARTS = 2_000
_RESAVE = "open it in Excel and save it as .xlsx again"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PLACES = re.compile(r"\.([0#?]+)")
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


@dataclass(frozen=True)
class SourceRow:
    """One row of a spreadsheet: its number as Excel shows it, and its cells."""

    number: int
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class SourceTable:
    """A spreadsheet read as a plain table: its headers, the row they are on, and the rows below them."""

    name: str                  # file name, as shown in messages
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[SourceRow, ...]


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "is damaged UTF-16 text", "save it again as 'CSV UTF-8' from Excel") from None
    if b"\x00" in raw[:4096]:
        raise InputError(name, "is not a text (CSV) file", "save the spreadsheet as CSV or XLSX and import that")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "is in a text encoding SG Desk cannot read", "save it again as 'CSV UTF-8' from Excel")


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise InputError(path.name, f"is {size / 1024 ** 2:,.0f} MB, more than SG Desk imports at once "
                         f"({MAX_CSV_BYTES // 1024 ** 2} MB)", "split it into smaller files")
    text = _decode(path.read_bytes(), path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # newline="": line ends inside quotes stay, and old Mac files (CR only) read; strict: an open quote is an error
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        return _bounded(path.name, enumerate(reader, start=1))
    except csv.Error as error:
        raise InputError(path.name, f"could not be read as CSV ({error})", "save it again as CSV from Excel") from None


def _bounded(name: str, rows: Iterable[tuple[int, Iterable[Any]]]) -> list[tuple[int, list[Any]]]:
    """Collect rows, refusing a sheet far bigger than any board keeps."""
    collected = []
    for number, row in rows:
        if number > MAX_ROWS:
            raise InputError(name, f"has more than {MAX_ROWS:,} rows", "split it into smaller files")
        cells = row if isinstance(row, list) else list(row)
        if len(cells) > MAX_COLUMNS:
            raise InputError(f"{name} row {number}", f"has {len(cells):,} columns",
                             f"keep to the columns SG Desk reads (at most {MAX_COLUMNS:,})")
        collected.append((number, cells))
    return collected


def _check_zip(path: Path) -> None:
    """Refuse a workbook that is not a zip, or would unpack to far more than a real one."""
    if not zipfile.is_zipfile(path):
        raise InputError(path.name, "is not a real Excel (.xlsx) file", _RESAVE)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(path.name, "is a damaged Excel file", _RESAVE) from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise InputError(path.name, f"would unpack to {unpacked / 1024 ** 2:,.0f} MB, far more than a "
                         "spreadsheet of board records", "check where it came from; " + _RESAVE)
    for part in parts:
        if part.file_size > 1024 ** 2 and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
            raise InputError(path.name, "is packed in a way real spreadsheets never are (it may be a "
                             "'zip bomb')", "check where it came from; " + _RESAVE)


def _read_xlsx(path: Path, *, shown: bool = False) -> list[tuple[int, list[Any]]]:
    _check_zip(path)
    try:
        if shown:
            rows: Iterable[list[Any]] = ([None if cell is None else shown_text(*cell) for cell in row]
                                         for row in read_sheet(path, formats=True))
        else:
            rows = read_sheet(path)
        return _bounded(path.name, enumerate(rows, start=1))
    except InputError:
        raise
    except UncalculatedFormula as formula:
        raise InputError(f"{path.name} row {formula.row}, column {column_letter(formula.column - 1)}",
                         f"holds a formula Excel has not worked out ({quoted(formula.formula)})",
                         "open the file in Excel, save it, and import it again (or paste the values in)") from None
    except Exception as error:  # zipfile, expat and a damaged file's contents raise many kinds
        raise InputError(path.name, f"could not be read as an Excel workbook ({_xml_trouble(error)})",
                         _RESAVE) from None


def shown_text(value: Any, number_format: str | None) -> Any:
    """A number as Excel shows it under ``number_format``: its decimal places (16.0 stays 16.0), and a
    percentage as percent (0.152 under 0.0% is 15.2%). Other values pass through.

    >>> shown_text(16, "0.0"), shown_text(0.152, "0.0%"), shown_text(2303.4, "#,##0.0"), shown_text(0.1 + 0.2, "General")
    ('16.0', '15.2%', '2303.4', '0.3')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    section = _QUOTED_OR_BRACKETED.sub("", (number_format or "General").split(";")[0])
    places = _PLACES.search(section)
    digits = len(places.group(1)) if places else 0
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if "%" in section:
        return f"{_to_places(number * 100, digits)}%"
    if section.strip().casefold() in ("general", "") or not any(ch in section for ch in "0#?"):
        return f"{value:.15g}" if isinstance(value, float) else str(value)
    return str(_to_places(number, digits))


def _to_places(number: Decimal, digits: int) -> Decimal:
    """``number`` rounded to ``digits`` decimal places, halves up, however many digits it has before the point
    (Decimal's default 28 significant digits would refuse 1E+26 to two places).

    >>> str(_to_places(Decimal("1E+26"), 2))
    '100000000000000000000000000.00'
    """
    with localcontext(prec=max(28, number.adjusted() + digits + 2)):
        return number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _xml_trouble(error: BaseException) -> str:
    """What kind of trouble, in words: entity tricks are refused (expat names an undefined one)."""
    if isinstance(error, RefusedXML) or "entity" in str(error).casefold():
        return "it holds XML entity definitions, which SG Desk refuses for safety"
    return type(error).__name__


def column_letter(index: int) -> str:
    """Excel's name for a column, counted from 0.

    >>> column_letter(0), column_letter(27)
    ('A', 'AB')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cleaned_rows(path: Path, *, shown: bool = False) -> tuple[list[SourceRow], list[int]]:
    """The file's non-blank rows, cleaned (see :func:`_cleaned`), and the positions among them of the
    rows whose text has an "=" somewhere (only they can hold formula text, :func:`_refuse_formula_text`)."""
    if not path.is_file():
        raise InputError(str(path), "does not exist", "check the file name and folder")
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".txt", ".xlsx", ".xlsm"}:
        raise InputError(path.name, f"is a {suffix or 'file with no extension'} file",
                         "import a .csv or .xlsx file (save it from Excel in one of those)")
    try:
        raw_rows = _read_csv(path) if suffix in {".csv", ".txt"} else _read_xlsx(path, shown=shown)
    except OSError as error:
        raise InputError(path.name, f"could not be read ({error.strerror or error})",
                         "check the drive it is on is still connected, then try again") from None
    name = path.name
    rows: list[SourceRow] = []
    equals: list[int] = []
    for number, cells in raw_rows:
        cleaned, has_equals = _cleaned(cells, name, number)
        if cleaned.count(None) != len(cleaned):      # text is stripped, blank text None: a blank row is all None
            if has_equals:
                equals.append(len(rows))
            rows.append(SourceRow(number, cleaned))
    if not rows:
        raise InputError(path.name, "is empty", "put the column headings in row 1 and one record per row below")
    return rows, equals


def read_rows(path: str | Path) -> list[SourceRow]:
    """Every non-blank row of the first sheet, numbers as Excel shows them (see :func:`shown_text`), for
    published tables whose headings are not in the first row (title rows above, footnotes below)."""
    path = Path(path)
    rows, equals = _cleaned_rows(path, shown=True)
    _refuse_formula_text(path.name, (), [rows[n] for n in equals])
    return rows


def read_table(path: str | Path) -> SourceTable:
    """Read the first sheet of ``path``; the first non-blank row is the header row."""
    path = Path(path)
    rows, equals = _cleaned_rows(path)
    header = rows[0]
    headers = tuple("" if cell is None else str(cell).strip() for cell in header.cells)
    _refuse_formula_text(path.name, headers, [rows[n] for n in equals])
    width = len(headers)
    body = tuple(row if len(row.cells) >= width
                 else SourceRow(row.number, row.cells + (None,) * (width - len(row.cells)))
                 for row in itertools.islice(rows, 1, None))
    return SourceTable(path.name, headers, header.number, body)


def _cleaned(cells: list[Any], name: str, row: int) -> tuple[tuple[Any, ...], bool]:
    """A row's cells with text stripped (blank text None), and whether its text has an "=" anywhere: the row's
    text is checked for length and control characters all at once, and only a row found wanting is gone
    through cell by cell, to say which."""
    texts = [cell for cell in cells if isinstance(cell, str)]
    if not texts:
        return tuple(cells), False
    text = "".join(texts)
    if max(map(len, texts)) > MAX_CELL_CHARS or _CONTROL.search(text):
        return tuple(_clean(cell, name, row) for cell in cells), "=" in text
    return tuple((cell.strip() or None) if isinstance(cell, str) else cell for cell in cells), "=" in text


def _clean(cell: Any, name: str, row: int) -> Any:
    if isinstance(cell, str):
        if len(cell) > MAX_CELL_CHARS:
            raise InputError(f"{name} row {row}", f"has a cell of {len(cell):,} characters",
                             f"no cell may be longer than {MAX_CELL_CHARS:,} characters; shorten it")
        if _CONTROL.search(cell):
            raise InputError(f"{name} row {row}", "holds control characters no spreadsheet shows (the file may "
                             "be damaged)", "save it again from Excel, or retype the row")
        cell = cell.strip()
        return cell or None
    return cell


def _refuse_formula_text(name: str, headers: tuple[str, ...], rows: list[SourceRow]) -> None:
    """Text starting with '=' would run as a formula when the data goes back out to Excel."""
    for row in rows:
        for index, cell in enumerate(row.cells):
            if isinstance(cell, str) and cell.startswith("=") and len(cell) > 1:
                column = headers[index] if index < len(headers) and headers[index] else column_letter(index)
                raise InputError(f"{name} row {row.number}, column '{column}'",
                                 f"holds a spreadsheet formula ({quoted(cell)})",
                                 "type the value itself: SG Desk imports values, not formulas")
