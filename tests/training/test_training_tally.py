"""Each training session's tally (training_session_tally, db/0016) is the recount of its bookings and
evaluations, whatever wrote them: the write path, undo and redo, an import's batch, the stress board's bulk
build, anonymisation, the migration of an older file. The figures read from it are those the bookings counted
one by one gave before it (the old queries are kept here)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable

import pytest

from sgdesk.cli import main
from sgdesk.errors import SGDeskError
from sgdesk.fyear import Period
from sgdesk.importing import run_import
from sgdesk.organisations import add_organisation
from sgdesk.registry import load
from sgdesk.store import open_board_file
from sgdesk.store.changes import BULK_INDEX_ROWS
from sgdesk.store.migrations import latest_version
from sgdesk.training.bookings import (
    RecordedBooking,
    book,
    cancel,
    cancel_session,
    mark_attendance,
    record_bookings,
    substitute,
)
from sgdesk.training.charges import LATE_CANCELLATION_SQL
from sgdesk.training.delegates import DelegateDetails, add_delegate, add_delegates
from sgdesk.training.evaluations import (
    EvaluationDetails,
    delete_evaluation,
    evaluation_summaries,
    save_evaluation,
    summaries_of,
)
from sgdesk.training.figures import STATUS_ORDER, period_figures
from sgdesk.training.model import get_session, list_sessions, session_years
from sgdesk.training.policy import get_policy
from sgdesk.training.programme import (
    CourseDetails,
    SessionDetails,
    add_course,
    add_session,
    delete_course,
    delete_session,
    update_session,
)
from sgdesk.training.retention import anonymise

TODAY = dt.date(2026, 11, 23)      # the day the stress board is built as of
SESSION_DAY = dt.date(2018, 10, 17)
BOOKED = dt.date(2018, 9, 1)


def tallies(bf) -> dict[int, tuple]:
    """Each session's tally as the file holds it."""
    return {row[0]: tuple(row[1:]) for row in bf.query("SELECT * FROM training_session_tally")}


def recount(bf) -> dict[int, tuple]:
    """Each session's tally counted afresh, booking by booking, in Python: its bookings of each status, those that
    took a place as a substitute, then its places attended with an evaluation and each rating's sum and count."""
    counts = {session_id: [0] * 14 for (session_id,) in bf.query("SELECT id FROM training_session")}
    ratings = {row[0]: tuple(row[1:]) for row in bf.query(
        "SELECT booking_id, confidence_before, confidence_after, useful FROM training_evaluation")}
    for booking_id, session_id, status, substitute_for in bf.query(
            "SELECT id, session_id, status, substitute_for FROM training_booking"):
        tally = counts[session_id]
        tally[STATUS_ORDER.index(status)] += 1
        tally[6] += substitute_for is not None
        if status == "attended" and booking_id in ratings:
            tally[7] += 1
            for column, rating in zip((8, 10, 12), ratings[booking_id]):
                if rating is not None:
                    tally[column] += rating
                    tally[column + 1] += 1
    return {session_id: tuple(tally) for session_id, tally in counts.items()}


def undo_and_redo_one_step_at_a_time(bf, check: Callable[..., None], *, nothing_left: Callable[[], bool]) -> None:
    """Undo everything, then do it all again, one step at a time, with ``check(bf)`` after each step;
    ``nothing_left()`` says whether all that was done is gone once everything is undone."""
    while bf.editor.undo_description is not None:
        bf.editor.undo()
        check(bf)
    assert nothing_left()
    while bf.editor.redo_description is not None:
        bf.editor.redo()
        check(bf)


def assert_written_by_triggers_alone(bf, table: str, changed: list) -> None:
    """``table`` is the triggers' alone: never recorded in the audit trail, undone or announced as a change of
    its own (``changed``: what the operations announced)."""
    assert bf.scalar("SELECT count(*) FROM audit_change WHERE table_name = ?", (table,)) == 0
    assert changed and not any(changes.touches(table) for changes in changed)


def assert_tallied(bf, after: str = "") -> None:
    assert tallies(bf) == recount(bf), after


def test_the_tally_is_the_recount_of_every_session_of_the_demo_and_the_stress_board(demo, stress):
    for bf in (demo, stress):
        assert_tallied(bf)
        assert len(tallies(bf)) == bf.scalar("SELECT count(*) FROM training_session")
        bookings = bf.scalar("SELECT count(*) FROM training_booking")
        assert sum(sum(tally[:6]) for tally in tallies(bf).values()) == bookings
        assert sum(tally[7] for tally in tallies(bf).values()) > 0


