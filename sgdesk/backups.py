"""Backup copies of a board file, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sgdesk.errors import BoardFileError
from sgdesk.store.boardfile import copy_database
from sgdesk.store.sqlite import connect


def default_backup_dir() -> Path:
    """The backups folder beside the user's SG Desk settings."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("SG Desk", appauthor=False)) / "backups"


def backup_name(source: Path, when: dt.datetime | None = None) -> str:
    """>>> backup_name(Path("board.sgdesk"), dt.datetime(2026, 11, 23, 9, 5, 1))
    'board.2026-11-23_090501.sgdesk'
    """
    when = when or dt.datetime.now()
    return f"{source.stem}.{when:%Y-%m-%d_%H%M%S}{source.suffix or '.sgdesk'}"


def make_backup(source: str | Path, dest: str | Path | None = None) -> Path:
    """Copy the board file ``source`` to ``dest`` (a file or folder; default: the backups folder)."""
    source = Path(source)
    if not source.is_file():
        raise BoardFileError(f"there is no board file at {source}: check the name")
    target = Path(dest) if dest is not None else default_backup_dir()
    if target.is_dir() or dest is None or str(dest).endswith(("/", "\\")):
        target.mkdir(parents=True, exist_ok=True)
        target = target / backup_name(source)
    elif not target.parent.is_dir():
        raise BoardFileError(f"the folder {target.parent} does not exist: create it or choose another")
    if target.exists():
        raise BoardFileError(f"{target} already exists: choose another name")
    conn = connect(source, read_only=True)
    try:
        copy_database(conn, target)
    finally:
        conn.close()
    return target
