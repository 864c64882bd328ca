"""Evaluations of attended bookings, and their summaries per course and per session.

Confidence before and after is rated 1 (not at all confident) to 5 (very confident); means are
given to one decimal place, rounding halves up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sgdesk.errors import InputError, SGDeskError
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.model import get_booking

CONFIDENCE_SCALE = "1 not at all confident … 5 very confident"


@dataclass(frozen=True)
class EvaluationDetails:
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


def mean(values: list[int]) -> Decimal | None:
    """The mean to one decimal place, halves rounded up (None for no values)."""
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


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


_ROWS = """
SELECT {key}, {title}, b.status, e.id, e.confidence_before, e.confidence_after, e.useful
FROM training_booking b
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
LEFT JOIN training_evaluation e ON e.booking_id = b.id
WHERE c.board_id = ? AND b.status = 'attended' {where}
"""


def summaries(bf: BoardFile, board_id: int, *, by: str = "course", start: dt.date | None = None,
              end: dt.date | None = None, course_id: int | None = None) -> list[EvaluationSummary]:
    """Evaluation summaries per ``course``, per ``session`` or for ``all`` sessions between the dates."""
    key, title = {"course": ("c.id", "c.title"), "session": ("s.id", "c.title"),
                  "all": ("0", "'All courses'")}[by]
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
    groups: dict[int, dict] = {}
    for row in bf.query(_ROWS.format(key=key, title=title, where=where), params):
        group = groups.setdefault(row[0], {"title": row[1], "attended": 0, "returned": 0, "before": [], "after": [],
                                           "yes": 0, "answered": 0})
        group["attended"] += 1
        if row[3] is None:
            continue
        group["returned"] += 1
        if row[4] is not None:
            group["before"].append(row[4])
        if row[5] is not None:
            group["after"].append(row[5])
        if row[6] is not None:
            group["answered"] += 1
            group["yes"] += row[6]
    found = [EvaluationSummary(k, g["title"], g["attended"], g["returned"], mean(g["before"]), mean(g["after"]),
                               g["yes"], g["answered"]) for k, g in groups.items()]
    return sorted(found, key=lambda s: s.title.casefold())


@dataclass(frozen=True)
class EvaluationRow:
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
