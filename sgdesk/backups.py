"""Backup copies of a board file, made with SQLite's online backup API, and their retention.

Backups of a file are named ``<stem>.<YYYY-MM-DD_HHMMSS>[.<tag>].sgdesk`` in the backups folder
(beside the user's settings, or ``SGDESK_BACKUP_DIR`` when IT sets it). A backup belongs to a
board file by the file's identity (the random ``file_id`` it carries, which a copy does not keep:
:mod:`sgdesk.store.identity`), so renaming the board file keeps its backups, and two files with
the same name in different folders, or a file and its copy, keep theirs apart. Each copy is written under a temporary name and renamed when whole, so a crash
never leaves a half backup that looks like a good one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sgdesk.atomic import PARTIAL_SUFFIX
from sgdesk.errors import BoardFileError, SGDeskError
from sgdesk.store.boardfile import copy_database
from sgdesk.store.failures import UnreadableError, integrity_check
from sgdesk.store.identity import file_id, owns_identity, read_file_id
from sgdesk.store.sqlite import connect

if TYPE_CHECKING:
    from sgdesk.store import BoardFile

#: how many backups of each board file are kept unless the user chooses otherwise
DEFAULT_KEEP = 20
#: the environment variable IT can set to put every backup in one folder
BACKUP_DIR_VARIABLE = "SGDESK_BACKUP_DIR"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:-(?P<counter>\d+))?(?:\.(?P<tag>[a-z-]+))?"
                   r"\.sgdesk$")
_ABANDONED_PARTIAL = dt.timedelta(hours=1)


def default_backup_dir() -> Path:
    """The backups folder beside the user's SG Desk settings (or ``$SGDESK_BACKUP_DIR``)."""
    chosen = os.environ.get(BACKUP_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("SG Desk", appauthor=False)) / "backups"


def backup_name(source: Path, when: dt.datetime | None = None, tag: str = "", counter: int = 1) -> str:
    """The name of a backup of ``source`` made at ``when``.

    >>> backup_name(Path("board.sgdesk"), dt.datetime(2026, 11, 23, 9, 5, 1))
    'board.2026-11-23_090501.sgdesk'
    >>> backup_name(Path("board.sgdesk"), dt.datetime(2026, 11, 23, 9, 5, 1), "before-restore", 2)
    'board.2026-11-23_090501-2.before-restore.sgdesk'
    """
    when = when or dt.datetime.now()
    second = f"-{counter}" if counter > 1 else ""
    return f"{source.stem}.{when:%Y-%m-%d_%H%M%S}{second}{'.' + tag if tag else ''}.sgdesk"


def ensure_backup_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise BoardFileError(f"the backups folder {folder} cannot be created ({error.strerror}): "
                             "choose another backups folder") from None
    return folder


def new_backup_path(folder: Path, source: Path, tag: str = "") -> Path:
    """A fresh name in ``folder`` (a second backup in the same second gets ``-2``)."""
    when = dt.datetime.now()
    counter = 1
    while (folder / backup_name(source, when, tag, counter)).exists():
        counter += 1
    return folder / backup_name(source, when, tag, counter)


def make_backup(source: str | Path, dest: str | Path | None = None, *, keep: int | None = None,
                notes: list[str] | None = None) -> Path:
    """Copy the board file ``source`` to ``dest`` (a file or folder; default: the backups folder).

    Into a folder, ``keep`` (default :data:`DEFAULT_KEEP` for the backups folder, no limit for
    a folder given) prunes that board's older backups. What opening the file did that the user
    should hear of is added to ``notes``.
    """
    from sgdesk.store import open_board_file

    source = Path(source)
    if not source.is_file():
        raise BoardFileError(f"there is no board file at {source}: check the name")
    into_folder = dest is None or Path(dest).is_dir() or str(dest).endswith(("/", "\\"))
    if into_folder:
        folder = ensure_backup_folder(Path(dest) if dest is not None else default_backup_dir())
        target = new_backup_path(folder, source)
        keep = DEFAULT_KEEP if keep is None and dest is None else keep
    else:
        target = Path(dest)
        if not target.parent.is_dir():
            raise BoardFileError(f"the folder {target.parent} does not exist: create it or choose another")
        if target.exists():
            raise BoardFileError(f"{target} already exists: choose another name")
    if not owns_identity(source):
        try:   # a copy opened in its new place for the first time: it gets an identity of its own first
            open_board_file(source, migrate=False).close()
        except BoardFileError:
            pass   # someone has it open, or it cannot be written: backed up as it is
    with open_board_file(source, read_only=True, migrate=False) as bf:
        if notes is not None:
            notes.extend(bf.notes)
        try:
            checked_copy(bf.conn, target, source, mark=into_folder)
        finally:
            if into_folder and keep is not None:
                prune_backups(source, target.parent, keep)
    return target


def backup_open_file(bf: "BoardFile", folder: Path | None = None, *, keep: int = DEFAULT_KEEP,
                     tag: str = "") -> Path:
    """Back up a board file that is open, through its own connection, then apply retention."""
    folder = ensure_backup_folder(folder or default_backup_dir())
    try:
        return checked_copy(bf.conn, new_backup_path(folder, bf.path, tag), bf.path)
    finally:
        prune_backups(bf.path, folder, keep)


