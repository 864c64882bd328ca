"""Excel workbooks from report tables: typed cells, formats, header, widths, formulas neutralised."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

from sgdesk.office.excel import MONEY_FORMAT, PERCENT_FORMAT, sheet_names, write_xlsx
from sgdesk.pdf import DocumentSpec
from sgdesk.reporting import ReportColumn, ReportTable

DAY = dt.date(2026, 11, 23)
COLUMNS = [ReportColumn("name", "Organisation"), ReportColumn("amount", "Contribution", "money"),
           ReportColumn("attendance", "Attendance", "percent"), ReportColumn("meetings", "Meetings", "int"),
           ReportColumn("first", "First meeting", "date"), ReportColumn("mean", "Mean", "decimal")]
ROWS = [
    {"name": '=HYPERLINK("x")', "amount": 4306500, "attendance": 88, "meetings": 7,
     "first": dt.date(2017, 9, 21), "mean": Decimal("2.8")},
    {"name": "Siân Pryce's agency", "amount": -232859, "attendance": None, "meetings": 0, "first": None,
     "mean": "2/3"},
    {"name": "+44 1702 215000", "amount": 0, "attendance": 100, "meetings": 4, "first": dt.date(2018, 6, 5),
     "mean": Decimal("3")},
    {"name": "@risk\tgroup", "amount": 1, "attendance": Decimal("49.5"), "meetings": 1, "first": None,
     "mean": None},
]


def spec(**changes) -> DocumentSpec:
    return DocumentSpec(**{"title": "Partner contributions 2018/19", "board_name": "Southend LSCB",
                           "generated_on": DAY, **changes})


def workbook(tables: list[ReportTable], **changes) -> openpyxl.Workbook:
    out = io.BytesIO()
    write_xlsx(out, spec(**changes), tables)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def table(title: str = "Contributions: 2018/19", notes=("Totals do not add up: check the ledger",)) -> ReportTable:
    return ReportTable(title, COLUMNS, [dict(row) for row in ROWS], list(notes))


def test_cells_hold_numbers_dates_and_text_with_their_formats():
    sheet = workbook([table()]).worksheets[0]
    first = sheet[2]
    assert first[1].value == 43065 and first[1].number_format == MONEY_FORMAT and first[1].data_type == "n"
    assert first[2].value == pytest.approx(0.88) and first[2].number_format == PERCENT_FORMAT
    assert first[3].value == 7
    assert first[4].value == dt.datetime(2017, 9, 21) and first[4].number_format == "dd/mm/yyyy"
    assert first[5].value == pytest.approx(2.8)
    second = sheet[3]
    assert second[1].value == pytest.approx(-2328.59)
    assert second[2].value is None and second[4].value is None  # blank, as in the CSV
    assert second[5].value == "2/3" and second[5].data_type == "s"
    assert sheet[5][2].value == pytest.approx(0.495) and sheet[5][2].number_format.startswith("0.0")


def test_text_a_spreadsheet_would_run_is_neutralised_as_in_csv():
    sheet = workbook([table()]).worksheets[0]
    names = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [cell.value for cell in names] == ["'=HYPERLINK(\"x\")", "Siân Pryce's agency", "'+44 1702 215000",
                                              "'@risk\tgroup"]
    assert all(cell.data_type == "s" for cell in names)  # never "f" (a formula)


def test_header_is_bold_frozen_filtered_and_columns_fit_their_text():
    sheet = workbook([table()], accent="#7A1F5C").worksheets[0]
    assert [cell.value for cell in sheet[1]] == [c.label for c in COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet[1][0].fill.fgColor.rgb.endswith("7A1F5C")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F5"
    assert sheet.column_dimensions["A"].width >= len("Siân Pryce's agency")
    assert sheet.column_dimensions["B"].width >= len("-£2,328.59")
    assert sheet.print_title_rows == "$1:$1"


def test_notes_follow_the_table_after_a_blank_row():
    sheet = workbook([table()]).worksheets[0]
    assert sheet.cell(6, 1).value is None
    assert sheet.cell(7, 1).value == "Totals do not add up: check the ledger"
    assert sheet.cell(7, 1).font.i


def test_one_sheet_per_table_with_valid_distinct_names():
    tables = [table("Contributions: 2018/19"), table("Contributions: 2018/19"), table("A" * 40), table("[?]")]
    assert workbook(tables).sheetnames == ["Contributions 2018-19", "Contributions 2018-19 (2)", "A" * 31, "Table"]
    assert sheet_names([table("x/y*z")]) == ["x-y z"]


def test_marking_and_draft_print_in_the_page_margins():
    sheet = workbook([table()], marking="OFFICIAL", draft=True).worksheets[0]
    assert sheet.oddHeader.center.text == "DRAFT — OFFICIAL"
    assert sheet.oddFooter.center.text == "OFFICIAL"


def test_same_tables_give_identical_bytes_whenever_written():
    first, second = io.BytesIO(), io.BytesIO()
    write_xlsx(first, spec(), [table()])
    write_xlsx(second, spec(), [table()])
    assert first.getvalue() == second.getvalue()
    assert openpyxl.load_workbook(first).properties.modified == dt.datetime(2026, 11, 23)


def test_no_tables_still_gives_a_workbook_that_says_so():
    sheet = workbook([]).worksheets[0]
    assert sheet.cell(1, 1).value == "There is nothing to show for this period."
