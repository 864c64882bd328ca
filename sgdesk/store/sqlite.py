"""Connections, and the deliberate, lazy import of sqlite-utils.

``BoardFile.db`` offers the connection as a ``sqlite_utils.Database``, for its table
introspection and full-text search helpers; :func:`sqlite_utils_database` imports sqlite-utils
without pandas and numpy (see :mod:`sgdesk.lazy_imports`).
"""

from __future__ import annotations

import sqlite3
import string
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.lazy_imports import hidden_modules

if TYPE_CHECKING:
    import sqlite_utils

_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def nocase(text: str) -> str:
    """``text`` folded as SQLite's ``NOCASE`` collation folds it (ASCII letters only), for Python to compare
    or sort as a ``NOCASE`` column does: ``nocase("ABC") == "abc"``, ``nocase("Ärzte") == "Ärzte"``. ASCII
    text (most names and emails) is folded by ``lower``: 50 ns for an email where ``translate`` takes 3 µs."""
    return text.lower() if text.isascii() else text.translate(_NOCASE)


#: how long SQLite waits for a colleague's read or write to finish before it reports the file busy
BUSY_TIMEOUT_MS = 5000


def sqlite_utils_database(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    """Wrap an open connection in a ``sqlite_utils.Database`` without loading pandas."""
    with hidden_modules():
        import sqlite_utils
    return sqlite_utils.Database(conn)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with foreign keys on.

    A board file is a document from outside: SQL in its schema may not call functions with side
    effects (``trusted_schema`` off), and no other database can be attached to the connection.
    What a writable connection deletes is overwritten with zeros (``secure_delete``), so removed
    personal data does not linger in the file's free space, whatever SQLite was compiled with.

    A connection may be handed to a worker thread (``check_same_thread=False``), but is never
    used by two threads at once: the GUI only does so while a modal progress dialog blocks it.
    """
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.execute("PRAGMA trusted_schema = OFF")
    if not read_only:
        conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements, so it can run inside one transaction.

    (``executescript`` would commit first.)

    >>> split_statements("CREATE TABLE a (x);\\n-- note\\nINSERT INTO a VALUES (1);")
    ['CREATE TABLE a (x);', '-- note\\nINSERT INTO a VALUES (1);']
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement at the end of the script: {pending.strip()[:60]}")
    return statements
