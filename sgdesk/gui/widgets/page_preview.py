"""A preview of a PDF's pages inside the app, as images rendered with pypdfium2.

:func:`render_pages` runs in a worker thread (QImage, unlike QPixmap, may be made there);
:class:`PagePreview` shows the pages one under another, at a chosen zoom.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

RENDER_SCALE = 1.5  # 108 dots per inch: sharp at 100% zoom on an ordinary screen
SCREEN_SCALE = 96 / 72  # points to pixels at 100% zoom
MAX_PAGES = 60  # pages previewed; a longer document shows its first pages and says so
FIT_WIDTH = 0  # the zoom that fits a page to the width of the preview
ZOOMS = (FIT_WIDTH, 50, 75, 100, 125, 150)
_PAGE_MARGIN = 40  # pixels around a page fitted to the width


@dataclass(frozen=True)
class RenderedPages:
    """A PDF's pages rendered as images for the preview, with how many pages the document has."""

    images: list[QImage]
    total: int  # pages in the document (more than ``len(images)`` when cut at MAX_PAGES)
    source: Path | None = None  # the PDF they were rendered from, while it is kept


def render_pages(pdf: Path, *, scale: float = RENDER_SCALE, limit: int = MAX_PAGES) -> RenderedPages:
    """The first ``limit`` pages of ``pdf`` as images (safe to call off the UI thread)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        images = [render_page(document[index], scale=scale) for index in range(min(len(document), limit))]
        return RenderedPages(images, len(document))
    finally:
        document.close()


def render_page(page, *, scale: float) -> QImage:
    """One pypdfium2 page as an image (``scale`` 1 is 72 dots per inch); the page is closed."""
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # the copy owns its pixels once pdfium's bitmap is freed
    finally:
        page.close()


class PagePreview(QScrollArea):
    """Rendered pages, one under another, with a page label under each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Page preview")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.pages = RenderedPages([], 0)
        self.zoom = FIT_WIDTH
        self.page_labels: list[QLabel] = []
        self._show()

    def set_pages(self, pages: RenderedPages) -> None:
        self.pages = pages
        self._show()

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent
        self._show()

    def _factor(self, image: QImage) -> float:
        """How much to scale a rendered page for the zoom chosen."""
        if self.zoom == FIT_WIDTH:
            return max(self.viewport().width() - _PAGE_MARGIN, 100) / image.width()
        return self.zoom / 100 * SCREEN_SCALE / RENDER_SCALE

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Pages fitted to the width follow it."""
        super().resizeEvent(event)
        if self.zoom == FIT_WIDTH and self.pages.images and event.size().width() != event.oldSize().width():
            self._show()

    def _show(self) -> None:
        holder = QWidget()
        holder.setObjectName("previewPages")
        layout = QVBoxLayout(holder)
        layout.setSpacing(6)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels = []
        for number, image in enumerate(self.pages.images, start=1):
            factor = self._factor(image)
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaled(
                round(image.width() * factor), round(image.height() * factor),
                Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAccessibleName(f"Page {number} of {self.pages.total}")
            caption = QLabel(f"Page {number} of {self.pages.total}")
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        if self.pages.total > len(self.pages.images):
            more = QLabel(f"The preview shows the first {len(self.pages.images)} of {self.pages.total} pages; "
                          "the exported file holds them all.")
            more.setWordWrap(True)
            layout.addWidget(more, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(holder)
