"""Courses, sessions, delegates and bookings as values, and the queries that read them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Literal

from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError, SGDeskError
from sgdesk.fyear import FinancialYear
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
class RegisterMark:
    """A letter a training register is marked with, on screen, on the sign-in sheet and in imports."""

    letter: str
    status: str          # the booking status it records
    meaning: str


#: P and X: never A or D, which in the attendance grid of meetings mean apologies and deputy
REGISTER_MARKS = (RegisterMark("P", "attended", "present"), RegisterMark("X", "dna", "did not attend"))
REGISTER_KEY = " · ".join(f"{mark.letter} {mark.meaning}" for mark in REGISTER_MARKS)
"""``P present · X did not attend``: the key printed beside every register."""


def register_mark(status: str) -> RegisterMark | None:
    """The register mark recording ``status`` (None for a place not marked yet)."""
    return next((mark for mark in REGISTER_MARKS if mark.status == status), None)


@dataclass(frozen=True)
class Course:
    """A course in a board's training programme, of a set level and length, run as sessions."""

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
    """One session of a course: its date, times, venue, trainer and capacity, with the places taken and the
    waiting list."""

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
    to_mark: int = 0             # places not marked on the register yet

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
    """A person who books places on training, with their organisation, sector and line manager;
    ``anonymised_on`` is set once their personal details are removed."""

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
    """One delegate's booking on a training session: its status and place in the queue, and any cancellation,
    substitution or promotion from the waiting list."""

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


#: a session's columns as :func:`session_of` takes them, first in a row: its own (of ``s`` and its course ``c``), then
#: its places taken (:data:`PLACES_SQL`), waiting and unmarked as its tally ``t`` counts them
#: (``training_session_tally``, kept by triggers: db/0016_training_tallies.sql), not its bookings counted
SESSION_COLUMNS = """s.id, s.course_id, c.title, c.level, c.length, s.session_date, s.start_time, s.end_time,
       s.venue, s.online, s.capacity, s.trainer, s.status, s.cancelled_on,
       t.confirmed + t.attended + t.dna, t.waitlisted, t.confirmed"""
#: the tables :data:`SESSION_COLUMNS` come from
SESSION_TABLES = """training_session s JOIN training_course c ON c.id = s.course_id
JOIN training_session_tally t ON t.id = s.id"""
_SESSION_SELECT = f"SELECT {SESSION_COLUMNS} FROM {SESSION_TABLES}"
#: how many columns of a row make a session (the rest are a query's own)
SESSION_WIDTH = 17


def session_of(row: sqlite3.Row | tuple) -> Session:
    """The session in the first columns of a row (:data:`SESSION_COLUMNS`)."""
    values = list(row)[:SESSION_WIDTH]
    values[5] = iso(values[5])
    values[9] = bool(values[9])
    values[13] = iso(values[13])
    return Session(*values)


def list_sessions(bf: BoardFile, board_id: int, *, course_id: int | None = None,
                  start: dt.date | None = None, end: dt.date | None = None) -> list[Session]:
    """Sessions of the board (optionally one course, or between two dates), earliest first."""
    where, params = _session_filter(board_id, course_id, start, end)
    return [session_of(row) for row in bf.query(_SESSION_SELECT + where + " ORDER BY s.session_date, s.start_time, s.id",
                                              params)]


def session_dates(bf: BoardFile, board_id: int, *, start: dt.date | None = None,
                  end: dt.date | None = None) -> dict[int, dt.date]:
    """The date of each of the board's sessions (optionally between two dates), by session id."""
    where, params = _session_filter(board_id, None, start, end)
    rows = bf.query("SELECT s.id, s.session_date FROM training_session s JOIN training_course c ON c.id = s.course_id"
                    + where, params)
    return {row[0]: dt.date.fromisoformat(row[1]) for row in rows}


