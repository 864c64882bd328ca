"""The stress board's training programme: sessions over the years, delegates who come back, and
bookings played through the booking rules in date order (see :class:`SessionPlay`)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from sgdesk.demo.large_data import (
    COUNTY,
    DELEGATE_WEIGHTS,
    SECTORS_BY_TYPE,
    TRAINING_VENUES,
)
from sgdesk.demo.large_rows import StressBoard, address, day_between, spread
from sgdesk.training.delegates import DelegateDetails, search_key
from sgdesk.training.demo import _COMMENTS as TRAINING_COMMENTS
from sgdesk.training.demo import _FIRST, _JOBS, _LAST, _TRAINERS
from sgdesk.training.model import PLACE_STATUSES
from sgdesk.training.policy import DEFAULT_RETENTION_YEARS
from sgdesk.training.programme import DEFAULT_TIMES, SessionDetails
from sgdesk.training.retention import REDACTED_NAME, retention_cutoff

BOOKING_COLUMNS = ("id", "session_id", "delegate_id", "booked_on", "approved", "status", "queue_no", "cancelled_on",
                   "cancel_reason", "substitute_for", "promoted_on", "promotion_told")
EVENT_COLUMNS = ("booking_id", "on_date", "event", "status", "related_booking_id")
EVALUATION_COLUMNS = ("booking_id", "received_on", "confidence_before", "confidence_after", "useful", "comments")
_OPEN_STATUSES = ("confirmed", "waitlisted")    # what a session's cancellation cancels


class Programme:
    """Sessions, delegates, bookings (played through the booking rules) and evaluations."""

    def __init__(self, gen: StressBoard) -> None:
        self.gen, self.rng = gen, gen.rng
        self.sessions: list[dict] = []
        self.delegates: list[dict] = []
        self.bookings: list[tuple] = []
        self.events: list[tuple] = []
        self.evaluations: list[tuple] = []
        self.last_session: dict[int, dt.date] = {}
        self.anonymisations: list[dict] = []
        self.emails: set[str] = set()

    def play(self, board_id: int, courses: list[dict], sessions: int, bookings: int) -> None:
        """Schedule ``sessions`` of the board's ``courses`` and play ``bookings`` bookings on them."""
        rng, gen = self.rng, self.gen
        orgs = [org_id for org_id, org_type in gen.org_types.items() if org_type in DELEGATE_WEIGHTS]
        weights = [DELEGATE_WEIGHTS[gen.org_types[org_id]] for org_id in orgs]
        cumulative = [sum(weights[:n + 1]) for n in range(len(weights))]
        days = self._days(sessions)
        planned = []
        runs: set[tuple[int, dt.date]] = set()   # a course runs at most once a day, so bookings name a session
        for day in days:
            course = rng.choice([c for c in courses if (c["id"], day) not in runs])
            runs.add((course["id"], day))
            online = day.year >= 2020 and rng.random() < 0.3
            capacity = 40 if online else course["default_capacity"]
            start, end = DEFAULT_TIMES[course["length"]] if course["length"] == "full" or rng.random() < 0.5 \
                else ("13:30", "16:30")
            session_id = len(self.sessions) + 1
            values = SessionDetails(course["id"], day, start, end, capacity,
                                    "Microsoft Teams" if online else rng.choice(TRAINING_VENUES), online,
                                    rng.choice(_TRAINERS)).values()
            cancelled = rng.random() < 0.02
            self.sessions.append({"id": session_id, **values, "status": "cancelled" if cancelled else "scheduled",
                                  "cancelled_on": min(day - dt.timedelta(days=10), gen.today) if cancelled else None})
            planned.append((session_id, day, capacity, cancelled, rng.uniform(0.6, 1.4)))
        counts = spread(bookings, [max(1, round(capacity * popularity * 100))
                                    for _id, _d, capacity, _c, popularity in planned])
        pool = DelegatePool(self, board_id, orgs, cumulative)
        for (session_id, day, capacity, cancelled, _p), count in zip(planned, counts):
            SessionPlay(self, pool, session_id, day, capacity, cancelled, count).run()
        self._anonymise(board_id)

    def _days(self, count: int) -> list[dt.date]:
        """Working days from Tuesday to Thursday over the years, none in August or at Christmas."""
        gen = self.gen
        days = [gen.first_day + dt.timedelta(days=n) for n in range((gen.years[-1].end - gen.first_day).days + 1)]
        days = [d for d in days if d.weekday() in (1, 2, 3) and d.month != 8
                and not ((d.month == 12 and d.day >= 20) or (d.month == 1 and d.day <= 3))]
        return sorted(self.rng.choice(days) for _ in range(count))

    def session_cancelled_on(self, session_id: int) -> dt.date | None:
        return self.sessions[session_id - 1]["cancelled_on"]

    def _anonymise(self, board_id: int) -> None:
        """The monthly retention run, on the first of this month: delegates last booked before its cutoff."""
        run_on = self.gen.today.replace(day=1)
        cutoff = retention_cutoff(run_on, DEFAULT_RETENTION_YEARS)
        due = [d for d in self.delegates if d["board_id"] == board_id and self.last_session[d["id"]] < cutoff]
        for delegate in due:
            placeholder = f"{REDACTED_NAME} {delegate['id']}"
            delegate.update({"name": placeholder, "email": None, "job_title": None, "manager_name": None,
                             "manager_email": None, "search_key": search_key(placeholder, None),
                             "anonymised_on": run_on})
        if due:
            ids = {d["id"] for d in due}
            self.anonymisations.append({"board_id": board_id, "done_on": run_on, "cutoff": cutoff,
                                        "retention_years": DEFAULT_RETENTION_YEARS, "delegates": len(due),
                                        "bookings": sum(1 for b in self.bookings if b[2] in ids)})

    def write(self) -> None:
        gen = self.gen
        gen.many("training_session", self.sessions)
        gen.many("training_delegate", self.delegates)
        for table, columns, rows in (("training_booking", BOOKING_COLUMNS, self.bookings),
                                     ("training_booking_event", EVENT_COLUMNS, self.events),
                                     ("training_evaluation", EVALUATION_COLUMNS, self.evaluations)):
            gen.ed.insert_rows(table, rows, columns)
        gen.many("training_anonymisation", self.anonymisations)


