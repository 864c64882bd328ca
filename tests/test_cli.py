"""The `sgdesk` command: exit codes, one-line errors, and the commands of the foundation."""

from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys

import pytest

from sgdesk import __version__
from sgdesk.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the real command in a fresh interpreter, as a user or script would."""
    return subprocess.run([sys.executable, "-m", "sgdesk", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"SG Desk {__version__}"


def test_demo_then_check_succeeds(tmp_path):
    path = tmp_path / "x.sgdesk"
    assert run("demo", path).returncode == 0
    result = run("check", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout
    with sqlite3.connect(path) as conn:
        organisations = conn.execute("SELECT count(*) FROM organisation").fetchone()[0]
    assert organisations >= 16
    assert f"organisation {organisations}," in result.stdout


def test_new_creates_an_empty_board(tmp_path, capsys):
    path = tmp_path / "adults.sgdesk"
    assert main(["new", str(path), "--board", "Southend Safeguarding Adults Board", "--short", "SSAB",
                 "--kind", "adults"]) == 0
    assert main(["report", str(path), "organisations", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out.split("\n", 1)[1])["tables"][0]["rows"] == []


def test_a_user_error_is_one_readable_line_and_exit_1(tmp_path):
    bogus = tmp_path / "notes.sgdesk"
    bogus.write_text("not a board file")
    result = run("check", bogus)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("sgdesk: notes.sgdesk is not an SG Desk board file")
    assert "Traceback" not in result.stderr


def test_a_usage_error_exits_2_and_an_unknown_kind_lists_the_valid_ones(demo_path, capsys):
    assert main(["report", str(demo_path), "nonsense"]) == 2
    err = capsys.readouterr().err
    assert "unknown report 'nonsense'; choose one of:" in err and "organisations" in err
    assert main(["export", str(demo_path), "nonsense", "--out", "x.pdf"]) == 2
    assert "unknown export 'nonsense'" in capsys.readouterr().err
    assert main(["import", str(demo_path), "nonsense", "x.csv"]) == 2
    assert main(["report", str(demo_path)]) == 2
    assert main(["frobnicate", "a", "b"]) == 2


def test_an_export_is_written_with_the_cycle_collector_paused_then_running_again(demo_path, monkeypatch, capsys):
    from sgdesk import exporting

    seen = []
    write = exporting.write_export
    monkeypatch.setattr(exporting, "write_export", lambda *args: seen.append(gc.isenabled()) or write(*args))
    assert gc.isenabled()
    assert main(["export", str(demo_path), "members", "--out", str(demo_path.with_name("m.csv"))]) == 0
    assert seen == [False] and gc.isenabled()


def test_an_export_leaves_what_the_process_holds_out_of_the_collection_at_its_exit(demo_path):
    out = demo_path.with_name("m.csv")
    result = subprocess.run(
        [sys.executable, "-c", "import atexit, gc\n"
                               "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 10_000))\n"
                               "from sgdesk.cli import main\n"
                               f"main(['export', {str(demo_path)!r}, 'members', '--out', {str(out)!r}])\n"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "frozen True"    # handlers run last in, first out: ours after it


def test_a_command_parsed_by_its_own_parser_reads_and_is_told_as_by_the_whole_one(capsys):
    from sgdesk.cli import COMMANDS, UsageError, _parser

    def told(parser, words):
        with pytest.raises((SystemExit, UsageError)) as stopped:
            parser.parse_args(words)
        return str(stopped.value), capsys.readouterr().out

    assert len(COMMANDS) == 9
    for name in COMMANDS:
        for words in ([name, "--help"], [name], [name, "x", "--no-such-option"]):
            assert told(_parser(name), words) == told(_parser(), words), words
    words = ["export", "demo.sgdesk", "pack", "--year", "2018/19", "--out", "pack.pdf", "--set", "a=b"]
    assert _parser("export").parse_args(words) == _parser().parse_args(words)


def test_board_may_be_omitted_only_when_the_file_holds_one(demo_path, capsys):
    from sgdesk.boards import add_board
    from sgdesk.store import open_board_file

    assert main(["report", str(demo_path), "organisations"]) == 0
    with open_board_file(demo_path) as bf, bf.edit("Add the adults' board") as ed:
        add_board(ed, "Southend Safeguarding Adults Board", short_name="SSAB", kind="adults")
    capsys.readouterr()
    assert main(["report", str(demo_path), "organisations"]) == 1
    assert "holds 2 boards: choose one with --board" in capsys.readouterr().err
    assert main(["report", str(demo_path), "organisations", "--board", "SSAB"]) == 0
    assert main(["report", str(demo_path), "organisations", "--board", "Nope"]) == 1
    assert "there is no board called 'Nope'" in capsys.readouterr().err


def test_import_reports_every_problem_and_exits_1(demo_path, tmp_path, capsys):
    source = tmp_path / "orgs.csv"
    source.write_text("Organisation,Type\nYouth Offending Service,council\nPublic Health,charity\n")
    assert main(["import", str(demo_path), "organisations", str(source), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported: 1 problem(s) in orgs.csv" in err
    assert "orgs.csv row 3, column 'Type': 'charity' is not a type of organisation" in err
    source.write_text("Organisation,Type\nYouth Offending Service,council\n")
    assert main(["import", str(demo_path), "organisations", str(source)]) == 0
    assert "1 organisations created" in capsys.readouterr().out


def test_report_formats(demo_path, capsys):
    assert main(["report", str(demo_path), "organisations", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Organisation,Short name,Type,Statutory partner"
    assert "Essex Police,Essex Police,police,Yes" in lines
    assert main(["report", str(demo_path), "organisations"]) == 0
    assert capsys.readouterr().out.startswith("Organisations\nOrganisation ")


def test_year_and_dates_cannot_both_be_given(demo_path, capsys):
    assert main(["report", str(demo_path), "organisations", "--year", "2018/19", "--from", "1/4/2018"]) == 2
    assert main(["report", str(demo_path), "organisations", "--year", "2018/20"]) == 1
    assert "write the year as 2018/19" in capsys.readouterr().err


def test_backup_copies_the_file(demo_path, tmp_path, capsys):
    from sgdesk.store import open_board_file

    dest = tmp_path / "copies"
    dest.mkdir()
    assert main(["backup", str(demo_path), str(dest)]) == 0
    copies = list(dest.glob("demo.*.sgdesk"))
    assert len(copies) == 1
    with open_board_file(copies[0], read_only=True) as bf, open_board_file(demo_path, read_only=True) as original:
        for table in ("organisation", "board", "audit_change"):
            assert bf.scalar(f"SELECT count(*) FROM {table}") == original.scalar(f"SELECT count(*) FROM {table}")


@pytest.mark.parametrize("args", [["check"], ["demo"], ["backup"]])
def test_missing_arguments_are_usage_errors(args, capsys):
    assert main(args) == 2
    assert "usage error" in capsys.readouterr().err


def test_a_drive_failing_part_way_is_one_line_naming_the_file_never_a_traceback(demo_path, capsys, monkeypatch):
    import errno
    import os

    from sgdesk import reporting

    def drive_fails(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(reporting, "render", drive_fails)
    assert main(["report", str(demo_path), "organisations"]) == 1
    assert capsys.readouterr().err == ("sgdesk: demo.sgdesk: the report did not finish: the drive did not respond "
                                       "(Input/output error): check it is still connected, then try again\n")

    def database_fails(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(reporting, "render", database_fails)
    assert main(["report", str(demo_path), "organisations"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sgdesk: demo.sgdesk: the report did not finish: unable to open database file")
    assert err.count("\n") == 1

    def library_fails(*args, **kwargs):   # e.g. python-docx failing to read its own template
        raise KeyError("word/document.xml")

    monkeypatch.setattr(reporting, "render", library_fails)
    assert main(["report", str(demo_path), "organisations"]) == 1
    assert capsys.readouterr().err == ("sgdesk: demo.sgdesk: the report did not finish: something went wrong inside "
                                       "SG Desk (KeyError): try again, and if it happens again report it to your SG "
                                       "Desk support\n")


def test_a_read_that_fails_during_a_check_is_not_reported_as_damage():
    from sgdesk.errors import BoardFileError
    from sgdesk.store.failures import integrity_check

    class DriveThatStopsAnswering:
        def execute(self, sql):
            return [("*** in database main ***\nPage 408: unable to get the page. error code=266",)]

    with pytest.raises(BoardFileError) as refused:
        integrity_check(DriveThatStopsAnswering(), "board.sgdesk")
    assert str(refused.value) == ("board.sgdesk could not be read to check it: the drive did not respond (disk I/O "
                                  "error): check it is still connected, then try again")
    assert "damaged" not in str(refused.value) and "restore" not in str(refused.value)


def test_a_library_failing_to_read_its_own_file_is_told_as_sg_desks_not_the_users(demo_path, capsys, monkeypatch):
    import errno
    import os

    import docx

    from sgdesk import office

    template = os.path.join(os.path.dirname(docx.__file__), "templates", "default-footer.xml")

    def own_file_fails(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO), template)

    monkeypatch.setattr(office.exports, "write_tables", own_file_fails)
    assert main(["export", str(demo_path), "organisations", "--out", str(demo_path.with_name("o.docx"))]) == 1
    assert capsys.readouterr().err == ("sgdesk: demo.sgdesk: the export did not finish: one of SG Desk's own files "
                                       "(default-footer.xml) could not be read (Input/output error): try again, and if "
                                       "it keeps happening, reinstall SG Desk\n")
