"""The fault probe: SG Desk's commands run on a drive that fails, then the damage is counted.

A drive on a council share fails in ways a crash test does not reach: a read or write refused
half-way, a flush that reports an I/O error, a file that will not open, a drive that is full.
The probe runs the ``sgdesk`` command (import, export, backup, restore, check, report,
anonymise) and an app-like editing session, each on a fresh copy of the demo board, under one
of two kinds of fault:

``fiu``
    libfiu (``fiu-run``, Debian package ``fiu-utils``) makes random calls to read, write,
    fsync and open fail, from the moment SG Desk has loaded until the command ends.
``full``
    the board file, its backups folder and the output folder are on a small tmpfs filled up
    to a random few megabytes short of full.

Every run then must end with: the board file whole (``PRAGMA integrity_check`` after opening
it as SQLite does, which rolls back an unfinished change), its data wholly as before or wholly
as after the command, every output and backup whole or as it was, no traceback, a failure
told in one line that names the file, and the next edit (an import, with the faults gone)
succeeding. :class:`Tally` counts each way a run can fall short.

The runs are fast because one server process (started under ``fiu-run``) loads SG Desk once
and forks a child per run; the child switches the faults on, runs the command with its output
captured, switches them off and reports. ``tests/safety/test_faults.py`` runs a few dozen;
``benchmarks/soak_faults.py`` runs thousands. It is a harness, not part of SG Desk, imported by
its name, ``faultprobe``, as ``crashtest`` is (pytest puts ``benchmarks/`` on the path).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import importlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: each kind of libfiu fault, with the failure points it switches on
FIU_FAULTS = {
    "read": ("posix/io/rw/read", "posix/io/rw/pread"),
    "write": ("posix/io/rw/write", "posix/io/rw/pwrite"),
    "fsync": ("posix/io/sync/fsync", "posix/io/sync/fdatasync"),
    "open": ("posix/io/oc/open",),
}
FIU_FAULTS["any"] = tuple(point for points in FIU_FAULTS.values() for point in points)
SCENARIOS = ("import", "export-pdf", "export-docx", "backup", "restore", "check", "report", "anonymise", "session")
BOARD = "board.sgdesk"
IMPORTED = 300                 # organisations in the import file, none in the board yet
BACKUP_EXTRA = 200             # organisations the backup has that the board has not
SESSION_EDITS = 6              # edits tried under faults in an app-like session
RUN_TIMEOUT = 90               # seconds a child may take (a busy file waits and retries)
DRIVE_SIZE_MB = 32             # the tmpfs for full-drive runs
FREE_AT_MOST_LOG10 = 6.8         # the most a full drive has free: 10 ** 6.8 bytes, about 6 MB


def fiu_run() -> str | None:
    """The path of ``fiu-run``, or None if libfiu's tools are not installed."""
    return shutil.which("fiu-run")


def mount_drive(mount_point: Path, size_mb: int = DRIVE_SIZE_MB) -> str | None:
    """Mount a small tmpfs at ``mount_point``; None when mounted, else why it cannot be."""
    if sys.platform != "linux":
        return "a tmpfs can only be mounted on Linux"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CI runs the tests as root)"
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "sgdesk-probe", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"mount refused a tmpfs here ({done.stderr.strip() or done.returncode})"
    return None


def unmount_drive(mount_point: Path) -> None:
    subprocess.run(["umount", str(mount_point)], capture_output=True)


