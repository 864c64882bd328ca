"""The one write path: audited, transactional, undoable actions.

Every change to a board file goes through an :class:`Action`::

    with board_file.edit("Add organisation Essex Police") as ed:
        org_id = ed.insert("organisation", {"name": "Essex Police", "statutory": 1})
        ed.update("organisation", org_id, {"short_name": "Police"})

The block runs in one transaction: on an exception nothing is written. Each insert, update and
delete writes an ``audit_change`` row (table, row, before and after as JSON) under one
``audit_action`` row (when, OS user, description). :meth:`Editor.undo` replays an action's
changes backwards as a new, itself audited, action; :meth:`Editor.redo` replays it forwards.
Each action returns :class:`Changes`, naming the tables and rows it touched, so views refresh
only what they show.

Two operations go beyond rows:

* :meth:`Editor.bulk` is the bulk mode, for files written by the thousand rows (the generated
  stress board): one transaction and one audit action as ever, but rows go in with
  ``executemany`` (:meth:`BulkAction.insert_rows`) and are counted rather than recorded one by
  one, so the action cannot be undone and it ends the session's undo history.
* :meth:`Action.redact` overwrites values already recorded in the audit trail (personal data
  past its retention period), inside the action that removes them from the row itself.
"""

from __future__ import annotations

import datetime as dt
import getpass
import itertools
import json
import re
import sqlite3
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping, Sequence

from sgdesk.errors import BoardFileError, SGDeskError
from sgdesk.store.failures import explain, is_busy

#: pauses (seconds) before trying again a COMMIT that a colleague's read holds up, each try after
#: SQLite's own wait (``busy_timeout``); after the last the change is rolled back and the user told
COMMIT_RETRY_PAUSES = (0.5, 1.0)


@dataclass(frozen=True)
class Changes:
    """What one action changed: ``rows`` maps each table to the ids touched."""

    action_id: int
    description: str
    rows: Mapping[str, frozenset[int]]

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        return any(table in self.rows for table in tables)


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises when no user name is set in the environment
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _sql_value(value: Any) -> Any:
    if value.__class__ in _AS_THEY_ARE:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


#: the values SQLite takes as they are (most of a batch's: told apart at once)
_AS_THEY_ARE = frozenset({str, int, type(None), float, bytes})


#: how audited rows become JSON (one encoder for every row: making one per row costs more than the row)
_JSON = json.JSONEncoder(default=_jsonable, ensure_ascii=False)
#: from this many rows, a batch insert does once for the batch what the table's triggers do once per row: it
#: fills the search index in one statement after the rows (five times faster for an import of 10,000
#: delegates), checks each of its rules (:class:`BatchRule`) in one query and adds the batch to each of its
#: tallies (:class:`BatchTally`) in one statement
BULK_INDEX_ROWS = 100
_AUDIT_INTO = "INSERT INTO audit_change (action_id, seq, table_name, row_id, op, before, after)"
_AUDIT_INSERT = f"{_AUDIT_INTO} VALUES (?, ?, ?, ?, ?, ?, ?)"


@dataclass(frozen=True)
class BatchRule:
    """A rule that a row trigger of a table enforces (``trigger``, its name: a ``RAISE(ABORT, 'message')``
    before each insert), checked once for a whole batch instead (:meth:`Action.insert_many`).

    ``broken`` is a query given the batch's first and last ids (``?, ?``) that finds a row when the rows
    written, taken together, break the rule; the batch then fails with the trigger's own message, as the
    trigger would have failed at the row that broke it.
    """

    trigger: str
    broken: str


@dataclass(frozen=True)
class BatchTally:
    """A trigger that adds each new row of a table to a tally (``trigger``, its name: an ``AFTER INSERT`` that
    writes another table: counts, a latest date), done once for a whole batch instead (:meth:`Action.insert_many`):
    a row whose insert fires a trigger costs more for the trigger's being there than for its work (a training
    booking: 12 µs inserted alone, 26 µs with an empty trigger, 29 µs with the tally's).

    ``add`` is a statement given the batch's first and last ids (``?1``, ``?2``) that adds those rows to the
    tally as the trigger would have, one by one.
    """

    trigger: str
    add: str


