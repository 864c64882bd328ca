"""The membership import kinds: organisations, members, meetings and the attendance grid.

- ``organisations``: partner agencies, their other names and the dates they were active.
- ``members``: seats on the board and its sub-groups, and the people who hold them.
- ``meetings``: the dates, times and places of board and sub-group meetings.
- ``attendance``: the attendance grid as business units keep it in Excel.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from sgdesk.core_feature import parse_yes_no
from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.matching import normalise_header
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import Body, find_body
from sgdesk.membership.cells import (
    ALIASES_HELP,
    AliasSpec,
    check_date_order,
    parse_aliases,
    parse_holder_kind,
    parse_online,
    parse_text,
)
from sgdesk.membership.marks import parse_mark
from sgdesk.membership.meetings import (
    add_meeting,
    get_meeting,
    meetings_on,
    parse_status,
    parse_time,
)
from sgdesk.membership.seats import (
    Seat,
    add_seat,
    appoint,
    find_person,
    list_seats,
    person_for,
)
from sgdesk.organisations import ORG_TYPES, add_alias, find_organisation, parse_org_type
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

# -- ``organisations`` ------------------------------------------------------------

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
            add_alias(ed, org_id, spec.alias, **dates)
            summary.count("aliases")
        elif ed.update("organisation_alias", existing, dates):
            summary.count("aliases", "updated")


# -- ``members`` ------------------------------------------------------------

BODY_COLUMN = Column("body", "Body", "the sub-group's name, or leave blank for the board itself", required=False,
                     aliases=("Board or sub-group", "Sub-group", "Subgroup", "Group", "Committee"),
                     example="Case Review Panel")

def resolve_body(bf: BoardFile, board_id: int, row: ParsedRow, source: str, problems: list[Problem]) -> Body | None:
    """The row's body (the board when the Body column is absent or blank), or a problem."""
    try:
        return find_body(bf, board_id, row["body"])
    except InputError as error:
        problems.append(Problem(source, row.number, row.header("body", "Body"), row["body"], error.why, error.fix))
        return None


def organisation_problem(bf: BoardFile, name: str, source: str, row: int, column: str) -> Problem:
    """An unknown organisation, with the nearest known name as a hint."""
    names = [r[0] for r in bf.query("SELECT name FROM organisation UNION SELECT short_name FROM organisation "
                                    "WHERE short_name IS NOT NULL UNION SELECT alias FROM organisation_alias")]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return Problem(source, row, column, name, "is not an organisation in this file",
                   f"{hint}check the spelling, or import it first with the organisations kind")


@dataclass
class _SeatPlan:
    """A seat a members import names: one already on the body (``seat_id``), or one to add."""

    body: Body
    organisation_id: int
    role: str
    label: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    seat_id: int | None


