"""What a failed read or write of a board file means, in one line the user can act on.

SQLite reports a failing drive by an error code, not a sentence a user can use: "disk I/O
error" may be a network drive that dropped for a moment, and only a few codes mean the file
itself is damaged. :func:`explain` turns an error into "what happened: what to do"; callers
put the file's name and what was being done in front.
"""

from __future__ import annotations

import contextlib
import errno
import re
import sqlite3
from pathlib import Path

from sgdesk.errors import BoardFileError

RESTORE_HINT = "restore it from a backup (sgdesk restore) or open another file"

#: SQLite's codes (as Python names them) for a file that really is damaged
DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


class UnreadableError(BoardFileError):
    """A board file could not be read just now (the drive failed, or someone was saving): it is not damaged."""


def cannot_open(path: Path, error: sqlite3.Error) -> BoardFileError:
    """The error for a file SQLite could not open: :class:`UnreadableError` unless it is damaged (in memory too)."""
    if not is_damage(error):
        return UnreadableError(f"{path.name} could not be opened: {explain(error)}")
    if not damage_confirmed(path):
        return _garbled(path.name)
    return BoardFileError(f"{path.name} could not be opened: {explain(error)}")


def error_name(error: BaseException) -> str:
    """SQLite's name for the error ("SQLITE_IOERR_WRITE"), or "" for anything else."""
    return getattr(error, "sqlite_errorname", "") or ""


def is_damage(error: BaseException) -> bool:
    return error_name(error).startswith(DAMAGED)


def is_busy(error: BaseException) -> bool:
    return error_name(error).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def explain(error: BaseException) -> str:
    """The cause of a failed read or write and what to do: "the drive is full (...): free some space".

    Only ``sgdesk check`` (Help > Check file) says a file is damaged: SQLite finding something
    wrong part-way through other work may be a change cut short that its journal will undo, or
    a drive garbling what it returns, so the advice is to check the file.
    """
    name = error_name(error)
    detail = str(error) or type(error).__name__
    if isinstance(error, OSError):
        detail = error.strerror or detail
        code = error.errno
        if code == errno.ENOSPC:
            return f"the drive is full ({detail}): free some space on it, then try again"
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"it cannot be changed there ({detail}): check the folder is not read-only, or ask IT"
        return f"the drive did not respond ({detail}): check it is still connected, then try again"
    if name == "SQLITE_FULL":
        return f"the drive is full ({detail}): free some space on it, then try again"
    if name.startswith("SQLITE_IOERR"):
        return f"the drive did not respond ({detail}): check it is still connected, then try again"
    if name == "SQLITE_READONLY_DBMOVED":
        return "it was moved, renamed or deleted while it was open: save a copy of what is open (File > Save a copy)"
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_PERM":
        return f"it has become read-only ({detail}): check the folder is not read-only, or ask IT"
    if name.startswith("SQLITE_CANTOPEN"):
        return (f"SG Desk cannot create its journal file beside it ({detail}): check the folder is not read-only "
                "or full, then try again")
    if is_busy(error):
        return "someone is saving a change to it right now: try again in a moment"
    if name.startswith("SQLITE_NOTADB"):   # its header is SQLite's, and the rest is not
        return f"it is damaged ({detail}): {RESTORE_HINT}"
    if is_damage(error):
        return (f"SQLite found something wrong in it ({detail}): check the file (sgdesk check, or Help > Check "
                "file); if the check finds damage, restore it from a backup")
    return f"{detail}: try again, and if it keeps happening check the file (sgdesk check)"


