"""Import kind ``organisations``: partner agencies, their other names and the dates they were active."""

from __future__ import annotations

from sgdesk.core_feature import parse_yes_no
from sgdesk.dates import parse_date
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.membership.cells import (
    ALIASES_HELP,
    AliasSpec,
    check_date_order,
    parse_aliases,
)
from sgdesk.organisations import ORG_TYPES, find_organisation, parse_org_type
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_ORGANISATION_FIELDS = ("name", "short_name", "org_type", "statutory", "active_from", "active_to")


class OrganisationsImport(ImportKind):
    name = "organisations"
    title = "organisations"
    description = ("Partner agencies, shared by every board in the file. Existing organisations (matched by "
                   "name, short name or alias) are updated; new ones are created. Other names (a PCT that "
                   "became a CCG, an agency that merged) are kept as aliases with the dates they were used, so "
                   "old spreadsheets still match.")
    columns = (
        Column("name", "Organisation", "the organisation's full name", aliases=("Name", "Agency", "Partner"),
               example="Essex Police"),
        Column("short_name", "Short name", "a short name used in tables", required=False,
               aliases=("Abbreviation", "Short"), example="Police"),
        Column("org_type", "Type", f"one of {', '.join(ORG_TYPES)}", parse=parse_org_type, required=False,
               aliases=("Organisation type", "Sector"), example="police"),
        Column("statutory", "Statutory partner", "Yes for the local authority, police and health",
               parse=parse_yes_no, required=False, aliases=("Statutory",), example="Yes"),
        Column("aliases", "Also known as", ALIASES_HELP, parse=parse_aliases, required=False,
               aliases=("Aliases", "Alias", "Other names", "Former names", "AKA"),
               example="Southend Police (until 31/03/2019)"),
        Column("active_from", "Active from", "the date it became a partner, if known (e.g. 01/04/2013)",
               parse=parse_date, required=False, aliases=("Partner from", "Joined", "Start date"),
               example="01/04/2013"),
        Column("active_to", "Active to", "the date it stopped being a partner (merged, closed), if it has",
               parse=parse_date, required=False, aliases=("Partner to", "Left", "End date", "Closed"), example=""),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, int | None]]:
        first = FirstRows(source, problems)
        alias_rows: dict[str, int] = {}
        planned = []
        for row in rows:
            if first.is_repeat(row["name"].casefold(), row.number, "Organisation", row["name"], "is listed twice",
                               "keep one row per organisation"):
                continue
            check_date_order(row.number, row["active_from"], row["active_to"], source, "Active to", problems)
            org_id = find_organisation(bf, row["name"])
            for spec in row["aliases"] or ():
                self._check_alias(spec, org_id, row, bf, source, alias_rows, problems)
            planned.append((row, org_id))
        return planned

    @staticmethod
    def _check_alias(spec: AliasSpec, org_id: int | None, row: ParsedRow, bf: BoardFile, source: str,
                     alias_rows: dict[str, int], problems: list[Problem]) -> None:
        key = spec.alias.casefold()
        if key in alias_rows and alias_rows[key] != row.number:
            problems.append(Problem(source, row.number, "Also known as", spec.alias,
                                    f"is also given as another name on row {alias_rows[key]}",
                                    "a name can only stand for one organisation"))
        alias_rows[key] = row.number
        owner = find_organisation(bf, spec.alias)
        if owner is not None and owner != org_id:
            owner_name = bf.scalar("SELECT name FROM organisation WHERE id = ?", (owner,))
            problems.append(Problem(source, row.number, "Also known as", spec.alias,
                                    f"already stands for {owner_name}",
                                    "remove it here, or remove it from that organisation first"))

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for row, org_id in plan:
            values = {k: row[k] for k in _ORGANISATION_FIELDS if row[k] is not None}
            if org_id is None:
                org_id = ed.insert("organisation", values)
                summary.count("organisations")
            elif ed.update("organisation", org_id, {k: v for k, v in values.items() if k != "name"}):
                summary.count("organisations", "updated")
            else:
                summary.skipped += 1
            for spec in row["aliases"] or ():
                self._apply_alias(ed, bf, org_id, row["name"], spec, summary)

    @staticmethod
    def _apply_alias(ed: Action, bf: BoardFile, org_id: int, name: str, spec: AliasSpec,
                     summary: ImportSummary) -> None:
        if spec.alias.casefold() == name.casefold():
            return
        dates = {"valid_from": spec.valid_from, "valid_to": spec.valid_to}
        existing = bf.scalar("SELECT id FROM organisation_alias WHERE alias = ? AND organisation_id = ?",
                             (spec.alias, org_id))
        if existing is None:
            ed.insert("organisation_alias", {"organisation_id": org_id, "alias": spec.alias, **dates})
            summary.count("aliases")
        elif ed.update("organisation_alias", existing, dates):
            summary.count("aliases", "updated")
