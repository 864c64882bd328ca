"""Writing one registered export from a view: where to and in which format, written off the UI thread on a
read-only connection, then where it went (with a button that opens the folder).

A view reaches an export through the registry by its name (the Meetings view's "Prepare papers…"
asks for ``meeting-pack``), so it needs no import of the feature that registered it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sgdesk.errors import InputError
from sgdesk.exporting import Export, ExportRequest, ExportResult
from sgdesk.gui.widgets.file_dialogs import EXPORTS, last_folder, note_folder, save_file
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.tasks import Progress, run_in_background

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "csv": "CSV"}


def safe_filename(text: str) -> str:
    """``Southend LSCB papers 6 Feb 2019``: a file name without the characters Windows refuses.

    >>> safe_filename("L&D: papers 06/02/2019")
    'L&D papers 06-02-2019'
    """
    cleaned = "".join("-" if c in "/\\\\" else "" if c in ':*?"<>|' else c for c in text)
    return " ".join(cleaned.split())


class ExportDialog(FormDialog):
    """Where to write ``export``, as which of its formats, and whether to mark it DRAFT."""

    def __init__(self, export: Export, title: str, filename: str, parent: QWidget | None = None) -> None:
        description = export.description.rstrip(".")
        super().__init__(title, parent, f"{description}.")
        self.export = export
        formats = [(f"{FORMAT_NAMES.get(fmt, fmt.upper())} (.{fmt})", fmt) for fmt in export.formats]
        self.format = self.add_choice("format", "&Format", formats, current=export.formats[0])
        self.path = QLineEdit(str(last_folder(EXPORTS) / f"{safe_filename(filename)}.{export.formats[0]}"))
        self.path.setAccessibleName("File")
        self.fields["path"] = self.path
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        line = QWidget()
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path, 1)
        layout.addWidget(browse)
        self.add_row("&Save as:", line)
        self.add_check("draft", "Mark as &DRAFT")
        self.format.currentIndexChanged.connect(lambda _i: self._match_suffix())
        self.path.setMinimumWidth(420)

    def _match_suffix(self) -> None:
        path = Path(self.path.text().strip())
        if path.name:
            self.path.setText(str(path.with_suffix(f".{self.format.currentData()}")))

    def browse(self) -> None:
        chosen = save_file(self, EXPORTS, "Save as", self.path.text(), f"*.{self.format.currentData()}")
        if chosen is not None:
            self.path.setText(str(chosen))
            self._match_suffix()

    def save(self) -> tuple[Path, bool]:
        text = self.path.text().strip()
        if not text:
            raise InputError("The file name", "is empty", "type where to save it, or press Browse")
        path = Path(text).with_suffix(f".{self.format.currentData()}")
        if not path.parent.is_dir():
            raise InputError(f"The folder {path.parent}", "does not exist", "choose a folder with Browse")
        note_folder(EXPORTS, path)
        return path, bool(self.fields["draft"].isChecked())  # type: ignore[attr-defined]


def run_export(board_path: Path, export: Export, request: ExportRequest, progress: Progress) -> ExportResult:
    """Write ``export`` for ``request`` from the board file at ``board_path``, on a read-only connection of its own
    (in a worker thread)."""
    from sgdesk.exporting import write_export
    from sgdesk.store import open_board_file

    with open_board_file(board_path, read_only=True) as bf:
        return write_export(export, bf, request, progress.update)


def export_in_background(parent: QWidget, board_path: Path, export: Export, request: ExportRequest,
                         on_done: Callable[[ExportResult], None] | None = None) -> Progress:
    """Write ``export`` for ``request`` from the board file at ``board_path``, off the UI thread."""
    def work(progress: Progress) -> ExportResult:
        return run_export(board_path, export, request, progress)

    return run_in_background(parent, f"Writing {request.out.name}…", work,
                             on_done=on_done or (lambda result: show_exported(parent, result)))


def show_exported(parent: QWidget, result: ExportResult) -> None:
    """Say where the file went, with its pages and notes, and offer to open its folder."""
    path = result.path
    pages = f" ({result.pages} pages)" if result.pages else ""
    text = "\n".join([f"Saved {path.name}{pages} in {path.parent}", *(f"• {note}" for note in result.notes)])
    box = QMessageBox(QMessageBox.Icon.Information, "Export finished", text, QMessageBox.StandardButton.Ok, parent)
    open_folder = box.addButton("Open the folder", QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def ask_and_export(parent: QWidget, board_path: Path, board_id: int, export: Export, title: str, filename: str,
                   options: dict[str, str], *, on_done: Callable[[ExportResult], None] | None = None,
                   today: dt.date | None = None) -> Any:
    """Ask where to write ``export`` (with ``options``), then write it in the background."""
    dialog = ExportDialog(export, title, filename, parent)
    parent.export_dialog = dialog   # reachable by tests, like open_dialog's owner.dialog
    answer = dialog.ask()
    if answer is None:
        return None
    out, draft = answer
    request = ExportRequest(board_id, out, None, draft, dict(options), today)
    return export_in_background(parent, board_path, export, request, on_done)
