"""Message boxes that never show a traceback, and the small dialogs of the File menu."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from sgdesk.errors import SGDeskError
from sgdesk.paths import data_path
from sgdesk.store.boardfile import FileMovedAway
from sgdesk.store.failures import explain

log = logging.getLogger("sgdesk")


def error_text(error: BaseException) -> str:
    """What to tell the user: our own errors say it themselves; anything else is a bug."""
    if isinstance(error, SGDeskError):
        return str(error)
    if isinstance(error, (OSError, sqlite3.Error)):
        filename = getattr(error, "filename", None)
        return f"{Path(filename).name if filename else 'The board file'} could not be used: {explain(error)}"
    return ("Something went wrong inside SG Desk and the last action was not completed; your data is safe. "
            f"({type(error).__name__}) Please report this, with what you were doing, to your SG Desk support.")


def show_error(parent: QWidget | None, error: BaseException, title: str = "SG Desk") -> None:
    """Say what went wrong; a board file moved away while open offers to save a copy of what is open."""
    if not isinstance(error, SGDeskError):
        log.error("unexpected error", exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    window = QWidget.window(parent) if parent is not None else None   # (a dialog may have a field called window)
    save = None
    if isinstance(error, FileMovedAway) and hasattr(window, "save_copy"):
        save = box.addButton("Save a copy…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save)
    box.exec()
    if save is not None and box.clickedButton() is save:
        window.save_copy()


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``12 attendance marks``, ``1 attendance mark``.

    >>> counted(12, "attendance mark"), counted(1, "term"), counted(2, "entry", "entries")
    ('12 attendance marks', '1 term', '2 entries')
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def confirm(parent: QWidget, title: str, question: str, action: str, keep: str = "Cancel", *,
            destructive: bool = True) -> bool:
    """Ask before acting; True when the user chose ``action``.

    The question names what will go ("Remove the meeting of 21 Sep 2017 and its 12 attendance
    marks?"), and the buttons say what they do: ``action`` ("Remove meeting") and ``keep`` ("Keep
    meeting"), which is the default and what Escape chooses.
    """
    icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole if destructive
                       else QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    return box.clickedButton() is go


def open_dialog(owner: QWidget, dialog: QDialog, on_accepted: Callable[[QDialog], None]) -> QDialog:
    """Show ``dialog`` window-modal without blocking; ``on_accepted`` runs when it is saved.

    The dialog stays reachable as ``owner.dialog`` (tests fill it in and press its buttons).
    """
    owner.dialog = dialog
    dialog.accepted.connect(lambda: on_accepted(dialog))
    dialog.open()
    return dialog


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load a Qt Designer form from ``ui/``."""
    from PySide6.QtCore import QFile
    from PySide6.QtUiTools import QUiLoader

    file = QFile(str(data_path("ui", name)))
    file.open(QFile.OpenModeFlag.ReadOnly)
    try:
        return QUiLoader().load(file, parent)
    finally:
        file.close()


class NewBoardDialog:
    """File > New: the board's name, short name and kind (form ``ui/new_board_dialog.ui``)."""

    KINDS = ("children", "adults", "all-age")

    def __init__(self, parent: QWidget | None = None) -> None:
        self.dialog: QDialog = load_form("new_board_dialog.ui", parent)  # type: ignore[assignment]
        self.dialog.kindCombo.addItems(["Children's board or partnership", "Adults' board (SAB)",
                                        "All-age partnership"])

    def exec(self) -> bool:
        return self.dialog.exec() == QDialog.DialogCode.Accepted

    def values(self) -> tuple[str, str | None, str]:
        name = self.dialog.nameEdit.text().strip()
        short = self.dialog.shortEdit.text().strip() or None
        return name, short, self.KINDS[self.dialog.kindCombo.currentIndex()]
