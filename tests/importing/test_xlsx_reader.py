"""The import's own .xlsx reader gives exactly what openpyxl's read-only, data_only mode gave."""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.parsers.expat import ExpatError
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sgdesk import registry
from sgdesk.errors import InputError
from sgdesk.importing import read_table
from sgdesk.importing.sources import read_rows, shown_text
from sgdesk.importing.xlsx import UncalculatedFormula, read_sheet

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent


@functools.cache
def _module(path: Path):
    """A helper module of another test folder (not on the path when this file runs alone)."""
    spec = importlib.util.spec_from_file_location(f"_xlsx_reader_{path.stem}", path)
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


def hostile_inputs():
    return _module(TESTS / "safety" / "test_hostile_inputs.py")


def openpyxl_rows(path: Path, *, shown: bool = False, formulas: bool = False) -> list[list[object]]:
    """What the import read before its own reader: openpyxl, read-only, cached values (or with ``formulas``
    the formulas), size not trusted."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=not formulas)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        if shown:
            return [[shown_text(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def own_rows(path: Path, *, shown: bool = False) -> list[list[object]]:
    if shown:
        return [[None if cell is None else shown_text(*cell) for cell in row]
                for row in read_sheet(path, formats=True)]
    return list(read_sheet(path))


def assert_same(path: Path) -> None:
    try:
        expected = openpyxl_rows(path)
    except Exception:  # noqa: BLE001 -- openpyxl raises many kinds for a damaged file; the reader must refuse it too
        with pytest.raises((ValueError, KeyError, IndexError, zipfile.BadZipFile, ExpatError)):
            own_rows(path)
        return
    try:
        own = own_rows(path)
    except UncalculatedFormula as formula:      # openpyxl read it as a blank; the import refused it
        assert expected[formula.row - 1][formula.column - 1] is None
        assert openpyxl_rows(path, formulas=True)[formula.row - 1][formula.column - 1] == formula.formula
        return
    assert own == expected
    assert own_rows(path, shown=True) == openpyxl_rows(path, shown=True)


def workbooks(folder: Path) -> list[Path]:
    """Every .xlsx the tests commit or build for the importers, and the published tables' fixtures."""
    hostile = hostile_inputs()
    published = _module(TESTS / "indicators" / "published.py")
    found = sorted(path for path in ROOT.glob("**/*.xlsx") if ".venv" not in path.parts and ".git" not in path.parts)
    for kind_name, kind in registry.load().import_kinds.items():
        for case in hostile.CASES:
            if case.name.endswith(".xlsx") and case.name not in ("zip_bomb.xlsx", "ratio_bomb.xlsx"):
                target = folder / kind_name
                target.mkdir(exist_ok=True)
                found.append(case.make(kind, target))
    found.append(published.write_dfe_table(folder / "Table B1.xlsx"))
    found.append(published.write_dfe_table(folder / "numbers.xlsx", as_numbers=True))
    found.append(published.write_data_matrix(folder / "matrix.xlsx"))
    return found


def test_every_workbook_the_tests_use_reads_as_openpyxl_read_it(tmp_path):
    paths = workbooks(tmp_path)
    assert len(paths) > 50
    for path in paths:
        assert_same(path)


# -- workbooks written by openpyxl, then given shared strings (with rich text) and cached formula values --
# a text starting with "=" is a formula to openpyxl, which writes it uncalculated (tested on its own below)
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co")), min_size=1, max_size=12).filter(
    lambda text: not text.startswith("="))
FORMATS = ("General", "0.00", "#,##0.00", '"£"#,##0.00', "0.0%", "dd/mm/yyyy", "d mmm yyyy h:mm", "[h]:mm:ss",
           "hh:mm", '"Day "0', "[Red]0.0", '#,##0 "days"', "yyyy-mm-dd;@", "mm:ss.0", "@")
CELLS = st.one_of(
    st.none(), NAMES, st.booleans(), st.integers(-10 ** 12, 10 ** 12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.decimals(-10 ** 7, 10 ** 7, places=2).map(float),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 12, 31)).map(lambda d: d.replace(microsecond=0)),
    st.times().map(lambda t: t.replace(microsecond=0)),
    st.tuples(st.sampled_from(["n", "str", "b", "e"]), st.integers(0, 99)).map(lambda pair: ("formula", *pair)),
)
CACHED = {"n": lambda k: (None, f"{k}.5"), "str": lambda k: ("str", f"worked out {k}"),
          "b": lambda k: ("b", str(k % 2)), "e": lambda k: ("e", "#DIV/0!")}


