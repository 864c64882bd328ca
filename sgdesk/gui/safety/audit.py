"""Help > Audit trail…: every change to the board file, who made it and when, with filters and CSV export.

Each change reads as a sentence ("Changed the short name of Essex Police from 'Police' to 'Essex
Police'", worded by :mod:`sgdesk.safety.audit_words`); the values as recorded, column by column,
are one click away under it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.date_field import DateField
from sgdesk.gui.widgets.file_dialogs import EXPORTS, save_file
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.tasks import run_in_background
from sgdesk.gui.widgets.views import EmptyOr, EmptyState, column, record_table, row
from sgdesk.safety import audit
from sgdesk.safety.audit import AuditEntry, AuditFilter
from sgdesk.safety.audit_words import AuditWording, table_words
from sgdesk.store import Changes

#: the newest changes shown at once; the CSV export holds every change the filter matches
MAX_SHOWN = 5_000
EVERY = "(all)"


def table_label(name: str | None) -> str:
    """What a table holds, in words (for the Table filter).

    >>> table_label("subgroup"), table_label("ledger_entry")
    ('sub-groups', 'ledger entries')
    """
    words = table_words(name or "")
    return words[:-1] + "ies" if words.endswith("y") and not words.endswith(("ay", "ey", "oy")) else words + "s"


def shown_time(entry: AuditEntry) -> str:
    """The local time as a business unit writes it: 23 Nov 2026 09:14:05."""
    local = entry.at.astimezone()
    return f"{local.day} {local:%b %Y %H:%M:%S}"


AUDIT_FIELDS = [Field("when", "When"), Field("user", "User"), Field("sentence", "What changed"),
                Field("action", "As part of")]


def entry_row(number: int, entry: AuditEntry, words: AuditWording) -> dict[str, Any]:
    action = entry.description if entry.kind == "do" else f"{entry.description} ({entry.kind})"
    return {"id": number, "when": shown_time(entry), "user": entry.user, "sentence": words.sentence(entry),
            "action": action, "entry": entry}


def describe(entry: AuditEntry, sentence: str) -> str:
    """The details pane: what changed in words, the action it was part of, who and when."""
    kind = "" if entry.kind == "do" else f" ({entry.kind})"
    return f"{sentence}\n\nAs part of: {entry.description}{kind}\n{shown_time(entry)} by {entry.user}"


def recorded_values(entry: AuditEntry) -> str:
    """The change as recorded: the table, the record's number, and each column before and after."""
    if entry.table is None:
        return "This action changed no records."
    lines = [f"Table {entry.table}, record {entry.row_id}, {entry.change}:"]
    for name, old, new in entry.fields():
        if entry.op == "update":
            lines.append(f"  {name}: {_text(old)} → {_text(new)}")
        else:
            lines.append(f"  {name}: {_text(new if entry.op == 'insert' else old)}")
    return "\n".join(lines)


def _text(value: Any) -> str:
    return "(blank)" if value is None or value == "" else str(value)