class Programme:
    """A board with one organisation and one course, and each operation on its bookings as the app does it."""

    def __init__(self, bf) -> None:
        self.bf = bf
        self.board_id = bf.scalar("SELECT id FROM board")
        with bf.edit("Set up") as ed:
            self.org = add_organisation(ed, "Essex Police", org_type="police", statutory=True)
            self.course = add_course(ed, bf, self.board_id, CourseDetails("Neglect", 3, "full", 20))
        self.first = self.session(2)
        self.second = self.session(4, SESSION_DAY + dt.timedelta(days=7))
        self.third = self.session(3, SESSION_DAY + dt.timedelta(days=1))
        self.people = {name: self.delegate(name) for name in ("Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak",
                                                                "Ben Baker", "Amy Ash")}
        bf.editor.forget_history()

    def details(self, capacity: int, day: dt.date = SESSION_DAY) -> SessionDetails:
        return SessionDetails(self.course, day, "09:30", "16:30", capacity, "Civic Centre")

    def session(self, capacity: int, day: dt.date = SESSION_DAY) -> int:
        with self.bf.edit("Add session") as ed:
            return add_session(ed, self.bf, self.details(capacity, day))

    def delegate(self, name: str) -> int:
        with self.bf.edit(f"Add {name}") as ed:
            return add_delegate(ed, self.board_id, DelegateDetails(name, self.org, "Police",
                                                                   f"{name.split()[0].lower()}@example.org.uk"))

    def booking(self, name: str, session_id: int | None = None) -> int:
        return self.bf.scalar("SELECT id FROM training_booking WHERE delegate_id = ? AND session_id = ?",
                              (self.people[name], session_id or self.first))

    def operations(self) -> list[tuple[str, Callable]]:
        """Each operation, as one action: what it does, and the function that does it given the open action."""
        bf, first, second = self.bf, self.first, self.second

        def book_on(name: str, session_id: int) -> Callable:
            return lambda ed: book(ed, bf, session_id, self.people[name], booked_on=BOOKED)

        def mark(name: str, status: str, session_id: int | None = None) -> Callable:
            return lambda ed: mark_attendance(ed, bf, self.booking(name, session_id), status, on=SESSION_DAY)

        def evaluate(name: str, before: int | None, after: int | None, useful: bool | None) -> Callable:
            return lambda ed: save_evaluation(ed, bf, self.booking(name), EvaluationDetails(SESSION_DAY, before, after,
                                                                                            useful))

        return [
            ("book two places and one on the waiting list", lambda ed: [book_on(name, first)(ed) for name in (
                "Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak")]),
            ("cancel a place late: the waiting list's first is promoted",
             lambda ed: cancel(ed, bf, self.booking("Siân Pryce"), on=SESSION_DAY - dt.timedelta(days=2))),
            ("pass a place to a substitute",
             lambda ed: substitute(ed, bf, self.booking("Zoë Adeyemi"), self.people["Ben Baker"], on=BOOKED)),
            ("book the second session full, and one waiting", lambda ed: [book_on(name, second)(ed) for name in (
                "Siân Pryce", "Zoë Adeyemi", "Amy Ash", "Ben Baker", "Łukasz Nowak")]),
            ("one more place on the second session: the waiting list's first is promoted", lambda ed: update_session(
                ed, bf, second, self.details(5, SESSION_DAY + dt.timedelta(days=7)), on=BOOKED)),
            ("cancel a place in time", lambda ed: cancel(ed, bf, self.booking("Amy Ash", second), on=BOOKED)),
            ("pass a place to a delegate who had cancelled (their booking taken up again)", lambda ed: substitute(
                ed, bf, self.booking("Zoë Adeyemi", second), self.people["Amy Ash"], on=BOOKED)),
            ("mark attended", mark("Łukasz Nowak", "attended")),
            ("mark did not attend", mark("Ben Baker", "dna")),
            ("record an evaluation", evaluate("Łukasz Nowak", 2, None, True)),
            ("correct the evaluation", evaluate("Łukasz Nowak", 3, 5, None)),
            ("correct only whether it was useful", evaluate("Łukasz Nowak", 3, 5, False)),
            ("and again", evaluate("Łukasz Nowak", 3, 5, True)),
            ("move the evaluated place to another session", lambda ed: ed.update(
                "training_booking", self.booking("Łukasz Nowak"), {"session_id": self.third})),
            ("force the evaluated place's mark away", lambda ed: ed.update(
                "training_booking", bf.scalar("SELECT booking_id FROM training_evaluation"), {"status": "dna"})),
            ("and back", lambda ed: ed.update(
                "training_booking", bf.scalar("SELECT booking_id FROM training_evaluation"), {"status": "attended"})),
            ("delete the evaluation", lambda ed: delete_evaluation(
                ed, bf, bf.scalar("SELECT booking_id FROM training_evaluation"))),
            ("cancel the second session", lambda ed: cancel_session(ed, bf, second, on=BOOKED)),
            ("unlink a place passed on from its substitute", lambda ed: ed.unlink(
                "training_booking", self.booking("Zoë Adeyemi"))),
            ("delete a session with no bookings, and a course with no sessions",
             lambda ed: (delete_session(ed, bf, add_session(ed, bf, self.details(4))), delete_course(ed, bf, add_course(
                 ed, bf, self.board_id, CourseDetails("Spare", 1, "half", 10))))),
        ]


