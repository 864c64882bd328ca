"""Median timings of the finance feature on a large board: run with .venv/bin/python benchmarks/bench_finance.py."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

ENTRIES_PER_YEAR = 5_000
YEARS = 4
PARTNERS = 200


def _median(label: str, work: Callable[[], object], runs: int = 5) -> None:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    print(f"{label:<58} median {statistics.median(timings) * 1000:8.1f} ms  ({runs} runs)")


def main() -> None:
    from sgdesk.demo import build_demo
    from sgdesk.exporting import ExportRequest
    from sgdesk.finance.accounts import ensure_category, ensure_fund
    from sgdesk.finance.allocation import allocate
    from sgdesk.finance.appendix import export_appendix2
    from sgdesk.finance.budgets import budget_against_actual
    from sgdesk.finance.contributions import Contribution, calculate
    from sgdesk.finance.importers import LedgerImport
    from sgdesk.finance.ledger import add_entry, entry_values, list_entries
    from sgdesk.finance.reports import ledger_report
    from sgdesk.fyear import FinancialYear, Period
    from sgdesk.importing import run_import

    folder = Path(tempfile.mkdtemp(prefix="bench_finance_"))
    bf = build_demo(folder / "bench.sgdesk")
    with bf.edit("Bench entries") as ed:
        fund = ensure_fund(ed, bf, 1, "LSCB core budget")
        category = ensure_category(ed, bf, 1, "expenditure", "Office expenses")
        for year in range(2019, 2019 + YEARS):
            fy = FinancialYear(year)
            for n in range(ENTRIES_PER_YEAR):
                add_entry(ed, bf, 1, entry_values(year=fy, section="expenditure", category_id=category,
                                                  fund_id=fund, description=f"Postage batch {n}", amount=1000 + n,
                                                  entry_date=fy.start + dt.timedelta(days=n % 365)))
    year = FinancialYear(2020)
    print(f"board: {ENTRIES_PER_YEAR * YEARS + 30:,} ledger entries over {YEARS + 1} years")
    _median(f"allocate £1m among {PARTNERS} shares (penny)", lambda: allocate(10**8, list(range(1, PARTNERS + 1)), 1))
    lines = [Contribution(None, f"P{n}", "share", share_ppm=5_000) for n in range(PARTNERS)]
    _median(f"calculate {PARTNERS} contributions", lambda: calculate(year, 10**8, "pound", lines))
    _median(f"list one year's ledger ({ENTRIES_PER_YEAR:,} entries)", lambda: list_entries(bf, 1, year))
    _median("budget against actual, one year", lambda: budget_against_actual(bf, 1, year))
    _median("ledger report, one year", lambda: ledger_report(bf, 1, Period.for_year(year)))
    _median("Appendix 2 PDF, demo 2018/19",
            lambda: export_appendix2(bf, ExportRequest(1, folder / "a2.pdf", Period.for_year(2018))))
    _median(f"Appendix 2 PDF, {ENTRIES_PER_YEAR:,} lines",
            lambda: export_appendix2(bf, ExportRequest(1, folder / "big.pdf", Period.for_year(year))), runs=3)
    source = folder / "ledger.csv"
    source.write_text("Year,Section,Category,Description,Amount\n" + "".join(
        f"2024/25,Expenditure,Training,Course {n},\"£{n:,}.50\"\n" for n in range(2_000)), encoding="utf-8")
    _median("import 2,000 ledger rows (dry run)",
            lambda: run_import(bf, LedgerImport(), source, 1, dry_run=True), runs=3)
    bf.close()


if __name__ == "__main__":
    main()
