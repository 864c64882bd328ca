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

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.models import Field
from sgdesk.gui.widgets.record_table import RecordTable, section_label, table_page
from sgdesk.gui.widgets.views import BoardView, EmptyState, column, row
from sgdesk.membership.bodies import (
    add_subgroup,
    body_by_key,
    list_bodies,
    list_subgroups,
)
from sgdesk.membership.details import (
    ALIAS,
    ORGANISATION,
    PERSON,
    SEAT,
    SUBGROUP,
    TERM,
    RecordKind,
    change_detail,
)
from sgdesk.membership.seats import (
    HOLDER_KINDS,
    ROLES,
    add_seat,
    appoint,
    check_seat_removable,
    delete_seat,
    end_seat,
    find_person,
    get_seat,
    holdings_on,
    list_people,
    list_seats,
    person_for,
    remove_term,
    seat_counts,
    seats_of_organisation,
)
from sgdesk.organisations import (
    ORG_TYPES,
    add_alias,
    add_organisation,
    list_aliases,
    list_organisations,
    org_type_label,
)

Saver = tuple[Callable[[dict], str], Callable[[Any, dict, str], None]]


def _saver(kind: RecordKind, column: str, what: str, name_key: str) -> Saver:
    """Save one cell of a ``kind`` record: Edit > Undo names it "Change the <what> of <row[name_key]>"."""
    def describe(row: dict) -> str:
        return f"Change the {what} of {row[name_key]}"

    def save(ed, row: dict, text: str) -> None:
        change_detail(ed, kind, row["id"], column, text)
    return describe, save


def _requiring(key: str, what: str) -> Callable[[dict], dict]:
    """A form check refusing a blank ``key`` (``what`` names it in the message)."""
    def check(values: dict) -> dict:
        if not str(values[key] or "").strip():
            raise InputError(what, "is empty", "type it in, or press Cancel")
        return values
    return check


def _dates(holder: dict) -> str:
    """``from 1 Apr 2017 to 31 Mar 2019``, ``from 1 Apr 2017``."""
    start = f"from {format_date(holder['starts_on'])}" if holder["starts_on"] else "from the start"
    return start + (f" to {format_date(holder['ends_on'])}" if holder["ends_on"] else "")


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


#: the People tab: every person in the file with the seats they hold, read when the tab is first shown (and
#: after a change, when it is next shown) rather than with the organisations in front of it
PEOPLE_TAB = 1


