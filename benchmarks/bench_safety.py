"""Median timings of the data-safety work a user waits for: backups, restore, locks, checks, the audit trail.

    .venv/bin/python benchmarks/bench_safety.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

RUNS = 7


def median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-") as work:
        folder = Path(work)
        os.environ["SGDESK_BACKUP_DIR"] = str(folder / "backups")
        from sgdesk import registry
        from sgdesk.backups import backup_open_file, list_backups
        from sgdesk.checks import run_checks
        from sgdesk.demo import build_demo
        from sgdesk.importing import read_table
        from sgdesk.safety import audit
        from crashtest import write_import_file
        from sgdesk.safety.restore import restore_backup
        from sgdesk.store import open_board_file

        board = folder / "demo.sgdesk"
        build_demo(board).close()
        size = board.stat().st_size / 1024 ** 2
        print(f"demo board file: {size:.1f} MB")
        with open_board_file(board) as bf:
            print(f"session backup (online backup API):   {median_ms(lambda: backup_open_file(bf)):7.1f} ms")
            kept = len(list_backups(board))
            print(f"list the {kept} backups of a file:        {median_ms(lambda: list_backups(board)):7.1f} ms")
            checks = registry.load().checks
            print(f"sgdesk check (integrity + domain):    {median_ms(lambda: run_checks(bf, checks), 3):7.1f} ms")
            newest = audit.AuditFilter()
            print(f"audit trail, newest 5,000 changes:    "
                  f"{median_ms(lambda: audit.entries(bf, newest, limit=5000)):7.1f} ms")
            print(f"audit trail to CSV (every change):    "
                  f"{median_ms(lambda: audit.write_csv(bf, newest, folder / 'trail.csv'), 3):7.1f} ms")
        print(f"open and close for editing (lock):    "
              f"{median_ms(lambda: open_board_file(board).close()):7.1f} ms")
        backup = list_backups(board)[-1].path
        print(f"restore from a backup:                {median_ms(lambda: restore_backup(board, backup), 3):7.1f} ms")

        source = write_import_file(folder / "agencies.csv", 5000)
        print(f"read a 5,000-row CSV (hardened):      {median_ms(lambda: read_table(source)):7.1f} ms")
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for row in read_table(source).rows:
            sheet.append(list(row.cells))
        plain = folder / "agencies.xlsx"
        book.save(plain)
        print(f"read a 5,000-row XLSX:                {median_ms(lambda: read_table(plain), 3):7.1f} ms")
        sheet["F2"] = "=1+1"   # a formula Excel never worked out: both passes run, then the file is refused
        with_formula = folder / "formula.xlsx"
        book.save(with_formula)
        print(f"... with a formula (two passes):      {median_ms(lambda: _refused(with_formula), 3):7.1f} ms")


def _refused(path: Path) -> None:
    from sgdesk.errors import InputError
    from sgdesk.importing import read_table

    try:
        read_table(path)
    except InputError:
        return
    raise AssertionError("a formula without a result must be refused")


if __name__ == "__main__":
    main()
