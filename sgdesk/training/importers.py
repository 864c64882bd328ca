"""Import kinds ``courses``, ``sessions`` and ``bookings``: a programme kept in a spreadsheet, or
exported from an online booking tool. Duplicates and sessions over capacity are reported, and
then nothing is imported."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from sgdesk.core_feature import parse_yes_no
from sgdesk.dates import format_date, parse_date
from sgdesk.emails import parse_email
from sgdesk.errors import InputError, quoted
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.organisations import OrganisationFinder
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.bookings import RecordedBooking, record_bookings
from sgdesk.training.delegates import (
    SECTORS,
    DelegateDetails,
    DelegateFinder,
    add_delegates,
    known_sectors,
    normalise_sector,
    sector_spellings,
)
from sgdesk.training.model import (
    PLACE_STATUSES,
    REGISTER_KEY,
    REGISTER_MARKS,
    STATUS_LABELS,
    find_booking,
    list_sessions,
)
from sgdesk.training.policy import (
    add_booking_organisation,
    get_policy,
    org_categories,
    parse_category,
    set_org_category,
)
from sgdesk.training.programme import (
    DEFAULT_TIMES,
    CourseDetails,
    SessionDetails,
    add_course,
    add_session,
    default_end,
    parse_capacity,
    parse_length,
    parse_level,
    parse_time,
)

DEFAULT_CAPACITY = 20
_ONLINE = {"online": None, "virtual": None, "remote": None, "webinar": None, "teams": "Microsoft Teams",
           "microsoft teams": "Microsoft Teams", "ms teams": "Microsoft Teams", "zoom": "Zoom"}
_STATUSES = {
    "confirmed": "confirmed", "booked": "confirmed", "registered": "confirmed", "place offered": "confirmed",
    "waitlisted": "waitlisted", "waiting list": "waitlisted", "waiting": "waitlisted", "reserve": "waitlisted",
    "wait list": "waitlisted", "cancelled": "cancelled", "canceled": "cancelled", "withdrawn": "cancelled",
    "attended": "attended", "present": "attended", "completed": "attended",
    "dna": "dna", "did not attend": "dna", "no show": "dna", "absent": "dna", "not attended": "dna",
    **{mark.letter.casefold(): mark.status for mark in REGISTER_MARKS},     # as the sign-in sheet is marked
    "substituted": "substituted", "sent a substitute": "substituted", "substitute sent": "substituted",
}
STATUS_NAMES = {"scheduled": "Scheduled", "cancelled": "Cancelled"}
_SESSION_STATUSES = {"scheduled": "scheduled", "running": "scheduled", "confirmed": "scheduled",
                     "cancelled": "cancelled", "canceled": "cancelled"}


def parse_booking_status(value: object) -> str:
    text = " ".join(str(value).replace("-", " ").split()).casefold()
    if text in _STATUSES:
        return _STATUSES[text]
    raise InputError(quoted(value), "is not a booking status",
                     "write Confirmed, Waitlisted, Cancelled, Substituted, Attended (P) or DNA (X)")


def parse_session_status(value: object) -> str:
    text = " ".join(str(value).split()).casefold()
    if text in _SESSION_STATUSES:
        return _SESSION_STATUSES[text]
    raise InputError(quoted(value), "is not a session status", "write Scheduled or Cancelled")


def _title(value: object) -> str:
    """The cell as one line, one space between words: the cell's own text when it is already (most are: an
    import's rows then share one copy of each course, organisation and sector)."""
    text = str(value)
    line = " ".join(text.split())
    return text if line == text else line


