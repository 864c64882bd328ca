"""Pieces of the registers' PDFs shared by the meeting pack and the annual-report appendices: a RAG cell,
the risk heat map (a figure whose alternative text comes from the same data) and the risk table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sgdesk.dates import format_date
from sgdesk.governance.rag import FILL, LABELS, TEXT

if TYPE_CHECKING:
    from sgdesk.governance.risks import Bands, HeatMap, Risk

HEAT_CELL = 30.0          # points: one square of the heat map


def paragraph(text: str, style: Any) -> Any:
    """A paragraph of plain text."""
    from reportlab.platypus import Paragraph

    from sgdesk.pdf.markup import plain_to_markup

    return Paragraph(plain_to_markup(text), style)


def rag_cell(rag: str | None, style: Any) -> Any:
    """A table cell naming the rating in its colour (the word, so it reads without colour too)."""
    from reportlab.platypus import Paragraph

    if rag is None:
        return ""
    return Paragraph(f'<font color="{TEXT[rag]}"><b>{LABELS[rag]}</b></font>', style)


def heat_map_drawing(heat: HeatMap) -> Any:
    """The 5 x 5 grid: likelihood across, impact up, each square in its band's colour with its count of risks."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import HexColor

    from sgdesk.pdf.colours import MUTED, WHITE
    from sgdesk.pdf.colours import TEXT as INK
    from sgdesk.pdf.fonts import BOLD, REGULAR

    left, bottom, cell = 46.0, 34.0, HEAT_CELL
    key_left = left + 5 * cell + 24
    drawing = Drawing(key_left + 150, bottom + 5 * cell + 12)
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = left + (likelihood - 1) * cell, bottom + (impact - 1) * cell
            rag = heat.bands.rag(likelihood * impact)
            drawing.add(Rect(x, y, cell, cell, fillColor=HexColor(FILL[rag]), strokeColor=WHITE, strokeWidth=1.5))
            count = heat.count(likelihood, impact)
            if count:
                drawing.add(String(x + cell / 2, y + cell / 2 - 4, str(count), fontName=BOLD, fontSize=11,
                                   fillColor=INK, textAnchor="middle"))
        drawing.add(String(left + (likelihood - 0.5) * cell, bottom - 11, str(likelihood), fontName=REGULAR,
                           fontSize=8, fillColor=INK, textAnchor="middle"))
        drawing.add(String(left - 7, bottom + (likelihood - 0.5) * cell - 3, str(likelihood), fontName=REGULAR,
                           fontSize=8, fillColor=INK, textAnchor="end"))
    drawing.add(String(left + 2.5 * cell, bottom - 26, "Likelihood", fontName=BOLD, fontSize=8.5, fillColor=INK,
                       textAnchor="middle"))
    label = String(0, 0, "Impact", fontName=BOLD, fontSize=8.5, fillColor=INK, textAnchor="middle")
    from reportlab.graphics.shapes import Group

    turned = Group(label)
    turned.translate(left - 22, bottom + 2.5 * cell)
    turned.rotate(90)
    drawing.add(turned)
    for row, rag in enumerate(("red", "amber", "green")):
        y = bottom + 5 * cell - 16 - row * 22
        scores = heat.bands.scores(rag)
        placed = sum(heat.count(likelihood, impact) for likelihood in range(1, 6) for impact in range(1, 6)
                     if heat.bands.rag(likelihood * impact) == rag)
        drawing.add(Rect(key_left, y, 14, 14, fillColor=HexColor(FILL[rag]), strokeColor=None))
        drawing.add(String(key_left + 20, y + 4, f"{LABELS[rag]} ({scores[0]}-{scores[-1]}): {placed}",
                           fontName=REGULAR, fontSize=8.5, fillColor=INK))
    drawing.add(String(key_left, bottom, "Open risks by residual score", fontName=REGULAR, fontSize=7.5,
                       fillColor=MUTED))
    return drawing


def risk_register(risks: list[Risk], bands: Bands, references: dict[int, str], heat_title: str) -> list[Any]:
    """A line of counts, the heat map and the table of ``risks`` (open, highest residual first)."""
    from reportlab.platypus import Spacer

    from sgdesk.governance.risks import TREND_WORDS, heat_map
    from sgdesk.pdf import data_table, styles
    from sgdesk.pdf.figures import with_alt_text

    s = styles()
    rags = [bands.rag(r.residual_score) for r in risks]
    counts = ", ".join(f"{rags.count(rag)} {rag}" for rag in ("red", "amber", "green"))
    story: list[Any] = [paragraph(
        f"{len(risks)} open risks ({counts}), scored likelihood \u00d7 impact (each 1 to 5) after controls. "
        f"Bands: {bands.describe()}. Trend compares the last review with the one before.", s["body"])]
    heat = heat_map(risks, bands)
    story += [with_alt_text(heat_map_drawing(heat), heat.alt_text(heat_title)), Spacer(1, 6)]
    rows = []
    for risk in risks:
        trend = risk.trend
        rows.append([risk.reference, risk.title, risk.owner,
                     f"{risk.inherent_likelihood} \u00d7 {risk.inherent_impact} = {risk.inherent_score}",
                     f"{risk.residual_likelihood} \u00d7 {risk.residual_impact} = {risk.residual_score}",
                     rag_cell(bands.rag(risk.residual_score), s["cell"]),
                     f"{trend} {TREND_WORDS[trend]}" if trend != "new" else "new",
                     ", ".join(references[a] for a in risk.action_ids if a in references) or "None",
                     format_date(risk.last_reviewed) if risk.last_reviewed else ""])
    story.append(data_table(["Ref", "Risk", "Owner", "Inherent", "Residual", "RAG", "Trend", "Mitigating actions",
                             "Last reviewed"], rows, col_widths=[0.8, 4.3, 2.0, 1.5, 1.5, 0.9, 1.8, 2.2, 1.6],
                            align="LLLCCLLLL", orientation="landscape"))
    return story
