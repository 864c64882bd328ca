"""Opening a board file someone else has open: read-only, cancel, or take over an abandoned lock."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sgdesk.store.lockfile import LockInfo, lock_path

Choice = Literal["read-only", "take-over"]


class LockOfferDialog(QDialog):
    """Says who has the file open and offers to open it read-only; ``choice`` after it closes."""

    def __init__(self, path: Path, info: LockInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockOfferDialog")
        self.setWindowTitle("This board file is in use")
        self.setAccessibleName("This board file is in use")
        self.choice: Choice | None = None
        layout = QVBoxLayout(self)
        lock = escape(lock_path(path).name)
        if info.unreadable:
            heading = QLabel(f"<b>{escape(path.name)}</b> may be open for editing by someone else: its lock file "
                             f"{lock} cannot be read, so SG Desk cannot tell who.")
        else:
            heading = QLabel(f"<b>{escape(path.name)}</b> is open for editing by <b>{escape(info.user)}</b> on "
                             f"<b>{escape(info.machine)}</b> since {info.since()}.")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        explain = QLabel("Only one person can change a board file at a time. You can open it read-only to look "
                         "at it, print and export; you will not see their changes until you open it again."
                         + (f" If you are sure nobody has it open, cancel, delete {lock} beside it, and open the "
                            "file again." if info.unreadable else ""))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        buttons = QDialogButtonBox()
        self.read_only_button = QPushButton("Open &read-only")
        self.read_only_button.setDefault(True)
        buttons.addButton(self.read_only_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_only_button.clicked.connect(lambda: self._choose("read-only"))
        self.take_over_button: QPushButton | None = None
        if info.is_abandoned():
            if info.unreadable:
                quiet = (f"Its lock file has not changed since {info.last_seen()}. If the computer that made it "
                         "crashed or lost the network drive")
            else:
                quiet = (f"Nothing has been heard from that copy of SG Desk since {info.last_seen()}. If "
                         f"{escape(info.user)}'s computer crashed or lost the network drive")
            warning = QLabel(f"{quiet}, you can take over and edit. Only do this if you are sure nobody is working "
                             "on the file now.")
            warning.setObjectName("banner")
            warning.setWordWrap(True)
            layout.addWidget(warning)
            self.take_over_button = QPushButton("&Take over and edit")
            buttons.addButton(self.take_over_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.take_over_button.clicked.connect(lambda: self._choose("take-over"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()
