"""File > Import: bring a spreadsheet into the board, checked first, as one undoable step.

The work runs in the background on the board file's own connection while the window-modal
progress dialog keeps the rest of the app still; the import then sits on the Undo stack like
any other change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sgdesk.atomic import write_text
from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.file_dialogs import EXPORTS, IMPORTS, open_file, save_file
from sgdesk.gui.widgets.tasks import run_in_background
from sgdesk.importing import ImportProblems, ImportSummary

SOURCE_FILTER = "Spreadsheets (*.xlsx *.csv);;All files (*)"


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, kind: str | None = None) -> None:
        super().__init__(parent)
        from sgdesk import registry

        self.context = context
        self.kinds = registry.load().import_kinds
        self.setWindowTitle("Import a spreadsheet")
        self.setObjectName("importDialog")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel("Every row is checked before anything is written. If any row has a problem, nothing is "
                       "imported and each problem is listed with its row and column. A finished import can be "
                       "undone with Edit > Undo.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName("What to import")
        for name in sorted(self.kinds):
            self.kind.addItem(f"{self.kinds[name].title} ({name})", name)
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow("&What:", self.kind)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("muted")
        form.addRow("", self.description)
        source_row = QHBoxLayout()
        self.source = QLineEdit()
        self.source.setAccessibleName("Spreadsheet to import")
        self.source.setPlaceholderText("Choose a .xlsx or .csv file")
        self.source.textChanged.connect(self._update_buttons)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.choose_source)
        source_row.addWidget(self.source, 1)
        source_row.addWidget(browse)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.source)
        form.addRow(file_label, source_row)
        layout.addLayout(form)
        self.results = QPlainTextEdit()
        self.results.setReadOnly(True)
        self.results.setAccessibleName("Import results")
        self.results.setPlaceholderText("Check the file to see what it would import, or what must be fixed first.")
        layout.addWidget(self.results, 1)
        buttons = QDialogButtonBox()
        self.template_button = buttons.addButton("Save a blank &template…", QDialogButtonBox.ButtonRole.HelpRole)
        self.check_button = buttons.addButton("&Check", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.template_button.clicked.connect(self.save_template)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.summary: ImportSummary | None = None
        self._kind_changed()
        self._update_buttons()

    def kind_name(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self) -> None:
        self.description.setText(self.kinds[self.kind_name()].description)
        self.results.clear()

    def _update_buttons(self) -> None:
        ready = bool(self.source.text().strip()) and not self.context.read_only
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def choose_source(self) -> None:
        filename = open_file(self, IMPORTS, "Choose the spreadsheet", SOURCE_FILTER)
        if filename is not None:
            self.source.setText(str(filename))

    def save_template(self) -> None:
        from sgdesk.importing.docs import template_csv

        name = self.kind_name()
        filename = save_file(self, EXPORTS, "Save a blank template", f"{name} template.csv", "CSV (*.csv)")
        if filename is not None:
            try:
                write_text(filename, template_csv(self.kinds[name]), encoding="utf-8-sig", newline="")
            except SGDeskError as error:
                show_error(self, error, "The template was not saved")

    def run(self, *, dry_run: bool) -> None:
        """Check (dry run) or import the chosen file in the background."""
        from sgdesk.importing import run_import

        kind, source = self.kinds[self.kind_name()], Path(self.source.text().strip())
        bf, board_id = self.context.bf, self.context.board_id
        verb = "Checking" if dry_run else "Importing"
        run_in_background(self, f"{verb} {source.name}…",
                          lambda progress: run_import(bf, kind, source, board_id, dry_run=dry_run),
                          on_done=self._show_summary, on_error=self._show_problems)

    def _show_summary(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.results.setPlainText("\n".join(summary.lines()))
        if not summary.dry_run:  # imported: a second click would import the rows again
            self.import_button.setEnabled(False)

    def _show_problems(self, error: BaseException) -> None:
        if isinstance(error, ImportProblems):
            self.results.setPlainText(f"Nothing was imported. Fix these {len(error.problems)} problem(s) in the "
                                      f"file and try again:\n\n{error.report()}")
        else:
            self.results.clear()
            show_error(self, error, "Cannot import")

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming): Enter must not import by accident
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.import_button.hasFocus():
            return
        super().keyPressEvent(event)
