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
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sgdesk.fyear import Period
from sgdesk.money import Pence
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile
from sgdesk.training.charges import charges
from sgdesk.training.evaluations import EvaluationSummary, summaries
from sgdesk.training.model import Session, iso, list_sessions
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


_BOOKINGS = """
SELECT b.session_id, b.status, b.cancelled_on, b.cancel_reason, b.substitute_for, b.delegate_id,
       d.organisation_id, o.name, d.sector
FROM training_booking b
JOIN training_delegate d ON d.id = b.delegate_id
JOIN organisation o ON o.id = d.organisation_id
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
WHERE c.board_id = ? AND s.status = 'scheduled' AND s.session_date BETWEEN ? AND ?
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
    categories = org_categories(bf, board_id)
    per_session: dict[int, Counter] = defaultdict(Counter)
    orgs: dict[int, dict] = {}
    sectors: dict[str, dict] = {}
    last_day = min(end, today)
    for row in bf.query(_BOOKINGS, (board_id, start.isoformat(), last_day.isoformat())):
        session_id, status, cancelled_on, reason, substitute_for, delegate_id, org_id, org_name, sector = row
        session = run[session_id]
        counts = per_session[session_id]
        counts["bookings"] += 1
        late = (status == "cancelled" and reason == "delegate"
                and policy.is_late(iso(cancelled_on), session.session_date))
        counts["late"] += late
        counts[status] += 1
        figures.cancellations_in_time += status == "cancelled" and reason == "delegate" and not late
        figures.substitutions += substitute_for is not None
        for key, name, groups in ((org_id, org_name, orgs), (sector, sector, sectors)):
            group = groups.setdefault(key, {"name": name, "category": categories[org_id] if groups is orgs else "",
                                            "bookings": 0, "attended": 0, "dna": 0, "people": set()})
            group["bookings"] += 1
            group["attended"] += status == "attended"
            group["dna"] += status == "dna"
            if status == "attended":
                group["people"].add(delegate_id)
    for session_id, session in run.items():
        counts = per_session[session_id]
        figures.sessions.append(SessionLine(session, counts["bookings"], counts["attended"], counts["dna"],
                                            counts["late"]))
        figures.bookings += counts["bookings"]
        figures.attended += counts["attended"]
        figures.dna += counts["dna"]
        figures.late_cancellations += counts["late"]
        figures.still_waiting += counts["waitlisted"]
    income_items = charges(bf, board_id, Period(start, last_day)) if run else []
    figures.income = sum(charge.fee for charge in income_items)
    income_by_org = Counter()
    for charge in income_items:
        income_by_org[charge.organisation_id] += charge.fee
    figures.by_organisation = sorted(
        (_group(g, income_by_org[key]) for key, g in orgs.items()), key=lambda g: (-g.attended, g.name.casefold()))
    figures.by_sector = sorted((_group(g) for g in sectors.values()), key=lambda g: (-g.attended, g.name.casefold()))
    figures.by_course = summaries(bf, board_id, start=start, end=last_day)
    overall = summaries(bf, board_id, by="all", start=start, end=last_day)
    figures.evaluations = overall[0] if overall else None
    return figures


def _group(group: dict, income: Pence = 0) -> GroupCount:
    return GroupCount(group["name"], group["category"], group["bookings"], group["attended"], group["dna"],
                      len(group["people"]), income)
