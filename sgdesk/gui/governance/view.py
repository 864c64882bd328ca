"""Actions & risks: the action log, the risk register and business plan progress, the registers the meeting
papers are made from (Meetings > Prepare papers… writes them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from sgdesk.gui.governance.actions import ActionsPanel
from sgdesk.gui.governance.plan import PlanPanel
from sgdesk.gui.governance.risks import RisksPanel
from sgdesk.gui.widgets.views import BoardView, EmptyState, row

TABS = ("actions", "risks", "plan")
#: the tabs read when they are next shown rather than with the tab shown: the registers (the business plan's
#: rows take the height of their words, which are laid out as they are read, so it is read at once)
WHEN_SHOWN = frozenset({"actions", "risks"})
#: the tab showing each table's records (search everywhere opens them there)
RECORD_TABS = {"board_action": "actions", "risk": "risks", "plan_objective": "plan"}


class GovernanceView(BoardView):
    key = "governance"
    title = "Actions & risks"
    help_page = "actions-and-risks.html"
    watched_tables = frozenset({"board_action", "action_event", "risk", "risk_review", "risk_action", "plan",
                                "plan_objective", "plan_update", "organisation", "subgroup", "meeting", "person",
                                "board_setting", "board"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel("Action log, risks and business plan")
        heading.setObjectName("viewHeading")
        self.actions = ActionsPanel(context)
        self.risks = RisksPanel(context)
        self.plan = PlanPanel(context)
        self.panels = (self.actions, self.risks, self.plan)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Actions and risks sections")
        self.empty = EmptyState(
            "No actions, risks or business plan yet",
            "Log the actions each meeting agrees, keep the risk register and record progress on the business plan "
            "here; Meetings > Prepare papers… then makes each meeting's papers from them. Start with an action, or "
            "import a log kept in Excel (File > Import: actions, risks or business-plan).", "Add the first action",
            help_page=self.help_page)
        self.empty.action_clicked.connect(self._first_action)
        self.stack = self.lay_out(self.empty, row(heading, None), (self.tabs, 1))   # the tabs before their pages
        self.tabs.addTab(self.actions, "&Action log")
        self.tabs.addTab(self.risks, "Ris&k register")
        self.tabs.addTab(self.plan, "Business &plan")
        self._stale_tabs: set[int] = set()      # the tabs to read again when next shown
        self.tabs.currentChanged.connect(self._up_to_date)
        self.refresh()

    def refresh(self) -> None:
        """Read the tab shown again, and the registers behind it when they are next shown; all of them when the
        tab shown is empty, to know whether there is anything to show at all."""
        if self.context.board_id is None:
            self.stack.show_body(False)
            return
        self._stale_tabs = set(range(len(self.panels)))
        for index, key in enumerate(TABS):
            if key not in WHEN_SHOWN or index == self.tabs.currentIndex():
                self._up_to_date(index)
        if not self.panels[self.tabs.currentIndex()].count:
            for index in range(len(self.panels)):
                self._up_to_date(index)
        self.stack.show_body(any(panel.count for panel in self.panels))
        self.empty.setEnabled(not self.context.read_only)

    def _up_to_date(self, index: int) -> None:
        if index in self._stale_tabs:
            self._stale_tabs.discard(index)
            self.panels[index].refresh()

    def show_target(self, target: dict[str, Any]) -> None:
        if target.get("tab") in TABS:
            index = TABS.index(target["tab"])
            self._up_to_date(index)
            self.tabs.setCurrentIndex(index)
            self.panels[index].show_target(target)

    def show_record(self, table: str, record_id: int) -> bool:
        if table not in RECORD_TABS:
            return False
        index = TABS.index(RECORD_TABS[table])
        self._up_to_date(index)
        if not self.panels[index].show_record(record_id):
            return False
        self.tabs.setCurrentIndex(index)
        return True

    def _first_action(self) -> None:
        self.stack.show_body()
        self.tabs.setCurrentIndex(0)
        self.actions.new_action()
