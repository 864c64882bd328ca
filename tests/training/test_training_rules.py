"""The training booking rules: capacity, waiting list, cancellation boundary, substitution, charges."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sgdesk.errors import SGDeskError
from sgdesk.fyear import Period
from sgdesk.organisations import add_organisation
from sgdesk.training.attention import training_attention
from sgdesk.training.bookings import (
    book,
    booking_history,
    cancel,
    cancel_session,
    mark_attendance,
    mark_told,
    promote_from_waiting_list,
    substitute,
)
from sgdesk.training.charges import booking_charge, charges, preview_cancellation
from sgdesk.training.delegates import DelegateDetails, add_delegate, matching_delegates
from sgdesk.training.figures import period_figures
from sgdesk.training.model import get_booking, get_session
from sgdesk.training.policy import (
    DEFAULT_POLICY,
    OUT_OF_AREA,
    PARTNER,
    PRIVATE,
    Category,
    get_policy,
    set_org_category,
    set_policy,
)
from sgdesk.training.programme import (
    CourseDetails,
    SessionDetails,
    add_course,
    add_session,
    update_session,
)

WEDNESDAY = dt.date(2018, 10, 17)
BOOKED = dt.date(2018, 9, 1)


class Programme:
    """A board with a partner, a private and an out-of-area organisation, and helpers to book."""

    def __init__(self, bf) -> None:
        self.bf = bf
        self.board_id = bf.scalar("SELECT id FROM board")
        with bf.edit("Set up") as ed:
            self.partner = add_organisation(ed, "Essex Police", org_type="police", statutory=True)
            self.private = add_organisation(ed, "Little Acorns Day Nursery Ltd", org_type="other")
            self.away = add_organisation(ed, "Thurrock Council", org_type="council")
            set_org_category(ed, bf, self.board_id, self.private, PRIVATE)
            set_org_category(ed, bf, self.board_id, self.away, OUT_OF_AREA)
            self.full_day = add_course(ed, bf, self.board_id, CourseDetails("Neglect", 3, "full", 20))
            self.half_day = add_course(ed, bf, self.board_id, CourseDetails("Level 1 awareness", 1, "half", 30))
        bf.editor.forget_history()
        self.people: dict[str, int] = {}

    def session(self, capacity: int = 20, *, course: str = "full", day: dt.date = WEDNESDAY) -> int:
        course_id = self.full_day if course == "full" else self.half_day
        with self.bf.edit("Add session") as ed:
            return add_session(ed, self.bf, SessionDetails(course_id, day, "09:30", "16:30", capacity, "Civic Centre"))

    def delegate(self, name: str, org: str = "partner") -> int:
        if name not in self.people:
            organisation = {"partner": self.partner, "private": self.private, "away": self.away}[org]
            email = name.lower().replace(" ", ".").replace("'", "") + "@example.org.uk"
            with self.bf.edit(f"Add {name}") as ed:
                details = DelegateDetails(name, organisation, "Police", email)
                self.people[name] = add_delegate(ed, self.board_id, details)
        return self.people[name]

    def book(self, session_id: int, name: str, org: str = "partner", on: dt.date = BOOKED):
        delegate_id = self.delegate(name, org)
        with self.bf.edit(f"Book {name}") as ed:
            return book(ed, self.bf, session_id, delegate_id, booked_on=on)

    def cancel(self, booking_id: int, on: dt.date):
        with self.bf.edit("Cancel") as ed:
            return cancel(ed, self.bf, booking_id, on=on)

    def mark(self, booking_id: int, status: str, on: dt.date = WEDNESDAY) -> None:
        with self.bf.edit("Register") as ed:
            mark_attendance(ed, self.bf, booking_id, status, on=on)

    def charged(self) -> dict[str, int]:
        return {c.delegate: c.fee for c in charges(self.bf, self.board_id)}


@pytest.fixture
def programme(empty_board) -> Programme:
    return Programme(empty_board)


def places(bf, session_id: int) -> int:
    return get_session(bf, session_id).places_taken


def test_capacity_is_never_exceeded_and_the_overflow_waits(programme):
    session_id = programme.session(capacity=2)
    outcomes = [programme.book(session_id, name) for name in ("Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak")]
    assert [o.status for o in outcomes] == ["confirmed", "confirmed", "waitlisted"]
    assert places(programme.bf, session_id) == 2
    with pytest.raises(SGDeskError, match="full"):   # the board file refuses it even past the rules
        with programme.bf.edit("Force a place") as ed:
            ed.update("training_booking", outcomes[2].booking_id, {"status": "confirmed"})
    assert get_booking(programme.bf, outcomes[2].booking_id).status == "waitlisted"


def test_capacity_cannot_drop_below_the_places_taken(programme):
    session_id = programme.session(capacity=2)
    programme.book(session_id, "Siân Pryce")
    programme.book(session_id, "Zoë Adeyemi")
    details = SessionDetails(programme.full_day, WEDNESDAY, "09:30", "16:30", 1, "Civic Centre")
    with pytest.raises(SGDeskError, match="2 delegates hold places"):
        with programme.bf.edit("Shrink") as ed:
            update_session(ed, programme.bf, session_id, details, on=BOOKED)
    assert get_session(programme.bf, session_id).capacity == 2


def test_a_freed_place_goes_to_the_first_on_the_waiting_list_and_is_flagged_until_told(programme):
    session_id = programme.session(capacity=1)
    first = programme.book(session_id, "Siân Pryce")
    second = programme.book(session_id, "Zoë Adeyemi", on=BOOKED + dt.timedelta(days=1))
    third = programme.book(session_id, "Łukasz Nowak", on=BOOKED + dt.timedelta(days=2))
    outcome = programme.cancel(first.booking_id, on=dt.date(2018, 9, 20))
    assert outcome.promoted == (second.booking_id,)
    promoted = get_booking(programme.bf, second.booking_id)
    assert (promoted.status, promoted.promoted_on) == ("confirmed", dt.date(2018, 9, 20))
    assert not promoted.promotion_told
    assert get_booking(programme.bf, third.booking_id).status == "waitlisted"
    assert [e.text for e in booking_history(programme.bf, second.booking_id)] == [
        "Booked: on the waiting list", "Given a place from the waiting list"]
    items = [item.text for item in training_attention(programme.bf, programme.board_id, today=dt.date(2018, 9, 21))]
    assert any("Zoë Adeyemi was given a place on Neglect (17 Oct 2018) from the waiting list: tell them" in t
               for t in items)
    with programme.bf.edit("Told") as ed:
        mark_told(ed, second.booking_id)
    items = [item.text for item in training_attention(programme.bf, programme.board_id, today=dt.date(2018, 9, 21))]
    assert not any("Zoë Adeyemi" in t for t in items)


def test_more_places_promote_in_queue_order_and_the_button_says_why_not(programme):
    session_id = programme.session(capacity=1)
    programme.book(session_id, "Siân Pryce")
    waiting = [programme.book(session_id, name).booking_id for name in ("Zoë Adeyemi", "Łukasz Nowak", "Ben Baker")]
    with pytest.raises(SGDeskError, match="all 1 places are taken"):
        with programme.bf.edit("Promote") as ed:
            promote_from_waiting_list(ed, programme.bf, session_id, on=BOOKED)
    details = SessionDetails(programme.full_day, WEDNESDAY, "09:30", "16:30", 3, "Civic Centre")
    with programme.bf.edit("More places") as ed:
        promoted = update_session(ed, programme.bf, session_id, details, on=BOOKED)
    assert promoted == waiting[:2]
    assert get_booking(programme.bf, waiting[2]).status == "waitlisted"


def test_undo_puts_back_a_cancellation_and_its_promotion_together(programme):
    session_id = programme.session(capacity=1)
    first = programme.book(session_id, "Siân Pryce")
    second = programme.book(session_id, "Zoë Adeyemi")
    programme.cancel(first.booking_id, on=dt.date(2018, 9, 20))
    programme.bf.editor.undo()
    assert get_booking(programme.bf, first.booking_id).status == "confirmed"
    assert get_booking(programme.bf, second.booking_id).status == "waitlisted"
    programme.bf.editor.redo()
    assert get_booking(programme.bf, second.booking_id).status == "confirmed"


@pytest.mark.parametrize(("cancelled_on", "charged"), [
    (dt.date(2018, 10, 9), 0),       # 8 days before: free
    (dt.date(2018, 10, 10), 0),      # 7 days before (the same weekday the week before): the last free day
    (dt.date(2018, 10, 11), 5000),   # 6 days before: inside 7 days, late, charged the full-day fee
    (dt.date(2018, 10, 17), 5000),   # on the day
])
def test_the_late_cancellation_boundary_is_seven_days_before(programme, cancelled_on, charged):
    session_id = programme.session()
    booking = programme.book(session_id, "Siân Pryce")
    programme.cancel(booking.booking_id, on=cancelled_on)
    assert programme.charged().get("Siân Pryce", 0) == charged
    assert DEFAULT_POLICY.last_free_day(WEDNESDAY) == dt.date(2018, 10, 10)


def test_the_cancel_preview_names_the_boundary_days(programme):
    session_id = programme.session()
    booking = programme.book(session_id, "Siân Pryce")
    late = preview_cancellation(programme.bf, programme.board_id, booking.booking_id, dt.date(2018, 10, 11))
    assert late.late and late.fee == 5000
    assert "Late cancellation (6 days' notice): £50.00 charged to Essex Police" in late.text
    assert "on or before Wednesday 10 Oct 2018 is free; from Thursday 11 Oct 2018" in late.text
    early = preview_cancellation(programme.bf, programme.board_id, booking.booking_id, dt.date(2018, 10, 10))
    assert not early.late and early.text.startswith("In time (7 days' notice): free.")


def test_leaving_the_waiting_list_late_is_free(programme):
    session_id = programme.session(capacity=1)
    programme.book(session_id, "Siân Pryce")
    waiting = programme.book(session_id, "Zoë Adeyemi")
    programme.cancel(waiting.booking_id, on=WEDNESDAY)
    assert "Zoë Adeyemi" not in programme.charged()


def test_a_substitute_takes_the_place_free_and_pays_as_their_own_organisation(programme):
    session_id = programme.session(capacity=1)
    original = programme.book(session_id, "Siân Pryce")
    stand_in = programme.delegate("Niamh O'Loughlin", "private")
    with programme.bf.edit("Substitute") as ed:
        outcome = substitute(ed, programme.bf, original.booking_id, stand_in, on=dt.date(2018, 10, 16))
    assert get_booking(programme.bf, original.booking_id).status == "substituted"
    new = get_booking(programme.bf, outcome.booking_id)
    assert (new.status, new.substitute_for) == ("confirmed", original.booking_id)
    assert places(programme.bf, session_id) == 1
    assert [e.text for e in booking_history(programme.bf, original.booking_id)][-1] == \
        "Place passed to a substitute (Niamh O'Loughlin)"
    programme.mark(outcome.booking_id, "attended")
    assert programme.charged() == {"Niamh O'Loughlin": 5000}   # private, full day; Siân's place is free


def test_a_delegate_cannot_substitute_for_themselves_or_hold_two_places(programme):
    session_id = programme.session()
    first = programme.book(session_id, "Siân Pryce")
    second = programme.book(session_id, "Zoë Adeyemi")
    with pytest.raises(SGDeskError, match="same person"):
        with programme.bf.edit("Substitute") as ed:
            substitute(ed, programme.bf, first.booking_id, programme.people["Siân Pryce"], on=BOOKED)
    with pytest.raises(SGDeskError, match="Zoë Adeyemi already has a booking on this session"):
        with programme.bf.edit("Substitute") as ed:
            substitute(ed, programme.bf, first.booking_id, programme.people["Zoë Adeyemi"], on=BOOKED)
    assert get_booking(programme.bf, second.booking_id).status == "confirmed"


def test_one_delegate_holds_one_booking_per_session_and_rebooking_reopens_it(programme):
    session_id = programme.session(capacity=1)
    first = programme.book(session_id, "Siân Pryce")
    with pytest.raises(SGDeskError, match="Siân Pryce already has a booking on this session \\(confirmed\\)"):
        programme.book(session_id, "Siân Pryce")
    programme.book(session_id, "Zoë Adeyemi")
    programme.cancel(first.booking_id, on=dt.date(2018, 9, 2))   # Zoë takes the place
    again = programme.book(session_id, "Siân Pryce", on=dt.date(2018, 9, 3))
    assert again.booking_id == first.booking_id and again.status == "waitlisted"
    assert programme.bf.scalar("SELECT count(*) FROM training_booking WHERE session_id = ?", (session_id,)) == 2


def test_non_attendance_is_charged_even_to_partners(programme):
    half = programme.session(course="half")
    full = programme.session()
    a = programme.book(half, "Siân Pryce")
    b = programme.book(full, "Zoë Adeyemi")
    programme.mark(a.booking_id, "dna")
    programme.mark(b.booking_id, "dna")
    assert programme.charged() == {"Siân Pryce": 3500, "Zoë Adeyemi": 5000}
    assert booking_charge(programme.bf, programme.board_id, a.booking_id).reason == "Did not attend"


def test_partners_attend_free_private_and_out_of_area_pay_their_fees(programme):
    half, full = programme.session(course="half"), programme.session()
    for session_id, name, org in ((full, "Siân Pryce", "partner"), (full, "Zoë Adeyemi", "private"),
                                  (half, "Łukasz Nowak", "away"), (half, "Ben Baker", "private")):
        programme.mark(programme.book(session_id, name, org).booking_id, "attended")
    assert programme.charged() == {"Zoë Adeyemi": 5000, "Łukasz Nowak": 5000, "Ben Baker": 3500}


def test_the_board_can_change_its_policy_but_not_drop_a_category_in_use(programme):
    session_id = programme.session()
    programme.mark(programme.book(session_id, "Zoë Adeyemi", "private").booking_id, "attended")
    cheaper = DEFAULT_POLICY.__class__(**{**DEFAULT_POLICY.__dict__,
                                          "categories": (Category(PARTNER, 0, 0), Category(PRIVATE, 2000, 4000),
                                                         Category(OUT_OF_AREA, 5000, 10000))})
    with programme.bf.edit("Policy") as ed:
        set_policy(ed, programme.bf, programme.board_id, cheaper)
    assert programme.charged() == {"Zoë Adeyemi": 4000}
    without_private = cheaper.__class__(**{**cheaper.__dict__, "categories": (Category(PARTNER, 0, 0),)})
    with pytest.raises(SGDeskError, match="'Out of area' is given to organisations"):
        with programme.bf.edit("Policy") as ed:
            set_policy(ed, programme.bf, programme.board_id, without_private)
    assert get_policy(programme.bf, programme.board_id) == cheaper


def test_a_cancelled_session_cancels_its_bookings_without_charge(programme):
    session_id = programme.session(capacity=1)
    first = programme.book(session_id, "Siân Pryce", "private")
    second = programme.book(session_id, "Zoë Adeyemi", "private")
    with programme.bf.edit("Cancel session") as ed:
        assert cancel_session(ed, programme.bf, session_id, on=dt.date(2018, 10, 15)) == 2
    for booking_id in (first.booking_id, second.booking_id):
        booking = get_booking(programme.bf, booking_id)
        assert (booking.status, booking.cancel_reason) == ("cancelled", "session")
    assert programme.charged() == {}
    with pytest.raises(SGDeskError, match="was cancelled: book the delegate on another session"):
        programme.book(session_id, "Łukasz Nowak")


def test_the_register_is_taken_on_or_after_the_day_and_fixes_the_session(programme):
    session_id = programme.session()
    booking = programme.book(session_id, "Siân Pryce")
    with pytest.raises(SGDeskError, match="take the register on or after that day"):
        programme.mark(booking.booking_id, "attended", on=WEDNESDAY - dt.timedelta(days=1))
    programme.mark(booking.booking_id, "attended")
    with pytest.raises(SGDeskError, match="a session that ran cannot be cancelled"):
        with programme.bf.edit("Cancel session") as ed:
            cancel_session(ed, programme.bf, session_id, on=WEDNESDAY)


def test_figures_count_fill_and_dna_rates_for_the_period(programme):
    session_id = programme.session(capacity=4)
    bookings = [programme.book(session_id, name).booking_id for name in ("A One", "B Two", "C Three", "D Four")]
    programme.mark(bookings[0], "attended")
    programme.mark(bookings[1], "attended")
    programme.mark(bookings[2], "dna")
    programme.cancel(bookings[3], on=WEDNESDAY - dt.timedelta(days=2))
    figures = period_figures(programme.bf, programme.board_id, Period.for_year("2018/19"), today=dt.date(2019, 4, 1))
    assert (figures.sessions_run, figures.places_offered, figures.bookings) == (1, 4, 4)
    assert (figures.attended, figures.dna, figures.late_cancellations) == (2, 1, 1)
    assert figures.fill_rate == 50            # 2 attended of 4 places
    assert figures.dna_rate == 33             # 1 of 3
    assert figures.income == 5000 + 5000      # the DNA and the late cancellation, full day


def test_figures_by_organisation_and_sector_count_each_booking_once_and_each_person_who_attended(programme):
    """The groups the database adds up, against the bookings counted by hand: a person who attended twice is one
    delegate, a cancellation or a DNA is a booking but not a person who attended, a cancelled session and one still
    to run count nothing, and a partner's places are free while its DNA is not."""
    bf, board_id = programme.bf, programme.board_id
    people = {}
    with bf.edit("Add delegates") as ed:
        for name, org, sector in (("Ann Acorn", programme.private, "Early years"),
                                  ("Bea Acorn", programme.private, "Early years"),
                                  ("Cal Constable", programme.partner, "Police"),
                                  ("Dee Constable", programme.partner, "Police"),
                                  ("Eve Thurrock", programme.away, "Local authority"),
                                  ("Fay Thurrock", programme.away, "Local authority")):
            people[name] = add_delegate(ed, board_id, DelegateDetails(name, org, sector))
    half_day, cancelled_day, later = (WEDNESDAY + dt.timedelta(days=7), WEDNESDAY + dt.timedelta(days=21),
                                      dt.date(2019, 2, 6))
    full, half = programme.session(), programme.session(course="half", day=half_day)
    cancelled, to_run = programme.session(day=cancelled_day), programme.session(day=later)

    def booking(session_id: int, name: str) -> int:
        with bf.edit(f"Book {name}") as ed:
            return book(ed, bf, session_id, people[name], booked_on=BOOKED).booking_id

    programme.mark(booking(full, "Ann Acorn"), "attended")
    programme.cancel(booking(full, "Bea Acorn"), on=WEDNESDAY - dt.timedelta(days=2))      # late: charged
    programme.mark(booking(full, "Cal Constable"), "attended")
    programme.mark(booking(full, "Dee Constable"), "dna")
    programme.cancel(booking(full, "Eve Thurrock"), on=WEDNESDAY - dt.timedelta(days=20))  # in time: free
    for name in ("Ann Acorn", "Cal Constable", "Dee Constable"):
        programme.mark(booking(half, name), "attended", on=half_day)
    booking(cancelled, "Eve Thurrock")
    with bf.edit("Cancel session") as ed:
        cancel_session(ed, bf, cancelled, on=cancelled_day - dt.timedelta(days=3))
    booking(to_run, "Fay Thurrock")

    figures = period_figures(bf, board_id, Period.for_year("2018/19"), today=dt.date(2019, 1, 10))
    assert [(g.name, g.category, g.bookings, g.attended, g.dna, g.delegates, g.income)
            for g in figures.by_organisation] == [
        ("Essex Police", PARTNER, 4, 3, 1, 2, 5000),                          # only the DNA is charged
        ("Little Acorns Day Nursery Ltd", PRIVATE, 3, 2, 0, 1, 5000 + 5000 + 3500),
        ("Thurrock Council", OUT_OF_AREA, 1, 0, 0, 0, 0)]
    assert [(g.name, g.bookings, g.attended, g.dna, g.delegates) for g in figures.by_sector] == [
        ("Police", 4, 3, 1, 2), ("Early years", 3, 2, 0, 1), ("Local authority", 1, 0, 0, 0)]
    assert (figures.delegates, figures.income) == (3, 18500)
    by_charges: dict[int, int] = {}
    for charge in charges(bf, board_id, Period.for_year("2018/19")):
        by_charges[charge.organisation_id] = by_charges.get(charge.organisation_id, 0) + charge.fee
    assert by_charges == {programme.partner: 5000, programme.private: 13500}


