"""The import reference (docs/import-formats.md) and blank templates, made from the kinds.

Generated, never hand-edited, so the documentation cannot drift from what the importer reads.
"""

from __future__ import annotations

import csv
import io

from sgdesk.importing.framework import ImportKind, describe_columns

INTRO = """# Import formats

Generated from the importers by `python build_scripts/make_import_docs.py`; do not edit by hand.

Import a `.csv` or `.xlsx` file (first sheet) with `sgdesk import FILE KIND SOURCE`, or from the
app. The first non-blank row holds the column headings. Headings match whatever their case,
spaces and punctuation (`Share %`, `share`, `SHARE_%` are the same), and each column also
accepts the other headings listed. Columns may come in any order.

Every row is checked before anything is written. If any row has a problem, nothing is
imported and every problem is listed with its row, column, the value and how to fix it. Add
`--dry-run` to check a file and see what it would create without writing anything. Blank
templates for each kind are in `resources/templates/`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def kind_section(kind: ImportKind) -> str:
    lines = [f"## `{kind.name}`: {kind.title}", "", kind.description, "",
             "| Column | Required | Also accepted | What to put |", "| --- | --- | --- | --- |"]
    for label, required, aliases, help_text in describe_columns(kind):
        lines.append(f"| {_cell(label)} | {required} | {_cell(aliases) or '-'} | {_cell(help_text)} |")
    if kind.extra_columns:
        lines += ["", kind.extra_columns_help]
    example = [c.example for c in kind.columns]
    if any(example):
        lines += ["", "Example row: " + ", ".join(f"`{e}`" if e else "(blank)" for e in example)]
    return "\n".join(lines) + "\n"


def reference(kinds: dict[str, ImportKind]) -> str:
    return INTRO + "\n" + "\n".join(kind_section(kinds[name]) for name in sorted(kinds))


def template_csv(kind: ImportKind) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(kind.template_headers())
    return out.getvalue()
