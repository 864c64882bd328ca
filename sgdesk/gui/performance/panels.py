"""Performance > Areas (the authorities compared with) and Performance > Regional comparison."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.errors import SGDeskError
from sgdesk.gui.performance.dialogs import area_dialog
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.report_table_model import ReportTableModel
from sgdesk.gui.widgets.views import column, record_table, row
from sgdesk.indicators.areas import (
    Area,
    add_area,
    area_from_form,
    delete_area,
    figure_counts,
    get_area,
    list_areas,
    update_area,
)
from sgdesk.indicators.regional import list_comparisons
from sgdesk.indicators.reports import comparison_tables

AREA_FIELDS = [Field("name", "Area"), Field("kind", "Kind"), Field("code", "Code"), Field("aliases", "Other names"),
               Field("figures", "Figures", "int")]


class AreasPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RecordsModel(AREA_FIELDS)
        self.table = record_table("Areas", self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        intro = QLabel("The areas figures are published for. Mark this authority and its statistical neighbours; "
                       "areas an import finds that the board does not know are added as other authorities.")
        intro.setWordWrap(True)
        self.add_button = button("&Add area…", self.add)
        self.edit_button = button("Edi&t…", self.edit_selected)
        self.delete_button = button("&Delete…", self.delete_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(row(None, self.add_button, self.edit_button, self.delete_button))
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        counts = figure_counts(bf, board_id)
        self.model.set_rows([{"id": area.id, "name": area.name, "kind": area.kind_label, "code": area.code,
                              "aliases": ", ".join(area.aliases), "figures": counts.get(area.id, 0)}
                             for area in list_areas(bf, board_id)])
        self.table.resizeColumnsToContents()
        for widget in (self.add_button, self.edit_button, self.delete_button):
            widget.setEnabled(not self.context.read_only)

    def selected(self) -> Area | None:
        rows = self.table.selectionModel().selectedRows()
        return get_area(self.context.bf, self.model.row_at(rows[0].row())["id"]) if rows else None

    def add(self) -> None:
        def save(values: dict) -> int:
            area = area_from_form(values)
            with self.context.edit(f"Add area {area.name}") as ed:
                return add_area(ed, self.context.bf, self.context.board_id, area.name, area.kind, code=area.code,
                                aliases=area.aliases)

        area_dialog(self).ask(save)

    def edit_selected(self) -> None:
        area = self.selected()
        if area is None:
            return

        def save(values: dict) -> Area:
            changed = area_from_form(values, area)
            with self.context.edit(f"Change area {changed.name}") as ed:
                update_area(ed, self.context.bf, changed)
            return changed

        area_dialog(self, area).ask(save)

    def delete_selected(self) -> None:
        area = self.selected()
        if area is None or not confirm(self, "Delete the area", f"Delete {area.name} and its figures? Edit > Undo "
                                       "brings them back.", "Delete area", "Keep area"):
            return
        try:
            with self.context.edit(f"Delete area {area.name}") as ed:
                delete_area(ed, self.context.bf, area.id)
        except SGDeskError as error:
            show_error(self, error, "Area not deleted")


class RegionalPanel(QWidget):
    """The regional comparison of contributions: a table per strand, totals, averages, this board's place."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choice = QComboBox()
        self.choice.setAccessibleName("Regional comparison")
        self.choice.currentIndexChanged.connect(lambda _index: self._show())
        self.empty = QLabel("No regional comparison yet. Import one with File > Import (regional comparison of "
                            "contributions): a row per partnership, a column per partner.")
        self.empty.setWordWrap(True)
        self.holder = column()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row(QLabel("Comparison:"), self.choice, None))
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.tables: list[QTableView] = []

    def refresh(self) -> None:
        chosen = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for comparison in list_comparisons(self.context.bf, self.context.board_id):
            self.choice.addItem(f"{comparison.title} {comparison.period}", comparison.id)
        self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0))
        self.choice.blockSignals(False)
        self._show()

    def _show(self) -> None:
        layout = self.holder.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.tables = []
        comparison = next((c for c in list_comparisons(self.context.bf, self.context.board_id)
                           if c.id == self.choice.currentData()), None)
        self.empty.setVisible(comparison is None)
        if comparison is None:
            return
        for table in comparison_tables(self.context.bf, comparison):
            heading = QLabel(table.title)
            heading.setObjectName("sectionHeading")
            view = record_table(table.title, ReportTableModel(table))
            view.horizontalHeader().setStretchLastSection(False)
            view.resizeColumnsToContents()
            view.setFixedHeight(view.horizontalHeader().height() + 4 + sum(
                view.rowHeight(n) for n in range(len(table.rows))))
            notes = QLabel("\n".join(table.notes))
            notes.setWordWrap(True)
            notes.setObjectName("muted")
            for widget in (heading, view, notes):
                layout.addWidget(widget)
            self.tables.append(view)
        layout.addStretch(1)
