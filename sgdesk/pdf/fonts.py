"""The house typeface: DejaVu Sans, registered with reportlab as the family ``SGSans``.

DejaVu Sans covers the names and symbols board papers carry (Siân, Zoë, Łukasz, £, –, curly
quotes), and embedding it as a TrueType subset keeps the text extractable.

Each face is read from its file when it is first used, not when it is registered: reading one
takes several milliseconds, and most documents never use the bold italic.
"""

from __future__ import annotations

import functools
import threading
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


_READING = threading.Lock()  # exports run in worker threads: a face is read once, by one of them


class _Face(TTFont):
    """A TrueType font that reads its file the first time anything but its name is asked of it.

    Until then it holds only its name and its file; then reportlab's own ``TTFont.__init__`` runs
    as it would have when the font was made, and the font becomes a plain ``TTFont``.
    """

    def __init__(self, name: str, filename: str) -> None:  # TTFont.__init__ runs on first use
        self.fontName, self._filename = name, filename

    def __getattr__(self, attribute: str) -> Any:
        """Read the face (an attribute not found: it has not been read yet), then answer as a TTFont."""
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        with _READING:
            if type(self) is _Face:  # not read by another thread meanwhile
                filename = self.__dict__.pop("_filename")
                TTFont.__init__(self, self.fontName, filename)
                self.__class__ = TTFont  # so that what a TTFont lacks is not looked for here again
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
