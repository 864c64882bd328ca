"""Small widgets of the data-safety windows: the read-only banner, and their read-only tables."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget


class ReadOnlyBanner(QLabel):
    """The strip across the top of the workspace when a board file is open read-only."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(f"<b>Read-only:</b> {escape(reason)}. You can look, print and export; changes are "
                         "switched off.", parent)
        self.setObjectName("banner")
        self.setAccessibleName("Read-only notice")
        self.setWordWrap(True)


def record_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A table of records to choose one from: whole rows, one at a time, nothing edited in place."""
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view