# -- counting ---------------------------------------------------------------------------------------
@dataclass
class Tally:
    """What a series of runs found; ``clean`` when no run fell short in any way."""

    runs: int = 0
    failed_as_told: int = 0          # runs where the command reported a failure (the faults bit)
    corrupt_files: int = 0           # a board file, output or backup left damaged
    partial_changes: int = 0         # data neither wholly before nor wholly after the command
    partial_imports: int = 0         # ... of those, imports
    tracebacks: int = 0              # an exception escaped the command, or a child died
    unclear_messages: int = 0        # not one line, or naming no file
    false_damage: int = 0            # "damaged ... restore it from a backup" about a file that is fine
    jammed: int = 0                  # the next edit failed once the faults were gone
    lost_edits: int = 0              # an edit reported saved that is missing, or reported failed that is there
    seconds: float = 0.0
    by_scenario: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)     # "corrupt files in restore": 3
    problems: list[str] = field(default_factory=list)

    COUNTS = ("corrupt_files", "partial_changes", "tracebacks", "unclear_messages", "false_damage", "jammed",
              "lost_edits")

    @property
    def clean(self) -> bool:
        return all(getattr(self, name) == 0 for name in self.COUNTS)

    def add(self, other: "Tally") -> None:
        for name in ("runs", "failed_as_told", "partial_imports", *self.COUNTS):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.by_scenario.update(other.by_scenario)
        self.kinds.update(other.kinds)
        self.problems.extend(other.problems)

    def summary(self) -> str:
        counts = ", ".join(f"{name.replace('_', ' ')} {getattr(self, name)}" for name in self.COUNTS)
        return (f"{self.runs} runs ({self.failed_as_told} told of a failure) in {self.seconds:.0f} s: {counts}; "
                f"partial imports {self.partial_imports}")

    def fault(self, counter: str, scenario: str, what: str) -> None:
        setattr(self, counter, getattr(self, counter) + 1)
        self.kinds[f"{counter.replace('_', ' ')} in {scenario}"] += 1
        self.problems.append(f"{scenario}: {what}")


# -- the server: SG Desk loaded once, a fork per run --------------------------------------------------
def _libfiu() -> Any:
    for name in ("libfiu.so.0", ctypes.util.find_library("fiu"), "libfiu.so"):
        if name:
            try:
                lib = ctypes.CDLL(name)
            except OSError:
                continue
            lib.fiu_enable_random.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint,
                                              ctypes.c_float]
            lib.fiu_disable.argtypes = [ctypes.c_char_p]
            return lib
    return None


def _small_cache() -> None:
    """A tiny SQLite cache, so that SQLite writes into the board file part-way through a change."""
    from sgdesk.store import boardfile

    real_connect = boardfile.connect

    def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        conn = real_connect(path, read_only=read_only)
        conn.execute("PRAGMA cache_size = 16")
        return conn

    boardfile.connect = connect


def _session(board: str, edits: int, switch_on, switch_off) -> dict:
    """An app-like session: open for editing, edits under faults, then one edit without them."""
    from sgdesk.errors import SGDeskError
    from sgdesk.organisations import add_organisation
    from sgdesk.store import open_board_file

    bf = open_board_file(board)
    read_only = bf.read_only   # a full folder cannot take the lock: the session is read-only, and says why
    told, saved = [], []
    switch_on()
    try:
        for n in range(edits):
            try:
                with bf.edit(f"Add Session Agency {n}") as ed:
                    add_organisation(ed, f"Session Agency {n}")
                saved.append(n)
            except SGDeskError as error:
                told.append(str(error))
    finally:
        switch_off()
    try:
        with bf.edit("Add Session Agency after") as ed:
            add_organisation(ed, "Session Agency after")
        after = None
    except SGDeskError as error:
        after = str(error)
    bf.close()
    return {"told": told, "saved": saved, "after": after, "read_only": read_only}


def _child(request: dict, fiu: Any) -> dict:
    points = [point.encode() for point, _p in request.get("faults", [])]

    def switch_on() -> None:
        for (point, probability), name in zip(request.get("faults", []), points):
            fiu.fiu_enable_random(name, 1, None, 0, probability)

    def switch_off() -> None:
        for name in points:
            fiu.fiu_disable(name)
        if request.get("free_up"):   # the drive that was full has room again
            Path(request["free_up"]).unlink(missing_ok=True)

    os.environ.update(request.get("env", {}))
    out, err = io.StringIO(), io.StringIO()
    result: dict[str, Any] = {"rc": None, "exception": None}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            if request["kind"] == "session":
                result["session"] = _session(request["board"], request["edits"], switch_on, switch_off)
                result["rc"] = 0
            else:
                from sgdesk import cli

                switch_on()
                try:
                    result["rc"] = cli.main(request["argv"])
                finally:
                    switch_off()
    except BaseException:  # noqa: BLE001  the probe counts what escaped
        switch_off()
        result["exception"] = traceback.format_exc()
    result["stdout"], result["stderr"] = out.getvalue(), err.getvalue()
    return result


