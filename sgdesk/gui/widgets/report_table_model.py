"""A report's table (:class:`sgdesk.reporting.ReportTable`) as a read-only Qt model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from sgdesk.reporting import ReportTable, format_cell


class ReportTableModel(QAbstractTableModel):
    """One :class:`ReportTable` as a read-only Qt table."""

    def __init__(self, table: ReportTable | None = None) -> None:
        super().__init__()
        self.table = table

    def set_table(self, table: ReportTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if self.table is None or parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if self.table is None or parent.isValid() else len(self.table.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(format_cell(self.table.rows[index.row()].get(column.key), column.kind))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and self.table is not None and orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section].label
        return super().headerData(section, orientation, role)
