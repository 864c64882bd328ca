"""The core's own contributions: the organisations import and report, and the demo board."""

from __future__ import annotations

from typing import Any

from sgdesk.errors import InputError
from sgdesk.importing.framework import Column, ImportKind, ImportSummary, ParsedRow, Problem
from sgdesk.organisations import ORG_TYPES, find_organisation, list_organisations, parse_org_type
from sgdesk.reporting import Report, ReportColumn, ReportTable
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


def parse_yes_no(value: Any) -> bool:
    text = str(value).strip().casefold()
    if text in {"y", "yes", "true", "1", "statutory"}:
        return True
    if text in {"n", "no", "false", "0", ""}:
        return False
    raise InputError(f"'{value}'", "is not yes or no", "write Yes or No")


class OrganisationsImport(ImportKind):
    name = "organisations"
    title = "organisations"
    description = ("Partner agencies, shared by every board in the file. Existing organisations (matched by "
                   "name, short name or alias) are updated; new ones are created.")
    columns = (
        Column("name", "Organisation", "the organisation's full name", aliases=("Name", "Agency", "Partner"),
               example="Essex Police"),
        Column("short_name", "Short name", "a short name used in tables", required=False,
               aliases=("Abbreviation", "Short"), example="Police"),
        Column("org_type", "Type", f"one of {', '.join(ORG_TYPES)}", parse=parse_org_type, required=False,
               aliases=("Organisation type", "Sector"), example="police"),
        Column("statutory", "Statutory partner", "Yes for the local authority, police and health",
               parse=parse_yes_no, required=False, aliases=("Statutory",), example="Yes"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, int | None]]:
        seen: dict[str, int] = {}
        planned = []
        for row in rows:
            key = row["name"].casefold()
            if key in seen:
                problems.append(Problem(source, row.number, "Organisation", row["name"],
                                        f"is listed twice (also row {seen[key]})", "keep one row per organisation"))
                continue
            seen[key] = row.number
            planned.append((row, find_organisation(bf, row["name"])))
        return planned

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for row, org_id in plan:
            values = {k: v for k, v in row.values.items() if v is not None}
            if org_id is None:
                ed.insert("organisation", values)
                summary.count("organisations")
            elif ed.update("organisation", org_id, {k: v for k, v in values.items() if k != "name"}):
                summary.count("organisations", "updated")
            else:
                summary.skipped += 1


def organisations_report(bf: BoardFile, board_id: int, period) -> list[ReportTable]:
    columns = [ReportColumn("name", "Organisation"), ReportColumn("short_name", "Short name"),
               ReportColumn("org_type", "Type"), ReportColumn("statutory", "Statutory partner")]
    rows = [{"name": o.name, "short_name": o.short_name or "", "org_type": o.org_type or "",
             "statutory": "Yes" if o.statutory else "No"} for o in list_organisations(bf)]
    return [ReportTable("Organisations", columns, rows)]


def register(registry) -> None:
    from sgdesk.demo.core import build_core_demo

    registry.add_import_kind(OrganisationsImport())
    registry.add_report(Report("organisations", "partner agencies in the file", organisations_report,
                               needs_period=False))
    registry.add_demo_part(0, "board, organisations and sub-groups", build_core_demo)