class DelegatePool:
    """A board's delegates: newcomers, and people booking again within a few years."""

    RECENT = 6_000

    def __init__(self, programme: Programme, board_id: int, orgs: list[int], cumulative: list[int]) -> None:
        self.programme, self.rng, self.board_id = programme, programme.rng, board_id
        self.orgs, self.cumulative = orgs, cumulative
        self.recent: list[int] = []

    def pick(self, exclude: set[int], day: dt.date) -> int:
        if len(self.recent) > 50 and self.rng.random() < 0.45:
            for _ in range(4):
                delegate_id = self.rng.choice(self.recent[-self.RECENT:])
                if delegate_id not in exclude:
                    break
            else:
                delegate_id = self.new()
        else:
            delegate_id = self.new()
        self.programme.last_session[delegate_id] = max(day, self.programme.last_session.get(delegate_id, day))
        return delegate_id

    def new(self) -> int:
        rng, programme = self.rng, self.programme
        org_id = self.orgs[bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]
        org_type = programme.gen.org_types[org_id]
        sector = rng.choice(SECTORS_BY_TYPE[org_type])
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        domain = f"org{org_id}.{COUNTY.lower()}.example"
        email, n = f"{address(name)}@{domain}", 1
        while email in programme.emails:
            n += 1
            email = f"{address(name)}{n}@{domain}"
        programme.emails.add(email)
        manager = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        delegate_id = len(programme.delegates) + 1
        details = DelegateDetails(name, org_id, sector, email, rng.choice(_JOBS[sector]), manager,
                                  f"{address(manager)}@{domain}")
        programme.delegates.append({"id": delegate_id, "board_id": self.board_id, **details.values(),
                                    "anonymised_on": None})
        self.recent.append(delegate_id)
        return delegate_id


