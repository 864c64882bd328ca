"""Evaluations of attended bookings, and their summaries per course and per session.

Confidence before and after is rated 1 (not at all confident) to 5 (very confident); means are
given to one decimal place, rounding halves up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import add
from typing import Iterable, Sequence

from sgdesk.errors import InputError, SGDeskError
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.model import SESSION_TABLES, get_booking

CONFIDENCE_SCALE = "1 not at all confident … 5 very confident"


@dataclass(frozen=True)
class EvaluationDetails:
    """An evaluation a delegate returned: confidence before and after (1 to 5), whether the course was useful,
    and comments."""

    received_on: dt.date
    confidence_before: int | None
    confidence_after: int | None
    useful: bool | None
    comments: str | None = None

    def values(self) -> dict:
        for rating in (self.confidence_before, self.confidence_after):
            if rating is not None and rating not in (1, 2, 3, 4, 5):
                raise InputError(f"'{rating}'", "is not a confidence rating", "rate it from 1 to 5")
        comments = (self.comments or "").strip()
        return {"received_on": self.received_on, "confidence_before": self.confidence_before,
                "confidence_after": self.confidence_after, "useful": self.useful, "comments": comments or None}


def save_evaluation(ed: Action, bf: BoardFile, booking_id: int, details: EvaluationDetails) -> int:
    """Record (or correct) the evaluation of an attended booking; returns its id."""
    if get_booking(bf, booking_id).status != "attended":
        raise SGDeskError("only a delegate marked as attended can evaluate the session: take the register first")
    existing = bf.scalar("SELECT id FROM training_evaluation WHERE booking_id = ?", (booking_id,))
    if existing is None:
        return ed.insert("training_evaluation", {"booking_id": booking_id, **details.values()})
    ed.update("training_evaluation", existing, details.values())
    return existing


def delete_evaluation(ed: Action, bf: BoardFile, booking_id: int) -> None:
    existing = bf.scalar("SELECT id FROM training_evaluation WHERE booking_id = ?", (booking_id,))
    if existing is not None:
        ed.delete("training_evaluation", existing)


def mean(total: int | None, count: int) -> Decimal | None:
    """The mean of ``count`` ratings adding up to ``total``, to one decimal place, halves rounded up
    (None for no ratings)."""
    if not count:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class EvaluationSummary:
    """The evaluations of one course or session."""

    key: int
    title: str
    attended: int
    returned: int
    before: Decimal | None
    after: Decimal | None
    useful_yes: int
    useful_answered: int

    @property
    def change(self) -> Decimal | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def useful_percent(self) -> int | None:
        return whole_percent(self.useful_yes, self.useful_answered)


#: a session's places attended and its evaluations as its tally (``t``, ``training_session_tally``) adds them up: the
#: places attended whose evaluation was returned, then the sum and count of each rating
_TALLIED = ("t.attended", "t.evaluated", "t.before_total", "t.before_count", "t.after_total", "t.after_count",
            "t.useful_yes", "t.useful_count")
_FROM_TALLIES = f"""
FROM {SESSION_TABLES}
WHERE c.board_id = ? AND t.attended > 0 {{where}}
"""
#: each session's places attended, evaluations returned and the sums and counts of each rating, read from its
#: tally, in the order of course titles, then session dates
_SESSION_TALLIES = (f"SELECT s.id, c.id, c.title, {', '.join(_TALLIED)} {_FROM_TALLIES} "
                    "ORDER BY c.title, s.session_date, s.id")
#: the same added up for each course (in the session's place, the course), in the order of course titles: all that
#: the summaries per course and for all sessions need
_COURSE_TALLIES = (f"SELECT c.id, c.id, c.title, {', '.join(f'sum({column})' for column in _TALLIED)} {_FROM_TALLIES} "
                   "GROUP BY c.id ORDER BY c.title, c.id")
GROUPINGS = ("course", "session", "all")


def evaluation_summaries(bf: BoardFile, board_id: int, *, start: dt.date | None = None,
                         end: dt.date | None = None, course_id: int | None = None,
                         by: tuple[str, ...] = GROUPINGS) -> dict[str, list[EvaluationSummary]]:
    """Evaluation summaries per ``course``, per ``session`` and for ``all`` sessions between the dates
    (the groupings ``by`` asks for, as keys), each by course title (a course's sessions by date), read in
    one pass: a course's counts and sums are its sessions' added up (by the query, unless ``by`` asks for
    sessions)."""
    where, params = "", [board_id]
    if start is not None:
        where += " AND s.session_date >= ?"
        params.append(start.isoformat())
    if end is not None:
        where += " AND s.session_date <= ?"
        params.append(end.isoformat())
    if course_id is not None:
        where += " AND c.id = ?"
        params.append(course_id)
    tallies = _SESSION_TALLIES if "session" in by else _COURSE_TALLIES
    return summaries_of(bf.query(tallies.format(where=where), params), by)


def summaries_of(rows: Iterable[Sequence], by: tuple[str, ...]) -> dict[str, list[EvaluationSummary]]:
    """The summaries :func:`evaluation_summaries` makes of its sessions' tallies, ``rows`` as its query gives
    them (session, or course when they are added up per course; course, title, attended, returned, then each
    rating's sum and count), in its order."""
    tallies: dict[str, dict[int, list]] = {grouping: {} for grouping in by}
    for session, course, title, *counts in rows:
        for grouping, found in tallies.items():
            if grouping == "session":
                key, name = session, title
            elif grouping == "course":
                key, name = course, title
            else:
                key, name = 0, "All courses"
            tally = found.get(key)
            if tally is None:
                found[key] = [name, *counts]
            else:
                tally[1:] = map(add, tally[1:], counts)
    return {grouping: sorted((_summary(key, *tally) for key, tally in found.items()), key=lambda s: s.title.casefold())
            for grouping, found in tallies.items()}


def _summary(key: int, title: str, attended: int, returned: int, before_total: int, before_count: int,
             after_total: int, after_count: int, useful_yes: int, useful_answered: int) -> EvaluationSummary:
    return EvaluationSummary(key, title, attended, returned, mean(before_total, before_count),
                             mean(after_total, after_count), useful_yes, useful_answered)


def summaries(bf: BoardFile, board_id: int, *, by: str = "course", start: dt.date | None = None,
              end: dt.date | None = None, course_id: int | None = None) -> list[EvaluationSummary]:
    """Evaluation summaries per ``course``, per ``session`` or for ``all`` sessions between the dates
    (see :func:`evaluation_summaries`)."""
    return evaluation_summaries(bf, board_id, start=start, end=end, course_id=course_id, by=(by,))[by]


@dataclass(frozen=True)
class EvaluationRow:
    """An attended booking on a session, with its evaluation if one was returned."""

    booking_id: int
    delegate: str
    organisation: str
    received_on: dt.date | None
    before: int | None
    after: int | None
    useful: bool | None
    comments: str | None


def session_evaluations(bf: BoardFile, session_id: int) -> list[EvaluationRow]:
    """The attended bookings of a session and their evaluations (None values when not returned)."""
    rows = bf.query("""
        SELECT b.id, d.name, o.name, e.received_on, e.confidence_before, e.confidence_after, e.useful, e.comments
        FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id
        JOIN organisation o ON o.id = d.organisation_id
        LEFT JOIN training_evaluation e ON e.booking_id = b.id
        WHERE b.session_id = ? AND b.status = 'attended' ORDER BY d.name""", (session_id,))
    return [EvaluationRow(r[0], r[1], r[2], None if r[3] is None else dt.date.fromisoformat(r[3]), r[4], r[5],
                          None if r[6] is None else bool(r[6]), r[7]) for r in rows]
