"""The welcome screen, shown when SG Desk starts without a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sgdesk import __version__
from sgdesk.gui.widgets.help import help_link


class WelcomeView(QWidget):
    open_demo = Signal()
    new_file = Signal()
    open_file = Signal()
    open_recent = Signal(Path)

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        title = QLabel("SG Desk")
        title.setObjectName("welcomeTitle")
        layout.addWidget(title)
        blurb = QLabel("Membership, attendance, training, self-assessment and finance for a safeguarding "
                       "board's business unit, with the annual report's appendices made from the data.")
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        buttons = QHBoxLayout()
        for text, signal, name in (("Open the &demo board", self.open_demo, "Open the demo board"),
                                   ("&New board file…", self.new_file, "New board file"),
                                   ("&Open a board file…", self.open_file, "Open a board file")):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setMinimumHeight(36)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(help_link("getting-started.html", "New to SG Desk? Getting started, in the user guide (F1)"))
        layout.addSpacing(16)
        layout.addWidget(QLabel("Recent files"))
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent files")
        for path in recent:
            item = QListWidgetItem(f"{path.name}    ({path.parent})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem("No recent files yet")
            self.recent.setEnabled(False)
        self.recent.itemActivated.connect(lambda item: self.open_recent.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.itemDoubleClicked.connect(lambda item: self.open_recent.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.recent, 1)
        version = QLabel(f"Version {__version__} · works offline · your data stays in your board file")
        version.setObjectName("muted")
        layout.addWidget(version)
