"""Meetings: the attendance grid with its flags, the list of meetings, and the forward plan.

Choose the board or a sub-group and a period; the grid's Expected and % columns and the flags
beside it follow every mark as it is typed, pasted or undone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sgdesk import registry
from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.membership.forward_plan import ForwardPlanModel, ForwardPlanTable
from sgdesk.gui.membership.grid_model import AttendanceModel, CellRef
from sgdesk.gui.membership.grid_table import AttendanceTable
from sgdesk.gui.widgets.date_field import DateField
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.export_dialog import ask_and_export
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.models import Field
from sgdesk.gui.widgets.record_table import RecordTable, section_label, table_page
from sgdesk.gui.widgets.unsaved import HoldsEdits
from sgdesk.gui.widgets.views import BoardView, EmptyState, column, row
from sgdesk.membership.attendance import set_mark_details
from sgdesk.membership.bodies import Body, body_by_key, list_bodies
from sgdesk.membership.details import MEETING, change_detail
from sgdesk.membership.flags import QuorumRule, get_quorum_rule, set_quorum_rule
from sgdesk.membership.meetings import (
    STATUSES,
    add_forward_item,
    add_meeting,
    delete_meeting,
    get_forward_item,
    get_meeting,
    has_meetings_or_seats,
    list_meetings,
    meeting_counts,
    parse_time,
)
from sgdesk.membership.seats import list_people
from sgdesk.organisations import list_organisations
from sgdesk.reporting import format_cell
from sgdesk.store import Changes

_SEVERITY = {"problem": ("Problem", "#B00020"), "warning": ("Check", "#8A5A00"), "info": ("Note", "#1F4E79")}
#: changes to these tables alone only change marks, so the grid recounts without rebuilding
_MARK_TABLES = frozenset({"attendance", "person"})
#: the export that writes a meeting's papers (registered by the meeting papers feature)
PAPERS = "meeting-pack"

MEETING_FIELDS = [
    Field("meets_on", "Date", "date", True, 110), Field("starts_at", "Time", "text", True, 70),
    Field("venue", "Venue", "text", True, 330), Field("online", "Online", "text", True, 70),
    Field("status", "Status", "text", True, 90), Field("marks", "Marks", "int", False, 60),
    Field("items", "Plan items", "int", False, 90), Field("notes", "Notes", "text", True),
]


def _meeting_saver(column: str) -> tuple:
    def describe(row: dict) -> str:
        return f"Change the {column.replace('_', ' ')} of the meeting of {format_date(row['meets_on'])}"

    def save(ed, row: dict, text: str) -> None:
        change_detail(ed, MEETING, row["id"], column, text)
    return describe, save


class MeetingsView(HoldsEdits, BoardView):
    """The details of a mark (deputy, note) typed and not saved with Save details are saved when another
    cell is chosen, and kept as typed when the grid redraws after a change elsewhere."""

    key = "meetings"
    title = "Meetings"
    help_page = "meetings.html"
    watched_tables = frozenset({"meeting", "attendance", "seat", "seat_holder", "person", "organisation",
                                "subgroup", "forward_item", "board_setting", "board"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AttendanceModel(context)
        self.plan_model = ForwardPlanModel(context)
        self.shown_mark: tuple[CellRef, Any] | None = None      # the cell whose details are in the form

        heading = QLabel("Meetings and attendance")
        heading.setObjectName("viewHeading")
        self.body_combo = QComboBox()
        self.body_combo.setAccessibleName("Board or sub-group")
        self.body_combo.setMinimumWidth(260)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName("Period")
        self.start = DateField("From date")
        self.end = DateField("To date")
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._reload())
        body_label = QLabel("&Body:")
        body_label.setBuddy(self.body_combo)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period_combo)
        self.add_meeting_button = QPushButton("&Add meeting…")
        self.add_meeting_button.clicked.connect(self.add_meeting)
        self.quorum_button = QPushButton("&Quorum rule…")
        self.quorum_button.clicked.connect(self.edit_quorum)
        explain(self.body_combo, "Whose meetings to show: the board itself or one of its sub-groups")
        explain(self.period_combo, "Which meetings: a financial year (April to March), the whole record, or dates "
                                   "you choose")
        explain(self.quorum_button, "How many seats must be present for a meeting of this body to be quorate; "
                                    "meetings short of it are flagged")
        top = row(heading, None, body_label, self.body_combo, period_label, self.period_combo, self.start, self.end,
                  self.add_meeting_button, self.quorum_button)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Meetings sections")
        self.empty = EmptyState(
            "No meetings yet",
            "Add the board's meetings here, then record who came to each one in the attendance grid (type Y, D, "
            "A, N or - in a cell, or paste a block from Excel). Seats come from Membership. You can also import a "
            "grid kept in Excel: File > Import, attendance grid.", "Add the first meeting", help_page=self.help_page)
        self.empty.action_clicked.connect(self.add_meeting)
        self.stack = self.lay_out(self.empty, top, (self.tabs, 1))     # the tabs in place before their pages
        self.tabs.addTab(self._attendance_tab(), "A&ttendance")
        self.tabs.addTab(self._meetings_tab(), "&Meetings")
        self.tabs.addTab(self._plan_tab(), "Forward p&lan")
        self.body_combo.currentIndexChanged.connect(lambda _i: self._body_changed())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.refresh()

    # -- construction -----------------------------------------------------------------------------
    def _attendance_tab(self) -> QWidget:
        self.table = AttendanceTable(self.model)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_cell())
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)

        flags_label = section_label("Flags")
        self.flag_list = QListWidget()
        self.flag_list.setObjectName("flagList")
        self.flag_list.setAccessibleName("Attendance flags")
        self.flag_list.setWordWrap(True)
        self.flag_list.itemActivated.connect(self._open_flag)
        self.flag_list.itemClicked.connect(self._open_flag)
        self.cell_label = QLabel()
        self.cell_label.setWordWrap(True)
        self.deputy_combo = QComboBox()
        self.deputy_combo.setAccessibleName("Deputy who attended")
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Note on this mark")
        self.note_edit.setPlaceholderText("Note (optional)")
        self.save_details_button = QPushButton("Save &details")
        self.save_details_button.clicked.connect(lambda: self.save_details())
        explain(self.save_details_button, "Save who came as deputy (for a D mark) and the note, for the cell chosen "
                                          "in the grid")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(flags_label)
        right_layout.addWidget(self.flag_list, 1)
        right_layout.addWidget(section_label("Selected mark"))
        right_layout.addWidget(self.cell_label)
        deputy_label = QLabel("Deputy who came:")
        deputy_label.setBuddy(self.deputy_combo)
        right_layout.addWidget(deputy_label)
        right_layout.addWidget(self.deputy_combo)
        right_layout.addWidget(self.note_edit)
        right_layout.addWidget(self.save_details_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        return splitter

    def _meetings_tab(self) -> QWidget:
        savers = {column: _meeting_saver(column) for column in ("meets_on", "starts_at", "venue", "online",
                                                                  "status", "notes")}
        self.meeting_table = RecordTable(self.context, "Meetings list", MEETING_FIELDS, savers, sort_column=None)
        self.delete_meeting_button = QPushButton("&Remove meeting")
        self.delete_meeting_button.clicked.connect(self.remove_meeting)
        self.papers_button = QPushButton("Prepare paper&s…")
        self.papers_button.setToolTip("The selected meeting's papers: agenda, attendance, action log, risk register")
        self.papers_button.clicked.connect(self.prepare_papers)
        self.papers_button.setVisible(PAPERS in registry.load().exports)
        return table_page(self.meeting_table, "Double-click a cell to change it. Status is planned, held or "
                          "cancelled; marking attendance at a planned meeting makes it held.",
                          self.papers_button, self.delete_meeting_button)

    def _plan_tab(self) -> QWidget:
        self.plan_table = ForwardPlanTable(self.plan_model)
        self.add_item_button = QPushButton("Add &item…")
        self.add_item_button.clicked.connect(self.add_item)
        return table_page(self.plan_table, "Each row is a standing item, each column a meeting; a cell names the "
                          "lead organisation. Select a cell and press Space to add or remove the item there.",
                          self.add_item_button)

    # -- what is chosen ---------------------------------------------------------------------------
    def body(self) -> Body | None:
        key = self.body_combo.currentData()
        if key is None or self.context.board_id is None:
            return None
        return body_by_key(self.context.bf, self.context.board_id, key)

    def period(self) -> Period | None:
        data = self.period_combo.currentData()
        if data is None:
            return None
        if data == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            return Period(start, end) if end >= start else None
        return Period.for_year(FinancialYear(data))

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        board_id = self.context.board_id
        has_any = board_id is not None and has_meetings_or_seats(self.context.bf, board_id)
        self.stack.show_body(has_any)
        self.empty.setEnabled(board_id is not None and not self.context.read_only)
        if board_id is None:
            return
        self._fill_bodies()
        self._fill_periods()
        self._reload()

    def _fill_bodies(self) -> None:
        current = self.body_combo.currentData() or "board"
        self.body_combo.blockSignals(True)
        self.body_combo.clear()
        for body in list_bodies(self.context.bf, self.context.board_id):
            self.body_combo.addItem(body.name if body.is_board else f"  {body.name}", body.key)
        self.body_combo.setCurrentIndex(max(self.body_combo.findData(current), 0))
        self.body_combo.blockSignals(False)

    def _fill_periods(self) -> None:
        current = self.period_combo.currentData()
        body = self.body()
        years = sorted({FinancialYear.containing(m.meets_on).start_year
                        for m in (list_meetings(self.context.bf, body) if body else [])}, reverse=True)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem("Whole record", None)
        for year in years:
            self.period_combo.addItem(FinancialYear(year).label, year)
        self.period_combo.addItem("Custom dates", "custom")
        found = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(found if found >= 0 else 0)
        self.period_combo.blockSignals(False)
        custom = self.period_combo.currentData() == "custom"
        self.start.setVisible(custom)
        self.end.setVisible(custom)

    def _body_changed(self) -> None:
        self._fill_periods()
        self._reload()

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        if custom and self.model.grid is not None and self.model.grid.meetings:
            self.start.blockSignals(True)
            self.start.setDate(self.model.grid.meetings[0].meets_on)
            self.start.blockSignals(False)
            self.end.setDate(self.model.grid.meetings[-1].meets_on)
        self._reload()

    def _reload(self) -> None:
        body = self.body()
        if body is None:
            return
        current = self.table.currentIndex()
        ref = self.model.cell_at(current.row(), current.column()) if current.isValid() else None
        period = self.period()
        self.model.load(body, period)
        if ref is not None:
            self.table.select_cell(self.model.row_of_seat(ref.seat.id), self.model.column_of_meeting(ref.meeting.id))
        meetings = list_meetings(self.context.bf, body, period)
        self.plan_model.load(meetings)
        self._fill_meeting_list(meetings)
        self._after_marks()
        read_only = self.context.read_only
        for button in (self.add_meeting_button, self.quorum_button, self.add_item_button,
                       self.delete_meeting_button, self.save_details_button):
            button.setEnabled(not read_only)

    def _fill_meeting_list(self, meetings) -> None:
        counts = meeting_counts(self.context.bf, self.context.board_id)
        self.meeting_table.set_rows([
            {"id": m.id, "meets_on": m.meets_on, "starts_at": m.starts_at or "", "venue": m.venue or "",
             "online": "Yes" if m.online else "No", "status": m.status, "marks": counts.get(m.id, (0, 0))[0],
             "items": counts.get(m.id, (0, 0))[1], "notes": m.notes or ""} for m in meetings])

    def on_changes(self, changes: Changes) -> None:
        if changes.tables <= _MARK_TABLES and self.model.grid is not None:
            # marks alone changed: re-read just those (a renamed person may be any deputy: read all)
            self.model.reload_marks(changes.rows["attendance"] if "attendance" in changes.rows else None)
            self._fill_meeting_list(self.model.meetings)
            self._after_marks()
        else:
            self.refresh()

    def _after_marks(self) -> None:
        """Redraw what follows the marks: the flags, the summary line and the selected cell's details."""
        self.flag_list.clear()
        for flag in self.model.flags_list():
            label, colour = _SEVERITY[flag.severity]
            item = QListWidgetItem(f"{label}: {flag.text}")
            item.setForeground(QColor(colour))
            item.setData(Qt.ItemDataRole.UserRole, (flag.seat_id, flag.meeting_id))
            item.setToolTip(flag.title)
            self.flag_list.addItem(item)
        grid = self.model.grid
        if grid is None:
            return
        if self.flag_list.count() == 0:
            self.flag_list.addItem(QListWidgetItem(
                "No flags: every meeting is recorded and quorate, with no long runs of deputies." if grid.meetings
                else "No flags: there are no meetings in this period."))
        if not grid.meetings:
            self.summary.setText(f"No meetings of the {grid.body.display_name} in this period: add one with Add "
                                 "meeting, then mark attendance here.")
        else:
            percent = format_cell(grid.overall().percent, "percent")
            self.summary.setText(
                f"{len(grid.seats)} seats, {len(grid.held_meetings)} meetings held ({len(grid.unrecorded_meetings)} "
                f"not recorded). Overall attendance {percent}. {self.model.rule.describe().capitalize()}. "
                "Type Y, D, A, N or - in a cell; Delete clears; Ctrl+V pastes from Excel.")
        self._show_cell()

    # -- the selected cell ------------------------------------------------------------------------
    def _current_cell(self) -> tuple[CellRef | None, Any]:
        """The selected cell and its mark's record (None when it has no mark)."""
        index = self.table.currentIndex()
        ref = self.model.cell_at(index.row(), index.column()) if index.isValid() else None
        record = None if ref is None or self.model.grid is None else \
            self.model.grid.marks.get((ref.seat.id, ref.meeting.id))
        return ref, record

    def _details_differ(self) -> bool:
        """Whether the deputy or note differ from the mark they were filled from."""
        if self.shown_mark is None or not self.note_edit.isEnabled():
            return False
        _ref, record = self.shown_mark
        deputy = self.deputy_combo.currentData() if self.deputy_combo.isEnabled() else record.deputy_id
        return self.note_edit.text().strip() != (record.note or "").strip() or deputy != record.deputy_id

    def unsaved_edit(self) -> str | None:
        if not self._details_differ():
            return None
        ref, _record = self.shown_mark
        return f"the details of the mark for {ref.seat.shown_as} at {ref.meeting.heading} (Meetings)"

    def save_edit(self) -> bool:
        return self.shown_mark is None or self.save_details(self.shown_mark[0])

    def discard_edit(self) -> None:
        self.shown_mark = None
        self._show_cell()

    def _show_cell(self) -> None:
        ref, record = self._current_cell()
        key = None if ref is None else (ref.seat.id, ref.meeting.id)
        if self.shown_mark is not None and self._details_differ():
            if key == (self.shown_mark[0].seat.id, self.shown_mark[0].meeting.id):
                if record is not None:
                    self.shown_mark = (ref, record)     # what is typed stays
                    self.cell_label.setText(f"{ref.seat.shown_as}, {ref.meeting.heading}: {self.model.explain(ref)}")
                    return
            else:
                left, self.shown_mark = self.shown_mark[0], None
                self.save_details(left)          # moving to another cell saves what was typed
                ref, record = self._current_cell()
        self.shown_mark = None if ref is None or record is None else (ref, record)
        self.deputy_combo.clear()
        if ref is None:
            self.cell_label.setText("Select a cell in the grid.")
        else:
            self.cell_label.setText(f"{ref.seat.shown_as}, {ref.meeting.heading}: {self.model.explain(ref)}")
            self.deputy_combo.addItem("(not named)", None)
            nominated = [h for h in ref.seat.holders if h.kind == "deputy"]
            for holder in nominated:
                self.deputy_combo.addItem(f"{holder.name} (nominated deputy)", holder.person_id)
            for person in list_people(self.context.bf):
                if person.id not in {h.person_id for h in nominated}:
                    self.deputy_combo.addItem(person.name, person.id)
        if record is not None:
            self.deputy_combo.setCurrentIndex(max(self.deputy_combo.findData(record.deputy_id), 0))
        self.note_edit.setText(record.note or "" if record is not None else "")
        can_edit = record is not None and not self.context.read_only
        self.deputy_combo.setEnabled(can_edit and record.mark == "D")
        self.note_edit.setEnabled(can_edit)
        self.save_details_button.setEnabled(can_edit)

    def save_details(self, ref: CellRef | None = None) -> bool:
        """Save the deputy and note typed for ``ref`` (by default the selected cell); False if refused."""
        ref = ref or self._current_cell()[0]
        if ref is None:
            return False
        deputy = self.deputy_combo.currentData() if self.deputy_combo.isEnabled() else None
        try:
            with self.context.edit(f"Attendance details: {ref.seat.shown_as}, {ref.meeting.heading}") as ed:
                set_mark_details(ed, self.context.bf, ref.seat.id, ref.meeting.id, deputy_id=deputy,
                                 note=self.note_edit.text())
        except SGDeskError as error:
            show_error(self, error, "Details not saved")
            return False
        return True

    def _open_flag(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            seat_id, meeting_id = target
            row = self.model.row_of_seat(seat_id) if seat_id else None
            column = self.model.column_of_meeting(meeting_id) if meeting_id else None
            self.tabs.setCurrentIndex(0)
            self.table.select_cell(row, column)
            self.table.setFocus()

    def show_target(self, target: dict[str, Any]) -> None:
        if "body" in target:
            found = self.body_combo.findData(target["body"])
            if found >= 0:
                self.body_combo.setCurrentIndex(found)
        self.period_combo.setCurrentIndex(0)
        row = self.model.row_of_seat(target["seat_id"]) if target.get("seat_id") else None
        column = self.model.column_of_meeting(target["meeting_id"]) if target.get("meeting_id") else None
        self.tabs.setCurrentIndex(0)
        self.table.select_cell(row, column)

    def show_record(self, table: str, record_id: int) -> bool:
        if table != "forward_item":
            return False
        item = get_forward_item(self.context.bf, record_id)
        self.show_target({"body": get_meeting(self.context.bf, item.meeting_id).body_key})
        self.tabs.setCurrentIndex(2)
        row = self.plan_model.titles.index(item.title)
        column = next(i for i, meeting in enumerate(self.plan_model.meetings) if meeting.id == item.meeting_id)
        index = self.plan_model.index(row, column)
        self.plan_table.setCurrentIndex(index)
        self.plan_table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # -- actions -----------------------------------------------------------------------------------
    def add_meeting(self) -> None:
        if self.context.board_id is None:
            return
        bodies = list_bodies(self.context.bf, self.context.board_id)
        dialog = FormDialog("Add a meeting", self, action="Add meeting")
        dialog.add_choice("body", "Body", [(b.name, b.key) for b in bodies], current=self.body_combo.currentData())
        dialog.warn_about_day(dialog.add_date("meets_on", "Date", required=True), "meeting")
        dialog.add_text("starts_at", "Time", placeholder="e.g. 14:00")
        dialog.add_text("venue", "Venue")
        dialog.add_check("online", "Online")
        dialog.add_choice("status", "Status", [("Planned or held, by its date", None)] +
                          [(status.capitalize(), status) for status in STATUSES])

        def check(values: dict) -> tuple:
            if values["meets_on"] is None:
                raise InputError("The meeting's date", "is empty", "type the date, as in 21/09/2017")
            return (values["body"], values["meets_on"], parse_time(values["starts_at"]) if values["starts_at"] else None,
                    values["venue"] or None, values["online"], values["status"])

        answer = dialog.ask(check)
        if answer is None:
            return
        key, day, time, venue, online, status = answer
        body = body_by_key(self.context.bf, self.context.board_id, key)
        try:
            with self.context.edit(f"Add the {body.display_name} meeting of {format_date(day)}") as ed:
                add_meeting(ed, body, day, starts_at=time, venue=venue, online=online, status=status)
        except SGDeskError as error:
            show_error(self, error, "Meeting not added")
            return
        self.body_combo.setCurrentIndex(max(self.body_combo.findData(key), 0))

    def remove_meeting(self) -> None:
        row = self.meeting_table.selected()
        if row is None:
            show_error(self, SGDeskError("select a meeting in the list first"), "Remove meeting")
            return
        day = format_date(row["meets_on"])
        held = [counted(n, what) for n, what in ((row["marks"], "attendance mark"), (row["items"], "forward-plan item"))
                if n]
        question = f"Remove the meeting of {day}{' and its ' + ' and '.join(held) if held else ''}?"
        if confirm(self, "Remove meeting", question, "Remove meeting", "Keep meeting"):
            with self.context.edit(f"Remove the meeting of {day}") as ed:
                delete_meeting(ed, self.context.bf, row["id"])

    def prepare_papers(self) -> None:
        """The selected meeting's papers, through the export the meeting papers feature registers."""
        row = self.meeting_table.selected()
        body = self.body()
        if row is None or body is None:
            show_error(self, SGDeskError("select a meeting in the list first"), "Prepare papers")
            return
        export = registry.load().exports[PAPERS]
        ask_and_export(self, self.context.bf.path, self.context.board_id, export, "Prepare papers",
                       f"{body.display_name} papers {format_date(row['meets_on'])}", {"meeting": str(row["id"])})

    def add_item(self) -> None:
        meetings = self.plan_model.meetings
        if not meetings:
            show_error(self, SGDeskError("add a meeting first: forward-plan items belong to meetings"), "Add item")
            return
        index = self.plan_table.currentIndex()
        current = meetings[index.column()].id if index.isValid() else meetings[-1].id
        dialog = FormDialog("Add a forward-plan item", self, action="Add item")
        dialog.add_choice("title", "Item", [(t, t) for t in self.plan_model.titles], editable=True, current="",
                          required=True)
        dialog.add_choice("lead", "Lead organisation", [("(none)", None)] +
                          [(o.name, o.id) for o in list_organisations(self.context.bf)])
        dialog.add_choice("meeting", "Meeting", [(m.heading, m.id) for m in meetings], current=current)
        dialog.add_date("due", "Paper due")

        def check(values: dict) -> dict:
            if not str(values["title"] or "").strip():
                raise InputError("The item", "is empty", "type what the report or item is")
            return values

        values = dialog.ask(check)
        if values is None:
            return
        try:
            with self.context.edit(f"Plan {values['title']}") as ed:
                add_forward_item(ed, self.context.bf, values["meeting"], str(values["title"]),
                                 lead_organisation_id=values["lead"], paper_due_on=values["due"])
        except SGDeskError as error:
            show_error(self, error, "Item not added")

    def edit_quorum(self) -> None:
        body = self.body()
        if body is None:
            return
        rule = get_quorum_rule(self.context.bf, body)
        dialog = FormDialog(f"Quorum rule: {body.display_name}", self,
                            "A recorded meeting that fails this rule is flagged as inquorate.", action="Save rule")
        dialog.add_check("enabled", "Check quorum", rule.enabled)
        dialog.add_check("chair_or_vice_chair", "Chair or vice chair present", rule.chair_or_vice_chair)
        dialog.add_check("all_statutory_partners", "Every statutory partner present", rule.all_statutory_partners)
        dialog.add_number("minimum_present", "At least this many seats present", rule.minimum_present)
        values = dialog.ask()
        if values is None:
            return
        with self.context.edit(f"Change the quorum rule of {body.display_name}") as ed:
            set_quorum_rule(ed, self.context.bf, body, QuorumRule(**values))
