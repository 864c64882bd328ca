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
    FilterRow,
    beside,
    body_choices,
    fit_short_columns,
    form,
    hide_filtered,
    history_list,
    meeting_choices,
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
            "raised_on": action.raised_on, "text": action.text, "owner": action.owner,
            "owner_id": action.owner_organisation_id, "due_on": action.due_on, "status": action.status,
            "rag": label(rag), "rag_key": rag, "update": action.latest_update or "",
            "update_on": action.latest_update_on}


class ActionsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count = 0
        self.filters = FilterRow(self.apply_filters, "Search actions", "Reference, action, owner or update")
        self.body = self.filters.combo("&Body:", "Body filter")
        self.owner = self.filters.combo("O&wner:", "Owner filter")
        self.status = self.filters.combo("S&tatus:", "Status filter")
        self.rag = self.filters.combo("&RAG:", "RAG filter")
        self.filters.finish()
        refill(self.status, None, STATUS_FILTERS)
        refill(self.rag, "Any RAG", RAG_CHOICES)
        self.search = self.filters.search
        self.table = RecordTable(context, "Action log", FIELDS, self._savers(), sort_column=None)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = history_list("Action history")
        self.buttons = [
            button("&New action…", self.new_action), button("Add &update…", self.add_update),
            button("&Mark done…", self.mark_done), button("Move d&ue date…", self.move_due_date),
            button("&Carry to…", self.carry), button("Override R&AG…", self.override),
            button("Re&open", self.reopen), button("De&lete…", self.delete),
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
        bf, board_id = self.context.bf, self.context.board_id
        actions = list_actions(bf, board_id)
        self.count = len(actions)
        day = today()
        refill(self.body, "All bodies", body_choices(self.context))
        owners = sorted({(a.owner_organisation, a.owner_organisation_id) for a in actions}, key=lambda o: o[0].casefold())
        refill(self.owner, "All owners", owners)
        self.table.set_rows([action_row(action, day) for action in actions])
        fit_short_columns(self.table)
        self.apply_filters()
        self.show_selected()

    def apply_filters(self) -> None:
        proxy = self.table.proxy
        proxy.set_value_filter("body_key", self.body.currentData())
        proxy.set_value_filter("owner_id", self.owner.currentData())
        proxy.set_value_filter("status", self.status.currentData())
        proxy.set_value_filter("rag_key", self.rag.currentData())
        proxy.set_search(self.search.text())
        hide_filtered(self.table, status=self.status.currentData(), body=self.body.currentData())

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
    def _savers(self) -> dict:
        bf = self.context.bf

        def saver(what: str, save):
            return (lambda row: f"Change the {what} of {row['reference']}", save)

        return {
            "text": saver("action", lambda ed, row, text: update_action(ed, bf, row["id"], {"text": text})),
            "owner": saver("owner", lambda ed, row, text: set_owner(ed, bf, row["id"], text)),
            "due_on": saver("due date", lambda ed, row, text: move_due(ed, bf, row["id"], optional_date(text),
                                                                      made_on=today())),
            "status": saver("status", lambda ed, row, text: set_status(ed, bf, row["id"], text, on=today())),
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
        dialog.add_text("source_ref", "Which &one", placeholder="e.g. LCSPR Child F, JTAI 2018")
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
        dialog.add_text("note", "&Progress")
        dialog.add_date("made_on", "&Date", today())
        dialog.add_choice("meeting", "Reported at &meeting", meeting_choices(self.context, "(none)"))
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Add an update to {action.reference}", lambda ed: add_progress(
                ed, self.context.bf, action.id, values["note"], made_on=values["made_on"] or today(),
                meeting_id=values["meeting"]), "Update not added")

    def mark_done(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"Close {action.reference}", self, action.text)
        dialog.add_choice("status", "&Status", [(s.capitalize(), s) for s in STATUSES if s != "open"])
        dialog.add_date("on", "&On", today())
        dialog.add_choice("meeting", "At &meeting", meeting_choices(self.context, "(none)"))
        dialog.add_text("note", "&Note", placeholder="optional")
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
        dialog.add_date("made_on", "&Moved on", today())
        dialog.add_choice("meeting", "At &meeting", meeting_choices(self.context, "(none)"))
        dialog.add_text("note", "&Why", placeholder="optional")
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Move the due date of {action.reference}", lambda ed: move_due(
                ed, self.context.bf, action.id, values["due_on"], made_on=values["made_on"] or today(),
                meeting_id=values["meeting"], note=values["note"]), "Due date not moved")

    def carry(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = form(f"Carry {action.reference}", self, f"Hand it to another body; it keeps its reference. Now with "
                      f"the {action.body_name}.")
        dialog.add_choice("body", "&To", [c for c in body_choices(self.context) if c[1] != action.body_key])
        dialog.add_date("made_on", "&On", today())
        dialog.add_choice("meeting", "At &meeting", meeting_choices(self.context, "(none)"))
        values = dialog.ask()
        if values is not None:
            body = body_by_key(self.context.bf, self.context.board_id, values["body"])
            write(self, self.context, f"Carry {action.reference} to the {body.display_name}", lambda ed: carry_action(
                ed, self.context.bf, action.id, body, made_on=values["made_on"] or today(),
                meeting_id=values["meeting"]), "Not carried")

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
        if action is None or not confirm(self, "Delete action", f"Delete {action.reference} and its history? Edit > "
                                         "Undo brings it back."):
            return
        write(self, self.context, f"Delete action {action.reference}",
              lambda ed: delete_action(ed, self.context.bf, action.id), "Not deleted")
