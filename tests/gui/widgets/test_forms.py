"""Forms: one date picker on every date field, typed dates read as the importers read them, what is wrong
said under the form as a field is left, email addresses checked, organisation types written the same in the
form and the table, and a warning (not a refusal) for a meeting or session on a weekend or bank holiday."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QWidget

from sgdesk.gui.widgets.date_field import NOT_SET, DateField
from sgdesk.gui.widgets.forms import FormDialog


def _date_fields_in(window: QWidget) -> list[str]:
    """What is wrong with the date fields shown in ``window``: not the one picker, or a date typed in plain text."""
    wrong = []
    for edit in window.findChildren(QDateEdit):
        if not isinstance(edit, DateField) or not edit.calendarPopup() or edit.displayFormat() != "dd/MM/yyyy":
            wrong.append(f"{edit.accessibleName()} is a {type(edit).__name__}, not the date picker")
    for edit in window.findChildren(QLineEdit):
        if "dd/mm/yyyy" in edit.placeholderText():
            wrong.append(f"{edit.accessibleName()} is a text field for a date")
    return wrong


def test_every_date_field_of_every_view_and_dialog_is_the_one_picker(each_view, each_dialog):
    found: list[str] = []
    each_view(lambda window, where: found.extend(f"{where}: {problem}" for problem in _date_fields_in(window)))
    each_dialog(lambda dialog, where: found.extend(f"{where}: {problem}" for problem in _date_fields_in(dialog)))
    assert not found, "\n".join(sorted(set(found)))


def _shown(qtbot, dialog: QWidget) -> None:
    """Show ``dialog`` as the active window, so the keyboard's focus moves in it as the user's would."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _leave(qtbot, field: DateField, typed: str, other: QWidget) -> None:
    """Type ``typed`` over what ``field`` shows, then go on to ``other``."""
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, typed)
    other.setFocus()
    QApplication.processEvents()


def test_a_date_is_typed_as_the_importers_read_one_and_shown_as_dd_mm_yyyy(qtbot):
    dialog = FormDialog("Test")
    qtbot.addWidget(dialog)
    field = dialog.add_date("on", "&Held on")
    other = dialog.add_text("note", "&Note")
    _shown(qtbot, dialog)
    assert field.text() == NOT_SET and dialog.values()["on"] is None      # optional: blank until chosen
    for typed in ("7 Feb 2019", "7/2/19", "2019-02-07", "Thursday 7 February 2019"):
        _leave(qtbot, field, typed, other)
        assert field.text() == "07/02/2019" and dialog.values()["on"] == dt.date(2019, 2, 7), typed
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == NOT_SET and dialog.values()["on"] is None


def test_text_that_is_not_a_date_is_kept_and_said_under_the_form_then_refused(qtbot, message_boxes):
    dialog = FormDialog("Test")
    qtbot.addWidget(dialog)
    field = dialog.add_date("on", "&Held on", dt.date(2019, 2, 7), required=True)
    other = dialog.add_text("note", "&Note")
    _shown(qtbot, dialog)
    _leave(qtbot, field, "31/02/2019", other)
    assert field.text() == "31/02/2019"                   # not put back to 07/02/2019 behind the user's back
    assert dialog.problems.isVisible() and "there is no 31 February" in dialog.problems.text()
    assert field.property("invalid") is True
    field.setFocus()
    QApplication.processEvents()
    assert field.text() == "31/02/2019"                   # still there on coming back to it
    dialog.accept_button.click()
    assert dialog.isVisible() and "there is no 31 February" in message_boxes[0]
    _leave(qtbot, field, "28/02/2019", other)
    assert not dialog.problems.isVisible() and not field.property("invalid")
    assert dialog.values()["on"] == dt.date(2019, 2, 28)


