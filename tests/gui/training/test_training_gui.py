"""The Training view: booking, cancelling with promotion, the register by keyboard, search, charges."""

from __future__ import annotations

import datetime as dt

import pdfplumber
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sgdesk.dates import format_date
from sgdesk.gui.training.view import TrainingView
from sgdesk.gui.widgets.models import FILL_ROLE
from sgdesk.training.bookings import book, cancel
from sgdesk.training.delegates import DelegateDetails, add_delegate
from sgdesk.training.model import get_booking, get_session
from sgdesk.training.policy import org_categories
from sgdesk.training.programme import SessionDetails, add_session

TODAY = dt.date.today()


def training(window) -> TrainingView:
    return window.show_view("training")


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)


def new_session(view: TrainingView, day: dt.date, capacity: int, people: tuple[str, ...] = ()) -> int:
    """A session of the demo's first course, with ``people`` booked (in that order), added outside the GUI."""
    bf, board_id = view.context.bf, view.context.board_id
    course_id = bf.scalar("SELECT id FROM training_course WHERE title = 'Neglect: recognising and responding'")
    org_id = bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'")
    with bf.edit("Set up a session") as ed:
        session_id = add_session(ed, bf, SessionDetails(course_id, day, "09:30", "16:30", capacity, "Civic Centre"))
        for n, name in enumerate(people):
            email = name.split()[0].lower() + "@police.example"
            delegate_id = add_delegate(ed, board_id, DelegateDetails(name, org_id, "Police", email))
            book(ed, bf, session_id, delegate_id, booked_on=day - dt.timedelta(days=30 - n))
    bf.editor.forget_history()
    return session_id


def fill_delegate(qtbot, fields, name: str, email: str, organisation: str, sector: str) -> None:
    qtbot.keyClicks(fields.name, name)
    qtbot.keyClicks(fields.email, email)
    fields.organisation.setCurrentText(organisation)
    fields.sector.setCurrentText(sector)


def rows(panel) -> list[tuple[str, str]]:
    model = panel.model
    return [(model.row(r).delegate, model.row(r).status) for r in range(model.rowCount())]


def select(panel, name: str) -> None:
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row(r).delegate == name)
    panel.table.selectRow(row)


def test_the_programme_shows_courses_and_sessions_with_fill_bars(window):
    view = training(window)
    panel = view.programme
    assert view.stack.currentWidget() is view.stack.body
    assert panel.courses.rowCount() == 10 and panel.sessions.rowCount() == 40
    session = panel.sessions.row_at(0)
    index = panel.sessions.index(0, 6)
    assert index.data() == f"{session.places_taken} of {session.capacity}"
    assert index.data(FILL_ROLE) == (session.places_taken, session.capacity)
    panel.course_table.selectRow(0)
    course = panel.courses.row_at(0)
    assert {s.course_id for s in panel.sessions.rows} == {course.id}


def test_a_new_organisation_typed_on_a_booking_is_typed_as_the_bookings_import_types_it(qtbot, window):
    view = training(window)
    view.open_session(new_session(view, TODAY + dt.timedelta(days=30), 5))
    panel = view.bookings
    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    fill_delegate(qtbot, dialog.delegate, "Rhiannon Price", "rhiannon@harbour.example", "Harbour Toddler Group",
                  "Early years")
    assert dialog.delegate.category.isVisible()     # a new organisation: its charging category is asked for
    dialog.delegate.category.setCurrentText("Voluntary and community")
    ok(qtbot, dialog)
    bf = view.context.bf
    org = bf.query_one("SELECT id, org_type FROM organisation WHERE name = 'Harbour Toddler Group'")
    assert org["org_type"] == "voluntary"
    assert org_categories(bf, view.context.board_id)[org["id"]] == "Voluntary and community"


