"""The training programme's own Qt pieces: the fill bar drawn over places taken, and the bookings model.

:class:`BookingsModel` is built for programmes of any size: it loads only the ordered booking ids
(and their delegates) and fetches the rows actually drawn, a page at a time. Search as you type
asks SQLite which delegates match (on the prebuilt ``search_key`` column and organisation names)
and filters the loaded ids in memory, so no keystroke re-reads the bookings.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from itertools import chain
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sgdesk.dates import format_date
from sgdesk.gui.widgets.models import FILL_ROLE
from sgdesk.money import format_money
from sgdesk.store import BoardFile
from sgdesk.training.charges import booking_fee
from sgdesk.training.delegates import DelegateIndex
from sgdesk.training.model import (
    PLACE_STATUSES,
    STATUS_LABELS,
    BookingLine,
    booking_lines,
    booking_order,
)
from sgdesk.training.policy import get_policy, org_categories

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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


@dataclass(frozen=True)
class BookingRow:
    """One booking as a row of the bookings table, its values written out for display (``untold``: promoted from
    the waiting list and not told yet)."""

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
        # booking ids and their delegates' ids in display order, and the booking ids the search leaves shown:
        # machine integers, 8 bytes a booking instead of a tuple of two Python numbers (about 100)
        self.booking_ids = array("q")
        self.delegate_ids = array("q")
        self.visible = array("q")
        self.search_text = ""
        self._cache: dict[int, BookingRow] = {}
        self._policy = None
        self._categories: dict[int, str] = {}
        self._index: DelegateIndex | None = None

    # -- loading and searching ---------------------------------------------------------------
    def load(self, session_id: int | None) -> None:
        """Load the bookings of ``session_id`` (None: every session, latest first)."""
        self.session_id = session_id
        pairs = array("q", chain.from_iterable(booking_order(self.bf, self.board_id, session_id)))
        self.booking_ids, self.delegate_ids = pairs[0::2], pairs[1::2]
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
            self.visible = self.booking_ids
        else:
            pairs = zip(self.booking_ids, self.delegate_ids)
            self.visible = array("q", (booking_id for booking_id, delegate_id in pairs if delegate_id in matching))
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
            self._fetch(self.visible[start:start + PAGE].tolist())
        return self._cache[booking_id]

    def _fetch(self, ids: list[int]) -> None:
        for line in booking_lines(self.bf, ids):
            self._cache[line.id] = self._row(line)

    def _row(self, line: BookingLine) -> BookingRow:
        fee, _reason = booking_fee(self._policy, self._categories[line.organisation_id], status=line.status,
                                   length=line.length, session_date=line.session_date,
                                   cancelled_on=line.cancelled_on, cancel_reason=line.cancel_reason)
        return BookingRow(
            line.id, line.session_id, f"{format_date(line.session_date)} {line.course}", line.delegate,
            line.organisation, line.email or "", _status_text(line), format_date(line.booked_on),
            "Yes" if line.approved else "No", format_money(fee) if fee else "", _note(line),
            bool(line.promoted_on) and not line.promotion_told)

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


def _status_text(line: BookingLine) -> str:
    status = STATUS_LABELS[line.status]
    if line.status == "waitlisted":
        return f"{status} (no. {line.place_in_line})"
    if line.status == "cancelled":
        reason = {"session": "session cancelled", "waitlist": "left the waiting list"}.get(line.cancel_reason)
        return f"{status} {format_date(line.cancelled_on)}" + (f" ({reason})" if reason else "")
    return status


def _note(line: BookingLine) -> str:
    if line.promoted_on and line.status in PLACE_STATUSES:
        told = "" if line.promotion_told else ": tell them"
        return f"Place from the waiting list on {format_date(line.promoted_on)}{told}"
    if line.replaced:
        return f"Substitute for {line.replaced}"
    return ""
