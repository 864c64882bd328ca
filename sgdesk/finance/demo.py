"""Demo part 20: Southend LSCB's finance from the seed reports.

- The 2018/19 ledger, line for line, from Appendix 2 of the 2017-19 annual report: expenditure
  £137,755.83, income £140,084.42, a surplus of £2,328.59 (council outcome -2,328.59). The web
  design line names a sole trader in the report; the demo keeps the line and its amount, not the name.
- The 2016/17 partner contributions (49.5/16.5/26.0/7.2/0.7/0.1% of £87,000) and budget from
  section 4 of the 2016-19 business plan. The report leaves the 0.1% line's partner blank; the
  demo calls it "Other partners".
- The 2018/19 contributions received from partner agencies, as fixed amounts, from the income
  lines of the same Appendix 2.
"""

from __future__ import annotations

from sgdesk.finance.accounts import ensure_fund
from sgdesk.finance.budgets import save_budget_line
from sgdesk.finance.contributions import Contribution, add_contribution, set_year
from sgdesk.finance.ledger import LineDetails, save_entry
from sgdesk.fyear import FinancialYear
from sgdesk.money import parse_money, pounds
from sgdesk.organisations import add_organisation, find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

CORE_FUND = "LSCB core budget"
CDR_FUND = "Child death review (ring-fenced)"

# (category, description, supplier or payer, amount as printed in the seed)
LEDGER_2018_EXPENDITURE: tuple[tuple[str, str, str | None, str], ...] = (
    ("Salaries", "Salaries", None, "87,819.53"),
    ("Salaries", "Salary Recharge", None, "-11,745.03"),
    ("Professional fees", "Professional Fees: Essex CC", "Essex County Council", "11,102.48"),
    ("Professional fees", "Professional Fees: E J C ASSOCIATES", "E J C Associates", "21,086.40"),
    ("Professional fees", "Professional Fees: Leela Consulting Services", "Leela Consulting Services", "1,858.50"),
    ("Consultancy", "Consultancy: STRATEGIC ARC", "Strategic Arc", "11,431.80"),
    ("Recruitment and vetting", "Recruitment", None, "950.00"),
    ("Recruitment and vetting", "Criminal Records Bureau Checks", None, "54.00"),
    ("Office expenses", "Security", None, "7.00"),
    ("Meeting expenses", "Meeting Expenses: Equipment Hire", None, "1,000.00"),
    ("Meeting expenses", "Meeting Expenses: Catering/Hospitality", None, "761.15"),
    ("Office expenses", "Office Expenses: Telephone charges", None, "466.92"),
    ("Office expenses", "Office Expenses: Stationery", None, "25.13"),
    ("Office expenses", "Office Expenses: Postage", None, "4,005.39"),
    ("Office expenses", "Office Expenses: Printing", None, "2.56"),
    ("Training", "Training fees", None, "2,500.00"),
    ("ICT", "Web Design", None, "350.00"),
    ("ICT", "ICT: ChronoLator Licence", "ChronoLator", "1,130.00"),
    ("ICT", "ICT: Hardware", None, "2,750.00"),
    ("Subscriptions", "Association of Independent LSCB Chairs", "Association of Independent LSCB Chairs",
     "1,500.00"),
    ("Office expenses", "Health and Safety", None, "500.00"),
    ("Insurance", "Insurance", None, "200.00"),
)
# (category, description, payer, amount as printed: council style, income negative)
LEDGER_2018_INCOME: tuple[tuple[str, str, str | None, str], ...] = (
    ("Other income", "Other", None, "-62,921.00"),
    ("Schools/DSG", "DSG", "Schools Forum", "-10,000.00"),
    ("Partner contributions", "CAFCASS", "CAFCASS", "-805.00"),
    ("Partner contributions", "Essex CRC", "Essex Community Rehabilitation Company", "-4,577.00"),
    ("Partner contributions", "Essex Police", "Essex Police", "-20,972.00"),
    ("Partner contributions", "National Probation Service", "National Probation Service", "-1,770.42"),
    ("Partner contributions", "NHS Southend CCG", "NHS Southend Clinical Commissioning Group", "-33,039.00"),
    ("Partner contributions", "Schools & Colleges", "Schools and Colleges", "-6,000.00"),
)

