"""Domain checks for `sgdesk check`: ledger dates outside their year, contributions that do not add up."""

from __future__ import annotations

from sgdesk.boards import list_boards
from sgdesk.checks import Finding
from sgdesk.dates import format_date
from sgdesk.finance.contributions import contribution_years, year_allocation
from sgdesk.finance.ledger import list_entries
from sgdesk.store import BoardFile


def finance_checks(bf: BoardFile) -> list[Finding]:
    """Ledger entries dated outside their year; contributions whose shares or amounts do not add up."""
    findings: list[Finding] = []
    for board in list_boards(bf):
        for entry in list_entries(bf, board.id):
            if entry.entry_date is not None and not entry.year.contains(entry.entry_date):
                findings.append(Finding(
                    "warning", f"{board.display_name}: ledger entry '{entry.description}' is dated "
                               f"{format_date(entry.entry_date)}, outside its year {entry.year.label}",
                    "correct the date or the year in Finance > Ledger"))
        for year in contribution_years(bf, board.id):
            findings += [Finding("warning", f"{board.display_name}: {warning}", "correct them in Finance > "
                                 "Contributions") for warning in year_allocation(bf, board.id, year).warnings]
    if not findings:
        findings.append(Finding("ok", "finance: ledger dates fall in their years and contributions add up"))
    return findings
