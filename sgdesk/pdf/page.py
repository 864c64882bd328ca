"""Page geometry and furniture: A4 sizes, margins, header, footer, marking, watermark.

:func:`draw_furniture` draws the header, footer and marking when a page begins;
:func:`draw_overlay` lays the see-through DRAFT watermark over the finished page, so table
shading cannot hide it. "Page X of Y" needs the page count, so :class:`NumberedCanvas` holds
every page back until the document is finished; it also keeps places in a page for drawing that
waits for the whole document (a contents page's page numbers), so a document is laid out once.
The furniture is marked as pagination artifacts, so that assistive technology reads the
document without it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sgdesk.pdf.colours import ACCENT, GRID, MUTED, TEXT, WATERMARK
from sgdesk.pdf.fonts import BOLD, REGULAR
from sgdesk.pdf.spec import DocumentSpec
from sgdesk.pdf.tagging import artifact

PAGE_SIZES: dict[str, tuple[float, float]] = {"portrait": A4, "landscape": landscape(A4)}
MARGIN = 18 * mm

FURNITURE_SIZE = 7.5
_MARKING_SIZE = 8.5
_HEADER_BASELINE = 12 * mm  # measured down from the top edge
_HEADER_RULE = 13.5 * mm  # measured down from the top edge
_MARKING_TOP = 7 * mm  # baseline, measured down from the top edge
_FOOTER_RULE = 13.5 * mm
_FOOTER_BASELINE = 10.5 * mm
_MARKING_BOTTOM = 5.5 * mm
_GAP = 6 * mm  # least space between texts sharing the header or footer line
_WIDEST_PAGE_NUMBER = "Page 888 of 888"
_PLAIN = "_sgdesk_plain_page"  # canvas attribute: the page being drawn has no furniture


def page_size(orientation: str) -> tuple[float, float]:
    """The A4 page size, in points, for "portrait" or "landscape"."""
    try:
        return PAGE_SIZES[orientation]
    except KeyError:
        raise ValueError(f"orientation must be 'portrait' or 'landscape', not {orientation!r}") from None


def frame_width(orientation: str = "portrait") -> float:
    """The usable width, in points, between the margins of a page in ``orientation``."""
    return page_size(orientation)[0] - 2 * MARGIN


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text``, cut short with an ellipsis if it is wider than ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _rule(canv: Canvas, y: float, colour: Any, width: float) -> None:
    page_width = canv._pagesize[0]
    canv.setStrokeColor(colour)
    canv.setLineWidth(width)
    canv.line(MARGIN, y, page_width - MARGIN, y)


def draw_overlay(canv: Canvas, spec: DocumentSpec) -> None:
    """Draw what lies over the finished page's content: the diagonal DRAFT of a draft."""
    if not spec.draft:
        return
    page_width, page_height = canv._pagesize
    size = 130 if page_width < page_height else 150
    canv.saveState()
    with artifact(canv, "Pagination", "Watermark"):
        canv.setFillColor(WATERMARK)
        canv.setFont(BOLD, size)
        canv.translate(page_width / 2, page_height / 2)
        canv.rotate(math.degrees(math.atan2(page_height, page_width)))
        canv.drawCentredString(0, -0.36 * size, "DRAFT")  # centre the capitals on the page centre
    canv.restoreState()


def draw_furniture(canv: Canvas, spec: DocumentSpec) -> None:
    """Draw the header, footer and marking of the page just begun."""
    page_width, page_height = canv._pagesize
    line = page_width - 2 * MARGIN
    canv.saveState()

    canv.setFont(REGULAR, FURNITURE_SIZE)
    canv.setFillColor(MUTED)
    with artifact(canv, "Pagination", "Header"):
        board = _fit(spec.board_name, REGULAR, FURNITURE_SIZE, line * 0.45)
        title_room = line - stringWidth(board, REGULAR, FURNITURE_SIZE) - _GAP
        header_y = page_height - _HEADER_BASELINE
        canv.drawString(MARGIN, header_y, board)
        canv.drawRightString(page_width - MARGIN, header_y, _fit(spec.title, REGULAR, FURNITURE_SIZE, title_room))
        _rule(canv, page_height - _HEADER_RULE, ACCENT, 0.75)

    with artifact(canv, "Pagination", "Footer"):
        _rule(canv, _FOOTER_RULE, GRID, 0.4)
        generated = spec.generated_label()
        canv.drawString(MARGIN, _FOOTER_BASELINE, generated)
        if spec.footer_text:
            side = max(stringWidth(text, REGULAR, FURNITURE_SIZE) for text in (generated, _WIDEST_PAGE_NUMBER))
            centre_room = line - 2 * (side + _GAP)
            canv.drawCentredString(
                page_width / 2, _FOOTER_BASELINE, _fit(spec.footer_text, REGULAR, FURNITURE_SIZE, centre_room)
            )

    canv.restoreState()
    draw_marking(canv, spec)


