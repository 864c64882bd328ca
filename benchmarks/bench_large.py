"""Benchmark: SG Desk on the ten-year stress board (``sgdesk demo FILE --scale large``).

Run it with ``benchmarks/run`` (see benchmarks/README.md). It builds the stress board in a
temporary folder (or uses ``--file``), then measures, each several times (median and spread),
every measurement but the build in a fresh process of its own so that peak memory is per task:

* the build itself;
* cold start: the app started on the file until its main window has first painted
  (``SGDESK_TIMING=1``, see sgdesk/gui/shell/app.py), a new process each run;
* app sessions, a new app process each run: opening the file and each main view (built, loaded
  and painted) first with their code still to load, then again in a new window; the Overview
  recomputing its attention items; and in the last session, the attendance grid catching up
  after a mark is typed, search as you type in the Bookings tab (per keystroke, painted), then
  one pack export and one 10,000-row import in the same window, for the session's peak memory;
* search everywhere, each keystroke of typed searches, in the core and typed into the app's search
  box until its results are painted (benchmarks/bench_search.py), a new app process;
* each report for the last complete year and for all ten years;
* how each report's time grows with 1, 3 and 10 years of data (the fastest of several runs),
  with a linearity verdict;
* the annual-report pack as PDF for one year (the first export of a process, which loads
  reportlab and the fonts, and the next one);
* the pack as whole processes: the demo board's 2018/19 pack against LibreOffice converting the same
  pack's .docx (paired runs; skipped with a note without ``soffice``), one year of the stress board,
  and the demo pack in process after the first export;
* importing a 10,000-row bookings XLSX (each run on a fresh copy of the file);
* importing a DfE release table of 150 authorities (with England and the regions) over ten years,
  in the published layout (``indicators``, each run on a fresh copy of the file);
* peak memory (RSS) of every process.

It prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import random
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"first_paint": 0.3, "view": 0.150, "performance_view": 0.100, "keystroke": 0.050,
           "search_keystroke": 0.030, "pack": 2.0, "import": 1.5, "indicators_import": 2.0, "rss_mb": 300.0,
           "session_rss_mb": 200.0, "ten_year_report": 0.150, "pack_whole": 1.0, "pack_again": 0.150,
           "office_ratio": 5.0, "tagging_growth": 20.0}
#: issue 19's figures before its work (medians on this machine, quiet), shown beside today's as "before"
BEFORE = {"first_paint": 0.35, "session_rss_mb": 262.0, "import": 3.1, "pack_whole": 2.85, "pack_again": 0.5,
          "office_ratio": 1.7, "report training": 1.0, "report charges": 0.4, "report evaluations": 0.4}
#: the reports issue 19 gives a ten-year target
TEN_YEAR_TARGETS = ("training", "charges", "evaluations")
SECTIONS = ("cold", "gui", "search", "reports", "growth", "pack", "office", "import", "indicators")
DEMO_YEAR = 2018        # the demo board's year: its 2018/19 pack is the one compared with LibreOffice
SEARCHES = ("sian", "nowak", "o'lou", "academy", "org37")
IMPORT_ROWS = 10_000
AUTHORITIES, REGIONS, SHEET_YEARS = 150, 9, 10   # a DfE release table: every authority, ten years
EDITS = 15
WELCOME_PAUSE = 1.0     # seconds a user looks at the welcome screen before opening the file
GROWTH_YEARS = (1, 3, 10)
GROWTH_RUNS = 7         # at least, for each report on each of the three files
LINEAR_EXPONENT = 1.25
STARTUP_LIMIT = 120.0   # seconds a cold start may take before the run counts as failed


# -- figures ------------------------------------------------------------------------------------------------
def summary(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "runs": len(samples)}


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Callable[[], Any], runs: int, before: Callable[[], Any] | None = None) -> list[float]:
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        began = time.perf_counter()
        work()
        samples.append(time.perf_counter() - began)
    return samples


# -- child processes: each prints one JSON object as its last line -------------------------------------------
def child_gui(path: Path, xlsx: Path, year: int, whole_session: int) -> dict[str, Any]:
    """A new app process: open the file and every view with their code still to load, then again in a
    new window; with ``whole_session``, go on to edit attendance, search bookings, export the pack
    and import bookings in that window, noting peak memory after each stage."""
    from sgdesk.gui.shell.app import create_application

    app = create_application()
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtTest import QTest

    from sgdesk import registry
    from sgdesk.exporting import ExportRequest
    from sgdesk.fyear import Period
    from sgdesk.gui.shell.main_window import MainWindow
    from sgdesk.gui.shell.viewspecs import view_specs
    from sgdesk.importing import run_import
    from sgdesk.pack.export import export_pack

    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "bench-settings.ini"
    samples: dict[str, list[float]] = defaultdict(list)

    def settle() -> None:
        """What the event loop does between two clicks: posted events, deferred deletes, painting."""
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()

    def open_everything(when: str) -> MainWindow:
        window = MainWindow(QSettings(str(settings), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        pause = time.perf_counter() + WELCOME_PAUSE      # the user finds the file on the welcome screen
        while time.perf_counter() < pause:
            settle()
        began = time.perf_counter()
        if not window.open_path(path):
            raise RuntimeError(f"the app could not open {path}")
        settle()
        samples[f"open file (Overview built and painted), {when}"].append(time.perf_counter() - began)
        for spec in view_specs()[1:]:
            began = time.perf_counter()
            window.show_view(spec.key)
            settle()
            samples[f"open view {spec.title}, {when}"].append(time.perf_counter() - began)
        began = time.perf_counter()
        window.views["training"].show_tab("bookings")
        settle()
        samples[f"open Training > Bookings (every session), {when}"].append(time.perf_counter() - began)
        return window

    first = open_everything("first in the session")
    first.close()
    first.deleteLater()
    settle()
    window = open_everything("again, in a new window")
    overview = window.show_view("overview")
    settle()
    began = time.perf_counter()
    overview.refresh()
    settle()
    samples["Overview: recompute attention items"].append(time.perf_counter() - began)
    found: dict[str, Any] = {"samples": samples}
    if whole_session:
        found.update(_rest_of_session(app, window, settle, xlsx, year, samples, QTest, Qt, registry, ExportRequest,
                                      Period, run_import, export_pack))
    window.close()
    found["rss_mb"] = peak_rss_mb()
    return found


def _rest_of_session(app, window, settle, xlsx: Path, year: int, samples, QTest, Qt, registry, ExportRequest,
                     Period, run_import, export_pack) -> dict[str, Any]:
    stages = {"file and every view opened twice": peak_rss_mb()}
    # the attendance grid catching up after one mark is typed (audited write, recount, flags, repaint)
    model = window.show_view("meetings").model
    settle()
    row, column = _marked_cell(model)
    marks = iter("AYDY" * EDITS)
    began = time.perf_counter()
    model.set_marks([(row, column)], next(marks))      # the session's first change also backs the file up
    settle()
    first_edit = time.perf_counter() - began
    samples["attendance grid after typing a mark"] = timed(
        lambda: (model.set_marks([(row, column)], next(marks)), settle()), EDITS)

    # search as you type over every booking of the programme, each keystroke painted
    panel = window.show_view("training").show_tab("bookings")
    settle()
    shown = panel.model.rowCount()
    per_search = {}
    for text in SEARCHES:
        panel.search.clear()
        settle()
        keys = []
        for char in text:
            began = time.perf_counter()
            QTest.keyClick(panel.search, char, Qt.KeyboardModifier.NoModifier)
            settle()
            keys.append(time.perf_counter() - began)
        samples["search bookings, per keystroke"] += keys
        per_search[text] = {"rows": panel.model.rowCount(), "ms": [round(k * 1000, 1) for k in keys]}
    panel.search.clear()
    settle()
    stages["attendance edited, bookings searched"] = peak_rss_mb()

    # the same session exports the pack and imports bookings, as a user's day might
    board_id = window.context.board_id
    out = Path(os.environ["XDG_DATA_HOME"]) / "pack.pdf"
    began = time.perf_counter()
    export_pack(window.context.bf, ExportRequest(board_id, out, Period.for_year(_year(year))))
    pack_in_session = time.perf_counter() - began
    stages["pack exported"] = peak_rss_mb()
    began = time.perf_counter()
    result = run_import(window.context.bf, registry.load().import_kinds["bookings"], xlsx, board_id)
    import_in_session = time.perf_counter() - began
    settle()
    stages["10,000 bookings imported"] = peak_rss_mb()
    return {"first_edit": first_edit, "bookings_shown": shown, "searches": per_search,
            "pack_in_session": pack_in_session, "import_in_session": import_in_session,
            "imported": result.lines(), "rss_stages_mb": stages}


def _marked_cell(model) -> tuple[int, int]:
    """A seat's cell at the latest held meeting that has marks: where an administrator types."""
    for column in range(model.columnCount() - 1, -1, -1):
        meeting = model.meeting_at(column)
        if meeting is None or not meeting.is_held:
            continue
        for row in range(model.rowCount()):
            if model.data(model.index(row, column)):
                return row, column
    raise RuntimeError("the stress board's grid has no marked cell")


