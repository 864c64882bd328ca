"""Seats, the people who hold them, and when.

A seat is an organisation's place on a body with a role; its representative and deputies change
over time (``seat_holder`` rows with from/to dates). Published grids name a seat by its label
(e.g. "SBC Councillor"), falling back to the organisation's short name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.fyear import Period
from sgdesk.membership.bodies import Body, list_bodies
from sgdesk.membership.cells import stored_date
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

CHAIR_ROLES = frozenset({"independent chair", "chair"})
VICE_CHAIR_ROLES = frozenset({"vice chair"})
#: roles offered in forms; any other text is accepted too
ROLES = ("Independent Chair", "Chair", "Vice Chair", "Member", "Lay Member", "Lead Member", "Designated Doctor",
         "Designated Nurse", "Adviser", "Observer")
HOLDER_KINDS = ("representative", "deputy")
VACANT = "Vacant"



def _covers(starts_on: dt.date | None, ends_on: dt.date | None, day: dt.date) -> bool:
    return (starts_on is None or starts_on <= day) and (ends_on is None or day <= ends_on)


@dataclass(frozen=True)
class Holder:
    """A person's term as a seat's representative or deputy."""

    id: int
    seat_id: int
    person_id: int
    name: str
    job_title: str | None
    kind: str
    starts_on: dt.date | None
    ends_on: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return _covers(self.starts_on, self.ends_on, day)


@dataclass(frozen=True)
class Seat:
    """An organisation's seat on the board or a sub-group, with its role, its dates and the people who hold it."""

    id: int
    board_id: int
    subgroup_id: int | None
    organisation_id: int
    organisation_name: str
    organisation_short: str | None
    statutory: bool
    role: str
    label: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    holders: tuple[Holder, ...] = field(default=(), compare=False)

    @property
    def shown_as(self) -> str:
        """The seat's name in published grids."""
        return self.label or self.organisation_short or self.organisation_name

    @property
    def is_chair(self) -> bool:
        return self.role.casefold() in CHAIR_ROLES

    @property
    def is_vice_chair(self) -> bool:
        return self.role.casefold() in VICE_CHAIR_ROLES

    def active_on(self, day: dt.date) -> bool:
        return _covers(self.starts_on, self.ends_on, day)

    def overlaps(self, period: Period | None) -> bool:
        if period is None:
            return True
        return (self.starts_on is None or self.starts_on <= period.end) and \
            (self.ends_on is None or self.ends_on >= period.start)

    def representative_on(self, day: dt.date) -> Holder | None:
        """The representative on ``day`` (the latest to start, if terms overlap)."""
        covering = [h for h in self.holders if h.kind == "representative" and h.covers(day)]
        return max(covering, key=lambda h: h.starts_on or dt.date.min, default=None)

    def deputies_on(self, day: dt.date) -> list[Holder]:
        return [h for h in self.holders if h.kind == "deputy" and h.covers(day)]

    def representative_for(self, period: Period | None, today: dt.date | None = None) -> Holder | None:
        """The representative a published grid names: at the period's end (or today), else the last one."""
        day = period.end if period is not None else (today or dt.date.today())
        found = self.representative_on(day)
        if found is not None:
            return found
        earlier = [h for h in self.holders if h.kind == "representative" and (h.starts_on is None or h.starts_on <= day)]
        return max(earlier, key=lambda h: (h.ends_on or dt.date.max, h.starts_on or dt.date.min), default=None)

    def representative_name(self, period: Period | None = None, today: dt.date | None = None) -> str:
        holder = self.representative_for(period, today)
        return holder.name if holder else VACANT


def _holders(bf: BoardFile, seat_ids: list[int]) -> dict[int, list[Holder]]:
    found: dict[int, list[Holder]] = {seat_id: [] for seat_id in seat_ids}
    if not seat_ids:
        return found
    rows = bf.query(
        "SELECT h.id, h.seat_id, h.person_id, p.name, p.job_title, h.kind, h.starts_on, h.ends_on "
        "FROM seat_holder h JOIN person p ON p.id = h.person_id "
        f"WHERE h.seat_id IN ({','.join('?' * len(seat_ids))}) "
        "ORDER BY h.kind DESC, coalesce(h.starts_on, ''), h.id", seat_ids)
    for r in rows:
        found[r[1]].append(Holder(r[0], r[1], r[2], r[3], r[4], r[5], stored_date(r[6]), stored_date(r[7])))
    return found


