"""Tables whose naming columns stay in view while the others scroll sideways.

A wide grid (the attendance grid over the whole record) or a record table wider than its pane
keeps the columns that say what a row is (Organisation and Representative, a record's name) at
its left edge, and totals (Expected and %) at its right edge, while the columns between scroll.

:class:`FrozenTable` does it as Qt's frozen-column example does: a second view of the same model
and selection lies over each edge of the table showing only the frozen columns, with the same
row heights, widths and vertical scrolling. The table itself still holds every column, so the
keyboard, copying, printing and sorting work on whole rows as before; a frozen cell being edited
is edited where it is seen, in the view over the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

#: the property a table with frozen columns carries (the layout check allows it to scroll sideways)
FROZEN = "frozenColumns"
#: the property naming the side of the view over an edge ("left" or "right"), for the app's style sheet to draw
#: the line between it and the columns that scroll (a style sheet of each edge's own made each table with
#: frozen columns slow to build: Qt worked out a style of its own for each)
EDGE = "frozenEdge"


class FrozenTable(QTableView):
    """A table view that can keep its first ``left`` and last ``right`` columns in view (:meth:`freeze`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._left = 0
        self._right = 0
        self._edges: list[_Edge] = []
        self._placing = QTimer(self, singleShot=True, interval=0)
        self._placing.timeout.connect(self._place)

    def freeze(self, left: int, right: int = 0) -> None:
        """Keep the first ``left`` and the last ``right`` columns in view while the others scroll."""
        self._left, self._right = left, right
        self.setProperty(FROZEN, True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._edges = [_Edge(self, at_right=False)] + ([_Edge(self, at_right=True)] if right else [])
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.horizontalScrollBar().rangeChanged.connect(lambda *_args: self._place_soon())
        self._follow()

    def frozen_columns(self, at_right: bool) -> range:
        count = self.model().columnCount() if self.model() is not None else 0
        return range(max(count - self._right, self._left), count) if at_right else range(min(self._left, count))

    def edge_view(self, at_right: bool) -> QTableView | None:
        """The view over the left (or right) edge, None when nothing is frozen there."""
        return next((edge for edge in self._edges if edge.at_right == at_right), None)

    # -- keeping the edges in step ----------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 (Qt naming)
        if model is not None and model.parent() is None:
            model.setParent(self)   # it goes with the table: PySide keeps a model without a parent, and its rows, for good
        super().setModel(model)
        for edge in self._edges:
            edge.follow_model()
        if model is not None:
            model.modelReset.connect(self._follow)
            model.layoutChanged.connect(self._follow)
            model.columnsInserted.connect(self._follow)
            model.columnsRemoved.connect(self._follow)

    def _follow(self) -> None:
        for edge in self._edges:
            edge.follow_columns()
        self._place_soon()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        """A column made wider or narrower: only that column follows (not every row again, as on a new model)."""
        for edge in self._edges:
            if column in self.frozen_columns(edge.at_right):
                edge.setColumnWidth(column, new)
        self._place_soon()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        for edge in self._edges:
            edge.setRowHeight(row, new)

    def _place(self) -> None:
        """Lay each edge over the table's viewport edge (headings included), as wide as its columns."""
        viewport = self.viewport().geometry()
        header = 0 if self.horizontalHeader().isHidden() else self.horizontalHeader().height()
        for edge in self._edges:
            width = sum(self.columnWidth(c) for c in self.frozen_columns(edge.at_right) if not self.isColumnHidden(c))
            edge.setVisible(width > 0 and self.horizontalScrollBar().maximum() > 0)   # no need when all show
            left = viewport.right() + 1 - width if edge.at_right else viewport.left()
            edge.setGeometry(QRect(left, viewport.top() - header, width, viewport.height() + header))

    def _place_soon(self) -> None:
        """Lay the edges out once the table has finished laying itself out (never from inside it)."""
        self._placing.start()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        if self._edges:
            self._place_soon()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._edges:
            self._place_soon()

    # -- moving among scrolling columns without losing them under an edge --------------------------
    def _covered(self) -> tuple[int, int]:
        """Pixels of the viewport the left and right edges cover."""
        widths = [edge.width() if edge.isVisible() else 0 for edge in self._edges] + [0, 0]
        return widths[0], (widths[1] if self._right else 0)

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if not index.isValid() or not self._edges:
            super().scrollTo(index, hint)
            return
        frozen = index.column() in self.frozen_columns(False) or index.column() in self.frozen_columns(True)
        bar = self.horizontalScrollBar()
        keep = bar.value()
        super().scrollTo(index, hint)           # the rows as usual; the sideways position is decided here
        if frozen:
            bar.setValue(keep)
            return
        left, right = self._covered()
        start = self.columnViewportPosition(index.column())
        end = start + self.columnWidth(index.column())
        if start < left:
            bar.setValue(bar.value() - (left - start))
        elif end > self.viewport().width() - right:
            bar.setValue(bar.value() + end - (self.viewport().width() - right))

    def edit(self, index: QModelIndex, trigger=QAbstractItemView.EditTrigger.AllEditTriggers,  # noqa: A003
             event: QEvent | None = None) -> bool:
        """Edit a frozen cell in the view over the edge, where it is seen."""
        for edge in self._edges:
            if index.isValid() and index.column() in self.frozen_columns(edge.at_right) and edge.isVisible():
                return edge.edit(index, trigger, event)
        return super().edit(index, trigger, event)


class _Edge(QTableView):
    """The view over one edge of a :class:`FrozenTable`: its frozen columns, the table's rows and selection."""

    def __init__(self, table: FrozenTable, *, at_right: bool) -> None:
        super().__init__(table)
        self.table = table
        self.at_right = at_right
        self.setObjectName(f"{table.objectName() or 'table'}{'Right' if at_right else 'Left'}Columns")
        self.setAccessibleName(f"{table.accessibleName()}, {'totals' if at_right else 'names'}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # the keyboard stays with the table
        self.setProperty(FROZEN, True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setProperty(EDGE, "right" if at_right else "left")    # its border: ui/style.qss
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultAlignment(table.horizontalHeader().defaultAlignment())
        self.horizontalHeader().sectionClicked.connect(self._sort_table)
        self.follow_model()
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.viewport().stackUnder(self)
        self.clicked.connect(table.clicked)
        self.doubleClicked.connect(table.doubleClicked)
        self.activated.connect(table.activated)
        self.viewport().installEventFilter(self)
        self.hide()                                      # until the table scrolls sideways

    def follow_model(self) -> None:
        table = self.table
        self.setModel(table.model())
        if table.model() is None:
            return
        self.setSelectionModel(table.selectionModel())
        self.follow_columns()
        self.follow_rows()

    def follow_columns(self) -> None:
        """Show only the frozen columns, as wide as in the table; headings as tall; same sorting and look."""
        table, model = self.table, self.model()
        if model is None:
            return
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.setEditTriggers(table.editTriggers())
        self.setWordWrap(table.wordWrap())
        self.setAlternatingRowColors(table.alternatingRowColors())
        self.setShowGrid(table.showGrid())
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        frozen = table.frozen_columns(self.at_right)
        for column in range(model.columnCount()):
            hidden = column not in frozen or table.isColumnHidden(column)
            self.setColumnHidden(column, hidden)
            if not hidden:
                self.setColumnWidth(column, table.columnWidth(column))
                self.setItemDelegateForColumn(column, table.itemDelegateForColumn(column))   # a column's own editor
        header = table.horizontalHeader()
        self.horizontalHeader().setHidden(header.isHidden())
        self.horizontalHeader().setFixedHeight(header.height())
        self.horizontalHeader().setSortIndicatorShown(header.isSortIndicatorShown())
        self.horizontalHeader().setSortIndicator(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())

    def follow_rows(self) -> None:
        """Each row as high as in the table: once, when this edge takes the table's model. From then on the
        rows keep in step without reading every row again: a row resized in the table is resized here
        (:meth:`FrozenTable._row_resized`), and a new model, a reset or a sort changes both views' rows alike."""
        table = self.table
        for row in range(self.model().rowCount()):
            if self.rowHeight(row) != table.rowHeight(row):
                self.setRowHeight(row, table.rowHeight(row))

    def _sort_table(self, column: int) -> None:
        """A click on a frozen heading sorts the table by it, as a click on the table's own would."""
        if self.table.isSortingEnabled():
            header = self.table.horizontalHeader()
            ascending = header.sortIndicatorSection() != column or header.sortIndicatorOrder() == \
                Qt.SortOrder.DescendingOrder
            self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A click on a frozen cell gives the table the keyboard, so typing and arrows carry on from it."""
        if event.type() == QEvent.Type.MouseButtonPress:
            self.table.setFocus(Qt.FocusReason.MouseFocusReason)
        return False
