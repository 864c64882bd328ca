"""Sheets in the layouts DfE publishes, for the import tests and the benchmark.

:func:`write_dfe_table` writes a statistical release's local-authority table as its .xlsx has it:
a title and a subtitle above, a merged heading over each indicator's years, label headings merged
down the two heading rows, England and the region before the authorities, a blank row between,
and footnotes (with the key to the marks) below. Southend's children in need and child protection
rates are seed 002's; the other areas' figures are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

YEARS = ("2016", "2017", "2018", "2019", "2020")
CIN_HEADING = "Rate of children in need per 10,000 children"
CPP_HEADING = "Rate of Child Protection Plans at 31 March per 10,000 children"
# (LA code, old LA code, Region/LA, children in need rates, child protection plan rates); None is a blank row
ROWS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]] | None, ...] = (
    ("E92000001", "921", "ENGLAND", ("330.1", "330.4", "341.0", "334.2", "323.7"),
     ("43.1", "43.3", "45.3", "43.7", "42.8")),
    None,
    ("E12000006", "", "EAST OF ENGLAND", ("280.5", "291.9", "296.3", "289.9", "285.0"),
     ("35.6", "37.0", "38.4", "37.6", "36.1")),
    ("E06000033", "882", "Southend-on-Sea", ("250.9", "357.6", "338.2", "359.1", "319.8 (p)"),
     ("49.2", "56.7", "29.7", "43.2", "40.3 (p)")),
    ("E06000035", "887", "Medway", ("355.0", "x", "341.2", "338.8", "332.5"), ("52.1", "c", "49.9", "47.0", "45.5")),
    ("E06000030", "866", "Swindon", ("..", "295.3", "310.7", "-", "302.0"), ("40.2", "41.0", "39.9", "38.5", "")),
)
FOOTNOTES = ("Source: Children in need census", "1. Figures for 2020 are provisional (p).", "x Not available.",
             "c Suppressed to protect confidentiality.", ".. Not applicable.", "- Not published.")


def write_dfe_table(path: Path, rows=ROWS, years: tuple[str, ...] = YEARS, *, headings=(CIN_HEADING, CPP_HEADING),
                    as_numbers: bool = False) -> Path:
    """The release table as an .xlsx (figures as text cells, as DfE's files often hold them, or as
    numbers formatted to one place with ``as_numbers``)."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table B1"
    sheet["A1"] = "Table B1: Children in need and child protection plans at 31 March, by local authority, 2016 to 2020"
    sheet["A2"] = "Rates per 10,000 children aged under 18 years"
    heading_row, years_row = 4, 5
    for column, label in enumerate(("LA code", "Old LA code", "Region/LA"), start=1):
        sheet.cell(heading_row, column, label)
        sheet.merge_cells(start_row=heading_row, start_column=column, end_row=years_row, end_column=column)
    for block, heading in enumerate(headings):
        first = 4 + block * len(years)
        sheet.cell(heading_row, first, heading)
        sheet.merge_cells(start_row=heading_row, start_column=first, end_row=heading_row,
                          end_column=first + len(years) - 1)
        for offset, year in enumerate(years):
            sheet.cell(years_row, first + offset, int(year) if year.isdigit() else year)
    number = years_row + 1
    for row in rows:
        if row is not None:
            code, old_code, name, *blocks = row
            for column, value in enumerate((code, old_code or None, name), start=1):
                sheet.cell(number, column, value)
            for block, figures in enumerate(blocks[:len(headings)]):
                for offset, figure in enumerate(figures):
                    cell = sheet.cell(number, 4 + block * len(years) + offset)
                    if as_numbers and _is_number(figure):
                        cell.value, cell.number_format = float(figure), "0.0"
                    else:
                        cell.value = figure or None
        number += 1
    number += 1
    for note in FOOTNOTES:
        sheet.cell(number, 1, note)
        number += 1
    for column in range(1, 4 + len(headings) * len(years)):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    book.save(path)
    return path


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def write_data_matrix(path: Path) -> Path:
    """Two tables of seed 002's data matrix as a business unit's sheet has them: a table of indicators by
    year with Rank, Quartile and Latest England Ave columns, then a table titled by its indicator with a
    "No" row and an England row, and a note below each."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["Children's Social Care"],
        ["Children in Need (CIN)", "2016", "2017", "2018", "2019", "2020", "Rank", "Quartile", "Latest England Ave"],
        ["Children in Need - Rates per 10,000 (as at 31 March)", "250.9", "357.6", "338.2", "359.1", "319.8", "-", "-",
         "323.7"],
        ["Percentage of re-referrals to children's social care within 12 months", "19.9", "16.3", "23.7", "24.4",
         "30.2", "139", "D", "22.6"],
        [],
        ["Note: Absence, Exclusion and Attainment data for Children in Need excludes children who were looked after"],
        [],
        ["Number of Unaccompanied Asylum-Seeking Children"],
        [None, "2017", "2018", "2019", "2020"],
        ["No", "11", "17", "22", "16"],
        ["England", "4,700", "4,560", "5,140", "5,000"],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