_SEAT_SQL = (
    "SELECT s.id, s.board_id, s.subgroup_id, s.organisation_id, o.name, o.short_name, o.statutory, s.role, "
    "s.label, s.starts_on, s.ends_on FROM seat s JOIN organisation o ON o.id = s.organisation_id ")


def _seats(bf: BoardFile, where: str, params: tuple) -> list[Seat]:
    rows = bf.query(_SEAT_SQL + where, params)
    holders = _holders(bf, [r[0] for r in rows])
    seats = [Seat(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8], stored_date(r[9]), stored_date(r[10]),
                  tuple(holders[r[0]])) for r in rows]
    return sorted(seats, key=lambda s: (s.shown_as.casefold(), s.id))


def list_seats(bf: BoardFile, body: Body, period: Period | None = None) -> list[Seat]:
    """The body's seats that existed at some time in ``period`` (all of them without one)."""
    seats = _seats(bf, "WHERE s.board_id = ? AND s.subgroup_id IS ?", (body.board_id, body.subgroup_id))
    return [seat for seat in seats if seat.overlaps(period)]


def seats_of_organisation(bf: BoardFile, board_id: int, organisation_id: int) -> list[Seat]:
    return _seats(bf, "WHERE s.board_id = ? AND s.organisation_id = ?", (board_id, organisation_id))


def get_seat(bf: BoardFile, seat_id: int) -> Seat:
    seats = _seats(bf, "WHERE s.id = ?", (seat_id,))
    if not seats:
        raise SGDeskError(f"seat {seat_id} no longer exists: refresh and try again")
    return seats[0]


def seat_counts(bf: BoardFile, board_id: int) -> dict[int, int]:
    """How many seats (on the board and its sub-groups, past and present) each organisation has."""
    return dict(bf.query("SELECT organisation_id, count(*) FROM seat WHERE board_id = ? GROUP BY 1", (board_id,)))


def holdings_on(bf: BoardFile, board_id: int, day: dt.date) -> dict[int, list[str]]:
    """What each person holds on ``day``: ``{person id: ["SBC (Executive): Member", "NHS (Board): deputy"]}``.

    A term holds on the days from its start to its end (either may be open), as in every
    published grid; the texts are in alphabetical order.
    """
    bodies = {body.subgroup_id: "Board" if body.is_board else body.display_name
              for body in list_bodies(bf, board_id)}
    holds: dict[int, list[str]] = {}
    for seat in _seats(bf, "WHERE s.board_id = ?", (board_id,)):
        for holder in seat.holders:
            if holder.covers(day):
                capacity = "deputy" if holder.kind == "deputy" else seat.role
                holds.setdefault(holder.person_id, []).append(f"{seat.shown_as} ({bodies[seat.subgroup_id]}): "
                                                              f"{capacity}")
    return {person_id: sorted(texts) for person_id, texts in holds.items()}


# -- people -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    """A person who holds or held a seat, as representative or deputy, with their contact details."""

    id: int
    name: str
    job_title: str | None
    email: str | None
    phone: str | None


def list_people(bf: BoardFile) -> list[Person]:
    """Everyone in the file, by name."""
    return [Person(*row) for row in bf.query("SELECT id, name, job_title, email, phone FROM person "
                                             "ORDER BY name COLLATE NOCASE")]


def find_person(bf: BoardFile, name: str, email: str | None = None) -> int | None:
    """The person called ``name`` (any case); with several, the one with ``email``, else the first."""
    rows = bf.query("SELECT id, email FROM person WHERE name = ? COLLATE NOCASE ORDER BY id", (name.strip(),))
    if not rows:
        return None
    if email:
        for row in rows:
            if (row[1] or "").casefold() == email.strip().casefold():
                return row[0]
    return rows[0][0]


def add_person(ed: Action, name: str, *, job_title: str | None = None, email: str | None = None,
               phone: str | None = None) -> int:
    if not name or not name.strip():
        raise InputError("The person's name", "is empty", "type their name")
    return ed.insert("person", {"name": " ".join(name.split()), "job_title": job_title, "email": email,
                                "phone": phone})


