"""Hostile and broken input: every importer, every bad file; a clear message, nothing written, no crash.

The corpus is ``tests/bad_inputs/`` (small readable files) plus cases built here at test time
(binary garbage, zip bombs, XML entity expansion, text encodings, huge cells and files,
formulas, duplicate headings), tried against every import kind in the registry, so importers
added later are covered too. Property-based tests (hypothesis) add random files and cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sgdesk import cli, registry
from sgdesk.checks import row_counts
from sgdesk.errors import InputError, SGDeskError
from sgdesk.importing import ImportKind, ImportProblems, read_table, run_import
from sgdesk.importing.sources import MAX_COLUMNS, MAX_CSV_BYTES, MAX_ROWS
from sgdesk.store import open_board_file

KINDS = registry.load().import_kinds
CORPUS = Path(__file__).parents[1] / "bad_inputs"
#: a file that is not a table of the kind's columns at all: its first line is read as headings
NOT_HEADINGS = "is not a column SG Desk reads|is missing from the header row"
#: the demo's example rows name its published self-assessment round, which takes no more answers
PUBLISHED = "is published; reopen the round"
IMPORTS = None   # the file must import (it is undone straight after)

# what each committed file must be told (the same whichever kind it is imported as)
COMMITTED_EXPECTED = {
    "empty.csv": "is empty",
    "blank_lines.csv": "is empty",
    "only_delimiters.csv": NOT_HEADINGS,
    "unterminated_quote.csv": "could not be read as CSV",
    "formula_injection.csv": "holds a spreadsheet formula",
    "dde_injection.csv": "holds a spreadsheet formula",
    "control_characters.csv": "control characters",
    "board_minutes.docx": r"import a \.csv or \.xlsx file",
    "text_named.xlsx": r"is not a real Excel \(\.xlsx\) file",
    "html_page_saved_as.csv": NOT_HEADINGS,
    "json_saved_as.csv": NOT_HEADINGS,
    "minutes_not_a_table.txt": NOT_HEADINGS,
}


# -- building files ------------------------------------------------------------------------------------
def example_row(kind: ImportKind) -> list[str]:
    return [column.example for column in kind.columns]


def csv_text(rows: list[list[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_xlsx(path: Path, rows: list[list[object]], *, text_cells: bool = False) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if text_cells:  # keep '=...' as typed text, not a formula
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)
    return path


def wire_shared_strings(contents: dict[str, bytes]) -> None:
    """Name a shared strings part (xl/sharedStrings.xml) in a workbook's relationships and content types."""
    contents["xl/_rels/workbook.xml.rels"] = contents["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    contents["[Content_Types].xml"] = contents["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')


def patch_xlsx(path: Path, rows: list[list[object]], parts: dict[str, bytes]) -> Path:
    """A real workbook with some of its XML parts replaced (a shared strings part is wired in)."""
    write_xlsx(path, rows)
    with zipfile.ZipFile(path) as original:
        contents = {name: original.read(name) for name in original.namelist()}
    if "xl/sharedStrings.xml" in parts:
        wire_shared_strings(contents)
    contents.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name, data in contents.items():
            rebuilt.writestr(name, data)
    return path


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode()
                     for n in range(1, 10)) + b"]>")
SHEET_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ENTITY_SHEET = LAUGHS + (b"<worksheet " + SHEET_NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                         b"&lol9;</t></is></c></row></sheetData></worksheet>")
ENTITY_STRINGS = LAUGHS + b"<sst " + SHEET_NS + b' count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
SHARED_STRING_SHEET = (b"<worksheet " + SHEET_NS + b'><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                       b"</sheetData></worksheet>")
ENTITY_WORKBOOK = LAUGHS + (b"<workbook " + SHEET_NS + b'><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1" '
                            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                            b"</sheets></workbook>")
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/passwd">]><worksheet '
                   + SHEET_NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c>'
                   b"</row></sheetData></worksheet>")
DIMENSION_BOMB = (b"<worksheet " + SHEET_NS + b'><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" '
                  b't="inlineStr"><is><t>Organisation</t></is></c></row><row r="1048576"><c r="A1048576" '
                  b't="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>')


def random_bytes(seed: int, size: int, *, alphabet: bytes | None = None) -> bytes:
    chooser = random.Random(seed)
    if alphabet is None:
        return bytes(chooser.getrandbits(8) for _ in range(size))
    return bytes(chooser.choice(alphabet) for _ in range(size))


