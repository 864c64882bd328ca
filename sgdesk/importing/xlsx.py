"""The first worksheet of an .xlsx, cell by cell, as Excel last worked it out.

A small streaming reader for imports: values only (what Excel shows after it calculated), with each
cell's number format for tables whose decimal places matter. It gives what openpyxl's read-only,
``data_only`` mode gives (numbers as int or float, dates and times from date formats in either date
system, shared and inline strings without their phonetic runs, rows as numbered in the file) at a
fraction of the cost, and never loads openpyxl.

The XML is read by expat with document type declarations, entities and external references all
refused: Excel never writes them, and they are how XML files attack the program reading them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pyexpat import XML_PARAM_ENTITY_PARSING_NEVER, ParserCreate
from typing import IO, Any

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT = (_MAIN + tag for tag in ("row", "c", "v", "f", "is", "t"))
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types "
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships "
_RELATIONSHIP_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_WORKBOOK_TYPES = tuple(f"application/vnd.{kind}.main+xml" for kind in (
    "ms-excel.sheet.macroEnabled", "openxmlformats-officedocument.spreadsheetml.sheet",
    "ms-excel.template.macroEnabled", "openxmlformats-officedocument.spreadsheetml.template"))
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STYLES = "xl/styles.xml"
_CHUNK = 1 << 16

#: Excel's built-in number formats, by the id a style names them with
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)", 41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)', 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_LITERAL_OR_LOCALE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION_PART = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.IGNORECASE)
_ISO_MOMENT = re.compile(r"""
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?""", re.VERBOSE)
_ISO_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


class RefusedXML(ValueError):
    """The workbook's XML declares a document type or entities, which SG Desk never reads."""


class UncalculatedFormula(ValueError):
    """A formula cell with no value saved: Excel (or the tool that wrote the file) never worked it out."""

    def __init__(self, row: int, column: int, formula: str) -> None:
        super().__init__(f"row {row}, column {column}: {formula}")
        self.row, self.column, self.formula = row, column, formula


def is_date_format(code: str | None) -> bool:
    """Whether a number format shows a date or time: d, m, y, h or s outside quotes and brackets
    (bracketed hours, minutes and seconds count), in its first section."""
    return code is not None and _DATE_PART.search(_LITERAL_OR_LOCALE.sub("", code.split(";")[0])) is not None


def is_duration_format(code: str | None) -> bool:
    """Whether a number format shows elapsed time ([h]:mm:ss and the like)."""
    return code is not None and _DURATION_PART.search(code.split(";")[0]) is not None


def _parser(start: Callable[..., None] | None = None, end: Callable[[str], None] | None = None,
            text: Callable[[str], None] | None = None) -> Any:
    def refuse(*_: Any) -> None:
        raise RefusedXML("it holds XML entity definitions, which SG Desk refuses for safety")

    parser = ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text
    return parser


def _parse(stream: IO[bytes], parser: Any) -> Iterator[None]:
    """Feed ``stream`` to ``parser`` a chunk at a time, pausing after each chunk."""
    while chunk := stream.read(_CHUNK):
        parser.Parse(chunk, False)
        yield
    parser.Parse(b"", True)
    yield


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


class _Text:
    """The text of a shared or inline string as Excel shows it: its plain text and its runs, without the
    phonetic (furigana) runs. Fed the elements inside one ``<si>`` or ``<is>``, by depth below it."""

    def __init__(self) -> None:
        self.plain: str | None = None
        self.runs: list[str | None] = []
        self._target: str | None = None     # "plain" or "run" while inside the <t> that holds text
        self._parts: list[str] = []
        self._in_run = False

    def enter(self, depth: int, name: str) -> None:
        self._finish()
        local = _local(name)
        if depth == 1:
            self._in_run = local == "r"
            if self._in_run:
                self.runs.append(None)
            elif local == "t":
                self._target, self._parts = "plain", []
        elif depth == 2 and self._in_run and local == "t":
            self._target, self._parts = "run", []

    def text(self, data: str) -> None:
        if self._target:
            self._parts.append(data)

    def end(self) -> None:
        self._finish()

    def _finish(self) -> None:
        """Only the text before a <t>'s first child counts, and a later <t> replaces an earlier one."""
        if self._target == "plain":
            self.plain = "".join(self._parts) or None
        elif self._target == "run":
            self.runs[-1] = "".join(self._parts) or None
        self._target = None

    def content(self) -> str:
        return "".join(part for part in (self.plain, *self.runs) if part is not None)