OTHER_PARTNERS = "Other partners"
# (label, organisation, share in millionths) of £87,000 in 2016/17, to the pound
CONTRIBUTIONS_2016: tuple[tuple[str, str | None, int], ...] = (
    ("Southend Borough Council", "Southend Borough Council", 495_000),
    ("Essex Police and Crime Commissioner", "Essex Police and Crime Commissioner", 165_000),
    ("CCG", "NHS Southend Clinical Commissioning Group", 260_000),
    ("National Probation Service", "National Probation Service", 72_000),
    ("CAFCASS (+ reserves)", "CAFCASS", 7_000),
    (OTHER_PARTNERS, None, 1_000),
)

# (section, category, fund, description, whole pounds)
BUDGET_2016: tuple[tuple[str, str, str, str, int], ...] = (
    ("income", "Partner contributions", CORE_FUND, "Proposed funding by partners", 87_000),
    ("income", "Training income", CORE_FUND, "Income from LSCB training", 5_000),
    ("income", "Schools/DSG", CORE_FUND, "Income from Schools Forum (subject to confirmation)", 10_000),
    ("income", "Carried forward", CORE_FUND, "2015/16 outturn", 71_000),
    ("expenditure", "Salaries", CORE_FUND, "Independent Chair", 18_000),
    ("expenditure", "Salaries", CORE_FUND, "Business Manager (0.5)", 34_000),
    ("expenditure", "Salaries", CORE_FUND, "LSCB & SAB Data and Performance Officer (0.5)", 22_500),
    ("expenditure", "Salaries", CORE_FUND, "LSCB & SAB Administrator (0.5)", 11_000),
    ("expenditure", "Child death review", CDR_FUND, "Child Death Reviews: Contribution to Administration", 8_000),
    ("expenditure", "Case reviews", CORE_FUND,
     "Serious Case Reviews to be funded separately using existing contribution formula as required", 0),
    ("expenditure", "Advertising and publicity", CORE_FUND, "Community Sub Group Campaigns", 3_000),
    ("expenditure", "Advertising and publicity", CORE_FUND, "Child Sexual Exploitation", 5_000),
    ("expenditure", "Training", CORE_FUND, "E-Academy", 6_000),
    ("expenditure", "Training", CORE_FUND, "Free Training for Community and Voluntary Organisations", 2_000),
    ("expenditure", "E-safety", CORE_FUND, "E Safety: Walk on Line Roadshow", 5_000),
    ("expenditure", "Meeting expenses", CORE_FUND, "Meeting Expenses", 1_000),
    ("expenditure", "ICT", CORE_FUND, "LSCB & SAB Website: estimated hosting and maintenance", 350),
)


def build_finance_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    ensure_fund(ed, bf, board_id, CORE_FUND)
    ensure_fund(ed, bf, board_id, CDR_FUND, ring_fenced=True)
    _ledger_2018(ed, bf, board_id)
    _budget_2016(ed, bf, board_id)
    _contributions_2016(ed, bf, board_id)
    _contributions_2018(ed, bf, board_id)


def _ledger_2018(ed: Action, bf: BoardFile, board_id: int) -> None:
    year = FinancialYear(2018)
    for section, lines in (("expenditure", LEDGER_2018_EXPENDITURE), ("income", LEDGER_2018_INCOME)):
        for category, description, party, printed in lines:
            amount = parse_money(printed)
            save_entry(ed, bf, board_id, LineDetails(year, section, category, description,
                                                     -amount if section == "income" else amount, CORE_FUND,
                                                     party=party))


def _budget_2016(ed: Action, bf: BoardFile, board_id: int) -> None:
    year = FinancialYear(2016)
    for section, category, fund, description, whole_pounds in BUDGET_2016:
        save_budget_line(ed, bf, board_id, LineDetails(year, section, category, description, pounds(whole_pounds),
                                                       fund))


def _contributions_2016(ed: Action, bf: BoardFile, board_id: int) -> None:
    year = FinancialYear(2016)
    set_year(ed, bf, board_id, year, total=pounds(87_000), rounding="pound")
    for label, organisation, share in CONTRIBUTIONS_2016:
        organisation_id = None if organisation is None else find_organisation(bf, organisation)
        add_contribution(ed, bf, board_id, year, Contribution(None, label, "share", share_ppm=share,
                                                              status="received", organisation_id=organisation_id))


def _contributions_2018(ed: Action, bf: BoardFile, board_id: int) -> None:
    year = FinancialYear(2018)
    for _category, label, payer, printed in LEDGER_2018_INCOME[2:]:
        organisation_id = find_organisation(bf, payer or label)
        if organisation_id is None:
            organisation_id = add_organisation(ed, payer or label)
        add_contribution(ed, bf, board_id, year, Contribution(None, label, "fixed", amount=-parse_money(printed),
                                                              status="received", organisation_id=organisation_id))
