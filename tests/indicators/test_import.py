"""Import kind indicators: DfE's wide tables (title rows, merged headings, footnotes), data matrices,
and one figure per row; every bad cell named; nothing written when anything is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from published import CIN_HEADING, ROWS, write_data_matrix, write_dfe_table

from sgdesk.importing import ImportProblems, run_import
from sgdesk.indicators.importers import IndicatorsImport, RegionalContributionsImport
from sgdesk.indicators.regional import list_comparisons


def stored(bf, area: str, code: str) -> dict[str, tuple]:
    """period -> (figure as text, note, provisional, rank) for one area's figures of one indicator."""
    rows = bf.query("SELECT v.period, v.value_units, v.value_scale, v.note, v.provisional, v.rank FROM indicator_value "
                    "v JOIN indicator_area a ON a.id = v.area_id JOIN indicator i ON i.id = v.indicator_id "
                    "WHERE a.name = ? AND i.code = ?", (area, code))
    return {row[0]: (None if row[1] is None else str(Decimal(row[1]).scaleb(-row[2])), row[3], row[4], row[5])
            for row in rows}


def count(bf) -> int:
    return bf.scalar("SELECT count(*) FROM indicator_value")


def test_a_dfe_table_is_read_below_its_titles_across_its_merged_headings(board, tmp_path):
    source = write_dfe_table(tmp_path / "Table B1.xlsx")
    summary = run_import(board, IndicatorsImport(), source, 1)
    assert summary.created == {"figures": 49, "areas": 1}   # 5 areas x 2 indicators x 5 years, but a blank; Swindon
    assert stored(board, "Southend-on-Sea", "cin-rate") == {
        "2016": ("250.9", None, 0, None), "2017": ("357.6", None, 0, None), "2018": ("338.2", None, 0, None),
        "2019": ("359.1", None, 0, None), "2020": ("319.8", None, 1, None)}
    assert stored(board, "Medway", "cpp-rate")["2017"] == (None, "suppressed", 0, None)
    swindon = stored(board, "Swindon", "cin-rate")
    assert swindon["2016"] == (None, "not-applicable", 0, None) and swindon["2019"] == (None, "not-published", 0, None)
    assert "2020" not in stored(board, "Swindon", "cpp-rate")           # a blank cell is skipped, not a zero
    assert stored(board, "England", "cpp-rate")["2020"] == ("42.8", None, 0, None)          # ENGLAND is England
    assert stored(board, "East of England", "cin-rate")["2016"] == ("280.5", None, 0, None)  # the board's region
    assert any("Swindon" in note for note in summary.notes)           # a new area, added as an other authority
    again = run_import(board, IndicatorsImport(), source, 1)
    assert again.skipped == 49 and not again.created and not again.updated


def test_every_bad_cell_is_named_by_row_and_column_and_nothing_is_written(board, tmp_path):
    rows = list(ROWS)
    rows[4] = ("E06000035", "887", "Medway", ("355.0", "x", "3,41.2", "338.8", "332.5"),
               ("52.1", "c", "49.9", "47.0", "45.5"))
    rows[5] = ("E06000030", "866", "Swindon", ("..", "295.3", "310.7", "-", "302.0"),
               ("40.2", "-41.0", "39.9", "n.k.", ""))
    source = write_dfe_table(tmp_path / "Table B1.xlsx", rows,
                             headings=(CIN_HEADING, "Rate of Child Protection Plans at 31 March per 10,000 children"))
    with pytest.raises(ImportProblems) as caught:
        run_import(board, IndicatorsImport(), source, 1)
    assert [str(problem).split(";")[0] for problem in caught.value.problems] == [
        "Table B1.xlsx row 10, column 'F (Rate of children in need per 10,000 children, 2018)': '3,41.2' is not a "
        "figure",
        "Table B1.xlsx row 11, column 'J (Rate of Child Protection Plans at 31 March per 10,000 children, 2017)': "
        "'-41.0' is below zero, which a rate per 10,000 cannot be",
        "Table B1.xlsx row 11, column 'L (Rate of Child Protection Plans at 31 March per 10,000 children, 2019)': "
        "'n.k.' is not a figure",
    ]
    assert count(board) == 0


def test_a_heading_the_board_does_not_know_is_named_where_it_is(board, tmp_path):
    source = write_dfe_table(tmp_path / "t.xlsx", headings=(CIN_HEADING, "Number of children in need"))
    with pytest.raises(ImportProblems) as caught:
        run_import(board, IndicatorsImport(), source, 1)
    assert str(caught.value.problems[0]).startswith(
        "t.xlsx row 4, column 'I': 'Number of children in need' is not one of this board's indicators")
    assert len(caught.value.problems) == 1 and count(board) == 0