def draw_marking(canv: Canvas, spec: DocumentSpec) -> None:
    """Draw the protective marking (if any) centred at the top and bottom of the page: on every
    page, a plain one (a cover) as well."""
    if not spec.marking:
        return
    page_width, page_height = canv._pagesize
    canv.saveState()
    canv.setFont(BOLD, _MARKING_SIZE)
    canv.setFillColor(TEXT)
    marking = _fit(spec.marking, BOLD, _MARKING_SIZE, page_width - 2 * MARGIN)
    with artifact(canv, "Pagination", "Header"):
        canv.drawCentredString(page_width / 2, page_height - _MARKING_TOP, marking)
    with artifact(canv, "Pagination", "Footer"):
        canv.drawCentredString(page_width / 2, _MARKING_BOTTOM, marking)
    canv.restoreState()


def begin_plain_page(canv: Canvas, spec: DocumentSpec) -> None:
    """Begin a plain page (a cover, a certificate): no header, footer or page number, only the
    protective marking."""
    setattr(canv, _PLAIN, True)
    draw_marking(canv, spec)


def draw_page_number(canv: Canvas, page: int, total: int) -> None:
    """Draw "Page X of Y" at the right of the footer line."""
    canv.saveState()
    canv.setFont(REGULAR, FURNITURE_SIZE)
    canv.setFillColor(MUTED)
    with artifact(canv, "Pagination", "Footer"):
        canv.drawRightString(canv._pagesize[0] - MARGIN, _FOOTER_BASELINE, f"Page {page} of {total}")
    canv.restoreState()


class NumberedCanvas(Canvas):
    """A canvas that holds pages back until :meth:`save`, then numbers them "Page X of Y"
    (plain pages count, but carry no number).

    :meth:`draw_at_save` keeps a place in the page being drawn for drawing that needs the finished
    document; it is done at :meth:`save`, in that place.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._at_save: dict[int, list[tuple[list[str], int, tuple[float, ...], Callable[[], None]]]] = {}

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """Hold the finished page back and start the next one."""
        self._held_pages.append(dict(self.__dict__))
        self.__dict__.pop(_PLAIN, None)
        self._startPage()

    def draw_at_save(self, draw: Callable[[], None]) -> None:
        """Keep this place in the page's content for ``draw``, which draws on this canvas when the
        document is saved, with the page and the coordinates as they are now."""
        place = (self._code, len(self._code), self._currentMatrix, draw)
        self._at_save.setdefault(len(self._held_pages), []).append(place)
        self._code.append("")

    def save(self) -> None:
        """Number every held page, write them out, and finish the file."""
        self.write_held_pages()
        super().save()

    def write_held_pages(self) -> None:
        """Do the drawing kept for the save, number every held page and write them out."""
        total = len(self._held_pages)
        for index, state in enumerate(self._held_pages):
            self.__dict__.update(state)
            for code, place, matrix, draw in self._at_save.get(index, ()):
                self._code, self._currentMatrix = [], matrix
                draw()
                code[place] = "\n".join(self._code)
            self._code, self._currentMatrix = state["_code"], state["_currentMatrix"]
            if not state.get(_PLAIN):
                draw_page_number(self, self._pageNumber, total)
            super().showPage()
        self._held_pages.clear()  # written; and each page's state holds the list, a reference cycle

    def bookmarkPage(self, key: str, **kwargs: Any) -> Any:  # noqa: N802 - reportlab's name
        """Bookmark the current page.

        reportlab names the page from the count of pages written so far, which lags behind
        while pages are held back; count the held pages in for the bookmark.
        """
        pdf = self._doc
        written = pdf.pageCounter
        pdf.pageCounter = written + len(self._held_pages)
        try:
            return super().bookmarkPage(key, **kwargs)
        finally:
            pdf.pageCounter = written
