"""Charges, computed from bookings and the charging policy (never typed in).

A booking is charged, at the policy of the day, when:

* the delegate attended: the fee of their organisation's category for the session's length;
* the delegate did not attend (DNA): the non-attendance fee, whatever the category;
* the delegate cancelled a place late (fewer than the policy's days before the session): the
  late-cancellation fee, whatever the category.

Cancelling in time, leaving the waiting list, passing the place to a substitute (the substitute's
own booking is charged as theirs) and a cancelled session are free. Charges fall in the period
that holds the session's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from sgdesk.collector import collector_paused
from sgdesk.errors import SGDeskError
from sgdesk.fyear import Period
from sgdesk.money import Pence, format_money
from sgdesk.store import BoardFile
from sgdesk.training.model import LENGTHS, iso
from sgdesk.training.policy import ChargingPolicy, get_policy, org_categories

ATTENDED = "Attended"
DID_NOT_ATTEND = "Did not attend"
LATE_CANCELLATION = "Late cancellation"


class Charge(NamedTuple):
    """One chargeable booking (a named tuple: a ten-year report makes tens of thousands)."""

    booking_id: int
    organisation_id: int
    organisation: str
    category: str
    delegate: str
    email: str | None
    course: str
    session_id: int
    session_date: dt.date
    length: str
    reason: str
    fee: Pence


def booking_fee(policy: ChargingPolicy, category: str, *, status: str, length: str, session_date: dt.date,
                cancelled_on: dt.date | None = None, cancel_reason: str | None = None) -> tuple[Pence, str | None]:
    """The charge for one booking and why (``(0, None)`` when it is free)."""
    late = (status == "cancelled" and cancel_reason == "delegate" and cancelled_on is not None
            and policy.is_late(cancelled_on, session_date))
    fee = status_fee(policy, category, status=status, length=length, late=late)
    if status == "attended":
        return fee, ATTENDED
    if status == "dna":
        return fee, DID_NOT_ATTEND
    if late:
        return fee, late_reason(policy.days_notice(cancelled_on, session_date))
    return 0, None


def status_fee(policy: ChargingPolicy, category: str, *, status: str, length: str, late: bool) -> Pence:
    """The fee of a booking in ``status`` on a session of ``length``; ``late`` for a late cancellation by
    the delegate (whether it is late: :meth:`ChargingPolicy.is_late`, or :data:`LATE_CANCELLATION_SQL`)."""
    if status == "attended":
        return policy.category(category).fee(length)
    if status == "dna":
        return policy.dna_fee(length)
    return policy.late_fee(length) if late else 0


#: the SQL form of a late cancellation by the delegate (``b`` the booking, ``s`` its session), 1 or 0,
#: with the policy's window as ``:late_window``: the same rule as :meth:`ChargingPolicy.is_late`. (CASE
#: looks at the dates of cancelled bookings only; AND would work them out for every booking.)
LATE_CANCELLATION_SQL = ("(CASE WHEN b.status = 'cancelled' AND b.cancel_reason = 'delegate' AND b.cancelled_on "
                         "IS NOT NULL THEN julianday(s.session_date) - julianday(b.cancelled_on) < :late_window "
                         "ELSE 0 END)")


def late_reason(days_notice: int) -> str:
    if days_notice < 0:
        return f"{LATE_CANCELLATION} (after the session)"
    if days_notice == 0:
        return f"{LATE_CANCELLATION} (on the day)"
    notice = "1 day's notice" if days_notice == 1 else f"{days_notice} days' notice"
    return f"{LATE_CANCELLATION} ({notice})"


_FACTS = """
SELECT b.id, b.status, b.cancelled_on, b.cancel_reason, s.id, s.session_date, c.length, c.title,
       d.name, d.email, d.organisation_id, o.name
