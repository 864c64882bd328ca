"""Training: the programme, bookings (with the register), charges and evaluations.

Session PDFs (register, certificates) are written off the UI thread on their own read-only
connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from sgdesk.gui.training.bookings import BookingsPanel
from sgdesk.gui.training.charges import ChargesPanel
from sgdesk.gui.training.dialogs import CourseDialog
from sgdesk.gui.training.evaluations import EvaluationsPanel
from sgdesk.gui.training.programme import ProgrammePanel
from sgdesk.gui.training.settings import PolicyDialog, confirm_and_anonymise
from sgdesk.gui.widgets.dialogs import open_dialog
from sgdesk.gui.widgets.file_dialogs import EXPORTS, save_file
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.tasks import run_in_background
from sgdesk.gui.widgets.views import BoardView, EmptyState, column, row
from sgdesk.store import Changes
from sgdesk.training.model import Session, get_delegate, get_session, list_courses, list_sessions

PANELS = (("programme", "Pr&ogramme", ProgrammePanel), ("bookings", "Boo&kings", BookingsPanel),
          ("charges", "&Charges", ChargesPanel), ("evaluations", "E&valuations", EvaluationsPanel))
TABLES = frozenset({"training_course", "training_session", "training_booking", "training_booking_event",
                    "training_delegate", "training_evaluation", "training_org_category", "training_anonymisation",
                    "organisation", "board_setting"})


class TrainingView(BoardView):
    key = "training"
    title = "Training"
    help_page = "training.html"
    watched_tables = TABLES

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel("Training programme")
        heading.setObjectName("viewHeading")
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setAccessibleName("Last action")
        self.policy_button = button("Charging policy…", self.edit_policy, "Fees, late cancellation and retention")
        self.anonymise_button = button("Anonymise old records…", self.anonymise,
                                       "Remove the personal details of delegates past the retention period")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Training sections")
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        self._stale_tabs: set[str] = set()
        self._sessions: list[Session] | None = None
        for key, label, _panel_class in PANELS:
            holder = column()
            self._holders[key] = holder
            self.tabs.addTab(holder, label)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.empty = EmptyState(
            "No training courses yet",
            "Set up the multi-agency training programme: add a course, then its sessions, and book delegates. "
            "A programme kept in a spreadsheet or an online booking tool can be imported instead: File > Import, "
            "courses, then sessions, then bookings.", "Add the first course", help_page=self.help_page)
        self.empty.action_clicked.connect(self.add_first_course)
        self.stack = self.lay_out(self.empty, row(heading, (self.message, 1), self.policy_button, self.anonymise_button),
                                  (self.tabs, 1))
        self.refresh()

    # -- the tabs' panels, built when first shown ------------------------------------------------
    def panel(self, key: str) -> QWidget:
        """The panel of tab ``key`` ("programme", "bookings", "charges", "evaluations")."""
        if key not in self._built:
            panel_class = next(cls for name, _label, cls in PANELS if name == key)
            panel = panel_class(self.context, sessions=self.board_sessions) \
                if panel_class in (ProgrammePanel, BookingsPanel) else panel_class(self.context)
            panel.status.connect(self.say)
            if isinstance(panel, ProgrammePanel):
                panel.open_session.connect(self.open_session)
                panel.print_session.connect(self.print_session)
            self._holders[key].layout().addWidget(panel)
            self._built[key] = panel
            self._stale_tabs.add(key)
        return self._built[key]

    @property
    def programme(self) -> ProgrammePanel:
        return self.panel("programme")

    @property
    def bookings(self) -> BookingsPanel:
        return self.panel("bookings")

    @property
    def charges(self) -> ChargesPanel:
        return self.panel("charges")

    @property
    def evaluations(self) -> EvaluationsPanel:
        return self.panel("evaluations")

    def show_tab(self, key: str) -> QWidget:
        """Bring tab ``key`` to the front, up to date; returns its panel."""
        panel = self.panel(key)
        self.tabs.setCurrentWidget(self._holders[key])
        self._refresh_current()
        return panel

    def current_tab(self) -> str:
        return next(key for key, holder in self._holders.items() if holder is self.tabs.currentWidget())

    def board_sessions(self) -> list[Session]:
        """Every session of the board, earliest first: read once for the tabs that list them all (the programme,
        the bookings' choice of session) until the next change or board, when :meth:`refresh` reads them again."""
        if self._sessions is None:
            self._sessions = list_sessions(self.context.bf, self.context.board_id)
        return self._sessions

    def refresh(self) -> None:
        self._sessions = None
        board_id = self.context.board_id
        has_courses = board_id is not None and bool(list_courses(self.context.bf, board_id))
        self.stack.show_body(has_courses)
        if not has_courses:
            return
        self._stale_tabs = set(self._built)     # each panel reloads when it is next shown
        self._refresh_current()

    def _refresh_current(self) -> None:
        key = self.current_tab()
        panel = self.panel(key)
        if key in self._stale_tabs:
            self._stale_tabs.discard(key)
            panel.refresh()

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def show_target(self, target: dict[str, Any]) -> None:
        if target.get("tab") in self._holders:
            self.show_tab(target["tab"])
        if target.get("start") == "policy" and not self.context.read_only:
            self.edit_policy()
        if target.get("anonymise"):
            self.show_tab("programme")
            self.anonymise_button.setFocus()
            self.say("Delegates past the retention period: click 'Anonymise old records…'")
        elif "session" in target:
            self.open_session(int(target["session"]), register=bool(target.get("register")))
            if "booking" in target:
                self.bookings.select_booking(int(target["booking"]))

    def show_record(self, table: str, record_id: int) -> bool:
        if table == "training_course":
            self.show_tab("programme").select_course(record_id)
        elif table == "training_session":
            self.show_tab("programme").select_session(record_id)
        elif table == "training_delegate":
            bookings = self.show_tab("bookings")
            bookings.show_session(None)
            bookings.search.setText(get_delegate(self.context.bf, record_id).name)
        else:
            return False
        return True

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- actions ---------------------------------------------------------------------------------------
    def add_first_course(self) -> None:
        open_dialog(self, CourseDialog(self.context, parent=self), lambda dialog: self.say(dialog.result_text))

    def open_session(self, session_id: int | None, *, register: bool = False) -> None:
        self.show_tab("bookings").show_session(session_id, register=register)

    def edit_policy(self) -> None:
        open_dialog(self, PolicyDialog(self.context, self),
                    lambda _d: self.say("Saved the charging policy and retention period"))

    def anonymise(self) -> None:
        done = confirm_and_anonymise(self.context, self)
        if done:
            self.say(done)

    def print_session(self, session_id: int, what: str, out: Path | None = None) -> None:
        """Write the register or certificates of a session as PDF (asking where, unless ``out``)."""
        session = get_session(self.context.bf, session_id)
        if out is None:
            name = f"{'Register' if what == 'register' else 'Certificates'} {session.course_title} " \
                   f"{session.session_date:%Y-%m-%d}.pdf".replace(":", "").replace("/", "-")
            out = save_file(self, EXPORTS, f"Save the {what} as", name, "PDF (*.pdf)")
            if out is None:
                return
        path, board_id = self.context.bf.path, self.context.board_id

        def work(progress):
            from sgdesk import registry
            from sgdesk.exporting import ExportRequest, write_export
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True) as bf:
                return write_export(registry.load().exports[what], bf,
                                    ExportRequest(board_id, out, options={"session": str(session_id)}), progress.update)

        run_in_background(self, f"Writing the {what}…", work,
                          on_done=lambda result: self.say(f"Saved {result.path.name} ({result.pages} pages) in "
                                                          f"{result.path.parent}"))
