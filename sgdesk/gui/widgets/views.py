"""The base class of every main view, and the pieces the views share: the 'nothing here yet' panel
and the stack that shows it in place of an empty body, the read-only table of records to choose one
from, and rows and columns of widgets."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.gui.widgets.clipboard import watch_tables
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.frozen import FrozenTable
from sgdesk.gui.widgets.help import help_link
from sgdesk.gui.widgets.models import FIT_ROWS
from sgdesk.gui.widgets.printing import Printable
from sgdesk.store import Changes


class BoardView(QWidget):
    """A main view. Subclasses set ``key``, ``title``, ``watched_tables`` and ``refresh``."""

    key: ClassVar[str]
    title: ClassVar[str]
    #: the view refreshes when a change touches one of these tables
    watched_tables: ClassVar[frozenset[str]] = frozenset()
    #: the user guide's page about this view (in ``resources/help/``), opened by F1
    help_page: ClassVar[str] = "index.html"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.title)
        self._stale = False
        context.changed.connect(self._on_changed)
        context.board_changed.connect(lambda _id: self._mark_stale())

    def lay_out(self, empty: QWidget, *items: Item) -> EmptyOr:
        """The view's body, ``items`` in a column (as :func:`column`), or ``empty`` in its place (an :class:`EmptyOr`,
        filling the view).

        The stack and the body's column are made in place first and ``items`` put straight into them: under the
        app's style sheet a widget given a new parent is styled again with everything it holds, so a view put
        together from the leaves up (the column into the stack, the stack into the view, the view into the window)
        was styled again whole at each step.
        """
        stack = EmptyOr(QWidget(), empty, self)
        QVBoxLayout(self).addWidget(stack)
        column(*items, widget=stack.body)
        return stack

    def refresh(self) -> None:
        """Reload what the view shows from the board file."""
        raise NotImplementedError

    def show_target(self, target: dict[str, Any]) -> None:
        """Select what an Overview item points at (default: nothing to select)."""

    def show_record(self, table: str, record_id: int) -> bool:
        """Bring record ``record_id`` of ``table`` into view, selected (search everywhere opens records so).

        False when this view does not show that table's records.
        """
        return False

    def printable(self) -> Printable | None:
        """What File > Print prints: the table with the keyboard focus, else the largest table shown."""
        focus = QApplication.focusWidget()
        tables = [focus] if isinstance(focus, QAbstractItemView) and self.isAncestorOf(focus) else sorted(
            (t for t in self.findChildren(QTableView) if t.isVisible() and t.model() is not None
             and t.model().rowCount()), key=lambda t: t.width() * t.height(), reverse=True)
        if not tables:
            return None
        name = tables[0].accessibleName()
        board = self.context.board
        return Printable(f"{self.title}: {name}" if name and name != self.title else self.title, table=tables[0],
                         board=board.name if board else "")

    def on_changes(self, changes: Changes) -> None:
        """Called for changes that touch ``watched_tables``; default: refresh everything."""
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.watched_tables):
            if self.isVisible():
                self.on_changes(changes)
            else:
                self._stale = True

    def _mark_stale(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self._stale:
            self._stale = False
            self.refresh()
        watch_tables(self)
        super().showEvent(event)


class EmptyState(QWidget):
    """A friendly panel for a view with no data yet: what it is for and what to do next."""

    action_clicked = Signal()

    def __init__(self, heading: str, explanation: str, action_text: str | None = None,
                 parent: QWidget | None = None, *, help_page: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        panel = QWidget()
        panel.setFixedWidth(560)
        inner = QVBoxLayout(panel)
        title = QLabel(heading)
        title.setObjectName("emptyHeading")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        text = QLabel(explanation)
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(title)
        inner.addWidget(text)
        if action_text:
            button = QPushButton(action_text)
            button.clicked.connect(self.action_clicked)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        if help_page:
            self.help_link = help_link(help_page, "How this works: the user guide")
            inner.addWidget(self.help_link, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class EmptyOr(QStackedWidget):
    """``body``, or in its place ``empty`` (an :class:`EmptyState`) while there is nothing to show in it.

    The empty state is the first page (index 0) and shows until :meth:`show_body` is called.
    """

    def __init__(self, body: QWidget, empty: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body, self.empty = body, empty
        self.addWidget(empty)
        self.addWidget(body)

    def show_body(self, shown: bool = True) -> None:
        """Show the body, or (``shown`` false) the empty state."""
        self.setCurrentWidget(self.body if shown else self.empty)


def record_table(name: str, model: QAbstractItemModel, *, view_class: type[FrozenTable] = FrozenTable,
                 alternating: bool = True, frozen: int = 0) -> FrozenTable:
    """A table of records to choose one from: whole rows, one at a time, nothing edited in place; the
    first ``frozen`` columns (those that name a row) stay in view while the others scroll sideways."""
    view = view_class()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    if frozen:
        view.freeze(frozen)
    return view


def whole_width(view: QTableView) -> int:
    """The width ``view`` needs to show every column whole, headings included, beside its vertical scroll bar
    (the last column as wide as its contents where it stretches to fill the room)."""
    header = view.horizontalHeader()
    columns = sum(max(header.sectionSizeFromContents(c).width(), view.sizeHintForColumn(c),
                      header.defaultSectionSize())   # a stretched last column is never narrower than the default
                  if c == header.count() - 1 and header.stretchLastSection() else header.sectionSize(c)
                  for c in range(header.count()) if not header.isSectionHidden(c))
    rows = view.verticalHeader().width() if view.verticalHeader().isVisible() else 0
    return columns + rows + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()


class TableBeside(QSplitter):
    """A table and a pane beside it (a chart, the records behind a total): the table as wide as it needs to
    show its columns whole, the pane the rest, until the user drags the divider."""

    def __init__(self, table: QTableView, pane: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.table = table
        self.addWidget(table)
        self.addWidget(pane)
        self.setStretchFactor(1, 1)
        self.setCollapsible(1, False)
        self.dragged = False
        self.splitterMoved.connect(self._dragged)

    def _dragged(self) -> None:
        self.dragged = True

    def fit(self) -> None:
        """Size the table to its columns again (after it is filled)."""
        if self.dragged or self.width() <= 0:
            return
        pane = self.widget(1).minimumSizeHint().width()
        table = min(whole_width(self.table), self.width() - self.handleWidth() - max(pane, 1))
        self.blockSignals(True)
        self.setSizes([table, self.width() - self.handleWidth() - table])
        self.blockSignals(False)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()


#: what a row or column holds: a widget, a layout, (widget, stretch), or None for a stretch
Item = QWidget | QLayout | tuple[QWidget, int] | None


def _fill(layout: QBoxLayout, items: tuple[Item, ...]) -> None:
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)


def row(*items: Item) -> QHBoxLayout:
    """A row of widgets and layouts; None is a stretch that pushes what follows to the right."""
    layout = QHBoxLayout()
    _fill(layout, items)
    return layout


def column(*items: Item, widget: QWidget | None = None) -> QWidget:
    """A column without margins of widgets and layouts, on ``widget`` (a new one by default)."""
    holder = widget if widget is not None else QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, items)
    return holder