def test_every_change_through_the_write_path_and_its_undo_and_redo_keep_the_tally(empty_board):
    programme = Programme(empty_board)
    bf = programme.bf
    changed = []
    bf.editor.listeners.append(changed.append)
    assert_tallied(bf)
    for description, operation in programme.operations():
        with bf.edit(description) as ed:
            operation(ed)
        assert_tallied(bf, description)
        bf.editor.undo()
        assert_tallied(bf, f"undone: {description}")
        bf.editor.redo()
        assert_tallied(bf, f"redone: {description}")
    done = tallies(bf)
    nothing = (0,) * 7    # no evaluation (the one recorded was deleted)
    assert done[programme.first] == (0, 0, 0, 1, 1, 1, 0, *nothing)    # DNA, cancelled, substituted (and unlinked)
    assert done[programme.second] == (0, 0, 0, 0, 4, 1, 1, *nothing)   # cancelled with it, but one place passed on
    assert done[programme.third] == (0, 0, 1, 0, 0, 0, 0, *nothing)    # the place attended moved to it
    undo_and_redo_one_step_at_a_time(bf, assert_tallied,
                                     nothing_left=lambda: not any(any(tally) for tally in tallies(bf).values()))
    assert tallies(bf) == done
    assert_written_by_triggers_alone(bf, "training_session_tally", changed)


BOOKINGS_HEAD = "Course,Session date,Delegate,Email,Organisation,Sector,Status,Booked on,Cancelled on\n"
#: the status and cancellation of each imported booking in turn (one cancelled in time, one late)
IMPORTED = ("Confirmed,", "Waitlisted,", "Cancelled,01/10/2018", "Attended,", "DNA,", "Cancelled,29/10/2018")


