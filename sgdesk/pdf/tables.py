"""Data tables in house style: accent header repeated on every page, wrapped cells, totals, tagged."""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from sgdesk.pdf.colours import ACCENT, ACCENT_TINT, GRID, TEXT, WHITE, ZEBRA
from sgdesk.pdf.markup import plain_to_markup
from sgdesk.pdf.page import frame_width
from sgdesk.pdf.styles import CELL_FONT_SIZE, cell_style
from sgdesk.pdf.tagged_table import TaggedTable

_ALIGNMENTS = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
_TABLE_ALIGN = {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}
_NUMBER = re.compile(r"[-−–(]?£?\d[\d,]*(\.\d+)?%?\)?")
_MAX_WEIGHT = 40  # characters: past this a column's text wraps rather than widening it
_MIN_WEIGHT = 3
_PADDING = 3
_SPLIT_IN_ROW = 72  # points: a row breaks inside itself only if no whole row fits but this much does


class _CellStyle:
    """A cell style, and what reportlab makes of a plain text in it, to make cells from without parsing."""

    def __init__(self, style: ParagraphStyle) -> None:
        self.style = style
        _style, frags, _bullet = ParaParser().parse("x", style)
        self._plain_frag = frags[0]

    def paragraph(self, markup: str) -> Paragraph:
        """``markup`` as a cell's paragraph: parsed only when it holds tags or entities."""
        text = cleanBlockQuotedText(markup)
        if not text or "<" in text or "&" in text:
            return _CellParagraph(markup, self.style)
        frags = [self._plain_frag.clone(text=text)]
        textTransformFrags(frags, self.style)
        return _CellParagraph(text, self.style, frags=frags)


class _CellStyles:
    """Cell styles at one font size, made on first use."""

    def __init__(self, font_size: float) -> None:
        self.font_size = font_size
        self._made: dict[tuple[str, bool, bool], _CellStyle] = {}

    def get(self, align: str, *, bold: bool = False, header: bool = False) -> _CellStyle:
        key = (align, bold or header, header)
        if key not in self._made:
            style = cell_style(f"cell-{align}", self.font_size, bold=key[1], alignment=_ALIGNMENTS[align])
            if header:
                style.textColor = WHITE
            self._made[key] = _CellStyle(style)
        return self._made[key]


def _is_number(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_NUMBER.fullmatch(value.strip()))
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


class _CellParagraph(Paragraph):
    """A cell's text: it breaks into lines once for each width it is given.

    reportlab wraps every cell to measure its row, again to draw it, and again for each part of a
    table split over pages (on the header's every page); the lines for one width stay the same.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = availWidth, super().wrap(availWidth, availHeight)
        return self._wrapped[1]


def _cell(value: Any, style: _CellStyle) -> Flowable:
    return value if isinstance(value, Flowable) else style.paragraph(plain_to_markup(_text(value)))


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


def _weight(values: list[Any], header: str) -> float:
    longest_word = max((len(word) for word in header.split()), default=0)
    longest_text = max((len(_text(v)) for v in values if not isinstance(v, Flowable)), default=0)
    return max(_MIN_WEIGHT, longest_word, min(longest_text, _MAX_WEIGHT))


def _widths(
    weights: Sequence[float] | None, header: list[str], body: list[list[Any]], width: float
) -> list[float]:
    columns = len(header)
    if weights is None:
        weights = [_weight([row[c] for row in body], header[c]) for c in range(columns)]
    elif len(weights) != columns or min(weights) <= 0:
        raise ValueError(f"col_widths needs a positive weight for each of the {columns} columns")
    total = sum(weights)
    return [width * weight / total for weight in weights]


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
    fills: Mapping[tuple[int, int], str] | None = None,
    row_headers: Iterable[int] = (0,),
) -> TaggedTable:
    """A table in house style that may split across pages, repeating its header row.

    Text cells wrap (plain text: ``&``, ``<``, ``>`` are escaped), Flowable cells pass through,
    other values print as ``str(value)`` and None as blank. ``align`` is one of L, R, C per
    column (e.g. "LLRRR"); by default columns of numbers (or text such as "£1,234.50", "95%")
    are right-aligned. ``total_rows`` (indexes into ``rows``) print bold under a rule;
    ``section_rows`` print their first cell bold and shaded across the whole width.
    ``col_widths`` are relative weights scaled to ``width``, by default the frame width of
    ``orientation``; without them columns are weighted by the length of their text. ``fills`` colours
    single cells, by (index into ``rows``, column): "#C6EFCE" (a RAG rating; its text must say the same,
    as colour alone tells nothing to a reader who cannot see it). Rows break between pages; a row too
    tall for a page breaks inside itself rather than failing.

    In the tagged PDF the header cells are column headers, the cells of the ``row_headers``
    columns (by default the first) and section rows are row headers, and the table stays one
    table across pages.
    """
    columns = len(header)
    if not columns:
        raise ValueError("a table needs at least one column")
    sections = _indexes(section_rows, len(rows), "section_rows")
    totals = _indexes(total_rows, len(rows), "total_rows")
    for index, row in enumerate(rows):
        if len(row) != columns and not (index in sections and len(row) >= 1):
            raise ValueError(f"row {index} has {len(row)} cells, the header has {columns}")
    body = [row for index, row in enumerate(rows) if index not in sections]
    aligns = _alignments(align, columns, body)
    widths = _widths(col_widths, header, body, frame_width(orientation) if width is None else width)

    cell_styles = _CellStyles(font_size)
    data: list[list[Any]] = [[_cell(text, cell_styles.get(a, header=True)) for text, a in zip(header, aligns)]]
    for index, row in enumerate(rows):
        if index in sections:
            data.append([_cell(row[0], cell_styles.get("L", bold=True))] + [""] * (columns - 1))
        else:
            bold = index in totals
            data.append([_cell(value, cell_styles.get(a, bold=bold)) for value, a in zip(row, aligns)])

    table = TaggedTable(data, colWidths=widths, repeatRows=1, splitInRow=_SPLIT_IN_ROW, hAlign="LEFT",
                        row_header_columns=row_headers, section_rows=[index + 1 for index in sections])
    commands = _commands(aligns, len(rows), sections, totals, zebra)
    commands += [("BACKGROUND", (column, row + 1), (column, row + 1), HexColor(colour))
                 for (row, column), colour in sorted((fills or {}).items())]
    table.setStyle(TableStyle(commands))
    return table


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