def _existing_seat(bf: BoardFile, body: Body, organisation_id: int, role: str, label: str | None) -> int | None:
    return bf.scalar("SELECT id FROM seat WHERE board_id = ? AND subgroup_id IS ? AND organisation_id = ? "
                     "AND role = ? COLLATE NOCASE AND coalesce(label, '') = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                     (body.board_id, body.subgroup_id, organisation_id, role, label or ""))


def own_label(bf: BoardFile, organisation_id: int, label: str | None) -> str | None:
    """A seat's published name, or None when it is just the organisation's short or full name."""
    if not label:
        return None
    names = bf.query_one("SELECT name, short_name FROM organisation WHERE id = ?", (organisation_id,))
    return None if label.casefold() in {(n or "").casefold() for n in names} else label


class MembersImport(ImportKind):
    name = "members"
    title = "members"
    description = ("Seats on the board and its sub-groups, and who holds them: one row per representative or "
                   "deputy (or per empty seat, with no name). A seat is its body, organisation, role and 'Shown "
                   "as' name; new seats and people are created, and a new representative with a From date ends "
                   "the previous one's term the day before. Organisations must exist already (see "
                   "organisations).")
    columns = (
        BODY_COLUMN,
        Column("organisation", "Organisation", "the organisation's name, short name or other name",
               aliases=("Agency", "Partner"), example="Essex Police"),
        Column("role", "Role", "the seat's role: Independent Chair, Chair, Vice Chair, Member, Lay Member, "
               "Designated Doctor... (blank: Member)", parse=parse_text, required=False,
               aliases=("Position", "Seat role"), example="Member"),
        Column("label", "Shown as", "the seat's name in published grids, if not the organisation's short name",
               parse=parse_text, required=False, aliases=("Published as", "Grid name", "Label"),
               example="SBC Councillor"),
        Column("name", "Name", "the person's name; leave blank for a seat nobody holds yet", parse=parse_text,
               required=False, aliases=("Person", "Representative", "Rep", "Current rep name"),
               example="Zoë Adeyemi"),
        Column("job_title", "Job title", "their job title", parse=parse_text, required=False,
               aliases=("Title", "Post"), example="Detective Superintendent"),
        Column("email", "Email", "their work email", required=False, aliases=("E-mail", "Email address"),
               example="z.adeyemi@example.org"),
        Column("phone", "Phone", "their work phone", parse=parse_text, required=False,
               aliases=("Telephone", "Tel", "Mobile"), example="01702 000000"),
        Column("kind", "As", "Representative or Deputy (blank: Representative)", parse=parse_holder_kind,
               required=False, aliases=("Representative or deputy", "Capacity", "Holder"),
               example="Representative"),
        Column("starts_on", "From", "the date they started in the seat, if known", parse=parse_date,
               required=False, aliases=("Start", "Start date", "Appointed"), example="01/04/2018"),
        Column("ends_on", "To", "the date they left the seat, if they have", parse=parse_date, required=False,
               aliases=("End", "End date", "Left"), example=""),
        Column("seat_from", "Seat from", "the date the seat itself began (the organisation joined the body)",
               parse=parse_date, required=False, aliases=("Member since",), example=""),
        Column("seat_to", "Seat to", "the date the seat itself ended (the organisation left the body)",
               parse=parse_date, required=False, aliases=("Member until",), example=""),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, _SeatPlan]]:
        seats: dict[tuple, _SeatPlan] = {}
        holders = FirstRows(source, problems)
        undated_reps: dict[tuple, list[int]] = {}
        planned = []
        for row in rows:
            check_date_order(row.number, row["starts_on"], row["ends_on"], source, "To", problems)
            check_date_order(row.number, row["seat_from"], row["seat_to"], source, "Seat to", problems)
            body = resolve_body(bf, board_id, row, source, problems)
            org_id = find_organisation(bf, row["organisation"], on=row["starts_on"])
            if org_id is None:
                problems.append(organisation_problem(bf, row["organisation"], source, row.number, "Organisation"))
            if body is None or org_id is None:
                continue
            role = row["role"] or "Member"
            label = own_label(bf, org_id, row["label"])
            key = (body.key, org_id, role.casefold(), (label or "").casefold())
            if key not in seats:
                seats[key] = _SeatPlan(body, org_id, role, label, row["seat_from"], row["seat_to"],
                                       _existing_seat(bf, body, org_id, role, label))
            seat = seats[key]
            if row["name"]:
                kind = row["kind"] or "representative"
                holders.is_repeat((key, row["name"].casefold(), kind, row["starts_on"]), row.number, "Name",
                                  row["name"], "is listed twice for this seat", "keep one row per person and term")
                if kind == "representative" and row["starts_on"] is None:
                    undated_reps.setdefault(key, []).append(row.number)
                    self._check_undated(bf, seat, row, source, undated_reps[key], problems)
            planned.append((row, seat))
        return sorted(planned, key=lambda item: (item[0]["starts_on"] or dt.date.min, item[0].number))

    @staticmethod
    def _check_undated(bf: BoardFile, seat: _SeatPlan, row: ParsedRow, source: str, undated: list[int],
                       problems: list[Problem]) -> None:
        """A representative without a From date cannot follow someone still in post."""
        sitting = None
        if seat.seat_id is not None:
            sitting = bf.scalar("SELECT p.name FROM seat_holder h JOIN person p ON p.id = h.person_id WHERE "
                                "h.seat_id = ? AND h.kind = 'representative' AND h.ends_on IS NULL "
                                "AND p.name != ? COLLATE NOCASE", (seat.seat_id, row["name"]))
        if sitting or len(undated) > 1:
            who = f"{sitting} is its representative" if sitting else f"row {undated[0]} also names its representative"
            problems.append(Problem(source, row.number, "From", None, f"is needed: {who}",
                                    "give the date this representative started, so the term before ends the day before"))

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for row, seat in plan:
            if seat.seat_id is None:
                seat.seat_id = add_seat(ed, seat.body, seat.organisation_id, role=seat.role, label=seat.label,
                                        starts_on=seat.starts_on, ends_on=seat.ends_on)
                summary.count("seats")
            elif seat.starts_on or seat.ends_on:
                changes = {k: v for k, v in (("starts_on", seat.starts_on), ("ends_on", seat.ends_on)) if v}
                if ed.update("seat", seat.seat_id, changes):
                    summary.count("seats", "updated")
            if not row["name"]:
                continue
            if find_person(bf, row["name"], row["email"]) is None:
                summary.count("people")
            person_id = person_for(ed, bf, row["name"], job_title=row["job_title"], email=row["email"],
                                   phone=row["phone"])
            kind = row["kind"] or "representative"
            held = bf.scalar("SELECT id FROM seat_holder WHERE seat_id = ? AND person_id = ? AND kind = ? "
                             "AND starts_on IS ?", (seat.seat_id, person_id, kind,
                                                    row["starts_on"] and row["starts_on"].isoformat()))
            if held is None:
                appoint(ed, bf, seat.seat_id, person_id, kind=kind, starts_on=row["starts_on"], ends_on=row["ends_on"])
                summary.count("representatives and deputies")
            elif row["ends_on"] and ed.update("seat_holder", held, {"ends_on": row["ends_on"]}):
                summary.count("representatives and deputies", "updated")
            else:
                summary.skipped += 1


