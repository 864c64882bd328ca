"""Search everywhere (Ctrl+K or Ctrl+F): one box at the top right that finds any record as you type.

The results drop down under the box; Up and Down move through them, Enter (or a click) opens the
record in its view and Escape closes them. The words are looked up by :func:`sgdesk.search.search`
in the board file's full-text index; the box shows the matches of the board chosen.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QWidget,
)

from sgdesk import registry
from sgdesk.search import SearchHit, prepare, search
from sgdesk.store import BoardFile

POPUP_WIDTH = 680
POPUP_ROWS = 14
COLUMNS = ("Found", "What", "Details")


class HitsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.note = ""          # shown as the only row when nothing matches

    def set_hits(self, hits: list[SearchHit], note: str = "") -> None:
        self.beginResetModel()
        self.hits, self.note = hits, note
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits) or int(bool(self.note))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if not self.hits:
            return self.note if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        hit = self.hits[index.row()]
        values = (hit.title, hit.label, hit.detail)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.label}: {hit.title}" + (f"\n{hit.detail}" if hit.detail else "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not self.hits:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SearchBox(QLineEdit):
    """The search box; ``opened`` carries the hit the user chose."""

    opened = Signal(object)     # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchEverywhere")
        self.setAccessibleName("Search everywhere")
        self.setPlaceholderText("Search everywhere (Ctrl+K)")
        self.setToolTip("Find organisations, people, seats, delegates, courses, sessions, ledger entries, "
                        "forward-plan items and self-assessment comments: type a few letters of any word")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(300)
        self.bf: BoardFile | None = None
        self.board_id: int | None = None
        self.model = HitsModel()
        self._popup: QTreeView | None = None
        self.textChanged.connect(self._search)

    @property
    def popup(self) -> QTreeView:
        """The results under the box, made when first shown: not before the window's first paint (5 ms)."""
        if self._popup is None:
            popup = QTreeView(self)
            popup.setObjectName("searchResults")
            popup.setAccessibleName("Search results")
            popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
            popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            popup.setModel(self.model)
            popup.setRootIsDecorated(False)
            popup.setUniformRowHeights(True)
            popup.setAlternatingRowColors(True)
            popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            popup.header().setStretchLastSection(True)
            popup.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            popup.clicked.connect(lambda index: self._open(index.row()))
            self._popup = popup
        return self._popup

    @property
    def results_shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def set_board(self, bf: BoardFile | None, board_id: int | None) -> None:
        """What to search: the open file's board (None when no file is open)."""
        self.bf, self.board_id = bf, board_id
        self.setEnabled(bf is not None)
        self.clear()

    # -- searching -----------------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        if self.bf is None or not text.strip():
            self.hide_results()
            return
        try:
            hits = search(self.bf, text, self.board_id, registry.load().searchables)
            note = f"Nothing matches '{text.strip()}': check the spelling, or type fewer letters"
        except sqlite3.DatabaseError:   # a file whose search index is damaged or missing
            hits, note = [], "Search cannot read this file's index: Help > Check file says what is wrong"
        self.model.set_hits(hits, "" if hits else note)
        if hits:
            self.popup.setCurrentIndex(self.model.index(0, 0))
        self._show_results()

    def _show_results(self) -> None:
        width = max(POPUP_WIDTH, self.width())
        self.popup.setColumnWidth(0, int(width * 0.45))
        self.popup.setColumnWidth(1, int(width * 0.2))
        rows = max(min(self.model.rowCount(), POPUP_ROWS), 1)
        height = self.popup.sizeHintForRow(0) * rows + self.popup.header().height() + 4
        below = self.mapToGlobal(QPoint(self.width() - width, self.height()))
        self.popup.setGeometry(below.x(), below.y(), width, height)
        self.popup.show()

    def hide_results(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    # -- choosing ----------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        key = event.key()
        if self.results_shown and key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: POPUP_ROWS,
                    Qt.Key.Key_PageUp: -POPUP_ROWS}[key]
            row = min(max(self.popup.currentIndex().row() + step, 0), max(len(self.model.hits) - 1, 0))
            if self.model.hits:
                self.popup.setCurrentIndex(self.model.index(row, 0))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results_shown:
            self._open(self.popup.currentIndex().row())
            return
        if key == Qt.Key.Key_Escape:
            if self.results_shown:
                self.hide_results()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        # Escape, Enter and the arrows are the box's own while its results show (not the dialog's or a menu's)
        if event.type() == QEvent.Type.ShortcutOverride and self.results_shown and \
                (event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                 or event.matches(QKeySequence.StandardKey.Find)):
            event.accept()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Coming to the box (Ctrl+K, a click, Tab) loads what searching needs, before the first letter is
        typed. Not when the box has the focus only because the window opened: that would hold up the
        window's first paint (the first letter typed then loads it)."""
        super().focusInEvent(event)
        opening = event.reason() in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.OtherFocusReason)
        if self.bf is not None and not opening:
            prepare(self.bf, registry.load().searchables)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().focusOutEvent(event)
        if self._popup is None or not self._popup.underMouse():
            self.hide_results()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.hits):
            hit = self.model.hits[row]
            self.hide_results()
            self.opened.emit(hit)
