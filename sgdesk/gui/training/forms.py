"""The delegate's details on a training form, with a finder for people booked before."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLabel

from sgdesk.errors import InputError
from sgdesk.gui.widgets.forms import FormDialog, email_edit, line_edit
from sgdesk.organisations import find_organisation, list_organisations
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.training.delegates import (
    DelegateDetails,
    ensure_delegate,
    known_sectors,
    update_delegate,
    usual_sector,
)
from sgdesk.training.model import list_delegates
from sgdesk.training.policy import add_booking_organisation, get_policy


class DelegateFields:
    """The delegate's details on a form; typing a name offers people booked before."""

    def __init__(self, dialog: FormDialog, bf: BoardFile, board_id: int, *, approved: bool = True) -> None:
        self.bf, self.board_id = bf, board_id
        self.found = [(f"{d.name} — {d.email or 'no email'} — {d.organisation}", d)
                      for d in list_delegates(bf, board_id)]
        self.name = dialog.add_row("&Name:", line_edit("Delegate name",
                                                       placeholder="Type to find someone booked before"), required=True)
        completer = QCompleter(QStringListModel([label for label, _d in self.found]), self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._chosen)
        self.name.setCompleter(completer)
        self.email = dialog.add_row("&Email:", email_edit("Email"))
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setAccessibleName("Organisation")
        self.organisation.addItems([o.name for o in list_organisations(bf)])
        self.organisation.setCurrentIndex(-1)
        self.organisation.lineEdit().setPlaceholderText("Choose, or type a new organisation")
        self.organisation.currentTextChanged.connect(self._organisation_changed)
        dialog.add_row("&Organisation:", self.organisation, required=True)
        self.category = QComboBox()
        self.category.setAccessibleName("Charging category of a new organisation")
        self.category.addItems(get_policy(bf, board_id).category_names)
        self.category_label = QLabel("Charging &category:")
        self.category_label.setBuddy(self.category)
        dialog.form.addRow(self.category_label, self.category)
        self.sector = QComboBox()
        self.sector.setEditable(True)
        self.sector.setAccessibleName("Sector")
        self.sector.addItems(known_sectors(bf, board_id))
        self.sector.setCurrentIndex(-1)
        self._sector_default = ""          # the sector last filled in from the organisation
        dialog.add_row("&Sector:", self.sector, required=True)
        self.job_title = dialog.add_row("&Job title:", line_edit("Job title"))
        self.manager = dialog.add_row("Line &manager:", line_edit("Line manager"))
        self.manager_email = dialog.add_row("Manager's emai&l:", email_edit("Line manager's email"))
        self.approved = QCheckBox("The line manager has approved the place")
        self.approved.setAccessibleName("Manager approved")
        self.approved.setChecked(approved)
        dialog.add_row("", self.approved)
        self._organisation_changed(self.organisation.currentText())

    def _chosen(self, label: str) -> None:
        delegate = next((d for text, d in self.found if text == label), None)
        if delegate is None:
            return
        self.name.setText(delegate.name)
        self.email.setText(delegate.email or "")
        self.organisation.setCurrentText(delegate.organisation)
        self.sector.setCurrentText(delegate.sector)
        self.job_title.setText(delegate.job_title or "")
        self.manager.setText(delegate.manager_name or "")
        self.manager_email.setText(delegate.manager_email or "")

    def _organisation_changed(self, text: str) -> None:
        """Ask a new organisation's charging category; fill in the sector a known one's delegates work in
        (unless the user typed another)."""
        org_id = find_organisation(self.bf, text) if text.strip() else None
        new = bool(text.strip()) and org_id is None
        self.category.setVisible(new)
        self.category_label.setVisible(new)
        sector = usual_sector(self.bf, self.board_id, org_id) if org_id is not None else None
        if sector and self.sector.currentText().strip() in ("", self._sector_default):
            self.sector.setCurrentText(sector)
            self._sector_default = sector

    def write(self, ed: Action) -> int:
        """Find or add the delegate (and a new organisation) in the open action; returns the delegate id."""
        org_name = self.organisation.currentText().strip()
        if not org_name:
            raise InputError("The organisation", "is empty", "choose the delegate's organisation or type a new one")
        org_id = find_organisation(self.bf, org_name)
        if org_id is None:
            org_id = add_booking_organisation(ed, self.bf, self.board_id, org_name, self.category.currentText())
        details = DelegateDetails(self.name.text(), org_id, self.sector.currentText(), self.email.text(),
                                  self.job_title.text(), self.manager.text(), self.manager_email.text())
        delegate_id = ensure_delegate(ed, self.bf, self.board_id, details)
        update_delegate(ed, delegate_id, details)
        return delegate_id

    @property
    def display_name(self) -> str:
        return " ".join(self.name.text().split())
