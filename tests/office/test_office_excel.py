"""Excel workbooks from report tables: typed cells, formats, header, widths, text kept exactly."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

from sgdesk.money import negative_amounts
from sgdesk.office.excel import CHANGE_FORMAT, DECIMAL_FORMAT, PERCENT_FORMAT, money_format, sheet_names, write_xlsx
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
     "mean": Decimal("3.0")},
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
    assert first[1].value == 43065 and first[1].number_format == money_format() and first[1].data_type == "n"
    assert first[2].value == pytest.approx(0.88) and first[2].number_format == PERCENT_FORMAT
    assert first[3].value == 7 and first[3].number_format == "#,##0"
    assert first[4].value == dt.datetime(2017, 9, 21) and first[4].number_format == "dd/mm/yyyy"
    assert first[5].value == pytest.approx(2.8) and first[5].number_format == DECIMAL_FORMAT  # a mean: 3.0 beside 2.8
    second = sheet[3]
    assert second[1].value == pytest.approx(-2328.59)
    assert second[2].value is None and second[4].value is None  # blank, as in the CSV
    assert second[5].value == "2/3" and second[5].data_type == "s"
    assert sheet[5][2].value == pytest.approx(0.495) and sheet[5][2].number_format.startswith("0.0")


def test_text_a_spreadsheet_would_run_stays_exact_text_with_a_quote_prefix():
    sheet = workbook([table()]).worksheets[0]
    names = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [cell.value for cell in names] == ['=HYPERLINK("x")', "Siân Pryce's agency", "+44 1702 215000",
                                              "@risk\tgroup"]
    assert all(cell.data_type == "s" for cell in names)  # never "f" (a formula)
    assert [cell.quotePrefix for cell in names] == [True, False, True, True]


def test_negative_amounts_print_as_the_board_chooses():
    assert money_format().endswith(';"−£"#,##0.00')  # a true minus sign, not a hyphen
    with negative_amounts("brackets"):
        sheet = workbook([table()]).worksheets[0]
    assert sheet.cell(3, 2).number_format == '"£"#,##0.00;("£"#,##0.00)'


def test_header_is_bold_frozen_filtered_and_columns_fit_their_text():
    sheet = workbook([table()], accent="#7A1F5C").worksheets[0]
    assert [cell.value for cell in sheet[1]] == [c.label for c in COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet[1][0].fill.fgColor.rgb.endswith("7A1F5C")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F5"
    assert sheet.column_dimensions["A"].width >= len("Siân Pryce's agency")
    assert sheet.column_dimensions["B"].width >= len("−£2,328.59")
    assert sheet.print_title_rows == "$1:$1"


def test_notes_follow_the_table_after_a_blank_row():
    sheet = workbook([table()]).worksheets[0]
    assert sheet.cell(6, 1).value is None
    assert sheet.cell(7, 1).value == "Totals do not add up: check the ledger"
    assert sheet.cell(7, 1).font.i


def test_one_sheet_per_table_with_valid_distinct_names_never_cut_inside_a_word():
    tables = [table("Contributions: 2018/19"), table("Contributions: 2018/19"), table("A" * 40), table("[?]"),
              table("Appendix 1: Membership of the Southend LSCB by role"),
              table("Board membership and attendance at the meetings of the year")]
    assert workbook(tables).sheetnames == ["Contributions 2018-19", "Contributions 2018-19 2", "A" * 31, "Table",
                                           "Membership of the Southend LSCB", "Board membership and attendance"]
    assert sheet_names([table("x/y*z")]) == ["x-y z"]
    titled = table("Strengths and areas for development in the year")
    titled.sheet = "Strengths, development areas"
    assert sheet_names([titled]) == ["Strengths, development areas"]


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


def test_totals_are_bold_under_a_rule_and_below_the_filter():
    totalled = table()
    totalled.rows.append({"name": "Total", "amount": 4306501, "meetings": 12})
    totalled.total_rows = frozenset({4})
    sheet = workbook([totalled]).worksheets[0]
    assert sheet.auto_filter.ref == "A1:F5"  # the four rows, not the total in row 6
    assert all(cell.font.b for cell in sheet[6]) and sheet.cell(6, 1).border.top.style == "thin"
    assert not any(cell.font.b for cell in sheet[5])


def test_a_table_with_totals_among_its_rows_has_no_filter_to_sort_them_into_the_rows():
    statement = table()
    statement.total_rows = frozenset({1, 3})
    assert workbook([statement]).worksheets[0].auto_filter.ref is None


def test_every_cell_names_the_house_font_and_wrapped_labels_get_a_tall_enough_row():
    columns = [ReportColumn("org", "Organisation"), ReportColumn("a", "05 Jun 2018", "int"),
               ReportColumn("b", "Mean confidence before (1-5)", "decimal")]
    sheet = workbook([ReportTable("Grid", columns, [{"org": "Essex Police", "a": 1, "b": Decimal("2.6")}],
                                  ["A note."])]).worksheets[0]
    assert {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None} == {"Arial"}
    width = sheet.column_dimensions["B"].width
    assert width < len("05 Jun 2018") + 2  # the label wraps, so its row must be taller than one line
    assert sheet.row_dimensions[1].height >= 2 * 13


def test_a_column_of_figures_of_different_kinds_holds_each_as_a_number_in_its_format():
    from sgdesk.office.blocks import Cell, TableBlock, typed_table

    figures = TableBlock(["Figure", "Value"],
                         [[Cell("Sessions run"), Cell("39")], [Cell("Fill rate"), Cell("52%")],
                          [Cell("Income charged"), Cell("£5,470.00")], [Cell("Mean after"), Cell("3.0")],
                          [Cell("Change"), Cell("+1.0")]],
                         ["L", "R"], [1, 1])
    sheet = workbook([typed_table(figures)]).worksheets[0]
    cells = [sheet.cell(row, 2) for row in range(2, 7)]
    assert [cell.value for cell in cells] == [39, pytest.approx(0.52), pytest.approx(5470), pytest.approx(3.0),
                                              pytest.approx(1.0)]
    assert [cell.number_format for cell in cells] == ["#,##0", "0%", money_format(), DECIMAL_FORMAT, CHANGE_FORMAT]
    assert sheet.column_dimensions["B"].width <= len("£5,470.00") + 4  # as wide as its widest figure


def test_each_figure_in_a_column_of_whole_numbers_and_decimals_shows_as_printed():
    from sgdesk.office.blocks import Cell, TableBlock, typed_table

    printed = ["15.2", "4,700", "22.41", "0.02", "11,866,960", "16.0%", "+5", "−0.3"]
    figures = TableBlock(["Indicator", "2019"], [[Cell(f"Row {n}"), Cell(text)] for n, text in enumerate(printed)],
                         ["L", "R"], [3, 1])
    sheet = workbook([typed_table(figures)]).worksheets[0]
    cells = [sheet.cell(row, 2) for row in range(2, 2 + len(printed))]
    assert all(cell.data_type == "n" for cell in cells)
    assert [cell.number_format for cell in cells] == [
        "#,##0.0", "#,##0", "#,##0.00", "#,##0.00", "#,##0", "0.0%", '+#,##0;"−"#,##0;#,##0', "#,##0.0"]
    assert float(cells[3].value) == 0.02  # a rate of 0.02 under a header without £ is no amount of money


def test_a_row_of_long_text_is_as_tall_as_its_wrapped_lines():
    columns = [ReportColumn("code", "Code"), ReportColumn("statement", "Statement"), ReportColumn("n", "N", "int")]
    statement = "To publish an annual report detailing what the LSCB has done during the year to achieve its " * 3
    sheet = workbook([ReportTable("Statements", columns, [{"code": "SD3", "statement": statement.strip(), "n": 6}])]
                     ).worksheets[0]
    assert sheet["B2"].alignment.wrap_text and sheet["C2"].alignment.vertical == "top"
    assert sheet.row_dimensions[2].height >= 4 * 13  # about 280 characters in a column of 60
