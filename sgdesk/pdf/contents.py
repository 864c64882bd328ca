"""A contents list whose entries are links, tagged TOC > TOCI > Reference > Link.

Each entry is its heading's text, a dot leader and its page number; the text and the number
both link to the heading. The leader is an artifact, so a screen reader reads "Appendix 2:
Finance, 5" rather than a row of dots.
"""

from __future__ import annotations

from ast import literal_eval
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from sgdesk.pdf.tagged_table import TableShape, TaggedTable
from sgdesk.pdf.tagging import artifact

_LEADER = " . "
_SMALLEST = 1.0  # points: a page number too wide for its room shrinks, but not below this


class _ContentsShape(TableShape):
    """The contents table's rows: each entry is a TOCI holding a Reference to a Link."""

    tag = "TOC"
    keep_empty = False

    def __init__(self, table: TaggedTable, *_shape: Any) -> None:
        super().__init__(table, 0, (), ())
        self.entries: dict[int, str] = {}
        for row, (cell, *_rest) in enumerate(table._cellvalues):
            flowable = cell[0] if isinstance(cell, (list, tuple)) and cell else cell  # laid out: a tuple
            if isinstance(flowable, Paragraph):
                self.entries[row] = flowable.getPlainText()

    def _row_groups(self, row: int) -> list[tuple[str, Any]]:
        return [("TOCI", (self, row)), ("Reference", (self, row, "Reference"))] if row in self.entries else []

    def _cell(self, row: int, column: int) -> tuple[str, dict[str, Any]] | None:
        return ("Link", {}) if row in self.entries else None

    def text(self, row: int, column: int) -> str | None:
        return self.entries.get(row)


class _ContentsTable(TaggedTable):
    shape_class = _ContentsShape


class Contents(TableOfContents):
    """The headings of the document down to outline level ``depth``, in ``level_styles``."""

    tags_itself = True

    def __init__(self, depth: int, level_styles: list[ParagraphStyle]) -> None:
        super().__init__(dotsMinLevel=0, levelStyles=level_styles)
        self.depth = depth

    def notify(self, kind: str, stuff: Any) -> None:
        """Take in the headings down to ``depth``."""
        if kind == "TOCEntry" and stuff[0] > self.depth:
            return
        super().notify(kind, stuff)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        """Lay the entries out as reportlab does, in a table that tags itself, with tagged page numbers."""
        super().wrap(availWidth, availHeight)
        self.canv.setNamedCB("drawTOCEntryEnd", lambda canv, kind, label: self._entry_end(canv, label, availWidth))
        self._table = _ContentsTable(self._table._cellvalues, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _entry_end(self, canv: Any, label: str, width: float) -> None:
        """After an entry's text: the dot leader (an artifact), then its page number, linked."""
        page_text, level_text, key_text = label.split(",")
        page, style, key = int(page_text), self.getLevelStyle(int(level_text)), literal_eval(key_text)
        number = str(self.formatter(page) if self.formatter else page)
        x, y = canv._curr_tx_info["cur_x"], canv._curr_tx_info["cur_y"]
        size = style.fontSize
        while stringWidth(number, style.fontName, size) > width - x and size >= _SMALLEST:
            size *= 0.9
        number_width = stringWidth(number, style.fontName, size)
        dot_width = stringWidth(_LEADER, style.fontName, size)
        dots = int((width - x - number_width) / dot_width)
        with artifact(canv):
            leader = canv.beginText(width - dots * dot_width - number_width, y)
            leader.setFont(style.fontName, size)
            leader.setFillColor(style.textColor)
            leader.textOut(_LEADER * dots)
            canv.drawText(leader)
        text = canv.beginText(width - number_width, y)
        text.setFont(style.fontName, size)
        text.setFillColor(style.textColor)
        text.textOut(number)
        canv.drawText(text)
        if key:
            canv.linkRect("", key, (width - number_width, y, width, y + style.leading), relative=1)
