"""The Risk register tab: risks by residual score with RAG and trend, filtered by body, owner, status and RAG,
the 5 x 5 heat map of the open ones, and each risk's reviews and mitigating actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.governance.actions import list_actions
from sgdesk.governance.rag import FILL, label
from sgdesk.governance.risks import (
    TREND_WORDS,
    Bands,
    HeatMap,
    Risk,
    RiskDetails,
    add_risk,
    by_residual,
    delete_risk,
    get_bands,
    get_risk,
    heat_map,
    link_action,
    list_risks,
    review_risk,
    set_bands,
    set_risk_status,
    unlink_action,
    update_risk,
)
from sgdesk.gui.governance.panels import (
    RAG_COLOURS,
    RegisterPanel,
    add_when,
    beside,
    body_choices,
    form,
    history_list,
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
from sgdesk.organisations import require_organisation

FIELDS = [
    Field("reference", "Ref"), Field("title", "Risk", "text", True, 175), Field("owner", "Owner", "text", True, 95),
    Field("inherent", "Inherent", "int", width=76), Field("residual", "Residual", "int", width=78), Field("rag", "RAG", colours=RAG_COLOURS),
    Field("trend", "Trend"), Field("review_on", "Review by", "date", True), Field("status", "Status", "text", True),
    Field("actions", "Actions"),
]
STATUS_FILTERS = [("Open", "open"), ("Any status", None), ("Closed", "closed")]
LEVELS = [(str(n), n) for n in range(1, 6)]


def risk_row(risk: Risk, bands: Bands, references: dict[int, str]) -> dict[str, Any]:
    rag = bands.rag(risk.residual_score)
    return {"id": risk.id, "reference": risk.reference, "title": risk.title, "owner": risk.owner,
            "owner_id": risk.owner_organisation_id, "body_key": risk.body_key, "category": risk.category or "",
            "inherent": risk.inherent_score, "residual": risk.residual_score, "rag": label(rag), "rag_key": rag,
            "trend": f"{risk.trend} {TREND_WORDS.get(risk.trend, '')}".strip() if risk.trend != "new" else "new",
            "reviewed_on": risk.last_reviewed, "review_on": risk.review_on, "status": risk.status,
            "actions": ", ".join(references[a] for a in risk.action_ids if a in references)}


class HeatMapModel(QAbstractTableModel):
    """The 5 x 5 grid: impact 5 at the top, likelihood 1 to 5 across; each square its band's colour."""

    def __init__(self) -> None:
        super().__init__()
        self.heat = HeatMap({}, Bands())

    def load(self, heat: HeatMap) -> None:
        self.beginResetModel()
        self.heat = heat
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def place(self, index: QModelIndex) -> tuple[int, int]:
        return index.column() + 1, 5 - index.row()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        likelihood, impact = self.place(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.heat.count(likelihood, impact) or "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(FILL[self.heat.bands.rag(likelihood * impact)])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1A1A1A")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            references = ", ".join(self.heat.cells.get((likelihood, impact), ())) or "none"
            return f"Likelihood {likelihood}, impact {impact}, score {likelihood * impact}: {references}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return f"L{section + 1}" if orientation == Qt.Orientation.Horizontal else f"I{5 - section}"


