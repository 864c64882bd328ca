"""Appendix 2 as a PDF: the seed's figures, both sign conventions, aligned pence, contributions."""

from __future__ import annotations

import datetime as dt
import re

import pdfplumber
import pytest

from sgdesk.cli import main
from sgdesk.errors import InputError
from sgdesk.finance.appendix import appendix2_story
from sgdesk.fyear import FinancialYear

_AMOUNT = re.compile(r"^[-−]?[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$")


def _export(demo_path, tmp_path, *extra: str) -> str:
    out = tmp_path / "appendix2.pdf"
    assert main(["export", str(demo_path), "appendix2", "--out", str(out), *extra]) == 0
    return str(out)


def _text(path: str) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_council_style_shows_the_seed_figures(demo_path, tmp_path):
    text = _text(_export(demo_path, tmp_path, "--year", "2018/19"))
    assert "Total Expenditure 137,755.83" in text
    assert "Total Income −140,084.42" in text  # negative amounts with a true minus sign, as councils print them
    assert "Outcome −2,328.59" in text
    assert "Expenditure Salaries 87,819.53" in text
    assert "Salary Recharge −11,745.03" in text
    assert "Insurance 200.00" in text
    assert "Income Other −62,921.00" in text
    assert "-1" not in text and "-2" not in text and "-6" not in text  # no hyphen stands in for a minus


def test_plain_style_shows_a_surplus(demo_path, tmp_path):
    text = _text(_export(demo_path, tmp_path, "--year", "2018/19", "--style", "plain"))
    assert "Total Income 140,084.42" in text
    assert "Surplus £2,328.59" in text
    assert "−2,328.59" not in text


def test_pence_line_up_in_the_amount_column(demo_path, tmp_path):
    path = _export(demo_path, tmp_path, "--year", "2018/19")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        chars = page.chars
    amounts = [w for w in words if _AMOUNT.match(w["text"]) and w["x0"] > 300]
    assert len(amounts) == 33   # 22 expenditure lines and a total, 8 income lines and a total, the outcome
    bold = {round(c["top"]) for c in chars if c["fontname"].endswith("Bold") and c["x0"] > 300}
    assert {round(w["top"]) for w in amounts if round(w["top"]) in bold} and len(bold) >= 3  # the totals are bold
    points = [c["x0"] for w in amounts for c in chars
              if c["text"] == "." and w["x0"] <= c["x0"] <= w["x1"] and abs(c["top"] - w["top"]) < 1]
    assert len(points) == 33
    assert max(points) - min(points) < 0.5   # the decimal points stand in one column


def test_contributions_are_the_second_part(demo_path, tmp_path):
    text = _text(_export(demo_path, tmp_path, "--year", "2016/17"))
    assert "Partner contributions 2016/17" in text
    for line in ("Southend Borough Council 49.5% of £87,000 43,065.00 Received",  # each share and its basis
                 "CCG 26% of £87,000 22,620.00 Received", "Other partners 0.1% of £87,000 87.00 Received",
                 "Total 100% 87,000.00"):
        assert line in text
    assert "Shares of a total requirement of £87,000.00, rounded to the pound" in text


def test_story_for_the_annual_report_pack(demo):
    title, orientation, story = appendix2_story(demo, 1, FinancialYear(2018), {"style": "plain", "detail": "categories"})
    assert (title, orientation) == ("Appendix 2: Southend LSCB finance 2018/19", "portrait")
    assert len(story) > 4


def test_story_options_are_checked(demo):
    with pytest.raises(InputError, match="is not a style of Appendix 2"):
        appendix2_story(demo, 1, "2018/19", {"style": "fancy"})
    with pytest.raises(InputError, match="is not a fund of this board"):
        appendix2_story(demo, 1, "2018/19", {"fund": "Nowhere"})


