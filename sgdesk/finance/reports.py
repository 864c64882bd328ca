"""Reports ``ledger``, ``contributions`` and ``budget``."""

from __future__ import annotations

from sgdesk.errors import InputError
from sgdesk.finance.accounts import SECTION_LABELS
from sgdesk.finance.budgets import BudgetAgainstActual, budget_against_actual
from sgdesk.finance.contributions import (
    Allocation,
    format_share,
    history,
    partner_name,
    year_allocation,
)
from sgdesk.finance.ledger import (
    finance_years,
    list_entries,
    outcome_text,
    period_year,
    totals,
)
from sgdesk.fyear import FinancialYear, Period
from sgdesk.money import format_money
from sgdesk.percent import whole_percent
from sgdesk.reporting import ReportColumn, ReportTable
from sgdesk.store import BoardFile

_MONEY = "money"


def ledger_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """Every entry of the year (or of every year), with a running balance, then totals by category."""
    year = period_year(period, "the ledger report")
    years = [year] if year else finance_years(bf, board_id)
    columns = [ReportColumn("year", "Year"), ReportColumn("date", "Date", "date"),
               ReportColumn("section", "Section"), ReportColumn("category", "Category"),
               ReportColumn("fund", "Fund"), ReportColumn("description", "Description"),
               ReportColumn("party", "Supplier or payer"), ReportColumn("reference", "Reference"),
               ReportColumn("amount", "Amount", _MONEY), ReportColumn("in_kind", "In kind"),
               ReportColumn("balance", "Balance", _MONEY)]
    rows, by_category, notes = [], {}, []
    for each in years:
        entries = list_entries(bf, board_id, each)
        if not entries:
            continue
        balance = 0
        for entry in entries:
            balance += entry.cash
            rows.append({"year": each.label, "date": entry.entry_date, "section": SECTION_LABELS[entry.section],
                         "category": entry.category, "fund": entry.fund, "description": entry.description,
                         "party": entry.party or "", "reference": entry.reference or "", "amount": entry.amount,
                         "in_kind": "Yes" if entry.in_kind else "", "balance": balance})
            if not entry.in_kind:
                key = (each.label, entry.section, entry.category)
                by_category[key] = by_category.get(key, 0) + entry.amount
        result = totals(entries)
        notes.append(f"{each.label}: expenditure {format_money(result.expenditure)}, income "
                     f"{format_money(result.income)}: {outcome_text(result, 'plain').lower()} (council outcome "
                     f"{outcome_text(result, 'council')})"
                     + (f"; in kind, not counted: {format_money(result.in_kind)}" if result.in_kind else ""))
    title = f"Ledger {year.label}" if year else "Ledger, every year"
    if not rows:
        notes.append(f"No ledger entries are recorded for {year.label}." if year else "No ledger entries are recorded.")
    category_table = ReportTable(
        f"Totals by category{' ' + year.label if year else ''}",
        [ReportColumn("year", "Year"), ReportColumn("section", "Section"), ReportColumn("category", "Category"),
         ReportColumn("amount", "Amount", _MONEY)],
        [{"year": y, "section": SECTION_LABELS[s], "category": c, "amount": a} for (y, s, c), a in by_category.items()],
        ["Income received is positive; in-kind entries are left out."],
    )
    return [ReportTable(title, columns, rows, notes), category_table]


def contributions_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """A year's contributions with status and the change on the year before; without a year, every year."""
    year = period_year(period, "the contributions report")
    years, by_partner = history(bf, board_id)
    tables = []
    if year is not None:
        tables.append(_year_contributions(bf, board_id, year, by_partner, years))
    columns = [ReportColumn("partner", "Partner")] + [ReportColumn(y.label, y.label, _MONEY) for y in years]
    rows = [{"partner": partner, **{y.label: amounts.get(y) for y in years}}
            for partner, amounts in sorted(by_partner.items())]
    if rows:
        rows.append({"partner": "Total", **{y.label: sum(a.get(y, 0) for a in by_partner.values()) for y in years}})
    tables.append(ReportTable("Contributions by partner and year", columns, rows,
                              [] if rows else ["No partner contributions are recorded yet."],
                              total_rows=frozenset({len(rows) - 1} if rows else ()), sheet="Contributions by year"))
    return tables


