"""Red, amber, green: the ratings the action log, the risk register and the business plan share.

The colours are hex strings, so the PDF, Word and the app print the same ones: ``TEXT`` colours
(darkened to a contrast of at least 4.5:1 on white) for a rating written as a word, ``FILL``
colours (light, under dark text) for the cells of the risk heat map.
"""

from __future__ import annotations

from typing import Any

from sgdesk.errors import InputError, quoted

RAGS = ("red", "amber", "green")
LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}
TEXT = {"red": "#B00020", "amber": "#8A5A00", "green": "#2E6B30"}
FILL = {"red": "#F2A7A7", "amber": "#FFD98A", "green": "#B9DDB0"}
#: the order to list rated things in: red first
ORDER = {"red": 0, "amber": 1, "green": 2, None: 3}

_WORDS = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "yellow": "amber", "g": "green",
          "green": "green", "off track": "red", "at risk": "amber", "on track": "green"}


def parse_rag(value: Any) -> str:
    """``R``, ``Red``, ``amber``, ``On track``... as ``red``, ``amber`` or ``green``.

    >>> parse_rag(" A "), parse_rag("On track")
    ('amber', 'green')
    """
    text = " ".join(str(value).replace("-", " ").split()).casefold()
    if text in _WORDS:
        return _WORDS[text]
    raise InputError(quoted(value), "is not a RAG rating", "write Red, Amber or Green (or R, A, G)")


def label(rag: str | None) -> str:
    """``Red``, or a blank for no rating."""
    return LABELS.get(rag or "", "")
