"""Training > Bookings: a session's bookings (or the whole programme's), searched as you type,
with book, cancel, substitute and promote, and the register mode."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.gui.training.dialogs import BookingDialog, CancelDialog, SubstituteDialog
from sgdesk.gui.training.models import BookingsModel
from sgdesk.gui.training.register import RegisterPanel
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import open_dialog, show_error
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.record_table import selected_row
from sgdesk.gui.widgets.views import column, record_table, row
from sgdesk.training.bookings import (
    booking_history,
    mark_told,
    promote_from_waiting_list,
    set_approved,
    untold_promotions,
)
from sgdesk.training.model import (
    Booking,
    Session,
    check_register_open,
    get_booking,
    get_delegate,
    get_session,
    session_state,
)


def _session_choice(session: Session | None) -> str:
    if session is None:
        return "All sessions (latest first)"
    state = " (cancelled)" if session.cancelled else f" — {session.places_taken} of {session.capacity}"
    return session.label + state


#: column widths for the whole programme (a session's bookings are sized to their contents)
_WIDTHS = (250, 170, 200, 170, 95, 75, 70, 230)


class BookingsPanel(QWidget):
    status = Signal(str)

    def __init__(self, context: AppContext, *, sessions: Callable[[], list[Session]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        #: every session of the board, earliest first (the Training view's, read once for its tabs)
        self.board_sessions = sessions
        self.session: Session | None = None
        self.model = BookingsModel(context.bf, context.board_id)
        # one model for the whole list: a programme may hold thousands of sessions
        self.sessions = RecordsModel([Field("session", "Session", value=_session_choice)])
        self.session_combo = QComboBox()
        self.session_combo.setModel(self.sessions)
        self.session_combo.setAccessibleName("Session")
        self.session_combo.setMinimumWidth(420)
        # wide enough for a session's label, rather than for the longest: finding that read every session
        self.session_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session_combo.setMinimumContentsLength(60)
        self.session_combo.currentIndexChanged.connect(lambda _i: self._session_chosen())
        session_label = QLabel("&Session:")
        session_label.setBuddy(self.session_combo)
        self.search = QLineEdit()
        self.search.setAccessibleName("Search bookings")
        self.search.setPlaceholderText("Search name, email or organisation")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        search_label = QLabel("Se&arch:")
        search_label.setBuddy(self.search)
        self.info = QLabel()
        self.info.setAccessibleName("Session details")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Places given from the waiting list")

        self.table = record_table("Bookings", self.model, frozen=2)     # the session and the delegate
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.history = QListWidget()
        self.history.setAccessibleName("Status history")
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(column(QLabel("<b>Status history</b>"), (self.history, 1)))
        splitter.setSizes([980, 200])

        self.book_button = button("&Book…", self.book, "Book a place (the waiting list when the session is full)")
        self.cancel_button = button("Ca&ncel booking…", self.cancel,
                                    "Cancel on a date; late cancellations are charged")
        self.substitute_button = button("S&ubstitute…", self.substitute, "Someone else takes the place, free")
        self.promote_button = button("&Promote from waiting list", self.promote,
                                     "Give free places to the first on the waiting list")
        self.told_button = button("&Told about the place", self.told,
                                  "Record that the delegate given a place from the waiting list has been told")
        self.approved_button = button("Manager approve&d", self.toggle_approved, "Record the line manager's approval")
        self.register_button = QPushButton("Take &register")
        self.register_button.setAccessibleName("Take register")
        explain(self.register_button, "Mark who came, on or after the session's day: A or Space attended, D did "
                                      "not attend, Delete clears")
        self.register_button.setCheckable(True)
        self.register_button.toggled.connect(self._register_toggled)
        actions = row(self.book_button, self.cancel_button, self.substitute_button, self.promote_button,
                      self.told_button, self.approved_button, None, self.register_button)

        self.register = RegisterPanel(context)
        self.register.finished.connect(lambda: self.register_button.setChecked(False))
        self.register.status.connect(self.status)
        self.stack = QStackedWidget()
        self.stack.addWidget(column((splitter, 1), actions))
        self.stack.addWidget(self.register)
        column(row(session_label, self.session_combo, search_label, (self.search, 1)), self.info, self.banner,
               (self.stack, 1), widget=self)

    # -- what is shown ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the session list and the bookings, keeping the session and booking chosen."""
        chosen = self.chosen_session_id()
        self.session_combo.blockSignals(True)
        self.sessions.set_rows([None, *reversed(self.board_sessions())])
        self.session_combo.setCurrentIndex(self._session_row(chosen))
        self.session_combo.blockSignals(False)
        self._load(keep=self.selected_booking_id())
        if self.register_button.isChecked():
            self.register.refresh()

    def show_session(self, session_id: int | None, *, register: bool = False) -> None:
        self.session_combo.setCurrentIndex(self._session_row(session_id))
        self.register_button.setChecked(register and session_id is not None)

    def chosen_session_id(self) -> int | None:
        row = self.session_combo.currentIndex()
        session = self.sessions.row_at(row) if 0 <= row < self.sessions.rowCount() else None
        return None if session is None else session.id

    def _session_row(self, session_id: int | None) -> int:
        return next((row for row, s in enumerate(self.sessions.rows) if s is not None and s.id == session_id), 0)

    def _session_chosen(self) -> None:
        self.register_button.setChecked(False)
        self._load()

    def _load(self, keep: int | None = None) -> None:
        session_id = self.chosen_session_id()
        self.session = None if session_id is None else get_session(self.context.bf, session_id)
        self.model.board_id = self.context.board_id
        self.model.load(session_id)
        QTimer.singleShot(0, self.model, self.model.prepare_search)   # not once the model has gone
        self.table.setColumnHidden(0, session_id is not None)
        if session_id is None:
            for column, width in enumerate(_WIDTHS):
                self.table.setColumnWidth(column, width)
        else:
            self.table.resizeColumnsToContents()
            for column, widest in ((1, 180), (2, 210), (3, 200)):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        if keep is not None and (row := self.model.row_of(keep)) is not None:
            self.table.selectRow(row)
        self._show_session_info()
        self._selection_changed()

    def _search(self, text: str) -> None:
        keep = self.selected_booking_id()
        self.model.set_search(text)
        if keep is not None and (row := self.model.row_of(keep)) is not None:
            self.table.selectRow(row)
        self._selection_changed()

    def _show_session_info(self) -> None:
        session = self.session
        if session is None:
            self.info.setText(f"{self.model.rowCount():,} bookings on all sessions. Choose a session to book, "
                              "cancel or take its register.")
            self.banner.hide()
            return
        today = dt.date.today()
        state = session_state(session, today)
        register = f" (register can be taken from {format_date(session.session_date)})" \
            if not session.cancelled and session.session_date > today else ""
        self.info.setText(f"<b>{state}</b>{register} · <b>{session.course_title}</b> · "
                          f"{format_date(session.session_date)}, "
                          f"{session.start_time}–{session.end_time} · {session.where} · trainer "
                          f"{session.trainer or 'to be confirmed'} · <b>{session.places_taken} of {session.capacity}"
                          f"</b> places taken · {session.waiting} waiting")
        untold = untold_promotions(self.context.bf, self.context.board_id, session.id)
        if untold:
            names = "; ".join(f"{p.delegate} (on {format_date(p.promoted_on)})" for p in untold)
            self.banner.setText(f"Given a place from the waiting list: {names}. Tell them, then select them and "
                                "click 'Told about the place'.")
            self.banner.show()
        else:
            self.banner.hide()

    # -- selection -------------------------------------------------------------------------------------
    def selected_booking_id(self) -> int | None:
        row = selected_row(self.table)
        return None if row is None else self.model.booking_id(row)

    def selected_booking(self) -> Booking | None:
        booking_id = self.selected_booking_id()
        return None if booking_id is None else get_booking(self.context.bf, booking_id)

    def select_booking(self, booking_id: int) -> None:
        row = self.model.row_of(booking_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 1))

    def _selection_changed(self) -> None:
        booking = self.selected_booking()
        open_session = self.session is not None and not self.session.cancelled
        self.book_button.setEnabled(open_session)
        self.promote_button.setEnabled(open_session and bool(self.session.waiting) and self.session.free_places > 0)
        refusal = self._register_refusal()
        self.register_button.setEnabled(open_session and self.session.places_taken > 0 and refusal is None)
        self.register_button.setToolTip(refusal[0].upper() + refusal[1:] if refusal
                                        else "Mark who came, from the keyboard")
        self.cancel_button.setEnabled(booking is not None and booking.status in ("confirmed", "waitlisted"))
        self.substitute_button.setEnabled(booking is not None and booking.status == "confirmed")
        self.told_button.setEnabled(booking is not None and booking.promoted_on is not None
                                    and not booking.promotion_told)
        self.approved_button.setEnabled(booking is not None)
        self.approved_button.setText("Manager approve&d" if booking is None or not booking.approved
                                     else "Not approve&d")
        self.history.clear()
        if booking is not None:
            for entry in booking_history(self.context.bf, booking.id):
                self.history.addItem(f"{format_date(entry.on)}: {entry.text}")

    # -- actions ------------------------------------------------------------------------------------------
    def _run_dialog(self, dialog) -> None:
        open_dialog(self, dialog, self._dialog_saved)

    def _dialog_saved(self, dialog) -> None:
        self.status.emit(dialog.result_text)
        self.select_booking(dialog.booking_id)

    def book(self) -> None:
        if self.session is not None:
            self._run_dialog(BookingDialog(self.context, self.session, parent=self))

    def cancel(self) -> None:
        booking_id = self.selected_booking_id()
        if booking_id is not None:
            self._run_dialog(CancelDialog(self.context, booking_id, parent=self))

    def substitute(self) -> None:
        booking_id = self.selected_booking_id()
        if booking_id is not None:
            self._run_dialog(SubstituteDialog(self.context, booking_id, parent=self))

    def promote(self) -> None:
        if self.session is None:
            return
        try:
            with self.context.edit(f"Promote from the waiting list: {self.session.label}") as ed:
                promoted = promote_from_waiting_list(ed, self.context.bf, self.session.id, on=dt.date.today())
        except SGDeskError as error:
            show_error(self, error, "Promote from the waiting list")
            return
        names = ", ".join(get_delegate(self.context.bf, get_booking(self.context.bf, b).delegate_id).name
                          for b in promoted)
        self.status.emit(f"Given a place from the waiting list: {names}. Tell them.")

    def told(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            name = get_delegate(self.context.bf, booking.delegate_id).name
            with self.context.edit(f"{name} told about the place") as ed:
                mark_told(ed, booking.id)

    def toggle_approved(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            name = get_delegate(self.context.bf, booking.delegate_id).name
            verb = "withdrawn" if booking.approved else "given"
            with self.context.edit(f"Manager's approval {verb} for {name}") as ed:
                set_approved(ed, booking.id, not booking.approved)

    def _register_refusal(self) -> str | None:
        """Why the chosen session's register cannot be taken today (None when it can)."""
        if self.session is None:
            return None
        try:
            check_register_open(self.session, dt.date.today())
        except SGDeskError as error:
            return str(error)
        return None

    def _register_toggled(self, on: bool) -> None:
        if on and (refusal := self._register_refusal()) is not None:
            self.register_button.setChecked(False)
            show_error(self, SGDeskError(refusal), "Take register")
            return
        self.search.setEnabled(not on)
        if on and self.session is not None:
            self.register.show_session(self.session.id)
            self.stack.setCurrentWidget(self.register)
        else:
            self.stack.setCurrentIndex(0)
            self.table.setFocus()