@dataclass(frozen=True)
class Case:
    """A bad file built for a kind; ``refused`` is what the refusal must say, for every kind or per kind
    (``"*"`` for the rest), or :data:`IMPORTS` where the file must import."""

    name: str
    make: Callable[[ImportKind, Path], Path]
    refused: str | dict[str, str | None] | None

    def expected(self, kind_name: str) -> str | None:
        if isinstance(self.refused, dict):
            return self.refused.get(kind_name, self.refused.get("*"))
        return self.refused

    @property
    def always_refused(self) -> bool:
        return isinstance(self.refused, str)


def _text(name: str, build: Callable[[ImportKind], str], encoding: str = "utf-8") -> Callable:
    def make(kind: ImportKind, folder: Path) -> Path:
        path = folder / name
        path.write_bytes(build(kind).encode(encoding))
        return path
    return make


def _bytes(name: str, data: Callable[[ImportKind], bytes]) -> Callable:
    def make(kind: ImportKind, folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data(kind))
        return path
    return make


def _xlsx(name: str, rows: Callable[[ImportKind], list[list[object]]], parts: dict[str, bytes] | None = None,
          text_cells: bool = False) -> Callable:
    def make(kind: ImportKind, folder: Path) -> Path:
        if parts:
            return patch_xlsx(folder / name, rows(kind), parts)
        return write_xlsx(folder / name, rows(kind), text_cells=text_cells)
    return make


def _truncated_xlsx(kind: ImportKind, folder: Path) -> Path:
    whole = write_xlsx(folder / "whole.xlsx", [kind.template_headers(), example_row(kind)]).read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _zip_of_text(kind: ImportKind, folder: Path) -> Path:
    path = folder / "zip_of_text.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "Board papers for 21 September 2017")
    return path


def _shared(name: str) -> Callable:
    """A case too big to build per kind: made once (see the ``big_files`` fixture)."""
    def make(kind: ImportKind, folder: Path) -> Path:
        return BIG_FILES[name]
    return make


def _headers(kind: ImportKind) -> list[str]:
    return kind.template_headers()


def _with_first(kind: ImportKind, value: object) -> list[list[object]]:
    row = example_row(kind)
    return [_headers(kind), [value, *row[1:]]]


