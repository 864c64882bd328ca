"""Finance core: allocation, contributions, budgets, carry-forward, reports, attention and checks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.cli import main
from sgdesk.finance.accounts import ensure_accounts, ensure_category, ensure_fund
from sgdesk.finance.allocation import allocate
from sgdesk.finance.attention import finance_attention
from sgdesk.finance.budgets import add_budget_line, budget_against_actual, budget_values
from sgdesk.finance.checks import finance_checks
from sgdesk.finance.contributions import (
    Contribution,
    add_contribution,
    calculate,
    list_contributions,
    set_year,
    update_contribution,
    year_allocation,
)
from sgdesk.finance.ledger import (
    add_entry,
    carry_forward,
    entry_values,
    list_entries,
    year_totals,
)
from sgdesk.fyear import FinancialYear
from sgdesk.money import pounds

Y2016, Y2018, Y2019 = FinancialYear(2016), FinancialYear(2018), FinancialYear(2019)


# -- allocation -----------------------------------------------------------------------------------------------------
@given(total=st.integers(min_value=0, max_value=10**12),
       weights=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=40).filter(any),
       unit=st.sampled_from([1, 100]))
def test_allocation_always_sums_exactly_to_the_total(total, weights, unit):
    parts = allocate(total, weights, unit)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    odd = total % unit
    for part, weight in zip(parts, weights):
        quota = (total - odd) * weight / sum(weights)
        assert abs(part - quota) <= unit + odd   # within one unit of the exact share
        assert part >= 0


@given(shares=st.lists(st.integers(min_value=0, max_value=1_000_000), min_size=1, max_size=12).filter(any),
       total=st.integers(min_value=0, max_value=10**10), rounding=st.sampled_from(["pound", "penny"]))
def test_contributions_by_share_always_add_up_to_the_total(shares, total, rounding):
    lines = [Contribution(None, f"Partner {n}", "share", share_ppm=s) for n, s in enumerate(shares)]
    allocation = calculate(Y2016, total, rounding, lines)
    assert allocation.cash_total == total
    if rounding == "pound" and total % 100 == 0:
        assert all(amount % 100 == 0 for amount in allocation.amounts)


def test_allocation_refuses_to_share_nothing_out():
    with pytest.raises(ValueError, match="add up to nothing"):
        allocate(100, [0, 0])


# -- the demo's contributions and ledger --------------------------------------------------------------------------------
def test_demo_2016_contributions_are_the_business_plan_figures(demo):
    allocation = year_allocation(demo, 1, Y2016)
    assert [line.label for line in allocation.lines][-1] == "Other partners"
    assert allocation.amounts == [pounds(n) for n in (43_065, 14_355, 22_620, 6_264, 609, 87)]
    assert allocation.cash_total == pounds(87_000)
    assert allocation.warnings == []


def test_demo_2018_ledger_totals(demo):
    result = year_totals(demo, 1, Y2018)
    assert (result.expenditure, result.income, result.outturn) == (13_775_583, 14_008_442, 232_859)
    assert len(list_entries(demo, 1, Y2018)) == 30


def test_shares_not_adding_to_100_are_worked_out_in_proportion_with_a_warning():
    lines = [Contribution(None, "A", "share", share_ppm=500_000), Contribution(None, "B", "share", share_ppm=490_000)]
    allocation = calculate(Y2016, pounds(1000), "penny", lines)
    assert allocation.cash_total == pounds(1000)
    assert allocation.warnings == ["the shares for 2016/17 add up to 99%, not 100%: amounts are in proportion to "
                                   "the shares given"]


def test_group_and_fixed_lines_come_first_and_shares_divide_the_rest():
    lines = [Contribution(None, "District councils", "group", amount=pounds(1210), group_count=12),
             Contribution(None, "Fire", "fixed", amount=pounds(500)),
             Contribution(None, "Council", "share", share_ppm=600_000),
             Contribution(None, "Police", "share", share_ppm=400_000),
             Contribution(None, "Room hire", "fixed", amount=pounds(900), in_kind=True)]
    allocation = calculate(Y2016, pounds(50_000), "pound", lines)
    assert allocation.amounts == [pounds(14_520), pounds(500), pounds(20_988), pounds(13_992), pounds(900)]
    assert allocation.cash_total == pounds(50_000)
    assert lines[0].basis_text == "12 × £1,210.00"


# -- budgets and carry-forward over two years ------------------------------------------------------------------------------
def _spend(ed, bf, year, section, category, amount, description="line"):
    values = entry_values(year=year, section=section, category_id=ensure_category(ed, bf, 1, section, category),
                          fund_id=ensure_fund(ed, bf, 1, "General fund"), description=description, amount=amount)
    return add_entry(ed, bf, 1, values)


def _budget(ed, bf, year, section, category, amount):
    add_budget_line(ed, bf, 1, budget_values(year=year, section=section, description=category, amount=amount,
                                             category_id=ensure_category(ed, bf, 1, section, category),
                                             fund_id=ensure_fund(ed, bf, 1, "General fund")))


def test_budget_against_actual_and_carry_forward_across_two_years(empty_board):
    bf = empty_board
    with bf.edit("Set up 2018/19") as ed:
        ensure_accounts(ed, bf, 1)
        _budget(ed, bf, Y2018, "expenditure", "Salaries", pounds(80_000))
        _budget(ed, bf, Y2018, "income", "Partner contributions", pounds(90_000))
        _spend(ed, bf, Y2018, "expenditure", "Salaries", pounds(84_000))
        _spend(ed, bf, Y2018, "income", "Partner contributions", pounds(87_000))
    result = budget_against_actual(bf, 1, Y2018)
    salaries = next(row for row in result.rows if row.category == "Salaries")
    assert (salaries.variance, salaries.variance_percent) == (pounds(4_000), 5)
    income = result.section_total("income")
    assert (income.variance, income.variance_percent) == (pounds(-3_000), -3)
    assert result.actual.outturn == pounds(3_000) and result.budget.outturn == pounds(10_000)
    assert result.carried_forward is None

    with bf.edit("Carry forward") as ed:
        carry_forward(ed, bf, 1, Y2018, ensure_fund(ed, bf, 1, "General fund"))
    with bf.edit("Set up 2019/20") as ed:
        _budget(ed, bf, Y2019, "income", "Carried forward", pounds(3_000))
        _spend(ed, bf, Y2019, "expenditure", "Salaries", pounds(1_000))
    next_year = budget_against_actual(bf, 1, Y2019)
    carried = next(row for row in next_year.rows if row.category == "Carried forward")
    assert (carried.budget, carried.actual, carried.variance) == (pounds(3_000), pounds(3_000), 0)
    assert next_year.actual.outturn == pounds(2_000)
    assert budget_against_actual(bf, 1, Y2018).carry_forward_current

    # a late 2018/19 invoice: the carried figure is now wrong, and the Overview says so
    with bf.edit("Late invoice") as ed:
        _spend(ed, bf, Y2018, "expenditure", "Salaries", pounds(500), "Late invoice")
    items = finance_attention(bf, 1, today=dt.date(2020, 6, 1))
    assert any("2018/19 outturn is now Surplus £2,500.00, but £3,000.00 was carried forward" in i.text for i in items)
    with bf.edit("Carry forward again") as ed:
        carry_forward(ed, bf, 1, Y2018, ensure_fund(ed, bf, 1, "General fund"))
    assert [e.amount for e in list_entries(bf, 1, Y2019) if e.carried_from == 2018] == [pounds(2_500)]
    assert budget_against_actual(bf, 1, Y2019).actual.outturn == pounds(1_500)


def test_in_kind_entries_are_recorded_but_not_counted(empty_board):
    bf = empty_board
    with bf.edit("Entries") as ed:
        ensure_accounts(ed, bf, 1)
        _spend(ed, bf, Y2018, "income", "Partner contributions", pounds(100))
        values = entry_values(year=Y2018, section="income", description="Meeting rooms (in kind)",
                              category_id=ensure_category(ed, bf, 1, "income", "Other income"),
                              fund_id=ensure_fund(ed, bf, 1, "General fund"), amount=pounds(400), in_kind=True)
        add_entry(ed, bf, 1, values)
        _spend(ed, bf, Y2018, "income", "Other income", pounds(50))
    result = year_totals(bf, 1, Y2018)
    assert (result.income, result.in_kind) == (pounds(150), pounds(400))
    comparison = budget_against_actual(bf, 1, Y2018)     # the budget report's actuals are cash only
    assert {row.category: row.actual for row in comparison.rows} == {"Partner contributions": pounds(100),
                                                                     "Other income": pounds(50)}
    assert (comparison.actual.income, comparison.actual.in_kind) == (pounds(150), pounds(400))


def test_a_date_outside_the_year_is_refused(empty_board):
    with pytest.raises(ValueError, match="is outside the financial year 2018/19"):
        entry_values(year=Y2018, section="expenditure", category_id=1, fund_id=1, description="x", amount=1,
                     entry_date=dt.date(2019, 4, 1))


# -- attention and checks --------------------------------------------------------------------------------------------------
def test_attention_lists_contributions_not_yet_received(demo):
    line = list_contributions(demo, 1, Y2016)[1]
    with demo.edit("Invoice") as ed:
        update_contribution(ed, Contribution(line.id, line.label, line.basis, line.share_ppm, status="invoiced",
                                             invoiced_on=dt.date(2016, 5, 3), organisation_id=line.organisation_id))
    items = finance_attention(demo, 1, today=dt.date(2019, 6, 1))
    texts = [item.text for item in items]
    assert "Essex Police and Crime Commissioner's 2016/17 contribution of £14,355.00 is invoiced, not yet received" \
        in texts
    item = next(i for i in items if "Essex Police and Crime" in i.text)
    assert (item.view, item.target["tab"], item.target["contribution_id"]) == ("finance", "contributions", line.id)


def test_demo_overview_says_the_2018_surplus_is_not_carried_forward(demo):
    texts = [item.text for item in finance_attention(demo, 1, today=dt.date(2026, 5, 1))]
    assert texts == ["2018/19 outturn (Surplus £2,328.59) is not carried forward into 2019/20"]


def test_check_finds_shares_not_adding_up_and_entries_outside_their_year(demo):
    with demo.edit("Break things") as ed:
        set_year(ed, demo, 1, Y2016, total=pounds(87_000), rounding="pound")
        add_contribution(ed, demo, 1, Y2016, Contribution(None, "Essex Fire", "share", share_ppm=10_000))
        entry = list_entries(demo, 1, Y2018)[0]
        ed.update("ledger_entry", entry.id, {"entry_date": "2017-05-01"})   # as an older tool might have left it
    findings = [str(f) for f in finance_checks(demo)]
    assert any("ledger entry 'Salaries' is dated 1 May 2017, outside its year 2018/19" in f for f in findings)
    assert any("the shares for 2016/17 add up to 101%, not 100%" in f for f in findings)
    assert main(["check", str(demo.path)]) == 0   # warnings, not problems


# -- reports -----------------------------------------------------------------------------------------------------------------
def test_budget_report_for_2016(demo_path, capsys):
    assert main(["report", str(demo_path), "budget", "--year", "2016/17", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Expenditure,Total expenditure,115850.00,0.00,-115850.00,-100" in out
    assert "Income,Total income,173000.00,0.00,-173000.00,-100" in out
    assert "Expenditure,Child death review,8000.00," in out
    assert "Outturn,Income less expenditure,57150.00," in out


def test_a_budget_report_for_a_year_without_a_budget_says_so_and_shows_actuals_only(demo_path, tmp_path, capsys):
    import pdfplumber

    out = tmp_path / "budget.pdf"
    assert main(["export", str(demo_path), "budget", "--year", "2018/19", "--out", str(out)]) == 0
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
        header = pdf.pages[0].extract_tables()[0][0]
    assert "No budget is set for 2018/19" in text
    assert header == ["Section", "Category", "Actual"]
    assert "£0.00" not in text and "100%" not in text and "overspend" not in text.lower()


def test_contributions_report_compares_years(demo_path, capsys):
    assert main(["report", str(demo_path), "contributions", "--year", "2018/19", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "NHS Southend CCG,Fixed,33039.00,Received,,,22620.00,10419.00,46" in out
    assert "National Probation Service,Fixed,1770.42,Received,,,6264.00,-4493.58,-72" in out
    assert "NHS Southend Clinical Commissioning Group,22620.00,33039.00" in out


def test_ledger_report_has_a_running_balance_and_the_outcome(demo_path, capsys):
    assert main(["report", str(demo_path), "ledger", "--year", "2018/19", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"balance": 2328.59' in out
    assert "surplus £2,328.59 (council outcome −2,328.59)" in out


def test_budget_report_needs_a_whole_year(demo_path, capsys):
    assert main(["report", str(demo_path), "budget"]) == 1
    assert "needs a financial year" in capsys.readouterr().err
    assert main(["report", str(demo_path), "budget", "--from", "01/04/2018", "--to", "30/09/2018"]) == 1
    assert "is not a financial year" in capsys.readouterr().err


def test_loading_the_feature_imports_no_heavy_library():
    code = ("import sys; from sgdesk import registry; registry.load(); "
            "print(sorted(m for m in ('pandas', 'reportlab', 'openpyxl', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
