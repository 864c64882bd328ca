"""Pictures in a story (charts, logos) and the alternative text that travels with them.

Whoever makes a picture gives it its text with :func:`with_alt_text`; the Word and Excel
versions of a story (and the PDF's Figure) read it back with :func:`alt_text`, so every format
describes the picture in the same words.
"""

from __future__ import annotations

from typing import Any, TypeVar

_ATTRIBUTE = "alt_text"
F = TypeVar("F")


def with_alt_text(flowable: F, text: str) -> F:
    """``flowable`` carrying ``text`` as its alternative text."""
    # a reportlab Drawing refuses attributes it does not know, so set it past that check
    vars(flowable)[_ATTRIBUTE] = text
    return flowable


def alt_text(flowable: Any) -> str:
    """The alternative text given to ``flowable``, or "" if it has none."""
    return getattr(flowable, _ATTRIBUTE, "")
