"""Search everywhere: every feature's records found by their words as the user types.

A feature makes a table searchable with ``registry.add_search(Searchable(...))``, naming the table,
its text columns, what one record is called, the view that opens it and a ``describe`` query. The
index is SQLite full-text search (FTS5), built by sqlite-utils' ``enable_fts`` as an external-content
table ``<table>_fts`` with the triggers that keep it in step with the table, so every change made
through the write path (and its undo and redo) updates it in the same transaction. The index is a
schema object, so a migration builds it: :func:`index_sql` prints what to put there, and a test
checks that the board schema holds exactly that for every registered table.

Each word typed matches the start of a word in the record (``sia jon`` finds Sian Jones). Records
whose title has every word come first (the organisation Essex Police before the delegates whose
email ends @essex.police.uk), then kind by kind in the order the features registered them, each
kind's best matches first (FTS5's bm25 rank). A kind with more than :data:`RANKED_AT_MOST`
matches (a single letter, or the county's name in every email address) gives its
:data:`LATEST_OF_MANY` latest matching records instead: ranking them all would take longer than a
keystroke may, and the user is still typing.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sgdesk.dates import format_date, parse_date
from sgdesk.money import format_money
from sgdesk.store import BoardFile

if TYPE_CHECKING:
    import sqlite_utils

#: hits shown at most for one search
LIMIT = 50
#: a kind with more matching records than this shows its latest ones, unranked
RANKED_AT_MOST = 500
LATEST_OF_MANY = 10
#: the latest matches those are chosen from (the ones on other boards left out)
CHOSEN_FROM = 200
_TERM = re.compile(r'"[^"]*"')
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Searchable:
    """A table whose records search everywhere finds.

    ``describe`` is a query giving, for every row of ``table``, the columns ``id``, ``title`` (what
    the record is, e.g. an organisation's name), ``detail`` (a short second line, or NULL) and
    ``board_id`` (the board the record belongs to, or NULL for records every board shares, such as
    organisations). It may call ``format_date(iso)`` for a date as ``21 Sep 2017`` and
    ``format_money(pence)`` for an amount as ``£1,234.56``.
    """

    table: str                  # e.g. "ledger_entry"; its index is ``<table>_fts``, built by a migration
    columns: tuple[str, ...]    # the text columns the index holds
    label: str                  # what one record is called, e.g. "Ledger entry"
    view: str                   # the key of the sidebar view that shows the record (viewspecs)
    describe: str

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"


@dataclass(frozen=True)
class SearchHit:
    """One record search everywhere found: what kind it is, its title and detail, and the view that opens it."""

    label: str          # what the record is: "Organisation", "Training session"...
    title: str
    detail: str
    view: str
    table: str
    record_id: int
    rank: float         # lower is better (bm25); 0 for the latest records of a kind with many matches


def match_expression(db: sqlite_utils.Database, text: str) -> str | None:
    """The FTS5 query for what the user typed: each word (or "quoted phrase") as a prefix; None if nothing to find.

    Characters FTS5 would read as operators (``AND``, ``-``, ``*``, ``:``, brackets) are quoted away by
    sqlite-utils' ``quote_fts``.
    """
    terms = [term for term in _TERM.findall(db.quote_fts(text)) if _WORD.search(term)]
    return " ".join(f"{term}*" for term in terms) or None


class _Queries:
    """One board file's search SQL for each searchable table, built once (sqlite-utils reads the schema)."""

    def __init__(self, bf: BoardFile) -> None:
        bf.conn.create_function("format_date", 1, _format_iso_date, deterministic=True)
        bf.conn.create_function("format_money", 1, _format_pence, deterministic=True)
        self._bf = bf
        self._sql: dict[tuple[str, str], str] = {}

    def latest(self, searchable: Searchable) -> str:
        """The newest matching rows, at most one more than are ranked (FTS5 reads them in rowid order)."""
        return self._cached(searchable, "latest", lambda: (
            f'SELECT rowid FROM "{searchable.fts_table}" WHERE "{searchable.fts_table}" MATCH :query '
            f"ORDER BY rowid DESC LIMIT {RANKED_AT_MOST + 1}"))

    def ranked(self, searchable: Searchable) -> str:
        """The board's best matches, described (sqlite-utils' search query, ranked by bm25)."""
        return self._cached(searchable, "ranked", lambda: self._described(
            self._bf.db[searchable.table].search_sql(columns=["id"], include_rank=True), searchable,
            "found.rank", "ORDER BY found.rank"))

    def chosen(self, searchable: Searchable) -> str:
        """The board's records among the ids in ``:ids`` (a JSON list), described, in that order."""
        return self._cached(searchable, "chosen", lambda: self._described(
            "SELECT value AS id, key AS position FROM json_each(:ids)", searchable, "0", "ORDER BY found.position"))

    @staticmethod
    def _described(found: str, searchable: Searchable, rank: str, order: str) -> str:
        return (f"SELECT record.id, record.title, record.detail, {rank} FROM ({found}) AS found "
                f"JOIN ({searchable.describe}) AS record ON record.id = found.id "
                f"WHERE record.board_id IS NULL OR record.board_id = :board {order} LIMIT :limit")

    def _cached(self, searchable: Searchable, kind: str, build) -> str:
        key = (searchable.table, kind)
        if key not in self._sql:
            self._sql[key] = build()
        return self._sql[key]


_queries: WeakKeyDictionary[BoardFile, _Queries] = WeakKeyDictionary()


def search(bf: BoardFile, text: str, board_id: int | None, searchables: Iterable[Searchable], *,
           limit: int = LIMIT) -> list[SearchHit]:
    """The records of board ``board_id`` (and those every board shares) matching ``text``, best first,
    among ``searchables`` (the registry's, ``registry.load().searchables``)."""
    expression = match_expression(bf.db, text)
    if expression is None:
        return []
    queries = _queries_for(bf)
    words = [" " + " ".join(_words(term.strip('"'))) for term in _TERM.findall(expression)]
    found: list[tuple[bool, int, float, SearchHit]] = []
    for order, searchable in enumerate(searchables):
        for record_id, title, detail, rank in _matches(bf, queries, searchable, expression, board_id, limit):
            hit = SearchHit(searchable.label, title or "", detail or "", searchable.view, searchable.table,
                            int(record_id), float(rank))
            found.append((not _has_every_word(hit.title, words), order, hit.rank, hit))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found[:limit]]


