"""Where the app keeps backups and how many it keeps: two settings, with their defaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from sgdesk.backups import DEFAULT_KEEP, default_backup_dir

FOLDER_KEY = "backups/folder"
KEEP_KEY = "backups/keep"


def backup_folder(settings: QSettings) -> Path:
    chosen = settings.value(FOLDER_KEY)
    return Path(str(chosen)) if chosen else default_backup_dir()


def backups_kept(settings: QSettings) -> int:
    try:
        return max(1, int(settings.value(KEEP_KEY, DEFAULT_KEEP)))
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def set_backup_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(FOLDER_KEY, str(folder))


def set_backups_kept(settings: QSettings, keep: int) -> None:
    settings.setValue(KEEP_KEY, max(1, keep))