# -- ``meetings`` ------------------------------------------------------------

class MeetingsImport(ImportKind):
    name = "meetings"
    title = "meetings"
    description = ("Meetings of the board and its sub-groups. A meeting is matched by its body and date: an "
                   "existing one is updated with the values given, a new one is created (held if its date has "
                   "passed, otherwise planned, unless Status says otherwise).")
    columns = (
        BODY_COLUMN,
        Column("meets_on", "Date", "the meeting's date", parse=parse_date, aliases=("Meeting date", "Meets on", "Day"),
               example="21/09/2017"),
        Column("starts_at", "Time", "when it starts, e.g. 14:00 or 2pm", parse=parse_time, required=False,
               aliases=("Start time", "Starts"), example="14:00"),
        Column("venue", "Venue", "where it meets (or the online platform)", parse=parse_text, required=False,
               aliases=("Location", "Where", "Place"), example="Civic Centre, Committee Room 1"),
        Column("online", "Online", "Online, Hybrid or In person (blank: in person)", parse=parse_online,
               required=False, aliases=("Virtual", "Format"), example="In person"),
        Column("status", "Status", "planned, held or cancelled", parse=parse_status, required=False,
               aliases=("State",), example="held"),
        Column("notes", "Notes", "anything else worth keeping about the meeting", parse=parse_text, required=False,
               aliases=("Comments",), example=""),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, Any, int | None]]:
        first = FirstRows(source, problems)
        planned = []
        for row in rows:
            body = resolve_body(bf, board_id, row, source, problems)
            if body is None or row["meets_on"] is None:
                continue
            if first.is_repeat((body.key, row["meets_on"]), row.number, "Date", format_date(row["meets_on"]),
                               f"is listed twice for {body.display_name}", "keep one row per meeting"):
                continue
            existing = meetings_on(bf, body, row["meets_on"])
            if len(existing) > 1:
                problems.append(Problem(source, row.number, "Date", format_date(row["meets_on"]),
                                        f"matches {len(existing)} meetings of {body.display_name} on that day",
                                        "change or remove one of them in the Meetings view first"))
                continue
            planned.append((row, body, existing[0] if existing else None))
        return planned

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        fields = ("starts_at", "venue", "online", "status", "notes")
        for row, body, meeting_id in plan:
            values = {k: row[k] for k in fields if row[k] is not None}
            if meeting_id is None:
                add_meeting(ed, body, row["meets_on"], **values)
                summary.count("meetings")
            elif ed.update("meeting", meeting_id, values):
                summary.count("meetings", "updated")
            else:
                summary.skipped += 1


