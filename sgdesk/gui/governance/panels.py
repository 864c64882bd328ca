"""What the three tabs of the view share: a row of filters with a search box, a table of records edited in
place, and the choices (bodies, meetings, organisations) their forms offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.governance.rag import LABELS, TEXT
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.filters import filter_combo, refill
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.record_table import RecordTable, section_label
from sgdesk.membership.bodies import list_bodies
from sgdesk.membership.meetings import list_meetings
from sgdesk.organisations import list_organisations

#: a RAG rating is written in its colour, bold, as in the papers
RAG_COLOURS = {LABELS[rag]: colour for rag, colour in TEXT.items()}
RAG_CHOICES = [(LABELS[rag], rag) for rag in ("red", "amber", "green")]


def search_box(name: str, placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    return box


class FilterRow(QHBoxLayout):
    """Labelled filter combos then a search box; ``changed`` runs when any of them changes."""

    def __init__(self, changed: Callable[[], None], search_name: str, placeholder: str) -> None:
        super().__init__()
        self.changed = changed
        self.search = search_box(search_name, placeholder)
        self.search.textChanged.connect(lambda _t: changed())

    def combo(self, label: str, name: str) -> QComboBox:
        combo = filter_combo(name)
        text = QLabel(label)
        text.setBuddy(combo)
        self.addWidget(text)
        self.addWidget(combo)
        combo.currentIndexChanged.connect(lambda _i: self.changed())
        return combo

    def finish(self) -> None:
        find = QLabel("Sear&ch:")
        find.setBuddy(self.search)
        self.addSpacing(8)
        self.addWidget(find)
        self.addWidget(self.search, 1)


def body_choices(context: AppContext) -> list[tuple[str, str]]:
    return [(body.display_name, body.key) for body in list_bodies(context.bf, context.board_id)]


def organisation_choices(context: AppContext) -> list[tuple[str, int]]:
    return [(org.display_name, org.id) for org in list_organisations(context.bf)]


def meeting_choices(context: AppContext, none_text: str) -> list[tuple[str, int | None]]:
    """Every meeting of the board and its sub-groups, latest first ("Executive 12 Mar 2019")."""
    found = []
    for body in list_bodies(context.bf, context.board_id):
        found += [(meeting.meets_on, f"{body.display_name} {format_date(meeting.meets_on)}", meeting.id)
                  for meeting in list_meetings(context.bf, body, include_cancelled=False)]
    return [(none_text, None)] + [(text, meeting_id) for _day, text, meeting_id in sorted(found, reverse=True)]


def today() -> dt.date:
    return dt.date.today()


def write(owner: QWidget, context: AppContext, description: str, change: Callable[[Any], Any], title: str) -> bool:
    """Make ``change`` as one undoable step; say why if it is refused. True when it was made."""
    try:
        with context.edit(description) as ed:
            change(ed)
    except SGDeskError as error:
        show_error(owner, error, title)
        return False
    return True


def form(title: str, parent: QWidget, intro: str = "", action: str = "Save") -> FormDialog:
    """A form whose first button says what it does (``action``: Save unless told otherwise)."""
    dialog = FormDialog(title, parent, intro, action=action)
    parent.dialog = dialog          # reachable by tests, as open_dialog's are
    return dialog


def history_list(name: str) -> QListWidget:
    history = QListWidget()
    history.setAccessibleName(name)
    history.setWordWrap(True)
    history.setAlternatingRowColors(True)
    return history


#: the width the side panel (selected record, history, buttons) starts at
SIDE_WIDTH = 250


def beside(table: QWidget, sections: list[tuple[str, QWidget, int]], buttons: list[QPushButton]) -> QSplitter:
    """``table`` with a side panel: headed sections (title, widget, stretch) over the buttons, two to a row."""
    side = QWidget()
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 0)
    for title, widget, stretch in sections:
        layout.addWidget(section_label(title))
        layout.addWidget(widget, stretch)
    grid = QGridLayout()
    for index, push in enumerate(buttons):
        grid.addWidget(push, index // 2, index % 2)
    layout.addLayout(grid)
    splitter = QSplitter()
    splitter.addWidget(table)
    splitter.addWidget(side)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setSizes([1000, SIDE_WIDTH])
    return splitter


def hide_filtered(table: RecordTable, **chosen: object) -> None:
    """Hide the column of each field a filter has narrowed to one value (every row would say the same)."""
    keys = [field.key for field in table.records.fields]
    for key, value in chosen.items():
        if key in keys:
            table.setColumnHidden(keys.index(key), value is not None)


def saver(what: str, name: Callable[[dict], str], save: Callable) -> tuple[Callable[[dict], str], Callable]:
    """A RecordTable saver: "Change the due date of B-2018-014" for Edit > Undo, and the write."""
    return (lambda row: f"Change the {what} of {name(row)}", save)


def add_when(dialog: FormDialog, context: AppContext, label: str, note: str | None = "&Note") -> None:
    """The date (today by default) and the meeting a dated change belongs to, and a note if ``note`` names it."""
    dialog.add_date("on", label, today())
    dialog.add_choice("meeting", "At &meeting", meeting_choices(context, "(none)"))
    if note:
        dialog.add_text("note", note, placeholder="optional")


class RegisterPanel(QWidget):
    """A register's tab: filters by body, owner, status and RAG and a search box over its table, edited in place."""

    def __init__(self, context: AppContext, name: str, placeholder: str, fields: list, statuses: list,
                 savers: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count = 0
        self.filters = FilterRow(self.apply_filters, f"Search {name.lower()}", placeholder)
        self.body = self.filters.combo("&Body:", "Body filter")
        self.owner = self.filters.combo("O&wner:", "Owner filter")
        self.status = self.filters.combo("S&tatus:", "Status filter")
        self.rag = self.filters.combo("&RAG:", "RAG filter")
        self.filters.finish()
        refill(self.status, None, statuses)
        refill(self.rag, "Any RAG", RAG_CHOICES)
        self.search = self.filters.search
        self.table = RecordTable(context, name, fields, savers, sort_column=None)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())

    def show_selected(self) -> None:
        raise NotImplementedError

    def show_rows(self, rows: list[dict], owners: set[tuple[str, int]]) -> None:
        """Show ``rows`` with the filters refilled (``owners``: (name, id) of those the rows name)."""
        refill(self.body, "All bodies", body_choices(self.context))
        refill(self.owner, "All owners", sorted(owners, key=lambda owner: owner[0].casefold()))
        self.table.set_rows(rows)
        self.apply_filters()
        self.show_selected()

    def show_record(self, record_id: int) -> bool:
        """Select record ``record_id``, showing every body, owner, status and rating if the filters hide it."""
        if self.table.select_id(record_id):
            return True
        if self.table.records.row_of_id(record_id) is None:
            return False
        for combo in (self.body, self.owner, self.status, self.rag):
            combo.setCurrentIndex(max(combo.findData(None), 0))
        self.search.clear()
        return self.table.select_id(record_id)

    def apply_filters(self) -> None:
        self.table.proxy.set_filters({key: combo.currentData() for key, combo in (
            ("body_key", self.body), ("owner_id", self.owner), ("status", self.status), ("rag_key", self.rag))},
            self.search.text())
        hide_filtered(self.table, status=self.status.currentData(), body=self.body.currentData())