def _year(start_year: int):
    from sgdesk.fyear import FinancialYear

    return FinancialYear(start_year)


def _whole_span(report, bf, board_id: int, period) -> tuple[Callable[[], Any], str]:
    """How to run ``report`` over all of ``period``: over the period itself; else, for reports that
    take one year or all of them, over every year; else (one year only) year by year."""
    from sgdesk.errors import InputError
    from sgdesk.fyear import FinancialYear, Period

    for choice, how in ((period, "the period"), (None, "every year")):
        try:
            report.run(bf, board_id, choice)
        except InputError:
            continue
        return (lambda: report.run(bf, board_id, choice)), how
    years = [Period.for_year(FinancialYear(y)) for y in range(FinancialYear.containing(period.start).start_year,
                                                              FinancialYear.containing(period.end).start_year + 1)]
    return (lambda: [report.run(bf, board_id, year) for year in years]), "each year in turn"


def child_reports(path: Path, runs: int, year: int) -> dict[str, Any]:
    """Each report for the last complete year and for all ten years."""
    from sgdesk import registry
    from sgdesk.fyear import Period
    from sgdesk.store import open_board_file

    reports = registry.load().reports
    bf = open_board_file(path, read_only=True)
    first = bf.scalar("SELECT min(year_start) FROM ledger_entry")
    one, ten = Period.for_year(_year(year)), Period(_year(first).start, _year(year + 1).end)
    found = {}
    for name, report in reports.items():
        whole, how = _whole_span(report, bf, 1, ten)
        gc.collect()
        found[name] = {"one year": summary(timed(lambda: report.run(bf, 1, one), runs)),
                       "all ten years": summary(timed(whole, runs)), "ten years as": how}
    bf.close()
    return {"reports": found, "rss_mb": peak_rss_mb()}