def _texts(stream: IO[bytes], item: str) -> list[str]:
    """Every ``item`` element's text (``si`` of the shared strings table), in order."""
    strings: list[str] = []
    depth = 0
    current: _Text | None = None

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal depth, current
        if current is not None:
            depth += 1
            current.enter(depth, name)
        elif name == _MAIN + item:
            current, depth = _Text(), 0

    def end(_name: str) -> None:
        nonlocal depth, current
        if current is None:
            return
        if depth == 0:
            strings.append(current.content().replace("x005F_", ""))
            current = None
        else:
            current.end()
            depth -= 1

    def text(data: str) -> None:
        if current is not None:
            current.text(data)

    for _ in _parse(stream, _parser(start, end, text)):
        pass
    return strings


@dataclass(frozen=True)
class _Book:
    """Where a workbook's first worksheet and shared strings are, and its date system (1900 or 1904)."""

    sheet: str                          # the first worksheet's part name
    strings: str | None                 # the shared strings table's part name
    epoch: dt.datetime


def _elements(archive: zipfile.ZipFile, part: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of a small part, as (name, attributes), in document order."""
    found: list[tuple[str, dict[str, str]]] = []
    parser = _parser(lambda name, attrs: found.append((name, attrs)))
    with archive.open(part) as stream:
        for _ in _parse(stream, parser):
            pass
    return found


def _book(archive: zipfile.ZipFile) -> _Book:
    """Find the workbook, its first worksheet, its shared strings and its date system, as openpyxl does."""
    names = set(archive.namelist())
    overrides = {attrs.get("ContentType"): attrs.get("PartName", "")
                 for name, attrs in reversed(_elements(archive, "[Content_Types].xml"))
                 if name == _CONTENT_TYPES + "Override"}
    workbook = next((overrides[kind][1:] for kind in _WORKBOOK_TYPES if kind in overrides), "xl/workbook.xml")
    folder, base = posixpath.split(workbook)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    targets = {}
    if rels_part in names:
        for name, attrs in _elements(archive, rels_part):
            if name == _RELATIONSHIPS + "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                targets[attrs.get("Id")] = (target, attrs.get("Type", ""))
    epoch, sheet = _EPOCH_1900, None
    for name, attrs in _elements(archive, workbook):
        if name == _MAIN + "workbookPr" and attrs.get("date1904", "false") not in ("false", "f", "0", ""):
            epoch = _EPOCH_1904
        elif name == _MAIN + "sheet" and sheet is None:
            target, kind = targets.get(attrs.get(_RELATIONSHIP_ID), ("", ""))
            if target in names and "chartsheet" not in kind:
                sheet = target
    if sheet is None:
        raise ValueError("the workbook has no worksheet")
    strings = overrides.get(_STRINGS_TYPE)
    return _Book(sheet, strings[1:] if strings else None, epoch)


@dataclass(frozen=True)
class _Styles:
    """The number format of each cell style in a workbook, and which styles show dates, times or elapsed time."""

    formats: list[str]                  # each cell style's number format code
    dates: frozenset[int]               # the cell styles that show dates or times
    durations: frozenset[int]           # ... and of those, the ones that show elapsed time


def _styles(archive: zipfile.ZipFile) -> _Styles:
    """Each cell style's number format (``cellXfs`` → ``numFmts`` or a built-in format)."""
    if _STYLES not in archive.namelist():
        return _Styles([], frozenset(), frozenset())
    custom: dict[int, str] = {}
    ids: list[int] = []
    path: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        path.append(_local(name))
        if path[1:] == ["numFmts", "numFmt"]:
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif path[1:] == ["cellXfs", "xf"]:
            ids.append(int(attrs.get("numFmtId", 0)))

    with archive.open(_STYLES) as stream:
        for _ in _parse(stream, _parser(start, lambda _name: path.pop())):
            pass
    codes = [custom[id_] if id_ in custom else BUILTIN_FORMATS.get(id_) for id_ in ids]
    return _Styles([code or "General" for code in codes],
                   frozenset(n for n, code in enumerate(codes) if is_date_format(code)),
                   frozenset(n for n, code in enumerate(codes) if is_duration_format(code)))


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def from_serial(value: float, epoch: dt.datetime, *, duration: bool = False) -> Any:
    """An Excel serial number as a datetime (or a time, for a fraction of a day; or a timedelta),
    to the millisecond, with the 1900 system's phantom 29 February 1900 allowed for."""
    if duration:
        elapsed = dt.timedelta(days=value)
        if elapsed.microseconds:
            elapsed = dt.timedelta(seconds=elapsed.total_seconds() // 1, microseconds=round(elapsed.microseconds, -3))
        return elapsed
    day, fraction = divmod(value, 1)
    part = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and part.days == 0:
        minutes, seconds = divmod(part.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, part.microseconds)
    if 0 < value < 60 and epoch == _EPOCH_1900:
        day += 1
    return epoch + dt.timedelta(days=day) + part


def from_iso(text: str) -> Any:
    """A cell of type "d": an ISO 8601 date, time, date and time, or duration (PT1H30M)."""
    match = _ISO_MOMENT.match(text)
    if match and any(match.groups()):
        parts: dict[str, Any] = match.groupdict(0)
        for key in ("year", "month", "day", "hour", "minute", "second"):
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts["microsecond"]) * 1_000_000)
        if not parts["date"]:
            return dt.time(parts["hour"], parts["minute"], parts["second"], parts["microsecond"])
        if not parts["time"]:
            return dt.date(parts["year"], parts["month"], parts["day"])
        del parts["time"], parts["date"]
        return dt.datetime(**parts)
    match = _ISO_DURATION.match(text)
    if match and any(match.groups()):
        return dt.timedelta(**{key: float(value) for key, value in match.groupdict(0).items() if value})
    raise ValueError(f"{text!r} is not an ISO 8601 date or time")


