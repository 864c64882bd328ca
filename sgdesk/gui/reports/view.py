"""Reports: choose an output, a period and a format; show it on screen, preview its pages, export it.

Outputs are the annual-report pack, the documents the features export (appendices, registers...)
and every report, which can be written as PDF, Word, Excel or CSV. Previews and exports run off
the UI thread on their own read-only connection.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sgdesk.activity import main_year, years_with_records
from sgdesk.dates import format_date_numeric
from sgdesk.exporting import Export, ExportRequest, ExportResult
from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.widgets.date_field import DateField
from sgdesk.gui.widgets.export_dialog import run_export, show_exported
from sgdesk.gui.widgets.file_dialogs import EXPORTS, save_file
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.page_preview import FIT_WIDTH, ZOOMS, PagePreview, RenderedPages
from sgdesk.gui.widgets.printing import Printable
from sgdesk.gui.widgets.report_table_model import ReportTableModel
from sgdesk.gui.widgets.tasks import Progress, run_in_background
from sgdesk.gui.widgets.views import BoardView, EmptyOr, EmptyState, column
from sgdesk.reporting import ReportTable

PACK = "pack"
PAGED_FORMATS = ("pdf", "docx")  # the formats that print DRAFT and the marking
_MARKING_FROM_BRANDING = "As in the board's branding"
_NO_MARKING = "None"


@dataclass(frozen=True)
class Output:
    """Something the view can produce: the pack, a feature's export, or a report."""

    kind: str  # "export" or "report"
    name: str
    export: Export  # for a report, its export as PDF, Word, Excel or CSV

    @property
    def formats(self) -> tuple[str, ...]:
        return self.export.formats


def outputs(registry: Any) -> list[tuple[str, list[Output]]]:
    """The outputs in the registry, in sections: the pack, documents, reports."""
    tables = {id(export) for export in registry.report_exports.values()}
    documents = [Output("export", name, export) for name, export in sorted(registry.exports.items())
                 if name != PACK and id(export) not in tables]
    reports = [Output("report", name, export) for name, export in sorted(registry.report_exports.items())]
    sections = [("Documents and appendices", documents), ("Reports (tables)", reports)]
    if PACK in registry.exports:
        sections.insert(0, ("Annual report", [Output("export", PACK, registry.exports[PACK])]))
    return sections


def output_label(output: Output) -> str:
    """How the outputs list names an output: "Annual-report appendix pack", "Ledger: ledger entries…"."""
    from sgdesk.reporting import sentence

    if output.name == PACK:
        return "Annual-report appendix pack (cover, contents, appendices)"
    description = sentence(output.export.description).rstrip(".")
    if output.kind == "report":
        return f"{output.name.capitalize()}: {description[:1].lower()}{description[1:]}"
    return description


def run_output(output: Output, path: Path, request: ExportRequest, progress: Progress) -> ExportResult:
    """Write ``output`` for ``request`` from the board file at ``path`` (in a worker thread)."""
    return run_export(path, output.export, request, progress)