def test_book_into_a_full_session_then_cancel_and_the_first_waiting_gets_the_place(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=30), 2, ("Siân Pryce", "Zoë Adeyemi"))
    view.open_session(session_id)
    panel = view.bookings
    assert view.current_tab() == "bookings"
    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert "The session is full: the booking joins the waiting list" in dialog.findChild(type(panel.info)).text()
    fill_delegate(qtbot, dialog.delegate, "Niamh O'Loughlin", "niamh@trinity.example", "Trinity Family Centre",
                  "Voluntary and community")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert rows(panel)[-1] == ("Niamh O'Loughlin", "Waiting list (no. 1)")
    assert view.message.text() == "The session is full: Niamh O'Loughlin is on the waiting list"

    select(panel, "Siân Pryce")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    cancel = panel.dialog
    assert cancel.preview.text().startswith("In time (30 days' notice): free.")
    ok(qtbot, cancel)
    assert ("Niamh O'Loughlin", "Confirmed") in rows(panel)
    assert view.message.text() == ("Cancelled Siân Pryce's booking. Niamh O'Loughlin moved from the waiting list "
                                   "into the place: tell them.")
    assert panel.banner.isVisible() and "Niamh O'Loughlin" in panel.banner.text()
    select(panel, "Niamh O'Loughlin")
    assert [panel.history.item(i).text().split(": ", 1)[1] for i in range(panel.history.count())] == [
        "Booked: on the waiting list", "Given a place from the waiting list"]
    qtbot.mouseClick(panel.told_button, Qt.MouseButton.LeftButton)
    assert not panel.banner.isVisible()

    window.undo()        # not told after all
    window.undo()        # the cancellation and the promotion, together
    assert dict(rows(panel))["Siân Pryce"] == "Confirmed"
    assert dict(rows(panel))["Niamh O'Loughlin"] == "Waiting list (no. 1)"
    assert get_session(view.context.bf, session_id).places_taken == 2


def test_a_late_cancellation_shows_its_charge_before_it_is_made(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=3), 5, ("Siân Pryce",))
    view.open_session(session_id)
    panel = view.bookings
    select(panel, "Siân Pryce")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.dialog.preview.text().startswith(
        "Late cancellation (3 days' notice): £50.00 charged to Essex Police.")
    ok(qtbot, panel.dialog)
    assert panel.model.row(0).charge == "£50.00"


def test_substitute_takes_the_place(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=10), 1, ("Siân Pryce",))
    view.open_session(session_id)
    panel = view.bookings
    select(panel, "Siân Pryce")
    qtbot.mouseClick(panel.substitute_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    fill_delegate(qtbot, dialog.delegate, "Ben Baker", "ben@police.example", "Essex Police", "Police")
    ok(qtbot, dialog)
    assert sorted(rows(panel)) == [("Ben Baker", "Confirmed"), ("Siân Pryce", "Substituted")]
    assert panel.model.row(0).note == "Substitute for Siân Pryce"


def test_take_the_register_with_the_keyboard_and_undo_a_mark(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY - dt.timedelta(days=1), 5, ("Aisha Ahmed", "Ben Baker", "Chloe Clarke"))
    view.show_target({"session": session_id, "register": True})
    register = view.bookings.register
    assert view.bookings.stack.currentWidget() is register
    table = register.table
    assert table.hasFocus() or table.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_P)          # Aisha present, moves to Ben
    qtbot.keyClick(table, Qt.Key.Key_X)          # Ben did not attend, moves to Chloe
    qtbot.keyClick(table, Qt.Key.Key_Space)      # Chloe present
    assert [e.status for e in register.model.rows] == ["attended", "dna", "attended"]
    assert register.counts.text() == "2 present, 1 did not attend, 0 still to mark"
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Delete)     # Ben's mark cleared
    assert register.model.rows[1].status == "confirmed"
    window.undo()
    assert register.model.rows[1].status == "dna"
    qtbot.mouseClick(view.bookings.register_button, Qt.MouseButton.LeftButton)
    assert view.bookings.stack.currentIndex() == 0
    assert dict(rows(view.bookings))["Ben Baker"] == "Did not attend"


def test_search_as_you_type_by_name_email_and_organisation(qtbot, window):
    view = training(window)
    view.open_session(None)
    panel = view.bookings
    everyone = panel.model.rowCount()
    qtbot.keyClicks(panel.search, "zoe adey")
    assert {panel.model.row(r).delegate for r in range(panel.model.rowCount())} == {"Zoë Adeyemi"}
    panel.search.clear()
    qtbot.keyClicks(panel.search, "acorns")
    assert panel.model.rowCount() > 0
    assert {panel.model.row(r).organisation for r in range(panel.model.rowCount())} == {
        "Little Acorns Day Nursery Ltd"}
    panel.search.clear()
    qtbot.keyClicks(panel.search, "@police.example")
    assert {panel.model.row(r).organisation for r in range(panel.model.rowCount())} == {"Essex Police"}
    panel.search.clear()
    assert panel.model.rowCount() == everyone


