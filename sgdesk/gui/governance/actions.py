"""The Action log tab: actions filtered by body, owner, status and RAG, edited in place (text, owner, due
date, status, latest update), with the selected action's history and the dated changes as forms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sgdesk.errors import InputError
from sgdesk.governance.actions import (
    STATUSES,
    ActionDetails,
    LoggedAction,
    action_history,
    add_action,
    add_progress,
    body_names,
    carry_action,
    delete_action,
    get_action,
    list_actions,
    move_due,
    override_rag,
    set_owner,
    set_status,
    update_action,
)
from sgdesk.governance.plans import list_objectives, plan_for
from sgdesk.governance.rag import label
from sgdesk.gui.governance.panels import (
    RAG_CHOICES,
    RAG_COLOURS,
    RegisterPanel,
    add_when,
    beside,
    body_choices,
    form,
    history_list,
    meeting_choices,
    organisation_choices,
    saver,
    today,
    write,
)
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.models import Field
from sgdesk.membership.bodies import body_by_key
from sgdesk.membership.cells import optional_date
from sgdesk.membership.seats import person_for

FIELDS = [   # columns without a width fit their contents
    Field("reference", "Ref"), Field("body", "Body"), Field("text", "Action", "text", True, 220),
    Field("owner", "Owner", "text", True, 130), Field("due_on", "Due", "date", True),
    Field("rag", "RAG", colours=RAG_COLOURS), Field("status", "Status", "text", True),
    Field("update", "Latest update", "text", True),
]
STATUS_FILTERS = [("Open", "open"), ("Any status", None), ("Done", "done"), ("Dropped", "dropped"),
                  ("Superseded", "superseded")]


def action_row(action: LoggedAction, day) -> dict[str, Any]:
    rag = action.rag(day)
    return {"id": action.id, "reference": action.reference, "body": action.body_name, "body_key": action.body_key,
            "text": action.text, "owner": action.owner, "owner_id": action.owner_organisation_id,
            "due_on": action.due_on, "status": action.status, "rag": label(rag), "rag_key": rag,
            "update": action.latest_update or ""}


class ActionsPanel(RegisterPanel):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Action log", "Reference, action, owner or update", FIELDS, STATUS_FILTERS,
                         self._savers(context), parent)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = history_list("Action history")
        self.buttons = [
            button("&New action…", self.new_action), button("Add &update…", self.add_update),
            button("&Mark done…", self.mark_done), button("Mo&ve due date…", self.move_due_date),
            button("Carr&y to…", self.carry), button("Overr&ide RAG…", self.override),
            button("Re&open", self.reopen), button("&Delete…", self.delete),
        ]
        splitter = beside(self.table, [("Selected action", self.details, 0), ("History", self.history, 1)],
                          self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)
        self.hint = QLabel("Double-click a cell to change it: a new due date is kept in the history, a status of done is "
                           "dated today, text typed under Latest update is a new update. RAG: red overdue, amber due "
                           "within 14 days.")
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

    # -- loading and filtering -----------------------------------------------------------------------------
    def refresh(self) -> None:
        actions = list_actions(self.context.bf, self.context.board_id)
        self.count = len(actions)
        day = today()
        self.show_rows([action_row(action, day) for action in actions],
                       {(a.owner_organisation, a.owner_organisation_id) for a in actions})

    def show_target(self, target: dict[str, Any]) -> None:
        """Show what an Overview item names: a body's red actions, or those due by its next meeting."""
        self.body.setCurrentIndex(max(self.body.findData(target.get("body")), 0))
        self.status.setCurrentIndex(self.status.findData("open"))
        self.rag.setCurrentIndex(max(self.rag.findData(target.get("rag")), 0))
        if "due_by" in target:
            self.table.sortByColumn(FIELDS.index(next(f for f in FIELDS if f.key == "due_on")),
                                    Qt.SortOrder.AscendingOrder)

    def selected(self) -> LoggedAction | None:
        row = self.table.selected()
        return None if row is None else get_action(self.context.bf, row["id"])

    def show_selected(self) -> None:
        action = self.selected()
        read_only = self.context.read_only
        self.history.clear()
        for push in self.buttons[1:]:
            push.setEnabled(action is not None and not read_only)
        self.buttons[0].setEnabled(not read_only)
        if action is None:
            self.details.setText("Select an action to see where it came from and its history.")
            return
        lines = [f"{action.reference}: {action.source_label}" + (f", {action.agenda_item}" if action.agenda_item else ""),
                 f"Owner: {action.owner}", f"Status: {action.status_label}"]
        if action.rag_override:
            lines.append(f"RAG set to {label(action.rag_override)}: {action.rag_reason}")
        if action.objective_number:
            lines.append(f"Business plan objective {action.objective_number}")
        self.details.setText("\n".join(lines))
        names = body_names(self.context.bf, self.context.board_id)
        for event in action_history(self.context.bf, action.id):
            self.history.addItem(f"{event.made_on:%d %b %Y}: {event.describe(names)}")
        self.buttons[2].setEnabled(action.is_open and not read_only)
        self.buttons[6].setEnabled(not action.is_open and not read_only)
        for push in self.buttons[3:6]:
            push.setEnabled(action.is_open and not read_only)

    # -- editing in place ----------------------------------------------------------------------------------
    @staticmethod
    def _savers(context: AppContext) -> dict:
        bf = context.bf

        def reference(row: dict) -> str:
            return row["reference"]

        return {
            "text": saver("action", reference, lambda ed, row, text: update_action(ed, bf, row["id"], {"text": text})),
            "owner": saver("owner", reference, lambda ed, row, text: set_owner(ed, bf, row["id"], text)),
            "due_on": saver("due date", reference, lambda ed, row, text: move_due(
                ed, bf, row["id"], optional_date(text), made_on=today())),
            "status": saver("status", reference, lambda ed, row, text: set_status(ed, bf, row["id"], text,
                                                                                on=today())),
            "update": (lambda row: f"Add an update to {row['reference']}",
                       lambda ed, row, text: add_progress(ed, bf, row["id"], text, made_on=today())),
        }

    # -- the forms ------------------------------------------------------------------------------------------
    def new_action(self) -> None:
        context = self.context
        dialog = form("New action", self, "An action agreed at a meeting, or one answering a case review, an audit "
                      "or an inspection. Its reference is the next in the board's sequence.")
        dialog.add_choice("meeting", "&Meeting", meeting_choices(context, "(not from a meeting)"))
        dialog.add_choice("body", "&Body without a meeting", body_choices(context))
        dialog.add_choice("source", "&Arising from", [("A meeting", "meeting"), ("A case review", "case review"),
                                                      ("An audit", "audit"), ("An inspection", "inspection")])
        dialog.add_text("source_ref", "Whic&h one", placeholder="e.g. LCSPR Child F, JTAI 2018")
        dialog.add_date("raised_on", "&Raised on")
        dialog.add_text("agenda_item", "Agenda &item")
        dialog.add_text("text", "Ac&tion")
        dialog.add_choice("owner", "O&wner", organisation_choices(context))
        dialog.add_text("person", "Owner's &person", placeholder="optional")
        dialog.add_date("due_on", "&Due")
        plan = plan_for(context.bf, context.board_id)
        objectives = list_objectives(context.bf, plan.id) if plan else []
        dialog.add_choice("objective", "Business plan &objective", [("(none)", None)] +
                          [(f"{o.number}. {o.priority[:60]}", o.id) for o in objectives])

        def check(values: dict) -> dict:
            if values["source"] == "meeting" and values["meeting"] is None:
                raise InputError("The action", "has no meeting", "choose the meeting, or what else it arises from")
            return values

        values = dialog.ask(check)
        if values is None:
            return
        bf = context.bf

        def change(ed) -> None:
            person = values["person"]
            details = ActionDetails(
                values["text"], values["owner"], values["due_on"],
                meeting_id=values["meeting"] if values["source"] == "meeting" or values["meeting"] else None,
                raised_on=values["raised_on"], body=None if values["meeting"] else
                body_by_key(bf, context.board_id, values["body"]), agenda_item=values["agenda_item"],
                source=values["source"], source_ref=values["source_ref"],
                owner_person_id=person_for(ed, bf, person) if person else None, objective_id=values["objective"])
            self.new_id = add_action(ed, bf, context.board_id, details)

        if write(self, context, "Add an action", change, "Action not added"):
            self.table.select_id(self.new_id)

    def add_update(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"Update on {action.reference}", self, action.text)
        dialog.add_text("progress", "&Progress")
        add_when(dialog, self.context, "&Date", note=None)
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Add an update to {action.reference}", lambda ed: add_progress(
                ed, self.context.bf, action.id, values["progress"], made_on=values["on"] or today(),
                meeting_id=values["meeting"]), "Update not added")

    def mark_done(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"Close {action.reference}", self, action.text, action="Close action")
        dialog.add_choice("status", "&Status", [(s.capitalize(), s) for s in STATUSES if s != "open"])
        add_when(dialog, self.context, "&On")
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Mark {action.reference} {values['status']}", lambda ed: set_status(
                ed, self.context.bf, action.id, values["status"], on=values["on"], meeting_id=values["meeting"],
                note=values["note"]), "Not changed")

    def move_due_date(self) -> None:
        action = self.selected()
        if action is None:
            return
        due = f"due {action.due_on:%d %b %Y}" if action.due_on else "no due date"
        dialog = form(f"Move the due date of {action.reference}", self, f"{action.text} ({due}). The old date is "
                      "kept in the history.")
        dialog.add_date("due_on", "&New due date")
        add_when(dialog, self.context, "Mo&ved on", "&Why")
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Move the due date of {action.reference}", lambda ed: move_due(
                ed, self.context.bf, action.id, values["due_on"], made_on=values["on"] or today(),
                meeting_id=values["meeting"], note=values["note"]), "Due date not moved")

    def carry(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"Carry {action.reference}", self, f"Hand it to another body; it keeps its reference. Now with "
                      f"the {action.body_name}.")
        dialog.add_choice("body", "&To", [c for c in body_choices(self.context) if c[1] != action.body_key])
        add_when(dialog, self.context, "&On")
        values = dialog.ask()
        if values is not None:
            body = body_by_key(self.context.bf, self.context.board_id, values["body"])
            write(self, self.context, f"Carry {action.reference} to the {body.display_name}", lambda ed: carry_action(
                ed, self.context.bf, action.id, body, made_on=values["on"] or today(), meeting_id=values["meeting"],
                note=values["note"]), "Not carried")

    def override(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"RAG of {action.reference}", self, "Rate the action whatever its due date says; the reason "
                      "is printed with it in the papers.")
        dialog.add_choice("rag", "&Rating", [("(as its due date says)", None), *RAG_CHOICES],
                          current=action.rag_override)
        dialog.add_text("reason", "R&eason", action.rag_reason or "")
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Change the RAG of {action.reference}", lambda ed: override_rag(
                ed, self.context.bf, action.id, values["rag"], values["reason"], made_on=today()), "RAG not changed")

    def reopen(self) -> None:
        action = self.selected()
        if action is not None:
            write(self, self.context, f"Reopen {action.reference}", lambda ed: set_status(
                ed, self.context.bf, action.id, "open", on=today()), "Not reopened")

    def delete(self) -> None:
        action = self.selected()
        if action is None or not confirm(self, "Delete action", f"Delete the action {action.reference} and its "
                                         "history? Edit > Undo brings it back.", "Delete action", "Keep action"):
            return
        write(self, self.context, f"Delete action {action.reference}",
              lambda ed: delete_action(ed, self.context.bf, action.id), "Not deleted")
