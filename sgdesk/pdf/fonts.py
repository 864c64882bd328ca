"""The house typeface: DejaVu Sans, registered with reportlab as the family ``SGSans``.

DejaVu Sans covers the names and symbols board papers carry (Siân, Zoë, Łukasz, £, –, curly
quotes), and embedding it as a TrueType subset keeps the text extractable.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from sgdesk.paths import resource_path
from sgdesk.pdf.font_cache import load_font

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


@functools.cache
def register_fonts() -> str:
    """Register the four faces and the ``SGSans`` family once; return the family name.

    The family mapping is what lets ``<b>`` and ``<i>`` work inside Paragraph markup. The faces are
    read as kept from an earlier process where they can be (:mod:`sgdesk.pdf.font_cache`).
    """
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(load_font(name, resource_path("fonts", filename)))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return FAMILY