class AuditTrailDialog(QDialog):
    """A window on the audit log of the open file; it refreshes as changes are made."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("auditTrailDialog")
        self.setWindowTitle(f"Audit trail — {context.bf.path.name}")
        self.setAccessibleName("Audit trail")
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        heading = QLabel("Audit trail")
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)

        filters = QHBoxLayout()
        form = QFormLayout()
        self.start = self._date_edit("From")
        self.end = self._date_edit("To")
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end)
        form.addRow("Dates", dates)
        filters.addLayout(form)
        self.table_combo = self._combo("Table")
        self.user_combo = self._combo("User")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Words in the action, e.g. import")
        self.search.setAccessibleName("Search actions")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        for label, widget in (("Table", self.table_combo), ("User", self.user_combo), ("Action", self.search)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1 if widget is self.search else 0)
        layout.addLayout(filters)

        self.model = RecordsModel(AUDIT_FIELDS)
        self.view = record_table("Audit trail entries", self.model, alternating=False)
        self.view.setWordWrap(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)   # copy several at once
        for index, width in enumerate((150, 90, 560)):
            self.view.horizontalHeader().resizeSection(index, width)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_details(current))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Change details")
        self.details.setPlaceholderText("Select a change to read it in full.")
        self.raw_button = QPushButton("Show the &recorded values")
        self.raw_button.setCheckable(True)
        self.raw_button.setToolTip("The change as the file records it: the table, the record's number and each "
                                   "column's value before and after")
        self.raw_button.toggled.connect(lambda _on: self._show_details(self.view.currentIndex()))
        details = column(self.details, row(None, self.raw_button))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(details)
        splitter.setSizes([420, 180])
        self.empty = EmptyState("No changes yet",
                                "Every change anyone makes to this file is recorded here: who made it, when, and "
                                "each value before and after. Make a change and it appears at once.",
                                help_page="backups.html#audit-trail")
        self.stack = EmptyOr(splitter, self.empty)
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.export_button = QPushButton("&Export to CSV…")
        self.export_button.setAccessibleName("Export the audit trail to CSV")
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self._set_dates()
        self._fill_choices()
        context.changed.connect(self._on_changed)
        self.refresh()

    # -- filters -------------------------------------------------------------------------------------
    def _date_edit(self, name: str) -> DateField:
        edit = DateField(f"{name} date")
        edit.dateChanged.connect(lambda _date: self.refresh())
        return edit

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return combo

    def _set_dates(self) -> None:
        """From the first change ever made to today."""
        first = audit.first_day(self.context.bf) or dt.date.today()
        for widget, day in ((self.start, first), (self.end, dt.date.today())):
            widget.blockSignals(True)
            widget.setDate(QDate(day.year, day.month, day.day))
            widget.blockSignals(False)

    def _fill_choices(self) -> None:
        """The tables and users the log mentions (kept as chosen when the log grows)."""
        bf = self.context.bf
        for combo, values, label in ((self.table_combo, audit.tables(bf), table_label),
                                     (self.user_combo, audit.users(bf), str)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(EVERY, None)
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(start=self.start.date().toPython(), end=self.end.date().toPython(),
                           table=self.table_combo.currentData(), user=self.user_combo.currentData(),
                           text=self.search.text())

    # -- showing ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        bf = self.context.bf
        flt = self.current_filter()
        entries = audit.entries(bf, flt, limit=MAX_SHOWN)
        words = AuditWording(bf)
        self.model.set_rows([entry_row(n, entry, words) for n, entry in enumerate(entries)])
        has_history = audit.has_history(bf)
        self.stack.show_body(has_history)
        self.export_button.setEnabled(bool(entries))
        if len(entries) < MAX_SHOWN:
            self.count_label.setText(f"{len(entries):,} change(s) match" if entries else
                                     "No changes match these filters: widen the dates or choose (all).")
        else:
            total = audit.count_entries(bf, flt)
            self.count_label.setText(f"Showing the newest {MAX_SHOWN:,} of {total:,} changes: narrow the filters "
                                     "to see older ones, or export them all to CSV.")
        self.details.clear()
        if entries:
            self.view.selectRow(0)

    def _show_details(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        shown = self.model.row_at(index.row())
        text = describe(shown["entry"], shown["sentence"])
        if self.raw_button.isChecked():
            text += "\n\n" + recorded_values(shown["entry"])
        self.details.setPlainText(text)

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    # -- export ------------------------------------------------------------------------------------------
    def export_csv(self) -> None:
        path = self.context.bf.path
        chosen = save_file(self, EXPORTS, "Export the audit trail",
                           f"Audit trail {path.stem} {dt.date.today():%Y-%m-%d}.csv", "CSV files (*.csv)")
        if chosen is None:
            return
        target = chosen.with_suffix(".csv")
        flt = self.current_filter()

        def work(progress) -> int:
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True, migrate=False) as bf:
                return audit.write_csv(bf, flt, target)

        run_in_background(self, "Exporting the audit trail…", work,
                          on_done=lambda rows: self.count_label.setText(f"Exported {rows:,} change(s) to {target}"))
