"""Import kinds `ledger` and `contributions`: messy amounts, signs, totals, and all-or-nothing."""

from __future__ import annotations

import pytest

from sgdesk import registry
from sgdesk.cli import main
from sgdesk.finance.contributions import year_allocation
from sgdesk.finance.ledger import list_entries, year_totals
from sgdesk.fyear import FinancialYear
from sgdesk.importing import ImportProblems, run_import
from sgdesk.money import pounds

Y2018 = FinancialYear(2018)


def _csv(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(bf, kind: str, path, **kwargs):
    return run_import(bf, registry.load().import_kinds[kind], path, 1, **kwargs)


COUNCIL_LEDGER = """Year,Section,Description,£,Date
2018-19,Expenditure,Salaries,"£87,819.53",
2018-19,,Salary Recharge,"(11,745.03)",
2018-19,,Office Expenses: Postage,"4,005.39",27/08/2018
2018-19,,ICT: Hardware,£2750,
2018-19,,Total Expenditure,"82,829.89",
2018-19,Income,NHS Southend CCG,"-33,039.00",
2018-19,,Refund to CAFCASS,100.00,
2018-19,,Total Income,"-32,939.00",
"""


def test_messy_council_style_ledger(empty_board, tmp_path):
    summary = _import(empty_board, "ledger", _csv(tmp_path, "ledger.csv", COUNCIL_LEDGER))
    assert summary.created == {"ledger entries": 6}
    assert "2018/19: income read as council style (negative is money received)" in summary.notes
    entries = list_entries(empty_board, 1, Y2018)
    assert [(e.section, e.category, e.amount) for e in entries] == [
        ("expenditure", "Other expenditure", 8_781_953),
        ("expenditure", "Other expenditure", -1_174_503),
        ("expenditure", "Office expenses", 400_539),
        ("expenditure", "ICT", 275_000),
        ("income", "Other income", 3_303_900),
        ("income", "Other income", -10_000),
    ]
    assert entries[2].entry_date.isoformat() == "2018-08-27"
    result = year_totals(empty_board, 1, Y2018)
    assert (result.expenditure, result.income) == (8_282_989, 3_293_900)


def test_totals_that_do_not_add_up_are_reported_not_fixed(empty_board, tmp_path):
    text = COUNCIL_LEDGER.replace('Total Expenditure,"82,829.89"', 'Total Expenditure,"82,829.98"')
    summary = _import(empty_board, "ledger", _csv(tmp_path, "ledger.csv", text))
    assert ("row 6: 'Total Expenditure' says £82,829.98 but the expenditure lines above add up to £82,829.89 "
            "(the lines were imported as given)") in summary.notes
    assert year_totals(empty_board, 1, Y2018).expenditure == 8_282_989


def test_plain_income_is_money_received(empty_board, tmp_path):
    text = ("Financial year,Section,Category,Description,Amount,Fund\n"
            "2018,Income,Partner contributions,Essex Police,20972,Children's fund\n"
            "2018,Income,Training income,Course fees,\"1,250.50\",Children's fund\n"
            "2018,Expenditure,Training,Trainer,-,\n")
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "ledger", _csv(tmp_path, "plain.csv", text))
    assert "plain.csv row 4, column 'Amount': '-' is not an amount of money" in raised.value.report()
    summary = _import(empty_board, "ledger", _csv(tmp_path, "plain.csv", text.replace("Trainer,-", "Trainer,300")))
    assert not any("council style" in note for note in summary.notes)
    assert "new fund 'Children's fund' added" in summary.notes
    assert year_totals(empty_board, 1, Y2018).income == 2_222_250


def test_bad_cells_are_named_and_nothing_is_written(empty_board, tmp_path):
    text = ("Year,Section,Description,Amount,Date\n"
            "2018/19,Expenditure,Postage,12.3.4,\n"
            "2018/19,Expenses?,Stationery,25.13,\n"
            "18/19,Income,Police,-100,\n"
            "2018/19,Income,Police,-100,01/04/2019\n")
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "ledger", _csv(tmp_path, "bad.csv", text))
    report = raised.value.report()
    assert "bad.csv row 2, column 'Amount': '12.3.4' is not an amount of money; write it as 1234.56" in report
    assert "bad.csv row 3, column 'Section': 'Expenses?' is not a section of the accounts; write Expenditure or " \
           "Income" in report
    assert "bad.csv row 4, column 'Year': '18/19' is not a financial year: the first year needs all four figures" \
        in report
    assert list_entries(empty_board, 1) == []
    assert empty_board.scalar("SELECT count(*) FROM finance_category") == 0


def test_a_date_outside_its_year_is_a_problem(empty_board, tmp_path):
    text = "Year,Section,Description,Amount,Date\n2018/19,Income,Police,-100,01/04/2019\n"
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "ledger", _csv(tmp_path, "late.csv", text))
    assert "row 2, column 'Date': '01/04/2019' is outside the financial year 2018/19" in raised.value.report()


