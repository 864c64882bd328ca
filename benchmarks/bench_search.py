"""Benchmark: search everywhere, per keystroke, on the ten-year stress board (``sgdesk demo FILE --scale large``).

Each search is typed a letter at a time, as a user types it; every keystroke is timed:

* in the core: :func:`sgdesk.search.search` over every searchable table (the index is FTS5);
* in the app: a key typed into the search box until its results are drawn (search, model, popup
  painted), in a main window at 1366x768 on the stress board; and, once, Ctrl+K to the box, which
  loads what searching needs (sqlite-utils, each table's queries) before the first letter.

The searches include the worst cases: single letters, and the county's name, which is in every
delegate's email address. Target: each keystroke within 30 ms (median), both ways.

Run with ``benchmarks/run --only search`` (part of the full run), or on its own:
``python benchmarks/bench_search.py [--file STRESS.sgdesk] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 0.030
#: typed a letter at a time: names, an apostrophe, a school, a partner, the county (in every email), a theme
SEARCHES = ("sian", "nowak", "o'lou", "academy", "police", "marshford", "safeguarding", "domestic abuse")


def core_keystrokes(path: Path, runs: int) -> dict[str, Any]:
    """Each keystroke of each search, ``runs`` times, through the core's search (after one warm-up search)."""
    from sgdesk import registry
    from sgdesk.search import search
    from sgdesk.store import open_board_file

    samples: list[float] = []
    found: dict[str, int] = {}
    with open_board_file(path, read_only=True) as bf:
        searchables = registry.load().searchables
        search(bf, "warm", 1, searchables)       # builds the queries once, as the first keystroke of a session does
        for _ in range(runs):
            for text in SEARCHES:
                for end in range(1, len(text) + 1):
                    began = time.perf_counter()
                    hits = search(bf, text[:end], 1, searchables)
                    samples.append(time.perf_counter() - began)
                found[text] = len(hits)
    return {"samples": samples, "hits": found}


def app_keystrokes(path: Path, runs: int) -> dict[str, Any]:
    """Each keystroke typed into the app's search box, until the results are painted."""
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtTest import QTest

    from sgdesk.gui.shell.app import create_application
    from sgdesk.gui.shell.main_window import MainWindow

    app = create_application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1366, 768)
    window.show()

    def settle() -> None:
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()

    if not window.open_path(path):
        raise RuntimeError(f"the app could not open {path}")
    settle()
    box = window.search_box
    began = time.perf_counter()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)     # Ctrl+K: to the box
    settle()
    to_the_box = time.perf_counter() - began
    samples: list[float] = []
    for _ in range(runs):
        for text in SEARCHES:
            box.clear()
            settle()
            for char in text:
                began = time.perf_counter()
                QTest.keyClick(box, char, Qt.KeyboardModifier.NoModifier)
                settle()
                samples.append(time.perf_counter() - began)
    window.close()
    return {"samples": samples, "to_the_box": to_the_box}


def summary(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    return {"median": statistics.median(ms), "p90": ms[int(len(ms) * 0.9) - 1], "min": ms[0], "max": ms[-1],
            "keystrokes": len(ms)}


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", help="the stress board (default: build one in a temporary folder)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.file) if args.file else Path(folder) / "stress.sgdesk"
        if not args.file:
            from sgdesk.demo.large import build_large

            build_large(path).close()
        core = summary(core_keystrokes(path, args.runs)["samples"])
        typed = app_keystrokes(path, args.runs)
        gui = summary(typed["samples"])
    print(f"Ctrl+K to the search box, first time in the session (loads the search): "
          f"{typed['to_the_box'] * 1000:.0f} ms")
    for name, figures in (("core search", core), ("search box, painted", gui)):
        met = "met" if figures["median"] <= TARGET * 1000 else "MISSED"
        print(f"{name}: median {figures['median']:.1f} ms per keystroke (90% within {figures['p90']:.1f}, "
              f"{figures['min']:.1f} to {figures['max']:.1f}; {figures['keystrokes']} keystrokes); "
              f"target {TARGET * 1000:.0f} ms {met}")
    return 0 if max(core["median"], gui["median"]) <= TARGET * 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