# -- ``attendance`` ------------------------------------------------------------
# One row per seat (``Organisation``, optional ``Representative``, ``Role`` and ``Body``), then one
# column per meeting headed by its date. Rows are matched to seats by the name grids show (the
# seat's "Shown as" name or its organisation's name, short name or alias), then by representative
# and role. Organisations, seats and meetings not yet in the file are created and named in the
# summary. A blank cell leaves any mark already recorded as it is.

#: headings of columns a grid often carries that are worked out, not imported
COMPUTED_HEADINGS = frozenset({"", "percent", "attendance", "attendancepercent", "percentattendance", "expected",
                               "present", "bydeputy", "apologies", "absent", "total", "attended", "notes",
                               "comments"})
DATE_HEADING_FIX = "head each meeting column with its date, as in 21/09/2017, or remove the column"


@dataclass
class _RowPlan:
    """One row of an imported attendance grid, matched to its seat (or the organisation of a new one), with its
    marks by date."""

    row: ParsedRow
    body: Body
    name: str
    seat_id: int | None = None
    organisation_id: int | None = None
    marks: dict[dt.date, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class _Plan:
    """What an attendance import will write: its rows, and the meeting each date names (None: a meeting to add)."""

    rows: list[_RowPlan]
    meetings: dict[tuple[str, dt.date], int | None]   # (body key, date) -> existing meeting id


def _matches(seat: Seat, name: str) -> bool:
    return seat.shown_as.casefold() == name.casefold()


class AttendanceImport(ImportKind):
    name = "attendance"
    title = "attendance grid"
    description = ("The attendance grid as kept in Excel: one row per seat, one column per meeting. Rows are "
                   "matched to seats by the name the grid shows (or the organisation's name, short name or "
                   "other name), then by Representative and Role. Organisations, seats and meetings that are "
                   "not in the file yet are created, and the summary names them. A blank cell leaves a mark "
                   "already recorded as it is; a meeting column with no marks at all is a meeting held but not "
                   "yet recorded. Columns of totals (%, Expected, Present...) are ignored.")
    extra_columns = True
    extra_columns_help = (
        "Then one column per meeting, headed by the meeting's date in any common format (21 Sep 2017, "
        "21/09/2017, 2017-09-21, or an Excel date). Each cell holds a mark: Y (also Yes, Attended, Present), "
        "D (Deputy, Substitute; name who came as 'D (Zoë Adeyemi)'), A (Apologies, Sent apologies, Apols), "
        "N (No, Absent, No apology, DNA), - (n/a, Not expected, Not a member), or blank for no mark.")
    columns = (
        Column("organisation", "Organisation", "the seat's name as the grid shows it, or its organisation's name",
               parse=parse_text, aliases=("Agency", "Partner", "Seat", "Member organisation"),
               example="Clinical Commissioning Group"),
        Column("representative", "Representative", "the seat's representative (tells two seats of one "
               "organisation apart; names a new seat's representative)", parse=parse_text, required=False,
               aliases=("Rep", "Current rep name", "Name", "Member"), example="Priya Raman"),
        Column("role", "Role", "the seat's role (tells seats apart; a new seat's role, blank: Member)",
               parse=parse_text, required=False, aliases=("Position",), example="Member"),
        BODY_COLUMN,
    )

    def template_headers(self) -> list[str]:
        """The fixed columns, then two example meeting columns to copy."""
        return [*super().template_headers(), "21/09/2017", "16/11/2017"]

    # -- reading the meeting columns ------------------------------------------------------------
    def parse_rows(self, table, problems: list[Problem]) -> list[ParsedRow]:
        rows = super().parse_rows(table, problems)
        dates = self._meeting_columns(table, problems)
        for row in rows:
            marks: dict[dt.date, tuple[str, str | None]] = {}
            for header, day in dates.items():
                cell = row.extra.get(header)
                try:
                    mark, deputy = parse_mark(cell)
                except InputError as error:
                    problems.append(Problem(table.name, row.number, header, cell, error.why, error.fix))
                    continue
                if mark is not None:
                    marks[day] = (mark, deputy)
            row.values["marks"] = marks
            row.values["dates"] = dates
        return rows

    def _meeting_columns(self, table, problems: list[Problem]) -> dict[str, dt.date]:
        known = set().union(*(c.names() for c in self.columns))
        dates: dict[str, dt.date] = {}
        seen: dict[dt.date, str] = {}
        for header in table.headers:
            key = normalise_header(header)
            if not header or key in known or key in COMPUTED_HEADINGS:
                continue
            try:
                day = parse_date(header)
            except InputError as error:
                why = error.why.replace("is not a date", "is not a meeting date", 1)
                problems.append(Problem(table.name, table.header_row, header, header, why, DATE_HEADING_FIX))
                continue
            if day in seen:
                problems.append(Problem(table.name, table.header_row, header, header,
                                        f"is the same meeting date as the column '{seen[day]}'",
                                        "keep one column per meeting"))
                continue
            seen[day] = header
            dates[header] = day
        if not dates and not problems:
            problems.append(Problem(table.name, table.header_row, None, None, "has no meeting columns",
                                    "add one column per meeting, headed by its date (e.g. 21/09/2017)"))
        return dates

    # -- matching rows to seats and dates to meetings -----------------------------------------------
    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> _Plan:
        seats_by_body: dict[str, list[Seat]] = {}
        used: dict[tuple[str, Any], int] = {}
        planned: list[_RowPlan] = []
        meetings: dict[tuple[str, dt.date], int | None] = {}
        for row in rows:
            body = resolve_body(bf, board_id, row, source, problems)
            if body is None:
                continue
            seats = seats_by_body.setdefault(body.key, list_seats(bf, body))
            item = _RowPlan(row, body, row["organisation"], marks=row["marks"])
            first = min(row["dates"].values(), default=None)
            if not self._match(bf, item, seats, first, source, problems):
                continue
            key = (body.key, item.seat_id or (item.organisation_id, item.name.casefold(),
                                              (row["representative"] or "").casefold()))
            if key in used:
                problems.append(Problem(source, row.number, "Organisation", row["organisation"],
                                        f"is the same seat as row {used[key]}",
                                        "keep one row per seat, or add a Representative column to tell them apart"))
                continue
            used[key] = row.number
            planned.append(item)
            for header, day in row["dates"].items():
                self._plan_meeting(bf, body, day, header, meetings, source, problems)
        return _Plan(planned, meetings)

    @staticmethod
    def _match(bf: BoardFile, item: _RowPlan, seats: list[Seat], on: dt.date | None, source: str,
               problems: list[Problem]) -> bool:
        """Find the row's seat (or the organisation of a new one); False after reporting a problem."""
        row = item.row
        candidates = [s for s in seats if _matches(s, item.name)]
        if not candidates:
            item.organisation_id = find_organisation(bf, item.name, on=on)
            candidates = [s for s in seats if s.organisation_id == item.organisation_id and s.label is None]
        for wanted, narrow in ((row["representative"], lambda s, w: any(h.name.casefold() == w.casefold()
                                                                       for h in s.holders)),
                               (row["role"], lambda s, w: s.role.casefold() == w.casefold())):
            if len(candidates) > 1 and wanted:
                candidates = [s for s in candidates if narrow(s, wanted)] or candidates
        if len(candidates) > 1:
            problems.append(Problem(source, row.number, "Organisation", item.name,
                                    f"matches {len(candidates)} seats ({', '.join(s.representative_name() for s in candidates)})",
                                    "add a Representative or Role column to say which seat each row is"))
            return False
        if candidates:
            item.seat_id = candidates[0].id
            item.organisation_id = candidates[0].organisation_id
        return True

    @staticmethod
    def _plan_meeting(bf: BoardFile, body: Body, day: dt.date, header: str, meetings: dict, source: str,
                      problems: list[Problem]) -> None:
        key = (body.key, day)
        if key in meetings:
            return
        found = meetings_on(bf, body, day)
        meetings[key] = found[0] if len(found) == 1 else None
        if len(found) > 1:
            problems.append(Problem(source, None, header, None,
                                    f"{body.display_name} has {len(found)} meetings on {format_date(day)}",
                                    "remove or move the extra one in the Meetings view, then import again"))
        elif found and get_meeting(bf, found[0]).status == "cancelled":
            problems.append(Problem(source, None, header, None,
                                    f"the meeting of {body.display_name} on {format_date(day)} was cancelled",
                                    "change its status to held in the Meetings view, or remove the column"))

    # -- writing -----------------------------------------------------------------------------------------
    def apply(self, plan: _Plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        bodies = {item.body.key: item.body for item in plan.rows}
        marked = {(item.body.key, day) for item in plan.rows for day in item.marks}
        meeting_ids: dict[tuple[str, dt.date], int] = {}
        for (body_key, day), meeting_id in sorted(plan.meetings.items(), key=lambda kv: kv[0][1]):
            if meeting_id is None:
                status = "held" if (body_key, day) in marked or day <= dt.date.today() else "planned"
                meeting_id = add_meeting(ed, bodies[body_key], day, status=status)
                summary.count("meetings")
                summary.notes.append(f"added the {bodies[body_key].display_name} meeting of {format_date(day)}")
            meeting_ids[(body_key, day)] = meeting_id
        organisations: dict[str, int] = {}
        for item in plan.rows:
            self._create_seat(ed, bf, item, organisations, summary)
            edits = []
            for day, (mark, deputy) in item.marks.items():
                meeting_id = meeting_ids[(item.body.key, day)]
                existing = bf.query_one("SELECT mark FROM attendance WHERE seat_id = ? AND meeting_id = ?",
                                        (item.seat_id, meeting_id))
                deputy_id = person_for(ed, bf, deputy) if deputy else None
                if existing is None:
                    summary.count("marks")
                elif existing[0] != mark or deputy_id:
                    summary.count("marks", "updated")
                else:
                    continue
                edits.append(MarkEdit(item.seat_id, meeting_id, mark, deputy_id))  # type: ignore[arg-type]
            if edits:
                write_marks(ed, bf, edits)
            elif item.marks:
                summary.skipped += 1

    @staticmethod
    def _create_seat(ed: Action, bf: BoardFile, item: _RowPlan, organisations: dict[str, int],
                     summary: ImportSummary) -> None:
        if item.seat_id is not None:
            return
        row = item.row
        if item.organisation_id is None:
            key = item.name.casefold()
            if key not in organisations:
                organisations[key] = ed.insert("organisation", {"name": item.name})
                summary.count("organisations")
                summary.notes.append(f"added the organisation '{item.name}': check its type and statutory flag")
            item.organisation_id = organisations[key]
        item.seat_id = add_seat(ed, item.body, item.organisation_id, role=row["role"] or "Member")
        summary.count("seats")
        summary.notes.append(f"added a seat for {item.name} on {item.body.display_name}")
        if row["representative"]:
            if find_person(bf, row["representative"]) is None:
                summary.count("people")
            appoint(ed, bf, item.seat_id, person_for(ed, bf, row["representative"]))