FROM training_booking b
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
JOIN training_delegate d ON d.id = b.delegate_id
JOIN organisation o ON o.id = d.organisation_id
"""


#: the bookings with their sessions, courses and delegates, for :func:`_chargeable`'s conditions
_FROM_BOOKINGS = """
FROM training_booking b
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
JOIN training_delegate d ON d.id = b.delegate_id
"""
#: the same, read from the delegates: the places attended of the paying organisations' delegates are found delegate
#: by delegate (their index), rather than every place attended read and its delegate tested
_FROM_DELEGATES = """
FROM training_delegate d
CROSS JOIN training_booking b ON b.delegate_id = d.id
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
"""
#: the facts of many bookings (:func:`charge_rows`), read source by source (:func:`_chargeable`), so that each row's
#: status is known without being read: what a session and an organisation say is read once for each of them (the
#: sessions' dates, courses and lengths, the organisations' names), not again on every row. A place
#: attended is charged whatever its cancellation columns hold (:func:`booking_fee` reads them for a cancellation
#: only), so they are not read for one: the index the places attended are found by does not hold them
_BOOKING_FACTS = "SELECT b.id, {cancellation}, b.session_id, d.name, d.email, d.organisation_id"
_SESSION_FACTS = """
SELECT s.id, s.session_date, c.title, c.length
FROM training_session s
JOIN training_course c ON c.id = s.course_id
"""


#: a charge as a plain tuple, in :class:`Charge`'s field order: what a report of tens of thousands reads,
#: without a named tuple made for each
ChargeRow = tuple[int, int, str, str, str, str | None, str, int, dt.date, str, str, Pence]


def charges(bf: BoardFile, board_id: int, period: Period | None = None) -> list[Charge]:
    """Every chargeable booking of the board's sessions in ``period`` (all of them if None).

    Ordered by organisation, then session date and delegate (then course and booking): ready for
    invoicing.
    """
    return list(map(Charge._make, charge_rows(bf, board_id, period)))


@collector_paused()      # tens of thousands of tuples, for a ten-year report
def charge_rows(bf: BoardFile, board_id: int, period: Period | None = None) -> list[ChargeRow]:
    """:func:`charges` as plain tuples, in the same order."""
    policy = get_policy(bf, board_id)
    categories = org_categories(bf, board_id)
    where, params = _where(board_id, period, policy)
    # each session's date (ISO text, to sort by, and the day), course and length
    sessions = {row[0]: (row[1], dt.date.fromisoformat(row[1]), row[2], row[2].casefold(), row[3])
                for row in bf.query(_SESSION_FACTS + where, params)}
    # each organisation's name and category, and the list its charges are sorted in: one for each name folded
    # for sorting (organisations whose names fold alike are sorted together, as one)
    by_name: dict[str, list[tuple]] = {}
    organisations = {row[0]: (row[1], categories[row[0]], by_name.setdefault(row[1].casefold(), []))
                     for row in bf.query("SELECT id, name FROM organisation")}
    # the fee of a place attended or not attended, by status, category and length, is worked out once (a
    # cancellation's depends on its dates)
    fees: dict[tuple[str, str, str], tuple[Pence, str | None]] = {}
    for status, source in _chargeable(policy, categories, where):
        cursor = bf.conn.execute(_BOOKING_FACTS.format(
            cancellation="NULL, NULL" if status == "attended" else "b.cancelled_on, b.cancel_reason") + source, params)
        cursor.row_factory = None       # plain tuples: a ten-year report reads tens of thousands
        for booking_id, cancelled_on, cancel_reason, session_id, delegate, email, org_id in cursor:
            session_date, day, course, course_folded, length = sessions[session_id]
            organisation, category, found = organisations[org_id]
            if status == "cancelled":
                fee, reason = booking_fee(policy, category, status=status, length=length, session_date=day,
                                          cancelled_on=iso(cancelled_on), cancel_reason=cancel_reason)
            else:
                priced = fees.get((status, category, length))
                if priced is None:
                    priced = fees[status, category, length] = booking_fee(policy, category, status=status,
                                                                          length=length, session_date=day)
                fee, reason = priced
            if fee:
                # the sort key (session date, delegate, course, session, booking: ISO dates sort as the days do,
                # and booking ids never tie, so the charge last is never compared)
                found.append((session_date, delegate.casefold(), course_folded, session_id, booking_id,
                              (booking_id, org_id, organisation, category, delegate, email, course, session_id, day,
                               length, reason or "", fee)))
    ordered: list[ChargeRow] = []
    for name in sorted(by_name):
        found = by_name[name]
        found.sort()
        ordered += [keyed[-1] for keyed in found]
    return ordered


_COUNTS = "SELECT d.organisation_id, b.status, c.length, count(*)"


def income_by_organisation(bf: BoardFile, board_id: int, period: Period | None = None) -> dict[int, Pence]:
    """What each organisation is charged for the board's sessions in ``period``: the fees of
    :func:`charges` added up, from the chargeable bookings counted by status and length."""
    policy = get_policy(bf, board_id)
    categories = org_categories(bf, board_id)
    where, params = _where(board_id, period, policy)
    sql = " UNION ALL ".join(_COUNTS + source + " GROUP BY 1, 2, 3"
                             for _status, source in _chargeable(policy, categories, where))
    income: dict[int, Pence] = {}
    for org_id, status, length, count in bf.query(sql, params):
        fee = status_fee(policy, categories[org_id], status=status, length=length, late=status == "cancelled")
        income[org_id] = income.get(org_id, 0) + count * fee
    return income


def _where(board_id: int, period: Period | None, policy: ChargingPolicy) -> tuple[str, dict]:
    where = " WHERE c.board_id = :board"
    params: dict = {"board": board_id, "late_window": policy.late_window_days}
    if period is not None:
        where += " AND s.session_date BETWEEN :start AND :end"
        params |= {"start": period.start.isoformat(), "end": period.end.isoformat()}
    return where, params


def _chargeable(policy: ChargingPolicy, categories: dict[int, str], where: str) -> list[tuple[str, str]]:
    """The bookings the policy may charge for, one SQL source (from ``FROM`` on, ``where`` with a condition of
    its own) for each reason, with the status it keeps, so that the free ones (most of them: partners' places)
    are never read: attendance where the organisation's category pays for some length of session,
    non-attendance and late cancellation where their fee for some length is not nothing. How much each
    booking costs is still :func:`booking_fee`'s to say."""
    def paid(status: str, category: str = "", late: bool = False) -> bool:
        try:
            return any(status_fee(policy, category, status=status, length=length, late=late) for length in LENGTHS)
        except SGDeskError:     # a category the policy lacks: read its bookings, so that pricing them says so
            return True

    paying = ", ".join(str(org) for org, category in categories.items() if paid("attended", category))
    kinds = [("attended", f"{_FROM_DELEGATES}{where} AND d.organisation_id IN ({paying}) AND b.status = 'attended'")]
    if paid("dna"):
        kinds.append(("dna", f"{_FROM_BOOKINGS}{where} AND b.status = 'dna'"))
    if paid("cancelled", late=True):
        kinds.append(("cancelled", f"{_FROM_BOOKINGS}{where} AND b.status = 'cancelled' AND {LATE_CANCELLATION_SQL}"))
    return kinds


def _charge(row, policy: ChargingPolicy, categories: dict[int, str]) -> Charge:
    (booking_id, status, cancelled_on, cancel_reason, session_id, session_date, length, course,
     delegate, email, org_id, organisation) = row
    day = iso(session_date)
    category = categories[org_id]
    fee, reason = booking_fee(policy, category, status=status, length=length, session_date=day,
                              cancelled_on=iso(cancelled_on), cancel_reason=cancel_reason)
    return Charge(booking_id, org_id, organisation, category, delegate, email, course, session_id, day, length,
                  reason or "", fee)


def booking_charge(bf: BoardFile, board_id: int, booking_id: int) -> Charge:
    """The charge of one booking (``fee`` 0 when it is free)."""
    row = bf.query_one(_FACTS + " WHERE b.id = ?", (booking_id,))
    return _charge(row, get_policy(bf, board_id), org_categories(bf, board_id))


@dataclass(frozen=True)
class CancellationPreview:
    """What cancelling a booking on a given day would cost, in words for the cancel dialog."""

    late: bool
    fee: Pence
    text: str


def preview_cancellation(bf: BoardFile, board_id: int, booking_id: int, on: dt.date) -> CancellationPreview:
    """What cancelling ``booking_id`` on ``on`` would cost, in words for the cancel dialog."""
    row = bf.query_one(_FACTS + " WHERE b.id = ?", (booking_id,))
    policy = get_policy(bf, board_id)
    session_date, length, organisation = iso(row[5]), row[6], row[11]
    if row[1] == "waitlisted":
        return CancellationPreview(False, 0, "Leaving the waiting list is free.")
    notice = policy.days_notice(on, session_date)
    rule = policy.boundary_text(session_date)
    if not policy.is_late(on, session_date):
        return CancellationPreview(False, 0, f"In time ({notice} days' notice): free. For this session {rule}.")
    fee = policy.late_fee(length)
    return CancellationPreview(True, fee, f"{late_reason(notice)}: {format_money(fee)} charged to {organisation}. "
                                          f"For this session {rule}.")


@dataclass(frozen=True)
class OrganisationCharges:
    """One organisation's chargeable bookings, with its charging category."""

    organisation_id: int
    organisation: str
    category: str
    charges: list[Charge]

    @property
    def total(self) -> Pence:
        return sum(charge.fee for charge in self.charges)


@dataclass(frozen=True)
class OrganisationTotal:
    """What one organisation is charged: how many chargeable bookings, and their fees added up."""

    organisation_id: int
    organisation: str
    category: str
    bookings: int
    total: Pence


def organisation_totals(rows: list[ChargeRow]) -> list[OrganisationTotal]:
    """Each organisation's total of ``rows`` (:func:`charge_rows`), in the order they first appear: the totals
    of :func:`charges_by_organisation`, without a named tuple made for each charge."""
    organisation_id, fee = itemgetter(Charge._fields.index("organisation_id")), itemgetter(Charge._fields.index("fee"))
    totals: dict[int, OrganisationTotal] = {}
    for org_id, run in groupby(rows, organisation_id):
        found = list(run)
        bookings, total = len(found), sum(map(fee, found))
        before = totals.get(org_id)
        if before is not None:      # an organisation's charges are apart only when another's name folds alike
            bookings, total = before.bookings + bookings, before.total + total
        first = Charge._make(found[0])
        totals[org_id] = OrganisationTotal(org_id, first.organisation, first.category, bookings, total)
    return list(totals.values())


def charges_by_organisation(items: list[Charge]) -> list[OrganisationCharges]:
    grouped: dict[int, OrganisationCharges] = {}
    for charge in items:
        group = grouped.get(charge.organisation_id)
        if group is None:
            group = grouped[charge.organisation_id] = OrganisationCharges(
                charge.organisation_id, charge.organisation, charge.category, [])
        group.charges.append(charge)
    return list(grouped.values())


def describe_period(period: Period | None) -> str:
    return "the whole record" if period is None else period.label
