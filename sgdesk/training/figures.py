"""The programme's figures for a period, as the annual report and the board want them.

* Sessions *run* are the scheduled sessions dated in the period up to today; later ones are
  *planned*; cancelled sessions are counted apart.
* Places offered: the capacity of the sessions run. Bookings: every booking on those sessions
  (waiting list, cancellations and substitutions included).
* Fill rate = attended / places offered; DNA rate = DNA / (attended + DNA); whole percent.
* Delegates by organisation and by sector count places attended and the different people.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sgdesk.fyear import Period
from sgdesk.money import Pence
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile
from sgdesk.training.charges import LATE_CANCELLATION_SQL, status_fee
from sgdesk.training.evaluations import EvaluationSummary, evaluation_summaries
from sgdesk.training.model import LENGTHS, Session, list_sessions
from sgdesk.training.policy import ChargingPolicy, get_policy, org_categories


@dataclass(frozen=True)
class GroupCount:
    """Places attended, people and bookings for one organisation or sector."""

    name: str
    category: str
    bookings: int
    attended: int
    dna: int
    delegates: int
    income: Pence = 0


@dataclass(frozen=True)
class SessionLine:
    session: Session
    bookings: int
    attended: int
    dna: int
    late_cancellations: int

    @property
    def fill_percent(self) -> int | None:
        return whole_percent(self.attended, self.session.capacity)


@dataclass
class Figures:
    period: Period | None
    today: dt.date
    sessions_run: int = 0
    sessions_planned: int = 0
    sessions_cancelled: int = 0
    places_offered: int = 0
    bookings: int = 0
    attended: int = 0
    dna: int = 0
    late_cancellations: int = 0
    cancellations_in_time: int = 0
    substitutions: int = 0
    still_waiting: int = 0
    income: Pence = 0
    sessions: list[SessionLine] = field(default_factory=list)
    by_organisation: list[GroupCount] = field(default_factory=list)
    by_sector: list[GroupCount] = field(default_factory=list)
    by_course: list[EvaluationSummary] = field(default_factory=list)
    evaluations: EvaluationSummary | None = None

    @property
    def fill_rate(self) -> int | None:
        return whole_percent(self.attended, self.places_offered)

    @property
    def dna_rate(self) -> int | None:
        return whole_percent(self.dna, self.attended + self.dna)

    @property
    def delegates(self) -> int:
        return sum(group.delegates for group in self.by_sector)


#: each run session's bookings (``:start`` to ``:end``: the period up to today), grouped in the order
#: the sessions are read (course, then date) so that nothing is sorted
_PER_SESSION = f"""
SELECT s.id, count(*), sum(b.status = 'attended'), sum(b.status = 'dna'), sum(b.status = 'waitlisted'),
       sum({LATE_CANCELLATION_SQL}),
       sum(b.status = 'cancelled' AND b.cancel_reason = 'delegate' AND NOT {LATE_CANCELLATION_SQL}),
       count(b.substitute_for)
