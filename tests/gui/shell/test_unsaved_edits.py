"""Nothing typed is dropped: quitting, opening another file or switching board while a dialog, a form or
a cell being edited holds unsaved text asks Save / Discard / Cancel; forms beside a list save what was
typed when the user clicks away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from sgdesk.boards import add_board
from sgdesk.fyear import FinancialYear
from sgdesk.gui.membership.grid_model import LEADING


def test_opening_another_file_with_a_dialog_holding_text_asks(window, qtbot, message_boxes, empty_board):
    finance = window.show_view("finance")
    finance.show_target({"year": 2018, "tab": "ledger"})
    qtbot.mouseClick(finance.ledger.add_button, Qt.MouseButton.LeftButton)
    dialog = finance.ledger.dialog
    qtbot.keyClicks(dialog.description, "Room hire")
    demo = window.context.bf.path
    other = empty_board.path
    empty_board.close()

    message_boxes.press.append("Cancel")
    assert not window.open_path(other)
    assert message_boxes[0] == ("Not saved yet:\n• What is typed in “Add ledger entry — 2018/19”\n\n"
                                "Save before you open another file?")
    assert window.context.bf.path == demo and dialog.isVisible()
    assert dialog.description.text() == "Room hire"

    message_boxes.press.append("Discard")
    assert window.open_path(other)
    assert window.context.bf.path == other


def test_saving_on_the_question_runs_the_dialogs_own_save_and_a_refusal_stops_the_switch(window, qtbot,
                                                                                         message_boxes, empty_board):
    finance = window.show_view("finance")
    finance.show_target({"year": 2018, "tab": "ledger"})
    qtbot.mouseClick(finance.ledger.add_button, Qt.MouseButton.LeftButton)
    dialog = finance.ledger.dialog
    qtbot.keyClicks(dialog.description, "Room hire")
    qtbot.keyClicks(dialog.amount, "lots")
    other = empty_board.path
    empty_board.close()
    message_boxes.press.append("Save")
    assert not window.open_path(other), "the amount cannot be read: the dialog stays, the file stays open"
    assert dialog.isVisible() and dialog.error.text() == "'lots' is not an amount of money: write it as 1234.56"
    dialog.amount.setText("120.00")
    message_boxes.press.append("Save")
    assert window.open_path(other)
    from sgdesk.store import open_board_file

    with open_board_file(window.settings.value("recentFiles")[1], read_only=True) as bf:
        assert bf.scalar("SELECT amount_pence FROM ledger_entry WHERE description = 'Room hire'") == 12000


def test_quitting_while_a_cell_is_being_edited_asks_and_save_keeps_the_text(window, qtbot, message_boxes):
    membership = window.show_view("membership")
    table = membership.org_table
    bf = window.context.bf
    table.select_id(bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'"))
    index = table.model().index(table.currentIndex().row(), 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText("Cafcass")

    message_boxes.press.append("Save")
    path = bf.path
    window.close()
    assert message_boxes[0].startswith("Not saved yet:\n• The Short name cell being edited in Organisations")
    from sgdesk.store import open_board_file

    with open_board_file(path, read_only=True) as again:
        assert again.scalar("SELECT short_name FROM organisation WHERE name = 'CAFCASS'") == "Cafcass"


def test_switching_board_with_a_total_typed_asks_and_cancel_stays(window, qtbot, message_boxes):
    with window.context.edit("Add the adults' board") as ed:
        add_board(ed, "Southend Safeguarding Adults Board", short_name="SSAB", kind="adults")
    assert window.board_combo.count() == 2
    finance = window.show_view("finance")
    finance.show_year(FinancialYear(2018))
    finance.tabs.setCurrentWidget(finance.contributions)
    total = finance.contributions.total
    total.setFocus()
    total.selectAll()
    qtbot.keyClicks(total, "90,000")
    board = window.context.board_id

    message_boxes.press.append("Cancel")
    window.board_combo.setCurrentIndex(1)
    assert "The 2018/19 contributions total “90,000” (Finance)" in message_boxes[0]
    assert window.context.board_id == board and window.board_combo.currentIndex() == 0
    assert total.text() == "90,000"

    message_boxes.press.append("Save")
    window.board_combo.setCurrentIndex(1)
    assert window.context.board_id != board
    assert window.context.bf.scalar("SELECT total_pence FROM contribution_year WHERE board_id = ? AND "
                                    "year_start = 2018", (board,)) == 9_000_000


def test_a_note_typed_for_a_mark_is_saved_when_another_cell_is_clicked(window, qtbot):
    meetings = window.show_view("meetings")
    table, model = meetings.table, meetings.model
    column = len(LEADING)                     # the first meeting: every seat has a mark
    first = model.index(0, column)
    table.setCurrentIndex(first)
    qtbot.keyClicks(meetings.note_edit, "Left at the break")
    ref = model.cell_at(0, column)
    below = model.index(1, column)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(below).center())
    assert table.currentIndex().row() == 1
    assert window.context.bf.scalar("SELECT note FROM attendance WHERE seat_id = ? AND meeting_id = ?",
                                    (ref.seat.id, ref.meeting.id)) == "Left at the break"
    assert meetings.note_edit.text() == ""
