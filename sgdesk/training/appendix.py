"""The training summary appendix (and the ``training`` PDF): the programme's figures for a period, with a
chart of delegates by sector.

reportlab is imported inside the functions, so loading the feature stays cheap.
"""

from __future__ import annotations

import math
from typing import Any

from sgdesk.dates import format_date
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.fyear import Period
from sgdesk.money import format_money
from sgdesk.registry import appendix_title
from sgdesk.reporting import format_cell
from sgdesk.store import BoardFile
from sgdesk.training.charges import describe_period
from sgdesk.training.figures import (
    Figures,
    GroupCount,
    chart_sectors,
    period_figures,
    sector_chart_description,
)
from sgdesk.training.model import LENGTHS
from sgdesk.training.policy import get_policy
from sgdesk.training.reports import figure_rows

ACTIVITY_ROWS = 9  # the first figures (sessions, places, bookings, cancellations); the rest are outcomes


def training_story(bf: BoardFile, board_id: int, period: Period | None) -> list[Any]:
    """The summary's flowables (for this export and for the annual-report pack)."""
    from sgdesk.pdf.markup import escape

    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from sgdesk.pdf import heading, styles

    s = styles()
    figures = period_figures(bf, board_id, period)
    when = describe_period(period)
    story: list[Any] = [heading(summary_title(when), style="title"), Paragraph(_intro(figures), s["body"])]
    story += [heading("Key figures", 1, style="h2"), _key_figures(figures),
              Paragraph("Fill rate is attended / places offered on the sessions run; DNA rate is did not attend / "
                        "(attended + did not attend). Sessions run are those dated up to the day this was made.",
                        s["note"])]
    if figures.by_sector:
        story += [heading("Delegates by sector", 1, style="h2"),
                  KeepTogether([sector_chart(figures.by_sector, when), Spacer(1, 6)]),
                  _group_table(figures.by_sector, "Sector", with_category=False)]
    if figures.by_organisation:
        story += [heading("Delegates by organisation", 1, style="h2"),
                  _group_table(figures.by_organisation, "Organisation", with_category=True)]
    if figures.sessions:
        story += [heading("Sessions run", 1, style="h2"), _sessions_table(figures)]
    if figures.by_course:
        story += [heading("Evaluations", 1, style="h2"), _evaluations_table(figures),
                  Paragraph("Confidence is rated 1 (not at all confident) to 5 (very confident); means to one "
                            "decimal place. Useful: the share of delegates answering who found the course useful.",
                            s["note"])]
    story += [heading("Charging policy", 1, style="h2"),
              Paragraph(escape(get_policy(bf, board_id).summary()), s["body"])]
    return story


def summary_title(when: str) -> str:
    """``Appendix 4: Multi-agency training 2018/19``, numbered as the pack numbers it by default."""
    return appendix_title("training", f"Multi-agency training {when}")


def _key_figures(figures: Figures):
    """The headline figures in two side-by-side columns: activity, then outcomes."""
    from itertools import zip_longest

    from sgdesk.pdf import data_table

    cells = [[measure, str(format_cell(value, kind))] for measure, value, kind in figure_rows(figures)]
    activity, outcomes = cells[:ACTIVITY_ROWS], cells[ACTIVITY_ROWS:]
    rows = [left + right for left, right in zip_longest(activity, outcomes, fillvalue=["", ""])]
    return data_table(["Sessions and bookings", "", "Attendance and outcomes", ""], rows,
                      col_widths=[3.2, 0.9, 3.6, 1], align="LRLR", row_headers=(0, 2))


def _intro(figures: Figures) -> str:
    if not figures.sessions_run:
        return ("No training session ran in this period." if not figures.sessions_planned else
                f"No session has run yet in this period; {figures.sessions_planned} are planned.")
    rate = format_cell(figures.fill_rate, "percent")
    text = (f"The board's multi-agency programme ran <b>{figures.sessions_run}</b> sessions offering "
            f"<b>{figures.places_offered}</b> places. <b>{figures.attended}</b> places were taken up by "
            f"<b>{figures.delegates}</b> different delegates (a fill rate of <b>{rate}</b>); {figures.dna} booked "
            f"delegates did not attend and {figures.late_cancellations} cancelled late.")
    if figures.sessions_cancelled:
        many = figures.sessions_cancelled > 1
        text += (f" {figures.sessions_cancelled} session{'s were' if many else ' was'} cancelled, without charge "
                 "to anyone booked.")
    if figures.income:
        text += f" Charges of <b>{format_money(figures.income)}</b> arose under the charging policy."
    return text


