"""Figures: a drawing (a chart, a heat map) together with the alternative text that says what it shows.

A figure is drawn like any other flowable; its ``alt_text`` goes with it into Word (as the
picture's description) and belongs in the PDF's structure once it is tagged. Write the text from
the data the drawing was made from, so the two cannot disagree.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable


class Figure(Flowable):
    """A reportlab :class:`Drawing` with its alternative text."""

    def __init__(self, drawing: Drawing, alt_text: str) -> None:
        super().__init__()
        if not " ".join(alt_text.split()):
            raise ValueError("a figure needs alternative text: say what it shows")
        self.drawing = drawing
        self.alt_text = " ".join(alt_text.split())
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.drawing.wrap(availWidth, availHeight)

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def figure(drawing: Any, alt_text: str) -> Figure:
    """A house-style figure: ``drawing`` described by ``alt_text``."""
    return Figure(drawing, alt_text)
