"""Appendix 2 of the annual report: the year's finance, laid out as the seed report prints it.

Expenditure lines, Total Expenditure, income lines, Total Income and the outcome, then the
partner contributions (partner, share, amount, status). Options (``ExportRequest.options``):

- ``style``: ``council`` (default; income negative, outcome = expenditure + income, so a
  negative outcome is a surplus) or ``plain`` (income positive, "Surplus £x" / "Deficit £x");
- ``detail``: ``lines`` (default; one line per description, repeated descriptions added
  together) or ``categories`` (one line per category);
- ``fund``: only this fund's entries (e.g. a ring-fenced fund);
- ``title``: the heading, instead of "Appendix 2: <board> finance <year>".
"""

from __future__ import annotations

from typing import Any, Mapping

from sgdesk.boards import get_board
from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.finance.accounts import SECTION_LABELS, SECTIONS, find_fund
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
from sgdesk.store import BoardFile

DETAILS = ("lines", "categories")
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


def _options(options: Mapping[str, str]) -> tuple[Style, str]:
    style = parse_style(options.get("style"))
    detail = (options.get("detail") or "lines").strip().casefold()
    if detail not in DETAILS:
        raise InputError(f"'{options.get('detail')}'", "is not a level of detail for Appendix 2",
                         "use lines (one line per description) or categories")
    return style, detail


def appendix2_story(bf: BoardFile, board_id: int, period_or_year: Period | FinancialYear | str | int,
                    options: Mapping[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """The appendix as (title, orientation, flowables), for the export and the annual-report pack."""
    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.pdf import data_table, heading, styles

    options = options or {}
    year = period_year(period_or_year, "Appendix 2")
    if year is None:
        raise InputError("Appendix 2", "needs a financial year", "give one, e.g. --year 2018/19")
    style, detail = _options(options)
    fund_id = _fund(bf, board_id, options.get("fund"))
    board = get_board(bf, board_id)
    title = options.get("title") or f"Appendix 2: {board.display_name} finance {year.label}"
    entries = list_entries(bf, board_id, year, fund_id=fund_id)
    result = totals(entries)
    s = styles()
    story: list[Any] = [heading(title, style="title"), Paragraph(_STYLE_NOTES[style], s["note"])]
    if options.get("fund"):
        story.append(Paragraph(f"Fund: {_escape(options['fund'])}.", s["note"]))
    rows: list[list[Any]] = []
    total_rows: list[int] = []
    for section in SECTIONS:
        lines = _lines(entries, section, detail) or [("(none recorded)", 0)]
        for index, (label, amount) in enumerate(lines):
            rows.append([Paragraph(SECTION_LABELS[section], s["cell_bold"]) if index == 0 else "", label,
                         _money(printed_amount(section, amount, style))])
        section_total = result.income if section == "income" else result.expenditure
        total_text = _money(printed_amount(section, section_total, style))
        rows.append(["", f"Total {SECTION_LABELS[section]}", Paragraph(total_text, s["cell_right"])])
        total_rows.append(len(rows) - 1)
    outcome_label, outcome_amount = _outcome_cells(result.expenditure, result.income, style)
    rows.append(["", outcome_label, Paragraph(outcome_amount, s["cell_right"])])
    total_rows.append(len(rows) - 1)
    story.append(data_table(["", "Description", "£"], rows, col_widths=[1.4, 5.2, 1.6], align="LLR",
                            total_rows=total_rows, row_headers=(0, 1)))
    story.append(Spacer(1, 6))
    sentence = _outcome_sentence(result, style, year) if entries else f"No ledger entries are recorded for {year.label}."
    story.append(Paragraph(f"<b>{_escape(sentence)}</b>", s["body"]))
    if result.in_kind:
        story.append(Paragraph(f"In-kind contributions, valued at {format_money(result.in_kind)}, are recorded in "
                               "the ledger but not included above.", s["note"]))
    story += _contributions_part(year_allocation(bf, board_id, year), year, s)
    return title, "portrait", story


def _outcome_cells(expenditure: Pence, income: Pence, style: Style) -> tuple[str, str]:
    """The outcome row's label and amount (figures in regular weight, so the pence line up)."""
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
    rows = [[line.label, line.basis_text, _money(amount), _status_text(line)]
            for line, amount in zip(allocation.lines, allocation.amounts)]
    has_shares = any(line.basis == "share" for line in allocation.lines)
    rows.append(["Total", format_share(allocation.shares_ppm) if has_shares else "",
                 Paragraph(_money(allocation.cash_total), s["cell_right"]), ""])
    part.append(data_table(["Partner", "Share", "Amount £", "Status"], rows, col_widths=[4.4, 1.5, 1.5, 2.2],
                           align="LRRL", total_rows=[-1]))
    if allocation.total_given:
        part.append(Paragraph(f"Shares of a total requirement of {format_money(allocation.total)}, rounded to the "
                              f"{allocation.rounding} so that they add up exactly.", s["note"]))
    part += [Paragraph(_escape(warning[0].upper() + warning[1:]) + ".", s["note"]) for warning in allocation.warnings]
    return part


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
