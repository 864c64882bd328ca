"""Reading the audit trail: who changed what, when, filtered by date, table and user.

Each change reads as a sentence too (:mod:`sgdesk.safety.audit_words`).

Every change through the write path leaves an ``audit_action`` (when, OS user, description)
and one ``audit_change`` per row touched (before and after as JSON). Entries here are one per
row change (or one per action that changed no rows, such as a restore), newest first.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from sgdesk.atomic import atomic_path
from sgdesk.store import BoardFile
from sgdesk.store.boardfile import owner_only

OPERATIONS = {"insert": "added", "update": "changed", "delete": "deleted"}
CSV_HEADER = ["When", "User", "Action", "What changed", "Kind", "Table", "Record", "Change", "Details", "Before",
              "After"]
#: characters that make a spreadsheet treat a cell as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    """Which changes of the audit trail to show, by days (local, inclusive), table, user and words."""

    start: dt.date | None = None        # first day (local), inclusive
    end: dt.date | None = None          # last day (local), inclusive
    table: str | None = None
    user: str | None = None
    text: str = ""                      # words in the action's description

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["1 = 1"], []
        if self.start is not None:
            clauses.append("a.at >= ?")
            params.append(_utc_bound(self.start))
        if self.end is not None:
            clauses.append("a.at < ?")
            params.append(_utc_bound(self.end + dt.timedelta(days=1)))
        if self.table:
            clauses.append("c.table_name = ?")
            params.append(self.table)
        if self.user:
            clauses.append("a.os_user = ?")
            params.append(self.user)
        for word in self.text.split():
            clauses.append("a.description LIKE ? ESCAPE '!'")
            params.append("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
        return " AND ".join(clauses), params


def _utc_bound(day: dt.date) -> str:
    """The start of a local day as the UTC text the audit log stores."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class AuditEntry:
    """One change in the audit trail: a row before and after (as JSON), and the action that made it."""

    action_id: int
    at: dt.datetime                 # aware
    user: str
    description: str
    kind: str                       # do, undo, redo
    table: str | None = None
    row_id: int | None = None
    op: str | None = None
    before: str | None = None       # JSON
    after: str | None = None        # JSON

    @property
    def change(self) -> str:
        return OPERATIONS.get(self.op or "", "")

    @property
    def local_time(self) -> str:
        return f"{self.at.astimezone():%Y-%m-%d %H:%M:%S}"

    def fields(self) -> list[tuple[str, Any, Any]]:
        """(column, before, after) for each column that differs (or every column of an added or deleted row)."""
        before = json.loads(self.before) if self.before else {}
        after = json.loads(self.after) if self.after else {}
        return [(key, before.get(key), after.get(key)) for key in dict.fromkeys([*before, *after])
                if key != "id" and before.get(key) != after.get(key)]

    def details(self, limit: int = 200) -> str:
        """One line: ``name: 'Old' → 'New'; statutory: 0 → 1``."""
        parts = []
        for key, old, new in self.fields():
            if self.op == "insert":
                parts.append(f"{key}: {_shown(new)}")
            elif self.op == "delete":
                parts.append(f"{key}: {_shown(old)}")
            else:
                parts.append(f"{key}: {_shown(old)} → {_shown(new)}")
        text = "; ".join(parts)
        return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: Any) -> str:
    if value is None:
        return "blank"
    return f"'{value}'" if isinstance(value, str) else str(value)


_SELECT = """
    SELECT a.id, a.at, a.os_user, a.description, a.kind, c.table_name, c.row_id, c.op, c.before, c.after
    FROM audit_action a LEFT JOIN audit_change c ON c.action_id = a.id
    WHERE {where} ORDER BY a.id DESC, c.seq
"""


def iter_entries(bf: BoardFile, flt: AuditFilter = AuditFilter()) -> Iterator[AuditEntry]:
    where, params = flt.where()
    for row in bf.conn.execute(_SELECT.format(where=where), params):
        yield AuditEntry(row[0], dt.datetime.fromisoformat(row[1]), *row[2:])


def entries(bf: BoardFile, flt: AuditFilter = AuditFilter(), limit: int | None = None) -> list[AuditEntry]:
    found = []
    for entry in iter_entries(bf, flt):
        if limit is not None and len(found) >= limit:
            break
        found.append(entry)
    return found


def count_entries(bf: BoardFile, flt: AuditFilter = AuditFilter()) -> int:
    where, params = flt.where()
    return bf.scalar(f"SELECT count(*) FROM audit_action a LEFT JOIN audit_change c ON c.action_id = a.id "
                     f"WHERE {where}", params)


def has_history(bf: BoardFile) -> bool:
    """Whether anything has been recorded in the file's audit trail."""
    return bool(bf.scalar("SELECT EXISTS (SELECT 1 FROM audit_action)"))


def users(bf: BoardFile) -> list[str]:
    return [row[0] for row in bf.query("SELECT DISTINCT os_user FROM audit_action ORDER BY os_user")]


def tables(bf: BoardFile) -> list[str]:
    return [row[0] for row in bf.query("SELECT DISTINCT table_name FROM audit_change ORDER BY table_name")]


def first_day(bf: BoardFile) -> dt.date | None:
    first = bf.scalar("SELECT min(at) FROM audit_action")
    return None if first is None else dt.datetime.fromisoformat(first).astimezone().date()


def _csv_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(bf: BoardFile, flt: AuditFilter, path: Path) -> int:
    """Write the filtered audit trail to ``path`` (readable by its owner only); returns the rows written."""
    from sgdesk.safety.audit_words import AuditWording

    words = AuditWording(bf)
    count = 0
    with atomic_path(path) as temporary, temporary.open("w", newline="", encoding="utf-8-sig") as handle:
        owner_only(temporary)
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for entry in iter_entries(bf, flt):
            writer.writerow([_csv_safe(v) for v in (
                entry.local_time, entry.user, entry.description, words.sentence(entry), entry.kind, entry.table or "",
                "" if entry.row_id is None else entry.row_id, entry.change, entry.details(limit=10_000),
                entry.before or "", entry.after or "")])
            count += 1
    return count
