"""Meetings and the forward plan: adding, changing and removing meetings; planning items; undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from sgdesk.errors import InputError
from sgdesk.membership.meetings import add_forward_item, list_forward_items, parse_time


@pytest.fixture
def meetings(window):
    return window.show_view("meetings")


@pytest.mark.parametrize("text, time", [("14:00", "14:00"), ("2pm", "14:00"), ("2.30 pm", "14:30"),
                                        ("9.30", "09:30"), ("12am", "00:00"), (dt.time(9, 5), "09:05")])
def test_times_as_people_write_them(text, time):
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["25:00", "13pm", "noonish", "9:75"])
def test_times_that_are_not(text):
    with pytest.raises(InputError, match="is not a time of day: write times as 14:00 or 2pm"):
        parse_time(text)


def test_a_forward_plan_item_is_due_a_week_before_and_cannot_be_planned_twice(demo):
    meeting = demo.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    with demo.edit("Plan") as ed:
        add_forward_item(ed, demo, meeting, "  Attendance   Report ")
    [item] = [i for i in list_forward_items(demo, [meeting]) if i.title == "Attendance Report"]
    assert (item.title, item.paper_due_on) == ("Attendance Report", dt.date(2019, 1, 30))
    assert item.position == demo.scalar("SELECT min(position) FROM forward_item WHERE title = 'Attendance Report'")
    with pytest.raises(InputError, match="'Attendance Report' is already planned for 6 Feb 2019"):
        with demo.edit("Plan") as ed:
            add_forward_item(ed, demo, meeting, "Attendance Report")


def test_add_a_meeting_through_the_form(fill_form, window, meetings, monkeypatch):
    fill_form(monkeypatch, body="board", meets_on="12/03/2019", starts_at="2pm", venue="Council Chamber")
    meetings.add_meeting_button.click()
    assert meetings.model.meetings[-1].heading == "12 Mar 2019"
    assert meetings.model.headerData(meetings.model.columnCount() - 3, Qt.Orientation.Horizontal) == \
        "12 Mar\n2019\nnot recorded"
    row = meetings.context.bf.query_one("SELECT starts_at, venue, status FROM meeting WHERE meets_on = '2019-03-12'")
    assert tuple(row) == ("14:00", "Council Chamber", "held")
    assert window.undo_action.text() == "&Undo Add the Southend LSCB meeting of 12 Mar 2019"


def test_a_meeting_form_without_a_date_is_refused(fill_form, meetings, monkeypatch, message_boxes):
    fill_form(monkeypatch, body="board", meets_on="")
    meetings.add_meeting_button.click()
    assert message_boxes == ["The meeting's date is empty: type the date, as in 21/09/2017"]


def test_change_a_meetings_status_in_the_list_then_undo(window, meetings):
    table = meetings.meeting_table
    table.select_id(meetings.context.bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'"))
    index = table.model().index(table.currentIndex().row(), 4)
    assert table.model().setData(index, "Cancelled")
    assert [m.heading for m in meetings.model.meetings][-1] == "11 Dec 2018"   # cancelled meetings leave the grid
    assert not any("6 Feb 2019 was held" in meetings.flag_list.item(i).text()
                   for i in range(meetings.flag_list.count()))
    window.undo_action.trigger()
    assert meetings.model.meetings[-1].heading == "6 Feb 2019"


def test_remove_a_meeting_and_get_it_back_with_its_marks(window, meetings, message_boxes):
    bf = meetings.context.bf
    table = meetings.meeting_table
    table.select_id(bf.scalar("SELECT id FROM meeting WHERE meets_on = '2018-12-11'"))
    message_boxes.press.append("Remove meeting")
    meetings.delete_meeting_button.click()
    assert message_boxes == ["Remove the meeting of 11 Dec 2018 and its 12 attendance marks and 5 forward-plan "
                             "items?"]
    assert bf.scalar("SELECT count(*) FROM meeting") == 6
    assert bf.scalar("SELECT count(*) FROM attendance") == 60
    window.undo_action.trigger()
    assert bf.scalar("SELECT count(*) FROM attendance") == 72
    assert bf.scalar("SELECT count(*) FROM forward_item WHERE meeting_id = (SELECT id FROM meeting WHERE "
                     "meets_on = '2018-12-11')") == 5


def test_the_forward_plan_grid(window, meetings, qtbot, message_boxes):
    model = meetings.plan_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())][2:4] == \
        ["21 Feb 2018", "5 Jun 2018"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "Monitor Key PIs"
    row = model.titles.index("Domestic Abuse Strategy Update")
    assert [model.index(row, c).data() for c in range(model.columnCount())] == ["", "", "SBC", "SBC", "SBC", "SBC", ""]
    table = meetings.plan_table
    table.setCurrentIndex(model.index(row, 6))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.index(row, 6).data() == "SBC"
    assert model.index(row, 6).data(Qt.ItemDataRole.ToolTipRole) == \
        "Domestic Abuse Strategy Update at 6 Feb 2019: lead SBC; paper due 30 Jan 2019"
    assert window.undo_action.text() == "&Undo Plan Domestic Abuse Strategy Update for 6 Feb 2019"
    table.setCurrentIndex(model.index(row, 2))
    message_boxes.press.append("Take item off")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert model.index(row, 2).data() == ""
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [model.index(row, c).data() for c in range(model.columnCount())] == ["", "", "SBC", "SBC", "SBC", "SBC", ""]


def test_add_a_forward_plan_item_through_the_form(fill_form, meetings, monkeypatch):
    bf = meetings.context.bf
    lead = bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'")
    meeting = bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    fill_form(monkeypatch, title="Child Exploitation Update", lead=lead, meeting=meeting, due="23/01/2019")
    meetings.add_item_button.click()
    model = meetings.plan_model
    row = model.titles.index("Child Exploitation Update")
    assert model.index(row, 6).data() == "Essex Police"
    assert bf.scalar("SELECT paper_due_on FROM forward_item WHERE title = 'Child Exploitation Update'") == "2019-01-23"
