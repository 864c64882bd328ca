"""Crash safety: SIGKILL the write path at random moments; the file must stay whole and lose nothing.

The short run here takes a few seconds; ``python benchmarks/soak_kill.py`` runs thousands of kills.
"""

from __future__ import annotations

import sys

import pytest
from crashtest import kill_edits, kill_import

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the kill test uses POSIX process control")


def test_killing_a_large_import_leaves_it_wholly_undone_or_wholly_done(tmp_path):
    report = kill_import(tmp_path, trials=20, rows=1000)
    print(report.summary())
    assert report.problems == []
    assert report.survived == report.trials == 20
    assert report.kills >= report.trials // 2, "most runs must really be cut short"
    assert report.rows_lost == 0
    assert set(report.outcomes) <= {"before the import", "after the import", "cut while writing, rolled back"}
    assert report.backups_checked >= 1, "some kills come after the session backup: it must be whole"


def test_killing_a_series_of_app_edits_never_leaves_half_an_action(tmp_path):
    report = kill_edits(tmp_path, trials=30, steps=40)
    print(report.summary())
    assert report.problems == []
    assert report.survived == report.trials == 30
    assert report.rows_lost == 0
    assert report.outcomes["cut while writing, rolled back"] >= 1, "some kills must land inside a transaction"


CUT_SHORT = """
import sys, time
from sgdesk.organisations import add_organisation
from sgdesk.store import open_board_file
bf = open_board_file(sys.argv[1])
bf.conn.execute("PRAGMA cache_size = 5")   # so SQLite writes into the file before the commit
with bf.edit("Add many agencies") as ed:
    bf.conn.execute("PRAGMA user_version = 99")   # page 1 changes first, so the journal holds it
    for n in range(2000):
        add_organisation(ed, f"Agency {n:04d}")
    print("changing", flush=True)
    time.sleep(60)
"""


def test_a_file_cut_short_mid_change_is_put_right_when_next_opened_for_editing(demo_path):
    import os
    import subprocess

    from sgdesk.store import open_board_file
    from sgdesk.store.boardfile import hot_journal
    from sgdesk.store.migrations import latest_version

    with open_board_file(demo_path, read_only=True) as bf:
        before = bf.scalar("SELECT count(*) FROM organisation")
    child = subprocess.Popen([sys.executable, "-c", CUT_SHORT, str(demo_path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "changing"
    child.kill()
    child.wait()
    assert hot_journal(demo_path), "the kill left a hot journal"
    journal = demo_path.with_name(demo_path.name + "-journal")
    # Cut short while committing: page 1 (with the new size) is written, the new pages at the end are not yet.
    # The file is then shorter than its own header says, which is not damage while the journal is there.
    page_size = int.from_bytes(journal.read_bytes()[24:28], "big")
    pages_before = int.from_bytes(journal.read_bytes()[16:20], "big")
    with demo_path.open("r+b") as handle:
        handle.seek(28)
        handle.write((pages_before + 40).to_bytes(4, "big"))
    os.truncate(demo_path, pages_before * page_size)

    with open_board_file(demo_path, read_only=True) as bf:   # nobody has it open: reading puts it right too
        assert "that change has been undone" in bf.notes[0]
    with open_board_file(demo_path) as bf:
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
        assert bf.scalar("SELECT count(*) FROM organisation") == before
        assert bf.schema_version() == latest_version()
    assert not journal.exists()


@pytest.mark.parametrize("command", [["check", "{file}"], ["report", "{file}", "organisations"], ["backup", "{file}"]])
def test_check_report_and_backup_undo_a_change_cut_short_say_so_and_go_on(demo_path, cut_short, capsys, command):
    from sgdesk import cli
    from sgdesk.store import open_board_file
    from sgdesk.store.boardfile import hot_journal

    with open_board_file(demo_path) as bf:   # opened for editing as the child will (it notes where it is kept)
        before = list(bf.conn.iterdump())
    cut_short(demo_path)
    assert cli.main([part.format(file=demo_path) for part in command]) == 0
    err = capsys.readouterr().err
    assert err == ("sgdesk: note: demo.sgdesk was part-way through a change when SG Desk or its computer stopped; "
                   "that change has been undone, so the file is as it was before it\n")
    assert not hot_journal(demo_path)
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
        assert list(bf.conn.iterdump()) == before


def test_a_change_cut_short_is_left_alone_while_someone_has_the_file_open(demo_path, cut_short):
    from sgdesk.errors import BoardFileError
    from sgdesk.store import lockfile, open_board_file
    from sgdesk.store.boardfile import hot_journal

    cut_short(demo_path)
    lockfile.lock_path(demo_path).write_text(
        '{"user": "jsmith", "machine": "COUNCIL-PC-17", "pid": 4242, "opened_at": "2026-01-05T09:00:00+00:00"}')
    with pytest.raises(BoardFileError, match="part-way through a change"):
        open_board_file(demo_path, read_only=True)
    assert hot_journal(demo_path)
