"""The audit trail in plain English: "Changed the short name of Essex Police from 'Police' to 'Essex Police'".

An audit entry records a table, a row id and the row's columns before and after (see
:mod:`sgdesk.safety.audit`). :class:`AuditWording` turns it into a sentence a business manager
reads without knowing the tables: records by their names (an organisation's name, a seat as
"the Member seat of Essex Police (Southend LSCB)"), ids in other columns as the names of what
they point at, dates as 21 Sep 2017, pence as pounds, 0 and 1 as no and yes. A record that has
since been deleted is named from the audit trail's last record of it.

Tables and columns without words of their own here read as their names do (``action_owner`` is
"action owner"), so a new register's changes read sensibly before it adds any.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from typing import Any, Protocol

from sgdesk.checks import record_tables
from sgdesk.dates import format_date
from sgdesk.membership.marks import MEANINGS
from sgdesk.money import format_money
from sgdesk.store import BoardFile

#: what one row of each table is, where its name says it badly
TABLE_WORDS = {
    "organisation_alias": "other name", "subgroup": "sub-group", "seat_holder": "term", "attendance": "attendance",
    "forward_item": "forward plan item", "contribution_year": "contributions year", "finance_fund": "fund",
    "finance_category": "category", "contribution": "partner contribution", "board_setting": "setting",
    "app_meta": "file setting", "training_org_category": "charging category", "training_booking_event":
    "booking history entry", "assessment_respondent": "response", "assessment_response": "answer",
    "training_anonymisation": "anonymisation",
}
#: what each column is, where its name says it badly
COLUMN_WORDS = {
    "org_type": "type", "statutory": "statutory partner flag", "active_from": "partner-from date",
    "active_to": "partner-to date", "valid_from": "start date", "valid_to": "end date", "starts_on": "start date",
    "ends_on": "end date", "meets_on": "date", "starts_at": "start time", "label": "published name",
    "tor_review_on": "terms of reference review date", "frequency": "meeting frequency", "year_start": "year",
    "entry_date": "date", "party": "supplier or payer", "in_kind": "in-kind flag", "ring_fenced": "ring-fenced flag",
    "share_ppm": "share", "paper_due_on": "paper due date", "session_date": "date", "kind": "capacity",
    "score_halves": "score", "submitted_on": "date returned", "queue_no": "place on the waiting list",
    "position": "place in the list", "default_capacity": "usual number of places", "person": "completed by",
    "substitute_for": "booking substituted", "related_booking_id": "related booking",
}
#: columns that only repeat others (a search key is the name and email, lower-cased)
QUIET_COLUMNS = frozenset({"id", "search_key"})
#: the columns that name a record, in the order they are tried
NAME_COLUMNS = ("name", "title", "alias", "label", "description", "code", "key", "tool_key")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHOICE = re.compile(r"CHECK\s*\(\s*(\w+)\s+IN\s*\(\s*0\s*,\s*1\s*\)\s*\)", re.IGNORECASE)


class Change(Protocol):
    """One change of the audit trail, as :class:`sgdesk.safety.audit.AuditEntry` holds it."""

    description: str
    table: str | None
    row_id: int | None
    op: str | None
    before: str | None     # JSON
    after: str | None      # JSON


def table_words(table: str) -> str:
    """What one row of ``table`` is: ``ledger_entry`` is a "ledger entry", ``training_session`` a "session".

    >>> table_words("training_session"), table_words("subgroup"), table_words("ledger_entry")
    ('session', 'sub-group', 'ledger entry')
    """
    if table in TABLE_WORDS:
        return TABLE_WORDS[table]
    return table.removeprefix("training_").removeprefix("assessment_").replace("_", " ")


def column_words(column: str) -> str:
    """What ``column`` holds, in words: ``org_type`` is the "type", ``organisation_id`` the "organisation"."""
    if column in COLUMN_WORDS:
        return COLUMN_WORDS[column]
    return column.removesuffix("_id").removesuffix("_pence").replace("_", " ")


class AuditWording:
    """Sentences for audit entries of one board file; names are looked up once and remembered."""

    def __init__(self, bf: BoardFile) -> None:
        self.bf = bf
        self._names: dict[tuple[str, int], str] = {}
        self._keys: dict[str, dict[str, str]] = {}
        self._flags: dict[str, frozenset[str]] = {}
        self._known: frozenset[str] | None = None

    # -- sentences -------------------------------------------------------------------------------------
    def sentence(self, entry: Change) -> str:
        """What the change did, in one sentence (the action's own description when it changed no row)."""
        if entry.table is None or entry.row_id is None:
            return entry.description
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        if entry.op == "insert":
            return f"Added {self.phrase(entry.table, entry.row_id, after)}"
        if entry.op == "delete":
            return f"Deleted {self.phrase(entry.table, entry.row_id, before)}"
        changes = [(column, before.get(column), after.get(column)) for column in dict.fromkeys([*before, *after])
                   if column not in QUIET_COLUMNS and before.get(column) != after.get(column)]
        if not changes:
            return f"Saved {self.phrase(entry.table, entry.row_id, before)} unchanged"
        values = [f"from {self.value(entry.table, column, old)} to {self.value(entry.table, column, new)}"
                  for column, old, new in changes]
        first = f"the {column_words(changes[0][0])} of {self.name(entry.table, entry.row_id, before)} {values[0]}"
        parts = [first] + [f"the {column_words(column)} {text}" for (column, _o, _n), text in zip(changes[1:],
                                                                                                   values[1:])]
        return "Changed " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1])

    # -- records ---------------------------------------------------------------------------------------
    def phrase(self, table: str, row_id: int, row: dict[str, Any] | None = None) -> str:
        """The record with what it is: "the organisation Essex Police", "the Member seat of Essex Police (…)"."""
        found = self._row(table, row_id, row)
        composed = _COMPOSED.get(table)
        if composed is not None and found:
            return composed(self, found)
        return f"the {table_words(table)} {_own_name(found) or row_id}"

    def name(self, table: str, row_id: int, row: dict[str, Any] | None = None) -> str:
        """The record's name alone where it has one ("Essex Police"), else its phrase."""
        key = (table, row_id)
        if row is None and key in self._names:
            return self._names[key]
        found = self._row(table, row_id, row)
        own = None if table in _COMPOSED else _own_name(found)
        text = own if own is not None else self.phrase(table, row_id, found)
        if row is None:
            self._names[key] = text
        return text

    def value(self, table: str, column: str, value: Any) -> str:
        """A column's value in words: names for ids, dates, money, yes and no, 'quoted' text, blank."""
        if value is None or value == "":
            return "blank"
        target = self._references(table).get(column)
        if target is not None and isinstance(value, int):
            return self.name(target, value)
        if table == "attendance" and column == "mark" and value in MEANINGS:
            return f"{value} ({MEANINGS[value]})"
        if column in self._yes_no(table) and value in (0, 1):
            return "yes" if value else "no"
        if column.endswith("_pence") and isinstance(value, int):
            return format_money(value)
        if column == "year_start" and isinstance(value, int):
            return f"{value}/{(value + 1) % 100:02d}"
        if isinstance(value, str) and _ISO_DATE.match(value):
            from datetime import date

            return format_date(date.fromisoformat(value))
        return f"'{value}'" if isinstance(value, str) else str(value)

    def _row(self, table: str, row_id: int, row: dict[str, Any] | None) -> dict[str, Any]:
        """``row`` if given, else the record as it is now, else as the audit trail last recorded it."""
        if row is not None:
            return row
        current = None
        if table in self._tables():   # the trail's table names come from the file: only real tables are read
            try:
                current = self.bf.query_one(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
            except sqlite3.DatabaseError:
                current = None
        if current is not None:
            return dict(current)
        last = self.bf.query_one("SELECT coalesce(after, before) FROM audit_change WHERE table_name = ? AND row_id = ? "
                                 "ORDER BY id DESC LIMIT 1", (table, row_id))
        return json.loads(last[0]) if last is not None and last[0] else {}

    # -- the schema --------------------------------------------------------------------------------------
    def _tables(self) -> frozenset[str]:
        if self._known is None:
            self._known = frozenset(record_tables(self.bf.conn))
        return self._known

    def _references(self, table: str) -> dict[str, str]:
        """Each column of ``table`` that holds another record's id, and that record's table."""
        if table not in self._keys:
            self._keys[table] = {row[3]: row[2] for row in self.bf.query(f'PRAGMA foreign_key_list("{table}")')
                                 } if table in self._tables() else {}
        return self._keys[table]

    def _yes_no(self, table: str) -> frozenset[str]:
        """The columns of ``table`` that hold 0 or 1 (``CHECK (x IN (0, 1))``)."""
        if table not in self._flags:
            sql = self.bf.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)) or ""
            self._flags[table] = frozenset(_CHOICE.findall(sql))
        return self._flags[table]


