"""The Business plan tab: a plan's objectives in the board's numbering with their latest RAG and progress, edited
in place, and each objective's dated updates."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from sgdesk.governance.plans import (
    Objective,
    ObjectiveDetails,
    add_objective,
    add_plan,
    add_plan_update,
    delete_objective,
    list_objectives,
    list_plans,
    objective_plan,
    parse_plan_period,
    update_objective,
)
from sgdesk.governance.rag import label
from sgdesk.gui.governance.panels import (
    RAG_CHOICES,
    RAG_COLOURS,
    FilterRow,
    add_when,
    beside,
    form,
    history_list,
    organisation_choices,
    today,
    write,
)
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm
from sgdesk.gui.widgets.filters import refill
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.models import Field
from sgdesk.gui.widgets.record_table import RecordTable
from sgdesk.membership.bodies import list_subgroups

FIELDS = [
    Field("number", "No.", "text", True), Field("priority", "Objective", "text", True, 330),
    Field("lead", "Lead", width=100),
    Field("rag", "RAG", colours=RAG_COLOURS), Field("made_on", "Updated", "date"), Field("progress", "Latest progress"),
]


def objective_row(objective: Objective) -> dict[str, Any]:
    latest = objective.latest()
    return {"id": objective.id, "number": objective.number, "priority": objective.priority,
            "outcome": objective.outcome or "", "lead": objective.lead or "", "rag": label(latest.rag if latest else None),
            "progress": latest.progress if latest else "", "made_on": latest.made_on if latest else None,
            "lead_subgroup_id": objective.lead_subgroup_id, "lead_organisation_id": objective.lead_organisation_id}


class PlanPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count = 0
        self.filters = FilterRow(lambda: self.table.proxy.set_search(self.search.text()), "Search objectives",
                                 "Number, objective, lead or progress")
        self.plan: QComboBox = self.filters.combo("P&lan:", "Business plan")
        self.plan.currentIndexChanged.connect(lambda _i: self.load())
        self.filters.finish()
        self.search = self.filters.search
        self.table = RecordTable(context, "Business plan objectives", FIELDS, self._savers(), sort_column=None)
        self.table.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.updates = history_list("Progress updates")
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.buttons = [button("Ne&w plan…", self.new_plan), button("Add &objective…", self.new_objective),
                        button("Add &update…", self.add_update), button("Ed&it objective…", self.edit),
                        button("&Delete objective…", self.delete)]
        splitter = beside(self.table, [("Outcome measure", self.outcome, 0), ("Progress updates", self.updates, 1)],
                          self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)
        hint = QLabel("Double-click a number or an objective to change it. RAG and progress are the latest update's; "
                      "the annual report's appendix prints a year's updates.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def refresh(self) -> None:
        plans = list_plans(self.context.bf, self.context.board_id)
        self.count = len(plans)
        refill(self.plan, None, [(f"{plan.title}", plan.id) for plan in plans])
        self.load()

    def load(self) -> None:
        plan_id = self.plan.currentData()
        objectives = list_objectives(self.context.bf, plan_id) if plan_id is not None else []
        self.table.set_rows([objective_row(o) for o in objectives])
        self.table.resizeRowsToContents()     # a plan has a dozen objectives: show each one's words whole
        self.show_selected()

    def show_target(self, target: dict[str, Any]) -> None:
        if "objective_id" in target:
            self.table.select_id(int(target["objective_id"]))

    def show_record(self, objective_id: int) -> bool:
        """Select objective ``objective_id``, in its plan and whatever the search box holds."""
        plan_id = objective_plan(self.context.bf, objective_id)
        if plan_id is None or self.plan.findData(plan_id) < 0:
            return False
        self.plan.setCurrentIndex(self.plan.findData(plan_id))
        self.search.clear()
        return self.table.select_id(objective_id)

    def selected(self) -> Objective | None:
        row = self.table.selected()
        if row is None or self.plan.currentData() is None:
            return None
        return next((o for o in list_objectives(self.context.bf, self.plan.currentData()) if o.id == row["id"]), None)

    def show_selected(self) -> None:
        objective = self.selected()
        read_only = self.context.read_only
        self.buttons[0].setEnabled(not read_only)
        self.buttons[1].setEnabled(not read_only and self.plan.currentData() is not None)
        for push in self.buttons[2:]:
            push.setEnabled(not read_only and objective is not None)
        self.updates.clear()
        self.outcome.setText((objective.outcome or "None given") if objective else "Select an objective.")
        for update in reversed(objective.updates if objective else ()):
            evidence = "; ".join(text for text in (update.quantitative, update.qualitative) if text)
            self.updates.addItem(f"{update.made_on:%d %b %Y} ({label(update.rag)}): {update.progress}" +
                                 (f" [{evidence}]" if evidence else ""))

    def _savers(self) -> dict:
        bf = self.context.bf

        def saver(key: str, what: str):
            def save(ed, row: dict, text: str) -> None:
                values = {k: row[k] for k in ("number", "priority", "outcome", "lead_subgroup_id",
                                              "lead_organisation_id")} | {key: text}
                update_objective(ed, bf, row["id"], ObjectiveDetails(**values))
            return (lambda row: f"Change the {what} of objective {row['number']}", save)

        return {"number": saver("number", "number"), "priority": saver("priority", "wording")}

    def new_plan(self) -> None:
        dialog = form("New business plan", self, "A plan for its years, e.g. 2019-22 (April 2019 to March 2022).")
        dialog.add_text("period", "&Years", placeholder="2019-22")
        dialog.add_text("title", "&Title", placeholder="Business Plan 2019-22")
        values = dialog.ask(lambda v: (parse_plan_period(v["period"]), v["title"]))
        if values is None:
            return
        period, title = values

        def change(ed) -> None:
            self.new_id = add_plan(ed, self.context.bf, self.context.board_id, period, title)

        if write(self, self.context, "Add a business plan", change, "Plan not added"):
            self.refresh()
            self.plan.setCurrentIndex(max(self.plan.findData(self.new_id), 0))

    def _objective_form(self, title: str, objective: Objective | None):
        leads = [("(none)", None)] + [(f"{b.display_name} (sub-group)", ("subgroup", b.subgroup_id))
                                      for b in list_subgroups(self.context.bf, self.context.board_id)] + \
            [(name, ("organisation", org_id)) for name, org_id in organisation_choices(self.context)]
        current = None if objective is None else ("subgroup", objective.lead_subgroup_id) \
            if objective.lead_subgroup_id else ("organisation", objective.lead_organisation_id) \
            if objective.lead_organisation_id else None
        dialog = form(title, self)
        dialog.add_text("number", "&Number", objective.number if objective else "")
        dialog.add_text("priority", "&Objective", objective.priority if objective else "")
        dialog.add_text("outcome", "Outcome &measure", (objective.outcome or "") if objective else "")
        dialog.add_choice("lead", "&Lead", leads, current=current)

        def details(values: dict) -> ObjectiveDetails:
            kind, lead = values["lead"] or (None, None)
            return ObjectiveDetails(values["number"], values["priority"], values["outcome"],
                                    lead if kind == "subgroup" else None, lead if kind == "organisation" else None)

        return dialog.ask(details)

    def new_objective(self) -> None:
        plan_id = self.plan.currentData()
        details = None if plan_id is None else self._objective_form("New objective", None)
        if details is not None:
            write(self, self.context, f"Add objective {details.number}",
                  lambda ed: add_objective(ed, self.context.bf, plan_id, details), "Objective not added")

    def edit(self) -> None:
        objective = self.selected()
        details = None if objective is None else self._objective_form(f"Objective {objective.number}", objective)
        if details is not None:
            write(self, self.context, f"Change objective {objective.number}",
                  lambda ed: update_objective(ed, self.context.bf, objective.id, details), "Not changed")

    def add_update(self) -> None:
        objective = self.selected()
        if objective is None:
            return
        dialog = form(f"Progress on objective {objective.number}", self, objective.priority)
        dialog.add_choice("rag", "&RAG", RAG_CHOICES, current=objective.latest().rag if objective.latest() else None)
        dialog.add_text("progress", "&Progress")
        dialog.add_text("quantitative", "&Quantitative data", placeholder="optional: figures that evidence it")
        dialog.add_text("qualitative", "Qua&litative data", placeholder="optional: what people say, audits find")
        add_when(dialog, self.context, "&Date", note=None)
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Update objective {objective.number}", lambda ed: add_plan_update(
                ed, self.context.bf, objective.id, made_on=values["on"] or today(), rag=values["rag"],
                progress=values["progress"], quantitative=values["quantitative"], qualitative=values["qualitative"],
                meeting_id=values["meeting"]), "Update not added")

    def delete(self) -> None:
        objective = self.selected()
        if objective is None or not confirm(
                self, "Delete objective", f"Delete objective {objective.number} and its updates? Actions serving it "
                "stay. Edit > Undo brings it back.", "Delete objective", "Keep objective"):
            return
        write(self, self.context, f"Delete objective {objective.number}",
              lambda ed: delete_objective(ed, self.context.bf, objective.id), "Not deleted")
