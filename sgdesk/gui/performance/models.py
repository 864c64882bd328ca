"""Qt models of the Performance view: the matrix of indicators (filtered by section, rating and words
typed) and one indicator's grid of figures by area and period, which edits through the write path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from sgdesk.indicators.appendix import indicator_label, travel_text
from sgdesk.indicators.figures import NOTES
from sgdesk.indicators.matrix import IndicatorGrid, Matrix, MatrixRow
from sgdesk.indicators.rag import RATING_FILLS
from sgdesk.indicators.values import cell_text, edit_text

NOT_RATED_KEY = "none"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_MUTED = QBrush(QColor("#595959"))


class MatrixModel(QAbstractTableModel):
    """One row per indicator: its latest figure, direction of travel, comparators, rank and RAG rating."""

    COLUMNS = ("Indicator", "Latest", "Figure", "RAG", "Change", "England", "SN average", "Rank", "Section")
    RAG = 3
    _NUMBERS = (2, 5, 6, 7)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MatrixRow] = []
        self.texts: list[tuple[str, ...]] = []

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.rows = matrix.rows()
        self.texts = [self._texts(row) for row in self.rows]
        self.endResetModel()

    def row_of_indicator(self, indicator_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.indicator.id == indicator_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _texts(self, row: MatrixRow) -> tuple[str, ...]:
        unit, latest = row.indicator.unit, row.latest
        return (indicator_label(row), latest.period.label if latest else "",
                cell_text(latest.figure, unit, with_unit=True) if latest else "", row.judgement.label,
                travel_text(row), cell_text(row.comparator_figure("england"), unit, with_unit=True),
                cell_text(row.comparator_figure("sn_average"), unit, with_unit=True), row.latest_rank,
                row.indicator.section)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.row()][column]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and column == self.RAG and row.judgement.rating:
            return QBrush(QColor(RATING_FILLS[row.judgement.rating]))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.RAG:
            return row.judgement.reason[:1].upper() + row.judgement.reason[1:]
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 8):
            return "\n".join(text for text in (row.indicator.name, row.indicator.definition, row.indicator.section)
                             if text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return _RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.RAG:
            return _CENTRE
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return super().headerData(section, orientation, role)


class MatrixFilter(QSortFilterProxyModel):
    """Keeps the indicators of one section, of one rating, and whose name holds every word typed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.section: str | None = None
        self.rating: str | None = None   # green, amber, red, none (not rated), or None for every rating
        self.words: list[str] = []

    def set_filter(self, *, section: str | None, rating: str | None, text: str) -> None:
        self.beginFilterChange()
        self.section, self.rating, self.words = section, rating, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        row: MatrixRow = self.sourceModel().rows[source_row]
        if self.section is not None and row.indicator.section != self.section:
            return False
        if self.rating is not None and (row.judgement.rating or NOT_RATED_KEY) != self.rating:
            return False
        name = f"{row.indicator.name} {row.indicator.code}".casefold()
        return all(word in name for word in self.words)


class GridModel(QAbstractTableModel):
    """One indicator's figures: a row per area (and one for this authority's ranks), a column per period.

    Typing in a cell calls ``on_edit(area, period, text, is_rank)``, which writes through the audited
    write path; the view reloads the grid when the change arrives.
    """

    def __init__(self, on_edit: Callable[..., None]) -> None:
        super().__init__()
        self.grid: IndicatorGrid | None = None
        self.lines: list[tuple[Any, bool]] = []    # (area, is the rank line)
        self.on_edit = on_edit

    def set_grid(self, grid: IndicatorGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.lines = []
        for area in grid.areas if grid else []:
            self.lines.append((area, False))
            if area.kind == "own":
                self.lines.append((area, True))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.periods)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        area, is_rank = self.lines[index.row()]
        value = self.grid.value(area, self.grid.periods[index.column()])
        unit = self.grid.indicator.unit
        if role == Qt.ItemDataRole.DisplayRole:
            if is_rank:
                return "" if value is None or value.rank is None else \
                    f"{value.rank}" + (f" of {value.rank_of}" if value.rank_of else "")
            return cell_text(value.figure if value else None, unit)
        if role == Qt.ItemDataRole.EditRole:
            if is_rank:
                return self.data(index, Qt.ItemDataRole.DisplayRole)
            return edit_text(value.figure if value else None, unit)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None and not is_rank:
            figure = value.figure
            parts = [NOTES[figure.note][1].capitalize()] if figure.note else []
            parts += ["Provisional"] if figure.provisional else []
            parts += [figure.comment] if figure.comment else []
            return "; ".join(parts) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and is_rank:
            return _MUTED
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable if index.isValid() else super().flags(index)

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self.grid is None:
            return False
        area, is_rank = self.lines[index.row()]
        self.on_edit(area, self.grid.periods[index.column()], str(value), is_rank)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal:
            return self.grid.periods[section].label
        area, is_rank = self.lines[section]
        return f"{area.name}: rank" if is_rank else area.name