def _session_filter(board_id: int, course_id: int | None, start: dt.date | None,
                    end: dt.date | None) -> tuple[str, list]:
    where, params = " WHERE c.board_id = ?", [board_id]
    if course_id is not None:
        where += " AND s.course_id = ?"
        params.append(course_id)
    if start is not None:
        where += " AND s.session_date >= ?"
        params.append(start.isoformat())
    if end is not None:
        where += " AND s.session_date <= ?"
        params.append(end.isoformat())
    return where, params


def get_session(bf: BoardFile, session_id: int) -> Session:
    row = bf.query_one(_SESSION_SELECT + " WHERE s.id = ?", (session_id,))
    if row is None:
        raise NotFoundError(f"there is no training session {session_id}: check the session number "
                            "(shown in the Training view's programme)")
    return session_of(row)


def session_state(session: Session, today: dt.date) -> str:
    """What a session's status is on ``today``, as the programme shows it: ``Scheduled`` before its day;
    after it ``Held: register not taken``, ``Held: 3 still to mark`` or ``Held``; ``No bookings``;
    ``Cancelled 3 Oct 2018``."""
    if session.cancelled:
        return f"Cancelled {format_date(session.cancelled_on)}" if session.cancelled_on else "Cancelled"
    if session.session_date > today:
        return "Scheduled"
    if not session.places_taken:
        return "No bookings"
    if session.to_mark == session.places_taken:
        return "Held: register not taken"
    return f"Held: {session.to_mark} still to mark" if session.to_mark else "Held"


def check_register_open(session: Session, today: dt.date) -> None:
    """Refuse (SGDeskError) the register of a cancelled session, or of one whose day has not come."""
    if session.cancelled:
        raise SGDeskError(f"the session {session.label} was cancelled, so it has no register")
    if session.session_date > today:
        raise SGDeskError(f"the session is on {format_date(session.session_date)}: take the register on or after "
                          "that day")


def session_board(bf: BoardFile, session_id: int) -> int:
    return bf.scalar("SELECT c.board_id FROM training_session s JOIN training_course c ON c.id = s.course_id "
                     "WHERE s.id = ?", (session_id,))


def session_years(bf: BoardFile, board_id: int) -> list[FinancialYear]:
    """The financial years with training sessions (held, to come or cancelled), newest first."""
    months = [found[0] for found in bf.query(
        "SELECT DISTINCT substr(s.session_date, 1, 7) || '-01' FROM training_session s "
        "JOIN training_course c ON c.id = s.course_id WHERE c.board_id = ?", (board_id,))]
    return sorted({FinancialYear.containing(dt.date.fromisoformat(month)) for month in months}, reverse=True)


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


@dataclass(frozen=True)
class Attendee:
    """A delegate with a booking on a session, as its register lists them."""

    booking_id: int
    name: str
    organisation: str
    job_title: str | None
    status: str


def register_of(bf: BoardFile, session_id: int, statuses: tuple[str, ...] = PLACE_STATUSES) -> list[Attendee]:
    """The delegates holding a place on the session (or with a booking in ``statuses``), by surname,
    in the order of the printed register, so the screen and the sheet agree."""
    rows = bf.query(
        "SELECT b.id, d.name, o.name, d.job_title, b.status FROM training_booking b "
        "JOIN training_delegate d ON d.id = b.delegate_id JOIN organisation o ON o.id = d.organisation_id "
        f"WHERE b.session_id = ? AND b.status IN ({', '.join('?' * len(statuses))})", (session_id, *statuses))
    people = [Attendee(*row) for row in rows]
    return sorted(people, key=lambda p: (p.name.split()[-1].casefold(), p.name.casefold()))


def find_booking(bf: BoardFile, session_id: int, delegate_id: int) -> Booking | None:
    row = bf.query_one(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE session_id = ? AND delegate_id = ?",
                       (session_id, delegate_id))
    return None if row is None else _booking(row)


