"""House colours, including the accent taken from the document being built.

Styles and tables are made before :func:`~sgdesk.pdf.document.build_pdf` sees the
:class:`~sgdesk.pdf.spec.DocumentSpec`, so they hold an :class:`AccentColor`: a reportlab colour
that reads the accent of the current build each time it is drawn.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from reportlab.lib.colors import Color, HexColor, white

DEFAULT_ACCENT = "#1F4E79"

TEXT = HexColor("#1A1A1A")
MUTED = HexColor("#595959")
GRID = HexColor("#A6A6A6")
ZEBRA = HexColor("#F3F3F3")
WATERMARK = Color(0.5, 0.5, 0.5, alpha=0.2)  # see-through: drawn over the content
WHITE = white

_accent: ContextVar[Color] = ContextVar("sgdesk_pdf_accent", default=HexColor(DEFAULT_ACCENT))


class AccentColor(Color):
    """The current accent, mixed towards white by ``tint`` (0 is the accent, 1 is white)."""

    def __init__(self, tint: float = 0.0) -> None:
        self.tint = tint
        self.alpha = 1

    def _mixed(self, component: float) -> float:
        return component + (1 - component) * self.tint

    @property
    def red(self) -> float:
        """Red component of the tinted accent."""
        return self._mixed(_accent.get().red)

    @property
    def green(self) -> float:
        """Green component of the tinted accent."""
        return self._mixed(_accent.get().green)

    @property
    def blue(self) -> float:
        """Blue component of the tinted accent."""
        return self._mixed(_accent.get().blue)


ACCENT = AccentColor()
ACCENT_TINT = AccentColor(0.85)


@contextlib.contextmanager
def use_accent(hex_colour: str) -> Iterator[None]:
    """Make ``hex_colour`` (e.g. ``"#1F4E79"``) the accent while the block runs."""
    token = _accent.set(HexColor(hex_colour))
    try:
        yield
    finally:
        _accent.reset(token)
