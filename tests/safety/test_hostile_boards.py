"""Hostile board files: SQL planted in a file's schema never runs; the file is refused, naming what is not SG Desk's.

Each case is the demo board changed with a database tool, as anyone with the file could. It must be
refused when opened (for editing or reading), by `sgdesk check`, and as a backup to restore from.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sgdesk import cli
from sgdesk.errors import BoardFileError
from sgdesk.store import open_board_file

CASES = {
    "trigger": ("CREATE TRIGGER zz AFTER INSERT ON audit_action BEGIN DELETE FROM attendance; "
                "DELETE FROM audit_change; END", "it holds a trigger 'zz' that SG Desk did not make"),
    "view": ("CREATE VIEW every_email AS SELECT name, email FROM training_delegate",
             "it holds a view 'every_email' that SG Desk did not make"),
    "extra table": ("CREATE TABLE collected (what TEXT)", "it holds a table 'collected' that SG Desk did not make"),
    "extra index": ("CREATE INDEX organisation_short ON organisation(short_name)",
                    "it holds an index 'organisation_short' that SG Desk did not make"),
    "changed column": ("ALTER TABLE organisation RENAME COLUMN short_name TO short",
                       "a table 'organisation' is not as SG Desk makes it"),
    "missing trigger": ("DROP TRIGGER training_booking_capacity_insert",
                        "a trigger 'training_booking_capacity_insert' that SG Desk makes is missing"),
    "missing tally trigger": ("DROP TRIGGER training_booking_tally_update",
                              "a trigger 'training_booking_tally_update' that SG Desk makes is missing"),
    "altered tally trigger": ("DROP TRIGGER training_evaluation_tally_insert; CREATE TRIGGER "
                              "training_evaluation_tally_insert AFTER INSERT ON training_evaluation BEGIN SELECT 1; END",
                              "a trigger 'training_evaluation_tally_insert' is not as SG Desk makes it"),
    "missing last-session trigger": ("DROP TRIGGER training_session_last_session_update",
                                     "a trigger 'training_session_last_session_update' that SG Desk makes is missing"),
    "altered last-session trigger": ("DROP TRIGGER training_booking_last_session_insert; CREATE TRIGGER "
                                     "training_booking_last_session_insert AFTER INSERT ON training_booking "
                                     "BEGIN SELECT 1; END",
                                     "a trigger 'training_booking_last_session_insert' is not as SG Desk makes it"),
    "missing last-session index": ("DROP INDEX training_delegate_last_session_due",
                                   "an index 'training_delegate_last_session_due' that SG Desk makes is missing"),
    "huge page size": ("PRAGMA page_size = 65536; VACUUM", "it uses pages of 65,536 bytes, which SG Desk never makes"),
}


def hostile(source: Path, folder: Path, case: str) -> Path:
    path = folder / f"{case.replace(' ', '-')}.sgdesk"
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(CASES[case][0])
    conn.close()
    return path


def attendance_marks(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_board_file_is_refused_when_opened_naming_what_is_not_sg_desks(demo_template, tmp_path, case):
    path = hostile(demo_template, tmp_path, case)
    for read_only in (False, True):
        with pytest.raises(BoardFileError) as refused:
            open_board_file(path, read_only=read_only)
        assert str(refused.value) == (f"{path.name} was changed outside SG Desk ({CASES[case][1]}), so it is not "
                                      "opened: restore it from a backup (sgdesk restore), or ask whoever sent it for "
                                      "the file as SG Desk saved it")
    assert not path.with_name(path.name + ".lock").exists()


@pytest.mark.parametrize("case", CASES)
def test_sgdesk_check_refuses_a_hostile_board_file_in_one_line(demo_template, tmp_path, capsys, case):
    path = hostile(demo_template, tmp_path, case)
    assert cli.main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and CASES[case][1] in err and err.startswith(f"sgdesk: {path.name} was changed")


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_backup_is_never_restored_over_the_board_file(demo_path, tmp_path, case):
    from sgdesk.safety.restore import restore_backup

    backup = hostile(demo_path, tmp_path, case)
    before = demo_path.read_bytes()
    with pytest.raises(BoardFileError, match=rf"^{backup.name} was changed outside SG Desk \({CASES[case][1]}\)"):
        restore_backup(demo_path, backup)
    assert demo_path.read_bytes() == before


def test_a_planted_trigger_cannot_wipe_the_attendance_through_an_import(demo_template, tmp_path, capsys):
    path = hostile(demo_template, tmp_path, "trigger")
    marks = attendance_marks(path)
    source = tmp_path / "orgs.csv"
    source.write_text("Organisation,Short name,Type,Statutory partner\nNew Agency,NA,other,No\n", encoding="utf-8")
    assert cli.main(["import", str(path), "organisations", str(source)]) == 1
    assert "it holds a trigger 'zz' that SG Desk did not make" in capsys.readouterr().err
    assert attendance_marks(path) == marks > 0


def test_no_other_database_can_be_attached_and_a_file_only_read_trusts_no_sql_in_it(demo_path):
    for read_only in (False, True):
        with open_board_file(demo_path, read_only=read_only) as bf:
            with pytest.raises(sqlite3.OperationalError, match="too many attached databases"):
                bf.conn.execute("ATTACH DATABASE ':memory:' AS elsewhere")
            assert bf.scalar("PRAGMA trusted_schema") == (0 if read_only else 1)


def test_a_trigger_planted_while_the_file_is_open_is_found_before_the_next_change_runs_it(demo):
    from sgdesk.organisations import add_organisation

    marks = attendance_marks(demo.path)
    intruder = sqlite3.connect(demo.path, isolation_level=None)
    intruder.execute(CASES["trigger"][0])
    intruder.close()
    with pytest.raises(BoardFileError, match=r"^demo.sgdesk was changed outside SG Desk while it was open \(it holds a "
                                             r"trigger 'zz' that SG Desk did not make\); your change was not saved"):
        with demo.edit("Add organisation") as ed:
            add_organisation(ed, "New Agency")
    assert attendance_marks(demo.path) == marks
    assert demo.scalar("SELECT count(*) FROM organisation WHERE name = 'New Agency'") == 0


def test_objects_another_migration_adds_are_sg_desks_own(tmp_path, extra_migration):
    """A new migration (here full-text search, with its shadow tables and triggers) is trusted with no other change."""
    from sgdesk.organisations import add_organisation
    from sgdesk.store import create_board_file

    extra_migration(
        "CREATE VIRTUAL TABLE organisation_search USING fts5(name, content='organisation', content_rowid='id');\n"
        "CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN\n"
        "    INSERT INTO organisation_search(rowid, name) VALUES (new.id, new.name);\n"
        "END;\n"
        "CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN\n"
        "    INSERT INTO organisation_search(organisation_search, rowid, name) VALUES ('delete', old.id, old.name);\n"
        "END;\n"
        "CREATE VIEW organisation_names AS SELECT name FROM organisation;\n")
    create_board_file(tmp_path / "new.sgdesk").close()
    with open_board_file(tmp_path / "new.sgdesk") as bf:
        assert bf.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'organisation_search%'") >= 7
        with bf.edit("Add two agencies, remove one") as ed:   # the triggers keep the search index in step
            ed.delete("organisation", add_organisation(ed, "Searchable Agency"))
            add_organisation(ed, "Findable Agency")
        assert [r[0] for r in bf.query("SELECT name FROM organisation_search WHERE organisation_search MATCH "
                                       "'agency'")] == ["Findable Agency"]
