"""Appendix 2 of the annual report: the year's finance, laid out as the seed report prints it.

Expenditure lines, Total Expenditure, income lines, Total Income and the outcome (with last
year's actuals beside this year's where last year has any), then the partner contributions
(partner, share and its basis, amount, status). Options (``ExportRequest.options``):

- ``style``: ``council`` (default; income negative, outcome = expenditure + income, so a
  negative outcome is a surplus) or ``plain`` (income positive, "Surplus £x" / "Deficit £x");
- ``detail``: ``lines`` (one line per description, repeated descriptions added together; the
  default for a year without a budget) or ``categories`` (one line per category, with budget,
  actual and variance columns where the year has a budget; the default then);
- ``fund``: only this fund's entries (e.g. a ring-fenced fund);
- ``title``: the heading, instead of "Appendix 2: <board> finance <year>" (numbered as the pack
  numbers it by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sgdesk.boards import get_board
from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.finance.accounts import SECTION_LABELS, SECTIONS, find_fund
from sgdesk.finance.budgets import BudgetAgainstActual, budget_against_actual
from sgdesk.finance.contributions import (
    Allocation,
    Contribution,
    format_share,
    year_allocation,
)
from sgdesk.finance.ledger import (
    LedgerEntry,
    Style,
    list_entries,
    outcome_text,
    parse_style,
    period_year,
    printed_amount,
    totals,
)
from sgdesk.fyear import FinancialYear, Period
from sgdesk.money import Pence, format_money
from sgdesk.registry import appendix_title
from sgdesk.store import BoardFile

DETAILS = ("lines", "categories")
_VARIANCE_NOTES = {
    "council": "Variance is actual less budget as printed: for expenditure a positive variance is an overspend, "
               "for income a negative one is more received than budgeted.",
    "plain": "Variance is actual less budget: for expenditure a positive variance is an overspend, for income "
             "more received than budgeted.",
}
_STYLE_NOTES = {
    "council": "Amounts in pounds. As in the council's ledger, income is shown negative and the outcome is "
               "expenditure plus income, so a negative outcome is a surplus.",
    "plain": "Amounts in pounds. Expenditure and income are both shown as the money spent and received.",
}


def _lines(entries: list[LedgerEntry], section: str, detail: str) -> list[tuple[str, Pence]]:
    """(label, amount) per printed line of ``section``, in ledger order; in-kind entries left out."""
    lines: dict[str, tuple[str, Pence]] = {}
    for entry in entries:
        if entry.section != section or entry.in_kind:
            continue
        label = entry.category if detail == "categories" else entry.description
        shown, amount = lines.get(label.casefold(), (label, 0))
        lines[label.casefold()] = (shown, amount + entry.amount)
    return list(lines.values())


def _money(pence: Pence) -> str:
    return format_money(pence, symbol=False)


def _status_text(line: Contribution) -> str:
    day = line.received_on if line.status == "received" else line.invoiced_on if line.status == "invoiced" else None
    return line.status.capitalize() + (f" {format_date(day)}" if day else "")


def _options(options: Mapping[str, str]) -> tuple[Style, str | None]:
    style = parse_style(options.get("style"))
    detail = (options.get("detail") or "").strip().casefold() or None
    if detail is not None and detail not in DETAILS:
        raise InputError(f"'{options.get('detail')}'", "is not a level of detail for Appendix 2",
                         "use lines (one line per description) or categories")
    return style, detail


@dataclass(frozen=True)
class _Line:
    """A line of the ledger table: its label, this year's actual, budget, and last year's actual."""

    label: str
    actual: Pence
    budget: Pence = 0
    before: Pence = 0


def _section_lines(section: str, detail: str, entries: list[LedgerEntry], before: list[LedgerEntry],
                   budget: BudgetAgainstActual | None) -> list[_Line]:
    """The lines of ``section``: in budget (or ledger) order, then any that only last year had."""
    actual = {label.casefold(): amount for label, amount in _lines(entries, section, detail)}
    previous = {label.casefold(): amount for label, amount in _lines(before, section, detail)}
    budgets = {row.category.casefold(): row.budget for row in budget.rows if row.section == section} if budget else {}
    order: list[str] = []
    if budget is not None:
        order += [row.category for row in budget.rows if row.section == section]
    order += [label for label, _amount in _lines(entries, section, detail)]
    order += [label for label, _amount in _lines(before, section, detail)]
    labels: dict[str, str] = {}
    for label in order:
        labels.setdefault(label.casefold(), label)  # each line once, as first spelt
    order = list(labels.values())
    return [_Line(label, actual.get(label.casefold(), 0), budgets.get(label.casefold(), 0),
                  previous.get(label.casefold(), 0)) for label in order]


def _ledger_table(year: FinancialYear, style: Style, detail: str, entries: list[LedgerEntry],
                  before: list[LedgerEntry], budget: BudgetAgainstActual | None, s: dict) -> Any:
    """The year's expenditure, income and outcome; with budget, actual and variance where the
    year has a budget, and last year's actuals beside them where last year has any."""
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import data_table

    previous = bool(before)
    if budget is not None:
        header = ["", "Category", "Budget £", "Actual £", "Variance £"]
    else:
        header = ["", "Category" if detail == "categories" else "Description", f"{year.label} £" if previous else "£"]
    if previous:
        header.append(f"{year.previous().label} £")

    def figures(section: str, line: _Line) -> list[Pence]:
        shown = [printed_amount(section, line.actual, style)]
        if budget is not None:
            planned = printed_amount(section, line.budget, style)
            shown = [planned, shown[0], shown[0] - planned]
        if previous:
            shown.append(printed_amount(section, line.before, style))
        return shown

    rows: list[list[Any]] = []
    total_rows: list[int] = []
    sums: dict[str, list[Pence]] = {}
    for section in SECTIONS:
        lines = _section_lines(section, detail, entries, before, budget) or [_Line("(none recorded)", 0)]
        printed = [figures(section, line) for line in lines]
        for index, (line, amounts) in enumerate(zip(lines, printed)):
            rows.append([Paragraph(SECTION_LABELS[section], s["cell_bold"]) if index == 0 else "", line.label,
                         *map(_money, amounts)])
        sums[section] = [sum(column) for column in zip(*printed)]
        rows.append(["", f"Total {SECTION_LABELS[section]}", *map(_money, sums[section])])
        total_rows.append(len(rows) - 1)
    if len(header) == 3:
        label, amount = _outcome_cells(sums["expenditure"][0], -sums["income"][0] if style == "council"
                                       else sums["income"][0], style)
        rows.append(["", label, amount])
    elif style == "council":  # expenditure plus income as printed, in each column
        rows.append(["", "Outcome", *(_money(e + i) for e, i in zip(sums["expenditure"], sums["income"]))])
    else:  # income less expenditure, in each column
        outturns = (i - e for e, i in zip(sums["expenditure"], sums["income"]))
        rows.append(["", "Surplus or deficit (−)", *map(_money, outturns)])
    total_rows.append(len(rows) - 1)
    count = len(header) - 2
    widths = [1.4, 5.2, 1.6] if count == 1 else [1.4, max(2.5, 6.8 - 1.3 * count)] + [1.3] * count
    return data_table(header, rows, col_widths=widths, align="LL" + "R" * count, total_rows=total_rows,
                      title=f"Finance {year.label}", row_headers=(0, 1))