#: the message of a trigger's ``RAISE(ABORT, '...')``
_REFUSAL = re.compile(r"RAISE\s*\(\s*ABORT\s*,\s*'((?:[^']|'')*)'\s*\)", re.IGNORECASE)


def _json_object_sql(columns: Sequence[str]) -> str:
    """An SQL expression giving a row's columns as the text :data:`_JSON` makes of them (``{"id": 1, "name":
    "Ann"}``), for rows whose values are all text, whole numbers or NULL: ``json_quote`` escapes text as
    the encoder does (``ensure_ascii=False``: only quotes, backslashes and control characters)."""
    parts = [f"'{{\"{columns[0]}\": ' || json_quote({columns[0]})"]
    parts += [f"', \"{column}\": ' || json_quote({column})" for column in columns[1:]]
    return " || ".join(parts) + " || '}'"


def _check_identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


class Action:
    """An open action; its methods are the only way rows are written."""

    def __init__(self, conn: sqlite3.Connection, action_id: int) -> None:
        self._conn = conn
        self.action_id = action_id
        self._seq = 0
        self._touched: dict[str, set[int]] = defaultdict(set)

    def _row(self, table: str, row_id: int) -> dict[str, Any] | None:
        row = self._conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return None if row is None else dict(row)

    def _log(self, table: str, row_id: int, op: str, before: dict | None, after: dict | None) -> None:
        self._conn.execute(_AUDIT_INSERT, self._audit_row(table, row_id, op, before, after))
        self._touched[table].add(row_id)

    def _audit_row(self, table: str, row_id: int, op: str, before: dict | None, after: dict | None) -> tuple:
        """The next ``audit_change`` row of this action, before and after as JSON."""
        self._seq += 1
        return (self.action_id, self._seq, table, row_id, op,
                None if before is None else _JSON.encode(before), None if after is None else _JSON.encode(after))

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        """Insert one row and return its id (``values`` may carry an explicit ``id``)."""
        table = _check_identifier(table)
        columns = [_check_identifier(c) for c in values]
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            if columns
            else f"INSERT INTO {table} DEFAULT VALUES"
        )
        cursor = self._conn.execute(sql, [_sql_value(v) for v in values.values()])
        row_id = int(cursor.lastrowid)
        self._log(table, row_id, "insert", None, self._row(table, row_id))
        return row_id

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Any]], *,
                    rules: Sequence[BatchRule] = (), tallies: Sequence[BatchTally] = ()) -> list[int]:
        """Insert rows with the same columns in one ``executemany``, each audited (and undone) as if
        inserted alone; returns their ids in order.

        The rows take the table's next ids, given explicitly so that they are known, and their audited
        after is written from the table in one statement. From :data:`BULK_INDEX_ROWS` rows, the
        triggers of ``rules`` and ``tallies`` are dropped for the ``executemany`` and put back as they were,
        inside the same transaction; each rule is checked once for the batch, and each tally added to once.
        """
        rows = list(rows)
        if not rows:
            return []
        table = _check_identifier(table)
        columns = [_check_identifier(c) for c in rows[0] if c != "id"]
        keys = rows[0].keys()
        if any(row.keys() != keys for row in rows):
            raise ValueError(f"rows inserted together into {table} must have the same columns")
        index, suspended, tallied = None, [], []
        if "id" in rows[0]:
            ids = [int(row["id"]) for row in rows]
        else:
            first = self._conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
            ids = list(range(first, first + len(rows)))
            if len(rows) >= BULK_INDEX_ROWS:
                index = self._suspend_search_index(table)
                suspended = [(rule, *self._suspend_rule(table, rule)) for rule in rules]
                tallied = [(tally, self._suspend_tally(table, tally)) for tally in tallies]
        try:
            self._conn.executemany(
                f"INSERT INTO {table} (id, {', '.join(columns)}) VALUES ({', '.join('?' * (len(columns) + 1))})",
                ([row_id, *[_sql_value(row[c]) for c in columns]] for row_id, row in zip(ids, rows)))
        finally:
            if index is not None:
                self._resume_search_index(table, index, ids)
            for _rule, trigger, _refusal in suspended:
                self._conn.execute(trigger)
            for _tally, trigger in tallied:
                self._conn.execute(trigger)
        for tally, _trigger in tallied:
            self._conn.execute(tally.add, (ids[0], ids[-1]))
        for rule, _trigger, refusal in suspended:
            if self._conn.execute(rule.broken, (ids[0], ids[-1])).fetchone() is not None:
                raise sqlite3.IntegrityError(refusal)
        self._log_inserts(table, ids)
        return ids

    def _drop_trigger(self, table: str, name: str) -> str | None:
        """Drop the trigger ``name`` of ``table`` if it has one; returns the SQL that makes it again."""
        found = self._conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
                                   (name, table)).fetchone()
        if found is not None:
            self._conn.execute(f'DROP TRIGGER "{_check_identifier(name)}"')
        return None if found is None else found[0]

    def _suspend_rule(self, table: str, rule: BatchRule) -> tuple[str, str]:
        """Drop the trigger of ``rule``; returns the SQL that makes it again and the message it refuses with."""
        trigger = self._drop_trigger(table, rule.trigger)
        refusal = None if trigger is None else _REFUSAL.search(trigger)
        if refusal is None:
            raise ValueError(f"{table} has no trigger {rule.trigger!r} refusing with RAISE(ABORT, ...) to check for "
                             "the batch")
        return trigger, refusal[1].replace("''", "'")

    def _suspend_tally(self, table: str, tally: BatchTally) -> str:
        """Drop the trigger of ``tally``; returns the SQL that makes it again."""
        trigger = self._drop_trigger(table, tally.trigger)
        if trigger is None:
            raise ValueError(f"{table} has no trigger {tally.trigger!r} to add the batch to its tally for")
        return trigger

    def _suspend_search_index(self, table: str) -> tuple[str, list[str]] | None:
        """Drop the trigger that adds each new row of ``table`` to its search index, if it has one; returns
        what :meth:`_resume_search_index` needs to index the batch in one statement and restore it."""
        if not self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (f"{table}_fts",)).fetchone():
            return None
        trigger = self._drop_trigger(table, f"{table}_ai")
        if trigger is None:
            return None
        return trigger, [_check_identifier(row[1]) for row in self._conn.execute(f'PRAGMA table_info("{table}_fts")')]

    def _resume_search_index(self, table: str, index: tuple[str, list[str]], ids: list[int]) -> None:
        """Index the rows of ``ids`` that were written (all, unless the insert failed part way: the ids
        were free before it), then put the trigger back as it was, all inside the same transaction."""
        trigger, columns = index
        quoted = ", ".join(f'"{column}"' for column in columns)
        self._conn.execute(f'INSERT INTO "{table}_fts" (rowid, {quoted}) SELECT rowid, {quoted} FROM {table} '
                           "WHERE id BETWEEN ? AND ?", (ids[0], ids[-1]))
        self._conn.execute(trigger)

    def _log_inserts(self, table: str, ids: list[int]) -> None:
        if ids != list(range(ids[0], ids[0] + len(ids))):     # explicit ids, not one run: each on its own
            for row_id in ids:
                self._log(table, row_id, "insert", None, self._row(table, row_id))
            return
        columns = [_check_identifier(row[1]) for row in self._conn.execute(f'PRAGMA table_info("{table}")')]
        span = (ids[0], ids[-1])
        if self._conn.execute(f"SELECT 1 FROM {table} WHERE id BETWEEN ? AND ? AND ("
                              + " OR ".join(f"typeof({c}) IN ('real', 'blob')" for c in columns) + ") LIMIT 1",
                              span).fetchone() is None:
            # every value is text, a whole number or NULL: SQLite writes the JSON, as the encoder would
            self._conn.execute(f"{_AUDIT_INTO} SELECT ?, ? + id - ?, ?, id, 'insert', NULL, "
                               f"{_json_object_sql(columns)} FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id",
                               (self.action_id, self._seq + 1, ids[0], table, *span))
            self._seq += len(ids)
        else:
            written = self._conn.execute(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id", span)
            self._conn.executemany(_AUDIT_INSERT, (self._audit_row(table, row["id"], "insert", None, dict(row))
                                                   for row in written))     # one row at a time, never all in memory
        self._touched[table].update(ids)

    def update(self, table: str, row_id: int, values: Mapping[str, Any]) -> bool:
        """Change columns of one row; returns False (and logs nothing) if nothing changed."""
        table = _check_identifier(table)
        before = self._row(table, row_id)
        if before is None:
            raise SGDeskError(f"the {table.replace('_', ' ')} record {row_id} no longer exists: refresh and try again")
        changed = {k: _sql_value(v) for k, v in values.items() if before.get(_check_identifier(k)) != _sql_value(v)}
        if not changed:
            return False
        assignments = ", ".join(f"{column} = ?" for column in changed)
        self._conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), row_id])
        self._log(table, row_id, "update", before, self._row(table, row_id))
        return True

    def delete(self, table: str, row_id: int) -> None:
        table = _check_identifier(table)
        before = self._row(table, row_id)
        if before is None:
            return
        self._conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        self._log(table, row_id, "delete", before, None)

    def redact(self, table: str, row_id: int, values: Mapping[str, Any], *, text: tuple[str, str] | None = None
               ) -> None:
        """Overwrite ``values`` in every recorded before and after of one row, and replace ``text``
        (old, new) in every action's description, so that data removed from the row (a delegate's
        name past the retention period) does not live on in the audit trail."""
        table = _check_identifier(table)
        pairs = [item for column, value in values.items()
                 for item in (f"$.{_check_identifier(column)}", _sql_value(value))]
        marks = ", ".join("?" for _ in pairs)
        for column in ("before", "after"):
            self._conn.execute(f"UPDATE audit_change SET {column} = json_replace({column}, {marks}) "
                               f"WHERE table_name = ? AND row_id = ? AND {column} IS NOT NULL",
                               [*pairs, table, row_id])
        if text is not None:
            old, new = text
            self._conn.execute("UPDATE audit_action SET description = replace(description, ?, ?) "
                               "WHERE instr(description, ?) > 0", (old, new, old))

    def unlink(self, table: str, row_id: int) -> None:
        """Clear every reference to the ``table`` row ``row_id`` that may be empty (each change logged, so undo
        puts the links back): the rows keep what they say and lose only the link."""
        table = _check_identifier(table)
        for (other,) in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            nullable = {row[1] for row in self._conn.execute(f'PRAGMA table_info("{other}")') if not row[3]}
            for key in self._conn.execute(f'PRAGMA foreign_key_list("{other}")').fetchall():
                if key[2] == table and key[3] in nullable:
                    column = _check_identifier(key[3])
                    for (referring,) in self._conn.execute(f"SELECT id FROM {other} WHERE {column} = ?",
                                                           (row_id,)).fetchall():
                        self.update(other, referring, {column: None})

    def touched(self) -> dict[str, frozenset[int]]:
        return {table: frozenset(ids) for table, ids in self._touched.items()}


