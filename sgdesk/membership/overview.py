"""Membership on the Overview: the first steps of a new board, and its next meetings."""

from __future__ import annotations

import datetime as dt

from sgdesk.dates import format_date
from sgdesk.overview import FirstStep, Glance
from sgdesk.store import BoardFile

NEXT_MEETINGS = 3


def has_organisations(bf: BoardFile, board_id: int) -> bool:
    return bool(bf.scalar("SELECT count(*) FROM organisation"))


def has_attendance(bf: BoardFile, board_id: int) -> bool:
    return bool(bf.scalar("SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                          "WHERE m.board_id = ?", (board_id,)))


FIRST_STEPS = (
    FirstStep(10, "Add the partner agencies that sit on the board and its sub-groups, with their seats.",
              "Add an organisation…", has_organisations, "membership", {"start": "add_organisation"}),
    FirstStep(20, "Import the attendance grid you keep in Excel: it brings in the meetings and who attended.",
              "Import attendance…", has_attendance, "meetings", import_kind="attendance"),
)


def next_meetings(bf: BoardFile, board_id: int, today: dt.date) -> Glance:
    """The next planned meetings of the board and its sub-groups; else the last one held."""
    select = ("SELECT m.meets_on, m.starts_at, coalesce(g.name, 'Board') AS body, m.venue, m.online, "
              "(SELECT count(*) FROM forward_item f WHERE f.meeting_id = m.id) AS papers "
              "FROM meeting m LEFT JOIN subgroup g ON g.id = m.subgroup_id WHERE m.board_id = ? ")
    rows = bf.query(select + "AND m.meets_on >= ? AND m.status != 'cancelled' ORDER BY m.meets_on, m.starts_at "
                    f"LIMIT {NEXT_MEETINGS}", (board_id, today.isoformat()))
    if rows:
        lines = tuple(_meeting_line(row) for row in rows)
        return Glance(10, "Next meetings", lines, "meetings")
    last = bf.query_one(select + "AND m.status = 'held' ORDER BY m.meets_on DESC LIMIT 1", (board_id,))
    if last is None:
        return Glance(10, "Next meetings", (), "meetings",
                      empty="No meetings yet: add the year's meetings in Meetings, or import your attendance grid.")
    return Glance(10, "Next meetings", (f"Last held: {_meeting_line(last)}",), "meetings",
                  empty="No meetings are planned from today: add the next ones in Meetings.")


def _meeting_line(row) -> str:
    day = format_date(dt.date.fromisoformat(row["meets_on"]))
    when = f"{day}, {row['starts_at']}" if row["starts_at"] else day
    where = "online" if row["online"] else row["venue"]
    papers = f" ({row['papers']} paper{'s' if row['papers'] != 1 else ''} due)" if row["papers"] else ""
    return f"{when}: {row['body']}" + (f", {where}" if where else "") + papers


def membership_at_a_glance(bf: BoardFile, board_id: int, today: dt.date) -> Glance:
    """Seats on the board and its sub-groups today, how many are vacant, and the partners they come from."""
    seats = bf.query(
        "SELECT s.id, s.organisation_id, EXISTS (SELECT 1 FROM seat_holder h WHERE h.seat_id = s.id "
        "AND h.kind = 'representative' AND (h.starts_on IS NULL OR h.starts_on <= :today) "
        "AND (h.ends_on IS NULL OR h.ends_on >= :today)) FROM seat s WHERE s.board_id = :board "
        "AND (s.starts_on IS NULL OR s.starts_on <= :today) AND (s.ends_on IS NULL OR s.ends_on >= :today)",
        {"board": board_id, "today": today.isoformat()})
    if not seats:
        return Glance(5, "Membership", (), "membership",
                      empty="No seats yet: add the partner agencies and their seats in Membership.")
    vacant = sum(not filled for _id, _org, filled in seats)
    partners = len({org for _id, org, _filled in seats})
    lines = [f"{len(seats)} seats held by {partners} partner agencies"]
    lines.append(f"{vacant} seat{'s' if vacant != 1 else ''} without a representative" if vacant
                 else "Every seat has a representative")
    return Glance(5, "Membership", tuple(lines), "membership")
