"""The booking rules: capacity, the waiting list, cancelling, substituting and the register.

* Confirmed, attended and did-not-attend bookings hold the session's places; there are never
  more of them than the capacity (the board file refuses it too).
* A booking made when the session is full joins the end of the waiting list. A freed place
  (a cancellation, more places) goes at once to the first on the list; the booking records the
  day it was promoted and stays flagged until the administrator has told the delegate.
* One delegate holds at most one booking per session; rebooking after a cancellation reopens
  the same booking, at the end of the queue.
* A substitute takes the original delegate's place, free of charge.
* Cancelling a session cancels its bookings without charge.

Every change appends an event to the booking's history (``training_booking_event``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action, BatchRule, BatchTally
from sgdesk.training.model import (
    PLACE_STATUSES,
    PLACES_SQL,
    STATUS_LABELS,
    Booking,
    check_register_open,
    find_booking,
    get_booking,
    get_delegate,
    get_session,
    waiting_list,
)

ACTIVE_STATUSES = ("confirmed", "waitlisted", "attended", "dna")
EVENT_LABELS: dict[str, str] = {
    "booked": "Booked: place confirmed",
    "waitlisted": "Booked: on the waiting list",
    "rebooked": "Booked again",
    "promoted": "Given a place from the waiting list",
    "cancelled": "Cancelled",
    "withdrawn": "Left the waiting list",
    "substituted": "Place passed to a substitute",
    "substitute": "Took the place as a substitute",
    "attended": "Attended",
    "dna": "Did not attend",
    "cleared": "Attendance mark cleared",
    "session cancelled": "Session cancelled",
}


@dataclass(frozen=True)
class Outcome:
    """What a booking action did: the booking, its status now, and who left the waiting list."""

    booking_id: int
    status: str
    promoted: tuple[int, ...] = ()


def add_event(ed: Action, booking_id: int, on: dt.date, event: str, status: str,
              related: int | None = None) -> None:
    ed.insert("training_booking_event", _event(booking_id, on, event, status, related))


def places_taken(bf: BoardFile, session_id: int) -> int:
    return bf.scalar(f"SELECT count(*) FROM training_booking WHERE session_id = ? AND status IN {PLACES_SQL}",
                     (session_id,))


def _next_queue_no(bf: BoardFile, session_id: int) -> int:
    return bf.scalar("SELECT coalesce(max(queue_no), 0) + 1 FROM training_booking WHERE session_id = ?",
                     (session_id,))


def _open_session(bf: BoardFile, session_id: int):
    session = get_session(bf, session_id)
    if session.cancelled:
        raise SGDeskError(f"the session {session.label} was cancelled: book the delegate on another session")
    return session


def _delegate_name(bf: BoardFile, delegate_id: int) -> str:
    return get_delegate(bf, delegate_id).name


def _refuse_second_booking(bf: BoardFile, existing: Booking | None) -> None:
    if existing is not None and existing.status in ACTIVE_STATUSES:
        raise SGDeskError(f"{_delegate_name(bf, existing.delegate_id)} already has a booking on this session "
                          f"({STATUS_LABELS[existing.status].lower()}): a delegate holds one booking per session")


def book(ed: Action, bf: BoardFile, session_id: int, delegate_id: int, *, booked_on: dt.date,
         approved: bool = False) -> Outcome:
    """Book a place, or a place on the waiting list when the session is full."""
    session = _open_session(bf, session_id)
    existing = find_booking(bf, session_id, delegate_id)
    _refuse_second_booking(bf, existing)
    status = "confirmed" if places_taken(bf, session_id) < session.capacity else "waitlisted"
    values = {"status": status, "queue_no": _next_queue_no(bf, session_id), "booked_on": booked_on,
              "approved": approved, "cancelled_on": None, "cancel_reason": None, "substitute_for": None,
              "promoted_on": None, "promotion_told": False}
    if existing is None:
        booking_id = ed.insert("training_booking", {"session_id": session_id, "delegate_id": delegate_id, **values})
        add_event(ed, booking_id, booked_on, "booked" if status == "confirmed" else "waitlisted", status)
    else:
        booking_id = existing.id
        ed.update("training_booking", booking_id, values)
        add_event(ed, booking_id, booked_on, "rebooked", status)
    return Outcome(booking_id, status)


#: capacity for a batch of bookings (an import's), checked once for every session the batch gives places on
#: instead of by the trigger ``training_booking_capacity_insert`` (db/0005_training.sql) before each row,
#: refusing with the trigger's message
CAPACITY_RULE = BatchRule(
    "training_booking_capacity_insert",
    f"""SELECT 1 FROM training_session s
        WHERE s.id IN (SELECT session_id FROM training_booking WHERE id BETWEEN ? AND ? AND status IN {PLACES_SQL})
          AND (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status IN {PLACES_SQL})
              > s.capacity
        LIMIT 1""")
#: the tally of each session's bookings for a batch of bookings (an import's), added to once for every session
#: the batch books on instead of by the trigger ``training_booking_tally_insert`` (db/0016_training_tallies.sql)
#: after each row; a new booking has no evaluation yet, so only the counts change
TALLY_BATCH = BatchTally(
    "training_booking_tally_insert",
    """UPDATE training_session_tally
       SET (confirmed, waitlisted, attended, dna, cancelled, substituted, substitutes) = (
           SELECT t.confirmed + sum(b.status = 'confirmed'), t.waitlisted + sum(b.status = 'waitlisted'),
                  t.attended + sum(b.status = 'attended'), t.dna + sum(b.status = 'dna'),
                  t.cancelled + sum(b.status = 'cancelled'), t.substituted + sum(b.status = 'substituted'),
                  t.substitutes + sum(b.substitute_for IS NOT NULL)
           FROM training_session_tally t, training_booking b
           WHERE t.id = training_session_tally.id AND b.session_id = t.id AND b.id BETWEEN ?1 AND ?2)
       WHERE id IN (SELECT session_id FROM training_booking WHERE id BETWEEN ?1 AND ?2)""")
#: each delegate's last booked session for a batch of bookings (an import's), found once for every delegate the
#: batch books instead of by the trigger ``training_booking_last_session_insert`` (db/0017_delegate_last_sessions.sql)
#: after each row: the latest of the batch's sessions, or the one they had if it is later
LAST_SESSION_BATCH = BatchTally(
    "training_booking_last_session_insert",
    """INSERT INTO training_delegate_last_session (id, board_id, anonymised, session_date)
       SELECT d.id, d.board_id, d.anonymised_on IS NOT NULL, max(s.session_date)
       FROM training_booking b JOIN training_session s ON s.id = b.session_id
       JOIN training_delegate d ON d.id = b.delegate_id
       WHERE b.id BETWEEN ?1 AND ?2 GROUP BY d.id
       ON CONFLICT (id) DO UPDATE
       SET session_date = max(training_delegate_last_session.session_date, excluded.session_date)""")


@dataclass(frozen=True)
class RecordedBooking:
    """A booking as another system recorded it (an import's row)."""

    session_id: int
    delegate_id: int
    status: str
    booked_on: dt.date
    approved: bool = False
    cancelled_on: dt.date | None = None


def record_booking(ed: Action, bf: BoardFile, session_id: int, delegate_id: int, *, status: str,
                   booked_on: dt.date, approved: bool = False, cancelled_on: dt.date | None = None) -> int:
    """Write a booking as another system recorded it (imports), with its history.

    The caller has checked capacity and duplicates; the board file still refuses an overfull session.
    """
    return record_bookings(ed, bf, [RecordedBooking(session_id, delegate_id, status, booked_on, approved,
                                                    cancelled_on)])[0]


def record_bookings(ed: Action, bf: BoardFile, bookings: list[RecordedBooking]) -> list[int]:
    """Write bookings as another system recorded them (imports), each with its history, the bookings and
    then their events each in one go; returns the bookings' ids in order (see :func:`record_booking`)."""
    sessions = sorted({booking.session_id for booking in bookings})
    dates, queues = {}, {}
    for start in range(0, len(sessions), 500):
        chunk = sessions[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        dates |= {row[0]: dt.date.fromisoformat(row[1]) for row in bf.query(
            f"SELECT id, session_date FROM training_session WHERE id IN ({marks})", chunk)}
        queues |= {row[0]: row[1] for row in bf.query(
            f"SELECT session_id, max(queue_no) FROM training_booking WHERE session_id IN ({marks}) GROUP BY session_id",
            chunk)}
    ids = ed.insert_many("training_booking", _booking_rows(bookings, queues), rules=[CAPACITY_RULE],
                         tallies=[TALLY_BATCH, LAST_SESSION_BATCH])
    events = []
    for booking_id, booking in zip(ids, bookings):
        first = "waitlisted" if booking.status == "waitlisted" else "confirmed"
        events.append(_event(booking_id, booking.booked_on, "booked" if first == "confirmed" else "waitlisted", first))
        if booking.status == "cancelled":
            events.append(_event(booking_id, booking.cancelled_on or booking.booked_on, "cancelled", booking.status))
        elif booking.status in ("attended", "dna", "substituted"):
            events.append(_event(booking_id, max(dates[booking.session_id], booking.booked_on), booking.status,
                                 booking.status))
    ed.insert_many("training_booking_event", events)
    return ids


def _booking_rows(bookings: list[RecordedBooking], queues: dict[int, int]) -> Iterator[dict]:
    """Each booking's row, at the end of its session's queue (``queues``: each session's last queue number so
    far), made as they are written rather than all kept beside the events."""
    for booking in bookings:
        queues[booking.session_id] = queue_no = queues.get(booking.session_id, 0) + 1
        yield {"session_id": booking.session_id, "delegate_id": booking.delegate_id,
               "booked_on": booking.booked_on, "approved": booking.approved, "status": booking.status,
               "queue_no": queue_no, "cancelled_on": booking.cancelled_on,
               "cancel_reason": "delegate" if booking.status == "cancelled" else None}


def _event(booking_id: int, on: dt.date, event: str, status: str, related: int | None = None) -> dict:
    return {"booking_id": booking_id, "on_date": on, "event": event, "status": status, "related_booking_id": related}


def promote_waiting(ed: Action, bf: BoardFile, session_id: int, *, on: dt.date) -> list[int]:
    """Give each free place to the first on the waiting list; returns the bookings promoted."""
    session = get_session(bf, session_id)
    free = session.capacity - places_taken(bf, session_id)
    promoted = []
    for booking in waiting_list(bf, session_id)[:max(free, 0)]:
        ed.update("training_booking", booking.id, {"status": "confirmed", "promoted_on": on,
                                                   "promotion_told": False})
        add_event(ed, booking.id, on, "promoted", "confirmed")
        promoted.append(booking.id)
    return promoted


def promote_from_waiting_list(ed: Action, bf: BoardFile, session_id: int, *, on: dt.date) -> list[int]:
    """The administrator's 'promote' button: fill free places from the list, or say why not."""
    session = _open_session(bf, session_id)
    if not session.waiting:
        raise SGDeskError("nobody is on the waiting list for this session")
    if session.free_places == 0:
        raise SGDeskError(f"all {session.capacity} places are taken: cancel a booking or add places first "
                          "(the first on the waiting list then gets the place)")
    return promote_waiting(ed, bf, session_id, on=on)


def cancel(ed: Action, bf: BoardFile, booking_id: int, *, on: dt.date) -> Outcome:
    """Cancel a place (or leave the waiting list) on ``on``; a freed place goes to the waiting list."""
    booking = get_booking(bf, booking_id)
    if booking.status not in ("confirmed", "waitlisted"):
        hint = ("clear the attendance mark first" if booking.holds_place
                else "it is already " + STATUS_LABELS[booking.status].lower())
        raise SGDeskError(f"this booking is {STATUS_LABELS[booking.status].lower()}, so it cannot be cancelled: {hint}")
    if on < booking.booked_on:
        raise SGDeskError(f"the cancellation date {format_date(on)} is before the booking was made "
                          f"({format_date(booking.booked_on)}): check the date")
    held_place = booking.status == "confirmed"
    ed.update("training_booking", booking_id, {"status": "cancelled", "cancelled_on": on,
                                               "cancel_reason": "delegate" if held_place else "waitlist"})
    add_event(ed, booking_id, on, "cancelled" if held_place else "withdrawn", "cancelled")
    promoted = promote_waiting(ed, bf, booking.session_id, on=on) if held_place else []
    return Outcome(booking_id, "cancelled", tuple(promoted))


def substitute(ed: Action, bf: BoardFile, booking_id: int, substitute_delegate_id: int, *, on: dt.date,
               approved: bool = False) -> Outcome:
    """Pass a confirmed place to another delegate, free; returns the substitute's booking."""
    booking = get_booking(bf, booking_id)
    if booking.status != "confirmed":
        raise SGDeskError(f"only a confirmed place can be passed to a substitute; this booking is "
                          f"{STATUS_LABELS[booking.status].lower()}")
    if substitute_delegate_id == booking.delegate_id:
        raise SGDeskError("the substitute is the same person as the delegate: choose someone else")
    _open_session(bf, booking.session_id)
    existing = find_booking(bf, booking.session_id, substitute_delegate_id)
    _refuse_second_booking(bf, existing)
    ed.update("training_booking", booking_id, {"status": "substituted"})  # frees the place first
    values = {"status": "confirmed", "queue_no": booking.queue_no, "booked_on": on, "approved": approved,
              "substitute_for": booking_id, "cancelled_on": None, "cancel_reason": None, "promoted_on": None,
              "promotion_told": False}
    if existing is None:
        new_id = ed.insert("training_booking", {"session_id": booking.session_id,
                                                "delegate_id": substitute_delegate_id, **values})
    else:
        new_id = existing.id
        ed.update("training_booking", new_id, values)
    add_event(ed, booking_id, on, "substituted", "substituted", related=new_id)
    add_event(ed, new_id, on, "substitute", "confirmed", related=booking_id)
    return Outcome(new_id, "confirmed")


def mark_attendance(ed: Action, bf: BoardFile, booking_id: int, status: str, *, on: dt.date) -> bool:
    """Mark a place ``attended`` or ``dna``, or clear the mark (``confirmed``); False if unchanged."""
    if status not in PLACE_STATUSES:
        raise ValueError(f"attendance is attended, dna or confirmed, not {status!r}")
    booking = get_booking(bf, booking_id)
    if not booking.holds_place:
        raise SGDeskError(f"only delegates with a place are on the register; this booking is "
                          f"{STATUS_LABELS[booking.status].lower()}")
    if booking.status == status:
        return False
    check_register_open(get_session(bf, booking.session_id), on)
    if status != "attended" and bf.scalar("SELECT 1 FROM training_evaluation WHERE booking_id = ?", (booking_id,)):
        raise SGDeskError("this delegate's evaluation is recorded, so they attended: delete the evaluation first "
                          "if the mark is wrong")
    ed.update("training_booking", booking_id, {"status": status})
    add_event(ed, booking_id, on, {"attended": "attended", "dna": "dna", "confirmed": "cleared"}[status], status)
    return True


def set_approved(ed: Action, booking_id: int, approved: bool) -> bool:
    return ed.update("training_booking", booking_id, {"approved": approved})


def mark_told(ed: Action, booking_id: int) -> bool:
    """Record that the delegate promoted from the waiting list has been told about the place."""
    return ed.update("training_booking", booking_id, {"promotion_told": True})


def cancel_session(ed: Action, bf: BoardFile, session_id: int, *, on: dt.date) -> int:
    """Cancel a session and, without charge, every booking on it; returns the bookings cancelled."""
    session = get_session(bf, session_id)
    if session.cancelled:
        raise SGDeskError(f"the session {session.label} is already cancelled")
    marked = bf.scalar("SELECT count(*) FROM training_booking WHERE session_id = ? AND status IN ('attended', 'dna')",
                       (session_id,))
    if marked:
        raise SGDeskError(f"the register of this session is taken ({marked} marked): a session that ran cannot be "
                          "cancelled; clear the marks first if it really did not run")
    ed.update("training_session", session_id, {"status": "cancelled", "cancelled_on": on})
    rows = bf.query("SELECT id FROM training_booking WHERE session_id = ? AND status IN ('confirmed', 'waitlisted') "
                    "ORDER BY queue_no", (session_id,))
    for row in rows:
        ed.update("training_booking", row[0], {"status": "cancelled", "cancelled_on": on, "cancel_reason": "session"})
        add_event(ed, row[0], on, "session cancelled", "cancelled")
    return len(rows)


@dataclass(frozen=True)
class Promotion:
    """A place given from the waiting list that the delegate has not yet been told about."""

    booking_id: int
    session_id: int
    delegate: str
    course: str
    session_date: dt.date
    promoted_on: dt.date


def untold_promotions(bf: BoardFile, board_id: int, session_id: int | None = None) -> list[Promotion]:
    """Places given from a waiting list whose delegates are still to be told (of one session, or all)."""
    rows = bf.query("""
        SELECT b.id, b.session_id, d.name, c.title, s.session_date, b.promoted_on
        FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id
        JOIN training_session s ON s.id = b.session_id JOIN training_course c ON c.id = s.course_id
        WHERE c.board_id = ? AND (? IS NULL OR s.id = ?) AND b.promoted_on IS NOT NULL AND b.promotion_told = 0
        AND b.status = 'confirmed' ORDER BY s.session_date, b.promoted_on""", (board_id, session_id, session_id))
    return [Promotion(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), dt.date.fromisoformat(r[5]))
            for r in rows]


@dataclass(frozen=True)
class HistoryEntry:
    """One event in a booking's history: the day, what happened, the status it left, and the substitute or
    original delegate it involved."""

    on: dt.date
    event: str
    status: str
    related_delegate: str | None

    @property
    def text(self) -> str:
        label = EVENT_LABELS.get(self.event, self.event)
        if self.related_delegate and self.event == "substituted":
            return f"{label} ({self.related_delegate})"
        if self.related_delegate and self.event == "substitute":
            return f"{label} of {self.related_delegate}"
        return label


def booking_history(bf: BoardFile, booking_id: int) -> list[HistoryEntry]:
    """The booking's status history, oldest first."""
    rows = bf.query("SELECT e.on_date, e.event, e.status, d.name FROM training_booking_event e "
                    "LEFT JOIN training_booking r ON r.id = e.related_booking_id "
                    "LEFT JOIN training_delegate d ON d.id = r.delegate_id "
                    "WHERE e.booking_id = ? ORDER BY e.id", (booking_id,))
    return [HistoryEntry(dt.date.fromisoformat(row[0]), row[1], row[2], row[3]) for row in rows]
