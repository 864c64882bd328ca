"""Overview: what needs the business unit's attention now, each item a link to its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sgdesk.attention import AttentionItem
from sgdesk.gui.widgets.views import BoardView, EmptyOr, EmptyState

_SEVERITY = {"problem": ("Problem", "#B00020"), "warning": ("Check", "#8A5A00"), "info": ("Note", "#1F4E79")}


class OverviewView(BoardView):
    key = "overview"
    title = "Overview"
    watched_tables = frozenset({"*"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("viewHeading")
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName("attentionList")
        self.list.setAccessibleName("Items needing attention")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        self.empty = EmptyState("Nothing needs your attention",
                                "Meetings to record, attendance flags, contributions not yet received, "
                                "training sessions with waiting lists and open self-assessment rounds will "
                                "be listed here as they arise.")
        self.stack = EmptyOr(self.list, self.empty)
        layout.addWidget(self.stack)
        self.refresh()

    def _on_changed(self, changes) -> None:  # every change may alter what needs attention
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def items(self) -> list[AttentionItem]:
        from sgdesk import registry

        board_id = self.context.board_id
        if board_id is None:
            return []
        found: list[AttentionItem] = []
        for provider in registry.load().attention:
            found.extend(provider(self.context.bf, board_id))
        order = {"problem": 0, "warning": 1, "info": 2}
        return sorted(found, key=lambda item: order[item.severity])

    def refresh(self) -> None:
        board = self.context.board
        self.heading.setText(board.name if board else "No board yet")
        self.list.clear()
        items = self.items()
        for item in items:
            label, colour = _SEVERITY[item.severity]
            entry = QListWidgetItem(f"{label}: {item.text}")
            entry.setForeground(QColor(colour))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setToolTip("Open where this is fixed")
            self.list.addItem(entry)
        self.heading.setText(f"{self.heading.text()} — {len(items)} item{'s' if len(items) != 1 else ''} "
                             "need attention" if items else self.heading.text())
        self.stack.show_body(bool(items))

    def _open_item(self, entry: QListWidgetItem) -> None:
        item: AttentionItem = entry.data(Qt.ItemDataRole.UserRole)
        self.context.navigate.emit(item.view, dict(item.target))
