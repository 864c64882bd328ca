"""Retention: anonymising delegates past the retention period keeps every count, and leaves no trace."""

from __future__ import annotations

import datetime as dt

from sgdesk.boards import get_board
from sgdesk.cli import main
from sgdesk.fyear import Period
from sgdesk.store import open_board_file
from sgdesk.training.charges import charges
from sgdesk.training.figures import period_figures
from sgdesk.training.policy import set_retention_years
from sgdesk.training.reports import training_report
from sgdesk.training.retention import anonymise, retention_cutoff

YEAR = Period.for_year("2018/19")


def test_retention_cutoff_counts_back_whole_years():
    assert retention_cutoff(dt.date(2026, 11, 23), 6) == dt.date(2020, 11, 23)
    assert retention_cutoff(dt.date(2024, 2, 29), 1) == dt.date(2023, 2, 28)


def _counts(bf, board_id):
    figures = period_figures(bf, board_id, YEAR)
    return (figures.bookings, figures.attended, figures.dna, figures.late_cancellations, figures.income,
            [(g.name, g.attended, g.delegates) for g in figures.by_organisation],
            [(g.name, g.attended, g.delegates) for g in figures.by_sector],
            [(c.organisation, c.fee) for c in charges(bf, board_id, YEAR)])


def test_anonymising_keeps_organisation_sector_and_every_count(demo):
    board_id = demo.scalar("SELECT id FROM board")
    name = "Siân Pryce"
    delegate_id, email = demo.query_one("SELECT id, email FROM training_delegate WHERE name = ?", (name,))
    assert demo.scalar("SELECT count(*) FROM audit_change WHERE instr(after, ?) > 0", (name,)) > 0
    before = _counts(demo, board_id)
    org_and_sector = demo.query_one("SELECT organisation_id, sector FROM training_delegate WHERE id = ?",
                                    (delegate_id,))
    result = anonymise(demo, board_id, today=dt.date(2026, 11, 23))
    assert result.delegates == demo.scalar("SELECT count(*) FROM training_delegate")   # the whole 2018/19 programme
    assert result.cutoff == dt.date(2020, 11, 23)
    assert _counts(demo, board_id) == before
    row = demo.query_one("SELECT * FROM training_delegate WHERE id = ?", (delegate_id,))
    assert row["name"] == f"Anonymised delegate {delegate_id}"
    assert (row["email"], row["job_title"], row["manager_name"], row["manager_email"]) == (None,) * 4
    assert (row["organisation_id"], row["sector"]) == tuple(org_and_sector)
    assert row["anonymised_on"] == "2026-11-23"
    # nothing of the person is left in the audit trail, yet the action itself is recorded
    # (other features' demo people may share the invented name, so look at the delegate records)
    assert demo.scalar("SELECT count(*) FROM audit_change WHERE table_name = 'training_delegate' "
                       "AND (instr(before, ?) > 0 OR instr(after, ?) > 0)", (name, name)) == 0
    assert demo.scalar("SELECT count(*) FROM audit_change WHERE instr(before, ?) > 0 OR instr(after, ?) > 0",
                       (email, email)) == 0
    assert demo.scalar("SELECT count(*) FROM audit_action WHERE description LIKE 'Anonymise % delegates past the "
                       "6-year retention period'") == 1
    assert demo.editor.undo_description is None
    log = training_report(demo, board_id, YEAR)[-1]
    assert log.title == "Data protection: delegates anonymised"
    assert log.rows[0]["delegates"] == result.delegates