class MembershipView(BoardView):
    key = "membership"
    title = "Membership"
    help_page = "membership.html"
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
        self.empty = EmptyState(
            "No organisations yet",
            "Add the partner agencies that sit on the board and its sub-groups, then give each a seat with a role "
            "and appoint its representative and deputies. You can also import them from spreadsheets: File > "
            "Import, organisations first, then members.", "Add an organisation", help_page=self.help_page)
        self.empty.action_clicked.connect(self.add_organisation)
        self.stack = self.lay_out(self.empty, row(heading, None, self.search), (self.tabs, 1))   # before the pages
        self.tabs.addTab(self._organisations_tab(), "&Organisations and seats")
        self.tabs.addTab(self._people_tab(), "&People")
        self.tabs.addTab(self._subgroups_tab(), "&Sub-groups")
        self._people_stale = True           # the People tab is read when it is shown (PEOPLE_TAB)
        self.tabs.currentChanged.connect(lambda index: self._fill_people() if index == PEOPLE_TAB else None)
        self.refresh()

    # -- construction -----------------------------------------------------------------------------
    def _organisations_tab(self) -> QWidget:
        org_savers = {
            "name": _saver(ORGANISATION, "name", "name", "name"),
            "short_name": _saver(ORGANISATION, "short_name", "short name", "name"),
            "org_type": _saver(ORGANISATION, "org_type", "type", "name"),
            "statutory": _saver(ORGANISATION, "statutory", "statutory flag", "name"),
            "active_from": _saver(ORGANISATION, "active_from", "partner-from date", "name"),
            "active_to": _saver(ORGANISATION, "active_to", "partner-to date", "name"),
        }
        self.org_table = RecordTable(self.context, "Organisations", ORG_FIELDS, org_savers)
        self.org_table.selectionModel().currentChanged.connect(lambda *_: self._show_organisation())
        self.add_org_button = QPushButton("Add o&rganisation…")
        self.add_org_button.clicked.connect(self.add_organisation)
        self.add_alias_button = QPushButton("Add other &name…")
        self.add_alias_button.clicked.connect(self.add_alias)
        explain(self.add_alias_button, "Another name the selected organisation had or has (a PCT that became a CCG, "
                                       "an abbreviation), so that spreadsheets using it still match")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.org_table, 1)
        left_layout.addLayout(row(self.add_org_button, self.add_alias_button, None))

        seat_savers = {
            "role": _saver(SEAT, "role", "role", "label"),
            "label": _saver(SEAT, "label", "published name", "label"),
            "starts_on": _saver(SEAT, "starts_on", "start date", "label"),
            "ends_on": _saver(SEAT, "ends_on", "end date", "label"),
        }
        self.seat_table = RecordTable(self.context, "Seats", SEAT_FIELDS, seat_savers, sort_column=None)
        self.seat_table.selectionModel().currentChanged.connect(lambda *_: self._show_seat())
        holder_savers = {
            "kind": _saver(TERM, "kind", "capacity", "name"),
            "starts_on": _saver(TERM, "starts_on", "start date", "name"),
            "ends_on": _saver(TERM, "ends_on", "end date", "name"),
        }
        self.holder_table = RecordTable(self.context, "Seat history", HOLDER_FIELDS, holder_savers, sort_column=None)
        alias_savers = {
            "alias": _saver(ALIAS, "alias", "other name", "alias"),
            "valid_from": _saver(ALIAS, "valid_from", "from date", "alias"),
            "valid_to": _saver(ALIAS, "valid_to", "to date", "alias"),
        }
        self.alias_table = RecordTable(self.context, "Other names", ALIAS_FIELDS, alias_savers)
        self.add_seat_button = QPushButton("A&dd seat…")
        self.add_seat_button.clicked.connect(self.add_seat)
        self.appoint_button = QPushButton("&Appoint…")
        self.appoint_button.clicked.connect(self.appoint)
        self.end_seat_button = QPushButton("End sea&t…")
        self.end_seat_button.clicked.connect(self.end_seat)
        self.remove_seat_button = QPushButton("Remo&ve seat")
        self.remove_seat_button.clicked.connect(self.remove_seat)
        self.remove_term_button = QPushButton("Re&move term")
        self.remove_term_button.clicked.connect(self.remove_term)
        explain(self.appoint_button, "Name the seat's representative or a deputy from a date; the previous "
                                     "representative's term ends the day before")
        explain(self.end_seat_button, "Close the seat from a date (the organisation leaves the board or group); its "
                                      "attendance stays on record")
        explain(self.remove_seat_button, "Remove a seat added by mistake (a seat with attendance cannot be removed: "
                                         "end it instead)")
        explain(self.remove_term_button, "Remove the selected term from the seat's history, for a term entered by "
                                         "mistake")
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
        savers = {key: _saver(PERSON, key, label.lower(), "name")
                  for key, label in (("name", "Name"), ("job_title", "Job title"), ("email", "Email"),
                                     ("phone", "Phone"))}
        self.people_table = RecordTable(self.context, "People", PEOPLE_FIELDS, savers)
        return table_page(self.people_table, "People are added when they are appointed to a seat. Double-click a "
                          "cell to change it.")

    def _subgroups_tab(self) -> QWidget:
        savers = {
            "name": _saver(SUBGROUP, "name", "name", "name"),
            "short_name": _saver(SUBGROUP, "short_name", "short name", "name"),
            "frequency": _saver(SUBGROUP, "frequency", "meeting frequency", "name"),
            "tor_review_on": _saver(SUBGROUP, "tor_review_on", "terms of reference review date", "name"),
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
        counts = seat_counts(bf, board_id)
        self.org_table.set_rows([
            {"id": o.id, "name": o.name, "short_name": o.short_name or "", "org_type": org_type_label(o.org_type),
             "statutory": "Yes" if o.statutory else "No", "active_from": o.active_from, "active_to": o.active_to,
             "seats": counts.get(o.id, 0)} for o in organisations])
        self._people_stale = True
        if self.tabs.currentIndex() == PEOPLE_TAB:
            self._fill_people()
        self._fill_subgroups()
        self._show_organisation()
        for button in (self.add_org_button, self.add_alias_button, self.add_seat_button, self.appoint_button,
                       self.end_seat_button, self.remove_seat_button, self.remove_term_button,
                       self.add_subgroup_button):
            button.setEnabled(not self.context.read_only)

    def _fill_people(self) -> None:
        """The People tab, read again if a change or another board came since it was last read."""
        if not self._people_stale:
            return
        self._people_stale = False
        bf = self.context.bf
        holds = holdings_on(bf, self.context.board_id, dt.date.today())
        self.people_table.set_rows([
            {"id": p.id, "name": p.name, "job_title": p.job_title or "", "email": p.email or "",
             "phone": p.phone or "", "seats": "; ".join(holds.get(p.id, []))} for p in list_people(bf)])

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
            self.alias_table.set_rows([{"id": a.id, "alias": a.alias, "valid_from": a.valid_from,
                                        "valid_to": a.valid_to} for a in list_aliases(self.context.bf, org["id"])])
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
        if target.get("start") == "add_organisation" and not self.context.read_only:
            self.add_organisation()

    def show_record(self, table: str, record_id: int) -> bool:
        if table == "seat":
            self.show_target({"seat_id": record_id})
        elif table == "subgroup":
            self.show_target({"subgroup_id": record_id})
        elif table in ("organisation", "person"):
            self.search.clear()
            self.tabs.setCurrentIndex(0 if table == "organisation" else PEOPLE_TAB)
            self._fill_people()
            found = (self.org_table if table == "organisation" else self.people_table).select_id(record_id)
            return found
        else:
            return False
        return True

    # -- actions -----------------------------------------------------------------------------------
    def _run(self, description: str, work: Callable[[Any], Any], title: str) -> Any:
        try:
            with self.context.edit(description) as ed:
                return work(ed)
        except SGDeskError as error:
            show_error(self, error, title)
            return None

    def add_organisation(self) -> None:
        dialog = FormDialog("Add an organisation", self, action="Add organisation")
        dialog.add_text("name", "Name", required=True)
        dialog.add_text("short_name", "Short name")
        dialog.add_choice("org_type", "Type", [("(not set)", None)] + [(org_type_label(t), t) for t in ORG_TYPES])
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
                            "A former or informal name, so old spreadsheets and reports still match.",
                            action="Add name")
        dialog.add_text("alias", "Other name", required=True)
        dialog.add_date("valid_from", "Used from")
        dialog.add_date("valid_to", "Used until")
        values = dialog.ask(_requiring("alias", "The other name"))
        if values is None:
            return
        self._run(f"Add {values['alias']} as another name of {org['name']}", lambda ed: add_alias(
            ed, org["id"], values["alias"], valid_from=values["valid_from"], valid_to=values["valid_to"]),
            "Other name not added")

    def add_seat(self) -> None:
        org = self.org_table.selected()
        bodies = list_bodies(self.context.bf, self.context.board_id)
        dialog = FormDialog("Add a seat", self, "A seat is an organisation's place on the board or a sub-group. "
                            "Attendance is recorded against the seat, whoever holds it.", action="Add seat")
        dialog.add_choice("body", "Body", [(b.name, b.key) for b in bodies])
        dialog.add_choice("organisation", "Organisation",
                          [(o.name, o.id) for o in list_organisations(self.context.bf)],
                          current=org["id"] if org else None)
        dialog.add_choice("role", "Role", [(r, r) for r in ROLES], current="Member", editable=True, required=True)
        dialog.add_text("label", "Shown as", placeholder="blank: the organisation's short name")
        dialog.add_date("starts_on", "From")
        values = dialog.ask(_requiring("role", "The seat's role"))
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
        people = list_people(self.context.bf)
        dialog = FormDialog(f"Appoint to {seat_row['label']} ({seat_row['role']})", self,
                            "Choose someone, or type a new name. A new representative with a start date ends the "
                            "previous representative's term the day before.", action="Appoint")
        dialog.add_choice("person", "Person", [(p.name, p.name) for p in people], current="", editable=True,
                          required=True)
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
                            "The seat and everyone's term in it end on this date; past attendance is kept.",
                            action="End seat")
        dialog.add_date("ends_on", "Last day", dt.date.today(), required=True)

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
        if seat_row is None:
            return
        try:
            check_seat_removable(self.context.bf, seat_row["id"])
        except SGDeskError as error:
            show_error(self, error, "Seat not removed")
            return
        terms = len(get_seat(self.context.bf, seat_row["id"]).holders)
        seat = f"the seat {seat_row['label']} ({seat_row['role']})"
        if confirm(self, "Remove seat", f"Remove {seat}{' and its ' + counted(terms, 'term') if terms else ''}?",
                   "Remove seat", "Keep seat"):
            self._run(f"Remove {seat}", lambda ed: delete_seat(ed, self.context.bf, seat_row["id"]),
                      "Seat not removed")

    def remove_term(self) -> None:
        holder = self.holder_table.selected()
        if holder is not None and confirm(
                self, "Remove term", f"Remove {holder['name']}'s term as {holder['kind']} ({_dates(holder)}) from "
                f"the seat's history?", "Remove term", "Keep term"):
            self._run(f"Remove {holder['name']}'s term as {holder['kind']}",
                      lambda ed: remove_term(ed, holder["id"]), "Term not removed")

    def add_subgroup(self) -> None:
        dialog = FormDialog("Add a sub-group", self, action="Add sub-group")
        dialog.add_text("name", "Name", required=True)
        dialog.add_text("short_name", "Short name")
        dialog.add_text("frequency", "Meets", placeholder="e.g. Quarterly")
        dialog.add_date("tor_review_on", "Terms of reference review")
        values = dialog.ask(_requiring("name", "The sub-group's name"))
        if values is None:
            return
        subgroup_id = self._run(f"Add sub-group {values['name']}", lambda ed: add_subgroup(
            ed, self.context.board_id, values["name"], short_name=values["short_name"] or None,
            frequency=values["frequency"] or None, tor_review_on=values["tor_review_on"]), "Sub-group not added")
        if subgroup_id is not None:
            self.subgroup_table.select_id(subgroup_id)
