"""Each board file's own identity, which its backups carry, and where it was last opened for editing.

A board file carries a random ``file_id`` in ``app_meta``; every backup of it carries the same
one, so its backups are found by it however the file is renamed or moved. A copy
(``cp live.sgdesk practice.sgdesk``) carries it too, and would take over the original's
backups. So the file also records where it was last opened for editing (``last_path``); when
it is next opened for editing somewhere else, :func:`settle_identity` looks there: if a file
with the same identity is still in that place, this one is a copy, and it gets an identity of
its own, with a note in the audit trail. Otherwise it was moved or renamed, and keeps its own.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.store.failures import READINGS, UnreadableError, error_name, explain, in_memory, is_damage
from sgdesk.store.sqlite import connect

if TYPE_CHECKING:
    from sgdesk.store.changes import Action, Editor

FILE_ID, LAST_PATH = "file_id", "last_path"


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def file_id(path: Path) -> str | None:
    """The identity the board file at ``path`` carries, or None if it cannot be read."""
    try:
        return read_file_id(path)
    except UnreadableError:
        return None


def read_file_id(path: Path) -> str | None:
    """The identity the board file at ``path`` carries; None if it is damaged or not a board file.

    ``""`` for a board file that carries none: one made before SG Desk recorded identities, and
    its backups, which are matched by name.

    Raises :class:`~sgdesk.store.failures.UnreadableError` if the drive fails while reading it
    (a failing drive can make a file look damaged: it is read again, and then into memory, before it is
    taken to be).
    """
    for _reading in range(READINGS):
        try:
            conn = connect(path, read_only=True)
            try:
                return meta(conn, FILE_ID) or ""
            finally:
                conn.close()
        except sqlite3.Error as error:
            if error_name(error) == "SQLITE_ERROR":   # no app_meta: not a board file
                return None
            if not is_damage(error):
                raise UnreadableError(f"{path.name} could not be read: {explain(error)}") from None
    try:   # damaged each time: so it is, unless a copy read into memory is whole
        with contextlib.closing(in_memory(path)) as copy:
            return meta(copy, FILE_ID) or ""
    except sqlite3.DatabaseError:
        return None


def owns_identity(path: Path) -> bool:
    """False for a copy not yet opened for editing in its new place: the original, still there, owns the identity."""
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error:
        return True
    try:
        identity, was = meta(conn, FILE_ID), meta(conn, LAST_PATH)
    except sqlite3.Error:
        return True
    finally:
        conn.close()
    return was is None or not _is_copy(path, Path(was), identity)


def settle_identity(path: Path, editor: "Editor") -> None:
    """On opening ``path`` for editing (through ``editor``): give a copy its own identity, and note a move.

    See the module docstring.
    """
    conn = editor.conn
    here = str(path.resolve())
    was = meta(conn, LAST_PATH)
    if was == here:
        return
    if was is not None and _is_copy(path, Path(was), meta(conn, FILE_ID)):
        description = (f"This file is a copy of {was}: it has an identity of its own now, so its backups are kept "
                       "apart from the original's")
        with editor.action(description) as ed:
            _set(ed, conn, FILE_ID, secrets.token_hex(8))
            _set(ed, conn, LAST_PATH, here)
    else:
        with editor.action(f"Board file kept at {here}" + (f" (it was at {was})" if was else "")) as ed:
            _set(ed, conn, LAST_PATH, here)
    editor.forget_history()   # not the user's change: nothing to undo


def _is_copy(path: Path, was: Path, identity: str | None) -> bool:
    """Whether another file, still where this one was last opened, has the same identity."""
    try:
        if not was.exists() or os.path.samefile(was, path):
            return False
    except OSError:
        return False
    theirs = file_id(was)
    return theirs is None or theirs == identity   # one that cannot be read now is taken to be the original


def _set(ed: "Action", conn: sqlite3.Connection, key: str, value: str) -> None:
    row = conn.execute("SELECT id FROM app_meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        ed.insert("app_meta", {"key": key, "value": value})
    else:
        ed.update("app_meta", row[0], {"value": value})