class CoursesImport(ImportKind):
    name = "courses"
    title = "training courses"
    description = ("The courses of the training programme. A course already in the board (same title) is "
                   "updated; new ones are added. Import courses before their sessions.")
    columns = (
        Column("title", "Title", "the course title, as delegates see it", parse=_title,
               aliases=("Course", "Course title", "Course name"), example="Neglect: recognising and responding"),
        Column("level", "Level", "the course level, 1 (awareness) to 4 (specialist)", parse=parse_level,
               aliases=("Course level",), example="3"),
        Column("length", "Length", "Half day or Full day", parse=parse_length,
               aliases=("Duration", "Half or full day", "Day length"), example="Full day"),
        Column("audience", "Audience", "who the course is for", required=False,
               aliases=("Target audience", "For", "Who should attend"),
               example="Practitioners working directly with children and families"),
        Column("description", "Description", "a sentence or two on what the course covers", required=False,
               aliases=("Summary", "Outline", "Course description"),
               example="Recognising neglect and using the Graded Care Profile"),
        Column("default_capacity", "Default capacity",
               f"the usual number of places on a session (blank: {DEFAULT_CAPACITY})", parse=parse_capacity,
               required=False, aliases=("Capacity", "Places", "Max delegates"), example="24"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, int | None]]:
        first = FirstRows(source, problems)
        existing = {row[1].casefold(): row[0] for row in
                    bf.query("SELECT id, title FROM training_course WHERE board_id = ?", (board_id,))}
        planned = []
        for row in rows:
            key = row["title"].casefold()
            if not first.is_repeat(key, row.number, "Title", row["title"], "is listed twice",
                                   "keep one row per course"):
                planned.append((row, existing.get(key)))
        return planned

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for row, course_id in plan:
            details = CourseDetails(row["title"], row["level"], row["length"],
                                    row["default_capacity"] or DEFAULT_CAPACITY, row["audience"],
                                    row["description"])
            if course_id is None:
                add_course(ed, bf, board_id, details)
                summary.count("courses")
            elif ed.update("training_course", course_id, details.values()):
                summary.count("courses", "updated")
            else:
                summary.skipped += 1


def course_ids(bf: BoardFile, board_id: int) -> dict[str, tuple[int, str, int]]:
    """Course title (case-folded) -> (id, length, default capacity)."""
    return {row[1].casefold(): (row[0], row[2], row[3]) for row in bf.query(
        "SELECT id, title, length, default_capacity FROM training_course WHERE board_id = ?", (board_id,))}


def _unknown_course(source: str, row: ParsedRow, column: str, value: str) -> Problem:
    return Problem(source, row.number, column, value, "is not a course in the programme",
                   "check the title, or import the course first (import kind 'courses')")


def _venue(text: str | None) -> tuple[str | None, bool]:
    """(venue, online) from a Venue cell: "Online", "Teams", "Zoom" mean an online session."""
    if text is None:
        return None, False
    key = text.casefold()
    if key in _ONLINE:
        return _ONLINE[key], True
    return text, False