def appendix2_story(bf: BoardFile, board_id: int, period_or_year: Period | FinancialYear | str | int,
                    options: Mapping[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """The appendix as (title, orientation, flowables), for the export and the annual-report pack."""
    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.pdf import heading, styles

    options = options or {}
    year = period_year(period_or_year, "Appendix 2")
    if year is None:
        raise InputError("Appendix 2", "needs a financial year", "give one, e.g. --year 2018/19")
    style, detail = _options(options)
    fund_id = _fund(bf, board_id, options.get("fund"))
    board = get_board(bf, board_id)
    title = options.get("title") or appendix_title("finance", f"{board.display_name} finance {year.label}")
    entries = list_entries(bf, board_id, year, fund_id=fund_id)
    before = list_entries(bf, board_id, year.previous(), fund_id=fund_id)
    against = budget_against_actual(bf, board_id, year, fund_id)
    detail = detail or ("categories" if against.has_budget else "lines")
    budget = against if against.has_budget and detail == "categories" else None
    result = totals(entries)
    s = styles()
    story: list[Any] = [heading(title, style="title"), Paragraph(_STYLE_NOTES[style], s["note"])]
    if options.get("fund"):
        story.append(Paragraph(f"Fund: {_escape(options['fund'])}.", s["note"]))
    if budget is not None:
        story.append(Paragraph(_VARIANCE_NOTES[style], s["note"]))
    story.append(_ledger_table(year, style, detail, entries, before, budget, s))
    story.append(Spacer(1, 6))
    sentence = _outcome_sentence(result, style, year) if entries else f"No ledger entries are recorded for {year.label}."
    story.append(Paragraph(f"<b>{_escape(sentence)}</b>", s["body"]))
    if result.in_kind:
        story.append(Paragraph(f"In-kind contributions, valued at {format_money(result.in_kind)}, are recorded in "
                               "the ledger but not included above.", s["note"]))
    story += _contributions_part(year_allocation(bf, board_id, year), year, s)
    return title, "portrait", story


def _outcome_cells(expenditure: Pence, income: Pence, style: Style) -> tuple[str, str]:
    """The outcome row's label and amount, in a table of this year's figures only."""
    if style == "council":
        return "Outcome", _money(expenditure - income)
    outturn = income - expenditure
    return "Surplus" if outturn >= 0 else "Deficit", _money(abs(outturn))


def _outcome_sentence(result, style: Style, year: FinancialYear) -> str:
    plain = outcome_text(result, "plain")
    if style == "council":
        return f"Outcome {outcome_text(result, 'council')}: {plain[0].lower()}{plain[1:]} for {year.label}."
    return f"{plain} for {year.label}."


def _contributions_part(allocation: Allocation, year: FinancialYear, s: dict) -> list[Any]:
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import data_table, heading

    part: list[Any] = [heading(f"Partner contributions {year.label}", 1, style="h2")]
    if not allocation.lines:
        return part + [Paragraph(f"No partner contributions are recorded for {year.label}.", s["body"])]
    rows = [[line.label, _basis(line, allocation), _money(amount), _status_text(line)]
            for line, amount in zip(allocation.lines, allocation.amounts)]
    has_shares = any(line.basis == "share" for line in allocation.lines)
    rows.append(["Total", format_share(allocation.shares_ppm) if has_shares else "", _money(allocation.cash_total),
                 ""])
    part.append(data_table(["Partner", "Share or basis", "Amount £", "Status"], rows,
                           col_widths=[3.8, 2.2, 1.5, 2.2], align="LLRL", total_rows=[-1],
                           title=f"Partner contributions {year.label}"))
    if allocation.total_given:
        part.append(Paragraph(f"Shares of a total requirement of {format_money(allocation.total)}, rounded to the "
                              f"{allocation.rounding} so that they add up exactly.", s["note"]))
    part += [Paragraph(_escape(warning[0].upper() + warning[1:]) + ".", s["note"]) for warning in allocation.warnings]
    return part


def _basis(line: Contribution, allocation: Allocation) -> str:
    """How the line's amount is worked out: ``49.5% of £87,000``, ``Fixed``, ``12 × £1,210.00``."""
    if line.basis == "share" and allocation.total_given and not line.in_kind:
        return f"{format_share(line.share_ppm or 0)} of {format_money(allocation.shared, pence_digits=False)}"
    return line.basis_text


def _fund(bf: BoardFile, board_id: int, name: str | None) -> int | None:
    if not name:
        return None
    fund_id = find_fund(bf, board_id, name)
    if fund_id is None:
        raise InputError(f"'{name}'", "is not a fund of this board", "check the fund's name in Finance")
    return fund_id


def _escape(text: str) -> str:
    from sgdesk.pdf.markup import escape

    return escape(text)


def export_appendix2(bf: BoardFile, request: ExportRequest) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    title, orientation, story = appendix2_story(bf, request.board_id, request.period, request.options)
    year = period_year(request.period, "Appendix 2")
    spec = document_spec(bf, request.board_id, title, subject=f"Finance {year.label if year else ''}",
                         draft=request.draft, generated_on=request.generated_on)
    pages = build_pdf(request.out, spec, story, orientation=orientation)
    notes = tuple(year_allocation(bf, request.board_id, year).warnings) if year else ()
    return ExportResult(request.out, pages, notes)