def test_importing_the_same_ledger_twice_skips_what_is_there(empty_board, tmp_path):
    path = _csv(tmp_path, "ledger.csv", COUNCIL_LEDGER)
    _import(empty_board, "ledger", path)
    again = _import(empty_board, "ledger", path)
    assert again.created == {} and again.skipped == 6
    assert len(list_entries(empty_board, 1, Y2018)) == 6


def test_dry_run_from_the_command_line_writes_nothing(demo_path, tmp_path, capsys):
    path = _csv(tmp_path, "ledger.csv", COUNCIL_LEDGER.replace("2018-19", "2019-20").replace("27/08/2018", ""))
    assert main(["import", str(demo_path), "ledger", str(path), "--dry-run"]) == 0
    assert "Would import ledger.csv as ledger (dry run: nothing was written)" in capsys.readouterr().out
    assert main(["report", str(demo_path), "ledger", "--year", "2019/20", "--format", "csv"]) == 0
    assert "Salary Recharge" not in capsys.readouterr().out


# -- contributions ------------------------------------------------------------------------------------------------------
SEED_CONTRIBUTIONS = """Year,Partner,Share %,Amount,Status
2017/18,Southend Borough Council,49.5%,"£43,065",invoiced
2017/18,Essex Police and Crime Commissioner,16.5%,"£14,355",
2017/18,CCG,26.0%,"£22,620",received
2017/18,National Probation Service,7.2%,"£6,264",
2017/18,CAFCASS,0.7%,£609,
2017/18,Other partners,0.1%,£90,
2017/18,Total,100%,"£87,000",
"""


def test_contributions_with_a_total_row(demo, tmp_path):
    summary = _import(demo, "contributions", _csv(tmp_path, "contributions.csv", SEED_CONTRIBUTIONS))
    assert summary.created == {"contributions": 6}
    allocation = year_allocation(demo, 1, FinancialYear(2017))
    assert allocation.amounts == [pounds(n) for n in (43_065, 14_355, 22_620, 6_264, 609, 87)]
    assert [line.status for line in allocation.lines][:3] == ["invoiced", "projected", "received"]
    assert allocation.lines[2].organisation_id is not None            # "CCG" is an alias of the CCG
    assert ("row 7: Other partners's amount £90.00 is not the worked-out £87.00 (0.1% of £87,000.00); the share "
            "was kept") in summary.notes
    assert "not an organisation in SG Desk, kept by name: Other partners" in summary.notes


def test_excel_percentage_cells_and_group_lines(empty_board, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Year", "Partner", "Share %", "Amount", "Count", "Total", "Round to"])
    sheet.append(["2020/21", "Council", 0.6, None, None, "£64,520.00", "penny"])
    sheet.append(["2020/21", "Police", 0.4, None, None, None, None])
    sheet.append(["2020/21", "District councils", None, 1210, 12, None, None])
    path = tmp_path / "contributions.xlsx"
    book.save(path)
    _import(empty_board, "contributions", path)
    allocation = year_allocation(empty_board, 1, FinancialYear(2020))
    assert [line.basis_text for line in allocation.lines] == ["60%", "40%", "12 × £1,210.00"]
    assert allocation.amounts == [pounds(30_000), pounds(20_000), pounds(14_520)]
    assert allocation.rounding == "penny"


def test_contribution_problems_name_their_cells(empty_board, tmp_path):
    text = ("Year,Partner,Share %,Amount,Total\n"
            "2020/21,Council,60%,,\n"
            "2020/21,Police,,,\n"
            "2020/21,Council,40%,,\n")
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "contributions", _csv(tmp_path, "c.csv", text))
    report = raised.value.report()
    assert "c.csv row 3, column 'Share %': and Amount are both empty; give the partner's share, or a fixed amount" \
        in report
    assert "c.csv row 4, column 'Partner': 'Council' is listed twice for 2020/21 (also row 2)" in report
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "contributions", _csv(tmp_path, "c.csv", "Year,Partner,Share %\n2020/21,Fire,abc\n"))
    assert "c.csv row 2, column 'Share %': 'abc' is not a share" in raised.value.report()
    with pytest.raises(ImportProblems) as raised:
        _import(empty_board, "contributions", _csv(tmp_path, "c.csv", "Year,Partner,Share %\n2020/21,Council,60%\n"))
    assert "row 2, column 'Total': is missing for 2020/21, whose partners have shares" in raised.value.report()
    assert empty_board.scalar("SELECT count(*) FROM contribution") == 0


def test_reimporting_contributions_updates_status(demo, tmp_path):
    path = _csv(tmp_path, "c.csv", SEED_CONTRIBUTIONS)
    _import(demo, "contributions", path)
    summary = _import(demo, "contributions", _csv(tmp_path, "c2.csv", SEED_CONTRIBUTIONS.replace(
        "Essex Police and Crime Commissioner,16.5%,\"£14,355\",", "Essex PCC,16.5%,\"£14,355\",received")))
    assert summary.updated == {"contributions": 1} and summary.skipped == 5