def test_only_delegates_whose_last_booking_is_before_the_cutoff_are_due(demo):
    board_id = demo.scalar("SELECT id FROM board")
    with demo.edit("Retention") as ed:
        set_retention_years(ed, demo, board_id, 8)
    # 8 years before 1 Jan 2027 is 1 Jan 2019: only delegates with nothing booked from then on are due
    expected = demo.scalar("""
        SELECT count(*) FROM (SELECT d.id FROM training_delegate d JOIN training_booking b ON b.delegate_id = d.id
        JOIN training_session s ON s.id = b.session_id GROUP BY d.id HAVING max(s.session_date) < '2019-01-01')""")
    result = anonymise(demo, board_id, today=dt.date(2027, 1, 1), dry_run=True)
    assert 0 < result.delegates == expected < demo.scalar("SELECT count(*) FROM training_delegate")
    assert demo.scalar("SELECT count(*) FROM training_delegate WHERE anonymised_on IS NOT NULL") == 0


def test_the_cli_anonymises_and_says_so(demo_path, capsys):
    assert main(["anonymise", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would anonymise" in out and "6-year retention period" in out
    with open_board_file(demo_path) as bf:
        assert bf.scalar("SELECT count(*) FROM training_delegate WHERE anonymised_on IS NOT NULL") == 0
        board = get_board(bf, bf.scalar("SELECT id FROM board"))
    assert main(["anonymise", str(demo_path), "--board", board.short_name]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{board.name}: Anonymised ") and "booking(s), organisations and sectors are kept" in out
    assert main(["anonymise", str(demo_path)]) == 0
    assert "nothing to anonymise" in capsys.readouterr().out


def test_anonymising_leaves_no_personal_data_in_the_file_its_free_space_or_its_backups(demo_path, monkeypatch,
                                                                                    capsys):
    import sqlite3

    from sgdesk.backups import default_backup_dir

    real_connect = sqlite3.connect

    def as_built_without_secure_delete(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", as_built_without_secure_delete)
    with open_board_file(demo_path, read_only=True) as bf:
        emails = dict(bf.query("SELECT id, email FROM training_delegate WHERE email IS NOT NULL"))
    assert main(["backup", str(demo_path)]) == 0                      # last night's backup
    assert main(["anonymise", str(demo_path)]) == 0
    assert "in the file and in 1 backup(s) of it" in capsys.readouterr().out

    with open_board_file(demo_path, read_only=True) as bf:
        gone = [emails[row[0]] for row in bf.query("SELECT id FROM training_delegate WHERE anonymised_on IS NOT NULL")]
        kept = bf.scalar("SELECT name FROM organisation ORDER BY id LIMIT 1")
    assert len(gone) > 400
    backups = sorted(default_backup_dir().glob("demo.*.sgdesk"))
    assert len(backups) == 1
    for path in [demo_path, *backups]:
        data = path.read_bytes().lower()
        assert [email for email in gone if email.lower().encode() in data] == [], path.name
        assert kept.lower().encode() in data, "what is kept is found this way"


def test_anonymising_reaches_the_copies_kept_before_a_restore_and_before_an_upgrade(demo_path, capsys):
    import shutil

    from sgdesk.backups import default_backup_dir

    with open_board_file(demo_path, read_only=True) as bf:
        emails = dict(bf.query("SELECT id, email FROM training_delegate WHERE email IS NOT NULL"))
    assert main(["backup", str(demo_path)]) == 0
    assert main(["restore", str(demo_path), "latest"]) == 0          # keeps a before-restore copy of the file
    upgrade_copy = shutil.copyfile(demo_path, demo_path.with_name("demo.schema-v10-backup-20261101-090000.sgdesk"))
    capsys.readouterr()
    assert main(["anonymise", str(demo_path)]) == 0
    assert "in the file and in 3 backup(s) of it" in capsys.readouterr().out

    with open_board_file(demo_path, read_only=True) as bf:
        gone = [emails[row[0]] for row in bf.query("SELECT id FROM training_delegate WHERE anonymised_on IS NOT NULL")]
    copies = sorted(default_backup_dir().glob("demo.*.sgdesk"))
    assert [path.name.endswith(".before-restore.sgdesk") for path in copies].count(True) == 1
    for path in [*copies, upgrade_copy]:
        data = path.read_bytes().lower()
        assert [email for email in gone if email.lower().encode() in data] == [], path.name
