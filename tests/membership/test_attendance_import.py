"""The `attendance` import: the grid as kept in Excel, with messy headers and marks."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk import registry
from sgdesk.importing import ImportProblems, run_import
from sgdesk.membership.bodies import board_body
from sgdesk.membership.grid import load_grid


def _kind():
    return registry.load().import_kinds["attendance"]


def _write(path, text):
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _marks(bf, label):
    return bf.query("SELECT m.meets_on, a.mark FROM attendance a JOIN seat s ON s.id = a.seat_id "
                    "JOIN meeting m ON m.id = a.meeting_id LEFT JOIN organisation o ON o.id = s.organisation_id "
                    "WHERE coalesce(s.label, o.short_name, o.name) = ? ORDER BY m.meets_on", (label,))


def test_a_messy_grid_is_read_into_seats_meetings_and_marks(empty_board, tmp_path):
    source = _write(tmp_path / "grid.csv",
                    "Organisation,Current Rep. Name,21 Sep 2017,16/11/2017,2018-02-21,Thursday 5 July 2018,%\n"
                    "Essex Police,Zoë Adeyemi,Yes,Attended,D (Aisha Rahman),sent apologies,83%\n"
                    "Lay Member,Niamh Gallagher,n/a,-,No,apols,0%\n"
                    "Southend CCG,,Y,,N,,50%\n")
    summary = run_import(empty_board, _kind(), source, 1)
    assert summary.created == {"meetings": 4, "organisations": 3, "seats": 3, "people": 2, "marks": 10}
    assert "added the organisation 'Lay Member': check its type and statutory flag" in summary.notes
    assert "added the Test SCP meeting of 5 Jul 2018" in summary.notes
    assert [tuple(r) for r in _marks(empty_board, "Essex Police")] == [
        ("2017-09-21", "Y"), ("2017-11-16", "Y"), ("2018-02-21", "D"), ("2018-07-05", "A")]
    assert empty_board.scalar("SELECT p.name FROM attendance a JOIN person p ON p.id = a.deputy_id") == "Aisha Rahman"
    grid = load_grid(empty_board, board_body(empty_board, 1))
    assert [s.representative_name() for s in grid.seats] == ["Zoë Adeyemi", "Niamh Gallagher", "Vacant"]
    assert [grid.totals(s).percent for s in grid.seats] == [75, 0, 50]
    assert empty_board.editor.undo_description == "Import grid.csv (attendance grid)"


def test_rows_match_existing_seats_by_shown_name_alias_and_representative(demo, tmp_path):
    source = _write(tmp_path / "grid.csv",
                    "Agency,Representative,06/02/2019\n"
                    "Clinical Commissioning Group,,Y\n"
                    "Southend Hospital,,A\n"                      # an alias of SUHFT
                    "SBC Children's Services,Rachel Whitfield,Y\n"
                    "SBC Children's Services,Daniel Achterberg,D\n")
    summary = run_import(demo, _kind(), source, 1)
    assert summary.created == {"marks": 4}
    assert "seats" not in summary.created and "meetings" not in summary.created
    grid = load_grid(demo, board_body(demo, 1))
    last = grid.meetings[-1]
    marks = {(s.shown_as, s.representative_name()): grid.cell(s, last).mark for s in grid.seats}
    assert marks[("Clinical Commissioning Group", "Priya Raman")] == "Y"
    assert marks[("SUHFT", "Oluwaseun Adebayo")] == "A"
    assert marks[("SBC Children's Services", "Daniel Achterberg")] == "D"
    assert marks[("SBC Children's Services", "Rachel Whitfield")] == "Y"


def test_two_seats_of_one_organisation_need_telling_apart(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,06/02/2019\nSBC Children's Services,Y\n")
    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (2, "Organisation")
    assert "matches 2 seats (Daniel Achterberg, Rachel Whitfield)" in str(problem)
    assert "add a Representative or Role column" in str(problem)


def test_an_unknown_mark_names_its_cell_and_nothing_is_written(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,21/09/2017,06/02/2019\nEssex Police,Y,Maybe\n"
                    "Brand New Agency,Y,Y\n")
    before = demo.scalar("SELECT count(*) FROM attendance"), demo.scalar("SELECT count(*) FROM organisation")
    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)
    [problem] = caught.value.problems
    assert str(problem) == ("grid.csv row 2, column '06/02/2019': 'Maybe' is not an attendance mark; use Y, D, A, N "
                            "or - (or words such as Yes, Deputy, Apologies, Absent, Not expected)")
    assert (demo.scalar("SELECT count(*) FROM attendance"), demo.scalar("SELECT count(*) FROM organisation")) == before


@pytest.mark.parametrize("header, why", [
    ("Sept meeting", "'Sept meeting' is not a meeting date"),
    ("31/02/2019", "is not a meeting date: there is no 31 February"),
    ("21 Sep", "is not a full date: the year is missing"),
])
def test_an_unreadable_date_heading_names_the_heading_cell(demo, tmp_path, header, why):
    source = _write(tmp_path / "grid.csv", f"Organisation,21/09/2017,{header}\nEssex Police,Y,Y\n")
    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (1, header)
    assert why in str(problem)


def test_two_headings_for_one_date_are_a_problem(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,21/09/2017,21 Sep 2017\nEssex Police,Y,Y\n")
    with pytest.raises(ImportProblems, match="is the same meeting date as the column '21/09/2017'"):
        run_import(demo, _kind(), source, 1)


def test_a_grid_without_meeting_columns_is_refused(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,Representative,%\nEssex Police,Zoë Adeyemi,100%\n")
    with pytest.raises(ImportProblems, match="has no meeting columns"):
        run_import(demo, _kind(), source, 1)


def test_the_same_seat_twice_is_a_problem(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,06/02/2019\nEssex Police,Y\nessex police,A\n")
    with pytest.raises(ImportProblems, match="row 3.*is the same seat as row 2"):
        run_import(demo, _kind(), source, 1)


def test_blank_cells_keep_recorded_marks_and_changed_marks_are_counted(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,21/02/2018,05/06/2018\nClinical Commissioning Group,A,\n")
    summary = run_import(demo, _kind(), source, 1)
    assert summary.updated == {"marks": 1}
    assert [tuple(r) for r in _marks(demo, "Clinical Commissioning Group")][2:4] == [("2018-02-21", "A"),
                                                                                   ("2018-06-05", "Y")]


def test_a_column_with_no_marks_adds_a_held_meeting_not_yet_recorded(empty_board, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,21/09/2017,16/11/2017\nEssex Police,Y,\n")
    run_import(empty_board, _kind(), source, 1)
    grid = load_grid(empty_board, board_body(empty_board, 1))
    assert [m.meets_on for m in grid.unrecorded_meetings] == [dt.date(2017, 11, 16)]


def test_rows_can_name_a_sub_group(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Body,Organisation,Role,12/03/2018\nCase Review,Southend CCG,Chair,Y\n"
                    "Case Review,SUHFT,Vice Chair,A\nNo Such Group,SUHFT,,Y\n")
    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (4, "Body")
    assert "is not the board or one of its sub-groups" in str(problem)
    _write(source, "Body,Organisation,Role,12/03/2018\nCase Review,Southend CCG,Chair,Y\nCase Review,SUHFT,Vice Chair,A\n")
    summary = run_import(demo, _kind(), source, 1)
    assert summary.created == {"meetings": 1, "marks": 2}


def test_an_xlsx_grid_with_real_date_headings(empty_board, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Organisation", "Representative", dt.datetime(2017, 9, 21), dt.datetime(2017, 11, 16), "%"])
    sheet.append(["Essex Police", "Zoë Adeyemi", "Y", "A", 0.5])
    book.save(tmp_path / "grid.xlsx")
    summary = run_import(empty_board, _kind(), tmp_path / "grid.xlsx", 1)
    assert summary.created["marks"] == 2
    assert [tuple(r) for r in _marks(empty_board, "Essex Police")] == [("2017-09-21", "Y"), ("2017-11-16", "A")]


def test_a_dry_run_writes_nothing(demo, tmp_path):
    source = _write(tmp_path / "grid.csv", "Organisation,06/02/2019\nEssex Police,Y\nNew Agency,Y\n")
    before = demo.scalar("SELECT count(*) FROM attendance")
    summary = run_import(demo, _kind(), source, 1, dry_run=True)
    assert summary.created == {"organisations": 1, "seats": 1, "marks": 2}
    assert demo.scalar("SELECT count(*) FROM attendance") == before