class PackOptions(QGroupBox):
    """The pack's choices: which appendices, in what order, numbered from what, which marking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Pack contents", parent)
        from sgdesk.branding import MARKINGS
        from sgdesk.pack.catalogue import available_appendices

        self.appendices = QListWidget()
        self.appendices.setAccessibleName("Appendices in the pack")
        self.appendices.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for source in available_appendices():
            item = QListWidgetItem(source.name)
            item.setData(Qt.ItemDataRole.UserRole, source.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if source.in_pack else Qt.CheckState.Unchecked)
            item.setToolTip(source.name)                 # whole where the list is too narrow for it
            self.appendices.addItem(item)
        # as tall as its rows, no taller: the room below is the preview's
        self.appendices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.appendices.setFixedHeight(self.appendices.sizeHintForRow(0) * max(self.appendices.count(), 3)
                                       + 2 * self.appendices.frameWidth())
        self.up = QPushButton("Move &up")
        self.down = QPushButton("Move &down")
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        moves = QVBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        order = QHBoxLayout()
        order.addWidget(self.appendices, 1)
        order.addLayout(moves)
        self.numbering = QLineEdit("1")
        self.numbering.setAccessibleName("First appendix number")
        self.numbering.setMaximumWidth(60)
        self.numbering.setToolTip("1 numbers the appendices 1, 2, 3…; 4 starts at 4; A letters them A, B, C…")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setAccessibleName("Protective marking")
        self.marking.addItems([_MARKING_FROM_BRANDING, _NO_MARKING, *MARKINGS])
        layout = QVBoxLayout(self)
        hint = QLabel("Tick the appendices to include; drag them, or use Move up and Move down, to order them.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(order)
        self.own_period = QCheckBox("O&wn period:")
        self.own_period.setToolTip("A period of its own for the selected appendix (otherwise it covers the pack's)")
        self.own_start, self.own_end = DateField("Appendix from date"), DateField("Appendix to date")
        own_dates = QHBoxLayout()   # one row: the pack's preview below keeps its room on a laptop screen
        own_dates.addWidget(self.own_period)
        for edit in (self.own_start, self.own_end):
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda *_: self._keep_own_period())
            own_dates.addWidget(edit)
        own_dates.addStretch(1)
        self._own_periods: dict[str, tuple[dt.date, dt.date]] = {}  # by appendix key
        self.pack_period: Period | None = None  # the pack's, which an appendix's own period starts from
        self.own_period.toggled.connect(lambda *_: self._keep_own_period())
        self.appendices.currentRowChanged.connect(lambda *_: self._show_own_period())
        layout.addLayout(own_dates)
        numbering_and_marking = QHBoxLayout()   # one row, as the own period: room for the preview below
        for text, field in (("&Number from:", self.numbering), ("&Marking:", self.marking)):
            label = QLabel(text)
            label.setBuddy(field)
            numbering_and_marking.addWidget(label)
            numbering_and_marking.addWidget(field, 1 if field is self.marking else 0)
        layout.addLayout(numbering_and_marking)
        self._show_own_period()

    def move(self, step: int) -> None:
        row = self.appendices.currentRow()
        if row < 0 or not 0 <= row + step < self.appendices.count():
            return
        item = self.appendices.takeItem(row)
        self.appendices.insertItem(row + step, item)
        self.appendices.setCurrentRow(row + step)

    def _current_key(self) -> str | None:
        item = self.appendices.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_pack_period(self, period: Period | None) -> None:
        """The pack's period: an appendix without a period of its own shows it, and an own period starts from it."""
        self.pack_period = period
        self._show_own_period()

    def _show_own_period(self) -> None:
        """Show the selected appendix's own period if it has one, else the pack's (greyed)."""
        key = self._current_key()
        own = self._own_periods.get(key) if key else None
        shown = own or ((self.pack_period.start, self.pack_period.end) if self.pack_period else None)
        for widget in (self.own_period, self.own_start, self.own_end):
            widget.blockSignals(True)
        self.own_period.setEnabled(key is not None)
        self.own_period.setChecked(own is not None)
        if shown is not None:
            self.own_start.setDate(shown[0])
            self.own_end.setDate(shown[1])
        for widget in (self.own_start, self.own_end):
            widget.setEnabled(own is not None)
        for widget in (self.own_period, self.own_start, self.own_end):
            widget.blockSignals(False)

    def _keep_own_period(self) -> None:
        key = self._current_key()
        if key is None:
            return
        own = self.own_period.isChecked()
        self.own_start.setEnabled(own)
        self.own_end.setEnabled(own)
        if own:   # the dates shown are the pack's until changed: an own period starts as the pack's
            self._own_periods[key] = (self.own_start.date().toPython(), self.own_end.date().toPython())
        else:
            self._own_periods.pop(key, None)

    def set_own_period(self, key: str, start: dt.date, end: dt.date) -> None:
        """Give the appendix ``key`` a period of its own (as ticking the box and choosing dates does)."""
        self._own_periods[key] = (start, end)
        self._show_own_period()

    def chosen(self) -> list[str]:
        items = [self.appendices.item(row) for row in range(self.appendices.count())]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def options(self) -> dict[str, str]:
        """The pack options of :func:`sgdesk.pack.options.pack_choices`."""
        from sgdesk.pack.options import (
            APPENDICES_KEY,
            MARKING_KEY,
            NO_MARKING,
            NUMBERING_KEY,
        )

        chosen = self.chosen()
        options = {APPENDICES_KEY: ",".join(chosen), NUMBERING_KEY: self.numbering.text().strip() or "1"}
        for key, (start, end) in self._own_periods.items():
            if key in chosen:
                options[f"{key}.from"], options[f"{key}.to"] = format_date_numeric(start), format_date_numeric(end)
        marking = self.marking.currentText().strip()
        if marking == _NO_MARKING:
            options[MARKING_KEY] = NO_MARKING
        elif marking and marking != _MARKING_FROM_BRANDING:
            options[MARKING_KEY] = marking
        return options