def _possessive(name: str) -> str:
    """``Essex Police's``, ``Children's Services'``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _own_name(row: dict[str, Any]) -> str | None:
    return next((str(row[column]) for column in NAME_COLUMNS if row.get(column) not in (None, "")), None)


# -- records named by what they belong to ---------------------------------------------------------------
def _body(words: AuditWording, row: dict[str, Any]) -> str:
    if row.get("subgroup_id"):
        return words.name("subgroup", row["subgroup_id"])
    board = words._row("board", row["board_id"], None) if row.get("board_id") else {}
    return board.get("short_name") or board.get("name") or "the board"


def _seat(words: AuditWording, row: dict[str, Any]) -> str:
    holder = row.get("label") or words.name("organisation", row["organisation_id"])
    return f"the {row.get('role', 'Member')} seat of {holder} ({_body(words, row)})"


def _meeting(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the {_body(words, row)} meeting of {words.value('meeting', 'meets_on', row['meets_on'])}"


def _seat_holder(words: AuditWording, row: dict[str, Any]) -> str:
    kind = "deputy" if row.get("kind") == "deputy" else "representative"
    return f"{_possessive(words.name('person', row['person_id']))} term as {kind} in {words.name('seat', row['seat_id'])}"


def _attendance(words: AuditWording, row: dict[str, Any]) -> str:
    return (f"the attendance of {words.name('seat', row['seat_id'])} at "
            f"{words.name('meeting', row['meeting_id'])}")


def _session(words: AuditWording, row: dict[str, Any]) -> str:
    return (f"the {words.name('training_course', row['course_id'])} session of "
            f"{words.value('training_session', 'session_date', row['session_date'])}")


def _booking(words: AuditWording, row: dict[str, Any]) -> str:
    return (f"{_possessive(words.name('training_delegate', row['delegate_id']))} booking on "
            f"{words.name('training_session', row['session_id'])}")


def _respondent(words: AuditWording, row: dict[str, Any]) -> str:
    return (f"{_possessive(words.name('organisation', row['organisation_id']))} response to "
            f"{words.name('assessment_round', row['round_id'])}")


def _answer(words: AuditWording, row: dict[str, Any]) -> str:
    return (f"the answer to statement {words.name('assessment_statement', row['statement_id'])} in "
            f"{words.name('assessment_respondent', row['respondent_id'])}")


def _alias(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the other name {row.get('alias')} of {words.name('organisation', row['organisation_id'])}"


def _contributions(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the partner contributions of {words.value('contribution_year', 'year_start', row['year_start'])}"


def _charging_category(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the charging category of {words.name('organisation', row['organisation_id'])}"


def _booking_event(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the '{row.get('event')}' entry in the history of {words.name('training_booking', row['booking_id'])}"


def _evaluation(words: AuditWording, row: dict[str, Any]) -> str:
    return f"the evaluation of {words.name('training_booking', row['booking_id'])}"


_COMPOSED: dict[str, Callable[[AuditWording, dict[str, Any]], str]] = {
    "seat": _seat, "meeting": _meeting, "seat_holder": _seat_holder, "attendance": _attendance,
    "training_session": _session, "training_booking": _booking, "assessment_respondent": _respondent,
    "assessment_response": _answer, "contribution_year": _contributions, "training_org_category": _charging_category,
    "training_booking_event": _booking_event, "training_evaluation": _evaluation, "organisation_alias": _alias,
}
