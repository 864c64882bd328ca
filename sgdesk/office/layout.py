"""How a report table is laid out on an A4 page, in PDF and Word alike: cell texts, column
widths that keep figures on one line and wrap long text, and the page orientation.
"""

from __future__ import annotations

import math

from sgdesk.reporting import ReportTable, format_cell

PAGE_MM = (210, 297)  # A4
MIN_ROWS = 3  # body rows a table keeps on each page it spans
MARGIN_MM = 18
POINTS_PER_MM = 72 / 25.4
CHAR_PT = 5.4  # a character of the 8.5 pt table face, on average (figures are the widest)
HEADER_CHAR_PT = 5.9  # the same in bold
PADDING_PT = 12  # cell padding and rules, left and right together (Word's default cell margins)
_TEXT_FLOOR = 12  # characters: a text column with longer words may still break them (an email address)
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


def distribute(least: list[float], most: list[float], available: float,
               cells: list[list[float]] | None = None, padding: float = 0) -> list[float]:
    """Column widths filling ``available``, each from ``least`` (its longest word) to ``most`` (its
    longest text on one line).

    Columns that can have all they want and more widen in proportion. Otherwise every column has
    its least, and the rest goes where it saves most lines: ``cells`` holds each column's cells as
    the width of their text on one line (in the units of the widths, ``padding`` inside each
    cell), so a column of long statements gets the room while a column of short names keeps its
    lines whole. Without ``cells`` the rest is shared in proportion to what more each wants. If
    even the least is too wide, every column gives up width in proportion.

    >>> distribute([10, 10], [20, 60], 100)
    [25.0, 75.0]
    >>> distribute([10, 10], [30, 70], 60)
    [20.0, 40.0]
    >>> [round(w) for w in distribute([10, 10], [40, 200], 100, cells=[[40, 40], [200, 200]])]
    [20, 80]
    """
    most = [max(low, high) for low, high in zip(least, most)]
    if sum(most) <= available:
        return [width * available / sum(most) for width in most]
    if sum(least) >= available:
        return [width * available / sum(least) for width in least]
    widths = list(least)
    if cells:
        widths = _fewest_lines(widths, most, available, cells, padding)
    spare, wanted = available - sum(widths), sum(most) - sum(widths)
    return [low + (high - low) * spare / wanted for low, high in zip(widths, most)]


def at_least(widths: list[float], floors: list[float], width: float) -> list[float]:
    """``widths`` (filling ``width``) with each raised to its floor, the room taken from the
    columns with some to spare; if the floors alone are too wide, the floors in proportion.

    >>> [round(w, 1) for w in at_least([10, 50, 40], [20, 10, 10], 100)]
    [20.0, 44.3, 35.7]
    """
    if sum(floors) >= width:
        return [floor * width / sum(floors) for floor in floors]
    result = [float(w) for w in widths]
    for _ in range(len(result)):
        short = sum(max(0.0, floor - w) for w, floor in zip(result, floors))
        if short <= 0.01:
            break
        spare = [max(0.0, w - floor) for w, floor in zip(result, floors)]
        result = [max(w, floor) - short * s / sum(spare) for w, floor, s in zip(result, floors, spare)]
    return result


_STEPS = 40  # the spare width is handed out in this many shares


def _fewest_lines(widths: list[float], most: list[float], available: float, cells: list[list[float]],
                  padding: float) -> list[float]:
    """``widths`` widened a share at a time, each share to the column where it saves most lines."""
    step = (available - sum(widths)) / _STEPS
    rows = len(cells[0]) if cells else 0

    def lines(column: int, width: float) -> list[int]:
        room = max(1.0, width - padding)
        return [max(1, math.ceil(text / room)) for text in cells[column]]

    current = [lines(c, w) for c, w in enumerate(widths)]
    for _ in range(_STEPS):
        tallest = [max(column[r] for column in current) for r in range(rows)]
        others = [sorted((column[r] for column in current), reverse=True) for r in range(rows)]
        best, saved, trial = None, 0, None
        for c, width in enumerate(widths):
            if width + step > most[c]:
                continue
            wider = lines(c, width + step)
            rest = [others[r][1] if len(others[r]) > 1 and current[c][r] == others[r][0] else others[r][0]
                    for r in range(rows)]
            gain = sum(tallest) - sum(max(rest[r], wider[r]) for r in range(rows))
            if gain > saved:
                best, saved, trial = c, gain, wider
        if best is None:
            break
        widths[best] += step
        current[best] = trial
    return widths


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def fit_widths(table: ReportTable, texts: list[list[str]], available_pt: float) -> list[float]:
    """Column widths in points filling ``available_pt``, from what the columns hold.

    Figures and dates keep their natural width (they never wrap) and no header word is ever
    split; text columns share the rest where it saves most lines (see :func:`distribute`).
    """
    header = _header_chars(table)
    least, most = [], []
    for index, (column, words) in enumerate(zip(table.columns, header)):
        longest = max((len(row[index]) for row in texts), default=0)
        if column.numeric or column.kind == "date":  # figures and dates never wrap
            least.append(_points(max(_MIN_CHARS, longest), words))
            most.append(least[-1])
            continue
        word = max((_longest_word(row[index]) for row in texts), default=0)
        least.append(_points(max(_MIN_CHARS, min(word, _TEXT_FLOOR)), words))
        most.append(_points(max(_MIN_CHARS, longest), words))
    cells = [[len(row[index]) * CHAR_PT for row in texts] for index in range(len(table.columns))]
    return distribute(least, most, available_pt, cells, PADDING_PT)


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