class ReportsView(BoardView):
    key = "reports"
    title = "Reports"
    help_page = "reports.html"
    watched_tables = frozenset()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        from sgdesk import registry

        self.registry = registry.load()
        self.tables: list[ReportTable] = []
        self.last_result: ExportResult | None = None
        self._previews: tempfile.TemporaryDirectory | None = None
        self._preview_numbers = itertools.count(1)
        splitter = QSplitter()
        splitter.addWidget(self._outputs_panel())
        splitter.addWidget(self._work_panel())
        splitter.setSizes([330, 800])
        layout = QVBoxLayout(self)
        heading = QLabel("Reports and exports")
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.select_first()
        self.select_main_year()
        self._period_changed()

    # -- construction -------------------------------------------------------------------------------
    def _outputs_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(QLabel("Outputs"))
        self.outputs = QListWidget()
        self.outputs.setAccessibleName("Outputs")
        bold = QFont()
        bold.setBold(True)
        for section, items in outputs(self.registry):
            header = QListWidgetItem(section)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: shown plainly, never chosen
            header.setFont(bold)
            self.outputs.addItem(header)
            for output in items:
                item = QListWidgetItem(output_label(output))
                item.setToolTip(f"sgdesk export FILE {output.name} — {', '.join('.' + f for f in output.formats)}")
                item.setData(Qt.ItemDataRole.UserRole, output)
                self.outputs.addItem(item)
        self.outputs.setSpacing(2)
        self.outputs.setWordWrap(True)
        self.outputs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outputs.currentItemChanged.connect(lambda *_: self._output_changed())
        layout.addWidget(self.outputs)
        return panel

    def _work_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        form = QFormLayout()
        self.year = QComboBox()
        self.year.setAccessibleName("Financial year")
        this_year = FinancialYear.containing(dt.date.today())
        self.year.addItem("Whole record", None)
        board_id = self.context.board_id
        recorded = years_with_records(self.context.bf, board_id, self.registry.years) if board_id else {}
        for fy in sorted({this_year - offset for offset in range(12)} | set(recorded), reverse=True):
            self.year.addItem(fy.label + ("" if fy in recorded else "  (no records)"), fy)
        self.year.addItem("Custom dates", "custom")
        self.year.currentIndexChanged.connect(lambda *_: self._period_changed())
        form.addRow("&Period:", self.year)
        dates = QHBoxLayout()
        self.start = DateField("From date")
        self.end = DateField("To date")
        for edit in (self.start, self.end):
            dates.addWidget(edit)
        self.start.setDate(this_year.start)
        self.end.setDate(this_year.end)
        form.addRow("From / to:", dates)
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        explain(self.format, "What to export: PDF as printed, Word to edit the tables, Excel or CSV for the figures")
        self.format.currentIndexChanged.connect(lambda *_: self._format_changed())
        form.addRow("F&ormat:", self.format)
        self.draft = QCheckBox("Mark every page DRAFT")
        form.addRow("", self.draft)
        choices = QHBoxLayout()
        choices.addLayout(form, 2)
        self.pack_options = PackOptions()
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda *_: self.pack_options.set_pack_period(self.period()))
        choices.addWidget(self.pack_options, 3)
        layout.addLayout(choices)

        buttons = QHBoxLayout()
        self.show_button = QPushButton("&Show on screen")
        self.show_button.clicked.connect(self.show_report)
        self.preview_button = QPushButton("Pre&view pages")
        self.preview_button.clicked.connect(self.preview)
        self.export_button = QPushButton("E&xport…")
        self.export_button.clicked.connect(self.choose_and_export)
        self.branding_button = QPushButton("&Branding…")
        self.branding_button.setToolTip("The board's names, logo, colour, footer and marking on every document")
        self.branding_button.clicked.connect(self.edit_branding)
        for button in (self.show_button, self.preview_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.branding_button)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Result")
        self.tabs.addTab(self._table_tab(), "Table")
        self.tabs.addTab(self._pages_tab(), "Pages")
        layout.addWidget(self.tabs, 1)
        return panel

    @staticmethod
    def _empty_then_panel(heading: str, explanation: str) -> tuple[EmptyOr, QVBoxLayout]:
        """A stack showing an :class:`EmptyState` until its panel (whose layout is returned) is filled."""
        panel = column()
        return EmptyOr(panel, EmptyState(heading, explanation, help_page=ReportsView.help_page)), panel.layout()

    def _table_tab(self) -> QWidget:
        self.table_stack, layout = self._empty_then_panel(
            "Nothing shown yet", "Choose a report on the left and a period, then click Show on screen to see its "
            "tables here, or Export to save it as PDF, Word, Excel or CSV.")
        self.table_picker = QComboBox()
        self.table_picker.setAccessibleName("Table")
        self.table_picker.currentIndexChanged.connect(self._table_changed)
        layout.addWidget(self.table_picker)
        self.model = ReportTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Report")
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        return self.table_stack

    def _pages_tab(self) -> QWidget:
        self.pages_stack, layout = self._empty_then_panel(
            "No preview yet", "Choose an output and a period, then click Preview pages to see the pages exactly "
            "as they will print, before you export them.")
        bar = QHBoxLayout()
        self.pages_label = QLabel()
        self.zoom = QComboBox()
        self.zoom.setAccessibleName("Zoom")
        for percent in ZOOMS:
            self.zoom.addItem("Fit width" if percent == FIT_WIDTH else f"{percent}%", percent)
        self.zoom.currentIndexChanged.connect(lambda *_: self.page_preview.set_zoom(self.zoom.currentData()))
        bar.addWidget(self.pages_label, 1)
        bar.addWidget(QLabel("&Zoom:", buddy=self.zoom))
        bar.addWidget(self.zoom)
        layout.addLayout(bar)
        self.page_preview = PagePreview()
        layout.addWidget(self.page_preview, 1)
        return self.pages_stack

    # -- choosing ------------------------------------------------------------------------------------------
    def selected(self) -> tuple[str, str] | None:
        """(kind, name) of the chosen output: ("report", "ledger"), ("export", "pack")..."""
        output = self.selected_output()
        return None if output is None else (output.kind, output.name)

    def selected_output(self) -> Output | None:
        item = self.outputs.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select_output(self, kind: str, name: str) -> None:
        for row in range(self.outputs.count()):
            output = self.outputs.item(row).data(Qt.ItemDataRole.UserRole)
            if output is not None and (output.kind, output.name) == (kind, name):
                self.outputs.setCurrentRow(row)
                return
        raise KeyError(name)

    def select_first(self) -> None:
        for row in range(self.outputs.count()):
            if self.outputs.item(row).data(Qt.ItemDataRole.UserRole) is not None:
                self.outputs.setCurrentRow(row)
                return

    def select_format(self, fmt: str) -> None:
        index = self.format.findText(f".{fmt}")
        if index < 0:
            raise KeyError(fmt)
        self.format.setCurrentIndex(index)

    def _output_changed(self) -> None:
        output = self.selected_output()
        self.format.blockSignals(True)
        self.format.clear()
        if output is not None:
            self.format.addItems([f".{fmt}" for fmt in output.formats])
        self.format.blockSignals(False)
        is_pack = output is not None and output.name == PACK
        self.pack_options.setVisible(is_pack)
        self.show_button.setEnabled(output is not None and output.kind == "report")
        self.preview_button.setEnabled(output is not None and "pdf" in output.formats)
        self.export_button.setEnabled(output is not None)
        if is_pack and not isinstance(self.year.currentData(), FinancialYear):
            self.select_main_year()  # the pack is for a year: the one the records are about
        self._format_changed()

    def _format_changed(self) -> None:
        self.draft.setEnabled(self.format.currentText().lstrip(".") in PAGED_FORMATS)

    def _period_changed(self) -> None:
        self.pack_options.set_pack_period(self.period())
        data = self.year.currentData()
        custom = data == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if isinstance(data, FinancialYear):
            self.start.setDate(data.start)
            self.end.setDate(data.end)

    def period(self) -> Period | None:
        data = self.year.currentData()
        if data is None:
            return None
        if data == "custom":
            return Period(self.start.date().toPython(), self.end.date().toPython())
        return Period.for_year(data)

    def request(self, out: Path) -> ExportRequest:
        """What to write to ``out`` (its suffix names the format) for the chosen output, period and options."""
        output = self.selected_output()
        options = self.pack_options.options() if output is not None and output.name == PACK else {}
        draft = self.draft.isChecked() and out.suffix.lower().lstrip(".") in PAGED_FORMATS
        return ExportRequest(self.context.board_id, out, self.period(), draft, options)

    def select_main_year(self) -> None:
        """Choose the year most of the board's records are about (e.g. 2018/19 for the demo)."""
        year = main_year(self.context.bf, self.context.board_id, self.registry.years) if self.context.board_id else None
        for index in range(self.year.count()):
            if year is not None and self.year.itemData(index) == year:  # findData compares identity
                self.year.setCurrentIndex(index)
                return

    def refresh(self) -> None:
        self.model.set_table(None)
        self.table_picker.clear()
        self.notes.clear()
        self.table_stack.show_body(False)
        self.page_preview.set_pages(RenderedPages([], 0))
        self.pages_stack.show_body(False)

    # -- showing a report ------------------------------------------------------------------------------
    def show_report(self) -> None:
        output = self.selected_output()
        if output is None or output.kind != "report":
            return
        report = self.registry.reports[output.name]
        path, board_id, period = self.context.bf.path, self.context.board_id, self.period()

        def work(progress: Progress) -> list[ReportTable]:
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
        self.table_stack.show_body()
        self.tabs.setCurrentIndex(0)

    def _table_changed(self, index: int) -> None:
        table = self.tables[index] if 0 <= index < len(self.tables) else None
        self.model.set_table(table)
        self.view.resizeColumnsToContents()
        self.notes.setText("\n".join(table.notes) if table else "")

    # -- previewing pages ------------------------------------------------------------------------------
    def preview(self, *, on_done: Callable[[RenderedPages], None] | None = None) -> None:
        """Build the chosen output as a PDF in the background and show its pages."""
        output = self.selected_output()
        if output is None or "pdf" not in output.formats:
            return
        path = self.context.bf.path
        request = self.request(Path("preview.pdf"))

        if self._previews is None:       # kept while the view lives, so that File > Print prints the preview
            self._previews = tempfile.TemporaryDirectory(prefix="sgdesk-preview-")
        pdf = Path(self._previews.name) / f"preview-{next(self._preview_numbers)}.pdf"

        def work(progress: Progress) -> RenderedPages:
            from sgdesk.gui.widgets.page_preview import render_pages

            run_output(output, path, replace(request, out=pdf), progress)
            progress.update(1, 1, "Drawing the pages…")
            return replace(render_pages(pdf), source=pdf)

        run_in_background(self, f"Preparing the preview of {output.name}…", work,
                          on_done=on_done or self._show_pages)

    def _show_pages(self, pages: RenderedPages) -> None:
        if self.page_preview.pages.source is not None and self.page_preview.pages.source != pages.source:
            self.page_preview.pages.source.unlink(missing_ok=True)
        self.page_preview.set_pages(pages)
        self.pages_label.setText(f"{pages.total} page{'s' if pages.total != 1 else ''}")
        self.pages_stack.show_body()
        self.tabs.setCurrentIndex(1)

    def printable(self) -> Printable | None:
        """The pages previewed, when they show; else the report's table shown."""
        pages = self.page_preview.pages
        if self.tabs.currentIndex() == 1 and pages.source is not None and pages.source.exists():
            output = self.selected_output()
            return Printable(output_label(output) if output else "Preview", pdf=pages.source)
        return super().printable()

    # -- exporting ----------------------------------------------------------------------------------------
    def default_filename(self, suffix: str) -> str:
        output = self.selected_output()
        board = self.context.board
        period = self.period()
        name = "annual report appendices" if output is not None and output.name == PACK else output.name
        parts = [board.display_name if board else "SG Desk", name, period.label.replace("/", "-") if period else ""]
        return " ".join(part for part in parts if part) + suffix

    def choose_and_export(self) -> None:
        if self.selected_output() is None:
            return
        suffix = self.format.currentText() or ".pdf"
        out = save_file(self, EXPORTS, "Export to", self.default_filename(suffix), f"*{suffix}")
        if out is not None:
            self.export_to(out if out.suffix.lower() == suffix else out.with_name(out.name + suffix))

    def export_to(self, out: Path, *, on_done: Callable[[ExportResult], None] | None = None) -> None:
        """Write the chosen output to ``out`` (its suffix names the format) in the background."""
        output = self.selected_output()
        if output is None:
            return
        path, request = self.context.bf.path, self.request(out)

        def work(progress: Progress) -> ExportResult:
            return run_output(output, path, request, progress)

        run_in_background(self, f"Exporting {out.name}…", work, on_done=on_done or self._exported)

    def _exported(self, result: ExportResult) -> None:
        self.last_result = result
        show_exported(self, result)

    # -- branding ----------------------------------------------------------------------------------------
    def edit_branding(self) -> None:
        from sgdesk.gui.reports.branding_dialog import BrandingDialog

        self.branding_dialog = BrandingDialog(self.context, self)
        self.branding_dialog.open()