def test_export_needs_a_year(demo_path, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    assert main(["export", str(demo_path), "appendix2", "--out", str(out)]) == 1
    assert "Appendix 2 needs a financial year" in capsys.readouterr().err
    assert not out.exists()


def test_same_input_same_pdf(demo, tmp_path):
    from sgdesk.exporting import ExportRequest
    from sgdesk.finance.appendix import export_appendix2
    from sgdesk.fyear import Period

    outputs = []
    for name in ("one.pdf", "two.pdf"):
        request = ExportRequest(1, tmp_path / name, Period.for_year(2018), generated_on=dt.date(2026, 1, 5))
        result = export_appendix2(demo, request)
        assert result.pages == 2
        outputs.append(result.path.read_bytes())
    assert outputs[0] == outputs[1]


def _add_ledger_and_budget(bf) -> None:
    """Last year's salaries and office expenses, and a budget for this year's."""
    from sgdesk.finance.accounts import find_category, find_fund
    from sgdesk.finance.budgets import add_budget_line, budget_values
    from sgdesk.finance.demo import CORE_FUND
    from sgdesk.finance.ledger import add_entry, entry_values

    fund = find_fund(bf, 1, CORE_FUND)
    salaries, office = (find_category(bf, 1, "expenditure", name) for name in ("Salaries", "Office expenses"))
    contributions = find_category(bf, 1, "income", "Partner contributions")
    with bf.edit("Add the year before and a budget") as ed:
        for category, description, amount, section in ((salaries, "Salaries", 8000000, "expenditure"),
                                                       (office, "Office Expenses: Postage", 350000, "expenditure"),
                                                       (contributions, "Essex Police", 2000000, "income")):
            add_entry(ed, bf, 1, entry_values(year=FinancialYear(2017), section=section, category_id=category,
                                              fund_id=fund, description=description, amount=amount))
        for category, amount, section in ((salaries, 7500000, "expenditure"), (office, 600000, "expenditure"),
                                          (contributions, 6500000, "income")):
            add_budget_line(ed, bf, 1, budget_values(year=FinancialYear(2018), section=section, category_id=category,
                                                     fund_id=fund, description="Budget", amount=amount))


def test_a_year_with_a_budget_shows_budget_actual_and_variance_and_last_year_beside_it(demo, demo_path, tmp_path):
    _add_ledger_and_budget(demo)
    with pdfplumber.open(_export(demo_path, tmp_path, "--year", "2018/19")) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        header = next(table for table in page.extract_tables() if table[0][2] == "Budget £")[0]
    assert header == ["", "Category", "Budget £", "Actual £", "Variance £", "2017/18 £"]
    # Salaries: budget 75,000, actual 87,819.53 less the 11,745.03 recharge, over by 1,074.50; 80,000 last year
    assert "Salaries 75,000.00 76,074.50 1,074.50 80,000.00" in text
    assert "Office expenses 6,000.00 5,007.00 −993.00 3,500.00" in text
    assert "Partner contributions −65,000.00 −67,163.42 −2,163.42 −20,000.00" in text  # income negative
    assert "Total Expenditure 81,000.00 137,755.83 56,755.83 83,500.00" in text
    assert "Variance is actual less budget as printed" in text


def test_last_year_stands_beside_this_year_line_for_line_when_there_is_no_budget(demo, demo_path, tmp_path):
    _add_ledger_and_budget(demo)
    with demo.edit("Drop the budget") as ed:
        for (line_id,) in demo.query("SELECT id FROM budget_line WHERE year_start = 2018"):
            ed.delete("budget_line", line_id)
    text = _text(_export(demo_path, tmp_path, "--year", "2018/19"))
    assert "Description 2018/19 £ 2017/18 £" in text
    assert "Salaries 87,819.53 80,000.00" in text and "Salary Recharge −11,745.03 0.00" in text
    assert "Office Expenses: Postage 4,005.39 3,500.00" in text
    assert "Total Expenditure 137,755.83 83,500.00" in text and "Outcome −2,328.59 63,500.00" in text
