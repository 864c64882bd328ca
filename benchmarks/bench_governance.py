"""Median timings of the meeting papers on the stress board: run with .venv/bin/python benchmarks/bench_governance.py
[--file STRESS.sgdesk]. The stress board's action log (2,000 actions), risk registers (60 risks) and plans are
measured where the app and the command line use them; the meeting pack has the pack's target (2 s)."""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACK_TARGET = 2.0   # seconds, as for the annual-report pack


def _median(label: str, work: Callable[[], object], runs: int, target: float | None = None) -> None:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    verdict = "" if target is None else f"  target {target:.1f} s {'met' if median <= target else 'MISSED'}"
    print(f"{label:<60} median {median * 1000:8.1f} ms  (spread {min(timings) * 1000:.1f}-{max(timings) * 1000:.1f}, "
          f"{runs} runs){verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", type=Path, help="a stress board already built (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from sgdesk.demo.large import build_large
    from sgdesk.exporting import ExportRequest
    from sgdesk.governance.actions import actions_as_at, list_actions
    from sgdesk.governance.attention import governance_attention
    from sgdesk.governance.meeting_pack import export_meeting_pack
    from sgdesk.governance.risks import list_risks
    from sgdesk.store import open_board_file

    folder = Path(tempfile.mkdtemp(prefix="bench_governance_"))
    path = args.file or folder / "stress.sgdesk"
    if args.file is None:
        build_large(path).close()
    with open_board_file(path, read_only=True) as bf:
        meeting = bf.scalar("SELECT id FROM meeting WHERE board_id = 1 AND subgroup_id IS NULL AND status = 'held' "
                            "ORDER BY meets_on DESC LIMIT 1")
        day = bf.scalar("SELECT meets_on FROM meeting WHERE id = ?", (meeting,))
        print(f"stress board: {bf.scalar('SELECT count(*) FROM board_action'):,} actions, "
              f"{bf.scalar('SELECT count(*) FROM risk')} risks; papers for the first board's meeting of {day}")
        _median("the first board's action log", lambda: list_actions(bf, 1), args.runs)
        _median("the first board's action log as it stood on a day", lambda: actions_as_at(bf, 1, dt.date.fromisoformat(day)),
                args.runs)
        _median("the first board's risk register", lambda: list_risks(bf, 1), args.runs)
        _median("Overview items of the registers", lambda: governance_attention(bf, 1), args.runs)
        for suffix in ("pdf", "docx"):
            out = folder / f"papers.{suffix}"
            _median(f"meeting pack {suffix.upper()}", lambda out=out: export_meeting_pack(
                bf, ExportRequest(1, out, options={"meeting": str(meeting)})), args.runs, PACK_TARGET)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
