"""Register mode: tick attendance after a session, fast, from the keyboard.

The register's letters (core :data:`~sgdesk.training.model.REGISTER_MARKS`): P or Space marks
the selected delegate present, X did not attend, Delete clears the mark; the selection then moves
down to the next delegate. Each mark is one Undo step. Another letter (A and D out of habit from
the attendance grid, where they mean apologies and deputy) marks nothing and says which letters do.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QWidget

from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.frozen import FrozenTable
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.views import column, record_table, row
from sgdesk.training.bookings import mark_attendance
from sgdesk.training.model import (
    REGISTER_KEY,
    REGISTER_MARKS,
    Attendee,
    get_session,
    register_mark,
    register_of,
)

_KEYS = {Qt.Key.Key_Space: "attended", Qt.Key.Key_Delete: "confirmed", Qt.Key.Key_Backspace: "confirmed",
         **{Qt.Key(ord(mark.letter)): mark.status for mark in REGISTER_MARKS}}
KEY_HELP = (f"Key: {' · '.join(f'<b>{m.letter}</b> {m.meaning}' for m in REGISTER_MARKS)}. Type the letter "
            "(or Space for present); <b>Delete</b> clears; <b>↑ ↓</b> move. Each mark can be undone (Ctrl+Z).")
NOT_A_MARK = f"Not a register mark: type {' or '.join(m.letter for m in REGISTER_MARKS)} ({REGISTER_KEY})"


def mark_text(status: str) -> str:
    """``P  Present``: a place's mark as the register shows it (blank when not marked yet)."""
    mark = register_mark(status)
    return "" if mark is None else f"{mark.letter}  {mark.meaning.capitalize()}"


class RegisterTable(FrozenTable):
    """The register; marking keys emit ``mark`` with the row and the status chosen."""

    mark = Signal(int, str)
    not_a_mark = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        status = _KEYS.get(Qt.Key(event.key()))
        row = self.currentIndex().row()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if status is not None and row >= 0 and plain:
            self.mark.emit(row, status)
            event.accept()
            return
        if plain and event.text().isalpha():
            self.not_a_mark.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RegisterPanel(QWidget):
    """The register of one session; ``finished`` when the administrator is done."""

    finished = Signal()
    status = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.model = RecordsModel([Field("name", "Name"), Field("organisation", "Organisation"),
                                   Field("status", "Attendance", value=lambda e: mark_text(e.status))])
        self.table = record_table("Register", self.model, view_class=RegisterTable)
        self.table.mark.connect(self._mark)
        self.table.not_a_mark.connect(lambda: self.counts.setText(NOT_A_MARK))
        self.heading = QLabel()
        self.counts = QLabel()
        self.counts.setAccessibleName("Register totals")
        help_text = QLabel(KEY_HELP)
        help_text.setObjectName("registerKey")
        help_text.setAccessibleName("Register key")
        buttons = row(button("Mark the &rest present", self.mark_rest,
                             "Everyone not yet marked is marked P, present"),
                      None, button("&Done", self.finished.emit, "Back to the bookings"))
        column(self.heading, help_text, (self.table, 1), self.counts, buttons, widget=self)

    def show_session(self, session_id: int) -> None:
        self.session_id = session_id
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def refresh(self) -> None:
        if self.session_id is None:
            return
        row = max(self.table.currentIndex().row(), 0)
        session = get_session(self.context.bf, self.session_id)
        self.heading.setText(f"<b>Register: {session.label}</b>")
        self.model.set_rows(register_of(self.context.bf, self.session_id))
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        marked = [e.status for e in self.model.rows]
        self.counts.setText(f"{marked.count('attended')} present, {marked.count('dna')} did not attend, "
                            f"{marked.count('confirmed')} still to mark")

    def _mark(self, row: int, status: str) -> None:
        entry: Attendee = self.model.row_at(row)
        if entry.status == status:      # nothing to change: just move on
            self.table.selectRow(min(row + 1, self.model.rowCount() - 1))
            return
        label = {"attended": "present", "dna": "did not attend", "confirmed": "unmarked"}[status]
        try:
            with self.context.edit(f"Register: {entry.name} {label}") as ed:
                mark_attendance(ed, self.context.bf, entry.booking_id, status, on=dt.date.today())
        except SGDeskError as error:
            show_error(self, error, "Register")
            return
        self.table.selectRow(min(row + 1, self.model.rowCount() - 1))

    def mark_rest(self) -> None:
        rest = [e for e in self.model.rows if e.status == "confirmed"]
        if not rest:
            return
        try:
            with self.context.edit(f"Register: {len(rest)} marked present") as ed:
                for entry in rest:
                    mark_attendance(ed, self.context.bf, entry.booking_id, "attended", on=dt.date.today())
        except SGDeskError as error:
            show_error(self, error, "Register")
            return
        self.status.emit(f"Marked {len(rest)} delegate(s) present")
