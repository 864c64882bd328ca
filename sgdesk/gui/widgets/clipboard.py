"""Copying a table's selection with its headings: tab-separated text for Excel, an HTML table for Word.

:func:`copy_selection` puts the selected cells of any table (or list) on the clipboard;
:func:`install_table_copy`, called once for the application, makes Ctrl+C do so in every table of
every window instead of copying one cell (a table with a ``copy_selection`` method of its own, such as the
attendance grid, whose marks paste back into it, copies its own way). Text a spreadsheet would run
as a formula is pasted as text.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from sgdesk.reporting import neutralise


def selected_cells(view: QAbstractItemView) -> tuple[list[str], list[list[str]]]:
    """The headings and the text of the selected cells, row by row, in the order they are shown.

    The selection is made a rectangle: every row with a selected cell, every column with one (so a
    whole row selected gives every shown column). With nothing selected, the current cell.
    """
    model = view.model()
    indexes = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else None
    hidden = view.isColumnHidden if hasattr(view, "isColumnHidden") else (lambda _column: False)
    columns = sorted({i.column() for i in indexes if not hidden(i.column())},
                     key=lambda c: header.visualIndex(c) if header is not None else c)
    rows = sorted({i.row() for i in indexes})
    headings = [_text(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for c in columns]
    cells = [[_text(model.index(r, c).data(Qt.ItemDataRole.DisplayRole)) for c in columns] for r in rows]
    return headings, cells


def as_tsv(headings: list[str], cells: list[list[str]]) -> str:
    """Tab-separated lines (tabs and line breaks inside a cell become spaces); headings first if any."""
    lines = ([headings] if any(headings) else []) + cells
    return "\n".join("\t".join(_flat(neutralise(cell)) for cell in line) for line in lines) + "\n"


def as_html(headings: list[str], cells: list[list[str]]) -> str:
    head = ("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>") if any(headings) else ""
    body = "".join("<tr>" + "".join(f"<td>{escape(neutralise(cell))}</td>" for cell in line) + "</tr>"
                   for line in cells)
    return f"<table border=\"1\" cellspacing=\"0\">{head}{body}</table>"


def copy_selection(view: QAbstractItemView) -> int:
    """Put the view's selected cells on the clipboard with their headings; returns the rows copied."""
    headings, cells = selected_cells(view)
    if not cells:
        return 0
    data = QMimeData()
    data.setText(as_tsv(headings, cells))
    data.setHtml(as_html(headings, cells))
    QGuiApplication.clipboard().setMimeData(data)
    return len(cells)


class TableCopy(QObject):
    """Ctrl+C in any table copies its selection with headings (Qt's own copies only the current cell).

    The table keeps its editing keys (copy, paste, select all, delete) rather than the Edit menu's
    shortcuts taking them: the menu's commands act on it when chosen from the menu.
    """

    KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
            QKeySequence.StandardKey.Delete)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or \
                not isinstance(watched, QAbstractItemView):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            if any(event.matches(key) for key in self.KEYS):
                event.accept()          # the key comes to the table, not to a menu shortcut
            return False
        if not event.matches(QKeySequence.StandardKey.Copy) or hasattr(watched, "copy_selection") or \
                watched.state() == QAbstractItemView.State.EditingState:
            return False                # a cell being edited, or a table that copies its own way
        copy_selection(watched)
        return True


def install_table_copy(app: QApplication) -> None:
    """Make Ctrl+C copy with headings in every table of ``app`` (once).

    Each table gets the filter when it first takes the keyboard focus, or when a main view showing it
    appears (:func:`watch_tables`): a filter on the whole application would run for every event of
    every widget, and slowed the opening of a view by a third.
    """
    if getattr(app, "_table_copy", None) is None:
        app._table_copy = TableCopy(app)
        app.focusChanged.connect(lambda _old, new: _watch(new))


def watch_tables(widget: QWidget) -> None:
    """Give every table inside ``widget`` the Ctrl+C of :func:`install_table_copy` (once installed)."""
    for view in widget.findChildren(QAbstractItemView):
        _watch(view)


def _watch(widget) -> None:
    table_copy = getattr(QApplication.instance(), "_table_copy", None)
    if table_copy is not None and isinstance(widget, QAbstractItemView) and not widget.property("copiesWithHeadings"):
        widget.setProperty("copiesWithHeadings", True)
        widget.installEventFilter(table_copy)


def _text(value) -> str:
    return "" if value is None else str(value)


def _flat(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())
