"""Courses, sessions, delegates and bookings as values, and the queries that read them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Literal

from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError
from sgdesk.store import BoardFile

Length = Literal["half", "full"]
LENGTHS: dict[str, str] = {"half": "Half day", "full": "Full day"}
LEVELS = (1, 2, 3, 4)

#: bookings in these statuses hold one of the session's places
PLACE_STATUSES = ("confirmed", "attended", "dna")
STATUS_LABELS: dict[str, str] = {
    "confirmed": "Confirmed",
    "waitlisted": "Waiting list",
    "cancelled": "Cancelled",
    "substituted": "Substituted",
    "attended": "Attended",
    "dna": "Did not attend",
}
PLACES_SQL = "('confirmed', 'attended', 'dna')"


@dataclass(frozen=True)
class Course:
    id: int
    board_id: int
    title: str
    level: int
    audience: str | None
    length: Length
    description: str | None
    default_capacity: int

    @property
    def length_label(self) -> str:
        return LENGTHS[self.length]


@dataclass(frozen=True)
class Session:
    id: int
    course_id: int
    course_title: str
    level: int
    length: Length
    session_date: dt.date
    start_time: str
    end_time: str
    venue: str | None
    online: bool
    capacity: int
    trainer: str | None
    status: str
    cancelled_on: dt.date | None
    places_taken: int
    waiting: int

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.places_taken, 0)

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def where(self) -> str:
        if self.online:
            return f"Online ({self.venue})" if self.venue else "Online"
        return self.venue or "Venue to be confirmed"

    @property
    def label(self) -> str:
        """``Neglect: Level 3 — 3 Oct 2018, 09:30`` (how sessions are named on screen)."""
        return f"{self.course_title} — {format_date(self.session_date)}, {self.start_time}"


@dataclass(frozen=True)
class Delegate:
    id: int
    board_id: int
    name: str
    email: str | None
    job_title: str | None
    organisation_id: int
    organisation: str
    sector: str
    manager_name: str | None
    manager_email: str | None
    anonymised_on: dt.date | None


@dataclass(frozen=True)
class Booking:
    id: int
    session_id: int
    delegate_id: int
    booked_on: dt.date
    approved: bool
    status: str
    queue_no: int
    cancelled_on: dt.date | None
    cancel_reason: str | None
    substitute_for: int | None
    promoted_on: dt.date | None
    promotion_told: bool

    @property
    def holds_place(self) -> bool:
        return self.status in PLACE_STATUSES


def iso(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


_COURSE_COLUMNS = "id, board_id, title, level, audience, length, description, default_capacity"


def list_courses(bf: BoardFile, board_id: int) -> list[Course]:
    rows = bf.query(f"SELECT {_COURSE_COLUMNS} FROM training_course WHERE board_id = ? ORDER BY level, title",
                    (board_id,))
    return [Course(*row) for row in rows]


def get_course(bf: BoardFile, course_id: int) -> Course:
    row = bf.query_one(f"SELECT {_COURSE_COLUMNS} FROM training_course WHERE id = ?", (course_id,))
    if row is None:
        raise NotFoundError(f"there is no training course {course_id}: refresh the programme and choose again")
    return Course(*row)


_SESSION_SELECT = f"""
SELECT s.id, s.course_id, c.title, c.level, c.length, s.session_date, s.start_time, s.end_time, s.venue,
       s.online, s.capacity, s.trainer, s.status, s.cancelled_on,
       (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status IN {PLACES_SQL}),
       (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status = 'waitlisted')
FROM training_session s JOIN training_course c ON c.id = s.course_id
"""


def _session(row: sqlite3.Row) -> Session:
    values = list(row)
    values[5] = iso(values[5])
    values[9] = bool(values[9])
    values[13] = iso(values[13])
    return Session(*values)


def list_sessions(bf: BoardFile, board_id: int, *, course_id: int | None = None,
                  start: dt.date | None = None, end: dt.date | None = None) -> list[Session]:
    """Sessions of the board (optionally one course, or between two dates), earliest first."""
    sql = _SESSION_SELECT + " WHERE c.board_id = ?"
    params: list = [board_id]
    if course_id is not None:
        sql += " AND s.course_id = ?"
        params.append(course_id)
    if start is not None:
        sql += " AND s.session_date >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND s.session_date <= ?"
        params.append(end.isoformat())
    return [_session(row) for row in bf.query(sql + " ORDER BY s.session_date, s.start_time, s.id", params)]


def get_session(bf: BoardFile, session_id: int) -> Session:
    row = bf.query_one(_SESSION_SELECT + " WHERE s.id = ?", (session_id,))
    if row is None:
        raise NotFoundError(f"there is no training session {session_id}: check the session number "
                            "(shown in the Training view's programme)")
    return _session(row)


def session_board(bf: BoardFile, session_id: int) -> int:
    return bf.scalar("SELECT c.board_id FROM training_session s JOIN training_course c ON c.id = s.course_id "
                     "WHERE s.id = ?", (session_id,))


_DELEGATE_SELECT = """
SELECT d.id, d.board_id, d.name, d.email, d.job_title, d.organisation_id, o.name, d.sector, d.manager_name,
       d.manager_email, d.anonymised_on
FROM training_delegate d JOIN organisation o ON o.id = d.organisation_id
"""


def get_delegate(bf: BoardFile, delegate_id: int) -> Delegate:
    row = bf.query_one(_DELEGATE_SELECT + " WHERE d.id = ?", (delegate_id,))
    if row is None:
        raise NotFoundError(f"there is no delegate {delegate_id}: refresh and choose again")
    return _delegate(row)


def _delegate(row: sqlite3.Row) -> Delegate:
    values = list(row)
    values[10] = iso(values[10])
    return Delegate(*values)


def list_delegates(bf: BoardFile, board_id: int) -> list[Delegate]:
    rows = bf.query(_DELEGATE_SELECT + " WHERE d.board_id = ? AND d.anonymised_on IS NULL ORDER BY d.name",
                    (board_id,))
    return [_delegate(row) for row in rows]


_BOOKING_COLUMNS = ("id, session_id, delegate_id, booked_on, approved, status, queue_no, cancelled_on, "
                    "cancel_reason, substitute_for, promoted_on, promotion_told")


def _booking(row: sqlite3.Row) -> Booking:
    values = list(row)
    values[3] = iso(values[3])
    values[4] = bool(values[4])
    values[7] = iso(values[7])
    values[10] = iso(values[10])
    values[11] = bool(values[11])
    return Booking(*values)


def get_booking(bf: BoardFile, booking_id: int) -> Booking:
    row = bf.query_one(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE id = ?", (booking_id,))
    if row is None:
        raise NotFoundError(f"there is no booking {booking_id}: refresh and choose again")
    return _booking(row)


def session_bookings(bf: BoardFile, session_id: int) -> list[Booking]:
    rows = bf.query(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE session_id = ? ORDER BY queue_no, id",
                    (session_id,))
    return [_booking(row) for row in rows]


def find_booking(bf: BoardFile, session_id: int, delegate_id: int) -> Booking | None:
    row = bf.query_one(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE session_id = ? AND delegate_id = ?",
                       (session_id, delegate_id))
    return None if row is None else _booking(row)


def waiting_list(bf: BoardFile, session_id: int) -> list[Booking]:
    """The session's waiting list, first in line first."""
    rows = bf.query(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE session_id = ? AND status = 'waitlisted' "
                    "ORDER BY queue_no, id", (session_id,))
    return [_booking(row) for row in rows]
