"""Meetings of the board and its sub-groups, and the forward plan of items due at each.

A meeting is planned, held or cancelled. Only held meetings count for attendance; a held meeting
with no marks at all is "not recorded" (see :mod:`sgdesk.membership.grid`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError, quoted
from sgdesk.fyear import Period
from sgdesk.membership.bodies import Body, body_key
from sgdesk.membership.cells import stored_date
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

STATUSES = ("planned", "held", "cancelled")
#: a forward-plan paper is due this many days before its meeting unless a date is given
PAPER_LEAD_DAYS = 7
_TIME = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))?\s*(?P<half>am|pm)?")


@dataclass(frozen=True)
class Meeting:
    """A meeting of the board or a sub-group: when and where, and whether it is planned, held or cancelled."""

    id: int
    board_id: int
    subgroup_id: int | None
    meets_on: dt.date
    starts_at: str | None
    venue: str | None
    online: bool
    status: str
    notes: str | None

    @property
    def heading(self) -> str:
        """``21 Sep 2017``, ``5 Jun 2018``: how grids head the meeting's column (the house date format)."""
        return format_date(self.meets_on)

    @property
    def where(self) -> str:
        if self.online:
            return f"Online ({self.venue})" if self.venue else "Online"
        return self.venue or ""

    @property
    def is_held(self) -> bool:
        return self.status == "held"

    @property
    def body_key(self) -> str:
        """The key of the body that met (``"board"`` or ``"subgroup:7"``)."""
        return body_key(self.subgroup_id)


def default_status(day: dt.date, today: dt.date | None = None) -> str:
    """A new meeting in the past was held; one to come is planned."""
    return "held" if day <= (today or dt.date.today()) else "planned"


def parse_status(value: Any) -> str:
    text = str(value).strip().casefold()
    aliases = {"took place": "held", "happened": "held", "done": "held", "scheduled": "planned",
               "booked": "planned", "to come": "planned", "canceled": "cancelled", "postponed": "cancelled"}
    text = aliases.get(text, text)
    if text not in STATUSES:
        raise InputError(quoted(value), "is not a meeting status", "use planned, held or cancelled")
    return text


def parse_time(value: Any) -> str:
    """A time of day as ``HH:MM``: ``14:00``, ``2pm``, ``2.30 pm``, ``9.30``, or a spreadsheet time.

    >>> parse_time("2.30pm"), parse_time("09:30"), parse_time(0.5)
    ('14:30', '09:30', '12:00')
    """
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.datetime):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    match = _TIME.fullmatch(str(value).strip().casefold())
    if match:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if match["half"]:
            if not 1 <= hour <= 12:
                match = None
            else:
                hour = hour % 12 + (12 if match["half"] == "pm" else 0)
        if match and hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise InputError(quoted(value), "is not a time of day", "write times as 14:00 or 2pm")


def _meeting(r) -> Meeting:
    return Meeting(r["id"], r["board_id"], r["subgroup_id"], dt.date.fromisoformat(r["meets_on"]), r["starts_at"],
                   r["venue"], bool(r["online"]), r["status"], r["notes"])


def list_meetings(bf: BoardFile, body: Body, period: Period | None = None, *,
                  include_cancelled: bool = True) -> list[Meeting]:
    """The body's meetings in ``period`` (all without one), in date order."""
    sql = "SELECT * FROM meeting WHERE board_id = ? AND subgroup_id IS ?"
    params: list[Any] = [body.board_id, body.subgroup_id]
    if period is not None:
        sql += " AND meets_on BETWEEN ? AND ?"
        params += [period.start.isoformat(), period.end.isoformat()]
    if not include_cancelled:
        sql += " AND status != 'cancelled'"
    return [_meeting(r) for r in bf.query(sql + " ORDER BY meets_on, coalesce(starts_at, ''), id", tuple(params))]


