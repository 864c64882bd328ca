"""Importing spreadsheets: sources (CSV, XLSX), the validate-then-write framework, templates."""

from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportProblems,
    ImportSummary,
    ParsedRow,
    Problem,
    run_import,
)

_SOURCES = ("SourceRow", "SourceTable", "read_table")


def __getattr__(name: str) -> object:
    """The readers of CSV and XLSX files, imported when first asked for: what only uses the framework
    (membership's cells, the app's first paint) does not load zipfile and the XLSX reader."""
    if name in _SOURCES:
        from sgdesk.importing import sources

        return getattr(sources, name)
    raise AttributeError(f"module 'sgdesk.importing' has no attribute {name!r}")


__all__ = [
    "Column",
    "FirstRows",
    "ImportKind",
    "ImportProblems",
    "ImportSummary",
    "ParsedRow",
    "Problem",
    "SourceRow",
    "SourceTable",
    "read_table",
    "run_import",
]
