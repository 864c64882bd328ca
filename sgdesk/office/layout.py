"""How a report table is laid out on an A4 page, in PDF and Word alike: cell texts, column
widths that keep figures on one line and wrap long text, and the page orientation.
"""

from __future__ import annotations

from sgdesk.reporting import ReportTable, format_cell

PAGE_MM = (210, 297)  # A4
MARGIN_MM = 18
POINTS_PER_MM = 72 / 25.4
CHAR_PT = 5.4  # a character of the 8.5 pt table face, on average (figures are the widest)
HEADER_CHAR_PT = 5.9  # the same in bold
PADDING_PT = 7  # cell padding and rules, left and right together
TEXT_CAP = 40  # characters: longer text wraps rather than widening its column
_TEXT_FLOOR = 12  # characters a text column keeps before it is made to wrap harder
_MIN_CHARS = 3


def usable_width_mm(orientation: str) -> float:
    """The width between the margins of an A4 page in "portrait" or "landscape"."""
    return (PAGE_MM[1] if orientation == "landscape" else PAGE_MM[0]) - 2 * MARGIN_MM


def usable_width_pt(orientation: str) -> float:
    return usable_width_mm(orientation) * POINTS_PER_MM


def cell_texts(table: ReportTable) -> list[list[str]]:
    """Each row's cells as a reader sees them ("£1,234.56", "88%", "21 Sep 2017")."""
    return [[str(format_cell(row.get(column.key), column.kind)) for column in table.columns] for row in table.rows]


def column_weights(table: ReportTable, texts: list[list[str]], cap: int) -> list[int]:
    """The characters each column wants: its longest header word or longest cell, text up to ``cap``."""
    weights = []
    for index, (column, header) in enumerate(zip(table.columns, _header_chars(table))):
        longest = max((len(row[index]) for row in texts), default=0)
        weights.append(max(_MIN_CHARS, header, longest if column.numeric else min(longest, cap)))
    return weights


def _header_chars(table: ReportTable) -> list[int]:
    return [max((len(word) for word in column.label.split()), default=0) for column in table.columns]


def _points(chars: int, header_chars: int) -> float:
    return max(chars * CHAR_PT, header_chars * HEADER_CHAR_PT) + PADDING_PT


def fit_widths(table: ReportTable, texts: list[list[str]], available_pt: float) -> list[float]:
    """Column widths in points filling ``available_pt``.

    Figures and dates keep their natural width (they never wrap); when the table is too wide,
    the text columns give up width in proportion to what they have above a floor, so long text
    wraps first; when it is narrow, every column widens in proportion.
    """
    chars = column_weights(table, texts, TEXT_CAP)
    header = _header_chars(table)
    natural = [_points(c, h) for c, h in zip(chars, header)]
    floors = [n if column.numeric else _points(min(c, _TEXT_FLOOR), h)
              for n, c, h, column in zip(natural, chars, header, table.columns)]
    excess = sum(natural) - available_pt
    spare = sum(natural) - sum(floors)
    if excess <= 0 or spare <= 0 or excess > spare:
        widths = natural if excess <= 0 or spare <= 0 else floors
        return [width * available_pt / sum(widths) for width in widths]
    return [n - (n - f) * excess / spare for n, f in zip(natural, floors)]


def orientation_for(tables: list[ReportTable]) -> str:
    """"landscape" if any table cannot sit on a portrait page without crushing its text."""
    portrait = usable_width_pt("portrait")
    for table in tables:
        texts = cell_texts(table)
        chars = column_weights(table, texts, _TEXT_FLOOR)
        header = _header_chars(table)
        if sum(_points(c, h) for c, h in zip(chars, header)) > portrait:
            return "landscape"
    return "portrait"
