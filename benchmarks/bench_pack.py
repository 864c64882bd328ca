"""Benchmark: the annual-report appendix pack of the demo board, and the Word and Excel exports.

Builds the demo board once in a temporary folder, then times (median of several runs, with the
libraries and fonts already loaded, as in the app after its first export):

* the pack as PDF (cover, contents, Appendices 1-4) and its page count, and the first export
  of a process, which also loads reportlab and the fonts;
* the pack as Word;
* the page preview of the pack (rendering every page to an image, as the Reports view does);
* every report as Excel and as Word.

Run: .venv/bin/python benchmarks/bench_pack.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5
YEAR = "2018/19"
DAY = dt.date(2026, 11, 23)


def timed(work, runs: int = RUNS) -> tuple[float, object]:
    """Median seconds of ``runs`` calls of ``work``, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    from sgdesk import registry
    from sgdesk.demo import build_demo
    from sgdesk.exporting import ExportRequest
    from sgdesk.fyear import Period
    from sgdesk.office.exports import report_export
    from sgdesk.pack.export import export_pack
    from sgdesk.store import open_board_file

    period = Period.for_year(YEAR)
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        board = folder_path / "demo.sgdesk"
        build_demo(board).close()
        bf = open_board_file(board, read_only=True)

        first_start = time.perf_counter()
        export_pack(bf, ExportRequest(1, folder_path / "first.pdf", period, generated_on=DAY))
        first = time.perf_counter() - first_start

        pdf = folder_path / "pack.pdf"
        pdf_time, result = timed(lambda: export_pack(bf, ExportRequest(1, pdf, period, generated_on=DAY)))
        size = pdf.stat().st_size
        docx_time, _ = timed(lambda: export_pack(bf, ExportRequest(1, folder_path / "pack.docx", period,
                                                                   generated_on=DAY)))

        from PySide6.QtGui import QGuiApplication

        from sgdesk.gui.widgets.page_preview import render_pages

        app = QGuiApplication.instance() or QGuiApplication([])
        preview_time, rendered = timed(lambda: render_pages(pdf))

        reports = registry.load().reports
        exports = [report_export(report) for report in reports.values()]

        def every_report(suffix: str) -> None:
            for export in exports:
                export.run(bf, ExportRequest(1, folder_path / f"{export.name}.{suffix}", period, generated_on=DAY))

        xlsx_time, _ = timed(lambda: every_report("xlsx"), runs=3)
        word_time, _ = timed(lambda: every_report("docx"), runs=3)
        bf.close()
        del app

    print(f"pack PDF ({YEAR}, demo board): {result.pages} pages, {size / 1024:.0f} KB")
    print(f"  first export in a fresh process (loads reportlab and fonts): {first * 1000:.0f} ms")
    print(f"  median of {RUNS}: {pdf_time * 1000:.0f} ms")
    print(f"pack Word: median of {RUNS}: {docx_time * 1000:.0f} ms")
    print(f"preview of {rendered.total} pages rendered to images: median of {RUNS}: {preview_time * 1000:.0f} ms")
    print(f"all {len(exports)} reports as Excel: median of 3: {xlsx_time * 1000:.0f} ms")
    print(f"all {len(exports)} reports as Word: median of 3: {word_time * 1000:.0f} ms")


if __name__ == "__main__":
    main()
