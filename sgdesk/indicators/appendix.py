"""The Local Authority Data Matrix appendix, as seed 002 prints it (Appendix 1 there).

Per section, one table for each run of indicators published over the same periods: an indicator
per row (its figures over the latest periods, latest rank, RAG rating written and coloured, the
direction of travel and a small trend line), with England, the statistical neighbours' average and
the region beneath it. A key to the marks, and a last table of how each indicator is rated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sgdesk.errors import InputError
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.fyear import Period
from sgdesk.indicators.figures import NOTES, PROVISIONAL_MARK, Figure
from sgdesk.indicators.matrix import (
    DEFAULT_COLUMNS,
    Matrix,
    MatrixRow,
    build_matrix,
    comparator_label,
)
from sgdesk.indicators.rag import RATING_FILLS
from sgdesk.indicators.values import cell_text
from sgdesk.registry import appendix_title
from sgdesk.store import BoardFile

DEFAULT_TITLE = "Local Authority Data Matrix"
ORIENTATION = "landscape"   # room for five years, rank, rating, change and trend beside a readable name
MAX_COLUMNS = 8
#: widths in points of the rank, RAG, change and trend columns; a period's column is as wide as its
#: heading or widest figure, and the indicator's takes the rest
_FIXED_PT = (36, 44, 56, 84)
_MIN_INDICATOR_PT, _MAX_INDICATOR_PT, _MAX_PERIOD_PT = 140, 320, 64
_TREND_SIZE = (76, 16)
_PERIOD_CHAR_PT = 6.6   # a character of a period heading (bold figures, and the / of 2019/20)
TRAVEL_WORDS = {"improving": "better", "worsening": "worse", "no change": "same", "up": "up", "down": "down"}


def up_to_year(period: Period | None) -> int | None:
    """Figures published for periods ending by the report period's end (2018/19: up to 2019)."""
    return period.end.year if period is not None else None


def matrix_for(bf: BoardFile, board_id: int, period: Period | None, options: Mapping[str, str]) -> Matrix:
    """The matrix an output shows: ``years`` columns (default 5), one ``section`` or all."""
    text = options.get("years") or str(DEFAULT_COLUMNS)
    if not text.isdigit() or not 1 <= int(text) <= MAX_COLUMNS:
        raise InputError(f"'{text}'", "is not a number of years to show", f"give 1 to {MAX_COLUMNS}")
    matrix = build_matrix(bf, board_id, up_to_year=up_to_year(period), columns=int(text))
    wanted = options.get("section")
    if wanted:
        chosen = [section for section in matrix.sections if section.name.casefold() == wanted.strip().casefold()]
        if not chosen:
            raise InputError(f"'{wanted}'", "is not a section of the data matrix",
                             "choose one of: " + ", ".join(section.name for section in matrix.sections))
        matrix.sections = chosen
    if not any(row.own or row.comparators for row in matrix.rows()):
        up_to = f" up to {period.label}" if period else ""
        raise InputError("this board's data matrix", f"has no figures{up_to}",
                         "import the indicators' figures (File > Import) or type them in Performance first")
    return matrix


def indicator_label(row: MatrixRow) -> str:
    """The indicator's name, with (%) when its figures are percentages and the name does not say so."""
    name = row.indicator.name
    return f"{name} (%)" if row.indicator.unit == "percent" and "%" not in name else name


def travel_text(row: MatrixRow) -> str:
    """``↑ better``, ``↓ worse``, ``→ same``; blank when there is nothing to compare with."""
    if not row.travel.arrow:
        return ""
    return f"{row.travel.arrow} {TRAVEL_WORDS.get(row.travel.words, row.travel.words)}"


def _floats(figures: list[Figure | None]) -> list[float | None]:
    return [float(f.value) if f is not None and f.value is not None else None for f in figures]


def _groups(rows: list[MatrixRow]) -> list[list[MatrixRow]]:
    """Runs of consecutive rows with the same periods (a table each), as the seed's matrix is laid out."""
    groups: list[list[MatrixRow]] = []
    for row in rows:
        if not row.periods:
            continue
        if groups and groups[-1][0].periods == row.periods:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _table(rows: list[MatrixRow]) -> Any:
    from reportlab.platypus import Paragraph, TableStyle

    from sgdesk.office.layout import CHAR_PT, PADDING_PT
    from sgdesk.pdf import data_table, frame_width, styles
    from sgdesk.pdf.figures import trend_line
    from sgdesk.pdf.markup import plain_to_markup

    s = styles()
    comparator_style = s["cell"].clone("comparator", leftIndent=8, textColor=s["note"].textColor)
    periods = rows[0].periods
    header = ["Indicator", *(period.label for period in periods), "Rank", "RAG", "Change", "Trend"]
    body: list[list[Any]] = []
    fills: dict[tuple[int, int], str] = {}
    blocks: list[tuple[int, int]] = []     # each indicator's rows, kept on one page
    rag_column = len(periods) + 2
    for row in rows:
        unit = row.indicator.unit
        own = row.series(row.own)
        comparators = [row.series(values) for _area, values in row.comparators]
        width, height = _TREND_SIZE
        lines = [_floats(own), *(_floats(row.series(values)) for _area, values in row.charted_comparators())]
        line = trend_line(lines, row.alt_text, width=width, height=height) if len(periods) > 1 else ""
        if row.judgement.rating:
            fills[(len(body), rag_column)] = RATING_FILLS[row.judgement.rating]
        blocks.append((len(body), len(body) + len(row.comparators)))
        body.append([indicator_label(row), *(cell_text(f, unit) for f in own), row.latest_rank,
                     row.judgement.label if row.judgement.rating else "–", travel_text(row), line])
        for (area, _values), series in zip(row.comparators, comparators):
            label = Paragraph(plain_to_markup(comparator_label(area)), comparator_style)
            body.append([label, *(cell_text(f, unit) for f in series), "", "", "", ""])
    widest = max(len(str(cells[1 + n])) for cells in body for n in range(len(periods)))
    period_pt = max(widest * CHAR_PT, max(len(period.label) for period in periods) * _PERIOD_CHAR_PT) + PADDING_PT
    rest = frame_width(ORIENTATION) - sum(_FIXED_PT) - period_pt * len(periods)
    if rest > _MAX_INDICATOR_PT:   # room to spare: the figures get it first, up to a point
        period_pt = min(_MAX_PERIOD_PT, max(period_pt, period_pt + (rest - _MAX_INDICATOR_PT) / len(periods)))
        rest = frame_width(ORIENTATION) - sum(_FIXED_PT) - period_pt * len(periods)
    weights = [max(rest, _MIN_INDICATOR_PT), *([period_pt] * len(periods)), *_FIXED_PT]
    align = "L" + "R" * len(periods) + "RCLC"
    table = data_table(header, body, col_widths=weights, align=align, fills=fills, zebra=False,
                       orientation=ORIENTATION)
    table.setStyle(TableStyle([("NOSPLIT", (0, first + 1), (-1, last + 1)) for first, last in blocks if last > first]))
    return table


