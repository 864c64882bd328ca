"""Importing a training programme: courses, sessions and bookings, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sgdesk.importing import ImportProblems, run_import
from sgdesk.organisations import add_organisation
from sgdesk.registry import load
from sgdesk.training.charges import charges
from sgdesk.training.delegates import DelegateDetails, add_delegate
from sgdesk.training.model import list_sessions
from sgdesk.training.policy import org_categories

COURSES = """Course title,Level,Duration,Target audience,Capacity
Neglect: recognising and responding,Level 3,Full day,Practitioners,3
Safeguarding children: level 1 awareness,1,half day,,
"""
SESSIONS = """Course,Session date,Start time,Venue,Places,Trainer
Neglect: recognising and responding,17/10/2018,9.30am,Civic Centre,,Priya Raman
Safeguarding children: level 1 awareness,Wed 24 Oct 2018,1.30pm,Online,30,Ewan Fairbairn
"""
BOOKINGS_HEAD = ("Course,Session date,Delegate,Email,Organisation,Sector,Status,Booked on,Cancelled on,"
                 "Charging category\n")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kind(name: str):
    return load().import_kinds[name]


@pytest.fixture
def board(empty_board, tmp_path):
    board_id = empty_board.scalar("SELECT id FROM board")
    with empty_board.edit("Organisations") as ed:
        add_organisation(ed, "Essex Police", short_name="Police", org_type="police", statutory=True)
    run_import(empty_board, kind("courses"), write(tmp_path, "courses.csv", COURSES), board_id)
    run_import(empty_board, kind("sessions"), write(tmp_path, "sessions.csv", SESSIONS), board_id)
    return empty_board, board_id


def bookings(tmp_path: Path, *rows: str) -> Path:
    return write(tmp_path, "bookings.csv", BOOKINGS_HEAD + "\n".join(rows) + "\n")


def test_courses_and_sessions_import_with_defaults_from_the_course(board):
    bf, board_id = board
    sessions = list_sessions(bf, board_id)
    neglect, level1 = sessions
    assert (neglect.session_date, neglect.start_time, neglect.end_time, neglect.capacity) == (
        dt.date(2018, 10, 17), "09:30", "16:30", 3)
    assert (level1.start_time, level1.end_time, level1.online, level1.where) == ("13:30", "16:30", True, "Online")


def test_a_session_listed_twice_is_reported(board, tmp_path):
    bf, board_id = board
    source = write(tmp_path, "again.csv", SESSIONS + "Neglect: recognising and responding,17 Oct 2018,09:30,,,\n")
    with pytest.raises(ImportProblems) as caught:
        run_import(bf, kind("sessions"), source, board_id)
    assert "again.csv row 4, column 'Session date': '17 Oct 2018' repeats the session of row 2" in caught.value.report()


def test_bookings_import_creates_delegates_and_new_organisations_with_their_category(board, tmp_path):
    bf, board_id = board
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian.pryce@example.org.uk,Police,Police,"
        "Attended,01/09/2018,,",
        "Neglect: recognising and responding,17/10/2018,Zoë Adeyemi,zoe@acorns.example,Little Acorns Ltd,"
        "early years,DNA,02/09/2018,,Private",
        "Neglect: recognising and responding,17/10/2018,Łukasz Nowak,lukasz@example.org.uk,Essex Police,Police,"
        "Cancelled,02/09/2018,11/10/2018,",
        "Safeguarding children: level 1 awareness,24/10/2018,Siân Pryce,SIAN.PRYCE@example.org.uk,Essex Police,"
        "Police,,,,")
    summary = run_import(bf, kind("bookings"), source, board_id)
    assert summary.created == {"organisations": 1, "delegates": 3, "bookings": 4}
    acorns = bf.scalar("SELECT id FROM organisation WHERE name = 'Little Acorns Ltd'")
    assert org_categories(bf, board_id)[acorns] == "Private"
    assert bf.scalar("SELECT org_type FROM organisation WHERE id = ?", (acorns,)) == "other"
    assert bf.scalar("SELECT sector FROM training_delegate WHERE name = 'Zoë Adeyemi'") == "Early years"
    assert bf.scalar("SELECT count(DISTINCT delegate_id) FROM training_booking b JOIN training_delegate d "
                     "ON d.id = b.delegate_id WHERE d.name = 'Siân Pryce'") == 1
    assert {c.delegate: (c.reason, c.fee) for c in charges(bf, board_id)} == {
        "Zoë Adeyemi": ("Did not attend", 5000), "Łukasz Nowak": ("Late cancellation (6 days' notice)", 5000)}
    again = run_import(bf, kind("bookings"), source, board_id)     # the same file again: nothing new
    assert again.created == {} and again.skipped == 4


def test_a_sector_is_spelt_as_the_board_already_spells_it_whatever_its_case_accents_and_spaces(board, tmp_path):
    bf, board_id = board
    police = bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'")
    with bf.edit("A delegate in a sector of the board's own") as ed:
        add_delegate(ed, board_id, DelegateDetails("Ann Other", police, "Crèche staff", "ann@example.org.uk"))
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian@example.org.uk,Police,creche  STAFF,,,,",
        "Neglect: recognising and responding,17/10/2018,Zoë Adeyemi,zoe@example.org.uk,Police,EDUCATION,,,,",
        "Neglect: recognising and responding,17/10/2018,Łukasz Nowak,lukasz@example.org.uk,Police,Youth  work,,,,")
    run_import(bf, kind("bookings"), source, board_id)
    assert dict(bf.query("SELECT name, sector FROM training_delegate WHERE name != 'Ann Other'")) == {
        "Siân Pryce": "Crèche staff", "Zoë Adeyemi": "Education", "Łukasz Nowak": "Youth work"}


def test_duplicates_unknown_organisations_and_missing_dates_are_reported_and_nothing_is_written(board, tmp_path):
    bf, board_id = board
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian@example.org.uk,Essex Police,Police,,,,",
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,Sian@Example.org.uk,Essex Police,Police,,,,",
        "Neglect: recognising and responding,17/10/2018,Zoë Adeyemi,zoe@example.org.uk,Nowhere Ltd,Other,,,,",
        "Neglect: recognising and responding,17/10/2018,Ben Baker,ben@example.org.uk,Essex Police,Police,"
        "Cancelled,,,",
        "Neglect: recognising and responding,18/10/2018,Ben Baker,ben@example.org.uk,Essex Police,Police,,,,",
        "Neglect: recognising and responding,17/10/2018,Amy Ash,amy@example.org.uk,Essex Police,Police,,,,Gold")
    with pytest.raises(ImportProblems) as caught:
        run_import(bf, kind("bookings"), source, board_id)
    report = caught.value.report()
    assert "row 3, column 'Email': 'Sian@Example.org.uk' is booked twice on this session (also row 2)" in report
    assert "row 4, column 'Organisation': 'Nowhere Ltd' is not an organisation SG Desk knows" in report
    assert "row 5, column 'Cancelled on': is needed for a cancelled booking" in report
    assert "row 6, column 'Session date': '18 Oct 2018' has no session of Neglect" in report
    assert "row 7, column 'Charging category': 'Gold' is not a charging category" in report
    assert bf.scalar("SELECT count(*) FROM training_booking") == 0
    assert bf.scalar("SELECT count(*) FROM training_delegate") == 0


def test_a_session_over_capacity_is_reported_not_kept(board, tmp_path):
    bf, board_id = board
    rows = [f"Neglect: recognising and responding,17/10/2018,Person {n},p{n}@example.org.uk,Essex Police,Police,"
            f"{'Waitlisted' if n == 5 else 'Confirmed'},,," for n in range(1, 6)]
    with pytest.raises(ImportProblems) as caught:
        run_import(bf, kind("bookings"), bookings(tmp_path, *rows), board_id)
    assert caught.value.problems[0].row == 5
    assert "is over capacity: this is booking 4 for 3 places" in str(caught.value.problems[0])
    del rows[3]
    summary = run_import(bf, kind("bookings"), bookings(tmp_path, *rows), board_id)   # 3 places + 1 waiting
    assert summary.created["bookings"] == 4
    assert bf.scalar("SELECT count(*) FROM training_booking WHERE status = 'waitlisted'") == 1


def test_a_capacity_that_is_not_a_real_number_of_places_is_refused():
    import pytest

    from sgdesk.errors import InputError
    from sgdesk.training.programme import parse_capacity

    assert parse_capacity("20.0") == 20
    for bad in ("inf", "nan", 1.7976931348623155e308, "10001", "0", "2.5"):
        with pytest.raises(InputError, match="is not a number of places"):
            parse_capacity(bad)


def test_a_bookings_status_may_be_the_registers_mark_p_or_x(board, tmp_path):
    """The sign-in sheet is marked P (present) or X (did not attend): a bookings import reads the same."""
    bf, board_id = board
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian.pryce@example.org.uk,Essex Police,Police,"
        "P,01/09/2018,,",
        "Neglect: recognising and responding,17/10/2018,Zoë Adeyemi,zoe@police.example,Essex Police,Police,"
        "x,02/09/2018,,")
    run_import(bf, kind("bookings"), source, board_id)
    assert dict(bf.query("SELECT d.name, b.status FROM training_booking b JOIN training_delegate d "
                         "ON d.id = b.delegate_id")) == {"Siân Pryce": "attended", "Zoë Adeyemi": "dna"}


def test_a_or_d_is_not_read_as_a_register_mark(board, tmp_path):
    bf, board_id = board
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian.pryce@example.org.uk,Essex Police,Police,"
        "A,01/09/2018,,")
    with pytest.raises(ImportProblems) as caught:
        run_import(bf, kind("bookings"), source, board_id)
    assert "'A' is not a booking status; write Confirmed, Waitlisted, Cancelled, Substituted, Attended (P) or DNA " \
        "(X)" in caught.value.report()


def test_a_bookings_import_is_undone_and_redone_whole_with_every_row_audited(board, tmp_path):
    bf, board_id = board
    source = bookings(
        tmp_path,
        "Neglect: recognising and responding,17/10/2018,Siân Pryce,sian.pryce@example.org.uk,Essex Police,Police,"
        "Attended,01/09/2018,,",
        "Neglect: recognising and responding,17/10/2018,Łukasz Nowak,lukasz@example.org.uk,Essex Police,Police,"
        "Cancelled,02/09/2018,11/10/2018,",
        "Safeguarding children: level 1 awareness,24/10/2018,Siân Pryce,SIAN.PRYCE@example.org.uk,Essex Police,"
        "Police,Waitlisted,,,")
    tables = ("training_delegate", "training_booking", "training_booking_event")

    def contents() -> dict[str, list[tuple]]:
        return {table: [tuple(row) for row in bf.query(f"SELECT * FROM {table} ORDER BY id")] for table in tables}

    run_import(bf, kind("bookings"), source, board_id)
    imported = contents()
    assert [len(imported[table]) for table in tables] == [2, 3, 5]
    action = bf.scalar("SELECT max(id) FROM audit_action")
    audited = {(table, row_id): json.loads(after) for table, row_id, after in bf.query(
        "SELECT table_name, row_id, after FROM audit_change WHERE action_id = ?", (action,))}
    for table in tables:       # each row's audit holds the row as it was written, defaults included
        for row in bf.query(f"SELECT * FROM {table}"):
            assert audited[table, row["id"]] == dict(row)
    bf.editor.undo()
    assert all(not rows for rows in contents().values())
    bf.editor.redo()
    assert contents() == imported