def test_an_email_address_is_checked_as_it_is_left_and_where_it_is_kept(window, qtbot, message_boxes):
    from sgdesk.gui.training.dialogs import BookingDialog
    from sgdesk.training.model import list_sessions

    context = window.context
    session = next(s for s in list_sessions(context.bf, context.board_id) if not s.cancelled)
    dialog = BookingDialog(context, session, window)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    email = next(edit for edit in dialog.findChildren(QLineEdit) if edit.accessibleName() == "Email")
    email.setFocus()
    qtbot.keyClicks(email, "jo.bloggs at essex.police.uk")
    dialog.accept_button.setFocus()
    QApplication.processEvents()
    assert "is not an email address" in dialog.problems.text() and dialog.problems.isVisible()
    email.setText("jo.bloggs@essex.police.uk")
    email.editingFinished.emit()
    assert not dialog.problems.isVisible()
    dialog.reject()

    membership = window.show_view("membership")
    membership.tabs.setCurrentIndex(1)      # the People tab, read when it is shown
    people = membership.people_table
    model = people.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Aisha Rahman")
    model.setData(model.index(row, 2), "aisha.rahman")
    assert message_boxes == ["'aisha.rahman' is not an email address: write it as name@example.org.uk"]
    assert context.bf.scalar("SELECT email FROM person WHERE name = 'Aisha Rahman'") is None


def test_the_type_of_an_organisation_reads_the_same_in_the_form_and_the_table(window, monkeypatch):
    membership = window.show_view("membership")
    table = membership.org_table
    shown = {table.model().index(r, 2).data() for r in range(table.model().rowCount())} - {""}
    offered: list[str] = []

    def look(dialog):
        combo = dialog.fields["org_type"]
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        return 0

    monkeypatch.setattr(FormDialog, "exec", look)
    membership.add_organisation()
    assert "Police" in shown and shown <= set(offered)


def _meeting_form(window, monkeypatch, typed: str, qtbot) -> tuple[str, bool]:
    """Type ``typed`` as the date in Add a meeting and press Add meeting: (the warning shown, whether it was added)."""
    seen = {}

    def fill(dialog):
        date = dialog.fields["meets_on"]
        date.setText(typed)
        QApplication.processEvents()
        seen["warning"] = dialog.warnings.text() if dialog.warnings.isVisibleTo(dialog) else ""
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FormDialog, "exec", fill)
    meetings = window.show_view("meetings")
    before = window.context.bf.scalar("SELECT count(*) FROM meeting")
    meetings.add_meeting()
    return seen["warning"], window.context.bf.scalar("SELECT count(*) FROM meeting") == before + 1


def test_a_meeting_on_a_bank_holiday_or_a_weekend_is_warned_about_but_saved(window, monkeypatch, qtbot):
    assert _meeting_form(window, monkeypatch, "19/04/2019", qtbot) == (
        "19 Apr 2019 is Good Friday, a bank holiday: check the date of the meeting (it can still be saved)", True)
    assert _meeting_form(window, monkeypatch, "20/04/2019", qtbot)[0].startswith("20 Apr 2019 is a Saturday")
    assert _meeting_form(window, monkeypatch, "23/04/2019", qtbot) == ("", True)


def test_a_training_session_on_a_bank_holiday_is_warned_about(window, qtbot):
    from sgdesk.gui.training.dialogs import SessionDialog

    dialog = SessionDialog(window.context, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.day.setText("27/12/2021")
    assert dialog.warnings.isVisible()
    assert dialog.warnings.text().startswith("27 Dec 2021 is Christmas Day (substitute day), a bank holiday")
    dialog.day.setText("29/12/2021")
    assert not dialog.warnings.isVisible()
    dialog.reject()


def test_a_date_cell_is_edited_with_the_same_picker_and_saved_as_typed(window, qtbot):
    meetings = window.show_view("meetings")
    meetings.tabs.setCurrentIndex(1)
    table = meetings.meeting_table
    bf = window.context.bf
    table.select_id(bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'"))
    index = table.model().index(table.currentIndex().row(), 0)
    table.setCurrentIndex(index)
    table.edit(index)
    holder = table if table.indexWidget(index) else table.edge_view(False)    # the date names the row: frozen
    editor = holder.indexWidget(index)
    assert isinstance(editor, DateField) and editor.text() == "06/02/2019" and editor.calendarPopup()
    editor.setText("7 Feb 2019")
    holder.commitData(editor)
    assert bf.scalar("SELECT count(*) FROM meeting WHERE meets_on = '2019-02-07'") == 1