_COLUMNS: dict[str, int] = {}


def _column(coordinate: str) -> int:
    """The column (from 1) of a reference such as "AB12": one to three capital letters, then digits."""
    letters = coordinate.rstrip("0123456789")
    number = _COLUMNS.get(letters)
    if number is None:
        if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()):
            raise ValueError(f"{coordinate!r} is not a cell reference")
        number = 0
        for letter in letters:
            number = number * 26 + ord(letter) - 64
        _COLUMNS[letters] = number
    if len(letters) == len(coordinate):
        raise ValueError(f"{coordinate!r} is not a cell reference")
    return number


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


class _SheetReader:
    """Expat callbacks that turn ``<row>`` elements into (row number, [(column, value, style)]).

    ``depth`` counts elements open below the current ``<c>`` (0 outside one); a cell's ``<v>`` and
    ``<f>``, and the one ``<t>`` of a plain inline string, are read straight into ``parts``; an inline
    string with runs is handed to a :class:`_Text`."""

    def __init__(self, strings: list[str], styles: _Styles, epoch: dt.datetime) -> None:
        self.strings, self.styles, self.epoch = strings, styles, epoch
        self.rows: list[tuple[int, list[tuple[int, Any, int]]]] = []
        self.row_number = 0
        self.cells: list[tuple[int, Any, int]] | None = None
        self.column = 0
        self.depth = 0
        self.cell: dict[str, str] = {}
        self.value: str | None = None
        self.formula: str | None = None
        self.formula_attrs: dict[str, str] | None = None
        self.shared: dict[str, str] = {}  # a shared formula's text, by its group
        self.inline: str | None = None    # a plain inline string's text
        self.rich: _Text | None = None    # ... or one with runs
        self.in_inline = False
        self.parts: list[str] | None = None
        self.reading = ""                 # the element whose text ``parts`` collects
        self.texts: dict[str, str] = {}   # each inline string read, to give a repeat the same object

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.parts = None
        depth = self.depth
        if depth:
            depth = self.depth = depth + 1
            if depth == 2:
                self.in_inline = False
                if name == _VALUE:
                    if self.value is None:
                        self.parts, self.reading, self.value = [], _VALUE, ""
                elif name == _FORMULA:
                    if self.formula_attrs is None:
                        self.parts, self.reading, self.formula, self.formula_attrs = [], _FORMULA, "", attrs
                elif name == _INLINE and self.inline is None and self.rich is None:
                    self.in_inline, self.inline = True, ""
            elif self.in_inline:
                if depth == 3 and name == _TEXT and self.rich is None:
                    self.parts, self.reading = [], _TEXT
                else:
                    if self.rich is None:
                        self.rich = _Text()
                        self.rich.plain = self.inline or None
                    self.rich.enter(depth - 2, name)
        elif name == _CELL and self.cells is not None:
            self.cell, self.depth = attrs, 1
            self.value = self.formula_attrs = self.inline = self.rich = None
        elif name == _ROW:
            number = attrs.get("r")
            self.row_number = _row_number(number) if number is not None else self.row_number + 1
            self.cells, self.column = [], 0

    def text(self, data: str) -> None:
        if self.parts is not None:
            self.parts.append(data)
        elif self.rich is not None and self.depth > 2:
            self.rich.text(data)

    def end(self, name: str) -> None:
        parts = self.parts
        if parts is not None:
            self.parts = None
            if self.reading is _VALUE:
                self.value = "".join(parts)
            elif self.reading is _FORMULA:
                self.formula = "".join(parts)
            else:
                self.inline = "".join(parts)
        depth = self.depth
        if depth:
            depth = self.depth = depth - 1
            if depth == 0:
                self._cell()
            elif depth > 1 and self.rich is not None:
                self.rich.end()
        elif name == _ROW and self.cells is not None:
            self.rows.append((self.row_number, self.cells))
            self.cells = None

    def _cell(self) -> None:
        attrs = self.cell
        reference = attrs.get("r")
        self.column = _column(reference) if reference else self.column + 1
        kind = attrs.get("t", "n")
        style = attrs.get("s")
        style_id = int(style) if style else 0
        if kind == "inlineStr":     # a sheet of inline strings repeats most (a column of dates, organisations...)
            value: Any = self.rich.content() if self.rich is not None else self.inline
            if value is not None:
                value = self.texts.setdefault(value, value)
        else:
            value = self.value or None
            if value is not None:
                if kind == "n":
                    value = _number(value)
                    if style_id in self.styles.dates:
                        try:
                            value = from_serial(value, self.epoch, duration=style_id in self.styles.durations)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"
                elif kind == "s":
                    value = self.strings[int(value)]
                elif kind == "b":
                    value = bool(int(value))
                elif kind == "d":
                    value = from_iso(value)
        if self.formula_attrs is not None:
            self._check_formula(value)
        self.cells.append((self.column, value, style_id))

    def _check_formula(self, value: Any) -> None:
        attrs = self.formula_attrs or {}
        group = attrs.get("si") if attrs.get("t") == "shared" else None
        text = self.formula or ""
        if group is not None:
            text = self.shared.setdefault(group, text) if text else self.shared.get(group, "")
        if value is None:
            raise UncalculatedFormula(self.row_number, self.column, "=" + text)


