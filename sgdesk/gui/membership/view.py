"""Membership: organisations with their seats, who held each seat when, people, and sub-groups.

Everything is searchable and edited in place (double-click a cell); each change is one step of
Edit > Undo. A seat's history lists its representatives and deputies with their dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sgdesk.core_feature import parse_yes_no
from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.models import Field
from sgdesk.gui.widgets.record_table import RecordTable, section_label, table_page
from sgdesk.gui.widgets.views import BoardView, EmptyOr, EmptyState, column, row
from sgdesk.membership.bodies import (
    add_subgroup,
    body_by_key,
    list_bodies,
    list_subgroups,
)
from sgdesk.membership.cells import optional_date
from sgdesk.membership.importers import parse_holder_kind
from sgdesk.membership.seats import (
    HOLDER_KINDS,
    ROLES,
    add_seat,
    appoint,
    delete_seat,
    end_seat,
    find_person,
    get_seat,
    list_seats,
    person_for,
    seats_of_organisation,
)
from sgdesk.organisations import (
    ORG_TYPES,
    add_organisation,
    list_organisations,
    parse_org_type,
)

Saver = tuple[Callable[[dict], str], Callable[[Any, dict, str], None]]


def _text(required: str | None = None) -> Callable[[str], str | None]:
    """A text cell; blank is None, or refused when ``required`` names what it is."""
    def parse(text: str) -> str | None:
        if not text and required:
            raise InputError(required, "cannot be blank", "type it, or press Escape to leave it as it was")
        return text or None
    return parse


def _saver(table: str, column: str, what: str, name_key: str, parse: Callable[[str], Any]) -> Saver:
    """Save one cell of ``table``: Edit > Undo names it "Change the <what> of <row[name_key]>"."""
    def describe(row: dict) -> str:
        return f"Change the {what} of {row[name_key]}"

    def save(ed, row: dict, text: str) -> None:
        ed.update(table, row["id"], {column: parse(text)})
    return describe, save


def _org_type(text: str) -> str | None:
    return parse_org_type(text) if text else None


ORG_FIELDS = [Field("name", "Organisation", "text", True, 240), Field("short_name", "Short name", "text", True, 130),
              Field("org_type", "Type", "text", True, 80), Field("statutory", "Statutory", "text", True, 80),
              Field("seats", "Seats", "int", False, 50), Field("active_from", "Partner from", "date", True, 100),
              Field("active_to", "Partner to", "date", True, 100)]
SEAT_FIELDS = [Field("body", "Body", "text", False, 150), Field("role", "Role", "text", True, 140),
               Field("label", "Shown as", "text", True, 200), Field("representative", "Representative", "text", False, 170),
               Field("deputies", "Deputies", "text", False, 150), Field("starts_on", "From", "date", True, 95),
               Field("ends_on", "To", "date", True, 95)]
HOLDER_FIELDS = [Field("name", "Name", "text", False, 180), Field("kind", "As", "text", True, 120),
                 Field("starts_on", "From", "date", True, 100), Field("ends_on", "To", "date", True, 100),
                 Field("job_title", "Job title", "text", False)]
ALIAS_FIELDS = [Field("alias", "Other name", "text", True, 300), Field("valid_from", "From", "date", True, 100),
                Field("valid_to", "To", "date", True, 100)]
PEOPLE_FIELDS = [Field("name", "Name", "text", True, 200), Field("job_title", "Job title", "text", True, 300),
                 Field("email", "Email", "text", True, 220), Field("phone", "Phone", "text", True, 120),
                 Field("seats", "Holds", "text", False)]
SUBGROUP_FIELDS = [Field("name", "Sub-group", "text", True, 260), Field("short_name", "Short name", "text", True, 120),
                   Field("frequency", "Meets", "text", True, 100), Field("tor_review_on", "Review terms by", "date", True,
                                                                         120),
                   Field("chair", "Chair", "text", False, 200), Field("vice_chair", "Vice chair", "text", False, 200),
                   Field("seats", "Seats", "int", False)]


class MembershipView(BoardView):
    key = "membership"
    title = "Membership"
    watched_tables = frozenset({"organisation", "organisation_alias", "seat", "seat_holder", "person", "subgroup",
                                "board"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel("Membership")
        heading.setObjectName("viewHeading")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search membership")
        self.search.setPlaceholderText("Search organisations, people, sub-groups…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._search)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Membership sections")
        self.tabs.addTab(self._organisations_tab(), "&Organisations and seats")
        self.tabs.addTab(self._people_tab(), "&People")
        self.tabs.addTab(self._subgroups_tab(), "&Sub-groups")
        self.empty = EmptyState(
            "No organisations yet",
            "Add the partner agencies that sit on the board and its sub-groups, then give each a seat with a role "
            "and appoint its representative and deputies. You can also import them: sgdesk import FILE "
            "organisations AGENCIES.xlsx, then sgdesk import FILE members MEMBERS.xlsx.", "Add an organisation")
        self.empty.action_clicked.connect(self.add_organisation)
        self.stack = EmptyOr(column(row(heading, None, self.search), (self.tabs, 1)), self.empty)
        QVBoxLayout(self).addWidget(self.stack)
        self.refresh()

    # -- construction -----------------------------------------------------------------------------
    def _organisations_tab(self) -> QWidget:
        org_savers = {
            "name": _saver("organisation", "name", "name", "name", _text("The organisation's name")),
            "short_name": _saver("organisation", "short_name", "short name", "name", _text()),
            "org_type": _saver("organisation", "org_type", "type", "name", _org_type),
            "statutory": _saver("organisation", "statutory", "statutory flag", "name", parse_yes_no),
            "active_from": _saver("organisation", "active_from", "partner-from date", "name", optional_date),
            "active_to": _saver("organisation", "active_to", "partner-to date", "name", optional_date),
        }
        self.org_table = RecordTable(self.context, "Organisations", ORG_FIELDS, org_savers)
        self.org_table.selectionModel().currentChanged.connect(lambda *_: self._show_organisation())
        self.add_org_button = QPushButton("Add &organisation…")
        self.add_org_button.clicked.connect(self.add_organisation)
        self.add_alias_button = QPushButton("Add other &name…")
        self.add_alias_button.clicked.connect(self.add_alias)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.org_table, 1)
        left_layout.addLayout(row(self.add_org_button, self.add_alias_button, None))

        seat_savers = {
            "role": _saver("seat", "role", "role", "label", _text("The seat's role")),
            "label": _saver("seat", "label", "published name", "label", _text()),
            "starts_on": _saver("seat", "starts_on", "start date", "label", optional_date),
            "ends_on": _saver("seat", "ends_on", "end date", "label", optional_date),
        }
        self.seat_table = RecordTable(self.context, "Seats", SEAT_FIELDS, seat_savers, sort_column=None)
        self.seat_table.selectionModel().currentChanged.connect(lambda *_: self._show_seat())
        holder_savers = {
            "kind": _saver("seat_holder", "kind", "capacity", "name", parse_holder_kind),
            "starts_on": _saver("seat_holder", "starts_on", "start date", "name", optional_date),
            "ends_on": _saver("seat_holder", "ends_on", "end date", "name", optional_date),
        }
        self.holder_table = RecordTable(self.context, "Seat history", HOLDER_FIELDS, holder_savers, sort_column=None)
        alias_savers = {
            "alias": _saver("organisation_alias", "alias", "other name", "alias", _text("The other name")),
            "valid_from": _saver("organisation_alias", "valid_from", "from date", "alias", optional_date),
            "valid_to": _saver("organisation_alias", "valid_to", "to date", "alias", optional_date),
        }
        self.alias_table = RecordTable(self.context, "Other names", ALIAS_FIELDS, alias_savers)
        self.add_seat_button = QPushButton("Add &seat…")
        self.add_seat_button.clicked.connect(self.add_seat)
        self.appoint_button = QPushButton("&Appoint…")
        self.appoint_button.clicked.connect(self.appoint)
        self.end_seat_button = QPushButton("&End seat…")
        self.end_seat_button.clicked.connect(self.end_seat)
        self.remove_seat_button = QPushButton("Remove seat")
        self.remove_seat_button.clicked.connect(self.remove_seat)
        self.remove_term_button = QPushButton("Remove &term")
        self.remove_term_button.clicked.connect(self.remove_term)
        self.seats_heading = section_label("Seats")
        self.history_heading = section_label("History of the selected seat")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.seats_heading)
        right_layout.addWidget(self.seat_table, 3)
        right_layout.addLayout(row(self.add_seat_button, self.appoint_button, self.end_seat_button,
                                   self.remove_seat_button, None))
        right_layout.addWidget(self.history_heading)
        right_layout.addWidget(self.holder_table, 2)
        right_layout.addLayout(row(self.remove_term_button, None))
        right_layout.addWidget(section_label("Other names (renamed or merged agencies)"))
        right_layout.addWidget(self.alias_table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 760])
        return splitter

    def _people_tab(self) -> QWidget:
        savers = {key: _saver("person", key, label.lower(), "name", _text("The name") if key == "name" else _text())
                  for key, label in (("name", "Name"), ("job_title", "Job title"), ("email", "Email"),
                                     ("phone", "Phone"))}
        self.people_table = RecordTable(self.context, "People", PEOPLE_FIELDS, savers)
        return table_page(self.people_table, "People are added when they are appointed to a seat. Double-click a "
                          "cell to change it.")

    def _subgroups_tab(self) -> QWidget:
        savers = {
            "name": _saver("subgroup", "name", "name", "name", _text("The sub-group's name")),
            "short_name": _saver("subgroup", "short_name", "short name", "name", _text()),
            "frequency": _saver("subgroup", "frequency", "meeting frequency", "name", _text()),
            "tor_review_on": _saver("subgroup", "tor_review_on", "terms of reference review date", "name",
                                    optional_date),
        }
        self.subgroup_table = RecordTable(self.context, "Sub-groups", SUBGROUP_FIELDS, savers, sort_column=None)
        self.add_subgroup_button = QPushButton("Add s&ub-group…")
        self.add_subgroup_button.clicked.connect(self.add_subgroup)
        return table_page(self.subgroup_table, "A sub-group's chair and vice chair are its seats with those roles: "
                          "add them on the Organisations and seats tab.", self.add_subgroup_button)

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        bf = self.context.bf
        board_id = self.context.board_id
        organisations = list_organisations(bf)
        self.stack.show_body(bool(organisations) and board_id is not None)
        self.empty.setEnabled(not self.context.read_only)
        if board_id is None:
            return
        counts = dict(bf.query("SELECT organisation_id, count(*) FROM seat WHERE board_id = ? GROUP BY 1", (board_id,)))
        dates = {r[0]: (r[1], r[2]) for r in bf.query("SELECT id, active_from, active_to FROM organisation")}
        self.org_table.set_rows([
            {"id": o.id, "name": o.name, "short_name": o.short_name or "", "org_type": o.org_type or "",
             "statutory": "Yes" if o.statutory else "No", "active_from": optional_date(dates[o.id][0]),
             "active_to": optional_date(dates[o.id][1]), "seats": counts.get(o.id, 0)} for o in organisations])
        self._fill_people()
        self._fill_subgroups()
        self._show_organisation()
        for button in (self.add_org_button, self.add_alias_button, self.add_seat_button, self.appoint_button,
                       self.end_seat_button, self.remove_seat_button, self.remove_term_button,
                       self.add_subgroup_button):
            button.setEnabled(not self.context.read_only)

    def _fill_people(self) -> None:
        bf = self.context.bf
        holds: dict[int, list[str]] = {}
        for person_id, text in bf.query(
                "SELECT h.person_id, coalesce(s.label, o.short_name, o.name) || ' (' || coalesce(g.short_name, "
                "g.name, 'Board') || '): ' || CASE h.kind WHEN 'deputy' THEN 'deputy' ELSE s.role END "
                "FROM seat_holder h JOIN seat s ON s.id = h.seat_id "
                "JOIN organisation o ON o.id = s.organisation_id LEFT JOIN subgroup g ON g.id = s.subgroup_id "
                "WHERE s.board_id = ? AND (h.ends_on IS NULL OR h.ends_on >= date('now')) ORDER BY 2",
                (self.context.board_id,)):
            holds.setdefault(person_id, []).append(text)
        self.people_table.set_rows([
            {"id": r[0], "name": r[1], "job_title": r[2] or "", "email": r[3] or "", "phone": r[4] or "",
             "seats": "; ".join(holds.get(r[0], []))}
            for r in bf.query("SELECT id, name, job_title, email, phone FROM person ORDER BY name COLLATE NOCASE")])

    def _fill_subgroups(self) -> None:
        today = dt.date.today()
        rows = []
        for subgroup in list_subgroups(self.context.bf, self.context.board_id):
            seats = list_seats(self.context.bf, subgroup)

            def holder(found: list) -> str:
                names = [s.representative_name(today=today) for s in found if s.active_on(today)]
                return ", ".join(names) if names else "Position vacant"
            rows.append({"id": subgroup.subgroup_id, "name": subgroup.name, "short_name": subgroup.short_name or "",
                         "frequency": subgroup.frequency or "", "tor_review_on": subgroup.tor_review_on,
                         "chair": holder([s for s in seats if s.is_chair]),
                         "vice_chair": holder([s for s in seats if s.is_vice_chair]), "seats": len(seats)})
        self.subgroup_table.set_rows(rows)

    def _show_organisation(self) -> None:
        org = self.org_table.selected()
        bodies = {b.subgroup_id: (index, b.display_name)
                  for index, b in enumerate(list_bodies(self.context.bf, self.context.board_id))}
        today = dt.date.today()
        rows = []
        if org is not None:
            seats = seats_of_organisation(self.context.bf, self.context.board_id, org["id"])
            for seat in sorted(seats, key=lambda s: bodies[s.subgroup_id][0]):  # the board first
                rows.append({"id": seat.id, "body": bodies[seat.subgroup_id][1], "role": seat.role,
                             "label": seat.shown_as, "representative": seat.representative_name(today=today),
                             "deputies": ", ".join(h.name for h in seat.deputies_on(today)),
                             "starts_on": seat.starts_on, "ends_on": seat.ends_on})
            aliases = self.context.bf.query("SELECT id, alias, valid_from, valid_to FROM organisation_alias WHERE "
                                            "organisation_id = ? ORDER BY alias COLLATE NOCASE", (org["id"],))
            self.alias_table.set_rows([{"id": r[0], "alias": r[1], "valid_from": optional_date(r[2]),
                                        "valid_to": optional_date(r[3])} for r in aliases])
        else:
            self.alias_table.set_rows([])
        self.seats_heading.setText(f"Seats of {org['name']}" if org else "Seats (select an organisation)")
        self.seat_table.set_rows(rows)
        if self.seat_table.selected() is None and rows:
            self.seat_table.select_id(rows[0]["id"])
        self._show_seat()

    def _show_seat(self) -> None:
        seat_row = self.seat_table.selected()
        if seat_row is None:
            self.history_heading.setText("History of the selected seat")
            self.holder_table.set_rows([])
            return
        seat = get_seat(self.context.bf, seat_row["id"])
        self.history_heading.setText(f"History of the {seat.role} seat shown as {seat.shown_as}")
        self.holder_table.set_rows([{"id": h.id, "name": h.name, "kind": h.kind, "starts_on": h.starts_on,
                                     "ends_on": h.ends_on, "job_title": h.job_title or ""} for h in seat.holders])

    def _search(self, text: str) -> None:
        for table in (self.org_table, self.people_table, self.subgroup_table):
            table.proxy.set_search(text)

    def show_target(self, target: dict[str, Any]) -> None:
        if target.get("seat_id"):
            seat = get_seat(self.context.bf, target["seat_id"])
            self.search.clear()
            self.tabs.setCurrentIndex(0)
            self.org_table.select_id(seat.organisation_id)
            self.seat_table.select_id(seat.id)
        elif target.get("subgroup_id"):
            self.search.clear()
            self.tabs.setCurrentIndex(2)
            self.subgroup_table.select_id(target["subgroup_id"])

    # -- actions -----------------------------------------------------------------------------------
    def _run(self, description: str, work: Callable[[Any], Any], title: str) -> Any:
        try:
            with self.context.edit(description) as ed:
                return work(ed)
        except SGDeskError as error:
            show_error(self, error, title)
            return None

    def add_organisation(self) -> None:
        dialog = FormDialog("Add an organisation", self)
        dialog.add_text("name", "Name")
        dialog.add_text("short_name", "Short name")
        dialog.add_choice("org_type", "Type", [("(not set)", None)] + [(t.capitalize(), t) for t in ORG_TYPES])
        dialog.add_check("statutory", "Statutory partner")

        def check(values: dict) -> dict:
            if not values["name"]:
                raise InputError("The organisation's name", "is empty", "type its full name")
            return values

        values = dialog.ask(check)
        if values is None:
            return
        org_id = self._run(f"Add organisation {values['name']}", lambda ed: add_organisation(
            ed, values["name"], short_name=values["short_name"] or None, org_type=values["org_type"],
            statutory=values["statutory"]), "Organisation not added")
        if org_id is not None:
            self.org_table.select_id(org_id)

    def add_alias(self) -> None:
        org = self.org_table.selected()
        if org is None:
            show_error(self, SGDeskError("select an organisation first"), "Add other name")
            return
        dialog = FormDialog(f"Another name for {org['name']}", self,
                            "A former or informal name, so old spreadsheets and reports still match.")
        dialog.add_text("alias", "Other name")
        dialog.add_date("valid_from", "Used from")
        dialog.add_date("valid_to", "Used until")
        values = dialog.ask()
        if values is None or not values["alias"]:
            return
        self._run(f"Add {values['alias']} as another name of {org['name']}", lambda ed: ed.insert(
            "organisation_alias", {"organisation_id": org["id"], **values}), "Other name not added")

    def add_seat(self) -> None:
        org = self.org_table.selected()
        bodies = list_bodies(self.context.bf, self.context.board_id)
        dialog = FormDialog("Add a seat", self, "A seat is an organisation's place on the board or a sub-group. "
                            "Attendance is recorded against the seat, whoever holds it.")
        dialog.add_choice("body", "Body", [(b.name, b.key) for b in bodies])
        dialog.add_choice("organisation", "Organisation",
                          [(o.name, o.id) for o in list_organisations(self.context.bf)],
                          current=org["id"] if org else None)
        dialog.add_choice("role", "Role", [(r, r) for r in ROLES], current="Member", editable=True)
        dialog.add_text("label", "Shown as", placeholder="blank: the organisation's short name")
        dialog.add_date("starts_on", "From")
        values = dialog.ask()
        if values is None:
            return
        body = body_by_key(self.context.bf, self.context.board_id, values["body"])
        seat_id = self._run(f"Add a {values['role']} seat on {body.display_name}", lambda ed: add_seat(
            ed, body, values["organisation"], role=str(values["role"] or "Member"), label=values["label"] or None,
            starts_on=values["starts_on"]), "Seat not added")
        if seat_id is not None:
            self.org_table.select_id(values["organisation"])
            self.seat_table.select_id(seat_id)

    def appoint(self) -> None:
        seat_row = self.seat_table.selected()
        if seat_row is None:
            show_error(self, SGDeskError("select a seat first (or add one)"), "Appoint")
            return
        people = self.context.bf.query("SELECT id, name FROM person ORDER BY name COLLATE NOCASE")
        dialog = FormDialog(f"Appoint to {seat_row['label']} ({seat_row['role']})", self,
                            "Choose someone, or type a new name. A new representative with a start date ends the "
                            "previous representative's term the day before.")
        dialog.add_choice("person", "Person", [(name, name) for _id, name in people], current="", editable=True)
        dialog.add_text("job_title", "Job title", placeholder="blank: keep theirs")
        dialog.add_choice("kind", "As", [(k.capitalize(), k) for k in HOLDER_KINDS])
        dialog.add_date("starts_on", "From", dt.date.today())

        def check(values: dict) -> dict:
            if not str(values["person"] or "").strip():
                raise InputError("The person", "is empty", "choose someone or type a name")
            return values

        values = dialog.ask(check)
        if values is None:
            return
        name = str(values["person"]).strip()

        def work(ed) -> int:
            person_id = person_for(ed, self.context.bf, name, job_title=values["job_title"] or None)
            return appoint(ed, self.context.bf, seat_row["id"], person_id, kind=values["kind"],
                           starts_on=values["starts_on"])

        new = find_person(self.context.bf, name) is None
        self._run(f"Appoint {name}{' (new)' if new else ''} as {values['kind']} for {seat_row['label']}", work,
                  "Not appointed")

    def end_seat(self) -> None:
        seat_row = self.seat_table.selected()
        if seat_row is None:
            return
        dialog = FormDialog(f"End the seat {seat_row['label']} ({seat_row['role']})", self,
                            "The seat and everyone's term in it end on this date; past attendance is kept.")
        dialog.add_date("ends_on", "Last day", dt.date.today())

        def check(values: dict) -> dt.date:
            if values["ends_on"] is None:
                raise InputError("The last day", "is empty", "type the date, as in 31/03/2019")
            return values["ends_on"]

        day = dialog.ask(check)
        if day is not None:
            self._run(f"End the seat {seat_row['label']} on {format_date(day)}",
                      lambda ed: end_seat(ed, self.context.bf, seat_row["id"], day), "Seat not ended")

    def remove_seat(self) -> None:
        seat_row = self.seat_table.selected()
        if seat_row is not None:
            self._run(f"Remove the seat {seat_row['label']} ({seat_row['role']})",
                      lambda ed: delete_seat(ed, self.context.bf, seat_row["id"]), "Seat not removed")

    def remove_term(self) -> None:
        holder = self.holder_table.selected()
        if holder is not None:
            self._run(f"Remove {holder['name']}'s term as {holder['kind']}",
                      lambda ed: ed.delete("seat_holder", holder["id"]), "Term not removed")

    def add_subgroup(self) -> None:
        dialog = FormDialog("Add a sub-group", self)
        dialog.add_text("name", "Name")
        dialog.add_text("short_name", "Short name")
        dialog.add_text("frequency", "Meets", placeholder="e.g. Quarterly")
        dialog.add_date("tor_review_on", "Terms of reference review")
        values = dialog.ask()
        if values is None or not values["name"]:
            return
        subgroup_id = self._run(f"Add sub-group {values['name']}", lambda ed: add_subgroup(
            ed, self.context.board_id, values["name"], short_name=values["short_name"] or None,
            frequency=values["frequency"] or None, tor_review_on=values["tor_review_on"]), "Sub-group not added")
        if subgroup_id is not None:
            self.subgroup_table.select_id(subgroup_id)
