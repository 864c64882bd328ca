"""The `sgdesk` command: the same core as the app, for scripts, tests and IT teams.

Exit codes: 0 success; 1 a user error or a fault, explained in one line on stderr (never a
traceback); 2 a usage error.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Sequence

from sgdesk import __version__
from sgdesk.collector import collector_paused
from sgdesk.errors import SGDeskError


class UsageError(Exception):
    """Wrong words on the command line (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit; we decide the exit code
        raise UsageError(f"{message} (see 'sgdesk {self.prog.split()[-1]} --help')"
                         if " " in self.prog else message)


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--board", required=True, help="the board's full name")
    p.add_argument("--short", help="a short name, e.g. 'Southend LSCB'")
    p.add_argument("--kind", choices=("children", "adults", "all-age"), default="children")


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.add_argument("--scale", choices=("demo", "large"), default="demo",
                   help="demo: the Southend board of the seed reports; large: a ten-year stress board "
                        "(3 boards, 100,000 training bookings) for trying SG Desk at scale")


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("kind")
    p.add_argument("source", type=Path)
    p.add_argument("--board")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")


def _period_arguments(p: argparse.ArgumentParser, chosen: str) -> None:
    """The board file, what is ``chosen`` (a report's kind, an export's what), the board and the period."""
    p.add_argument("file", type=Path)
    p.add_argument(chosen)
    p.add_argument("--board")
    p.add_argument("--year", help="financial year, e.g. 2018/19")
    p.add_argument("--from", dest="start", help="first day, e.g. 01/09/2017")
    p.add_argument("--to", dest="end", help="last day, e.g. 31/03/2019")


def _report_arguments(p: argparse.ArgumentParser) -> None:
    _period_arguments(p, "kind")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    _period_arguments(p, "what")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--draft", action="store_true", help="print DRAFT across every page")
    p.add_argument("--session", help="training session id (register, certificates)")
    p.add_argument("--meeting", help="the meeting of the papers (meeting-pack): its id, or its date with "
                                     "--set body=NAME for a sub-group's")
    p.add_argument("--style", help="a layout choice the export offers (e.g. council or plain)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="any other export option")


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("dest", type=Path, nargs="?")
    p.add_argument("--keep", type=int, metavar="N",
                   help="keep only the newest N backups of this file in that folder (default 20 in the backups folder)")


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("backup", nargs="?", help="the backup file, or 'latest'; leave out to list the backups")


def _anonymise_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--board")
    p.add_argument("--dry-run", action="store_true", help="count who is due, change nothing")


#: each command's help line and the function adding its arguments, in the order ``sgdesk --help`` lists them
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "new": ("create an empty board file", _new_arguments),
    "demo": ("write the demo board file", _demo_arguments),
    "import": ("import a CSV or XLSX file", _import_arguments),
    "report": ("print a report", _report_arguments),
    "export": ("write a PDF, Word or Excel file", _export_arguments),
    "check": ("check integrity, references, schema version and the data", _check_arguments),
    "backup": ("copy the board file safely (default: the backups folder)", _backup_arguments),
    "restore": ("replace the board file with a backup (it is backed up first)", _restore_arguments),
    "anonymise": ("anonymise training delegates past the board's retention period", _anonymise_arguments),
}


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given ``command``, with that command's arguments only.

    A command's own parser parses and words its errors and help as the whole one would, and building
    the other eight (about fifty arguments, each checked by a help formatter) took longer than the parsing.
    """
    parser = _Parser(prog="sgdesk", description="SG Desk: a safeguarding board's records and reports.")
    parser.add_argument("--version", action="version", version=f"SG Desk {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (help_text, add_arguments) in COMMANDS.items():
        if command in (None, name):
            add_arguments(sub.add_parser(name, help=help_text))
    return parser


def _period(args: argparse.Namespace):
    from sgdesk.fyear import Period

    if args.year is None and args.start is None and args.end is None:
        return None
    if args.year is not None and (args.start or args.end):
        raise UsageError("give either --year or --from and --to, not both")
    return Period.parse(year=args.year, start=args.start, end=args.end)


def _choose(kind: str, name: str, available: dict) -> object:
    if name not in available:
        raise UsageError(f"unknown {kind} '{name}'; choose one of: {', '.join(sorted(available))}")
    return available[name]


def cmd_new(args: argparse.Namespace) -> int:
    from sgdesk.boards import add_board
    from sgdesk.store import create_board_file

    path = args.file if args.file.suffix else args.file.with_suffix(".sgdesk")
    with create_board_file(path) as bf:
        with bf.edit(f"Create board {args.board}") as ed:
            add_board(ed, args.board, short_name=args.short, kind=args.kind)
    print(f"Created {path} with the board '{args.board}'")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.scale == "large":
        from sgdesk.demo.large import build_large

        with build_large(args.file, overwrite=args.force):
            pass
        print(f"Wrote the ten-year stress board to {args.file}")
        return 0
    from sgdesk.demo import build_demo

    with build_demo(args.file, overwrite=args.force):
        pass
    print(f"Wrote the demo board to {args.file}")
    return 0


def _open(path: Path, *, read_only: bool = False, migrate: bool = True):
    from sgdesk.store import open_board_file

    bf = open_board_file(path, read_only=read_only, migrate=migrate)
    _say_notes(bf.notes)
    return bf


def _say_notes(notes: list[str]) -> None:
    for note in notes:
        print(f"sgdesk: note: {note}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    from sgdesk import registry
    from sgdesk.boards import resolve_board
    from sgdesk.importing import ImportProblems, run_import

    kind = _choose("import kind", args.kind, registry.load().import_kinds)
    with _open(args.file) as bf:
        if not args.dry_run:
            _backup_first(bf)
        board = resolve_board(bf, args.board)
        try:
            summary = run_import(bf, kind, args.source, board.id, dry_run=args.dry_run)
        except ImportProblems as problems:
            print(f"sgdesk: nothing was imported: {len(problems.problems)} problem(s) in {args.source.name}",
                  file=sys.stderr)
            print(problems.report(), file=sys.stderr)
            return 1
    print("\n".join(summary.lines()))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sgdesk import registry
    from sgdesk.boards import resolve_board
    from sgdesk.reporting import render

    report = _choose("report", args.kind, registry.load().reports)
    period = _period(args)
    with _open(args.file, read_only=True) as bf:
        board = resolve_board(bf, args.board)
        tables = report.run(bf, board.id, period)
    sys.stdout.write(render(tables, args.format))
    return 0


def _export_options(args: argparse.Namespace) -> dict[str, str]:
    options = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--set takes KEY=VALUE, not '{item}'")
        options[key.strip()] = value.strip()
    if args.session:
        options["session"] = args.session
    if args.meeting:
        options["meeting"] = args.meeting
    if args.style:
        options["style"] = args.style
    return options


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export with Python's cycle collector paused until it is written.

    An export imports its code and makes the stories and fonts it writes: tens of thousands of objects
    that live until it ends, and that the collector, run as they were made, scanned again and again
    (35 to 60 ms of the demo pack's 0.6 s process). The PDF build pauses it as well (sgdesk.collector);
    this pauses it from the first import. What the export made and still holds counts as old once it is
    written (``made_is_old``), so that the first collection after it does not scan every module again.

    As the process exits, Python collects twice more, going through every object still held (the modules,
    the fonts' glyph tables) although the export's files and the board file are closed by then: what is
    left is frozen out of those collections instead (30 to 40 ms; registered once however many exports a
    process writes).
    """
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    with collector_paused(made_is_old=True):
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    from sgdesk import registry
    from sgdesk.boards import resolve_board
    from sgdesk.exporting import ExportRequest, write_export

    export = _choose("export", args.what, registry.load().exports)
    fmt = args.out.suffix.lower().lstrip(".")
    if fmt not in export.formats:
        raise UsageError(f"{args.what} can be written as {', '.join('.' + f for f in export.formats)}, "
                         f"not '{args.out.suffix or 'no extension'}'")
    if not args.out.parent.resolve().is_dir():
        raise SGDeskError(f"the folder {args.out.parent} does not exist: create it or choose another --out")
    period = _period(args)
    with _open(args.file, read_only=True) as bf:
        board = resolve_board(bf, args.board)
        result = write_export(export, bf, ExportRequest(board.id, args.out, period, args.draft,
                                                        _export_options(args)))
    pages = f" ({result.pages} pages)" if result.pages else ""
    print(f"Wrote {result.path}{pages}")
    for note in result.notes:
        print(f"note: {note}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sgdesk import registry
    from sgdesk.checks import row_counts, run_checks

    with _open(args.file, read_only=True, migrate=False) as bf:
        findings = run_checks(bf, registry.load().checks)
        counts = row_counts(bf)
    for finding in findings:
        print(finding)
    print("rows: " + ", ".join(f"{table} {n}" for table, n in counts.items() if n and not table.startswith("audit")))
    problems = sum(f.level == "problem" for f in findings)
    print(f"{args.file.name}: {problems} problem(s), {sum(f.level == 'warning' for f in findings)} warning(s)")
    return 1 if problems else 0


def _backup_first(bf) -> None:
    """The session backup, just before the first change (as the app makes it)."""
    from sgdesk.backups import backup_before_first_edit

    def report(path: Path | None, error: Exception | None) -> None:
        if error is not None:
            print(f"sgdesk: warning: no backup was made first ({error})", file=sys.stderr)

    backup_before_first_edit(bf, report=report)


def cmd_backup(args: argparse.Namespace) -> int:
    from sgdesk.backups import make_backup

    if args.keep is not None and args.keep < 1:
        raise UsageError("--keep needs a number of backups, 1 or more")
    notes: list[str] = []
    made = make_backup(args.file, args.dest, keep=args.keep, notes=notes)
    _say_notes(notes)
    print(f"Backed up to {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sgdesk.backups import list_backups
    from sgdesk.safety.restore import latest_backup, restore_backup

    if args.backup is None:
        backups = list_backups(args.file)
        if not backups:
            print(f"No backups of {args.file.name} yet (SG Desk makes one before the first change of each session).")
            return 0
        print(f"Backups of {args.file.name}, newest first:")
        for backup in backups:
            note = f"  ({backup.description})" if backup.description else ""
            print(f"  {backup.made_at:%d %b %Y %H:%M:%S}  {backup.size / 1024:>9,.0f} KB  {backup.path}{note}")
        print(f"Restore one with: sgdesk restore {args.file} BACKUP (or 'latest')")
        return 0
    if args.backup == "latest":
        source, why = latest_backup(args.file)
        print(f"Restoring {args.file.name} from {source.name}: {why}")
    else:
        source = Path(args.backup)
    result = restore_backup(args.file, source)
    print(f"Restored {result.board_path} from {result.restored_from}")
    if result.previous is not None:
        print(f"The file as it was is kept in {result.previous}")
    return 0


def cmd_anonymise(args: argparse.Namespace) -> int:
    from sgdesk.boards import resolve_board
    from sgdesk.training.retention import anonymise

    with _open(args.file) as bf:
        board = resolve_board(bf, args.board)
        result = anonymise(bf, board.id, dry_run=args.dry_run)
    print(result.text())
    _say_notes(list(result.notes))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": cmd_new, "demo": cmd_demo, "import": cmd_import, "report": cmd_report,
    "export": cmd_export, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
    "anonymise": cmd_anonymise,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = None
    try:
        if not argv or (argv[0] not in HANDLERS and not argv[0].startswith("-")):
            if len(argv) > 1:
                raise UsageError(f"unknown command '{argv[0]}'; commands: {', '.join(HANDLERS)}")
            from sgdesk.gui.shell.app import (
                launch,  # a failed start is shown in a dialog, not a traceback
            )

            return launch(Path(argv[0]) if argv else None)
        args = _parser(argv[0] if argv[0] in HANDLERS else None).parse_args(argv)
        if args.command is None:
            raise UsageError("no command given")
        return HANDLERS[args.command](args)
    except UsageError as error:
        print(f"sgdesk: usage error: {error}", file=sys.stderr)
        return 2
    except SGDeskError as error:
        print(f"sgdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sgdesk: stopped", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as error:   # a drive that failed part-way: never a traceback
        print(f"sgdesk: {_failure(args, error)}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001  a bug, or a library failing on a fault: one line, still
        where = args.file.name if getattr(args, "file", None) is not None else "SG Desk"
        what = f"the {args.command}" if getattr(args, "command", None) else "it"
        print(f"sgdesk: {where}: {what} did not finish: something went wrong inside SG Desk "
              f"({type(error).__name__}): try again, and if it happens again report it to your SG Desk support",
              file=sys.stderr)
        return 1


def _failure(args: argparse.Namespace | None, error: OSError | sqlite3.Error) -> str:
    """One line for a read or write that failed: which file, what did not finish, why and what to do."""
    from sgdesk.store.failures import explain

    board = args.file.name if getattr(args, "file", None) is not None else None
    what = f"the {args.command}" if getattr(args, "command", None) else "SG Desk"
    filename = getattr(error, "filename", None)
    if filename and _installed(Path(filename)):
        return (f"{board or 'SG Desk'}: {what} did not finish: one of SG Desk's own files ({Path(filename).name}) "
                f"could not be read ({error.strerror or error}): try again, and if it keeps happening, reinstall SG Desk")
    name = Path(filename).name if filename else (board or "a file")
    return f"{name}: {what} did not finish: {explain(error)}"


def _installed(path: Path) -> bool:
    """Whether ``path`` is one of SG Desk's own files (its code, its libraries, its resources)."""
    homes = {sys.prefix, sys.base_prefix, getattr(sys, "_MEIPASS", None), str(Path(__file__).resolve().parents[1])}
    try:
        path = path.resolve()
    except OSError:
        return False
    return any(home and path.is_relative_to(home) for home in homes)


if __name__ == "__main__":
    sys.exit(main())
