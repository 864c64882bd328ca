"""Attendance rules: marks, percentages, seats joining or leaving, unrecorded meetings, flags, quorum."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk.errors import InputError, SGDeskError
from sgdesk.fyear import Period
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import board_body, find_body
from sgdesk.membership.flags import (
    QuorumRule,
    all_flags,
    deputy_runs,
    get_quorum_rule,
    quorum_flags,
    set_quorum_rule,
    statutory_absences,
)
from sgdesk.membership.grid import load_grid
from sgdesk.membership.marks import parse_mark
from sgdesk.membership.meetings import add_meeting
from sgdesk.membership.reports import attendance_report
from sgdesk.membership.seats import add_seat, appoint, person_for
from sgdesk.organisations import add_organisation

DATES = [dt.date(2018, 4, 10), dt.date(2018, 6, 12), dt.date(2018, 9, 11), dt.date(2018, 12, 4), dt.date(2019, 3, 5)]


def build(bf, rows: dict[str, str], *, statutory=(), starts=None, ends=None, roles=None, dates=DATES):
    """A board with one seat per row ("Police": "YYAN-" marks by meeting; a space leaves a cell blank)."""
    starts, ends, roles = starts or {}, ends or {}, roles or {}
    body = board_body(bf, 1)
    with bf.edit("Build a test board") as ed:
        meetings = [add_meeting(ed, body, day, status="held") for day in dates]
        seats = {}
        for name, marks in rows.items():
            org = add_organisation(ed, name, statutory=name in statutory)
            seats[name] = add_seat(ed, body, org, role=roles.get(name, "Member"), starts_on=starts.get(name),
                                   ends_on=ends.get(name))
            appoint(ed, bf, seats[name], person_for(ed, bf, f"Rep of {name}"))
            write_marks(ed, bf, [MarkEdit(seats[name], m, mark) for m, mark in zip(meetings, marks) if mark != " "])
    bf.editor.forget_history()
    return body, seats, meetings


def totals(bf, name, period=None):
    grid = load_grid(bf, board_body(bf, 1), period)
    seat = next(s for s in grid.seats if s.shown_as == name)
    return grid.totals(seat)


@pytest.mark.parametrize("cell, expected", [
    ("Y", ("Y", None)), ("yes", ("Y", None)), ("Attended", ("Y", None)), (" present ", ("Y", None)),
    ("D", ("D", None)), ("Deputy", ("D", None)), ("Sub", ("D", None)), ("D (Zoë Adeyemi)", ("D", "Zoë Adeyemi")),
    ("Deputy: Siân Pryce", ("D", "Siân Pryce")), ("A", ("A", None)), ("Sent apologies", ("A", None)),
    ("Apols.", ("A", None)), ("apologies, sent", ("A", None)), ("N", ("N", None)), ("DNA", ("N", None)),
    ("No apology", ("N", None)), ("-", ("-", None)), ("\u2013", ("-", None)), ("n/a", ("-", None)),
    ("Not a member", ("-", None)), ("", (None, None)), (None, (None, None)), ("   ", (None, None)),
])
def test_marks_as_people_write_them(cell, expected):
    assert parse_mark(cell) == expected


@pytest.mark.parametrize("cell", ["Maybe", "YY", "Y (late)", "2", "Apologies (Jo)"])
def test_an_unknown_mark_says_what_to_write(cell):
    with pytest.raises(InputError, match="is not an attendance mark: use Y, D, A, N or -"):
        parse_mark(cell)


# -- the demo board: seed 000, Appendix 1 ----------------------------------------------------------------
def test_the_demo_grid_reproduces_the_published_appendix(demo):
    grid = load_grid(demo, board_body(demo, 1))
    assert [m.heading for m in grid.meetings] == ["21 Sep 2017", "16 Nov 2017", "21 Feb 2018", "5 Jun 2018",
                                                  "25 Sep 2018", "11 Dec 2018", "6 Feb 2019"]
    assert len(grid.seats) == 12
    assert [m.heading for m in grid.unrecorded_meetings] == ["6 Feb 2019"]
    percents = {(s.shown_as, s.representative_name()): grid.totals(s).percent for s in grid.seats}
    assert list(percents.values()) == [83, 67, 100, 100, 17, 83, 100, 83, 100, 83, 100, 50]
    ccg = grid.totals(grid.seats[0])
    assert (grid.seats[0].shown_as, ccg.expected, ccg.present, ccg.absent, ccg.percent) == \
        ("Clinical Commissioning Group", 6, 5, 1, 83)


def test_no_real_names_from_the_seed_are_in_the_demo(demo):
    seed_names = ["D'Orsi", "Shrivastava", "Osler", "Hendy", "Horn", "Kennerson", "Leftley", "O'Loughlin",
                  "Laurence Doe", "Boyd", "Chidgey", "Townsend"]
    people = " ".join(r[0] for r in demo.query("SELECT name FROM person"))
    assert not [name for name in seed_names if name in people]


# -- seats joining and leaving ------------------------------------------------------------------------
def test_a_seat_joining_mid_period_counts_only_the_meetings_it_was_expected_at(empty_board):
    build(empty_board, {"Police": "YYYYY", "Lay member": "  YAY"}, starts={"Lay member": DATES[2]})
    lay = totals(empty_board, "Lay member")
    assert (lay.expected, lay.present, lay.apologies, lay.percent) == (3, 2, 1, 67)
    grid = load_grid(empty_board, board_body(empty_board, 1))
    cell = grid.cell(grid.seats[0], grid.meetings[0])
    assert (cell.mark, cell.implied, cell.counted) == ("-", True, False)
    assert not grid.missing_marks()


def test_a_seat_ending_mid_period_stops_being_expected(empty_board):
    build(empty_board, {"Police": "YYYYY", "CRC": "YAN  "}, ends={"CRC": DATES[2]})
    crc = totals(empty_board, "CRC")
    assert (crc.expected, crc.present, crc.apologies, crc.absent, crc.percent) == (3, 1, 1, 1, 33)


def test_a_period_filter_counts_only_its_meetings(empty_board):
    build(empty_board, {"Police": "NNYYY"})
    assert totals(empty_board, "Police", Period(dt.date(2018, 9, 1), dt.date(2019, 3, 31))).percent == 100
    assert totals(empty_board, "Police").percent == 60


def test_a_seat_with_nothing_expected_shows_n_a(empty_board):
    build(empty_board, {"Police": "YYYYY", "Observer": "-----"})
    assert totals(empty_board, "Observer").percent is None
    table = attendance_report(empty_board, 1, None)[0]
    row = next(r for r in table.rows if r["organisation"] == "Observer")
    assert (row["expected"], row["percent"]) == (0, None)
    from sgdesk.reporting import render
    assert "Observer" in render([table], "table") and "n/a" in render([table], "table")


def test_all_apologies_is_zero_percent_not_an_error(empty_board):
    build(empty_board, {"Police": "AAAAA"})
    police = totals(empty_board, "Police")
    assert (police.expected, police.apologies, police.percent) == (5, 5, 0)


# -- not recorded -------------------------------------------------------------------------------------
def test_a_held_meeting_without_marks_is_not_recorded_and_not_counted(empty_board):
    build(empty_board, {"Police": "YYYA ", "CCG": "YNYY "})
    grid = load_grid(empty_board, board_body(empty_board, 1))
    assert [m.meets_on for m in grid.unrecorded_meetings] == [DATES[4]]
    assert totals(empty_board, "Police").expected == 4
    flags = all_flags(grid, QuorumRule(enabled=False))
    assert [f.kind for f in flags] == ["not recorded"]
    assert flags[0].text == "The meeting of 5 Mar 2019 was held but its attendance is not recorded; it is not counted"


def test_once_a_meeting_has_one_mark_the_blanks_are_listed_as_missing(empty_board):
    body, seats, meetings = build(empty_board, {"Police": "YYYY ", "CCG": "YYYY "})
    with empty_board.edit("Mark") as ed:
        write_marks(ed, empty_board, [MarkEdit(seats["Police"], meetings[4], "A")])
    grid = load_grid(empty_board, body)
    assert not grid.unrecorded_meetings
    assert [(s.shown_as, m.meets_on) for s, m in grid.missing_marks()] == [("CCG", DATES[4])]
    assert totals(empty_board, "CCG").expected == 4           # the blank is not counted as absence
    flag = next(f for f in all_flags(grid, QuorumRule(enabled=False)) if f.kind == "missing marks")
    assert flag.text == "5 Mar 2019: no mark for CCG (not counted)"


def test_a_planned_meeting_given_marks_becomes_held_and_a_cancelled_one_refuses(empty_board):
    body = board_body(empty_board, 1)
    with empty_board.edit("Set up") as ed:
        org = add_organisation(ed, "Essex Police")
        seat = add_seat(ed, body, org)
        planned = add_meeting(ed, body, dt.date(2030, 1, 1), status="planned")
        cancelled = add_meeting(ed, body, dt.date(2018, 1, 1), status="cancelled")
    with empty_board.edit("Mark") as ed:
        write_marks(ed, empty_board, [MarkEdit(seat, planned, "Y")])
    assert empty_board.scalar("SELECT status FROM meeting WHERE id = ?", (planned,)) == "held"
    with pytest.raises(SGDeskError, match="was cancelled, so it has no attendance"):
        with empty_board.edit("Mark") as ed:
            write_marks(ed, empty_board, [MarkEdit(seat, cancelled, "Y")])
    assert empty_board.scalar("SELECT count(*) FROM attendance WHERE meeting_id = ?", (cancelled,)) == 0


def test_a_mark_cannot_join_a_seat_to_another_bodys_meeting(demo):
    executive = find_body(demo, 1, "Executive")
    with demo.edit("A sub-group meeting") as ed:
        meeting = add_meeting(ed, executive, dt.date(2018, 5, 1), status="held")
    board_seat = demo.scalar("SELECT id FROM seat WHERE subgroup_id IS NULL LIMIT 1")
    with pytest.raises(SGDeskError, match="not on the body that held this meeting"):
        with demo.edit("Mark") as ed:
            write_marks(ed, demo, [MarkEdit(board_seat, meeting, "Y")])


def test_a_deputy_mark_records_the_nominated_deputy(demo):
    ccg = demo.scalar("SELECT id FROM seat WHERE label = 'Clinical Commissioning Group'")
    meeting = demo.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    with demo.edit("Mark") as ed:
        write_marks(ed, demo, [MarkEdit(ccg, meeting, "D")])
    assert demo.scalar("SELECT p.name FROM attendance a JOIN person p ON p.id = a.deputy_id "
                       "WHERE a.seat_id = ? AND a.meeting_id = ?", (ccg, meeting)) == "Tomasz Wiśniewski"


# -- flags --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("marks, flagged", [
    ("DDYYY", False),   # a run of two is allowed
    ("YDDDY", True),    # three running is not
    ("DDADD", False),   # broken by apologies
    ("DDDDD", True),
])
def test_deputy_runs_of_more_than_two_are_flagged(empty_board, marks, flagged):
    body, _seats, _meetings = build(empty_board, {"Police": marks})
    flags = deputy_runs(load_grid(empty_board, body))
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].text.startswith("Police: a deputy attended")
        assert "review the nominated representative" in flags[0].text


def test_a_deputy_run_skips_meetings_the_seat_was_not_expected_at(empty_board):
    body, _seats, _meetings = build(empty_board, {"Police": "DD-DY"})
    [flag] = deputy_runs(load_grid(empty_board, body))
    assert flag.text == ("Police: a deputy attended 3 meetings running (10 Apr 2018, 12 Jun 2018, 4 Dec 2018); "
                         "review the nominated representative")


def test_a_statutory_partner_is_absent_only_when_none_of_its_seats_came(empty_board):
    body = board_body(empty_board, 1)
    with empty_board.edit("Set up") as ed:
        council = add_organisation(ed, "Southend Borough Council", short_name="SBC", statutory=True)
        first, second = add_seat(ed, body, council), add_seat(ed, body, council, label="SBC Councillor")
        meetings = [add_meeting(ed, body, day, status="held") for day in DATES[:2]]
        write_marks(ed, empty_board, [MarkEdit(first, meetings[0], "A"), MarkEdit(second, meetings[0], "Y"),
                                      MarkEdit(first, meetings[1], "A"), MarkEdit(second, meetings[1], "N")])
    [flag] = statutory_absences(load_grid(empty_board, body))
    assert flag.text == "12 Jun 2018: SBC, a statutory partner, was not represented"


def test_the_demo_flags_the_ccg_absence_and_the_inquorate_meeting(demo):
    body = board_body(demo, 1)
    flags = all_flags(load_grid(demo, body), get_quorum_rule(demo, body))
    assert [(f.kind, f.day) for f in flags] == [
        ("inquorate", dt.date(2018, 2, 21)), ("statutory partner absent", dt.date(2018, 2, 21)),
        ("not recorded", dt.date(2019, 2, 6))]
    assert flags[0].text == "21 Feb 2018 was inquorate: statutory partner absent: Southend CCG"


def test_the_quorum_rule_is_a_board_setting_that_can_be_changed_and_undone(empty_board):
    body, seats, meetings = build(empty_board, {"Chair": "YYAYY", "Vice": "YAAYY", "Police": "YYYYN"},
                                  roles={"Chair": "Independent Chair", "Vice": "Vice Chair"}, statutory=("Police",))
    grid = load_grid(empty_board, body)
    rule = get_quorum_rule(empty_board, body)
    assert rule == QuorumRule()          # the board is checked by default
    assert [(f.day, f.text.split(": ", 1)[1]) for f in quorum_flags(grid, rule)] == [
        (DATES[2], "neither the chair nor the vice chair was there"),
        (DATES[4], "statutory partner absent: Police")]
    with empty_board.edit("Change the quorum rule") as ed:
        set_quorum_rule(ed, empty_board, body, QuorumRule(chair_or_vice_chair=False, all_statutory_partners=False,
                                                          minimum_present=3))
    rule = get_quorum_rule(empty_board, body)
    assert rule.describe() == "quorate with at least 3 seats present"
    assert [f.day for f in quorum_flags(grid, rule)] == [DATES[1], DATES[2], DATES[4]]
    empty_board.editor.undo()
    assert get_quorum_rule(empty_board, body) == QuorumRule()


def test_sub_groups_are_not_checked_for_quorum_until_a_rule_is_set(demo):
    executive = find_body(demo, 1, "Executive")
    assert get_quorum_rule(demo, executive).enabled is False
    assert get_quorum_rule(demo, executive).describe() == "quorum is not checked"


# -- the attendance report ----------------------------------------------------------------------------
def test_the_attendance_report_has_the_council_columns_then_the_flags(demo):
    tables = attendance_report(demo, 1, None)
    table = tables[0]
    assert [c.label for c in table.columns] == ["Organisation", "Representative", "Expected", "Present",
                                                "By deputy", "Apologies", "Absent", "Percent"]
    assert table.rows[0] == {"organisation": "Clinical Commissioning Group", "representative": "Priya Raman",
                             "expected": 6, "present": 5, "by_deputy": 0, "apologies": 0, "absent": 1, "percent": 83}
    assert "Not recorded, so not counted: 6 Feb 2019." in table.notes
    assert tables[-1].title == "Attendance flags"
    assert [r["flag"] for r in tables[-1].rows] == ["Inquorate", "Statutory partner absent", "Not recorded"]


def test_the_attendance_report_from_the_command_line(demo_path, capsys):
    from sgdesk.cli import main

    assert main(["report", str(demo_path), "attendance", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Organisation,Representative,Expected,Present,By deputy,Apologies,Absent,Percent"
    assert lines[1] == "Clinical Commissioning Group,Priya Raman,6,5,0,0,1,83"
    assert main(["report", str(demo_path), "attendance", "--year", "2017/18"]) == 0
    out = capsys.readouterr().out
    assert "Attendance: Southend LSCB (2017/18)" in out
    assert "Clinical Commissioning Group" in out and "67%" in out   # Y, Y, N in 2017/18
