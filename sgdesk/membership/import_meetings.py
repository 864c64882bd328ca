"""Import kind ``meetings``: the dates, times and places of board and sub-group meetings."""

from __future__ import annotations

from typing import Any

from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError, quoted
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.membership.cells import parse_text
from sgdesk.membership.import_members import BODY_COLUMN, resolve_body
from sgdesk.membership.meetings import (
    add_meeting,
    meetings_on,
    parse_status,
    parse_time,
)
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_ONLINE = {"online": True, "virtual": True, "teams": True, "zoom": True, "hybrid": True, "yes": True, "y": True,
           "in person": False, "face to face": False, "no": False, "n": False}


def parse_online(value: Any) -> bool:
    text = " ".join(str(value).replace("-", " ").split()).casefold()
    if text not in _ONLINE:
        raise InputError(quoted(value), "is not online or in person", "write Online, Hybrid or In person")
    return _ONLINE[text]


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
