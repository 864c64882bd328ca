"""The board's training settings: the charging policy and the retention period; anonymising."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from sgdesk.errors import InputError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.forms import FormDialog, button, line_edit
from sgdesk.gui.widgets.views import row
from sgdesk.money import format_money, parse_money
from sgdesk.store import Changes
from sgdesk.training.policy import (
    Category,
    ChargingPolicy,
    get_policy,
    get_retention_years,
    set_policy,
    set_retention_years,
)
from sgdesk.training.retention import anonymise


def _money_edit(name: str, pence: int) -> QLineEdit:
    edit = line_edit(name, format_money(pence, symbol=False))
    edit.setMaximumWidth(110)
    return edit


def _pence(edit: QLineEdit) -> int:
    try:
        return parse_money(edit.text() or "0")
    except InputError as error:
        raise InputError(f"{edit.accessibleName()}: {error.value}", error.why, error.fix) from None


class PolicyDialog(FormDialog):
    """Fees per category and day length, the late-cancellation window and fees, retention."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Charging policy and retention", parent,
                         intro="Charges are worked out from bookings with this policy; changing it changes every "
                               "charge shown, past ones too. A substitute is always free.", action="Save policy")
        self.context = context
        policy = get_policy(context.bf, context.board_id)
        self.grid = QGridLayout()
        for column, text in enumerate(("Category", "Half day (£)", "Full day (£)")):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for category in policy.categories:
            self._add_category(category)
        holder = QWidget()
        holder.setLayout(self.grid)
        self.form.addRow(holder)
        self.form.addRow(row(button("Add a &category", lambda: self._add_category(Category("", 0, 0))), None))
        self.window = QSpinBox()
        self.window.setRange(0, 90)
        self.window.setValue(policy.late_window_days)
        self.window.setSuffix(" days")
        self.window.setAccessibleName("Late-cancellation window")
        self.add_row("&Late if cancelled fewer than:", self.window)
        example = QLabel("With 7, cancelling a Wednesday session by the Wednesday before is free.")
        example.setObjectName("muted")
        example.setWordWrap(True)
        self.add_row("", example)
        self.late_half = self.add_row("Late cancellation, half day (£):", _money_edit("Late, half day",
                                                                                     policy.late_half_day))
        self.late_full = self.add_row("Late cancellation, full day (£):", _money_edit("Late, full day",
                                                                                     policy.late_full_day))
        self.dna_half = self.add_row("Did not attend, half day (£):",
                                     _money_edit("DNA, half day", policy.dna_half_day))
        self.dna_full = self.add_row("Did not attend, full day (£):",
                                     _money_edit("DNA, full day", policy.dna_full_day))
        self.retention = QSpinBox()
        self.retention.setRange(1, 100)
        self.retention.setValue(get_retention_years(context.bf, context.board_id))
        self.retention.setSuffix(" years")
        self.retention.setAccessibleName("Retention period")
        self.add_row("Keep delegates' details for:", self.retention)

    def _add_category(self, category: Category) -> None:
        row = len(self.rows) + 1
        edits = (line_edit("Category name", category.name), _money_edit(f"{category.name or 'New'} half day",
                                                                         category.half_day),
                 _money_edit(f"{category.name or 'New'} full day", category.full_day))
        for column, edit in enumerate(edits):
            self.grid.addWidget(edit, row, column)
        self.rows.append(edits)

    def policy(self) -> ChargingPolicy:
        categories = tuple(Category(name.text(), _pence(half), _pence(full)) for name, half, full in self.rows
                           if name.text().strip() or half.text().strip("0. ") or full.text().strip("0. "))
        return ChargingPolicy(categories, self.window.value(), _pence(self.late_half), _pence(self.late_full),
                              _pence(self.dna_half), _pence(self.dna_full))

    def save(self) -> None:
        policy = self.policy()
        with self.context.edit("Change the training charging policy") as ed:
            set_policy(ed, self.context.bf, self.context.board_id, policy)
            set_retention_years(ed, self.context.bf, self.context.board_id, self.retention.value())


def confirm_and_anonymise(context: AppContext, parent: QWidget) -> str | None:
    """Ask, then anonymise the delegates past the retention period; returns what was done (None if not)."""
    try:
        due = anonymise(context.bf, context.board_id, dry_run=True)
    except InputError as error:
        show_error(parent, error)
        return None
    if not due.delegates:
        box = QMessageBox(QMessageBox.Icon.Information, "Anonymise delegates", due.text() + ".",
                          QMessageBox.StandardButton.Ok, parent)
        box.exec()
        return None
    if not confirm(parent, "Anonymise delegates",
                   f"{due.delegates} delegate(s) last booked before {due.cutoff:%d/%m/%Y}, past the "
                   f"{due.retention_years}-year retention period. Their names, emails, job titles and line "
                   "managers will be removed for good (also from the change history and from the file's "
                   "backups, which hold them too); organisations, sectors, bookings and every figure stay. This "
                   "cannot be undone, and it empties the Undo list.",
                   f"Anonymise {counted(due.delegates, 'delegate')}", "Keep their details"):
        return None
    result = anonymise(context.bf, context.board_id, today=dt.date.today(), backups=context.backup_folder)
    done = " ".join((result.text() + ".", *result.notes))
    # The action emptied the undo list after it was announced: announce that too, so Edit > Undo updates.
    context.changed.emit(Changes(0, "Undo list emptied", {}))
    return done
