"""Is a board file's schema exactly the one SG Desk's own migrations build?

A board file is a document from outside: it arrives by e-mail or sits on a shared drive where
anyone with a database tool can change it. SQL planted in its schema runs inside SG Desk (a
trigger fires on every change, a view on every read), so a file is compared with the schema
that the migrations in ``db/`` build, applied to an empty database in memory (once per
version per process): every table, column, index, trigger and view must be SG Desk's, and
nothing may be missing. New migrations are covered without anything else to change,
including the shadow tables of a virtual table a migration creates (compared by name: SQLite
words their definitions itself, and may word them differently from one version to the next).

A file whose whole schema has the digest of the latest schema (:data:`SCHEMA_DIGESTS`) is
SG Desk's own without applying the migrations: they take 11 ms, the digest well under one,
and every app start on a file, export and report opens one. Any other file is compared object
by object with what the migrations build, so a digest out of date, or another SQLite wording
the same schema differently, costs the 11 ms and never a file refused or let through.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache

from sgdesk.store.migrations import apply_migrations

#: statistics tables SQLite's own ANALYZE and ``PRAGMA optimize`` make; they hold no SQL
_STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
#: the page sizes SQLite has made by default; SG Desk never chooses another
PAGE_SIZES = (1024, 2048, 4096, 8192)

Objects = dict[tuple[str, str], tuple[str, str | None]]   # (type, name) -> (table it belongs to, SQL)

#: :func:`schema_digest` of the schema the migrations build, by schema version, as SQLite 3.40 words
#: it (a test checks the latest against the migrations and prints the new digest when one is added)
SCHEMA_DIGESTS: dict[int, str] = {17: "1cda6f3b8bf318aed4d213ed83e1c4f41c7e94f6613e141788e97ddbacdc2434"}


def objects(conn: sqlite3.Connection) -> Objects:
    """Every object in a database's schema, as SQLite records it."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name): (table, sql) for kind, name, table, sql in rows if name not in _STATISTICS}


@lru_cache(maxsize=None)
def expected_objects(version: int) -> Objects:
    """The schema the migrations up to ``version`` build."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(conn, up_to=version)
        return objects(conn)
    finally:
        conn.close()


def schema_digest(found: Objects) -> str:
    """A SHA-256 digest of every object of a schema, its SQL included."""
    return hashlib.sha256(repr(sorted(found.items())).encode()).hexdigest()


def schema_difference(conn: sqlite3.Connection, version: int) -> str | None:
    """What in this file's schema SG Desk did not make (or is missing), or None if it is SG Desk's own."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    if page_size not in PAGE_SIZES:
        return f"it uses pages of {page_size:,} bytes, which SG Desk never makes"
    found = objects(conn)
    if schema_digest(found) == SCHEMA_DIGESTS.get(version):
        return None
    expected = expected_objects(version)
    shadows = _shadow_prefixes(expected)
    for key in sorted(found.keys() - expected.keys()):
        return f"it holds {_describe(key)} that SG Desk did not make"
    for key in sorted(expected.keys() - found.keys()):
        return f"{_describe(key)} that SG Desk makes is missing"
    for key in sorted(found):
        if found[key] != expected[key] and not (key[0] == "table" and key[1].startswith(shadows)):
            return f"{_describe(key)} is not as SG Desk makes it"
    return None


def trust(conn: sqlite3.Connection) -> None:
    """Let a file's own SQL use virtual tables (its search indexes), once its schema is known to be SG Desk's.

    Until then (``trusted_schema`` off, as :func:`sgdesk.store.sqlite.connect` opens every file) SQL in the
    schema may call no function with side effects and use no virtual table.
    """
    conn.execute("PRAGMA trusted_schema = ON")


def _shadow_prefixes(expected: Objects) -> tuple[str, ...]:
    return tuple(f"{name}_" for (kind, name), (_table, sql) in expected.items()
                 if kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL TABLE"))


def _describe(key: tuple[str, str]) -> str:
    kind, name = key
    return f"{'an' if kind == 'index' else 'a'} {kind} '{name}'"
