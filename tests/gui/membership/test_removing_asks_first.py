"""Removing a meeting, a seat, a term or a forward-plan item asks first, naming what goes; the button
says what it does, keeping is the default, and Edit > Undo is named after the removal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sgdesk.dates import format_date


def count(bf, sql, *args) -> int:
    return bf.scalar(f"SELECT count(*) FROM {sql}", args)


def test_removing_a_meeting_names_its_marks_and_asks(window, qtbot, message_boxes):
    view = window.show_view("meetings")
    view.tabs.setCurrentIndex(1)
    table = view.meeting_table
    table.select_id(table.records.rows[0]["id"])
    row = table.selected()
    bf = window.context.bf
    marks = count(bf, "attendance WHERE meeting_id = ?", row["id"])
    assert marks == 12

    message_boxes.press.append("Keep meeting")
    qtbot.mouseClick(view.delete_meeting_button, Qt.MouseButton.LeftButton)
    assert message_boxes == [f"Remove the meeting of {format_date(row['meets_on'])} and its 12 attendance marks?"]
    assert set(message_boxes.buttons[0]) == {"Remove meeting", "Keep meeting"}
    assert count(bf, "meeting WHERE id = ?", row["id"]) == 1

    message_boxes.press.append("Remove meeting")
    qtbot.mouseClick(view.delete_meeting_button, Qt.MouseButton.LeftButton)
    assert count(bf, "meeting WHERE id = ?", row["id"]) == 0
    assert count(bf, "attendance WHERE meeting_id = ?", row["id"]) == 0
    assert window.undo_action.text() == f"&Undo Remove the meeting of {format_date(row['meets_on'])}"
    window.undo_action.trigger()
    assert count(bf, "attendance WHERE meeting_id = ?", row["id"]) == 12


def test_escape_keeps_the_meeting(window, qtbot, monkeypatch):
    """Not the fixture: the real box, answered with Escape, which chooses the safe button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    view = window.show_view("meetings")
    view.tabs.setCurrentIndex(1)
    view.meeting_table.select_id(view.meeting_table.records.rows[0]["id"])
    row = view.meeting_table.selected()
    seen = []

    def press_escape() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, press_escape)
            return
        seen.append((box.defaultButton().text(), box.escapeButton().text()))
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    monkeypatch.undo()       # the real QMessageBox.exec
    QTimer.singleShot(0, press_escape)
    view.remove_meeting()
    assert seen == [("Keep meeting", "Keep meeting")]
    assert count(window.context.bf, "meeting WHERE id = ?", row["id"]) == 1


def test_removing_a_term_asks_first(window, qtbot, message_boxes):
    view = window.show_view("membership")
    bf = window.context.bf
    view.org_table.select_id(bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'"))
    view.holder_table.select_id(view.holder_table.records.rows[1]["id"])   # Aisha Rahman, deputy
    holder = view.holder_table.selected()

    message_boxes.press.append("Keep term")
    qtbot.mouseClick(view.remove_term_button, Qt.MouseButton.LeftButton)
    assert message_boxes[0].startswith("Remove Aisha Rahman's term as deputy (from ")
    assert set(message_boxes.buttons[0]) == {"Remove term", "Keep term"}
    assert count(bf, "seat_holder WHERE id = ?", holder["id"]) == 1

    message_boxes.press.append("Remove term")
    qtbot.mouseClick(view.remove_term_button, Qt.MouseButton.LeftButton)
    assert count(bf, "seat_holder WHERE id = ?", holder["id"]) == 0
    assert window.undo_action.text() == "&Undo Remove Aisha Rahman's term as deputy"


def test_removing_a_seat_names_its_terms_and_asks(window, qtbot, message_boxes, fill_form, monkeypatch):
    view = window.show_view("membership")
    bf = window.context.bf
    view.org_table.select_id(bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'"))
    fill_form(monkeypatch, label="CAFCASS (observer)")
    view.add_seat()
    seat_id = view.seat_table.selected()["id"]
    fill_form(monkeypatch, person="Gareth Ellwood")
    view.appoint()

    message_boxes.press.append("Keep seat")
    qtbot.mouseClick(view.remove_seat_button, Qt.MouseButton.LeftButton)
    assert message_boxes == ["Remove the seat CAFCASS (observer) (Member) and its 1 term?"]
    assert count(bf, "seat WHERE id = ?", seat_id) == 1
    message_boxes.press.append("Remove seat")
    qtbot.mouseClick(view.remove_seat_button, Qt.MouseButton.LeftButton)
    assert count(bf, "seat WHERE id = ?", seat_id) == 0
    assert window.undo_action.text() == "&Undo Remove the seat CAFCASS (observer) (Member)"


def test_a_seat_with_attendance_is_refused_before_anything_is_asked(window, qtbot, message_boxes):
    view = window.show_view("membership")
    bf = window.context.bf
    view.org_table.select_id(bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'"))
    qtbot.mouseClick(view.remove_seat_button, Qt.MouseButton.LeftButton)
    assert message_boxes == ["this seat has attendance marks, so it cannot be removed: give it an end date instead"]


def test_taking_an_item_off_the_forward_plan_asks_first(window, qtbot, message_boxes):
    view = window.show_view("meetings")
    view.tabs.setCurrentIndex(2)
    model, table = view.plan_model, view.plan_table
    index = next(model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                 if model.item_at(model.index(r, c)) is not None)
    item = model.item_at(index)
    table.setCurrentIndex(index)
    message_boxes.press.append("Keep item")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert message_boxes[0].startswith(f"Take {item.title}")
    assert message_boxes[0].endswith(f"off the agenda of {model.meetings[index.column()].heading}?")
    assert count(window.context.bf, "forward_item WHERE id = ?", item.id) == 1
    message_boxes.press.append("Take item off")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert count(window.context.bf, "forward_item WHERE id = ?", item.id) == 0


def test_the_meeting_form_marks_its_date_required_and_does_not_offer_a_blank(window, monkeypatch):
    from sgdesk.gui.widgets.forms import FormDialog

    seen = {}

    def look(dialog):
        date = dialog.fields["meets_on"]
        seen["blank"] = date.specialValueText()         # what an optional date shows when left out
        seen["label"] = dialog.form.labelForField(date).text()
        seen["note"] = dialog.required_note.isVisibleTo(dialog)
        seen["buttons"] = (dialog.accept_button.text(), dialog.keep_button.text())
        return 0

    monkeypatch.setattr(FormDialog, "exec", look)
    window.show_view("meetings").add_meeting()
    assert seen == {"blank": "", "label": "Date *:", "note": True, "buttons": ("Add meeting", "Cancel")}
