"""The Edit menu's Cut, Copy, Paste, Delete and Select all, done by the widget with the keyboard focus.

Text boxes cut, copy, paste and delete their selected text; tables copy their selected rows with
their headings (:mod:`sgdesk.gui.widgets.clipboard`) and select all their rows, and a table that
takes pasted cells itself (the attendance grid) pastes them. A command the focused widget cannot do
is greyed out, so its key goes to the widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from sgdesk.gui.widgets.clipboard import copy_selection

COMMANDS = ("cut", "copy", "paste", "delete", "select_all")


def target(widget: QWidget | None) -> QWidget | None:
    """The widget a command acts on: the focused one, or the text box inside a spin box or combo box."""
    if isinstance(widget, QAbstractSpinBox):
        return widget.lineEdit()
    if isinstance(widget, QComboBox):
        return widget.lineEdit()
    return widget


def available(widget: QWidget | None, command: str) -> bool:
    """Whether ``widget`` (as :func:`target` finds it) can do ``command`` now."""
    widget = target(widget)
    if isinstance(widget, QLineEdit):
        selected, writable = widget.hasSelectedText(), not widget.isReadOnly()
        return {"cut": selected and writable, "copy": selected, "paste": writable, "delete": selected and writable,
                "select_all": bool(widget.text())}[command]
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        selected, writable = widget.textCursor().hasSelection(), not widget.isReadOnly()
        return {"cut": selected and writable, "copy": selected, "paste": writable, "delete": selected and writable,
                "select_all": not widget.document().isEmpty()}[command]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        has_rows = widget.model().rowCount() > 0
        many = widget.selectionMode() in (QAbstractItemView.SelectionMode.ExtendedSelection,
                                          QAbstractItemView.SelectionMode.MultiSelection)
        return {"copy": has_rows, "select_all": has_rows and many,
                "paste": has_rows and hasattr(widget, "paste_clipboard")}.get(command, False)
    return False


def run(widget: QWidget | None, command: str) -> None:
    """Do ``command`` in ``widget`` if it can."""
    if not available(widget, command):
        return
    widget = target(widget)
    if isinstance(widget, QLineEdit):
        {"cut": widget.cut, "copy": widget.copy, "paste": widget.paste, "delete": widget.del_,
         "select_all": widget.selectAll}[command]()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        {"cut": widget.cut, "copy": widget.copy, "paste": widget.paste,
         "delete": lambda: widget.textCursor().removeSelectedText(), "select_all": widget.selectAll}[command]()
    elif isinstance(widget, QAbstractItemView):
        {"copy": lambda: _copy(widget), "select_all": widget.selectAll,
         "paste": lambda: widget.paste_clipboard()}[command]()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def _copy(view: QAbstractItemView) -> None:
    own = getattr(view, "copy_selection", None)
    if callable(own):
        own()
    else:
        copy_selection(view)
