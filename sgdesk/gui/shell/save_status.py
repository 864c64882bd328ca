"""The status bar's account of saving: every change is saved as it is made, and this says so.

It reads "All changes saved · last change at 14:32" once the session has changed something,
and after the session backup offers to open the folder the backups are kept in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

ALL_SAVED = "All changes saved"


class SaveStatus(QWidget):
    """"All changes saved" (with the time of the last change) and a button to the backups folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("saveStatus")
        self.label.setAccessibleName("Saving")
        self.backups_button = QPushButton("Open backups folder")
        self.backups_button.setObjectName("backupsButton")
        self.backups_button.setFlat(True)
        self.backups_button.clicked.connect(self.open_backups_folder)
        self.backups_button.hide()
        self.backups_folder: Path | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.backups_button)

    def file_opened(self, read_only: bool) -> None:
        """A file was opened: nothing changed yet, no backup yet."""
        self.label.setText("Read-only: nothing can be changed" if read_only else ALL_SAVED)
        self.label.setToolTip("" if read_only else "Every change is saved in the file as it is made")
        self.backups_folder = None
        self.backups_button.hide()

    def no_file(self) -> None:
        self.label.clear()
        self.backups_button.hide()

    def changed(self, when: dt.datetime) -> None:
        """A change (or an undo) was written to the file at ``when``."""
        self.label.setText(f"{ALL_SAVED} · last change at {when:%H:%M}")

    def backed_up(self, backup: Path) -> None:
        """The session backup was made: offer its folder."""
        self.backups_folder = backup.parent
        self.backups_button.setToolTip(f"Backups are kept in {backup.parent}")
        self.backups_button.show()

    def open_backups_folder(self) -> None:
        if self.backups_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backups_folder)))