CASES = [
    Case("headings_only.csv", _text("headings_only.csv", lambda k: csv_text([_headers(k)])),
         "has headings but no rows"),
    Case("duplicate_headings.csv",
         _text("duplicate_headings.csv", lambda k: csv_text([_headers(k) + _headers(k)[:1],
                                                              example_row(k) + example_row(k)[:1]])),
         "appears twice in the header row|already there"),
    Case("unknown_headings.csv", _text("unknown_headings.csv", lambda k: csv_text([["Colour", "Shoe size"],
                                                                                    ["blue", "9"]])),
         "is missing from the header row|is not a column"),
    Case("cell_100000_chars.csv", _text("cell_100000_chars.csv", lambda k: csv_text(_with_first(k, "x" * 100_000))),
         "has a cell of 100,000 characters"),
    Case("cell_200000_chars.csv", _text("cell_200000_chars.csv", lambda k: csv_text(_with_first(k, "y" * 200_000))),
         "could not be read as CSV|has a cell of"),
    Case("formula.csv", _text("formula.csv", lambda k: csv_text(_with_first(k, "=SUM(A1:A9)"))),
         "holds a spreadsheet formula"),
    Case("undecodable.csv", _bytes("undecodable.csv", lambda k: csv_text([_headers(k)]).encode() + b"\x81\x8d\x9d\r\n"),
         "in a text encoding SG Desk cannot read"),
    Case("garbage_with_nul.csv", _bytes("garbage_with_nul.csv", lambda k: random_bytes(1, 20_000)),
         r"is not a text \(CSV\) file"),
    Case("garbage_text.csv", _bytes("garbage_text.csv", lambda k: random_bytes(
        2, 20_000, alphabet=bytes(range(32, 127)) + b"\n\r\t")), "could not be read as CSV"),
    Case("png_named.csv", _bytes("png_named.csv", lambda k: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
                                 + random_bytes(3, 2000)), r"is not a text \(CSV\) file"),
    Case("garbage.xlsx", _bytes("garbage.xlsx", lambda k: random_bytes(4, 20_000)), "is not a real Excel"),
    Case("zip_of_text.xlsx", _zip_of_text, "could not be read as an Excel workbook"),
    Case("truncated.xlsx", _truncated_xlsx, "is not a real Excel|damaged|could not be read"),
    Case("entities_in_sheet.xlsx", _xlsx("entities_in_sheet.xlsx", lambda k: [_headers(k)],
                                         {"xl/worksheets/sheet1.xml": ENTITY_SHEET}), "XML entity definitions"),
    Case("entities_in_strings.xlsx", _xlsx("entities_in_strings.xlsx", lambda k: [_headers(k)],
                                           {"xl/sharedStrings.xml": ENTITY_STRINGS,
                                            "xl/worksheets/sheet1.xml": SHARED_STRING_SHEET}),
         "XML entity definitions"),
    Case("entities_in_workbook.xlsx", _xlsx("entities_in_workbook.xlsx", lambda k: [_headers(k)],
                                            {"xl/workbook.xml": ENTITY_WORKBOOK}), "XML entity definitions"),
    Case("external_entity.xlsx", _xlsx("external_entity.xlsx", lambda k: [_headers(k)],
                                       {"xl/worksheets/sheet1.xml": EXTERNAL_ENTITY}), "XML entity definitions"),
    Case("dimension_bomb.xlsx", _xlsx("dimension_bomb.xlsx", lambda k: [_headers(k)],
                                      {"xl/worksheets/sheet1.xml": DIMENSION_BOMB}), f"more than {MAX_ROWS:,} rows"),
    Case("uncalculated_formula.xlsx", _xlsx("uncalculated_formula.xlsx", lambda k: _with_first(k, "=1+1")),
         "holds a formula Excel has not worked out"),
    Case("formula_as_text.xlsx", _xlsx("formula_as_text.xlsx", lambda k: _with_first(k, "=cmd|' /C calc'!A0"),
                                       text_cells=True), "holds a spreadsheet formula"),
    Case("zip_bomb.xlsx", _shared("zip_bomb.xlsx"), "would unpack to"),
    Case("ratio_bomb.xlsx", _shared("ratio_bomb.xlsx"), "zip bomb"),
    Case("too_many_rows.csv", _shared("too_many_rows.csv"), f"more than {MAX_ROWS:,} rows"),
    Case("too_many_columns.csv", _shared("too_many_columns.csv"), f"{MAX_COLUMNS + 1:,} columns"),
    Case("oversized.csv", _shared("oversized.csv"), "more than SG Desk imports at once"),
    Case("types_mixed_up.xlsx", _xlsx("types_mixed_up.xlsx", lambda k: [
        _headers(k), *[[[1, 2.5, True, dt.datetime(2019, 3, 31), dt.time(9, 30), -7, 10 ** 30, "#DIV/0!"][
            (i + j) % 8] for j in range(len(_headers(k)))] for i in range(8)]]),
         r"nothing was imported from types_mixed_up\.xlsx: types_mixed_up\.xlsx row 2, column '[^']+': '[^']*' is "
         r"not "),
    # files that import for most kinds: each kind's outcome is pinned
    Case("duplicate_rows.csv", _text("duplicate_rows.csv", lambda k: csv_text([_headers(k), example_row(k),
                                                                               example_row(k)])),
         {"assessment": PUBLISHED, "assessment-form": PUBLISHED, "attendance": "is the same seat as row 2",
          "bookings": r"is booked twice on this session \(also row 2\)", "sessions": "repeats the session of row 2",
          "ledger": IMPORTS, "*": r"is listed twice .*\(also row 2\)|is listed twice for this seat \(also row 2\)"}),
    Case("semicolons.csv", _text("semicolons.csv", lambda k: csv_text([_headers(k), example_row(k)], ";")),
         {"assessment": PUBLISHED, "assessment-form": PUBLISHED,
          "attendance": "'Organisation': is missing from the header row",   # its example row has no marks
          "*": IMPORTS}),
    Case("example.xlsx", _xlsx("example.xlsx", lambda k: [_headers(k), example_row(k)]),
         {"assessment": PUBLISHED, "assessment-form": PUBLISHED, "*": IMPORTS}),
]
BIG_FILES: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def big_files(tmp_path_factory) -> None:
    """The large cases, built once: a zip bomb (300 MB unpacked), a packed-too-tight sheet, huge files."""
    folder = tmp_path_factory.mktemp("big")
    headers = [["Organisation"]]
    bomb_sheet = b"<worksheet " + SHEET_NS + b"><sheetData>" + b" " * 300_000_000 + b"</sheetData></worksheet>"
    BIG_FILES["zip_bomb.xlsx"] = patch_xlsx(folder / "zip_bomb.xlsx", headers,
                                            {"xl/worksheets/sheet1.xml": bomb_sheet})
    del bomb_sheet
    tight_sheet = b"<worksheet " + SHEET_NS + b"><sheetData>" + b" " * 20_000_000 + b"</sheetData></worksheet>"
    BIG_FILES["ratio_bomb.xlsx"] = patch_xlsx(folder / "ratio_bomb.xlsx", headers,
                                              {"xl/worksheets/sheet1.xml": tight_sheet})
    rows = folder / "too_many_rows.csv"
    rows.write_text("Organisation\n" + "Agency\n" * (MAX_ROWS + 1), encoding="utf-8")
    BIG_FILES["too_many_rows.csv"] = rows
    columns = folder / "too_many_columns.csv"
    columns.write_text(",".join(f"Column {n}" for n in range(MAX_COLUMNS + 1)) + "\n", encoding="utf-8")
    BIG_FILES["too_many_columns.csv"] = columns
    oversized = folder / "oversized.csv"
    with oversized.open("wb") as handle:       # sparse: no 70 MB written to disk
        handle.write(b"Organisation\n")
        handle.truncate(MAX_CSV_BYTES + 6 * 1024 * 1024)
    BIG_FILES["oversized.csv"] = oversized


