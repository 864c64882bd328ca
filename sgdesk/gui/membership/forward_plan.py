"""The forward plan as a grid: standing items (rows) by meetings (columns), as in a business plan.

A cell shows the lead organisation of an item due at that meeting. Space or Enter puts the row's
item on the meeting's agenda (with the lead it has elsewhere) or takes it off; Delete takes it off.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.membership.meetings import (
    ForwardItem,
    Meeting,
    add_forward_item,
    list_forward_items,
    remove_forward_item,
)

PLANNED_BACKGROUND = "#E3EEF8"


class ForwardPlanModel(QAbstractTableModel):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.meetings: list[Meeting] = []
        self.titles: list[str] = []
        self.items: dict[tuple[str, int], ForwardItem] = {}

    def load(self, meetings: list[Meeting]) -> None:
        self.beginResetModel()
        self.meetings = [m for m in meetings if m.status != "cancelled"]
        items = list_forward_items(self.context.bf, [m.id for m in self.meetings])
        order: dict[str, int] = {}
        for item in items:
            order[item.title] = min(order.get(item.title, item.position), item.position)
        self.titles = sorted(order, key=lambda title: (order[title], title.casefold()))
        self.items = {(item.title, item.meeting_id): item for item in items}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.meetings)

    def item_at(self, index: QModelIndex) -> ForwardItem | None:
        if not index.isValid():
            return None
        return self.items.get((self.titles[index.row()], self.meetings[index.column()].id))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item_at(index)
        title = self.titles[index.row()] if index.isValid() else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if item is None else (item.lead or "Planned")
        if role == Qt.ItemDataRole.BackgroundRole and item is not None:
            return QBrush(QColor(PLANNED_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            meeting = self.meetings[index.column()]
            if item is None:
                return f"{title} is not planned for {meeting.heading} (press Space to add it)"
            due = f"; paper due {format_date(item.paper_due_on)}" if item.paper_due_on else ""
            return f"{title} at {meeting.heading}: lead {item.lead or 'not set'}{due}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            meeting = self.meetings[section]
            return meeting.heading + ("" if meeting.status == "held" else f"\n{meeting.status}")
        return self.titles[section]

    # -- editing ----------------------------------------------------------------------------------
    def toggle(self, index: QModelIndex) -> None:
        """Put the row's item on the column's meeting, or take it off; one undo step."""
        item = self.item_at(index)
        if item is not None:
            self.remove(index)
            return
        title = self.titles[index.row()]
        meeting = self.meetings[index.column()]
        lead = next((i.lead_organisation_id for (t, _m), i in self.items.items() if t == title), None)
        with self.context.edit(f"Plan {title} for {meeting.heading}") as ed:
            add_forward_item(ed, self.context.bf, meeting.id, title, lead_organisation_id=lead)

    def remove(self, index: QModelIndex) -> None:
        item = self.item_at(index)
        if item is None:
            return
        meeting = self.meetings[index.column()]
        with self.context.edit(f"Take {item.title} off {meeting.heading}") as ed:
            remove_forward_item(ed, item.id)


class ForwardPlanTable(QTableView):
    def __init__(self, model: ForwardPlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Forward plan")
        self.setAccessibleDescription("Rows are standing items and columns are meetings. Space adds or removes "
                                      "an item at a meeting; Delete removes it.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultSectionSize(120)
        self.horizontalHeader().setMinimumHeight(44)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # rows fit their titles and the cells on screen: sizing them from every meeting's cell took most
        # of the Meetings view's opening time once a board had years of meetings
        self.verticalHeader().setResizeContentsPrecision(0)
        self.verticalHeader().setMaximumWidth(480)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        model: ForwardPlanModel = self.model()  # type: ignore[assignment]
        index = self.currentIndex()
        action = {Qt.Key.Key_Space: model.toggle, Qt.Key.Key_Return: model.toggle, Qt.Key.Key_Enter: model.toggle,
                  Qt.Key.Key_Delete: model.remove, Qt.Key.Key_Backspace: model.remove}.get(Qt.Key(event.key()))
        if action is None or not index.isValid() or self.context_read_only():
            super().keyPressEvent(event)
            return
        item = model.item_at(index)
        if item is not None and not self._confirm_removal(item, model.meetings[index.column()]):
            return
        try:
            action(index)
        except SGDeskError as error:
            show_error(self, error, "Forward plan not changed")

    def _confirm_removal(self, item: ForwardItem, meeting: Meeting) -> bool:
        lead = f", lead {item.lead}" if item.lead else ""
        due = f", paper due {format_date(item.paper_due_on)}" if item.paper_due_on else ""
        return confirm(self, "Take item off", f"Take {item.title}{lead}{due} off the agenda of {meeting.heading}?",
                       "Take item off", "Keep item")

    def context_read_only(self) -> bool:
        return self.model().context.read_only  # type: ignore[attr-defined]
