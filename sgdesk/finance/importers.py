"""Import kinds ``ledger`` and ``contributions``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from sgdesk.core_feature import parse_yes_no
from sgdesk.dates import format_date_numeric, parse_date
from sgdesk.errors import InputError, quoted
from sgdesk.finance.accounts import (
    SECTION_LABELS,
    Section,
    category_names,
    find_fund,
    guess_category,
    parse_section,
)
from sgdesk.finance.allocation import ROUNDINGS, Rounding
from sgdesk.finance.contributions import (
    WHOLE,
    Contribution,
    add_contribution,
    calculate,
    format_share,
    list_contributions,
    parse_count,
    parse_share,
    parse_status,
    set_year,
    update_contribution,
    year_settings,
)
from sgdesk.finance.ledger import (
    LedgerEntry,
    LineDetails,
    check_entry_date,
    list_entries,
    save_entry,
)
from sgdesk.fyear import FinancialYear
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.money import Pence, format_money, parse_money
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_YEAR = Column("year", "Year", "the financial year, e.g. 2018/19 (2018-19, 2018-2019 and 2018 are read too)",
               parse=FinancialYear.parse, aliases=("Financial year", "FY"), example="2018/19")
_TOTAL_WORD = "total"


def _rounding(value: Any) -> Rounding:
    text = " ".join(str(value).split()).casefold().removeprefix("to the ").removeprefix("nearest ")
    if text in ("pound", "pounds", "£1", "1"):
        return "pound"
    if text in ("penny", "pence", "p", "0.01"):
        return "penny"
    raise InputError(quoted(value), "is not a rounding", f"write one of: {', '.join(ROUNDINGS)}")


def _is_total_line(text: str | None) -> bool:
    return bool(text) and " ".join(str(text).split()).casefold().split(" ")[0] == _TOTAL_WORD


# -- ledger ---------------------------------------------------------------------------------------------------------
def _line_key(line: LineDetails | LedgerEntry) -> tuple:
    """What makes a ledger line the same as one already in the ledger."""
    return (line.year.start_year, line.section, line.description.casefold(), line.amount, line.entry_date,
            line.reference)


@dataclass
class _LedgerPlan:
    """What a ledger import will write: its lines, notes for the summary, and the categories and funds it adds."""

    lines: list[LineDetails]
    notes: list[str] = field(default_factory=list)
    new_categories: set[tuple[str, str]] = field(default_factory=set)
    new_funds: set[str] = field(default_factory=set)


class LedgerImport(ImportKind):
    name = "ledger"
    title = "ledger"
    description = (
        "Expenditure and income lines of one or more financial years, as a council ledger or Appendix 2 lists "
        "them. Rows headed Total... are checked against the lines above them and not imported. A row already in "
        "the ledger (same year, section, description, amount, date and reference) is skipped."
    )
    columns = (
        _YEAR,
        Column("section", "Section",
               "Expenditure or Income; a blank cell takes the section of the row above, as in a printed ledger",
               parse=parse_section, required=False, aliases=("Expenditure/Income", "Type", "In/Out"),
               example="Expenditure"),
        Column("category", "Category",
               "the budget category, e.g. Salaries, Office expenses, Partner contributions; a new name adds a "
               "category; blank: the category named before a colon in the description (\"ICT: Hardware\"), "
               "else Other expenditure or Other income",
               required=False, aliases=("Cost category", "Heading", "Account"), example="Office expenses"),
        Column("description", "Description", "what the money was for or who paid it",
               aliases=("Item", "Details", "Narrative", "Line"), example="Office Expenses: Postage"),
        Column("amount", "Amount",
               "the amount in pounds: £, thousands separators, a minus sign or brackets (1,000.00) are read. "
               "Expenditure keeps its sign (a negative line, e.g. a salary recharge, reduces spending). Income "
               "may be written negative, council style, or positive: when a year's income lines add up to less "
               "than zero they are read as council style, so -62,921.00 is £62,921.00 received (and a positive "
               "line is a refund); otherwise positive income is money received",
               parse=parse_money, aliases=("£", "Amount £", "Value", "GBP", "Net"), example="4,005.39"),
        Column("entry_date", "Date", "the date of the entry, inside its financial year (blank for a summary line)",
               parse=parse_date, required=False, aliases=("Entry date", "Transaction date", "Posted"),
               example="27/08/2018"),
        Column("fund", "Fund",
               "the fund or cost centre, e.g. Child death review; a new name adds a fund; blank: the board's "
               "first fund", required=False, aliases=("Cost centre", "Cost center"), example="General fund"),
        Column("party", "Supplier or payer", "who was paid, or who paid", required=False,
               aliases=("Supplier", "Payer", "Payee"), example="Essex County Council"),
        Column("reference", "Reference", "an invoice or journal number", required=False,
               aliases=("Ref", "Invoice", "Invoice number", "Journal"), example="INV-2018-044"),
        Column("in_kind", "In kind", "Yes for an in-kind line, recorded but kept out of the cash totals",
               parse=parse_yes_no, required=False, aliases=("In-kind",), example="No"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> _LedgerPlan:
        plan = _LedgerPlan([])
        written: list[tuple[ParsedRow, Section]] = []
        totals_rows: list[tuple[ParsedRow, Section]] = []
        section: Section | None = None
        for row in rows:
            section = row["section"] or section
            if section is None:
                problems.append(Problem(source, row.number, "Section", None, "is empty",
                                        "write Expenditure or Income on the first row"))
                continue
            if row["year"] is None or row["amount"] is None:
                continue
            if _is_total_line(row["description"]) and not row["category"]:
                totals_rows.append((row, section))
                continue
            if row["entry_date"] is not None:
                try:
                    check_entry_date(row["entry_date"], row["year"])
                except InputError as error:
                    problems.append(Problem(source, row.number, "Date", format_date_numeric(row["entry_date"]),
                                            error.why, error.fix))
                    continue
            written.append((row, section))
        council_years = self._council_years(written)
        for year in sorted(council_years):
            plan.notes.append(f"{year.label}: income read as council style (negative is money received)")
        self._check_totals(written, totals_rows, plan.notes)
        names = {s: category_names(bf, board_id, s) for s in ("expenditure", "income")}
        for row, section in written:
            amount = -row["amount"] if section == "income" and row["year"] in council_years else row["amount"]
            category = row["category"] or guess_category(section, row["description"], names[section])
            if category.casefold() not in {n.casefold() for n in names[section]}:
                plan.new_categories.add((section, category))
            if row["fund"] and find_fund(bf, board_id, row["fund"]) is None:
                plan.new_funds.add(" ".join(row["fund"].split()))
            plan.lines.append(LineDetails(row["year"], section, category, row["description"], amount, row["fund"],
                                          row["entry_date"], row["party"], row["reference"], bool(row["in_kind"])))
        return plan

    @staticmethod
    def _council_years(written: list[tuple[ParsedRow, Section]]) -> set[FinancialYear]:
        income: dict[FinancialYear, Pence] = {}
        for row, section in written:
            if section == "income":
                income[row["year"]] = income.get(row["year"], 0) + row["amount"]
        return {year for year, total in income.items() if total < 0}

    @staticmethod
    def _check_totals(written: list[tuple[ParsedRow, Section]], totals_rows: list[tuple[ParsedRow, Section]],
                      notes: list[str]) -> None:
        """Compare each Total row with the lines of its year and section, as written; report, never fix."""
        for total_row, section in totals_rows:
            added = sum(row["amount"] for row, s in written if s == section and row["year"] == total_row["year"])
            if added != total_row["amount"]:
                notes.append(f"row {total_row.number}: '{total_row['description']}' says "
                              f"{format_money(total_row['amount'])} but the {SECTION_LABELS[section].lower()} "
                              f"lines above add up to {format_money(added)} (the lines were imported as given)")

    def apply(self, plan: _LedgerPlan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        existing = Counter(_line_key(entry) for year in {line.year for line in plan.lines}
                           for entry in list_entries(bf, board_id, year))
        for line in plan.lines:
            if existing[_line_key(line)] > 0:
                existing[_line_key(line)] -= 1
                summary.skipped += 1
                continue
            save_entry(ed, bf, board_id, line)
            summary.count("ledger entries")
        summary.notes.extend(plan.notes)
        for section, name in sorted(plan.new_categories):
            summary.notes.append(f"new {section} category '{name}' added")
        for name in sorted(plan.new_funds):
            summary.notes.append(f"new fund '{name}' added")


# -- contributions ---------------------------------------------------------------------------------------------------
def _share_cell(value: Any) -> tuple[int, bool]:
    """The share in millionths, and whether it was a bare number up to 1 (perhaps an Excel percent cell)."""
    bare_fraction = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 1
    return parse_share(value), bare_fraction


@dataclass
class _ContributionYear:
    """One financial year's contributions as an import reads them: the total requirement, rounding and lines."""

    year: FinancialYear
    total: Pence | None = None
    total_row: int | None = None
    rounding: Rounding | None = None
    lines: list[tuple[int, Contribution]] = field(default_factory=list)
    stated: dict[int, Pence] = field(default_factory=dict)   # row -> amount written beside a share