def test_search_finds_delegates_by_name_without_accents_email_or_organisation(programme):
    session_id = programme.session()
    programme.book(session_id, "Siân Pryce")
    programme.book(session_id, "Łukasz Nowak", "private")
    names = {v: k for k, v in programme.people.items()}

    def found(text: str) -> set[str]:
        return {names[i] for i in matching_delegates(programme.bf, programme.board_id, text)}

    assert found("sian") == {"Siân Pryce"}
    assert found("LUKASZ") == {"Łukasz Nowak"}
    assert found("acorns") == {"Łukasz Nowak"}
    assert found("pryce@example") == {"Siân Pryce"}
    assert found("essex sian") == {"Siân Pryce"}
    assert matching_delegates(programme.bf, programme.board_id, "  ") is None


def test_every_booking_change_is_in_the_audit_log(programme):
    session_id = programme.session()
    booking = programme.book(session_id, "Siân Pryce")
    rows = programme.bf.query("SELECT table_name, after FROM audit_change WHERE table_name = 'training_booking'")
    assert json.loads(rows[-1]["after"])["id"] == booking.booking_id


def _recorded(programme, session_id: int, statuses: list[str], prefix: str) -> list:
    from sgdesk.training.bookings import RecordedBooking
    from sgdesk.training.delegates import add_delegates

    with programme.bf.edit("Add delegates") as ed:
        ids = add_delegates(ed, programme.board_id, [
            DelegateDetails(f"{prefix} {n}", programme.partner, "Police", f"{prefix.lower()}.{n}@example.org.uk")
            for n in range(len(statuses))])
    return [RecordedBooking(session_id, delegate_id, status, BOOKED) for delegate_id, status in zip(ids, statuses)]


