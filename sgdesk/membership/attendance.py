"""Writing attendance marks: one cell or a pasted block, always inside one audited action."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.membership.marks import MARKS
from sgdesk.membership.seats import get_seat
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


@dataclass(frozen=True)
class MarkEdit:
    """Set (or with ``mark`` None, clear) one seat's mark at one meeting."""

    seat_id: int
    meeting_id: int
    mark: str | None
    deputy_id: int | None = None    # for D: who came; None keeps the one recorded, else the nominated deputy


def _nominated_deputy(bf: BoardFile, seat_id: int, day: dt.date) -> int | None:
    """The seat's deputy on ``day``, when it has exactly one."""
    deputies = [h.person_id for h in get_seat(bf, seat_id).deputies_on(day)]
    return deputies[0] if len(deputies) == 1 else None


def write_marks(ed: Action, bf: BoardFile, edits: list[MarkEdit]) -> int:
    """Apply ``edits``; returns how many cells changed.

    A planned meeting that receives a mark becomes held (attendance is only taken at meetings
    that happened); a cancelled one refuses marks. Seat and meeting must belong to one body.
    """
    changed = 0
    meetings: dict[int, tuple[dt.date, str, int, int | None]] = {}
    for edit in edits:
        if edit.mark is not None and edit.mark not in MARKS:
            raise InputError(f"'{edit.mark}'", "is not an attendance mark", "use Y, D, A, N or -")
        if edit.meeting_id not in meetings:
            row = bf.query_one("SELECT meets_on, status, board_id, subgroup_id FROM meeting WHERE id = ?",
                               (edit.meeting_id,))
            if row is None:
                raise SGDeskError("that meeting no longer exists: refresh and try again")
            meetings[edit.meeting_id] = (dt.date.fromisoformat(row[0]), row[1], row[2], row[3])
        day, status, board_id, subgroup_id = meetings[edit.meeting_id]
        seat_body = bf.query_one("SELECT board_id, subgroup_id FROM seat WHERE id = ?", (edit.seat_id,))
        if seat_body is None or tuple(seat_body) != (board_id, subgroup_id):
            raise SGDeskError("that seat is not on the body that held this meeting: refresh and try again")
        existing = bf.query_one("SELECT id, mark, deputy_id FROM attendance WHERE seat_id = ? AND meeting_id = ?",
                                (edit.seat_id, edit.meeting_id))
        if edit.mark is None:
            if existing is not None:
                ed.delete("attendance", existing[0])
                changed += 1
            continue
        if status == "cancelled":
            raise SGDeskError(f"the meeting of {format_date(day)} was cancelled, so it has no attendance: "
                              "change its status to held first")
        if status == "planned":
            ed.update("meeting", edit.meeting_id, {"status": "held"})
            meetings[edit.meeting_id] = (day, "held", board_id, subgroup_id)
        deputy = None
        if edit.mark == "D":
            deputy = edit.deputy_id or (existing[2] if existing is not None else None) \
                or _nominated_deputy(bf, edit.seat_id, day)
        if existing is None:
            ed.insert("attendance", {"seat_id": edit.seat_id, "meeting_id": edit.meeting_id, "mark": edit.mark,
                                     "deputy_id": deputy})
            changed += 1
        elif ed.update("attendance", existing[0], {"mark": edit.mark, "deputy_id": deputy}):
            changed += 1
    return changed


def set_mark_details(ed: Action, bf: BoardFile, seat_id: int, meeting_id: int, *, deputy_id: int | None,
                     note: str | None) -> None:
    """Record who deputised and a note on an existing mark."""
    row = bf.query_one("SELECT id, mark FROM attendance WHERE seat_id = ? AND meeting_id = ?", (seat_id, meeting_id))
    if row is None:
        raise SGDeskError("give the seat a mark at this meeting first, then add the details")
    if deputy_id is not None and row[1] != "D":
        raise InputError("A deputy", "can only be named for a D mark", "change the mark to D first")
    ed.update("attendance", row[0], {"deputy_id": deputy_id, "note": (note or "").strip() or None})
