"""The training figures, charges and evaluation summaries the database adds up are the sums of each
booking's own figures, worked out one booking at a time by the charging rule (booking_fee), under
charging policies and categories chosen at random."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest

from sgdesk.fyear import Period
from sgdesk.training.charges import booking_fee, charges, income_by_organisation
from sgdesk.training.evaluations import evaluation_summaries
from sgdesk.training.figures import period_figures
from sgdesk.training.policy import Category, get_policy, org_categories, set_org_category, set_policy

_BOOKINGS = """
SELECT b.id, b.session_id, b.status, b.cancelled_on, b.cancel_reason, b.substitute_for, b.delegate_id,
       d.organisation_id, o.name, d.sector, s.session_date, s.status, c.id, c.length,
       e.id, e.confidence_before, e.confidence_after, e.useful
FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id JOIN organisation o ON o.id = d.organisation_id
JOIN training_session s ON s.id = b.session_id JOIN training_course c ON c.id = s.course_id
LEFT JOIN training_evaluation e ON e.booking_id = b.id
WHERE c.board_id = ?
"""


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _mean(values: list[int]) -> Decimal | None:
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP) if values else None


def one_by_one(bf, board_id: int, start: dt.date, end: dt.date, today: dt.date) -> dict:
    """Every figure, booking by booking, in plain Python."""
    policy, categories = get_policy(bf, board_id), org_categories(bf, board_id)
    sessions: dict[int, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    groups = {"organisation": defaultdict(Counter), "sector": defaultdict(Counter)}
    people = {"organisation": defaultdict(set), "sector": defaultdict(set)}
    income: Counter = Counter()
    fees = {}
    ratings = defaultdict(list)
    last_day = min(end, today)
    for (booking_id, session_id, status, cancelled_on, reason, substitute_for, delegate_id, org_id, org_name, sector,
         session_date, session_status, course_id, length, evaluation, before, after, useful) in bf.query(
            _BOOKINGS, (board_id,)):
        day = _day(session_date)
        if not start <= day <= end:
            continue
        fee, _why = booking_fee(policy, categories[org_id], status=status, length=length, session_date=day,
                                cancelled_on=_day(cancelled_on), cancel_reason=reason)
        if fee:
            fees[booking_id] = fee
        if day <= last_day:
            income[org_id] += fee
            if status == "attended":
                ratings["attended"].append(1)
                if evaluation is not None:
                    ratings["returned"].append(1)
                    ratings["before"] += [before] if before is not None else []
                    ratings["after"] += [after] if after is not None else []
                    ratings["useful"] += [useful] if useful is not None else []
        if session_status != "scheduled" or day > last_day:
            continue
        late = status == "cancelled" and reason == "delegate" and policy.is_late(_day(cancelled_on), day)
        counts = sessions[session_id]
        counts.update(bookings=1, attended=status == "attended", dna=status == "dna", late=late)
        totals.update(waiting=status == "waitlisted", substitutes=substitute_for is not None,
                      in_time=status == "cancelled" and reason == "delegate" and not late)
        for grouping, key in (("organisation", org_name), ("sector", sector)):
            groups[grouping][key].update(bookings=1, attended=status == "attended", dna=status == "dna")
            if status == "attended":
                people[grouping][key].add(delegate_id)
    names = {row[0]: row[1] for row in bf.query("SELECT id, name FROM organisation")}
    return {
        "sessions": {sid: (c["bookings"], c["attended"], c["dna"], c["late"]) for sid, c in sessions.items()},
        "totals": (sum(c["bookings"] for c in sessions.values()), sum(c["attended"] for c in sessions.values()),
                   sum(c["dna"] for c in sessions.values()), sum(c["late"] for c in sessions.values()),
                   totals["waiting"], totals["substitutes"], totals["in_time"]),
        "organisations": {name: (c["bookings"], c["attended"], c["dna"], len(people["organisation"][name]))
                          for name, c in groups["organisation"].items()},
        "sectors": {name: (c["bookings"], c["attended"], c["dna"], len(people["sector"][name]))
                    for name, c in groups["sector"].items()},
        "income": (sum(income.values()) if sessions else 0,
                   {names[org]: pence for org, pence in income.items() if names[org] in groups["organisation"]}),
        "fees": fees,
        "evaluations": (len(ratings["attended"]), len(ratings["returned"]), _mean(ratings["before"]),
                        _mean(ratings["after"]), sum(ratings["useful"]), len(ratings["useful"])),
    }


def summed(bf, board_id: int, start: dt.date, end: dt.date, today: dt.date) -> dict:
    """The same figures as the reports read them."""
    figures = period_figures(bf, board_id, Period(start, end), today=today)
    overall = figures.evaluations
    return {
        "sessions": {line.session.id: (line.bookings, line.attended, line.dna, line.late_cancellations)
                     for line in figures.sessions if line.bookings},
        "totals": (figures.bookings, figures.attended, figures.dna, figures.late_cancellations, figures.still_waiting,
                   figures.substitutions, figures.cancellations_in_time),
        "organisations": {g.name: (g.bookings, g.attended, g.dna, g.delegates) for g in figures.by_organisation},
        "sectors": {g.name: (g.bookings, g.attended, g.dna, g.delegates) for g in figures.by_sector},
        "income": (figures.income, {g.name: g.income for g in figures.by_organisation}),
        "fees": {charge.booking_id: charge.fee for charge in charges(bf, board_id, Period(start, end))},
        "evaluations": (0, 0, None, None, 0, 0) if overall is None else (
            overall.attended, overall.returned, overall.before, overall.after, overall.useful_yes,
            overall.useful_answered),
    }


@pytest.mark.parametrize("seed", range(4))
def test_the_figures_are_the_sums_of_each_booking(demo, seed):
    rng = random.Random(seed)
    board_id = 1
    policy = get_policy(demo, board_id)
    with demo.edit("Charge differently") as ed:
        set_policy(ed, demo, board_id, replace(
            policy, late_window_days=rng.randint(0, 21), late_half_day=rng.choice([0, 2500]),
            dna_full_day=rng.choice([0, 4000]),
            categories=tuple(Category(c.name, rng.choice([0, c.half_day, 1200]), rng.choice([0, c.full_day, 3000]))
                             for c in policy.categories)))
        for org_id in rng.sample(sorted(org_categories(demo, board_id)), 12):
            set_org_category(ed, demo, board_id, org_id, rng.choice(get_policy(demo, board_id).category_names))
    first, last = demo.query_one("SELECT min(session_date), max(session_date) FROM training_session")
    span = (_day(last) - _day(first)).days
    for _ in range(3):
        start = _day(first) + dt.timedelta(days=rng.randint(-10, span // 2))
        end = start + dt.timedelta(days=rng.randint(0, span))
        today = _day(first) + dt.timedelta(days=rng.randint(0, span + 30))
        expected, found = one_by_one(demo, board_id, start, end, today), summed(demo, board_id, start, end, today)
        assert found == expected
        assert sum(income_by_organisation(demo, board_id, Period(start, end)).values()) == sum(expected["fees"].values())
        assert found["sessions"] and found["fees"] or start > today


def test_course_summaries_add_up_to_the_whole_programme(demo):
    found = evaluation_summaries(demo, 1)
    overall, = found["all"]
    assert sum(s.attended for s in found["course"]) == sum(s.attended for s in found["session"]) == overall.attended
    assert sum(s.returned for s in found["course"]) == overall.returned
    assert [s.title for s in found["course"]] == sorted((s.title for s in found["course"]), key=str.casefold)
