"""Data tables in house style: accent header repeated on every page, wrapped cells, totals, tagged.

Column widths come from what the columns hold: no header word is ever split (the header's
type gets smaller first), figures stay on one line, long text wraps at spaces and a long
token (an email address) at sensible points. A table that breaks across pages keeps at least
:data:`MIN_ROWS` body rows on each page, and its totals with the rows they add up.
"""

from __future__ import annotations

import functools
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import ParaLines, _processed_frags, cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paragraph import _shy as _SOFT_HYPHEN
from reportlab.platypus.paragraph import split as paragraph_split
from reportlab.platypus.paragraph import strip as paragraph_strip
from reportlab.platypus.paraparser import ParaParser
from reportlab.platypus.tables import _SPECIALROWS, CellStyle, _calc_pc, _ExpandedCellTuple, _isLineCommand, _setCellStyle

from sgdesk.office.layout import MIN_ROWS, at_least, distribute
from sgdesk.pdf.colours import ACCENT, ACCENT_TINT, GRID, TEXT, WHITE, ZEBRA
from sgdesk.pdf.fonts import BOLD, REGULAR, register_fonts
from sgdesk.pdf.markup import plain_to_markup
from sgdesk.pdf.page import MARGIN, frame_width, page_size
from sgdesk.pdf.styles import CELL_FONT_SIZE, cell_style
from sgdesk.pdf.tagged_table import TAGS, TaggedTable

_ALIGNMENTS = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
_TABLE_ALIGN = {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}
_CELL_ALIGNMENTS = frozenset(("LEFT", "RIGHT", "CENTRE", "CENTER"))  # how reportlab places a flowable in a cell
_NUMBER = re.compile(r"[-−–(]?£?\d[\d,]*(\.\d+)?%?\)?")
_FRACTION = re.compile(r"\.\d+%?\)?$")  # what follows a figure's decimal point
_BREAKS = (re.compile(r"(?<=@)"), re.compile(r"(?<=[/_\-])|(?=[.])"))  # where a long token breaks, best first
_MIN_WEIGHT = 3
_SLACK = 1  # points a cell keeps beyond what its text measures, so rounding never breaks a word
_PADDING = 3
_SPLIT_IN_ROW = 72  # points: a row breaks inside itself only if no whole row fits but this much does
_SMALLEST_HEADER = 6.5  # points: header type shrinks this far before a header word could split
_LOW_ON_PAGE = 0.5  # a table starting below this share of a fresh page moves on rather than leave few rows
#: the style commands of whole tables, not of their cells' styles (``Table._addCommand`` keeps them aside)
_NOT_OF_CELLS = frozenset(("BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT", "ROUNDEDCORNERS"))
_KEPT_WIDTHS = 1 << 15  # texts whose widths the process keeps (names, figures and words repeat across tables)
_KEPT_CELLS = 1 << 13  # plain cells whose fragments (for each style) and lines (for each width too) are kept


@functools.lru_cache(maxsize=_KEPT_WIDTHS)
def _width(text: str, font: str, size: float, encoding: str = "utf8") -> float:
    """reportlab's ``stringWidth`` of ``text``, kept: the fonts are registered once and never change."""
    return stringWidth(text, font, size, encoding)


class _CellStyle:
    """A cell style, and what reportlab makes of a plain text in it, to make cells from without parsing."""

    #: (cell style, plain text) -> its fragments, shared by the cells of that text (reportlab only reads them)
    _fragments: dict[tuple[_CellStyle, str], list[Any]] = {}

    def __init__(self, style: ParagraphStyle) -> None:
        self.style = style
        _style, frags, _bullet = ParaParser().parse("x", style)
        self._plain_frag = frags[0]
        self._quick = _quick_drawing(style)

    def paragraph(self, markup: str) -> Paragraph:
        """``markup`` as a cell's paragraph: parsed only when it holds tags or entities."""
        text = cleanBlockQuotedText(markup)
        if "<" in text or "&" in text:
            return _CellParagraph(markup, self.style)
        return self.plain(text)

    def plain(self, text: str) -> Paragraph:
        """``text`` as a cell's paragraph, where reportlab would find no markup in it and clean nothing
        out of it (:func:`_clean`)."""
        fragments = self._fragments
        frags = fragments.get((self, text))
        if frags is None:
            frags = [self._plain_frag.clone(text=text)] if text else []
            textTransformFrags(frags, self.style)
            if len(fragments) >= _KEPT_CELLS:
                fragments.clear()
            fragments[self, text] = frags
        cell = _CellParagraph(text, self.style, frags=frags)
        cell.quick = self._quick
        return cell


class _CellStyles:
    """Cell styles at one font size, made on first use and shared by every table of the process
    (a pack has dozens of tables; a cell style is never changed once made)."""

    _made: dict[tuple[float, str, bool, bool], _CellStyle] = {}

    def __init__(self, font_size: float, header_size: float) -> None:
        self.font_size = font_size
        self.header_size = header_size

    def get(self, align: str, *, bold: bool = False, header: bool = False) -> _CellStyle:
        size = self.header_size if header else self.font_size
        key = (size, align, bold or header, header)
        made = self._made.get(key)
        if made is None:
            style = cell_style(f"cell-{align}", size, bold=key[2], alignment=_ALIGNMENTS[align])
            if header:
                style.textColor = WHITE
            made = self._made[key] = _CellStyle(style)
        return made


