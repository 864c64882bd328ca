"""The attendance grid as a Qt model: seats by meetings, marks as text and colour, live totals.

Rows are seats; columns are Organisation, Representative, one per meeting, then Expected and %.
Every change goes through ``context.edit`` (one undoable action per keystroke or pasted block);
the model reads the marks back from the board file when the change arrives, so it always shows
what is stored, including after Edit > Undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from sgdesk.errors import InputError
from sgdesk.fyear import Period
from sgdesk.gui.widgets.context import AppContext
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import Body
from sgdesk.membership.flags import Flag, QuorumRule, all_flags, get_quorum_rule
from sgdesk.membership.grid import AttendanceGrid, Cell, load_grid, record_span
from sgdesk.membership.marks import describe, parse_mark
from sgdesk.membership.meetings import Meeting
from sgdesk.membership.seats import Seat, person_for
from sgdesk.reporting import format_cell

#: (background, text) per mark; the mark's letter is always shown as well
MARK_COLOURS = {
    "Y": ("#DFF0D8", "#1E5B1E"),
    "D": ("#D9EAF7", "#1F4E79"),
    "A": ("#FFF1CC", "#6B4700"),
    "N": ("#F8D7DA", "#8B1A1A"),
    "-": ("#ECECEC", "#555555"),
}
IMPLIED_COLOURS = ("#F6F6F6", "#8A8A8A")
MISSING_HATCH = "#C99A2E"
LEADING = ("Organisation", "Representative")
TRAILING = ("Expected", "%")
MarkRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CellRef:
    """One cell of the attendance grid: a seat at a meeting."""

    seat: Seat
    meeting: Meeting


class AttendanceModel(QAbstractTableModel):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.grid: AttendanceGrid | None = None
        self.rule = QuorumRule()
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading --------------------------------------------------------------------------------
    def load(self, body: Body, period: Period | None) -> None:
        self.beginResetModel()
        self.grid = load_grid(self.context.bf, body, period)
        self.rule = get_quorum_rule(self.context.bf, body)
        self.endResetModel()

    def reload_marks(self, attendance_ids: frozenset[int] | None = None) -> None:
        """Re-read the marks after an edit or undo (just ``attendance_ids`` when given) and recount.

        Only the cells that changed, their rows' totals and any meeting that became recorded or
        unrecorded are redrawn; the layout stays as it is.
        """
        if self.grid is None:
            return
        if attendance_ids is None:
            self.grid.reload_marks(self.context.bf)
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return
        changes = self.grid.reread_marks(self.context.bf, attendance_ids)
        cells = [(self.row_of_seat(seat_id), self.column_of_meeting(meeting_id))
                 for seat_id, meeting_id in changes.cells]
        cells = [(row, column) for row, column in cells if row is not None and column is not None]
        last = self.columnCount() - 1
        if cells:  # one signal for the block of changed cells through to the totals at the end of their rows
            top, bottom = min(r for r, _c in cells), max(r for r, _c in cells)
            self.dataChanged.emit(self.index(top, min(c for _r, c in cells)), self.index(bottom, last))
        flipped = [c for c in map(self.column_of_meeting, changes.flipped_meetings) if c is not None]
        if flipped:  # a meeting became recorded or unrecorded: its whole column and its heading change
            self.dataChanged.emit(self.index(0, min(flipped)), self.index(self.rowCount() - 1, max(flipped)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(flipped), max(flipped))

    def flags_list(self) -> list[Flag]:
        return [] if self.grid is None else all_flags(self.grid, self.rule)

    # -- geometry ---------------------------------------------------------------------------------
    @property
    def meetings(self) -> list[Meeting]:
        return [] if self.grid is None else self.grid.meetings

    def meeting_at(self, column: int) -> Meeting | None:
        index = column - len(LEADING)
        return self.meetings[index] if 0 <= index < len(self.meetings) else None

    def column_of_meeting(self, meeting_id: int) -> int | None:
        index = None if self.grid is None else self.grid.column_of(meeting_id)
        return None if index is None else index + len(LEADING)

    def row_of_seat(self, seat_id: int) -> int | None:
        return None if self.grid is None else self.grid.row_of(seat_id)

    def cell_at(self, row: int, column: int) -> CellRef | None:
        meeting = self.meeting_at(column)
        if self.grid is None or meeting is None or not 0 <= row < len(self.grid.seats):
            return None
        return CellRef(self.grid.seats[row], meeting)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.seats)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.grid is None:
            return 0
        return len(LEADING) + len(self.grid.meetings) + len(TRAILING)

    # -- what cells show --------------------------------------------------------------------------
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        seat = self.grid.seats[index.row()]
        column = index.column()
        meeting = self.meeting_at(column)
        if meeting is not None:
            return self._mark_data(self.grid.cell(seat, meeting), seat, meeting, role)
        if column < len(LEADING):
            return self._seat_data(seat, column, role)
        return self._total_data(seat, column - len(LEADING) - len(self.grid.meetings), role)

    def _seat_data(self, seat: Seat, column: int, role: int):
        span = record_span(self.grid)
        if role == Qt.ItemDataRole.DisplayRole:
            return seat.shown_as if column == 0 else seat.representative_name(span)
        if role == Qt.ItemDataRole.ToolTipRole:
            deputies = ", ".join(h.name for h in seat.holders if h.kind == "deputy") or "none"
            return (f"{seat.organisation_name}\nRole: {seat.role}"
                    f"{' (statutory partner)' if seat.statutory else ''}\nDeputies: {deputies}")
        return None

    def _total_data(self, seat: Seat, which: int, role: int):
        totals = self.grid.totals(seat)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(totals.expected) if which == 0 else format_cell(totals.percent, "percent")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"Expected {totals.expected}: present {totals.present}, by deputy {totals.by_deputy}, "
                    f"apologies {totals.apologies}, absent {totals.absent}")
        if role == Qt.ItemDataRole.FontRole and which == 1:
            return self._bold
        return None

    def _mark_data(self, cell: Cell, seat: Seat, meeting: Meeting, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, MarkRole):
            return cell.mark or ""
        if role == Qt.ItemDataRole.EditRole:
            return "" if cell.implied else (cell.mark or "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.implied:
                return QBrush(QColor(IMPLIED_COLOURS[0]))
            if cell.mark:
                return QBrush(QColor(MARK_COLOURS[cell.mark][0]))
            # hatched, so a cell waiting for a mark never looks like a mark's solid colour
            return QBrush(QColor(MISSING_HATCH), Qt.BrushStyle.BDiagPattern) if cell.missing else None
        if role == Qt.ItemDataRole.ForegroundRole and cell.mark:
            return QBrush(QColor(IMPLIED_COLOURS[1] if cell.implied else MARK_COLOURS[cell.mark][1]))
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if cell.implied else self._bold
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{seat.shown_as}, {meeting.heading}: {self._explain(cell, meeting)}"
        return None

    def explain(self, ref: CellRef) -> str:
        """What the cell's mark means, in words (with the deputy's name and any note)."""
        return self._explain(self.grid.cell(ref.seat, ref.meeting), ref.meeting)

    @staticmethod
    def _explain(cell: Cell, meeting: Meeting) -> str:
        if cell.implied:
            return "not expected (the seat did not exist on this date)"
        if cell.mark is None:
            if cell.missing:
                return "no mark yet; this meeting is recorded, so this seat needs one"
            return "no mark" + ("" if meeting.is_held else f" (the meeting is {meeting.status})")
        text = describe(cell.mark)
        record = cell.record
        if record is not None and record.deputy_name:
            text += f" ({record.deputy_name})"
        if record is not None and record.note:
            text += f"\nNote: {record.note}"
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None  # rows are named by their first two columns (and PySide's base call leaks here)
        meeting = self.meeting_at(section)
        if meeting is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return (LEADING + TRAILING)[section if section < len(LEADING) else section - len(self.meetings)]
            return None
        unrecorded = meeting.is_held and not self.grid.is_recorded(meeting)
        note = "not recorded" if unrecorded else ("" if meeting.is_held else meeting.status)
        if role == Qt.ItemDataRole.DisplayRole:
            day_month, year = meeting.heading.rsplit(" ", 1)
            return f"{day_month}\n{year}" + (f"\n{note}" if note else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            details = ", ".join(part for part in (meeting.starts_at, meeting.where) if part)
            return f"{meeting.heading}{f' ({details})' if details else ''}: {meeting.status}" + \
                (" — held but no attendance recorded yet; it is not counted" if unrecorded else "")
        if role == Qt.ItemDataRole.ForegroundRole and note:
            return QBrush(QColor("#8A5A00"))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.meeting_at(index.column()) is not None and not self.context.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing ----------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Typing a word into a cell (double-click or F2): Y, Apologies, D (name)..."""
        ref = self.cell_at(index.row(), index.column())
        if role != Qt.ItemDataRole.EditRole or ref is None:
            return False
        mark, deputy = parse_mark(value)
        self.write([(ref, mark, deputy)], f"Mark attendance: {ref.seat.shown_as}, {ref.meeting.heading}")
        return True

    def marks_in(self, cells: list[tuple[int, int]]) -> int:
        """How many of ``cells`` (row, column) hold a mark."""
        refs = [ref for ref in (self.cell_at(r, c) for r, c in cells) if ref is not None]
        return sum((ref.seat.id, ref.meeting.id) in self.grid.marks for ref in refs) if self.grid else 0

    def set_marks(self, cells: list[tuple[int, int]], mark: str | None) -> int:
        """Give every cell in ``cells`` (row, column) the same mark, or clear them (None); one undo step."""
        refs = [ref for ref in (self.cell_at(r, c) for r, c in cells) if ref is not None]
        if not refs:
            return 0
        if len(refs) == 1:
            ref = refs[0]
            what = f"{ref.seat.shown_as}, {ref.meeting.heading}"
        else:
            what = f"{len(refs)} cells"
        verb = "Clear attendance" if mark is None else "Mark attendance"
        return self.write([(ref, mark, None) for ref in refs], f"{verb}: {what}" + (f" ({mark})" if mark else ""))

    def paste(self, row: int, column: int, text: str) -> int:
        """Write a block of tab-separated marks (as Excel copies them) from ``(row, column)``; one undo step.

        Every cell is read first; an unreadable one, or a block running off the grid, writes nothing.
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        cells: list[tuple[CellRef, str | None, str | None]] = []
        for r, line in enumerate(lines):
            for c, value in enumerate(line.split("\t")):
                ref = self.cell_at(row + r, column + c)
                if ref is None:
                    raise InputError("The pasted block", f"is {len(lines)} rows by {len(line.split(chr(9)))} "
                                     "columns, which runs past the seats or meetings in the grid",
                                     "select the top-left cell where it fits, or copy fewer cells")
                try:
                    mark, deputy = parse_mark(value)
                except InputError as error:
                    raise InputError(f"The pasted cell for {ref.seat.shown_as} at {ref.meeting.heading} "
                                     f"({value.strip()!r})", error.why, error.fix) from None
                cells.append((ref, mark, deputy))
        return self.write(cells, f"Paste attendance ({len(cells)} cell{'s' if len(cells) != 1 else ''})")

    def write(self, cells: list[tuple[CellRef, str | None, str | None]], description: str) -> int:
        """Write the cells that change (nothing, and no undo step, if none does)."""
        cells = [cell for cell in cells if self._changes(*cell)]
        if not cells:
            return 0
        bf = self.context.bf
        with self.context.edit(description) as ed:
            edits = [MarkEdit(ref.seat.id, ref.meeting.id, mark, person_for(ed, bf, deputy) if deputy else None)
                     for ref, mark, deputy in cells]
            return write_marks(ed, bf, edits)

    def _changes(self, ref: CellRef, mark: str | None, deputy: str | None) -> bool:
        current = self.grid.marks.get((ref.seat.id, ref.meeting.id)) if self.grid else None
        if current is None:
            return mark is not None
        return current.mark != mark or bool(deputy)
