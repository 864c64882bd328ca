"""Dialogs that ask for a few values, and the fields they are made of.

:class:`FormDialog` is an optional line of introduction, a form and two buttons: the first (OK, or
what it does, as "Add meeting") runs :meth:`FormDialog.save`; an :class:`~sgdesk.errors.SGDeskError`
from it keeps the dialog open and says what is wrong. Fields that must be filled in are marked
(``required=True``), with a note under the form saying what the mark means. Every form checks its
fields the same way as each is left: a date that is not one or an email address that is not one is
marked and said in red under the form (and OK refuses it again); :meth:`FormDialog.warn_about_day`
warns, without refusing, of a meeting or session on a weekend or bank holiday. Every date is the one
picker, :func:`date_edit`. While it is open with values changed, it holds unsaved edits (see
:mod:`sgdesk.gui.widgets.unsaved`). It serves two ways:

- subclassed: fields made with :func:`line_edit`, :func:`date_edit`, :func:`email_edit` and :func:`spin_box` go on the
  form with :meth:`~FormDialog.add_row`, and ``save`` writes them through the audited write path;
- as it is: keyed fields (:meth:`~FormDialog.add_text`, ``add_date``, ``add_choice``, ``add_check``,
  ``add_number``), and :meth:`~FormDialog.ask` returns what a ``check`` makes of their values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sgdesk.emails import optional_email
from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.date_field import DateField
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.unsaved import DialogEdits
from sgdesk.working_days import day_off_warning

Check = Callable[[dict[str, Any]], Any]
#: after the label of a field that must be filled in, and what it means
REQUIRED_MARK = " *"
REQUIRED_NOTE = f"{REQUIRED_MARK.strip()} must be filled in"


def required_label(label: str) -> str:
    """``&Title:`` as the label of a field that must be filled in: ``&Title *:``."""
    return label.removesuffix(":") + REQUIRED_MARK + ":"
W = TypeVar("W", bound=QWidget)


def line_edit(name: str, text: str | None = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def date_edit(name: str, day: dt.date | None, *, optional: bool = False) -> DateField:
    """The one date picker (see :class:`~sgdesk.gui.widgets.date_field.DateField`)."""
    return DateField(name, day, optional=optional)


def email_edit(name: str, text: str | None = "") -> QLineEdit:
    """A field for an email address, checked as it is left (see :meth:`FormDialog.add_row`)."""
    edit = line_edit(name, text, "name@example.org.uk")
    edit.setProperty("email", True)
    return edit


def spin_box(name: str, low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setAccessibleName(name)
    return spin


def button(text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(text.replace("&", "").rstrip("…"))
    push.clicked.connect(slot)
    push.setToolTip(tip)
    return push


class FormDialog(DialogEdits, QDialog):
    """A dialog with an optional introduction, a form, and two buttons named for what they do:
    ``action`` saves ("Add meeting", "Save"), ``keep`` closes without saving (Cancel)."""

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = "", *, action: str = "OK",
                 keep: str = "Cancel") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.problems = QLabel()           # what is wrong with a field, said as it is left
        self.problems.setObjectName("fieldProblem")
        self.problems.setAccessibleName("Problems with the form")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)
        self.warnings = QLabel()           # what may be wrong, though it can be saved (a meeting on a Sunday)
        self.warnings.setObjectName("fieldWarning")
        self.warnings.setAccessibleName("Warnings about the form")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        layout.addWidget(self.warnings)
        self._problems: dict[QWidget, str] = {}
        self._warnings: dict[QWidget, str] = {}
        self.below = QVBoxLayout()      # notes that need the dialog's whole width
        layout.addLayout(self.below)
        self.required_note = QLabel(REQUIRED_NOTE)
        self.required_note.setObjectName("muted")
        self.required_note.hide()
        layout.addWidget(self.required_note)
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.keep_button = self.buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.check: Check = lambda values: values
        self.result_value: Any = None

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.remember_values()

    # -- fields ------------------------------------------------------------------------------------
    def add_row(self, label: str, widget: W, *, required: bool = False) -> W:
        """Put ``widget`` on the form; a ``required`` one is marked (and the note saying so shown)."""
        if required:
            label = required_label(label)
            widget.setAccessibleDescription("Required")
            self.required_note.show()
        self.form.addRow(label, widget)
        if isinstance(widget, DateField):
            widget.problem_changed.connect(lambda problem, field=widget: self._say(self._problems, field, problem))
        elif isinstance(widget, QLineEdit) and widget.property("email"):
            widget.editingFinished.connect(lambda field=widget: self._check_email(field))
        return widget

    def warn_about_day(self, field: DateField, what: str) -> None:
        """Warn (never refuse) while ``field`` holds a weekend or a bank holiday for ``what`` ("meeting")."""
        def look() -> None:
            try:
                day = field.day()
            except SGDeskError:
                day = None
            self._say(self._warnings, field, day_off_warning(day, what))
        field.dateChanged.connect(lambda _date: look())
        field.problem_changed.connect(lambda _problem: look())     # no warning about a date taken back
        look()

    def _check_email(self, field: QLineEdit) -> None:
        try:
            optional_email(field.text())
            problem = ""
        except SGDeskError as error:
            problem = f"{field.accessibleName()}: {error}"
        field.setProperty("invalid", bool(problem))
        field.style().unpolish(field)
        field.style().polish(field)
        self._say(self._problems, field, problem)

    def _say(self, said: dict[QWidget, str], field: QWidget, text: str) -> None:
        """Show (or take back) ``text`` about ``field`` in the problems or warnings under the form."""
        if text:
            said[field] = text
        else:
            said.pop(field, None)
        label = self.problems if said is self._problems else self.warnings
        label.setText("\n".join(said.values()))
        label.setVisible(bool(said))

    def _add(self, key: str, label: str, widget: W, required: bool = False) -> W:
        widget.setAccessibleName(label.replace("&", ""))
        self.fields[key] = widget
        return self.add_row(label + ":", widget, required=required)

    def add_text(self, key: str, label: str, value: str = "", placeholder: str = "", *,
                 required: bool = False) -> QLineEdit:
        return self._add(key, label, line_edit(label, value, placeholder), required)

    def add_date(self, key: str, label: str, value: dt.date | None = None, *, required: bool = False) -> DateField:
        """A date, picked or typed: its value is a date, or None when blank (only where not ``required``)."""
        return self._add(key, label, date_edit(label.replace("&", ""), value, optional=not required), required)

    def add_choice(self, key: str, label: str, items: list[tuple[str, Any]], *, current: Any = None,
                   editable: bool = False, required: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current)
        if found >= 0:
            combo.setCurrentIndex(found)
        elif editable and isinstance(current, str):
            combo.setEditText(current)
        return self._add(key, label, combo, required)

    def add_check(self, key: str, label: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(checked)
        return self._add(key, label, box)

    def add_number(self, key: str, label: str, value: int = 0, maximum: int = 999) -> QSpinBox:
        return self._add(key, label, spin_box(label, 0, maximum, value))

    def values(self) -> dict[str, Any]:
        """The keyed fields' values: text, the chosen item's data (typed text for an editable combo), bool,
        int, and a date or None for a date."""
        found: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                typed = widget.currentText().strip()
                chosen = widget.currentData() if widget.currentIndex() >= 0 else None
                found[key] = chosen if chosen is not None and widget.itemText(widget.currentIndex()) == typed \
                    else (typed if widget.isEditable() else chosen)
            elif isinstance(widget, QCheckBox):
                found[key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                found[key] = widget.value()
            elif isinstance(widget, DateField):
                found[key] = widget.day()
            else:
                found[key] = widget.text().strip()  # type: ignore[attr-defined]
        return found

    # -- OK ----------------------------------------------------------------------------------------
    def save(self) -> Any:
        """What OK does before the dialog closes; raise SGDeskError to refuse.

        By default, ``check`` the keyed fields' values (what it returns is ``result_value``); a subclass
        writes its form through the audited write path instead.
        """
        return self.check(self.values())

    def show_problem(self, error: SGDeskError) -> None:
        """Say why OK was refused (a message box by default)."""
        show_error(self, error, self.windowTitle())

    def accept(self) -> None:
        try:
            self.result_value = self.save()
        except SGDeskError as error:
            self.show_problem(error)
            return
        super().accept()

    def ask(self, check: Check | None = None) -> Any:
        """Show the form; on OK return ``check(values)`` (which may refuse with an SGDeskError), else None."""
        if check is not None:
            self.check = check
        return self.result_value if self.exec() == QDialog.DialogCode.Accepted else None
