"""The kill test: end the write path at random moments and check the board file survives.

A child process runs real work on a board file, and this process ends it with SIGKILL (on
Windows, TerminateProcess) at a random moment, many times. After each kill the file is opened
the way the app opens it (which clears the dead process's lock and rolls back SQLite's hot
journal), and must pass ``PRAGMA integrity_check`` and hold exactly the data of a moment between
two actions: wholly before or wholly after the action that was cut short, and never without an
action the child had already reported as committed (that would be rows lost).

Two kinds of work:

``import``
    ``sgdesk import`` of a large organisations file: the lock, the session backup, reading and
    checking every row, then one action writing them all.
``edits``
    a series of the actions a user makes in the app (add, rename, delete, settings, undo and
    redo), each reported to the parent as soon as it commits.

A kill cannot lose what the OS has already been given, so this shows SG Desk's transactions
are whole and its lock and backups recover; power cuts are left to SQLite's journal and
``synchronous=FULL`` (docs/shared-drives.md). ``tests/safety/test_kill_crash.py`` runs a short version;
``benchmarks/soak_kill.py`` a long one. It is a harness, not part of SG Desk: the children import
it by its name, ``crashtest``, so its folder must be on the path (pytest adds it; the benchmark
scripts run from it).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import multiprocessing
import os
import random
import shutil
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sgdesk.backups import BACKUP_DIR_VARIABLE, list_backups
from sgdesk.checks import record_tables
from sgdesk.errors import BoardFileError
from sgdesk.store import BoardFile, create_board_file, open_board_file
from sgdesk.store.boardfile import JOURNAL_SUFFIX, hot_journal

SCENARIOS = ("import", "edits")
_READY_TIMEOUT = 60.0   # seconds for a child to start
_KILLED = -9            # multiprocessing's exit code for a process ended by SIGKILL

Step = Callable[[BoardFile], None]


@dataclass
class KillReport:
    """What a run of kills found; ``ok`` when every kill was survived and nothing was lost."""

    scenario: str
    trials: int = 0
    kills: int = 0                  # children still running when killed
    survived: int = 0               # trials after which the file was whole and consistent
    rows_lost: int = 0              # rows of committed actions missing after a kill
    outcomes: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    backups_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and self.rows_lost == 0 and self.survived == self.trials

    def summary(self) -> str:
        seen = ", ".join(f"{n} {what}" for what, n in sorted(self.outcomes.items()))
        return (f"{self.scenario}: {self.kills} kills in {self.trials} runs, {self.survived} survived, "
                f"rows lost {self.rows_lost}, {self.backups_checked} backups intact; states found: {seen}"
                + (f"; PROBLEMS: {'; '.join(self.problems[:5])}" if self.problems else ""))


# -- the state of a board file ------------------------------------------------------------------
def fingerprint(conn: sqlite3.Connection) -> tuple[str, int]:
    """A digest of every row (audit times left out: they differ between runs) and the count of data rows."""
    digest = hashlib.sha256()
    rows = 0
    for table in record_tables(conn):
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] != "at"]
        quoted = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
            digest.update(repr((table, tuple(row))).encode("utf-8"))
            rows += not table.startswith("audit_")
    return digest.hexdigest(), rows


def _state(path: Path) -> tuple[str, int]:
    """Open as the app does, check integrity, and fingerprint (raises AssertionError if damaged)."""
    try:
        bf = open_board_file(path)
    except BoardFileError as error:
        raise AssertionError(f"the app cannot open the file: {error}") from None
    with bf:
        result = [row[0] for row in bf.query("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise AssertionError(f"integrity check failed: {'; '.join(result[:3])}")
        return fingerprint(bf.conn)


# -- the work ---------------------------------------------------------------------------------------
def _new_board(path: Path, template: Path, organisations: int) -> None:
    """A board file at ``path``, and ``template``, a copy to put back there before each trial.

    Made at the path it is used at, the file is not a copy there (sgdesk.store.identity), so
    opening it does not give it an identity of its own: each trial starts from the same state.
    """
    from sgdesk.boards import add_board
    from sgdesk.organisations import add_organisation

    with create_board_file(path) as bf:
        with bf.edit("Create board") as ed:
            add_board(ed, "Kill Test Safeguarding Children Partnership", short_name="Kill SCP")
            for n in range(organisations):
                add_organisation(ed, f"Existing Agency {n:03d}", org_type="other")
    shutil.copyfile(path, template)


def write_import_file(path: Path, rows: int) -> Path:
    """A large, valid organisations import (half the names exist already, as in real files)."""
    types = ("council", "police", "health", "education", "voluntary", "other")
    lines = ["Organisation,Short name,Type,Statutory partner"]
    lines += [f"Agency {n:05d},A{n:05d},{types[n % len(types)]},{'Yes' if n % 7 == 0 else 'No'}"
              for n in range(rows)]
    lines += [f"Existing Agency {n:03d},E{n:03d},council,No" for n in range(20)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def edit_script(seed: int, count: int) -> list[tuple[str, Step]]:
    """``count`` actions as the app makes them, chosen by ``seed`` (the same seed, the same actions)."""
    from sgdesk.boards import set_setting
    from sgdesk.organisations import add_organisation

    chooser = random.Random(seed)

    def add_agencies(k: int) -> Step:
        def step(bf: BoardFile) -> None:
            with bf.edit(f"Add agencies, batch {k}") as ed:
                for n in range(20):
                    add_organisation(ed, f"Agency {k:04d}-{n:02d}", short_name=f"A{k}-{n}", org_type="other",
                                     aliases=(f"Agency alias {k:04d}-{n:02d}",))
        return step

    def rename(k: int) -> Step:
        def step(bf: BoardFile) -> None:
            ids = [r[0] for r in bf.query("SELECT id FROM organisation ORDER BY id DESC LIMIT 15")]
            with bf.edit(f"Rename agencies, round {k}") as ed:
                for row_id in ids:
                    ed.update("organisation", row_id, {"short_name": f"R{k}-{row_id}", "statutory": k % 2})
        return step

    def subgroup(k: int) -> Step:
        def step(bf: BoardFile) -> None:
            with bf.edit(f"Add sub-group {k}") as ed:
                ed.insert("subgroup", {"board_id": 1, "name": f"Task and Finish Group {k}", "short_name": f"T{k}"})
        return step

    def delete_subgroup(k: int) -> Step:
        def step(bf: BoardFile) -> None:
            last = bf.scalar("SELECT max(id) FROM subgroup")
            with bf.edit(f"Delete a sub-group ({k})") as ed:
                if last is not None:
                    ed.delete("subgroup", last)
        return step

    def setting(k: int) -> Step:
        def step(bf: BoardFile) -> None:
            with bf.edit(f"Change a setting ({k})") as ed:
                set_setting(ed, bf, 1, "kill_test_round", {"round": k, "notes": "x" * (k % 50)})
        return step

    def undo(k: int) -> Step:
        return lambda bf: bf.editor.undo()

    def redo(k: int) -> Step:
        return lambda bf: bf.editor.redo()

    makers = [(add_agencies, 4), (rename, 3), (subgroup, 2), (delete_subgroup, 1), (setting, 2), (undo, 2),
              (redo, 1)]
    steps = []
    for k in range(count):
        maker = chooser.choices([m for m, _ in makers], [w for _, w in makers])[0]
        steps.append((f"{maker.__name__} {k}", maker(k)))
    return steps


# -- the child processes ------------------------------------------------------------------------------
#: pages of SQLite's cache in a child: so small that SQLite writes into the board file part-way
#: through each action (a "cache spill"), which widens the window in which a kill is dangerous
CHILD_CACHE_PAGES = 16


def _small_cache() -> None:
    """Give every connection this child opens a tiny cache (see :data:`CHILD_CACHE_PAGES`)."""
    from sgdesk.store import boardfile

    real_connect = boardfile.connect

    def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        conn = real_connect(path, read_only=read_only)
        conn.execute(f"PRAGMA cache_size = {CHILD_CACHE_PAGES}")
        return conn

    boardfile.connect = connect


def _import_child(pipe, path: str, source: str, backup_dir: str) -> None:
    from sgdesk import cli

    _small_cache()
    os.environ[BACKUP_DIR_VARIABLE] = backup_dir
    pipe.send("ready")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["import", path, "organisations", source])
    pipe.send(f"done {code}")


def _edits_child(pipe, path: str, seed: int, count: int, backup_dir: str) -> None:
    from sgdesk.backups import backup_before_first_edit

    _small_cache()
    steps = edit_script(seed, count)
    bf = open_board_file(path)
    backup_before_first_edit(bf, Path(backup_dir))
    pipe.send("ready")
    for number, (_label, step) in enumerate(steps, start=1):
        step(bf)
        pipe.send(number)
    bf.close()
    pipe.send("done")


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        from sgdesk import registry

        context.set_forkserver_preload(["crashtest", "sgdesk.cli", *registry.FEATURE_MODULES])
        return context
    return multiprocessing.get_context("spawn")


def _kill_window(context, target, args: tuple, reset: Callable[[], None]) -> float:
    """Seconds from a child saying it is ready to its finishing (the median of three unkilled runs)."""
    timings = []
    for _run in range(3):
        reset()
        timings.append(_time_child(context, target, args))
    return sorted(timings)[1]


def _time_child(context, target, args: tuple) -> float:
    """Seconds from a child saying it is ready to its finishing, left to run."""
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(sender, *args), daemon=True)
    process.start()
    sender.close()
    if not receiver.poll(_READY_TIMEOUT):
        process.kill()
        process.join()
        raise RuntimeError("the child process did not start")
    receiver.recv()
    started = time.perf_counter()
    with contextlib.suppress(EOFError):
        while not str(receiver.recv()).startswith("done"):
            pass
    finished = time.perf_counter()
    process.join()
    receiver.close()
    if process.exitcode != 0:
        raise RuntimeError(f"the child process failed (exit code {process.exitcode})")
    return finished - started


def _run_and_kill(context, target, args: tuple, delay: float) -> tuple[list, bool]:
    """Start ``target``, wait until it is ready, kill it after ``delay``; its messages, and whether it was killed."""
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(sender, *args), daemon=True)
    process.start()
    sender.close()
    messages = []
    if not receiver.poll(_READY_TIMEOUT):
        process.kill()
        process.join()
        raise RuntimeError("the child process did not start")
    messages.append(receiver.recv())
    time.sleep(delay)
    process.kill()
    process.join()
    while receiver.poll():
        try:
            messages.append(receiver.recv())
        except EOFError:
            break
    receiver.close()
    return messages, process.exitcode == _KILLED


# -- the two kill runs -------------------------------------------------------------------------------
#: judges the state a kill left: records the outcome and returns a problem, or None if all is well
Judge = Callable[[list, tuple[str, int], bool], "str | None"]


def _kill_many(report: KillReport, target, args: tuple, template: Path, board: Path, backups: Path, trials: int,
               seed: int, judge: Judge) -> None:
    """Run ``target`` from the template ``trials`` times, killing it at a random moment each time."""
    context = _context()
    window = _kill_window(context, target, args, lambda: _reset(template, board))
    chooser = random.Random(seed)
    for _trial in range(trials):
        _reset(template, board)         # the last child's lock file stays: it must be found stale
        delay = chooser.uniform(0, window)
        messages, killed = _run_and_kill(context, target, args, delay)
        report.trials += 1
        report.kills += killed
        mid_write = hot_journal(board)
        try:
            state = _state(board)
        except AssertionError as error:
            report.problems.append(f"after {delay:.3f}s: {error}")
            continue
        problem = ("opening the file did not roll back the cut transaction" if hot_journal(board)
                   else judge(messages, state, mid_write))
        if problem is None:
            report.survived += 1
        else:
            report.problems.append(f"after {delay:.3f}s: {problem}")
    report.backups_checked = _check_backups(board, backups, report)


def kill_import(work: Path, trials: int, *, rows: int = 2000, seed: int = 1) -> KillReport:
    """Kill ``sgdesk import`` of ``rows`` organisations ``trials`` times."""
    work.mkdir(parents=True, exist_ok=True)
    template, board, source = work / "template.sgdesk", work / "board.sgdesk", work / "agencies.csv"
    _new_board(board, template, 40)
    write_import_file(source, rows)
    with open_board_file(board) as bf:
        before = fingerprint(bf.conn)
    backups = work / "backups"
    args = (str(board), str(source), str(backups))
    _time_child(_context(), _import_child, args)
    after = _state(board)
    report = KillReport("import")

    def judge(messages: list, state: tuple[str, int], mid_write: bool) -> str | None:
        if state == after:
            report.outcomes["after the import"] += 1
            return None
        if state != before:
            return f"the file holds part of the import ({state[1]} rows)"
        if any(isinstance(m, str) and m.startswith("done 0") for m in messages):
            report.rows_lost += after[1] - before[1]
            return "the import said it was done, but the rows are gone"
        report.outcomes["cut while writing, rolled back" if mid_write else "before the import"] += 1
        return None

    _kill_many(report, _import_child, args, template, board, backups, trials, seed, judge)
    return report


def kill_edits(work: Path, trials: int, *, steps: int = 120, seed: int = 1) -> KillReport:
    """Kill a series of ``steps`` app actions ``trials`` times."""
    work.mkdir(parents=True, exist_ok=True)
    template, board = work / "template.sgdesk", work / "board.sgdesk"
    _new_board(board, template, 10)
    states = []
    with open_board_file(board) as bf:
        states.append(fingerprint(bf.conn))
    with open_board_file(board) as bf:
        for _label, step in edit_script(seed, steps):
            step(bf)
            states.append(fingerprint(bf.conn))
    report = KillReport("edits")

    def judge(messages: list, state: tuple[str, int], mid_write: bool) -> str | None:
        reported = max([m for m in messages if isinstance(m, int)], default=0)
        matches = [n for n, known in enumerate(states) if known == state]
        if not matches:
            return f"the file holds part of an action (after step {reported})"
        if reported in matches or reported + 1 in matches:
            report.outcomes["cut while writing, rolled back" if mid_write else "between two actions"] += 1
            return None
        if max(matches) < reported:
            report.rows_lost += max(states[reported][1] - state[1], 1)
        return f"step {reported} was committed but the file is at step {max(matches)}"

    backups = work / "backups"
    _kill_many(report, _edits_child, (str(board), seed, steps, str(backups)), template, board, backups, trials,
               seed, judge)
    return report


def _reset(template: Path, board: Path) -> None:
    """Put the template back; an inert journal left by a kill goes too, as it would be overwritten."""
    board.with_name(board.name + JOURNAL_SUFFIX).unlink(missing_ok=True)
    shutil.copyfile(template, board)


def _check_backups(board: Path, folder: Path, report: KillReport) -> int:
    """Every backup a killed child left complete must be a whole board file."""
    checked = 0
    for backup in list_backups(board, folder):
        conn = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                report.problems.append(f"the backup {backup.path.name} is damaged")
        finally:
            conn.close()
        checked += 1
    return checked


def run(kind: str, work: Path, trials: int, **options) -> KillReport:
    runner = {"import": kill_import, "edits": kill_edits}[kind]
    return runner(work, trials, **options)
