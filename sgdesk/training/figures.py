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
from sgdesk.training.charges import LATE_CANCELLATION_SQL, income_by_organisation
from sgdesk.training.evaluations import EvaluationSummary, evaluation_summaries
from sgdesk.training.model import SESSION_COLUMNS, SESSION_TABLES, SESSION_WIDTH, Session, session_of
from sgdesk.training.policy import get_policy, org_categories


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
    """One session's line of the programme's figures: its bookings, attendance, DNAs and late cancellations."""

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
    """The training programme's figures for a period, as the annual report and the board want them (money in pence)."""

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


CHART_BARS = 12  # the sector chart shows the sectors with most places attended, up to this many


def chart_sectors(groups: list[GroupCount]) -> list[GroupCount]:
    """The sectors the chart of delegates by sector shows, most places attended first."""
    return sorted(groups, key=lambda g: (-g.attended, g.name.casefold()))[:CHART_BARS]


def sector_chart_description(groups: list[GroupCount], when: str) -> str:
    """The chart of delegates by sector in words, for a reader who cannot see it (the alternative
    text of the chart in the PDF and in Word alike).

    >>> sector_chart_description([GroupCount("Health", "", 140, 120, 4, 80),
    ...                           GroupCount("Education", "", 100, 96, 2, 70)], "2018/19")
    'Bar chart: delegates by sector, places attended, 2018/19. Health 120, Education 96.'
    """
    shown = chart_sectors(groups)
    bars = ", ".join(f"{group.name} {group.attended}" for group in shown)
    rest = len(groups) - len(shown)
    more = f"; {rest} smaller sector{'s' if rest != 1 else ''} not shown" if rest > 0 else ""
    return f"Bar chart: delegates by sector, places attended, {when}. {bars}{more}."


#: every status a booking can have, in the order :data:`_SESSIONS` counts them (the tally's columns)
STATUS_ORDER = ("confirmed", "waitlisted", "attended", "dna", "cancelled", "substituted")
#: every session of the period with its bookings of each status (:data:`STATUS_ORDER`) and those that took a place
#: as a substitute, read from its tally (one row, not its bookings)
_SESSIONS = f"""
SELECT {SESSION_COLUMNS}, {", ".join(f"t.{status}" for status in STATUS_ORDER)}, t.substitutes
FROM {SESSION_TABLES}
WHERE c.board_id = :board AND s.session_date BETWEEN :start AND :end
ORDER BY s.session_date, s.start_time, s.id
"""
#: the late cancellations and cancellations in time of each session to ``:last_day`` that has any, which the
#: tally cannot hold (lateness is the policy's of the day): the places cancelled by delegates, a range of the
#: report index for each session
_BY_DELEGATE = f"""
SELECT s.id, coalesce(sum({LATE_CANCELLATION_SQL}), 0), coalesce(sum(NOT {LATE_CANCELLATION_SQL}), 0)
FROM training_session s
JOIN training_course c ON c.id = s.course_id
CROSS JOIN training_booking b INDEXED BY training_booking_report ON b.session_id = s.id
WHERE c.board_id = :board AND s.session_date BETWEEN :start AND :last_day
  AND b.status = 'cancelled' AND b.cancel_reason = 'delegate'
GROUP BY s.id
"""
#: bookings, places attended, DNA and the people who attended, per organisation and sector, on the
#: sessions run (``:start`` to ``:last_day``). Each delegate's bookings are counted first, read from their index in
#: the order of delegates (no sort, no look-up of a delegate's bookings), a person attending who attended one place
#: at least; then each delegate counted is looked up, in that order, and the counts added up by organisation and
#: sector (a sort of the delegates, not of their bookings).
_GROUPS = """
SELECT g.*, o.name FROM (
    SELECT d.organisation_id, d.sector, sum(k.bookings), sum(k.attended), sum(k.dna), count(k.attended > 0 OR NULL)
    FROM (SELECT b.delegate_id, count(*) AS bookings, sum(b.status = 'attended') AS attended,
                 sum(b.status = 'dna') AS dna
          FROM training_booking b INDEXED BY training_booking_delegate_status
          WHERE b.session_id IN (SELECT s.id FROM training_session s JOIN training_course c ON c.id = s.course_id
                                 WHERE c.board_id = :board AND s.status = 'scheduled'
                                 AND s.session_date BETWEEN :start AND :last_day)
          GROUP BY b.delegate_id) k
    CROSS JOIN training_delegate d ON d.id = k.delegate_id
    GROUP BY d.organisation_id, d.sector
) g JOIN organisation o ON o.id = g.organisation_id
"""


def period_figures(bf: BoardFile, board_id: int, period: Period | None, *, today: dt.date | None = None) -> Figures:
    """The figures for ``period`` (the whole record when None), counting sessions run up to ``today``."""
    today = today or dt.date.today()
    start, end = (period.start, period.end) if period else (dt.date.min, dt.date.max)
    last_day = min(end, today)
    figures = Figures(period, today)
    params = {"board": board_id, "start": start.isoformat(), "end": end.isoformat(), "last_day": last_day.isoformat(),
              "late_window": get_policy(bf, board_id).late_window_days}
    by_delegate = {session_id: counts for session_id, *counts in bf.query(_BY_DELEGATE, params)}
    for row in bf.query(_SESSIONS, params):
        session = session_of(row)
        confirmed, waiting, attended, dna, cancelled, substituted, substitutes = row[SESSION_WIDTH:]
        if session.cancelled:
            figures.sessions_cancelled += 1
        elif session.session_date > today:
            figures.sessions_planned += 1
        else:
            bookings = confirmed + waiting + attended + dna + cancelled + substituted
            late, in_time = by_delegate.get(session.id, (0, 0))
            figures.sessions_run += 1
            figures.places_offered += session.capacity
            figures.sessions.append(SessionLine(session, bookings, attended, dna, late))
            figures.bookings += bookings
            figures.attended += attended
            figures.dna += dna
            figures.late_cancellations += late
            figures.still_waiting += waiting
            figures.cancellations_in_time += in_time
            figures.substitutions += substitutes
    income = income_by_organisation(bf, board_id, Period(start, last_day)) if figures.sessions else {}
    figures.income = sum(income.values())
    categories = org_categories(bf, board_id)
    orgs: dict[int, list] = {}
    sectors: dict[str, list] = {}
    for org_id, sector, *counts, org_name in bf.query(_GROUPS, params):
        for key, name, groups in ((org_id, org_name, orgs), (sector, sector, sectors)):
            group = groups.setdefault(key, [name, 0, 0, 0, 0])
            group[1:] = [total + n for total, n in zip(group[1:], counts)]
    figures.by_organisation = sorted(
        (GroupCount(name, categories[key], *counts, income.get(key, 0)) for key, (name, *counts) in orgs.items()),
        key=lambda g: (-g.attended, g.name.casefold()))
    figures.by_sector = sorted((GroupCount(name, "", *counts) for name, *counts in sectors.values()),
                               key=lambda g: (-g.attended, g.name.casefold()))
    evaluations = evaluation_summaries(bf, board_id, start=start, end=last_day, by=("course", "all"))
    figures.by_course = evaluations["course"]
    figures.evaluations = evaluations["all"][0] if evaluations["all"] else None
    return figures
