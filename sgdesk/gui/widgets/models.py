"""The one generic Qt table model: rows (dicts or dataclasses) under typed columns, edits through a callback.

Feature views show their tables with :class:`RecordsModel`, often behind a :class:`FilterProxy`
(sort and search as you type). Editing calls ``on_edit``, which writes through the audited
write path; the model then reloads from the board file when the change arrives, so the screen
always shows what is stored. Models that draw more than text (the attendance grid, the bookings
list that loads a page at a time) are their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from sgdesk.reporting import ColumnKind, format_cell

#: fitting a table's columns to their contents reads the rows on screen and this many more; Qt's
#: default, 1,000 rows, made tables of years of sessions or ledger entries slow to open
FIT_ROWS = 100
#: item data role carrying (taken, capacity) for a fill bar (see ``Field.fill``)
FILL_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMBERS = ("int", "money", "percent", "decimal")
_ALIGN = {"right": int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
          "centre": int(Qt.AlignmentFlag.AlignCenter)}
#: the roles a cell answers, as plain numbers: a view asks each cell for nine roles each time it sizes or
#: draws it, and comparing with Qt's enum members for each made the asking a good part of opening a view
_TEXT_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                         Qt.ItemDataRole.ToolTipRole))
_RAW, _ALIGNMENT, _FILL = int(Qt.ItemDataRole.UserRole), int(Qt.ItemDataRole.TextAlignmentRole), int(FILL_ROLE)
_FOREGROUND, _FONT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.FontRole)
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)


@dataclass(frozen=True)
class Field:
    """A column: the value under ``key`` in each row (or what ``value`` reads from it), printed as ``kind``;
    ``colours`` maps a shown value to the colour it is written in, bold (a RAG rating, say)."""

    key: str
    label: str
    kind: ColumnKind = "text"
    editable: bool = False
    width: int | None = None
    value: Callable[[Any], Any] | None = None                 # reads the cell from a row
    align: Literal["left", "right", "centre"] | None = None   # default: numbers right, the rest left
    fill: Callable[[Any], tuple[int, int]] | None = None      # (taken, capacity), drawn as a bar
    tooltip: str = ""                                          # on the column's heading
    colours: dict[str, str] | None = None

    def of(self, row: Any) -> Any:
        """The cell's raw value in ``row``."""
        if self.value is not None:
            return self.value(row)
        return row.get(self.key) if isinstance(row, dict) else getattr(row, self.key)


class RecordsModel(QAbstractTableModel):
    """Rows (dicts or dataclasses; with an ``id`` where rows are found by id) under typed columns."""

    def __init__(self, fields: list[Field], on_edit: Callable[[Any, str, str], None] | None = None) -> None:
        super().__init__()
        self.fields = fields
        self.rows: list[Any] = []
        self.on_edit = on_edit

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def row_of_id(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows)
                     if (row.get("id") if isinstance(row, dict) else getattr(row, "id", None)) == row_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role in _TEXT_ROLES:
            if not index.isValid():
                return None
            # the tip shows the text too, for a cell the column cuts short
            return self.shown(self.fields[index.column()], self.rows[index.row()])
        if role == _RAW:  # the raw value, for sorting
            return self.fields[index.column()].of(self.rows[index.row()]) if index.isValid() else None
        if role == _ALIGNMENT:
            field = self.fields[index.column()] if index.isValid() else None
            return None if field is None else _ALIGN.get(field.align or ("right" if field.kind in _NUMBERS else "left"))
        if role not in (_FILL, _FOREGROUND, _FONT) or not index.isValid():
            return None
        field = self.fields[index.column()]
        if role == _FILL:
            return field.fill(self.rows[index.row()]) if field.fill is not None else None
        if not self.marked(field, self.rows[index.row()]):
            return None
        if role == _FOREGROUND:
            return QColor(field.colours[field.of(self.rows[index.row()])])
        font = QFont()
        font.setBold(True)
        return font

    @staticmethod
    def shown(field: Field, row: Any) -> str:
        """The text ``field`` shows of ``row``."""
        text = format_cell(field.of(row), field.kind)
        return "" if text is None else str(text)

    @staticmethod
    def marked(field: Field, row: Any) -> bool:
        """Whether ``field`` shows ``row``'s value in a colour of its own, in bold."""
        return bool(field.colours) and field.of(row) in field.colours

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.fields[index.column()].editable and self.on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        self.on_edit(self.rows[index.row()], self.fields[index.column()].key, str(value))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:    # its other roles say nothing, as Qt's own would
            role = int(role)
            if role == _DISPLAY:
                return self.fields[section].label
            return self.fields[section].tooltip or None if role == _TOOLTIP else None
        return super().headerData(section, orientation, role)


class FilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and keeps rows whose text contains every word typed (and, over a
    :class:`RecordsModel`, whose values match those :meth:`set_value_filter` asks for)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self._words: list[str] = []
        self._values: dict[str, Any] = {}

    def set_search(self, text: str) -> None:
        self.set_filters({}, text)

    def set_value_filter(self, key: str, value: Any) -> None:
        """Keep only rows whose ``key`` is ``value`` (None: any value; a set: any of its values)."""
        self.set_filters({key: value}, None)

    def set_filters(self, values: dict[str, Any], search: str | None) -> None:
        """Each value filter of ``values`` (as :meth:`set_value_filter`) and the search (None: as it is) at once:
        the rows are sifted once, not once for each filter."""
        self.beginFilterChange()
        for key, value in values.items():
            if value is None:
                self._values.pop(key, None)
            else:
                self._values[key] = value
        if search is not None:
            self._words = search.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._values:
            row = model.row_at(source_row)
            for key, wanted in self._values.items():
                value = row.get(key) if isinstance(row, dict) else getattr(row, key, None)
                if not (value in wanted if isinstance(wanted, (set, frozenset)) else value == wanted):
                    return False
        if not self._words:
            return True
        text = " ".join(
            str(model.data(model.index(source_row, column, source_parent)) or "")
            for column in range(model.columnCount())
        ).casefold()
        return all(word in text for word in self._words)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, RecordsModel):   # the raw values read straight from the rows, not asked of Qt
            field = model.fields[left.column()]
            a, b = field.of(model.rows[left.row()]), field.of(model.rows[right.row()])
        else:
            a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
