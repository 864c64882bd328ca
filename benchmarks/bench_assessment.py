"""Self-assessment timings: statistics of a round, the report, the Appendix 3 PDF, forms out and in.

Run: .venv/bin/python benchmarks/bench_assessment.py   (prints the median of several runs)
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sgdesk import registry  # noqa: E402
from sgdesk.assessment.appendix import appendix3_story  # noqa: E402
from sgdesk.assessment.demo import OPEN_TITLE, PUBLISHED_TITLE  # noqa: E402
from sgdesk.assessment.forms import write_round_forms  # noqa: E402
from sgdesk.assessment.reports import assessment_report  # noqa: E402
from sgdesk.assessment.results import round_results  # noqa: E402
from sgdesk.assessment.rounds import (  # noqa: E402
    add_respondent,
    find_round,
    set_response,
    start_round,
)
from sgdesk.assessment.scores import Score  # noqa: E402
from sgdesk.assessment.tool_store import install_tool  # noqa: E402
from sgdesk.assessment.tools import (  # noqa: E402
    SEED_TOOL_KEY,
    SectionSpec,
    StatementSpec,
    ThemeSpec,
    ToolSpec,
    built_in_tool,
)
from sgdesk.demo import build_demo  # noqa: E402
from sgdesk.exporting import ExportRequest  # noqa: E402
from sgdesk.fyear import Period  # noqa: E402
from sgdesk.importing import run_import  # noqa: E402
from sgdesk.organisations import add_organisation  # noqa: E402

RUNS = 5
BOARD = 1


def median_ms(work, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def large_round(bf, statements: int, agencies: int) -> int:
    """A Section 11 style audit: ``statements`` statements answered by ``agencies`` agencies."""
    seed = built_in_tool(SEED_TOOL_KEY)
    themes = tuple(ThemeSpec(f"Standard {t + 1}", tuple(StatementSpec(f"S{t + 1}-{i + 1}", f"Requirement {i + 1} of "
                                                                      f"standard {t + 1} is met.") for i in range(10)))
                   for t in range(statements // 10))
    spec = ToolSpec("bench-section-11", 1, "Bench Section 11 audit", seed.scale,
                    (SectionSpec("Section 11 standards", themes),), purpose="section 11 audit")
    with bf.edit("Large round") as ed:
        tool_id = install_tool(ed, bf, spec)
        round_id = start_round(ed, bf, BOARD, tool_id, "Bench audit", Period.for_year("2020/21"))
        ids = [row[0] for row in bf.query("SELECT id FROM assessment_statement WHERE tool_id = ?", (tool_id,))]
        for a in range(agencies):
            org = add_organisation(ed, f"Bench agency {a + 1}")
            respondent = add_respondent(ed, bf, round_id, org)
            for n, statement in enumerate(ids):
                set_response(ed, bf, respondent, statement, Score(2 + (a * 7 + n * 3) % 7), None)
    return round_id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        start = time.perf_counter()
        bf = build_demo(folder / "demo.sgdesk")
        print(f"build the demo board (all features): {(time.perf_counter() - start) * 1000:.0f} ms")
        (published,) = find_round(bf, BOARD, PUBLISHED_TITLE)
        (open_round,) = find_round(bf, BOARD, OPEN_TITLE)
        year = Period.for_year("2018/19")
        print(f"round statistics, 26 statements x 6 agencies: {median_ms(lambda: round_results(bf, published.id)):.1f} ms")
        print(f"assessment report (2018/19): {median_ms(lambda: assessment_report(bf, BOARD, year)):.1f} ms")
        print(f"appendix3 story: {median_ms(lambda: appendix3_story(bf, BOARD, year)):.1f} ms")
        export = registry.load().exports["appendix3"]
        request = ExportRequest(BOARD, folder / "a3.pdf", year, generated_on=dt.date(2019, 6, 1))
        print(f"appendix3 PDF (5 pages): {median_ms(lambda: export.run(bf, request)):.0f} ms")
        forms = folder / "forms"
        print(f"6 response forms (XLSX): {median_ms(lambda: write_round_forms(bf, open_round.id, forms)):.0f} ms")
        form = sorted(forms.glob("*.xlsx"))[0]
        kind = registry.load().import_kinds["assessment-form"]
        print(f"import one returned form (dry run): "
              f"{median_ms(lambda: run_import(bf, kind, form, BOARD, dry_run=True)):.0f} ms")
        start = time.perf_counter()
        big = large_round(bf, 200, 60)
        print(f"write 12,000 answers (200 statements x 60 agencies, one action): "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        print(f"round statistics, 200 statements x 60 agencies: {median_ms(lambda: round_results(bf, big)):.0f} ms")
        bf.close()


if __name__ == "__main__":
    main()