class BulkAction(Action):
    """An action of :meth:`Editor.bulk`: its rows are counted, not recorded one by one.

    The feature functions (``add_organisation``, ``ensure_fund``...) write through it as through
    any action; :meth:`insert_rows` puts in many rows with one ``executemany``.
    """

    def __init__(self, conn: sqlite3.Connection, action_id: int) -> None:
        super().__init__(conn, action_id)
        self.counts: Counter[str] = Counter()   # rows written, per table
        self.description: str | None = None     # set by describe()

    def _log(self, table: str, row_id: int, op: str, before: dict | None, after: dict | None) -> None:
        if op == "insert":
            self.counts[table] += 1
        self._touched.setdefault(table, set())  # the table was touched; its ids are not kept

    def _log_inserts(self, table: str, ids: list[int]) -> None:
        self.counts[table] += len(ids)
        self._touched.setdefault(table, set())

    def insert_rows(self, table: str, rows: Iterable[Mapping[str, Any]] | Iterable[Sequence[Any]],
                    columns: Sequence[str] | None = None) -> int:
        """Insert ``rows`` with one ``executemany``: dicts with the same keys, or value sequences in
        the order of ``columns``. Returns how many were inserted."""
        rows = iter(rows)
        if columns is None:
            first = next(rows, None)
            if first is None:
                return 0
            columns = list(first)
            rows = ([row[c] for c in columns] for row in itertools.chain([first], rows))  # type: ignore[index]
        table = _check_identifier(table)
        sql = (f"INSERT INTO {table} ({', '.join(_check_identifier(c) for c in columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        cursor = self._conn.executemany(sql, ([_sql_value(value) for value in row] for row in rows))
        self.counts[table] += cursor.rowcount
        self._touched.setdefault(table, set())
        return cursor.rowcount

    def describe(self, description: str) -> None:
        """Give the action its description now that its rows are written (what a generated file holds)."""
        self.description = description
        self._conn.execute("UPDATE audit_action SET description = ? WHERE id = ?", (description, self.action_id))


@dataclass
class Editor:
    """Runs actions on one connection and keeps this session's undo and redo stacks."""

    conn: sqlite3.Connection
    read_only: bool = False
    #: the board file's name, for messages
    name: str = "the board file"
    listeners: list[Callable[[Changes], None]] = field(default_factory=list)
    #: called at the start of each action's transaction, before anything is written (no one else can
    #: write meanwhile); one may raise to refuse the action (the file was moved away, its schema changed)
    before_action: list[Callable[[], None]] = field(default_factory=list)
    _undo: list[tuple[int, str]] = field(default_factory=list)
    _redo: list[tuple[int, str]] = field(default_factory=list)
    _open: bool = False

    def action(self, description: str, *, kind: str = "do", target: int | None = None) -> "_ActionScope":
        if self.read_only:
            raise BoardFileError("this board file is open read-only, so it cannot be changed")
        return _ActionScope(self, description, kind, target)

    def bulk(self, description: str) -> "_BulkScope":
        """One action in bulk mode (:class:`BulkAction`): ``with editor.bulk("Generate…") as ed:``.

        It is all or nothing like any action and recorded as one audit action, but it cannot be
        undone: on success the session's undo and redo history is emptied.
        """
        if self.read_only:
            raise BoardFileError("this board file is open read-only, so it cannot be changed")
        return _BulkScope(self, description, "do", None, record=False)

    # -- undo and redo ---------------------------------------------------------------
    def forget_history(self) -> None:
        """Empty the undo and redo stacks (the audit log keeps everything)."""
        self._undo.clear()
        self._redo.clear()

    @property
    def undo_description(self) -> str | None:
        return self._undo[-1][1] if self._undo else None

    @property
    def redo_description(self) -> str | None:
        return self._redo[-1][1] if self._redo else None

    def undo(self) -> Changes | None:
        """Reverse the latest action of this session; returns what changed, or None."""
        return self._step(self._undo, self._redo, backwards=True)

    def redo(self) -> Changes | None:
        """Apply again the latest undone action; returns what changed, or None."""
        return self._step(self._redo, self._undo, backwards=False)

    def _step(self, source: list[tuple[int, str]], target: list[tuple[int, str]], *,
              backwards: bool) -> Changes | None:
        if not source:
            return None
        action_id, description = source[-1]
        changes = self._replay(action_id, f"{'Undo' if backwards else 'Redo'}: {description}", backwards=backwards)
        target.append(source.pop())
        self._notify(changes)
        return changes

    def _replay(self, action_id: int, description: str, *, backwards: bool) -> Changes:
        rows = self.conn.execute(
            "SELECT table_name, row_id, op, before, after FROM audit_change WHERE action_id = ? ORDER BY seq",
            (action_id,),
        ).fetchall()
        if backwards:
            rows = rows[::-1]
        scope = _ActionScope(self, description, "undo" if backwards else "redo", action_id, record=False)
        with scope as ed:
            for table, row_id, op, before, after in rows:
                old = None if before is None else json.loads(before)
                new = None if after is None else json.loads(after)
                if backwards:
                    op, old, new = {"insert": "delete", "delete": "insert", "update": "update"}[op], new, old
                if op == "insert":
                    ed.insert(table, new)
                elif op == "delete":
                    ed.delete(table, row_id)
                else:
                    ed.update(table, row_id, new)
        return scope.changes

    def _notify(self, changes: Changes) -> None:
        for listener in list(self.listeners):
            listener(changes)


class _ActionScope:
    """Context manager behind :meth:`Editor.action`: one transaction, one audit action."""

    action_type: type[Action] = Action

    def __init__(self, editor: Editor, description: str, kind: str, target: int | None, *, record: bool = True) -> None:
        self.editor = editor
        self.description = description
        self.kind = kind
        self.target = target
        self.record = record
        self.changes: Changes | None = None

    def __enter__(self) -> Action:
        if self.editor._open:
            raise RuntimeError("actions do not nest: finish the open action first")
        conn = self.editor.conn
        _roll_back(conn)   # a transaction a failed ROLLBACK left open
        self.editor._open = True
        try:
            conn.execute("BEGIN IMMEDIATE")
            for check in self.editor.before_action:
                check()
            cursor = conn.execute(
                "INSERT INTO audit_action (at, os_user, description, kind, target_action_id) VALUES (?, ?, ?, ?, ?)",
                (_now(), os_user(), self.description, self.kind, self.target),
            )
        except BaseException as error:
            self.editor._open = False
            _roll_back(conn)
            if isinstance(error, sqlite3.Error):
                raise SaveError(self.editor.name, error) from error
            raise
        self.action = self.action_type(conn, int(cursor.lastrowid))
        return self.action

    def __exit__(self, exc_type, exc, tb) -> bool:
        conn = self.editor.conn
        self.editor._open = False
        if exc_type is not None:
            _roll_back(conn)
            if isinstance(exc, sqlite3.IntegrityError):
                raise SGDeskError(_integrity_message(str(exc))) from exc
            if isinstance(exc, sqlite3.Error):
                raise SaveError(self.editor.name, exc) from exc
            return False
        try:
            _commit(conn)
        except sqlite3.Error as error:
            _roll_back(conn)
            raise SaveError(self.editor.name, error) from error
        self.changes = Changes(self.action.action_id, self.description, self.action.touched())
        if self.record:  # a replay (undo, redo) is recorded and announced by the editor itself
            self.editor._undo.append((self.action.action_id, self.description))
            self.editor._redo.clear()
            self.editor._notify(self.changes)
        return False


class _BulkScope(_ActionScope):
    """Context manager behind :meth:`Editor.bulk`."""

    action_type = BulkAction

    def __exit__(self, exc_type, exc, tb) -> bool:
        super().__exit__(exc_type, exc, tb)
        if exc_type is None:
            self.changes = replace(self.changes, description=self.action.description or self.description)
            self.editor.forget_history()
            self.editor._notify(self.changes)
        return False


class SaveError(BoardFileError):
    """A change that could not be saved: none of it was written, and the file is ready for the next."""

    def __init__(self, name: str, error: sqlite3.Error) -> None:
        self.error = error
        if is_busy(error):
            text = f"a colleague is reading {name}; your change was not saved; try again in a moment"
        else:
            text = f"{name}: your change was not saved: {explain(error)}"
        super().__init__(text)


def _commit(conn: sqlite3.Connection) -> None:
    """COMMIT; one a colleague's read holds up is tried again (:data:`COMMIT_RETRY_PAUSES`)."""
    for pause in (*COMMIT_RETRY_PAUSES, None):
        try:
            conn.execute("COMMIT")
            return
        except sqlite3.OperationalError as error:
            if pause is None or not is_busy(error) or not conn.in_transaction:
                raise
            time.sleep(pause)


def _roll_back(conn: sqlite3.Connection) -> None:
    """End the open transaction, if any: SQLite itself rolls one back on a full drive or an I/O error."""
    for _attempt in range(2):
        if not conn.in_transaction:
            return
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            continue   # the rollback was cut short; SQLite finishes it from its journal on the next try


def _integrity_message(detail: str) -> str:
    if "FOREIGN KEY" in detail:
        return "that change would leave other records pointing at something that no longer exists: remove or move them first"
    if "UNIQUE" in detail:
        column = detail.rsplit(":", 1)[-1].strip()
        return f"that would create a duplicate ({column}): use a different value or edit the existing record"
    if "NOT NULL" in detail:
        column = detail.rsplit(":", 1)[-1].strip()
        return f"a required value is missing ({column}): fill it in"
    return f"that change breaks a rule of the board file ({detail}): check the values"
