"""Appendix 1 as a PDF: the published grid with its % column, read back from the file."""

from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest

from sgdesk.cli import main
from sgdesk.exporting import ExportRequest
from sgdesk.fyear import Period
from sgdesk.membership.appendix import appendix1_story, export_appendix1
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import board_body
from sgdesk.membership.meetings import add_meeting
from sgdesk.membership.seats import add_seat
from sgdesk.organisations import add_organisation

MARGIN = 18 * 72 / 25.4


def _export(bf, out, **kwargs):
    request = ExportRequest(1, out, generated_on=dt.date(2019, 6, 30), **kwargs)
    return export_appendix1(bf, request)


def _pages(path):
    with pdfplumber.open(path) as pdf:
        return [(page.width, page.height, page.extract_text(), page.extract_tables(), page.chars)
                for page in pdf.pages]


def _grid_row(tables, first_cell):
    return next(row for table in tables for row in table if row and row[0] == first_cell)


def test_the_command_writes_the_published_appendix(demo_path, tmp_path, capsys):
    out = tmp_path / "appendix1.pdf"
    assert main(["export", str(demo_path), "appendix1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(2 pages)" in printed
    assert "note: the meeting of 6 Feb 2019 is not recorded, so it is not counted" in printed
    (width, height, text, tables, _chars), (_w2, _h2, text2, tables2, _c2) = _pages(out)
    assert width > height                                                     # landscape
    assert "\nAppendix 1: Board membership and attendance\n" in text
    assert "September 2017 – February 2019 (nominated representative or substitute)" in text
    for key in ("Y Attended", "A Sent apologies", "N No attendance, no apology", "D A deputy or substitute attended"):
        assert key in text
    assert _grid_row(tables, "Clinical Commissioning Group") == [
        "Clinical Commissioning Group", "Priya Raman", "Y", "Y", "N", "Y", "Y", "Y", "", "83%"]
    assert _grid_row(tables, "SUHFT")[-1] == "50%"
    assert _grid_row(tables, "Lay Member")[-1] == "17%"
    header = next(table[0] for table in tables if table[0][0] == "Organisation")
    assert header[2:] == ["21 Sep\n2017", "16 Nov\n2017", "21 Feb\n2018", "5 Jun\n2018", "25 Sep\n2018",
                          "11 Dec\n2018", "6 Feb\n2019 *", "%"]
    assert "* Not recorded yet, so not counted: 6 Feb 2019." in text
    assert "Membership of the Southend LSCB by role" in text2
    assert "Chairing of the sub-groups" in text2
    assert _grid_row(tables2, "Independent Chair")[1:] == ["Fiona Castellano", "Independent Chair",
                                                            "Southend Local Safeguarding Children Board"]
    cse = _grid_row(tables2, "CSE & Missing Children\nGroup")
    assert cse[3] == "Position vacant"
    community = _grid_row(tables2, "Community Sub Group")
    assert community[4] == "Southend Football Club"


def test_nothing_runs_off_the_page(demo, tmp_path):
    _export(demo, tmp_path / "a.pdf")
    for width, _height, _text, _tables, chars in _pages(tmp_path / "a.pdf"):
        body = [c for c in chars if c["size"] < 12 and MARGIN < c["top"] < 595 - MARGIN]
        assert max(c["x1"] for c in body) <= width - MARGIN + 1
        assert min(c["x0"] for c in body) >= MARGIN - 1


def test_a_period_names_its_months_and_counts_only_its_meetings(demo, tmp_path):
    out = tmp_path / "a.pdf"
    _export(demo, out, period=Period(dt.date(2017, 9, 1), dt.date(2018, 3, 31)))
    _w, _h, text, tables, _c = _pages(out)[0]
    assert "September 2017 – March 2018" in text
    assert _grid_row(tables, "Clinical Commissioning Group") == [
        "Clinical Commissioning Group", "Priya Raman", "Y", "Y", "N", "67%"]
    assert "Not recorded yet" not in text


def test_deputies_can_be_folded_into_y_as_the_2017_19_report_did(demo, tmp_path):
    police = demo.scalar("SELECT id FROM seat WHERE organisation_id = (SELECT id FROM organisation "
                         "WHERE name = 'Essex Police')")
    meeting = demo.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    with demo.edit("Mark") as ed:
        write_marks(ed, demo, [MarkEdit(police, meeting, "D")])
    _export(demo, tmp_path / "shown.pdf")
    _export(demo, tmp_path / "folded.pdf", options={"deputies": "fold"})
    shown = _pages(tmp_path / "shown.pdf")[0]
    folded = _pages(tmp_path / "folded.pdf")[0]
    assert _grid_row(shown[3], "Essex Police")[8] == "D"
    assert _grid_row(folded[3], "Essex Police")[8] == "Y"
    assert "D A deputy or substitute attended" not in folded[2]
    assert "Y Attended (the nominated representative or a substitute)" in folded[2]


def test_a_seat_with_nothing_expected_prints_n_a(demo, tmp_path):
    with demo.edit("Add an observer") as ed:
        org = add_organisation(ed, "Youth Offending Service")
        add_seat(ed, board_body(demo, 1), org, role="Observer", starts_on=dt.date(2019, 1, 1))
    _export(demo, tmp_path / "a.pdf")
    assert _grid_row(_pages(tmp_path / "a.pdf")[0][3], "Youth Offending Service")[2:] == \
        ["-", "-", "-", "-", "-", "-", "", "n/a"]


def test_many_meetings_continue_in_a_second_grid(empty_board, tmp_path):
    body = board_body(empty_board, 1)
    with empty_board.edit("Monthly meetings") as ed:
        seat = add_seat(ed, body, add_organisation(ed, "Essex Police"))
        meetings = [add_meeting(ed, body, dt.date(2018, month, 1), status="held") for month in range(1, 13)]
        meetings += [add_meeting(ed, body, dt.date(2019, month, 1), status="held") for month in range(1, 4)]
        write_marks(ed, empty_board, [MarkEdit(seat, m, "Y") for m in meetings])
    _export(empty_board, tmp_path / "a.pdf")
    tables = [t for page in _pages(tmp_path / "a.pdf") for t in page[3] if t[0][0] == "Organisation"]
    assert [len(t[0]) for t in tables] == [2 + 10, 2 + 5 + 1]
    assert tables[1][1][-1] == "100%"


def test_a_sub_group_appendix(demo, tmp_path):
    _export(demo, tmp_path / "a.pdf", options={"body": "Case Review"})
    text = _pages(tmp_path / "a.pdf")[0][2]
    assert "\nAppendix 1: Case Review Panel membership and attendance\n" in text
    assert "No seats or meetings are recorded for this period." in text
    assert "Chairing of the sub-groups" not in text


def test_the_story_is_there_for_the_annual_report_pack(demo):
    title, orientation, story = appendix1_story(demo, 1, None, {})
    assert (title, orientation) == ("Appendix 1: Board membership and attendance", "landscape")
    assert len(story) > 5


def test_the_same_data_gives_the_same_file(demo, tmp_path):
    _export(demo, tmp_path / "a.pdf")
    _export(demo, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_an_unknown_body_option_is_explained(demo, tmp_path):
    from sgdesk.errors import InputError

    with pytest.raises(InputError, match="'Nonsense' is not the board or one of its sub-groups: use one of"):
        _export(demo, tmp_path / "a.pdf", options={"body": "Nonsense"})