def _year_contributions(bf: BoardFile, board_id: int, year: FinancialYear,
                        by_partner: dict[str, dict[FinancialYear, int]], years: list[FinancialYear]) -> ReportTable:
    allocation = year_allocation(bf, board_id, year)
    earlier = [y for y in years if y < year]
    previous = earlier[-1] if earlier else None
    columns = [ReportColumn("partner", "Partner"), ReportColumn("basis", "Share or basis"),
               ReportColumn("amount", "Amount", _MONEY), ReportColumn("status", "Status"),
               ReportColumn("invoiced", "Invoiced", "date"), ReportColumn("received", "Received", "date")]
    if previous is not None:
        columns += [ReportColumn("previous", previous.label, _MONEY), ReportColumn("change", "Change", _MONEY),
                    ReportColumn("change_percent", "Change %", "percent")]
    rows = []
    for line, amount in zip(allocation.lines, allocation.amounts):
        row = {"partner": line.label, "basis": line.basis_text, "amount": amount, "status": line.status.capitalize(),
               "invoiced": line.invoiced_on, "received": line.received_on}
        if previous is not None:
            before = by_partner.get(partner_name(bf, line), {}).get(previous)
            row |= {"previous": before, "change": None if before is None else amount - before,
                    "change_percent": None if before is None else whole_percent(amount - before, before)}
        rows.append(row)
    rows.append({"partner": "Total", "basis": _shares_text(allocation), "amount": allocation.cash_total,
                 "status": "", "invoiced": None, "received": None})
    return ReportTable(f"Partner contributions {year.label}", columns, rows, _allocation_notes(allocation),
                       total_rows=frozenset({len(rows) - 1}))


def _shares_text(allocation: Allocation) -> str:
    return format_share(allocation.shares_ppm) if any(line.basis == "share" for line in allocation.lines) else ""


def _allocation_notes(allocation: Allocation) -> list[str]:
    notes = []
    if allocation.total_given:
        notes.append(f"Total requirement {format_money(allocation.total)}, shares rounded to the "
                     f"{allocation.rounding}; the cash contributions add up to {format_money(allocation.cash_total)}.")
    notes.append("Received " + format_money(allocation.by_status("received")) + ", invoiced "
                 + format_money(allocation.by_status("invoiced")) + ", projected "
                 + format_money(allocation.by_status("projected")) + ".")
    notes.extend(warning[0].upper() + warning[1:] + "." for warning in allocation.warnings)
    return notes


def budget_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """Budget against actual per category, section totals and the outturn, with the carry-forward."""
    year = period_year(period, "the budget report")
    if year is None:
        raise InputError("The budget report", "needs a financial year", "give one, e.g. --year 2018/19")
    result = budget_against_actual(bf, board_id, year)
    compared = result.has_budget
    columns = [ReportColumn("section", "Section"), ReportColumn("category", "Category")]
    if compared:
        columns += [ReportColumn("budget", "Budget", _MONEY), ReportColumn("actual", "Actual", _MONEY),
                    ReportColumn("variance", "Variance", _MONEY),
                    ReportColumn("variance_percent", "Variance %", "percent"),
                    ReportColumn("against", "Against budget")]
    else:
        columns.append(ReportColumn("actual", "Actual", _MONEY))
    rows, total_rows = [], set()
    for section in ("expenditure", "income"):
        for item in [r for r in result.rows if r.section == section] + [result.section_total(section)]:
            if item.category == "Total":
                total_rows.add(len(rows))
            rows.append({"section": SECTION_LABELS[section],
                         "category": item.category if item.category != "Total" else f"Total {section}",
                         "budget": item.budget, "actual": item.actual, "variance": item.variance,
                         "variance_percent": item.variance_percent, "against": item.against_budget()})
    outturn_variance = result.actual.outturn - result.budget.outturn
    better = "On budget" if not outturn_variance else \
        f"{format_money(abs(outturn_variance))} {'better' if outturn_variance > 0 else 'worse'} than budgeted"
    total_rows.add(len(rows))
    rows.append({"section": "Outturn", "category": "Income less expenditure", "budget": result.budget.outturn,
                 "actual": result.actual.outturn, "variance": outturn_variance,
                 "variance_percent": whole_percent(outturn_variance, result.budget.outturn), "against": better})
    if compared:
        notes = ["Variance is actual minus budget: for expenditure a positive variance is an overspend; for income, "
                 "more received than budgeted ('Against budget' says which in words). In-kind entries are left out."]
        title = f"Budget against actual {year.label}"
    else:
        notes = [f"No budget is set for {year.label}, so the year's actual income and expenditure are shown "
                 "without a budget to compare them with. In-kind entries are left out."]
        title = f"Actual income and expenditure {year.label}"
    notes.append(carry_forward_note(result))
    return [ReportTable(title, columns, rows, notes, total_rows=frozenset(total_rows))]


def carry_forward_note(result: BudgetAgainstActual) -> str:
    """Whether the year's outturn has been carried into the next year's income, in one sentence."""
    year, outturn = result.year, result.actual.outturn
    outcome = outcome_text(result.actual, "plain")
    if not result.has_actuals:
        return f"{year.label} has no ledger entries yet, so there is no outturn to carry forward."
    if result.carried_forward is None:
        return f"{year.label} outturn: {outcome}; not yet carried forward into {year.next().label}."
    if result.carry_forward_current:
        return f"{year.label} outturn: {outcome}; carried forward into {year.next().label} income."
    return (f"{year.label} outturn: {outcome}, but {format_money(result.carried_forward.amount)} was carried forward "
            f"into {year.next().label}: carry it forward again to correct it ({format_money(outturn)}).")