def serve() -> None:
    """The server loop: one JSON request per line on stdin, one JSON result per line on stdout."""
    fiu = _libfiu()
    _small_cache()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    replies = sys.stdout
    sys.stdout = sys.stderr
    for line in sys.stdin:
        request = json.loads(line)
        if request["kind"] == "warm":   # load, in this process, everything the commands load lazily
            os.environ.update(request["env"])
            for module in request["imports"]:
                importlib.import_module(module)
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                from sgdesk import cli

                for argv in request["argvs"]:
                    cli.main(argv)
            replies.write(json.dumps({"warm": True}) + "\n")
            replies.flush()
            continue
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            signal.alarm(RUN_TIMEOUT)
            payload = json.dumps(_child(request, fiu)).encode()
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _pid, status = os.waitpid(pid, 0)
        if payload:
            reply = json.loads(payload)
        else:
            reply = {"rc": None, "exception": f"the child died (wait status {status})", "stdout": "", "stderr": ""}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


class Server:
    """A running server (under ``fiu-run`` when it is installed); use as a context manager."""

    def __init__(self, use_fiu: bool) -> None:
        import sgdesk

        code_root = str(Path(sgdesk.__file__).resolve().parents[1])
        env = dict(os.environ, PYTHONPATH=code_root, PYTHONDONTWRITEBYTECODE="1")
        command = [sys.executable, str(Path(__file__).resolve()), "--serve"]
        if use_fiu:
            command = [fiu_run(), "-x", "-f", "", *command]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the fault probe's server stopped")
        return json.loads(line)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


# -- one run --------------------------------------------------------------------------------------------
@dataclass
class Materials:
    """Files made once on the drive (without faults), put back as they were before each run."""

    board: bytes         # the demo board
    backup_name: str
    backup: bytes        # a good backup of it with BACKUP_EXTRA organisations more (a bigger file)
    orgs: bytes          # the import: IMPORTED new organisations
    one_org: bytes       # the next edit: one more organisation
    outputs: dict[str, bytes]   # pack.pdf and pack.docx as they were: good files, smaller than a new pack


def make_materials(drive: Path, template: Path) -> Materials:
    """Make the materials where the runs will use them (a board file remembers where it was opened)."""
    from sgdesk import cli
    from sgdesk.store import open_board_file
    from sgdesk.store.boardfile import copy_database

    _clear(drive)
    backup = drive / "backups" / "board.2026-01-05_090000.sgdesk"
    backup.parent.mkdir()
    (drive / "out").mkdir()
    board = drive / BOARD
    header = "Organisation,Short name,Type,Statutory partner\n"
    extra = drive / "extra.csv"
    extra.write_text(header + "".join(f"Backup Agency {n:04d},B{n:04d},other,No\n" for n in range(BACKUP_EXTRA)),
                     encoding="utf-8")
    shutil.copyfile(template, board)
    open_board_file(board).close()   # opened for editing here once, as a board file in use has been
    base = board.read_bytes()
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["import", str(board), "organisations", str(extra)])
        with contextlib.closing(sqlite3.connect(board)) as conn:
            copy_database(conn, backup)
        board.write_bytes(base)
        for name in ("pack.pdf", "pack.docx"):
            cli.main(["export", str(board), "appendix1", "--out", str(drive / "out" / name)])
    stuff = Materials(board.read_bytes(), backup.name, backup.read_bytes(),
                      (header + "".join(f"Probe Agency {n:04d},P{n:04d},other,No\n" for n in range(IMPORTED))).encode(),
                      (header + "Next Edit Agency,NEA,other,No\n").encode(),
                      {path.name: path.read_bytes() for path in (drive / "out").iterdir()})
    _clear(drive)
    return stuff


def _clear(drive: Path) -> None:
    for item in drive.iterdir():
        shutil.rmtree(item) if item.is_dir() else item.unlink()


def _argv(scenario: str, drive: Path, stuff: Materials) -> list[str]:
    board = str(drive / BOARD)
    return {
        "import": ["import", board, "organisations", str(drive / "orgs.csv")],
        "export-pdf": ["export", board, "pack", "--year", "2018/19", "--out", str(drive / "out" / "pack.pdf")],
        "export-docx": ["export", board, "pack", "--year", "2018/19", "--out", str(drive / "out" / "pack.docx")],
        "backup": ["backup", board],
        "restore": ["restore", board, "latest"],
        "check": ["check", board],
        "report": ["report", board, "attendance", "--format", "csv"],
        "anonymise": ["anonymise", board],
    }[scenario]