class ContributionsImport(ImportKind):
    name = "contributions"
    title = "partner contributions"
    description = (
        "Each partner's contribution per year: a percentage share of the year's total requirement, a fixed "
        "amount, or a group line (Count and Amount each). Give the total requirement in the Total column on any "
        "row of the year, or as a row whose Partner is Total. A partner already listed for that year is updated."
    )
    columns = (
        _YEAR,
        Column("partner", "Partner", "the partner agency as named in SG Desk (or a group such as District "
               "councils, or Other partners)", aliases=("Agency", "Organisation", "Contributor"),
               example="Southend Borough Council"),
        Column("share", "Share %", "the agreed percentage share of the total requirement, e.g. 49.5% (Excel "
               "percentage cells are read as percentages); leave blank for a fixed amount", parse=_share_cell,
               required=False, aliases=("Share", "Percentage", "Proposed %age", "%age"), example="49.5%"),
        Column("amount", "Amount", "a fixed amount in pounds (with Count: the amount each); beside a share it is "
               "only compared with the worked-out amount. £, separators and brackets are read",
               parse=parse_money, required=False, aliases=("Contribution", "Fixed amount", "£"),
               example="43,065"),
        Column("count", "Count", "for a group line, how many pay the Amount each (e.g. 12 district councils)",
               parse=parse_count, required=False, aliases=("Number", "How many"), example=""),
        Column("total", "Total", "the year's total requirement that the shares divide, on any row of the year",
               parse=parse_money, required=False, aliases=("Total requirement", "Year total"), example="87,000"),
        Column("rounding", "Round to", "pound or penny: how shares are rounded (default pound)", parse=_rounding,
               required=False, aliases=("Rounding",), example="pound"),
        Column("status", "Status", "projected, invoiced or received (default projected)", parse=parse_status,
               required=False, aliases=("Stage",), example="invoiced"),
        Column("invoiced_on", "Invoiced", "the date the invoice was sent", parse=parse_date, required=False,
               aliases=("Invoiced on", "Invoice date"), example="01/05/2016"),
        Column("received_on", "Received", "the date the money arrived", parse=parse_date, required=False,
               aliases=("Received on", "Paid on"), example=""),
        Column("in_kind", "In kind", "Yes for a contribution in kind (kept out of the cash totals)",
               parse=parse_yes_no, required=False, aliases=("In-kind",), example="No"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> dict[FinancialYear, _ContributionYear]:
        years: dict[FinancialYear, _ContributionYear] = {}
        first = FirstRows(source, problems)
        for row in rows:
            year = row["year"]
            if year is None or row["partner"] is None:
                continue
            plan = years.setdefault(year, _ContributionYear(year))
            if _is_total_line(row["partner"]):
                self._take_total(plan, row, row["total"] or row["amount"], source, problems)
                continue
            if row["total"] is not None:
                self._take_total(plan, row, row["total"], source, problems)
            if row["rounding"] is not None:
                plan.rounding = row["rounding"]
            if first.is_repeat((year, row["partner"].casefold()), row.number, "Partner", row["partner"],
                               f"is listed twice for {year.label}", "keep one row per partner and year"):
                continue
            line = self._line(row, bf, source, problems)
            if line is not None:
                plan.lines.append((row.number, line))
                if line.basis == "share" and row["amount"] is not None:
                    plan.stated[row.number] = row["amount"]
        for plan in years.values():
            self._read_excel_fractions(plan, rows)
            if any(line.basis == "share" for _, line in plan.lines) and plan.total is None:
                if year_settings(bf, board_id, plan.year)[0] is None:
                    row = next(number for number, line in plan.lines if line.basis == "share")
                    problems.append(Problem(source, row, "Total", None,
                                            f"is missing for {plan.year.label}, whose partners have shares",
                                            "give the year's total requirement in the Total column on one row"))
        return years

    @staticmethod
    def _take_total(plan: _ContributionYear, row: ParsedRow, total: Pence | None, source: str,
                    problems: list[Problem]) -> None:
        if total is None:
            return
        if plan.total is not None and total != plan.total:
            problems.append(Problem(source, row.number, "Total", format_money(total),
                                    f"differs from the total {format_money(plan.total)} on row {plan.total_row}",
                                    f"give {plan.year.label} one total requirement"))
            return
        plan.total, plan.total_row = total, row.number

    @staticmethod
    def _line(row: ParsedRow, bf: BoardFile, source: str, problems: list[Problem]) -> Contribution | None:
        share = row["share"]
        if share is None and row["amount"] is None:
            problems.append(Problem(source, row.number, "Share %", None, "and Amount are both empty",
                                    "give the partner's share, or a fixed amount"))
            return None
        if row["count"] is not None and (share is not None or row["amount"] is None):
            problems.append(Problem(source, row.number, "Count", row["count"], "needs an Amount each and no share",
                                    "for a group line give Count and Amount (each), and leave Share % blank"))
            return None
        basis = "share" if share is not None else ("group" if row["count"] is not None else "fixed")
        line = Contribution(
            None, " ".join(row["partner"].split()), basis, share_ppm=share[0] if share else None,
            amount=None if basis == "share" else row["amount"], group_count=row["count"],
            status=row["status"] or ("received" if row["received_on"] else
                                     "invoiced" if row["invoiced_on"] else "projected"),
            invoiced_on=row["invoiced_on"], received_on=row["received_on"], in_kind=bool(row["in_kind"]),
            organisation_id=find_organisation(bf, row["partner"]),
        )
        if line.received_on and line.invoiced_on and line.received_on < line.invoiced_on:
            problems.append(Problem(source, row.number, "Received", format_date_numeric(line.received_on),
                                    "is before the invoice date", "check the two dates"))
            return None
        return line

    @staticmethod
    def _read_excel_fractions(plan: _ContributionYear, rows: list[ParsedRow]) -> None:
        """Shares all written as bare numbers up to 1 that add up to 1 are Excel percentages (0.495 is 49.5%)."""
        cells = {row.number: row["share"] for row in rows if row["share"] is not None and row["year"] == plan.year}
        numbers = [number for number, line in plan.lines if line.basis == "share"]
        if not numbers or not all(cells[n][1] for n in numbers):
            return
        if sum(cells[n][0] for n in numbers) * 100 != WHOLE:
            return
        plan.lines = [(n, replace(line, share_ppm=(line.share_ppm or 0) * 100)) if line.basis == "share" else (n, line)
                      for n, line in plan.lines]

    def apply(self, plan: dict[FinancialYear, _ContributionYear], ed: Action, bf: BoardFile, board_id: int,
              summary: ImportSummary) -> None:
        for year, wanted in sorted(plan.items()):
            stored_total, stored_rounding = year_settings(bf, board_id, year)
            total = stored_total if wanted.total is None else wanted.total
            rounding = wanted.rounding or stored_rounding
            if (total, rounding) != (stored_total, stored_rounding):
                set_year(ed, bf, board_id, year, total=total, rounding=rounding)
            existing = list_contributions(bf, board_id, year)
            for _number, line in wanted.lines:
                match = next((c for c in existing if c.label.casefold() == line.label.casefold() or (
                    line.organisation_id is not None and c.organisation_id == line.organisation_id)), None)
                if match is None:
                    add_contribution(ed, bf, board_id, year, line)
                    summary.count("contributions")
                elif update_contribution(ed, replace(line, id=match.id, position=match.position)):
                    summary.count("contributions", "updated")
                else:
                    summary.skipped += 1
            self._note_year(bf, board_id, year, wanted, summary)

    @staticmethod
    def _note_year(bf: BoardFile, board_id: int, year: FinancialYear, wanted: _ContributionYear,
                   summary: ImportSummary) -> None:
        total, rounding = year_settings(bf, board_id, year)
        allocation = calculate(year, total, rounding, list_contributions(bf, board_id, year))
        summary.notes.extend(allocation.warnings)
        worked_out = {line.label.casefold(): amount for line, amount in zip(allocation.lines, allocation.amounts)}
        for number, line in wanted.lines:
            stated = wanted.stated.get(number)
            amount = worked_out.get(line.label.casefold())
            if stated is not None and amount is not None and stated != amount:
                summary.notes.append(f"row {number}: {line.label}'s amount {format_money(stated)} is not the "
                                     f"worked-out {format_money(amount)} ({format_share(line.share_ppm or 0)} "
                                     f"of {format_money(allocation.total)}); the share was kept")
        unmatched = [line.label for _, line in wanted.lines if line.organisation_id is None]
        if unmatched:
            summary.notes.append(f"not an organisation in SG Desk, kept by name: {', '.join(unmatched)}")

