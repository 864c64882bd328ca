"""Validate every row, then write all or nothing.

A feature defines an :class:`ImportKind`: its columns (with aliases and a parser per cell), a
``plan`` step that checks rows against the board file (unknown names, duplicates...) and an
``apply`` step that writes through the audited write path. :func:`run_import` reads the source,
collects every problem from every row before writing anything, and writes in one action.

Headers match ignoring case, spaces and punctuation: "Share %", "share", "SHARE_%" are alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable

from sgdesk.errors import InputError, SGDeskError
from sgdesk.matching import normalise_header
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


@dataclass(frozen=True)
class Column:
    """One column an import kind reads.

    ``parse`` turns a non-blank cell into a value or raises :class:`InputError`; blank cells
    become None (or a problem, when ``required``).
    """

    key: str
    label: str
    help: str
    parse: Callable[[Any], Any] = lambda value: str(value).strip()
    required: bool = True
    aliases: tuple[str, ...] = ()
    example: str = ""

    def names(self) -> set[str]:
        return {normalise_header(self.label), *(normalise_header(a) for a in self.aliases)}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the source, with where it is and how to fix it."""

    file: str
    row: int | None
    column: str | None
    value: Any
    why: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f" '{self.value}'"
        text = f"{where}:{value} {self.why}"
        return f"{text}; {self.fix}" if self.fix else text


class FirstRows:
    """The first row each key appears on, so a repeated record is reported against it.

    >>> problems = []
    >>> first = FirstRows("agencies.csv", problems)
    >>> first.is_repeat("police", 2, "Organisation", "Police", "is listed twice", "keep one row")
    False
    >>> first.is_repeat("police", 5, "Organisation", "police", "is listed twice", "keep one row")
    True
    >>> str(problems[0])
    "agencies.csv row 5, column 'Organisation': 'police' is listed twice (also row 2); keep one row"
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self._source = source
        self._problems = problems
        self._rows: dict[Any, int] = {}

    def is_repeat(self, key: Any, row: int, column: str, value: Any, why: str, fix: str) -> bool:
        """Whether ``key`` was seen on an earlier row (then a problem names that row)."""
        first = self._rows.setdefault(key, row)
        if first == row:
            return False
        self._problems.append(Problem(self._source, row, column, value, f"{why} (also row {first})", fix))
        return True


class ImportProblems(SGDeskError):
    """The source has problems; nothing was written. ``problems`` lists each one."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        first = str(problems[0]) if problems else ""
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"nothing was imported from {source}: {first}{more}")

    def report(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


@dataclass(slots=True)
class ParsedRow:
    """A source row after every cell has been parsed; ``values`` is keyed by column key."""

    number: int
    values: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)  # unmatched headers -> cell, for kinds that read them
    headers: dict[str, str] = field(default_factory=dict)  # column key -> its heading in the source

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def header(self, key: str, label: str) -> str:
        """The heading the source gives column ``key`` (``label`` when the source has no such column), so a
        problem found after parsing names the column as the file does."""
        return self.headers.get(key, label)


@dataclass
class ImportSummary:
    """What an import did (or would do, in a dry run)."""

    kind: str
    source: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, what: str, bucket: str = "created", n: int = 1) -> None:
        counts = self.created if bucket == "created" else self.updated
        counts[what] = counts.get(what, 0) + n

    def lines(self) -> list[str]:
        head = f"{'Would import' if self.dry_run else 'Imported'} {self.source} as {self.kind}"
        lines = [head + (" (dry run: nothing was written)" if self.dry_run else "")]
        for label, counts in (("created", self.created), ("updated", self.updated)):
            for what, n in counts.items():
                lines.append(f"  {n} {what} {label}")
        if self.skipped:
            lines.append(f"  {self.skipped} rows skipped (already present, unchanged)")
        lines.extend(f"  note: {note}" for note in self.notes)
        return lines


