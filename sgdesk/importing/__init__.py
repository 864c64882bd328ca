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
from sgdesk.importing.sources import SourceRow, SourceTable, read_table

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