def waiting_list(bf: BoardFile, session_id: int) -> list[Booking]:
    """The session's waiting list, first in line first."""
    rows = bf.query(f"SELECT {_BOOKING_COLUMNS} FROM training_booking WHERE session_id = ? AND status = 'waitlisted' "
                    "ORDER BY queue_no, id", (session_id,))
    return [_booking(row) for row in rows]


# -- the bookings list -----------------------------------------------------------------------------------
#: order of a session's bookings: places (by name), then the waiting list (in turn), then the rest
_GROUP = "CASE WHEN b.status IN ('confirmed', 'attended', 'dna') THEN 0 WHEN b.status = 'waitlisted' THEN 1 ELSE 2 END"
_ORDER_ONE = f"""
SELECT b.id, b.delegate_id FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id
WHERE b.session_id = ? ORDER BY {_GROUP}, CASE WHEN {_GROUP} = 0 THEN d.search_key END, b.queue_no, b.id
"""
# Walks sessions latest first by their date index and each one's bookings by the queue index: no sorting.
_ORDER_ALL = """
SELECT b.id, b.delegate_id FROM training_session s INDEXED BY training_session_date
JOIN training_booking b ON b.session_id = s.id
WHERE s.course_id IN (SELECT id FROM training_course WHERE board_id = ?)
ORDER BY s.session_date DESC, s.start_time DESC, s.id DESC, b.queue_no
"""
_LINES = """
SELECT b.id, b.session_id, s.session_date, c.title, c.length, d.name, o.name, d.organisation_id, d.email,
       b.status, b.booked_on, b.approved, b.cancelled_on, b.cancel_reason, b.promoted_on, b.promotion_told,
       sd.name,
       (SELECT count(*) FROM training_booking w WHERE w.session_id = b.session_id AND w.status = 'waitlisted'
        AND (w.queue_no < b.queue_no OR (w.queue_no = b.queue_no AND w.id <= b.id)))
FROM training_booking b JOIN training_session s ON s.id = b.session_id JOIN training_course c ON c.id = s.course_id
JOIN training_delegate d ON d.id = b.delegate_id JOIN organisation o ON o.id = d.organisation_id
LEFT JOIN training_booking sb ON sb.id = b.substitute_for LEFT JOIN training_delegate sd ON sd.id = sb.delegate_id
WHERE b.id IN ({marks})
"""


@dataclass(frozen=True)
class BookingLine:
    """A booking as the bookings list shows it, with its session, course and delegate."""

    id: int
    session_id: int
    session_date: dt.date
    course: str
    length: Length
    delegate: str
    organisation: str
    organisation_id: int
    email: str | None
    status: str
    booked_on: dt.date | None
    approved: bool
    cancelled_on: dt.date | None
    cancel_reason: str | None
    promoted_on: dt.date | None
    promotion_told: bool
    replaced: str | None      # the delegate a substitute stands in for
    place_in_line: int        # on the waiting list: 1 is next


def booking_order(bf: BoardFile, board_id: int, session_id: int | None = None) -> list[tuple[int, int]]:
    """(booking id, delegate id) of a session's bookings in the list's order: places by name, the
    waiting list in turn, then the rest. Without a session: every booking, latest session first.

    It reads only ids, so that a list of 100,000 bookings opens at once; :func:`booking_lines`
    reads the lines on screen.
    """
    if session_id is None:
        cursor = bf.conn.execute(_ORDER_ALL, (board_id,))
    else:
        cursor = bf.conn.execute(_ORDER_ONE, (session_id,))
    cursor.row_factory = None
    return cursor.fetchall()


def booking_lines(bf: BoardFile, booking_ids: list[int]) -> list[BookingLine]:
    """The bookings ``booking_ids`` (any order) as lines of the bookings list."""
    rows = bf.query(_LINES.format(marks=", ".join("?" * len(booking_ids))), booking_ids)
    return [BookingLine(r[0], r[1], iso(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], iso(r[10]), bool(r[11]),
                        iso(r[12]), r[13], iso(r[14]), bool(r[15]), r[16], r[17]) for r in rows]