def test_a_batch_import_of_bookings_keeps_the_tally_and_every_trigger(empty_board, tmp_path):
    programme = Programme(empty_board)
    bf = programme.bf
    day = SESSION_DAY + dt.timedelta(days=14)
    session_id = programme.session(BULK_INDEX_ROWS * 2, day)
    schema = bf.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    rows = [f"Neglect,{day:%d/%m/%Y},Imported {n},imported.{n}@example.org.uk,Essex Police,Police,"
            f"{IMPORTED[n % len(IMPORTED)].replace(',', f',{BOOKED:%d/%m/%Y},')}" for n in range(BULK_INDEX_ROWS + 20)]
    source = tmp_path / "bookings.csv"
    source.write_text(BOOKINGS_HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    assert run_import(bf, load().import_kinds["bookings"], source, programme.board_id).created["bookings"] == len(rows)
    assert sum(tallies(bf)[session_id][:6]) == len(rows)
    assert_tallied(bf)
    assert bf.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
    bf.editor.undo()
    assert_tallied(bf)
    assert not any(tallies(bf)[session_id])
    bf.editor.redo()
    assert_tallied(bf)
    assert sum(tallies(bf)[session_id][:6]) == len(rows)


#: the tables a batch of bookings adds itself to once, instead of by their insert triggers (BatchTally)
BATCH_TALLIES = ("training_session_tally", "training_delegate_last_session")


def test_a_batch_refused_over_capacity_leaves_the_tallies_and_their_triggers_as_they_were(empty_board):
    programme = Programme(empty_board)
    bf = programme.bf
    session_id = programme.session(BULK_INDEX_ROWS)
    with bf.edit("Delegates") as ed:
        delegates = add_delegates(ed, programme.board_id, [
            DelegateDetails(f"Batch {n}", programme.org, "Police", f"batch.{n}@example.org.uk")
            for n in range(BULK_INDEX_ROWS + 1)])
        book(ed, bf, programme.first, delegates[0], booked_on=BOOKED)   # so that each tally has a row to keep
    schema = bf.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    before = {table: bf.query(f"SELECT * FROM {table}") for table in BATCH_TALLIES}
    assert all(before.values())
    with pytest.raises(SGDeskError, match="the training session is full"):
        with bf.edit("Import bookings") as ed:
            record_bookings(ed, bf, [RecordedBooking(session_id, delegate_id, "confirmed", BOOKED)
                                     for delegate_id in delegates])
    assert {table: bf.query(f"SELECT * FROM {table}") for table in BATCH_TALLIES} == before
    assert bf.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema


def test_anonymising_delegates_keeps_the_tally(demo):
    before = tallies(demo)
    assert anonymise(demo, 1, today=TODAY).delegates > 0
    assert tallies(demo) == before
    assert_tallied(demo)


def test_a_file_from_before_the_tally_has_every_session_tallied_once_opened(demo_template, tmp_path, as_of_schema):
    path = tmp_path / "older.sgdesk"
    path.write_bytes(demo_template.read_bytes())
    as_of_schema(path, 15)      # what migration 0016 made (its table and triggers), and every later one, taken away
    with open_board_file(path) as bf:
        assert bf.schema_version() == latest_version()
        assert_tallied(bf)
        with open_board_file(demo_template, read_only=True) as built:
            assert tallies(bf) == tallies(built)


# -- the figures, as the queries before the tally gave them ---------------------------------------------------------

def _booking_count(condition: str, count: str = "count(*)") -> str:
    return f"(SELECT {count} FROM training_booking b WHERE b.session_id = s.id AND {condition})"


_BY_DELEGATE = "b.status = 'cancelled' AND b.cancel_reason = 'delegate'"
#: each session of the period with its bookings counted, as period_figures read them before the tally
_OLD_SESSIONS = f"""
SELECT s.id, s.status, s.session_date, s.capacity,
       {", ".join(_booking_count(f"b.status = '{status}'") for status in STATUS_ORDER)},
       {_booking_count(_BY_DELEGATE, f"coalesce(sum({LATE_CANCELLATION_SQL}), 0)")},
       {_booking_count(f"{_BY_DELEGATE} AND NOT {LATE_CANCELLATION_SQL}")},
       {_booking_count("b.substitute_for IS NOT NULL")}
FROM training_session s JOIN training_course c ON c.id = s.course_id
WHERE c.board_id = :board AND s.session_date BETWEEN :start AND :end
ORDER BY s.session_date, s.start_time, s.id
"""
#: each session's places attended and evaluations, as evaluation_summaries read them before the tally
_OLD_RATINGS = """
SELECT s.id, c.id, c.title, count(*), count(e.id), coalesce(sum(e.confidence_before), 0),
       count(e.confidence_before), coalesce(sum(e.confidence_after), 0), count(e.confidence_after),
       coalesce(sum(e.useful), 0), count(e.useful)
FROM training_booking b
JOIN training_session s ON s.id = b.session_id
JOIN training_course c ON c.id = s.course_id
LEFT JOIN training_evaluation e ON e.booking_id = b.id
WHERE c.board_id = :board AND b.status = 'attended' AND s.session_date BETWEEN :start AND :end
GROUP BY c.title, s.session_date, s.id ORDER BY c.title, s.session_date, s.id
"""


def old_figures(bf, board_id: int, period: Period | None, today: dt.date) -> dict:
    """What period_figures counted of each session, and its evaluations, from the bookings themselves."""
    start, end = (period.start, period.end) if period else (dt.date.min, dt.date.max)
    last_day = min(end, today)
    params = {"board": board_id, "start": start.isoformat(), "end": end.isoformat(),
              "late_window": get_policy(bf, board_id).late_window_days}
    found = {"lines": [], "run": 0, "planned": 0, "cancelled": 0, "offered": 0, "waiting": 0, "in_time": 0,
             "substitutes": 0}
    for session_id, status, day, capacity, *counts, late, in_time, substitutes in bf.query(_OLD_SESSIONS, params):
        confirmed, waiting, attended, dna = counts[:4]
        if status == "cancelled":
            found["cancelled"] += 1
        elif day > today.isoformat():
            found["planned"] += 1
        else:
            found["lines"].append((session_id, sum(counts), attended, dna, late,
                                   (confirmed + attended + dna, waiting, confirmed)))
            found["run"] += 1
            found["offered"] += capacity
            found["waiting"] += waiting
            found["in_time"] += in_time
            found["substitutes"] += substitutes
    evaluations = summaries_of(bf.query(_OLD_RATINGS, params | {"end": last_day.isoformat()}), ("course", "all"))
    found["by_course"], found["evaluations"] = evaluations["course"], (evaluations["all"] or [None])[0]
    return found


def new_figures(bf, board_id: int, period: Period | None, today: dt.date) -> dict:
    """The same, as period_figures gives them now."""
    figures = period_figures(bf, board_id, period, today=today)
    lines = [(line.session.id, line.bookings, line.attended, line.dna, line.late_cancellations,
              (line.session.places_taken, line.session.waiting, line.session.to_mark)) for line in figures.sessions]
    assert [line.session for line in figures.sessions[:20]] == [get_session(bf, line[0]) for line in lines[:20]]
    assert (figures.bookings, figures.attended, figures.dna, figures.late_cancellations) == tuple(
        sum(line[column] for line in lines) for column in (1, 2, 3, 4))
    return {"lines": lines, "run": figures.sessions_run, "planned": figures.sessions_planned,
            "cancelled": figures.sessions_cancelled, "offered": figures.places_offered,
            "waiting": figures.still_waiting, "in_time": figures.cancellations_in_time,
            "substitutes": figures.substitutions, "by_course": figures.by_course, "evaluations": figures.evaluations}


def periods(bf, board_id: int) -> list[Period | None]:
    """One year, every year of the board's sessions, and the whole record."""
    years = sorted(session_years(bf, board_id), key=lambda year: year.start)
    if not years:
        return [None]
    return [Period.for_year(years[-1]), Period(years[0].start, years[-1].end), None]


@pytest.mark.parametrize("board", ["demo", "stress"])
def test_the_figures_from_the_tally_are_those_the_bookings_counted_one_by_one_gave(request, board):
    bf = request.getfixturevalue(board)
    first = dt.date.fromisoformat(bf.scalar("SELECT min(session_date) FROM training_session"))
    for (board_id,) in bf.query("SELECT id FROM board ORDER BY id"):
        for period in periods(bf, board_id):
            for today in (TODAY, first + dt.timedelta(days=400)):
                assert new_figures(bf, board_id, period, today) == old_figures(bf, board_id, period, today)
            start, end = (period.start, period.end) if period else (dt.date.min, dt.date.max)
            old = summaries_of(bf.query(_OLD_RATINGS, {"board": board_id, "start": start.isoformat(),
                                                       "end": end.isoformat()}), ("course", "session", "all"))
            if period is None:
                assert evaluation_summaries(bf, board_id) == old
            else:
                assert evaluation_summaries(bf, board_id, start=start, end=end) == old


def test_sgdesk_check_names_the_sessions_whose_tally_was_changed_outside_sg_desk(demo_path, capsys):
    assert main(["check", str(demo_path)]) == 0
    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("UPDATE training_session_tally SET dna = dna + 1 WHERE id IN (5, 17)")
    conn.execute("DELETE FROM training_session_tally WHERE id = 30")
    conn.execute("INSERT INTO training_session_tally (id) VALUES (9999)")
    conn.close()
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 1
    assert ("[PROBLEM] training sessions whose tally is not the count of their bookings, so that the training figures "
            "miscount them: 5, 17, 30, 9999 - restore the latest good backup") in capsys.readouterr().out


def test_every_session_listed_or_read_has_its_places_waiting_and_unmarked_as_its_bookings_count_them(demo, stress):
    for bf in (demo, stress):
        counted = {row[0]: tuple(row[1:]) for row in bf.query(
            "SELECT s.id, count(b.status IN ('confirmed', 'attended', 'dna') OR NULL), "
            "count(b.status = 'waitlisted' OR NULL), count(b.status = 'confirmed' OR NULL) "
            "FROM training_session s LEFT JOIN training_booking b ON b.session_id = s.id GROUP BY s.id")}
        listed = [session for (board_id,) in bf.query("SELECT id FROM board")
                  for session in list_sessions(bf, board_id)]
        assert len(listed) == len(counted)
        for session in listed:
            assert (session.places_taken, session.waiting, session.to_mark) == counted[session.id], session.label
        some = listed[len(listed) // 2]
        assert get_session(bf, some.id) == some
