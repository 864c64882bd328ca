"""Import kind ``attendance``: the attendance grid as business units keep it in Excel.

One row per seat (``Organisation``, optional ``Representative``, ``Role`` and ``Body``), then one
column per meeting headed by its date. Rows are matched to seats by the name grids show (the
seat's "Shown as" name or its organisation's name, short name or alias), then by representative
and role. Organisations, seats and meetings not yet in the file are created and named in the
summary. A blank cell leaves any mark already recorded as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError
from sgdesk.importing.framework import (
    Column,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
    normalise_header,
)
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import Body
from sgdesk.membership.cells import parse_text
from sgdesk.membership.import_members import BODY_COLUMN, resolve_body
from sgdesk.membership.marks import parse_mark
from sgdesk.membership.meetings import add_meeting, get_meeting, meetings_on
from sgdesk.membership.seats import (
    Seat,
    add_seat,
    appoint,
    find_person,
    list_seats,
    person_for,
)
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

#: headings of columns a grid often carries that are worked out, not imported
COMPUTED_HEADINGS = frozenset({"", "percent", "attendance", "attendancepercent", "percentattendance", "expected",
                               "present", "bydeputy", "apologies", "absent", "total", "attended", "notes",
                               "comments"})
DATE_HEADING_FIX = "head each meeting column with its date, as in 21/09/2017, or remove the column"


@dataclass
class _RowPlan:
    row: ParsedRow
    body: Body
    name: str
    seat_id: int | None = None
    organisation_id: int | None = None
    marks: dict[dt.date, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class _Plan:
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
