"""Small building blocks of the membership and meetings views.

:class:`RecordTable` is a searchable, sortable table of records whose cells are edited through
the audited write path, one undo step per cell; :func:`section_label` heads a part of a view and
:func:`table_page` makes a tab of a table with its help and buttons. Their dialogs are
:class:`sgdesk.gui.widgets.forms.FormDialog`.
"""

from __future__ import annotations

import heapq
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.date_field import DateCellDelegate
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.frozen import FrozenTable
from sgdesk.gui.widgets.models import FIT_ROWS, Field, FilterProxy, RecordsModel

#: the widest cells of a column by their text that are sized as Qt sizes them (a cell's padding and the
#: text's layout can put a few pixels between cells of nearly the same text width)
_CANDIDATES = 5


class RecordTable(FrozenTable):
    """Records under typed columns, searchable, sortable; each editable cell saves through ``context.edit``.

    ``savers`` maps a field key to ``(describe, save)``: ``describe(row)`` names the change for Edit >
    Undo, ``save(ed, row, text)`` writes it (raising SGDeskError to refuse). Columns are as wide as
    their contents, up to their field's width; the first, which names the row, stays in view while
    the others scroll sideways (``names_rows=False`` where it does not name it).
    """

    def __init__(self, context: AppContext, name: str, fields: list[Field],
                 savers: dict[str, tuple[Callable[[dict], str], Callable[[Any, dict, str], None]]] | None = None,
                 parent: QWidget | None = None, *, sort_column: int | None = 0, names_rows: bool = True) -> None:
        super().__init__(parent)
        self.context = context
        self.savers = savers or {}
        self.records = RecordsModel(fields, self._save if self.savers else None)
        self.records.setParent(self)        # it goes with the table, and the rows with it
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.records)
        self.setModel(self.proxy)
        self.setObjectName(name.replace(" ", "_"))
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        if sort_column is None:  # keep the order the rows are given in until a heading is clicked
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        else:
            self.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        for column, field in enumerate(fields):
            if field.kind == "date" and field.editable:
                self.setItemDelegateForColumn(column, DateCellDelegate(self))
        if names_rows:
            self.freeze(1)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows``, keeping the selected record selected."""
        selected = self.selected()
        self.records.set_rows(rows)
        self.fit_columns()
        if selected is not None:
            self.select_id(selected["id"])

    def fit_columns(self) -> None:
        """Each column as wide as its heading and contents, but no wider than its field's width says (longer
        text wraps, or is shortened and shown whole in its tooltip); the last one takes the room left."""
        header = self.horizontalHeader()
        fields = self.records.fields
        for column, field in enumerate(fields[:-1] if header.stretchLastSection() else fields):
            self._fit_to_contents(column)
            if field.width:
                widest = max(field.width, header.sectionSizeFromContents(column).width())
                self.setColumnWidth(column, min(self.columnWidth(column), widest))

    def _fit_to_contents(self, column: int) -> None:
        """``resizeColumnToContents(column)``, the same width, with less work in a table not shown yet (a view
        being built, a tab behind another).

        Qt then measures the first FIT_ROWS rows (the header's precision), asking each cell for nine roles and
        laying its text out. Here each of those cells is measured by its text alone, in its font, and Qt sizes
        only the widest few as it would have: a cell's width grows with its text's, so the widest is among them.
        A table on screen is left to Qt, which measures the rows in view and those around them.
        """
        header = self.horizontalHeader()
        limit = header.resizeContentsPrecision()
        if self.isVisible() or limit <= 0 or self.isColumnHidden(column):
            self.resizeColumnToContents(column)
            return
        self.ensurePolished()
        field = self.records.fields[column]
        plain = QFontMetrics(self.font())
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        measured = []
        for row in range(min(self.proxy.rowCount(), limit)):
            record = self.records.rows[self.proxy.mapToSource(self.proxy.index(row, column)).row()]
            metrics = bold if RecordsModel.marked(field, record) else plain
            measured.append((max(metrics.horizontalAdvance(line) for line in RecordsModel.shown(field, record)
                                 .split("\n")), row))
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        content = 0
        for _width, row in heapq.nlargest(_CANDIDATES, measured):
            index = self.proxy.index(row, column)
            content = max(content, self.itemDelegateForIndex(index).sizeHint(option, index).width())
        header.resizeSection(column, max(content + (1 if self.showGrid() else 0), header.sectionSizeHint(column)))

    def selected(self) -> dict[str, Any] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.records.row_at(self.proxy.mapToSource(index).row())

    def select_id(self, row_id: Any) -> bool:
        """Select the record with id ``row_id``; False when there is none, or the search or a filter hides it."""
        row = self.records.row_of_id(row_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.records.index(row, 0))
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _save(self, row: dict, key: str, text: str) -> None:
        describe, save = self.savers[key]
        try:
            with self.context.edit(describe(row)) as ed:
                save(ed, row, text.strip())
        except SGDeskError as error:
            show_error(self, error, "Not changed")


def section_label(title: str) -> QLabel:
    """A bold label over a part of a view."""
    label = QLabel(title)
    label.setObjectName("sectionHeading")
    label.setProperty("sectionLabel", True)     # its look: ui/style.qss (a style sheet of each label's own was slow)
    return label


def table_page(table: QWidget, hint: str, *buttons: QWidget) -> QWidget:
    """A tab: ``table`` filling it, with a line of help and the buttons under it."""
    text = QLabel(hint)
    text.setObjectName("muted")
    text.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(text, 1)
    for button in buttons:
        row.addWidget(button)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return page


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else None
