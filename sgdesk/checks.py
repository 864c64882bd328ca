"""`sgdesk check` and Help > Check file: is the board file whole, consistent and sensible?"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Callable, Literal

from sgdesk.store import BoardFile
from sgdesk.store.failures import UnreadableError, explain, integrity_check, is_damage
from sgdesk.store.migrations import latest_version


@dataclass(frozen=True)
class Finding:
    """One thing a check of the board file found: all well, a warning or a problem, and how to fix it."""

    level: Literal["ok", "warning", "problem"]
    text: str          # what was found, and where
    fix: str = ""      # how to put it right

    def __str__(self) -> str:
        mark = {"ok": "ok", "warning": "warning", "problem": "PROBLEM"}[self.level]
        return f"[{mark}] {self.text}" + (f" - {self.fix}" if self.fix else "")


DomainCheck = Callable[[BoardFile], list[Finding]]


def storage_findings(bf: BoardFile) -> list[Finding]:
    findings = []
    integrity = integrity_check(bf.conn, bf.path.name)   # a drive that fails on the way is no finding: it raises
    if integrity == ["ok"]:
        findings.append(Finding("ok", "database integrity check passed"))
    else:
        findings.append(Finding("problem", f"database integrity check failed: {'; '.join(integrity[:5])}",
                                "restore the latest good backup (sgdesk restore)"))
    try:
        broken = bf.query("PRAGMA foreign_key_check")
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise UnreadableError(f"{bf.path.name} could not be read to check it: {explain(error)}") from None
        return findings
    if broken:
        tables = sorted({row[0] for row in broken})
        findings.append(Finding("problem", f"{len(broken)} rows point at missing records (in {', '.join(tables)})",
                                "restore the latest good backup, or report this to your SG Desk support"))
    else:
        findings.append(Finding("ok", "every reference between records is intact"))
    version = bf.schema_version()
    if version == latest_version():
        findings.append(Finding("ok", f"schema version {version} (current)"))
    else:
        findings.append(Finding("warning", f"schema version {version}; this SG Desk uses {latest_version()}",
                                "open the file in SG Desk to upgrade it (a backup is made first)"))
    return findings


def record_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables that hold records, by name: not SQLite's own, nor the search index's virtual and shadow tables."""
    return sorted(row[1] for row in conn.execute("PRAGMA main.table_list")
                  if row[2] == "table" and not row[1].startswith("sqlite_"))


def row_counts(bf: BoardFile) -> dict[str, int]:
    counts = {}
    for table in record_tables(bf.conn):
        try:
            counts[table] = bf.scalar(f'SELECT count(*) FROM "{table}"')
        except sqlite3.DatabaseError:
            continue  # a damaged table: the integrity finding says so
    return counts


def run_checks(bf: BoardFile, domain_checks: list[DomainCheck]) -> list[Finding]:
    findings = storage_findings(bf)
    # domain checks read the current layout: an older file is checked once it has been upgraded
    if all(f.level != "problem" for f in findings) and bf.schema_version() == latest_version():
        for check in domain_checks:
            try:
                findings.extend(check(bf))
            except sqlite3.Error as error:
                if is_damage(error):
                    raise
                raise UnreadableError(f"{bf.path.name} could not be read to check it: {explain(error)}") from None
            except Exception as error:  # noqa: BLE001  one failing check must not hide the others' findings
                name = getattr(check, "__name__", "a check")
                findings.append(Finding("problem", f"the check {name} could not run ({type(error).__name__})",
                                        "report this to your SG Desk support, with the file if you can"))
    return findings