def _key(matrix: Matrix) -> str:
    marks = {f.note for row in matrix.rows() for values in (row.own, *(v for _a, v in row.comparators))
             for f in (value.figure for value in values.values()) if f.note}
    parts = [f"{NOTES[note][0]} {NOTES[note][1]}" for note in NOTES if note in marks]
    if any(value.figure.provisional for row in matrix.rows() for value in row.own.values()):
        parts.append(f"{PROVISIONAL_MARK} provisional")
    return "Key: " + "; ".join(parts) + "." if parts else ""


def _introduction(matrix: Matrix, period: Period | None) -> list[str]:
    own = matrix.own_area.name if matrix.own_area else "this authority"
    kinds = {area.kind for row in matrix.rows() for area, _values in row.comparators}
    against = ", ".join(text for kind, text in (("england", "England"), ("sn_average", "the statistical "
                        "neighbours' average"), ("region", "the region")) if kind in kinds) or "earlier years"
    up_to = f", for periods ending by {period.end.year}" if period else ""
    return [
        f"Figures for {own} against {against}, as DfE, Ofsted and partners publish them{up_to}. Each indicator's "
        "latest figures are shown, with its rank among authorities where one was published.",
        "RAG ratings are worked out from each indicator's rule (listed at the end): Green, as good as the "
        "comparator or better; Amber, worse but within the indicator's tolerance; Red, worse by more than that. "
        "Indicators where neither a higher nor a lower figure is better (demand, such as rates of children in "
        "need) are not rated. Change: the direction of travel since the figure before. Trend: the "
        "authority's figures (solid line) against the comparators on its scale (dashed). Rank: the latest "
        "figure's rank among authorities, as published.",
    ]


def _rules_table(matrix: Matrix) -> Any:
    from sgdesk.pdf import data_table

    rows = [[indicator_label(row), row.indicator.polarity,
             row.indicator.rule.describe(row.indicator.unit).replace("against ", "").replace("; ", ", ")
             if row.indicator.polarity != "neither" else "not rated",
             row.indicator.source or ""]
            for row in matrix.rows()]
    return data_table(["Indicator", "Better when", "Rated against", "Source"], rows, col_widths=[4.5, 1.4, 3.6, 3.2],
                      orientation=ORIENTATION)


def matrix_story(bf: BoardFile, board_id: int, period: Period | None,
                 options: Mapping[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """(title, orientation, flowables) of the data matrix, for its export and the annual-report pack.

    ``options``: ``years`` (columns, default 5), ``section`` (one section), ``title``.
    """
    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.office.exports import table_heading
    from sgdesk.pdf import heading, styles
    from sgdesk.pdf.markup import plain_to_markup

    options = options or {}
    matrix = matrix_for(bf, board_id, period, options)
    title = options.get("title") or appendix_title("data-matrix", DEFAULT_TITLE)
    s = styles()
    story: list[Any] = [heading(title, 0, style="title")]
    story += [Paragraph(plain_to_markup(text), s["body"]) for text in _introduction(matrix, period)]
    key = _key(matrix)
    if key:
        story.append(Paragraph(plain_to_markup(key), s["note"]))
    for section in matrix.sections:
        groups = _groups(section.rows)
        if not groups:
            continue
        story += table_heading(section.name)
        for group in groups:
            story += [_table(group), Spacer(1, 6)]
    story += table_heading("How each indicator is rated")
    story.append(_rules_table(matrix))
    return title, ORIENTATION, story


def export_data_matrix(bf: BoardFile, request: ExportRequest) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    title, orientation, story = matrix_story(bf, request.board_id, request.period, request.options)
    subject = "Performance indicators" + (f" to {request.period.label}" if request.period else "")
    spec = document_spec(bf, request.board_id, title, subject=subject, draft=request.draft,
                         generated_on=request.generated_on)
    return ExportResult(request.out, build_pdf(request.out, spec, story, orientation=orientation))

