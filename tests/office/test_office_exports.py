"""Every report as PDF, Word, Excel or CSV from the command line, holding the report's own figures."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest

from sgdesk import registry
from sgdesk.cli import main
from sgdesk.office.exports import REPORT_FORMATS

YEAR = "2018/19"


def report_csv(path: Path, name: str, capsys) -> list[list[list[str]]]:
    """The report's tables as `sgdesk report --format csv` prints them (header first)."""
    assert main(["report", str(path), name, "--year", YEAR, "--format", "csv"]) == 0
    text = capsys.readouterr().out
    return [list(csv.reader(io.StringIO(part))) for part in text.split("\n\n") if part.strip()]


def export(path: Path, name: str, out: Path, capsys) -> str:
    assert main(["export", str(path), name, "--year", YEAR, "--out", str(out)]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def canonical(text: str):
    """A CSV cell as a number where it is one, so 88, 88.0 and 0.88 × 100 compare equal."""
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def excel_value(cell):
    """An Excel cell as the CSV holds the same value."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return canonical(value)
    if hasattr(value, "date"):
        return value.date().isoformat()
    number = Decimal(str(value))
    return number * 100 if cell.number_format.endswith("%") else number


def test_every_report_is_an_export_in_four_formats_found_by_its_name_unless_a_document_has_it():
    loaded = registry.load()
    assert set(loaded.report_exports) == set(loaded.reports)
    for name, export_ in loaded.report_exports.items():
        assert export_.formats == REPORT_FORMATS, name
        assert loaded.exports[name] is export_ or name == "training", name
    assert loaded.exports["training"].formats == ("pdf", "docx", "xlsx")   # the summary, not its tables


@pytest.mark.parametrize("name", ["attendance", "ledger", "contributions", "assessment", "organisations"])
def test_excel_holds_the_csv_figures(demo_path, tmp_path, capsys, name):
    expected = report_csv(demo_path, name, capsys)
    out = tmp_path / f"{name}.xlsx"
    export(demo_path, name, out, capsys)
    book = openpyxl.load_workbook(out)
    assert len(book.worksheets) == len(expected)
    for sheet, table in zip(book.worksheets, expected):
        rows = [[excel_value(cell) for cell in row] for row in sheet.iter_rows(max_row=len(table))]
        assert rows == [[canonical(text) for text in row] for row in table], name


@pytest.mark.parametrize("name", ["attendance", "ledger", "assessment"])
def test_word_and_pdf_hold_the_report_tables(demo_path, tmp_path, capsys, name):
    from sgdesk.fyear import Period
    from sgdesk.office.layout import cell_texts
    from sgdesk.store import open_board_file

    with open_board_file(demo_path, read_only=True) as bf:
        tables = registry.load().reports[name].run(bf, 1, Period.for_year(YEAR))
    export(demo_path, name, tmp_path / f"{name}.docx", capsys)
    document = docx.Document(tmp_path / f"{name}.docx")
    assert len(document.tables) == len(tables)
    for word_table, table in zip(document.tables, tables):
        assert [[cell.text for cell in row.cells] for row in word_table.rows[1:]] == cell_texts(table)

    assert "pages)" in export(demo_path, name, tmp_path / f"{name}.pdf", capsys)
    with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    for row in cell_texts(tables[0]):
        figures = [cell for cell, column in zip(row, tables[0].columns) if column.numeric and cell]
        assert all(figure in text for figure in figures)


def test_a_formula_in_a_name_is_neutralised_in_csv_and_kept_exact_in_excel(demo_path, tmp_path, capsys):
    from sgdesk.store import open_board_file

    with open_board_file(demo_path) as bf:
        org = bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'")
        with bf.edit("Rename") as ed:
            ed.update("organisation", org, {"name": '=HYPERLINK("x")'})
    export(demo_path, "organisations", tmp_path / "orgs.csv", capsys)
    rows = list(csv.reader(io.StringIO((tmp_path / "orgs.csv").read_text(encoding="utf-8-sig"))))
    assert {cell for row in rows for cell in row if "HYPERLINK" in cell} == {"'=HYPERLINK(\"x\")"}
    export(demo_path, "organisations", tmp_path / "orgs.xlsx", capsys)
    cells = [cell for row in openpyxl.load_workbook(tmp_path / "orgs.xlsx").active.iter_rows() for cell in row
             if "HYPERLINK" in str(cell.value)]
    assert cells and {(cell.value, cell.data_type, cell.quotePrefix) for cell in cells} == {
        ('=HYPERLINK("x")', "s", True)}  # text, never a formula, and no apostrophe on show


def test_a_report_export_in_an_unknown_format_is_refused(demo_path, tmp_path, capsys):
    assert main(["export", str(demo_path), "ledger", "--year", YEAR, "--out", str(tmp_path / "x.odt")]) == 2
    assert "ledger can be written as .pdf, .docx, .xlsx, .csv, not '.odt'" in capsys.readouterr().err


def test_reports_exported_twice_are_identical(demo_path, tmp_path, capsys):
    for suffix in ("pdf", "docx", "xlsx"):
        export(demo_path, "contributions", tmp_path / f"a.{suffix}", capsys)
        export(demo_path, "contributions", tmp_path / f"b.{suffix}", capsys)
        assert (tmp_path / f"a.{suffix}").read_bytes() == (tmp_path / f"b.{suffix}").read_bytes(), suffix


@pytest.mark.parametrize(("name", "title"), [
    ("appendix1", "Appendix 1: Board membership and attendance"),
    ("appendix2", "Appendix 2: Southend LSCB finance 2018/19"),
    ("appendix3", "Appendix 3: Self-Assessment Tool"), ("training", "Appendix 4: Multi-agency training 2018/19"),
    ("plan-progress", "Appendix 5: Business plan progress 2018/19"),
    ("data-matrix", "Appendix 6: Local Authority Data Matrix"),
])
def test_appendices_on_their_own_are_numbered_as_the_pack_numbers_them_in_word_too(demo_path, tmp_path, capsys, name,
                                                                           title):
    assert {"pdf", "docx", "xlsx"} <= set(registry.load().exports[name].formats)
    export(demo_path, name, tmp_path / f"{name}.docx", capsys)
    document = docx.Document(tmp_path / f"{name}.docx")
    assert document.paragraphs[0].text == title and document.paragraphs[0].style.name == "Heading 1"
    assert document.tables
    export(demo_path, name, tmp_path / f"{name}.xlsx", capsys)
    assert openpyxl.load_workbook(tmp_path / f"{name}.xlsx").sheetnames


def test_the_finance_appendix_in_excel_holds_amounts_as_money(demo_path, tmp_path, capsys):
    export(demo_path, "appendix2", tmp_path / "appendix2.xlsx", capsys)
    sheet = openpyxl.load_workbook(tmp_path / "appendix2.xlsx").worksheets[0]
    lines = {row[1].value: row[2] for row in sheet.iter_rows(min_row=2) if row[1].value}
    assert lines["Salaries"].value == pytest.approx(87819.53) and "£" in lines["Salaries"].number_format
    assert lines["Total Expenditure"].value == pytest.approx(137755.83)
    assert lines["Outcome"].value == pytest.approx(-2328.59)


@pytest.mark.parametrize(("name", "total"), [("budget", "Total expenditure"), ("contributions", "Total"),
                                             ("charges", "All organisations"), ("evaluations", "All courses")])
def test_report_totals_print_bold_in_pdf_and_word(demo_path, tmp_path, capsys, name, total):
    import pdfplumber

    export(demo_path, name, tmp_path / f"{name}.pdf", capsys)
    with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["fontname"])]
    first = total.split()[0]
    assert any(w["text"] == first and w["fontname"].endswith("Bold") for w in words), f"{total} is not bold"
    export(demo_path, name, tmp_path / f"{name}.docx", capsys)
    cells = [cell for table in docx.Document(tmp_path / f"{name}.docx").tables for row in table.rows
             for cell in row.cells if cell.text == total]
    assert cells and all(run.bold for cell in cells for p in cell.paragraphs for run in p.runs)
