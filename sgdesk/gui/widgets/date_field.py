"""The one date picker on every form: dd/mm/yyyy, a calendar to choose from, and typing as SG Desk reads dates.

:class:`DateField` is a QDateEdit with its calendar popup, showing UK dates (21/09/2017). A date may
also be typed any way the importers read one (21/9/17, 21 Sep 2017, 2017-09-21): it is shown as
dd/mm/yyyy when the field is left. Text that is not a date is kept as typed, not put back to the
last date, and marked, so the form can say what is wrong with it (see :mod:`sgdesk.gui.widgets.forms`).
A date that may be left out is blank ("not set") until one is chosen; Delete clears it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QStyledItemDelegate, QWidget

from sgdesk.dates import format_date_numeric, parse_date
from sgdesk.errors import SGDeskError

#: what a blank date that may be left out shows
NOT_SET = "not set"
#: the value standing for blank (the field's minimum; shown as NOT_SET)
BLANK = QDate(1900, 1, 1)
#: the property of a cell's editor holding the text it opened with (to tell whether it was changed)
STORED = "storedText"


class DateCellDelegate(QStyledItemDelegate):
    """A table's date cells edited with the same picker; what is typed goes to the table's saver as text."""

    def createEditor(self, parent: QWidget, _option, index: QModelIndex) -> QWidget:  # noqa: N802
        heading = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        return DateField(str(heading or "Date"), optional=True, parent=parent)

    def setEditorData(self, editor: DateField, index: QModelIndex) -> None:  # noqa: N802
        stored = str(index.data(Qt.ItemDataRole.EditRole) or "")
        try:
            editor.set_day(parse_date(stored) if stored.strip() else None)
        except SGDeskError:
            editor.lineEdit().setText(stored)
        editor.setProperty(STORED, editor.lineEdit().text())

    def setModelData(self, editor: DateField, model, index: QModelIndex) -> None:  # noqa: N802
        try:
            day = editor.day()
            text = "" if day is None else format_date_numeric(day)
        except SGDeskError:
            text = editor.lineEdit().text()         # the saver says what is wrong with it
        model.setData(index, text)


class DateField(QDateEdit):
    """A date, picked from the calendar or typed; ``optional`` ones may be blank (their :meth:`day` is None)."""

    #: the text typed was left and is not a date (its problem), or is one again ("")
    problem_changed = Signal(str)

    def __init__(self, name: str, day: dt.date | None = None, *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.problem = ""
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setKeyboardTracking(False)       # read when the field is left or Enter pressed, not at each key
        self.setAccessibleName(name)
        self.setMinimumDate(BLANK)
        if optional:
            self.setSpecialValueText(NOT_SET)
        self.setToolTip("Type the date (21/09/2017, 21 Sep 2017...) or choose it from the calendar"
                        + ("; Delete clears it" if optional else ""))
        self.set_day(day)
        self.calendarWidget().installEventFilter(self)

    # -- the value -----------------------------------------------------------------------------------
    def day(self) -> dt.date | None:
        """The date shown or typed; None when blank. Raises SGDeskError when the text typed is not a date."""
        text = self.lineEdit().text().strip()
        if self.optional and text in ("", NOT_SET):
            return None
        if not text:
            return None
        return parse_date(text)

    def set_day(self, day: dt.date | None) -> None:
        if day is None:
            day = None if self.optional else dt.date.today()
        self.setDate(BLANK if day is None else QDate(day.year, day.month, day.day))
        self._set_problem("")

    def setText(self, text: str) -> None:  # noqa: N802 (as a line edit's)
        """Type ``text`` into the field and leave it, as the user would."""
        self.lineEdit().setText(text)
        self._left()

    # -- reading what is typed -------------------------------------------------------------------------
    def validate(self, text: str, pos: int) -> object:
        state = QValidator.State.Acceptable if self._reads(text) else QValidator.State.Intermediate
        return state, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802
        day = self._reads(text)
        if not isinstance(day, dt.date):
            return QDateTime(BLANK, QTime(0, 0))
        return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))

    def _reads(self, text: str) -> dt.date | bool | None:
        """The date ``text`` says, True for a blank allowed, None when it is not a date."""
        text = text.strip()
        if text in ("", NOT_SET):
            return True if self.optional else None
        try:
            return parse_date(text)
        except SGDeskError:
            return None

    # -- leaving the field: text that is not a date stays as typed, marked ---------------------------------
    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self._left():
            super().focusOutEvent(event)
        else:
            QWidget.focusOutEvent(self, event)     # not QDateEdit's, which would put the last date back

    def focusInEvent(self, event) -> None:  # noqa: N802
        if self.problem:                           # not QDateEdit's, which would read it its own way (28/02)
            QWidget.focusInEvent(self, event)
            self.lineEdit().event(event)           # the text's cursor, as on any field
        else:
            super().focusInEvent(event)

    def _left(self) -> bool:
        """Check the text as the field is left: True when it is a date (or blank where allowed)."""
        text = self.lineEdit().text()
        day = self._reads(text)
        if day is not None:
            self.setDate(QDate(day.year, day.month, day.day) if isinstance(day, dt.date) else BLANK)
            self._set_problem("")
            return True
        try:
            if not text.strip():
                raise SGDeskError(f"{self.accessibleName()} is empty: type the date, as in 21/09/2017")
            parse_date(text)
        except SGDeskError as error:
            self._set_problem(f"{self.accessibleName()}: {error}")
        return False

    def _set_problem(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            self.setProperty("invalid", bool(problem))
            self.style().unpolish(self)
            self.style().polish(self)
            self.problem_changed.emit(problem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        whole = self.lineEdit().selectedText() == self.lineEdit().text()
        if self.optional and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and whole:
            self.set_day(None)
            return
        if event.text() and event.text().isprintable():
            QAbstractSpinBox.keyPressEvent(self, event)   # typed as written: not QDateEdit's, which fills in
            return                                        # day, month and year in turn (31/02 became 28/02)
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A blank date's calendar opens on this month, not on the blank's 1900."""
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.date() == BLANK:
            today = dt.date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return False
