"""Benchmark: the bookings view with 100,000 bookings.

Builds a board file with 4,000 sessions, 40,000 delegates and 100,000 bookings (through the
audited write path, once, in a temporary folder), then times:

* opening the bookings view: loading the bookings model for the whole programme, and for one
  session (the model reads the ordered ids and draws only the rows on screen);
* search as you type: each keystroke of a few searches (by name, email and organisation),
  with the rows on screen drawn (the view reads the delegates' search keys when idle after
  opening, before anyone can type; that step is timed on its own);
* for information, the Bookings tab widget itself reloading and painting.

Targets on this machine: opening under 100 ms, each keystroke under 50 ms.
Run: .venv/bin/python benchmarks/bench_training.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BOOKINGS = 100_000
SESSIONS = 4_000
DELEGATES = 40_000
VISIBLE_ROWS = 40
SEARCHES = ("sian", "pryce", "acorns", "@police", "zoe ad")
TARGET_OPEN_MS, TARGET_KEY_MS = 100, 50


def build(path: Path) -> tuple[int, int]:
    """The board file; returns (board id, a session id with bookings)."""
    from sgdesk.boards import add_board
    from sgdesk.organisations import add_organisation
    from sgdesk.store import create_board_file
    from sgdesk.training.delegates import DelegateDetails
    from sgdesk.training.programme import CourseDetails, SessionDetails, add_course

    rng = random.Random(7)
    first = ("Siân", "Zoë", "Łukasz", "Niamh", "Aisha", "Ben", "Chloe", "Daniel", "Eleanor", "Farhan", "Grace",
             "Harry")
    last = ("Pryce", "Adeyemi", "Nowak", "O'Loughlin", "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Khan")
    bf = create_board_file(path)
    with bf.edit("Build the benchmark board") as ed:
        board_id = add_board(ed, "Benchmark Safeguarding Children Partnership")
        orgs = [add_organisation(ed, name) for name in
                ("Essex Police", "Little Acorns Day Nursery Ltd", "Southend University Hospital",
                 "Trinity Family Centre", *(f"Academy school {n}" for n in range(1, 41)))]
        courses = [add_course(ed, bf, board_id, CourseDetails(f"Course {n}", 1 + n % 4, ("half", "full")[n % 2], 25))
                   for n in range(20)]
        start = dt.date(2015, 1, 5)
        sessions = []
        for n in range(SESSIONS):
            values = SessionDetails(courses[n % 20], start + dt.timedelta(days=n), "09:30", "16:30", 25,
                                    "Civic Centre").values()
            sessions.append(ed.insert("training_session", {**values, "status": "scheduled"}))
        delegates = []
        for n in range(DELEGATES):
            name = f"{rng.choice(first)} {rng.choice(last)} {n}"
            org = rng.choice(orgs)
            email = f"person{n}@{'police' if org == orgs[0] else 'org'}.example"
            delegates.append((ed.insert("training_delegate", {"board_id": board_id,
                              **DelegateDetails(name, org, "Health", email).values()})))
        for n in range(BOOKINGS):
            session_id = sessions[n % SESSIONS]
            slot = n // SESSIONS                    # 0..24 : 25 bookings per session, a few waiting
            status = ("waitlisted" if slot >= 23 else "cancelled" if slot % 9 == 8 else
                      rng.choice(("attended", "attended", "attended", "dna", "confirmed")))
            delegate_id = delegates[((n % SESSIONS) * 25 + slot) % DELEGATES]   # never twice on one session
            ed.insert("training_booking", {"session_id": session_id, "delegate_id": delegate_id,
                                           "booked_on": "2014-12-01", "status": status, "queue_no": slot + 1,
                                           "cancelled_on": "2014-12-20" if status == "cancelled" else None,
                                           "cancel_reason": "delegate" if status == "cancelled" else None})
    bf.close()
    return board_id, sessions[len(sessions) // 2]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def open_panel(bf, board_id: int, app) -> list[float]:
    """Time the Bookings tab reloading everything (all 4,000 sessions listed) and painting it."""
    from sgdesk.gui.training.bookings import BookingsPanel
    from sgdesk.gui.widgets.context import AppContext

    context = AppContext(bf, board_id)
    panel = BookingsPanel(context)
    panel.resize(1200, 700)
    panel.show()
    samples = []
    for _ in range(7):
        began = time.perf_counter()
        panel.refresh()
        panel.table.viewport().repaint()
        app.processEvents()
        samples.append(time.perf_counter() - began)
    panel.close()
    context.bf.editor.listeners.clear()
    return samples


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from sgdesk.gui.training.models import BookingsModel
    from sgdesk.store import open_board_file

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sgdesk"
        began = time.perf_counter()
        board_id, session_id = build(path)
        print(f"built {BOOKINGS:,} bookings, {SESSIONS:,} sessions, {DELEGATES:,} delegates "
              f"in {time.perf_counter() - began:.1f} s")
        bf = open_board_file(path)

        def draw(model: BookingsModel) -> None:
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column))

        def opened(session: int | None) -> list[float]:
            samples = []
            for _ in range(15):
                began = time.perf_counter()
                model = BookingsModel(bf, board_id)
                model.load(session)
                draw(model)
                samples.append(time.perf_counter() - began)
            return samples

        everything = opened(None)
        one = opened(session_id)
        panel_samples = open_panel(bf, board_id, app)
        model = BookingsModel(bf, board_id)
        model.load(None)
        began = time.perf_counter()
        model.prepare_search()
        prepared = time.perf_counter() - began
        print(f"open the bookings view, all {model.rowCount():,} bookings: median {median_ms(everything):.1f} ms "
              f"(target < {TARGET_OPEN_MS} ms)")
        print(f"open the bookings view, one session: median {median_ms(one):.1f} ms")
        print(f"reading the {DELEGATES:,} delegates' search keys, done when idle after opening: "
              f"{prepared * 1000:.1f} ms")
        print(f"the Bookings tab itself (session list, bookings, drawn on screen): median "
              f"{median_ms(panel_samples):.1f} ms")
        keystrokes = []
        for text in SEARCHES:
            per_key = []
            for end in range(1, len(text) + 1):
                began = time.perf_counter()
                model.set_search(text[:end])
                draw(model)
                per_key.append(time.perf_counter() - began)
            model.set_search("")
            keystrokes += per_key
            print(f"  search {text!r}: {model.rowCount():,} rows before; per keystroke "
                  + ", ".join(f"{s * 1000:.1f}" for s in per_key) + " ms")
        print(f"search as you type: median {median_ms(keystrokes):.1f} ms, worst {max(keystrokes) * 1000:.1f} ms "
              f"per keystroke (target < {TARGET_KEY_MS} ms)")
        bf.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