def get_meeting(bf: BoardFile, meeting_id: int) -> Meeting:
    row = bf.query_one("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
    if row is None:
        raise SGDeskError(f"meeting {meeting_id} no longer exists: refresh and try again")
    return _meeting(row)


def meetings_on(bf: BoardFile, body: Body, day: dt.date) -> list[int]:
    return [r[0] for r in bf.query("SELECT id FROM meeting WHERE board_id = ? AND subgroup_id IS ? AND meets_on = ?",
                                   (body.board_id, body.subgroup_id, day.isoformat()))]


def has_meetings_or_seats(bf: BoardFile, board_id: int) -> bool:
    """Whether the board has anything for the Meetings view to show."""
    return bool(bf.scalar("SELECT EXISTS (SELECT 1 FROM meeting WHERE board_id = ?) "
                          "OR EXISTS (SELECT 1 FROM seat WHERE board_id = ?)", (board_id, board_id)))


def meeting_counts(bf: BoardFile, board_id: int) -> dict[int, tuple[int, int]]:
    """``{meeting id: (attendance marks, forward-plan items)}`` of the board's and sub-groups' meetings."""
    return {r[0]: (r[1], r[2]) for r in bf.query(
        "SELECT m.id, (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id), "
        "(SELECT count(*) FROM forward_item f WHERE f.meeting_id = m.id) FROM meeting m "
        "WHERE m.board_id = ?", (board_id,))}


def add_meeting(ed: Action, body: Body, meets_on: dt.date, *, starts_at: str | None = None,
                venue: str | None = None, online: bool = False, status: str | None = None,
                notes: str | None = None) -> int:
    return ed.insert("meeting", {"board_id": body.board_id, "subgroup_id": body.subgroup_id, "meets_on": meets_on,
                                 "starts_at": starts_at, "venue": venue, "online": online,
                                 "status": status or default_status(meets_on), "notes": notes})


def delete_meeting(ed: Action, bf: BoardFile, meeting_id: int) -> None:
    """Remove a meeting with its marks and forward-plan items (all restored by undo); records that only name
    it (an action arising there, a review made there) stay, without the link."""
    for table in ("attendance", "forward_item"):
        for (row_id,) in bf.query(f"SELECT id FROM {table} WHERE meeting_id = ?", (meeting_id,)):
            ed.delete(table, row_id)
    ed.unlink("meeting", meeting_id)
    ed.delete("meeting", meeting_id)


# -- the forward plan --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ForwardItem:
    """An item the forward plan puts on a meeting's agenda, with its lead organisation and when its paper is due."""

    id: int
    meeting_id: int
    title: str
    lead_organisation_id: int | None
    lead: str | None            # the lead organisation's short name
    paper_due_on: dt.date | None
    position: int


def list_forward_items(bf: BoardFile, meeting_ids: list[int]) -> list[ForwardItem]:
    if not meeting_ids:
        return []
    rows = bf.query(
        "SELECT f.id, f.meeting_id, f.title, f.lead_organisation_id, coalesce(o.short_name, o.name), "
        "f.paper_due_on, f.position FROM forward_item f LEFT JOIN organisation o ON o.id = f.lead_organisation_id "
        f"WHERE f.meeting_id IN ({','.join('?' * len(meeting_ids))}) ORDER BY f.position, f.id", meeting_ids)
    return [ForwardItem(r[0], r[1], r[2], r[3], r[4], stored_date(r[5]), r[6])
            for r in rows]


def get_forward_item(bf: BoardFile, item_id: int) -> ForwardItem:
    row = bf.query_one("SELECT meeting_id FROM forward_item WHERE id = ?", (item_id,))
    if row is None:
        raise SGDeskError(f"forward-plan item {item_id} no longer exists: refresh and try again")
    return next(item for item in list_forward_items(bf, [row[0]]) if item.id == item_id)


def add_forward_item(ed: Action, bf: BoardFile, meeting_id: int, title: str, *,
                     lead_organisation_id: int | None = None, paper_due_on: dt.date | None = None) -> int:
    """Put ``title`` on the meeting's agenda; its paper is due :data:`PAPER_LEAD_DAYS` before by default."""
    title = " ".join((title or "").split())
    if not title:
        raise InputError("The item's title", "is empty", "type what the report or item is")
    meeting = get_meeting(bf, meeting_id)
    if bf.scalar("SELECT 1 FROM forward_item WHERE meeting_id = ? AND title = ?", (meeting_id, title)):
        raise InputError(f"'{title}'", f"is already planned for {format_date(meeting.meets_on)}",
                         "choose another meeting or give the item another title")
    position = bf.scalar("SELECT coalesce(max(position), 0) + 1 FROM forward_item f JOIN meeting m "
                         "ON m.id = f.meeting_id WHERE m.board_id = ? AND m.subgroup_id IS ?",
                         (meeting.board_id, meeting.subgroup_id))
    existing = bf.scalar("SELECT min(f.position) FROM forward_item f JOIN meeting m ON m.id = f.meeting_id "
                         "WHERE m.board_id = ? AND m.subgroup_id IS ? AND f.title = ?",
                         (meeting.board_id, meeting.subgroup_id, title))
    due = paper_due_on or meeting.meets_on - dt.timedelta(days=PAPER_LEAD_DAYS)
    return ed.insert("forward_item", {"meeting_id": meeting_id, "title": title,
                                      "lead_organisation_id": lead_organisation_id, "paper_due_on": due,
                                      "position": existing if existing is not None else position})


def remove_forward_item(ed: Action, item_id: int) -> None:
    """Take an item off its meeting's agenda."""
    ed.delete("forward_item", item_id)
