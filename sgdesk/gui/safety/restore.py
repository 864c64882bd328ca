"""Help > Restore from backup…: the backups of a board file, newest first, with date and size.

The dialog chooses; the main window restores (it must close the file first). The same dialog
sets where backups go and how many of each file are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sgdesk.backups import Backup, list_backups
from sgdesk.gui.safety.settings import (
    backup_folder,
    backups_kept,
    set_backup_folder,
    set_backups_kept,
)
from sgdesk.gui.widgets.dialogs import confirm
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.views import EmptyOr, EmptyState, record_table

BACKUP_FILTER = "SG Desk backups (*.sgdesk);;All files (*)"


def describe_size(size: int) -> str:
    """A file size as Explorer shows it.

    >>> describe_size(397_312), describe_size(3_500_000)
    ('388 KB', '3.3 MB')
    """
    if size < 1024 * 1024:
        return f"{max(size / 1024, 1):,.0f} KB"
    return f"{size / 1024 ** 2:,.1f} MB"


BACKUP_FIELDS = [Field("made", "Made"), Field("size", "Size", "int"), Field("note", "Note"), Field("file", "File")]


def backup_row(backup: Backup) -> dict[str, Any]:
    return {"id": backup.path, "made": f"{backup.made_at:%a %d %b %Y, %H:%M:%S}", "size": describe_size(backup.size),
            "note": backup.description, "file": backup.path.name, "backup": backup}


class RestoreDialog(QDialog):
    """Lists the backups of ``board_path``; after it is accepted, ``chosen`` is the backup to restore."""

    def __init__(self, board_path: Path, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board_path = board_path
        self.settings = settings
        self.chosen: Path | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        self.setAccessibleName("Restore from backup")
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        heading = QLabel(f"Backups of <b>{board_path.name}</b>")
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        explain = QLabel("SG Desk backs the file up before the first change each time it is opened. Restoring "
                         "replaces the whole file with the backup; the file as it is now is backed up first, so a "
                         "restore can itself be undone by restoring that copy.")
        explain.setWordWrap(True)
        layout.addWidget(explain)

        self.model = RecordsModel(BACKUP_FIELDS)
        self.table = record_table("Backups", self.model, alternating=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty = EmptyState("No backups of this file yet",
                                "SG Desk makes one just before the first change each time you open the file. "
                                "If you have a copy of the file somewhere else, choose it instead.",
                                "Choose a backup file…", help_page="backups.html")
        self.empty.action_clicked.connect(self.choose_file)
        self.stack = EmptyOr(self.table, self.empty)
        layout.addWidget(self.stack, 1)

        settings_row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("muted")
        self.folder_label.setWordWrap(True)
        change = QPushButton("Change folder…")
        change.setAccessibleName("Change the backups folder")
        change.clicked.connect(self.change_folder)
        settings_row.addWidget(self.folder_label, 1)
        settings_row.addWidget(change)
        settings_row.addWidget(QLabel("Keep the last"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 500)
        self.keep.setValue(backups_kept(settings))
        self.keep.setAccessibleName("Backups kept per file")
        self.keep.valueChanged.connect(lambda value: set_backups_kept(self.settings, value))
        settings_row.addWidget(self.keep)
        settings_row.addWidget(QLabel("backups of each file"))
        layout.addLayout(settings_row)

        buttons = QHBoxLayout()
        other = QPushButton("Choose a backup &file…")
        other.clicked.connect(self.choose_file)
        self.restore_button = QPushButton("&Restore the selected backup")
        self.restore_button.setAccessibleName("Restore the selected backup")
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons.addWidget(other)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        folder = backup_folder(self.settings)
        self.folder_label.setText(f"Backups folder: {folder}")
        self.model.set_rows([backup_row(backup) for backup in list_backups(self.board_path, folder)])
        has_backups = bool(self.model.rows)
        self.stack.show_body(has_backups)
        self.restore_button.setEnabled(has_backups)
        if has_backups:
            self.table.selectRow(0)

    def selected_backup(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row())["backup"] if rows else None

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            self._confirm(backup.path, f"the backup made on {backup.made_at:%a %d %b %Y at %H:%M}")

    def choose_file(self) -> None:
        filename, _ = QFileDialog.getOpenFileName(self, "Choose a backup to restore",
                                                  str(backup_folder(self.settings)), BACKUP_FILTER)
        if filename:
            self._confirm(Path(filename), Path(filename).name)

    def change_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Keep backups in", str(backup_folder(self.settings)))
        if folder:
            set_backup_folder(self.settings, Path(folder))
            self.refresh()

    def _confirm(self, backup: Path, described: str) -> None:
        if confirm(self, "Restore from backup", f"Replace {self.board_path.name} with {described}?\n\nChanges made "
                   "since then will be gone from the file. The file as it is now is backed up first.",
                   "Restore", "Keep the file as it is"):
            self.chosen = backup
            self.accept()
