"""Restoring a board file from a backup, safely.

The backup is checked first (an SG Desk file, whole, not from a newer SG Desk); the file being
replaced is backed up first (or, if it is too damaged to read, copied byte for byte), so a
restore can itself be undone by restoring that copy. The backup is written over the board file
in one SQLite transaction, so a crash part-way leaves the file as it was; a file too damaged
for SQLite to open is replaced by a whole new copy instead. The restore is recorded in the
audit trail.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sgdesk.backups import (
    DEFAULT_KEEP,
    backup_open_file,
    default_backup_dir,
    ensure_backup_folder,
    list_backups,
    new_backup_path,
    prune_backups,
)
from sgdesk.errors import BoardFileError, SGDeskError
from sgdesk.store import open_board_file
from sgdesk.store.boardfile import JOURNAL_SUFFIX, copy_database, owner_only
from sgdesk.store.lockfile import acquire
from sgdesk.store.sqlite import connect


@dataclass(frozen=True)
class RestoreResult:
    board_path: Path
    restored_from: Path
    #: the copy of the file as it was before the restore (None if there was no file)
    previous: Path | None


def check_backup(backup: Path) -> None:
    """Refuse a backup that is not a whole SG Desk board file this version can read."""
    with open_board_file(backup, read_only=True, migrate=False) as bf:
        try:
            problems = [row[0] for row in bf.query("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
    if problems != ["ok"]:
        raise BoardFileError(f"the backup {backup.name} is damaged ({problems[0]}): choose another backup")


def latest_backup(board_path: Path, folder: Path | None = None) -> Path:
    backups = list_backups(board_path, folder)
    if not backups:
        raise BoardFileError(f"there are no backups of {board_path.name} in {folder or default_backup_dir()}: "
                             "give the backup file's path instead")
    return backups[0].path


def restore_backup(board_path: str | Path, backup: str | Path, *, folder: Path | None = None,
                   keep: int = DEFAULT_KEEP) -> RestoreResult:
    """Replace the board file at ``board_path`` with ``backup``; see the module docstring."""
    board_path, backup = Path(board_path), Path(backup)
    if not backup.is_file():
        raise BoardFileError(f"there is no backup at {backup}: check the name")
    if board_path.exists() and board_path.resolve() == backup.resolve():
        raise BoardFileError(f"{backup.name} is the board file itself: choose one of its backups")
    if not board_path.parent.is_dir():
        raise BoardFileError(f"the folder {board_path.parent} does not exist: create it or choose another")
    check_backup(backup)
    folder = ensure_backup_folder(folder or default_backup_dir())
    lock = acquire(board_path)          # refuses while someone else has the file open
    try:
        previous = _keep_previous(board_path, folder, keep)
        _write_over(board_path, backup)
        with open_board_file(board_path) as bf:   # upgrades an older backup, after its own backup
            made = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d %b %Y %H:%M")
            with bf.edit(f"Restore from backup {backup.name} (made {made})"):
                pass
    finally:
        lock.release()
    prune_backups(board_path, folder, keep)
    return RestoreResult(board_path, backup, previous)


def _keep_previous(board_path: Path, folder: Path, keep: int) -> Path | None:
    """Back up the file about to be replaced; copy it as it is if SQLite cannot read it."""
    if not board_path.exists():
        return None
    try:
        with open_board_file(board_path, migrate=False) as bf:
            if [row[0] for row in bf.query("PRAGMA quick_check")] == ["ok"]:
                return backup_open_file(bf, folder, keep=keep + 1, tag="before-restore")
    except (SGDeskError, sqlite3.DatabaseError):
        pass
    damaged = new_backup_path(folder, board_path, "damaged")
    shutil.copyfile(board_path, damaged)
    owner_only(damaged)
    journal = board_path.with_name(board_path.name + JOURNAL_SUFFIX)
    if journal.exists():
        shutil.copyfile(journal, damaged.with_name(damaged.name + JOURNAL_SUFFIX))
    return damaged


def _write_over(board_path: Path, backup: Path) -> None:
    source = connect(backup, read_only=True)
    try:
        try:
            _copy_in_place(source, board_path)
        except sqlite3.DatabaseError:
            _replace_whole(source, board_path)
    finally:
        source.close()


def _copy_in_place(source: sqlite3.Connection, board_path: Path) -> None:
    """Overwrite a readable board file in one transaction (its journal covers a crash)."""
    if not board_path.exists():
        raise sqlite3.DatabaseError("no file yet")
    target = connect(board_path)
    try:
        target.execute("SELECT count(*) FROM sqlite_master").fetchone()
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def _replace_whole(source: sqlite3.Connection, board_path: Path) -> None:
    """Write a whole new file and swap it in with one rename (for a file SQLite cannot open)."""
    # a journal left by the damaged file would be "rolled back" into the new one; it was copied aside
    board_path.with_name(board_path.name + JOURNAL_SUFFIX).unlink(missing_ok=True)
    copy_database(source, board_path)
