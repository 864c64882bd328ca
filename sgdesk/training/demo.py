"""Demo part 40: the 2018/19 multi-agency training programme of the demo board.

Forty sessions of ten courses and about 600 bookings, played through the booking rules in date
order (so waiting lists, promotions, late cancellations, substitutes and DNAs arise as they
would), with registers taken and evaluations returned. The seed annual report notes about half
of the places offered were taken up; the demo lands near that. Every delegate is invented, and
every address is at a reserved ``.example`` domain. A seeded random generator makes the demo
the same every time.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sgdesk.organisations import add_organisation, find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.bookings import (
    book,
    cancel,
    cancel_session,
    mark_attendance,
    mark_told,
    substitute,
)
from sgdesk.training.delegates import DelegateDetails, add_delegate, fold
from sgdesk.training.evaluations import EvaluationDetails, save_evaluation
from sgdesk.training.model import get_booking
from sgdesk.training.policy import (
    OUT_OF_AREA,
    PARTNER,
    PRIVATE,
    VOLUNTARY,
    set_org_category,
)
from sgdesk.training.programme import (
    DEFAULT_TIMES,
    CourseDetails,
    SessionDetails,
    add_course,
    add_session,
)

YEAR_START = dt.date(2018, 4, 1)

# (organisation, short name for addresses, type, category, sectors, weight among delegates)
_ORGANISATIONS: tuple[tuple[str, str, str | None, str, tuple[str, ...], int], ...] = (
    ("Southend Borough Council", "sbc", "council", PARTNER, ("Early help", "Housing"), 6),
    ("Southend Borough Council Children's Services", "sbccs", "council", PARTNER, ("Children's social care",), 14),
    ("Essex Police", "police", "police", PARTNER, ("Police",), 6),
    ("NHS Southend Clinical Commissioning Group", "ccg", "health", PARTNER, ("Health",), 3),
    ("Southend University Hospital NHS Foundation Trust", "suhft", "health", PARTNER, ("Health",), 9),
    ("South Essex Partnership NHS Foundation Trust", "sept", "health", PARTNER, ("Health",), 6),
    ("National Probation Service", "nps", "probation", PARTNER, ("Probation and youth justice",), 2),
    ("Essex Community Rehabilitation Company", "crc", "probation", PARTNER, ("Probation and youth justice",), 2),
    ("CAFCASS", "cafcass", "courts", PARTNER, ("Courts and family justice",), 1),
    ("Essex County Fire and Rescue Service", "ecfrs", "fire", PARTNER, ("Fire and rescue",), 1),
    ("South Essex College", "college", "education", PARTNER, ("Education",), 3),
    ("Schools and Colleges", "schools", "education", PARTNER, ("Education",), 16),
    ("Southend Association of Voluntary Services", "savs", "voluntary", VOLUNTARY, ("Voluntary and community",), 2),
    ("Trinity Family Centre", "trinity", "voluntary", VOLUNTARY, ("Voluntary and community",), 3),
    ("Harbour Lights Youth Project", "harbourlights", "voluntary", VOLUNTARY, ("Voluntary and community",), 3),
    ("Estuary Women's Aid", "estuarywa", "voluntary", VOLUNTARY, ("Voluntary and community",), 2),
    ("St Cedd's Church Youth Club", "stcedds", "voluntary", VOLUNTARY, ("Faith",), 1),
    ("Little Acorns Day Nursery Ltd", "littleacorns", "other", PRIVATE, ("Early years",), 3),
    ("Seaside Stars Nursery Ltd", "seasidestars", "other", PRIVATE, ("Early years",), 2),
    ("Kingfisher Foster Care Ltd", "kingfisher", "other", PRIVATE, ("Children's social care",), 2),
    ("Estuary Residential Care Ltd", "estuarycare", "other", PRIVATE, ("Children's social care",), 1),
    ("Thurrock Council", "thurrock", "council", OUT_OF_AREA, ("Children's social care",), 1),
    ("Essex County Council", "ecc", "council", OUT_OF_AREA, ("Early help",), 1),
    ("Castle Point and Rochford Clinical Commissioning Group", "cprccg", "health", OUT_OF_AREA, ("Health",), 1),
)

# (title, level, length, capacity, audience, description, sessions, popularity)
_COURSES = (
    ("Safeguarding children: level 1 awareness", 1, "half", 30, "Anyone who works or volunteers with children",
     "Recognising the signs of abuse and neglect and what to do about a worry.", 6, 0.8),
    ("Working together: multi-agency safeguarding", 2, "full", 24, "Practitioners who work with children and families",
     "Roles and thresholds, referrals, strategy discussions and child protection conferences.", 6, 0.7),
    ("Child sexual exploitation and missing children", 3, "full", 20, "Practitioners and managers",
     "Spotting exploitation, return interviews and disrupting perpetrators.", 4, 1.2),
    ("Neglect: recognising and responding", 3, "full", 20, "Practitioners working with families",
     "Recognising neglect and using the Graded Care Profile.", 4, 0.75),
    ("Domestic abuse and its impact on children", 2, "half", 24, "Practitioners in any agency",
     "Coercive control, risk assessment (DASH) and MARAC referrals.", 4, 0.75),
    ("Designated safeguarding lead refresher", 3, "half", 20, "Designated safeguarding leads in schools and settings",
     "Updates on Keeping Children Safe in Education, record keeping and referrals.", 4, 0.8),
    ("Early help and the family assessment", 2, "half", 24, "Practitioners in universal services",
     "The early help offer, the family assessment and team around the family.", 3, 0.5),
    ("Safer recruitment", 3, "full", 16, "Managers who recruit staff or volunteers",
     "Recruiting safely: checks, interviews and managing allegations.", 3, 0.6),
    ("Learning from case reviews", 4, "half", 30, "Managers and senior practitioners",
     "What local and national case reviews teach about practice.", 3, 0.5),
    ("Online safety for practitioners", 2, "half", 24, "Practitioners working with children and young people",
     "Online risks, sexting, grooming and how to respond.", 3, 0.55),
)
_VENUES = ("Civic Centre, Committee Room 1", "Civic Centre, Committee Room 2", "Tickfield Centre, Training Room",
           "Southend Central Library, Seminar Room", "Beecroft Centre, Room 3")
_TRAINERS = ("Dr Amara Okafor", "Ewan Fairbairn", "Priya Raman", "Gareth Llewellyn", "Hannah Whitcombe",
             "Tomasz Wiśniewski", "Funmi Adebayo")
_FIRST = ("Siân", "Zoë", "Łukasz", "Niamh", "Aisha", "Ben", "Chloe", "Daniel", "Eleanor", "Farhan", "Grace",
          "Harry", "Imogen", "Jack", "Kavita", "Liam", "Megan", "Nathan", "Olivia", "Patrick", "Rachel", "Samuel",
          "Tasha", "Usman", "Victoria", "William", "Yasmin", "Adam", "Bethan", "Connor", "Deborah", "Emeka",
          "Fiona", "Gemma", "Hollie", "Ibrahim", "Joanne", "Kieran", "Laura", "Mohammed", "Nicola", "Oliver",
          "Pippa", "Rhys", "Sophie", "Tom", "Vanessa", "Wendy", "Agnieszka", "Bogdan", "Ciara", "Dominika",
          "Eilidh", "Gráinne", "Joanna", "Mairéad", "Renée", "Seán", "Chiamaka", "Tanvir")
_LAST = ("Pryce", "Adeyemi", "Nowak", "O'Loughlin", "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher",
         "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Mitchell", "Newman", "Osei", "Patel", "Quinn",
         "Roberts", "Shah", "Taylor", "Underwood", "Vaughan", "Walker", "Young", "Ashworth", "Bennett", "Chowdhury",
         "Dawson", "Ellis", "Foster", "Gallagher", "Hussain", "Kowalczyk", "Lennon", "McCarthy", "Nwosu",
         "Okonkwo", "Parry", "Rahman", "Sullivan", "Thompson", "Wright", "Zielińska", "Brennan", "Doherty",
         "Kaur", "Mensah", "Ní Bhriain", "Sørensen")
_JOBS = {
    "Children's social care": ("Social worker", "Senior social worker", "Family support worker", "Team manager"),
    "Early help": ("Early help practitioner", "Family support worker", "Children's centre worker"),
    "Housing": ("Housing officer", "Tenancy support officer"),
    "Police": ("Police constable", "Detective constable", "PCSO", "Detective sergeant"),
    "Health": ("Health visitor", "School nurse", "Midwife", "Staff nurse", "Paediatric registrar", "GP practice nurse"),
    "Probation and youth justice": ("Probation officer", "Youth offending officer"),
    "Courts and family justice": ("Family court adviser",),
    "Fire and rescue": ("Community safety officer",),
    "Education": ("Teacher", "Designated safeguarding lead", "Head of year", "Teaching assistant", "Pastoral lead"),
    "Voluntary and community": ("Youth worker", "Project worker", "Volunteer coordinator", "Outreach worker"),
    "Faith": ("Youth leader",),
    "Early years": ("Nursery practitioner", "Nursery manager", "Room leader"),
}
_COMMENTS = (
    "Really useful, especially the case studies.",
    "The trainer knew the subject well and answered all our questions.",
    "Good to meet colleagues from other agencies.",
    "Would have liked more time on making referrals.",
    "Clear and practical; I will share the resources with my team.",
    "The afternoon felt rushed.",
    "Helped me understand what the other agencies do.",
    "Room was too cold, but the content was excellent.",
    "I feel more confident about raising a concern now.",
    "More local examples please.",
)


@dataclass
class _Person:
    """An invented delegate already made, who may book again, and the organisation they work for."""

    delegate_id: int
    organisation: str


def build_training_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    rng = random.Random(2018)
    org_ids = _organisations(bf, ed, board_id)
    courses = [(add_course(ed, bf, board_id, CourseDetails(t, lvl, length, cap, aud, desc)), length, cap, n, pop)
               for t, lvl, length, cap, aud, desc, n, pop in _COURSES]
    people = _People(ed, board_id, org_ids, rng)
    sessions = _schedule(ed, bf, courses, rng)
    for index, (session_id, day, capacity, popularity) in enumerate(sessions):
        _play_session(ed, bf, session_id, day, capacity, popularity, people, rng, cancelled=index == 27)


def _organisations(bf: BoardFile, ed: Action, board_id: int) -> dict[str, int]:
    ids = {}
    for name, _short, org_type, category, _sectors, _weight in _ORGANISATIONS:
        org_id = find_organisation(bf, name)
        if org_id is None:
            org_id = add_organisation(ed, name, org_type=org_type)
        set_org_category(ed, bf, board_id, org_id, category)
        ids[name] = org_id
    return ids


class _People:
    """Invented delegates, some of whom book more than one course."""

    def __init__(self, ed: Action, board_id: int, org_ids: dict[str, int], rng: random.Random) -> None:
        self.ed, self.board_id, self.org_ids, self.rng = ed, board_id, org_ids, rng
        self.pool: list[_Person] = []
        self.names: set[str] = set()
        self.weights = [weight for *_rest, weight in _ORGANISATIONS]
        self.required = ["Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak", "Niamh O'Loughlin"]

    def pick(self, exclude: set[int]) -> int:
        returning = [p for p in self.pool if p.delegate_id not in exclude]
        if returning and self.rng.random() < 0.3:
            return self.rng.choice(returning).delegate_id
        return self.new()

    def new(self) -> int:
        name = self.required.pop(0) if self.required else self._unique_name()
        self.names.add(name)
        org, short, _type, _category, sectors, _weight = self.rng.choices(_ORGANISATIONS, self.weights)[0]
        sector = self.rng.choice(sectors)
        first, last = name.split(" ", 1)
        manager_first, manager_last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        details = DelegateDetails(
            name, self.org_ids[org], sector, email=f"{_local(first)}.{_local(last)}@{short}.example",
            job_title=self.rng.choice(_JOBS[sector]), manager_name=f"{manager_first} {manager_last}",
            manager_email=f"{_local(manager_first)}.{_local(manager_last)}@{short}.example")
        delegate_id = add_delegate(self.ed, self.board_id, details)
        self.pool.append(_Person(delegate_id, org))
        return delegate_id

    def _unique_name(self) -> str:
        while True:
            name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
            if name not in self.names:
                return name


def _local(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


def _schedule(ed: Action, bf: BoardFile, courses, rng: random.Random) -> list[tuple[int, dt.date, int, float]]:
    """Forty sessions spread over the year's working weeks (Tuesday to Thursday, none in August)."""
    runs = [(course_id, length, capacity, popularity) for course_id, length, capacity, n, popularity in courses
            for _ in range(n)]
    rng.shuffle(runs)
    weeks = [YEAR_START + dt.timedelta(weeks=w) for w in range(1, 51)
             if (YEAR_START + dt.timedelta(weeks=w)).month != 8
             and not dt.date(2018, 12, 17) <= YEAR_START + dt.timedelta(weeks=w) <= dt.date(2019, 1, 2)]
    chosen = sorted(rng.sample(weeks, len(runs)))
    sessions = []
    for index, ((course_id, length, capacity, popularity), week) in enumerate(zip(runs, chosen)):
        day = week + dt.timedelta(days=(week.weekday() * -1) + rng.choice((1, 2, 3)))
        start, end = DEFAULT_TIMES[length] if length == "full" or index % 2 else ("13:30", "16:30")
        online = index % 9 == 4
        session_id = add_session(ed, bf, SessionDetails(
            course_id, day, start, end, capacity, "Microsoft Teams" if online else rng.choice(_VENUES), online,
            rng.choice(_TRAINERS)))
        sessions.append((session_id, day, capacity, popularity))
    return sessions