def test_numbers_keep_the_places_excel_shows(board, tmp_path):
    source = write_dfe_table(tmp_path / "numbers.xlsx", as_numbers=True)
    run_import(board, IndicatorsImport(), source, 1)
    assert stored(board, "England", "cin-rate")["2018"] == ("341.0", None, 0, None)   # not 341: 16.0 stays 16.0


def test_a_data_matrix_sheet_with_ranks_latest_england_and_an_england_row(board, tmp_path):
    summary = run_import(board, IndicatorsImport(), write_data_matrix(tmp_path / "matrix.xlsx"), 1)
    assert stored(board, "Southend-on-Sea", "re-referrals")["2020"] == ("30.2", None, 0, 139)
    assert stored(board, "England", "re-referrals") == {"2020": ("22.6", None, 0, None)}
    assert stored(board, "England", "cin-rate") == {"2020": ("323.7", None, 0, None)}
    assert stored(board, "Southend-on-Sea", "uasc") == {year: (text, None, 0, None) for year, text in
                                                        (("2017", "11"), ("2018", "17"), ("2019", "22"),
                                                         ("2020", "16"))}
    assert stored(board, "England", "uasc")["2019"] == ("5140", None, 0, None)
    assert "columns not read: Quartile" in summary.notes


def test_one_figure_per_row_adds_a_partner_indicator_and_quarters(board, tmp_path):
    source = tmp_path / "police.csv"
    source.write_text("Indicator,Period,Value,Unit,Better when,Section\n"
                      "Police CSE flags,2020/21 Q1,41,number,neither,Partner data\n"
                      "Police CSE flags,2020/21 Q2,c,number,neither,Partner data\n"
                      "Police CSE flags,2020/21 Q3,38 (p),number,neither,Partner data\n", encoding="utf-8")
    summary = run_import(board, IndicatorsImport(), source, 1)
    assert summary.created == {"indicators": 1, "figures": 3}
    assert stored(board, "Southend-on-Sea", "police-cse-flags") == {
        "2020/21 Q1": ("41", None, 0, None), "2020/21 Q2": (None, "suppressed", 0, None),
        "2020/21 Q3": ("38", None, 1, None)}


def test_the_indicators_report_imports_back_unchanged(demo, tmp_path, capsys):
    from sgdesk.cli import main

    assert main(["report", str(demo.path), "indicators", "--format", "csv"]) == 0
    source = tmp_path / "indicators.csv"
    source.write_text(capsys.readouterr().out, encoding="utf-8")
    figures = count(demo)
    summary = run_import(demo, IndicatorsImport(), source, 1)
    assert (summary.created, summary.updated, summary.skipped) == ({}, {}, figures)


def test_figures_for_this_authority_need_the_board_to_know_which_it_is(empty_board, tmp_path):
    with pytest.raises(ImportProblems) as caught:
        run_import(empty_board, IndicatorsImport(), write_data_matrix(tmp_path / "m.xlsx"), 1)
    assert "gives figures for this authority, but the board has no own authority yet" in str(caught.value)


def test_regional_contributions_as_printed_with_a_total_that_does_not_add_up(empty_board, tmp_path):
    source = tmp_path / "regional.csv"
    source.write_text(
        "Comparison,Year,Strand,Partnership,This board,Local Authority,Health,Police,Total\n"
        "East of England unitary authorities,2020,Children's,Central Bedfordshire,,\"£111,243\",\"£54,830\","
        "\"£19,992\",\"£186,064\"\n"
        "East of England unitary authorities,2020,Children's,Southend,Yes,\"£60,700\",\"£36,031\",\"£14,355\","
        "\"£111,086\"\n", encoding="utf-8")
    summary = run_import(empty_board, RegionalContributionsImport(), source, 1)
    assert summary.created == {"comparisons": 1, "contributions": 6}
    assert summary.notes == ["row 2: Central Bedfordshire's total is £186,064.00 but its partners' amounts add up to "
                             "£186,065.00 (the amounts were imported; totals are worked out from them)"]
    assert [c.this_partnership for c in list_comparisons(empty_board, 1)] == ["Southend"]


def test_the_published_fixture_is_what_it_says(tmp_path):
    """The DfE fixture has its title above, merged headings and footnotes below, as the real tables."""
    import openpyxl

    sheet = openpyxl.load_workbook(write_dfe_table(tmp_path / "t.xlsx")).active
    assert sheet["A1"].value.startswith("Table B1:") and "D4:H4" in {str(r) for r in sheet.merged_cells.ranges}
    assert "A4:A5" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(sheet.max_row, 1).value == "- Not published."
    assert Path(tmp_path / "t.xlsx").exists()