def child_growth(path: Path, runs: int) -> dict[str, Any]:
    """Each report over the whole of a file holding some complete years (one file per process, so that
    what one file's reports leave behind never slows the next file's)."""
    from sgdesk import registry
    from sgdesk.fyear import FinancialYear, Period
    from sgdesk.store import open_board_file

    found = {}
    with open_board_file(path, read_only=True) as bf:
        first, last = bf.query_one("SELECT min(year_start), max(year_start) FROM ledger_entry")
        span = Period(FinancialYear(first).start, FinancialYear(last).end)
        for name, report in registry.load().reports.items():
            whole, _how = _whole_span(report, bf, 1, span)
            gc.collect()
            found[name] = summary(timed(whole, runs))
    return {"years": last - first + 1, "growth": found, "rss_mb": peak_rss_mb()}


def child_pack(path: Path, year: int, out: Path, again: int = 1, pairs: int = 4) -> dict[str, Any]:
    """The pack PDF for one year: the first export of this process, then ``again`` more; then, for what
    tagging costs, ``pairs`` pairs of builds, one without tags (``build_pdf(tagged=False)``) and one with,
    in turn first and second: the processor time of each, and of each pair the percentage tagging adds."""
    import functools

    import sgdesk.pdf
    from sgdesk.exporting import ExportRequest
    from sgdesk.fyear import Period
    from sgdesk.pack.export import export_pack
    from sgdesk.store import open_board_file

    bf = open_board_file(path, read_only=True)
    request = ExportRequest(1, out, Period.for_year(_year(year)))
    began = time.perf_counter()
    result = export_pack(bf, request)
    first = time.perf_counter() - began
    agains = timed(lambda: export_pack(bf, request), again)
    tagged_build = sgdesk.pdf.build_pdf

    def cpu(tags: bool) -> float:  # processor time: other work on the machine counts less in it
        sgdesk.pdf.build_pdf = functools.partial(tagged_build, tagged=tags)
        gc.collect()
        began = time.process_time()
        export_pack(bf, request)
        return time.process_time() - began

    untagged, growth = [], []
    for pair in range(pairs):
        order = (False, True) if pair % 2 == 0 else (True, False)
        times = dict(zip(order, map(cpu, order)))
        untagged.append(times[False])
        growth.append((times[True] / times[False] - 1) * 100)
    sgdesk.pdf.build_pdf = tagged_build
    bf.close()
    return {"first": first, "again": agains, "untagged": statistics.median(untagged), "growth": growth,
            "pages": result.pages, "rss_mb": peak_rss_mb()}


def child_import(path: Path, source: Path, kind_name: str, runs: int, work: Path) -> dict[str, Any]:
    """Import ``source`` as ``kind_name`` into a fresh copy of the file, ``runs`` times (the first run of a
    process loads what the import needs: openpyxl, pandas for indicators)."""
    from sgdesk import registry
    from sgdesk.importing import run_import
    from sgdesk.store import open_board_file

    kind = registry.load().import_kinds[kind_name]
    samples, lines = [], []
    for n in range(runs):
        copy = work / f"import-{kind_name}-{n}.sgdesk"
        shutil.copy(path, copy)
        bf = open_board_file(copy)
        began = time.perf_counter()
        result = run_import(bf, kind, source, 1)
        samples.append(time.perf_counter() - began)
        lines = result.lines()
        bf.close()
        copy.unlink()
    return {"samples": samples, "summary": lines, "rss_mb": peak_rss_mb()}


def child_search(path: Path, runs: int) -> dict[str, Any]:
    """Search everywhere, each keystroke, in the core and typed into the app's box (benchmarks/bench_search.py)."""
    from bench_search import SEARCHES, app_keystrokes, core_keystrokes

    core = core_keystrokes(path, runs)
    typed = app_keystrokes(path, runs)
    return {"core": core["samples"], "app": typed["samples"], "to_the_box": typed["to_the_box"],
            "hits": core["hits"], "searches": list(SEARCHES), "rss_mb": peak_rss_mb()}


CHILDREN = {"gui": child_gui, "reports": child_reports, "growth": child_growth, "pack": child_pack,
            "import": child_import, "search": child_search}