def _play_session(ed: Action, bf: BoardFile, session_id: int, day: dt.date, capacity: int, popularity: float,
                  people: _People, rng: random.Random, *, cancelled: bool) -> None:
    """Book, cancel, substitute, then take the register and collect evaluations, in date order."""
    if popularity > 1:  # oversubscribed: a waiting list forms
        wanted = capacity + rng.randint(4, 8)
    else:
        wanted = max(4, round(capacity * popularity * rng.uniform(0.7, 1.08)))
    events: list[tuple[dt.date, int, str, int]] = []   # (day, order, kind, delegate)
    booked: set[int] = set()
    for _ in range(wanted):
        delegate_id = people.pick(booked)
        booked.add(delegate_id)
        booked_on = day - dt.timedelta(days=rng.randint(3, 56))
        events.append((booked_on, 0, "book", delegate_id))
        roll = rng.random()
        if roll < 0.05:
            events.append((day - dt.timedelta(days=rng.randint(0, 6)), 1, "late", delegate_id))
        elif roll < 0.12:
            events.append((booked_on + dt.timedelta(days=rng.randint(0, max(0, (day - booked_on).days - 8))),
                           1, "cancel", delegate_id))
        elif roll < 0.15:
            events.append((day - dt.timedelta(days=rng.randint(1, 5)), 1, "substitute", delegate_id))
    bookings: dict[int, int] = {}
    for on, _order, kind, delegate_id in sorted(events):
        if kind == "book":
            bookings[delegate_id] = book(ed, bf, session_id, delegate_id, booked_on=on,
                                         approved=rng.random() < 0.9).booking_id
            continue
        booking = get_booking(bf, bookings[delegate_id])
        if booking.status not in ("confirmed", "waitlisted") or on < booking.booked_on:
            continue
        if kind == "substitute" and booking.status == "confirmed":
            stand_in = people.pick(booked)
            booked.add(stand_in)
            substitute(ed, bf, booking.id, stand_in, on=on, approved=True)
        else:
            for promoted in cancel(ed, bf, booking.id, on=on).promoted:
                mark_told(ed, promoted)
    if cancelled:
        cancel_session(ed, bf, session_id, on=day - dt.timedelta(days=9))
        return
    _register(ed, bf, session_id, day, rng)


def _register(ed: Action, bf: BoardFile, session_id: int, day: dt.date, rng: random.Random) -> None:
    rows = bf.query("SELECT id FROM training_booking WHERE session_id = ? AND status = 'confirmed' ORDER BY id",
                    (session_id,))
    for (booking_id,) in rows:
        attended = rng.random() < 0.9
        mark_attendance(ed, bf, booking_id, "attended" if attended else "dna", on=day)
        if attended and rng.random() < 0.7:
            before = rng.choice((1, 2, 2, 3, 3, 3, 4))
            save_evaluation(ed, bf, booking_id, EvaluationDetails(
                day, before, min(5, before + rng.choice((0, 1, 1, 1, 2))), rng.random() < 0.93,
                rng.choice(_COMMENTS) if rng.random() < 0.35 else None))