def test_charges_follow_a_category_change_and_undo(qtbot, window):
    view = training(window)
    panel = view.show_tab("charges")
    assert panel.period.currentText() == "2018/19"
    before = panel.summary.text()
    assert "127 chargeable booking(s), £5,470.00" in before
    model = panel.categories
    row = next(i for i, r in enumerate(model.rows) if r[1] == "Harbour Lights Youth Project")
    assert model.setData(model.index(row, 1), "Private")
    assert "Harbour Lights Youth Project" in [g.organisation for g in panel.totals.rows]
    window.undo()
    assert panel.summary.text() == before


def test_edit_the_policy_and_the_charges_change(qtbot, window):
    view = training(window)
    view.show_tab("charges")
    qtbot.mouseClick(view.policy_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.dna_full.setText("60.00")
    ok(qtbot, dialog)
    assert view.message.text() == "Saved the charging policy and retention period"
    assert "did not attend £35 half day, £60 full day" in view.charges.policy_text.text()
    window.undo()
    assert "did not attend £35 half day, £50 full day" in view.charges.policy_text.text()


def test_a_bad_fee_is_explained_and_the_dialog_stays(qtbot, window, message_boxes):
    view = training(window)
    qtbot.mouseClick(view.policy_button, Qt.MouseButton.LeftButton)
    view.dialog.late_full.setText("fifty")
    ok(qtbot, view.dialog)
    assert view.dialog.isVisible()
    assert message_boxes == ["Late, full day: 'fifty' is not an amount of money: write it as 1234.56"]


def test_print_the_register_from_the_programme(qtbot, window, tmp_path):
    view = training(window)
    out = tmp_path / "register.pdf"
    view.print_session(12, "register", out)
    qtbot.waitUntil(lambda: "Saved register.pdf" in view.message.text(), timeout=20000)
    with pdfplumber.open(out) as pdf:
        assert "Attendance register" in pdf.pages[0].extract_text()


def test_record_an_evaluation(qtbot, window):
    view = training(window)
    panel = view.show_tab("evaluations")
    row = next(i for i, r in enumerate(panel.evaluations.rows) if r.received_on is None)
    panel.evaluation_table.selectRow(row)
    name = panel.evaluations.row_at(row).delegate
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.before.setCurrentIndex(2)
    dialog.after.setCurrentIndex(4)
    dialog.useful.setCurrentIndex(1)
    ok(qtbot, dialog)
    entry = next(r for r in panel.evaluations.rows if r.delegate == name)
    assert (entry.before, entry.after, entry.useful) == (2, 4, True)


def test_anonymise_from_the_view(qtbot, window, monkeypatch):
    view = training(window)
    labels, texts = [], []

    def press_anonymise(box):
        labels.extend(b.text() for b in box.buttons())
        texts.append(box.text())
        go = next(b for b in box.buttons() if b.text().startswith("Anonymise"))
        go.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_anonymise)
    qtbot.mouseClick(view.anonymise_button, Qt.MouseButton.LeftButton)
    assert "Keep their details" in labels
    assert "also from the change history and from the file's backups, which hold them too" in texts[-1]
    assert "Anonymised" in view.message.text() and "6-year retention period" in view.message.text()
    assert "in the file and in 1 backup(s) of it" in view.message.text()   # the session's backup, made just before
    bf = view.context.bf
    assert bf.scalar("SELECT count(*) FROM training_delegate WHERE anonymised_on IS NULL") == 0
    assert not window.undo_action.isEnabled()


def test_cancel_a_session_from_the_programme(qtbot, window, message_boxes):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=20), 3, ("Siân Pryce", "Zoë Adeyemi"))
    panel = view.programme
    panel.select_session(session_id)
    message_boxes.press.append("Cancel session")
    qtbot.mouseClick(panel.cancel_session_button, Qt.MouseButton.LeftButton)
    assert set(message_boxes.buttons[-1]) == {"Cancel session", "Keep session"}
    assert view.message.text().endswith("and its 2 booking(s), without charge")
    bf = view.context.bf
    assert {get_booking(bf, b).status for (b,) in bf.query(
        "SELECT id FROM training_booking WHERE session_id = ?", (session_id,))} == {"cancelled"}


