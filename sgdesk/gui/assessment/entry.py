"""Data entry for one respondent: statements grouped by section, a score, a comment, progress."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.assessment.rounds import (
    Respondent,
    Round,
    add_respondent,
    list_respondents,
    remove_respondent,
    require_open,
    responses_of,
    set_response,
    set_submitted,
)
from sgdesk.assessment.scores import Scale, Score
from sgdesk.assessment.tool_store import load_tool, statement_rows
from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.gui.assessment.models import ColumnsModel
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.forms import FormDialog, line_edit
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.unsaved import HoldsEdits
from sgdesk.organisations import list_organisations

NOT_ANSWERED = "Not answered"
COMMENT_PREVIEW = 90  # characters of a comment shown in the table; the comment box shows it all


@dataclass
class EntryRow:
    """A section heading (``statement_id`` None) or one statement with this respondent's answer."""

    title: str
    statement_id: int | None = None
    code: str = ""
    theme: str = ""
    score: Score | None = None
    comment: str | None = None


def score_choices(scale: Scale) -> list[tuple[str, int]]:
    """The entries of a score control as (text, half points): not answered (0), then every score lowest first."""
    return [(NOT_ANSWERED, 0)] + [(scale.describe(score), score.halves) for score in scale.scores()]


def halves_of(score: Score | None) -> int:
    return 0 if score is None else score.halves


def score_of(halves: int) -> Score | None:
    """The score a control's item data stands for (0: not answered)."""
    return Score(halves) if halves else None


