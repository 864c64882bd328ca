"""Backups before the first change, retention, and restoring: through the core, the CLI and the app."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sgdesk import cli
from sgdesk.backups import (
    BACKUP_DIR_VARIABLE,
    backup_before_first_edit,
    default_backup_dir,
    list_backups,
    make_backup,
    prune_backups,
)
from sgdesk.errors import BoardFileError
from sgdesk.organisations import add_organisation
from sgdesk.safety.restore import restore_backup
from sgdesk.store import create_board_file, open_board_file


def backups_folder() -> Path:
    return Path(os.environ[BACKUP_DIR_VARIABLE])


def organisation_names(path: Path) -> set[str]:
    with open_board_file(path, read_only=True) as bf:
        return {row[0] for row in bf.query("SELECT name FROM organisation")}


def add_agency(path: Path, name: str) -> None:
    with open_board_file(path) as bf:
        with bf.edit(f"Add {name}") as ed:
            add_organisation(ed, name)


# -- backups -----------------------------------------------------------------------------------------------
def test_the_first_change_of_a_session_is_preceded_by_one_backup(demo_path):
    with open_board_file(demo_path) as bf:
        made = []
        backup_before_first_edit(bf, report=lambda path, error: made.append((path, error)))
        with bf.edit("Add an agency") as ed:
            add_organisation(ed, "Southend Carers")
        with bf.edit("Add another") as ed:
            add_organisation(ed, "Southend Youth Offending Service")
    (path, error), = made
    assert error is None and path.parent == backups_folder()
    assert "Southend Carers" not in organisation_names(path), "the backup is of the file before the change"
    assert path.stat().st_mode & 0o077 == 0, "backups are readable by their owner only"
    assert backups_folder().stat().st_mode & 0o077 == 0


def test_a_backup_that_cannot_be_made_is_reported_and_the_change_still_happens(demo_path, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be")
    reported = []
    with open_board_file(demo_path) as bf:
        backup_before_first_edit(bf, blocked, report=lambda path, error: reported.append(error))
        with bf.edit("Add an agency") as ed:
            add_organisation(ed, "Southend Carers")
    assert "backups folder" in str(reported[0])
    assert "Southend Carers" in organisation_names(demo_path)


def test_reading_never_makes_a_backup(demo_path):
    with open_board_file(demo_path, read_only=True) as bf:
        backup_before_first_edit(bf)
        bf.query("SELECT * FROM organisation")
    assert list_backups(demo_path) == []


def test_only_the_newest_backups_are_kept(demo_path, tmp_path):
    folder = tmp_path / "kept"
    folder.mkdir()
    for _ in range(5):
        make_backup(demo_path, folder, keep=3)
    kept = list_backups(demo_path, folder)
    assert len(kept) == 3
    assert [b.made_at for b in kept] == sorted((b.made_at for b in kept), reverse=True)
    assert kept[0].path.name.startswith("demo.") and kept[0].size == demo_path.stat().st_size


def test_retention_counts_each_board_file_apart(demo_path, tmp_path):
    other = create_board_file(tmp_path / "adults.sgdesk")
    other.close()
    folder = tmp_path / "kept"
    folder.mkdir()
    for _ in range(3):
        make_backup(demo_path, folder)
    make_backup(other.path, folder)
    prune_backups(demo_path, folder, 1)
    assert len(list_backups(demo_path, folder)) == 1
    assert len(list_backups(other.path, folder)) == 1


def test_backups_follow_a_renamed_board_file(demo_path, tmp_path):
    (tmp_path / "kept").mkdir()
    make_backup(demo_path, tmp_path / "kept")
    renamed = demo_path.rename(tmp_path / "Southend LSCB 2019.sgdesk")
    assert len(list_backups(renamed, tmp_path / "kept")) == 1


def test_a_half_written_backup_is_never_listed(demo_path):
    folder = default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "demo.2026-01-01_090000.sgdesk.partial").write_bytes(b"SQLite format 3\x00")
    make_backup(demo_path)
    assert [b.path.suffix for b in list_backups(demo_path)] == [".sgdesk"]


def test_sgdesk_backup_keeps_the_newest_n(demo_path, tmp_path, capsys):
    folder = tmp_path / "nightly"
    folder.mkdir()
    for _ in range(4):
        assert cli.main(["backup", str(demo_path), str(folder), "--keep", "2"]) == 0
    assert "Backed up to" in capsys.readouterr().out
    assert len(list(folder.glob("*.sgdesk"))) == 2


def test_sgdesk_backup_refuses_a_file_that_is_not_a_board_file(tmp_path, capsys):
    notes = tmp_path / "notes.sgdesk"
    notes.write_text("minutes")
    assert cli.main(["backup", str(notes)]) == 1
    assert "not an SG Desk board file" in capsys.readouterr().err


def test_a_cli_import_backs_the_file_up_first_but_a_dry_run_does_not(demo_path, tmp_path):
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation\nSouthend Carers\n", encoding="utf-8")
    assert cli.main(["import", str(demo_path), "organisations", str(source), "--dry-run"]) == 0
    assert list_backups(demo_path) == []
    assert cli.main(["import", str(demo_path), "organisations", str(source)]) == 0
    backup, = list_backups(demo_path)
    assert "Southend Carers" not in organisation_names(backup.path)


# -- restore --------------------------------------------------------------------------------------------------
def test_restore_through_the_cli_end_to_end(demo_path, capsys):
    assert cli.main(["backup", str(demo_path)]) == 0
    add_agency(demo_path, "Added After The Backup")
    assert cli.main(["restore", str(demo_path)]) == 0
    listing = capsys.readouterr().out
    assert "Backups of demo.sgdesk, newest first" in listing and " KB " in listing

    assert cli.main(["restore", str(demo_path), "latest"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "The file as it was is kept in" in out
    assert "Added After The Backup" not in organisation_names(demo_path)
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.scalar("SELECT description FROM audit_action ORDER BY id DESC LIMIT 1").startswith(
            "Restore from backup demo.")
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
    previous = [b for b in list_backups(demo_path) if b.tag == "before-restore"]
    assert len(previous) == 1 and "Added After The Backup" in organisation_names(previous[0].path)

    assert cli.main(["restore", str(demo_path), str(previous[0].path)]) == 0    # the restore, undone
    assert "Added After The Backup" in organisation_names(demo_path)


def test_a_damaged_board_file_is_restored_and_kept_as_it_was(demo_path):
    backup = make_backup(demo_path)
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[:4096] + b"\x00" * (len(data) - 4096))
    with pytest.raises(BoardFileError):
        with open_board_file(demo_path) as bf:
            if bf.query("PRAGMA integrity_check")[0][0] != "ok":
                raise BoardFileError("damaged")
    result = restore_backup(demo_path, backup)
    assert result.previous.name.endswith(".damaged.sgdesk")
    assert result.previous.read_bytes()[:4096] == data[:4096]
    with open_board_file(demo_path) as bf:
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
        assert bf.scalar("SELECT count(*) FROM board") == 1


def test_a_missing_board_file_is_restored(demo_path):
    backup = make_backup(demo_path)
    demo_path.unlink()
    result = restore_backup(demo_path, backup)
    assert result.previous is None
    assert organisation_names(demo_path) == organisation_names(backup)


@pytest.mark.parametrize("content, why", [
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged|cut short|cannot be opened"),
    (b"just some text", "not an SG Desk board file"),
])
def test_a_broken_backup_is_refused_and_the_board_file_is_untouched(demo_path, tmp_path, content, why):
    bad = tmp_path / "bad.sgdesk"
    bad.write_bytes(content)
    before = demo_path.read_bytes()
    with pytest.raises(BoardFileError, match=why):
        restore_backup(demo_path, bad)
    assert demo_path.read_bytes() == before


def test_a_backup_whose_pages_are_damaged_is_refused(demo_path, tmp_path):
    backup = make_backup(demo_path, tmp_path / "b.sgdesk")
    conn = sqlite3.connect(backup)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(backup.read_bytes())
    page = len(data) // pages
    data[page * (pages - 1): page * pages] = b"\xff" * page
    backup.write_bytes(bytes(data))
    with pytest.raises(BoardFileError, match="damaged|malformed|choose another"):
        restore_backup(demo_path, backup)


def test_restoring_a_file_someone_else_has_open_is_refused(demo_path):
    from test_safety_locks import open_elsewhere

    backup = make_backup(demo_path)
    with open_elsewhere(demo_path):
        with pytest.raises(BoardFileError, match="is open for editing by"):
            restore_backup(demo_path, backup)


def test_restoring_the_board_file_onto_itself_is_refused(demo_path):
    with pytest.raises(BoardFileError, match="is the board file itself"):
        restore_backup(demo_path, demo_path)


# -- in the app ---------------------------------------------------------------------------------------------------
def test_the_app_backs_up_before_the_first_change_and_says_so(window):
    assert list_backups(window.context.bf.path) == []
    with window.context.edit("Add an agency") as ed:
        add_organisation(ed, "Southend Carers")
    backup = list_backups(window.context.bf.path)[0].path
    assert window.statusBar().currentMessage() == \
        f"Backed up the file before the first change: {backup.name} in {backup.parent}"
    with window.context.edit("Add another") as ed:
        add_organisation(ed, "Southend Youth Offending Service")
    assert len(list_backups(window.context.bf.path)) == 1


def _when_shown(name: str, act) -> None:
    def attempt() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == name and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def test_restore_through_the_app_end_to_end(window, qtbot, message_boxes):
    path = window.context.bf.path
    with window.context.edit("Add an agency") as ed:      # the session backup is made first
        add_organisation(ed, "Added After The Backup")
    seen = {}

    def choose(dialog) -> None:
        seen["rows"] = dialog.model.rowCount()
        seen["made"] = dialog.model.data(dialog.model.index(0, 0))
        seen["size"] = dialog.model.data(dialog.model.index(0, 1))
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    _when_shown("restoreDialog", choose)
    message_boxes.press.append("Restore")
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.context is not None and "Restored from" in window.statusBar().currentMessage(),
                    timeout=15000)
    assert seen["rows"] == 1 and seen["size"].endswith((" KB", " MB"))
    assert any("Replace demo.sgdesk with the backup made on" in text for text in message_boxes)
    assert {"Restore", "Keep the file as it is"} in [set(labels) for labels in message_boxes.buttons]
    assert "Added After The Backup" not in organisation_names(path)
    assert window.context.bf.path == path and not window.context.read_only
    assert any(b.tag == "before-restore" for b in list_backups(path))


def test_the_restore_dialog_says_what_to_do_when_there_are_no_backups(window, qtbot):
    from sgdesk.gui.safety.restore import RestoreDialog

    dialog = RestoreDialog(window.context.bf.path, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stack.currentWidget() is dialog.empty
    assert not dialog.restore_button.isEnabled()
    dialog.keep.setValue(7)
    from sgdesk.gui.safety.settings import backups_kept

    assert backups_kept(window.settings) == 7


def test_a_file_that_will_not_open_can_be_restored_from_the_welcome_screen(qtbot, settings, demo_path,
                                                                          message_boxes, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from sgdesk.gui.shell.main_window import MainWindow

    make_backup(demo_path)
    demo_path.write_bytes(demo_path.read_bytes()[:1000])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_path(demo_path)
    assert "damaged" in message_boxes[-1]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_path), ""))
    _when_shown("restoreDialog", lambda dialog: qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton))
    message_boxes.press.append("Restore")
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.context is not None, timeout=15000)
    assert window.context.bf.scalar("SELECT count(*) FROM board") == 1
    window.close()


def test_a_restore_that_fills_the_drive_leaves_the_board_file_exactly_as_it_was(demo_path, tmp_path,
                                                                                 sgdesk_with_files_up_to):
    bigger = tmp_path / "backups" / "demo.2026-01-05_090000.sgdesk"
    bigger.parent.mkdir()
    grown = tmp_path / "backups" / "grown.sgdesk"
    grown.write_bytes(demo_path.read_bytes())
    with open_board_file(grown) as bf:
        with bf.edit("Add many agencies") as ed:
            for n in range(3000):
                add_organisation(ed, f"Agency {n:04d} with a long enough name to need pages")
    make_backup(grown, bigger)
    with open_board_file(demo_path) as bf:
        before = list(bf.conn.iterdump())
    size = demo_path.stat().st_size

    # room for the before-restore copy and a journal of the file, not for the bigger backup
    done = sgdesk_with_files_up_to(size + 64 * 1024, "restore", str(demo_path), str(bigger))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert done.stderr.startswith("sgdesk: demo.sgdesk could not be written (")
    assert "the existing demo.sgdesk is unchanged" in done.stderr
    with open_board_file(demo_path) as bf:
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
        assert list(bf.conn.iterdump()) == before
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["backups", "demo.sgdesk"]

    restore_backup(demo_path, bigger)   # with room again, the same restore goes through
    with open_board_file(demo_path) as bf:
        assert bf.scalar("SELECT count(*) FROM organisation WHERE name LIKE 'Agency %'") == 3000


def _import_one(board: Path, name: str) -> None:
    source = board.with_name(f"{name}.csv")
    source.write_text(f"Organisation,Short name,Type,Statutory partner\n{name},,other,No\n", encoding="utf-8")
    assert cli.main(["import", str(board), "organisations", str(source)]) == 0


def test_a_copy_of_a_board_file_has_backups_of_its_own_and_never_takes_the_originals(demo_path, capsys):
    import shutil

    live = demo_path
    _import_one(live, "Live Agency")                       # a session backup of live, before the import
    practice = live.with_name("practice.sgdesk")
    shutil.copyfile(live, practice)                        # cp live.sgdesk practice.sgdesk
    assert cli.main(["backup", str(practice), "--keep", "1"]) == 0   # before it is ever edited
    assert len(list_backups(live)) == 1

    _import_one(practice, "Practice Agency")              # practice's own session backup, then the import
    with open_board_file(practice, read_only=True) as bf:
        notes = [row[0] for row in bf.query("SELECT description FROM audit_action WHERE description LIKE "
                                            "'This file is a copy of %'")]
    assert notes == [f"This file is a copy of {live.resolve()}: it has an identity of its own now, so its backups "
                     "are kept apart from the original's"]
    for _ in range(3):
        assert cli.main(["backup", str(practice), "--keep", "2"]) == 0
    assert [b.path.name.split(".")[0] for b in list_backups(live)] == ["demo"]
    assert {b.path.name.split(".")[0] for b in list_backups(practice)} == {"practice"}

    capsys.readouterr()
    assert cli.main(["restore", str(live), "latest"]) == 0
    with open_board_file(live, read_only=True) as bf:    # live's own backup: before its import, never practice's
        names = {row[0] for row in bf.query("SELECT name FROM organisation WHERE name LIKE '% Agency'")}
    assert "Live Agency" not in names and "Practice Agency" not in names


def test_a_board_file_moved_or_renamed_keeps_its_backups_and_is_not_taken_for_a_copy(demo_path, tmp_path):
    _import_one(demo_path, "First Agency")
    moved = tmp_path / "moved"
    moved.mkdir()
    renamed = demo_path.rename(moved / "Southend LSCB.sgdesk")
    _import_one(renamed, "Second Agency")
    assert len(list_backups(renamed)) == 2
    with open_board_file(renamed, read_only=True) as bf:
        assert bf.scalar("SELECT count(*) FROM audit_action WHERE description LIKE 'This file is a copy%'") == 0


def _damage(path: Path) -> None:
    """Scramble pages in the middle of a board file, as a failing disk does (the header stays readable)."""
    import random

    data = bytearray(path.read_bytes())
    noise = random.Random(7)
    for offset in range(len(data) // 2, len(data) // 2 + 40 * 4096, 4096):
        data[offset + 8:offset + 4000] = noise.randbytes(3992)
    path.write_bytes(bytes(data))


def test_a_backup_of_a_damaged_file_is_marked_and_never_counts_among_those_kept(demo_path, capsys):
    for _ in range(2):
        assert cli.main(["backup", str(demo_path), "--keep", "2"]) == 0
    good = [b.path for b in list_backups(demo_path)]
    _damage(demo_path)
    for _ in range(3):
        assert cli.main(["backup", str(demo_path), "--keep", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "did not pass its integrity check" in err and "marked as damaged" in err
    backups = list_backups(demo_path)
    assert [b.path for b in backups if b.whole] == good       # the two good ones are still the two kept
    assert {b.tag for b in backups if not b.whole} == {"damaged"}


def test_latest_says_which_backup_it_chose_and_passes_over_one_cut_short(demo_path, capsys):
    import time

    assert cli.main(["backup", str(demo_path)]) == 0
    time.sleep(1.1)
    assert cli.main(["backup", str(demo_path)]) == 0
    older, newest = sorted(b.path for b in list_backups(demo_path))
    newest.write_bytes(newest.read_bytes()[:300_000])          # the newest is cut short
    capsys.readouterr()
    assert cli.main(["restore", str(demo_path), "latest"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Restoring demo.sgdesk from {older.name}: the newest whole backup, made ")
    assert f"passed over as not whole: {newest.name}" in out


def test_the_listing_marks_backups_that_cannot_be_restored(demo_path, capsys):
    assert cli.main(["backup", str(demo_path)]) == 0
    (only,) = list_backups(demo_path)
    only.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    capsys.readouterr()
    assert cli.main(["restore", str(demo_path)]) == 0
    assert "(cannot be read: it is damaged or cut short, and is never restored)" in capsys.readouterr().out


def test_half_written_copies_and_their_journals_left_by_a_crash_are_cleared(demo_path):
    folder = default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    leftovers = [folder / ".demo.2026-01-01_090000.sgdesk.1a2b3c4d.partial",
                 folder / ".demo.2026-01-01_090000.sgdesk.1a2b3c4d.partial-journal"]
    for leftover in leftovers:
        leftover.write_bytes(b"x")
        os.utime(leftover, (0, 0))
    make_backup(demo_path)
    assert not any(leftover.exists() for leftover in leftovers)


def test_backups_made_before_board_files_had_an_identity_are_still_listed_whole_and_restored(demo_path, capsys):
    assert cli.main(["backup", str(demo_path)]) == 0
    (old,) = list_backups(demo_path)
    conn = sqlite3.connect(old.path)
    with conn:   # as SG Desk made backups of a file older than file identities
        conn.execute("DELETE FROM app_meta WHERE key = 'file_id'")
    conn.close()
    capsys.readouterr()
    assert cli.main(["restore", str(demo_path)]) == 0
    assert "cannot be read" not in capsys.readouterr().out
    assert cli.main(["restore", str(demo_path), "latest"]) == 0
    assert capsys.readouterr().out.startswith(f"Restoring demo.sgdesk from {old.path.name}: the newest backup, made ")


def test_a_restore_over_a_change_cut_short_lets_sqlite_put_it_back_first_and_keeps_that(demo_path, cut_short):
    backup = make_backup(demo_path)
    before = organisation_names(demo_path)
    cut_short(demo_path)                                  # 2,000 agencies half written into the file
    result = restore_backup(demo_path, backup)
    assert result.previous.name.endswith(".before-restore.sgdesk")
    with open_board_file(result.previous, read_only=True, migrate=False) as bf:
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
    assert organisation_names(result.previous) == before   # kept as it was before the change cut short
    assert not demo_path.with_name("demo.sgdesk-journal").exists()


def test_a_journal_sqlite_cannot_use_is_never_touched_and_nothing_is_restored(demo_path, cut_short, monkeypatch):
    from sgdesk.safety import restore

    backup = make_backup(demo_path)
    cut_short(demo_path)
    journal = demo_path.with_name("demo.sgdesk-journal")
    file_bytes, journal_bytes = demo_path.read_bytes(), journal.read_bytes()
    real_open = restore.open_board_file

    def sqlite_cannot_put_it_back(path, **options):
        if Path(path) == demo_path:
            raise BoardFileError("demo.sgdesk could not be opened (disk I/O error)")
        return real_open(path, **options)

    monkeypatch.setattr(restore, "open_board_file", sqlite_cannot_put_it_back)
    with pytest.raises(BoardFileError) as refused:
        restore_backup(demo_path, backup)
    assert str(refused.value).startswith("demo.sgdesk has a change that was cut short, and SQLite could not put it "
                                         "back from its journal (demo.sgdesk-journal); nothing was restored")
    assert demo_path.read_bytes() == file_bytes and journal.read_bytes() == journal_bytes
    monkeypatch.undo()
    with open_board_file(demo_path) as bf:   # the next opening for editing puts it back, as SQLite does
        assert bf.query("PRAGMA integrity_check")[0][0] == "ok"