FROM training_session s
JOIN training_course c ON c.id = s.course_id
JOIN training_booking b ON b.session_id = s.id
WHERE c.board_id = :board AND s.status = 'scheduled' AND s.session_date BETWEEN :start AND :end
GROUP BY c.title, s.session_date, s.id
"""
#: per organisation and sector: the bookings on run sessions (places attended, DNA, the people who
#: attended), and the chargeable ones on any session of the period by length (as charges() finds them)
_RUN = "s.status = 'scheduled'"
_PER_GROUP = f"""
SELECT g.*, o.name FROM (
    SELECT d.organisation_id, d.sector, sum({_RUN}), sum({_RUN} AND b.status = 'attended'),
           sum({_RUN} AND b.status = 'dna'),
           count(DISTINCT CASE WHEN {_RUN} AND b.status = 'attended' THEN b.delegate_id END),
           {", ".join(f"sum(b.status = 'attended' AND c.length = '{length}'), sum(b.status = 'dna' AND c.length = "
                      f"'{length}'), sum({LATE_CANCELLATION_SQL} AND c.length = '{length}')" for length in LENGTHS)}
    FROM training_session s
    JOIN training_course c ON c.id = s.course_id
    JOIN training_booking b ON b.session_id = s.id
    JOIN training_delegate d ON d.id = b.delegate_id
    WHERE c.board_id = :board AND s.session_date BETWEEN :start AND :end
    GROUP BY d.organisation_id, d.sector
) g JOIN organisation o ON o.id = g.organisation_id
"""


def period_figures(bf: BoardFile, board_id: int, period: Period | None, *, today: dt.date | None = None) -> Figures:
    """The figures for ``period`` (the whole record when None), counting sessions run up to ``today``."""
    today = today or dt.date.today()
    start, end = (period.start, period.end) if period else (dt.date.min, dt.date.max)
    figures = Figures(period, today)
    run: dict[int, Session] = {}
    for session in list_sessions(bf, board_id, start=start, end=end):
        if session.cancelled:
            figures.sessions_cancelled += 1
        elif session.session_date > today:
            figures.sessions_planned += 1
        else:
            figures.sessions_run += 1
            figures.places_offered += session.capacity
            run[session.id] = session
    policy = get_policy(bf, board_id)
    last_day = min(end, today)
    params = {"board": board_id, "start": start.isoformat(), "end": last_day.isoformat(),
              "late_window": policy.late_window_days}
    per_session = {row[0]: row[1:] for row in bf.query(_PER_SESSION, params)}
    for session_id, session in run.items():
        bookings, attended, dna, waiting, late, in_time, substitutes = per_session.get(session_id, (0,) * 7)
        figures.sessions.append(SessionLine(session, bookings, attended, dna, late))
        figures.bookings += bookings
        figures.attended += attended
        figures.dna += dna
        figures.late_cancellations += late
        figures.still_waiting += waiting
        figures.cancellations_in_time += in_time
        figures.substitutions += substitutes
    _count_groups(figures, bf.query(_PER_GROUP, params), policy, org_categories(bf, board_id), bool(run))
    evaluations = evaluation_summaries(bf, board_id, start=start, end=last_day)
    figures.by_course = evaluations["course"]
    figures.evaluations = evaluations["all"][0] if evaluations["all"] else None
    return figures


def _count_groups(figures: Figures, rows, policy: ChargingPolicy, categories: dict[int, str], charged: bool) -> None:
    """Delegates by organisation and by sector, and the income, from the rows of _PER_GROUP."""
    orgs: dict[int, list] = {}
    sectors: dict[str, list] = {}
    for org_id, sector, bookings, attended, dna, people, *chargeable, org_name in rows:
        income = _income(policy, categories[org_id], chargeable) if charged else 0
        figures.income += income
        if not bookings:
            continue
        for key, name, groups in ((org_id, org_name, orgs), (sector, sector, sectors)):
            group = groups.setdefault(key, [name, 0, 0, 0, 0, 0])
            group[1:] = [group[1] + bookings, group[2] + attended, group[3] + dna, group[4] + people, group[5] + income]
    figures.by_organisation = sorted((GroupCount(name, categories[key], *counts) for key, (name, *counts) in orgs.items()),
                                     key=lambda g: (-g.attended, g.name.casefold()))
    figures.by_sector = sorted((GroupCount(name, "", *counts[:4]) for name, *counts in sectors.values()),
                               key=lambda g: (-g.attended, g.name.casefold()))


def _income(policy: ChargingPolicy, category: str, chargeable: list[int]) -> Pence:
    """What an organisation is charged for its places attended, not attended and cancelled late, counted
    by length of session (in the order of _PER_GROUP's columns)."""
    income = 0
    for length, (attended, dna, late) in zip(LENGTHS, zip(*[iter(chargeable)] * 3)):
        for status, count, is_late in (("attended", attended, False), ("dna", dna, False), ("cancelled", late, True)):
            if count:
                income += count * status_fee(policy, category, status=status, length=length, late=is_late)
    return income