def read_sheet(path: Any, *, formats: bool = False) -> Iterator[list[Any]]:
    """The first worksheet's rows from row 1, each a list of cell values (None for an empty cell; a
    missing row is an empty list), or with ``formats`` of (value, number format) pairs.

    Raises :class:`RefusedXML` for entity tricks, :class:`UncalculatedFormula` for a formula with no
    value saved, and ValueError, KeyError, IndexError, zipfile's and expat's errors for a damaged file."""
    with zipfile.ZipFile(path) as archive:
        book = _book(archive)
        strings: list[str] = []
        if book.strings and book.strings in archive.namelist():
            with archive.open(book.strings) as stream:
                strings = _texts(stream, "si")
        styles = _styles(archive)
        reader = _SheetReader(strings, styles, book.epoch)
        parser = _parser(reader.start, reader.end, reader.text)
        expected = 1
        with archive.open(book.sheet) as stream:
            for _ in _parse(stream, parser):
                for number, cells in reader.rows:
                    while expected < number:  # rows the file leaves out are blank rows
                        expected += 1
                        yield []
                    if expected > number:     # a row numbered out of order is left out
                        continue
                    expected += 1
                    yield _cells(cells, styles.formats if formats else None)
                reader.rows.clear()


def _cells(cells: list[tuple[int, Any, int]], formats: list[str] | None) -> list[Any]:
    """One row's cells by column, the columns the file leaves out as None (up to its last cell)."""
    if not cells:
        return []
    width = cells[-1][0]
    row: list[Any] = [None] * width
    for column, value, style in cells:
        if column <= width:
            row[column - 1] = value if formats is None else (
                value, formats[style] if style < len(formats) else BUILTIN_FORMATS[0])
    return row