def test_an_empty_board_says_what_to_do_and_adds_the_first_course(qtbot, settings, empty_board, tmp_path):
    from sgdesk.gui.shell.main_window import MainWindow

    path = empty_board.path
    empty_board.close()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    view = win.show_view("training")
    assert view.stack.currentWidget() is view.empty
    view.add_first_course()
    dialog = view.dialog
    qtbot.keyClicks(dialog.title, "Neglect: recognising and responding")
    ok(qtbot, dialog)
    assert view.stack.currentWidget() is view.stack.body
    assert view.programme.courses.rowCount() == 1


def test_the_overview_item_opens_the_session_to_tell_the_delegate(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=30), 1, ("Siân Pryce", "Zoë Adeyemi"))
    bf = view.context.bf
    first = bf.scalar("SELECT id FROM training_booking WHERE session_id = ? ORDER BY queue_no", (session_id,))
    with bf.edit("Cancel") as ed:
        cancel(ed, bf, first, on=TODAY)
    overview = window.show_view("overview")
    entry = next(overview.list.item(i) for i in range(overview.list.count())
                 if "Zoë Adeyemi was given a place" in overview.list.item(i).text())
    overview._open_item(entry)
    assert window.views["training"].current_tab() == "bookings"
    assert view.bookings.selected_booking().status == "confirmed"
    assert view.bookings.model.row(view.bookings.table.currentIndex().row()).delegate == "Zoë Adeyemi"


# -- destroyed only when the user says so ---------------------------------------------------------------
def test_the_cancel_booking_dialog_says_what_each_button_does(qtbot, window):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=30), 2, ("Siân Pryce",))
    view.open_session(session_id)
    panel = view.bookings
    select(panel, "Siân Pryce")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert (dialog.accept_button.text(), dialog.keep_button.text()) == ("Cancel booking", "Keep booking")
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dict(rows(panel))["Siân Pryce"] == "Confirmed"


def test_deleting_a_course_asks_first(qtbot, window, asks_before_removing):
    view = training(window)
    panel = view.programme
    qtbot.mouseClick(panel.add_course_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.dialog.title, "Online safety")
    ok(qtbot, panel.dialog)
    bf = view.context.bf
    question = asks_before_removing(panel.delete_course_button, "Delete course", "Keep course", lambda: bf.scalar(
        "SELECT count(*) FROM training_course WHERE title = 'Online safety'"))
    assert question == "Delete the course Online safety from the programme?"
    assert window.undo_action.text() == "&Undo Delete course Online safety"


def test_a_course_with_sessions_is_refused_without_asking(qtbot, window, message_boxes):
    panel = training(window).programme
    panel.course_table.selectRow(0)
    qtbot.mouseClick(panel.delete_course_button, Qt.MouseButton.LeftButton)
    assert len(message_boxes) == 1 and message_boxes[0].startswith("the course has ")


def test_removing_a_session_asks_first(qtbot, window, asks_before_removing):
    view = training(window)
    session_id = new_session(view, TODAY + dt.timedelta(days=40), 10)
    panel = view.programme
    panel.select_session(session_id)
    label = panel.selected_session().label
    question = asks_before_removing(panel.delete_session_button, "Remove session", "Keep session",
                                    lambda: len(panel.sessions.rows))
    assert question == f"Remove the session {label} from the programme?"
    assert window.undo_action.text() == f"&Undo Remove session {label}"


def test_deleting_an_evaluation_asks_first(qtbot, window, asks_before_removing):
    panel = training(window).show_tab("evaluations")
    row = next(i for i, r in enumerate(panel.evaluations.rows) if r.received_on is not None)
    panel.evaluation_table.selectRow(row)
    entry = panel.evaluations.row_at(row)
    question = asks_before_removing(panel.delete_button, "Delete evaluation", "Keep evaluation",
                                    lambda: sum(r.received_on is not None for r in panel.evaluations.rows))
    assert question.startswith(f"Delete the evaluation {entry.delegate} returned on ")


