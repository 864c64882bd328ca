"""Self-assessment: rounds of a tool, answers per agency, the summary, comments and settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sgdesk.assessment.results import round_results
from sgdesk.assessment.rounds import (
    TABLES,
    Round,
    answer_place,
    list_rounds,
    round_label,
)
from sgdesk.gui.assessment.entry import EntryPanel
from sgdesk.gui.assessment.rounds import NewRoundDialog, RoundPanel
from sgdesk.gui.assessment.summary import CommentsPanel, SummaryPanel
from sgdesk.gui.assessment.tools import ToolsDialog
from sgdesk.gui.widgets.views import BoardView, EmptyOr, EmptyState, row
from sgdesk.store import Changes


class AssessmentView(BoardView):
    key = "assessment"
    title = "Self-assessment"
    help_page = "self-assessment.html"
    watched_tables = TABLES

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rounds: list[Round] = []
        heading = QLabel("Self-assessment and audits")
        heading.setObjectName("viewHeading")
        self.round_combo = QComboBox()
        self.round_combo.setAccessibleName("Round")
        self.round_combo.setMinimumWidth(380)
        self.round_combo.currentIndexChanged.connect(lambda *_: self._round_changed())
        self.new_button = QPushButton("&New round…")
        self.new_button.clicked.connect(self.new_round)
        self.tools_button = QPushButton("Too&ls…")
        self.tools_button.clicked.connect(self.show_tools)
        top = row(heading, None, QLabel("Round:"), self.round_combo, self.new_button, self.tools_button)

        self.entry = EntryPanel(context)
        self.summary = SummaryPanel()
        self.comments = CommentsPanel()
        self.round_panel = RoundPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Self-assessment pages")
        self.empty = EmptyState(
            "No self-assessment rounds yet",
            "A round asks partner agencies to rate the board against a tool's statements (1 poor to 4 outstanding). "
            "Start one with the built-in board self-assessment, or a copy of it adapted for a Section 11 audit "
            "or a schools (s175) return; then add the agencies and enter or import their answers.",
            "Start a round…", help_page=self.help_page)
        self.empty.action_clicked.connect(self.new_round)
        layout = QVBoxLayout(self)
        layout.addLayout(top)                                 # first, to come first as Tab moves on
        self.stack = EmptyOr(self.tabs, self.empty, self)     # in place, the tabs before their pages: see lay_out
        layout.addWidget(self.stack, 1)
        self.tabs.addTab(self.entry, "Ans&wers")
        self.tabs.addTab(self.summary, "S&ummary")
        self.tabs.addTab(self.comments, "&Comments")
        self.tabs.addTab(self.round_panel, "&Round settings")
        self.tabs.currentChanged.connect(lambda *_: self._show_results())
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------------
    def current_round(self) -> Round | None:
        index = self.round_combo.currentIndex()
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def refresh(self, select: int | None = None) -> None:
        chosen = self.current_round()
        board_id = self.context.board_id
        self.rounds = list_rounds(self.context.bf, board_id) if board_id is not None else []
        wanted = select if select is not None else chosen.id if chosen else None
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for rnd in self.rounds:
            self.round_combo.addItem(round_label(rnd), rnd.id)
        index = self.round_combo.findData(wanted) if wanted is not None else -1
        self.round_combo.setCurrentIndex(index if index >= 0 else (0 if self.rounds else -1))
        self.round_combo.blockSignals(False)
        self.round_combo.setEnabled(bool(self.rounds))
        self.new_button.setEnabled(not self.context.read_only and board_id is not None)
        self.stack.show_body(bool(self.rounds))
        self._round_changed()

    def _round_changed(self) -> None:
        rnd = self.current_round()
        self.entry.set_round(rnd)
        self.round_panel.set_round(rnd)
        self._show_results()

    def _show_results(self) -> None:
        """Recompute the statistics when the Summary or Comments page is showing."""
        rnd = self.current_round()
        if self.tabs.currentWidget() not in (self.summary, self.comments):
            return
        results = round_results(self.context.bf, rnd.id) if rnd else None
        self.summary.set_results(results)
        self.comments.set_results(results)

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def show_target(self, target: dict[str, Any]) -> None:
        round_id = target.get("round_id")
        if round_id is not None:
            self.refresh(select=round_id)
            self.tabs.setCurrentWidget(self.entry)
        if target.get("start") == "new_round" and not self.context.read_only:
            self.new_round()

    def show_record(self, table: str, record_id: int) -> bool:
        if table != "assessment_response":
            return False
        round_id, respondent_id, statement_id = answer_place(self.context.bf, record_id)
        self.show_target({"round_id": round_id})
        self.entry.select_answer(respondent_id, statement_id)
        return True

    # -- actions ---------------------------------------------------------------------------------------
    def new_round(self) -> None:
        dialog = NewRoundDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            round_id = dialog.create()
            if round_id is not None:
                self.refresh(select=round_id)
                self.tabs.setCurrentWidget(self.entry)

    def show_tools(self) -> None:
        ToolsDialog(self.context, self).exec()