def _lay_out(drive: Path, stuff: Materials, free: int | None) -> None:
    """A fresh copy of everything on the drive; then fill it to ``free`` bytes short of full."""
    _clear(drive)
    (drive / "backups").mkdir()
    (drive / "out").mkdir()
    (drive / BOARD).write_bytes(stuff.board)
    (drive / "backups" / stuff.backup_name).write_bytes(stuff.backup)
    (drive / "orgs.csv").write_bytes(stuff.orgs)
    (drive / "one.csv").write_bytes(stuff.one_org)
    for name, data in stuff.outputs.items():
        (drive / "out" / name).write_bytes(data)
    if free is not None:
        room = shutil.disk_usage(drive).free - free
        with open(drive / "filler", "wb") as handle:
            chunk = b"\0" * (1 << 20)
            while room > 0:
                handle.write(chunk[:room])
                room -= len(chunk)


def _state(board: Path) -> tuple[bool, str, dict[str, int]]:
    """Whether the file is whole (after SQLite's own rollback), why not, and the counts judged."""
    try:
        with contextlib.closing(sqlite3.connect(board)) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                return False, "; ".join(integrity[:3]), {}
            counts = {
                "probe": conn.execute("SELECT count(*) FROM organisation WHERE name LIKE 'Probe Agency %'").fetchone()[0],
                "organisations": conn.execute("SELECT count(*) FROM organisation").fetchone()[0],
                "anonymised": conn.execute(
                    "SELECT count(*) FROM training_delegate WHERE anonymised_on IS NOT NULL").fetchone()[0],
            }
            counts["session"] = json.dumps([r[0] for r in conn.execute(
                "SELECT name FROM organisation WHERE name LIKE 'Session Agency %' ORDER BY name")])
            return True, "", counts
    except sqlite3.DatabaseError as error:
        return False, str(error), {}


def _whole_output(path: Path, old: bytes) -> bool:
    if not path.exists():
        return False
    data = path.read_bytes()
    if data == old:
        return True
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    try:
        with zipfile.ZipFile(path) as package:
            return package.testzip() is None and "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False


def _damaged_backups(folder: Path) -> list[str]:
    """Backups a restore could choose that are not whole (a copy kept as damaged is marked so)."""
    damaged = []
    for path in sorted(folder.glob("*.sgdesk")):
        if ".damaged." in path.name or path.name.startswith("."):
            continue
        whole, why, _counts = _state(path)
        if not whole:
            damaged.append(f"{path.name} ({why})")
    return damaged


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()
            and not line.startswith(("sgdesk: warning:", "sgdesk: note:", "note:"))]


def judge(tally: Tally, scenario: str, reply: dict, drive: Path, stuff: Materials, before: dict) -> None:
    """Count how this run fell short (see :class:`Tally`)."""
    stderr = reply.get("stderr", "")
    if reply.get("exception") or "Traceback" in stderr:
        tally.fault("tracebacks", scenario, (reply.get("exception") or stderr).strip().splitlines()[-1])
    whole, why, after = _state(drive / BOARD)
    if not whole:
        tally.fault("corrupt_files", scenario, f"{BOARD}: {why}")
    told = list(reply["session"]["told"]) if scenario == "session" and "session" in reply else []
    if reply.get("rc") not in (0, None):
        if scenario == "check" and not _error_lines(stderr):   # the check ran, and found problems
            if whole:
                found = [line for line in reply["stdout"].splitlines() if line.startswith("[PROBLEM]")]
                tally.fault("false_damage", scenario, f"check reported {found[:1]} of a whole file")
        else:
            told.append("\n".join(_error_lines(stderr)))
    if told:
        tally.failed_as_told += 1
    for message in told:
        names = (BOARD, "orgs.csv", "pack.", "board.", "backups")
        if message.count("\n") or not any(name in message for name in names):
            tally.fault("unclear_messages", scenario, message.replace("\n", " | ")[:200] or "(nothing said)")
        if "damaged" in message and whole and not _damaged_backups(drive / "backups"):
            tally.fault("false_damage", scenario, message[:200])
    if scenario.startswith("export"):
        name = "pack." + scenario.split("-")[1]
        if not _whole_output(drive / "out" / name, stuff.outputs[name]):
            tally.fault("corrupt_files", scenario, f"{name} is neither the old file nor a whole new one")
    for damaged in _damaged_backups(drive / "backups"):
        tally.fault("corrupt_files", scenario, f"backup {damaged}")
    if whole:
        _judge_data(tally, scenario, reply, before, after)