# -- the orchestrating process -------------------------------------------------------------------------------
class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={_laptop_screen(work)}",
                        XDG_CONFIG_HOME=str(work / "config"),
                        XDG_DATA_HOME=str(work / "data"), XDG_STATE_HOME=str(work / "state"),
                        XDG_CACHE_HOME=str(work / "cache"), SGDESK_BACKUP_DIR=str(work / "backups"))
        self.env.pop("SGDESK_SMOKE", None)
        for folder in ("config", "data", "state", "cache", "backups"):
            (work / folder).mkdir(exist_ok=True)
        self.rows: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.extra: dict[str, Any] = {"load": {}}

    def note_load(self, section: str) -> None:
        self.extra["load"][section] = load_average()

    def add(self, group: str, name: str, samples: list[float], unit: str = "ms", target: float | None = None,
            *, before: float | None = None, **more: Any) -> None:
        """A row of the table: the median of ``samples`` and their spread, met when the median is within
        ``target`` (at most, or at least for a ratio, unit "x"); ``before`` is the figure before issue 19."""
        scale = 1000 if unit == "ms" else 1
        row = {"group": group, "measure": name, "unit": unit, **summary([s * scale for s in samples]), **more}
        if before is not None:
            row["before"] = before * scale
        if target is not None:
            row["target"] = target * scale
            row["met"] = row["median"] >= row["target"] if unit == "x" else row["median"] <= row["target"]
        self.rows.append(row)

    def child(self, name: str, *arguments: Any) -> dict[str, Any]:
        command = [sys.executable, str(Path(__file__).resolve()), "child", name, *map(str, arguments)]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise RuntimeError(f"the {name} measurement failed:\n{done.stderr[-4000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    # -- sections ------------------------------------------------------------------------------------------
    def build(self) -> tuple[Path, int]:
        from sgdesk.demo.large import build_large
        from sgdesk.fyear import FinancialYear

        self.note_load("build")
        if self.args.file:
            path = Path(self.args.file)
        else:
            path = self.work / "stress.sgdesk"
            samples = timed(lambda: build_large(path, overwrite=True).close(), self.args.build_runs)
            self.add("build", "build the stress board (one transaction)", samples, "s")
        year = FinancialYear.containing(dt.date.today()).start_year - 1   # the last complete year
        with _open(path) as bf:
            self.extra["file"] = {"path": str(path), "megabytes": round(path.stat().st_size / 2 ** 20, 1),
                                  "rows": {t: bf.scalar(f"SELECT count(*) FROM {t}") for t in (
                                      "board", "subgroup", "organisation", "person", "meeting", "attendance",
                                      "training_session", "training_booking", "training_delegate", "ledger_entry",
                                      "assessment_round", "assessment_response")}}
        return path, year

    def cold_start(self, path: Path) -> None:
        self.note_load("cold start")
        command = _sgdesk_command()
        # the first start after installing keeps what later starts use again (dataclasses' compiled methods,
        # sgdesk.dataclass_code, as Python keeps .pyc files), written as the app ends: a start that shows
        # every view and quits, untimed
        smoke = subprocess.run([*command, str(path)], env=dict(self.env, SGDESK_SMOKE="1"), capture_output=True,
                               text=True, timeout=600)
        if smoke.returncode != 0:
            raise RuntimeError(f"the app's first start failed (exit {smoke.returncode}):\n{smoke.stderr[-2000:]}")
        paints, rss = [], []
        for _ in range(self.args.runs):
            painted, peak = _first_paint([*command, str(path)], self.env)
            paints.append(painted)
            rss.append(peak)
        self.add("start", "cold start to first painted window (stress board)", paints, "s", TARGETS["first_paint"],
                 before=BEFORE["first_paint"])
        self.extra["rss_mb"]["app at first paint"] = max(rss)
        welcome = [_first_paint(command, self.env)[0] for _ in range(self.args.runs)]
        self.add("start", "cold start to first painted window (no file: welcome)", welcome, "s")

    def gui(self, path: Path, xlsx: Path, year: int) -> None:
        self.note_load("app session")
        samples: dict[str, list[float]] = defaultdict(list)
        rss, found = [], {}
        for run in range(self.args.runs):
            session_copy = self.work / "app-session.sgdesk"     # a session changes its file: a copy each
            shutil.copy(path, session_copy)
            found = self.child("gui", session_copy, xlsx, year, int(run == self.args.runs - 1))
            session_copy.unlink()
            for name, values in found["samples"].items():
                samples[name] += values
            rss.append(found["rss_mb"])
        for name, values in samples.items():
            target = TARGETS["keystroke"] if "keystroke" in name else TARGETS["performance_view"] \
                if "view Performance" in name else TARGETS["view"]
            self.add("app", name, values, "ms", target)
        self.add("app", "first change of the session (attendance mark, with the safety backup)",
                 [found["first_edit"]], "ms")
        self.extra["searches"] = found["searches"]
        self.extra["bookings shown in Training > Bookings"] = found["bookings_shown"]
        self.extra["app session"] = {"pack PDF in the session (s)": round(found["pack_in_session"], 2),
                                     "10,000-row import in the session (s)": round(found["import_in_session"], 2),
                                     "import summary": found["imported"]}
        self.extra["rss_mb"]["app session (views, edits, search, pack, import)"] = found["rss_mb"]
        self.add("memory", "peak memory of the whole app session (views, edits, search, pack, import)",
                 [found["rss_mb"]], "MB", TARGETS["session_rss_mb"], before=BEFORE["session_rss_mb"])
        self.extra["rss_mb"]["app, views only"] = max(rss[:-1], default=0.0)
        self.extra["app session peak RSS after each stage (MB)"] = {k: round(v) for k, v in
                                                                  found["rss_stages_mb"].items()}

    def reports(self, path: Path, year: int) -> None:
        self.note_load("reports")
        found = self.child("reports", path, self.args.runs, year)
        for name, figures in found["reports"].items():
            for span in ("one year", "all ten years"):
                how = figures["ten years as"]
                label = f"report {name}, {span}" + (f" ({how})" if span != "one year" and how != "the period" else "")
                row = {"group": "reports", "measure": label, "unit": "ms",
                       **{k: v * 1000 if k != "runs" else v for k, v in figures[span].items()}}
                if span == "all ten years" and name in TEN_YEAR_TARGETS:
                    row |= {"before": BEFORE[f"report {name}"] * 1000, "target": TARGETS["ten_year_report"] * 1000,
                            "met": row["median"] <= TARGETS["ten_year_report"] * 1000}
                self.rows.append(row)
        self.extra["rss_mb"]["reports"] = found["rss_mb"]

    def growth(self) -> None:
        from sgdesk.demo.large import build_large
        from sgdesk.fyear import FinancialYear

        self.note_load("growth")
        complete = FinancialYear.containing(dt.date.today()).start - dt.timedelta(days=1)
        by_years, rss = {}, []
        for years in GROWTH_YEARS:
            path = self.work / f"growth-{years}.sgdesk"
            build_large(path, years=years, today=complete, overwrite=True).close()
            found = self.child("growth", path, max(self.args.runs, GROWTH_RUNS))
            by_years[found["years"]] = found["growth"]
            rss.append(found["rss_mb"])
        table = {}
        for name in by_years[GROWTH_YEARS[0]]:
            fastest = [by_years[n][name]["min"] * 1000 for n in GROWTH_YEARS]
            table[name] = {"ms": [round(m, 1) for m in fastest], "verdict": linearity(fastest)}
        self.extra["growth"] = table
        self.extra["rss_mb"]["growth"] = max(rss)

    def pack(self, path: Path, year: int) -> None:
        self.note_load("pack")
        firsts, agains, untagged, growth, pages, rss = [], [], [], [], None, []
        for n in range(self.args.runs):
            found = self.child("pack", path, year, self.work / f"pack-{n}.pdf")
            firsts.append(found["first"])
            agains += found["again"]
            untagged.append(found["untagged"])
            growth += found["growth"]
            pages = found["pages"]
            rss.append(found["rss_mb"])
        self.add("exports", "pack PDF, one year (first export of the app: loads reportlab)", firsts, "s",
                 TARGETS["pack"], pages=pages)
        self.add("exports", "pack PDF, one year (again)", agains, "s", TARGETS["pack"])
        self.add("exports", "pack PDF, one year, built without tags (processor time)", untagged, "s")
        self.add("exports", "pack PDF: processor time tagging adds (tagged / untagged, same process)", growth,
                 "%", TARGETS["tagging_growth"])
        self.extra["rss_mb"]["pack export"] = max(rss)

    def office(self, path: Path, year: int) -> None:
        """The pack as PDF, each export a whole process: the demo board's 2018/19 pack against LibreOffice
        converting the same pack's Word file (paired runs, one after the other), and one year of the
        stress board; then the demo pack in process, after the first export."""
        from sgdesk.demo import build_demo

        self.note_load("pack against LibreOffice")
        demo = self.work / "demo.sgdesk"
        build_demo(demo, overwrite=True).close()
        command, label = _sgdesk_command(), f"{DEMO_YEAR}/{(DEMO_YEAR + 1) % 100:02d}"
        export = [*command, "export", str(demo), "pack", "--year", label, "--out"]
        docx = self.work / "demo-pack.docx"
        _process_seconds([*export, str(docx)], self.env)
        soffice = shutil.which("soffice")
        convert = [soffice, f"-env:UserInstallation={(self.work / 'libreoffice').as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(self.work / "libreoffice-pdf"), str(docx)]
        if soffice:
            _process_seconds(convert, self.env)     # its first start makes its profile: not timed
        _process_seconds([*export, str(self.work / "demo-pack.pdf")], self.env)  # ours keeps the faces read: neither
        ours, theirs = [], []
        for _ in range(self.args.runs):
            ours.append(_process_seconds([*export, str(self.work / "demo-pack.pdf")], self.env))
            if soffice:
                theirs.append(_process_seconds(convert, self.env))
        self.add("pack", f"demo pack PDF ({label}), whole process", ours, "s")
        if soffice:
            self.add("pack", "LibreOffice converting the same pack's .docx to PDF, whole process", theirs, "s")
            self.add("pack", "demo pack PDF, times faster than LibreOffice (each pair of runs)",
                     [theirs_s / ours_s for ours_s, theirs_s in zip(ours, theirs)], "x", TARGETS["office_ratio"],
                     before=BEFORE["office_ratio"])
        else:
            self.notes.append("LibreOffice (soffice) is not installed here: the demo pack was not compared with it")
        stress = [_process_seconds([*command, "export", str(path), "pack", "--board", "1", "--year",
                                    f"{year}/{(year + 1) % 100:02d}",
                                    "--out", str(self.work / "stress-pack.pdf")], self.env)
                  for _ in range(self.args.runs)]
        self.add("pack", "pack PDF, one year of the stress board, whole process", stress, "s", TARGETS["pack_whole"],
                 before=BEFORE["pack_whole"])
        found = self.child("pack", demo, DEMO_YEAR, self.work / "demo-in-process.pdf", self.args.runs)
        self.add("pack", "demo pack PDF in process, after the first export", found["again"], "s",
                 TARGETS["pack_again"], before=BEFORE["pack_again"])
        self.add("pack", "demo pack PDF: processor time tagging adds (tagged / untagged, same process)",
                 found["growth"], "%", TARGETS["tagging_growth"])

    def search(self, path: Path) -> None:
        self.note_load("search")
        found = self.child("search", path, self.args.runs)
        target = TARGETS["search_keystroke"]
        self.add("search", "search everywhere, per keystroke (core)", found["core"], "ms", target)
        self.add("search", "search everywhere, per keystroke (typed in the box, results painted)", found["app"], "ms",
                 target)
        self.add("search", "Ctrl+K to the search box, first time (loads the search)", [found["to_the_box"]], "ms")
        self.extra["search everywhere"] = {"searches typed": found["searches"], "hits shown": found["hits"]}
        self.extra["rss_mb"]["search"] = found["rss_mb"]

    def import_(self, path: Path, xlsx: Path) -> None:
        self.note_load("import")
        found = self.child("import", path, xlsx, "bookings", self.args.import_runs, self.work)
        self.add("imports", f"import {IMPORT_ROWS:,} bookings from XLSX", found["samples"], "s", TARGETS["import"],
                 before=BEFORE["import"])
        self.extra["import summary"] = found["summary"]
        self.extra["rss_mb"]["import"] = found["rss_mb"]

    def indicators(self, path: Path, sheet: Path) -> None:
        self.note_load("indicators import")
        found = self.child("import", path, sheet, "indicators", self.args.import_runs, self.work)
        self.add("imports", f"import a DfE table of {AUTHORITIES} authorities x {SHEET_YEARS} years (published "
                 "layout)", found["samples"], "s", TARGETS["indicators_import"])
        self.extra["indicators import summary"] = found["summary"]
        self.extra["rss_mb"]["indicators import"] = found["rss_mb"]

    def run(self) -> dict[str, Any]:
        self.extra["rss_mb"] = {}
        self.note_load("start")
        path, year = self.build()
        xlsx = self.work / "bookings.xlsx"
        make_bookings_xlsx(path, xlsx, IMPORT_ROWS)
        sheet = make_dfe_table(self.work / "dfe-table.xlsx")
        sections = self.args.only or SECTIONS
        if "cold" in sections:
            self.cold_start(path)
        if "gui" in sections:
            self.gui(path, xlsx, year)
        if "search" in sections:
            self.search(path)
        if "reports" in sections:
            self.reports(path, year)
        if "growth" in sections:
            self.growth()
        if "pack" in sections:
            self.pack(path, year)
        if "office" in sections:
            self.office(path, year)
        if "import" in sections:
            self.import_(path, xlsx)
        if "indicators" in sections:
            self.indicators(path, sheet)
        self.note_load("end")
        peak = max(self.extra["rss_mb"].values(), default=0.0)
        self.rows.append({"group": "memory", "measure": "peak RSS of any process above", "unit": "MB",
                          "median": peak, "min": peak, "max": peak, "runs": 1, "target": TARGETS["rss_mb"],
                          "met": peak <= TARGETS["rss_mb"]})
        return {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(), "runs": self.args.runs,
                "last complete year": f"{year}/{(year + 1) % 100:02d}", "measures": self.rows, "notes": self.notes,
                **self.extra}


def _laptop_screen(work: Path) -> Path:
    """A configuration for Qt's offscreen platform with one 1366x768 screen at 96 dpi, the laptop the app is
    measured on (offscreen's own screen is 800x800, where a maximised window would be smaller than a user's)."""
    screen = work / "laptop-screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
                      encoding="utf-8")
    return screen


def _open(path: Path):
    from sgdesk.store import open_board_file

    return open_board_file(path, read_only=True)


def _sgdesk_command() -> list[str]:
    program = Path(sys.executable).with_name("sgdesk")
    return [str(program)] if program.exists() else [sys.executable, "-m", "sgdesk"]


def _process_seconds(command: list[str], env: dict[str, str]) -> float:
    """Seconds a whole process takes, from start to exit."""
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def _first_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Start the app; seconds until it reports its first paint, and its peak RSS (MB) by then."""
    env = dict(env, SGDESK_TIMING="1")
    began = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        while "sgdesk-timing first-paint" not in line:
            ready, _w, _x = select.select([process.stderr], [], [], max(0.0, began + STARTUP_LIMIT - time.monotonic()))
            if not ready:
                raise RuntimeError(f"the app did not paint within {STARTUP_LIMIT:.0f} s")
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                raise RuntimeError(f"the app stopped before it painted (exit {process.returncode})")
        painted = float(line.rsplit("=", 1)[1]) - began
        peak = _proc_peak_mb(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return painted, peak


def _proc_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_bookings_xlsx(path: Path, out: Path, rows: int) -> None:
    """A booking tool's export of ``rows`` new bookings on the board's sessions: places only where
    sessions have room (no row is refused), some cancelled and waitlisted, every delegate new."""
    import openpyxl

    from sgdesk.dates import format_date_numeric

    rng = random.Random(10_000)
    with _open(path) as bf:
        sessions = bf.query(
            "SELECT c.title, s.session_date, s.start_time, s.capacity - (SELECT count(*) FROM training_booking b "
            "WHERE b.session_id = s.id AND b.status IN ('confirmed', 'attended', 'dna')) AS free "
            "FROM training_session s JOIN training_course c ON c.id = s.course_id "
            "WHERE c.board_id = 1 AND s.status = 'scheduled' ORDER BY s.session_date")
        organisations = [(r[0], r[1]) for r in bf.query(
            "SELECT o.name, o.org_type FROM organisation o WHERE o.org_type NOT IN ('lay', 'board')")]
    sectors = {"council": "Early help", "police": "Police", "health": "Health", "probation": "Probation and youth "
               "justice", "courts": "Courts and family justice", "fire": "Fire and rescue", "education": "Education",
               "voluntary": "Voluntary and community", "other": "Early years"}
    today = dt.date.today()
    book = openpyxl.Workbook()     # as Excel writes a sheet: its size up front, text as shared strings
    sheet = book.active
    sheet.title = "Bookings"
    sheet.append(["Course", "Session date", "Start time", "Delegate", "Email", "Organisation", "Sector", "Status",
                  "Booked on", "Cancelled on", "Job title", "Line manager", "Manager approved"])
    free = {n: row["free"] for n, row in enumerate(sessions)}
    written = 0
    while written < rows:
        n = rng.randrange(len(sessions))
        title, day, start, _free = sessions[n]
        session_date = dt.date.fromisoformat(day)
        roll = rng.random()
        if roll < 0.1:
            status = "Cancelled"
        elif roll < 0.14:
            status = "Waitlisted"
        elif free[n] > 0:
            free[n] -= 1
            status = ("Attended" if rng.random() < 0.88 else "DNA") if session_date <= today else "Confirmed"
        else:
            continue
        booked = session_date - dt.timedelta(days=rng.randint(10, 60))
        organisation, org_type = rng.choice(organisations)
        sheet.append([title, format_date_numeric(session_date), start, f"Imported Delegate {written + 1}",
                      f"imported.delegate{written + 1}@bookingtool.example", organisation, sectors[org_type], status,
                      format_date_numeric(booked),
                      format_date_numeric(booked + dt.timedelta(days=3)) if status == "Cancelled" else None,
                      "Practitioner", "Line Manager", "Yes"])
        written += 1
    book.save(out)


def make_dfe_table(out: Path) -> Path:
    """A DfE release table in its published layout (tests/indicators/published.py): England, the regions and
    every authority, ten years of children in need rates, some suppressed."""
    sys.path.insert(0, str(ROOT / "tests" / "indicators"))
    from published import CIN_HEADING, write_dfe_table

    rng = random.Random(150)
    years = tuple(str(year) for year in range(2011, 2011 + SHEET_YEARS))

    def figures() -> tuple[str, ...]:
        return tuple("c" if rng.random() < 0.02 else f"{rng.uniform(200, 450):.1f}" for _year in years)

    rows = [("E92000001", "921", "ENGLAND", figures())]
    rows += [(f"E1200000{n}", "", f"REGION {n}", figures()) for n in range(1, REGIONS + 1)]
    rows += [(f"E06{n:06d}", str(800 + n), f"Authority {n}", figures()) for n in range(1, AUTHORITIES + 1)]
    return write_dfe_table(out, rows, years, headings=(CIN_HEADING,))


def linearity(times: list[float]) -> str:
    """How a report's time grows over 1, 3 and 10 years of data, in words.

    The growth exponent between 3 and 10 years is 1 when time grows in proportion to the data (2
    would be quadratic); up to 1.25 counts as linear, since reports of a few milliseconds vary by a
    tenth from run to run and SQLite's page cache holds less of a bigger file.
    """
    t1, t3, t10 = times
    if t10 <= 1.5 * t1 or t10 - t1 < 5:
        return "flat: does not grow with the years"
    exponent = math.log(t10 / t3) / math.log(10 / 3) if t3 > 0 else float("inf")
    growth = f"x{t10 / t3:.1f} from 3 to 10 years of data (x3.3), exponent {exponent:.2f}"
    return f"linear: {growth}" if exponent <= LINEAR_EXPONENT else f"FASTER THAN LINEAR: {growth}"


def load_average() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes, from /proc/loadavg: other work running beside
    the benchmark (the machine may be shared) slows every figure."""
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


_FORMATS: dict[str, Callable[[float], str]] = {"s": lambda v: f"{v:.2f} s", "MB": lambda v: f"{v:.0f} MB",
                                               "ms": lambda v: f"{v:.1f} ms", "x": lambda v: f"{v:.1f}x",
                                               "%": lambda v: f"{v:+.0f} %"}


def render(results: dict[str, Any]) -> str:
    lines = [f"SG Desk on the ten-year stress board - {results['when']} - {results['machine']['cpus']} CPUs, "
             f"Python {results['machine']['python']}",
             f"file: {results['file']['megabytes']} MB, " + ", ".join(f"{k} {v:,}" for k, v in
                                                                        results["file"]["rows"].items()),
             f"load average (/proc/loadavg, 1/5/15 min; other work on a shared machine slows every figure) at each "
             "section: " + "; ".join(f"{k} {v[0]:.2f}/{v[1]:.2f}/{v[2]:.2f}" for k, v in results["load"].items()),
             *(f"note: {note}" for note in results.get("notes", [])), ""]
    header = (f"{'measure':<74} {'median':>9} {'spread (min-max)':>19} {'runs':>4} {'before':>8} {'target':>9}  met")
    lines += [header, "-" * len(header)]
    group = None
    for row in results["measures"]:
        if row["group"] != group:
            group = row["group"]
            lines.append(f"[{group}]")
        fmt = _FORMATS[row["unit"]]
        before = fmt(row["before"]) if "before" in row else ""
        target = ("≥ " if row["unit"] == "x" else "") + fmt(row["target"]) if "target" in row else ""
        met = ("yes" if row["met"] else "NO") if "met" in row else ""
        lines.append(f"  {row['measure']:<72} {fmt(row['median']):>9} {fmt(row['min']) + '-' + fmt(row['max']):>19} "
                     f"{row['runs']:>4} {before:>8} {target:>9}  {met}")
    if "growth" in results:
        lines += ["", "how each report's time grows with 1, 3 and 10 complete years of data (fastest of "
                  f"{max(results['runs'], GROWTH_RUNS)} runs, ms: other work on the machine only ever adds time)",
                  f"{'report':<16} {'1 year':>9} {'3 years':>9} {'10 years':>9}  verdict"]
        for name, row in results["growth"].items():
            lines.append(f"{name:<16} {row['ms'][0]:>9.1f} {row['ms'][1]:>9.1f} {row['ms'][2]:>9.1f}  {row['verdict']}")
    lines += ["", "peak RSS per process: " + "; ".join(f"{k} {v:.0f} MB" for k, v in results["rss_mb"].items())]
    if "searches" in results:
        lines.append(f"search as you type over {results['bookings shown in Training > Bookings']:,} bookings: " +
                     "; ".join(f"{text!r} -> {found['rows']:,} rows" for text, found in results["searches"].items()))
    for key in ("app session", "app session peak RSS after each stage (MB)", "import summary",
                "indicators import summary"):
        if key in results:
            lines.append(f"{key}: {results[key]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["child"]:
        name, *arguments = argv[1:]
        kinds = {"gui": (Path, Path, int, int), "reports": (Path, int, int), "growth": (Path, int),
                 "pack": (Path, int, Path, int), "import": (Path, Path, str, int, Path), "search": (Path, int)}
        result = CHILDREN[name](*(kind(value) for kind, value in zip(kinds[name], arguments)))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(prog="benchmarks/run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--import-runs", type=int, default=3, help="runs of the 10,000-row import (default 3)")
    parser.add_argument("--build-runs", type=int, default=1, help="builds of the stress board (default 1)")
    parser.add_argument("--file", help="measure this stress board instead of building one")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results.json"),
                        help="where to write the figures (default benchmarks/results.json)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS,
                        help="measure only these sections (the build always runs, unless --file)")
    parser.add_argument("--keep", help="keep the generated files in this folder")
    args = parser.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sgdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load = load_average()[0]
    if load > 1.0:
        print(f"note: the load average is {load:.2f} on {os.cpu_count()} CPUs: other work is running, so the "
              "figures will be slower than on a quiet machine", file=sys.stderr)
    try:
        results = Bench(args, work).run()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(render(results))
    Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0 if all(row.get("met", True) for row in results["measures"]) else 1


if __name__ == "__main__":
    sys.exit(main())
