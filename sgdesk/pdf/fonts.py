"""The house typeface: DejaVu Sans, registered with reportlab as the family ``SGSans``.

DejaVu Sans covers the names and symbols board papers carry (Siân, Zoë, Łukasz, £, –, curly
quotes), and embedding it as a TrueType subset keeps the text extractable.

Each face is read from its file when it is first used, not when it is registered: reading one
takes several milliseconds, and most documents never use the bold italic.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sgdesk.paths import resource_path

FAMILY = "SGSans"
REGULAR = "SGSans"
BOLD = "SGSans-Bold"
ITALIC = "SGSans-Italic"
BOLD_ITALIC = "SGSans-BoldItalic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


class _Face(TTFont):
    """A TrueType font that reads its file the first time anything but its name is asked of it.

    Until then it holds only its name and its file; reportlab's own ``TTFont.__init__`` then runs
    as it would have when the font was made, so the font is the same from then on.
    """

    def __init__(self, name: str, filename: str) -> None:  # TTFont.__init__ runs on first use
        self.fontName, self._filename = name, filename

    def __getattr__(self, attribute: str) -> Any:
        """Read the face (an attribute not found means it has not been read yet), then answer."""
        if attribute.startswith("__") or "face" in self.__dict__:
            raise AttributeError(attribute)
        TTFont.__init__(self, self.fontName, self._filename)
        return getattr(self, attribute)


@functools.cache
def register_fonts() -> str:
    """Register the four faces and the ``SGSans`` family once; return the family name.

    Each face is registered as ``pdfmetrics.registerFont`` registers a TrueType font, but
    without reading it (``registerFont`` asks for the name inside the face file, only to notice a
    face registered twice under two names, which the house faces never are).
    The family mapping is what lets ``<b>`` and ``<i>`` work inside Paragraph markup.
    """
    for name, filename in _FILES.items():
        pdfmetrics._fonts[name] = _Face(name, str(resource_path("fonts", filename)))
        pdfmetrics.registerFontFamily(name)
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return FAMILY