def _judge_data(tally: Tally, scenario: str, reply: dict, before: dict, after: dict) -> None:
    if scenario == "import" and after["probe"] not in (0, IMPORTED):
        tally.partial_imports += 1
        tally.fault("partial_changes", scenario, f"{after['probe']} of {IMPORTED} organisations imported")
    elif scenario == "anonymise" and after["anonymised"] not in (before["anonymised"], before["delegates_due"]):
        tally.fault("partial_changes", scenario, f"{after['anonymised']} delegates anonymised")
    elif scenario == "restore" and after["organisations"] not in (before["organisations"],
                                                                   before["organisations"] + BACKUP_EXTRA):
        tally.fault("partial_changes", scenario, f"{after['organisations']} organisations after the restore")
    elif scenario not in ("import", "anonymise", "restore", "session") and after["organisations"] != before["organisations"]:
        tally.fault("partial_changes", scenario, "a command that only reads changed the file")
    if scenario == "session" and "session" in reply:
        session = reply["session"]
        expected = sorted([f"Session Agency {n}" for n in session["saved"]]
                          + ([] if session["after"] else ["Session Agency after"]))
        if json.loads(after["session"]) != expected:
            tally.fault("lost_edits", scenario, f"saved {session['saved']}, the file holds {after['session']}")
        if session["after"] and not session["read_only"]:
            tally.fault("jammed", scenario, f"the edit after the faults failed: {session['after']}")


def probe(server: Server, stuff: Materials, drive: Path, *, mode: str, runs: int, seconds: float,
          rng: random.Random, scenarios: tuple[str, ...] = SCENARIOS) -> Tally:
    """Up to ``runs`` runs (or ``seconds``) of random ``scenarios`` under ``mode`` ("fiu" or "full")."""
    tally = Tally()
    before = _baseline(stuff, drive)
    started = time.monotonic()
    while tally.runs < runs and time.monotonic() - started < seconds:
        scenario = rng.choice(scenarios)
        faults: list[tuple[str, float]] = []
        free = None
        if mode == "fiu":
            kind = rng.choice(sorted(FIU_FAULTS))
            probability = 10 ** rng.uniform(-3, -1)
            faults = [(point, probability) for point in FIU_FAULTS[kind]]
        else:
            free = int(10 ** rng.uniform(3, FREE_AT_MOST_LOG10))   # 1 KB to 6 MB, as often 10 KB as 1 MB
        _lay_out(drive, stuff, free)
        env = {"SGDESK_BACKUP_DIR": str(drive / "backups")}
        if scenario == "session":
            request = {"kind": "session", "board": str(drive / BOARD), "edits": SESSION_EDITS,
                       "free_up": str(drive / "filler") if free is not None else ""}
        else:
            request = {"kind": "cli", "argv": _argv(scenario, drive, stuff)}
        reply = server.ask({**request, "faults": faults, "env": env})
        tally.runs += 1
        tally.by_scenario[scenario] += 1
        judge(tally, scenario, reply, drive, stuff, before)
        (drive / "filler").unlink(missing_ok=True)
        nxt = server.ask({"kind": "cli", "argv": ["import", str(drive / BOARD), "organisations",
                                                   str(drive / "one.csv")], "env": env})
        if nxt.get("rc") != 0:
            tally.fault("jammed", scenario, "the next edit failed: " + (" | ".join(_error_lines(nxt["stderr"]))
                                                                          or str(nxt.get("exception")))[:200])
    tally.seconds = time.monotonic() - started
    return tally


def _baseline(stuff: Materials, drive: Path) -> dict:
    """The board's counts before any run, and how many delegates an anonymisation reaches."""
    from sgdesk import cli

    _lay_out(drive, stuff, None)
    _whole, _why, counts = _state(drive / BOARD)
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["anonymise", str(drive / BOARD)])
    counts["delegates_due"] = _state(drive / BOARD)[2]["anonymised"]
    return counts


def warm_up(server: Server, stuff: Materials, drive: Path) -> None:
    """Make the server load everything the commands load lazily, before any fault is switched on."""
    _lay_out(drive, stuff, None)
    argvs = [_argv(s, drive, stuff) for s in SCENARIOS if s != "session"]
    server.ask({"kind": "warm", "argvs": argvs, "env": {"SGDESK_BACKUP_DIR": str(drive / "backups")},
                "imports": ["sgdesk.organisations", "sgdesk.store"]})


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
