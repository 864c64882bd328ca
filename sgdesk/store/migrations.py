"""Numbered SQL migrations in ``db/`` (``0001_core.sql``, ``0002_membership.sql``, ...).

A board file records the last migration applied in ``PRAGMA user_version``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sgdesk.paths import data_path
from sgdesk.store.sqlite import split_statements

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered SQL migration in ``db/``, which a board file records in ``PRAGMA user_version``."""

    version: int
    name: str
    path: Path

    def statements(self) -> list[str]:
        return split_statements(self.path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def migrations() -> tuple[Migration, ...]:
    """All migrations shipped with this version, in order of their strictly increasing numbers."""
    found = []
    for path in sorted(data_path("db").glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise RuntimeError(f"migration file {path.name} is not named NNNN_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    for earlier, later in zip(found, found[1:]):
        if later.version <= earlier.version:
            raise RuntimeError(f"migrations {earlier.path.name} and {later.path.name} share a number")
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: sqlite3.Connection, *, up_to: int | None = None) -> list[Migration]:
    """Apply every pending migration in one transaction; all or nothing.

    The caller is responsible for the backup. Returns the migrations applied.
    """
    current = schema_version(conn)
    target = latest_version() if up_to is None else up_to
    pending = [m for m in migrations() if current < m.version <= target]
    if not pending:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for migration in pending:
            for statement in migration.statements():
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return pending
