"""Performance: the data matrix of indicators with their RAG ratings, one indicator's trend against its
comparators, and its figures by area and period to edit (Edit > Undo takes back any change)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from sgdesk.errors import SGDeskError
from sgdesk.gui.performance.chart import TrendChart
from sgdesk.gui.performance.dialogs import indicator_dialog
from sgdesk.gui.performance.models import (
    NOT_RATED_KEY,
    GridModel,
    MatrixFilter,
    MatrixModel,
)
from sgdesk.gui.performance.panels import AreasPanel, RegionalPanel
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.views import (
    BoardView,
    EmptyState,
    column,
    record_table,
    row,
)
from sgdesk.indicators.areas import Area
from sgdesk.indicators.catalogue import install_catalogue
from sgdesk.indicators.definitions import (
    Indicator,
    add_indicator,
    delete_indicator,
    indicator_from_form,
    list_indicators,
    sections,
    update_indicator,
)
from sgdesk.indicators.figures import UNITS
from sgdesk.indicators.matrix import (
    IndicatorGrid,
    MatrixRow,
    build_matrix,
    indicator_grid,
)
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import POLARITIES, RATINGS
from sgdesk.indicators.values import edit_rank, edit_value

TABS = ("matrix", "areas", "regional")
_SECTION_WIDTH = 200   # px: a long section name is cut short, the indicator's name needs the room
RATING_CHOICES = [("Every rating", None), *((label, key) for key, label in RATINGS.items()),
                  ("Not rated", NOT_RATED_KEY)]


class PerformanceView(BoardView):
    key = "performance"
    title = "Performance"
    help_page = "performance.html"
    watched_tables = frozenset({"indicator", "indicator_value", "indicator_area", "regional_comparison",
                                "regional_contribution"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel("Performance")
        heading.setObjectName("viewHeading")
        self.section = QComboBox()
        self.section.setAccessibleName("Section")
        self.rating = QComboBox()
        self.rating.setAccessibleName("RAG rating")
        for text, key in RATING_CHOICES:
            self.rating.addItem(text, key)
        self.search = QLineEdit()
        self.search.setAccessibleName("Find an indicator")
        self.search.setPlaceholderText("Find an indicator")
        self.search.setClearButtonEnabled(True)
        for signal in (self.section.currentIndexChanged, self.rating.currentIndexChanged):
            signal.connect(lambda _index: self._filter())
        self.search.textChanged.connect(lambda _text: self._filter())
        section_label, rating_label = QLabel("Secti&on:"), QLabel("&RAG:")
        section_label.setBuddy(self.section)
        rating_label.setBuddy(self.rating)
        self.import_button = button("&Import figures…", self.import_figures,
                                    "Import a DfE table or a sheet of figures (File > Import)")
        self.add_button = button("Add i&ndicator…", self.add_indicator)
        top = row(heading, None, section_label, self.section, rating_label, self.rating, self.search,
                  self.import_button, self.add_button)

        self.model = MatrixModel()
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table("Indicators", self.proxy)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._show_selected())
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setAccessibleName("Ratings")

        self.chart = TrendChart()
        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionHeading")
        self.detail_title.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setObjectName("muted")
        self.grid = GridModel(self.edit_cell)
        self.grid_table = QTableView()
        self.grid_table.setModel(self.grid)
        self.grid_table.setAccessibleName("Figures by area and period")
        self.grid_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid_table.setToolTip("Type a figure (15.2), a mark (x, c, .., -) or 15.2 (p) for a provisional "
                                   "figure; delete it to remove it")
        self.edit_button = button("Edit indicator and r&ule…", self.edit_indicator)
        self.period_button = button("Add a &period…", self.add_period)
        self.delete_button = button("&Delete indicator…", self.delete_indicator)
        detail = column(self.detail_title, self.rule, (self.grid_table, 1),
                        row(self.edit_button, self.period_button, None, self.delete_button))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.chart)
        lower.addWidget(detail)
        lower.setSizes([560, 760])
        matrix_tab = QSplitter(Qt.Orientation.Vertical)
        matrix_tab.addWidget(column(self.summary, (self.table, 1)))
        matrix_tab.addWidget(lower)
        matrix_tab.setSizes([360, 340])

        self.areas: AreasPanel | None = None         # made when their tab is first shown
        self.regional: RegionalPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Performance sections")
        self.tabs.addTab(matrix_tab, "Data &matrix")
        self.tabs.addTab(QWidget(), "Area&s")
        self.tabs.addTab(QWidget(), "Regional &comparison")
        self.filters = (section_label, self.section, rating_label, self.rating, self.search)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.empty = EmptyState(
            "No performance indicators yet",
            "Track the children's data the performance sub-group watches (children in need, child protection "
            "plans, re-referrals, looked-after children, care leavers, early education...) against England and "
            "statistical neighbours, RAG-rated. Start with SG Desk's standard indicators, then import the DfE "
            "tables (File > Import, performance indicators) or type the figures in.",
            "Add the standard indicators", help_page=self.help_page)
        self.empty.action_clicked.connect(self.add_standard_indicators)
        self.stack = self.lay_out(self.empty, top, (self.tabs, 1))
        self.extra_periods: dict[int, list[IndicatorPeriod]] = {}
        self.current: MatrixRow | None = None
        self.grid_data: IndicatorGrid | None = None
        self.refresh()

    # -- loading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        if board_id is None:
            self.stack.show_body(False)
            return
        chosen = self.current.indicator.id if self.current else None
        matrix = build_matrix(bf, board_id, columns=None)
        self.stack.show_body(bool(matrix.rows()))
        self.model.set_matrix(matrix)
        self._sections([section.name for section in matrix.sections if section.rows])
        rated = [row.judgement.rating for row in matrix.rows()]
        counts = [f"{rated.count(key)} {label}" for key, label in RATINGS.items() if rated.count(key)]
        own = matrix.own_area.name if matrix.own_area else "no authority marked as this one (see Areas)"
        self.summary.setText(f"{len(rated)} indicators for {own}: " + (", ".join(counts) or "none rated")
                             + f"; {rated.count(None)} not rated.")
        self._fit_matrix_columns()
        for widget in (self.add_button, self.import_button, self.edit_button, self.period_button,
                       self.delete_button):
            widget.setEnabled(not self.context.read_only)
        self.select_indicator(chosen)
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        """The areas and the regional comparison are made and loaded when their tab is shown."""
        index = self.tabs.currentIndex()
        if index == 1 and self.areas is None:
            self.areas = self._panel(index, AreasPanel(self.context), "Area&s")
        if index == 2 and self.regional is None:
            self.regional = self._panel(index, RegionalPanel(self.context), "Regional &comparison")
        panel = {1: self.areas, 2: self.regional}.get(index)
        if panel is not None:
            panel.refresh()

    def _panel(self, index: int, panel: QWidget, label: str) -> QWidget:
        self.tabs.blockSignals(True)
        self.tabs.widget(index).deleteLater()    # the empty page that held the tab's place
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, label)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        return panel

    def _fit_matrix_columns(self) -> None:
        """Each column as wide as its widest text, measured once from the model's texts (Qt's own fitting
        asks the model for every cell's every role); the indicator's name takes the rest of the width."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        bold = header.fontMetrics()
        for number, title in enumerate(MatrixModel.COLUMNS[1:], start=1):
            widest = max((metrics.horizontalAdvance(texts[number]) for texts in self.model.texts), default=0)
            width = max(widest, bold.horizontalAdvance(title) + 12) + 14
            self.table.setColumnWidth(number, min(width, _SECTION_WIDTH) if title == "Section" else width)

    def _tab_changed(self, index: int) -> None:
        for widget in self.filters:
            widget.setVisible(index == 0)
        self._refresh_tab()

    def _sections(self, names: list[str]) -> None:
        chosen = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem("Every section", None)
        for name in names:
            self.section.addItem(name, name)
        self.section.setCurrentIndex(max(self.section.findData(chosen), 0))
        self.section.blockSignals(False)
        self._filter(keep=True)

    def _filter(self, *, keep: bool = False) -> None:
        self.proxy.set_filter(section=self.section.currentData(), rating=self.rating.currentData(),
                              text=self.search.text())
        if not keep:
            self.select_indicator(self.current.indicator.id if self.current else None)

    def select_indicator(self, indicator_id: int | None) -> None:
        """Select the indicator (or the first one shown) and show its trend and figures."""
        source = self.model.row_of_indicator(indicator_id) if indicator_id is not None else None
        index = self.proxy.mapFromSource(self.model.index(source, 0)) if source is not None else None
        if index is None or not index.isValid():
            index = self.proxy.index(0, 0)
        selection = self.table.selectionModel()
        if index.isValid() and index.row() != selection.currentIndex().row():
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
            self.table.scrollTo(index)       # the selection's signal shows the indicator
        else:
            if index.isValid():
                selection.select(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
            self._show_selected()

    def selected_row(self) -> MatrixRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _show_selected(self) -> None:
        self.current = self.selected_row()
        self.chart.set_row(self.current)
        if self.current is None:
            self.detail_title.setText("No indicator shown: change the filters above")
            self.rule.clear()
            self.grid_data = None
            self.grid.set_grid(None)
            return
        indicator, judgement = self.current.indicator, self.current.judgement
        self.detail_title.setText(indicator.name)
        if indicator.polarity == "neither" or indicator.rule.basis == "none":
            rule = "Not rated: " + judgement.reason.removeprefix("not rated: ")
        else:
            rule = (f"{POLARITIES[indicator.polarity].capitalize()}; rated {indicator.rule.describe(indicator.unit)}. "
                    f"{judgement.label}: {judgement.reason.removeprefix('not rated: ')}")
        self.rule.setText(f"Unit: {UNITS[indicator.unit]}. {rule}.")
        self._load_grid()

    def _load_grid(self) -> None:
        assert self.current is not None
        indicator = self.current.indicator
        self.grid_data = indicator_grid(self.context.bf, self.context.board_id, indicator,
                                        self.extra_periods.get(indicator.id or 0, []))
        self.grid.set_grid(self.grid_data)
        self.grid_table.resizeColumnsToContents()

    def on_changes(self, changes) -> None:
        self.refresh()

    def show_target(self, target: dict[str, Any]) -> None:
        if target.get("tab") in TABS:
            self.tabs.setCurrentIndex(TABS.index(target["tab"]))
        if "rag" in target:
            self.tabs.setCurrentIndex(0)
            self.rating.setCurrentIndex(max(self.rating.findData(target["rag"]), 0))
        if "indicator_id" in target:
            self.tabs.setCurrentIndex(0)
            self.select_indicator(int(target["indicator_id"]))

    def show_record(self, table: str, record_id: int) -> bool:
        """Select indicator ``record_id`` on the data matrix, in every section and rating if the filters hide it."""
        source = self.model.row_of_indicator(record_id) if table == "indicator" else None
        if source is None:
            return False
        self.tabs.setCurrentIndex(0)
        if not self.proxy.mapFromSource(self.model.index(source, 0)).isValid():
            for combo in (self.section, self.rating):
                combo.setCurrentIndex(max(combo.findData(None), 0))
            self.search.clear()
        self.select_indicator(record_id)
        return True

    # -- editing --------------------------------------------------------------------------------------------
    def edit_cell(self, area: Area, period: IndicatorPeriod, text: str, is_rank: bool) -> None:
        """Store a figure (or a rank) typed in the grid, as one undoable change."""
        if self.current is None or self.context.read_only:
            return
        indicator = self.current.indicator
        what = "rank" if is_rank else "figure"
        try:
            with self.context.edit(f"Set {indicator.name}: {area.name} {period.label} {what}") as ed:
                if is_rank:
                    edit_rank(ed, self.context.bf, indicator.id, area.id, period, text)
                else:
                    edit_value(ed, self.context.bf, indicator.id, area.id, period, text, indicator.unit)
        except SGDeskError as error:
            show_error(self, error, f"{what.capitalize()} not saved")

    def add_period(self) -> None:
        if self.current is None:
            return
        text, ok = QInputDialog.getText(self, "Add a period", "Period (2021, 2020/21, 2021/22 Q1):")
        if not ok or not text.strip():
            return
        try:
            period = IndicatorPeriod.parse(text)
        except SGDeskError as error:
            show_error(self, error, "Period not added")
            return
        self.extra_periods.setdefault(self.current.indicator.id or 0, []).append(period)
        self._load_grid()
        column_index = self.grid_data.periods.index(period) if self.grid_data else 0
        self.grid_table.setCurrentIndex(self.grid.index(0, column_index))

    def _sections_known(self) -> list[str]:
        return sections(list_indicators(self.context.bf, self.context.board_id))

    def add_indicator(self) -> None:
        def save(values: dict) -> int:
            indicator = indicator_from_form(values)
            with self.context.edit(f"Add indicator {indicator.name}") as ed:
                return add_indicator(ed, self.context.bf, self.context.board_id, indicator)

        added = indicator_dialog(self, self._sections_known()).ask(save)
        if added is not None:
            self.select_indicator(added)

    def edit_indicator(self) -> None:
        if self.current is None:
            return
        existing = self.current.indicator

        def save(values: dict) -> Indicator:
            changed = indicator_from_form(values, existing)
            with self.context.edit(f"Change indicator {changed.name}") as ed:
                update_indicator(ed, self.context.bf, changed)
            return changed

        indicator_dialog(self, self._sections_known(), existing).ask(save)

    def delete_indicator(self) -> None:
        if self.current is None:
            return
        indicator = self.current.indicator
        if not confirm(self, "Delete the indicator", f"Delete {indicator.name} and all its figures? Edit > Undo "
                       "brings them back.", "Delete indicator", "Keep indicator"):
            return
        with self.context.edit(f"Delete indicator {indicator.name}") as ed:
            delete_indicator(ed, self.context.bf, indicator.id)

    def add_standard_indicators(self) -> None:
        try:
            with self.context.edit("Add the standard performance indicators") as ed:
                install_catalogue(ed, self.context.bf, self.context.board_id)
        except SGDeskError as error:
            show_error(self, error, "Indicators not added")

    def import_figures(self) -> None:
        """File > Import with performance indicators chosen (the window owns the import dialog)."""
        opener = getattr(self.window(), "import_file", None)
        if opener is not None:
            opener("indicators")
