"""A contents list whose entries are links, tagged TOC > TOCI > Reference > Link.

Each entry is its heading's text, a dot leader and its page number; the text, and the leader
with the number, link to the heading. The leader is an artifact, so a screen reader reads
"Appendix 2: Finance, 5" rather than a row of dots.

The contents are laid out from the headings the story will have (:meth:`Contents.expect`), and
their page numbers drawn when the document is saved, once every heading has found its page: a
document with contents is laid out once, not once more for the page numbers.
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
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

    def row_groups(self, row: int) -> list[tuple[str, Any]]:
        return [("TOCI", (self, row)), ("Reference", (self, row, "Reference"))] if row in self.entries else []

    def cell(self, row: int, column: int) -> tuple[str, dict[str, Any]] | None:
        return ("Link", {}) if row in self.entries else None

    def text(self, row: int, column: int) -> str | None:
        return self.entries.get(row)


class _ContentsTable(TaggedTable):
    shape_class = _ContentsShape


def _layout(entries: list[tuple[int, str, int, Any]]) -> list[tuple[int, str, Any]]:
    """What of contents ``entries`` their layout depends on: all but the page numbers."""
    return [(level, text, key) for level, text, _page, key in entries]


class Contents(TableOfContents):
    """The headings of the document down to outline level ``depth``, in ``level_styles``."""

    tags_itself = True

    def __init__(self, depth: int, level_styles: list[ParagraphStyle]) -> None:
        super().__init__(dotsMinLevel=0, levelStyles=level_styles)
        self.depth = depth
        self._laid_out: tuple[float, list[tuple[int, str, int, Any]]] | None = None  # (width, entries) of the table

    def notify(self, kind: str, stuff: Any) -> None:
        """Take in the headings down to ``depth``."""
        if kind == "TOCEntry" and stuff[0] > self.depth:
            return
        super().notify(kind, stuff)

    def expect(self, entries: list[tuple[int, str, int, Any]]) -> None:
        """Lay the contents out with ``entries`` (``TOCEntry`` notifications whose pages are not yet
        known) in the next build; the build finds their pages."""
        self.clearEntries()
        for entry in entries:
            self.notify("TOCEntry", entry)

    def isSatisfied(self) -> bool:  # noqa: N802 - reportlab's name
        """Whether the build drew the entries it found: the page numbers come from that build itself."""
        return _layout(self._entries) == _layout(self._lastEntries)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        """Lay the entries out as reportlab's ``TableOfContents.wrap`` does, the same paragraphs, in a table
        that tags itself, with tagged page numbers; once for a width and the entries (the document
        template measures the contents again where it places them, and where it keeps them together)."""
        self.canv.setNamedCB("drawTOCEntryEnd", lambda canv, kind, label: self._entry_end(canv, label, availWidth))
        if self._laid_out != (availWidth, self._lastEntries):
            rows: list[list[Flowable]] = []
            for level, text, page, key in self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]:
                style = self.getLevelStyle(level)
                if key:
                    text = f'<a href="#{key}">{text}</a>'
                    key_text = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
                else:
                    key_text = None
                label = "%d,%d,%s" % (page, level, key_text)  # noqa: UP031 - reportlab's label, as it writes it
                if style.spaceBefore:
                    rows.append([Spacer(1, style.spaceBefore)])
                rows.append([Paragraph(f'{text}<onDraw name="drawTOCEntryEnd" label="{label}"/>', style)])
            self._table = _ContentsTable(rows, colWidths=(availWidth,), style=self.tableStyle)
            self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
            self._laid_out = availWidth, list(self._lastEntries)
        return self.width, self.height

    def _entry_end(self, canv: Any, label: str, width: float) -> None:
        """After an entry's text: the dot leader (an artifact), then its page number, linked; the
        leader and the number are drawn when the document is saved, when the page is known."""
        _page, level_text, key_text = label.split(",")
        style, key = self.getLevelStyle(int(level_text)), literal_eval(key_text)
        end = _EntryEnd(canv, style, canv._curr_tx_info["cur_x"], canv._curr_tx_info["cur_y"], width,
                        lambda: self._page_number(key))
        with artifact(canv):
            canv.draw_at_save(end.draw_leader)
        canv.draw_at_save(end.draw_number)
        if key:
            x, y = end.x, end.y
            canv.linkRect("", key, (x, y, width, y + style.leading), relative=1)

    def _page_number(self, key: Any) -> str:
        """The page number of the heading bookmarked ``key``, as printed."""
        page = next(page for _level, _text, page, entry_key in self._entries if entry_key == key)
        return str(self.formatter(page) if self.formatter else page)


class _EntryEnd:
    """The leader and page number that end one contents entry, drawn once its page is known."""

    def __init__(self, canv: Any, style: ParagraphStyle, x: float, y: float, width: float,
                 number: Callable[[], str]) -> None:
        self.canv, self.style, self.x, self.y, self.width = canv, style, x, y, width
        self._number = number
        self._fitted: tuple[str, float] | None = None

    def _fit(self) -> tuple[str, float]:
        """The number, and the font size it fits the room left on the line at."""
        if self._fitted is None:
            number, font = self._number(), self.style.fontName
            size = self.style.fontSize
            while stringWidth(number, font, size) > self.width - self.x and size >= _SMALLEST:
                size *= 0.9
            self._fitted = number, size
        return self._fitted

    def draw_leader(self) -> None:
        number, size = self._fit()
        font = self.style.fontName
        number_width, dot_width = stringWidth(number, font, size), stringWidth(_LEADER, font, size)
        dots = int((self.width - self.x - number_width) / dot_width)
        self._draw(self.width - dots * dot_width - number_width, _LEADER * dots, size)

    def draw_number(self) -> None:
        number, size = self._fit()
        self._draw(self.width - stringWidth(number, self.style.fontName, size), number, size)

    def _draw(self, x: float, text: str, size: float) -> None:
        line = self.canv.beginText(x, self.y)
        line.setFont(self.style.fontName, size)
        line.setFillColor(self.style.textColor)
        line.textOut(text)
        self.canv.drawText(line)