class EntryModel(ColumnsModel):
    """One respondent's answers; Score and Comment are editable and saved through ``on_answer``."""

    COLUMNS = ("Code", "Statement", "Score", "Comment")
    SCORE, COMMENT = 2, 3

    def __init__(self, on_answer: Callable[[EntryRow, Score | None, str | None], None]) -> None:
        super().__init__()
        self.rows: list[EntryRow] = []
        self.scale = Scale.default()
        self.on_answer = on_answer
        self.editable = True

    def set_rows(self, rows: list[EntryRow], scale: Scale, editable: bool) -> None:
        """Show ``rows``; the same statements again update in place (an open editor and the selection stay)."""
        same = [(r.title, r.statement_id) for r in rows] == [(r.title, r.statement_id) for r in self.rows]
        if same and rows and scale == self.scale and editable == self.editable:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows, self.scale, self.editable = rows, scale, editable
        self.endResetModel()

    def statement_rows(self) -> list[int]:
        return [i for i, row in enumerate(self.rows) if row.statement_id is not None]


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if row.statement_id is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return row.title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return row.code
            if index.column() == 1:
                return f"{row.title}\n(Theme: {row.theme})" if role == Qt.ItemDataRole.ToolTipRole else row.title
            if index.column() == self.SCORE:
                return NOT_ANSWERED if row.score is None else self.scale.describe(row.score)
            comment = row.comment or ""
            if role == Qt.ItemDataRole.DisplayRole and len(comment) > COMMENT_PREVIEW:
                return comment[:COMMENT_PREVIEW].rstrip() + "…"
            return comment
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.SCORE and row.score is None:
            from PySide6.QtGui import QColor

            return QColor("#8A8A8A")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.rows[index.row()]
        if row.statement_id is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in (self.SCORE, self.COMMENT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        if index.column() == self.SCORE:
            self.on_answer(row, value, row.comment)
        elif index.column() == self.COMMENT:
            self.on_answer(row, row.score, str(value))
        else:
            return False
        return True


class ScoreDelegate(QStyledItemDelegate):
    """A drop-down of the scale's scores in the Score column."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setAccessibleName("Score")
        for text, halves in score_choices(index.model().scale):
            combo.addItem(text, halves)
        combo.activated.connect(lambda _index: self._commit(combo))   # choosing from the list saves at once
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        current = index.model().rows[index.row()].score
        editor.setCurrentIndex(max(editor.findData(halves_of(current)), 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, score_of(editor.currentData()))


class AddRespondentDialog(FormDialog):
    """Choose an organisation not yet in the round, and who completes it."""

    def __init__(self, organisations: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__("Add an agency to the round", parent, action="Add agency")
        self.organisation = QComboBox()
        self.organisation.setAccessibleName("Agency")
        for org_id, name in organisations:
            self.organisation.addItem(name, org_id)
        self.add_row("&Agency:", self.organisation)
        self.person = self.add_row("&Completed by:", line_edit("Completed by", placeholder="optional: who completes it"))


@dataclass(frozen=True)
class ShownAnswer:
    """The statement whose answer the score control and comment box hold."""

    round: Round
    respondent: Respondent
    row: EntryRow

    @property
    def key(self) -> tuple[int, int, int | None]:
        return self.round.id, self.respondent.id, self.row.statement_id


class EntryPanel(HoldsEdits, QWidget):
    """Respondents on the left; the chosen one's answers, a score control and a comment box on the right.

    What is typed in the score control and comment box is saved when the user moves to another
    statement, agency or round (one undo step each), or with Save and next; until then the panel
    holds an unsaved edit.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.round: Round | None = None
        self.respondents: list[Respondent] = []
        self.scale = Scale.default()
        self.prompts: tuple[str, ...] = ()
        self.shown: ShownAnswer | None = None

        self.respondent_model = RecordsModel([Field("short_name", "Agency"), Field("progress", "Answered"),
                                              Field("returned", "Returned")])
        self.respondent_view = QTableView()
        self.respondent_view.setModel(self.respondent_model)
        self.respondent_view.setAccessibleName("Agencies in this round")
        self.respondent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.respondent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.respondent_view.verticalHeader().hide()
        self.respondent_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.respondent_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.respondent_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_respondent())
        self.add_button = QPushButton("&Add agency…")
        self.add_button.clicked.connect(self.add_respondent)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove agency")
        self.remove_button.clicked.connect(self.remove_respondent)
        self.returned_button = QPushButton("Re&turned")
        self.returned_button.setCheckable(True)
        self.returned_button.setToolTip("Whether this agency has returned its answers")
        self.returned_button.clicked.connect(self.toggle_returned)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Agencies asked"))
        left_layout.addWidget(self.respondent_view, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.returned_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)

        self.heading = QLabel()
        self.heading.setObjectName("entryHeading")
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.heading.setWordWrap(True)
        self.state_note = QLabel()
        self.state_note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Statements answered")
        self.progress.setFormat("%v of %m statements answered")
        self.progress.setMinimumWidth(240)
        self.model = EntryModel(self._save_answer)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Statements and answers")
        self.table.setItemDelegateForColumn(EntryModel.SCORE, ScoreDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(3, 210)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_statement())

        self.statement_text = QLabel()
        self.statement_text.setWordWrap(True)
        self.statement_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.score = QComboBox()
        self.score.setAccessibleName("Score for the chosen statement")
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Comment for the chosen statement")
        self.comment.setFixedHeight(70)
        self.save_button = QPushButton("&Save and next")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_current)
        detail = QFormLayout()
        detail.addRow("Statement:", self.statement_text)
        detail.addRow("Sc&ore:", self.score)
        detail.addRow("Co&mment:", self.comment)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        detail.addRow(save_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.progress)
        right_layout.addLayout(top)
        right_layout.addWidget(self.state_note)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(detail)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 980])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- loading ------------------------------------------------------------------------------------
    def set_round(self, rnd: Round | None) -> None:
        if self.round is not None and (rnd is None or rnd.id != self.round.id):
            self.keep_typed_answer()
        self.round = rnd
        if rnd is not None:
            spec = load_tool(self.context.bf, rnd.tool_id).spec
            self.scale, self.prompts = spec.scale, spec.prompts
        choices = score_choices(self.scale)
        if [(self.score.itemText(i), self.score.itemData(i)) for i in range(self.score.count())] != choices:
            self.score.clear()
            for text, halves in choices:
                self.score.addItem(text, halves)
        self.comment.setPlaceholderText(" ".join(self.prompts))
        self.refresh()

    def current_respondent(self) -> Respondent | None:
        index = self.respondent_view.currentIndex()
        return self.respondents[index.row()] if index.isValid() and index.row() < len(self.respondents) else None

    def refresh(self) -> None:
        chosen = self.current_respondent()
        statement = self.current_row()
        bf = self.context.bf
        self.respondents = list_respondents(bf, self.round.id) if self.round else []
        total = len(statement_rows(bf, self.round.tool_id)) if self.round else 0
        self.respondent_model.set_rows([
            {"id": r.id, "short_name": r.short_name, "progress": f"{r.answered} of {total}",
             "returned": format_date(r.submitted_on) if r.submitted_on else "not yet"} for r in self.respondents])
        row = 0
        if chosen is not None:
            row = next((i for i, r in enumerate(self.respondents) if r.id == chosen.id), 0)
        if self.respondents:
            self.respondent_view.selectRow(row)
        self._show_respondent(keep=statement.statement_id if statement else None)
        editable = self.round is not None and self.round.is_open and not self.context.read_only
        for button in (self.add_button, self.remove_button, self.returned_button):
            button.setEnabled(editable)

    def _show_respondent(self, keep: int | None = None) -> None:
        respondent = self.current_respondent()
        rows: list[EntryRow] = []
        if respondent is not None and self.round is not None:
            answers = responses_of(self.context.bf, respondent.id)
            section = None
            for st in statement_rows(self.context.bf, self.round.tool_id):
                if st["section"] != section:
                    section = st["section"]
                    rows.append(EntryRow(section))
                score, comment = answers.get(st["id"], (None, None))
                rows.append(EntryRow(st["text"], st["id"], st["code"], st["theme"], score, comment))
        editable = self.round is not None and self.round.is_open and not self.context.read_only
        self.model.set_rows(rows, self.scale, editable)
        self.table.clearSpans()
        for index, row in enumerate(rows):
            if row.statement_id is None:
                self.table.setSpan(index, 0, 1, len(EntryModel.COLUMNS))
        self.table.resizeRowsToContents()
        answered = sum(1 for r in rows if r.statement_id is not None and r.score is not None)
        total = sum(1 for r in rows if r.statement_id is not None)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        if respondent is None:
            self.heading.setText("Add the agencies you are asking, then choose one to enter its answers")
            self.state_note.clear()
        else:
            state = f"returned {format_date(respondent.submitted_on)}" if respondent.submitted_on else "not returned yet"
            person = f", completed by {respondent.person}" if respondent.person else ""
            self.heading.setText(f"{respondent.organisation} ({state}{person})")
            self.state_note.setText("" if editable else f"This round is {self.round.status}: its answers cannot be "
                                    "changed (set it back to open under Round settings to correct them).")
            self.returned_button.setChecked(respondent.submitted_on is not None)
        self.score.setEnabled(editable and respondent is not None)
        self.comment.setEnabled(editable and respondent is not None)
        self.save_button.setEnabled(editable and respondent is not None)
        target = next((i for i, r in enumerate(rows) if keep is not None and r.statement_id == keep), None)
        if target is None:
            target = next(iter(self.model.statement_rows()), None)
        if target is not None:
            self.table.selectRow(target)
        self._show_statement()

    def select_answer(self, respondent_id: int, statement_id: int) -> None:
        """Choose the agency ``respondent_id`` and its answer to ``statement_id``."""
        row = next((i for i, r in enumerate(self.respondents) if r.id == respondent_id), None)
        if row is None:
            return
        self.respondent_view.selectRow(row)
        self._show_respondent(keep=statement_id)

    def current_row(self) -> EntryRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        row = self.model.rows[index.row()]
        return row if row.statement_id is not None else None

    def _show_statement(self) -> None:
        """Fill the score control and comment box for the chosen statement; what was typed for another
        statement is saved first, and what is typed for this one stays as it is."""
        row, respondent = self.current_row(), self.current_respondent()
        shown = None if row is None or respondent is None or self.round is None else \
            ShownAnswer(self.round, respondent, row)
        if shown is not None and self.shown is not None and shown.key == self.shown.key and self._typed_differs():
            self.shown = shown          # the stored answer may have changed; what is typed stays
            return
        if self.keep_typed_answer():
            row, respondent = self.current_row(), self.current_respondent()   # read again after the save
            shown = None if row is None or respondent is None or self.round is None else \
                ShownAnswer(self.round, respondent, row)
        self.statement_text.setText("" if row is None else f"{row.code} ({row.theme}): {row.title}")
        self.score.setCurrentIndex(max(self.score.findData(halves_of(row.score if row else None)), 0))
        self.comment.setPlainText(row.comment or "" if row else "")
        self.shown = shown

    # -- what is typed ----------------------------------------------------------------------------------
    def _typed(self) -> tuple[Score | None, str]:
        return score_of(self.score.currentData()), self.comment.toPlainText()

    def _typed_differs(self) -> bool:
        """Whether the score control or comment box differ from the stored answer they were filled with."""
        if self.shown is None or not self.comment.isEnabled():
            return False
        score, comment = self._typed()
        return score != self.shown.row.score or comment.strip() != (self.shown.row.comment or "").strip()

    def keep_typed_answer(self) -> bool:
        """Save what is typed for the statement shown, if it differs from what is stored; True if it did."""
        shown = self.shown
        if shown is None or not self._typed_differs():
            return False
        self.shown = None               # saving refreshes the panel: nothing is shown until it is done
        return self._save_answer(shown.row, *self._typed(), respondent=shown.respondent, rnd=shown.round)

    def unsaved_edit(self) -> str | None:
        if not self._typed_differs():
            return None
        return f"the answer to {self.shown.row.code} for {self.shown.respondent.short_name} (Self-assessment)"

    def save_edit(self) -> bool:
        shown = self.shown
        return shown is None or self._save_answer(shown.row, *self._typed(), respondent=shown.respondent,
                                                  rnd=shown.round)

    def discard_edit(self) -> None:
        row = self.shown.row if self.shown is not None else None
        self.score.setCurrentIndex(max(self.score.findData(halves_of(row.score if row else None)), 0))
        self.comment.setPlainText(row.comment or "" if row else "")

    # -- writing --------------------------------------------------------------------------------------
    def _save_answer(self, row: EntryRow, score: Score | None, comment: str | None, *,
                     respondent: Respondent | None = None, rnd: Round | None = None) -> bool:
        """Save one answer (of the chosen agency in the chosen round unless told otherwise)."""
        respondent = respondent or self.current_respondent()
        rnd = rnd or self.round
        if respondent is None or row.statement_id is None or rnd is None:
            return False
        try:
            require_open(rnd)
            with self.context.edit(f"Answer {row.code} for {respondent.short_name}") as ed:
                set_response(ed, self.context.bf, respondent.id, row.statement_id, score, comment)
        except SGDeskError as error:
            show_error(self, error, "Cannot save the answer")
            return False
        return True

    def save_current(self) -> None:
        """Save the score and comment boxes for the chosen statement, then move to the next statement."""
        row = self.current_row()
        if row is None:
            return
        position = self.model.rows.index(row)
        if self._typed_differs() and not self.save_edit():
            return
        following = [i for i in self.model.statement_rows() if i > position]
        if following:
            self.table.selectRow(following[0])

    def add_respondent(self) -> None:
        if self.round is None:
            return
        taken = {r.organisation_id for r in self.respondents}
        organisations = sorted(list_organisations(self.context.bf), key=lambda o: o.name.casefold())
        available = [(o.id, o.name) for o in organisations if o.id not in taken]
        if not available:
            show_error(self, SGDeskError("every organisation in the file is already in this round: add new "
                                         "organisations first (import organisations)"))
            return
        dialog = AddRespondentDialog(available, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_respondent_for(dialog.organisation.currentData(), dialog.person.text())

    def add_respondent_for(self, organisation_id: int, person: str = "") -> None:
        name = next(o.name for o in list_organisations(self.context.bf) if o.id == organisation_id)
        try:
            require_open(self.round)
            with self.context.edit(f"Ask {name} in {self.round.title}") as ed:
                respondent_id = add_respondent(ed, self.context.bf, self.round.id, organisation_id, person)
        except SGDeskError as error:
            show_error(self, error, "Cannot add the agency")
            return
        row = next((i for i, r in enumerate(self.respondents) if r.id == respondent_id), None)
        if row is not None:
            self.respondent_view.selectRow(row)

    def remove_respondent(self) -> None:
        respondent = self.current_respondent()
        if respondent is None or not confirm(
                self, "Remove agency", f"Remove {respondent.organisation} and its "
                f"{counted(respondent.answered, 'answer')} from {self.round.title}?", "Remove agency", "Keep agency"):
            return
        try:
            with self.context.edit(f"Remove {respondent.short_name} from {self.round.title}") as ed:
                remove_respondent(ed, self.context.bf, respondent.id)
        except SGDeskError as error:
            show_error(self, error, "Cannot remove the agency")

    def toggle_returned(self) -> None:
        respondent = self.current_respondent()
        if respondent is None:
            return
        day = None if respondent.submitted_on else dt.date.today()
        what = "returned" if day else "not returned"
        try:
            with self.context.edit(f"Mark {respondent.short_name} {what}") as ed:
                set_submitted(ed, respondent.id, day)
        except SGDeskError as error:
            show_error(self, error)