class ImportKind:
    """Base class of an import kind. Subclasses set the class attributes and ``apply``."""

    name: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    #: accept headers that match no column (e.g. one column per meeting date) into ParsedRow.extra
    extra_columns: ClassVar[bool] = False
    extra_columns_help: ClassVar[str] = ""

    # -- step 1: the source, its headers and cells ---------------------------------------
    def read(self, source: str | Path) -> Any:
        """The source as a table whose first non-blank row holds the headings; a kind that reads
        published layouts (title rows, years as columns) returns its own table for ``parse_rows``."""
        from sgdesk.importing.sources import read_table

        return read_table(source)

    def match_headers(self, headers: tuple[str, ...], source: str, problems: list[Problem]) -> dict[str, int]:
        positions: dict[str, int] = {}
        seen: dict[str, int] = {}
        for index, header in enumerate(headers):
            if not header:
                continue
            key = normalise_header(header)
            if key in seen:
                problems.append(Problem(source, None, header, None, "appears twice in the header row",
                                        "keep one column with this heading"))
                continue
            seen[key] = index
            column = next((c for c in self.columns if key in c.names()), None)
            if column is not None:
                if column.key in positions:
                    problems.append(Problem(source, None, header, None,
                                            f"is another name for '{column.label}', which is already there",
                                            "keep one of the two columns"))
                    continue
                positions[column.key] = index
            elif not self.extra_columns:
                known = ", ".join(c.label for c in self.columns)
                problems.append(Problem(source, None, header, None, "is not a column SG Desk reads for "
                                        f"{self.name}", f"rename or remove it (columns: {known})"))
        for column in self.columns:
            if column.required and column.key not in positions:
                problems.append(Problem(source, None, column.label, None, "is missing from the header row",
                                        f"add a column headed '{column.label}' ({column.help})"))
        return positions

    def parse_rows(self, table, problems: list[Problem]) -> list[ParsedRow]:
        positions = self.match_headers(table.headers, table.name, problems)
        by_key = {c.key: c for c in self.columns}
        used = set(positions.values())
        parsed: list[ParsedRow] = []
        headers = {key: table.headers[index] for key, index in positions.items()}
        reads = [(key, index, by_key[key], table.headers[index]) for key, index in positions.items()]
        parse_cell, name = self.parse_cell, table.name
        for row in table.rows:
            cells, number = row.cells, row.number
            width = len(cells)
            values: dict[str, Any] = {
                key: parse_cell(column, cells[index] if index < width else None, name, number, header, problems)
                for key, index, column, header in reads}
            extra = {
                table.headers[i]: row.cells[i]
                for i in range(len(table.headers))
                if i not in used and table.headers[i] and i < len(row.cells)
            } if self.extra_columns else {}
            parsed.append(ParsedRow(row.number, values, extra, headers))
        return parsed

    @staticmethod
    def parse_cell(column: Column, cell: Any, source: str, row: int, header: str, problems: list[Problem]) -> Any:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            if column.required:
                problems.append(Problem(source, row, header, None, "is empty", f"fill in {column.help}"))
            return None
        try:
            return column.parse(cell)
        except InputError as error:
            problems.append(Problem(source, row, header, cell, error.why, error.fix))
            return None

    # -- step 2 and 3: feature logic ----------------------------------------------------
    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> Any:
        """Check rows against each other and the board file; return what ``apply`` needs."""
        return rows

    def readable(self, rows: list[Any], unread: set[int | None]) -> list[Any]:
        """The parsed rows to check against the board: those of no row with a problem (``unread``)."""
        return [row for row in rows if row.number not in unread]

    def apply(self, plan: Any, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        raise NotImplementedError(f"{type(self).__name__}.apply")

    # -- documentation --------------------------------------------------------------------
    def template_headers(self) -> list[str]:
        return [column.label for column in self.columns]


class _DryRun(Exception):
    """Raised inside the write to roll it back after a dry run has counted everything."""


def run_import(bf: BoardFile, kind: ImportKind, source: str | Path, board_id: int, *,
               dry_run: bool = False) -> ImportSummary:
    """Import ``source`` as ``kind`` into the board; all or nothing.

    Raises :class:`ImportProblems` listing every problem found; nothing is written then.
    """
    table = kind.read(source)
    name = table.name
    problems: list[Problem] = []
    rows = kind.parse_rows(table, problems)
    del table   # each step keeps only what the next needs: the cells go once parsed, the parsed rows once planned
    if not rows and not problems:
        problems.append(Problem(name, None, None, None, "has headings but no rows",
                                "add one record per row below the headings"))
    plan = None
    if not any(problem.row is None for problem in problems):   # the headings are right: check the rows that read
        unread = {problem.row for problem in problems}
        plan = kind.plan(kind.readable(rows, unread), bf, board_id, name, problems)
    if problems:
        raise ImportProblems(name, sorted(problems, key=_problem_order))
    del rows
    summary = ImportSummary(kind.name, name, dry_run=dry_run)
    try:
        with bf.edit(f"Import {name} ({kind.title})") as ed:
            kind.apply(plan, ed, bf, board_id, summary)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass  # rolled back: a dry run writes nothing and leaves no undo step
    return summary


def _problem_order(problem: Problem) -> tuple[int, str]:
    return (problem.row or 0, problem.column or "")


def describe_columns(kind: ImportKind) -> Iterable[tuple[str, str, str, str]]:
    """(label, required, aliases, help) per column, for documentation and templates."""
    for column in kind.columns:
        yield column.label, "yes" if column.required else "no", ", ".join(column.aliases), column.help
