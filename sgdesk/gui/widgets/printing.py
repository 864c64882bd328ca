"""File > Print: a print preview of a table (as it is shown, filtered and sorted) or of a PDF's pages.

Qt's print preview dialog lets the user choose the printer, paper and pages and shows each page
first; nothing is printed until they press its Print button. A table prints as a plain grid under
its title and the board's name, its headings repeated on each page, the date and "page n of N" at
the foot; a PDF (the Reports view's preview) prints page by page, fitted to the paper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QWidget

from sgdesk.dates import format_date

if TYPE_CHECKING:   # Qt's printing module loads when something is printed, not with the app
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

#: rows printed at most from one table; a longer one says how to get all of it
MAX_ROWS = 2_000
PDF_DPI = 200
#: the band at the foot of each printed page of a table (title, date, page number), in inches
FOOT_INCHES = 0.4


@dataclass(frozen=True)
class Printable:
    """What File > Print prints: a table, or the pages of a PDF."""

    title: str
    table: QAbstractItemView | None = None
    pdf: Path | None = None
    board: str = ""         # the board's name, printed under a table's title


def table_html(title: str, view: QAbstractItemView, *, board: str = "", limit: int = MAX_ROWS) -> str:
    """The table's shown columns and rows (at most ``limit``) as HTML, under its title and the board's name."""
    model = view.model()
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else None
    hidden = view.isColumnHidden if hasattr(view, "isColumnHidden") else (lambda _column: False)
    columns = sorted((c for c in range(model.columnCount()) if not hidden(c)),
                     key=lambda c: header.visualIndex(c) if header is not None else c)
    rows = model.rowCount()
    shown = min(rows, limit)

    def cell(row: int, column: int) -> str:
        index = model.index(row, column)
        value = index.data(Qt.ItemDataRole.DisplayRole)
        align = index.data(Qt.ItemDataRole.TextAlignmentRole)
        right = align is not None and bool(Qt.AlignmentFlag(int(align)) & Qt.AlignmentFlag.AlignRight)
        opening = '<td align="right">' if right else "<td>"
        return f"{opening}{escape('' if value is None else str(value))}</td>"

    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(cell(r, c) for c in columns) + "</tr>" for r in range(shown))
    more = (f"<p>The first {shown:,} of {rows:,} rows are printed: export the report from Reports for all "
            "of them.</p>" if rows > shown else "")
    under = f"<p>{escape(board)}</p>" if board else ""
    return (f"<h2>{escape(title)}</h2>{under}"
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" style=\"border-collapse: collapse\">"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")


def print_table(printer: QPrinter, printable: Printable) -> None:
    """The table, page by page, with the title, the date and "page n of N" at the foot of each page."""
    from PySide6.QtPrintSupport import QPrinter

    painter = QPainter(printer)
    try:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(printer)
        document.setDefaultStyleSheet("th { background: #EEF3F8; text-align: left; } td, th { font-size: 8pt; } "
                                      "h2 { font-size: 13pt; } p { font-size: 9pt; }")
        document.setHtml(table_html(printable.title, printable.table, board=printable.board))
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        foot = printer.resolution() * FOOT_INCHES
        document.setPageSize(QSizeF(page.width(), page.height() - foot))
        pages = document.pageCount()
        footer = QFont(document.defaultFont())
        footer.setPointSizeF(8)
        for number in range(pages):
            if number:
                printer.newPage()
            height = page.height() - foot
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, page.width(), height))
            painter.restore()
            painter.setFont(footer)
            band = QRectF(0, page.height() - foot * 0.7, page.width(), foot * 0.7)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             f"{printable.title} · printed {format_date(dt.date.today())}")
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"Page {number + 1} of {pages}")
    finally:
        painter.end()


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
        dialog.paintRequested.connect(lambda p: print_table(p, printable))
    dialog.open()
    return dialog
