"""Qt models of the training programme: courses and sessions (with fill bars), and bookings.

:class:`BookingsModel` is built for programmes of any size: it loads only the ordered booking ids
(and their delegates) and fetches the rows actually drawn, a page at a time. Search as you type
asks SQLite which delegates match (on the prebuilt ``search_key`` column and organisation names)
and filters the loaded ids in memory, so no keystroke re-reads the bookings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sgdesk.dates import format_date
from sgdesk.money import format_money
from sgdesk.store import BoardFile
from sgdesk.training.charges import booking_fee
from sgdesk.training.delegates import DelegateIndex
from sgdesk.training.model import STATUS_LABELS, iso
from sgdesk.training.policy import get_policy, org_categories

#: item data role carrying (taken, capacity) for a fill bar
FILL_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column of :class:`ListModel`: its heading, the text shown, and how it lines up."""

    label: str
    text: Callable[[T], Any]
    align: str = "left"                                       # left, right or centre
    fill: Callable[[T], tuple[int, int]] | None = None        # (taken, capacity) drawn as a bar
    tooltip: str = ""


class ListModel(QAbstractTableModel, Generic[T]):
    """A read-only table of items (dataclasses) under :class:`Column` definitions."""

    def __init__(self, columns: list[Column[T]]) -> None:
        super().__init__()
        self.columns = columns
        self.items: list[T] = []

    def set_items(self, items: list[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T:
        return self.items[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, item = self.columns[index.column()], self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):   # the tip shows elided text
            value = column.text(item)
            return "" if value is None else str(value)
        if role == FILL_ROLE and column.fill is not None:
            return column.fill(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {"right": _RIGHT, "centre": _CENTRE}.get(column.align)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].label
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].tooltip:
                return self.columns[section].tooltip
        return super().headerData(section, orientation, role)


class FillBarDelegate(QStyledItemDelegate):
    """Draws "taken of capacity" as a bar with the figures on it: green, amber when full, red if over.

    Light tints keep the dark figures readable over both parts of the bar. (It draws with as few
    painter calls as it can: the PySide6 6.12 on Python 3.11 that some machines have loses a
    reference to None on each call that returns nothing.)
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        fill = index.data(FILL_ROLE)
        if not fill:
            super().paint(painter, option, index)
            return
        taken, capacity = fill
        box = option.rect.adjusted(4, 5, -4, -5)
        share = min(taken / capacity, 1.0) if capacity else 0.0
        colour = _OVER if taken > capacity else _FULL if taken == capacity else _PART
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        painter.fillRect(box, _EMPTY)
        painter.fillRect(QRect(box.left(), box.top(), round(box.width() * share), box.height()), colour)
        painter.setPen(_TEXT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{taken} of {capacity}")
        painter.restore()


_EMPTY, _PART, _FULL, _OVER, _TEXT = (QColor(c) for c in ("#E4EAF0", "#A9D18E", "#F4C26B", "#E6908B", "#1A1A1A"))


# -- bookings ------------------------------------------------------------------------------------

PAGE = 200
#: order of a session's bookings: places (by name), then the waiting list (in turn), then the rest
_GROUP = "CASE WHEN b.status IN ('confirmed', 'attended', 'dna') THEN 0 WHEN b.status = 'waitlisted' THEN 1 ELSE 2 END"
_ORDER_ONE = f"""
SELECT b.id, b.delegate_id FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id
WHERE b.session_id = ? ORDER BY {_GROUP}, CASE WHEN {_GROUP} = 0 THEN d.search_key END, b.queue_no, b.id
"""
# Walks sessions latest first by their date index and each one's bookings by the queue index: no sorting.
_ORDER_ALL = """
SELECT b.id, b.delegate_id FROM training_session s INDEXED BY training_session_date
JOIN training_booking b ON b.session_id = s.id
WHERE s.course_id IN (SELECT id FROM training_course WHERE board_id = ?)
ORDER BY s.session_date DESC, s.start_time DESC, s.id DESC, b.queue_no
"""
_ROWS = """
SELECT b.id, b.session_id, s.session_date, c.title, c.length, d.name AS delegate, o.name AS organisation, d.email,
       b.status, b.booked_on,
       b.approved, b.cancelled_on, b.cancel_reason, b.promoted_on, b.promotion_told, d.organisation_id,
       sd.name AS replaced,
       (SELECT count(*) FROM training_booking w WHERE w.session_id = b.session_id AND w.status = 'waitlisted'
        AND (w.queue_no < b.queue_no OR (w.queue_no = b.queue_no AND w.id <= b.id))) AS place_in_line
FROM training_booking b JOIN training_session s ON s.id = b.session_id JOIN training_course c ON c.id = s.course_id
JOIN training_delegate d ON d.id = b.delegate_id JOIN organisation o ON o.id = d.organisation_id
LEFT JOIN training_booking sb ON sb.id = b.substitute_for LEFT JOIN training_delegate sd ON sd.id = sb.delegate_id
WHERE b.id IN ({marks})
"""


@dataclass(frozen=True)
class BookingRow:
    id: int
    session_id: int
    session: str
    delegate: str
    organisation: str
    email: str
    status: str
    booked_on: str
    approved: str
    charge: str
    note: str
    untold: bool


class BookingsModel(QAbstractTableModel):
    """Bookings of one session, or of the whole programme, loaded lazily and searched as you type."""

    HEADERS = ("Session", "Delegate", "Organisation", "Status", "Booked on", "Approved", "Charge", "Note", "Email")
    CHARGE_COLUMN = 6

    def __init__(self, bf: BoardFile, board_id: int) -> None:
        super().__init__()
        self.bf, self.board_id = bf, board_id
        self.session_id: int | None = None
        self.order: list[tuple[int, int]] = []     # (booking id, delegate id), in display order
        self.visible: list[int] = []               # booking ids shown after the search filter
        self.search_text = ""
        self._cache: dict[int, BookingRow] = {}
        self._policy = None
        self._categories: dict[int, str] = {}
        self._index: DelegateIndex | None = None

    # -- loading and searching ---------------------------------------------------------------
    def load(self, session_id: int | None) -> None:
        """Load the bookings of ``session_id`` (None: every session, latest first)."""
        self.session_id = session_id
        if session_id is None:
            cursor = self.bf.conn.execute(_ORDER_ALL, (self.board_id,))
        else:
            cursor = self.bf.conn.execute(_ORDER_ONE, (session_id,))
        cursor.row_factory = None
        self.order = cursor.fetchall()
        self._index = None      # read again (prepare_search): delegates may have changed
        self._policy = get_policy(self.bf, self.board_id)
        self._categories = org_categories(self.bf, self.board_id)
        self._filter()

    def prepare_search(self) -> None:
        """Read the delegates' search keys now (the view does it when idle after loading), so that
        the first keystroke does not wait for them."""
        if self._index is None:
            self._index = DelegateIndex(self.bf, self.board_id)

    def set_search(self, text: str) -> None:
        self.search_text = text
        self._filter()

    def _filter(self) -> None:
        if self.search_text.strip():
            self.prepare_search()
        matching = self._index.matching(self.search_text) if self._index is not None else None
        self.beginResetModel()
        self._cache.clear()
        if matching is None:
            self.visible = [booking_id for booking_id, _delegate in self.order]
        else:
            self.visible = [booking_id for booking_id, delegate_id in self.order if delegate_id in matching]
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.session_id)

    # -- rows ------------------------------------------------------------------------------------------
    def booking_id(self, row: int) -> int:
        return self.visible[row]

    def row_of(self, booking_id: int) -> int | None:
        try:
            return self.visible.index(booking_id)
        except ValueError:
            return None

    def row(self, row: int) -> BookingRow:
        booking_id = self.visible[row]
        if booking_id not in self._cache:
            start = row - row % PAGE
            self._fetch(self.visible[start:start + PAGE])
        return self._cache[booking_id]

    def _fetch(self, ids: list[int]) -> None:
        rows = self.bf.query(_ROWS.format(marks=", ".join("?" * len(ids))), ids)
        for r in rows:
            self._cache[r["id"]] = self._row(r)

    def _row(self, r) -> BookingRow:
        day = iso(r["session_date"])
        fee, _reason = booking_fee(self._policy, self._categories[r["organisation_id"]], status=r["status"],
                                   length=r["length"], session_date=day, cancelled_on=iso(r["cancelled_on"]),
                                   cancel_reason=r["cancel_reason"])
        return BookingRow(
            r["id"], r["session_id"], f"{format_date(day)} {r['title']}", r["delegate"], r["organisation"],
            r["email"] or "", _status_text(r), format_date(iso(r["booked_on"])), "Yes" if r["approved"] else "No",
            format_money(fee) if fee else "", _note(r), bool(r["promoted_on"]) and not r["promotion_told"])

    # -- Qt -----------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row(index.row())
            return (row.session, row.delegate, row.organisation, row.status, row.booked_on, row.approved, row.charge,
                    row.note, row.email)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.CHARGE_COLUMN:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 7 and self.row(index.row()).untold:
            return QColor("#8A5A00")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return super().headerData(section, orientation, role)


def _status_text(r) -> str:
    status = STATUS_LABELS[r["status"]]
    if r["status"] == "waitlisted":
        return f"{status} (no. {r['place_in_line']})"
    if r["status"] == "cancelled":
        reason = {"session": "session cancelled", "waitlist": "left the waiting list"}.get(r["cancel_reason"])
        return f"{status} {format_date(iso(r['cancelled_on']))}" + (f" ({reason})" if reason else "")
    return status


def _note(r) -> str:
    if r["promoted_on"] and r["status"] in ("confirmed", "attended", "dna"):
        told = "" if r["promotion_told"] else ": tell them"
        return f"Place from the waiting list on {format_date(iso(r['promoted_on']))}{told}"
    if r["replaced"]:
        return f"Substitute for {r['replaced']}"
    return ""