class SessionsImport(ImportKind):
    name = "sessions"
    title = "training sessions"
    description = ("Dates on which courses run. A session is identified by its course, date and start time: "
                   "one already in the board is updated, others are added. A session listed twice is reported.")
    columns = (
        Column("course", "Course", "the title of a course already in the programme", parse=_title,
               aliases=("Course title", "Title"), example="Neglect: recognising and responding"),
        Column("date", "Session date", "the day of the session", parse=parse_date,
               aliases=("Date", "Date of session"), example="17/10/2018"),
        Column("start", "Start", "start time (blank: 09:30)", parse=parse_time, required=False,
               aliases=("Start time", "From", "Starts"), example="09:30"),
        Column("end", "End", "end time (blank: 3 hours after the start for a half day, 7 for a full day)",
               parse=parse_time,
               required=False, aliases=("End time", "Finish", "To", "Ends"), example="16:30"),
        Column("venue", "Venue", "where it is held; Online, Teams or Zoom for an online session", required=False,
               aliases=("Location", "Where", "Room"), example="Civic Centre, Committee Room 2"),
        Column("capacity", "Capacity", "number of places (blank: the course's default capacity)",
               parse=parse_capacity, required=False, aliases=("Places", "Max delegates", "Spaces"), example="24"),
        Column("trainer", "Trainer", "who delivers it", required=False,
               aliases=("Trainers", "Facilitator", "Presenter"), example="Dr Amara Okafor"),
        Column("status", "Status", "Scheduled or Cancelled (blank: Scheduled)", parse=parse_session_status,
               required=False, aliases=("Session status",), example="Scheduled"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[SessionDetails, str, int | None]]:
        courses = course_ids(bf, board_id)
        existing = {(s.course_id, s.session_date, s.start_time): s for s in list_sessions(bf, board_id)}
        seen: dict[tuple, int] = {}
        planned = []
        for row in rows:
            course = courses.get(row["course"].casefold())
            if course is None:
                problems.append(_unknown_course(source, row, "Course", row["course"]))
                continue
            course_id, length, default_capacity = course
            start = row["start"] or DEFAULT_TIMES[length][0]
            end = row["end"] or default_end(start, length)
            if end is None or end <= start:
                problems.append(Problem(source, row.number, "End", end, f"is not after the start time {start}",
                                        "give an end time later than the start"))
                continue
            key = (course_id, row["date"], start)
            if key in seen:
                problems.append(Problem(source, row.number, "Session date", format_date(row["date"]),
                                        f"repeats the session of row {seen[key]} (same course, date and start)",
                                        "keep one row per session"))
                continue
            seen[key] = row.number
            venue, online = _venue(row["venue"])
            details = SessionDetails(course_id, row["date"], start, end, row["capacity"] or default_capacity,
                                     venue, online, row["trainer"])
            status = row["status"] or "scheduled"
            current = existing.get(key)
            if current is not None:
                if current.status != status:
                    problems.append(Problem(source, row.number, "Status", STATUS_NAMES[status],
                                            f"differs from the session in SG Desk ({STATUS_NAMES[current.status]})",
                                            "cancel or keep the session in the Training view instead"))
                    continue
                if details.capacity < current.places_taken:
                    problems.append(Problem(source, row.number, "Capacity", details.capacity,
                                            f"is fewer than the {current.places_taken} places already booked",
                                            f"give at least {current.places_taken} places"))
                    continue
            planned.append((details, status, None if current is None else current.id))
        return planned

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for details, status, session_id in plan:
            if session_id is None:
                new_id = add_session(ed, bf, details)
                if status == "cancelled":
                    ed.update("training_session", new_id, {"status": "cancelled"})
                summary.count("sessions")
            elif ed.update("training_session", session_id, details.values()):
                summary.count("sessions", "updated")
            else:
                summary.skipped += 1


@dataclass
class _PlannedBooking:
    """One booking a bookings import will write, with its delegate (one found, or one to add) and status."""

    row: int
    session_id: int
    delegate: DelegateDetails | None      # None: an existing delegate
    delegate_id: int | None
    delegate_key: str
    new_org: str | None                    # an organisation to add (by name)
    status: str
    booked_on: dt.date
    cancelled_on: dt.date | None
    approved: bool


@dataclass(frozen=True)
class _NewDelegate:
    """A delegate an import adds: the ``index``-th of those it adds."""

    index: int


@dataclass
class _BookingPlan:
    """What a bookings import will write: its bookings, the organisations it adds, the categories it sets, and
    how many rows it skips."""

    bookings: list[_PlannedBooking]
    new_orgs: dict[str, tuple[str, str]]          # folded name -> (name, category)
    categories: dict[int, str]                    # organisation id -> category to set
    skipped: int


class BookingsImport(ImportKind):
    name = "bookings"
    title = "training bookings"
    description = (
        "Delegates' bookings on sessions, e.g. exported from an online booking tool. Each row is matched to a "
        "session by course and date (and start time if a course runs twice that day), and to a delegate by "
        "email. A row already in SG Desk with the same status is skipped. A delegate booked twice on one "
        "session, or more places booked than a session has, is reported and nothing is imported. An "
        "organisation SG Desk does not know is added when the row gives its charging category.")
    columns = (
        Column("course", "Course", "the title of a course in the programme", parse=_title,
               aliases=("Course title", "Event", "Event name"), example="Neglect: recognising and responding"),
        Column("session_date", "Session date", "the day of the session booked", parse=parse_date,
               aliases=("Date", "Event date", "Course date"), example="17/10/2018"),
        Column("start", "Start time", "only needed when the course runs twice on that day", parse=parse_time,
               required=False, aliases=("Start", "Session start"), example="09:30"),
        Column("delegate", "Delegate", "the delegate's full name", parse=_title,
               aliases=("Name", "Delegate name", "Attendee", "Full name"), example="Siân Pryce"),
        Column("email", "Email", "the delegate's work email (how SG Desk knows the same person again)",
               parse=parse_email, aliases=("Email address", "E-mail", "Work email"),
               example="sian.pryce@example.org.uk"),
        Column("organisation", "Organisation", "the delegate's employer: an organisation in SG Desk, or a new "
               "one with its Charging category", parse=_title, aliases=("Agency", "Employer", "Organisation name"),
               example="South Essex College"),
        Column("sector", "Sector", f"the sector the delegate works in, e.g. {', '.join(SECTORS[:5])}",
               parse=_title, aliases=("Service", "Sector worked in"), example="Education"),
        Column("status", "Status", "Confirmed, Waitlisted, Cancelled, Substituted, Attended or DNA; the "
               f"register's marks too ({REGISTER_KEY}); blank: Confirmed", parse=parse_booking_status, required=False,
               aliases=("Booking status", "Attendance"), example="Attended"),
        Column("booked_on", "Booked on", "the day the booking was made (blank: today, or the session date if "
               "that is earlier)", parse=parse_date, required=False, aliases=("Date booked", "Booking date"),
               example="12/09/2018"),
        Column("cancelled_on", "Cancelled on", "for a Cancelled booking, the day it was cancelled. Fewer than 7 "
               "days before the session (the default policy) is a late cancellation and is charged: for a "
               "session on Wed 17/10/2018, 10/10/2018 is free and 11/10/2018 is late", parse=parse_date,
               required=False, aliases=("Cancellation date", "Date cancelled")),
        Column("job_title", "Job title", "the delegate's job title", required=False,
               aliases=("Role", "Job role", "Position"), example="Designated Safeguarding Lead"),
        Column("category", "Charging category", "the organisation's charging category: Partner, Voluntary and "
               "community, Private or Out of area (as in the board's charging policy); needed for an organisation "
               "new to SG Desk", required=False, aliases=("Category", "Charge category", "Charging band"),
               example="Partner"),
        Column("manager_name", "Line manager", "the line manager who approves the booking", required=False,
               aliases=("Manager", "Manager name", "Line manager name"), example="Ewan Fairbairn"),
        Column("manager_email", "Manager email", "the line manager's email", parse=parse_email, required=False,
               aliases=("Line manager email", "Manager's email"), example="ewan.fairbairn@example.org.uk"),
        Column("approved", "Manager approved", "Yes once the line manager has approved the place", parse=parse_yes_no,
               required=False, aliases=("Approved", "Manager approval"), example="Yes"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> _BookingPlan:
        courses = course_ids(bf, board_id)
        sessions = defaultdict(list)
        for session in list_sessions(bf, board_id):
            sessions[(session.course_id, session.session_date)].append(session)
        policy = get_policy(bf, board_id)
        current_categories = org_categories(bf, board_id)
        sectors = sector_spellings(known_sectors(bf, board_id))
        plan = _BookingPlan([], {}, {}, 0)
        seen: dict[tuple[int, str], int] = {}
        places: dict[int, int] = {}
        today = dt.date.today()
        delegates, organisations = DelegateFinder(bf, board_id, [row["email"] for row in rows]), OrganisationFinder(bf)
        for row in rows:
            session = self._session(row, courses, sessions, source, problems)
            category = self._category(row, policy, source, problems)
            if session is None or category is False:
                continue
            org_id = organisations.find(row["organisation"], on=row["session_date"])
            new_org = None
            if org_id is None:
                if category is None:
                    problems.append(Problem(source, row.number, "Organisation", row["organisation"],
                                            "is not an organisation SG Desk knows",
                                            "check the name, or give its Charging category so it can be added"))
                    continue
                new_org = row["organisation"]
                plan.new_orgs.setdefault(new_org.casefold(), (new_org, category))
            elif category is not None and current_categories[org_id] != category:
                plan.categories[org_id] = category
            status = row["status"] or "confirmed"
            if status == "cancelled" and row["cancelled_on"] is None:
                problems.append(Problem(source, row.number, "Cancelled on", None,
                                        "is needed for a cancelled booking (to tell a late cancellation)",
                                        "give the day it was cancelled"))
                continue
            if session.cancelled and status != "cancelled":
                problems.append(Problem(source, row.number, "Session date", format_date(session.session_date),
                                        "is a session that was cancelled", "mark the booking Cancelled or remove it"))
                continue
            key = row["email"].casefold()
            if (session.id, key) in seen:
                problems.append(Problem(source, row.number, "Email", row["email"],
                                        f"is booked twice on this session (also row {seen[session.id, key]})",
                                        "keep one row per delegate per session"))
                continue
            seen[session.id, key] = row.number
            delegate_id = None if new_org else delegates.find(name=row["delegate"], email=row["email"],
                                                              organisation_id=org_id)
            if delegate_id is not None:
                booking = find_booking(bf, session.id, delegate_id)
                if booking is not None:
                    if booking.status == status or row["status"] is None:
                        plan.skipped += 1
                        continue
                    problems.append(Problem(source, row.number, "Status", STATUS_LABELS[status],
                                            f"differs from the booking in SG Desk ({STATUS_LABELS[booking.status]})",
                                            "change the booking in the Training view, or correct the file"))
                    continue
            if status in PLACE_STATUSES:
                taken = places.setdefault(session.id, session.places_taken) + 1
                places[session.id] = taken
                if taken > session.capacity:
                    problems.append(Problem(
                        source, row.number, "Session date", format_date(session.session_date),
                        f"is over capacity: this is booking {taken} for {session.capacity} places on "
                        f"{session.course_title}", "mark the extra bookings Waitlisted, or raise the session's "
                        "capacity first"))
                    continue
            details = DelegateDetails(row["delegate"], org_id or 0, normalise_sector(row["sector"], sectors),
                                      row["email"], row["job_title"], row["manager_name"], row["manager_email"])
            booked_on = row["booked_on"] or min(session.session_date, today)
            plan.bookings.append(_PlannedBooking(row.number, session.id, details, delegate_id, key, new_org, status,
                                                 booked_on, row["cancelled_on"], bool(row["approved"])))
        return plan

    @staticmethod
    def _session(row: ParsedRow, courses, sessions, source: str, problems: list[Problem]):
        course = courses.get(row["course"].casefold())
        if course is None:
            problems.append(_unknown_course(source, row, "Course", row["course"]))
            return None
        found = sessions.get((course[0], row["session_date"]), [])
        if row["start"] is not None:
            found = [s for s in found if s.start_time == row["start"]]
        if len(found) == 1:
            return found[0]
        day = format_date(row["session_date"])
        if not found:
            problems.append(Problem(source, row.number, "Session date", day, f"has no session of {row['course']}",
                                    "check the date, or import the session first (import kind 'sessions')"))
        else:
            problems.append(Problem(source, row.number, "Session date", day,
                                    f"has {len(found)} sessions of {row['course']}",
                                    "add a Start time column to say which"))
        return None

    @staticmethod
    def _category(row: ParsedRow, policy, source: str, problems: list[Problem]) -> str | None | bool:
        """The row's category, None when blank, False when it is not one of the policy's."""
        if row["category"] is None:
            return None
        try:
            return parse_category(row["category"], policy)
        except InputError as error:
            problems.append(Problem(source, row.number, "Charging category", row["category"], error.why, error.fix))
            return False

    def apply(self, plan: _BookingPlan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        new_org_ids: dict[str, int] = {}
        for key, (name, category) in plan.new_orgs.items():
            new_org_ids[key] = add_booking_organisation(ed, bf, board_id, name, category)
            summary.count("organisations")
        for org_id, category in plan.categories.items():
            set_org_category(ed, bf, board_id, org_id, category)
            summary.count("charging categories", "updated")
        # each row's delegate: found in SG Desk, the one an earlier row of the file named, or one to add
        new: list[DelegateDetails] = []
        named: dict[str, int | _NewDelegate] = {}
        chosen: list[int | _NewDelegate] = []
        for item in plan.bookings:
            delegate = item.delegate_id or named.get(item.delegate_key)
            if delegate is None:
                details = item.delegate
                if item.new_org is not None:
                    details = replace(details, organisation_id=new_org_ids[item.new_org.casefold()])
                delegate = _NewDelegate(len(new))
                new.append(details)
            named[item.delegate_key] = delegate
            chosen.append(delegate)
        new_ids = add_delegates(ed, board_id, new)
        if new_ids:
            summary.count("delegates", n=len(new_ids))
        record_bookings(ed, bf, [
            RecordedBooking(item.session_id, new_ids[delegate.index] if isinstance(delegate, _NewDelegate) else delegate,
                            item.status, item.booked_on, item.approved, item.cancelled_on)
            for item, delegate in zip(plan.bookings, chosen)])
        if plan.bookings:
            summary.count("bookings", n=len(plan.bookings))
        if plan.skipped:
            summary.skipped += plan.skipped