class SessionPlay:
    """One session's bookings, played in date order through the booking rules: places first come
    first served, then the waiting list; a cancelled place goes to the first waiting; a
    substitute takes a place over; the register is taken on the day; evaluations follow."""

    def __init__(self, programme: Programme, pool: DelegatePool, session_id: int, day: dt.date, capacity: int,
                 cancelled: bool, count: int) -> None:
        self.p, self.pool, self.rng = programme, pool, programme.rng
        self.session_id, self.day, self.capacity, self.cancelled = session_id, day, capacity, cancelled
        self.count = count
        self.today = programme.gen.today
        self.rows: list[list] = []          # booking rows, as lists while they change
        self.events: list[tuple] = []

    def _booking(self, delegate_id: int, booked_on: dt.date, status: str, queue_no: int,
                 substitute_for: int | None = None) -> list:
        booking_id = len(self.p.bookings) + len(self.rows) + 1
        row = [booking_id, self.session_id, delegate_id, booked_on, self.rng.random() < 0.9, status, queue_no,
               None, None, substitute_for, None, True]
        self.rows.append(row)
        return row

    def _event(self, row: list, on: dt.date, event: str, related: int | None = None) -> None:
        self.events.append((row[0], on, event, row[5], related))

    def run(self) -> None:
        rng, day = self.rng, self.day
        substitutes = 0 if self.cancelled else round(self.count * 0.03)
        latest = min(self.p.session_cancelled_on(self.session_id) or day, self.today + dt.timedelta(days=1)) \
            - dt.timedelta(days=1)
        timeline = []
        for n in range(self.count - substitutes):
            on = latest - dt.timedelta(days=rng.randint(0, 70))
            timeline.append((on, 0, n))
            if rng.random() < 0.09:
                timeline.append((day_between(rng, on, latest), 1, n))
        booked: set[int] = set()
        rows: dict[int, list] = {}
        for on, kind, n in sorted(timeline):
            if kind == 0:
                rows[n] = self._book(self.pool.pick(booked, day), on)
                booked.add(rows[n][2])
            else:
                self._cancel(rows[n], on)
        if self.cancelled:
            self._cancel_session()
        else:
            self._substitutes(substitutes, booked)
            for _ in range(self.count - len(self.rows)):   # substitutes there was no time for: plain bookings
                self._book(self.pool.pick(booked, day), latest)
                booked.add(self.rows[-1][2])
            if day <= self.today:
                self._register()
        self.p.bookings.extend(tuple(row) for row in self.rows)
        self.p.events.extend(self.events)

    def _places(self) -> int:
        return sum(1 for row in self.rows if row[5] in PLACE_STATUSES)

    def _book(self, delegate_id: int, on: dt.date) -> list:
        status = "confirmed" if self._places() < self.capacity else "waitlisted"
        row = self._booking(delegate_id, on, status, len(self.rows) + 1)
        self._event(row, on, "booked" if status == "confirmed" else "waitlisted")
        return row

    def _cancel(self, row: list, on: dt.date) -> None:
        if row[5] not in ("confirmed", "waitlisted"):
            return
        held = row[5] == "confirmed"
        row[5], row[7], row[8] = "cancelled", on, "delegate" if held else "waitlist"
        self._event(row, on, "cancelled" if held else "withdrawn")
        if held:
            waiting = sorted((r for r in self.rows if r[5] == "waitlisted"), key=lambda r: r[6])
            if waiting:
                promoted = waiting[0]
                promoted[5], promoted[10] = "confirmed", on
                promoted[11] = on + dt.timedelta(days=3) <= self.today or self.rng.random() < 0.7
                self._event(promoted, on, "promoted")

    def _cancel_session(self) -> None:
        on = self.p.session_cancelled_on(self.session_id)
        for row in sorted(self.rows, key=lambda r: r[6]):
            if row[5] in _OPEN_STATUSES:
                row[5], row[7], row[8] = "cancelled", on, "session"
                self._event(row, on, "session cancelled")

    def _substitutes(self, wanted: int, booked: set[int]) -> None:
        last = min(self.day - dt.timedelta(days=1), self.today)
        confirmed = [row for row in self.rows if row[5] == "confirmed" and max(row[3], row[10] or row[3]) < last]
        for row in self.rng.sample(confirmed, min(wanted, len(confirmed))):
            on = day_between(self.rng, max(row[3], row[10] or row[3]) + dt.timedelta(days=1), last)
            stand_in = self.pool.pick(booked, self.day)
            booked.add(stand_in)
            row[5] = "substituted"
            new = self._booking(stand_in, on, "confirmed", row[6], substitute_for=row[0])
            self._event(row, on, "substituted", new[0])
            self._event(new, on, "substitute", row[0])

    def _register(self) -> None:
        rng = self.rng
        for row in self.rows:
            if row[5] != "confirmed":
                continue
            row[5] = "attended" if rng.random() < 0.88 else "dna"
            self._event(row, self.day, row[5])
            if row[5] == "attended" and rng.random() < 0.55:
                received = min(self.today, self.day + dt.timedelta(days=rng.randint(0, 14)))
                before = rng.choice((1, 2, 2, 3, 3, 3, 4))
                self.p.evaluations.append((row[0], received, before, min(5, before + rng.choice((0, 1, 1, 1, 2))),
                                           rng.random() < 0.93,
                                           rng.choice(TRAINING_COMMENTS) if rng.random() < 0.3 else None))
