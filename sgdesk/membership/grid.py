"""The attendance grid: a body's seats by its meetings in a period, with each seat's counts.

The rules, in one place, for the app's grid, the reports, Appendix 1 and the flags:

* Only held meetings count. A held meeting with no marks at all is **not recorded**: it is left
  out of every count and listed as needing recording, never read as absence.
* A seat with no mark at a meeting outside its own dates is taken as ``-`` (not expected), so a
  seat that starts or ends inside the period counts only the meetings it was expected at.
* A seat with no mark at a recorded meeting it was expected at is a **missing mark**: it is
  not counted, and is listed.
* Expected = Y + D + A + N; percent = (Y + D) / Expected (see :mod:`.marks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sgdesk.fyear import Period
from sgdesk.membership.bodies import Body
from sgdesk.membership.marks import COUNTED, PRESENT
from sgdesk.membership.meetings import Meeting, list_meetings
from sgdesk.membership.seats import Seat, list_seats
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile


@dataclass(frozen=True)
class Mark:
    """A seat's attendance mark at one meeting, as stored, with the deputy who came (for a D) and any note."""

    id: int
    seat_id: int
    meeting_id: int
    mark: str
    deputy_id: int | None
    deputy_name: str | None
    note: str | None


@dataclass(frozen=True)
class Cell:
    """What a grid cell shows: the mark (typed or implied), and whether it counts."""

    mark: str | None          # None: blank
    implied: bool = False     # a "-" the seat's dates imply, not typed
    counted: bool = False     # part of the seat's Expected
    missing: bool = False     # blank at a recorded meeting the seat was expected at
    record: Mark | None = None


@dataclass
class SeatTotals:
    """Counts as council committee systems publish them."""

    expected: int = 0
    present: int = 0          # Y
    by_deputy: int = 0        # D
    apologies: int = 0        # A
    absent: int = 0           # N

    @property
    def attended(self) -> int:
        return self.present + self.by_deputy

    @property
    def percent(self) -> int | None:
        return whole_percent(self.attended, self.expected)

    def add(self, mark: str) -> None:
        self.expected += 1
        if mark == "Y":
            self.present += 1
        elif mark == "D":
            self.by_deputy += 1
        elif mark == "A":
            self.apologies += 1
        else:
            self.absent += 1


@dataclass(frozen=True)
class MarkChanges:
    """What re-reading some marks changed: the cells, and meetings that became (un)recorded."""

    cells: frozenset[tuple[int, int]]           # (seat id, meeting id)
    flipped_meetings: frozenset[int]


