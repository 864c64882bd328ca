"""Opening, creating, upgrading and refusing board files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sgdesk.errors import BoardFileError
from sgdesk.store import create_board_file, open_board_file
from sgdesk.store.migrations import latest_version

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_a_version_1_file_is_backed_up_then_upgraded_in_place(tmp_path):
    path = tmp_path / "board.sgdesk"
    shutil.copy(FIXTURES / "board-v1.sgdesk", path)
    with sqlite3.connect(FIXTURES / "board-v1.sgdesk") as conn:
        original = list(conn.iterdump())

    with open_board_file(path) as bf:
        assert bf.schema_version() == latest_version()
        assert bf.scalar("SELECT name FROM board") == "Version One Safeguarding Children Board"
        assert bf.scalar("SELECT count(*) FROM organisation") == 2

    backups = list(tmp_path.glob("board.schema-v1-backup-*.sgdesk"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert list(conn.iterdump()) == original


def test_an_upgrade_that_fails_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    from sgdesk.store import migrations

    path = tmp_path / "board.sgdesk"
    shutil.copy(FIXTURES / "board-v1.sgdesk", path)
    broken = tmp_path / "9999_broken.sql"
    broken.write_text("CREATE TABLE fine (id INTEGER PRIMARY KEY);\nINSERT INTO missing VALUES (1);\n")
    real = migrations.migrations()
    monkeypatch.setattr(migrations, "migrations", lambda: (*real, migrations.Migration(9999, "broken", broken)))
    monkeypatch.setattr(migrations, "latest_version", lambda: 9999)
    monkeypatch.setattr("sgdesk.store.boardfile.latest_version", lambda: 9999)

    for _attempt in range(2):
        with pytest.raises(BoardFileError, match="could not be upgraded .* it is unchanged"):
            open_board_file(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["9999_broken.sql", "board.sgdesk"]   # no copy left each time
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'fine'").fetchone()[0] == 0


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sgdesk"
    create_board_file(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    with pytest.raises(BoardFileError, match="saved by a newer version of SG Desk .* install the newer SG Desk"):
        open_board_file(path)


def test_a_text_file_renamed_sgdesk_is_refused(tmp_path):
    path = tmp_path / "minutes.sgdesk"
    path.write_text("Minutes of the board meeting, 21 September 2017\n")
    with pytest.raises(BoardFileError, match=r"minutes.sgdesk is not an SG Desk board file \(it is not a database at all\)"):
        open_board_file(path)


def test_a_truncated_file_is_refused_as_damaged(tmp_path, demo_path):
    data = demo_path.read_bytes()
    path = tmp_path / "cut.sgdesk"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(BoardFileError, match="cut.sgdesk is damaged .* restore it from a backup"):
        open_board_file(path)


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.sgdesk"
    path.write_bytes(b"")
    with pytest.raises(BoardFileError, match="not an SG Desk board file"):
        open_board_file(path)


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sgdesk"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(BoardFileError, match="is a database, but not an SG Desk board file"):
        open_board_file(path)


def test_a_missing_file_says_how_to_create_one(tmp_path):
    with pytest.raises(BoardFileError, match="there is no board file at .*sgdesk new"):
        open_board_file(tmp_path / "nowhere.sgdesk")


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "board.sgdesk"
    create_board_file(path).close()
    with pytest.raises(BoardFileError, match="already exists"):
        create_board_file(path)


def test_new_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "private.sgdesk"
    create_board_file(path).close()
    assert path.stat().st_mode & 0o077 == 0


def test_a_file_the_user_cannot_write_opens_read_only_and_refuses_changes(demo_path, monkeypatch):
    import os

    real_access = os.access
    # the tests run as root, who may write anything: let the OS say "no" as it would to a user
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with open_board_file(demo_path) as bf:
        assert bf.read_only
        with pytest.raises(BoardFileError, match="open read-only"):
            bf.edit("Rename")
        # refused as a write, or first because the search index's triggers are not trusted on a reading connection
        with pytest.raises(sqlite3.OperationalError, match="readonly|unsafe use of virtual table"):
            bf.conn.execute("DELETE FROM organisation")


def test_foreign_keys_are_enforced(demo):
    from sgdesk.errors import SGDeskError

    with pytest.raises(SGDeskError, match="pointing at something that no longer exists"):
        with demo.edit("Add a sub-group to a board that does not exist") as ed:
            ed.insert("subgroup", {"board_id": 999, "name": "Orphan"})
    assert demo.scalar("SELECT count(*) FROM subgroup WHERE name = 'Orphan'") == 0


def test_a_colleague_opening_a_file_while_a_change_is_being_saved_is_told_to_wait_not_that_it_is_damaged(
        demo_path, monkeypatch):
    monkeypatch.setattr("sgdesk.store.sqlite.BUSY_TIMEOUT_MS", 50, raising=False)
    saving = sqlite3.connect(demo_path, isolation_level=None)
    saving.execute("BEGIN EXCLUSIVE")   # the editor, writing its change into the file
    try:
        with pytest.raises(BoardFileError) as refused:
            open_board_file(demo_path, read_only=True)
    finally:
        saving.execute("ROLLBACK")
        saving.close()
    assert str(refused.value) == ("demo.sgdesk could not be opened: someone is saving a change to it right now: "
                                  "try again in a moment")


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_a_file_moved_away_while_open_refuses_the_next_change_and_what_is_open_can_be_saved(demo, tmp_path, how):
    from sgdesk.backups import save_copy
    from sgdesk.organisations import add_organisation

    with demo.edit("Add Kept Agency") as ed:
        add_organisation(ed, "Kept Agency")
    if how == "deleted":
        demo.path.unlink()
    else:
        demo.path.rename(tmp_path / "renamed.sgdesk")
    with pytest.raises(BoardFileError) as refused:
        with demo.edit("Add Lost Agency") as ed:
            add_organisation(ed, "Lost Agency")
    assert str(refused.value) == ("demo.sgdesk was moved, renamed or deleted while it was open, so this change was not "
                                  "saved and editing is switched off: save a copy of what is open (File > Save a "
                                  "copy), then open the copy")
    assert demo.read_only
    copy = save_copy(demo, tmp_path / "saved.sgdesk")
    with open_board_file(copy) as saved:
        names = {row[0] for row in saved.query("SELECT name FROM organisation WHERE name LIKE '% Agency'")}
        assert {"Kept Agency"} <= names and "Lost Agency" not in names


def test_what_a_check_finds_is_one_line_per_finding(tmp_path):
    from sgdesk.store.failures import integrity_check

    class DamagedFile:   # a database in memory: what its check finds is not read again
        def execute(self, sql):
            if sql == "PRAGMA database_list":
                return [(0, "main", "")]
            return [("*** in database main ***\nOn tree page 365 cell 11: Offset 1459 out of range 245..4092",),
                    ("row 12 missing from index organisation_name",)]

    assert integrity_check(DamagedFile(), "board.sgdesk") == [
        "On tree page 365 cell 11: Offset 1459 out of range 245..4092", "row 12 missing from index organisation_name"]


def test_a_board_file_in_use_when_identities_came_gets_one_of_its_own_when_upgraded(tmp_path):
    from sgdesk.store.boardfile import APPLICATION_ID
    from sgdesk.store.identity import FILE_ID, meta
    from sgdesk.store.migrations import migrations

    in_use = 10   # the schema boards were at when file identities came (migrations 0008-0010 had shipped)
    identities = []
    for name in ("first.sgdesk", "second.sgdesk"):
        path = tmp_path / name
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for migration in migrations():   # as SG Desk made them then: every migration but file identities'
            if migration.version <= in_use and migration.name != "file_identity":
                for statement in migration.statements():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {in_use}")
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('created_by', 'SG Desk 0.1.0')")
        conn.close()
        with open_board_file(path) as bf:
            assert bf.schema_version() == latest_version()
            identities.append(meta(bf.conn, FILE_ID))
    assert all(identities) and identities[0] != identities[1]
