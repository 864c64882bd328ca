"""The house paragraph styles."""

from __future__ import annotations

import copy
import functools

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from sgdesk.pdf.colours import ACCENT, MUTED, TEXT
from sgdesk.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

CELL_FONT_SIZE = 8.5
_LEADING = 1.24  # table-cell leading as a multiple of the font size


def cell_style(name: str, font_size: float, *, bold: bool = False, alignment: int = 0) -> ParagraphStyle:
    """A table-cell style at ``font_size`` (0 left, 1 centre, 2 right aligned)."""
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=font_size,
        leading=round(font_size * _LEADING, 2),
        textColor=TEXT,
        alignment=alignment,
    )


def styles() -> dict[str, ParagraphStyle]:
    """A fresh set of the house styles, keyed by name; changing one affects only this set.

    The set is copied from one made once (a pack asks for a set per heading and per paragraph of
    some appendices, and making fourteen styles takes reportlab a tenth of a millisecond); a copy's
    parent is the copy of its parent, as in a set made anew.
    """
    made = {name: copy.copy(style) for name, style in _house_styles().items()}
    for style in made.values():
        if style.parent is not None:
            style.parent = made[style.parent.name]
    return made


def style(name: str) -> ParagraphStyle:
    """A fresh copy of the house style ``name``, as ``styles()[name]`` gives it, without copying the
    others (a heading or a paragraph asks for one); the styles it derives from are fresh copies too."""
    made = copy.copy(_house_styles()[name])
    derived = made
    while derived.parent is not None:
        derived.parent = copy.copy(derived.parent)
        derived = derived.parent
    return made


@functools.cache
def _house_styles() -> dict[str, ParagraphStyle]:
    """The house styles, made once: :func:`styles` hands out copies, never these."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=TEXT, spaceAfter=6
    )

    def heading(name: str, size: float, colour: Color, before: float, after: float = 4) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=body,
            fontName=BOLD,
            fontSize=size,
            leading=round(size * 1.25, 2),
            textColor=colour,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=1,
        )

    size = CELL_FONT_SIZE
    return {
        "title": heading("title", 18, ACCENT, 0, after=10),
        "h1": heading("h1", 14, ACCENT, 12),
        "h2": heading("h2", 12, ACCENT, 10),
        "h3": heading("h3", 10.5, TEXT, 8),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, spaceAfter=4),
        "note": ParagraphStyle(
            "note", parent=body, fontName=ITALIC, fontSize=8, leading=10, textColor=MUTED, spaceBefore=3, spaceAfter=4
        ),
        "cell": cell_style("cell", size),
        "cell_bold": cell_style("cell_bold", size, bold=True),
        "cell_right": cell_style("cell_right", size, alignment=TA_RIGHT),
        "cell_right_bold": cell_style("cell_right_bold", size, bold=True, alignment=TA_RIGHT),
        "cell_center": cell_style("cell_center", size, alignment=TA_CENTER),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontName=ITALIC,
            textColor=MUTED,
            leftIndent=14,
            rightIndent=14,
            spaceBefore=2,
            spaceAfter=8,
        ),
    }
