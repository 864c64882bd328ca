"""File > Print: a print preview of a table (as it is shown, filtered and sorted) or of a PDF's pages.

Qt's print preview dialog lets the user choose the printer, paper and pages and shows each page
first; nothing is printed until they press its Print button. A table prints as a plain grid with
its title and the date; a PDF (the Reports view's preview) prints page by page, fitted to the paper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QWidget

from sgdesk.dates import format_date

if TYPE_CHECKING:   # Qt's printing module loads when something is printed, not with the app
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

#: rows printed at most from one table; a longer one says how to get all of it
MAX_ROWS = 2_000
PDF_DPI = 200


@dataclass(frozen=True)
class Printable:
    """What File > Print prints: a table, or the pages of a PDF."""

    title: str
    table: QAbstractItemView | None = None
    pdf: Path | None = None


def table_html(title: str, view: QAbstractItemView, *, limit: int = MAX_ROWS) -> str:
    """The table's shown columns and rows (at most ``limit``) as HTML, under its title and today's date."""
    model = view.model()
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else None
    hidden = view.isColumnHidden if hasattr(view, "isColumnHidden") else (lambda _column: False)
    columns = sorted((c for c in range(model.columnCount()) if not hidden(c)),
                     key=lambda c: header.visualIndex(c) if header is not None else c)
    rows = model.rowCount()
    shown = min(rows, limit)

    def cell(row: int, column: int) -> str:
        value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        return escape("" if value is None else str(value))

    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell(r, c)}</td>" for c in columns) + "</tr>" for r in range(shown))
    more = (f"<p>The first {shown:,} of {rows:,} rows are printed: export the report from Reports for all "
            "of them.</p>" if rows > shown else "")
    return (f"<h2>{escape(title)}</h2><p>Printed {format_date(dt.date.today())}</p>"
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" style=\"border-collapse: collapse\">"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")


def print_table(printer: QPrinter, title: str, view: QAbstractItemView) -> None:
    from PySide6.QtPrintSupport import QPrinter

    document = QTextDocument()
    document.setDefaultStyleSheet("th { background: #EEF3F8; text-align: left; } td, th { font-size: 8pt; }")
    document.setHtml(table_html(title, view))
    document.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
    document.print_(printer)


def print_pdf(printer: QPrinter, pdf: Path) -> None:
    """Each page of ``pdf`` rendered at the printer's resolution and fitted to its page."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    from sgdesk.gui.widgets.page_preview import render_page

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter(printer)
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = render_page(document[index], scale=PDF_DPI / 72)
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), QSizeF(size)), image)
    finally:
        painter.end()
        document.close()


def preview_and_print(parent: QWidget, printable: Printable) -> QPrintPreviewDialog:
    """Open Qt's print preview for ``printable`` (returned, so tests can look at it and close it)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(printable.title)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    if printable.table is not None and printable.table.model().columnCount() > 6:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer = printer        # Qt does not own the printer: it must live as long as the dialog
    dialog.setWindowTitle(f"Print preview — {printable.title}")
    if printable.pdf is not None:
        dialog.paintRequested.connect(lambda p: print_pdf(p, printable.pdf))
    else:
        dialog.paintRequested.connect(lambda p: print_table(p, printable.title, printable.table))
    dialog.open()
    return dialog
