"""Round management: starting a round, its status and deadline, the anonymity threshold, forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sgdesk.assessment.rounds import (
    STATUSES,
    Round,
    anonymity_threshold,
    delete_round,
    list_respondents,
    set_anonymity_threshold,
    start_round,
    update_round,
)
from sgdesk.assessment.tool_store import (
    StoredTool,
    find_tool,
    install_tool,
    list_tools,
    load_tool,
)
from sgdesk.assessment.tools import ToolSpec, built_in_tools
from sgdesk.errors import SGDeskError
from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.date_field import DateField
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.file_dialogs import EXPORTS, IMPORTS, choose_folder, open_files
from sgdesk.gui.widgets.forms import (
    REQUIRED_NOTE,
    FormDialog,
    date_edit,
    line_edit,
    required_label,
)
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.tasks import run_in_background
from sgdesk.gui.widgets.unsaved import HoldsEdits

STATUS_HELP = {"open": "collecting answers", "closed": "no more answers; not yet reported",
               "published": "reported to the board"}


def tool_choices(context: AppContext) -> list[tuple[str, StoredTool | ToolSpec]]:
    """Tools to start a round with: each tool's newest version in the file, and built-ins not yet there."""
    stored = list_tools(context.bf, latest_only=True)
    choices: list[tuple[str, StoredTool | ToolSpec]] = [(tool.label, tool) for tool in stored]
    for spec in built_in_tools():
        if find_tool(context.bf, spec.key, spec.version) is None:
            choices.append((f"{spec.name} (version {spec.version}, built in)", spec))
    return choices


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class NewRoundDialog(FormDialog):
    """Tool, year, title and deadline of a new round; :meth:`create` starts it once the dialog is accepted."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Start a self-assessment round", parent, action="Start round")
        self.context = context
        self.tool = QComboBox()
        self.tool.setAccessibleName("Tool")
        for label, tool in tool_choices(context):
            self.tool.addItem(label, tool)
        self.year = QComboBox()
        self.year.setAccessibleName("Year")
        this_year = FinancialYear.containing(dt.date.today())
        for offset in range(-1, 10):
            self.year.addItem((this_year - offset).label, this_year - offset)
        self.year.setCurrentIndex(1)
        self.ask_previous = QCheckBox("Ask the same agencies as the previous round of this tool")
        self.ask_previous.setChecked(True)
        self.add_row("&Tool:", self.tool)
        self.add_row("&Year:", self.year)
        self.title_edit = self.add_row("T&itle:", line_edit("Round title"), required=True)
        self.deadline = self.add_row("&Deadline for returns:",
                                     date_edit("Deadline", dt.date.today() + dt.timedelta(days=28)))
        self.add_row("", self.ask_previous)
        self.tool.currentIndexChanged.connect(lambda *_: self._suggest_title())
        self.year.currentIndexChanged.connect(lambda *_: self._suggest_title())
        self._suggest_title()

    def _suggest_title(self) -> None:
        tool = self.tool.currentData()
        name = tool.spec.name if isinstance(tool, StoredTool) else tool.name if tool else "Self-assessment"
        self.title_edit.setText(f"{name} {self.year.currentData().label}")

    def create(self) -> int | None:
        """Write the round (installing a built-in tool first); returns its id, or None after an error."""
        tool = self.tool.currentData()
        if tool is None:
            show_error(self, SGDeskError("there is no tool to run: add one under Tools first"))
            return None
        title = self.title_edit.text()
        try:
            with self.context.edit(f"Start round {title}") as ed:
                tool_id = tool.id if isinstance(tool, StoredTool) else install_tool(ed, self.context.bf, tool,
                                                                                    built_in=True)
                return start_round(ed, self.context.bf, self.context.board_id, tool_id, title,
                                   Period.for_year(self.year.currentData()), self.deadline.date().toPython(),
                                   ask_previous=self.ask_previous.isChecked())
        except SGDeskError as error:
            show_error(self, error, "Cannot start the round")
            return None


class RoundPanel(HoldsEdits, QWidget):
    """The chosen round's settings, the board's anonymity threshold, and response forms.

    Settings changed and not saved with their button are saved when another round is chosen, and
    kept as typed while the round is shown again after a change elsewhere.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.round: Round | None = None
        self._saved_threshold = 0       # the board's threshold as stored when the round was shown
        settings = QGroupBox("This round")
        form = QFormLayout(settings)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Round title")
        self.tool_label = QLabel()
        self.period_label = QLabel()
        self.deadline = DateField("Deadline")
        self.no_deadline = QCheckBox("No deadline")
        self.no_deadline.toggled.connect(lambda on: self.deadline.setEnabled(not on))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(self.no_deadline)
        deadline_row.addStretch(1)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in STATUSES:
            self.status.addItem(f"{status} — {STATUS_HELP[status]}", status)
        self.save_button = QPushButton("&Save round")
        self.save_button.clicked.connect(lambda: self.save())
        form.addRow(required_label("T&itle:"), self.title_edit)
        form.addRow("Tool:", self.tool_label)
        form.addRow("Period:", self.period_label)
        form.addRow("Deadline:", deadline_row)
        form.addRow("S&tatus:", self.status)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        note = QLabel(REQUIRED_NOTE)
        note.setObjectName("muted")
        save_row.addWidget(note)
        form.addRow("", save_row)

        anonymity = QGroupBox("Anonymity (all rounds of this board)")
        anonymity_form = QFormLayout(anonymity)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 50)
        self.threshold.setAccessibleName("Anonymity threshold")
        self.threshold_button = QPushButton("Save threshold")
        self.threshold_button.clicked.connect(lambda: self.save_threshold())
        explain(self.threshold, "A statement answered by fewer agencies than this shows 'too few responses' in "
                                "published outputs, so no agency's answer can be picked out")
        row = QHBoxLayout()
        row.addWidget(self.threshold)
        row.addWidget(self.threshold_button)
        row.addStretch(1)
        anonymity_form.addRow("Hide figures with fewer answers than:", row)
        anonymity_form.addRow(_wrapped("Published outputs (the appendix, the report) print 'too few responses' "
                                       "instead of a statement's figures when fewer agencies answered it. No output "
                                       "ever ties a score or comment to an agency."))

        forms = QGroupBox("Response forms")
        forms_layout = QVBoxLayout(forms)
        forms_layout.addWidget(_wrapped("Send each agency an Excel form with a drop-down for each score, then "
                                        "import the completed forms: every row is checked first, and nothing is "
                                        "written if any score is wrong."))
        buttons = QHBoxLayout()
        self.export_button = QPushButton("E&xport forms…")
        self.export_button.clicked.connect(self.choose_export_folder)
        self.import_button = QPushButton("Im&port returned forms…")
        self.import_button.clicked.connect(self.choose_forms_to_import)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        forms_layout.addLayout(buttons)

        self.delete_button = QPushButton("Delete this round…")
        self.delete_button.clicked.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addWidget(settings)
        layout.addWidget(anonymity)
        layout.addWidget(forms)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def set_round(self, rnd: Round | None) -> None:
        if self.round is not None and (rnd is None or rnd.id != self.round.id):
            left, self.round = self.round, None   # the save below refreshes the view: nothing is left behind twice
            self._save_typed(left)
        same = rnd is not None and self.round is not None and rnd.id == self.round.id
        keep_settings = same and self._settings_differ(self.round)
        keep_threshold = same and self._threshold_differs(self.round)
        self.round = rnd
        if rnd is None:
            return
        if not keep_settings:
            self.title_edit.setText(rnd.title)
            self.no_deadline.setChecked(rnd.deadline is None)
            self.deadline.setDate(rnd.deadline or dt.date.today())
            self.status.setCurrentIndex(STATUSES.index(rnd.status))
        self.tool_label.setText(load_tool(self.context.bf, rnd.tool_id).label)
        self.period_label.setText(rnd.period.label)
        self._saved_threshold = anonymity_threshold(self.context.bf, rnd.board_id)
        if not keep_threshold:
            self.threshold.setValue(self._saved_threshold)
        writable = not self.context.read_only
        for widget in (self.save_button, self.threshold_button, self.delete_button):
            widget.setEnabled(writable)
        self.import_button.setEnabled(writable and rnd.is_open)

    # -- what is typed ----------------------------------------------------------------------------------
    def _typed_settings(self) -> tuple[str, dt.date | None, str]:
        deadline = None if self.no_deadline.isChecked() else self.deadline.date().toPython()
        return " ".join(self.title_edit.text().split()), deadline, self.status.currentData()

    def _settings_differ(self, rnd: Round | None) -> bool:
        return rnd is not None and not self.context.read_only and \
            self._typed_settings() != (rnd.title, rnd.deadline, rnd.status)

    def _threshold_differs(self, rnd: Round | None) -> bool:
        return rnd is not None and not self.context.read_only and self.threshold.value() != self._saved_threshold

    def _save_typed(self, rnd: Round) -> bool:
        """Save what is typed for ``rnd`` that differs from what is stored; False if it was refused."""
        settings, threshold = self._typed_settings(), self.threshold.value()   # saving refreshes the form
        return (not self._settings_differ(rnd) or self.save(rnd, settings)) and \
            (not self._threshold_differs(rnd) or self.save_threshold(rnd, threshold))

    def unsaved_edit(self) -> str | None:
        changed = [what for what, differs in (("settings", self._settings_differ(self.round)),
                                              ("anonymity threshold", self._threshold_differs(self.round))) if differs]
        return f"the {' and '.join(changed)} of the round {self.round.title}" if changed else None

    def save_edit(self) -> bool:
        return self.round is None or self._save_typed(self.round)

    def discard_edit(self) -> None:
        rnd, self.round = self.round, None
        self.set_round(rnd)

    # -- saving -------------------------------------------------------------------------------------------
    def save(self, rnd: Round | None = None, settings: tuple[str, dt.date | None, str] | None = None) -> bool:
        """Save the round's settings as typed (for ``rnd``, by default the round shown); False if refused."""
        rnd = rnd or self.round
        if rnd is None:
            return False
        title, deadline, status = settings or self._typed_settings()
        try:
            with self.context.edit(f"Change round {rnd.title}") as ed:
                update_round(ed, self.context.bf, rnd.id, title=title, deadline=deadline, status=status)
        except SGDeskError as error:
            show_error(self, error, "Cannot change the round")
            return False
        return True

    def save_threshold(self, rnd: Round | None = None, value: int | None = None) -> bool:
        rnd = rnd or self.round
        if rnd is None:
            return False
        value = self.threshold.value() if value is None else value
        try:
            with self.context.edit(f"Set the anonymity threshold to {value}") as ed:
                set_anonymity_threshold(ed, self.context.bf, rnd.board_id, value)
        except SGDeskError as error:
            show_error(self, error)
            return False
        return True

    def delete(self) -> None:
        if self.round is None:
            return
        answers = sum(r.answered for r in list_respondents(self.context.bf, self.round.id))
        if not confirm(self, "Delete round", f"Delete the round {self.round.title} and its "
                       f"{counted(answers, 'answer')}?", "Delete round", "Keep round"):
            return
        try:
            with self.context.edit(f"Delete round {self.round.title}") as ed:
                delete_round(ed, self.context.bf, self.round.id)
        except SGDeskError as error:
            show_error(self, error, "Cannot delete the round")

    # -- forms ------------------------------------------------------------------------------------------
    def choose_export_folder(self) -> None:
        folder = choose_folder(self, EXPORTS, "Save the response forms in")
        if folder is not None:
            self.export_forms(folder)

    def export_forms(self, folder: Path, *, on_done=None) -> None:
        """Write one form per agency into ``folder`` in the background."""
        if self.round is None:
            return
        path, round_id = self.context.bf.path, self.round.id

        def work(progress):
            from sgdesk.assessment.forms import write_round_forms
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True) as bf:
                return write_round_forms(bf, round_id, folder, progress.update)

        run_in_background(self, "Writing the response forms…", work, on_done=on_done or self._exported)

    def _exported(self, paths: list[Path]) -> None:
        QMessageBox(QMessageBox.Icon.Information, "Response forms written",
                    f"Saved {len(paths)} forms in {paths[0].parent}" if paths else "No forms written",
                    QMessageBox.StandardButton.Ok, self).exec()

    def choose_forms_to_import(self) -> None:
        files = open_files(self, IMPORTS, "Import returned forms", "Excel forms (*.xlsx)")
        if files:
            self.import_forms(files)

    def import_forms(self, files: list[Path]) -> list[str]:
        """Import each returned form (each all or nothing); returns the lines shown to the user."""
        from sgdesk import registry
        from sgdesk.importing import ImportProblems, run_import

        kind = registry.load().import_kinds["assessment-form"]
        lines: list[str] = []
        for file in files:
            try:
                lines += run_import(self.context.bf, kind, file, self.context.board_id).lines()
            except ImportProblems as problems:
                lines += [f"Nothing was imported from {file.name}:", *problems.report().splitlines()]
            except SGDeskError as error:
                lines.append(f"Nothing was imported from {file.name}: {error}")
        box = QMessageBox(QMessageBox.Icon.Information, "Import returned forms", "\n".join(lines[:40]),
                          QMessageBox.StandardButton.Ok, self)
        box.exec()
        return lines