def integrity_check(conn: sqlite3.Connection, name: str, *, quick: bool = False) -> list[str]:
    """``PRAGMA integrity_check`` (or ``quick_check``): ["ok"] for a whole file, else what is wrong.

    A read that fails on the way (a drive that stops answering) is not damage: it is raised as an
    :class:`UnreadableError` saying the file could not be read, so that nobody is told to restore
    a file that is fine. A failing drive can also make SQLite see damage that is not there, in a
    different place each time it looks; real damage is found the same each time, so a file is
    only called damaged when :data:`READINGS` checks agree, and then only if the damage is there
    again in a copy of the file read into memory, where no failing read can pass for damage
    (SQLite reports some failed reads as "database disk image is malformed", the same words
    each time, so readings of a failing drive can agree).
    """
    first = _check(conn, name, quick)
    for _reading in range(READINGS - 1):
        if first == ["ok"]:
            return first
        if _check(conn, name, quick) != first:
            raise _unreliable(name)
    if first == ["ok"]:
        return first
    return _confirmed(conn, name, quick, first)


#: how many checks must find the same damage before a file is called damaged
READINGS = 3


def _unreliable(name: str) -> UnreadableError:
    return UnreadableError(f"{name} could not be read reliably to check it (each reading found something "
                           "else): check the drive is still connected, then try again")


def _garbled(name: str, doing: str = "") -> UnreadableError:
    """The drive made the whole file ``name`` look damaged (while ``doing``, e.g. " to check it")."""
    return UnreadableError(f"{name} could not be read reliably{doing} (the drive returned garbled data, but the file "
                           "itself is whole): check the drive is still connected, then try again")


def _confirmed(conn: sqlite3.Connection, name: str, quick: bool, found: list[str]) -> list[str]:
    """What the check finds in an in-memory copy of ``conn``'s file: the damage, or :func:`_garbled`."""
    path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path:
        return found   # a database in memory: nothing was read from a drive
    in_memory_found = _check_in_memory(Path(path), name, quick)
    if in_memory_found == ["ok"]:
        raise _garbled(name, " to check it")
    return in_memory_found


def damage_confirmed(path: Path) -> bool:
    """Whether the file at ``path`` is damaged in a copy read into memory (SQLite found it damaged on the drive).

    SQLite reports some failed reads as "database disk image is malformed"; this tells them apart
    from damage that is really in the file. Raises :class:`UnreadableError` if the file cannot be read.
    """
    return _check_in_memory(path, path.name, quick=True) != ["ok"]


def in_memory(path: Path, name: str | None = None) -> sqlite3.Connection:
    """A copy of the database at ``path`` in memory, read with plain reads.

    A read that fails raises :class:`UnreadableError` instead of passing for damage, and the copy
    cannot be garbled by the drive afterwards, so what SQLite finds wrong in it is in the file.
    Bytes that are not a database raise ``sqlite3.DatabaseError``.
    """
    try:
        image = path.read_bytes()
    except OSError as error:
        raise UnreadableError(f"{name or path.name} could not be read: {explain(error)}") from None
    copy = sqlite3.connect(":memory:")
    try:
        copy.execute("PRAGMA trusted_schema = OFF")
        copy.deserialize(image)
    except BaseException:
        copy.close()
        raise
    return copy


def _check_in_memory(path: Path, name: str, quick: bool) -> list[str]:
    """:func:`_check` of a copy of ``path`` read into memory."""
    with contextlib.closing(in_memory(path, name)) as copy:
        return _check(copy, name, quick)


def _check(conn: sqlite3.Connection, name: str, quick: bool) -> list[str]:
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}")]
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return [str(error)]
        raise UnreadableError(f"{name} could not be read to check it: {explain(error)}") from None
    # one line per finding, for one-line messages (SQLite heads the first with the database's name)
    found = [" ".join(line.split()) for row in rows for line in row.splitlines()
             if line.strip() and line.strip() != "*** in database main ***"]
    for finding in found:
        code = _ERROR_CODE.search(finding)
        if code and int(code.group(1)) & 0xFF in _NOT_DAMAGE:
            raise UnreadableError(f"{name} could not be read to check it: the drive did not respond (disk I/O "
                                 "error): check it is still connected, then try again")
    return found


_ERROR_CODE = re.compile(r"error code=(\d+)")
#: SQLite's primary codes that mean a page could not be read, not that it is wrong (NOMEM, READONLY, IOERR, FULL)
_NOT_DAMAGE = (7, 8, 10, 13)
