"""Courses and sessions: reading them as typed, adding, changing and removing them."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from sgdesk.errors import InputError, SGDeskError, quoted
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.model import LENGTHS, get_session

DEFAULT_TIMES = {"half": ("09:30", "12:30"), "full": ("09:30", "16:30")}
_HOURS = {"half": 3, "full": 7}
_TIME = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:.h ]?(?P<minute>[0-9]{2}))? ?(?P<ampm>am|pm|a\.m\.|p\.m\.)?")
_LEVEL = re.compile(r"(?:level|lvl|l)? ?(?P<level>[0-9])(?:\.0)?")
_HALF = {"half", "half day", "half-day", "0.5", "0.5 day", "am", "pm", "morning", "afternoon", "1/2 day", "½ day"}
_FULL = {"full", "full day", "full-day", "1", "1.0", "1 day", "one day", "whole day", "day"}


def parse_time(value: object) -> str:
    """A time of day as ``HH:MM``: reads 9:30, 09.30, 9.30am, 1:30 pm, 0930 and Excel times.

    >>> parse_time("1.30pm"), parse_time("0930"), parse_time(0.6875)
    ('13:30', '09:30', '16:30')
    """
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    text = " ".join(str(value).split()).casefold()
    match = _TIME.fullmatch(text)
    if match:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        ampm = (match["ampm"] or "").replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and (not ampm or 1 <= int(match["hour"]) <= 12):
            return f"{hour:02d}:{minute:02d}"
    raise InputError(quoted(value), "is not a time of day", "write times as 09:30 or 1.30pm")


def default_end(start: str, length: str) -> str | None:
    """The usual end of a session of ``length`` starting at ``start`` (3 or 7 hours later), if that day."""
    hour, minute = map(int, start.split(":"))
    end = hour + _HOURS[length]
    return f"{end:02d}:{minute:02d}" if end < 24 else None


def parse_level(value: object) -> int:
    """A course level from 1 to 4: reads 2, "Level 2", "L2"."""
    match = _LEVEL.fullmatch(" ".join(str(value).split()).casefold())
    if match and 1 <= int(match["level"]) <= 4:
        return int(match["level"])
    raise InputError(quoted(value), "is not a course level", "write a level from 1 to 4")


def parse_length(value: object) -> str:
    """``half`` or ``full`` (day): reads "Half day", "AM", "0.5", "Full day", "1 day"."""
    text = " ".join(str(value).split()).casefold()
    if text in _HALF:
        return "half"
    if text in _FULL:
        return "full"
    raise InputError(quoted(value), "is not a session length", "write Half day or Full day")


#: more places than any venue or online session holds: a larger number is a typing mistake
MAX_CAPACITY = 10_000


def parse_capacity(value: object) -> int:
    """A number of places, at least 1 (a spreadsheet's "20.0" reads as 20)."""
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        raise InputError(quoted(value), "is not a number of places", "write a whole number such as 20") from None
    if not math.isfinite(number) or number != int(number) or not 1 <= number <= MAX_CAPACITY:
        raise InputError(quoted(value), "is not a number of places", f"write a whole number from 1 to {MAX_CAPACITY:,}")
    return int(number)


@dataclass(frozen=True)
class CourseDetails:
    """A course as someone types it or an import gives it, before it is checked and saved."""

    title: str
    level: int
    length: str
    default_capacity: int
    audience: str | None = None
    description: str | None = None

    def values(self) -> dict:
        title = " ".join(self.title.split())
        if not title:
            raise InputError("The course title", "is empty", "give the course a title")
        if self.level not in (1, 2, 3, 4):
            raise InputError(f"'{self.level}'", "is not a course level", "choose a level from 1 to 4")
        if self.length not in LENGTHS:
            raise InputError(f"'{self.length}'", "is not a session length", "choose half day or full day")
        if self.default_capacity < 1:
            raise InputError(f"'{self.default_capacity}'", "is not a number of places", "give 1 or more places")
        return {"title": title, "level": self.level, "length": self.length,
                "default_capacity": self.default_capacity, "audience": _blank_none(self.audience),
                "description": _blank_none(self.description)}


@dataclass(frozen=True)
class SessionDetails:
    """A session as someone types it or an import gives it, before it is checked and saved."""

    course_id: int
    session_date: dt.date
    start_time: str
    end_time: str
    capacity: int
    venue: str | None = None
    online: bool = False
    trainer: str | None = None

    def values(self) -> dict:
        start, end = parse_time(self.start_time), parse_time(self.end_time)
        if end <= start:
            raise InputError(f"'{start} to {end}'", "ends before it starts", "put the start time first")
        if self.capacity < 1:
            raise InputError(f"'{self.capacity}'", "is not a number of places", "give 1 or more places")
        return {"course_id": self.course_id, "session_date": self.session_date, "start_time": start,
                "end_time": end, "capacity": self.capacity, "venue": _blank_none(self.venue),
                "online": bool(self.online), "trainer": _blank_none(self.trainer)}


def _blank_none(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def find_course(bf: BoardFile, board_id: int, title: str) -> int | None:
    return bf.scalar("SELECT id FROM training_course WHERE board_id = ? AND title = ?",
                     (board_id, " ".join(title.split())))


def add_course(ed: Action, bf: BoardFile, board_id: int, details: CourseDetails) -> int:
    values = details.values()
    if find_course(bf, board_id, values["title"]) is not None:
        raise SGDeskError(f"there is already a course called '{values['title']}': give this one another title")
    return ed.insert("training_course", {"board_id": board_id, **values})


def update_course(ed: Action, bf: BoardFile, course_id: int, details: CourseDetails) -> bool:
    values = details.values()
    board_id = bf.scalar("SELECT board_id FROM training_course WHERE id = ?", (course_id,))
    other = find_course(bf, board_id, values["title"])
    if other is not None and other != course_id:
        raise SGDeskError(f"there is already a course called '{values['title']}': give this one another title")
    return ed.update("training_course", course_id, values)


def check_course_removable(bf: BoardFile, course_id: int) -> None:
    """Refuse (SGDeskError) to remove a course that has sessions."""
    sessions = bf.scalar("SELECT count(*) FROM training_session WHERE course_id = ?", (course_id,))
    if sessions:
        raise SGDeskError(f"the course has {sessions} session(s): remove or move them first "
                          "(or keep the course: it is part of the programme's record)")


def delete_course(ed: Action, bf: BoardFile, course_id: int) -> None:
    check_course_removable(bf, course_id)
    ed.delete("training_course", course_id)


def add_session(ed: Action, bf: BoardFile, details: SessionDetails) -> int:
    return ed.insert("training_session", {**details.values(), "status": "scheduled"})


def update_session(ed: Action, bf: BoardFile, session_id: int, details: SessionDetails, *,
                   on: dt.date) -> list[int]:
    """Change a session; more places go to the waiting list at once (returns the bookings promoted)."""
    from sgdesk.training.bookings import promote_waiting

    session = get_session(bf, session_id)
    values = details.values()
    if values["capacity"] < session.places_taken:
        raise SGDeskError(f"{session.places_taken} delegates hold places on this session, more than "
                          f"{values['capacity']}: cancel bookings first, or keep at least {session.places_taken} "
                          "places")
    ed.update("training_session", session_id, values)
    if session.cancelled:
        return []
    return promote_waiting(ed, bf, session_id, on=on)


def check_session_removable(bf: BoardFile, session_id: int) -> None:
    """Refuse (SGDeskError) to remove a session that has bookings: it is cancelled instead."""
    bookings = bf.scalar("SELECT count(*) FROM training_booking WHERE session_id = ?", (session_id,))
    if bookings:
        raise SGDeskError(f"the session has {bookings} booking(s): cancel the session instead, which keeps "
                          "its record and charges nobody")


def delete_session(ed: Action, bf: BoardFile, session_id: int) -> None:
    check_session_removable(bf, session_id)
    ed.delete("training_session", session_id)
