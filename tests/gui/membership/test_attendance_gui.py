"""The attendance grid in the app: typing marks, moving about, pasting from Excel, undo, filters, flags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from sgdesk.gui.membership.grid_model import LEADING

CCG, DOCTOR, LAY, POLICE = 0, 1, 4, 3   # rows of the demo grid
LAST = len(LEADING) + 6                  # the 6 Feb 2019 column (held, not recorded)


@pytest.fixture
def meetings(window):
    view = window.show_view("meetings")
    assert window.view_stack.currentWidget() is view and view.stack.currentWidget() is view.stack.body
    return view


def shown(view, row, column):
    return view.model.index(row, column).data()


def percent(view, row):
    return shown(view, row, view.model.columnCount() - 1)


def expected(view, row):
    return shown(view, row, view.model.columnCount() - 2)


def stored(view, row, column):
    ref = view.model.cell_at(row, column)
    return view.context.bf.scalar("SELECT mark FROM attendance WHERE seat_id = ? AND meeting_id = ?",
                                  (ref.seat.id, ref.meeting.id))


def test_the_grid_shows_the_demo_with_live_totals(meetings):
    model = meetings.model
    assert model.rowCount() == 12
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Organisation", "Representative", "21 Sep\n2017"]
    assert headers[LAST] == "6 Feb\n2019\nnot recorded"
    assert headers[-2:] == ["Expected", "%"]
    assert [shown(meetings, CCG, c) for c in range(2, 8)] == ["Y", "Y", "N", "Y", "Y", "Y"]
    assert (expected(meetings, CCG), percent(meetings, CCG)) == ("6", "83%")
    tip = model.index(CCG, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Clinical Commissioning Group, 21 Feb 2018: N: no attendance, no apology"
    assert model.index(CCG, 4).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_typing_a_mark_saves_it_updates_the_totals_and_moves_down(window, meetings, qtbot):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST))
    qtbot.keyClick(table, "a")
    assert stored(meetings, CCG, LAST) == "A"
    assert (expected(meetings, CCG), percent(meetings, CCG)) == ("7", "71%")
    assert table.currentIndex().row() == CCG + 1
    assert window.undo_action.text() == "&Undo Mark attendance: Clinical Commissioning Group, 6 Feb 2019 (A)"
    flags = [meetings.flag_list.item(i).text() for i in range(meetings.flag_list.count())]
    assert any("6 Feb 2019: no mark for Designated Doctor for Safeguarding" in f for f in flags)
    assert not any("6 Feb 2019 was held but" in f for f in flags)

    window.undo_action.trigger()
    assert stored(meetings, CCG, LAST) is None
    assert (expected(meetings, CCG), percent(meetings, CCG)) == ("6", "83%")


def test_every_mark_key_and_the_arrow_and_tab_keys(meetings, qtbot):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST))
    for key, mark in (("y", "Y"), ("d", "D"), ("A", "A"), ("n", "N"), ("-", "-")):
        table.setCurrentIndex(meetings.model.index(CCG, LAST))
        qtbot.keyClick(table, key)
        assert stored(meetings, CCG, LAST) == mark
    table.setCurrentIndex(meetings.model.index(POLICE, 3))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 4
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == POLICE + 1
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert table.currentIndex().column() == 5
    before = stored(meetings, POLICE + 1, 5)
    qtbot.keyClick(table, "x")                          # not a mark: nothing happens
    assert stored(meetings, POLICE + 1, 5) == before == "N"


def test_delete_clears_the_selected_cells_in_one_step(window, meetings, qtbot, message_boxes):
    table = meetings.table
    model = meetings.model
    table.setCurrentIndex(model.index(CCG, 2))
    table.selectionModel().select(model.index(DOCTOR, 2), table.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert message_boxes == ["Clear 2 attendance marks?"]
    assert stored(meetings, CCG, 2) == "Y", "more than one mark is cleared only when the user says so"
    message_boxes.press.append("Clear marks")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored(meetings, CCG, 2) is None and stored(meetings, DOCTOR, 2) is None
    assert expected(meetings, CCG) == "5"
    assert window.undo_action.text() == "&Undo Clear attendance: 2 cells"
    window.undo_action.trigger()
    assert (stored(meetings, CCG, 2), stored(meetings, DOCTOR, 2)) == ("Y", "Y")


def test_a_block_pasted_from_excel_is_one_undo_step(window, meetings, qtbot):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST - 1))
    QGuiApplication.clipboard().setText("A\tY\r\nY\tD (Siân Pryce)\r\n-\tn/a\r\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [stored(meetings, r, LAST - 1) for r in (CCG, DOCTOR, DOCTOR + 1)] == ["A", "Y", "-"]
    assert [stored(meetings, r, LAST) for r in (CCG, DOCTOR, DOCTOR + 1)] == ["Y", "D", "-"]
    assert meetings.model.index(DOCTOR, LAST).data(Qt.ItemDataRole.ToolTipRole).endswith(
        "D: a deputy or substitute attended (Siân Pryce)")
    assert window.undo_action.text() == "&Undo Paste attendance (6 cells)"
    window.undo_action.trigger()
    assert [stored(meetings, r, LAST) for r in (CCG, DOCTOR, DOCTOR + 1)] == [None, None, None]
    assert stored(meetings, CCG, LAST - 1) == "Y"
    assert percent(meetings, CCG) == "83%"


def test_a_pasted_block_with_a_bad_cell_writes_nothing_and_says_which(meetings, qtbot, message_boxes):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST))
    QGuiApplication.clipboard().setText("Y\nMaybe\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert message_boxes == ["The pasted cell for Designated Doctor for Safeguarding at 6 Feb 2019 ('Maybe') is "
                             "not an attendance mark: use Y, D, A, N or - (or words such as Yes, Deputy, "
                             "Apologies, Absent, Not expected)"]
    assert stored(meetings, CCG, LAST) is None


def test_a_block_too_big_for_the_grid_is_refused(meetings, qtbot, message_boxes):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST))
    QGuiApplication.clipboard().setText("Y\tY\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "runs past the seats or meetings in the grid" in message_boxes[0]
    assert stored(meetings, CCG, LAST) is None


def test_copy_puts_the_marks_on_the_clipboard_as_excel_reads_them(meetings, qtbot):
    table = meetings.table
    model = meetings.model
    for row in (CCG, DOCTOR):
        for column in (3, 4):
            table.selectionModel().select(model.index(row, column), table.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Y\tN\nY\tY"


def test_a_word_typed_into_a_cell_editor_is_read_as_a_mark(meetings):
    model = meetings.model
    assert model.setData(model.index(LAY, LAST), "Sent apologies")
    assert stored(meetings, LAY, LAST) == "A"


def test_the_period_and_body_filters(meetings):
    meetings.period_combo.setCurrentIndex(meetings.period_combo.findData(2017))
    assert [m.heading for m in meetings.model.meetings] == ["21 Sep 2017", "16 Nov 2017", "21 Feb 2018"]
    assert percent(meetings, CCG) == "67%"
    meetings.period_combo.setCurrentIndex(0)
    assert len(meetings.model.meetings) == 7
    meetings.body_combo.setCurrentIndex(meetings.body_combo.findData(
        f"subgroup:{meetings.context.bf.scalar('SELECT id FROM subgroup WHERE short_name = ?', ('Case Review',))}"))
    assert meetings.model.rowCount() == 2 and meetings.model.meetings == []
    assert [shown(meetings, r, 1) for r in range(2)] == ["Tomasz Wiśniewski", "Oluwaseun Adebayo"]


def test_custom_dates(meetings):
    import datetime as dt

    meetings.period_combo.setCurrentIndex(meetings.period_combo.findData("custom"))
    assert meetings.start.isVisible()
    meetings.start.setDate(dt.date(2018, 6, 1))
    meetings.end.setDate(dt.date(2018, 12, 31))
    assert [m.heading for m in meetings.model.meetings] == ["5 Jun 2018", "25 Sep 2018", "11 Dec 2018"]


def test_clicking_a_flag_selects_its_meeting(meetings, qtbot):
    texts = [meetings.flag_list.item(i).text() for i in range(meetings.flag_list.count())]
    assert texts == ["Problem: 21 Feb 2018 was inquorate: statutory partner absent: Southend CCG",
                     "Check: 21 Feb 2018: Southend CCG, a statutory partner, was not represented",
                     "Check: The meeting of 6 Feb 2019 was held but its attendance is not recorded; it is not counted"]
    meetings.flag_list.itemClicked.emit(meetings.flag_list.item(2))
    assert meetings.table.currentIndex().column() == LAST


def test_the_details_of_a_deputy_mark_name_who_came_and_a_note(window, meetings, qtbot):
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(POLICE, LAST))
    qtbot.keyClick(table, "d")
    table.setCurrentIndex(meetings.model.index(POLICE, LAST))
    assert meetings.deputy_combo.isEnabled()
    assert meetings.deputy_combo.currentText() == "Aisha Rahman (nominated deputy)"
    meetings.note_edit.setText("Stood in at short notice")
    qtbot.mouseClick(meetings.save_details_button, Qt.MouseButton.LeftButton)
    assert meetings.context.bf.scalar("SELECT note FROM attendance WHERE mark = 'D'") == "Stood in at short notice"
    assert "Note: Stood in at short notice" in meetings.cell_label.text()
    window.undo_action.trigger()
    assert meetings.context.bf.scalar("SELECT note FROM attendance WHERE mark = 'D'") is None


def test_the_quorum_rule_dialog_changes_the_flags(meetings, monkeypatch):
    from sgdesk.gui.widgets.forms import FormDialog

    def untick_statutory(dialog):
        dialog.fields["all_statutory_partners"].setChecked(False)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FormDialog, "exec", untick_statutory)
    meetings.edit_quorum()
    texts = [meetings.flag_list.item(i).text() for i in range(meetings.flag_list.count())]
    assert not any("inquorate" in t for t in texts)
    assert "Quorate with the chair or vice chair present" in meetings.summary.text()


def test_the_overview_lists_the_unrecorded_meeting_and_opens_it(window):
    overview = window.show_view("overview")
    items = [overview.list.item(i).text() for i in range(overview.list.count())]
    item = next(i for i in range(overview.list.count())
                if "Southend LSCB: the meeting of 6 Feb 2019 was held but its attendance is not recorded"
                in overview.list.item(i).text())
    assert items
    overview.list.itemClicked.emit(overview.list.item(item))
    view = window.views["meetings"]
    assert window.view_stack.currentWidget() is view
    assert view.table.currentIndex().column() == LAST


def test_a_board_without_meetings_or_seats_says_what_to_do(qtbot, settings, tmp_path):
    from test_membership_gui import open_new_board

    view = open_new_board(qtbot, settings, tmp_path, "meetings")
    assert view.stack.currentWidget() is view.empty
    assert view.empty.findChild(type(view.summary), "emptyHeading").text() == "No meetings yet"


def test_a_mark_a_colleague_holds_up_is_not_kept_and_not_offered_for_undo(window, meetings, qtbot, message_boxes,
                                                                         monkeypatch):
    import sqlite3

    from sgdesk.store import changes

    monkeypatch.setattr(changes, "COMMIT_RETRY_PAUSES", (0.05,), raising=False)
    bf = window.context.bf
    bf.conn.execute("PRAGMA busy_timeout = 50")
    colleague = sqlite3.connect(bf.path)
    colleague.execute("BEGIN")
    colleague.execute("SELECT count(*) FROM attendance").fetchone()   # a long report, reading
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(CCG, LAST))
    qtbot.keyClick(table, "a")
    colleague.close()

    assert message_boxes == [f"a colleague is reading {bf.path.name}; your change was not saved; try again in a moment"]
    assert stored(meetings, CCG, LAST) is None
    assert shown(meetings, CCG, LAST) in (None, "")
    assert (expected(meetings, CCG), percent(meetings, CCG)) == ("6", "83%")
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(table, "a")   # the colleague has finished: typed again, it is saved
    assert stored(meetings, CCG, LAST) == "A"
    assert window.undo_action.text() == "&Undo Mark attendance: Clinical Commissioning Group, 6 Feb 2019 (A)"


def _name_at(view, x: int, y: int) -> str:
    """The text the user sees at (x, y) of the grid's viewport, whichever view draws it there."""
    table = view.table
    point = table.viewport().mapTo(table, QPoint(x, y))
    for edge in (table.edge_view(False), table.edge_view(True)):
        if edge is not None and edge.isVisible() and edge.geometry().contains(point):
            return edge.indexAt(edge.viewport().mapFrom(table, point)).data()
    return table.indexAt(QPoint(x, y)).data()