def sector_chart(groups: list[GroupCount], when: str):
    """A horizontal bar chart of places attended by sector (largest first), as a Drawing whose
    alternative text lists the bars."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String

    from sgdesk.pdf import frame_width
    from sgdesk.pdf.colours import ACCENT, GRID, MUTED, TEXT
    from sgdesk.pdf.figures import with_alt_text
    from sgdesk.pdf.fonts import BOLD, REGULAR

    shown = chart_sectors(groups)
    bar = 15
    width = frame_width("portrait")
    height = len(shown) * bar + 40
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 24
    chart.width, chart.height = width - 190, len(shown) * bar
    chart.data = [[g.attended for g in reversed(shown)]]
    chart.categoryAxis.categoryNames = [g.name for g in reversed(shown)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.fillColor = TEXT
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = MUTED
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = _axis_step(max((g.attended for g in shown), default=0))
    chart.valueAxis.valueMax = max(1, math.ceil(max((g.attended for g in shown), default=0)
                                                / chart.valueAxis.valueStep)) * chart.valueAxis.valueStep
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.gridStrokeDashArray = (1, 2)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = bar * 0.7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(chart.x + chart.width / 2, 4, "Places attended", fontName=REGULAR, fontSize=8,
                       fillColor=MUTED, textAnchor="middle"))
    return with_alt_text(drawing, sector_chart_description(groups, when))


def _axis_step(largest: int, intervals: int = 6) -> int:
    """A round step (1, 2 or 5 times a power of ten) that covers ``largest`` in at most ``intervals``.

    >>> _axis_step(114), _axis_step(7), _axis_step(0)
    (20, 2, 1)
    """
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if step * intervals >= largest:
                return step
        power *= 10


def _group_table(groups: list[GroupCount], first: str, *, with_category: bool):
    from sgdesk.pdf import data_table

    header = [first] + (["Category"] if with_category else []) + ["Bookings", "Attended", "DNA", "Delegates"]
    rows = [[g.name] + ([g.category] if with_category else []) + [g.bookings, g.attended, g.dna, g.delegates]
            for g in groups]
    totals = ["All"] + ([""] if with_category else []) + [sum(g.bookings for g in groups),
                                                           sum(g.attended for g in groups),
                                                           sum(g.dna for g in groups),
                                                           sum(g.delegates for g in groups)]
    if with_category:
        header.append("Charged")
        for row, group in zip(rows, groups):
            row.append(format_money(group.income) if group.income else "-")
        totals.append(format_money(sum(g.income for g in groups)))
    widths = [4, 2.3, 1.45, 1.45, 0.9, 1.5, 1.8] if with_category else [5, 1.45, 1.45, 0.9, 1.5]
    align = "LL" + "R" * 5 if with_category else "L" + "R" * 4
    return data_table(header, rows + [totals], col_widths=widths, align=align, total_rows=[-1])


def _sessions_table(figures: Figures):
    from sgdesk.pdf import data_table

    rows = [[format_date(line.session.session_date), line.session.course_title, line.session.level,
             LENGTHS[line.session.length], line.session.capacity, line.attended, line.dna, line.late_cancellations,
             format_cell(line.fill_percent, "percent")] for line in figures.sessions]
    rows.append(["", "All sessions", "", "", figures.places_offered, figures.attended, figures.dna,
                 figures.late_cancellations, format_cell(figures.fill_rate, "percent")])
    return data_table(["Date", "Course", "Level", "Length", "Places", "Attended", "DNA", "Late", "Fill"], rows,
                      col_widths=[1.9, 5, 1.0, 1.5, 1.3, 1.6, 1.0, 1.0, 1.1], align="LLCLRRRRR", total_rows=[-1],
                      font_size=8)


def _evaluations_table(figures: Figures):
    from sgdesk.pdf import data_table

    items = list(figures.by_course) + ([figures.evaluations] if figures.evaluations else [])
    rows = [[s.title, s.attended, s.returned, _decimal(s.before), _decimal(s.after), _decimal(s.change, signed=True),
             format_cell(s.useful_percent, "percent")] for s in items]
    return data_table(["Course", "Attended", "Returned", "Before", "After", "Change", "Useful"], rows,
                      col_widths=[5, 1.4, 1.4, 1.1, 1.1, 1.1, 1.1], align="LRRRRRR",
                      total_rows=[-1] if figures.evaluations else ())


def _decimal(value, *, signed: bool = False) -> str:
    """A mean (``3.6``) or, ``signed``, a change (``+1.0``, ``−0.4``); a dash where there is none."""
    if value is None:
        return "-"
    return format_cell(value, "change" if signed else "decimal")


def export_training(bf: BoardFile, request: ExportRequest) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    when = describe_period(request.period)
    spec = document_spec(bf, request.board_id, summary_title(when), subject="Training programme summary",
                         draft=request.draft, generated_on=request.generated_on)
    pages = build_pdf(request.out, spec, training_story(bf, request.board_id, request.period))
    return ExportResult(request.out, pages)
