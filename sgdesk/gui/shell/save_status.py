"""The status bar's account of saving: every change is saved as it is made, and this says so.

It reads "All changes saved · last change at 14:32" once the session has changed something, or
"Not saved yet: …" while a form holds typed values (it looks every second), and after the session
backup offers to open the folder the backups are kept in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from sgdesk.gui.widgets.unsaved import PendingEdit

ALL_SAVED = "All changes saved"
#: how often the status looks for typed values not saved yet (milliseconds)
LOOK_EVERY_MS = 1000


class SaveStatus(QWidget):
    """"All changes saved" (with the time of the last change), or what is not saved yet; and a button
    to the backups folder. ``pending`` says what is typed and not saved."""

    def __init__(self, pending: Callable[[], list[PendingEdit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending = pending
        self.label = QLabel()
        self.label.setObjectName("saveStatus")
        self.label.setAccessibleName("Saving")
        self.backups_button = QPushButton("Open backups folder")
        self.backups_button.setObjectName("backupsButton")
        self.backups_button.clicked.connect(self.open_backups_folder)
        self.backups_button.hide()
        self.backups_folder: Path | None = None
        self.saved_text = ""
        self.timer = QTimer(self)
        self.timer.setInterval(LOOK_EVERY_MS)
        self.timer.timeout.connect(self.look)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.backups_button)

    def file_opened(self, read_only: bool) -> None:
        """A file was opened: nothing changed yet, no backup yet."""
        self._say("Read-only: nothing can be changed" if read_only else ALL_SAVED)
        self.label.setToolTip("" if read_only else "Every change is saved in the file as it is made")
        self.backups_folder = None
        self.backups_button.hide()
        if read_only:
            self.timer.stop()
        else:
            self.timer.start()

    def no_file(self) -> None:
        self.timer.stop()
        self._say("")
        self.backups_button.hide()

    def changed(self, when: dt.datetime) -> None:
        """A change (or an undo) was written to the file at ``when``."""
        self._say(f"{ALL_SAVED} · last change at {when:%H:%M}")

    def _say(self, text: str) -> None:
        self.saved_text = text
        self.look()

    def look(self) -> None:
        """Show what is typed and not saved yet, if anything, else what was saved."""
        # while a dialog (or work in the background) has the window, the file is not read from here
        busy = QApplication.activeModalWidget() is not None or not self.timer.isActive()
        waiting = [] if busy else self.pending()
        if waiting:
            more = f" (and {len(waiting) - 1} more)" if len(waiting) > 1 else ""
            self.label.setText(f"Not saved yet: {waiting[0].what}{more}")
            self.label.setStyleSheet("color: #8A5A00;")
        else:
            self.label.setText(self.saved_text)
            self.label.setStyleSheet("")

    def backed_up(self, backup: Path) -> None:
        """The session backup was made: offer its folder."""
        self.backups_folder = backup.parent
        self.backups_button.setToolTip(f"Backups are kept in {backup.parent}")
        self.backups_button.show()

    def open_backups_folder(self) -> None:
        if self.backups_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backups_folder)))
