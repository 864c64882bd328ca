"""Dialogs of the Training view: courses, sessions, booking, cancelling, substitutes, evaluations.

Each saves in one audited action (one Undo step) and says what happened in ``result_text``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.gui.training.forms import DelegateFields
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.forms import FormDialog, date_edit, line_edit, spin_box
from sgdesk.training.bookings import book, cancel, substitute
from sgdesk.training.charges import preview_cancellation
from sgdesk.training.evaluations import (
    CONFIDENCE_SCALE,
    EvaluationDetails,
    EvaluationRow,
    save_evaluation,
)
from sgdesk.training.model import (
    LENGTHS,
    Course,
    Session,
    get_booking,
    get_delegate,
    list_courses,
)
from sgdesk.training.programme import (
    DEFAULT_TIMES,
    CourseDetails,
    SessionDetails,
    add_course,
    add_session,
    update_course,
    update_session,
)


def _time_edit(name: str, text: str) -> QTimeEdit:
    hour, minute = map(int, text.split(":"))
    edit = QTimeEdit(QTime(hour, minute))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


def _promoted_text(context: AppContext, promoted: tuple[int, ...] | list[int]) -> str:
    if not promoted:
        return ""
    names = ", ".join(get_delegate(context.bf, get_booking(context.bf, b).delegate_id).name for b in promoted)
    return f" {names} moved from the waiting list into the place: tell them."


class CourseDialog(FormDialog):
    def __init__(self, context: AppContext, course: Course | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Edit course" if course else "Add a course", parent,
                         action="Save course" if course else "Add course")
        self.context, self.course = context, course
        self.title = self.add_row("&Title:", line_edit("Course title", course.title if course else ""), required=True)
        self.level = self.add_row("&Level:", spin_box("Level", 1, 4, course.level if course else 1))
        self.length = QComboBox()
        self.length.setAccessibleName("Length")
        for key, label in LENGTHS.items():
            self.length.addItem(label, key)
        self.length.setCurrentIndex(self.length.findData(course.length if course else "half"))
        self.add_row("Le&ngth:", self.length)
        self.audience = self.add_row("&Audience:", line_edit("Audience", course.audience if course else ""))
        self.description = QPlainTextEdit(course.description if course and course.description else "")
        self.description.setAccessibleName("Description")
        self.description.setFixedHeight(70)
        self.add_row("&Description:", self.description)
        self.capacity = self.add_row("Usual &places:", spin_box("Usual places", 1, 500,
                                                                 course.default_capacity if course else 20))
        self.result_text = ""

    def save(self) -> None:
        details = CourseDetails(self.title.text(), self.level.value(), self.length.currentData(),
                                self.capacity.value(), self.audience.text(), self.description.toPlainText())
        bf, board_id = self.context.bf, self.context.board_id
        if self.course is None:
            with self.context.edit(f"Add course {details.title.strip()}") as ed:
                self.course_id = add_course(ed, bf, board_id, details)
        else:
            with self.context.edit(f"Edit course {details.title.strip()}") as ed:
                update_course(ed, bf, self.course.id, details)
            self.course_id = self.course.id
        self.result_text = f"Saved the course {details.title.strip()}"


class SessionDialog(FormDialog):
    def __init__(self, context: AppContext, session: Session | None = None, *, course_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit session" if session else "Add a session", parent,
                         action="Save session" if session else "Add session")
        self.context, self.session = context, session
        self.courses = list_courses(context.bf, context.board_id)
        self.course = QComboBox()
        self.course.setAccessibleName("Course")
        for course in self.courses:
            self.course.addItem(f"{course.title} (level {course.level}, {course.length_label.lower()})", course.id)
        chosen = session.course_id if session else course_id
        self.course.setCurrentIndex(max(self.course.findData(chosen), 0))
        self.course.currentIndexChanged.connect(self._course_changed)
        self.add_row("&Course:", self.course)
        self.day = self.add_row("&Date:", date_edit("Session date", session.session_date if session
                                                    else dt.date.today() + dt.timedelta(days=28)))
        self.warn_about_day(self.day, "session")
        first = self._course()
        start, end = (session.start_time, session.end_time) if session else DEFAULT_TIMES[first.length if first else
                                                                                         "half"]
        self.start = self.add_row("&Starts:", _time_edit("Start time", start))
        self.end = self.add_row("&Ends:", _time_edit("End time", end))
        self.online = QCheckBox("Online session")
        self.online.setAccessibleName("Online")
        self.online.setChecked(bool(session and session.online))
        self.add_row("", self.online)
        self.venue = self.add_row("&Venue:", line_edit("Venue", session.venue if session else "",
                                                       "A room, or the platform for an online session"))
        self.capacity = self.add_row("&Places:", spin_box("Places", 1, 500, session.capacity if session else
                                                           (first.default_capacity if first else 20)))
        self.trainer = self.add_row("&Trainer:", line_edit("Trainer", session.trainer if session else ""))
        self.result_text = ""

    def _course(self) -> Course | None:
        return next((c for c in self.courses if c.id == self.course.currentData()), None)

    def _course_changed(self) -> None:
        course = self._course()
        if course is not None and self.session is None:
            self.capacity.setValue(course.default_capacity)
            start, end = DEFAULT_TIMES[course.length]
            self.start.setTime(QTime.fromString(start, "HH:mm"))
            self.end.setTime(QTime.fromString(end, "HH:mm"))

    def save(self) -> None:
        if self.course.currentData() is None:
            raise InputError("The session", "has no course", "add the course first")
        details = SessionDetails(self.course.currentData(), self.day.day(),
                                 self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm"),
                                 self.capacity.value(), self.venue.text(), self.online.isChecked(), self.trainer.text())
        label = f"{self.course.currentText().split(' (')[0]} on {format_date(details.session_date)}"
        if self.session is None:
            with self.context.edit(f"Add session: {label}") as ed:
                self.session_id = add_session(ed, self.context.bf, details)
            self.result_text = f"Added the session {label}"
        else:
            with self.context.edit(f"Edit session: {label}") as ed:
                promoted = update_session(ed, self.context.bf, self.session.id, details, on=dt.date.today())
            self.session_id = self.session.id
            self.result_text = f"Saved the session {label}." + _promoted_text(self.context, promoted)


class BookingDialog(FormDialog):
    """Book a delegate on a session: a place, or the waiting list when it is full."""

    def __init__(self, context: AppContext, session: Session, parent: QWidget | None = None) -> None:
        free = (f"{session.free_places} place(s) free" if session.free_places else
                "The session is full: the booking joins the waiting list")
        super().__init__("Book a place", parent, intro=f"<b>{session.label}</b><br>{free}.",
                         action="Book place" if session.free_places else "Add to waiting list")
        self.context, self.session = context, session
        self.delegate = DelegateFields(self, context.bf, context.board_id)
        self.booked_on = self.add_row("&Booked on:", date_edit("Booked on", dt.date.today()))
        self.result_text = ""

    def save(self) -> None:
        name = self.delegate.display_name
        with self.context.edit(f"Book {name} on {self.session.label}") as ed:
            delegate_id = self.delegate.write(ed)
            outcome = book(ed, self.context.bf, self.session.id, delegate_id,
                           booked_on=self.booked_on.day(), approved=self.delegate.approved.isChecked())
        self.booking_id = outcome.booking_id
        self.result_text = (f"Booked {name}: place confirmed" if outcome.status == "confirmed" else
                            f"The session is full: {name} is on the waiting list")


class CancelDialog(FormDialog):
    """Cancel a booking on a date, showing whether that is late and what it costs."""

    def __init__(self, context: AppContext, booking_id: int, parent: QWidget | None = None) -> None:
        self.context, self.booking_id = context, booking_id
        booking = get_booking(context.bf, booking_id)
        self.name = get_delegate(context.bf, booking.delegate_id).name
        super().__init__("Cancel a booking", parent, intro=f"Cancel <b>{self.name}</b>'s booking?",
                         action="Cancel booking", keep="Keep booking")
        self.on = self.add_row("&Cancelled on:", date_edit("Cancelled on", dt.date.today()))
        self.on.dateChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setObjectName("cancelPreview")
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("What the cancellation costs")
        self.below.addWidget(self.preview)
        self.result_text = ""
        self._preview()

    def _preview(self) -> None:
        self.preview.setText(preview_cancellation(self.context.bf, self.context.board_id, self.booking_id,
                                                  self.on.date().toPython()).text)

    def save(self) -> None:
        on = self.on.day()
        preview = preview_cancellation(self.context.bf, self.context.board_id, self.booking_id, on)
        with self.context.edit(f"Cancel {self.name}'s booking") as ed:
            outcome = cancel(ed, self.context.bf, self.booking_id, on=on)
        self.promoted = outcome.promoted
        charged = " (late: charged)" if preview.late else ""
        self.result_text = f"Cancelled {self.name}'s booking{charged}." + _promoted_text(self.context, outcome.promoted)


class SubstituteDialog(FormDialog):
    """Pass a confirmed place to someone else, free of charge."""

    def __init__(self, context: AppContext, booking_id: int, parent: QWidget | None = None) -> None:
        self.context, self.booking_id = context, booking_id
        booking = get_booking(context.bf, booking_id)
        self.original = get_delegate(context.bf, booking.delegate_id).name
        super().__init__("Send a substitute", parent,
                         intro=f"Who takes <b>{self.original}</b>'s place? A substitute is free of charge.",
                         action="Send substitute")
        self.delegate = DelegateFields(self, context.bf, context.board_id)
        self.on = self.add_row("&Date:", date_edit("Substituted on", dt.date.today()))
        self.result_text = ""

    def save(self) -> None:
        name = self.delegate.display_name
        with self.context.edit(f"{name} takes {self.original}'s place") as ed:
            delegate_id = self.delegate.write(ed)
            outcome = substitute(ed, self.context.bf, self.booking_id, delegate_id, on=self.on.day(),
                                 approved=self.delegate.approved.isChecked())
        self.booking_id = outcome.booking_id
        self.result_text = f"{name} takes {self.original}'s place (no charge for {self.original})"


class EvaluationDialog(FormDialog):
    """Record what an attended delegate said about the session."""

    def __init__(self, context: AppContext, row: EvaluationRow, session_date: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__("Evaluation", parent, intro=f"Evaluation from <b>{row.delegate}</b> ({row.organisation})",
                         action="Save evaluation")
        self.context, self.row = context, row
        self.received = self.add_row("&Received on:", date_edit("Received on", row.received_on or session_date))
        self.before = self._rating("Confidence &before:", "Confidence before", row.before)
        self.after = self._rating("Confidence &after:", "Confidence after", row.after)
        self.useful = QComboBox()
        self.useful.setAccessibleName("Found it useful")
        for text, value in (("Not answered", None), ("Yes", True), ("No", False)):
            self.useful.addItem(text, value)
        self.useful.setCurrentIndex(self.useful.findData(row.useful) if row.useful is not None else 0)
        self.add_row("&Useful:", self.useful)
        self.comments = QPlainTextEdit(row.comments or "")
        self.comments.setAccessibleName("Comments")
        self.comments.setFixedHeight(80)
        self.add_row("&Comments:", self.comments)
        self.form.addRow("", QLabel(f"Confidence: {CONFIDENCE_SCALE}"))

    def _rating(self, label: str, name: str, value: int | None) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem("Not given", None)
        for rating in range(1, 6):
            combo.addItem(str(rating), rating)
        combo.setCurrentIndex(combo.findData(value) if value is not None else 0)
        return self.add_row(label, combo)

    def save(self) -> None:
        details = EvaluationDetails(self.received.day(), self.before.currentData(),
                                    self.after.currentData(), self.useful.currentData(), self.comments.toPlainText())
        with self.context.edit(f"Record {self.row.delegate}'s evaluation") as ed:
            save_evaluation(ed, self.context.bf, self.row.booking_id, details)