class DamagedBackup(BoardFileError):
    """The file backed up failed its integrity check: its copy (``path``) is marked damaged and is not counted."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def checked_copy(conn: sqlite3.Connection, target: Path, source: Path, *, mark: bool = True) -> Path:
    """Copy an open board file to ``target`` and check the copy (``PRAGMA integrity_check``).

    A copy that fails is renamed with the tag "damaged" (``mark``), so that it never counts among
    the backups kept and ``latest`` never chooses it, and :class:`DamagedBackup` says so. A copy
    that cannot be read back to check it is removed.
    """
    copy_database(conn, target)
    try:
        with contextlib.closing(connect(target, read_only=True)) as copy:
            found = integrity_check(copy, target.name)
    except SGDeskError:
        target.unlink(missing_ok=True)
        raise
    if found == ["ok"]:
        return target
    if mark:
        marked = new_backup_path(target.parent, source, "damaged")
        os.replace(target, marked)
        target = marked
    raise DamagedBackup(f"{source.name} did not pass its integrity check ({found[0]}), so its copy {target.name} is "
                        "kept marked as damaged and is not counted as a backup: check the file (sgdesk check) and "
                        "restore a good backup", target)


def save_copy(bf: "BoardFile", dest: Path) -> Path:
    """Copy the board file open as ``bf`` to ``dest``, through its own connection.

    This works even when the file has since been moved, renamed or deleted: the copy is what is open.
    """
    if not dest.parent.is_dir():
        raise BoardFileError(f"the folder {dest.parent} does not exist: create it or choose another")
    return copy_database(bf.conn, dest)


def backup_before_first_edit(bf: "BoardFile", folder: Path | None = None, *, keep: int = DEFAULT_KEEP,
                             report: Callable[[Path | None, Exception | None], None] | None = None) -> None:
    """Make the session backup just before the first change made through ``bf``.

    A backup that cannot be made does not stop the change (the audit trail and undo still
    hold it); ``report(path, error)`` is told either way, so the app can say so.
    """
    def hook(board_file: "BoardFile") -> None:
        try:
            path = backup_open_file(board_file, folder, keep=keep)
        except (OSError, sqlite3.Error, SGDeskError) as error:
            if report is not None:
                report(None, error)
            return
        if report is not None:
            report(path, None)

    bf.before_first_edit.append(hook)


@dataclass(frozen=True)
class Backup:
    """One backup copy of a board file in the backups folder: when it was made, its size and its kind."""

    path: Path
    made_at: dt.datetime        # local time
    size: int                   # bytes
    tag: str = ""               # "" for a session or manual backup, "before-restore", "damaged"
    counter: int = 1            # the second backup made in the same second is 2
    readable: bool = True       # False: SQLite cannot read it (cut short, damaged)

    @property
    def whole(self) -> bool:
        """Not known to be damaged (a restore still checks it)."""
        return self.readable and self.tag != "damaged"

    @property
    def description(self) -> str:
        if not self.readable:
            return "cannot be read: it is damaged or cut short, and is never restored"
        return {"before-restore": "made before restoring another backup",
                "damaged": "a damaged file, kept as it was"}.get(self.tag, "")


def list_backups(board_path: Path, folder: Path | None = None) -> list[Backup]:
    """Backups of ``board_path`` in ``folder``, newest first.

    A backup matches by the board file's identity (:mod:`sgdesk.store.identity`); if the board file
    cannot be read (it is damaged or gone), or is a copy that has not had its own identity yet, by
    its name.
    """
    folder = folder or default_backup_dir()
    if not folder.is_dir():
        return []
    identity = file_id(board_path) if board_path.is_file() and owns_identity(board_path) else None
    found = []
    for path in folder.glob("*.sgdesk"):
        match = _NAME.match(path.name)
        if match is None or path.resolve() == board_path.resolve():
            continue
        try:
            theirs = read_file_id(path)
            readable = theirs is not None
        except UnreadableError:   # the drive failed reading it: perhaps whole, a restore checks it
            theirs, readable = None, True
        if identity and theirs:
            if theirs != identity:
                continue
        elif match["stem"] != board_path.stem:   # no identity to go by: by name (an unreadable one, too)
            continue
        found.append(Backup(path, dt.datetime.strptime(match["stamp"], "%Y-%m-%d_%H%M%S"),
                            path.stat().st_size, match["tag"] or "", int(match["counter"] or 1), readable))
    return sorted(found, key=lambda b: (b.made_at, b.counter), reverse=True)


def prune_backups(board_path: Path, folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` whole backups of ``board_path`` in ``folder``; returns those deleted.

    Damaged and unreadable ones do not count, and go once they are older than the oldest kept.
    Also clears half-written copies (and their journals) left by a crash more than an hour ago.
    """
    backups = list_backups(board_path, folder)
    whole = [backup for backup in backups if backup.whole]
    kept = whole[:max(keep, 1)]
    oldest = (kept[-1].made_at, kept[-1].counter) if kept else None
    deleted = []
    for old in backups:
        if old in kept or (not old.whole and (oldest is None or (old.made_at, old.counter) >= oldest)):
            continue
        old.path.unlink(missing_ok=True)
        deleted.append(old.path)
    cutoff = dt.datetime.now().timestamp() - _ABANDONED_PARTIAL.total_seconds()
    for pattern in (f"*{PARTIAL_SUFFIX}", f"*{PARTIAL_SUFFIX}-journal"):
        for partial in folder.glob(pattern):
            try:
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
            except OSError:
                pass   # gone already, or the folder is read-only: next time
    return deleted
