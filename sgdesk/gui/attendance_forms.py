"""Small building blocks of the membership and meetings views.

:class:`FormDialog` asks for a few values (text, choices, dates, ticks, numbers) and checks them
before it closes; :class:`RecordTable` is a searchable, sortable table of records whose cells are
edited through the audited write path, one undo step per cell; :func:`section_label` heads a
part of a view and :func:`table_page` makes a tab of a table with its help and buttons.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSpinBox, QTableView, QVBoxLayout,
                               QWidget)

from sgdesk.dates import format_date_numeric
from sgdesk.errors import SGDeskError
from sgdesk.gui.context import AppContext
from sgdesk.gui.dialogs import show_error
from sgdesk.gui.models import Field, FilterProxy, RecordsModel
from sgdesk.membership.cells import optional_date

Parser = Callable[[str], Any]


class FormDialog(QDialog):
    """A modal form; :meth:`ask` returns what ``check`` makes of the values, or None if cancelled."""

    def __init__(self, title: str, parent: QWidget | None = None, intro: str | None = None) -> None:
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
        self.fields: dict[str, QWidget] = {}
        self._dates: set[str] = set()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.check: Callable[[dict[str, Any]], Any] = lambda values: values
        self.result_value: Any = None

    def _add(self, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setAccessibleName(label.replace("&", ""))
        self.form.addRow(label + ":", widget)
        self.fields[key] = widget
        return widget

    def add_text(self, key: str, label: str, value: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        return self._add(key, label, edit)  # type: ignore[return-value]

    def add_date(self, key: str, label: str, value: dt.date | None = None) -> QLineEdit:
        self._dates.add(key)
        return self.add_text(key, label, format_date_numeric(value) if value else "", "dd/mm/yyyy (or blank)")

    def add_choice(self, key: str, label: str, items: list[tuple[str, Any]], *, current: Any = None,
                   editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current)
        if found >= 0:
            combo.setCurrentIndex(found)
        elif editable and isinstance(current, str):
            combo.setEditText(current)
        return self._add(key, label, combo)  # type: ignore[return-value]

    def add_check(self, key: str, label: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(checked)
        return self._add(key, label, box)  # type: ignore[return-value]

    def add_number(self, key: str, label: str, value: int = 0, maximum: int = 999) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setValue(value)
        return self._add(key, label, spin)  # type: ignore[return-value]

    def values(self) -> dict[str, Any]:
        """The raw values: text, the chosen item's data (typed text for an editable combo), bool, int."""
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
            else:
                text = widget.text().strip()  # type: ignore[attr-defined]
                found[key] = optional_date(text) if key in self._dates else text
        return found

    def accept(self) -> None:
        try:
            self.result_value = self.check(self.values())
        except SGDeskError as error:
            show_error(self, error, self.windowTitle())
            return
        super().accept()

    def ask(self, check: Callable[[dict[str, Any]], Any] | None = None) -> Any:
        """Show the form; on OK return ``check(values)`` (which may refuse with an SGDeskError)."""
        if check is not None:
            self.check = check
        return self.result_value if self.exec() == QDialog.DialogCode.Accepted else None


class RecordTable(QTableView):
    """Records under typed columns, searchable, sortable; each editable cell saves through ``context.edit``.

    ``savers`` maps a field key to ``(describe, save)``: ``describe(row)`` names the change for Edit >
    Undo, ``save(ed, row, text)`` writes it (raising SGDeskError to refuse).
    """

    def __init__(self, context: AppContext, name: str, fields: list[Field],
                 savers: dict[str, tuple[Callable[[dict], str], Callable[[Any, dict, str], None]]] | None = None,
                 parent: QWidget | None = None, *, sort_column: int | None = 0) -> None:
        super().__init__(parent)
        self.context = context
        self.savers = savers or {}
        self.records = RecordsModel(fields, self._save if self.savers else None)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.records)
        self.setModel(self.proxy)
        self.setObjectName(name.replace(" ", "_"))
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        if sort_column is None:  # keep the order the rows are given in until a heading is clicked
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        else:
            self.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows``, keeping the selected record selected."""
        selected = self.selected()
        self.records.set_rows(rows)
        for index, field in enumerate(self.records.fields):
            if field.width:
                self.setColumnWidth(index, field.width)
        if selected is not None:
            self.select_id(selected["id"])

    def selected(self) -> dict[str, Any] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.records.row_dict(self.proxy.mapToSource(index).row())

    def select_id(self, row_id: Any) -> bool:
        row = self.records.row_of_id(row_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.records.index(row, 0))
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _save(self, row: dict, key: str, text: str) -> None:
        describe, save = self.savers[key]
        try:
            with self.context.edit(describe(row)) as ed:
                save(ed, row, text.strip())
        except SGDeskError as error:
            show_error(self, error, "Not changed")


def section_label(title: str) -> QLabel:
    """A bold label over a part of a view."""
    label = QLabel(title)
    label.setObjectName("sectionHeading")
    label.setStyleSheet("font-weight: 600; color: #1F4E79; padding-top: 4px;")
    return label


def table_page(table: QWidget, hint: str, *buttons: QWidget) -> QWidget:
    """A tab: ``table`` filling it, with a line of help and the buttons under it."""
    text = QLabel(hint)
    text.setObjectName("muted")
    text.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(text, 1)
    for button in buttons:
        row.addWidget(button)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return page