def write_book(path: Path, rows: dict[int, dict[int, object]], formats: dict[tuple[int, int], str],
               epoch_1904: bool, shared: bool) -> Path:
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    cached = {}
    for number, cells in rows.items():
        for column, value in cells.items():
            if isinstance(value, tuple):
                cached[f"{value[1]}{value[2]}+{number}*{column}"] = CACHED[value[1]](value[2])
                value = f"={value[1]}{value[2]}+{number}*{column}"
            cell = sheet.cell(number, column, value)
            if (number, column) in formats and not isinstance(value, (str, dt.date, dt.time)) and value is not None:
                cell.number_format = formats[number, column]
    book.save(path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()

    def worked_out(match: re.Match) -> str:
        kind, value = cached[match.group(2)]
        return f'{match.group(1)}{f" t={chr(34)}{kind}{chr(34)}" if kind else ""}><f>{match.group(2)}</f><v>{value}</v>'

    sheet_xml = re.sub(r"(<c r=\"\w+\"(?: s=\"\d+\")?)><f>([^<]*)</f><v\s*/?>(?:</v>)?", worked_out, sheet_xml)
    if shared:
        strings: list[str] = []

        def to_shared(match: re.Match) -> str:
            strings.append(html.unescape(match.group(2)))
            return f'{match.group(1)} t="s"><v>{len(strings) - 1}</v></c>'

        sheet_xml = re.sub(r'(<c r="\w+"(?: s="\d+")?) t="inlineStr"><is><t(?: [^>]*)?>([^<]*)</t></is></c>',
                           to_shared, sheet_xml)
        items = []
        for n, text in enumerate(strings):     # every other string in two runs, with a phonetic guide
            if n % 2 and len(text) > 1:
                items.append(f'<si><r><t xml:space="preserve">{escape(text[:1])}</t></r><r><rPr><b/></rPr>'
                             f'<t xml:space="preserve">{escape(text[1:])}</t></r><rPh sb="0" eb="1"><t>ふりがな</t>'
                             '</rPh><phoneticPr fontId="1"/></si>')
            else:
                items.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
        ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(items)}">'
                                         + "".join(items) + "</sst>").encode()
        hostile_inputs().wire_shared_strings(parts)
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(rows=st.dictionaries(st.integers(1, 40), st.dictionaries(st.integers(1, 12), CELLS, max_size=6),
                            min_size=1, max_size=8),
       formats=st.dictionaries(st.tuples(st.integers(1, 40), st.integers(1, 12)), st.sampled_from(FORMATS),
                               max_size=20),
       epoch_1904=st.booleans(), shared=st.booleans())
@example(rows={31: {5: 1e26}}, formats={(31, 5): "0.00"}, epoch_1904=False, shared=False)   # past 28 digits
def test_random_workbooks_read_as_openpyxl_reads_them(tmp_path_factory, rows, formats, epoch_1904, shared):
    path = write_book(tmp_path_factory.mktemp("random") / "book.xlsx", rows, formats, epoch_1904, shared)
    assert_same(path)
    read = own_rows(path)
    for number, cells in rows.items():         # row numbers and columns as in the file: no cell moves
        for column, value in cells.items():
            if isinstance(value, str) and value and number <= len(read):
                assert read[number - 1][column - 1] == value


def test_a_number_of_more_than_28_digits_shows_to_its_places_as_excel_shows_it():
    assert shown_text(1e26, "0.00") == "100000000000000000000000000.00"
    assert shown_text(1e26, "0%") == "10000000000000000000000000000%"


def test_rich_text_reads_as_excel_shows_it_and_gaps_keep_rows_and_columns_in_place(tmp_path):
    rows = {1: {1: "Delegate", 3: "Organisation"}, 4: {1: "Siân Ó Lúing", 3: "Kent & Medway NHS"}}
    path = write_book(tmp_path / "gaps.xlsx", rows, {}, False, True)
    assert own_rows(path) == [["Delegate", None, "Organisation"], [], [], ["Siân Ó Lúing", None, "Kent & Medway NHS"]]
    table = read_table(path)
    assert [row.number for row in table.rows] == [4]
    assert table.rows[0].cells == ("Siân Ó Lúing", None, "Kent & Medway NHS")


def test_cached_formula_values_are_read_and_an_uncalculated_one_is_named(tmp_path):
    path = write_book(tmp_path / "worked.xlsx", {1: {1: "Amount"}, 2: {1: ("formula", "n", 41)}}, {}, False, False)
    assert own_rows(path) == [["Amount"], [41.5]]
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Amount", "Total"])
    book.active.append([5, "=A2*2"])
    book.save(tmp_path / "unworked.xlsx")
    with pytest.raises(InputError, match=r"unworked\.xlsx row 2, column B holds a formula Excel has not worked "
                                         r"out \('=A2\*2'\)"):
        read_table(tmp_path / "unworked.xlsx")


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>',
    b'<!DOCTYPE worksheet SYSTEM "http://example.org/x.dtd">',
])
def test_a_sheet_declaring_a_document_type_is_refused(tmp_path, declaration):
    path = write_book(tmp_path / "book.xlsx", {1: {1: "Organisation"}}, {}, False, False)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<worksheet", declaration + b"<worksheet", 1)
    with zipfile.ZipFile(path, "w") as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    with pytest.raises(InputError, match=r"^book\.xlsx could not be read as an Excel workbook \(it holds XML "
                                         r"entity definitions, which SG Desk refuses for safety\)"):
        read_rows(path)


def test_a_bookings_import_never_loads_openpyxl(demo_path, tmp_path):
    import openpyxl

    kind = registry.load().import_kinds["bookings"]
    book = openpyxl.Workbook()
    book.active.append(kind.template_headers())
    book.active.append([column.example for column in kind.columns])
    book.save(tmp_path / "bookings.xlsx")
    script = (
        "import sys\n"
        "from sgdesk import registry\nfrom sgdesk.importing import run_import\nfrom sgdesk.store import open_board_file\n"
        f"bf = open_board_file({str(demo_path)!r})\n"
        f"result = run_import(bf, registry.load().import_kinds['bookings'], {str(tmp_path / 'bookings.xlsx')!r}, 1)\n"
        "print(result.lines()[0])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('openpyxl', 'defusedxml')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["Imported bookings.xlsx as bookings", "[]"]