def test_a_batch_of_recorded_bookings_is_refused_over_capacity_as_one_booking_is(programme):
    from sgdesk.store.changes import BULK_INDEX_ROWS
    from sgdesk.training.bookings import record_bookings

    bf = programme.bf
    session_id = programme.session(capacity=BULK_INDEX_ROWS)
    programme.book(session_id, "Siân Pryce")
    waiting = programme.session(capacity=1)
    programme.book(waiting, "Zoë Adeyemi")
    schema = bf.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    # the batch's places on the first session are one too many; the second is full but gets only the waiting list
    batch = (_recorded(programme, session_id, ["waitlisted", *["confirmed"] * BULK_INDEX_ROWS], "Batch")
             + _recorded(programme, waiting, ["waitlisted"] * 3, "Waiting"))
    before = bf.scalar("SELECT count(*) FROM training_booking")
    with pytest.raises(SGDeskError) as batch_refused:
        with bf.edit("Import bookings") as ed:
            record_bookings(ed, bf, batch)
    one = _recorded(programme, waiting, ["confirmed"], "Single")
    with pytest.raises(SGDeskError) as one_refused:
        with bf.edit("Import a booking") as ed:
            record_bookings(ed, bf, one)
    assert str(batch_refused.value) == str(one_refused.value)
    assert "the training session is full" in str(one_refused.value)
    assert bf.scalar("SELECT count(*) FROM training_booking") == before
    assert bf.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema    # the trigger is back, as it was

    with bf.edit("Import bookings") as ed:         # without the extra place the batch goes in, waiting list and all
        record_bookings(ed, bf, batch[:-4] + batch[-3:])
    assert places(bf, session_id) == BULK_INDEX_ROWS
    assert places(bf, waiting) == 1
    assert bf.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
    bf.editor.undo()
    assert bf.scalar("SELECT count(*) FROM training_booking") == before
    bf.editor.redo()
    assert places(bf, session_id) == BULK_INDEX_ROWS