@dataclass
class AttendanceGrid:
    """Seats (rows) by meetings (columns, cancelled ones left out) for one body and period.

    Every cell and every seat's totals are worked out once and kept; :meth:`reread_marks`
    updates only what an edit touched, so the grid keeps up with typing on a large board.
    """

    body: Body
    period: Period | None
    seats: list[Seat]
    meetings: list[Meeting]
    marks: dict[tuple[int, int], Mark] = field(default_factory=dict)
    _totals: dict[int, SeatTotals] = field(default_factory=dict, repr=False)
    _cells: dict[tuple[int, int], Cell] = field(default_factory=dict, repr=False)
    _marks_per_meeting: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.recount()

    # -- loading --------------------------------------------------------------------------------
    def reload_marks(self, bf: BoardFile) -> None:
        """Read all the marks again and recount."""
        self.marks = _marks(bf, [m.id for m in self.meetings])
        self.recount()

    def reread_marks(self, bf: BoardFile, attendance_ids: Iterable[int]) -> MarkChanges:
        """Read again just the attendance rows an edit or undo touched, and recount what they affect."""
        ids = set(attendance_ids)
        meeting_ids = {m.id for m in self.meetings}
        seat_ids = {s.id for s in self.seats}
        found = {mark.id: mark for mark in _read_marks(bf, "id", sorted(ids))
                 if mark.meeting_id in meeting_ids and mark.seat_id in seat_ids}
        changed = {key for key, mark in self.marks.items() if mark.id in ids}
        for key in changed:
            del self.marks[key]
        for mark in found.values():
            key = (mark.seat_id, mark.meeting_id)
            self.marks[key] = mark
            changed.add(key)
        before = {meeting_id for _seat, meeting_id in changed if self._marks_per_meeting.get(meeting_id)}
        self._count_marks()
        touched_meetings = {meeting_id for _seat, meeting_id in changed}
        flipped = {m for m in touched_meetings if (m in before) != bool(self._marks_per_meeting.get(m))}
        seats = {seat.id: seat for seat in self.seats}
        for meeting in self.meetings:
            if meeting.id in flipped:
                for seat in self.seats:
                    self._cells[(seat.id, meeting.id)] = self._cell(seat, meeting)
        by_id = {meeting.id: meeting for meeting in self.meetings}
        for seat_id, meeting_id in changed:
            self._cells[(seat_id, meeting_id)] = self._cell(seats[seat_id], by_id[meeting_id])
        for seat_id in {seat_id for seat_id, _meeting in changed}:
            self._totals[seat_id] = self._count(seats[seat_id])
        return MarkChanges(frozenset(changed), frozenset(flipped))

    def recount(self) -> None:
        self._count_marks()
        self._cells = {(seat.id, meeting.id): self._cell(seat, meeting)
                       for seat in self.seats for meeting in self.meetings}
        self._totals = {seat.id: self._count(seat) for seat in self.seats}

    def _count_marks(self) -> None:
        counts: dict[int, int] = {}
        for _seat, meeting_id in self.marks:
            counts[meeting_id] = counts.get(meeting_id, 0) + 1
        self._marks_per_meeting = counts

    def _cell(self, seat: Seat, meeting: Meeting) -> Cell:
        record = self.marks.get((seat.id, meeting.id))
        if record is not None:
            counts = self.is_recorded(meeting) and record.mark in COUNTED
            return Cell(record.mark, counted=counts, record=record)
        if not seat.active_on(meeting.meets_on):
            return Cell("-", implied=True)
        return Cell(None, missing=self.is_recorded(meeting))

    def _count(self, seat: Seat) -> SeatTotals:
        totals = SeatTotals()
        for meeting in self.meetings:
            cell = self._cells[(seat.id, meeting.id)]
            if cell.counted:
                totals.add(cell.mark)  # type: ignore[arg-type]
        return totals

    # -- what the grid says -----------------------------------------------------------------------
    def is_recorded(self, meeting: Meeting) -> bool:
        return meeting.is_held and bool(self._marks_per_meeting.get(meeting.id))

    @property
    def held_meetings(self) -> list[Meeting]:
        return [m for m in self.meetings if m.is_held]

    @property
    def recorded_meetings(self) -> list[Meeting]:
        return [m for m in self.meetings if self.is_recorded(m)]

    @property
    def unrecorded_meetings(self) -> list[Meeting]:
        """Held meetings with no marks at all: not counted, to be recorded."""
        return [m for m in self.meetings if m.is_held and not self._marks_per_meeting.get(m.id)]

    def cell(self, seat: Seat, meeting: Meeting) -> Cell:
        return self._cells[(seat.id, meeting.id)]

    def totals(self, seat: Seat) -> SeatTotals:
        return self._totals[seat.id]

    def missing_marks(self) -> list[tuple[Seat, Meeting]]:
        return [(seat, meeting) for meeting in self.recorded_meetings for seat in self.seats
                if self.cell(seat, meeting).missing]

    def counted_marks(self, seat: Seat) -> list[tuple[Meeting, str]]:
        """The seat's counted marks in date order (what the deputy rule looks along)."""
        found = []
        for meeting in self.meetings:
            cell = self.cell(seat, meeting)
            if cell.counted:
                found.append((meeting, cell.mark))
        return found

    def present_at(self, seat: Seat, meeting: Meeting) -> bool:
        cell = self.cell(seat, meeting)
        return cell.counted and cell.mark in PRESENT

    def overall(self) -> SeatTotals:
        """All seats together."""
        total = SeatTotals()
        for seat_totals in self._totals.values():
            total.expected += seat_totals.expected
            total.present += seat_totals.present
            total.by_deputy += seat_totals.by_deputy
            total.apologies += seat_totals.apologies
            total.absent += seat_totals.absent
        return total

    def row_of(self, seat_id: int) -> int | None:
        return next((i for i, seat in enumerate(self.seats) if seat.id == seat_id), None)

    def column_of(self, meeting_id: int) -> int | None:
        return next((i for i, meeting in enumerate(self.meetings) if meeting.id == meeting_id), None)


def _read_marks(bf: BoardFile, column: str, ids: list[int]) -> list[Mark]:
    """The marks whose ``column`` (``id`` or ``meeting_id``) is one of ``ids``."""
    if not ids:
        return []
    rows = bf.query(
        "SELECT a.id, a.seat_id, a.meeting_id, a.mark, a.deputy_id, p.name, a.note FROM attendance a "
        f"LEFT JOIN person p ON p.id = a.deputy_id WHERE a.{column} IN ({','.join('?' * len(ids))})", ids)
    return [Mark(*r) for r in rows]


def _marks(bf: BoardFile, meeting_ids: list[int]) -> dict[tuple[int, int], Mark]:
    return {(m.seat_id, m.meeting_id): m for m in _read_marks(bf, "meeting_id", meeting_ids)}


def load_grid(bf: BoardFile, body: Body, period: Period | None = None) -> AttendanceGrid:
    """The grid of ``body`` in ``period`` (whole record without one)."""
    meetings = list_meetings(bf, body, period, include_cancelled=False)
    seats = list_seats(bf, body, period)
    return AttendanceGrid(body, period, seats, meetings, _marks(bf, [m.id for m in meetings]))


def record_span(grid: AttendanceGrid) -> Period | None:
    """The period a grid covers: its own, or from its first to its last meeting."""
    if grid.period is not None:
        return grid.period
    if not grid.meetings:
        return None
    return Period(grid.meetings[0].meets_on, grid.meetings[-1].meets_on)
