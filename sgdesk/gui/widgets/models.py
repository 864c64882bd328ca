"""Generic Qt models for record tables: rows of dicts, typed columns, edits through a callback.

Feature views show their tables with :class:`RecordsModel` behind a
:class:`FilterProxy` (sort and search as you type). Editing calls ``on_edit``, which writes
through the audited write path; the model then reloads from the board file when the change
arrives, so the screen always shows what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from sgdesk.reporting import ColumnKind, format_cell

#: fitting a table's columns to their contents reads the rows on screen and this many more; Qt's
#: default, 1,000 rows, made tables of years of sessions or ledger entries slow to open
FIT_ROWS = 100


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: ColumnKind = "text"
    editable: bool = False
    width: int | None = None


class RecordsModel(QAbstractTableModel):
    """Rows of dicts (each with an ``id``) under typed columns."""

    def __init__(self, fields: list[Field], on_edit: Callable[[dict, str, str], None] | None = None) -> None:
        super().__init__()
        self.fields = fields
        self.rows: list[dict[str, Any]] = []
        self.on_edit = on_edit

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_dict(self, row: int) -> dict[str, Any]:
        return self.rows[row]

    def row_of_id(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.get("id") == row_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = self.fields[index.column()]
        value = self.rows[index.row()].get(field.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            shown = format_cell(value, field.kind)
            return "" if shown is None else str(shown)
        if role == Qt.ItemDataRole.UserRole:  # the raw value, for sorting
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and field.kind in ("int", "money", "percent", "decimal"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.fields[section].label
        return super().headerData(section, orientation, role)


class FilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and keeps rows whose text contains every word typed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        text = " ".join(
            str(model.data(model.index(source_row, column, source_parent)) or "")
            for column in range(model.columnCount())
        ).casefold()
        return all(word in text for word in self._words)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
