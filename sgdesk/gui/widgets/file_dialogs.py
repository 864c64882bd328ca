"""File dialogs that start where the user last was: in Documents at first, then in the last folder used
for each kind of file (board files, imports, exports, backups), remembered between sessions.

The main window calls :func:`remember_folders_in` with its settings; until then (a widget on its
own, in a test) the dialogs start in Documents and remember nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

BOARD_FILES, IMPORTS, EXPORTS, BACKUPS = "board-files", "imports", "exports", "backups"
_settings: QSettings | None = None


def remember_folders_in(settings: QSettings | None) -> None:
    global _settings
    _settings = settings


def documents_folder() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())


def last_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` starts: the folder last used for it, if it is still there; else Documents."""
    if _settings is not None:
        value = _settings.value(f"folders/{kind}")
        if value and Path(str(value)).is_dir():
            return Path(str(value))
    return documents_folder()


def note_folder(kind: str, chosen: Path) -> None:
    if _settings is not None:
        _settings.setValue(f"folders/{kind}", str(chosen if chosen.is_dir() else chosen.parent))


def open_file(parent: QWidget | None, kind: str, title: str, file_filter: str) -> Path | None:
    filename, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind)), file_filter)
    return _chosen(kind, filename)


def open_files(parent: QWidget | None, kind: str, title: str, file_filter: str) -> list[Path]:
    filenames, _ = QFileDialog.getOpenFileNames(parent, title, str(last_folder(kind)), file_filter)
    paths = [Path(name) for name in filenames]
    if paths:
        note_folder(kind, paths[0])
    return paths


def save_file(parent: QWidget | None, kind: str, title: str, name: str, file_filter: str) -> Path | None:
    """Ask where to save a file suggested as ``name`` (a bare name goes in the kind's last folder)."""
    suggested = Path(name) if Path(name).is_absolute() else last_folder(kind) / name
    filename, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return _chosen(kind, filename)


def choose_folder(parent: QWidget | None, kind: str, title: str, start: Path | None = None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start or last_folder(kind)))
    return _chosen(kind, folder)


def _chosen(kind: str, filename: str) -> Path | None:
    if not filename:
        return None
    path = Path(filename)
    note_folder(kind, path)
    return path