def _matches(bf: BoardFile, queries: _Queries, searchable: Searchable, expression: str, board_id: int | None,
             limit: int) -> list[tuple]:
    latest = [row[0] for row in bf.conn.execute(queries.latest(searchable), {"query": expression})]
    if not latest:
        return []
    if len(latest) > RANKED_AT_MOST:
        newest = latest[:CHOSEN_FROM]
        return bf.conn.execute(queries.chosen(searchable), {"ids": json.dumps(newest), "board": board_id,
                                                            "limit": min(limit, LATEST_OF_MANY)}).fetchall()
    return bf.conn.execute(queries.ranked(searchable), {"query": expression, "board": board_id,
                                                        "limit": limit}).fetchall()


def prepare(bf: BoardFile, searchables: Iterable[Searchable]) -> None:
    """Load what searching needs (sqlite-utils, each table's queries) before the first keystroke needs it."""
    queries = _queries_for(bf)
    for searchable in searchables:
        for build in (queries.latest, queries.ranked, queries.chosen):
            build(searchable)


def _queries_for(bf: BoardFile) -> _Queries:
    if bf not in _queries:
        _queries[bf] = _Queries(bf)
    return _queries[bf]


def _words(text: str) -> list[str]:
    """The words of ``text`` as FTS5's unicode61 tokenizer reads them: lower case, no accents (Siân is sian)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORDS.findall(text.casefold())


def _has_every_word(title: str, words: list[str]) -> bool:
    """Whether each of ``words`` (typed words or phrases, each after a space) starts a word of ``title``."""
    title_words = " " + " ".join(_words(title))
    return all(word in title_words for word in words)


def rebuild_index(bf: BoardFile, table: str) -> None:
    """Index ``table`` afresh from its rows, inside the open action: FTS5 keeps a removed word in its pages
    until they merge, so personal data that is removed (anonymised delegates) is removed from the index too."""
    fts = f"{table}_fts"
    bf.conn.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')')


def _format_pence(value: int | None) -> str | None:
    return format_money(value) if isinstance(value, int) else None


def _format_iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return format_date(parse_date(value[:10]))
    except ValueError:
        return value


# -- the index, as a migration builds it ---------------------------------------------------------------------
def index_sql(conn: sqlite3.Connection, searchable: Searchable) -> list[str]:
    """The statements that build ``searchable``'s index, for a migration: what sqlite-utils' ``enable_fts``
    runs (the FTS5 table, filling it from the table's rows, and the insert, delete and update triggers).

    ``conn`` is a board file whose schema has the table; nothing is written to it.
    """
    return _enabled_on_a_copy(conn, searchable)[0]


def index_is_built(conn: sqlite3.Connection, searchable: Searchable) -> bool:
    """Whether ``conn``'s schema holds ``searchable``'s index exactly as :func:`index_sql` builds it."""
    return index_objects(conn, searchable) == _enabled_on_a_copy(conn, searchable)[1]


def index_objects(conn: sqlite3.Connection, searchable: Searchable) -> dict[str, str]:
    """The index's schema objects in ``conn`` (the FTS5 table and its three triggers): name -> SQL."""
    names = (searchable.fts_table, *(f"{searchable.table}{suffix}" for suffix in ("_ai", "_ad", "_au")))
    rows = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                        names).fetchall()
    return {name: " ".join(sql.split()) for name, sql in rows}


def _enabled_on_a_copy(conn: sqlite3.Connection, searchable: Searchable) -> tuple[list[str], dict[str, str]]:
    """``enable_fts`` on an empty copy of the table: the statements it ran, and the objects they made."""
    from sgdesk.store.sqlite import sqlite_utils_database

    create = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                          (searchable.table,)).fetchone()
    if create is None:
        raise ValueError(f"the board schema has no table {searchable.table!r}")
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        scratch.execute(create[0])
        db = sqlite_utils_database(scratch)
        seen: list[str] = []
        scratch.set_trace_callback(seen.append)
        db[searchable.table].enable_fts(list(searchable.columns), create_triggers=True)
        scratch.set_trace_callback(None)
        made = index_objects(scratch, searchable)
    finally:
        scratch.close()
    statements = [statement.strip() for statement in seen if not statement.lstrip().startswith("--")
                  and not statement.lstrip().lower().startswith(("select", "pragma"))]
    return statements, made