# -- the board the imports run against -------------------------------------------------------------------
@pytest.fixture(scope="module")
def board(tmp_path_factory):
    """The demo board, opened once: no bad file may change it (a good one is undone straight after)."""
    from sgdesk.demo import build_demo

    path = tmp_path_factory.mktemp("hostile") / "demo.sgdesk"
    build_demo(path).close()
    bf = open_board_file(path)
    yield bf
    bf.close()


def written(bf) -> tuple[int, int]:
    """What this connection has written: rows changed by any statement, and the last audited action."""
    return bf.conn.total_changes, bf.scalar("SELECT max(id) FROM audit_action")


def assert_refused_cleanly(bf, kind: ImportKind, path: Path, expected: str) -> str:
    """Import ``path``: it must be refused with ``expected`` in a message naming the file, writing nothing."""
    before = written(bf)
    with pytest.raises(SGDeskError) as refused:
        run_import(bf, kind, path, 1)
    message = str(refused.value)
    assert re.search(expected, message), message[:300]
    assert path.name in message, f"the message does not name the file: {message[:200]}"
    if isinstance(refused.value, ImportProblems):
        for problem in refused.value.problems:
            assert problem.fix, f"{kind.name}: '{problem}' does not say how to fix it"
    else:
        assert isinstance(refused.value, InputError) and refused.value.fix, message
    assert written(bf) == before, "a refused import wrote something"
    return message


def import_or_refuse(bf, kind: ImportKind, path: Path) -> bool:
    """Either a clean refusal or a whole import (then undone); True if it imported."""
    counts = row_counts(bf)
    before = written(bf)
    try:
        run_import(bf, kind, path, 1)
    except SGDeskError as error:
        assert path.name in str(error)
        assert written(bf) == before, "a refused import wrote something"
        return False
    bf.editor.undo()
    after = row_counts(bf)
    assert {t: n for t, n in after.items() if not t.startswith("audit_")} == \
        {t: n for t, n in counts.items() if not t.startswith("audit_")}, "undo did not take the import back out"
    return True


# -- the corpus against every importer ---------------------------------------------------------------------
@pytest.mark.parametrize("kind_name", sorted(KINDS))
@pytest.mark.parametrize("name", sorted(COMMITTED_EXPECTED))
def test_every_committed_bad_file_is_refused_by_every_importer(board, kind_name, name):
    assert_refused_cleanly(board, KINDS[kind_name], CORPUS / name, COMMITTED_EXPECTED[name])


def test_the_committed_corpus_is_all_covered():
    assert {p.name for p in CORPUS.iterdir() if p.name != "README.md"} == set(COMMITTED_EXPECTED)


@pytest.mark.parametrize("kind_name", sorted(KINDS))
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_built_bad_file_is_handled_by_every_importer(board, tmp_path, kind_name, case):
    kind = KINDS[kind_name]
    path = case.make(kind, tmp_path)
    expected = case.expected(kind_name)
    if expected is IMPORTS:
        assert import_or_refuse(board, kind, path), f"{case.name} did not import as {kind_name}"
    else:
        assert_refused_cleanly(board, kind, path, expected)


