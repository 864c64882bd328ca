"""The read-only banner of the data-safety windows."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget


class ReadOnlyBanner(QLabel):
    """The strip across the top of the workspace when a board file is open read-only."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(f"<b>Read-only:</b> {escape(reason)}. You can look, print and export; changes are "
                         "switched off.", parent)
        self.setObjectName("banner")
        self.setAccessibleName("Read-only notice")
        self.setWordWrap(True)