def person_for(ed: Action, bf: BoardFile, name: str, **details: str | None) -> int:
    """The person called ``name``, added if new; details given fill or update theirs."""
    person_id = find_person(bf, name, details.get("email"))
    if person_id is None:
        return add_person(ed, name, **details)
    given = {key: value for key, value in details.items() if value}
    if given:
        ed.update("person", person_id, given)
    return person_id


# -- seats and holders --------------------------------------------------------------------------
def add_seat(ed: Action, body: Body, organisation_id: int, *, role: str = "Member", label: str | None = None,
             starts_on: dt.date | None = None, ends_on: dt.date | None = None) -> int:
    role = " ".join((role or "").split()) or "Member"
    if starts_on and ends_on and ends_on < starts_on:
        raise InputError(f"'{format_date(ends_on)}'", "is before the seat starts", "give an end date after the start")
    return ed.insert("seat", {"board_id": body.board_id, "subgroup_id": body.subgroup_id,
                              "organisation_id": organisation_id, "role": role, "label": label or None,
                              "starts_on": starts_on, "ends_on": ends_on})


def appoint(ed: Action, bf: BoardFile, seat_id: int, person_id: int, *, kind: str = "representative",
            starts_on: dt.date | None = None, ends_on: dt.date | None = None) -> int:
    """Make a person the seat's representative or a deputy.

    A new representative ends the open term of the one before on the day before ``starts_on``
    (so ``starts_on`` is needed when the seat already has one).
    """
    if kind not in HOLDER_KINDS:
        raise InputError(f"'{kind}'", "is not a kind of seat holder", "use representative or deputy")
    if kind == "representative":
        current = bf.query("SELECT h.id, h.starts_on, p.name FROM seat_holder h JOIN person p ON p.id = h.person_id "
                           "WHERE h.seat_id = ? AND h.kind = 'representative' AND h.ends_on IS NULL",
                           (seat_id,))
        for holder_id, their_start, their_name in current:
            if starts_on is None:
                raise InputError(f"The seat's representative ({their_name})", "is still in post",
                                 "give the date the new representative starts, so their term ends the day before")
            if their_start is not None and dt.date.fromisoformat(their_start) >= starts_on:
                raise InputError(f"'{format_date(starts_on)}'", f"is not after {their_name} started",
                                 "give a later start date, or change their term in the seat's history")
            ed.update("seat_holder", holder_id, {"ends_on": starts_on - dt.timedelta(days=1)})
    return ed.insert("seat_holder", {"seat_id": seat_id, "person_id": person_id, "kind": kind,
                                     "starts_on": starts_on, "ends_on": ends_on})


def end_seat(ed: Action, bf: BoardFile, seat_id: int, ends_on: dt.date) -> None:
    """Close a seat and every term in it still open on ``ends_on``."""
    ed.update("seat", seat_id, {"ends_on": ends_on})
    for (holder_id,) in bf.query("SELECT id FROM seat_holder WHERE seat_id = ? AND ends_on IS NULL", (seat_id,)):
        ed.update("seat_holder", holder_id, {"ends_on": ends_on})


def remove_term(ed: Action, holder_id: int) -> None:
    """Remove a term entered by mistake (a term that ended is given its end date instead)."""
    ed.delete("seat_holder", holder_id)


def check_seat_removable(bf: BoardFile, seat_id: int) -> None:
    """Refuse (SGDeskError) to remove a seat with attendance: it is ended instead, never deleted."""
    if bf.scalar("SELECT count(*) FROM attendance WHERE seat_id = ?", (seat_id,)):
        raise SGDeskError("this seat has attendance marks, so it cannot be removed: give it an end date instead")


def delete_seat(ed: Action, bf: BoardFile, seat_id: int) -> None:
    """Remove a seat added by mistake, with its terms; a seat with attendance is ended instead."""
    check_seat_removable(bf, seat_id)
    for (holder_id,) in bf.query("SELECT id FROM seat_holder WHERE seat_id = ?", (seat_id,)):
        remove_term(ed, holder_id)
    ed.delete("seat", seat_id)
