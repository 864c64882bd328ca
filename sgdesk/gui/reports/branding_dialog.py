"""The board's branding: names, logo, accent colour, footer text and protective marking.

Saved as one undoable change; every PDF and Word file the board exports afterwards uses it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sgdesk.branding import (
    MARKINGS,
    Branding,
    accent_contrast,
    accent_problem,
    house_accent,
    load_branding,
    passing_accent,
    ratio_text,
    read_logo,
    save_branding,
)
from sgdesk.errors import SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.file_dialogs import IMPORTS, open_file
from sgdesk.gui.widgets.forms import REQUIRED_NOTE, required_label
from sgdesk.gui.widgets.unsaved import DialogEdits

LOGO_PREVIEW = (180, 70)  # pixels
NO_MARKING = "(none)"
NEGATIVE_EXAMPLES = {"minus": "With a minus sign: −£1,234.56 (council style)", "brackets": "In brackets: (£1,234.56)"}


class BrandingDialog(DialogEdits, QDialog):
    """Edit the current board's branding; Save writes it through the audited write path."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Branding of the board's documents")
        self.setObjectName("brandingDialog")
        self.setMinimumWidth(600)
        current = load_branding(context.bf, context.board_id)
        self.logo = current.logo
        self.accent = current.accent

        form = QFormLayout()
        self.full_name = QLineEdit(current.full_name)
        self.full_name.setAccessibleName("Full name")
        form.addRow(required_label("&Full name:"), self.full_name)
        self.short_name = QLineEdit(current.short_name or "")
        self.short_name.setAccessibleName("Short name")
        self.short_name.setPlaceholderText("e.g. Southend LSCB")
        form.addRow("&Short name:", self.short_name)

        logo_row = QHBoxLayout()
        self.logo_view = QLabel()
        self.logo_view.setAccessibleName("Logo")
        self.logo_view.setFixedSize(*LOGO_PREVIEW)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setFrameShape(QLabel.Shape.StyledPanel)
        choose = QPushButton("Choose &logo…")
        choose.clicked.connect(self.choose_logo)
        self.remove_logo = QPushButton("&Remove")
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_logo)
        logo_row.addStretch(1)
        form.addRow("Logo:", logo_row)

        colour_row = QHBoxLayout()
        self.colour_button = QPushButton()
        self.colour_button.setAccessibleName("Accent colour")
        self.colour_button.clicked.connect(self.choose_colour)
        self.house_colour = QPushButton("Use the &house colour")
        self.house_colour.clicked.connect(lambda: self.set_accent(None))
        colour_row.addWidget(self.colour_button)
        colour_row.addWidget(self.house_colour)
        colour_row.addStretch(1)
        form.addRow("Accent colour:", colour_row)
        contrast_row = QHBoxLayout()
        self.contrast = QLabel()
        self.contrast.setObjectName("accentContrast")
        self.contrast.setWordWrap(True)
        self.use_nearby = QPushButton()
        self.use_nearby.clicked.connect(lambda: self.set_accent(passing_accent(self.accent or house_accent())))
        contrast_row.addWidget(self.contrast, 1)
        contrast_row.addWidget(self.use_nearby, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("", contrast_row)

        self.footer = QLineEdit(current.footer_text or "")
        self.footer.setAccessibleName("Footer text")
        self.footer.setPlaceholderText("e.g. Working together to keep children safe")
        form.addRow("F&ooter text:", self.footer)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setAccessibleName("Protective marking")
        self.marking.addItems([NO_MARKING, *MARKINGS])
        self.marking.setCurrentText(current.marking or NO_MARKING)
        form.addRow("&Protective marking:", self.marking)
        self.negative = QComboBox()
        self.negative.setAccessibleName("Negative amounts")
        for style, example in NEGATIVE_EXAMPLES.items():
            self.negative.addItem(example, style)
        self.negative.setCurrentIndex(self.negative.findData(current.negative))
        form.addRow("&Negative amounts:", self.negative)

        explanation = QLabel("Every PDF and Word file this board exports carries these: the full name on the "
                             "cover and in each page header, the logo on the pack's cover, the accent colour in "
                             "headings and table headers, the footer text and the marking on every page; "
                             "negative amounts print as chosen in every PDF, Word and Excel file.")
        explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if context.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            explanation.setText(explanation.text() + " This file is open read-only, so nothing can be changed.")
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        note = QLabel(REQUIRED_NOTE)
        note.setObjectName("muted")
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.set_logo(self.logo)
        self.set_accent(self.accent)

    # -- logo and colour ------------------------------------------------------------------------------
    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        self.remove_logo.setEnabled(data is not None)
        if data is None:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText("No logo")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo_view.setPixmap(pixmap.scaled(*LOGO_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))

    def choose_logo(self) -> None:
        filename = open_file(self, IMPORTS, "Choose the board's logo", "Images (*.png *.jpg *.jpeg)")
        if filename is not None:
            self.load_logo(filename)

    def load_logo(self, path: Path) -> None:
        """Take the logo from ``path`` (a PNG or JPEG), or say why it cannot be used."""
        try:
            self.set_logo(read_logo(path))
        except SGDeskError as error:
            show_error(self, error, "Cannot use this logo")

    def set_accent(self, accent: str | None) -> None:
        self.accent = accent
        shown = accent or house_accent()
        self.colour_button.setText(f"  {shown}  " + ("(house colour)" if accent is None else ""))
        text = "#FFFFFF" if QColor(shown).lightnessF() < 0.6 else "#000000"
        self.colour_button.setStyleSheet(f"background-color: {shown}; color: {text}; padding: 4px 10px;")
        self.house_colour.setEnabled(accent is not None)
        problem = accent_problem(shown)
        if problem is None:
            self.contrast.setText(f"Contrast with white {ratio_text(accent_contrast(shown))}: readable in headings "
                                  "and table headers.")
            self.contrast.setStyleSheet("")
        else:
            self.contrast.setText(f"{problem}.")
            self.contrast.setStyleSheet("color: #A4262C;")
            nearby = passing_accent(shown)
            self.use_nearby.setText(f"&Use {nearby}")
        self.use_nearby.setVisible(problem is not None)

    def choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.accent or house_accent()), self, "Accent colour")
        if colour.isValid():
            self.set_accent(colour.name().upper())

    # -- saving ----------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.remember_values()

    def values_now(self) -> Branding:
        return self.branding()

    def save_edit(self) -> bool:
        self.save()
        return self.result() == QDialog.DialogCode.Accepted

    def branding(self) -> Branding:
        marking = self.marking.currentText().strip()
        return Branding(full_name=self.full_name.text(), short_name=self.short_name.text(), accent=self.accent,
                        footer_text=self.footer.text(), marking=None if marking == NO_MARKING else marking,
                        logo=self.logo, negative=self.negative.currentData())

    def save(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        try:
            with self.context.edit("Change the board's branding") as ed:
                save_branding(ed, bf, board_id, self.branding())
        except SGDeskError as error:
            show_error(self, error, "Cannot save the branding")
            return
        self.accept()
