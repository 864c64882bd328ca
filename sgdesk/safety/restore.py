"""Restoring a board file from a backup, safely.

The backup is checked first (an SG Desk file, whole, holding nothing SG Desk did not make, not
from a newer SG Desk). The file being replaced is backed up first (or, if it is too damaged to
read, copied byte for byte), so a restore can itself be undone by restoring that copy; a change
that was cut short in it is first put back by SQLite, from its journal, and a journal SQLite
cannot use is never touched (the restore is refused instead). The backup is then copied beside
the board file, checked again (integrity, schema), upgraded if it is older, the restore recorded
in its audit trail, and only then swapped in with one rename: until that moment the board file
is exactly as it was, whatever fails.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sgdesk.atomic import OutputError, atomic_path
from sgdesk.backups import (
    DEFAULT_KEEP,
    DamagedBackup,
    backup_open_file,
    default_backup_dir,
    ensure_backup_folder,
    list_backups,
    new_backup_path,
    prune_backups,
)
from sgdesk.errors import BoardFileError, SGDeskError
from sgdesk.store import Editor, open_board_file
from sgdesk.store.boardfile import JOURNAL_SUFFIX, hot_journal, owner_only
from sgdesk.store.failures import UnreadableError, integrity_check, is_damage
from sgdesk.store.lockfile import FileInUse, acquire
from sgdesk.store.migrations import apply_migrations, schema_version
from sgdesk.store.schema import schema_difference, trust
from sgdesk.store.sqlite import connect


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the board file restored, the backup it came from, and the copy of the file as it was."""

    board_path: Path
    restored_from: Path
    #: the copy of the file as it was before the restore (None if there was no file)
    previous: Path | None


def check_backup(backup: Path) -> None:
    """Refuse a backup that is not a whole SG Desk board file this version can read."""
    with open_board_file(backup, read_only=True, migrate=False) as bf:
        problems = integrity_check(bf.conn, f"the backup {backup.name}")
    if problems != ["ok"]:
        raise BoardFileError(f"the backup {backup.name} is damaged ({problems[0]}): choose another backup")


def latest_backup(board_path: Path, folder: Path | None = None) -> tuple[Path, str]:
    """The newest backup of ``board_path`` that is whole, and why it was chosen (what newer ones were passed over)."""
    skipped = []
    for backup in list_backups(board_path, folder):
        if not backup.whole:
            skipped.append(f"{backup.path.name} {backup.description}")
            continue
        try:
            check_backup(backup.path)
        except UnreadableError:
            raise   # the drive, not the backup: choose nothing
        except BoardFileError as error:
            skipped.append(str(error).split(": choose another")[0])
            continue
        made = f"{backup.made_at:%d %b %Y at %H:%M}"
        if not skipped:
            return backup.path, f"the newest backup, made {made}"
        return backup.path, (f"the newest whole backup, made {made}; passed over as not whole: {'; '.join(skipped)}")
    found = f" (none of them is whole: {'; '.join(skipped)})" if skipped else ""
    raise BoardFileError(f"there are no backups of {board_path.name} to restore in {folder or default_backup_dir()}"
                         f"{found}: give the backup file's path instead")


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
        _swap_in(board_path, backup)
    finally:
        lock.release()
    prune_backups(board_path, folder, keep)
    return RestoreResult(board_path, backup, previous)


def _keep_previous(board_path: Path, folder: Path, keep: int) -> Path | None:
    """Back up the file about to be replaced; copy it as it is if SQLite cannot read it."""
    if not board_path.exists():
        return None
    try:
        with open_board_file(board_path, migrate=False) as bf:   # rolls back a change cut short
            if integrity_check(bf.conn, board_path.name, quick=True) == ["ok"]:
                return backup_open_file(bf, folder, keep=keep + 1, tag="before-restore")
    except DamagedBackup as marked:
        return marked.path   # kept as it was, marked damaged
    except (UnreadableError, OutputError, FileInUse):
        raise   # not damage: the drive failed or is full, or someone has it open; nothing is restored
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
    except SGDeskError:
        pass    # damaged, or holding what SG Desk did not make: kept as it is, below
    if hot_journal(board_path):
        raise BoardFileError(
            f"{board_path.name} has a change that was cut short, and SQLite could not put it back from its journal "
            f"({board_path.name}{JOURNAL_SUFFIX}); nothing was restored, and the file and its journal are as they were: "
            "check the drive has space and is connected, then try again")
    damaged = new_backup_path(folder, board_path, "damaged")
    shutil.copyfile(board_path, damaged)
    owner_only(damaged)
    return damaged


def _swap_in(board_path: Path, backup: Path) -> None:
    """Copy ``backup`` beside the board file, check, upgrade and record it, then rename it over the file."""
    made = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d %b %Y %H:%M")
    with atomic_path(board_path) as temporary:
        source = connect(backup, read_only=True)
        copy = connect(temporary)
        try:
            source.backup(copy)
            source.close()
            _check_copy(copy, backup)
            trust(copy)
            apply_migrations(copy)   # an older backup is upgraded before it replaces anything
            with Editor(copy, name=board_path.name).action(f"Restore from backup {backup.name} (made {made})"):
                pass
        finally:
            source.close()
            copy.close()


def _check_copy(copy: sqlite3.Connection, backup: Path) -> None:
    integrity = integrity_check(copy, f"the copy of the backup {backup.name}")
    problem = None if integrity == ["ok"] else integrity[0]
    problem = problem or schema_difference(copy, schema_version(copy))
    if problem is not None:
        raise BoardFileError(f"the copy of the backup {backup.name} did not check out ({problem}); nothing was "
                             "restored: try again, or choose another backup")
