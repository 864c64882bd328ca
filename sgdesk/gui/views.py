"""The base class of every main view, and the 'nothing here yet' panel."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sgdesk.gui.context import AppContext
from sgdesk.store import Changes


class BoardView(QWidget):
    """A main view. Subclasses set ``key``, ``title``, ``watched_tables`` and ``refresh``."""

    key: ClassVar[str]
    title: ClassVar[str]
    #: the view refreshes when a change touches one of these tables
    watched_tables: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.title)
        self._stale = False
        context.changed.connect(self._on_changed)
        context.board_changed.connect(lambda _id: self._mark_stale())

    def refresh(self) -> None:
        """Reload what the view shows from the board file."""
        raise NotImplementedError

    def show_target(self, target: dict[str, Any]) -> None:
        """Select what an Overview item points at (default: nothing to select)."""

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
        super().showEvent(event)


class EmptyState(QWidget):
    """A friendly panel for a view with no data yet: what it is for and what to do next."""

    action_clicked = Signal()

    def __init__(self, heading: str, explanation: str, action_text: str | None = None,
                 parent: QWidget | None = None) -> None:
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
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
