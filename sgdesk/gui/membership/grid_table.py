"""The attendance grid's table: keyboard entry, Delete to clear, copy and paste with Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from sgdesk.errors import SGDeskError
from sgdesk.gui.membership.grid_model import LEADING, TRAILING, AttendanceModel
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.frozen import FrozenTable

#: keys that set a mark straight away (en dash too, as Word and Excel turn "-" into one)
MARK_KEYS = {"y": "Y", "d": "D", "a": "A", "n": "N", "-": "-", "\u2013": "-"}


class AttendanceTable(FrozenTable):
    """Type Y, D, A, N or - to mark the selected cells; arrows and Tab move; Delete clears;
    Ctrl+V pastes a block copied from Excel; Ctrl+C copies the selected marks. Organisation and
    Representative stay at the left, Expected and % at the right, while the meetings scroll."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("attendanceGrid")
        self.setAccessibleName("Attendance grid")
        self.setAccessibleDescription("Rows are seats and columns are meetings. Type Y, D, A, N or minus to mark "
                                      "attendance, Delete to clear, Control V to paste from Excel.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(52)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit_columns)
        self.freeze(len(LEADING), len(TRAILING))
        model.headerDataChanged.connect(lambda _orientation, first, last: self.fit_meeting_columns(first, last))

    @property
    def grid_model(self) -> AttendanceModel:
        return self.model()  # type: ignore[return-value]

    def fit_columns(self) -> None:
        """Names as wide as they need (within reason), marks narrow, a flagged meeting wide enough to say so."""
        model = self.grid_model
        for column in range(model.columnCount()):
            if model.meeting_at(column) is None:
                self.resizeColumnToContents(column)
                least = 120 if column < len(LEADING) else 64
                self.setColumnWidth(column, min(max(self.columnWidth(column), least), 280))
        self.fit_meeting_columns(0, model.columnCount() - 1)

    def fit_meeting_columns(self, first: int, last: int) -> None:
        model = self.grid_model
        for column in range(first, last + 1):
            if model.meeting_at(column) is not None:
                lines = str(model.headerData(column, Qt.Orientation.Horizontal)).count("\n")
                self.setColumnWidth(column, 96 if lines > 1 else 64)

    def selected_cells(self) -> list[tuple[int, int]]:
        cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        text = event.text().casefold()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        if plain and text in MARK_KEYS:
            self._mark(MARK_KEYS[text])
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            cells = self.selected_cells()
            marks = self.grid_model.marks_in(cells)
            if marks < 2 or confirm(self, "Clear marks", f"Clear {marks} attendance marks?", "Clear marks",
                                    "Keep marks"):
                self._guarded(lambda: self.grid_model.set_marks(cells, None))
            return
        super().keyPressEvent(event)

    def _mark(self, mark: str) -> None:
        cells = self.selected_cells()
        if not self._guarded(lambda: self.grid_model.set_marks(cells, mark)):
            return
        if len(cells) == 1:  # like Enter in Excel: on to the next seat
            row, column = cells[0]
            below = self.grid_model.index(min(row + 1, self.grid_model.rowCount() - 1), column)
            self.setCurrentIndex(below)

    def _guarded(self, work) -> bool:
        """Run an edit; show a refusal as a message, never a traceback."""
        try:
            work()
        except SGDeskError as error:
            show_error(self, error, "Attendance not changed")
            return False
        return True

    def paste_clipboard(self) -> None:
        current = self.currentIndex()
        cells = self.selected_cells()
        if cells:
            top_left = (min(r for r, _c in cells), min(c for _r, c in cells))
        elif current.isValid():
            top_left = (current.row(), current.column())
        else:
            return
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self._guarded(lambda: self.grid_model.paste(*top_left, text))

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = sorted({r for r, _c in cells})
        columns = sorted({c for _r, c in cells})
        model = self.grid_model
        chosen = set(cells)
        lines = ["\t".join(str(model.index(r, c).data() or "") if (r, c) in chosen else "" for c in columns)
                 for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines))

    def select_cell(self, row: int | None, column: int | None) -> None:
        if row is None and column is None:
            return
        index = self.grid_model.index(row if row is not None else 0, column if column is not None else 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)