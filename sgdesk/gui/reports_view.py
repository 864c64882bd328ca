"""Reports: choose an output, a period and a format; show it on screen or export it.

Exports run off the UI thread on their own read-only connection.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.tasks import run_in_background
from sgdesk.gui.views import BoardView
from sgdesk.reporting import ReportTable, format_cell


class ReportTableModel(QAbstractTableModel):
    """One :class:`ReportTable` as a read-only Qt table."""

    def __init__(self, table: ReportTable | None = None) -> None:
        super().__init__()
        self.table = table

    def set_table(self, table: ReportTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if self.table is None or parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if self.table is None or parent.isValid() else len(self.table.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(format_cell(self.table.rows[index.row()].get(column.key), column.kind))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and self.table is not None and orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section].label
        return super().headerData(section, orientation, role)


class ReportsView(BoardView):
    key = "reports"
    title = "Reports"
    watched_tables = frozenset()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        from sgdesk import registry

        self.registry = registry.load()
        self.tables: list[ReportTable] = []
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel("Outputs"))
        self.outputs = QListWidget()
        self.outputs.setAccessibleName("Outputs")
        for name, export in sorted(self.registry.exports.items()):
            self._add_output(f"{name} — {export.description}", ("export", name))
        for name, report in sorted(self.registry.reports.items()):
            self._add_output(f"{name} report — {report.description}", ("report", name))
        self.outputs.currentItemChanged.connect(lambda *_: self._output_changed())
        left_layout.addWidget(self.outputs)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        form = QFormLayout()
        self.year = QComboBox()
        self.year.setAccessibleName("Financial year")
        this_year = FinancialYear.containing(dt.date.today())
        self.year.addItem("Whole record", None)
        for offset in range(0, 12):
            fy = this_year - offset
            self.year.addItem(fy.label, fy)
        self.year.addItem("Custom dates", "custom")
        self.year.currentIndexChanged.connect(lambda *_: self._period_changed())
        form.addRow("&Period:", self.year)
        dates = QHBoxLayout()
        self.start = QDateEdit(calendarPopup=True)
        self.end = QDateEdit(calendarPopup=True)
        for edit, name in ((self.start, "From date"), (self.end, "To date")):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
            dates.addWidget(edit)
        self.start.setDate(this_year.start)
        self.end.setDate(this_year.end)
        form.addRow("From / to:", dates)
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        form.addRow("&Format:", self.format)
        self.draft = QCheckBox("Mark every page DRAFT")
        form.addRow("", self.draft)
        right_layout.addLayout(form)
        buttons = QHBoxLayout()
        self.show_button = QPushButton("&Show on screen")
        self.show_button.clicked.connect(self.show_report)
        self.export_button = QPushButton("&Export…")
        self.export_button.clicked.connect(self.choose_and_export)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        self.table_picker = QComboBox()
        self.table_picker.setAccessibleName("Table")
        self.table_picker.currentIndexChanged.connect(self._table_changed)
        right_layout.addWidget(self.table_picker)
        self.model = ReportTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Report")
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        right_layout.addWidget(self.view, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        right_layout.addWidget(self.notes)
        splitter.addWidget(right)
        splitter.setSizes([320, 700])
        layout = QVBoxLayout(self)
        heading = QLabel("Reports and exports")
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.outputs.setCurrentRow(0)
        self._period_changed()

    def _add_output(self, text: str, data: tuple[str, str]) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.outputs.addItem(item)

    def selected(self) -> tuple[str, str] | None:
        item = self.outputs.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select_output(self, kind: str, name: str) -> None:
        for row in range(self.outputs.count()):
            if self.outputs.item(row).data(Qt.ItemDataRole.UserRole) == (kind, name):
                self.outputs.setCurrentRow(row)
                return
        raise KeyError(name)

    def _output_changed(self) -> None:
        selected = self.selected()
        self.format.clear()
        if selected is None:
            return
        kind, name = selected
        if kind == "export":
            self.format.addItems([f".{fmt}" for fmt in self.registry.exports[name].formats])
        else:
            self.format.addItem(".csv")
        self.show_button.setEnabled(kind == "report")
        self.draft.setEnabled(kind == "export")

    def _period_changed(self) -> None:
        custom = self.year.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)

    def period(self) -> Period | None:
        data = self.year.currentData()
        if data is None:
            return None
        if data == "custom":
            return Period(self.start.date().toPython(), self.end.date().toPython())
        return Period.for_year(data)

    def refresh(self) -> None:
        self.model.set_table(None)
        self.table_picker.clear()
        self.notes.clear()

    # -- showing a report ------------------------------------------------------------
    def show_report(self) -> None:
        selected = self.selected()
        if selected is None or selected[0] != "report":
            return
        report = self.registry.reports[selected[1]]
        path, board_id, period = self.context.bf.path, self.context.board_id, self.period()

        def work(progress):
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True) as bf:
                return report.run(bf, board_id, period)

        run_in_background(self, f"Preparing the {report.name} report…", work, on_done=self._show_tables)

    def _show_tables(self, tables: list[ReportTable]) -> None:
        self.tables = tables
        self.table_picker.blockSignals(True)
        self.table_picker.clear()
        self.table_picker.addItems([table.title for table in tables])
        self.table_picker.blockSignals(False)
        self._table_changed(0)

    def _table_changed(self, index: int) -> None:
        table = self.tables[index] if 0 <= index < len(self.tables) else None
        self.model.set_table(table)
        self.view.resizeColumnsToContents()
        self.notes.setText("\n".join(table.notes) if table else "")

    # -- exporting ---------------------------------------------------------------------
    def choose_and_export(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        suffix = self.format.currentText() or ".pdf"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        board = self.context.board
        default = Path(folder) / f"{(board.display_name if board else 'SG Desk')} {selected[1]}{suffix}"
        filename, _ = QFileDialog.getSaveFileName(self, "Export to", str(default), f"*{suffix}")
        if filename:
            self.export_to(Path(filename))

    def export_to(self, out: Path, *, on_done=None) -> None:
        """Write the selected output to ``out`` in the background."""
        kind, name = self.selected()
        path, board_id, period, draft = self.context.bf.path, self.context.board_id, self.period(), self.draft.isChecked()

        def work(progress):
            from sgdesk.exporting import ExportRequest
            from sgdesk.reporting import render
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True) as bf:
                if kind == "export":
                    return self.registry.exports[name].run(bf, ExportRequest(board_id, out, period, draft)).path
                tables = self.registry.reports[name].run(bf, board_id, period)
            out.write_text(render(tables, "csv"), encoding="utf-8-sig")
            return out

        run_in_background(self, f"Exporting {name}…", work, on_done=on_done or self._exported)

    def _exported(self, path: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Export finished", f"Saved {path.name} in {path.parent}",
                          QMessageBox.StandardButton.Ok, self)
        open_folder = box.addButton("Open the folder", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
