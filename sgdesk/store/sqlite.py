"""Connections, and the deliberate, lazy import of sqlite-utils.

``BoardFile.db`` offers the connection as a ``sqlite_utils.Database``, for its table
introspection and full-text search helpers. ``import sqlite_utils`` imports pandas and numpy
whenever they are installed (about 0.4 s, more than Qt's widgets), only to recognise their types
in inserts. SG Desk uses neither (the bundle leaves both out), so :func:`sqlite_utils_database`
imports sqlite-utils with them hidden, and a machine that happens to have them pays nothing.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import sqlite_utils

_HIDDEN_WHILE_IMPORTING = ("pandas", "numpy")


@contextmanager
def _hidden_modules(names: tuple[str, ...]) -> Iterator[None]:
    """Make ``import name`` fail for modules not yet imported, then restore them."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


def sqlite_utils_database(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    """Wrap an open connection in a ``sqlite_utils.Database`` without loading pandas."""
    with _hidden_modules(_HIDDEN_WHILE_IMPORTING):
        import sqlite_utils
    return sqlite_utils.Database(conn)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with foreign keys on.

    A connection may be handed to a worker thread (``check_same_thread=False``), but is never
    used by two threads at once: the GUI only does so while a modal progress dialog blocks it.
    """
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
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
