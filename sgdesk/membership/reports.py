"""Reports ``organisations``, ``members`` and ``attendance``."""

from __future__ import annotations

import datetime as dt

from sgdesk.dates import format_date
from sgdesk.fyear import Period
from sgdesk.membership.bodies import Body, list_bodies
from sgdesk.membership.cells import stored_date
from sgdesk.membership.flags import Flag, all_flags, get_quorum_rule
from sgdesk.membership.grid import AttendanceGrid, load_grid, record_span
from sgdesk.membership.meetings import list_meetings
from sgdesk.membership.seats import list_seats
from sgdesk.organisations import list_organisations
from sgdesk.reporting import ReportColumn, ReportTable
from sgdesk.store import BoardFile

PERCENT_RULE = ("Percent is (Y + D) / (Y + D + A + N) in whole percent, rounded half up; n/a where nothing was "
                "expected of the seat.")



def organisations_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    columns = [ReportColumn("name", "Organisation"), ReportColumn("short_name", "Short name"),
               ReportColumn("org_type", "Type"), ReportColumn("statutory", "Statutory partner")]
    rows = [{"name": o.name, "short_name": o.short_name or "", "org_type": o.org_type or "",
             "statutory": "Yes" if o.statutory else "No"} for o in list_organisations(bf)]
    names = [{"organisation": r[0], "name": r[1], "from": stored_date(r[2]), "to": stored_date(r[3])} for r in bf.query(
        "SELECT o.name, o.name, o.active_from, o.active_to, 0 FROM organisation o "
        "WHERE o.active_from IS NOT NULL OR o.active_to IS NOT NULL "
        "UNION ALL SELECT o.name, a.alias, a.valid_from, a.valid_to, 1 FROM organisation_alias a "
        "JOIN organisation o ON o.id = a.organisation_id ORDER BY 1 COLLATE NOCASE, 5, 3")]
    history = ReportTable("Other names and dates", [
        ReportColumn("organisation", "Organisation"), ReportColumn("name", "Name or other name"),
        ReportColumn("from", "From", "date"), ReportColumn("to", "To", "date")], names,
        notes=["A row with the organisation's own name gives the dates it was a partner."])
    return [ReportTable("Organisations", columns, rows), history]


def members_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """One row per seat on the board and its sub-groups (in ``period``, or all)."""
    columns = [ReportColumn("body", "Body"), ReportColumn("role", "Role"), ReportColumn("organisation", "Organisation"),
               ReportColumn("shown_as", "Shown as"), ReportColumn("representative", "Representative"),
               ReportColumn("job_title", "Job title"), ReportColumn("deputies", "Deputies"),
               ReportColumn("starts_on", "Seat from", "date"), ReportColumn("ends_on", "Seat to", "date")]
    rows = []
    day = period.end if period else dt.date.today()
    for body in list_bodies(bf, board_id):
        for seat in list_seats(bf, body, period):
            holder = seat.representative_for(period)
            rows.append({"body": body.display_name, "role": seat.role, "organisation": seat.organisation_name,
                         "shown_as": seat.shown_as, "representative": holder.name if holder else "Vacant",
                         "job_title": (holder.job_title or "") if holder else "",
                         "deputies": ", ".join(h.name for h in seat.deputies_on(day)),
                         "starts_on": seat.starts_on, "ends_on": seat.ends_on})
    notes = [f"Representatives and deputies as on {format_date(day)}."]
    return [ReportTable("Members" + (f" ({period.label})" if period else ""), columns, rows, notes)]


ATTENDANCE_COLUMNS = [
    ReportColumn("organisation", "Organisation"), ReportColumn("representative", "Representative"),
    ReportColumn("expected", "Expected", "int"), ReportColumn("present", "Present", "int"),
    ReportColumn("by_deputy", "By deputy", "int"), ReportColumn("apologies", "Apologies", "int"),
    ReportColumn("absent", "Absent", "int"), ReportColumn("percent", "Percent", "percent"),
]


def attendance_table(grid: AttendanceGrid) -> ReportTable:
    """One row per seat of the grid, as council committee systems publish attendance."""
    span = record_span(grid)
    rows = []
    for seat in grid.seats:
        totals = grid.totals(seat)
        rows.append({"organisation": seat.shown_as, "representative": seat.representative_name(span),
                     "expected": totals.expected, "present": totals.present, "by_deputy": totals.by_deputy,
                     "apologies": totals.apologies, "absent": totals.absent, "percent": totals.percent})
    notes = [PERCENT_RULE]
    unrecorded = grid.unrecorded_meetings
    if unrecorded:
        notes.append("Not recorded, so not counted: " + ", ".join(format_date(m.meets_on) for m in unrecorded) + ".")
    title = f"Attendance: {grid.body.display_name}" + (f" ({span.label})" if span else "")
    return ReportTable(title, ATTENDANCE_COLUMNS, rows, notes)


def flags_table(flagged: list[tuple[Body, Flag]]) -> ReportTable:
    columns = [ReportColumn("body", "Body"), ReportColumn("date", "Date", "date"), ReportColumn("flag", "Flag"),
               ReportColumn("detail", "Detail")]
    rows = [{"body": body.display_name, "date": flag.day, "flag": flag.title, "detail": flag.text}
            for body, flag in flagged]
    return ReportTable("Attendance flags", columns, rows)


def attendance_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    """The board's grid totals, each sub-group's that met in the period, then every flag."""
    tables = []
    flagged: list[tuple[Body, Flag]] = []
    for body in list_bodies(bf, board_id):
        if not body.is_board and not list_meetings(bf, body, period, include_cancelled=False):
            continue
        grid = load_grid(bf, body, period)
        tables.append(attendance_table(grid))
        flagged += [(body, flag) for flag in all_flags(grid, get_quorum_rule(bf, body))]
    return [*tables, flags_table(flagged)]
