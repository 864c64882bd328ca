"""Edits typed but not saved yet, and what to do with them: Save, Discard or Cancel.

Most of SG Desk saves each change as it is made. A form with a Save button (a dialog, the answer
box of a self-assessment, the details of a mark) holds what is typed until then: it says so by
being a :class:`HoldsEdits`. A cell being edited in a table holds its text too. Before the main
window quits, opens another file or switches board it calls :func:`settle_edits`, which asks what
to do with everything still held, and goes ahead only if the user saved or discarded it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)


class HoldsEdits:
    """A widget that holds typed values until they are saved (mixed into a QWidget subclass)."""

    def unsaved_edit(self) -> str | None:
        """What is typed and not saved, for a question ("the answer to SD1 for NPS"); None when nothing is."""
        raise NotImplementedError

    def save_edit(self) -> bool:
        """Save what is typed; False when it was refused (the reason has been shown)."""
        raise NotImplementedError

    def discard_edit(self) -> None:
        """Forget what is typed."""
        raise NotImplementedError


class DialogEdits(HoldsEdits):
    """For a dialog whose accept button saves it: unsaved while it is open with values changed since it
    was first shown. The dialog calls :meth:`remember_values` when it is shown; ``values_now`` says
    what its values are (anything comparable; by default every input widget's value)."""

    _shown_values: Any = None

    def values_now(self) -> Any:
        return input_values(self)  # type: ignore[arg-type]

    def remember_values(self) -> None:
        if self._shown_values is None:
            self._shown_values = self.values_now()

    def values_changed(self) -> bool:
        return self._shown_values is not None and self.values_now() != self._shown_values

    def unsaved_edit(self) -> str | None:
        dialog: QDialog = self  # type: ignore[assignment]
        if dialog.isVisible() and self.values_changed():
            return f"what is typed in “{dialog.windowTitle()}”"
        return None

    def save_edit(self) -> bool:
        dialog: QDialog = self  # type: ignore[assignment]
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    def discard_edit(self) -> None:
        QDialog.done(self, QDialog.DialogCode.Rejected)  # type: ignore[arg-type]


def input_values(root: QWidget) -> list[Any]:
    """The value of every input widget under ``root``, in a fixed order (to see whether any changed)."""
    values: list[Any] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentText())
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
    return values


@dataclass(frozen=True)
class PendingEdit:
    """One edit held but not saved yet: what it is, in words for the question, and how to save or discard it."""

    what: str
    save: Callable[[], bool]
    discard: Callable[[], None]


def pending_edits(root: QWidget) -> list[PendingEdit]:
    """Everything under ``root`` holding typed values that are not saved."""
    found: list[PendingEdit] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, HoldsEdits):
            what = widget.unsaved_edit()
            if what:
                found.append(PendingEdit(what, widget.save_edit, widget.discard_edit))
        elif isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.State.EditingState:
            edit = _cell_edit(widget)
            if edit is not None:
                found.append(edit)
    return found


def _cell_edit(view: QAbstractItemView) -> PendingEdit | None:
    """The cell of ``view`` being edited, if its editor holds a value other than the cell's."""
    index = view.currentIndex()
    editor = view.indexWidget(index) if index.isValid() else None
    if editor is None or not _editor_changed(editor, index):
        return None
    heading = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
    heading = " ".join(str(heading or "").split())
    what = f"the {heading} cell being edited in {view.accessibleName() or 'a table'}"

    def save() -> bool:
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    return PendingEdit(what, save, lambda: view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache))


def _editor_changed(editor: QWidget, index: QModelIndex) -> bool:
    from sgdesk.gui.widgets.date_field import STORED   # the date picker: not loaded before the window's first paint

    stored = index.data(Qt.ItemDataRole.EditRole)
    stored = "" if stored is None else str(stored)
    if isinstance(editor, QLineEdit):
        return editor.text() != stored
    if isinstance(editor, QComboBox):
        return editor.currentText() != stored
    if isinstance(editor, QAbstractSpinBox) and editor.property(STORED) is not None:   # a date cell's picker
        return editor.lineEdit().text() != editor.property(STORED)
    return True


def settle_edits(parent: QWidget, root: QWidget, going: str) -> bool:
    """Before ``going`` ("quit", "open another file"…), ask what to do with unsaved edits under ``root``.

    Save saves each (stopping at one that is refused), Discard forgets them; True when it is then
    fine to go ahead, False after Cancel or a refused save.
    """
    pending = pending_edits(root)
    if not pending:
        return True
    listed = "\n".join(f"• {edit.what[0].upper()}{edit.what[1:]}" for edit in pending)
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"Not saved yet:\n{listed}\n\nSave before you {going}?", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("unsavedChanges")
    save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is discard:
        for edit in pending:
            edit.discard()
        return True
    if box.clickedButton() is save:
        return all(edit.save() for edit in pending)
    return False