def test_names_and_totals_stay_in_view_while_the_meetings_scroll(window, meetings, qtbot):
    """What the user met: over the whole record, scrolling to Expected and % left rows reading only 'Vacant'."""
    window.showNormal()
    window.resize(1280, 720)
    meetings.period_combo.setCurrentIndex(meetings.period_combo.findText("Whole record"))
    qtbot.waitUntil(lambda: meetings.table.horizontalScrollBar().maximum() > 0)
    table, row_y = meetings.table, meetings.table.rowViewportPosition(POLICE) + 5
    right = table.viewport().width() - 5
    for end in (0, table.horizontalScrollBar().maximum()):
        table.horizontalScrollBar().setValue(end)
        QApplication.processEvents()
        assert _name_at(meetings, 5, row_y) == "Essex Police"
        assert _name_at(meetings, table.columnWidth(0) + 5, row_y) == "Zoë Adeyemi"
        assert _name_at(meetings, right, row_y) == percent(meetings, POLICE)
        assert _name_at(meetings, right - table.columnWidth(table.model().columnCount() - 1), row_y) == \
            expected(meetings, POLICE)


def test_moving_along_the_meetings_keeps_the_current_cell_clear_of_the_names_and_totals(window, meetings, qtbot):
    window.showNormal()
    window.resize(1280, 720)
    meetings.period_combo.setCurrentIndex(meetings.period_combo.findText("Whole record"))
    table = meetings.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.setFocus()
    table.setCurrentIndex(meetings.model.index(POLICE, len(LEADING)))
    for _step in range(LAST - len(LEADING)):
        qtbot.keyClick(table, Qt.Key.Key_Right)
        QApplication.processEvents()
        left, right = table.edge_view(False).width(), table.viewport().width() - table.edge_view(True).width()
        column = table.currentIndex().column()
        start = table.columnViewportPosition(column)
        assert left <= start and start + table.columnWidth(column) <= right, column
    assert table.currentIndex().column() == LAST
    qtbot.keyClick(table, "y")
    assert stored(meetings, POLICE, LAST) == "Y"
    for _step in range(LAST - len(LEADING)):
        qtbot.keyClick(table, Qt.Key.Key_Left)
    column = table.currentIndex().column()
    assert column == len(LEADING) and table.columnViewportPosition(column) >= table.edge_view(False).width()
