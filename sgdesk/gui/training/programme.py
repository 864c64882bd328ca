"""Training > Programme: the courses, and the sessions of the chosen course with fill bars."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QWidget

from sgdesk.errors import SGDeskError
from sgdesk.gui.training.dialogs import CourseDialog, SessionDialog
from sgdesk.gui.training.models import FillBarDelegate
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, open_dialog, show_error
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.record_table import selected_row
from sgdesk.gui.widgets.views import column, record_table, row
from sgdesk.store.changes import Action
from sgdesk.training.bookings import cancel_session
from sgdesk.training.model import LENGTHS, Course, Session, list_courses, list_sessions, session_state
from sgdesk.training.programme import (
    check_course_removable,
    check_session_removable,
    delete_course,
    delete_session,
)

SESSION_COLUMNS = [
    Field("id", "No.", "int", tooltip="The session's number (for sgdesk export --session)"),
    Field("session_date", "Date", "date"),
    Field("time", "Time", value=lambda s: f"{s.start_time}–{s.end_time}"),
    Field("course_title", "Course"),
    Field("where", "Where"),
    Field("trainer", "Trainer"),
    Field("places", "Places", value=lambda s: f"{s.places_taken} of {s.capacity}", align="centre",
          fill=lambda s: (s.places_taken, s.capacity), tooltip="Places taken of the capacity"),
    Field("waiting", "Waiting", "int", value=lambda s: s.waiting or None),
    Field("status", "Status", value=lambda s: session_state(s, dt.date.today())),
]


def course_columns(fills: dict[int, tuple[int, int, int]]) -> list[Field]:
    """Course columns; ``fills`` maps a course to (sessions, places taken, places offered)."""
    return [
        Field("title", "Course"),
        Field("level", "Level", "int", align="centre"),
        Field("length", "Length", value=lambda c: LENGTHS[c.length]),
        Field("audience", "Audience"),
        Field("default_capacity", "Usual places", "int"),
        Field("sessions", "Sessions", "int", value=lambda c: fills.get(c.id, (0, 0, 0))[0]),
        Field("filled", "Filled", value=lambda c: "   {1} of {2}   ".format(*fills[c.id]) if c.id in fills else "",
              align="centre", fill=lambda c: fills[c.id][1:] if c.id in fills else None,
              tooltip="Places taken of the places offered, all sessions of the course"),
    ]


class ProgrammePanel(QWidget):
    """Courses above, sessions below; opening a session shows its bookings."""

    open_session = Signal(int)
    print_session = Signal(int, str)     # session id, "register" or "certificates"
    status = Signal(str)

    def __init__(self, context: AppContext, *, sessions: Callable[[], list[Session]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        #: every session of the board, earliest first (the Training view's, read once for its tabs)
        self.board_sessions = sessions
        self.fills: dict[int, tuple[int, int, int]] = {}
        self.courses = RecordsModel(course_columns(self.fills))
        self.sessions = RecordsModel(SESSION_COLUMNS)
        self.course_table = record_table("Courses", self.courses)
        self.course_table.setItemDelegateForColumn(6, FillBarDelegate(self.course_table))
        self.course_table.selectionModel().selectionChanged.connect(lambda *_: self._course_chosen())
        self.course_table.doubleClicked.connect(lambda _i: self.edit_course())
        self.session_table = record_table("Sessions", self.sessions)
        self.session_table.setItemDelegateForColumn(6, FillBarDelegate(self.session_table))
        self.session_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.session_table.doubleClicked.connect(lambda _i: self._open_selected())

        self.add_course_button = button("Add co&urse…", self.add_course)
        self.edit_course_button = button("Edi&t course…", self.edit_course)
        self.delete_course_button = button("&Delete course", self.delete_course, "Only a course with no sessions")
        self.all_button = button("Sho&w all sessions", self.show_all_sessions)
        top = column((self.course_table, 1), row(self.add_course_button, self.edit_course_button,
                                                 self.delete_course_button, self.all_button, None))

        self.sessions_label = QLabel()
        self.add_session_button = button("Add &session…", self.add_session)
        self.edit_session_button = button("Edit sessio&n…", self.edit_session)
        self.open_button = button("&Bookings", self._open_selected, "Show the session's bookings")
        self.cancel_session_button = button("Cance&l session…", self.cancel_session,
                                            "Cancels every booking on it, without charge")
        self.delete_session_button = button("Re&move session", self.delete_session, "Only a session with no bookings")
        self.register_button = button("Print &register…", lambda: self._print("register"))
        self.certificates_button = button("Certific&ates…", lambda: self._print("certificates"))
        bottom = column(self.sessions_label, (self.session_table, 1),
                        row(self.add_session_button, self.edit_session_button, self.open_button,
                            self.cancel_session_button, self.delete_session_button, self.register_button,
                            self.certificates_button, None))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([260, 420])
        column(splitter, widget=self)

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        chosen_course = self.selected_course()
        chosen_session = self.selected_session()
        everything = self.board_sessions()
        self.fills.clear()
        for session in everything:
            if not session.cancelled:
                count, taken, offered = self.fills.get(session.course_id, (0, 0, 0))
                self.fills[session.course_id] = (count + 1, taken + session.places_taken, offered + session.capacity)
        self.courses.set_rows(list_courses(bf, board_id))
        if chosen_course is not None:
            self._select(self.course_table, self.courses, lambda c: c.id == chosen_course.id)
        self._show_sessions(chosen_session.id if chosen_session else None, everything)

    def _show_sessions(self, keep: int | None = None, everything: list[Session] | None = None) -> None:
        """List the chosen course's sessions (all of them with no course chosen; ``everything``, when
        the caller has just read every session, saves reading them again)."""
        course = self.selected_course()
        if everything is not None:
            sessions = [s for s in everything if course is None or s.course_id == course.id]
        else:
            sessions = list_sessions(self.context.bf, self.context.board_id, course_id=course.id if course else None)
        self.sessions.set_rows(sessions)
        today = dt.date.today()
        upcoming = sum(1 for s in sessions if s.session_date >= today and not s.cancelled)
        what = course.title if course else "all courses"
        self.sessions_label.setText(f"<b>Sessions of {what}</b>: {len(sessions)}, {upcoming} still to come")
        if keep is not None:
            self._select(self.session_table, self.sessions, lambda s: s.id == keep)
        self.session_table.resizeColumnsToContents()
        for column, widest in ((3, 240), (4, 180), (5, 150)):   # room for the Status column at 1366 wide
            self.session_table.setColumnWidth(column, min(self.session_table.columnWidth(column), widest))
        self.session_table.setColumnWidth(6, max(self.session_table.columnWidth(6), 110))
        self.course_table.resizeColumnsToContents()
        self.course_table.setColumnWidth(0, min(self.course_table.columnWidth(0), 360))
        self._update_buttons()

    @staticmethod
    def _select(view: QTableView, model: RecordsModel, wanted: Callable) -> None:
        for row, item in enumerate(model.rows):
            if wanted(item):
                view.selectRow(row)
                view.scrollTo(model.index(row, 0))
                return

    def _course_chosen(self) -> None:
        self._show_sessions()

    def show_all_sessions(self) -> None:
        self.course_table.clearSelection()
        self._show_sessions()

    def select_course(self, course_id: int) -> None:
        self._select(self.course_table, self.courses, lambda c: c.id == course_id)

    def select_session(self, session_id: int) -> None:
        self.show_all_sessions()
        self._select(self.session_table, self.sessions, lambda s: s.id == session_id)

    def selected_course(self) -> Course | None:
        row = selected_row(self.course_table)
        return None if row is None else self.courses.row_at(row)

    def selected_session(self) -> Session | None:
        row = selected_row(self.session_table)
        return None if row is None else self.sessions.row_at(row)

    def _update_buttons(self) -> None:
        session = self.selected_session()
        course = self.selected_course()
        self.edit_course_button.setEnabled(course is not None)
        self.delete_course_button.setEnabled(course is not None)
        self.add_session_button.setEnabled(bool(self.courses.rows))
        for push in (self.edit_session_button, self.open_button, self.delete_session_button, self.register_button):
            push.setEnabled(session is not None)
        self.cancel_session_button.setEnabled(session is not None and not session.cancelled)
        self.certificates_button.setEnabled(session is not None and not session.cancelled)

    # -- actions -----------------------------------------------------------------------------------------------
    def add_course(self) -> None:
        open_dialog(self, CourseDialog(self.context, parent=self), self._course_saved)

    def edit_course(self) -> None:
        course = self.selected_course()
        if course is not None:
            open_dialog(self, CourseDialog(self.context, course, parent=self), self._course_saved)

    def _course_saved(self, dialog: CourseDialog) -> None:
        self.status.emit(dialog.result_text)
        self._select(self.course_table, self.courses, lambda c: c.id == dialog.course_id)

    def delete_course(self) -> None:
        course = self.selected_course()
        if course is not None:
            self._remove_after_asking("Delete course", f"Delete the course {course.title} from the programme?",
                                      "Keep course", f"Delete course {course.title}",
                                      lambda: check_course_removable(self.context.bf, course.id),
                                      lambda ed: delete_course(ed, self.context.bf, course.id))

    def _remove_after_asking(self, action: str, question: str, keep: str, description: str,
                             check: Callable[[], None], remove: Callable[[Action], None]) -> None:
        """Say why something cannot go (``check`` refuses), else ask, then ``remove`` it as one undo step."""
        try:
            check()
        except SGDeskError as error:
            show_error(self, error, action)
            return
        if not confirm(self, action, question, action, keep):
            return
        try:
            with self.context.edit(description) as ed:
                remove(ed)
        except SGDeskError as error:
            show_error(self, error, action)

    def add_session(self) -> None:
        course = self.selected_course()
        open_dialog(self, SessionDialog(self.context, course_id=course.id if course else None, parent=self),
                    self._session_saved)

    def edit_session(self) -> None:
        session = self.selected_session()
        if session is not None:
            open_dialog(self, SessionDialog(self.context, session, parent=self), self._session_saved)

    def _session_saved(self, dialog: SessionDialog) -> None:
        self.status.emit(dialog.result_text)
        self._select(self.session_table, self.sessions, lambda s: s.id == dialog.session_id)

    def cancel_session(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        if not confirm(self, "Cancel session", f"Cancel {session.label}? Its {session.places_taken} booked "
                       f"delegate(s) and {session.waiting} on the waiting list are cancelled, and nobody is charged.",
                       "Cancel session", "Keep session"):
            return
        try:
            with self.context.edit(f"Cancel session {session.label}") as ed:
                count = cancel_session(ed, self.context.bf, session.id, on=dt.date.today())
        except SGDeskError as error:
            show_error(self, error, "Cancel session")
            return
        self.status.emit(f"Cancelled {session.label} and its {count} booking(s), without charge")

    def delete_session(self) -> None:
        session = self.selected_session()
        if session is not None:
            self._remove_after_asking("Remove session", f"Remove the session {session.label} from the programme?",
                                      "Keep session", f"Remove session {session.label}",
                                      lambda: check_session_removable(self.context.bf, session.id),
                                      lambda ed: delete_session(ed, self.context.bf, session.id))

    def _open_selected(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.open_session.emit(session.id)

    def _print(self, what: str) -> None:
        session = self.selected_session()
        if session is not None:
            self.print_session.emit(session.id, what)