class HouseTable(TaggedTable):
    """A table that breaks between pages only where each page keeps at least :data:`MIN_ROWS`
    body rows (section and total rows do not count), and that never leaves the flowables it is
    kept with (:func:`keep_with_last_rows`) alone at the top of the next page."""

    #: while :meth:`setStyle` adds a style: the settings of its cells, set once it is added
    _gathered: list[tuple[str, tuple[Any, ...], int, int, int, int]] | None = None

    def __init__(self, *args: Any, row_kinds: Sequence[str] = (), orientation: str = "portrait",
                 tail_height: float = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_kinds = list(row_kinds)  # "head", "body", "section" or "total" for each row
        self.orientation = orientation
        self.tail_height = tail_height
        self._squeezed = False
        self._parts = 0
        #: (column widths, row heights, row positions) as last measured: a table is measured again at the
        #: same widths (kept together with its heading, then placed, then split), and its rows stay as tall
        self._measured: tuple[tuple[float, ...], list[float], list[float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        width, height = super().wrap(availWidth, availHeight)
        rows = self.row_kinds.count("body")
        self._squeezed = bool(self.tail_height) and height <= availHeight < height + self.tail_height \
            and rows >= 2 * MIN_ROWS
        return width, availHeight + 1 if self._squeezed else height  # too tall: the doc template splits it

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None, W: Any = None) -> None:  # noqa: N802, N803
        """Each row as tall as its tallest cell, from the heights its cells wrapped to: the heights and
        row positions ``Table._calc_height`` reckons, the same sums in the same order, without its
        general code (a table with a cell of several flowables, a span over rows, a minimum or
        given height is measured by reportlab). Measured again at the same widths, the rows are as
        they were (until the table's style changes or it splits)."""
        widths = _calc_pc(self._argW, availWidth) if not W else W
        measured = self._measured
        if measured is not None and measured[0] == tuple(widths):
            _widths, heights, positions = measured
        else:
            heights = self._plain_heights(widths)
            if heights is None:
                super()._calc_height(availHeight, availWidth, H, W)
                return
            positions = []
            height = carried = 0  # reportlab's compensated sum, from the last row up
            for row in range(len(heights) - 1, -1, -1):
                positions.append(height)
                step = heights[row] - carried
                total = height + step
                carried = (total - height) - step
                height = total
            positions.append(height)
            positions.reverse()
            self._measured = tuple(widths), heights, positions
        self._rowHeights, self._rowpositions = list(heights), list(positions)
        self._height = positions[0]
        self._hmax = len(heights)

    def new_cell_styles(self, rows: int, columns: int) -> list[list[CellStyle]]:
        """One style, in the house font, shared by every cell until a style command sets something of some
        cells (:meth:`_addCommand`): reportlab makes a style for each cell, and sets each command on each
        cell it covers, thousands of times over for a pack, where a table's cells have a few styles."""
        shared = CellStyle("house")
        shared.fontname = REGULAR
        return [[shared] * columns for _row in range(rows)]

    def setStyle(self, tblstyle: Any) -> None:  # noqa: N802 - reportlab's name
        """Add the style's commands as reportlab does; those that set something of cells set together
        (:meth:`_set_in_cells`), once the others are added."""
        self._gathered = gathered = []
        try:
            super().setStyle(tblstyle)
        finally:
            self._gathered = None
        self._set_in_cells(gathered)

    def _addCommand(self, cmd: Any) -> None:  # noqa: N802 - reportlab's name
        """Add a style command as ``Table._addCommand`` does; one that sets something of each cell it covers
        is set in their styles (:meth:`_set_in_cells`), with the others of the style being added."""
        self._measured = None  # a new style may change the rows' heights
        op = cmd[0]
        if op in _NOT_OF_CELLS or _isLineCommand(cmd) or cmd[1][1] in _SPECIALROWS:
            super()._addCommand(cmd)
            return
        (_op, (sc, sr), (ec, er)), values = cmd[:3], cmd[3:]
        sc, ec, sr, er = self.normCellRange(sc, ec, sr, er)
        if self._gathered is None:
            self._set_in_cells([(op, values, sc, ec, sr, er)])
        else:
            self._gathered.append((op, values, sc, ec, sr, er))

    def _set_in_cells(self, settings: list[tuple[str, tuple[Any, ...], int, int, int, int]]) -> None:
        """Set each of ``settings`` (what, to what, first and last column, first and last row), in order,
        in the cells it covers, as ``_setCellStyle`` sets it in reportlab's style of each cell: cells
        that shared a style and that the same settings cover share a copy of it with them set."""
        made: dict[tuple[int, tuple[int, ...]], tuple[CellStyle, CellStyle]] = {}  # (style, settings) -> copy
        rows_made: dict[tuple[tuple[int, ...], tuple[int, ...]], list[CellStyle]] = {}  # rows of a kind: theirs
        for number, row in enumerate(self._cellStyles if settings else ()):
            covering = tuple(k for k, (*_setting, first, last) in enumerate(settings) if first <= number <= last)
            if not covering:
                continue
            kind = tuple(map(id, row)), covering  # rows of the same kind share their styles, in order
            styles = rows_made.get(kind)
            if styles is None:
                styles = rows_made[kind] = []
                for column, style in enumerate(row):
                    mine = tuple(k for k in covering if settings[k][2] <= column <= settings[k][3])
                    found = made.get((id(style), mine)) if mine else (style, style)
                    if found is None:
                        copy = _copy_of(style)
                        for k in mine:
                            _setCellStyle([[copy]], 0, 0, settings[k][0], settings[k][1])
                        found = made[id(style), mine] = style, copy
                    styles.append(found[1])
            row[:] = styles

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        """Split as reportlab does, which changes the style of a middle-aligned cell of a row it splits in
        two: each such cell gets a style of its own first, as reportlab's cells have."""
        if self.splitInRow:
            for row in self._cellStyles:
                for column, style in enumerate(row):
                    if style.valign == "MIDDLE":
                        row[column] = _copy_of(style)
        parts = super().split(availWidth, availHeight)
        self._measured = None  # splitting a row may move a middle-aligned cell's text (its padding)
        return parts

    def _plain_heights(self, widths: list[float]) -> list[float] | None:
        """The height of each row where every cell is one flowable or a string, no span covers a
        flowable or more than one row and no row height is given; else None. A cell of ours wrapped
        for its width already is not asked again."""
        if self._minRowHeights or any(h is not None for h in self._argH) or (self._spanCmds and self._rowSpanCells):
            return None
        spans = self._spanRanges if self._spanCmds else None
        values, styles = self._cellvalues, self._cellStyles
        canv = getattr(self, "canv", None)
        heights = []
        for i, (row, row_styles) in enumerate(zip(values, styles)):
            tallest = 0
            for j, (value, style, width) in enumerate(zip(row, row_styles, widths)):
                if isinstance(value, str):
                    height = (style.leading or 1.2 * style.fontsize) * len(value.split("\n"))
                else:
                    if isinstance(value, Flowable):
                        value = row[j] = self._cellListProcess(value, width, None)
                    cell = value[0] if type(value) is _ExpandedCellTuple and len(value) == 1 else None
                    if cell is None or width is None:
                        return None
                    if spans is not None:
                        span = spans[j, i]
                        if span is None:
                            return None  # a flowable under a span: reportlab's own rules
                        if span[0] != span[2]:
                            width = max(self._colpositions[span[2] + 1] - self._colpositions[span[0]], width)
                    inner = width - style.leftPadding - style.rightPadding
                    if inner < 0:
                        return None
                    wrapped = cell._wrapped if isinstance(cell, _CellParagraph) else None
                    if wrapped is not None and wrapped[0] == inner:
                        cell_width, cell_height = wrapped[1]
                    elif canv is None:
                        cell_width, cell_height = cell.wrapOn(canv, inner, 72000 - style.topPadding - style.bottomPadding)
                    else:  # the canvas's font while the cell wraps is its style's, as reportlab sets it
                        saved = canv._fontname, canv._fontsize, canv._leading
                        canv._fontname, canv._fontsize, canv._leading = \
                            style.fontname, style.fontsize, style.leading or 1.2 * style.fontsize
                        cell_width, cell_height = cell.wrapOn(canv, inner,
                                                              72000 - style.topPadding - style.bottomPadding)
                        canv._fontname, canv._fontsize, canv._leading = saved
                    before, after = cell.getSpaceBefore(), cell.getSpaceAfter()
                    if max(0, cell_width) + style.leftPadding + style.rightPadding > width:
                        return None  # too wide: reportlab says so, or not, as configured
                    height = cell_height + after + before - before - after  # as reportlab sums them
                height += style.bottomPadding + style.topPadding
                if height > tallest:
                    tallest = height
            heights.append(tallest)
        return heights

    def draw(self) -> None:
        """Draw as ``Table.draw`` does, the same page operators and tags in the same order, with the
        tags written by the table's own methods and each cell placed here (:meth:`_draw_cell`); a
        table with a shadow, rounded corners, render callbacks of its own or rows not measured is
        drawn by reportlab."""
        if self._renderCB is not TAGS or self._shadow or getattr(self, "_cornerRadii", None) \
                or self._hmax != self._nrows:
            super().draw()
            return
        canv = self.canv
        canv.saveState()
        self._curweight = self._curcolor = self._curcellstyle = None
        self.tag_start()
        self.tag_artifact_start()
        self._roundingRectDef = None
        self._drawBkgrnd()
        self.tag_artifact_end()
        rects = self._spanRects if self._spanCmds else None
        columns, rows = self._colpositions, self._rowpositions
        widths, heights = self._colWidths, self._rowHeights
        for row, (values, styles) in enumerate(zip(self._cellvalues, self._cellStyles)):
            self.tag_row(row)
            for column, (value, style) in enumerate(zip(values, styles)):
                if rects is None:
                    x, y, width, height = columns[column], rows[row + 1], widths[column], heights[row]
                else:
                    rect = rects[column, row]
                    if rect is None:
                        continue
                    x, y, width, height = rect
                self.tag_cell(row, column, value, style, (x, y), (width, height))
                self._draw_cell(value, style, x, y, width, height)
                self.tag_cell_end()
            self.tag_row_end()
        self.tag_artifact_start()
        self._drawLines()
        self.tag_artifact_end()
        self.tag_end()
        canv.restoreState()

    def _draw_cell(self, value: Any, style: Any, x: float, y: float, width: float, height: float) -> None:
        """``Table._drawCell`` for a cell of one flowable: placed where reportlab places it (the same
        sums), then drawn by itself; a string, several flowables or a link is reportlab's."""
        if self._curcellstyle is not style:
            current = self._curcellstyle
            if current is None or style.color != current.color:
                self.canv.setFillColor(style.color)
            if current is None or style.leading != current.leading or style.fontname != current.fontname \
                    or style.fontsize != current.fontsize:
                self.canv.setFont(style.fontname, style.fontsize, style.leading)
            self._curcellstyle = style
        cell = value[0] if isinstance(value, (tuple, list)) and len(value) == 1 else value
        inner = width - style.leftPadding - style.rightPadding
        valign, align = style.valign, style.alignment
        if not isinstance(cell, Flowable) or inner < 0 or style.href or style.destination \
                or align not in _CELL_ALIGNMENTS:
            self._drawCell(value, style, (x, y), (width, height))
            return
        cell_width, cell_height = cell.wrapOn(self.canv, inner, height - style.topPadding - style.bottomPadding)
        before, after = cell.getSpaceBefore(), cell.getSpaceAfter()
        if valign == "TOP":
            top = y + height - style.topPadding
        elif valign == "BOTTOM":
            top = y + style.bottomPadding + (cell_height + after + before - before - after)
        else:
            top = y + (height + style.bottomPadding - style.topPadding
                       + (cell_height + after + before - before - after)) / 2.0
        if align == "LEFT":
            left = x + style.leftPadding
        elif align == "RIGHT":
            left = x + width - style.rightPadding - cell_width
        else:
            left = x + (width + style.leftPadding - style.rightPadding - cell_width) / 2.0
        top += before
        top -= before
        top -= cell_height
        cell.drawOn(self.canv, left, top)

    def _body_rows(self, start: int, stop: int) -> int:
        return sum(kind == "body" for kind in self.row_kinds[start:stop])

    def _getFirstPossibleSplitRowPosition(self, availHeight: float, ignoreSpans: int = 0) -> int:  # noqa: N802
        """The last row to break before, with :data:`MIN_ROWS` body rows either side of it."""
        last = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        count = len(self._rowHeights)
        if len(self.row_kinds) != count or (last >= count and not self._squeezed):
            return last
        impossible: dict[int, None] = {}
        if self._spanCmds and not ignoreSpans:
            self._getRowImpossible(impossible, self._rowSpanCells, self._spanRanges)
        if self._nosplitCmds:
            self._getRowImpossible(impossible, self._rowNoSplitCells, self._nosplitRanges)
        for row in range(min(last, count - 1), 0, -1):
            if row not in impossible and self._body_rows(0, row) >= MIN_ROWS \
                    and self._body_rows(row, count) >= MIN_ROWS:
                return row
        fresh_page = page_size(self.orientation)[1] - 2 * MARGIN
        return 0 if availHeight < _LOW_ON_PAGE * fresh_page or self._squeezed else last

    def onSplit(self, T: Table, byRow: int = 1) -> None:  # noqa: N802, N803 - reportlab's names
        """Give each part of a split table its share of the row kinds (the first part, then the rest)."""
        self._parts += 1
        if not isinstance(T, HouseTable) or not self.row_kinds:
            return
        rows = len(T._cellvalues)
        heads = self.row_kinds.count("head")
        T.row_kinds = self.row_kinds[:rows] if self._parts % 2 else \
            self.row_kinds[:heads] + self.row_kinds[len(self.row_kinds) - (rows - heads):]
        T.orientation = self.orientation
        T.tail_height = 0 if self._parts % 2 else self.tail_height


def keep_with_last_rows(table: HouseTable, flowables: list[Flowable]) -> list[Flowable]:
    """``table`` then ``flowables`` (a signature block), which always share a page with at least
    the table's last :data:`MIN_ROWS` rows."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus.flowables import _listWrapOn

    measuring = Canvas(io.BytesIO())  # flowables such as KeepTogether measure themselves on a canvas
    table.tail_height = _listWrapOn(flowables, frame_width(table.orientation), measuring)[1]
    return [table, *flowables]


def _is_number(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_NUMBER.fullmatch(value.strip()))
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _copy_of(style: CellStyle) -> CellStyle:
    """A cell style of its own with ``style``'s settings (reportlab's ``CellStyle.copy`` also copies its
    methods and class defaults into the copy, one by one)."""
    copy = CellStyle(style.name)
    copy.__dict__.update(style.__dict__)
    return copy


def _pieces(token: str, font: str, size: float, width: float, level: int = 0) -> list[str]:
    """``token`` in pieces no wider than ``width``: broken after an @ first, then after / _ - or
    before a full stop, and between letters only where a piece is still too wide."""
    if _width(token, font, size) <= width or len(token) < 2:
        return [token]
    if level == len(_BREAKS):
        fitting = [i for i in range(1, len(token)) if _width(token[:i], font, size) <= width]
        cut = fitting[-1] if fitting else 1
        return [token[:cut], *_pieces(token[cut:], font, size, width, level)]
    packed: list[str] = []
    for part in (p for p in _BREAKS[level].split(token) if p):
        if packed and _width(packed[-1] + part, font, size) <= width:
            packed[-1] += part
        else:
            packed.append(part)
    return [piece for part in packed for piece in _pieces(part, font, size, width, level + 1)]


def _markup(text: str, style: ParagraphStyle, width: float) -> str:
    """Paragraph markup for ``text``, a token wider than the cell broken at sensible points."""
    room = width - 2 * _PADDING
    words = []
    for word in text.split(" "):
        if _width(word, style.fontName, style.fontSize) > room:
            words.append("<br/>".join(plain_to_markup(p) for p in _pieces(word, style.fontName, style.fontSize, room)))
        else:
            words.append(plain_to_markup(word))
    return " ".join(words)


def _shown(canvas: Any, font_name: str, size: float, leading: float, text: str, subset: int = -1) -> tuple[str, int]:
    """(the operators that show ``text`` on a line, the font subset it ends in), as a text object
    writes them after a line that ended in ``subset`` (-1: the text's first line): the subset's font
    where a run of the text changes it, each run, then the move to the next line. A document's
    cells repeat their texts (figures, names, "Yes"), and a text once shown keeps its codes: the
    canvas remembers it."""
    known = canvas.__dict__.setdefault("_sgdesk_shown", {})
    key = (font_name, size, leading, text, subset)
    if key not in known:
        font, doc = getFont(font_name), canvas._doc
        sizes = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        shown = []
        for piece_subset, piece in _split(font, text, doc):
            if piece_subset != subset:
                shown.append(f"{font.getSubsetInternalName(piece_subset, doc)} {sizes}")
                subset = piece_subset
            shown.append(f"({canvas._escape(piece)}) Tj")
        known[key] = " ".join(shown) + " T*", subset
    return known[key]


def _split(font: Any, text: str, doc: Any) -> list[tuple[int, bytes]]:
    """``font.splitString(text, doc)``: the runs of ``text`` in each of the font's subsets for ``doc``, as
    (subset, codes); for a text in one subset whose characters all have their codes already (most texts,
    once a document has shown a few), read from the codes without reportlab's loop over the characters,
    which would give those codes again and change nothing."""
    state = font.state.get(doc) if getattr(font, "_dynamicFont", False) else None
    if state is not None and text:
        assignments = state.assignments
        try:
            codes = [assignments[32 if code == 0xA0 else code] for code in map(ord, text)]  # no-break space: space
        except KeyError:
            codes = None  # a character without its code yet: reportlab gives it one
        if codes is not None:
            subsets = {code >> 8 for code in codes}
            if len(subsets) == 1:
                return [(subsets.pop(), bytes(code & 0xFF for code in codes))]
    return font.splitString(text, doc)


def _move(code: list[str], dx: float) -> None:
    """Append to a text object's ``code`` the move of its next line by ``dx``, as ``setXPos`` writes it:
    a move straight after another is written as one, from the other as written."""
    dy = 0
    if code and code[-1].endswith(" Td"):
        last = code.pop().split()
        dx += float(last[-3])
        dy -= float(last[-2])
    code.append(f"{fp_str(dx, -dy)} Td")


def _quick_drawing(style: ParagraphStyle) -> bool:
    """Whether a plain text in ``style`` can be laid out and drawn by :class:`_CellParagraph` itself:
    no background, border, indent, dots, word wrapping of its own (right to left, CJK) or automatic
    leading, in a TrueType face."""
    return (not style.backColor and not (style.borderColor and style.borderWidth) and not style.leftIndent
            and not style.firstLineIndent and not style.endDots
            and not style.wordWrap and style.alignment in (TA_LEFT, TA_CENTER, TA_RIGHT)
            and getattr(style, "autoLeading", "") in ("", "off", None)
            and getattr(getFont(style.fontName), "_dynamicFont", False))


class _CellParagraph(Paragraph):
    """A cell's text: it breaks into lines once for each width it is given, and a plain text lays
    itself out and draws itself.

    reportlab wraps every cell to measure its row, again to draw it, and again for each part of a
    table split over pages (on the header's every page); the lines for one width stay the same.
    A cell of plain text (``quick``) whose words each fit a line takes the lines reportlab's line
    breaking would give it, and writes the page operators that ``Paragraph.drawOn`` would write, the same
    bytes, without their general code (saving and restoring the canvas state twice, a text
    object, each alignment's checks): the cells of a pack are thousands, and laying them out and
    drawing them was a third of its build.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None
    quick = False  # plain text in a style that :func:`_quick_drawing` allows
    #: (style, text, width) -> :meth:`_plain_layout` there, shared by every plain cell of the process: a
    #: document repeats its cells' texts ("Yes", figures, names), and an export made again all of them.
    #: The lines are only read once made (drawn, or split into new paragraphs).
    _layouts: dict[tuple[ParagraphStyle, str, float], tuple[tuple[float, float], Any, float] | None] = {}
    _layout: tuple[ParagraphStyle, str, float] | None = None  # the key of the lines the cell holds, if plain

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if self._wrapped is None or self._wrapped[0] != availWidth:
            size = self._wrap_plain(availWidth) if self.quick else None
            if size is None:
                self._layout = None
                size = super().wrap(availWidth, availHeight)
            self._wrapped = availWidth, size
        return self._wrapped[1]

    def _wrap_plain(self, width: float) -> tuple[float, float] | None:
        """What ``Paragraph.wrap`` makes of a plain text (or none) at ``width``, the same values
        without its general line breaking; None where the text needs that (a word wider than a
        line, a soft hyphen, hyphenation). The lines of a text in a style at a width are worked out
        once in the process (:attr:`_layouts`)."""
        style, frags = self.style, self.frags
        if len(frags) > 1 or width < _FUZZ or self.bulletText \
                or getattr(self, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off"):
            return None
        layouts, key = self._layouts, (style, self.text, width)
        layout = layouts.get(key, self)  # the cell itself: not worked out yet
        if layout is self:
            if len(layouts) >= _KEPT_CELLS:
                layouts.clear()
            layout = layouts[key] = self._plain_layout(width)
        if layout is None:
            return None
        widths, lines, widest = layout
        self._layout = key
        return self._wrapped_as(width, list(widths), lines, widest)

    def _plain_layout(self, width: float) -> tuple[tuple[float, float], Any, float] | None:
        """(line widths, the lines as ``breakLines`` gives them, the widest line's width) of this plain
        text at ``width``; None where reportlab's line breaking is needed."""
        style, frags = self.style, self.frags
        first = width - (style.leftIndent + style.firstLineIndent) - style.rightIndent
        widths = (first, width - style.leftIndent - style.rightIndent)
        if not frags:  # what breakLines makes of no text
            return widths, ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                                     textColor=style.textColor, ascent=style.fontSize, descent=-0.2 * style.fontSize,
                                     lines=[]), 0
        frag = frags[0]
        if (style.shaping and getFont(style.fontName).shapable) or hasattr(frag, "cbDefn") \
                or hasattr(frag, "backColor") or not hasattr(frag, "text") or _processed_frags(frags):
            return None
        font, size, encoding = frag.fontName, frag.fontSize, self.encoding
        ascent, descent = getAscentDescent(font, size)
        text = paragraph_strip(frag.text)
        if not text:
            return widths, frag.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size), 0
        if _SOFT_HYPHEN in text or getattr(style, "hyphenationLang", "") or style.uriWasteReduce \
                or style.embeddedHyphenation:
            return None
        space = _width(" ", font, size, encoding)
        shrink = style.spaceShrinkage * space
        lines: list[tuple[float, list[str]]] = []
        line: list[str] = []
        room, used, widest = first, -space, 0  # as reportlab counts: no space before a line's first word
        for word in paragraph_split(text):
            word_width = _width(word, font, size, encoding)
            grown = used + space + word_width
            limit = room + shrink * len(line)
            if grown > limit and style.splitLongWords and word_width > widths[min(len(lines), 1)]:
                return None  # a word wider than a line: reportlab splits it
            if grown <= limit or not line:
                line.append(word)
                used = grown
            else:
                if used > widest:
                    widest = used
                lines.append((room - used, line))
                line, used, room = [word], word_width, widths[1]
        if used > widest:
            widest = used
        lines.append((room - used, line))
        return widths, frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size), widest

    def _wrapped_as(self, width: float, widths: list[float], lines: Any, widest: float) -> tuple[float, float]:
        """Keep the lines ``breakLines`` would give, and what ``wrap`` keeps with them."""
        self.width, self._wrapWidths, self.blPara = width, widths, lines
        self._width_max, self._splitLongWordCount, self._hyphenations = widest, 0, 0
        self.height = len(lines.lines) * self.style.leading
        return width, self.height

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:  # noqa: N802, N803 - reportlab's names
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == aW:  # wrapped already: no canvas needed
            return wrapped[1]
        return super().wrapOn(canv, aW, aH)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.__dict__.get("spaceBefore", self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.__dict__.get("spaceAfter", self.style.spaceAfter)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab's name
        text = self._plain_text(canvas) if self.quick and not _sW else None
        if text is None:
            super().drawOn(canvas, x, y, _sW)
            return
        code = canvas._code
        code.append("q")  # Flowable.drawOn: saveState, translate
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        if text:
            code.append(text)
        code.append("Q")

    def _plain_text(self, canvas: Any) -> str | None:
        """What ``drawPara`` writes for lines of plain text (saving the state, the text's colour, its text
        object, restoring the state), "" for no text at all, or None where reportlab's own drawing is
        needed. A canvas keeps what it was written for the lines of a text in a style at a width
        (:attr:`_layout`), the same wherever on the canvas they are drawn."""
        para = self.blPara
        if para.kind != 0 or self.bulletText or self.debug \
                or getattr(self, "_showBoundary", False) or getattr(self, "_offsets", None) \
                or not canvas.bottomup or canvas._enforceColorSpace:
            return None
        if not para.lines:
            return ""
        colour = para.textColor
        alpha = getattr(colour, "alpha", None)
        if type(colour) is not Color or (alpha is not None and alpha != canvas._extgstate.getValue("ca")):
            return None
        key = self._layout
        written = canvas.__dict__.setdefault("_sgdesk_cells", {}) if key is not None else {}
        text = written.get(key)
        if text is None:
            text = self._text_object(canvas, para)
            if text is None:
                return None
            if key is not None:
                written[key] = text
        if alpha is not None:
            canvas._doc.ensureMinPdfVersion("transparency")
        return text

    def _text_object(self, canvas: Any, para: Any) -> str | None:
        """``_plain_text`` worked out: None for a line squeezed (word spacing), underlined or linked."""
        if getattr(para, "us_lines", None) or getattr(para, "link", None) \
                or any(extra <= -1e-8 for extra, _words in para.lines):
            return None
        colour = para.textColor
        size, leading = para.fontSize, self.style.leading
        top = self.height - (size if paraFontSizeHeightOffset else getattr(para, "ascent", size))
        text = [f"BT 1 0 0 1 {fp_str(0, top)} Tm"]
        alignment = self.style.alignment
        subset = -1  # a text object starts in no subset of the font
        for extra, words in para.lines:
            shift = 0 if alignment == TA_LEFT else extra if alignment == TA_RIGHT else 0.5 * extra
            moved = shift > 1e-6 or shift < -1e-6
            if moved:
                _move(text, shift)
            shown, subset = _shown(canvas, para.fontName, size, leading, " ".join(words), subset)
            text.append(shown)
            if moved:
                _move(text, -shift)
        text.append("ET")
        return f"q\n{fp_str((colour.red, colour.green, colour.blue))} rg\n{' '.join(text)}\nQ"


def _clean(text: str) -> bool:
    """Whether ``text`` holds no character markup would escape, and nothing reportlab's cleaning of a
    paragraph's text would change (whitespace other than single spaces between words)."""
    return not ("&" in text or "<" in text or ">" in text or "\u200b" in text) and " ".join(text.split()) == text


def _cell(value: Any, style: _CellStyle, width: float) -> Flowable:
    if isinstance(value, Flowable):
        return value
    text = _text(value)
    if _clean(text) and _width(text, style.style.fontName, style.style.fontSize) <= width - 2 * _PADDING:
        return style.plain(text)  # no word to break, nothing to escape or clean: the text as it is
    return style.paragraph(_markup(text, style.style, width))


def _indexes(indexes: Iterable[int], count: int, what: str) -> set[int]:
    """Row indexes (negative ones count from the end) as a set of positions."""
    wanted = list(indexes)
    positions = range(count)
    try:
        return {positions[index] for index in wanted}
    except IndexError:
        raise IndexError(f"{what} {wanted} point outside the {count} rows") from None


def _alignments(align: str | Sequence[str] | None, columns: int, body: list[list[Any]]) -> list[str]:
    if align is None:
        result = []
        for column in range(columns):
            values = [row[column] for row in body if _text(row[column]).strip()]
            result.append("R" if values and all(_is_number(v) for v in values) else "L")
        return result
    letters = [letter.upper() for letter in align]
    if len(letters) != columns or not set(letters) <= set(_ALIGNMENTS):
        raise ValueError(f"align needs one of L, R, C for each of the {columns} columns, not {align!r}")
    return letters


def _header_word(label: str, size: float) -> float:
    """The width a header cell needs so that none of its words is split."""
    return max((_width(word, BOLD, size) for word in label.split()), default=0) + 2 * _PADDING + _SLACK


def _unbroken(values: list[Any], numeric: bool, size: float) -> tuple[float, float]:
    """(least, most) width of a body column: a figure's full width, or its longest word and longest text."""
    texts = [_text(v) for v in values if not isinstance(v, Flowable)]
    longest = max((_width(t, REGULAR, size) for t in texts), default=0) + 2 * _PADDING + _SLACK
    if numeric:
        return longest, longest
    word = max((_width(w, REGULAR, size) for t in texts for w in t.split()), default=0)
    return min(word, 12 * size * 0.6) + 2 * _PADDING, longest


def _widths(weights: Sequence[float] | None, header: list[str], body: list[list[Any]], aligns: list[str],
            width: float, font_size: float) -> tuple[list[float], float]:
    """(column widths, header type size): from ``weights`` if given, else from the content, and
    never so narrow that a header word or a figure must split."""
    columns = len(header)
    if weights is not None and (len(weights) != columns or min(weights) <= 0):
        raise ValueError(f"col_widths needs a positive weight for each of the {columns} columns")
    numeric = [aligns[c] == "R" and all(_is_number(row[c]) for row in body if _text(row[c]).strip())
               for c in range(columns)]
    size = font_size
    while True:
        floors = [max(_header_word(header[c], size), _unbroken([row[c] for row in body], numeric[c], font_size)[0]
                      if numeric[c] else _header_word(header[c], size), _MIN_WEIGHT * font_size * 0.6)
                  for c in range(columns)]
        if sum(floors) <= width or size <= _SMALLEST_HEADER:
            break
        size = max(_SMALLEST_HEADER, size - 0.5)
    if weights is None:
        spans = [_unbroken([row[c] for row in body], numeric[c], font_size) for c in range(columns)]
        least = [max(floor, low) for floor, (low, _high) in zip(floors, spans)]
        cells = [[0.0 if isinstance(row[c], Flowable) else _width(_text(row[c]), REGULAR, font_size)
                  for row in body] for c in range(columns)]
        return distribute(least, [max(low, high) for low, (_low, high) in zip(least, spans)], width, cells,
                          2 * _PADDING), size
    wanted = [width * weight / sum(weights) for weight in weights]
    return at_least(wanted, floors, width), size


def data_table(
    header: list[str],
    rows: list[list],
    *,
    col_widths: list[float] | None = None,
    align: str | list[str] | None = None,
    total_rows: Iterable[int] = (),
    section_rows: Iterable[int] = (),
    font_size: float = CELL_FONT_SIZE,
    zebra: bool = True,
    width: float | None = None,
    orientation: str = "portrait",
    title: str | None = None,
    fills: Mapping[tuple[int, int], str] | None = None,
    row_headers: Iterable[int] = (0,),
) -> HouseTable:
    """A table in house style that may split across pages, repeating its header row.

    Text cells wrap (plain text: ``&``, ``<``, ``>`` are escaped), Flowable cells pass through,
    other values print as ``str(value)`` and None as blank. ``align`` is one of L, R, C per
    column (e.g. "LLRRR"); by default columns of numbers (or text such as "£1,234.50", "95%")
    are right-aligned. ``total_rows`` (indexes into ``rows``) print bold under a rule;
    ``section_rows`` print their first cell bold and shaded across the whole width.
    ``col_widths`` are relative weights scaled to ``width``, by default the frame width of
    ``orientation``, and widened where a header word or a figure needs it; without them columns
    are as wide as their content asks. ``fills`` colours single cells, by (index into ``rows``,
    column): "#C6EFCE" (a RAG rating; its text must say the same, as colour alone tells nothing to
    a reader who cannot see it). Rows break between pages (at least :data:`MIN_ROWS` on each); a
    row too tall for a page breaks inside itself rather than failing. ``title`` says what the
    table holds, where the heading above it does not (it names the table's sheet in Excel).

    In the tagged PDF the header cells are column headers, the cells of the ``row_headers``
    columns (by default the first) and section rows are row headers, and the table stays one
    table across pages.
    """
    columns = len(header)
    if not columns:
        raise ValueError("a table needs at least one column")
    register_fonts()  # the columns are measured in the house face
    sections = _indexes(section_rows, len(rows), "section_rows")
    totals = _indexes(total_rows, len(rows), "total_rows")
    for index, row in enumerate(rows):
        if len(row) != columns and not (index in sections and len(row) >= 1):
            raise ValueError(f"row {index} has {len(row)} cells, the header has {columns}")
    body = [row for index, row in enumerate(rows) if index not in sections]
    aligns = _alignments(align, columns, body)
    widths, header_size = _widths(col_widths, header, body, aligns,
                                  frame_width(orientation) if width is None else width, font_size)

    cell_styles = _CellStyles(font_size, header_size)
    data: list[list[Any]] = [[_cell(text, cell_styles.get(a, header=True), w)
                              for text, a, w in zip(header, aligns, widths)]]
    kinds = ["head"]
    for index, row in enumerate(rows):
        if index in sections:
            data.append([_cell(row[0], cell_styles.get("L", bold=True), sum(widths))] + [""] * (columns - 1))
            kinds.append("section")
        else:
            bold = index in totals
            data.append([_cell(value, cell_styles.get(a, bold=bold), w) for value, a, w in zip(row, aligns, widths)])
            kinds.append("total" if bold else "body")

    table = HouseTable(data, colWidths=widths, repeatRows=1, splitInRow=_SPLIT_IN_ROW, hAlign="LEFT",
                       row_kinds=kinds, orientation=orientation,
                       row_header_columns=row_headers, section_rows=[index + 1 for index in sections])
    commands = _commands(aligns, len(rows), sections, totals, zebra) + _points_in_line(rows, aligns, totals, font_size)
    commands += [("BACKGROUND", (column, row + 1), (column, row + 1), HexColor(colour))
                 for (row, column), colour in sorted((fills or {}).items())]
    table.setStyle(TableStyle(commands))
    table.title = title
    return table


def _points_in_line(rows: list[list[Any]], aligns: list[str], totals: set[int], size: float) -> list[tuple]:
    """Right padding that keeps a bold total's decimal point under the points of the figures above
    (bold figures are wider, so a right-aligned bold ".59" would stand out of line)."""
    commands = []
    for index in sorted(totals):
        for column, (value, align) in enumerate(zip(rows[index], aligns)):
            match = _FRACTION.search(_text(value)) if align == "R" and isinstance(value, (str, numbers.Number)) else None
            if match:
                wider = _width(match[0], BOLD, size) - _width(match[0], REGULAR, size)
                commands.append(("RIGHTPADDING", (column, index + 1), (column, index + 1), _PADDING - wider))
    return commands


def _commands(aligns: list[str], rows: int, sections: set[int], totals: set[int], zebra: bool) -> list[tuple]:
    """The TableStyle commands; ``rows`` counts the body rows, ``sections`` and ``totals`` index them."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("GRID", (0, 0), (-1, -1), 0.25, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), _TABLE_ALIGN[a]) for c, a in enumerate(aligns)]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA]))
    for index in sorted(sections):
        row = index + 1  # table rows count the header
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), ACCENT_TINT),
            ("NOSPLIT", (0, row), (-1, min(row + 1, rows))),  # keep a section with its first row
        ]
    for index in sorted(totals):
        row = index + 1
        commands += [
            ("LINEABOVE", (0, row), (-1, row), 0.9, TEXT),
            ("NOSPLIT", (0, max(row - 1, 1)), (-1, row)),  # never a total alone atop a page
        ]
    return commands
