"""Median timings of the attendance grid with 80 seats by 60 meetings.

Run with .venv/bin/python benchmarks/bench_attendance.py. It builds a board file in a temporary
folder, then times opening the grid model, one keystroke's edit with the recount that follows,
the whole Meetings view catching up after an edit (grid, flags, meeting list), a 10 x 10 paste,
the attendance report and Appendix 1.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

SEATS = 80
MEETINGS = 60
MARKS = "YYYYYYYDAN-"


def _median(label: str, work: Callable[[], object], runs: int = 9, setup: Callable[[], object] | None = None) -> None:
    timings = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    print(f"{label:<62} median {statistics.median(timings) * 1000:8.1f} ms  ({runs} runs)")


def build(path: Path):
    from sgdesk.boards import add_board
    from sgdesk.membership.attendance import MarkEdit, write_marks
    from sgdesk.membership.bodies import board_body
    from sgdesk.membership.meetings import add_meeting
    from sgdesk.membership.seats import add_seat, appoint, person_for
    from sgdesk.organisations import add_organisation
    from sgdesk.store import create_board_file

    rng = random.Random(3)
    bf = create_board_file(path)
    with bf.edit("Bench board") as ed:
        add_board(ed, "Bench Safeguarding Children Partnership")
    body = board_body(bf, 1)
    with bf.edit("Bench seats, meetings and marks") as ed:
        meetings = [add_meeting(ed, body, dt.date(2014, 1, 6) + dt.timedelta(weeks=6 * n), status="held")
                    for n in range(MEETINGS)]
        edits = []
        for n in range(SEATS):
            org = add_organisation(ed, f"Partner agency {n:02d}", statutory=n < 3)
            seat = add_seat(ed, body, org, role="Independent Chair" if n == 3 else "Member")
            appoint(ed, bf, seat, person_for(ed, bf, f"Representative {n:02d}"))
            edits += [MarkEdit(seat, meeting, rng.choice(MARKS)) for meeting in meetings[:-1]]
        write_marks(ed, bf, edits)
    bf.editor.forget_history()
    return bf


#: PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a Qt method returning
#: nothing, and to True on every signal emitted from Python; these extra references keep this
#: timing loop (thousands of such calls) from aborting with "none_dealloc"/"bool_dealloc".
_REFERENCES_FOR_PYSIDE_6_12 = [None, True, False] * 1_000_000


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sgdesk.gui.shell.app import create_application

    app = create_application()
    from sgdesk.exporting import ExportRequest
    from sgdesk.gui.membership.grid_model import AttendanceModel
    from sgdesk.gui.membership.meetings_view import MeetingsView
    from sgdesk.gui.widgets.context import AppContext
    from sgdesk.membership.appendix import export_appendix1
    from sgdesk.membership.bodies import board_body
    from sgdesk.membership.reports import attendance_report

    folder = Path(tempfile.mkdtemp(prefix="bench_attendance_"))
    bf = build(folder / "bench.sgdesk")
    context = AppContext(bf)
    body = board_body(bf, 1)
    print(f"grid: {SEATS} seats x {MEETINGS} meetings ({SEATS * (MEETINGS - 1):,} marks, the last meeting unrecorded)")

    model = AttendanceModel(context)
    _median("open the grid model (read seats, meetings, marks; count)", lambda: model.load(body, None))
    model.load(body, None)
    context.changed.connect(lambda changes: model.reload_marks(changes.rows.get("attendance")))
    last = model.columnCount() - 3
    marks = iter("YADN" * 100)
    _median("type one mark: audited write, re-read the mark and recount",
            lambda: model.set_marks([(10, last - 1)], next(marks)))

    view = MeetingsView(context)
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    row = iter(range(SEATS))
    _median("type one mark in the Meetings view (grid, flags, list redrawn)",
            lambda: (view.model.set_marks([(next(row), last)], "Y"), app.processEvents()))
    block = "\n".join("\t".join("YADN"[(r + c) % 4] for c in range(10)) for r in range(10))
    _median("paste a 10 x 10 block from Excel (one undo step)",
            lambda: (view.model.paste(20, 12, block), app.processEvents()),
            setup=lambda: (view.model.set_marks([(r, c) for r in range(20, 30) for c in range(12, 22)], None),
                           app.processEvents()))
    _median("undo that paste", lambda: (context.undo(), app.processEvents()),
            setup=lambda: (view.model.paste(20, 12, block), app.processEvents()))
    _median("attendance report (counts and flags)", lambda: attendance_report(bf, 1, None), runs=5)
    _median("Appendix 1 PDF", lambda: export_appendix1(bf, ExportRequest(1, folder / "a1.pdf")), runs=3)
    view.close()
    view.deleteLater()
    app.processEvents()
    context.close()


if __name__ == "__main__":
    main()
