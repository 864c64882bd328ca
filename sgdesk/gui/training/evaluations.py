"""Training > Evaluations: summaries per course and per session, and each delegate's evaluation."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from sgdesk.dates import format_date
from sgdesk.gui.training.charges import chosen_period, fill_periods, period_choice
from sgdesk.gui.training.dialogs import EvaluationDialog
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, open_dialog
from sgdesk.gui.widgets.forms import button
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.record_table import selected_row
from sgdesk.gui.widgets.views import column, record_table, row
from sgdesk.training.evaluations import (
    CONFIDENCE_SCALE,
    EvaluationSummary,
    delete_evaluation,
    session_evaluations,
    summaries,
)
from sgdesk.training.model import get_session


def _summary_columns(first: str, title: Callable[[EvaluationSummary], str]) -> list[Field]:
    return [
        Field("title", first, value=title),
        Field("attended", "Attended", "int"),
        Field("returned", "Evaluations", "int"),
        Field("before", "Confidence before", "decimal"),
        Field("after", "Confidence after", "decimal"),
        Field("change", "Change", value=lambda s: "" if s.change is None else f"{s.change:+}", align="right"),
        Field("useful_percent", "Useful", "percent"),
    ]


EVALUATION_COLUMNS = [
    Field("delegate", "Delegate"),
    Field("organisation", "Organisation"),
    Field("received_on", "Received", value=lambda r: format_date(r.received_on) if r.received_on else "not returned"),
    Field("before", "Before", "int"),
    Field("after", "After", "int"),
    Field("useful", "Useful", value=lambda r: {True: "Yes", False: "No", None: ""}[r.useful], align="centre"),
    Field("comments", "Comments"),
]


class EvaluationsPanel(QWidget):
    status = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.period, period_label = period_choice(context, "Evaluations period", self.refresh)
        scale = QLabel(f"Confidence is rated {CONFIDENCE_SCALE}")
        scale.setObjectName("muted")
        self.courses = RecordsModel(_summary_columns("Course", lambda s: s.title))
        self.sessions = RecordsModel(_summary_columns("Session", lambda s: self._session_names.get(s.key, s.title)))
        self._session_names: dict[int, str] = {}
        self.evaluations = RecordsModel(EVALUATION_COLUMNS)
        self.course_table = record_table("Evaluations by course", self.courses)
        self.course_table.selectionModel().selectionChanged.connect(lambda *_: self._show_sessions())
        self.session_table = record_table("Evaluations by session", self.sessions)
        self.session_table.selectionModel().selectionChanged.connect(lambda *_: self._show_evaluations())
        self.evaluation_table = record_table("Evaluations of the session", self.evaluations)
        self.evaluation_table.doubleClicked.connect(lambda _i: self.record())
        self.evaluation_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.record_button = button("&Record evaluation…", self.record,
                                    "Enter or correct the selected delegate's form")
        self.delete_button = button("&Delete evaluation", self.delete)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.course_table, self.session_table,
                       column((self.evaluation_table, 1), row(self.record_button, self.delete_button, None))):
            splitter.addWidget(widget)
        splitter.setSizes([240, 200, 260])
        column(row(period_label, self.period, None, scale), (splitter, 1), widget=self)

    def _dates(self):
        period = chosen_period(self.period)
        return (period.start, period.end) if period else (None, None)

    def refresh(self) -> None:
        fill_periods(self.period, self.context.bf, self.context.board_id)
        start, end = self._dates()
        chosen = self._selected(self.course_table, self.courses)
        courses = summaries(self.context.bf, self.context.board_id, by="course", start=start, end=end)
        courses += summaries(self.context.bf, self.context.board_id, by="all", start=start, end=end)
        self.courses.set_rows(courses)
        row = next((i for i, s in enumerate(courses) if chosen and s.key == chosen.key), 0 if courses else None)
        if row is not None:
            self.course_table.selectRow(row)
        self._show_sessions()
        self.course_table.resizeColumnsToContents()

    @staticmethod
    def _selected(view, model):
        row = selected_row(view)
        return None if row is None else model.row_at(row)

    def _show_sessions(self) -> None:
        course = self._selected(self.course_table, self.courses)
        chosen = self._selected(self.session_table, self.sessions)
        start, end = self._dates()
        found = [] if course is None else summaries(self.context.bf, self.context.board_id, by="session", start=start,
                                                    end=end, course_id=course.key or None)
        sessions = {s.key: get_session(self.context.bf, s.key) for s in found}
        self._session_names = {key: s.label for key, s in sessions.items()}
        found.sort(key=lambda s: (sessions[s.key].session_date, s.key))
        self.sessions.set_rows(found)
        row = next((i for i, s in enumerate(found) if chosen and s.key == chosen.key), 0 if found else None)
        if row is not None:
            self.session_table.selectRow(row)
        self._show_evaluations()
        self.session_table.resizeColumnsToContents()

    def _show_evaluations(self) -> None:
        session = self._selected(self.session_table, self.sessions)
        chosen = self._selected(self.evaluation_table, self.evaluations)
        rows = [] if session is None else session_evaluations(self.context.bf, session.key)
        self.evaluations.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if chosen and r.booking_id == chosen.booking_id), None)
        if row is not None:
            self.evaluation_table.selectRow(row)
        self.evaluation_table.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._selected(self.evaluation_table, self.evaluations)
        self.record_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.received_on is not None)

    def record(self) -> None:
        row = self._selected(self.evaluation_table, self.evaluations)
        session = self._selected(self.session_table, self.sessions)
        if row is None or session is None:
            return
        dialog = EvaluationDialog(self.context, row, get_session(self.context.bf, session.key).session_date, self)
        open_dialog(self, dialog, lambda _d: self.status.emit(f"Recorded {row.delegate}'s evaluation"))

    def delete(self) -> None:
        row = self._selected(self.evaluation_table, self.evaluations)
        if row is not None and confirm(self, "Delete evaluation", f"Delete the evaluation {row.delegate} returned "
                                       f"on {format_date(row.received_on)}?", "Delete evaluation",
                                       "Keep evaluation"):
            with self.context.edit(f"Delete {row.delegate}'s evaluation") as ed:
                delete_evaluation(ed, self.context.bf, row.booking_id)