class RisksPanel(RegisterPanel):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Risk register", "Reference, risk, owner or category", FIELDS, STATUS_FILTERS,
                         self._savers(context), parent)
        self.heat = HeatMapModel()
        self.heat_view = QTableView()
        self.heat_view.setModel(self.heat)
        self.heat_view.setAccessibleName("Risk heat map: open risks by residual likelihood and impact")
        for header, size in ((self.heat_view.horizontalHeader(), 36), (self.heat_view.verticalHeader(), 26)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
        self.heat_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.heat_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heat_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heat_view.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reviews = history_list("Reviews of the risk")
        self.buttons = [
            button("&New risk…", self.new_risk), button("Record re&view…", self.review),
            button("Ed&it…", self.edit), button("&Link action…", self.link), button("&Unlink action…", self.unlink),
            button("Cl&ose or reopen…", self.close_or_reopen), button("&Delete…", self.delete),
            button("Risk band&s…", self.edit_bands),
        ]
        splitter = beside(self.table, [("Heat map of open risks", self.heat_view, 0),
                                       ("Selected risk", self.details, 0), ("Reviews", self.reviews, 1)], self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)
        self.bands_label = QLabel()
        self.bands_label.setObjectName("muted")
        self.bands_label.setWordWrap(True)
        layout.addWidget(self.bands_label)

    def refresh(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        risks = by_residual(list_risks(bf, board_id))
        self.count = len(risks)
        self.bands = get_bands(bf, board_id)
        references = {a.id: a.reference for a in list_actions(bf, board_id)}
        self.heat.load(heat_map(risks, self.bands))
        self.bands_label.setText(f"Scores are likelihood × impact (each 1 to 5), residual after controls; bands "
                                 f"{self.bands.describe()}. Double-click a risk's text, owner, review date or status "
                                 "to change it.")
        self.show_rows([risk_row(risk, self.bands, references) for risk in risks],
                       {(r.owner, r.owner_organisation_id) for r in risks})

    def show_target(self, target: dict[str, Any]) -> None:
        if "risk_id" in target:
            self.status.setCurrentIndex(self.status.findData("open"))
            self.table.select_id(int(target["risk_id"]))

    def selected(self) -> Risk | None:
        row = self.table.selected()
        return None if row is None else get_risk(self.context.bf, row["id"])

    def show_selected(self) -> None:
        risk = self.selected()
        read_only = self.context.read_only
        self.reviews.clear()
        for push in self.buttons:
            push.setEnabled(not read_only and (risk is not None or push is self.buttons[0] or push is self.buttons[-1]))
        if risk is None:
            self.details.setText("Select a risk to see its controls, reviews and mitigating actions.")
            return
        lines = [f"{risk.reference}: {risk.title}"]
        if risk.description:
            lines.append(risk.description)
        lines.append(f"Inherent {risk.inherent_likelihood} × {risk.inherent_impact} = {risk.inherent_score}; "
                     f"residual {risk.residual_likelihood} × {risk.residual_impact} = {risk.residual_score}")
        lines.append(f"Category: {risk.category or 'none'}. Controls: {risk.controls or 'none recorded'}")
        self.details.setText("\n".join(lines))
        for review in reversed(risk.reviews):
            where = "" if review.meeting_on is None else " (at the meeting)" if review.meeting_on == review.reviewed_on \
                else f" (at the {review.meeting_on:%d %b %Y} meeting)"
            note = f": {review.note}" if review.note else ""
            self.reviews.addItem(f"{review.reviewed_on:%d %b %Y}{where}: {review.likelihood} × {review.impact} = "
                                 f"{review.score}{note}")

    @staticmethod
    def _savers(context: AppContext) -> dict:
        bf = context.bf

        def reference(row: dict) -> str:
            return f"risk {row['reference']}"

        return {
            "title": saver("title", reference, lambda ed, row, text: update_risk(ed, bf, row["id"], {"title": text})),
            "owner": saver("owner", reference, lambda ed, row, text: update_risk(
                ed, bf, row["id"], {"owner_organisation_id": require_organisation(bf, text)})),
            "review_on": saver("review date", reference, lambda ed, row, text: update_risk(
                ed, bf, row["id"], {"review_on": optional_date(text)})),
            "status": saver("status", reference, lambda ed, row, text: set_risk_status(ed, bf, row["id"], text,
                                                                                     on=today())),
        }

    # -- the forms ------------------------------------------------------------------------------------------
    def _risk_form(self, title: str, risk: Risk | None):
        dialog = form(title, self)
        dialog.add_text("title", "&Risk", risk.title if risk else "")
        dialog.add_text("description", "&Description", (risk.description or "") if risk else "")
        dialog.add_choice("owner", "&Owner", organisation_choices(self.context),
                          current=risk.owner_organisation_id if risk else None)
        dialog.add_text("category", "&Category", (risk.category or "") if risk else "")
        dialog.add_choice("body", "On the register of", body_choices(self.context),
                          current=risk.body_key if risk else "board")
        dialog.add_choice("inherent_likelihood", "Inherent &likelihood", LEVELS,
                          current=risk.inherent_likelihood if risk else 3)
        dialog.add_choice("inherent_impact", "Inherent &impact", LEVELS, current=risk.inherent_impact if risk else 3)
        dialog.add_text("controls", "Co&ntrols", (risk.controls or "") if risk else "")
        return dialog

    def new_risk(self) -> None:
        dialog = self._risk_form("New risk", None)
        dialog.add_choice("likelihood", "Residual li&kelihood", LEVELS, current=2)
        dialog.add_choice("impact", "Residual im&pact", LEVELS, current=3)
        add_when(dialog, self.context, "Identifi&ed on", note=None)
        values = dialog.ask()
        if values is None:
            return
        body = body_by_key(self.context.bf, self.context.board_id, values["body"])
        details = RiskDetails(values["title"], values["owner"], values["inherent_likelihood"],
                              values["inherent_impact"], values["likelihood"], values["impact"],
                              values["description"], values["category"], values["controls"],
                              subgroup_id=body.subgroup_id)

        def change(ed) -> None:
            self.new_id = add_risk(ed, self.context.bf, self.context.board_id, details,
                                   identified_on=values["on"] or today(), meeting_id=values["meeting"])

        if write(self, self.context, f"Add the risk {details.title}", change, "Risk not added"):
            self.table.select_id(self.new_id)

    def edit(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        values = self._risk_form(f"Risk {risk.reference}", risk).ask()
        if values is None:
            return
        body = body_by_key(self.context.bf, self.context.board_id, values.pop("body"))
        values["owner_organisation_id"] = values.pop("owner")
        write(self, self.context, f"Change risk {risk.reference}", lambda ed: update_risk(
            ed, self.context.bf, risk.id, {**values, "subgroup_id": body.subgroup_id}), "Not changed")

    def review(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        dialog = form(f"Review {risk.reference}", self, f"{risk.title}: residual now {risk.residual_likelihood} × "
                      f"{risk.residual_impact} = {risk.residual_score}. The review's scores are kept, so the papers "
                      "show the trend.")
        dialog.add_choice("likelihood", "&Likelihood", LEVELS, current=risk.residual_likelihood)
        dialog.add_choice("impact", "&Impact", LEVELS, current=risk.residual_impact)
        add_when(dialog, self.context, "&Reviewed on")
        dialog.add_date("next", "Next re&view", None)
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Review risk {risk.reference}", lambda ed: review_risk(
                ed, self.context.bf, risk.id, values["likelihood"], values["impact"],
                reviewed_on=values["on"] or today(), meeting_id=values["meeting"], note=values["note"],
                next_review_on=values["next"]), "Review not recorded")

    def link(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        actions = [a for a in list_actions(self.context.bf, self.context.board_id) if a.id not in risk.action_ids]
        dialog = form(f"Mitigating action for {risk.reference}", self, risk.title)
        dialog.add_choice("action", "&Action", [(f"{a.reference}: {a.text[:70]}", a.id)
                                                for a in sorted(actions, key=lambda a: (not a.is_open, a.reference))])
        values = dialog.ask()
        if values is not None and values["action"] is not None:
            write(self, self.context, f"Link an action to risk {risk.reference}",
                  lambda ed: link_action(ed, self.context.bf, risk.id, values["action"]), "Not linked")

    def unlink(self) -> None:
        risk = self.selected()
        if risk is None or not risk.action_ids:
            return
        references = {a.id: a.reference for a in list_actions(self.context.bf, self.context.board_id)}
        dialog = form(f"Unlink an action from {risk.reference}", self, action="Unlink action")
        dialog.add_choice("action", "&Action", [(references[a], a) for a in risk.action_ids])
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Unlink an action from risk {risk.reference}",
                  lambda ed: unlink_action(ed, self.context.bf, risk.id, values["action"]), "Not unlinked")

    def close_or_reopen(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        if not risk.is_open:
            write(self, self.context, f"Reopen risk {risk.reference}",
                  lambda ed: set_risk_status(ed, self.context.bf, risk.id, "open", on=None), "Not reopened")
            return
        dialog = form(f"Close {risk.reference}", self, risk.title, action="Close risk")
        dialog.add_date("on", "&Closed on", today())
        values = dialog.ask()
        if values is not None:
            write(self, self.context, f"Close risk {risk.reference}",
                  lambda ed: set_risk_status(ed, self.context.bf, risk.id, "closed", on=values["on"]), "Not closed")

    def delete(self) -> None:
        risk = self.selected()
        if risk is None or not confirm(self, "Delete risk", f"Delete the risk {risk.reference} and its reviews? "
                                       "Edit > Undo brings it back.", "Delete risk", "Keep risk"):
            return
        write(self, self.context, f"Delete risk {risk.reference}",
              lambda ed: delete_risk(ed, self.context.bf, risk.id), "Not deleted")

    def edit_bands(self) -> None:
        bands = get_bands(self.context.bf, self.context.board_id)
        dialog = form("Risk bands", self, f"Scores from amber's lowest are amber, from red's lowest red; lower scores "
                      f"are green. Now: {bands.describe()}.")
        dialog.add_number("amber_from", "&Amber from", bands.amber_from, 25)
        dialog.add_number("red_from", "&Red from", bands.red_from, 25)
        values = dialog.ask(lambda v: Bands(v["amber_from"], v["red_from"]))
        if values is not None:
            write(self, self.context, "Change the risk bands",
                  lambda ed: set_bands(ed, self.context.bf, self.context.board_id, values), "Bands not changed")