@pytest.mark.parametrize("kind_name", sorted(KINDS))
@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_excel_text_encodings_read_exactly_as_utf8(board, tmp_path, kind_name, encoding):
    """A file saved as 'CSV UTF-8', 'CSV (Windows)' or 'Unicode Text' imports as the plain UTF-8 file does."""
    kind = KINDS[kind_name]
    rows = [_headers(kind), example_row(kind)]
    text = csv_text(rows, "\t" if encoding == "utf-16" else ",")
    try:
        encoded = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"the {kind_name} example holds characters Windows-1252 cannot hold")
    plain, variant = tmp_path / "plain.csv", tmp_path / "variant.csv"
    plain.write_text(text, encoding="utf-8")
    variant.write_bytes(encoded)
    assert read_table(variant).headers == read_table(plain).headers
    assert read_table(variant).rows == read_table(plain).rows


def test_windows_text_is_read_with_its_pound_signs_and_curly_quotes(board, tmp_path):
    path = tmp_path / "agencies.csv"
    path.write_bytes("Organisation,Short name\r\nChildren’s Services – Southend £,CS\r\n".encode("cp1252"))
    run_import(board, KINDS["organisations"], path, 1)
    assert board.scalar("SELECT count(*) FROM organisation WHERE name = 'Children’s Services – Southend £'") == 1
    board.editor.undo()


@pytest.mark.parametrize("name", sorted(COMMITTED_EXPECTED) + [c.name for c in CASES if c.always_refused])
def test_the_command_line_refuses_each_bad_file_in_one_line_without_a_traceback(board, tmp_path, capsys, name):
    kind = KINDS["organisations"]
    source = CORPUS / name if name in COMMITTED_EXPECTED else next(c for c in CASES if c.name == name).make(
        kind, tmp_path)
    target = tmp_path / "board.sgdesk"
    target.write_bytes(Path(board.path).read_bytes())
    assert cli.main(["import", str(target), "organisations", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sgdesk: ") and "Traceback" not in err


def test_the_app_reports_bad_returned_forms_without_failing(window, qtbot, tmp_path, message_boxes):
    """The app's own import (returned self-assessment forms) shows each refusal and carries on."""
    from PySide6.QtWidgets import QWidget

    window.show_view("assessment")
    importer = next(w for w in window.findChildren(QWidget) if hasattr(w, "import_forms"))
    kind = KINDS["assessment-form"]
    files = [c.make(kind, tmp_path) for c in CASES if c.always_refused and c.name.endswith(".xlsx")]
    files.append(CORPUS / "text_named.xlsx")
    before = written(window.context.bf)
    lines = importer.import_forms(files)
    for file in files:
        assert any(line.startswith(f"Nothing was imported from {file.name}") for line in lines), file.name
    assert written(window.context.bf) == before
    assert message_boxes, "the app told the user"


# -- property-based: random files and cells ------------------------------------------------------------------
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_any_bytes_are_read_or_refused_with_a_message(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        read_table(path)
    except InputError as error:
        assert error.fix and path.name in str(error)


CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_random_cells_never_crash_an_importer_and_a_refusal_writes_nothing(board, tmp_path_factory, kind_name):
    kind = KINDS[kind_name]
    folder = tmp_path_factory.mktemp(kind_name)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(CELL_TEXT, min_size=len(kind.columns), max_size=len(kind.columns)),
                    min_size=1, max_size=4))
    def check(rows: list[list[str]]) -> None:
        path = folder / "random.csv"
        path.write_text(csv_text([_headers(kind), *rows]), encoding="utf-8")
        import_or_refuse(board, kind, path)

    check()


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_random_typed_spreadsheet_cells_never_crash_an_importer(board, tmp_path_factory, kind_name):
    kind = KINDS[kind_name]
    folder = tmp_path_factory.mktemp(kind_name)
    value = st.one_of(st.none(), st.integers(-10 ** 12, 10 ** 12), st.floats(allow_nan=False, allow_infinity=False),
                      st.booleans(), st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
                      st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30))

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(value, min_size=len(kind.columns), max_size=len(kind.columns)), min_size=1, max_size=3))
    def check(rows: list[list[object]]) -> None:
        path = write_xlsx(folder / "random.xlsx", [_headers(kind), *rows])
        import_or_refuse(board, kind, path)

    check()
