"""Turning plain text into reportlab Paragraph markup."""

from __future__ import annotations

from xml.sax.saxutils import escape


def plain_to_markup(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` and keep line breaks, so ``text`` prints as written."""
    return escape(text).replace("\n", "<br/>")