def test_the_register_uses_p_and_x_never_the_attendance_grids_a_and_d(qtbot, window):
    """In the attendance grid A is apologies and D a deputy: in the register they mark nothing."""
    view = training(window)
    session_id = new_session(view, TODAY - dt.timedelta(days=1), 5, ("Aisha Ahmed", "Ben Baker"))
    view.show_target({"session": session_id, "register": True})
    register = view.bookings.register
    table = register.table
    key = register.findChild(type(register.heading), "registerKey")
    assert key.isVisible() and "<b>P</b> present · <b>X</b> did not attend" in key.text()
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.keyClick(table, Qt.Key.Key_D)
    assert [e.status for e in register.model.rows] == ["confirmed", "confirmed"]
    assert register.counts.text() == "Not a register mark: type P or X (P present · X did not attend)"
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert [register.model.index(r, 2).data() for r in range(2)] == ["P  Present", "X  Did not attend"]
    assert window.undo_action.text() == "&Undo Register: Ben Baker did not attend"


def session_status(panel, session_id: int) -> str:
    panel.select_session(session_id)
    row = next(r for r, s in enumerate(panel.sessions.rows) if s.id == session_id)
    return panel.sessions.index(row, 8).data()


def test_a_past_session_shows_whether_its_register_was_taken(qtbot, window):
    view = training(window)
    past = new_session(view, TODAY - dt.timedelta(days=2), 5, ("Aisha Ahmed", "Ben Baker"))
    future = new_session(view, TODAY + dt.timedelta(days=9), 5, ("Chloe Clarke",))
    view.refresh()
    panel = view.programme
    assert session_status(panel, future) == "Scheduled"
    assert session_status(panel, past) == "Held: register not taken"
    view.show_target({"session": past, "register": True})
    register = view.bookings.register
    qtbot.keyClick(register.table, Qt.Key.Key_P)
    assert session_status(view.show_tab("programme"), past) == "Held: 1 still to mark"
    view.show_target({"session": past, "register": True})
    qtbot.keyClick(view.bookings.register.table, Qt.Key.Key_X)
    assert session_status(view.show_tab("programme"), past) == "Held"


def test_the_register_of_a_future_session_is_refused_up_front_saying_when(qtbot, window, message_boxes):
    view = training(window)
    day = TODAY + dt.timedelta(days=9)
    session_id = new_session(view, day, 5, ("Chloe Clarke",))
    view.refresh()
    view.open_session(session_id)
    bookings = view.bookings
    when = format_date(day)
    assert not bookings.register_button.isEnabled()
    assert bookings.register_button.toolTip() == f"The session is on {when}: take the register on or after that day"
    assert f"register can be taken from {when}" in bookings.info.text()
    view.show_target({"session": session_id, "register": True})      # as the Overview would ask
    assert message_boxes == [f"the session is on {when}: take the register on or after that day"]
    assert bookings.stack.currentIndex() == 0 and not bookings.register_button.isChecked()


def test_booking_marks_the_required_fields_and_fills_the_sector_the_organisation_suggests(qtbot, window):
    from collections import Counter

    from sgdesk.organisations import add_organisation

    view = training(window)
    bf = view.context.bf
    with bf.edit("Add a fire service") as ed:
        add_organisation(ed, "Kent Fire and Rescue Service", org_type="fire")
    session_id = new_session(view, TODAY + dt.timedelta(days=30), 5)
    view.open_session(session_id)
    panel = view.bookings
    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    fields = dialog.delegate
    labels = {dialog.form.labelForField(w).text() for w in (fields.name, fields.organisation, fields.sector)}
    assert labels == {"&Name *:", "&Organisation *:", "&Sector *:"}
    assert dialog.form.labelForField(fields.email).text() == "&Email:"
    assert dialog.required_note.isVisible() and dialog.required_note.text() == "* must be filled in"

    police = Counter(row[0] for row in bf.query(
        "SELECT d.sector FROM training_delegate d JOIN organisation o ON o.id = d.organisation_id "
        "WHERE o.name = 'Essex Police'")).most_common(1)[0][0]
    fields.organisation.setCurrentText("Essex Police")
    assert fields.sector.currentText() == police
    fields.organisation.setCurrentText("Kent Fire and Rescue Service")   # no delegates yet: by its type
    assert fields.sector.currentText() == "Fire and rescue"
    fields.sector.setCurrentText("Housing")                                      # the user's choice stays
    fields.organisation.setCurrentText("Essex Police")
    assert fields.sector.currentText() == "Housing"
